/*
 * treatyterm/schedule.h -- the dates a treaty's clauses produce.
 *
 * tt_schedule_compute() turns a tt_spec into milestones in date order, each
 * with the anchor, offset and rule that produced it so that the derivation
 * can be shown and cited.  A schedule can be recomputed in place for another
 * spec; its memory is then reused, which keeps batch runs free of per-treaty
 * allocation.
 */
#ifndef TREATYTERM_SCHEDULE_H
#define TREATYTERM_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>

#include <treatyterm/date.h>
#include <treatyterm/error.h>
#include <treatyterm/spec.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum tt_kind {
	TT_KIND_ENTRY_INTO_FORCE = 0,
	TT_KIND_CONSULTATION,
	TT_KIND_REVIEW,
	TT_KIND_CONFERENCE,
	TT_KIND_WITHDRAWAL_NOTICE_OPENS,
	TT_KIND_WITHDRAWAL_EFFECTIVE,
	TT_KIND_RENEWAL_NOTICE_DEADLINE,
	TT_KIND_RENEWAL,
	TT_KIND_EXPIRY,
	TT_KIND_MILESTONE,
	TT_KIND_NOTICE,			/* a notice received ([notice]) */
	TT_KIND_NOTICE_REVOKED,		/* and revoked before its effect */
	TT_KIND_WITHDRAWAL_WINDOW_OPENS,	/* the first day of a window */
	TT_KIND_WITHDRAWAL_WINDOW_CLOSES	/* the last day of a window */
} tt_kind;

/* True for the kinds above.  The kinds are numbered from 0 without gaps,
 * so "for (k = 0; tt_kind_is_valid(k); k++)" visits each; new kinds may be
 * added at the end, so size nothing by the last one. */
bool tt_kind_is_valid(tt_kind kind);
/* "entry_into_force", "consultation", ... as used in JSON and CSV;
 * "unknown" for a value that is not a kind. */
const char *tt_kind_name(tt_kind kind);
/* True for meetings, the only dates --roll may move. */
bool tt_kind_is_meeting(tt_kind kind);

/* What a milestone's offset is counted from. */
typedef enum tt_anchor {
	TT_ANCHOR_NONE = 0,	/* the date is given, not computed */
	TT_ANCHOR_ENTRY_INTO_FORCE,
	TT_ANCHOR_NOTICE,	/* the day a notice was (or may first be) received */
	TT_ANCHOR_PERIOD_END,	/* the last day of a (renewed) period */
	TT_ANCHOR_EVENT,	/* a named [event] (see EVENT) */
	TT_ANCHOR_DEPOSIT	/* the deposit of an instrument (EVENT_LABEL
				 * says which: "the 60th instrument") */
} tt_anchor;

/* The rule that produced a date. */
typedef enum tt_rule {
	TT_RULE_GIVEN = 0,	/* a date given in the spec */
	TT_RULE_SAME_DATE,	/* same-date rule, forwards */
	TT_RULE_DAYS,		/* a period of days (or weeks) */
	TT_RULE_START_DAY_COUNTED,	/* inclusive convention: the day before */
	TT_RULE_BACKWARDS,	/* counted backwards from the end of a period */
	TT_RULE_DAY_AFTER	/* the first day after a period ends */
} tt_rule;

/* Milestone flags. */
enum {
	TT_MS_CLAMPED = 1u << 0,	/* the month-end clamp applied */
	TT_MS_ROLLED = 1u << 1,	/* moved off a weekend or holiday */
	TT_MS_AFTER_NOTICE = 1u << 2,	/* depends on the notice date given */
	TT_MS_NUMBERED = 1u << 3,	/* one of a series: the label is numbered */
	TT_MS_FLOORED = 1u << 4,	/* raised to the clause's not_before */
	TT_MS_NAMED_DATE = 1u << 5,	/* the later date a notice named */
	TT_MS_MAY_END = 1u << 6,	/* the parties may end the treaty here */
	TT_MS_PARTY = 1u << 7		/* one party's own date (PARTY; SERIES
					 * is the party's index) */
};

