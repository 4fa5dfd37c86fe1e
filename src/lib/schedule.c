/*
 * schedule.c -- from a treaty's clauses to its dated milestones.
 *
 * Every date is computed from its anchor (entry into force, a named event,
 * a notice, the end of a period) by one application of the same-date rule,
 * then the clause's counting rule and floor (reckon.c); nothing is
 * computed by adding a period to the previous result, which would drift
 * after a month-end clamp.  Each milestone keeps its anchor, offset and
 * rule so that the derivation can be shown and cited (see milestone.c).
 *
 * A date counted from an event whose date is unknown is pending: it is
 * kept apart from the dated ones, which alone are sorted and rolled.  The
 * other readings a clause asks for are computed from the same same-date
 * result and kept on the milestone where they differ.
 *
 * Periods: under the anniversary convention a term of N years from entry
 * into force E ends on E + N years (the last day in force) and a renewed
 * period begins the day after; under the inclusive convention the day of
 * entry into force is the first day of the term, so the term ends on
 * E + N years - 1 day and the renewed period begins on E + N years.
 */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "spec-impl.h"
#include "schedule-impl.h"


/* A milestone's place in date order, packed (see sort_milestones()). */
struct sort_entry {
	uint64_t key;
	size_t index;
};

static void sort_entries(struct sort_entry *e, struct sort_entry *tmp,
			 size_t n);

/* The name of each kind, in the order of tt_kind: the table ends where
 * the kinds do, and tt_kind_is_valid() is its bound. */
static const char *const kind_names[] = {
	[TT_KIND_ENTRY_INTO_FORCE] = "entry_into_force",
	[TT_KIND_CONSULTATION] = "consultation",
	[TT_KIND_REVIEW] = "review",
	[TT_KIND_CONFERENCE] = "conference",
	[TT_KIND_WITHDRAWAL_NOTICE_OPENS] = "withdrawal_notice_opens",
	[TT_KIND_WITHDRAWAL_EFFECTIVE] = "withdrawal_effective",
	[TT_KIND_RENEWAL_NOTICE_DEADLINE] = "renewal_notice_deadline",
	[TT_KIND_RENEWAL] = "renewal",
	[TT_KIND_EXPIRY] = "expiry",
	[TT_KIND_MILESTONE] = "milestone",
	[TT_KIND_NOTICE] = "notice",
	[TT_KIND_NOTICE_REVOKED] = "notice_revoked",
	[TT_KIND_WITHDRAWAL_WINDOW_OPENS] = "withdrawal_window_opens",
	[TT_KIND_WITHDRAWAL_WINDOW_CLOSES] = "withdrawal_window_closes"
};

bool
tt_kind_is_valid(tt_kind kind)
{
	return (unsigned)kind < TTP_ARRAY_SIZE(kind_names);
}

const char *
tt_kind_name(tt_kind kind)
{
	if (!tt_kind_is_valid(kind))
		return "unknown";
	return kind_names[kind];
}

bool
tt_kind_is_meeting(tt_kind kind)
{
	return kind == TT_KIND_CONSULTATION || kind == TT_KIND_REVIEW ||
	       kind == TT_KIND_CONFERENCE;
}

void
tt_schedule_options_init(tt_schedule_options *opt)
{
	memset(opt, 0, sizeof *opt);
	opt->holidays = NULL;
	opt->roll = TT_ROLL_NONE;
	opt->max_milestones = TT_SCHEDULE_MAX_MILESTONES;
}

tt_schedule *
tt_schedule_new(void)
{
	return calloc(1, sizeof(tt_schedule));
}

void
tt_schedule_free(tt_schedule *s)
{
	if (s == NULL)
		return;
	free(s->ms);
	free(s->pending);
	free(s->strings);
	free(s->order);
	free(s->sorted);
	free(s->parties);
	free(s->party_order);
	free(s->discrepancies);
	ttp_buf_release(&s->condition);
	ttp_buf_release(&s->trigger);
	free(s);
}

size_t
tt_schedule_count(const tt_schedule *s)
{
	return s->n;
}

const tt_milestone *
tt_schedule_at(const tt_schedule *s, size_t i)
{
	return i < s->n ? &s->ms[i] : NULL;
}

const char *
tt_schedule_id(const tt_schedule *s)
{
	return s->id ? s->id : "";
}

const char *
tt_schedule_name(const tt_schedule *s)
{
	return s->name ? s->name : "";
}

const char *
tt_schedule_url(const tt_schedule *s)
{
	return s->url ? s->url : "";
}

tt_date
tt_schedule_entry_into_force(const tt_schedule *s)
{
	return s->eif;
}

bool
tt_schedule_term(const tt_schedule *s, tt_duration *out)
{
	if (s->has_term && out != NULL)
		*out = s->term;
	return s->has_term;
}

tt_convention
tt_schedule_convention(const tt_schedule *s)
{
	return s->convention;
}

bool
tt_schedule_expiry(const tt_schedule *s, tt_date *out)
{
	if (s->has_expiry && out != NULL)
		*out = s->expiry;
	return s->has_expiry;
}

size_t
tt_schedule_pending_count(const tt_schedule *s)
{
	return s->npending;
}

const tt_milestone *
tt_schedule_pending_at(const tt_schedule *s, size_t i)
{
	return i < s->npending ? &s->pending[i] : NULL;
}

bool
tt_schedule_ends(const tt_schedule *s, tt_date *out)
{
	if (s->has_ends && out != NULL)
		*out = s->ends;
	return s->has_ends;
}

bool
tt_schedule_hypothetical(const tt_schedule *s)
{
	return s->hypothetical;
}

bool
tt_schedule_bilateral(const tt_schedule *s)
{
	return s->bilateral;
}

bool
tt_schedule_out_by(const tt_schedule *s, tt_date *by, bool *possible,
		   tt_date *latest)
{
	if (!s->has_out_by)
		return false;
	if (by != NULL)
		*by = s->out_by;
	if (possible != NULL)
		*possible = s->has_latest_notice;
	if (latest != NULL && s->has_latest_notice)
		*latest = s->latest_notice;
	return true;
}

