/*
 * spec-schema.c -- the schema of a spec: every section and key, the type
 * of its value and where it is stored, and the names of the values of
 * its words (counting rules, conventions, instruments).
 *
 * One table, keys[], drives everything that lists keys: the spec file
 * reader, the command-line flags and batch columns of the program, the
 * party columns, tt_diff_specs() and the manual's check.  Where a value
 * lives is an offset, into the spec or into the newest instance of a
 * repeatable section (lists[]).
 *
 * Level: just above the bottom (error.c, date.c); calls nothing else of
 * the library.  spec.c stores values by this table.
 */
#include <config.h>

#include <stddef.h>
#include <string.h>

#include "internal.h"
#include "spec-impl.h"
#include "spec-schema.h"

#define S(f) IN_SPEC, offsetof(struct tt_spec, f)
#define C(f) IN_CONFERENCE, offsetof(struct ttp_conference, f)
#define M(f) IN_MILESTONE, offsetof(struct ttp_custom, f)
#define E(f) IN_EVENT, offsetof(struct ttp_event, f)
#define N(f) IN_NOTICE, offsetof(struct ttp_notice, f)
#define P(f) IN_PARTY, offsetof(struct ttp_party, f)

#define TEXT TT_VALUE_TEXT, "TEXT"
#define DATE TT_VALUE_DATE, "DATE"
#define DUR TT_VALUE_DURATION, "DURATION"
#define PERIOD TT_VALUE_PERIOD, "DURATION"
#define COUNT TT_VALUE_COUNT, "N"
#define BOOL TT_VALUE_BOOL, "yes|no"
#define EVENT TT_VALUE_EVENT, "EVENT"
#define RULE TT_VALUE_RULE, "RULE"
#define RULES TT_VALUE_RULES, "RULE[,RULE...]"
#define FLOOR TT_VALUE_FLOOR, "DATE|DURATION"
#define WEIGHT TT_VALUE_WEIGHT, "PERCENT"

/* The keys every dated clause has, for section SEC stored by macro W at
 * member P (a struct ttp_clause); R: whether the section repeats. */
#define CLAUSE_KEYS(sec, W, p, r) \
	{ { sec, "from", EVENT, \
	    "the event its offsets count from (default entry_into_force)", \
	    r }, W(p.from) }, \
	{ { sec, "rule", RULE, \
	    "counting rule: same-date, day-after, first-of-next-month, " \
	    "end-of-year", r }, W(p.rule) }, \
	{ { sec, "readings", RULES, \
	    "other counting rules to compute too, comma-separated", r }, \
	  W(p.readings) }, \
	{ { sec, "not_before", FLOOR, \
	    "a date, or a duration from 'from': never earlier", r }, \
	  W(p.not_before) }, \
	{ { sec, "article", TEXT, "the article to cite", r }, W(p.article) }

/* The schema: every section and key, in the order treatyterm-spec(5)
 * documents them.  Sections appear in the order of their first key. */
