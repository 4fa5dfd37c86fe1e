/*
 * reckon.c -- placing one milestone: the schedule engine's primitives,
 * shared by the computations of schedule.c and parties.c.
 *
 * A milestone is put at its anchor plus its offset by the same-date rule
 * (ttp_at_offset()), then its clause's counting rule, floor and other
 * readings are applied (ttp_finish()); ttp_place() does both, or keeps
 * the milestone pending when its anchor is an event of unknown date.
 * The emitters append it to the schedule, within its limit.
 *
 * Level: the bottom of the schedule engine; calls spec.c and the bottom
 * (errors, dates, growing arrays), never parties.c or schedule.c, which
 * call it.
 */
#include <config.h>

#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

#include "internal.h"
#include "spec-impl.h"
#include "schedule-impl.h"

/* Reports an error about field F, at the place its value came from. */
tt_status
ttp_field_error(struct calc *c, const struct ttp_field *f, tt_status code,
	    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ttp_error_vset(c->err, code, f->at.line, f->at.column, fmt, ap);
	va_end(ap);
	ttp_error_origin(c->err, &f->at);
	if (c->err != NULL) {
		c->err->section = f->section;
		c->err->key = f->key;
	}
	return code;
}

static tt_status
too_many(struct calc *c)
{
	return ttp_error_set(c->err, TT_ELIMIT, 0, 0,
			     "the schedule would have more than %zu "
			     "milestones; give a count or an earlier "
			     "horizon", c->s->max);
}

/* Appends a milestone; its date is its nominal date until rolled. */
tt_status
ttp_emit(struct calc *c, const tt_milestone *m)
{
	tt_schedule *s = c->s;

	if (s->n >= s->max)
		return too_many(c);
	if (s->n == s->cap) {
		tt_milestone *p = ttp_grow(s->ms, &s->cap, s->n + 1,
					   sizeof *p);

		if (p == NULL)
			return ttp_error_set(c->err, TT_ENOMEM, 0, 0,
					     "out of memory");
		s->ms = p;
	}
	s->ms[s->n++] = *m;
	return TT_OK;
}

/* Appends a milestone that waits for an event. */
tt_status
ttp_emit_pending(struct calc *c, const tt_milestone *m)
{
	tt_schedule *s = c->s;
	tt_milestone *p;

	if (s->n + s->npending >= s->max)
		return too_many(c);
	p = ttp_grow(s->pending, &s->pending_cap, s->npending + 1, sizeof *p);
	if (p == NULL)
		return ttp_error_set(c->err, TT_ENOMEM, 0, 0,
				     "out of memory");
	s->pending = p;
	s->pending[s->npending++] = *m;
	return TT_OK;
}

/* Appends M to the dated or the pending milestones. */
tt_status
ttp_emit_any(struct calc *c, const tt_milestone *m)
{
	return m->pending ? ttp_emit_pending(c, m) : ttp_emit(c, m);
}

const char *
ttp_label_of(struct calc *c, const struct ttp_field *f)
{
	return f->set ? c->s->strings + f->v.str : NULL;
}

/* A milestone at ANCHOR_DATE + OFFSET by the same-date rule (or a count
 * of days when OFFSET has no years or months). */
tt_status
ttp_at_offset(tt_milestone *m, tt_anchor anchor, tt_date anchor_date,
	  tt_duration offset, tt_error *err)
{
	unsigned flags = 0;
	tt_status st;

	st = tt_date_add(anchor_date, offset, &m->nominal, &flags, err);
	if (st != TT_OK)
		return st;
	m->date = m->nominal;
	m->anchor = anchor;
	m->anchor_date = anchor_date;
	m->offset = offset;
	m->rule = offset.years || offset.months ? TT_RULE_SAME_DATE :
		  TT_RULE_DAYS;
	if (flags & TT_ADD_CLAMPED)
		m->flags |= TT_MS_CLAMPED;
	return TT_OK;
}

/* Where clause CL counts from (entry into force when CL is NULL or has
 * no 'from'). */
void
ttp_clause_origin(struct calc *c, const struct ttp_clause *cl, struct origin *o)
{
	const struct ttp_event *ev;
	const char *name;

	memset(o, 0, sizeof *o);
	o->anchor = TT_ANCHOR_ENTRY_INTO_FORCE;
	o->date = c->s->eif;
	if (c->s->eif_pending) {
		o->pending = true;
		o->label = c->s->condition.p;
	}
	if (cl == NULL || !cl->from.set)
		return;
	name = c->s->strings + cl->from.v.str;
	if (strcmp(name, "entry_into_force") == 0 ||
	    (ev = ttp_spec_event(c->spec, name)) == NULL)
		return;
	o->pending = false;
	o->anchor = TT_ANCHOR_EVENT;
	o->event = name;
	o->label = ev->label.set ? c->s->strings + ev->label.v.str : name;
	if (ev->date.indefinite)
		o->pending = true;
	else
		o->date = ev->date.v.date;
}