bool
tt_schedule_out_by_anyway(const tt_schedule *s)
{
	return s->has_out_by && s->out_by_anyway;
}

bool
tt_schedule_out_by_next(const tt_schedule *s, tt_date *today,
			bool *has_next, tt_way_out *next)
{
	if (!s->has_out_by || !s->has_today)
		return false;
	if (today != NULL)
		*today = s->today;
	if (has_next != NULL)
		*has_next = s->has_next_out;
	if (next != NULL && s->has_next_out)
		*next = s->next_out;
	return true;
}

tt_date
tt_schedule_horizon(const tt_schedule *s)
{
	return s->horizon;
}

bool
tt_schedule_truncated(const tt_schedule *s)
{
	return s->truncated;
}

/* The last day of period K (0 = the term, K >= 1 = the K-th renewed
 * period), all counted from the term's origin O. */
static tt_status
period_end(struct calc *c, const struct origin *o, int k, tt_milestone *m)
{
	const tt_spec *spec = c->spec;
	/* A renewed period ends by the [renewal] clause's rule, floor and
	 * readings, counted from its 'from' if it names one. */
	const struct ttp_clause *cl = k > 0 ? &spec->renewal : &spec->treaty;
	tt_duration off = spec->term.v.dur;
	struct origin ro;
	tt_status st;

	*m = ttp_blank(TT_KIND_EXPIRY, 0, 1, NULL);
	if (k > 0 && spec->renewal.from.set) {
		ttp_clause_origin(c, &spec->renewal, &ro);
		o = &ro;
	}
	if (k > 0 && (st = tt_duration_add_multiple(off,
			spec->renewal_period.v.dur, k, &off, c->err)) != TT_OK)
		return st;
	if ((st = ttp_place(c, m, cl, o, off)) != TT_OK)
		return st;
	if (c->s->convention == TT_CONVENTION_INCLUSIVE) {
		m->rule = TT_RULE_START_DAY_COUNTED;
		if (m->pending)
			return TT_OK;
		if ((st = tt_date_add_days(m->nominal, -1, &m->nominal,
					   c->err)) != TT_OK)
			return st;
		m->date = m->nominal;
	}
	return TT_OK;
}

/* The last day on which a denunciation stops the renewal after period K:
 * its end minus the notice, counted backwards. */
static tt_status
renewal_deadline(struct calc *c, const tt_milestone *end, int k,
		 tt_milestone *m)
{
	const struct ttp_field *n = &c->spec->renewal_notice;
	tt_duration notice = n->set ? n->v.dur : tt_duration_of_days(0);
	tt_status st;

	*m = ttp_blank(TT_KIND_RENEWAL_NOTICE_DEADLINE, 0, (unsigned)k + 1, NULL);
	m->flags |= TT_MS_NUMBERED;
	st = ttp_at_offset(m, TT_ANCHOR_PERIOD_END, end->nominal,
		       tt_duration_negate(notice), c->err);
	m->rule = TT_RULE_BACKWARDS;
	m->article = ttp_article_of(c, &c->spec->renewal);
	return st;
}

/* The notices of a treaty, short form and [notice] sections alike. */
struct notice {
	tt_date received;
	const struct ttp_field *at;	/* where to point errors */
	const char *party;
	bool named, revoked;
	tt_date effective, revoked_on;
	const struct ttp_notice *section;	/* NULL for notice_given */
};

/* The I-th notice (0 is notice_given, if set); false past the last. */
static bool
notice_at(struct calc *c, size_t i, struct notice *n)
{
	const tt_spec *spec = c->spec;
	const struct ttp_notice *p;

	memset(n, 0, sizeof *n);
	if (i == 0) {
		/* notice_given: the short form of one [notice]. */
		n->received = spec->notice_given.v.date;
		n->at = &spec->notice_given;
		return spec->notice_given.set;
	}
	if (i - 1 >= spec->nnotices)
		return false;
	p = &spec->notices[i - 1];
	n->received = p->received.v.date;
	n->at = &p->received;
	n->party = ttp_label_of(c, &p->party);
	n->named = p->effective.set;
	n->effective = p->effective.v.date;
	n->revoked = p->revoked.set;
	n->revoked_on = p->revoked.v.date;
	n->section = p;
	return true;
}

/* The series of notice I (see notice_at()): [notice] sections from 0,
 * notice_given after them, so that no two share their calendar UIDs. */
static unsigned
notice_series(const struct calc *c, size_t i)
{
	return i == 0 ? (unsigned)c->spec->nnotices : (unsigned)i - 1;
}

/* The earliest notice not revoked, for a denunciation; false if none. */
static bool
first_notice(struct calc *c, struct notice *first)
{
	struct notice n;
	bool found = false;

	for (size_t i = 0; i < 1 + c->spec->nnotices; i++) {
		if (!notice_at(c, i, &n) || n.revoked)
			continue;
		if (!found || tt_date_compare(n.received,
					      first->received) < 0)
			*first = n;
		found = true;
	}
	return found;
}

/* The expiry at a fixed last day ([treaty] ends). */
static tt_status
fixed_end(struct calc *c)
{
	tt_milestone end = ttp_blank(TT_KIND_EXPIRY, 0, 1, NULL);

	end.date = end.nominal = end.anchor_date = c->spec->ends.v.date;
	end.same_date = end.date;
	end.rule = TT_RULE_GIVEN;
	end.article = ttp_article_of(c, &c->spec->treaty);
	c->s->has_expiry = true;
	c->s->expiry = end.date;
	return ttp_emit(c, &end);
}

/* Renewals, their deadlines and the expiry.  Returns through S the last
 * day in force, if there is one. */