static const struct keydef keys[] = {
	{ { "treaty", "id", TT_VALUE_ID, "ID",
	    "short identifier (letters, digits, '.', '_', '-')", false },
	  S(id) },
	{ { "treaty", "name", TEXT, "the treaty's name", false }, S(name) },
	{ { "treaty", "entry_into_force", DATE,
	    "the day the treaty entered into force", false }, S(eif) },
	{ { "treaty", "term", TT_VALUE_TERM, "DURATION|indefinite",
	    "how long it is in force", false }, S(term) },
	{ { "treaty", "convention", TT_VALUE_CONVENTION,
	    "anniversary|inclusive", "how the term is counted", false },
	  S(convention) },
	{ { "treaty", "notice_given", DATE,
	    "the day a notice of withdrawal or denunciation was received",
	    false }, S(notice_given) },
	{ { "treaty", "horizon", DATE,
	    "where unlimited series stop", false }, S(horizon) },
	{ { "treaty", "from", EVENT,
	    "the event the term counts from (default entry_into_force)",
	    false }, S(treaty.from) },
	{ { "treaty", "ends", DATE, "a fixed last day in force, instead of "
	    "a term", false }, S(ends) },
	{ { "treaty", "bilateral", BOOL, "a withdrawal that takes effect "
	    "ends the treaty", false }, S(bilateral) },
	{ { "treaty", "hypothetical", BOOL, "never in force: the dates are "
	    "assumed", false }, S(hypothetical) },
	{ { "treaty", "article", TEXT, "the article that sets the term",
	    false }, S(treaty.article) },
	{ { "treaty", "url", TT_VALUE_TEXT, "URL",
	    "where the text is (http: or https:), each event's URL", false },
	  S(url) },
	{ { "consultation", "first", DUR,
	    "the first consultation, from entry into force", false },
	  S(series[0].first) },
	{ { "consultation", "every", PERIOD,
	    "the period between consultations", false },
	  S(series[0].every) },
	{ { "consultation", "count", COUNT, "how many consultations", false },
	  S(series[0].count) },
	{ { "consultation", "label", TEXT, "their label", false },
	  S(series[0].label) },
	CLAUSE_KEYS("consultation", S, series[0].cl, false),
	{ { "consultation", "may_end", BOOL,
	    "the parties may end the treaty at a consultation", false },
	  S(series[0].may_end) },
	{ { "review", "first", DUR, "the first review, from entry into force",
	    false }, S(series[1].first) },
	{ { "review", "every", PERIOD, "the period between reviews", false },
	  S(series[1].every) },
	{ { "review", "count", COUNT, "how many reviews", false },
	  S(series[1].count) },
	{ { "review", "label", TEXT, "their label", false },
	  S(series[1].label) },
	CLAUSE_KEYS("review", S, series[1].cl, false),
	{ { "review", "may_end", BOOL,
	    "the parties may end the treaty at a review", false },
	  S(series[1].may_end) },
	{ { "conference", "at", DUR, "a conference, from entry into force",
	    true }, C(at) },
	{ { "conference", "label", TEXT, "its label", true }, C(label) },
	CLAUSE_KEYS("conference", C, cl, true),
	{ { "withdrawal", "opens", DUR,
	    "the first day notice may be given, from entry into force",
	    false }, S(withdrawal_opens) },
	{ { "withdrawal", "notice", DUR,
	    "the notice period: withdrawal takes effect this long after "
	    "notice", false }, S(withdrawal_notice) },
	{ { "withdrawal", "window", PERIOD,
	    "notice only within this long after opens, opens + every, ...",
	    false }, S(withdrawal_window) },
	{ { "withdrawal", "every", PERIOD, "the period between windows",
	    false }, S(withdrawal_every) },
	CLAUSE_KEYS("withdrawal", S, withdrawal, false),
	{ { "renewal", "period", PERIOD, "the length of each renewed period",
	    false }, S(renewal_period) },
	{ { "renewal", "notice", DUR,
	    "denunciation is due this long before a period ends", false },
	  S(renewal_notice) },
	{ { "renewal", "times", TT_VALUE_TIMES, "N|unlimited",
	    "how many times it renews", false }, S(renewal_times) },
	CLAUSE_KEYS("renewal", S, renewal, false),
	{ { "milestone", "label", TEXT, "a date of your own: its label",
	    true }, M(label) },
	{ { "milestone", "at", DUR, "its offset from entry into force",
	    true }, M(at) },
	{ { "milestone", "date", DATE, "or its date", true }, M(date) },
	CLAUSE_KEYS("milestone", M, cl, true),
	{ { "event", "name", TT_VALUE_ID, "ID",
	    "a named event, for 'from' keys", true }, E(name) },
	{ { "event", "date", TT_VALUE_EVENT_DATE, "DATE|unknown",
	    "the day it happened, or unknown", true }, E(date) },
	{ { "event", "label", TEXT, "what it is, in words", true },
	  E(label) },
	{ { "notice", "received", DATE,
	    "the day a notice of withdrawal was received", true },
	  N(received) },
	{ { "notice", "party", TEXT, "the party that gave it", true },
	  N(party) },
	{ { "notice", "effective", DATE,
	    "a later day it names for its effect", true }, N(effective) },
	{ { "notice", "revoked", DATE, "the day it was revoked", true },
	  N(revoked) },
	{ { "entry_into_force", "instruments", COUNT,
	    "in force after the N-th instrument is deposited", false },
	  S(deposits.instruments) },
	{ { "entry_into_force", "after", DUR,
	    "the period after that deposit (or after 'from')", false },
	  S(deposits.after) },
	{ { "entry_into_force", "weight", WEIGHT,
	    "the share the depositing parties' weights must also reach",
	    false }, S(deposits.weight) },
	{ { "entry_into_force", "required", TT_VALUE_NAMES, "NAME[;NAME...]",
	    "parties that must all have deposited, separated by ';'",
	    false }, S(deposits.required) },
	{ { "entry_into_force", "later_after", DUR,
	    "for a party depositing later: the period after its own "
	    "deposit (default 'after')", false }, S(deposits.later_after) },
	{ { "entry_into_force", "later_rule", RULE,
	    "for a party depositing later: its counting rule (default "
	    "'rule')", false }, S(deposits.later_rule) },
	{ { "entry_into_force", "later_from_instrument", BOOL,
	    "yes: a party depositing after the triggering instrument, not "
	    "after entry into force, is a later one", false },
	  S(deposits.later_from_instrument) },
	{ { "entry_into_force", "opened", DATE,
	    "the day it opened for signature, which a duration "
	    "'not_before' counts from", false }, S(deposits.opened) },
	CLAUSE_KEYS("entry_into_force", S, deposits.cl, false),
	{ { "party", "name", TEXT, "a party", true }, P(name) },
	{ { "party", "signature", DATE, "the day it signed", true },
	  P(signature) },
	{ { "party", "deposit", TT_VALUE_DEPOSIT, "DATE[SUFFIX]",
	    "the day it deposited its instrument (a UN suffix a, A, AA, d "
	    "or c names the instrument)", true }, P(deposit) },
	{ { "party", "instrument", TT_VALUE_INSTRUMENT,
	    "ratification|accession|acceptance|approval|succession|"
	    "confirmation", "the instrument it deposited (default "
	    "ratification)", true }, P(instrument) },
	{ { "party", "weight", WEIGHT,
	    "its weight, for [entry_into_force] weight", true }, P(weight) },
	{ { "party", "notice", DATE,
	    "the day its notice of withdrawal was received", true },
	  P(notice) },
	{ { "party", "notice_effective", DATE,
	    "a later day its notice names for its effect", true },
	  P(notice_effective) },
	{ { "party", "revoked", DATE, "the day its notice was revoked",
	    true }, P(revoked) },
	{ { "party", "recorded_entry_into_force", DATE,
	    "its entry into force as recorded, to be checked", true },
	  P(recorded_eif) },
	{ { "party", "recorded_withdrawal", DATE,
	    "its withdrawal's effect as recorded, to be checked", true },
	  P(recorded_withdrawal) },
};

