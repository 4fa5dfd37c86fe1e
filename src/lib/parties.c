/*
 * parties.c -- multilateral treaties: entry into force from the deposits,
 * and each party's own dates.
 *
 * A treaty with an [entry_into_force] clause enters into force a period
 * after the deposit that meets its last condition: the N-th instrument,
 * a share of the parties' weights (Kyoto art. 25, Paris art. 21), every
 * party of a required list (CTBT art. XIV).  The deposits are taken in
 * date order; deposits of one day are one step, so the "60th instrument"
 * is the day on which the count reached 60.  Until every condition is
 * met the treaty is pending, and everything counted from its entry into
 * force waits with it.
 *
 * A party that deposits later (after entry into force, or with
 * later_from_instrument after the triggering deposit) is bound from its
 * own date, 'later_after' after its deposit, never before the general
 * date.  Its withdrawal clauses count from that date.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "schedule-impl.h"

/* --- the conditions -------------------------------------------------- */

/* The I-th name of the ';'-separated LIST into *P and *N, trimmed;
 * false past the last. */
static bool
list_name(const char *list, size_t i, const char **p, size_t *n)
{
	const char *s = list;

	for (; i > 0; i--) {
		if ((s = strchr(s, ';')) == NULL)
			return false;
		s++;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	*n = strcspn(s, ";");
	while (*n > 0 && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
		(*n)--;
	*p = s;
	return true;
}

/* The earliest deposit of the party called NAME (N bytes); false if it
 * has none. */
static bool
deposit_of(const tt_spec *spec, const char *name, size_t n, tt_date *out)
{
	bool found = false;

	for (size_t i = 0; i < spec->nparties; i++) {
		const struct ttp_party *p = &spec->parties[i];
		const char *pn = ttp_spec_string(spec, &p->name);

		if (!p->deposit.set || strlen(pn) != n ||
		    memcmp(pn, name, n) != 0)
			continue;
		if (!found || tt_date_compare(p->deposit.v.date, *out) < 0)
			*out = p->deposit.v.date;
		found = true;
	}
	return found;
}

/* Sorts the indices of the parties that deposited into ORDER (room for
 * every party) by date, then by their order in the spec; returns their
 * number.  An insertion sort: status tables list deposits in date order
 * or nearly, which makes it linear, and it is stable without a context
 * for qsort(). */
static size_t
sort_deposits(const tt_spec *spec, size_t *order)
{
	size_t n = 0;

	for (size_t i = 0; i < spec->nparties; i++) {
		size_t j;

		if (!spec->parties[i].deposit.set)
			continue;
		/* Insertion from the end: deposits are usually listed in
		 * date order, which makes this linear. */
		for (j = n; j > 0; j--) {
			const struct ttp_party *p = &spec->parties[order[j - 1]];

			if (tt_date_compare(p->deposit.v.date,
					    spec->parties[i].deposit.v.date) <= 0)
				break;
			order[j] = order[j - 1];
		}
		order[j] = i;
		n++;
	}
	return n;
}

void
ttp_trigger_find(const tt_spec *spec, size_t *order, struct ttp_trigger *t)
{
	const struct ttp_deposits *d = &spec->deposits;
	const char *list = ttp_spec_string(spec, &d->required);
	tt_date required_by = { 1, 1, 1 };
	bool required_met = true;
	const char *name;
	size_t n, ndep;
	int weight = 0;

	memset(t, 0, sizeof *t);
	t->party = SIZE_MAX;
	ndep = sort_deposits(spec, order);
	t->deposited = (unsigned)ndep;
	if (d->cl.from.set) {
		const struct ttp_event *ev = ttp_spec_event(spec,
				ttp_spec_string(spec, &d->cl.from));

		t->from_event = true;
		t->met = ev != NULL && !ev->date.indefinite;
		if (t->met)
			t->on = ev->date.v.date;
		return;
	}
	for (size_t i = 0; d->required.set && list_name(list, i, &name, &n);
	     i++) {
		tt_date on;

		if (n == 0)
			continue;
		t->required++;
		if (!deposit_of(spec, name, n, &on)) {
			required_met = false;
			continue;
		}
		t->required_in++;
		if (tt_date_compare(on, required_by) > 0)
			required_by = on;
	}
	for (size_t k = 0; k < ndep; k++) {
		const struct ttp_party *p = &spec->parties[order[k]];

		if (p->weight.set)
			weight += p->weight.v.count;
		if (t->met)
			continue;
		if (d->instruments.set &&
		    k + 1 < (size_t)d->instruments.v.count)
			continue;
		if (d->weight.set && weight < d->weight.v.count)
			continue;
		if (!required_met ||
		    tt_date_compare(p->deposit.v.date, required_by) < 0)
			continue;
		t->met = true;
		t->on = p->deposit.v.date;
		t->rank = (unsigned)k + 1;
		t->party = order[k];
		t->weight = weight;
	}
	if (!t->met)
		t->weight = weight;
}

void
ttp_trigger_condition(const tt_spec *spec, const struct ttp_trigger *t,
		      struct ttp_buf *b)
{
	const struct ttp_deposits *d = &spec->deposits;
	size_t start = b->len;

	if (t->from_event) {
		const char *name = ttp_spec_string(spec, &d->cl.from);
		const struct ttp_event *ev = ttp_spec_event(spec, name);

		ttp_buf_adds(b, ev != NULL && ev->label.set ?
			     ttp_spec_string(spec, &ev->label) : name);
		return;
	}
	if (d->instruments.set)
		ttp_buf_addf(b, "%u of %d instruments deposited",
			     t->deposited < (unsigned)d->instruments.v.count ?
			     t->deposited : (unsigned)d->instruments.v.count,
			     d->instruments.v.count);
	if (d->weight.set) {
		char have[24], need[24];

		ttp_weight_format(t->weight, have, sizeof have);
		ttp_weight_format(d->weight.v.count, need, sizeof need);
		ttp_buf_addf(b, "%sweights of %s%% of the %s%% needed",
			     b->len > start ? "; " : "", have, need);
	}
	if (d->required.set)
		ttp_buf_addf(b, "%s%u of %u required parties have deposited",
			     b->len > start ? "; " : "", t->required_in,
			     t->required);
}

/* --- the schedule ---------------------------------------------------- */

/* Room for one index a party in S's scratch. */
static tt_status
party_room(struct calc *c)
{
	tt_schedule *s = c->s;
	size_t n = c->spec->nparties;
	void *p;

	if (n <= s->parties_cap && n <= s->order_cap2)
		return TT_OK;
	if ((p = ttp_grow(s->parties, &s->parties_cap, n,
			  sizeof *s->parties)) == NULL)
		goto nomem;
	s->parties = p;
	if ((p = ttp_grow(s->party_order, &s->order_cap2, n,
			  sizeof *s->party_order)) == NULL)
		goto nomem;
	s->party_order = p;
	return TT_OK;
nomem:
	return ttp_error_set(c->err, TT_ENOMEM, 0, 0, "out of memory");
}

/* English ordinal suffix of N: "st", "nd", "rd", "th". */
static const char *
ordinal_suffix(unsigned n)
{
	if (n % 100 >= 11 && n % 100 <= 13)
		return "th";
	switch (n % 10) {
	case 1:
		return "st";
	case 2:
		return "nd";
	case 3:
		return "rd";
	}
	return "th";
}

tt_status
ttp_compute_entry_into_force(struct calc *c, tt_milestone *eif)
{
	const tt_spec *spec = c->spec;
	const struct ttp_deposits *d = &spec->deposits;
	tt_schedule *s = c->s;
	struct ttp_trigger t;
	struct origin o;
	tt_status st;

	*eif = ttp_blank(TT_KIND_ENTRY_INTO_FORCE, 0, 1, NULL);
	if (!ttp_spec_has_deposits(spec)) {
		eif->date = eif->nominal = eif->anchor_date = s->eif;
		eif->same_date = s->eif;
		eif->rule = TT_RULE_GIVEN;
		return TT_OK;
	}
	if ((st = party_room(c)) != TT_OK)
		return st;
	ttp_trigger_find(spec, s->party_order, &t);
	s->trigger_on = t.on;
	s->trigger_met = t.met;
	s->trigger_party = t.party;
	memset(&o, 0, sizeof o);
	o.anchor = TT_ANCHOR_DEPOSIT;
	if (!t.met) {
		/* Kept whole, in the schedule's memory (reused from one
		 * computation to the next). */
		ttp_buf_reset(&s->condition);
		ttp_trigger_condition(spec, &t, &s->condition);
		if (s->condition.failed)
			return ttp_error_set(c->err, TT_ENOMEM, 0, 0,
					     "out of memory");
		s->eif_pending = true;
		/* A stand-in for the checks of the other clauses. */
		s->eif = t.deposited > 0 ?
			 spec->parties[s->party_order[t.deposited - 1]]
			 .deposit.v.date : d->opened.set ? d->opened.v.date :
			 tt_date_from_daynum(TT_DAYNUM_MIN);
		o.pending = true;
		o.label = s->condition.p;
		if (t.from_event) {
			o.anchor = TT_ANCHOR_EVENT;
			o.event = ttp_label_of(c, &d->cl.from);
		}
		return ttp_place(c, eif, &d->cl, &o, d->after.set ?
				 d->after.v.dur : tt_duration_of_days(0));
	}
	if (t.from_event) {
		ttp_clause_origin(c, &d->cl, &o);
	} else {
		ttp_buf_reset(&s->trigger);
		ttp_buf_addf(&s->trigger, "the %u%s instrument, deposited",
			     t.rank, ordinal_suffix(t.rank));
		if (s->trigger.failed)
			return ttp_error_set(c->err, TT_ENOMEM, 0, 0,
					     "out of memory");
		o.date = t.on;
		o.label = s->trigger.p;
	}
	/* A floor given as a duration counts from 'opened'. */
	if (d->opened.set)
		o.date = d->opened.v.date;
	if ((st = ttp_at_offset(eif, o.anchor, t.on, d->after.set ?
				d->after.v.dur : tt_duration_of_days(0),
				c->err)) != TT_OK)
		return st;
	eif->event = o.event;
	eif->event_label = o.label;
	eif->article = ttp_article_of(c, &d->cl);
	if ((st = ttp_finish(c, eif, &d->cl, &o)) != TT_OK)
		return st;
	s->eif = eif->date;
	return TT_OK;
}

/* Fills S's parties from the [party] sections. */
static void
copy_parties(struct calc *c)
{
	const tt_spec *spec = c->spec;
	tt_schedule *s = c->s;

	for (size_t i = 0; i < spec->nparties; i++) {
		const struct ttp_party *sp = &spec->parties[i];
		tt_party *p = &s->parties[i];

		memset(p, 0, sizeof *p);
		p->name = ttp_label_of(c, &sp->name);
#define DATE(field, bit, to) \
		if (sp->field.set) { \
			p->has |= (bit); \
			p->to = sp->field.v.date; \
		}
		DATE(signature, TT_PARTY_SIGNATURE, signature)
		DATE(deposit, TT_PARTY_DEPOSIT, deposit)
		DATE(notice, TT_PARTY_NOTICE, notice)
		DATE(notice_effective, TT_PARTY_NOTICE_EFFECTIVE,
		     notice_effective)
		DATE(revoked, TT_PARTY_REVOKED, revoked)
		DATE(recorded_eif, TT_PARTY_RECORDED_ENTRY_INTO_FORCE,
		     recorded_entry_into_force)
		DATE(recorded_withdrawal, TT_PARTY_RECORDED_WITHDRAWAL,
		     recorded_withdrawal)
#undef DATE
		p->instrument = sp->instrument.set ? sp->instrument.v.instrument :
				sp->deposit.suffix > 0 ?
				(tt_instrument)(sp->deposit.suffix - 1) :
				TT_INSTRUMENT_RATIFICATION;
		if (sp->weight.set) {
			p->has |= TT_PARTY_WEIGHT;
			p->weight = sp->weight.v.count;
		}
	}
	s->nparties = spec->nparties;
}

/* Party I's entry into force into *M: the general date, or for a later
 * party its own. */
static tt_status
party_entry(struct calc *c, size_t i, const tt_milestone *general,
	    tt_milestone *m)
{
	const tt_spec *spec = c->spec;
	const struct ttp_deposits *d = &spec->deposits;
	tt_schedule *s = c->s;
	tt_party *p = &s->parties[i];
	bool later;
	struct ttp_clause cl;
	struct origin o;
	tt_status st;

	later = d->later_from_instrument.set && d->later_from_instrument.v.yes
		&& s->trigger_met ?
		tt_date_compare(p->deposit, s->trigger_on) > 0 :
		tt_date_compare(p->deposit, s->eif) > 0;
	if (!later) {
		*m = *general;
	} else {
		*m = ttp_blank(TT_KIND_ENTRY_INTO_FORCE, 0, 1, NULL);
		/* The clause of a later party: its own period and rule, and
		 * the general date as its floor. */
		cl = d->cl;
		memset(&cl.not_before, 0, sizeof cl.not_before);
		memset(&cl.readings, 0, sizeof cl.readings);
		if (d->later_rule.set) {
			cl.rule = d->later_rule;
			cl.rule.v.rule = d->later_rule.v.rule;
		}
		memset(&o, 0, sizeof o);
		o.anchor = TT_ANCHOR_DEPOSIT;
		o.date = p->deposit;
		o.label = "its instrument, deposited";
		if ((st = ttp_place(c, m, &cl, &o, d->later_after.set ?
				    d->later_after.v.dur : d->after.set ?
				    d->after.v.dur :
				    tt_duration_of_days(0))) != TT_OK)
			return st;
		if (tt_date_compare(m->date, s->eif) < 0) {
			m->date = m->nominal = s->eif;
			m->flags |= TT_MS_FLOORED;
		}
		p->own_date = true;
	}
	m->kind = TT_KIND_ENTRY_INTO_FORCE;
	m->party = p->name;
	m->series = (unsigned)i;
	m->flags |= TT_MS_PARTY;
	p->has |= TT_PARTY_ENTRY_INTO_FORCE;
	p->entry_into_force = m->date;
	return TT_OK;
}

/* The index of the party called NAME into *I. */
static tt_status
find_party(struct calc *c, const char *name, size_t *i)
{
	for (*i = 0; *i < c->s->nparties; (*i)++)
		if (strcmp(c->s->parties[*i].name, name) == 0)
			return TT_OK;
	return ttp_error_set(c->err, TT_EINVAL, 0, 0,
			     "no party called '%s' (names are matched "
			     "exactly)", name);
}

/* Appends a discrepancy for party I, whose recorded date came from AT. */
static tt_status
discrepancy(struct calc *c, size_t i, const char *field, tt_date recorded,
	    const struct ttp_origin *at, const tt_milestone *basis)
{
	tt_schedule *s = c->s;
	tt_discrepancy *x;

	if (basis != NULL && tt_date_compare(basis->date, recorded) == 0)
		return TT_OK;
	x = ttp_grow(s->discrepancies, &s->discrepancies_cap,
		     s->ndiscrepancies + 1, sizeof *x);
	if (x == NULL)
		return ttp_error_set(c->err, TT_ENOMEM, 0, 0,
				     "out of memory");
	s->discrepancies = x;
	x += s->ndiscrepancies++;
	memset(x, 0, sizeof *x);
	x->party = i;
	x->field = field;
	x->recorded = recorded;
	x->input = at->input;
	x->line = at->line;
	x->column = at->column;
	if (basis != NULL) {
		x->has_computed = true;
		x->computed = basis->date;
		x->basis = *basis;
	}
	return TT_OK;
}

/* Party I's withdrawal: when notice may first be given, the notice and
 * its effect. */
static tt_status
party_withdrawal(struct calc *c, size_t i, tt_milestone *effect,
		 bool *has_effect)
{
	const tt_spec *spec = c->spec;
	tt_schedule *s = c->s;
	tt_party *p = &s->parties[i];
	tt_duration opens = spec->withdrawal_opens.set ?
			    spec->withdrawal_opens.v.dur :
			    tt_duration_of_days(0);
	tt_milestone open, got;
	struct origin o;
	tt_status st;

	*has_effect = false;
	if (!spec->withdrawal_notice.set ||
	    !(p->has & TT_PARTY_ENTRY_INTO_FORCE))
		return TT_OK;
	/* From its own entry into force, unless the clause names an
	 * event. */
	ttp_clause_origin(c, &spec->withdrawal, &o);
	if (o.anchor != TT_ANCHOR_EVENT) {
		o.anchor = TT_ANCHOR_ENTRY_INTO_FORCE;
		o.date = p->entry_into_force;
		o.pending = false;
	}
	if (o.pending)
		return TT_OK;
	open = ttp_blank(TT_KIND_WITHDRAWAL_NOTICE_OPENS, (unsigned)i, 1,
			 NULL);
	if ((st = ttp_place(c, &open, NULL, &o, opens)) != TT_OK)
		return st;
	open.article = ttp_article_of(c, &spec->withdrawal);
	open.party = p->name;
	open.flags |= TT_MS_PARTY;
	p->has |= TT_PARTY_NOTICE_OPENS;
	p->notice_opens = open.date;
	/* Without 'opens' it is the party's entry into force: no date of
	 * its own. */
	if (spec->withdrawal_opens.set && (st = ttp_emit(c, &open)) != TT_OK)
		return st;
	if (!(p->has & TT_PARTY_NOTICE))
		return TT_OK;
	if (tt_date_compare(p->notice, open.date) < 0 &&
	    (st = discrepancy(c, i, "notice", p->notice,
			      &spec->parties[i].notice.at, &open)) != TT_OK)
		return st;
	got = ttp_blank(TT_KIND_NOTICE, (unsigned)i, 1, NULL);
	got.date = got.nominal = got.anchor_date = got.same_date = p->notice;
	got.rule = TT_RULE_GIVEN;
	got.party = p->name;
	got.flags |= TT_MS_PARTY;
	if ((st = ttp_emit(c, &got)) != TT_OK)
		return st;
	if (p->has & TT_PARTY_REVOKED) {
		got.kind = TT_KIND_NOTICE_REVOKED;
		got.date = got.nominal = got.same_date = p->revoked;
		return ttp_emit(c, &got);
	}
	*effect = ttp_blank(TT_KIND_WITHDRAWAL_EFFECTIVE, (unsigned)i, 1,
			    NULL);
	effect->flags |= TT_MS_AFTER_NOTICE | TT_MS_PARTY;
	effect->party = p->name;
	if ((st = ttp_at_offset(effect, TT_ANCHOR_NOTICE, p->notice,
				spec->withdrawal_notice.v.dur,
				c->err)) != TT_OK ||
	    (st = ttp_finish(c, effect, &spec->withdrawal, &o)) != TT_OK)
		return st;
	effect->article = ttp_article_of(c, &spec->withdrawal);
	if ((p->has & TT_PARTY_NOTICE_EFFECTIVE) &&
	    tt_date_compare(p->notice_effective, effect->date) > 0) {
		effect->date = effect->nominal = p->notice_effective;
		effect->flags |= TT_MS_NAMED_DATE;
		effect->nalternatives = 0;
	}
	p->has |= TT_PARTY_WITHDRAWAL;
	p->withdrawal_effective = effect->date;
	*has_effect = true;
	return ttp_emit(c, effect);
}

tt_status
ttp_compute_parties(struct calc *c)
{
	const tt_spec *spec = c->spec;
	tt_schedule *s = c->s;
	tt_milestone general, m, effect;
	const char *only;
	size_t keep = 0;
	bool has_effect;
	tt_status st;

	if (spec->nparties == 0) {
		if (c->opt != NULL && c->opt->party != NULL)
			return ttp_error_set(c->err, TT_EINVAL, 0, 0,
					     "no party called '%s': the spec "
					     "has no [party] sections",
					     c->opt->party);
		return TT_OK;
	}
	if ((st = party_room(c)) != TT_OK)
		return st;
	copy_parties(c);
	/* The deposits' ranks, in date order. */
	ttp_trigger_find(spec, s->party_order, &(struct ttp_trigger){ 0 });
	for (size_t k = 0, n = 0; k < spec->nparties; k++) {
		if (!(s->parties[k].has & TT_PARTY_DEPOSIT))
			continue;
		s->parties[s->party_order[n]].rank = (unsigned)n + 1;
		n++;
	}
	/* The general entry into force, as party milestones copy it. */
	general = ttp_blank(TT_KIND_ENTRY_INTO_FORCE, 0, 1, NULL);
	for (size_t k = 0; k < s->n; k++)
		if (s->ms[k].kind == TT_KIND_ENTRY_INTO_FORCE &&
		    !(s->ms[k].flags & TT_MS_PARTY)) {
			general = s->ms[k];
			break;
		}
	s->has_as_of = c->opt != NULL && c->opt->has_as_of;
	if (s->has_as_of)
		s->as_of = c->opt->as_of;
	only = c->opt != NULL ? c->opt->party : NULL;
	if (only != NULL && (st = find_party(c, only, &keep)) != TT_OK)
		return st;
	for (size_t i = 0; i < s->nparties; i++) {
		tt_party *p = &s->parties[i];

		if (only != NULL && i != keep)
			continue;
		p->trigger = s->trigger_met && i == s->trigger_party;
		has_effect = false;
		if ((p->has & TT_PARTY_DEPOSIT) && !s->eif_pending) {
			if ((st = party_entry(c, i, &general, &m)) != TT_OK ||
			    (st = ttp_emit(c, &m)) != TT_OK ||
			    (st = party_withdrawal(c, i, &effect,
						   &has_effect)) != TT_OK)
				return st;
		}
		if ((p->has & TT_PARTY_RECORDED_ENTRY_INTO_FORCE) &&
		    (st = discrepancy(c, i, "entry_into_force",
				      p->recorded_entry_into_force,
				      &spec->parties[i].recorded_eif.at,
				      (p->has & TT_PARTY_ENTRY_INTO_FORCE) ?
				      &m : NULL)) != TT_OK)
			return st;
		if ((p->has & TT_PARTY_RECORDED_WITHDRAWAL) &&
		    (st = discrepancy(c, i, "withdrawal_effective",
				      p->recorded_withdrawal,
				      &spec->parties[i].recorded_withdrawal.at,
				      has_effect ? &effect : NULL)) != TT_OK)
			return st;
	}
	if (only != NULL) {
		/* The one party kept; its index in the discrepancies
		 * follows it. */
		s->parties[0] = s->parties[keep];
		s->nparties = 1;
		for (size_t i = 0; i < s->ndiscrepancies; i++)
			s->discrepancies[i].party = 0;
	}
	return TT_OK;
}

/* --- reading the parties --------------------------------------------- */

size_t
tt_schedule_party_count(const tt_schedule *s)
{
	return s->nparties;
}

const tt_party *
tt_schedule_party_at(const tt_schedule *s, size_t i)
{
	return i < s->nparties ? &s->parties[i] : NULL;
}

bool
tt_party_in_force(const tt_party *p, tt_date day)
{
	if (!(p->has & TT_PARTY_ENTRY_INTO_FORCE) ||
	    tt_date_compare(p->entry_into_force, day) > 0)
		return false;
	return !(p->has & TT_PARTY_WITHDRAWAL) ||
	       tt_date_compare(p->withdrawal_effective, day) > 0;
}

size_t
tt_schedule_parties_in_force(const tt_schedule *s, tt_date day)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nparties; i++)
		n += tt_party_in_force(&s->parties[i], day);
	return n;
}

size_t
tt_schedule_discrepancy_count(const tt_schedule *s)
{
	return s->ndiscrepancies;
}

const tt_discrepancy *
tt_schedule_discrepancy_at(const tt_schedule *s, size_t i)
{
	return i < s->ndiscrepancies ? &s->discrepancies[i] : NULL;
}

bool
tt_schedule_as_of(const tt_schedule *s, tt_date *day)
{
	if (s->has_as_of && day != NULL)
		*day = s->as_of;
	return s->has_as_of;
}

bool
tt_schedule_has_entry_into_force(const tt_schedule *s)
{
	return !s->eif_pending;
}