static tt_status
compute_term(struct calc *c)
{
	const tt_spec *spec = c->spec;
	tt_schedule *s = c->s;
	bool renewal = spec->renewal_period.set;
	int times = !renewal ? 0 :
		    spec->renewal_times.set ? spec->renewal_times.v.count :
		    TT_RENEWAL_UNLIMITED;
	struct notice given;
	bool notice;
	struct origin o;
	tt_milestone end, dl, m;
	tt_status st;
	int k;

	memset(&given, 0, sizeof given);
	notice = renewal && first_notice(c, &given);
	if (spec->ends.set)
		return fixed_end(c);
	if (!s->has_term)
		return TT_OK;
	ttp_clause_origin(c, &spec->treaty, &o);
	if (o.pending) {	/* one pending expiry; renewals wait too */
		if ((st = period_end(c, &o, 0, &end)) != TT_OK)
			return st;
		return ttp_emit_pending(c, &end);
	}
	for (k = 0;; k++) {
		if ((st = period_end(c, &o, k, &end)) != TT_OK) {
			if (times == TT_RENEWAL_UNLIMITED && k > 0) {
				s->truncated = true;	/* past 9999 */
				return TT_OK;
			}
			return st;
		}
		if (end.pending)	/* a renewal counted from an event */
			return ttp_emit_pending(c, &end);
		if (times != TT_RENEWAL_UNLIMITED && k == times)
			break;	/* the last period: no renewal after it */
		if (times == TT_RENEWAL_UNLIMITED && !notice &&
		    tt_date_compare(end.nominal, s->horizon) > 0) {
			s->truncated = true;
			return TT_OK;
		}
		if ((st = renewal_deadline(c, &end, k, &dl)) != TT_OK)
			return st;
		if ((st = ttp_emit(c, &dl)) != TT_OK)
			return st;
		if (notice &&
		    tt_date_compare(given.received, dl.nominal) <= 0)
			break;	/* denounced in time: ends with period K */
		/* Period K + 1 begins the day after period K ends. */
		m = ttp_blank(TT_KIND_RENEWAL, 0, (unsigned)k + 1, NULL);
		m.flags |= TT_MS_NUMBERED;
		if ((st = ttp_at_offset(&m, TT_ANCHOR_PERIOD_END, end.nominal,
				    tt_duration_of_days(1), c->err)) != TT_OK)
			return st;
		m.rule = TT_RULE_DAY_AFTER;
		if ((st = ttp_emit(c, &m)) != TT_OK)
			return st;
	}
	if (notice && tt_date_compare(given.received, end.nominal) > 0) {
		char b[TT_DATE_BUFSIZE];

		return ttp_field_error(c, given.at, TT_EINVAL,
				   "the notice is dated after the treaty "
				   "expires on %s",
				   tt_date_format(end.nominal, b));
	}
	end.kind = TT_KIND_EXPIRY;
	end.ordinal = 1;
	if (notice)
		end.flags |= TT_MS_AFTER_NOTICE;
	s->has_expiry = true;
	s->expiry = end.nominal;
	return ttp_emit(c, &end);
}

/* Consultations or reviews: the I-th is at FIRST + I * EVERY. */
static tt_status
compute_series(struct calc *c, tt_kind kind, const struct ttp_series *ser)
{
	tt_schedule *s = c->s;
	bool periodic = ser->every.set;
	int count = ser->count.set ? ser->count.v.count : periodic ? -1 : 1;
	struct origin o;
	tt_status st;

	if (!ser->first.set)
		return TT_OK;
	ttp_clause_origin(c, &ser->cl, &o);
	for (int i = 0; count < 0 || i < count; i++) {
		tt_milestone m = ttp_blank(kind, 0, (unsigned)i + 1,
				       ttp_label_of(c, &ser->label));
		tt_duration off = ser->first.v.dur;

		if (periodic)
			m.flags |= TT_MS_NUMBERED;
		if (ser->may_end.set && ser->may_end.v.yes)
			m.flags |= TT_MS_MAY_END;
		st = i == 0 ? TT_OK :
		     tt_duration_add_multiple(off, ser->every.v.dur, i, &off,
					      c->err);
		if (st == TT_OK)
			st = ttp_place(c, &m, &ser->cl, &o, off);
		if (st != TT_OK) {
			if (count < 0) {	/* ran off the calendar */
				s->truncated = true;
				return TT_OK;
			}
			return st;
		}
		if (m.pending) {	/* only the first of an open series */
			if ((st = ttp_emit_pending(c, &m)) != TT_OK ||
			    count < 0)
				return st;
			continue;
		}
		if (count < 0) {
			/* Unlimited: strictly before expiry, else up to the
			 * horizon. */
			if (s->has_expiry &&
			    tt_date_compare(m.nominal, s->expiry) >= 0)
				return TT_OK;
			if (!s->has_expiry &&
			    tt_date_compare(m.nominal, s->horizon) > 0) {
				s->truncated = true;
				return TT_OK;
			}
		}
		if ((st = ttp_emit(c, &m)) != TT_OK)
			return st;
	}
	return TT_OK;
}

/* The withdrawal window that holds day N, counted from OPEN (the first
 * day notice may be given): true with its first day in *W; false when N
 * is in none, with the first day of the next window in *W. */
static bool
in_window(struct calc *c, tt_date open, tt_date n, tt_date *w)
{
	const tt_spec *spec = c->spec;
	tt_date close;

	for (int k = 0; k < 100000; k++) {
		tt_duration off;

		if (tt_duration_add_multiple(tt_duration_of_days(0),
					     spec->withdrawal_every.v.dur, k,
					     &off, NULL) != TT_OK ||
		    tt_date_add(open, off, w, NULL, NULL) != TT_OK)
			return false;
		if (tt_date_compare(n, *w) < 0)
			return false;
		if (tt_date_add(*w, spec->withdrawal_window.v.dur, &close,
				NULL, NULL) != TT_OK ||
		    tt_date_compare(n, close) < 0)
			return true;
	}
	return false;
}

/* Withdrawal windows: each window's first and last day, up to
 * the expiry or the horizon. */
