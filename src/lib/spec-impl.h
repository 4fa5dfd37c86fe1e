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
	bool indefinite;	/* a term of "indefinite" */
	union {
		tt_date date;
		tt_duration dur;
		tt_convention convention;
		int count;	/* TT_RENEWAL_UNLIMITED for "unlimited" */
		size_t str;	/* offset in tt_spec.strings */
	} v;
	struct ttp_origin at;
	const char *section;	/* static names, for error messages */
	const char *key;
};

struct ttp_series {		/* [consultation] and [review] */
	struct ttp_field first, every, count, label;
};

struct ttp_conference {
	struct ttp_origin section;
	struct ttp_field at, label;
};

struct ttp_custom {		/* [milestone] */
	struct ttp_origin section;
	struct ttp_field label, at, date;
};

struct tt_spec {
	struct ttp_field id, name, eif, term, convention, notice_given,
			 horizon;
	struct ttp_series series[2];	/* consultation, review */
	struct ttp_field withdrawal_opens, withdrawal_notice;
	struct ttp_field renewal_period, renewal_notice, renewal_times;
	struct ttp_conference *conferences;
	size_t nconferences, conferences_cap;
	struct ttp_custom *customs;
	size_t ncustoms, customs_cap;
	char *strings;
	size_t strings_len, strings_cap;
	/* What a date value "today" means; kept by tt_spec_reset(). */
	bool has_today;
	tt_date today;
};

/* The text of a string field, "" if unset. */
const char *ttp_spec_string(const tt_spec *spec, const struct ttp_field *f);

#endif /* TREATYTERM_SPEC_IMPL_H */
