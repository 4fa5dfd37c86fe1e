/*
 * schedule.c -- from a treaty's clauses to its dated milestones.
 *
 * Every date is computed from its anchor (entry into force, a notice, the
 * end of a period) by one application of the same-date rule; nothing is
 * computed by adding a period to the previous result, which would drift
 * after a month-end clamp.  Each milestone keeps its anchor, offset and
 * rule so that the derivation can be shown and cited (see milestone.c).
 *
 * Periods: under the anniversary convention a term of N years from entry
 * into force E ends on E + N years (the last day in force) and a renewed
 * period begins the day after; under the inclusive convention the day of
 * entry into force is the first day of the term, so the term ends on
 * E + N years - 1 day and the renewed period begins on E + N years.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "spec-impl.h"

struct tt_schedule {
	tt_milestone *ms;
	size_t n, cap, max;
	char *strings;		/* a copy of the spec's strings */
	size_t strings_cap;
	const char *id, *name;
	tt_date eif;
	bool has_term;
	tt_duration term;
	tt_convention convention;
	bool has_expiry;
	tt_date expiry;
	tt_date horizon;
	bool truncated;
	/* Scratch for sorting, kept from one computation to the next. */
	struct sort_entry *order;	/* 2 x N: the entries and scratch */
	tt_milestone *sorted;
	size_t order_cap, sorted_cap;
};

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
	[TT_KIND_MILESTONE] = "milestone"
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
	free(s->strings);
	free(s->order);
	free(s->sorted);
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

/* State of one computation. */
struct calc {
	tt_schedule *s;
	const tt_spec *spec;
	const tt_schedule_options *opt;
	tt_error *err;
};

static tt_status
too_many(struct calc *c)
{
	return ttp_error_set(c->err, TT_ELIMIT, 0, 0,
			     "the schedule would have more than %zu "
			     "milestones; give a count or an earlier "
			     "horizon", c->s->max);
}

/* Appends a milestone; its date is its nominal date until rolled. */
static tt_status
emit(struct calc *c, const tt_milestone *m)
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

static const char *
label_of(struct calc *c, const struct ttp_field *f)
{
	return f->set ? c->s->strings + f->v.str : NULL;
}

/* A milestone at ANCHOR_DATE + OFFSET by the same-date rule (or a count
 * of days when OFFSET has no years or months). */