static tt_status
compute_windows(struct calc *c, const struct origin *o)
{
	const tt_spec *spec = c->spec;
	tt_schedule *s = c->s;
	tt_status st;

	if (!spec->withdrawal_window.set)
		return TT_OK;
	for (int k = 0;; k++) {
		tt_milestone a = ttp_blank(TT_KIND_WITHDRAWAL_WINDOW_OPENS, 0,
				       (unsigned)k + 1, NULL);
		tt_milestone b = ttp_blank(TT_KIND_WITHDRAWAL_WINDOW_CLOSES, 0,
				       (unsigned)k + 1, NULL);
		tt_duration off = tt_duration_of_days(0);

		a.flags = b.flags = TT_MS_NUMBERED;
		if (spec->withdrawal_opens.set)
			off = spec->withdrawal_opens.v.dur;
		if (tt_duration_add_multiple(off, spec->withdrawal_every.v.dur,
					     k, &off, NULL) != TT_OK ||
		    ttp_at_offset(&a, o->anchor, o->date, off, NULL) != TT_OK ||
		    tt_duration_add_multiple(off, spec->withdrawal_window.v.dur,
					     1, &off, NULL) != TT_OK ||
		    ttp_at_offset(&b, o->anchor, o->date, off, NULL) != TT_OK ||
		    tt_date_add_days(b.nominal, -1, &b.nominal, NULL) != TT_OK) {
			s->truncated = true;	/* past 9999 */
			return TT_OK;
		}
		b.date = b.nominal;
		a.event = b.event = o->event;
		a.article = b.article = ttp_article_of(c, &spec->withdrawal);
		if (s->has_expiry ? tt_date_compare(a.nominal, s->expiry) > 0 :
		    tt_date_compare(a.nominal, s->horizon) > 0) {
			s->truncated = !s->has_expiry;
			return TT_OK;
		}
		if ((st = ttp_emit(c, &a)) != TT_OK || (st = ttp_emit(c, &b)) != TT_OK)
			return st;
	}
}

/* A notice N must fall in the treaty's life and in a window. */
static tt_status
check_notice_day(struct calc *c, tt_date open, const struct notice *n)
{
	char b[TT_DATE_BUFSIZE];
	tt_date w;

	if (tt_date_compare(n->received, open) < 0)
		return ttp_field_error(c, n->at, TT_EINVAL, "the notice is dated "
				   "before withdrawal opens on %s",
				   tt_date_format(open, b));
	if (c->spec->withdrawal_window.set && !in_window(c, open,
							 n->received, &w))
		return ttp_field_error(c, n->at, TT_EINVAL, "the notice is dated "
				   "outside the withdrawal windows (the next "
				   "opens on %s)", tt_date_format(w, b));
	if (c->s->has_expiry &&
	    tt_date_compare(n->received, c->s->expiry) > 0)
		return ttp_field_error(c, n->at, TT_EINVAL, "the notice is dated "
				   "after the treaty expires on %s",
				   tt_date_format(c->s->expiry, b));
	return TT_OK;
}

/* A notice's own milestones, and the day its withdrawal takes effect. */
static tt_status
compute_notice(struct calc *c, const struct origin *o, tt_date open,
	       const struct notice *n, unsigned series)
{
	const tt_spec *spec = c->spec;
	tt_milestone got = ttp_blank(TT_KIND_NOTICE, series, 1, NULL);
	tt_milestone eff = ttp_blank(TT_KIND_WITHDRAWAL_EFFECTIVE, 0, 1, NULL);
	char b1[TT_DATE_BUFSIZE], b2[TT_DATE_BUFSIZE];
	tt_status st;

	if ((st = check_notice_day(c, open, n)) != TT_OK)
		return st;
	got.date = got.nominal = got.anchor_date = got.same_date = n->received;
	got.rule = TT_RULE_GIVEN;
	got.party = eff.party = n->party;
	eff.series = series;
	eff.flags |= TT_MS_AFTER_NOTICE;
	if ((st = ttp_at_offset(&eff, TT_ANCHOR_NOTICE, n->received,
			    spec->withdrawal_notice.v.dur, c->err)) != TT_OK ||
	    (st = ttp_finish(c, &eff, &spec->withdrawal, o)) != TT_OK)
		return st;
	eff.article = ttp_article_of(c, &spec->withdrawal);
	if ((st = ttp_emit(c, &got)) != TT_OK)
		return st;
	if (n->named) {
		const struct ttp_notice *p = n->section;

		if (tt_date_compare(n->effective, eff.date) < 0)
			return ttp_field_error(c, &p->effective, TT_EINVAL,
					   "the notice names %s, before the "
					   "%s the clause gives",
					   tt_date_format(n->effective, b1),
					   tt_date_format(eff.date, b2));
		eff.date = eff.nominal = n->effective;
		eff.flags |= TT_MS_NAMED_DATE;
		eff.nalternatives = 0;
	}
	if (n->revoked) {
		const struct ttp_notice *p = n->section;

		if (tt_date_compare(n->revoked_on, eff.date) >= 0)
			return ttp_field_error(c, &p->revoked, TT_EINVAL,
					   "the notice is revoked on %s, once "
					   "it took effect on %s",
					   tt_date_format(n->revoked_on, b1),
					   tt_date_format(eff.date, b2));
		got.kind = TT_KIND_NOTICE_REVOKED;
		got.date = got.nominal = got.same_date = n->revoked_on;
		return ttp_emit(c, &got);
	}
	return ttp_emit(c, &eff);
}

/* Without a [withdrawal] clause, the [notice] sections denounce the
 * treaty (see compute_term()): each still has its day, and its
 * revocation. */
static tt_status
compute_denunciations(struct calc *c)
{
	struct notice n;
	tt_status st;

	for (size_t i = 0; i < 1 + c->spec->nnotices; i++) {
		tt_milestone m = ttp_blank(TT_KIND_NOTICE, notice_series(c, i), 1,
				       NULL);

		if (!notice_at(c, i, &n))
			continue;
		m.date = m.nominal = m.anchor_date = m.same_date = n.received;
		m.rule = TT_RULE_GIVEN;
		m.party = n.party;
		if ((st = ttp_emit(c, &m)) != TT_OK)
			return st;
		if (!n.revoked)
			continue;
		m.kind = TT_KIND_NOTICE_REVOKED;
		m.date = m.nominal = m.same_date = n.revoked_on;
		if ((st = ttp_emit(c, &m)) != TT_OK)
			return st;
	}
	return TT_OK;
}