/* A date the same clause gives under another counting rule. */
typedef struct tt_reading {
	tt_date date;
	tt_counting rule;
} tt_reading;

/* Room for every rule but the clause's own, and one to spare. */
#define TT_MILESTONE_MAX_ALTERNATIVES 4

typedef struct tt_milestone {
	tt_date date;		/* the day it happens (after any roll) */
	tt_date nominal;	/* the day the clause gives, before any roll */
	tt_kind kind;
	unsigned series;	/* which [conference]/[milestone] section, from 0 */
	unsigned ordinal;	/* 1-based position in its series */
	const char *label;	/* the spec's label, or NULL for the default */
	tt_anchor anchor;
	tt_date anchor_date;
	tt_duration offset;	/* from ANCHOR_DATE to NOMINAL (before the
				 * inclusive day-before, see RULE) */
	tt_rule rule;
	unsigned flags;
	/* What the clause adds to the same-date rule: the counting rule
	 * applied to SAME_DATE (the date that rule gives), the event counted
	 * from (NULL for entry into force), the party that gave a notice,
	 * the article to cite; strings belong to the schedule. */
	tt_counting counting;
	tt_date same_date;
	const char *event;
	const char *event_label;
	const char *party;
	const char *article;
	/* Counted from an event whose date is unknown: DATE and NOMINAL are
	 * not set, and the milestone is listed by tt_schedule_pending_at(). */
	bool pending;
	/* The dates of the other readings asked for, where they differ. */
	unsigned nalternatives;
	tt_reading alternatives[TT_MILESTONE_MAX_ALTERNATIVES];
} tt_milestone;

typedef struct tt_schedule tt_schedule;

typedef struct tt_schedule_options {
	const tt_holidays *holidays;	/* NULL: Saturdays and Sundays only */
	tt_roll roll;			/* how to move meetings; TT_ROLL_NONE */
	size_t max_milestones;		/* 0: TT_SCHEDULE_MAX_MILESTONES */
	bool has_out_by;		/* solve for the latest notice: */
	tt_date out_by;			/* out of the treaty by this day */
	const char *party;		/* NULL, or only this [party]'s dates
					 * (the others still count towards
					 * entry into force) */
	bool has_as_of;			/* count the parties in force on */
	tt_date as_of;			/* this day */
	bool has_today;			/* with out_by: the way out still */
	tt_date today;			/* open from this day on */
} tt_schedule_options;

/* Sets every option to its default (no holidays but weekends, no roll,
 * the default milestone limit).  Initialise options with it rather than
 * by listing fields, so that fields added later get their defaults. */
void tt_schedule_options_init(tt_schedule_options *opt);

#define TT_SCHEDULE_MAX_MILESTONES 100000
/* Unlimited series stop at the horizon: by default this many years after
 * entry into force. */
#define TT_SCHEDULE_DEFAULT_HORIZON_YEARS 100

tt_schedule *tt_schedule_new(void);
void tt_schedule_free(tt_schedule *s);

/* Computes the milestones of SPEC into S, replacing what S held.  OPT may
 * be NULL.  On error S is left empty. */
tt_status tt_schedule_compute(tt_schedule *s, const tt_spec *spec,
			      const tt_schedule_options *opt, tt_error *err);

size_t tt_schedule_count(const tt_schedule *s);
/* The I-th milestone in date order; valid until S is recomputed or freed. */
const tt_milestone *tt_schedule_at(const tt_schedule *s, size_t i);

/* The treaty the schedule was computed for; strings belong to S. */
const char *tt_schedule_id(const tt_schedule *s);
const char *tt_schedule_name(const tt_schedule *s);
/* The treaty's [treaty] url, "" if it has none. */
const char *tt_schedule_url(const tt_schedule *s);
tt_date tt_schedule_entry_into_force(const tt_schedule *s);
/* False for an indefinite term. */
bool tt_schedule_term(const tt_schedule *s, tt_duration *out);
tt_convention tt_schedule_convention(const tt_schedule *s);
/* The last day in force, or false when the treaty has none (indefinite
 * term, or renewals without limit and no notice). */
