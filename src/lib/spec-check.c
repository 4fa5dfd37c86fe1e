/*
 * spec-check.c -- how a spec's clauses fit together, once every value
 * has been checked on its own (spec.c): keys that need each other, dates
 * in order, offsets that stay in the calendar.
 *
 * The checks of a spec with its entry into force known are one checker
 * per clause, run in a fixed order, so that the first error reported is
 * always the same.  Where the entry into force comes from deposits or an
 * event, the schedule engine computes it first and then runs these
 * checks against it; tt_spec_validate() (spec-validate.c) decides which.
 *
 * Level: above spec.c, below the schedule engine; calls spec.c and the
 * bottom (errors, dates), never the schedule code (schedule.c,
 * parties.c), which calls these checks.
 */
#include <config.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "spec-impl.h"

/* Names F's section and key in ERR, and returns CODE. */
static tt_status
field_tag(tt_error *err, const struct ttp_field *f, tt_status code)
{
	if (err != NULL) {
		err->section = f->section;
		err->key = f->key;
		err->input = f->at.input;
	}
	return code;
}

/* Reports an error about field F, at the place its value came from. */
#define FIELD_ERROR(err, f, code, ...) \
	field_tag((err), (f), ttp_error_set((err), (code), (f)->at.line, \
					    (f)->at.column, __VA_ARGS__))

/* EIF + F's duration, or false when it leaves the calendar's range. */
static bool
offset_date(const tt_spec *spec, const struct ttp_field *f, tt_date *out)
{
	return tt_date_add(spec->eif.v.date, f->v.dur, out, NULL, NULL) ==
	       TT_OK;
}

/* An offset F from entry into force stays within the calendar. */
static tt_status
check_offset(const tt_spec *spec, const struct ttp_field *f, tt_error *err)
{
	tt_date d;

	if (f->set && !offset_date(spec, f, &d))
		return FIELD_ERROR(err, f, TT_ERANGE,
				   "'%s' from entry into force reaches past "
				   "9999-12-31", f->key);
	return TT_OK;
}

/* What every clause's checker is given: the spec, with its entry into
 * force set, and what the checks of several clauses need. */
struct check {
	const tt_spec *spec;
	bool finite;		/* a term of a fixed length */
	bool withdrawal;	/* a [withdrawal] clause */
	bool renewal;		/* a [renewal] clause */
	tt_date eif;		/* entry into force */
	tt_date end;		/* the term's end, or entry into force */
};

/* A clause's checks: TT_OK, or the first error, in ERR. */
typedef tt_status checker(const struct check *c, tt_error *err);

/* [treaty] ends: instead of a term, after entry into force. */
static tt_status
check_ends(const struct check *c, tt_error *err)
{
	const tt_spec *spec = c->spec;

	if (spec->ends.set && spec->term.set)
		return FIELD_ERROR(err, &spec->ends, TT_EINVAL,
				   "[treaty] takes 'term' or 'ends', not "
				   "both");
	if (spec->ends.set && tt_date_compare(spec->ends.v.date, c->eif) < 0)
		return FIELD_ERROR(err, &spec->ends, TT_EINVAL,
				   "the treaty ends before entry into force");
	if (spec->ends.set && c->renewal)
		return FIELD_ERROR(err, &spec->ends, TT_EINVAL,
				   "renewal needs a term, not a fixed end");
	return TT_OK;
}

/* [withdrawal] window and every: together, and with a notice period. */
static tt_status
check_window(const struct check *c, tt_error *err)
{
	const tt_spec *spec = c->spec;

	if (spec->withdrawal_window.set != spec->withdrawal_every.set)
		return FIELD_ERROR(err, spec->withdrawal_window.set ?
				   &spec->withdrawal_window :
				   &spec->withdrawal_every, TT_EINVAL,
				   "[withdrawal] takes 'window' and 'every' "
				   "together");
	if (spec->withdrawal_window.set && !c->withdrawal)
		return FIELD_ERROR(err, &spec->withdrawal_window, TT_EINVAL,
				   "[withdrawal] needs 'notice' (the notice "
				   "period)");
	return TT_OK;
}