static tt_status
compute_withdrawal(struct calc *c)
{
	const tt_spec *spec = c->spec;
	tt_duration opens = spec->withdrawal_opens.set ?
			    spec->withdrawal_opens.v.dur :
			    tt_duration_of_days(0);
	tt_milestone open, eff;
	struct notice n;
	struct origin o;
	bool any = false;
	tt_status st;

	if (!spec->withdrawal_notice.set)
		return compute_denunciations(c);
	ttp_clause_origin(c, &spec->withdrawal, &o);
	open = ttp_blank(TT_KIND_WITHDRAWAL_NOTICE_OPENS, 0, 1, NULL);
	if ((st = ttp_place(c, &open, NULL, &o, opens)) != TT_OK)
		return st;
	open.article = ttp_article_of(c, &spec->withdrawal);
	if ((st = ttp_emit_any(c, &open)) != TT_OK)
		return st;
	if (!o.pending && (st = compute_windows(c, &o)) != TT_OK)
		return st;
	for (size_t i = 0; !o.pending && i < 1 + spec->nnotices; i++) {
		if (!notice_at(c, i, &n))
			continue;
		if ((st = compute_notice(c, &o, open.nominal, &n,
					 notice_series(c, i))) != TT_OK)
			return st;
		any = true;
	}
	if (any)
		return TT_OK;
	eff = ttp_blank(TT_KIND_WITHDRAWAL_EFFECTIVE, 0, 1, NULL);
	if (o.pending) {
		eff.pending = true;
		eff.event = o.event;
		eff.event_label = o.label;
		eff.anchor = TT_ANCHOR_EVENT;
		return ttp_emit_pending(c, &eff);
	}
	if ((st = ttp_at_offset(&eff, TT_ANCHOR_NOTICE, open.nominal,
			    spec->withdrawal_notice.v.dur, c->err)) != TT_OK ||
	    (st = ttp_finish(c, &eff, &spec->withdrawal, &o)) != TT_OK)
		return st;
	eff.article = ttp_article_of(c, &spec->withdrawal);
	return ttp_emit(c, &eff);
}

static tt_status
compute_others(struct calc *c)
{
	const tt_spec *spec = c->spec;
	struct origin o;
	tt_status st;

	for (size_t i = 0; i < spec->nconferences; i++) {
		const struct ttp_conference *cf = &spec->conferences[i];
		tt_milestone m = ttp_blank(TT_KIND_CONFERENCE, (unsigned)i, 1,
				       ttp_label_of(c, &cf->label));

		ttp_clause_origin(c, &cf->cl, &o);
		if ((st = ttp_place(c, &m, &cf->cl, &o, cf->at.v.dur)) != TT_OK ||
		    (st = ttp_emit_any(c, &m)) != TT_OK)
			return st;
	}
	for (size_t i = 0; i < spec->ncustoms; i++) {
		const struct ttp_custom *cu = &spec->customs[i];
		tt_milestone m = ttp_blank(TT_KIND_MILESTONE, (unsigned)i, 1,
				       ttp_label_of(c, &cu->label));

		ttp_clause_origin(c, &cu->cl, &o);
		if (cu->date.set) {
			m.date = m.nominal = m.anchor_date = cu->date.v.date;
			m.same_date = m.date;
			m.rule = TT_RULE_GIVEN;
			m.article = ttp_article_of(c, &cu->cl);
		} else if ((st = ttp_place(c, &m, &cu->cl, &o,
				       cu->at.v.dur)) != TT_OK) {
			return st;
		}
		if ((st = ttp_emit_any(c, &m)) != TT_OK)
			return st;
	}
	return TT_OK;
}

/* The field notice milestone M came from, for messages. */
static const struct ttp_field *
notice_field(const struct calc *c, const tt_milestone *m)
{
	return m->series < c->spec->nnotices ?
	       &c->spec->notices[m->series].received :
	       &c->spec->notice_given;
}

/* A bilateral treaty ends the day a withdrawal takes effect: that day is
 * its expiry, and nothing after it is listed.  A notice received after
 * that day is an error: there was no treaty left to leave. */
static tt_status
end_bilateral(struct calc *c)
{
	tt_schedule *s = c->s;
	bool found = false;
	tt_date w = { 0, 0, 0 };
	size_t k = 0;

	if (!s->bilateral)
		return TT_OK;
	for (size_t i = 0; i < s->n; i++) {
		const tt_milestone *m = &s->ms[i];

		if (m->kind == TT_KIND_WITHDRAWAL_EFFECTIVE &&
		    (m->flags & TT_MS_AFTER_NOTICE) &&
		    (!found || tt_date_compare(m->date, w) < 0)) {
			w = m->date;
			found = true;
		}
	}
	if (!found || (s->has_expiry && tt_date_compare(s->expiry, w) < 0))
		return TT_OK;
	for (size_t i = 0; i < s->n; i++) {
		const tt_milestone *m = &s->ms[i];
		char b[TT_DATE_BUFSIZE];

		if (m->kind == TT_KIND_NOTICE &&
		    tt_date_compare(m->date, w) > 0)
			return ttp_field_error(c, notice_field(c, m), TT_EINVAL,
					   "the notice is dated after the "
					   "treaty ended on %s",
					   tt_date_format(w, b));
	}
	for (size_t i = 0; i < s->n; i++)
		if (tt_date_compare(s->ms[i].nominal, w) <= 0 &&
		    s->ms[i].kind != TT_KIND_EXPIRY)
			s->ms[k++] = s->ms[i];
	s->n = k;
	s->npending = 0;
	s->has_expiry = true;
	s->expiry = w;
	s->truncated = false;
	return TT_OK;
}

/* The day a withdrawal noticed on N takes effect under every reading of
 * the clause: the latest of them. */
