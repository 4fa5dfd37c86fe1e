/*
 * spec-impl.h -- the inside of a tt_spec, shared by the files that read it
 * (the spec parser and the schedule engine).
 */
#ifndef TREATYTERM_SPEC_IMPL_H
#define TREATYTERM_SPEC_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include <treatyterm/treatyterm.h>

struct ttp_origin {
	unsigned line;		/* 0 for the command line */
	unsigned column;
};

/* One value and where it came from. */
struct ttp_field {
	bool set;
	bool indefinite;	/* a term of "indefinite", a date "unknown" */
	bool is_date;		/* a floor given as a date, not a duration */
	unsigned rules;		/* a list of rules: 1 << tt_counting each */
	union {
		tt_date date;
		tt_duration dur;
		tt_convention convention;
		tt_counting rule;
		bool yes;
		int count;	/* TT_RENEWAL_UNLIMITED for "unlimited" */
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

struct tt_spec {
	struct ttp_field id, name, eif, term, convention, notice_given,
			 horizon;
	struct ttp_field ends, bilateral, hypothetical;
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
	char *strings;
	size_t strings_len, strings_cap;
	/* What a date value "today" means; kept by tt_spec_reset(). */
	bool has_today;
	tt_date today;
};

/* The text of a string field, "" if unset. */
const char *ttp_spec_string(const tt_spec *spec, const struct ttp_field *f);
/* The [event] called NAME, or NULL. */
const struct ttp_event *ttp_spec_event(const tt_spec *spec,
				       const char *name);

#endif /* TREATYTERM_SPEC_IMPL_H */