/* Each [event] has a name of its own and a date (or "unknown"). */
static tt_status
check_events(const struct check *c, tt_error *err)
{
	const tt_spec *spec = c->spec;

	for (size_t i = 0; i < spec->nevents; i++) {
		const struct ttp_event *ev = &spec->events[i];
		const char *name = ttp_spec_string(spec, &ev->name);
		struct ttp_field where = ev->name;

		where.at = ev->name.set ? ev->name.at : ev->section;
		where.section = "event";
		where.key = "name";
		if (!ev->name.set)
			return FIELD_ERROR(err, &where, TT_EINVAL,
					   "[event] needs a 'name'");
		if (strcmp(name, "entry_into_force") == 0 ||
		    ttp_spec_event(spec, name) != ev)
			return FIELD_ERROR(err, &where, TT_EINVAL,
					   "an event named '%s' is already "
					   "known", name);
		if (!ev->date.set)
			return FIELD_ERROR(err, &where, TT_EINVAL,
					   "[event] needs a 'date' (or "
					   "'unknown')");
	}
	return TT_OK;
}

/* A FROM key names entry_into_force or an [event]. */
static tt_status
check_from(const tt_spec *spec, const struct ttp_clause *cl, tt_error *err)
{
	const char *name = ttp_spec_string(spec, &cl->from);

	if (!cl->from.set || strcmp(name, "entry_into_force") == 0 ||
	    ttp_spec_event(spec, name) != NULL)
		return TT_OK;
	return FIELD_ERROR(err, &cl->from, TT_EINVAL,
			   "no [event] named '%s' (give one, or use "
			   "entry_into_force)", name);
}

/* Every clause's FROM names an event. */
static tt_status
check_froms(const struct check *c, tt_error *err)
{
	const tt_spec *spec = c->spec;
	const struct ttp_clause *fixed[] = {
		&spec->treaty, &spec->series[0].cl, &spec->series[1].cl,
		&spec->withdrawal, &spec->renewal
	};
	tt_status st;

	for (size_t i = 0; i < TTP_ARRAY_SIZE(fixed); i++)
		if ((st = check_from(spec, fixed[i], err)) != TT_OK)
			return st;
	for (size_t i = 0; i < spec->nconferences; i++)
		if ((st = check_from(spec, &spec->conferences[i].cl,
				     err)) != TT_OK)
			return st;
	for (size_t i = 0; i < spec->ncustoms; i++)
		if ((st = check_from(spec, &spec->customs[i].cl,
				     err)) != TT_OK)
			return st;
	return TT_OK;
}

/* Each [notice] has the day it was received, and a revocation or named
 * date after it. */
static tt_status
check_notices(const struct check *c, tt_error *err)
{
	const tt_spec *spec = c->spec;

	for (size_t i = 0; i < spec->nnotices; i++) {
		const struct ttp_notice *n = &spec->notices[i];
		tt_date r = n->received.v.date;
		struct ttp_field where = n->party;

		where.at = n->section;
		where.section = "notice";
		where.key = "received";
		if (!n->received.set)
			return FIELD_ERROR(err, &where, TT_EINVAL,
					   "[notice] needs 'received' (the "
					   "day it was received)");
		if (!c->withdrawal && !c->renewal)
			return FIELD_ERROR(err, &n->received, TT_EINVAL,
					   "a notice needs a [withdrawal] or "
					   "[renewal] clause");
		if (tt_date_compare(r, c->eif) < 0)
			return FIELD_ERROR(err, &n->received, TT_EINVAL,
					   "the notice is dated before entry "
					   "into force");
		if (n->revoked.set &&
		    tt_date_compare(n->revoked.v.date, r) < 0)
			return FIELD_ERROR(err, &n->revoked, TT_EINVAL,
					   "the notice is revoked before it "
					   "was received");
		if (n->effective.set &&
		    tt_date_compare(n->effective.v.date, r) < 0)
			return FIELD_ERROR(err, &n->effective, TT_EINVAL,
					   "the notice takes effect before it "
					   "was received");
	}
	return TT_OK;
}

