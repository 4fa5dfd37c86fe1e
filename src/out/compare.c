/*
 * compare.c -- the figures, merged timeline and differences behind
 * "treatyterm compare" (see compare.h).
 *
 * Differences are phrased as "THIS vs FIRST" and shifts in dates as the
 * calendar distance from the first proposal's date ("25 years later"),
 * counted by tt_date_diff() from the first proposal's date, so that they
 * read the way a term is written.  Counts of series without end depend on
 * the horizon; a difference in them says so.
 */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/utf8.h"
#include "out/compare.h"
#include "out/text.h"

#if defined(__GNUC__)
#define COMPARE_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define COMPARE_PRINTF(f, a)
#endif

static void summarise(struct compare_proposal *p);
static void find_first_end(struct compare_proposal *p);
static void differences(struct compare_proposal *p,
			const struct compare_proposal *first);
static void add_diff(struct compare_proposal *p, const char *field,
		     const char *fmt, ...) COMPARE_PRINTF(3, 4);
static void shift_words(tt_date from, tt_date to, char *buf, size_t size);
static void diff_date(struct compare_proposal *p, const char *field,
		      const char *what, const tt_milestone *m,
		      const tt_milestone *m0, const char *none);
static void diff_count(struct compare_proposal *p, const char *field,
		       const char *noun, unsigned n, unsigned n0,
		       bool horizon);
static int compare_entries(const void *pa, const void *pb);

bool
compare_build(struct compare *cmp, const tt_schedule *const *s, size_t n)
{
	size_t total = 0, k = 0;

	memset(cmp, 0, sizeof *cmp);
	cmp->p = calloc(n ? n : 1, sizeof *cmp->p);
	if (cmp->p == NULL)
		return false;
	cmp->n = n;
	for (size_t i = 0; i < n; i++) {
		cmp->p[i].s = s[i];
		summarise(&cmp->p[i]);
		total += tt_schedule_count(s[i]);
	}
	for (size_t i = 1; i < n; i++)
		differences(&cmp->p[i], &cmp->p[0]);
	cmp->timeline = calloc(total ? total : 1, sizeof *cmp->timeline);
	if (cmp->timeline == NULL) {
		compare_free(cmp);
		return false;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < tt_schedule_count(s[i]); j++) {
			cmp->timeline[k].proposal = i;
			cmp->timeline[k].m = tt_schedule_at(s[i], j);
			k++;
		}
	cmp->ntimeline = total;
	qsort(cmp->timeline, total, sizeof *cmp->timeline, compare_entries);
	return true;
}

void
compare_free(struct compare *cmp)
{
	free(cmp->p);
	free(cmp->timeline);
	memset(cmp, 0, sizeof *cmp);
}

char *
compare_term_words(const struct compare_proposal *p, char *buf, size_t size)
{
	char words[TT_DURATION_BUFSIZE];

	if (!p->has_term) {
		snprintf(buf, size, "%s", text_term_without_duration(p->s));
		return buf;
	}
	tt_duration_format_words(p->term, words, sizeof words);
	if (tt_schedule_convention(p->s) != TT_CONVENTION_ANNIVERSARY)
		snprintf(buf, size, "%s, %s", words,
			 tt_convention_name(tt_schedule_convention(p->s)));
	else
		snprintf(buf, size, "%s", words);
	return buf;
}

char *
compare_end_words(const struct compare_proposal *p, char *buf, size_t size)
{
	char d[TT_DATE_BUFSIZE], d2[TT_DATE_BUFSIZE];

	if (!p->has_expiry)
		snprintf(buf, size, "%s", "");
	else if (p->withdrawn)
		snprintf(buf, size, "%s (the withdrawal takes effect %s)",
			 tt_date_format(p->last_day, d),
			 tt_date_format(p->expiry, d2));
	else
		snprintf(buf, size, "%s", tt_date_format(p->expiry, d));
	return buf;
}

/* By date, then by proposal, then in the proposal's own order (the
 * entries of one proposal point into one array). */
static int
compare_entries(const void *pa, const void *pb)
{
	const struct compare_entry *a = pa, *b = pb;
	int r = tt_date_compare(a->m->date, b->m->date);

	if (r != 0)
		return r;
	if (a->proposal != b->proposal)
		return a->proposal < b->proposal ? -1 : 1;
	return a->m < b->m ? -1 : a->m > b->m;
}

