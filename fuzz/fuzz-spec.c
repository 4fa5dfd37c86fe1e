/*
 * fuzz-spec.c -- libFuzzer target for spec files and the schedule engine.
 *
 * Arbitrary bytes go to tt_spec_parse(); whatever it accepts is validated
 * and computed (with a small milestone limit, so that a spec asking for
 * millions of dates is refused quickly instead of timing out), and every
 * milestone's label, derivation, rule and basis is rendered, into full-size
 * buffers and into tiny ones.  The schedule must come out in date order
 * with valid dates, a clone of the spec must give the same schedule, and an
 * error must carry a message and a location inside the input.  Build and
 * run with fuzz/run.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <treatyterm/treatyterm.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_MILESTONES 2000

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz-spec: %s\n", what);
	abort();
}

/* Counts the lines of DATA as the parser does (a last line without a
 * newline counts). */
static unsigned
count_lines(const uint8_t *data, size_t size)
{
	unsigned n = 0;

	for (size_t i = 0; i < size; i++)
		n += data[i] == '\n';
	return n + (size > 0 && data[size - 1] != '\n');
}

static void
check_error(const tt_error *e, tt_status st, unsigned lines)
{
	if (e->code != st)
		fail("error code differs from the status");
	if (e->message[0] == '\0')
		fail("error without a message");
	if (memchr(e->message, '\0', sizeof e->message) == NULL)
		fail("unterminated error message");
	if (e->line > lines)
		fail("error line past the end of the input");
	if ((e->section == NULL) != (e->key == NULL))
		fail("error names a section without a key or the reverse");
}

static void
render(const tt_schedule *s)
{
	char big[TT_TEXT_BUFSIZE], tiny[5];
	char d[TT_DATE_BUFSIZE];
	tt_date prev = { 1, 1, 1 }, x;
	tt_duration term;

	(void)tt_schedule_id(s);
	(void)tt_schedule_name(s);
	(void)tt_schedule_term(s, &term);
	(void)tt_schedule_expiry(s, &x);
	(void)tt_schedule_horizon(s);
	(void)tt_schedule_truncated(s);
	(void)tt_convention_name(tt_schedule_convention(s));
	for (size_t i = 0; i < tt_schedule_count(s); i++) {
		const tt_milestone *m = tt_schedule_at(s, i);

		if (m == NULL)
			fail("tt_schedule_at returned NULL inside the count");
		if (!tt_date_is_valid(m->date) || !tt_date_is_valid(m->nominal))
			fail("milestone with an invalid date");
		if (tt_date_compare(m->date, prev) < 0)
			fail("milestones out of date order");
		prev = m->date;
		if ((unsigned)m->kind >= TT_KIND_COUNT)
			fail("milestone of an unknown kind");
		(void)tt_kind_name(m->kind);
		(void)tt_weekday_name(tt_date_weekday(m->date));
		tt_date_format(m->date, d);
		tt_milestone_label(m, big, sizeof big);
		if (strlen(big) + 1 >= sizeof big)
			fail("label filled TT_TEXT_BUFSIZE");
		tt_milestone_derivation(m, big, sizeof big);
		if (strlen(big) + 1 >= sizeof big)
			fail("derivation filled TT_TEXT_BUFSIZE");
		tt_milestone_rule(m, big, sizeof big);
		if (strlen(big) + 1 >= sizeof big)
			fail("rule filled TT_TEXT_BUFSIZE");
		tt_milestone_basis(m, big, sizeof big);
		/* Truncation must stay inside the buffer. */
		tt_milestone_label(m, tiny, sizeof tiny);
		tt_milestone_derivation(m, tiny, sizeof tiny);
		tt_milestone_rule(m, tiny, sizeof tiny);
		tt_milestone_basis(m, tiny, sizeof tiny);
		tt_milestone_basis(m, tiny, 1);
		tt_milestone_label(m, tiny, 0);
	}
	if (tt_schedule_at(s, tt_schedule_count(s)) != NULL)
		fail("tt_schedule_at past the end is not NULL");
}

static bool
same_schedule(const tt_schedule *a, const tt_schedule *b)
{
	if (tt_schedule_count(a) != tt_schedule_count(b))
		return false;
	for (size_t i = 0; i < tt_schedule_count(a); i++) {
		const tt_milestone *x = tt_schedule_at(a, i);
		const tt_milestone *y = tt_schedule_at(b, i);

		if (tt_date_compare(x->date, y->date) != 0 ||
		    x->kind != y->kind || x->ordinal != y->ordinal)
			return false;
	}
	return strcmp(tt_schedule_id(a), tt_schedule_id(b)) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tt_schedule_options opt = { NULL, TT_ROLL_NONE, MAX_MILESTONES };
	unsigned lines = count_lines(data, size);
	tt_spec *spec, *clone;
	tt_schedule *s, *s2;
	tt_status st, st2;
	tt_error e;

	spec = tt_spec_new();
	s = tt_schedule_new();
	s2 = tt_schedule_new();
	if (spec == NULL || s == NULL || s2 == NULL)
		fail("out of memory");
	memset(&e, 0, sizeof e);
	st = tt_spec_parse(spec, (const char *)data, size, &e);
	if (st != TT_OK) {
		check_error(&e, st, lines);
		goto done;
	}
	memset(&e, 0, sizeof e);
	st = tt_spec_validate(spec, &e);
	if (st != TT_OK)
		check_error(&e, st, lines);
	memset(&e, 0, sizeof e);
	st2 = tt_schedule_compute(s, spec, &opt, &e);
	/* Computing validates first, with the same result. */
	if (st != TT_OK && st2 != st)
		fail("compute and validate disagree");
	if (st2 != TT_OK) {
		check_error(&e, st2, lines);
		if (tt_schedule_count(s) != 0)
			fail("failed computation left milestones");
		goto done;
	}
	render(s);
	/* Rolling meetings off weekends must work on any schedule. */
	opt.roll = TT_ROLL_FOLLOWING;
	if (tt_schedule_compute(s2, spec, &opt, &e) == TT_OK)
		render(s2);
	opt.roll = TT_ROLL_NONE;
	/* A clone computes the same, and a schedule can be recomputed in
	 * place. */
	clone = tt_spec_clone(spec);
	if (clone == NULL)
		fail("tt_spec_clone failed");
	tt_spec_free(spec);
	spec = clone;
	if (tt_schedule_compute(s2, spec, &opt, &e) != TT_OK)
		fail("the clone does not compute");
	if (!same_schedule(s, s2))
		fail("the clone computes a different schedule");
	render(s2);
	tt_spec_reset(spec);
	if (tt_schedule_compute(s2, spec, &opt, &e) == TT_OK)
		fail("a reset spec still computes");
done:
	tt_schedule_free(s);
	tt_schedule_free(s2);
	tt_spec_free(spec);
	return 0;
}