/* [treaty] horizon: not before entry into force. */
static tt_status
check_horizon(const struct check *c, tt_error *err)
{
	const struct ttp_field *h = &c->spec->horizon;

	if (h->set && tt_date_compare(h->v.date, c->eif) < 0)
		return FIELD_ERROR(err, h, TT_EINVAL,
				   "the horizon is before entry into force");
	return TT_OK;
}

/* One [consultation] or [review] clause, called NAME. */
static tt_status
check_one_series(const tt_spec *spec, const struct ttp_series *s,
		 const char *name, tt_error *err)
{
	const struct ttp_field *any = s->first.set ? &s->first :
				      s->every.set ? &s->every :
				      s->count.set ? &s->count :
				      s->label.set ? &s->label : NULL;

	if (any == NULL)
		return TT_OK;
	if (!s->first.set)
		return FIELD_ERROR(err, any, TT_EINVAL,
				   "[%s] needs 'first' (the offset of the "
				   "first %s from entry into force)", name,
				   name);
	if (!s->every.set && s->count.set && s->count.v.count > 1)
		return FIELD_ERROR(err, &s->count, TT_EINVAL,
				   "a count of %d needs 'every' (the period "
				   "between %ss)", s->count.v.count, name);
	return check_offset(spec, &s->first, err);
}

/* [consultation], then [review]. */
static tt_status
check_series(const struct check *c, tt_error *err)
{
	tt_status st;

	for (int i = 0; i < 2; i++)
		if ((st = check_one_series(c->spec, &c->spec->series[i],
					   i ? "review" : "consultation",
					   err)) != TT_OK)
			return st;
	return TT_OK;
}

/* Each [conference] has its offset, within the calendar. */
static tt_status
check_conferences(const struct check *c, tt_error *err)
{
	const tt_spec *spec = c->spec;
	tt_status st;

	for (size_t i = 0; i < spec->nconferences; i++) {
		const struct ttp_conference *conf = &spec->conferences[i];

		if (!conf->at.set) {
			struct ttp_field where = conf->label;

			where.at = conf->label.set ? conf->label.at :
				   conf->section;
			where.section = "conference";
			where.key = "at";
			return FIELD_ERROR(err, &where, TT_EINVAL,
					   "[conference] needs 'at' (its "
					   "offset from entry into force)");
		}
		if ((st = check_offset(spec, &conf->at, err)) != TT_OK)
			return st;
	}
	return TT_OK;
}

/* Each [milestone] has a label, and an offset or a date. */
static tt_status
check_milestones(const struct check *c, tt_error *err)
{
	const tt_spec *spec = c->spec;
	tt_status st;

	for (size_t i = 0; i < spec->ncustoms; i++) {
		const struct ttp_custom *m = &spec->customs[i];
		struct ttp_field where = m->label;

		where.at = m->label.set ? m->label.at : m->section;
		where.section = "milestone";
		where.key = "label";
		if (!m->label.set)
			return FIELD_ERROR(err, &where, TT_EINVAL,
					   "[milestone] needs a 'label'");
		if (m->at.set && m->date.set)
			return FIELD_ERROR(err, &m->date, TT_EINVAL,
					   "[milestone] takes 'at' or "
					   "'date', not both");
		if (!m->at.set && !m->date.set)
			return FIELD_ERROR(err, &where, TT_EINVAL,
					   "[milestone] needs 'at' (an "
					   "offset) or 'date'");
		if ((st = check_offset(spec, &m->at, err)) != TT_OK)
			return st;
	}
	return TT_OK;
}

/* [withdrawal]: a notice period, which fits in the term, and an opening
 * before the term ends. */