#undef TEXT
#undef DATE
#undef DUR
#undef PERIOD
#undef COUNT
#undef BOOL
#undef EVENT
#undef RULE
#undef RULES
#undef FLOOR
#undef WEIGHT
#undef S
#undef C
#undef M
#undef E
#undef N
#undef P
#undef CLAUSE_KEYS

const struct keydef *
ttp_key_at(size_t i)
{
	return i < TTP_ARRAY_SIZE(keys) ? &keys[i] : NULL;
}

const struct keydef *
ttp_key_find(const char *section, const char *key)
{
	/* Callers that took the names from the schema (batch, for every
	 * cell) pass its own strings: those are found without comparing
	 * text. */
	for (size_t i = 0; i < TTP_ARRAY_SIZE(keys); i++)
		if (keys[i].pub.key == key && keys[i].pub.section == section)
			return &keys[i];
	for (size_t i = 0; i < TTP_ARRAY_SIZE(keys); i++)
		if (strcmp(keys[i].pub.section, section) == 0 &&
		    strcmp(keys[i].pub.key, key) == 0)
			return &keys[i];
	return NULL;
}

const struct keydef *
ttp_key_section(const char *section)
{
	for (size_t i = 0; i < TTP_ARRAY_SIZE(keys); i++)
		if (strcmp(keys[i].pub.section, section) == 0)
			return &keys[i];
	return NULL;
}

size_t
tt_spec_key_count(void)
{
	return TTP_ARRAY_SIZE(keys);
}

const tt_spec_key *
tt_spec_key_at(size_t i)
{
	return i < TTP_ARRAY_SIZE(keys) ? &keys[i].pub : NULL;
}

const tt_spec_key *
tt_spec_key_find(const char *section, const char *key)
{
	const struct keydef *k = ttp_key_find(section, key);

	return k != NULL ? &k->pub : NULL;
}

bool
tt_spec_section_repeats(const char *section)
{
	const struct keydef *k = ttp_key_section(section);

	return k != NULL && k->pub.repeatable;
}

bool
tt_spec_key_is_known(const char *section, const char *key)
{
	if (ttp_key_section(section) == NULL)
		return false;
	return key == NULL || ttp_key_find(section, key) != NULL;
}

/* --- the repeatable sections ---------------------------------------- */

#define LIST(w, f, type) { w, offsetof(struct tt_spec, f), \
	offsetof(struct tt_spec, n##f), offsetof(struct tt_spec, f##_cap), \
	sizeof(type), offsetof(type, section) }

