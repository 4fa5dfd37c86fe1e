/*
 * schedule-impl.h -- the inside of a tt_schedule and of one computation,
 * shared by the files that compute one: reckon.c places a milestone,
 * parties.c computes the deposits and the parties' dates with it, and
 * schedule.c the rest, calling both.
 */
#ifndef TREATYTERM_SCHEDULE_IMPL_H
#define TREATYTERM_SCHEDULE_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <treatyterm/treatyterm.h>

#include "internal.h"
#include "spec-impl.h"
#include "strbuf.h"

struct tt_schedule {
	tt_milestone *ms;
	size_t n, cap, max;
	char *strings;		/* a copy of the spec's strings */
	size_t strings_cap;
	const char *id, *name, *url;
	tt_date eif;
	bool has_term;
	tt_duration term;
	tt_convention convention;
	bool has_expiry;
	tt_date expiry;
	tt_date horizon;
	bool truncated;
	bool hypothetical, bilateral;
	bool has_ends;
	tt_date ends;
	tt_milestone *pending;		/* counted from unknown events */
	size_t npending, pending_cap;
	/* Entry into force from deposits: not yet when EIF_PENDING, for
	 * the reason in CONDITION (an event's label, of any length). */
	bool eif_pending;
	struct ttp_buf condition;
	struct ttp_buf trigger;		/* "the 60th instrument, deposited" */
	struct tt_party *parties;
	size_t nparties, parties_cap;
	struct tt_discrepancy *discrepancies;
	size_t ndiscrepancies, discrepancies_cap;
	size_t *party_order;	/* deposits in date order */
	size_t order_cap2;
	bool has_as_of;
	tt_date as_of;
	bool trigger_met;	/* the deposits met the conditions */
	tt_date trigger_on;	/* on this day */
	size_t trigger_party;	/* with this party's deposit, or SIZE_MAX */
	bool has_out_by, has_latest_notice, out_by_anyway;
	tt_date out_by, latest_notice;
	bool has_today, has_next_out;	/* out_by's way out from today */
	tt_date today;
	tt_way_out next_out;
	/* Scratch for sorting, kept from one computation to the next. */
	struct sort_entry *order;	/* 2 x N: the entries and scratch */
	tt_milestone *sorted;
	size_t order_cap, sorted_cap;
};

/* State of one computation. */
struct calc {
	tt_schedule *s;
	const tt_spec *spec;
	const tt_schedule_options *opt;
	tt_error *err;
};

/* Where a clause's offsets count from: entry into force or an event. */
struct origin {
	tt_anchor anchor;
	tt_date date;
	bool pending;		/* an event whose date is unknown */
	const char *event, *label;
};

/* reckon.c: placing milestones and appending them. */

/* Appends a dated milestone, a pending one, or either as M says. */
tt_status ttp_emit(struct calc *c, const tt_milestone *m);
tt_status ttp_emit_pending(struct calc *c, const tt_milestone *m);
tt_status ttp_emit_any(struct calc *c, const tt_milestone *m);
/* A milestone of KIND with nothing else set.  Inline: series of
 * hundreds of dates make one each, and the compiler then builds it in
 * place rather than zeroing and copying it. */
static inline tt_milestone
ttp_blank(tt_kind kind, unsigned series, unsigned ordinal, const char *label)
{
	return (tt_milestone){ .kind = kind, .series = series,
			       .ordinal = ordinal, .label = label };
}
/* M at ANCHOR_DATE + OFFSET by the same-date rule (or days). */
tt_status ttp_at_offset(tt_milestone *m, tt_anchor anchor,
			tt_date anchor_date, tt_duration offset,
			tt_error *err);
/* Where clause CL counts from. */
void ttp_clause_origin(struct calc *c, const struct ttp_clause *cl,
		       struct origin *o);
/* M at O + OFFSET under clause CL (its rule, floor, readings, article);
 * pending when O is. */
tt_status ttp_place(struct calc *c, tt_milestone *m,
		    const struct ttp_clause *cl, const struct origin *o,
		    tt_duration offset);
/* D under RULE, raised to CL's floor (from O) if it is earlier. */
tt_status ttp_reckon(struct calc *c, const struct ttp_clause *cl,
		     const struct origin *o, tt_counting rule, tt_date d,
		     tt_date *out, bool *floored);
/* The rule clause CL names, or the same-date rule. */
tt_counting ttp_clause_rule(const struct ttp_clause *cl);
/* Applies CL's rule, floor and readings to M's same-date result. */
tt_status ttp_finish(struct calc *c, tt_milestone *m,
		     const struct ttp_clause *cl, const struct origin *o);
/* An error about field F, at its place. */
tt_status ttp_field_error(struct calc *c, const struct ttp_field *f,
			  tt_status code, const char *fmt, ...)
	TTP_PRINTF(4, 5);
/* The schedule's copy of a string field, or NULL when unset. */
const char *ttp_label_of(struct calc *c, const struct ttp_field *f);
const char *ttp_article_of(struct calc *c, const struct ttp_clause *cl);

/* parties.c: entry into force from deposits, and each party's dates. */
tt_status ttp_compute_entry_into_force(struct calc *c, tt_milestone *eif);
tt_status ttp_compute_parties(struct calc *c);

#endif /* TREATYTERM_SCHEDULE_IMPL_H */
