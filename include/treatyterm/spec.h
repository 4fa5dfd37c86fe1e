/*
 * treatyterm/spec.h -- a treaty's duration clauses.
 *
 * A tt_spec holds the clauses of one treaty as sections and keys, the same
 * names in spec files ("[withdrawal] notice = 1y"), on the command line
 * (--withdrawal-notice 1y) and in batch CSV columns (withdrawal.notice).
 * Every way in goes through tt_spec_set(), so all three accept the same
 * values and give the same messages; the typed setters (tt_spec_set_date()
 * and the others) apply the same checks to values a program already has.
 * Each value remembers where it came from (the input, line and column, 0
 * for the command line) so that errors found later, when the clauses are
 * checked against each other, can point at it.
 */
#ifndef TREATYTERM_SPEC_H
#define TREATYTERM_SPEC_H

#include <stdbool.h>
#include <stddef.h>

#include <treatyterm/date.h>
#include <treatyterm/error.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tt_spec tt_spec;

typedef enum tt_convention {
	/* The day of entry into force is not counted: a term of N years ends
	 * at the end of the day with the same date N years later (Reg.
	 * 1182/71 art. 3, ETS 076 arts. 3-4). */
	TT_CONVENTION_ANNIVERSARY = 0,
	/* The day of entry into force is the first day of the term: the term
	 * ends the day before the anniversary (leases, the 1898 Hong Kong
	 * New Territories convention). */
	TT_CONVENTION_INCLUSIVE
} tt_convention;

/* "anniversary" or "inclusive". */
const char *tt_convention_name(tt_convention c);

/* Renewal "times" meaning "renewed without limit". */
#define TT_RENEWAL_UNLIMITED (-1)

/* --- the schema ------------------------------------------------------ */

/* The kind of value a key takes. */
typedef enum tt_value_type {
	TT_VALUE_TEXT,		/* any text (UTF-8, no control characters
				 * but line feed and tab) */
	TT_VALUE_ID,		/* letters, digits, '.', '_' and '-' */
	TT_VALUE_DATE,		/* YYYY-MM-DD */
	TT_VALUE_DURATION,	/* a duration >= 0 */
	TT_VALUE_PERIOD,	/* a duration > 0 */
	TT_VALUE_TERM,		/* a duration > 0, or "indefinite" */
	TT_VALUE_CONVENTION,	/* "anniversary" or "inclusive" */
	TT_VALUE_COUNT,		/* a whole number >= 1 */
	TT_VALUE_TIMES,		/* a whole number >= 1, or "unlimited" */
	TT_VALUE_BOOL,		/* "yes" or "no" */
	TT_VALUE_RULE,		/* a counting rule's name (tt_counting) */
	TT_VALUE_RULES,		/* counting rules, comma-separated */
	TT_VALUE_EVENT,		/* an event's name: "entry_into_force" or
				 * the name of an [event] */
	TT_VALUE_EVENT_DATE,	/* YYYY-MM-DD, or "unknown" */
	TT_VALUE_FLOOR,		/* YYYY-MM-DD, or a duration >= 0 */
	TT_VALUE_INSTRUMENT,	/* an instrument's name (tt_instrument) */
	TT_VALUE_DEPOSIT,	/* a date, and optionally the suffix of the
				 * UN's status tables that names the
				 * instrument: "17 Jul 2007 a" */
	TT_VALUE_WEIGHT,	/* a share in percent, 0 to 100, with up to
				 * three decimals and an optional '%' */
	TT_VALUE_NAMES		/* names separated by ';' */
} tt_value_type;

/* The instrument by which a party consented to be bound.  The UN's
 * status tables mark all but ratification with a suffix to the date. */
typedef enum tt_instrument {
	TT_INSTRUMENT_RATIFICATION = 0,
	TT_INSTRUMENT_ACCESSION,	/* suffix "a" */
	TT_INSTRUMENT_ACCEPTANCE,	/* "A" */
	TT_INSTRUMENT_APPROVAL,		/* "AA" */
	TT_INSTRUMENT_SUCCESSION,	/* "d" */
	TT_INSTRUMENT_CONFIRMATION	/* "c": formal confirmation */
} tt_instrument;

/* "ratification", "accession", "acceptance", "approval", "succession",
 * "confirmation"; NULL for a value that is not an instrument.  Numbered
 * from 0 without gaps, as tt_counting. */
const char *tt_instrument_name(tt_instrument i);
/* Parses a deposit as a status table prints it: a date (see
 * tt_date_parse_text()) and an optional suffix, with or without a space
 * before it ("17 Jul 2007 a", "2007-07-17AA").  *INSTRUMENT is the
 * suffix's instrument, or -1 for none. */
tt_status tt_deposit_parse(const char *s, tt_date *date, int *instrument,
			   tt_error *err);

/* A weight as tt_spec_get_count() returns it: thousandths of a percent
 * (55 % is 55000). */
#define TT_WEIGHT_SCALE 1000

/* How a date is found from the date D the same-date rule gives (a
 * depositary's practice, or the treaty's own words). */