static tt_status
check_withdrawal(const struct check *c, tt_error *err)
{
	const tt_spec *spec = c->spec;
	tt_date d;
	tt_status st;

	if (!c->withdrawal)
		return TT_OK;
	if (!spec->withdrawal_notice.set)
		return FIELD_ERROR(err, &spec->withdrawal_opens, TT_EINVAL,
				   "[withdrawal] needs 'notice' (the notice "
				   "period)");
	if ((st = check_offset(spec, &spec->withdrawal_opens, err)) != TT_OK)
		return st;
	if (!offset_date(spec, &spec->withdrawal_notice, &d))
		return FIELD_ERROR(err, &spec->withdrawal_notice, TT_ERANGE,
				   "the notice period ends after "
				   "9999-12-31");
	if (c->finite && tt_date_compare(d, c->end) > 0)
		return FIELD_ERROR(err, &spec->withdrawal_notice, TT_EINVAL,
				   "the notice period is longer than the "
				   "term");
	if (c->finite && spec->withdrawal_opens.set &&
	    offset_date(spec, &spec->withdrawal_opens, &d) &&
	    tt_date_compare(d, c->end) > 0)
		return FIELD_ERROR(err, &spec->withdrawal_opens, TT_EINVAL,
				   "withdrawal opens after the term ends");
	return TT_OK;
}

/* [renewal]: a period, a fixed term to renew, and a notice shorter than
 * the term and than a renewed period. */
static tt_status
check_renewal(const struct check *c, tt_error *err)
{
	const tt_spec *spec = c->spec;
	const struct ttp_field *f;
	tt_duration back;
	tt_date d;

	if (!c->renewal)
		return TT_OK;
	f = spec->renewal_period.set ? &spec->renewal_notice :
	    &spec->renewal_period;
	if (!spec->renewal_period.set)
		return FIELD_ERROR(err, spec->renewal_notice.set ?
				   &spec->renewal_notice :
				   &spec->renewal_times, TT_EINVAL,
				   "[renewal] needs 'period' (the length of "
				   "each renewed period)");
	if (!c->finite)
		return FIELD_ERROR(err, &spec->renewal_period, TT_EINVAL,
				   "renewal needs a fixed term, not an "
				   "indefinite one");
	if (!f->set)
		return TT_OK;
	/* The deadline of the first period must fall after entry into
	 * force, and of later periods after their start. */
	back = tt_duration_negate(f->v.dur);
	if (tt_date_add(c->end, back, &d, NULL, NULL) != TT_OK ||
	    tt_date_compare(d, c->eif) <= 0)
		return FIELD_ERROR(err, f, TT_EINVAL,
				   "the renewal notice is not shorter than "
				   "the term");
	if (tt_date_add(c->eif, spec->renewal_period.v.dur, &d, NULL,
			NULL) == TT_OK &&
	    tt_date_add(d, back, &d, NULL, NULL) == TT_OK &&
	    tt_date_compare(d, c->eif) <= 0)
		return FIELD_ERROR(err, f, TT_EINVAL,
				   "the renewal notice is not shorter than "
				   "the renewal period");
	return TT_OK;
}

/* [treaty] notice_given: a clause to give it under, and a day when it
 * could be given. */
static tt_status
check_notice_given(const struct check *c, tt_error *err)
{
	const tt_spec *spec = c->spec;
	const struct ttp_field *f = &spec->notice_given;
	tt_date n = f->v.date, d;
	char b[TT_DATE_BUFSIZE];

	if (!f->set)
		return TT_OK;
	if (!c->withdrawal && !c->renewal)
		return FIELD_ERROR(err, f, TT_EINVAL,
				   "a notice date needs a [withdrawal] or "
				   "[renewal] clause");
	if (tt_date_compare(n, c->eif) < 0)
		return FIELD_ERROR(err, f, TT_EINVAL,
				   "the notice is dated before entry into "
				   "force");
	if (c->withdrawal && spec->withdrawal_opens.set &&
	    !spec->withdrawal.from.set &&
	    offset_date(spec, &spec->withdrawal_opens, &d) &&
	    tt_date_compare(n, d) < 0)
		return FIELD_ERROR(err, f, TT_EINVAL,
				   "the notice is dated before withdrawal "
				   "opens on %s", tt_date_format(d, b));
	if (c->finite && !c->renewal && tt_date_compare(n, c->end) > 0)
		return FIELD_ERROR(err, f, TT_EINVAL,
				   "the notice is dated after the treaty "
				   "expires");
	return TT_OK;
}