tt_status
ttp_reckon(struct calc *c, const struct ttp_clause *cl,
	   const struct origin *o, tt_counting rule, tt_date d, tt_date *out,
	   bool *floored)
{
	const struct ttp_field *nb = cl != NULL ? &cl->not_before : NULL;
	tt_date floor;

	*floored = false;
	if (tt_counting_apply(rule, d, out, NULL) != TT_OK) {
		char b[TT_DATE_BUFSIZE];

		if (cl != NULL && cl->rule.set)
			return ttp_field_error(c, &cl->rule, TT_ERANGE, "%s after "
					   "%s is after 9999-12-31",
					   tt_counting_name(rule),
					   tt_date_format(d, b));
		return ttp_error_set(c->err, TT_ERANGE, 0, 0, "%s after %s "
				     "is after 9999-12-31",
				     tt_counting_name(rule),
				     tt_date_format(d, b));
	}
	if (nb == NULL || !nb->set)
		return TT_OK;
	if (nb->is_date)
		floor = nb->v.date;
	else if (tt_date_add(o->date, nb->v.dur, &floor, NULL,
			     NULL) != TT_OK)
		return ttp_field_error(c, nb, TT_ERANGE, "'not_before' reaches "
				   "past 9999-12-31");
	if (tt_date_compare(*out, floor) < 0) {
		*out = floor;
		*floored = true;
	}
	return TT_OK;
}

tt_counting
ttp_clause_rule(const struct ttp_clause *cl)
{
	return cl != NULL && cl->rule.set ? cl->rule.v.rule :
	       TT_COUNTING_SAME_DATE;
}

/* Applies clause CL to M, whose nominal date the same-date rule gave:
 * its counting rule, its floor, its other readings and its article. */
tt_status
ttp_finish(struct calc *c, tt_milestone *m, const struct ttp_clause *cl,
       const struct origin *o)
{
	tt_counting rule = ttp_clause_rule(cl);
	bool floored;
	tt_status st;

	m->same_date = m->nominal;
	m->counting = rule;
	if ((st = ttp_reckon(c, cl, o, rule, m->same_date, &m->nominal,
			 &floored)) != TT_OK)
		return st;
	if (floored)
		m->flags |= TT_MS_FLOORED;
	m->date = m->nominal;
	for (int r = 0; cl != NULL && cl->readings.set &&
	     tt_counting_name((tt_counting)r) != NULL; r++) {
		tt_reading *alt = &m->alternatives[m->nalternatives];

		if (!(cl->readings.rules & 1u << r) || r == (int)rule ||
		    m->nalternatives >= TT_MILESTONE_MAX_ALTERNATIVES)
			continue;
		if ((st = ttp_reckon(c, cl, o, (tt_counting)r, m->same_date,
				 &alt->date, &floored)) != TT_OK)
			return st;
		alt->rule = (tt_counting)r;
		if (tt_date_compare(alt->date, m->nominal) != 0)
			m->nalternatives++;
	}
	return TT_OK;
}

/* The article clause CL cites, or NULL. */
const char *
ttp_article_of(struct calc *c, const struct ttp_clause *cl)
{
	return cl != NULL ? ttp_label_of(c, &cl->article) : NULL;
}

/* M at O + OFFSET under clause CL; pending when O is. */
tt_status
ttp_place(struct calc *c, tt_milestone *m, const struct ttp_clause *cl,
      const struct origin *o, tt_duration offset)
{
	tt_status st;

	m->event = o->event;
	m->event_label = o->label;
	m->article = ttp_article_of(c, cl);
	if (o->pending) {
		m->pending = true;
		m->anchor = o->anchor;
		m->offset = offset;
		m->counting = ttp_clause_rule(cl);
		m->rule = offset.years || offset.months ? TT_RULE_SAME_DATE :
			  TT_RULE_DAYS;
		return TT_OK;
	}
	if ((st = ttp_at_offset(m, o->anchor, o->date, offset, c->err)) != TT_OK)
		return st;
	return ttp_finish(c, m, cl, o);
}