typedef enum tt_counting {
	TT_COUNTING_SAME_DATE = 0,	/* D itself */
	TT_COUNTING_DAY_AFTER,		/* D + 1 day (ICSID art. 71) */
	TT_COUNTING_FIRST_OF_NEXT_MONTH,	/* the 1st of the month after
					 * D's (CETS 210 art. 80(2)) */
	TT_COUNTING_END_OF_YEAR		/* 31 December of D's year (UNESCO
					 * Constitution art. II(6)) */
} tt_counting;

/* "same-date", "day-after", "first-of-next-month", "end-of-year"; NULL
 * for a value that is not a rule.  The rules are numbered from 0 without
 * gaps, so "for (r = 0; tt_counting_name(r); r++)" visits each. */
const char *tt_counting_name(tt_counting rule);
/* Applies RULE to D into *OUT.  Returns TT_OK, or fills ERR:
 * TT_ERANGE for a result past 9999-12-31 (never a wrap) or a D that is
 * no day of the calendar, TT_EINVAL for an unknown RULE. */
tt_status tt_counting_apply(tt_counting rule, tt_date d, tt_date *out,
			    tt_error *err);

/* One key of the spec format.  The library's table of these is the only
 * list of sections and keys: spec files, command-line flags, batch CSV
 * columns and the documentation checks are all derived from it. */
typedef struct tt_spec_key {
	const char *section;	/* "withdrawal" */
	const char *key;	/* "notice" */
	tt_value_type type;
	const char *hint;	/* the value's form, for help: "DURATION" */
	const char *help;	/* what it means, one short line */
	bool repeatable;	/* its section may appear more than once */
} tt_spec_key;

/* The number of keys, and the I-th in documentation order (sections in
 * the order of treatyterm-spec(5), keys within them); NULL past the end. */
size_t tt_spec_key_count(void);
const tt_spec_key *tt_spec_key_at(size_t i);
/* The key SECTION.KEY, or NULL if there is none. */
const tt_spec_key *tt_spec_key_find(const char *section, const char *key);
/* True if TEXT is a valid id: one or more letters, digits, '.', '_' or
 * '-'. */
bool tt_id_is_valid(const char *text);
/* Writes into BUF (SIZE bytes, NUL-terminated when SIZE > 0; BUF may be
 * TEXT itself) an id made from TEXT: every byte that may not appear in an
 * id becomes '-'.
 * Returns the length the whole id needs, without the NUL, as snprintf()
 * does; 0 when TEXT is empty. */
size_t tt_id_from_text(const char *text, char *buf, size_t size);

tt_spec *tt_spec_new(void);
void tt_spec_free(tt_spec *spec);
/* Forgets every value, keeping allocated memory for reuse. */
void tt_spec_reset(tt_spec *spec);
tt_spec *tt_spec_clone(const tt_spec *spec);

/* Sets SECTION.KEY to VALUE, replacing an earlier value.  LINE and COLUMN
 * say where VALUE starts in its input (0 for none); errors inside VALUE are
 * reported at COLUMN plus their offset.  For the repeatable sections
 * ("conference", "milestone", "event", "notice", "party") the key goes to the
 * newest instance, which is created if there is none. */
tt_status tt_spec_set(tt_spec *spec, const char *section, const char *key,
		      const char *value, unsigned line, unsigned column,
		      tt_error *err);
/* Typed setters: set SECTION.KEY to VALUE as tt_spec_set() would set its
 * text, with the same checks and messages (a value that is out of range
 * for its key is refused as it would be in a file) and no line (as on the
 * command line); an error's column points into text values only.
 *   tt_spec_set_date:     keys of type TT_VALUE_DATE and _DEPOSIT.
 *   tt_spec_set_duration: TT_VALUE_DURATION, _PERIOD and _TERM keys.
 *   tt_spec_set_count:    TT_VALUE_COUNT and _TIMES keys (the latter take
 *                         TT_RENEWAL_UNLIMITED too), _WEIGHT keys (in
 *                         units of 1/TT_WEIGHT_SCALE percent) and
 *                         _INSTRUMENT keys (a tt_instrument).
 *   tt_spec_set_text:     TT_VALUE_TEXT and _ID keys, and the words a key
 *                         takes: a convention's name, "indefinite" for a
 *                         term, "unlimited" for renewal times.
 * Returns TT_OK, or fills ERR (section and key set for a bad value):
 * TT_EINVAL for an unknown section or key or a key that does not take
 * this type of value; TT_ERANGE or TT_ESYNTAX for a value the key does not
 * allow; TT_ELIMIT or TT_ENOMEM as tt_spec_set(). */
tt_status tt_spec_set_date(tt_spec *spec, const char *section,
			   const char *key, tt_date value, tt_error *err);
tt_status tt_spec_set_duration(tt_spec *spec, const char *section,
			       const char *key, tt_duration value,
			       tt_error *err);
tt_status tt_spec_set_count(tt_spec *spec, const char *section,
			    const char *key, int value, tt_error *err);
tt_status tt_spec_set_text(tt_spec *spec, const char *section,
			   const char *key, const char *value, tt_error *err);