static void
summarise(struct compare_proposal *p)
{
	const tt_schedule *s = p->s;
	struct text_end end;

	p->title = *tt_schedule_name(s) ? tt_schedule_name(s) :
		   tt_schedule_id(s);
	p->eif = tt_schedule_entry_into_force(s);
	p->has_term = tt_schedule_term(s, &p->term);
	p->has_expiry = text_end(s, &end);
	if (p->has_expiry) {
		p->expiry = end.date;
		p->withdrawn = end.reason == TEXT_END_WITHDRAWAL;
		p->last_day = end.last_day;
		p->in_force = tt_date_diff(p->eif, p->expiry);
		p->days_in_force = tt_date_diff_days(p->eif, p->expiry);
	}
	for (size_t i = 0; i < tt_schedule_count(s); i++) {
		const tt_milestone *m = tt_schedule_at(s, i);

		switch (m->kind) {
		case TT_KIND_CONSULTATION:
			p->consultations++;
			break;
		case TT_KIND_REVIEW:
			p->reviews++;
			break;
		case TT_KIND_CONFERENCE:
			p->conferences++;
			break;
		case TT_KIND_RENEWAL_NOTICE_DEADLINE:
			if (p->renewal_deadline == NULL)
				p->renewal_deadline = m;
			break;
		case TT_KIND_WITHDRAWAL_NOTICE_OPENS:
			if (p->withdrawal_opens == NULL)
				p->withdrawal_opens = m;
			break;
		case TT_KIND_WITHDRAWAL_EFFECTIVE:
			if (p->withdrawal_effective == NULL)
				p->withdrawal_effective = m;
			break;
		default:
			break;
		}
	}
	find_first_end(p);
}

/* Milestones are in date order, so the first candidate of each kind is
 * its earliest; a later candidate wins only when strictly earlier, which
 * leaves ties to the schedule's order (meetings before withdrawal before
 * expiry). */
static void end_readings(struct compare_proposal *p);

static void
find_first_end(struct compare_proposal *p)
{
	const tt_schedule *s = p->s;
	char d[TT_DATE_BUFSIZE];

	p->end_by = COMPARE_END_NONE;
	p->end_label[0] = '\0';
	for (size_t i = 0; i < tt_schedule_count(s); i++) {
		const tt_milestone *m = tt_schedule_at(s, i);
		enum compare_end by;
		tt_date when = m->date;

		switch (m->kind) {
		case TT_KIND_CONSULTATION:
		case TT_KIND_REVIEW:
			/* A meeting is a way out only where the clause says
			 * the parties may end the treaty there. */
			if (!(m->flags & TT_MS_MAY_END))
				continue;
			by = COMPARE_END_MEETING;
			break;
		case TT_KIND_WITHDRAWAL_EFFECTIVE:
			by = COMPARE_END_WITHDRAWAL;
			break;
		case TT_KIND_EXPIRY:
			by = COMPARE_END_EXPIRY;
			break;
		case TT_KIND_RENEWAL:
			/* The period before the first renewal ends the day
			 * before it, for a party that denounced in time. */
			if (m->ordinal != 1 || p->renewal_deadline == NULL ||
			    tt_date_add_days(m->nominal, -1, &when, NULL) !=
			    TT_OK)
				continue;
			by = COMPARE_END_NOT_RENEWED;
			break;
		default:
			continue;
		}
		if (p->end_by != COMPARE_END_NONE &&
		    tt_date_compare(when, p->first_end) >= 0)
			continue;
		p->end_by = by;
		p->first_end = when;
		if (by == COMPARE_END_NOT_RENEWED) {
			p->end_milestone = p->renewal_deadline;
			snprintf(p->end_label, sizeof p->end_label,
				 "End of term if denounced by %s",
				 tt_date_format(p->renewal_deadline->date, d));
		} else {
			p->end_milestone = m;
			tt_milestone_label(m, p->end_label,
					   sizeof p->end_label);
			ttp_utf8_trim(p->end_label);
		}
	}
	end_readings(p);
}

/* The earliest and latest first end under the readings of its clause. */
static void
end_readings(struct compare_proposal *p)
{
	const tt_milestone *m = p->end_milestone;

	p->first_end_latest = p->first_end;
	if (p->end_by == COMPARE_END_NONE ||
	    p->end_by == COMPARE_END_NOT_RENEWED || m == NULL)
		return;
	for (unsigned i = 0; i < m->nalternatives; i++) {
		tt_date d = m->alternatives[i].date;

		if (tt_date_compare(d, p->first_end) < 0)
			p->first_end = d;
		if (tt_date_compare(d, p->first_end_latest) > 0)
			p->first_end_latest = d;
	}
}

static void
add_diff(struct compare_proposal *p, const char *field, const char *fmt,
	 ...)
{
	struct compare_diff *d;
	va_list ap;

	if (p->ndiffs >= COMPARE_MAX_DIFFS)
		return;
	d = &p->diffs[p->ndiffs++];
	d->field = field;
	va_start(ap, fmt);
	vsnprintf(d->text, sizeof d->text, fmt, ap);
	va_end(ap);
}

/* "25 years later", "6 months earlier", "the same day": TO seen from
 * FROM. */
static void
shift_words(tt_date from, tt_date to, char *buf, size_t size)
{
	tt_duration d = tt_date_diff(from, to);
	char words[TT_DURATION_BUFSIZE];

	if (tt_duration_is_zero(d)) {
		snprintf(buf, size, "the same day");
		return;
	}
	if (d.sign < 0)
		d = tt_duration_negate(d);
	tt_duration_format_words(d, words, sizeof words);
	snprintf(buf, size, "%s %s", words,
		 tt_date_compare(to, from) < 0 ? "earlier" : "later");
}