static bool
latest_effect(struct calc *c, const struct origin *o, tt_date n,
	      tt_date *out)
{
	const struct ttp_clause *cl = &c->spec->withdrawal;
	unsigned rules = 1u << ttp_clause_rule(cl) |
			 (cl->readings.set ? cl->readings.rules : 0);
	tt_date d, e;
	bool floored, any = false;

	if (tt_date_add(n, c->spec->withdrawal_notice.v.dur, &d, NULL,
			NULL) != TT_OK)
		return false;
	for (int r = 0; tt_counting_name((tt_counting)r) != NULL; r++) {
		if (!(rules & 1u << r))
			continue;
		if (ttp_reckon(c, cl, o, (tt_counting)r, d, &e,
			       &floored) != TT_OK)
			return false;
		if (!any || tt_date_compare(e, *out) > 0)
			*out = e;
		any = true;
	}
	return any;
}

/* The latest notice day in [OPEN, N] that lies in a window; false if
 * none. */
static bool
latest_in_window(struct calc *c, tt_date open, tt_date n, tt_date *out)
{
	tt_date w, close;
	bool found = false;

	if (!c->spec->withdrawal_window.set) {
		*out = n;
		return true;
	}
	for (tt_date d = open; tt_date_compare(d, n) <= 0;) {
		if (!in_window(c, open, d, &w))
			break;
		if (tt_date_add(w, c->spec->withdrawal_window.v.dur, &close,
				NULL, NULL) != TT_OK ||
		    tt_date_add_days(close, -1, &close, NULL) != TT_OK)
			return found;
		*out = tt_date_compare(close, n) < 0 ? close : n;
		found = true;
		if (tt_date_add(w, c->spec->withdrawal_every.v.dur, &d, NULL,
				NULL) != TT_OK)
			break;
	}
	return found;
}

/* The withdrawal clause's origin in *O and the first day notice may be
 * given in *OPEN; false while the origin is pending or past 9999. */
static bool
withdrawal_opens(struct calc *c, struct origin *o, tt_date *open)
{
	const tt_spec *spec = c->spec;

	ttp_clause_origin(c, &spec->withdrawal, o);
	return !o->pending &&
	       tt_date_add(o->date, spec->withdrawal_opens.set ?
			   spec->withdrawal_opens.v.dur :
			   tt_duration_of_days(0), open, NULL, NULL) == TT_OK;
}

/* Out by BY through a withdrawal: the latest notice by a search over
 * notice days (the effect never comes earlier for a later notice). */
static bool
out_by_withdrawal(struct calc *c, tt_date by, tt_date *latest)
{
	struct origin o;
	tt_date open, e;
	int32_t lo, hi;

	if (!withdrawal_opens(c, &o, &open))
		return false;
	if (!latest_effect(c, &o, open, &e) || tt_date_compare(e, by) > 0)
		return false;
	lo = tt_date_to_daynum(open);
	hi = tt_date_to_daynum(by);
	while (lo < hi) {	/* effect(lo) <= BY holds throughout */
		int32_t mid = lo + (hi - lo + 1) / 2;

		if (latest_effect(c, &o, tt_date_from_daynum(mid), &e) &&
		    tt_date_compare(e, by) <= 0)
			lo = mid;
		else
			hi = mid - 1;
	}
	return latest_in_window(c, open, tt_date_from_daynum(lo), latest);
}

/* Out by BY through a denunciation: the deadline of the last period
 * that ends by then. */
static bool
out_by_renewal(struct calc *c, tt_date by, tt_date *latest)
{
	bool found = false;

	for (size_t i = 0; i < c->s->n; i++) {
		const tt_milestone *m = &c->s->ms[i];

		if (m->kind != TT_KIND_RENEWAL_NOTICE_DEADLINE ||
		    tt_date_compare(m->anchor_date, by) > 0)
			continue;
		if (!found || tt_date_compare(m->nominal, *latest) > 0)
			*latest = m->nominal;
		found = true;
	}
	return found;
}

/* True if the treaty expires by BY without any notice. */
static bool
ends_anyway(const tt_schedule *s, tt_date by)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->ms[i].kind == TT_KIND_EXPIRY &&
		    !(s->ms[i].flags & TT_MS_AFTER_NOTICE) &&
		    tt_date_compare(s->ms[i].date, by) <= 0)
			return true;
	return false;
}

/* The first way out by withdrawal for a notice received on or after
 * TODAY: the first day from then on that notice may be given (in a
 * window, when there are windows), and when it takes effect. */
static bool
next_withdrawal(struct calc *c, tt_date today, tt_way_out *out)
{
	const tt_spec *spec = c->spec;
	struct origin o;
	tt_date open, n, w, close;

	if (!withdrawal_opens(c, &o, &open))
		return false;
	n = tt_date_compare(today, open) > 0 ? today : open;
	out->has_until = false;
	if (spec->withdrawal_window.set) {
		/* Not in a window: W is the first day of the next one. */
		if (!in_window(c, open, n, &w)) {
			n = w;
			if (!in_window(c, open, n, &w))
				return false;
		}
		if (tt_date_add(w, spec->withdrawal_window.v.dur, &close,
				NULL, NULL) != TT_OK ||
		    tt_date_add_days(close, -1, &close, NULL) != TT_OK)
			return false;
		out->has_until = true;
		out->notice_until = close;
	}
	out->notice_from = n;
	return latest_effect(c, &o, n, &out->takes_effect);
}

/* The first way out by denunciation from TODAY: the next deadline, and
 * the day after the period it ends (its last day in force). */
static bool
next_denunciation(const tt_schedule *s, tt_date today, tt_way_out *out)
{
	const tt_milestone *first = NULL;

	for (size_t i = 0; i < s->n; i++) {
		const tt_milestone *m = &s->ms[i];

		if (m->kind == TT_KIND_RENEWAL_NOTICE_DEADLINE &&
		    tt_date_compare(m->nominal, today) >= 0 &&
		    (first == NULL ||
		     tt_date_compare(m->nominal, first->nominal) < 0))
			first = m;
	}
	if (first == NULL)
		return false;
	out->notice_from = today;
	out->has_until = true;
	out->notice_until = first->nominal;
	return tt_date_add_days(first->anchor_date, 1, &out->takes_effect,
				NULL) == TT_OK;
}

