/*
 * fuzz-spec.c -- libFuzzer target for spec files and the schedule engine.
 *
 * Arbitrary bytes go to tt_spec_parse(); whatever it accepts is validated
 * and computed (with a small milestone limit, so that a spec asking for
 * millions of dates is refused quickly instead of timing out), and every
 * milestone's label, derivation, rule and basis is rendered, into full-size
 * buffers and into tiny ones.  The schedule must come out in date order
 * with valid dates, a clone of the spec must give the same schedule, and an
 * error must carry a message and a location inside the input.
 *
 * The same bytes are then read as settings: each record picks a key from
 * the library's schema (tt_spec_key_at(), so every key is reached and no
 * list of names is kept here), how to set it, and a value.  A value the
 * text setter accepts must read back through the typed getter of its key
 * and be accepted by the typed setter, and the two specs must validate and
 * compute alike.  Build and run with fuzz/run.
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

/* Checks a text function's result: LEN is the whole text's length, BUF
 * (SIZE bytes) holds as much of it as fits. */
static void
check_text(size_t len, const char *buf, size_t size, const char *what)
{
	if (size == 0)
		return;
	if (memchr(buf, '\0', size) == NULL)
		fail(what);
	if (len < size ? strlen(buf) != len : strlen(buf) > size - 1)
		fail(what);
}

