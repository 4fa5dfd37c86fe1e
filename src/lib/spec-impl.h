/*
 * spec-impl.h -- the inside of a tt_spec, shared by the files that read it
 * (the schema, the spec parser, the checks and the schedule engine).
 * Each function says which file has it: a file calls only those of its
 * own level and below (the levels are listed in internal.h).
 */
#ifndef TREATYTERM_SPEC_IMPL_H
#define TREATYTERM_SPEC_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include <treatyterm/treatyterm.h>

/* Where a value or a section came from: the caller's number for the
 * input (tt_spec_set_input()), the line (0 for the command line) and the
 * column. */
struct ttp_origin {
	unsigned line;
	unsigned column;
	unsigned input;
};

/* One value and where it came from. */
struct ttp_field {
	bool set;
	bool indefinite;	/* a term of "indefinite", a date "unknown" */
	bool is_date;		/* a floor given as a date, not a duration */
	unsigned rules;		/* a list of rules: 1 << tt_counting each */
	int suffix;		/* a deposit's suffix: its tt_instrument + 1,
				 * 0 for none */
	union {
		tt_date date;
		tt_duration dur;
		tt_convention convention;
		tt_counting rule;
		bool yes;
		int count;	/* TT_RENEWAL_UNLIMITED for "unlimited";
				 * thousandths of a percent for a weight */
		tt_instrument instrument;
		size_t str;	/* offset in tt_spec.strings (also for a
				 * list of rules, as written) */
	} v;
	struct ttp_origin at;
	const char *section;	/* static names, for error messages */
	const char *key;
};

/* The keys every dated clause has: what it counts from, its counting
 * rule, the other readings to show, a floor, and the article to cite. */
struct ttp_clause {
	struct ttp_field from, rule, readings, not_before, article;
};

struct ttp_series {		/* [consultation] and [review] */
	struct ttp_field first, every, count, label, may_end;
	struct ttp_clause cl;
};

struct ttp_conference {
	struct ttp_origin section;
	struct ttp_field at, label;
	struct ttp_clause cl;
};

struct ttp_custom {		/* [milestone] */
	struct ttp_origin section;
	struct ttp_field label, at, date;
	struct ttp_clause cl;
};

struct ttp_event {		/* [event] */
	struct ttp_origin section;
	struct ttp_field name, date, label;
};

struct ttp_notice {		/* [notice] */
	struct ttp_origin section;
	struct ttp_field received, party, effective, revoked;
};

/* [entry_into_force]: in force after deposits, or after an event (the
 * clause's 'from'). */
struct ttp_deposits {
	struct ttp_field instruments, after, weight, required;
	struct ttp_field later_after, later_rule, later_from_instrument;
	struct ttp_field opened;
	struct ttp_clause cl;	/* from, rule, readings, not_before, article */
};

struct ttp_party {		/* [party] */
	struct ttp_origin section;
	struct ttp_field name, signature, deposit, instrument, weight;
	struct ttp_field notice, notice_effective, revoked;
	struct ttp_field recorded_eif, recorded_withdrawal;
};

struct tt_spec {
	struct ttp_field id, name, eif, term, convention, notice_given,
			 horizon;
	struct ttp_field ends, bilateral, hypothetical, url;
	struct ttp_clause treaty;	/* the term's from and article */
	struct ttp_series series[2];	/* consultation, review */
	struct ttp_field withdrawal_opens, withdrawal_notice;
	struct ttp_field withdrawal_window, withdrawal_every;
	struct ttp_clause withdrawal;
	struct ttp_field renewal_period, renewal_notice, renewal_times;
	struct ttp_clause renewal;
	struct ttp_conference *conferences;
	size_t nconferences, conferences_cap;
	struct ttp_custom *customs;
	size_t ncustoms, customs_cap;
	struct ttp_event *events;
	size_t nevents, events_cap;
	struct ttp_notice *notices;
	size_t nnotices, notices_cap;
	struct ttp_deposits deposits;
	struct ttp_party *parties;
	size_t nparties, parties_cap;
	char *strings;
	size_t strings_len, strings_cap;
	/* What a date value "today" means; kept by tt_spec_reset(). */
	bool has_today;
	tt_date today;
	/* The input the values set now come from (tt_spec_set_input()). */
	unsigned input;
};