/* The checkers, in the order their errors are reported. */
static checker *const checkers[] = {
	check_ends,
	check_window,
	check_events,
	check_froms,
	check_notices,
	check_horizon,
	check_series,
	check_conferences,
	check_milestones,
	check_withdrawal,
	check_renewal,
	check_notice_given,
};

tt_status
ttp_spec_validate_at(const tt_spec *spec, tt_error *err)
{
	struct check c = { .spec = spec };
	tt_status st;

	if (!spec->eif.set)
		return ttp_error_set(err, TT_EINVAL, 0, 0,
				     "no entry into force: set [treaty] "
				     "entry_into_force");
	c.finite = spec->term.set && !spec->term.indefinite;
	c.withdrawal = spec->withdrawal_opens.set ||
		       spec->withdrawal_notice.set;
	c.renewal = spec->renewal_period.set || spec->renewal_notice.set ||
		    spec->renewal_times.set;
	c.eif = c.end = spec->eif.v.date;
	/* [treaty] term: every other check measures against its end. */
	if (c.finite && !offset_date(spec, &spec->term, &c.end))
		return FIELD_ERROR(err, &spec->term, TT_ERANGE,
				   "the term ends after 9999-12-31");
	for (size_t i = 0; i < TTP_ARRAY_SIZE(checkers); i++)
		if ((st = checkers[i](&c, err)) != TT_OK)
			return st;
	return TT_OK;
}

/* --- entry into force from deposits, and the parties ---------------- */

/* A [party] section's own checks. */
static tt_status
check_party(const tt_spec *spec, const struct ttp_party *p, tt_error *err)
{
	struct ttp_field where = p->name;

	where.at = p->section;
	where.section = "party";
	where.key = "name";
	if (!p->name.set)
		return FIELD_ERROR(err, &where, TT_EINVAL,
				   "[party] needs a 'name'");
	if (p->notice.set && !spec->withdrawal_notice.set)
		return FIELD_ERROR(err, &p->notice, TT_EINVAL,
				   "a party's notice needs a [withdrawal] "
				   "clause with a 'notice' period");
	if (p->notice.set && !p->deposit.set)
		return FIELD_ERROR(err, &p->notice, TT_EINVAL,
				   "a notice from a party that has not "
				   "deposited an instrument");
	if ((p->revoked.set || p->notice_effective.set) && !p->notice.set)
		return FIELD_ERROR(err, p->revoked.set ? &p->revoked :
				   &p->notice_effective, TT_EINVAL,
				   "'%s' needs the party's 'notice'",
				   p->revoked.set ? "revoked" :
				   "notice_effective");
	if (p->revoked.set &&
	    tt_date_compare(p->revoked.v.date, p->notice.v.date) < 0)
		return FIELD_ERROR(err, &p->revoked, TT_EINVAL,
				   "the notice is revoked before it was "
				   "received");
	if (p->notice_effective.set &&
	    tt_date_compare(p->notice_effective.v.date,
			    p->notice.v.date) < 0)
		return FIELD_ERROR(err, &p->notice_effective, TT_EINVAL,
				   "the notice takes effect before it was "
				   "received");
	if (p->notice.set &&
	    tt_date_compare(p->notice.v.date, p->deposit.v.date) < 0)
		return FIELD_ERROR(err, &p->notice, TT_EINVAL,
				   "the notice is dated before the party's "
				   "deposit");
	return TT_OK;
}

/* A party's name and place in the spec, sorted by name, then place. */
struct party_ref {
	const char *name;
	size_t i;
};

static int
compare_party_refs(const void *a, const void *b)
{
	const struct party_ref *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c != 0 ? c : x->i < y->i ? -1 : x->i > y->i;
}

/* The first party (in spec order) whose name an earlier one has, into
 * *TWICE, or SIZE_MAX: the names sorted, not compared pairwise, since a
 * spec may list thousands. */