bool tt_schedule_expiry(const tt_schedule *s, tt_date *out);
/* Milestones counted from events whose date is unknown, in the order of
 * the clauses; not among tt_schedule_at()'s. */
size_t tt_schedule_pending_count(const tt_schedule *s);
const tt_milestone *tt_schedule_pending_at(const tt_schedule *s, size_t i);
/* The fixed last day in force of [treaty] ends; false without one. */
bool tt_schedule_ends(const tt_schedule *s, tt_date *out);
/* [treaty] hypothetical and bilateral. */
bool tt_schedule_hypothetical(const tt_schedule *s);
bool tt_schedule_bilateral(const tt_schedule *s);
/* With the out_by option: the day asked for in *BY, and in *LATEST the
 * last day a notice can be received so that the withdrawal (or, with
 * renewal, the denunciation) takes effect on or before it under every
 * reading; *POSSIBLE is false when no notice can.  Returns false when the
 * option was not given.  Any pointer may be NULL. */
bool tt_schedule_out_by(const tt_schedule *s, tt_date *by, bool *possible,
			tt_date *latest);
/* With the out_by option: true when the treaty expires by that day
 * without any notice (*POSSIBLE above is then false). */
bool tt_schedule_out_by_anyway(const tt_schedule *s);

/* A way out of a treaty: a notice received from NOTICE_FROM (until
 * NOTICE_UNTIL, the last day of its window or the deadline to denounce,
 * when HAS_UNTIL) takes effect on TAKES_EFFECT (under every reading: the
 * latest), the first day the party is no longer bound. */
typedef struct tt_way_out {
	tt_date notice_from;
	bool has_until;
	tt_date notice_until;
	tt_date takes_effect;
} tt_way_out;

/* With the out_by and today options: the day given as today in *TODAY,
 * and in *NEXT the earliest way out open to a notice received on or
 * after it, with *HAS_NEXT false when there is none (no clause for it,
 * or the treaty ends first).  Returns false without those options.  Any
 * pointer may be NULL. */
bool tt_schedule_out_by_next(const tt_schedule *s, tt_date *today,
			     bool *has_next, tt_way_out *next);
/* The day after which unlimited series were cut off. */
tt_date tt_schedule_horizon(const tt_schedule *s);
/* True if some unlimited series was cut off at the horizon. */
bool tt_schedule_truncated(const tt_schedule *s);

/* True when the treaty's entry into force is known: false while its
 * [entry_into_force] conditions are unmet or the event it counts from
 * has no date.  tt_schedule_entry_into_force() is then meaningless, and
 * the entry into force is the first of tt_schedule_pending_at(), whose
 * condition says what it waits for ("58 of 60 instruments deposited"). */
bool tt_schedule_has_entry_into_force(const tt_schedule *s);

/* --- parties (multilateral treaties) ---------------------------------- */

/* Which of a party's dates are known. */
enum {
	TT_PARTY_SIGNATURE = 1u << 0,
	TT_PARTY_DEPOSIT = 1u << 1,
	TT_PARTY_ENTRY_INTO_FORCE = 1u << 2,
	TT_PARTY_NOTICE_OPENS = 1u << 3,	/* a [withdrawal] clause */
	TT_PARTY_NOTICE = 1u << 4,
	TT_PARTY_NOTICE_EFFECTIVE = 1u << 5,
	TT_PARTY_REVOKED = 1u << 6,
	TT_PARTY_WITHDRAWAL = 1u << 7,
	TT_PARTY_RECORDED_ENTRY_INTO_FORCE = 1u << 8,
	TT_PARTY_RECORDED_WITHDRAWAL = 1u << 9,
	TT_PARTY_WEIGHT = 1u << 10
};