/* --- spec.c ---------------------------------------------------------- */

/* Names in ERR (if not NULL) the input of AT, whose line and column it
 * has already. */
void ttp_error_origin(tt_error *err, const struct ttp_origin *at);
/* The text of a string field, "" if unset. */
const char *ttp_spec_string(const tt_spec *spec, const struct ttp_field *f);
/* True if SPEC has an [entry_into_force] clause. */
bool ttp_spec_has_deposits(const tt_spec *spec);
/* A weight as "44.2", snprintf-style. */
size_t ttp_weight_format(int weight, char *buf, size_t size);
/* The [event] called NAME, or NULL. */
const struct ttp_event *ttp_spec_event(const tt_spec *spec,
				       const char *name);

/* How many instances of the section of key KEY (its index in
 * tt_spec_key_at()) SPEC has: 1 for a section that does not repeat. */
size_t ttp_spec_instance_count(const tt_spec *spec, size_t key);
/* Room for any value ttp_spec_value_text() formats itself. */
#define TTP_VALUE_BUFSIZE 64
/* The value of key KEY in INSTANCE (from 0) of its section, as a spec
 * file would say it ("50y", "indefinite", "2024-01-31", "44.2%"): in BUF
 * (SIZE >= TTP_VALUE_BUFSIZE bytes), a static string, or a string of
 * SPEC.  NULL when it is not set (or there is no such instance). */
const char *ttp_spec_value_text(const tt_spec *spec, size_t key,
				size_t instance, char *buf, size_t size);

/* --- spec-check.c ---------------------------------------------------- */

/* Checks the [entry_into_force] and [party] sections of SPEC. */
tt_status ttp_spec_check_deposits(const tt_spec *spec, tt_error *err);
/* Checks SPEC as tt_spec_validate() does, with its entry into force
 * already set (computed from the deposits, or given). */
tt_status ttp_spec_validate_at(const tt_spec *spec, tt_error *err);

/* --- parties.c ------------------------------------------------------- */

/* How far the deposits have gone towards entry into force. */
struct ttp_trigger {
	bool from_event;	/* counted from [entry_into_force] from */
	bool met;		/* every condition met (or the event dated) */
	tt_date on;		/* the day they were (the event's date) */
	unsigned rank;		/* the instrument that met them, from 1 */
	size_t party;		/* its [party], or SIZE_MAX */
	unsigned deposited;	/* instruments deposited in all */
	unsigned required, required_in;	/* required parties; deposited */
	int weight;		/* the weights deposited by ON (or in all) */
};

/* Finds when the deposits of SPEC's [party] sections met the conditions
 * of its [entry_into_force] clause.  ORDER has room for every party and
 * receives the indices of those that deposited, in date order. */
void ttp_trigger_find(const tt_spec *spec, size_t *order,
		      struct ttp_trigger *t);
/* Appends what is still missing, in words ("58 of 60 instruments
 * deposited", or the label of the event counted from, whole), to B. */
struct ttp_buf;
void ttp_trigger_condition(const tt_spec *spec, const struct ttp_trigger *t,
			   struct ttp_buf *b);

/* --- schedule.c ------------------------------------------------------ */

/* tt_spec_validate() for a spec whose entry into force comes from its
 * deposits or an event: computed as tt_schedule_compute() computes it,
 * then the other clauses checked against it. */
tt_status ttp_schedule_validate(const tt_spec *spec, tt_error *err);

#endif /* TREATYTERM_SPEC_IMPL_H */