static tt_status
first_repeated_party(const tt_spec *spec, size_t *twice, tt_error *err)
{
	size_t n = spec->nparties;
	struct party_ref *r;

	*twice = SIZE_MAX;
	if (n < 2)
		return TT_OK;
	if ((r = calloc(n, sizeof *r)) == NULL)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	for (size_t i = 0; i < n; i++) {
		r[i].name = ttp_spec_string(spec, &spec->parties[i].name);
		r[i].i = i;
	}
	qsort(r, n, sizeof *r, compare_party_refs);
	/* In a run of one name, the second is the first repeat. */
	for (size_t k = 1; k < n; k++)
		if (strcmp(r[k].name, r[k - 1].name) == 0 &&
		    (k < 2 || strcmp(r[k - 1].name, r[k - 2].name) != 0) &&
		    r[k].i < *twice)
			*twice = r[k].i;
	free(r);
	return TT_OK;
}

/* [entry_into_force]: the date or the conditions, and keys that only
 * make sense with conditions. */
static tt_status
check_conditions(const tt_spec *spec, tt_error *err)
{
	const struct ttp_deposits *d = &spec->deposits;

	if (ttp_spec_has_deposits(spec) && spec->eif.set)
		return FIELD_ERROR(err, &spec->eif, TT_EINVAL,
				   "[treaty] entry_into_force and "
				   "[entry_into_force] exclude each other: "
				   "give the date, or the conditions");
	if (d->cl.from.set) {
		const struct ttp_field *f = d->instruments.set ?
			&d->instruments : d->weight.set ? &d->weight :
			d->required.set ? &d->required : NULL;

		if (f != NULL)
			return FIELD_ERROR(err, f, TT_EINVAL,
					   "[entry_into_force] counts from "
					   "'from' or from deposits, not "
					   "both");
		if (strcmp(ttp_spec_string(spec, &d->cl.from),
			   "entry_into_force") == 0)
			return FIELD_ERROR(err, &d->cl.from, TT_EINVAL,
					   "entry into force cannot count "
					   "from itself");
	}
	if (!ttp_spec_has_deposits(spec)) {
		const struct ttp_field *f = d->after.set ? &d->after :
			d->cl.rule.set ? &d->cl.rule :
			d->cl.not_before.set ? &d->cl.not_before :
			d->opened.set ? &d->opened : NULL;

		if (f != NULL)
			return FIELD_ERROR(err, f, TT_EINVAL,
					   "[entry_into_force] needs "
					   "'instruments', 'weight', "
					   "'required' or 'from'");
		/* Later parties are those after entry into force: with the
		 * date given there is no triggering instrument to count
		 * from. */
		if (d->later_from_instrument.set &&
		    d->later_from_instrument.v.yes)
			return FIELD_ERROR(err, &d->later_from_instrument,
					   TT_EINVAL, "later_from_instrument "
					   "needs the instrument that brings "
					   "the treaty into force: "
					   "'instruments', 'weight', "
					   "'required' or 'from'");
	}
	if (d->cl.not_before.set && !d->cl.not_before.is_date &&
	    !d->opened.set && !d->cl.from.set)
		return FIELD_ERROR(err, &d->cl.not_before, TT_EINVAL,
				   "a 'not_before' duration counts from "
				   "'opened' (the day the treaty opened for "
				   "signature): set it, or give a date");
	return TT_OK;
}

/* Every [party], each listed once. */
static tt_status
check_parties(const tt_spec *spec, tt_error *err)
{
	size_t twice;
	tt_status st;

	if ((st = first_repeated_party(spec, &twice, err)) != TT_OK)
		return st;
	for (size_t i = 0; i < spec->nparties; i++) {
		if ((st = check_party(spec, &spec->parties[i], err)) != TT_OK)
			return st;
		if (i == twice)
			return FIELD_ERROR(err, &spec->parties[i].name,
					   TT_EINVAL, "party '%s' is listed "
					   "twice", ttp_spec_string(spec,
					   &spec->parties[i].name));
	}
	return TT_OK;
}

tt_status
ttp_spec_check_deposits(const tt_spec *spec, tt_error *err)
{
	tt_status st;

	if ((st = check_conditions(spec, err)) != TT_OK)
		return st;
	return check_parties(spec, err);
}
