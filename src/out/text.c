/*
 * text.c -- growing room for the library's texts, and the words every
 * output uses for a term and its end (see text.h).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "out/text.h"

void
text_init(struct text *t)
{
	t->p = t->small;
	t->len = 0;
	t->small[0] = '\0';
	t->cap = sizeof t->small;
}

void
text_free(struct text *t)
{
	if (t->p != t->small)
		free(t->p);
	text_init(t);
}

const char *
text_milestone(struct text *t, text_fn fn, const tt_milestone *m)
{
	size_t need = fn(m, t->p, t->cap);
	char *p;

	if (need < t->cap) {
		t->len = need;
		return t->p;
	}
	p = malloc(need + 1);
	if (p == NULL) {
		t->len = strlen(t->p);	/* cut short, as the formatter left
					 * it */
		return t->p;
	}
	if (t->p != t->small)
		free(t->p);
	t->p = p;
	t->cap = need + 1;
	t->len = fn(m, t->p, t->cap);
	return t->p;
}

const char *
text_term_without_duration(const tt_schedule *s)
{
	return tt_schedule_ends(s, NULL) ? "to a fixed last day" :
	       "indefinite";
}

/* The library sets the expiry of a bilateral treaty to the day its
 * withdrawal takes effect and drops the expiry of its term: no expiry
 * milestone on that day and a withdrawal taking effect then tell the
 * two apart.  Other treaties need no look at their milestones (batch
 * writes this for every row). */
static bool
ended_by_withdrawal(const tt_schedule *s, tt_date d)
{
	bool withdrawal = false;

	if (!tt_schedule_bilateral(s))
		return false;
	for (size_t i = 0; i < tt_schedule_count(s); i++) {
		const tt_milestone *m = tt_schedule_at(s, i);

		if (tt_date_compare(m->date, d) != 0)
			continue;
		if (m->kind == TT_KIND_EXPIRY)
			return false;
		if (m->kind == TT_KIND_WITHDRAWAL_EFFECTIVE)
			withdrawal = true;
	}
	return withdrawal;
}

bool
text_end(const tt_schedule *s, struct text_end *out)
{
	tt_date ends;

	if (!tt_schedule_expiry(s, &out->date))
		return false;
	out->last_day = out->date;
	if (ended_by_withdrawal(s, out->date)) {
		out->reason = TEXT_END_WITHDRAWAL;
		if (tt_date_add_days(out->date, -1, &out->last_day,
				     NULL) != TT_OK)
			out->last_day = out->date;	/* 0001-01-01 */
	} else if (tt_schedule_ends(s, &ends) &&
		   tt_date_compare(ends, out->date) == 0)
		out->reason = TEXT_END_FIXED_LAST_DAY;
	else
		out->reason = TEXT_END_EXPIRY;
	return true;
}

const char *
text_end_reason_name(enum text_end_reason r)
{
	switch (r) {
	case TEXT_END_FIXED_LAST_DAY:
		return "fixed_last_day";
	case TEXT_END_WITHDRAWAL:
		return "withdrawal";
	case TEXT_END_EXPIRY:
		break;
	}
	return "expiry";
}

bool
text_out_by_today(const tt_schedule *s, struct text_out_by *out)
{
	tt_date by, latest;
	bool possible;

	if (!tt_schedule_out_by(s, &by, &possible, &latest) ||
	    tt_schedule_out_by_anyway(s) ||
	    !tt_schedule_out_by_next(s, &out->today, &out->has_next,
				     &out->next) ||
	    tt_date_compare(by, out->today) < 0)
		return false;
	out->passed = possible && tt_date_compare(latest, out->today) < 0;
	out->show_next = out->passed || !possible;
	return true;
}
