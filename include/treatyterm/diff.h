/*
 * treatyterm/diff.h -- what changed between two versions of a treaty.
 *
 * A tt_diff holds two lists: the milestones added, removed or moved
 * between two schedules, and the clauses (spec keys) whose values differ
 * between two specs.  Milestones are matched by identity, not by date or
 * position: the same kind, series, ordinal and, for a party's own date,
 * party -- what the calendar UIDs are made from (ics.h), so that a
 * milestone that "moved" here is one a calendar client sees moved.
 * Pending milestones (tt_schedule_pending_at()) take part: one that gets
 * a date, or loses it, has moved.  Comparing two treaties is up to the
 * caller, which decides which schedules and specs belong together.
 */
#ifndef TREATYTERM_DIFF_H
#define TREATYTERM_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <treatyterm/error.h>
#include <treatyterm/schedule.h>
#include <treatyterm/spec.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum tt_change {
	TT_CHANGE_ADDED = 0,	/* only in the newer schedule */
	TT_CHANGE_REMOVED,	/* only in the older one */
	TT_CHANGE_MOVED		/* in both, on another date (or dated in
				 * one and pending in the other) */
} tt_change;

/* "added", "removed", "moved"; "unknown" for a value that is not one. */
const char *tt_change_name(tt_change c);

typedef struct tt_milestone_change {
	tt_change change;
	/* The milestone in the older schedule (NULL when added) and in the
	 * newer one (NULL when removed); they belong to those schedules. */
	const tt_milestone *before;
	const tt_milestone *after;
	/* For a move between two dates: AFTER's date minus BEFORE's, in
	 * days (negative when it came earlier). */
	bool has_days;
	int32_t days;
} tt_milestone_change;

typedef struct tt_clause_change {
	const char *section;	/* static, as in tt_spec_key_at() */
	const char *key;
	/* The instance of a repeatable section, from 1 (the first
	 * [conference] is 1); 0 for a section that does not repeat. */
	size_t instance;
	/* The values as a spec file says them ("50y", "indefinite"); NULL
	 * when the key is not set on that side.  They belong to the diff. */
	const char *before;
	const char *after;
	/* For a [party] key: the party's name, which the two specs'
	 * parties are matched by (INSTANCE is then its place in AFTER, or
	 * in BEFORE when it is only there); NULL for any other section.  A
	 * party on one side only is one change of its "name", BEFORE or
	 * AFTER NULL: removed or added whole.  It belongs to the diff. */
	const char *party;
} tt_clause_change;

typedef struct tt_diff tt_diff;

tt_diff *tt_diff_new(void);
void tt_diff_free(tt_diff *d);

/* Compares the milestones of BEFORE and AFTER into D, replacing the
 * milestone changes D held.  The changes are in date order (a moved or
 * removed milestone at its older date, an added one at its date, pending
 * ones last) and point into BEFORE and AFTER: they are valid until either
 * is recomputed or freed.  Fails only with TT_ENOMEM, leaving D without
 * milestone changes. */
tt_status tt_diff_schedules(tt_diff *d, const tt_schedule *before,
			    const tt_schedule *after, tt_error *err);
size_t tt_diff_milestone_count(const tt_diff *d);
const tt_milestone_change *tt_diff_milestone_at(const tt_diff *d, size_t i);

/* Compares BEFORE and AFTER key by key over the schema, into D,
 * replacing the clause changes D held: each key set on one side only or
 * to different values, in the order of the schema; the sections that
 * repeat are compared instance by instance (the first [conference] of one
 * with the first of the other), each instance's keys together -- but
 * [party] sections by the party's name (those of BEFORE in its order,
 * then those only in AFTER), as their milestones are matched.  Values are
 * compared as the text a spec file would give them, so "12m" and "1y"
 * differ.  Fails only with TT_ENOMEM, leaving D without clause
 * changes. */
tt_status tt_diff_specs(tt_diff *d, const tt_spec *before,
			const tt_spec *after, tt_error *err);
size_t tt_diff_clause_count(const tt_diff *d);
const tt_clause_change *tt_diff_clause_at(const tt_diff *d, size_t i);

/* Orders milestones by identity (kind, series, ordinal, party): 0 when A
 * and B are the same milestone of two versions of a treaty. */
int tt_milestone_identity_compare(const tt_milestone *a,
				  const tt_milestone *b);

#ifdef __cplusplus
}
#endif
#endif /* TREATYTERM_DIFF_H */