static void
render(const tt_schedule *s)
{
	char big[TT_TEXT_BUFSIZE], tiny[5];
	char d[TT_DATE_BUFSIZE];
	tt_date prev = { 1, 1, 1 }, x;
	tt_duration term;
	size_t len;

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
		if (!tt_kind_is_valid(m->kind))
			fail("milestone of an unknown kind");
		(void)tt_kind_name(m->kind);
		(void)tt_weekday_name(tt_date_weekday(m->date));
		tt_date_format(m->date, d);
		/* A label holds the spec's own, of any length. */
		len = tt_milestone_label(m, big, sizeof big);
		check_text(len, big, sizeof big, "label length");
		if (tt_milestone_label(m, NULL, 0) != len)
			fail("label length differs without a buffer");
		len = tt_milestone_derivation(m, big, sizeof big);
		check_text(len, big, sizeof big, "derivation length");
		if (len + 1 >= sizeof big)
			fail("derivation filled TT_TEXT_BUFSIZE");
		len = tt_milestone_rule(m, big, sizeof big);
		check_text(len, big, sizeof big, "rule length");
		if (len + 1 >= sizeof big)
			fail("rule filled TT_TEXT_BUFSIZE");
		len = tt_milestone_basis(m, big, sizeof big);
		check_text(len, big, sizeof big, "basis length");
		if (len + 1 >= sizeof big)
			fail("basis filled TT_TEXT_BUFSIZE");
		/* Truncation must stay inside the buffer, and count the
		 * same. */
		check_text(tt_milestone_label(m, tiny, sizeof tiny), tiny,
			   sizeof tiny, "label cut short");
		check_text(tt_milestone_derivation(m, tiny, sizeof tiny),
			   tiny, sizeof tiny, "derivation cut short");
		check_text(tt_milestone_rule(m, tiny, sizeof tiny), tiny,
			   sizeof tiny, "rule cut short");
		if (tt_milestone_basis(m, tiny, sizeof tiny) != len)
			fail("basis length differs when cut short");
		check_text(tt_milestone_basis(m, tiny, 1), tiny, 1,
			   "basis in one byte");
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

/* Copies the value that K was just set to in FROM into TO with the typed
 * setter of its type, which must accept it. */
static void
copy_typed(const tt_spec *from, tt_spec *to, const tt_spec_key *k)
{
	const char *text;
	tt_duration dur;
	tt_date date;
	tt_status st;
	tt_error e;
	int n;

	switch (k->type) {
	case TT_VALUE_DATE:
	case TT_VALUE_DEPOSIT:	/* the suffix's instrument stays behind */
		if (!tt_spec_get_date(from, k->section, k->key, &date))
			fail("a date set is not read back");
		st = tt_spec_set_date(to, k->section, k->key, date, &e);
		break;
	case TT_VALUE_TERM:
		if (tt_spec_get_text(from, k->section, k->key, &text)) {
			st = tt_spec_set_text(to, k->section, k->key, text,
					      &e);
			break;
		}
		/* FALLTHROUGH */
	case TT_VALUE_DURATION:
	case TT_VALUE_PERIOD:
		if (!tt_spec_get_duration(from, k->section, k->key, &dur))
			fail("a duration set is not read back");
		st = tt_spec_set_duration(to, k->section, k->key, dur, &e);
		break;
	case TT_VALUE_EVENT_DATE:
	case TT_VALUE_FLOOR:
		/* A date, or "unknown" / a duration. */
		if (tt_spec_get_date(from, k->section, k->key, &date))
			st = tt_spec_set_date(to, k->section, k->key, date,
					      &e);
		else if (tt_spec_get_duration(from, k->section, k->key, &dur))
			st = tt_spec_set_duration(to, k->section, k->key, dur,
						  &e);
		else if (tt_spec_get_text(from, k->section, k->key, &text))
			st = tt_spec_set_text(to, k->section, k->key, text,
					      &e);
		else
			fail("a date, duration or word set is not read back");
		break;
	case TT_VALUE_COUNT:
	case TT_VALUE_TIMES:
	case TT_VALUE_WEIGHT:
		if (!tt_spec_get_count(from, k->section, k->key, &n))
			fail("a count set is not read back");
		st = tt_spec_set_count(to, k->section, k->key, n, &e);
		break;
	default:
		if (!tt_spec_get_text(from, k->section, k->key, &text))
			fail("text set is not read back");
		st = tt_spec_set_text(to, k->section, k->key, text, &e);
		break;
	}
	if (st != TT_OK)
		fail("a typed setter refuses what the text setter took");
	if (!tt_spec_has(to, k->section, k->key))
		fail("a value set typed is not there");
}

/* The bytes as settings: one byte picks the key (among the schema's),
 * one how to set it, and the value runs to the next line feed. */
static void
fuzz_settings(const uint8_t *data, size_t size)
{
	tt_schedule_options opt;
	tt_spec *text = tt_spec_new(), *typed = tt_spec_new();
	tt_schedule *s1 = tt_schedule_new(), *s2 = tt_schedule_new();
	size_t nkeys = tt_spec_key_count(), pos = 0;
	tt_status st, st2;
	tt_error e, e2;

	if (text == NULL || typed == NULL || s1 == NULL || s2 == NULL)
		fail("out of memory");
	if (nkeys == 0 || tt_spec_key_at(nkeys) != NULL)
		fail("the schema's count and table disagree");
	while (pos + 2 <= size) {
		const tt_spec_key *k = tt_spec_key_at(data[pos] % nkeys);
		unsigned how = data[pos + 1];
		const uint8_t *v = data + pos + 2;
		const uint8_t *nl = memchr(v, '\n', size - pos - 2);
		size_t n = nl != NULL ? (size_t)(nl - v) : size - pos - 2;
		char value[256];

		pos += 2 + n + (nl != NULL);
		if (k == NULL || tt_spec_key_find(k->section, k->key) != k)
			fail("tt_spec_key_find does not find a key");
		n = n < sizeof value - 1 ? n : sizeof value - 1;
		memcpy(value, v, n);
		value[n] = '\0';	/* a NUL inside ends the value early */
		if ((how & 1) && k->repeatable) {
			if (tt_spec_begin_section(text, k->section, 0, 0,
						  &e) != TT_OK ||
			    tt_spec_begin_section(typed, k->section, 0, 0,
						  &e) != TT_OK)
				break;	/* the section limit */
		}
		memset(&e, 0, sizeof e);
		st = tt_spec_set(text, k->section, k->key, value, 0,
				 (how >> 1) % 8, &e);
		if (st != TT_OK) {
			check_error(&e, st, 0);
			if (st != TT_ENOMEM && st != TT_ELIMIT &&
			    (e.section == NULL ||
			     strcmp(e.section, k->section) != 0 ||
			     strcmp(e.key, k->key) != 0))
				fail("a bad value's error names another key");
			continue;
		}
		copy_typed(text, typed, k);
	}
	/* Set by text or typed, the clauses check and compute alike. */
	tt_schedule_options_init(&opt);
	opt.max_milestones = MAX_MILESTONES;
	memset(&e, 0, sizeof e);
	memset(&e2, 0, sizeof e2);
	st = tt_schedule_compute(s1, text, &opt, &e);
	st2 = tt_schedule_compute(s2, typed, &opt, &e2);
	if (st != st2)
		fail("text and typed values compute differently");
	if (st != TT_OK && strcmp(e.message, e2.message) != 0)
		fail("text and typed values fail differently");
	if (st == TT_OK) {
		if (!same_schedule(s1, s2))
			fail("text and typed values give different schedules");
		render(s2);
	}
	tt_schedule_free(s1);
	tt_schedule_free(s2);
	tt_spec_free(text);
	tt_spec_free(typed);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tt_schedule_options opt;
	unsigned lines = count_lines(data, size);
	tt_spec *spec, *clone;
	tt_schedule *s, *s2;
	tt_status st, st2;
	tt_error e;

	fuzz_settings(data, size);
	tt_schedule_options_init(&opt);
	opt.max_milestones = MAX_MILESTONES;
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