static void
solve_out_by(struct calc *c)
{
	tt_schedule *s = c->s;
	tt_date by;

	if (c->opt == NULL || !c->opt->has_out_by)
		return;
	by = c->opt->out_by;
	s->has_out_by = true;
	s->out_by = by;
	s->out_by_anyway = ends_anyway(s, by);
	s->has_latest_notice = s->out_by_anyway ? false :
			       c->spec->withdrawal_notice.set ?
		out_by_withdrawal(c, by, &s->latest_notice) :
		out_by_renewal(c, by, &s->latest_notice);
	if (!c->opt->has_today)
		return;
	s->has_today = true;
	s->today = c->opt->today;
	s->has_next_out = c->spec->withdrawal_notice.set ?
		next_withdrawal(c, s->today, &s->next_out) :
		next_denunciation(s, s->today, &s->next_out);
	/* No way out that the treaty's own end comes before. */
	if (s->has_next_out && s->has_expiry &&
	    tt_date_compare(s->next_out.takes_effect, s->expiry) > 0)
		s->has_next_out = false;
}

/* Moves meetings off rest days and holidays. */
static tt_status
roll_meetings(struct calc *c)
{
	tt_schedule *s = c->s;
	tt_roll roll = c->opt ? c->opt->roll : TT_ROLL_NONE;
	const tt_holidays *h = c->opt ? c->opt->holidays : NULL;
	tt_status st;

	if (roll == TT_ROLL_NONE)
		return TT_OK;
	for (size_t i = 0; i < s->n; i++) {
		tt_milestone *m = &s->ms[i];

		/* tt_date_roll() even on a working day: it refuses a day
		 * past what the holidays are known for. */
		if (!tt_kind_is_meeting(m->kind))
			continue;
		if ((st = tt_date_roll(m->nominal, roll, h, &m->date,
				       c->err)) != TT_OK)
			return st;
		if (tt_date_compare(m->date, m->nominal) != 0)
			m->flags |= TT_MS_ROLLED;
	}
	return TT_OK;
}

static int
compare_milestones(const void *pa, const void *pb)
{
	const tt_milestone *a = pa, *b = pb;
	int r = tt_date_compare(a->date, b->date);

	if (r != 0)
		return r;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->series != b->series)
		return a->series < b->series ? -1 : 1;
	if (a->ordinal != b->ordinal)
		return a->ordinal < b->ordinal ? -1 : 1;
	return 0;
}

/* compare_milestones()'s order as one number: date, kind, series and
 * ordinal in 14, 4, 5, 4, 14 and 17 bits; false if a field does not fit
 * (which the limits on dates, sections and counts rule out). */
static bool
pack_key(const tt_milestone *m, uint64_t *key)
{
	if (m->date.year < 0 || m->date.year > 16383 || m->date.month < 0 ||
	    m->date.month > 15 || m->date.day < 0 || m->date.day > 31 ||
	    (unsigned)m->kind > 15 || m->series > 16383 ||
	    m->ordinal > 131071)
		return false;
	*key = (uint64_t)m->date.year << 44 | (uint64_t)m->date.month << 40 |
	       (uint64_t)m->date.day << 35 | (uint64_t)m->kind << 31 |
	       (uint64_t)m->series << 17 | (uint64_t)m->ordinal;
	return true;
}

/* Sorts the N entries E by key, keeping the order of equal keys: an
 * insertion sort of runs of 32, then merges through TMP (N entries). */
static void
sort_entries(struct sort_entry *e, struct sort_entry *tmp, size_t n)
{
	struct sort_entry *from = e, *to = tmp;

	for (size_t lo = 0; lo < n; lo += 32) {
		size_t hi = lo + 32 < n ? lo + 32 : n;

		for (size_t i = lo + 1; i < hi; i++) {
			struct sort_entry x = e[i];
			size_t j = i;

			while (j > lo && e[j - 1].key > x.key) {
				e[j] = e[j - 1];
				j--;
			}
			e[j] = x;
		}
	}
	for (size_t w = 32; w < n; w *= 2) {
		struct sort_entry *t;

		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n;
			size_t hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t a = lo, b = mid, k = lo;

			while (a < mid && b < hi)
				to[k++] = from[b].key < from[a].key ? from[b++] :
					  from[a++];
			while (a < mid)
				to[k++] = from[a++];
			while (b < hi)
				to[k++] = from[b++];
		}
		t = from;
		from = to;
		to = t;
	}
	if (from != e)
		memcpy(e, from, n * sizeof *e);
}

/*
 * Puts the milestones in date order.  Sorting the milestones themselves
 * with qsort() was an eighth of a batch run: each comparison a call, each
 * move a whole milestone.  Their order is packed into one number each, the
 * numbers sorted with their positions (a plain merge sort, inline
 * comparisons), and the milestones moved once.  Equal keys
 * keep their order, as glibc's merge sort kept it.  Without scratch
 * memory, or with a field that does not pack, qsort() as before.
 */
static void
sort_milestones(tt_schedule *s)
{
	size_t n = s->n;

	if (n < 2)
		return;
	if (n > SIZE_MAX / 2)
		goto fallback;
	if (2 * n > s->order_cap) {
		struct sort_entry *o = ttp_grow(s->order, &s->order_cap,
						2 * n, sizeof *o);

		if (o == NULL)
			goto fallback;
		s->order = o;
	}
	if (n > s->sorted_cap) {
		tt_milestone *t = ttp_grow(s->sorted, &s->sorted_cap, n,
					   sizeof *t);

		if (t == NULL)
			goto fallback;
		s->sorted = t;
	}
	for (size_t i = 0; i < n; i++) {
		if (!pack_key(&s->ms[i], &s->order[i].key))
			goto fallback;
		s->order[i].index = i;
	}
	sort_entries(s->order, s->order + n, n);
	/* Milestones already in order stay; the others are copied a run of
	 * consecutive ones at a time (one memcpy() a run, where copying
	 * them one by one cost a slow string move each). */
	for (size_t i = 0, k; i < n; i += k) {
		size_t j = s->order[i].index;

		for (k = 1; i + k < n && s->order[i + k].index == j + k; k++)
			continue;
		if (k == n)
			return;
		memcpy(&s->sorted[i], &s->ms[j], k * sizeof *s->ms);
	}
	/* The sorted copy becomes the milestones, the old array scratch. */
	{
		tt_milestone *t = s->ms;
		size_t cap = s->cap;

		s->ms = s->sorted;
		s->cap = s->sorted_cap;
		s->sorted = t;
		s->sorted_cap = cap;
	}
	return;
fallback:
	qsort(s->ms, n, sizeof *s->ms, compare_milestones);
}