static void
diff_date(struct compare_proposal *p, const char *field, const char *what,
	  const tt_milestone *m, const tt_milestone *m0, const char *none)
{
	char a[TT_DATE_BUFSIZE], b[TT_DATE_BUFSIZE], shift[96];

	if (m == NULL && m0 == NULL)
		return;
	if (m != NULL && m0 != NULL) {
		if (tt_date_compare(m->date, m0->date) == 0)
			return;
		shift_words(m0->date, m->date, shift, sizeof shift);
		add_diff(p, field, "%s %s (%s vs %s)", what, shift,
			 tt_date_format(m->date, a),
			 tt_date_format(m0->date, b));
	} else if (m != NULL) {
		add_diff(p, field, "%s %s vs %s", what,
			 tt_date_format(m->date, a), none);
	} else {
		add_diff(p, field, "%s %s vs %s", what, none,
			 tt_date_format(m0->date, b));
	}
}

static void
diff_count(struct compare_proposal *p, const char *field, const char *noun,
	   unsigned n, unsigned n0, bool horizon)
{
	long d = (long)n - (long)n0;

	if (d == 0)
		return;
	add_diff(p, field, "%+ld %s%s%s", d, noun, d == 1 || d == -1 ? "" :
		 "s", horizon ? " (series without end counted up to the "
		 "horizon)" : "");
}

static void
differences(struct compare_proposal *p, const struct compare_proposal *first)
{
	char a[TT_DATE_BUFSIZE], b[TT_DATE_BUFSIZE], shift[96];
	char t[COMPARE_TEXT_SIZE], t0[COMPARE_TEXT_SIZE];
	bool horizon = tt_schedule_truncated(p->s) ||
		       tt_schedule_truncated(first->s);

	if (tt_date_compare(p->eif, first->eif) != 0) {
		shift_words(first->eif, p->eif, shift, sizeof shift);
		add_diff(p, "entry_into_force", "entry into force %s (%s vs "
			 "%s)", shift, tt_date_format(p->eif, a),
			 tt_date_format(first->eif, b));
	}
	compare_term_words(p, t, sizeof t);
	compare_term_words(first, t0, sizeof t0);
	if (strcmp(t, t0) != 0)
		add_diff(p, "term", "term %s vs %s", t, t0);
	if (p->has_expiry && first->has_expiry) {
		if (tt_date_compare(p->expiry, first->expiry) != 0) {
			shift_words(first->expiry, p->expiry, shift,
				    sizeof shift);
			add_diff(p, "expiry", "expiry %s (%s vs %s)", shift,
				 tt_date_format(p->expiry, a),
				 tt_date_format(first->expiry, b));
		}
	} else if (p->has_expiry) {
		add_diff(p, "expiry", "expiry %s vs %s",
			 tt_date_format(p->expiry, a),
			 first->has_term ? "none" : "indefinite");
	} else if (first->has_expiry) {
		add_diff(p, "expiry", "expiry %s vs %s",
			 p->has_term ? "none" : "indefinite",
			 tt_date_format(first->expiry, b));
	}
	diff_count(p, "consultations", "consultation", p->consultations,
		   first->consultations, horizon);
	diff_count(p, "reviews", "review", p->reviews, first->reviews,
		   horizon);
	diff_count(p, "conferences", "conference", p->conferences,
		   first->conferences, false);
	if (p->end_by != COMPARE_END_NONE &&
	    first->end_by != COMPARE_END_NONE) {
		int c = tt_date_compare(p->first_end, first->first_end);

		if (c != 0) {
			shift_words(first->first_end, p->first_end, shift,
				    sizeof shift);
			add_diff(p, "first_possible_end", "first possible end "
				 "%s (%s vs %s): %s", shift,
				 tt_date_format(p->first_end, a),
				 tt_date_format(first->first_end, b),
				 p->end_label);
		} else if (strcmp(p->end_label, first->end_label) != 0) {
			add_diff(p, "first_possible_end", "first possible end "
				 "the same day (%s): %s instead of %s",
				 tt_date_format(p->first_end, a),
				 p->end_label, first->end_label);
		}
	} else if (p->end_by != COMPARE_END_NONE) {
		add_diff(p, "first_possible_end", "first possible end %s vs "
			 "none", tt_date_format(p->first_end, a));
	} else if (first->end_by != COMPARE_END_NONE) {
		add_diff(p, "first_possible_end", "first possible end none "
			 "vs %s", tt_date_format(first->first_end, b));
	}
	diff_date(p, "renewal_notice_deadline", "first renewal deadline",
		  p->renewal_deadline, first->renewal_deadline, "none");
	diff_date(p, "withdrawal_notice_opens", "withdrawal notice from",
		  p->withdrawal_opens, first->withdrawal_opens, "none");
	diff_date(p, "withdrawal_effective", "earliest withdrawal",
		  p->withdrawal_effective, first->withdrawal_effective,
		  "none");
}