static tt_status
at_offset(tt_milestone *m, tt_anchor anchor, tt_date anchor_date,
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

static tt_milestone
blank(tt_kind kind, unsigned series, unsigned ordinal, const char *label)
{
	tt_milestone m;

	memset(&m, 0, sizeof m);
	m.kind = kind;
	m.series = series;
	m.ordinal = ordinal;
	m.label = label;
	return m;
}

/* The last day of period K (0 = the term, K >= 1 = the K-th renewed
 * period), all counted from entry into force. */
static tt_status
period_end(struct calc *c, int k, tt_milestone *m)
{
	const tt_spec *spec = c->spec;
	tt_duration off = spec->term.v.dur;
	tt_status st;

	*m = blank(TT_KIND_EXPIRY, 0, 1, NULL);
	if (k > 0 && (st = tt_duration_add_multiple(off,
			spec->renewal_period.v.dur, k, &off, c->err)) != TT_OK)
		return st;
	if ((st = at_offset(m, TT_ANCHOR_ENTRY_INTO_FORCE, c->s->eif, off,
			    c->err)) != TT_OK)
		return st;
	if (c->s->convention == TT_CONVENTION_INCLUSIVE) {
		m->rule = TT_RULE_START_DAY_COUNTED;
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

	*m = blank(TT_KIND_RENEWAL_NOTICE_DEADLINE, 0, (unsigned)k + 1, NULL);
	m->flags |= TT_MS_NUMBERED;
	st = at_offset(m, TT_ANCHOR_PERIOD_END, end->nominal,
		       tt_duration_negate(notice), c->err);
	m->rule = TT_RULE_BACKWARDS;
	return st;
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
	bool notice = renewal && spec->notice_given.set;
	tt_milestone end, dl, m;
	tt_status st;
	int k;

	if (!s->has_term)
		return TT_OK;
	for (k = 0;; k++) {
		if ((st = period_end(c, k, &end)) != TT_OK) {
			if (times == TT_RENEWAL_UNLIMITED && k > 0) {
				s->truncated = true;	/* past 9999 */
				return TT_OK;
			}
			return st;
		}
		if (times != TT_RENEWAL_UNLIMITED && k == times)
			break;	/* the last period: no renewal after it */
		if (times == TT_RENEWAL_UNLIMITED && !notice &&
		    tt_date_compare(end.nominal, s->horizon) > 0) {
			s->truncated = true;
			return TT_OK;
		}
		if ((st = renewal_deadline(c, &end, k, &dl)) != TT_OK)
			return st;
		if ((st = emit(c, &dl)) != TT_OK)
			return st;
		if (notice &&
		    tt_date_compare(spec->notice_given.v.date, dl.nominal) <= 0)
			break;	/* denounced in time: ends with period K */
		/* Period K + 1 begins the day after period K ends. */
		m = blank(TT_KIND_RENEWAL, 0, (unsigned)k + 1, NULL);
		m.flags |= TT_MS_NUMBERED;
		if ((st = at_offset(&m, TT_ANCHOR_PERIOD_END, end.nominal,
				    tt_duration_of_days(1), c->err)) != TT_OK)
			return st;
		m.rule = TT_RULE_DAY_AFTER;
		if ((st = emit(c, &m)) != TT_OK)
			return st;
	}
	if (notice && tt_date_compare(spec->notice_given.v.date,
				      end.nominal) > 0) {
		const struct ttp_field *f = &spec->notice_given;
		char b[TT_DATE_BUFSIZE];

		ttp_error_set(c->err, TT_EINVAL, f->at.line, f->at.column,
			      "the notice is dated after the treaty expires "
			      "on %s", tt_date_format(end.nominal, b));
		if (c->err != NULL) {
			c->err->section = f->section;
			c->err->key = f->key;
		}
		return TT_EINVAL;
	}
	end.kind = TT_KIND_EXPIRY;
	end.ordinal = 1;
	if (notice)
		end.flags |= TT_MS_AFTER_NOTICE;
	s->has_expiry = true;
	s->expiry = end.nominal;
	return emit(c, &end);
}

/* Consultations or reviews: the I-th is at FIRST + I * EVERY. */
static tt_status
compute_series(struct calc *c, tt_kind kind, const struct ttp_series *ser)
{
	tt_schedule *s = c->s;
	bool periodic = ser->every.set;
	int count = ser->count.set ? ser->count.v.count : periodic ? -1 : 1;
	tt_status st;

	if (!ser->first.set)
		return TT_OK;
	for (int i = 0; count < 0 || i < count; i++) {
		tt_milestone m = blank(kind, 0, (unsigned)i + 1,
				       label_of(c, &ser->label));
		tt_duration off = ser->first.v.dur;

		if (periodic)
			m.flags |= TT_MS_NUMBERED;
		st = i == 0 ? TT_OK :
		     tt_duration_add_multiple(off, ser->every.v.dur, i, &off,
					      c->err);
		if (st == TT_OK)
			st = at_offset(&m, TT_ANCHOR_ENTRY_INTO_FORCE, s->eif,
				       off, c->err);
		if (st != TT_OK) {
			if (count < 0) {	/* ran off the calendar */
				s->truncated = true;
				return TT_OK;
			}
			return st;
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
		if ((st = emit(c, &m)) != TT_OK)
			return st;
	}
	return TT_OK;
}

static tt_status
compute_withdrawal(struct calc *c)
{
	const tt_spec *spec = c->spec;
	tt_schedule *s = c->s;
	tt_duration opens = spec->withdrawal_opens.set ?
			    spec->withdrawal_opens.v.dur :
			    tt_duration_of_days(0);
	tt_milestone open, eff;
	tt_status st;

	if (!spec->withdrawal_notice.set)
		return TT_OK;
	open = blank(TT_KIND_WITHDRAWAL_NOTICE_OPENS, 0, 1, NULL);
	if ((st = at_offset(&open, TT_ANCHOR_ENTRY_INTO_FORCE, s->eif, opens,
			    c->err)) != TT_OK)
		return st;
	if ((st = emit(c, &open)) != TT_OK)
		return st;
	eff = blank(TT_KIND_WITHDRAWAL_EFFECTIVE, 0, 1, NULL);
	if (spec->notice_given.set) {
		eff.flags |= TT_MS_AFTER_NOTICE;
		st = at_offset(&eff, TT_ANCHOR_NOTICE,
			       spec->notice_given.v.date,
			       spec->withdrawal_notice.v.dur, c->err);
	} else {
		st = at_offset(&eff, TT_ANCHOR_NOTICE, open.nominal,
			       spec->withdrawal_notice.v.dur, c->err);
	}
	if (st != TT_OK)
		return st;
	return emit(c, &eff);
}

static tt_status
compute_others(struct calc *c)
{
	const tt_spec *spec = c->spec;
	tt_schedule *s = c->s;
	tt_status st;

	for (size_t i = 0; i < spec->nconferences; i++) {
		const struct ttp_conference *cf = &spec->conferences[i];
		tt_milestone m = blank(TT_KIND_CONFERENCE, (unsigned)i, 1,
				       label_of(c, &cf->label));

		if ((st = at_offset(&m, TT_ANCHOR_ENTRY_INTO_FORCE, s->eif,
				    cf->at.v.dur, c->err)) != TT_OK ||
		    (st = emit(c, &m)) != TT_OK)
			return st;
	}
	for (size_t i = 0; i < spec->ncustoms; i++) {
		const struct ttp_custom *cu = &spec->customs[i];
		tt_milestone m = blank(TT_KIND_MILESTONE, (unsigned)i, 1,
				       label_of(c, &cu->label));

		if (cu->date.set) {
			m.date = m.nominal = m.anchor_date = cu->date.v.date;
			m.rule = TT_RULE_GIVEN;
		} else if ((st = at_offset(&m, TT_ANCHOR_ENTRY_INTO_FORCE,
					   s->eif, cu->at.v.dur,
					   c->err)) != TT_OK) {
			return st;
		}
		if ((st = emit(c, &m)) != TT_OK)
			return st;
	}
	return TT_OK;
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
	for (size_t i = 0; i < n; i++)
		s->sorted[i] = s->ms[s->order[i].index];
	memcpy(s->ms, s->sorted, n * sizeof *s->ms);
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
	s->eif = spec->eif.v.date;
	s->has_term = spec->term.set && !spec->term.indefinite;
	if (s->has_term)
		s->term = spec->term.v.dur;
	s->convention = spec->convention.set ? spec->convention.v.convention :
			TT_CONVENTION_ANNIVERSARY;
	if (spec->horizon.set) {
		s->horizon = spec->horizon.v.date;
	} else if (tt_date_add(s->eif, tt_duration_of_years(
			       TT_SCHEDULE_DEFAULT_HORIZON_YEARS),
			       &s->horizon, NULL, NULL) != TT_OK) {
		s->horizon = tt_date_from_daynum(TT_DAYNUM_MAX);
	}
	return TT_OK;
}

tt_status
tt_schedule_compute(tt_schedule *s, const tt_spec *spec,
		    const tt_schedule_options *opt, tt_error *err)
{
	struct calc c = { s, spec, opt, err };
	tt_milestone eif;
	tt_status st;

	s->n = 0;
	s->has_expiry = false;
	s->truncated = false;
	s->id = s->name = NULL;
	s->max = opt && opt->max_milestones ? opt->max_milestones :
		 TT_SCHEDULE_MAX_MILESTONES;
	if ((st = tt_spec_validate(spec, err)) != TT_OK ||
	    (st = copy_treaty(&c)) != TT_OK)
		goto fail;
	eif = blank(TT_KIND_ENTRY_INTO_FORCE, 0, 1, NULL);
	eif.date = eif.nominal = eif.anchor_date = s->eif;
	eif.rule = TT_RULE_GIVEN;
	if ((st = emit(&c, &eif)) != TT_OK ||
	    (st = compute_term(&c)) != TT_OK ||
	    (st = compute_series(&c, TT_KIND_CONSULTATION,
				 &spec->series[0])) != TT_OK ||
	    (st = compute_series(&c, TT_KIND_REVIEW,
				 &spec->series[1])) != TT_OK ||
	    (st = compute_withdrawal(&c)) != TT_OK ||
	    (st = compute_others(&c)) != TT_OK ||
	    (st = roll_meetings(&c)) != TT_OK)
		goto fail;
	sort_milestones(s);
	return TT_OK;
fail:
	s->n = 0;
	s->has_expiry = false;
	return st;
}