/* Takes the treaty's identity and strings from SPEC. */
static tt_status
copy_treaty(struct calc *c)
{
	const tt_spec *spec = c->spec;
	tt_schedule *s = c->s;

	if (spec->strings_len > s->strings_cap) {
		char *p = ttp_grow(s->strings, &s->strings_cap,
				   spec->strings_len, 1);

		if (p == NULL)
			return ttp_error_set(c->err, TT_ENOMEM, 0, 0,
					     "out of memory");
		s->strings = p;
	}
	if (spec->strings_len > 0)
		memcpy(s->strings, spec->strings, spec->strings_len);
	s->id = spec->id.set ? s->strings + spec->id.v.str : "";
	s->name = spec->name.set ? s->strings + spec->name.v.str : "";
	s->url = spec->url.set ? s->strings + spec->url.v.str : "";
	s->eif = spec->eif.v.date;
	s->has_term = spec->term.set && !spec->term.indefinite;
	if (s->has_term)
		s->term = spec->term.v.dur;
	s->convention = spec->convention.set ? spec->convention.v.convention :
			TT_CONVENTION_ANNIVERSARY;
	s->hypothetical = spec->hypothetical.set && spec->hypothetical.v.yes;
	s->bilateral = spec->bilateral.set && spec->bilateral.v.yes;
	s->has_ends = spec->ends.set;
	s->ends = spec->ends.v.date;
	return TT_OK;
}

/* Where unlimited series stop: [treaty] horizon, or a hundred years
 * after entry into force. */
static void
set_horizon(struct calc *c)
{
	const tt_spec *spec = c->spec;
	tt_schedule *s = c->s;

	if (spec->horizon.set) {
		s->horizon = spec->horizon.v.date;
	} else if (tt_date_add(s->eif, tt_duration_of_years(
			       TT_SCHEDULE_DEFAULT_HORIZON_YEARS),
			       &s->horizon, NULL, NULL) != TT_OK) {
		s->horizon = tt_date_from_daynum(TT_DAYNUM_MAX);
	}
}

/* The first steps of a computation: C's schedule emptied, the
 * deposits' conditions, the treaty's strings, entry into force into *EIF
 * (or pending), then the other clauses checked against it, counting from
 * the date computed (C's spec becomes WORK, a copy with that date, when
 * the deposits or an event give it). */
static tt_status
begin(struct calc *c, tt_spec *work, tt_milestone *eif)
{
	tt_schedule *s = c->s;
	const tt_schedule_options *opt = c->opt;
	tt_status st;

	s->n = 0;
	s->npending = 0;
	s->has_expiry = false;
	s->truncated = false;
	s->has_out_by = s->has_latest_notice = s->out_by_anyway = false;
	s->has_today = s->has_next_out = false;
	s->id = s->name = s->url = NULL;
	s->eif_pending = s->trigger_met = false;
	s->trigger_party = SIZE_MAX;
	s->nparties = s->ndiscrepancies = 0;
	s->has_as_of = false;
	s->max = opt && opt->max_milestones ? opt->max_milestones :
		 TT_SCHEDULE_MAX_MILESTONES;
	if ((st = ttp_spec_check_deposits(c->spec, c->err)) != TT_OK ||
	    (st = copy_treaty(c)) != TT_OK ||
	    (st = ttp_compute_entry_into_force(c, eif)) != TT_OK)
		return st;
	if (ttp_spec_has_deposits(c->spec)) {
		*work = *c->spec;
		work->eif.set = true;
		work->eif.v.date = c->s->eif;
		c->spec = work;
	}
	set_horizon(c);
	return ttp_spec_validate_at(c->spec, c->err);
}

tt_status
ttp_schedule_validate(const tt_spec *spec, tt_error *err)
{
	tt_schedule *s = tt_schedule_new();
	struct calc c = { s, spec, NULL, err };
	tt_spec work;
	tt_milestone eif;
	tt_status st;

	if (s == NULL)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	st = begin(&c, &work, &eif);
	tt_schedule_free(s);
	return st;
}

tt_status
tt_schedule_compute(tt_schedule *s, const tt_spec *spec,
		    const tt_schedule_options *opt, tt_error *err)
{
	struct calc c = { s, spec, opt, err };
	tt_spec work;	/* SPEC with the entry into force its deposits give */
	tt_milestone eif;
	tt_status st;

	if ((st = begin(&c, &work, &eif)) != TT_OK)
		goto fail;
	if ((st = ttp_emit_any(&c, &eif)) != TT_OK ||
	    (st = compute_term(&c)) != TT_OK ||
	    (st = compute_series(&c, TT_KIND_CONSULTATION,
				 &c.spec->series[0])) != TT_OK ||
	    (st = compute_series(&c, TT_KIND_REVIEW,
				 &c.spec->series[1])) != TT_OK ||
	    (st = compute_withdrawal(&c)) != TT_OK ||
	    (st = compute_others(&c)) != TT_OK ||
	    (st = ttp_compute_parties(&c)) != TT_OK)
		goto fail;
	if ((st = end_bilateral(&c)) != TT_OK ||
	    (st = roll_meetings(&c)) != TT_OK)
		goto fail;
	sort_milestones(s);
	solve_out_by(&c);
	return TT_OK;
fail:
	s->n = 0;
	s->npending = 0;
	s->has_expiry = false;
	return st;
}