static const struct listdef lists[] = {
	LIST(IN_CONFERENCE, conferences, struct ttp_conference),
	LIST(IN_MILESTONE, customs, struct ttp_custom),
	LIST(IN_EVENT, events, struct ttp_event),
	LIST(IN_NOTICE, notices, struct ttp_notice),
	LIST(IN_PARTY, parties, struct ttp_party),
};

#undef LIST

const struct listdef *
ttp_lists(size_t *n)
{
	*n = TTP_ARRAY_SIZE(lists);
	return lists;
}

const struct listdef *
ttp_list_of(enum where w)
{
	for (size_t i = 0; i < TTP_ARRAY_SIZE(lists); i++)
		if (lists[i].where == w)
			return &lists[i];
	return NULL;
}

/* --- the names of values -------------------------------------------- */

const char *
tt_convention_name(tt_convention c)
{
	return c == TT_CONVENTION_INCLUSIVE ? "inclusive" : "anniversary";
}

static const char *const counting_names[] = {
	[TT_COUNTING_SAME_DATE] = "same-date",
	[TT_COUNTING_DAY_AFTER] = "day-after",
	[TT_COUNTING_FIRST_OF_NEXT_MONTH] = "first-of-next-month",
	[TT_COUNTING_END_OF_YEAR] = "end-of-year"
};

const char *
tt_counting_name(tt_counting rule)
{
	if ((unsigned)rule >= TTP_ARRAY_SIZE(counting_names))
		return NULL;
	return counting_names[rule];
}

int
ttp_counting_find(const char *name, size_t n)
{
	for (size_t i = 0; i < TTP_ARRAY_SIZE(counting_names); i++)
		if (strlen(counting_names[i]) == n &&
		    memcmp(counting_names[i], name, n) == 0)
			return (int)i;
	return -1;
}

tt_status
tt_counting_apply(tt_counting rule, tt_date d, tt_date *out, tt_error *err)
{
	if (tt_counting_name(rule) == NULL)
		return ttp_error_set(err, TT_EINVAL, 0, 0,
				     "unknown counting rule");
	if (!tt_date_is_valid(d))
		return ttp_error_set(err, TT_ERANGE, 0, 0, "invalid date");
	switch (rule) {
	case TT_COUNTING_SAME_DATE:
		*out = d;
		return TT_OK;
	case TT_COUNTING_DAY_AFTER:
		return tt_date_add_days(d, 1, out, err);
	case TT_COUNTING_FIRST_OF_NEXT_MONTH:
		if (d.month == 12 && d.year >= 9999)
			break;
		out->year = d.month == 12 ? d.year + 1 : d.year;
		out->month = d.month == 12 ? 1 : d.month + 1;
		out->day = 1;
		return TT_OK;
	case TT_COUNTING_END_OF_YEAR:
		out->year = d.year;
		out->month = 12;
		out->day = 31;
		return TT_OK;
	}
	return ttp_error_set(err, TT_ERANGE, 0, 0,
			     "the first of the next month is after "
			     "9999-12-31");
}

static const char *const instrument_names[] = {
	[TT_INSTRUMENT_RATIFICATION] = "ratification",
	[TT_INSTRUMENT_ACCESSION] = "accession",
	[TT_INSTRUMENT_ACCEPTANCE] = "acceptance",
	[TT_INSTRUMENT_APPROVAL] = "approval",
	[TT_INSTRUMENT_SUCCESSION] = "succession",
	[TT_INSTRUMENT_CONFIRMATION] = "confirmation"
};

/* The suffixes of the UN's status tables, in the order of tt_instrument
 * ("" for ratification, which has none). */
static const char *const instrument_suffixes[] = {
	[TT_INSTRUMENT_RATIFICATION] = "",
	[TT_INSTRUMENT_ACCESSION] = "a",
	[TT_INSTRUMENT_ACCEPTANCE] = "A",
	[TT_INSTRUMENT_APPROVAL] = "AA",
	[TT_INSTRUMENT_SUCCESSION] = "d",
	[TT_INSTRUMENT_CONFIRMATION] = "c"
};

const char *
tt_instrument_name(tt_instrument i)
{
	if ((unsigned)i >= TTP_ARRAY_SIZE(instrument_names))
		return NULL;
	return instrument_names[i];
}

const char *
ttp_instrument_suffix(tt_instrument i)
{
	if ((unsigned)i >= TTP_ARRAY_SIZE(instrument_suffixes))
		return NULL;
	return instrument_suffixes[i];
}