/* Sets the date of the [event] called NAME to VALUE (a date or
 * "unknown", as its 'date' key takes), adding the event if there is
 * none: for a date learnt after the spec was written. */
tt_status tt_spec_set_event_date(tt_spec *spec, const char *name,
				 const char *value, tt_error *err);

/* Typed getters: store SECTION.KEY's value in *OUT (if OUT is not NULL)
 * and return true, or return false when the key is unknown, is of another
 * type, or is not set; for a repeatable section the value is that of its
 * newest instance.
 *   tt_spec_get_date:     TT_VALUE_DATE and _DEPOSIT keys, and
 *                         _EVENT_DATE and _FLOOR keys set to a date.
 *   tt_spec_get_duration: TT_VALUE_DURATION, _PERIOD and _TERM keys
 *                         (false for an "indefinite" term) and _FLOOR
 *                         keys set to a duration; the duration's sign is
 *                         +1.
 *   tt_spec_get_count:    TT_VALUE_COUNT and _TIMES keys
 *                         (TT_RENEWAL_UNLIMITED for "unlimited"),
 *                         _WEIGHT keys (in units of 1/TT_WEIGHT_SCALE
 *                         percent) and _INSTRUMENT keys (a
 *                         tt_instrument).
 *   tt_spec_get_text:     TT_VALUE_TEXT and _ID keys, and the words:
 *                         "anniversary" or "inclusive", "indefinite" (false
 *                         for a term that is a duration), "unlimited"
 *                         (false for a number), "yes" or "no", a rule's
 *                         name, a list of rules ("day-after,end-of-year",
 *                         in the order of tt_counting), "unknown" (false
 *                         for a date), an event's name.  The string
 *                         belongs to SPEC, or is static. */
bool tt_spec_get_date(const tt_spec *spec, const char *section,
		      const char *key, tt_date *out);
bool tt_spec_get_duration(const tt_spec *spec, const char *section,
			  const char *key, tt_duration *out);
bool tt_spec_get_count(const tt_spec *spec, const char *section,
		       const char *key, int *out);
bool tt_spec_get_text(const tt_spec *spec, const char *section,
		      const char *key, const char **out);

/* Starts a new instance of a repeatable section ("conference",
 * "milestone", "event", "notice" or "party"); for other sections it does
 * nothing.  Fails for an unknown
 * section. */
tt_status tt_spec_begin_section(tt_spec *spec, const char *section,
				unsigned line, unsigned column, tt_error *err);
/* True if SECTION may appear more than once. */
bool tt_spec_section_repeats(const char *section);
/* True if SECTION is known, and (KEY not NULL) KEY is one of its keys. */
bool tt_spec_key_is_known(const char *section, const char *key);
/* Makes the date value "today" mean TODAY, in spec files, tt_spec_set()
 * and every other way text comes in.  The library has no clock: without
 * this call "today" is an error.  tt_spec_reset() keeps it, as it keeps
 * memory; clones have it too. */
void tt_spec_set_today(tt_spec *spec, tt_date today);
/* Says which input the values and sections set from now on come from:
 * INPUT is any number the caller chooses to tell its inputs apart (a spec
 * file, a CSV of parties).  tt_spec_set(), the typed setters,
 * tt_spec_set_event_date(), tt_spec_begin_section() and tt_spec_parse()
 * keep it with each value and section, and every error about one of them,
 * then or when the spec is checked or computed, carries it in
 * tt_error.input (and a recorded date in tt_discrepancy.input).  It is 0
 * until set; tt_spec_reset() sets it back to 0; clones have it. */
void tt_spec_set_input(tt_spec *spec, unsigned input);
/* The number tt_spec_set_input() gave last, 0 if none. */
unsigned tt_spec_input(const tt_spec *spec);
/* True if SECTION.KEY has a value; for a repeatable section, in its
 * newest instance (false when there is none). */
bool tt_spec_has(const tt_spec *spec, const char *section, const char *key);

/* Parses spec-file text (see treatyterm-spec(5): "[section]" headers,
 * "key = value" lines, whole-line comments) into SPEC, over any values
 * already there.  TEXT need not be NUL-terminated, and lines may be of any
 * length.  Errors carry line and column; a NUL byte in TEXT is one. */
tt_status tt_spec_parse(tt_spec *spec, const char *text, size_t len,
			tt_error *err);

/* Checks that the clauses are complete and consistent: an entry into force
 * is set, periods are positive, counts are at least 1, notices fit in the
 * term, a given notice date is not before entry into force or before the
 * withdrawal window opens.  tt_schedule_compute() calls it too. */
tt_status tt_spec_validate(const tt_spec *spec, tt_error *err);

/* Read access for formatting; strings belong to SPEC. */
const char *tt_spec_id(const tt_spec *spec);	/* "" if unset */
const char *tt_spec_name(const tt_spec *spec);	/* "" if unset */
bool tt_spec_entry_into_force(const tt_spec *spec, tt_date *out);

#ifdef __cplusplus
}
#endif
#endif /* TREATYTERM_SPEC_H */