/* One [party] and the dates computed for it. */
typedef struct tt_party {
	const char *name;	/* belongs to the schedule */
	unsigned has;		/* TT_PARTY_* bits */
	tt_instrument instrument;
	int weight;		/* 1/TT_WEIGHT_SCALE percent */
	unsigned rank;		/* its deposit's place in date order, from
				 * 1; 0 without a deposit */
	bool trigger;		/* its deposit met the last condition */
	bool own_date;		/* in force by its own deposit (a later
				 * party), not on the general date */
	tt_date signature, deposit;
	tt_date entry_into_force;	/* for it */
	tt_date notice_opens;		/* the first day it may give notice */
	tt_date notice, notice_effective, revoked;
	tt_date withdrawal_effective;	/* its notice, if not revoked */
	tt_date recorded_entry_into_force, recorded_withdrawal;
} tt_party;

/* The [party] sections, in the order of the spec. */
size_t tt_schedule_party_count(const tt_schedule *s);
const tt_party *tt_schedule_party_at(const tt_schedule *s, size_t i);
/* True if P is a party in force on DAY: in force for it on or before
 * DAY, and no withdrawal in effect on or before DAY. */
bool tt_party_in_force(const tt_party *p, tt_date day);
/* How many parties are in force on DAY. */
size_t tt_schedule_parties_in_force(const tt_schedule *s, tt_date day);
/* The as_of option's day; false when it was not given. */
bool tt_schedule_as_of(const tt_schedule *s, tt_date *day);

/* A recorded date that is not the one computed. */
typedef struct tt_discrepancy {
	size_t party;		/* for tt_schedule_party_at() */
	const char *field;	/* "entry_into_force", "withdrawal_effective"
				 * or "notice" (received before it could
				 * be given) */
	tt_date recorded;
	bool has_computed;	/* false: nothing computed (not in force,
				 * no notice) */
	tt_date computed;
	tt_milestone basis;	/* the milestone computed, when
				 * HAS_COMPUTED: its rule and derivation */
	/* Where the recorded date was given: its input (see
	 * tt_spec_set_input()), line and column, 0 when not known. */
	unsigned input, line, column;
} tt_discrepancy;

/* The recorded dates of the parties that differ from the computed
 * ones, party by party. */
size_t tt_schedule_discrepancy_count(const tt_schedule *s);
const tt_discrepancy *tt_schedule_discrepancy_at(const tt_schedule *s,
						 size_t i);

/* The texts of a milestone.  Each writes into BUF (SIZE bytes) and
 * returns the length the whole text needs, without the NUL, as snprintf()
 * does: a result >= SIZE means the text was cut short.  When SIZE > 0 the
 * text is always NUL-terminated; a text cut short ends at a byte boundary
 * of its last part.  BUF may be NULL when SIZE is 0, to ask for the
 * length. */

/* The milestone's label ("Consultation 3", or the spec's label with the
 * ordinal appended for series). */
size_t tt_milestone_label(const tt_milestone *m, char *buf, size_t size);
/* How the date was derived, in words ("entry into force 1952-07-23 +
 * 50 years"). */
size_t tt_milestone_derivation(const tt_milestone *m, char *buf,
			       size_t size);
/* The rule followed, with its source ("same date; Reg. 1182/71 art.
 * 3(2)(c) / ETS 076 art. 4(1)"). */
size_t tt_milestone_rule(const tt_milestone *m, char *buf, size_t size);
/* For a pending milestone, what it waits for ("2 years after: Germany
 * signs a peace treaty"); "" for a dated one. */
size_t tt_milestone_condition(const tt_milestone *m, char *buf,
			      size_t size);
/* The other readings, "or 2007-11-03 under the day-after reading"; ""
 * when there are none. */
size_t tt_milestone_readings(const tt_milestone *m, char *buf, size_t size);
/* Derivation and rule in one sentence, as JSON's "basis" shows it. */
size_t tt_milestone_basis(const tt_milestone *m, char *buf, size_t size);

/* Room that is always enough for the derivation, the rule and the basis.
 * A label contains the spec's own label, which may be of any length: use
 * the length tt_milestone_label() returns. */
#define TT_TEXT_BUFSIZE 512

#ifdef __cplusplus
}
#endif
#endif /* TREATYTERM_SCHEDULE_H */
