/*
 * spec.c -- a treaty's clauses as sections and keys, and their checks.
 *
 * One table lists every section and key with the type of its value and
 * where it is stored.  Values come in as text (tt_spec_set(), for spec
 * files, command-line flags and batch CSV cells alike) or typed
 * (tt_spec_set_date() and the others); text is first parsed into a typed
 * value, and both then go through set_value(), the one place a value is
 * checked against its key and stored.  Strings live
 * in one buffer owned by the spec and are referred to by offset, so a spec
 * that is reset and refilled for every row of a batch allocates nothing
 * once the buffer has grown.
 */
#include <config.h>

#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "spec-impl.h"

enum where {
	IN_SPEC,	/* offset into struct tt_spec */
	IN_CONFERENCE,	/* offset into the newest struct ttp_conference */
	IN_MILESTONE,	/* offset into the newest struct ttp_custom */
	IN_EVENT,	/* offset into the newest struct ttp_event */
	IN_NOTICE,	/* offset into the newest struct ttp_notice */
	IN_PARTY	/* offset into the newest struct ttp_party */
};

/* A key as the public schema describes it, and where its value lives. */
struct keydef {
	tt_spec_key pub;
	enum where where;
	size_t off;
};

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

/* The largest count of a series or of renewals. */
#define MAX_COUNT 100000
/* The most [conference] or [milestone] sections a spec may have. */
#define MAX_SECTIONS 10000

const char *
tt_convention_name(tt_convention c)
{
	return c == TT_CONVENTION_INCLUSIVE ? "inclusive" : "anniversary";
}

/* Where a repeatable section's instances live in a spec: the offsets of
 * its pointer to them, their number and its capacity.  The pointer is
 * read and written with memcpy() (POSIX pointers share one
 * representation) rather than through a cast that would break the
 * aliasing rules. */
struct listdef {
	enum where where;
	size_t items, n, cap;
	size_t elem;
	size_t origin;	/* offset of the section's struct ttp_origin */
};

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

static const struct listdef *
list_of(enum where w)
{
	for (size_t i = 0; i < TTP_ARRAY_SIZE(lists); i++)
		if (lists[i].where == w)
			return &lists[i];
	return NULL;
}

static char *
list_items(const tt_spec *spec, const struct listdef *l)
{
	char *p;

	memcpy(&p, (const char *)spec + l->items, sizeof p);
	return p;
}

static void
list_set_items(tt_spec *spec, const struct listdef *l, void *p)
{
	memcpy((char *)spec + l->items, &p, sizeof p);
}

static size_t *
list_n(tt_spec *spec, const struct listdef *l)
{
	return (size_t *)((char *)spec + l->n);
}

static size_t
list_count(const tt_spec *spec, const struct listdef *l)
{
	return *(const size_t *)((const char *)spec + l->n);
}

static size_t *
list_cap(tt_spec *spec, const struct listdef *l)
{
	return (size_t *)((char *)spec + l->cap);
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

/* The rule called NAME (N bytes), or -1. */
static int
counting_find(const char *name, size_t n)
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

tt_status
tt_deposit_parse(const char *s, tt_date *date, int *instrument,
		 tt_error *err)
{
	size_t len = strlen(s), n = 0;
	char buf[64];

	*instrument = -1;
	/* The suffix is the letters at the end, after a digit or a space. */
	while (n < len && n < 3 && isalpha((unsigned char)s[len - 1 - n]))
		n++;
	if (n > 0 && n < len && (isdigit((unsigned char)s[len - 1 - n]) ||
				 s[len - 1 - n] == ' ')) {
		for (size_t i = 1; i < TTP_ARRAY_SIZE(instrument_suffixes);
		     i++)
			if (strlen(instrument_suffixes[i]) == n &&
			    memcmp(instrument_suffixes[i], s + len - n,
				   n) == 0)
				*instrument = (int)i;
		if (*instrument < 0 && isdigit((unsigned char)s[len - 1 - n]))
			return ttp_error_set(err, TT_ESYNTAX, 0,
					     (unsigned)(len - n) + 1,
					     "expected the suffix a, A, AA, d "
					     "or c after the date");
		if (*instrument >= 0) {
			len -= n;
			if (s[len - 1] == ' ')
				len--;
		}
	}
	/* No date is this long: S is read whole, which reports the same
	 * error at the same column, and nothing is cut. */
	if (len >= sizeof buf)
		return tt_date_parse_text(s, date, err);
	memcpy(buf, s, len);
	buf[len] = '\0';
	return tt_date_parse_text(buf, date, err);
}

tt_spec *
tt_spec_new(void)
{
	return calloc(1, sizeof(tt_spec));
}

void
tt_spec_free(tt_spec *spec)
{
	if (spec == NULL)
		return;
	free(spec->strings);
	for (size_t i = 0; i < TTP_ARRAY_SIZE(lists); i++)
		free(list_items(spec, &lists[i]));
	free(spec);
}

void
tt_spec_reset(tt_spec *spec)
{
	tt_spec keep = *spec;

	memset(spec, 0, sizeof *spec);
	/* The input goes back to 0 with the values. */
	spec->has_today = keep.has_today;
	spec->today = keep.today;
	spec->strings = keep.strings;
	spec->strings_cap = keep.strings_cap;
	for (size_t i = 0; i < TTP_ARRAY_SIZE(lists); i++) {
		list_set_items(spec, &lists[i], list_items(&keep, &lists[i]));
		*list_cap(spec, &lists[i]) = *list_cap(&keep, &lists[i]);
	}
}

/* Copies N bytes of SRC into a new allocation, or NULL when N is 0. */
static void *
dup_bytes(const void *src, size_t n, bool *failed)
{
	void *p;

	if (n == 0)
		return NULL;
	p = malloc(n);
	if (p == NULL)
		*failed = true;
	else
		memcpy(p, src, n);
	return p;
}

tt_spec *
tt_spec_clone(const tt_spec *spec)
{
	tt_spec *c = malloc(sizeof *c);
	bool failed = false;

	if (c == NULL)
		return NULL;
	*c = *spec;
	c->strings = dup_bytes(spec->strings, spec->strings_len, &failed);
	c->strings_cap = spec->strings_len;
	for (size_t i = 0; i < TTP_ARRAY_SIZE(lists); i++) {
		const struct listdef *l = &lists[i];
		size_t n = list_count(c, l);

		list_set_items(c, l, dup_bytes(list_items(c, l), n * l->elem,
					       &failed));
		*list_cap(c, l) = n;
	}
	if (failed) {
		tt_spec_free(c);
		return NULL;
	}
	return c;
}

const char *
ttp_spec_string(const tt_spec *spec, const struct ttp_field *f)
{
	if (!f->set || spec->strings == NULL)
		return "";
	return spec->strings + f->v.str;
}

const struct ttp_event *
ttp_spec_event(const tt_spec *spec, const char *name)
{
	for (size_t i = 0; i < spec->nevents; i++)
		if (strcmp(ttp_spec_string(spec, &spec->events[i].name),
			   name) == 0)
			return &spec->events[i];
	return NULL;
}

const char *
tt_spec_id(const tt_spec *spec)
{
	return ttp_spec_string(spec, &spec->id);
}

const char *
tt_spec_name(const tt_spec *spec)
{
	return ttp_spec_string(spec, &spec->name);
}

bool
tt_spec_entry_into_force(const tt_spec *spec, tt_date *out)
{
	if (spec->eif.set && out != NULL)
		*out = spec->eif.v.date;
	return spec->eif.set;
}

static const struct keydef *
find_key(const char *section, const char *key)
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

/* The first key of SECTION, or NULL if there is no such section. */
static const struct keydef *
find_section(const char *section)
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
	const struct keydef *k = find_key(section, key);

	return k != NULL ? &k->pub : NULL;
}

static bool
id_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

bool
tt_id_is_valid(const char *text)
{
	if (*text == '\0')
		return false;
	for (; *text != '\0'; text++)
		if (!id_char((unsigned char)*text))
			return false;
	return true;
}

size_t
tt_id_from_text(const char *text, char *buf, size_t size)
{
	size_t n = 0;

	for (; text[n] != '\0'; n++)
		if (n + 1 < size)
			buf[n] = id_char((unsigned char)text[n]) ? text[n] : '-';
	if (size > 0)
		buf[n < size ? n : size - 1] = '\0';
	return n;
}

bool
tt_spec_section_repeats(const char *section)
{
	const struct keydef *k = find_section(section);

	return k != NULL && k->pub.repeatable;
}

bool
tt_spec_key_is_known(const char *section, const char *key)
{
	if (find_section(section) == NULL)
		return false;
	return key == NULL || find_key(section, key) != NULL;
}

/* The offset of the newest instance of K's section from BASE, or false
 * (a repeatable section without an instance). */
static bool
newest(const tt_spec *spec, const struct keydef *k, const char **base)
{
	const struct listdef *l = list_of(k->where);
	size_t n;

	*base = (const char *)spec;
	if (l == NULL)
		return true;
	if ((n = list_count(spec, l)) == 0)
		return false;
	*base = list_items(spec, l) + (n - 1) * l->elem;
	return true;
}

/* The field SECTION.KEY is stored in, or NULL (a repeatable section
 * without an instance). */
static const struct ttp_field *
field_of(const tt_spec *spec, const struct keydef *k)
{
	const char *base;

	if (!newest(spec, k, &base))
		return NULL;
	return (const struct ttp_field *)(base + k->off);
}

/* The same, for writing. */
static struct ttp_field *
field_in(tt_spec *spec, const struct keydef *k)
{
	const struct listdef *l = list_of(k->where);
	char *base = (char *)spec;
	size_t n;

	if (l != NULL) {
		if ((n = list_count(spec, l)) == 0)
			return NULL;
		base = list_items(spec, l) + (n - 1) * l->elem;
	}
	return (struct ttp_field *)(base + k->off);
}

void
tt_spec_set_today(tt_spec *spec, tt_date today)
{
	spec->has_today = true;
	spec->today = today;
}

void
tt_spec_set_input(tt_spec *spec, unsigned input)
{
	spec->input = input;
}

unsigned
tt_spec_input(const tt_spec *spec)
{
	return spec->input;
}

void
ttp_error_origin(tt_error *err, const struct ttp_origin *at)
{
	if (err != NULL)
		err->input = at->input;
}

/* Names in ERR the input values now come from, for an error about the
 * value or section being set; returns ST. */
static tt_status
input_error(const tt_spec *spec, tt_error *err, tt_status st)
{
	if (st != TT_OK && err != NULL)
		err->input = spec->input;
	return st;
}

bool
tt_spec_has(const tt_spec *spec, const char *section, const char *key)
{
	const struct keydef *k = find_key(section, key);
	const struct ttp_field *f = k != NULL ? field_of(spec, k) : NULL;

	return f != NULL && f->set;
}

tt_status
tt_spec_begin_section(tt_spec *spec, const char *section, unsigned line,
		      unsigned column, tt_error *err)
{
	const struct keydef *k = find_section(section);
	struct ttp_origin at = { line, column, spec->input };
	const struct listdef *l;
	size_t *n;
	char *p;

	if (k == NULL)
		return input_error(spec, err,
				   ttp_error_set(err, TT_EINVAL, line, column,
						 "unknown section [%s]",
						 section));
	if ((l = list_of(k->where)) == NULL)
		return TT_OK;
	n = list_n(spec, l);
	if (*n >= MAX_SECTIONS)
		return input_error(spec, err,
				   ttp_error_set(err, TT_ELIMIT, line, column,
						 "more than %d [%s] sections",
						 MAX_SECTIONS,
						 k->pub.section));
	p = ttp_grow(list_items(spec, l), list_cap(spec, l), *n + 1,
		     l->elem);
	if (p == NULL)
		return ttp_error_set(err, TT_ENOMEM, line, column,
				     "out of memory");
	list_set_items(spec, l, p);
	p += *n * l->elem;
	memset(p, 0, l->elem);
	memcpy(p + l->origin, &at, sizeof at);
	++*n;
	return TT_OK;
}

/* Stores the NUL-terminated text S in the spec's string buffer. */
static tt_status
store_string(tt_spec *spec, const char *s, size_t *off, tt_error *err)
{
	size_t n = strlen(s) + 1;
	char *p;

	if (n > SIZE_MAX - spec->strings_len ||
	    (p = ttp_grow(spec->strings, &spec->strings_cap,
			  spec->strings_len + n, 1)) == NULL)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	spec->strings = p;
	memcpy(spec->strings + spec->strings_len, s, n);
	*off = spec->strings_len;
	spec->strings_len += n;
	return TT_OK;
}

static tt_status
check_text(const char *s, tt_value_type type, tt_error *err)
{
	const unsigned char *p = (const unsigned char *)s;

	if (*p == '\0')
		return ttp_error_set(err, TT_ESYNTAX, 0, 1, "empty value");
	while (*p != '\0') {
		unsigned column = (unsigned)(p - (const unsigned char *)s) + 1;
		size_t n;

		if (type == TT_VALUE_ID && !id_char(*p))
			return ttp_error_set(err, TT_ESYNTAX, 0, column,
					     "an id may contain only letters, "
					     "digits, '.', '_' and '-'");
		/* Names and labels may hold line breaks (from CSV cells or
		 * flags), never other control characters. */
		if ((*p < 0x20 && !(type == TT_VALUE_TEXT && (*p == '\n' ||
							*p == '\t'))) ||
		    *p == 0x7f)
			return ttp_error_set(err, TT_ESYNTAX, 0, column,
					     "control character in text");
		/* Four bytes at most are looked at, and the NUL ends any
		 * sequence early. */
		n = ttp_utf8_decode(p, strnlen((const char *)p, 4), NULL);
		if (n == 0)
			return ttp_error_set(err, TT_ESYNTAX, 0, column,
					     "invalid UTF-8");
		p += n;
	}
	return TT_OK;
}

/* --- values in ------------------------------------------------------- */

/* A value on its way into a spec, typed: parsed from text, or given. */
struct value {
	enum { V_TEXT, V_DATE, V_DURATION, V_COUNT } kind;
	const char *text;
	tt_date date;
	tt_duration dur;
	int count;
	int suffix;		/* a deposit's suffix: tt_instrument + 1 */
};

/* What a value of KIND is called in messages. */
static const char *
kind_words(int kind)
{
	switch (kind) {
	case V_TEXT:
		return "text";
	case V_DATE:
		return "a date";
	case V_DURATION:
		return "a duration";
	case V_COUNT:
		return "a number";
	}
	return "?";
}

/* Reads a whole number, which the caller checks for range; numbers too
 * big to matter are read as MAX_COUNT + 1. */
static tt_status
parse_count(const char *s, int *out, tt_error *err)
{
	long v = 0;
	const char *p = s;

	if (!isdigit((unsigned char)*p))
		return ttp_error_set(err, TT_ESYNTAX, 0, 1,
				     "expected a whole number");
	while (isdigit((unsigned char)*p)) {
		if (v <= MAX_COUNT)
			v = v * 10 + (*p - '0');
		p++;
	}
	if (*p != '\0')
		return ttp_error_set(err, TT_ESYNTAX, 0,
				     (unsigned)(p - s) + 1,
				     "expected a whole number");
	*out = v > MAX_COUNT ? MAX_COUNT + 1 : (int)v;
	return TT_OK;
}

/* Reads a share in percent, "55", "55.5", "17.4 %", as thousandths of a
 * percent; the caller checks the range. */
static tt_status
parse_weight(const char *s, int *out, tt_error *err)
{
	const char *p = s;
	long v = 0;
	int decimals = 0;

	if (!isdigit((unsigned char)*p))
		return ttp_error_set(err, TT_ESYNTAX, 0, 1,
				     "expected a percentage, as 55 or 17.4");
	while (isdigit((unsigned char)*p)) {
		if (v <= 1000)
			v = v * 10 + (*p - '0');
		p++;
	}
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p) && decimals < 3) {
			v = v * 10 + (*p - '0');
			decimals++;
			p++;
		}
		if (isdigit((unsigned char)*p))
			return ttp_error_set(err, TT_ESYNTAX, 0,
					     (unsigned)(p - s) + 1,
					     "at most three decimals");
	}
	for (; decimals < 3; decimals++)
		v *= 10;
	if (*p == ' ' && p[1] == '%')
		p++;
	if (*p == '%')
		p++;
	if (*p != '\0')
		return ttp_error_set(err, TT_ESYNTAX, 0,
				     (unsigned)(p - s) + 1,
				     "expected a percentage, as 55 or 17.4");
	*out = v > 100 * TT_WEIGHT_SCALE ? 100 * TT_WEIGHT_SCALE + 1 :
	       (int)v;
	return TT_OK;
}

/* Parses the text S for key K into *V: the form of the value only; what
 * it may be is checked by check_value(), for typed values too. */
static tt_status
parse_text(const tt_spec *spec, const struct keydef *k, const char *s,
	   struct value *v, tt_error *err)
{
	tt_status st;

	memset(v, 0, sizeof *v);
	v->kind = V_TEXT;
	v->text = s;
	switch (k->pub.type) {
	case TT_VALUE_TEXT:
	case TT_VALUE_ID:
	case TT_VALUE_CONVENTION:
	case TT_VALUE_BOOL:
	case TT_VALUE_RULE:
	case TT_VALUE_RULES:
	case TT_VALUE_EVENT:
	case TT_VALUE_INSTRUMENT:
	case TT_VALUE_NAMES:
		return TT_OK;
	case TT_VALUE_WEIGHT:
		v->kind = V_COUNT;
		return parse_weight(s, &v->count, err);
	case TT_VALUE_DEPOSIT:
		v->kind = V_DATE;
		if (strcmp(s, "today") == 0)
			break;
		if ((st = tt_deposit_parse(s, &v->date, &v->suffix,
					   err)) != TT_OK)
			return st;
		v->suffix++;
		return TT_OK;
	case TT_VALUE_EVENT_DATE:
		if (strcmp(s, "unknown") == 0)
			return TT_OK;
		if (!isdigit((unsigned char)s[0]) && strcmp(s, "today") != 0)
			return ttp_error_set(err, TT_ESYNTAX, 0, 1,
					     "expected a date or 'unknown'");
		TTP_FALLTHROUGH;
	case TT_VALUE_FLOOR:
		/* A floor is a date when it looks like one ("YYYY-"), else
		 * a duration. */
		if (k->pub.type == TT_VALUE_FLOOR && strcmp(s, "today") != 0 &&
		    !(strlen(s) > 4 && isdigit((unsigned char)s[0]) &&
		      (s[4] == '-' || s[1] == ' ' || s[2] == ' '))) {
			v->kind = V_DURATION;
			return tt_duration_parse(s, &v->dur, err);
		}
		TTP_FALLTHROUGH;
	case TT_VALUE_DATE:
		v->kind = V_DATE;
		if (strcmp(s, "today") != 0)
			return tt_date_parse_text(s, &v->date, err);
		break;
	case TT_VALUE_TERM:
		if (strcmp(s, "indefinite") == 0)
			return TT_OK;
		TTP_FALLTHROUGH;
	case TT_VALUE_DURATION:
	case TT_VALUE_PERIOD:
		v->kind = V_DURATION;
		return tt_duration_parse(s, &v->dur, err);
	case TT_VALUE_TIMES:
		if (strcmp(s, "unlimited") == 0)
			return TT_OK;
		v->kind = V_COUNT;
		st = parse_count(s, &v->count, err);
		if (st == TT_ESYNTAX)
			return ttp_error_set(err, TT_ESYNTAX, 0, 1,
					     "expected a whole number or "
					     "'unlimited'");
		return st;
	case TT_VALUE_COUNT:
		v->kind = V_COUNT;
		return parse_count(s, &v->count, err);
	default:
		return ttp_error_set(err, TT_EINVAL, 0, 0,
				     "unknown value type");
	}
	/* "today" for a date. */
	if (!spec->has_today)
		return ttp_error_set(err, TT_EINVAL, 0, 1,
				     "'today' is not known here (no date was "
				     "given for it)");
	v->date = spec->today;
	return TT_OK;
}

/* Checks the duration D for a key of TYPE and puts it into *F. */
static tt_status
check_duration(tt_value_type type, tt_duration d, struct ttp_field *f,
	       tt_error *err)
{
	tt_status st;

	if ((st = ttp_duration_check(d, err)) != TT_OK)
		return st;
	if (d.sign < 0 && !tt_duration_is_zero(d))
		return ttp_error_set(err, TT_ERANGE, 0, 1,
				     "must not be negative");
	if (type != TT_VALUE_DURATION && tt_duration_is_zero(d))
		return ttp_error_set(err, TT_ERANGE, 0, 1,
				     "must be longer than zero");
	d.sign = 1;
	f->v.dur = d;
	return TT_OK;
}

/* Reads the list of rules S into F's bits; the text is stored too. */
static tt_status
check_rules(const char *s, struct ttp_field *f, tt_error *err)
{
	const char *p = s;

	f->rules = 0;
	for (;;) {
		size_t n = strcspn(p, ",");
		int r = counting_find(p, n);

		if (r < 0)
			return ttp_error_set(err, TT_ESYNTAX, 0,
					     (unsigned)(p - s) + 1,
					     "expected same-date, day-after, "
					     "first-of-next-month or "
					     "end-of-year");
		f->rules |= 1u << r;
		if (p[n] == '\0')
			return TT_OK;
		p += n + 1;
	}
}

/* Checks a word-valued key's text S and puts its value into *F (for an
 * event or a list of rules, the caller stores the text). */
static tt_status
check_word(tt_value_type type, const char *s, struct ttp_field *f,
	   tt_error *err)
{
	int r;

	switch (type) {
	case TT_VALUE_BOOL:
		if (strcmp(s, "yes") != 0 && strcmp(s, "no") != 0)
			return ttp_error_set(err, TT_ESYNTAX, 0, 1,
					     "expected 'yes' or 'no'");
		f->v.yes = s[0] == 'y';
		return TT_OK;
	case TT_VALUE_RULE:
		if ((r = counting_find(s, strlen(s))) < 0)
			return ttp_error_set(err, TT_ESYNTAX, 0, 1,
					     "expected same-date, day-after, "
					     "first-of-next-month or "
					     "end-of-year");
		f->v.rule = (tt_counting)r;
		return TT_OK;
	case TT_VALUE_RULES:
		return check_rules(s, f, err);
	default:
		return check_text(s, TT_VALUE_ID, err);
	}
}

/* Checks V against key K and puts it into *F, except a string, which the
 * caller stores.  Every value is checked here, whether it came as text or
 * typed. */
static tt_status
check_value(const struct keydef *k, const struct value *v,
	    struct ttp_field *f, tt_error *err)
{
	tt_value_type type = k->pub.type;
	tt_status st;

	switch (type) {
	case TT_VALUE_TEXT:
	case TT_VALUE_ID:
	case TT_VALUE_NAMES:
		if (v->kind != V_TEXT)
			break;
		if (type == TT_VALUE_TEXT && strcmp(k->pub.key, "url") == 0 &&
		    !ttp_url_ok(v->text, false))
			return ttp_error_set(err, TT_ESYNTAX, 0, 1,
					     "expected a URL starting "
					     "http: or https:, without "
					     "spaces");
		return check_text(v->text, type == TT_VALUE_ID ? type :
				  TT_VALUE_TEXT, err);
	case TT_VALUE_INSTRUMENT:
		if (v->kind == V_COUNT) {
			if (tt_instrument_name((tt_instrument)v->count) ==
			    NULL)
				return ttp_error_set(err, TT_ERANGE, 0, 1,
						     "not an instrument");
			f->v.instrument = (tt_instrument)v->count;
			return TT_OK;
		}
		if (v->kind != V_TEXT)
			break;
		for (size_t i = 0; i < TTP_ARRAY_SIZE(instrument_names); i++)
			if (strcmp(v->text, instrument_names[i]) == 0) {
				f->v.instrument = (tt_instrument)i;
				return TT_OK;
			}
		return ttp_error_set(err, TT_ESYNTAX, 0, 1,
				     "expected ratification, accession, "
				     "acceptance, approval, succession or "
				     "confirmation");
	case TT_VALUE_WEIGHT:
		if (v->kind != V_COUNT)
			break;
		if (v->count < 0 || v->count > 100 * TT_WEIGHT_SCALE)
			return ttp_error_set(err, TT_ERANGE, 0, 1,
					     "must be from 0 to 100 percent");
		f->v.count = v->count;
		return TT_OK;
	case TT_VALUE_DEPOSIT:
		if (v->kind != V_DATE)
			break;
		f->suffix = v->suffix;
		if ((st = ttp_date_check(v->date, err)) != TT_OK)
			return st;
		f->v.date = v->date;
		return TT_OK;
	case TT_VALUE_CONVENTION:
		if (v->kind != V_TEXT)
			break;
		if (strcmp(v->text, "anniversary") == 0)
			f->v.convention = TT_CONVENTION_ANNIVERSARY;
		else if (strcmp(v->text, "inclusive") == 0)
			f->v.convention = TT_CONVENTION_INCLUSIVE;
		else
			return ttp_error_set(err, TT_ESYNTAX, 0, 1,
					     "expected 'anniversary' or "
					     "'inclusive'");
		return TT_OK;
	case TT_VALUE_BOOL:
	case TT_VALUE_RULE:
	case TT_VALUE_RULES:
	case TT_VALUE_EVENT:
		if (v->kind != V_TEXT)
			break;
		return check_word(type, v->text, f, err);
	case TT_VALUE_FLOOR:
		if (v->kind == V_DURATION)
			return check_duration(TT_VALUE_DURATION, v->dur, f,
					      err);
		f->is_date = true;
		TTP_FALLTHROUGH;
	case TT_VALUE_EVENT_DATE:
		if (v->kind == V_TEXT && type == TT_VALUE_EVENT_DATE) {
			if (strcmp(v->text, "unknown") != 0)
				return ttp_error_set(err, TT_ESYNTAX, 0, 1,
						     "expected a date or "
						     "'unknown'");
			f->indefinite = true;
			return TT_OK;
		}
		TTP_FALLTHROUGH;
	case TT_VALUE_DATE:
		if (v->kind != V_DATE)
			break;
		if ((st = ttp_date_check(v->date, err)) != TT_OK)
			return st;
		f->v.date = v->date;
		return TT_OK;
	case TT_VALUE_TERM:
		if (v->kind == V_TEXT) {
			if (strcmp(v->text, "indefinite") != 0)
				return ttp_error_set(err, TT_ESYNTAX, 0, 1,
						     "expected a duration or "
						     "'indefinite'");
			f->indefinite = true;
			return TT_OK;
		}
		TTP_FALLTHROUGH;
	case TT_VALUE_DURATION:
	case TT_VALUE_PERIOD:
		if (v->kind != V_DURATION)
			break;
		return check_duration(type, v->dur, f, err);
	case TT_VALUE_TIMES:
		if (v->kind == V_TEXT) {
			if (strcmp(v->text, "unlimited") != 0)
				return ttp_error_set(err, TT_ESYNTAX, 0, 1,
						     "expected a whole number "
						     "or 'unlimited'");
			f->v.count = TT_RENEWAL_UNLIMITED;
			return TT_OK;
		}
		if (v->kind == V_COUNT && v->count == TT_RENEWAL_UNLIMITED) {
			f->v.count = TT_RENEWAL_UNLIMITED;
			return TT_OK;
		}
		TTP_FALLTHROUGH;
	case TT_VALUE_COUNT:
		if (v->kind != V_COUNT)
			break;
		if (v->count < 1)
			return ttp_error_set(err, TT_ERANGE, 0, 1,
					     "must be at least 1");
		if (v->count > MAX_COUNT)
			return ttp_error_set(err, TT_ERANGE, 0, 1,
					     "must be at most %d", MAX_COUNT);
		f->v.count = v->count;
		return TT_OK;
	}
	return ttp_error_set(err, TT_EINVAL, 0, 0,
			     "[%s] %s takes %s, not %s", k->pub.section,
			     k->pub.key, k->pub.hint, kind_words(v->kind));
}

/* Gives an error found in a value its place and its key. */
static tt_status
value_error(const struct keydef *k, tt_status st, unsigned line,
	    unsigned column, tt_error *err)
{
	ttp_error_locate(err, line, column);
	if (err != NULL) {
		err->section = k->pub.section;
		err->key = k->pub.key;
	}
	return st;
}

/* The one way a value gets into a spec: checks V for key K and stores it,
 * remembering LINE and COLUMN. */
static tt_status
set_value(tt_spec *spec, const struct keydef *k, const struct value *v,
	  unsigned line, unsigned column, tt_error *err)
{
	struct ttp_field field, *f;
	tt_status st;

	memset(&field, 0, sizeof field);
	if ((st = check_value(k, v, &field, err)) != TT_OK)
		return value_error(k, st, line, column, err);
	/* A key of a repeatable section starts its first instance. */
	if ((f = field_in(spec, k)) == NULL) {
		if ((st = tt_spec_begin_section(spec, k->pub.section, line,
						column, err)) != TT_OK)
			return st;
		if ((f = field_in(spec, k)) == NULL)
			return ttp_error_set(err, TT_EINVAL, line, column,
					     "no [%s] to set '%s' in",
					     k->pub.section, k->pub.key);
	}
	if ((k->pub.type == TT_VALUE_TEXT || k->pub.type == TT_VALUE_ID ||
	     k->pub.type == TT_VALUE_EVENT || k->pub.type == TT_VALUE_RULES ||
	     k->pub.type == TT_VALUE_NAMES) &&
	    (st = store_string(spec, v->text, &field.v.str, err)) != TT_OK)
		return st;
	field.set = true;
	field.at.line = line;
	field.at.column = column;
	field.at.input = spec->input;
	field.section = k->pub.section;
	field.key = k->pub.key;
	*f = field;
	return TT_OK;
}

/* The key SECTION.KEY, or NULL after reporting that there is none. */
static const struct keydef *
known_key(const char *section, const char *key, unsigned line,
	  unsigned column, tt_error *err)
{
	const struct keydef *k = find_key(section, key);

	if (k != NULL)
		return k;
	if (find_section(section) == NULL) {
		ttp_error_set(err, TT_EINVAL, line, column,
			      "unknown section [%s]", section);
		return NULL;
	}
	ttp_error_set(err, TT_EINVAL, line, column,
		      "unknown key '%s' in section [%s]", key, section);
	return NULL;
}

tt_status
tt_spec_set(tt_spec *spec, const char *section, const char *key,
	    const char *value, unsigned line, unsigned column, tt_error *err)
{
	const struct keydef *k = known_key(section, key, line, column, err);
	struct value v;
	tt_status st;

	if (k == NULL)
		return input_error(spec, err, TT_EINVAL);
	if ((st = parse_text(spec, k, value, &v, err)) != TT_OK)
		return input_error(spec, err,
				   value_error(k, st, line, column, err));
	return input_error(spec, err,
			   set_value(spec, k, &v, line, column, err));
}

/* Sets a typed value V: as text would be set, without a place. */
static tt_status
set_typed(tt_spec *spec, const char *section, const char *key,
	  const struct value *v, tt_error *err)
{
	const struct keydef *k = known_key(section, key, 0, 0, err);
	tt_status st;

	if (k == NULL)
		return input_error(spec, err, TT_EINVAL);
	st = set_value(spec, k, v, 0, 0, err);
	/* The checks point into the text of a date, a duration or a
	 * number; a typed one has none. */
	if (st != TT_OK && err != NULL && v->kind != V_TEXT)
		err->column = 0;
	return input_error(spec, err, st);
}

tt_status
tt_spec_set_event_date(tt_spec *spec, const char *name, const char *value,
		       tt_error *err)
{
	const struct keydef *k = find_key("event", "date");
	const struct ttp_event *ev = ttp_spec_event(spec, name);
	struct ttp_field field;
	struct value v;
	tt_status st;

	if (ev == NULL) {
		if ((st = tt_spec_begin_section(spec, "event", 0, 0,
						err)) != TT_OK ||
		    (st = tt_spec_set(spec, "event", "name", name, 0, 0,
				      err)) != TT_OK)
			return st;
		return tt_spec_set(spec, "event", "date", value, 0, 0, err);
	}
	memset(&field, 0, sizeof field);
	if ((st = parse_text(spec, k, value, &v, err)) != TT_OK ||
	    (st = check_value(k, &v, &field, err)) != TT_OK)
		return input_error(spec, err, value_error(k, st, 0, 0, err));
	field.set = true;
	field.at.input = spec->input;
	field.section = k->pub.section;
	field.key = k->pub.key;
	spec->events[ev - spec->events].date = field;
	return TT_OK;
}

tt_status
tt_spec_set_text(tt_spec *spec, const char *section, const char *key,
		 const char *value, tt_error *err)
{
	struct value v = { .kind = V_TEXT, .text = value };

	return set_typed(spec, section, key, &v, err);
}

tt_status
tt_spec_set_date(tt_spec *spec, const char *section, const char *key,
		 tt_date value, tt_error *err)
{
	struct value v = { .kind = V_DATE, .date = value };

	return set_typed(spec, section, key, &v, err);
}

tt_status
tt_spec_set_duration(tt_spec *spec, const char *section, const char *key,
		     tt_duration value, tt_error *err)
{
	struct value v = { .kind = V_DURATION, .dur = value };

	return set_typed(spec, section, key, &v, err);
}

tt_status
tt_spec_set_count(tt_spec *spec, const char *section, const char *key,
		  int value, tt_error *err)
{
	struct value v = { .kind = V_COUNT, .count = value };

	return set_typed(spec, section, key, &v, err);
}

/* --- values out ------------------------------------------------------ */

/* The field of SECTION.KEY if it is set and of one of the types TYPES
 * (a bit mask of 1 << tt_value_type), else NULL. */
static const struct ttp_field *
get_field(const tt_spec *spec, const char *section, const char *key,
	  unsigned types, const struct keydef **kp)
{
	const struct keydef *k = find_key(section, key);
	const struct ttp_field *f;

	if (k == NULL || !(types & 1u << k->pub.type))
		return NULL;
	f = field_of(spec, k);
	if (f == NULL || !f->set)
		return NULL;
	if (kp != NULL)
		*kp = k;
	return f;
}

bool
tt_spec_get_date(const tt_spec *spec, const char *section, const char *key,
		 tt_date *out)
{
	const struct keydef *k = NULL;
	const struct ttp_field *f = get_field(spec, section, key,
					      1u << TT_VALUE_DATE |
					      1u << TT_VALUE_DEPOSIT |
					      1u << TT_VALUE_EVENT_DATE |
					      1u << TT_VALUE_FLOOR, &k);

	if (f == NULL || f->indefinite ||
	    (k->pub.type == TT_VALUE_FLOOR && !f->is_date))
		return false;
	if (out != NULL)
		*out = f->v.date;
	return true;
}

bool
tt_spec_get_duration(const tt_spec *spec, const char *section,
		     const char *key, tt_duration *out)
{
	const struct ttp_field *f = get_field(spec, section, key,
					      1u << TT_VALUE_DURATION |
					      1u << TT_VALUE_PERIOD |
					      1u << TT_VALUE_TERM |
					      1u << TT_VALUE_FLOOR, NULL);

	if (f == NULL || f->indefinite || f->is_date)
		return false;
	if (out != NULL)
		*out = f->v.dur;
	return true;
}

bool
tt_spec_get_count(const tt_spec *spec, const char *section, const char *key,
		  int *out)
{
	const struct keydef *k = NULL;
	const struct ttp_field *f = get_field(spec, section, key,
					      1u << TT_VALUE_COUNT |
					      1u << TT_VALUE_TIMES |
					      1u << TT_VALUE_WEIGHT |
					      1u << TT_VALUE_INSTRUMENT, &k);

	if (f != NULL && out != NULL)
		*out = k->pub.type == TT_VALUE_INSTRUMENT ?
		       (int)f->v.instrument : f->v.count;
	return f != NULL;
}

bool
tt_spec_get_text(const tt_spec *spec, const char *section, const char *key,
		 const char **out)
{
	const struct keydef *k = NULL;
	const struct ttp_field *f = get_field(spec, section, key,
					      1u << TT_VALUE_TEXT |
					      1u << TT_VALUE_ID |
					      1u << TT_VALUE_CONVENTION |
					      1u << TT_VALUE_TERM |
					      1u << TT_VALUE_TIMES |
					      1u << TT_VALUE_BOOL |
					      1u << TT_VALUE_RULE |
					      1u << TT_VALUE_RULES |
					      1u << TT_VALUE_EVENT |
					      1u << TT_VALUE_EVENT_DATE |
					      1u << TT_VALUE_INSTRUMENT |
					      1u << TT_VALUE_NAMES, &k);
	const char *text;

	if (f == NULL)
		return false;
	switch (k->pub.type) {
	case TT_VALUE_CONVENTION:
		text = tt_convention_name(f->v.convention);
		break;
	case TT_VALUE_TERM:
		if (!f->indefinite)
			return false;
		text = "indefinite";
		break;
	case TT_VALUE_TIMES:
		if (f->v.count != TT_RENEWAL_UNLIMITED)
			return false;
		text = "unlimited";
		break;
	case TT_VALUE_BOOL:
		text = f->v.yes ? "yes" : "no";
		break;
	case TT_VALUE_RULE:
		text = tt_counting_name(f->v.rule);
		break;
	case TT_VALUE_INSTRUMENT:
		text = tt_instrument_name(f->v.instrument);
		break;
	case TT_VALUE_EVENT_DATE:
		if (!f->indefinite)
			return false;
		text = "unknown";
		break;
	default:
		text = ttp_spec_string(spec, f);
		break;
	}
	if (out != NULL)
		*out = text;
	return true;
}

/* --- values as text, instance by instance (for tt_diff_specs()) ----- */

size_t
ttp_spec_instance_count(const tt_spec *spec, size_t key)
{
	const struct listdef *l;

	if (key >= TTP_ARRAY_SIZE(keys))
		return 0;
	l = list_of(keys[key].where);
	return l == NULL ? 1 : list_count(spec, l);
}

/* A duration as the short form of spec files, which is how people write
 * them there: "50y", "1y6m", "2w", "0d". */
static void
duration_short(tt_duration d, char *buf, size_t size)
{
	size_t n = 0;
	int r;

	buf[0] = '\0';
	if (d.years) {
		r = snprintf(buf + n, size - n, "%dy", d.years);
		n += r > 0 && (size_t)r < size - n ? (size_t)r : 0;
	}
	if (d.months) {
		r = snprintf(buf + n, size - n, "%dm", d.months);
		n += r > 0 && (size_t)r < size - n ? (size_t)r : 0;
	}
	if (d.weeks) {
		r = snprintf(buf + n, size - n, "%dw", d.weeks);
		n += r > 0 && (size_t)r < size - n ? (size_t)r : 0;
	}
	if (d.days || n == 0)
		(void)snprintf(buf + n, size - n, "%dd", d.days);
}

const char *
ttp_spec_value_text(const tt_spec *spec, size_t key, size_t instance,
		    char *buf, size_t size)
{
	const struct keydef *k;
	const struct listdef *l;
	const struct ttp_field *f;
	const char *base = (const char *)spec;
	char d[TT_DATE_BUFSIZE];

	if (key >= TTP_ARRAY_SIZE(keys) || size < TTP_VALUE_BUFSIZE)
		return NULL;
	k = &keys[key];
	if ((l = list_of(k->where)) != NULL) {
		if (instance >= list_count(spec, l))
			return NULL;
		base = list_items(spec, l) + instance * l->elem;
	} else if (instance != 0) {
		return NULL;
	}
	f = (const struct ttp_field *)(base + k->off);
	if (!f->set)
		return NULL;
	switch (k->pub.type) {
	case TT_VALUE_DATE:
		return tt_date_format(f->v.date, buf);
	case TT_VALUE_DEPOSIT:
		snprintf(buf, size, "%s%s%s", tt_date_format(f->v.date, d),
			 f->suffix > 0 ? " " : "", f->suffix > 0 ?
			 instrument_suffixes[f->suffix - 1] : "");
		return buf;
	case TT_VALUE_EVENT_DATE:
		return f->indefinite ? "unknown" :
		       tt_date_format(f->v.date, buf);
	case TT_VALUE_DURATION:
	case TT_VALUE_PERIOD:
		duration_short(f->v.dur, buf, size);
		return buf;
	case TT_VALUE_TERM:
		if (f->indefinite)
			return "indefinite";
		duration_short(f->v.dur, buf, size);
		return buf;
	case TT_VALUE_FLOOR:
		if (f->is_date)
			return tt_date_format(f->v.date, buf);
		duration_short(f->v.dur, buf, size);
		return buf;
	case TT_VALUE_CONVENTION:
		return tt_convention_name(f->v.convention);
	case TT_VALUE_COUNT:
		snprintf(buf, size, "%d", f->v.count);
		return buf;
	case TT_VALUE_TIMES:
		if (f->v.count == TT_RENEWAL_UNLIMITED)
			return "unlimited";
		snprintf(buf, size, "%d", f->v.count);
		return buf;
	case TT_VALUE_BOOL:
		return f->v.yes ? "yes" : "no";
	case TT_VALUE_RULE:
		return tt_counting_name(f->v.rule);
	case TT_VALUE_INSTRUMENT:
		return tt_instrument_name(f->v.instrument);
	case TT_VALUE_WEIGHT: {
		size_t n = ttp_weight_format(f->v.count, buf, size - 1);

		if (n + 2 <= size)
			memcpy(buf + n, "%", 2);
		return buf;
	}
	case TT_VALUE_TEXT:
	case TT_VALUE_ID:
	case TT_VALUE_RULES:
	case TT_VALUE_EVENT:
	case TT_VALUE_NAMES:
		break;
	}
	return ttp_spec_string(spec, f);
}

/* --- checks ---------------------------------------------------------- */

/* Names F's section and key in ERR, and returns CODE. */
static tt_status
field_tag(tt_error *err, const struct ttp_field *f, tt_status code)
{
	if (err != NULL) {
		err->section = f->section;
		err->key = f->key;
		err->input = f->at.input;
	}
	return code;
}

/* Reports an error about field F, at the place its value came from. */
#define FIELD_ERROR(err, f, code, ...) \
	field_tag((err), (f), ttp_error_set((err), (code), (f)->at.line, \
					    (f)->at.column, __VA_ARGS__))

/* EIF + F's duration, or false when it leaves the calendar's range. */
static bool
offset_date(const tt_spec *spec, const struct ttp_field *f, tt_date *out)
{
	return tt_date_add(spec->eif.v.date, f->v.dur, out, NULL, NULL) ==
	       TT_OK;
}

static tt_status
check_offset(const tt_spec *spec, const struct ttp_field *f, tt_error *err)
{
	tt_date d;

	if (f->set && !offset_date(spec, f, &d))
		return FIELD_ERROR(err, f, TT_ERANGE,
				   "'%s' from entry into force reaches past "
				   "9999-12-31", f->key);
	return TT_OK;
}

static tt_status
check_series(const tt_spec *spec, const struct ttp_series *s,
	     const char *name, tt_error *err)
{
	const struct ttp_field *any = s->first.set ? &s->first :
				      s->every.set ? &s->every :
				      s->count.set ? &s->count :
				      s->label.set ? &s->label : NULL;

	if (any == NULL)
		return TT_OK;
	if (!s->first.set)
		return FIELD_ERROR(err, any, TT_EINVAL,
				   "[%s] needs 'first' (the offset of the "
				   "first %s from entry into force)", name,
				   name);
	if (!s->every.set && s->count.set && s->count.v.count > 1)
		return FIELD_ERROR(err, &s->count, TT_EINVAL,
				   "a count of %d needs 'every' (the period "
				   "between %ss)", s->count.v.count, name);
	return check_offset(spec, &s->first, err);
}

/* A FROM key names entry_into_force or an [event]. */
static tt_status
check_from(const tt_spec *spec, const struct ttp_clause *cl, tt_error *err)
{
	const char *name = ttp_spec_string(spec, &cl->from);

	if (!cl->from.set || strcmp(name, "entry_into_force") == 0 ||
	    ttp_spec_event(spec, name) != NULL)
		return TT_OK;
	return FIELD_ERROR(err, &cl->from, TT_EINVAL,
			   "no [event] named '%s' (give one, or use "
			   "entry_into_force)", name);
}

/* Every clause's FROM names an event. */
static tt_status
check_froms(const tt_spec *spec, tt_error *err)
{
	const struct ttp_clause *fixed[] = {
		&spec->treaty, &spec->series[0].cl, &spec->series[1].cl,
		&spec->withdrawal, &spec->renewal
	};
	tt_status st;

	for (size_t i = 0; i < TTP_ARRAY_SIZE(fixed); i++)
		if ((st = check_from(spec, fixed[i], err)) != TT_OK)
			return st;
	for (size_t i = 0; i < spec->nconferences; i++)
		if ((st = check_from(spec, &spec->conferences[i].cl,
				     err)) != TT_OK)
			return st;
	for (size_t i = 0; i < spec->ncustoms; i++)
		if ((st = check_from(spec, &spec->customs[i].cl,
				     err)) != TT_OK)
			return st;
	return TT_OK;
}

/* Each [event] has a name of its own and a date (or "unknown"). */
static tt_status
check_events(const tt_spec *spec, tt_error *err)
{
	for (size_t i = 0; i < spec->nevents; i++) {
		const struct ttp_event *ev = &spec->events[i];
		const char *name = ttp_spec_string(spec, &ev->name);
		struct ttp_field where = ev->name;

		where.at = ev->name.set ? ev->name.at : ev->section;
		where.section = "event";
		where.key = "name";
		if (!ev->name.set)
			return FIELD_ERROR(err, &where, TT_EINVAL,
					   "[event] needs a 'name'");
		if (strcmp(name, "entry_into_force") == 0 ||
		    ttp_spec_event(spec, name) != ev)
			return FIELD_ERROR(err, &where, TT_EINVAL,
					   "an event named '%s' is already "
					   "known", name);
		if (!ev->date.set)
			return FIELD_ERROR(err, &where, TT_EINVAL,
					   "[event] needs a 'date' (or "
					   "'unknown')");
	}
	return TT_OK;
}

/* Each [notice] has the day it was received, and a revocation or named
 * date after it. */
static tt_status
check_notices(const tt_spec *spec, bool clause, tt_error *err)
{
	for (size_t i = 0; i < spec->nnotices; i++) {
		const struct ttp_notice *n = &spec->notices[i];
		tt_date r = n->received.v.date;
		struct ttp_field where = n->party;

		where.at = n->section;
		where.section = "notice";
		where.key = "received";
		if (!n->received.set)
			return FIELD_ERROR(err, &where, TT_EINVAL,
					   "[notice] needs 'received' (the "
					   "day it was received)");
		if (!clause)
			return FIELD_ERROR(err, &n->received, TT_EINVAL,
					   "a notice needs a [withdrawal] or "
					   "[renewal] clause");
		if (tt_date_compare(r, spec->eif.v.date) < 0)
			return FIELD_ERROR(err, &n->received, TT_EINVAL,
					   "the notice is dated before entry "
					   "into force");
		if (n->revoked.set &&
		    tt_date_compare(n->revoked.v.date, r) < 0)
			return FIELD_ERROR(err, &n->revoked, TT_EINVAL,
					   "the notice is revoked before it "
					   "was received");
		if (n->effective.set &&
		    tt_date_compare(n->effective.v.date, r) < 0)
			return FIELD_ERROR(err, &n->effective, TT_EINVAL,
					   "the notice takes effect before it "
					   "was received");
	}
	return TT_OK;
}

/* The keys added with events and counting rules, which the checks of
 * tt_spec_validate() do not cover. */
static tt_status
check_clauses(const tt_spec *spec, bool withdrawal, bool renewal,
	      tt_error *err)
{
	tt_status st;

	if (spec->ends.set && spec->term.set)
		return FIELD_ERROR(err, &spec->ends, TT_EINVAL,
				   "[treaty] takes 'term' or 'ends', not "
				   "both");
	if (spec->ends.set &&
	    tt_date_compare(spec->ends.v.date, spec->eif.v.date) < 0)
		return FIELD_ERROR(err, &spec->ends, TT_EINVAL,
				   "the treaty ends before entry into force");
	if (spec->ends.set && renewal)
		return FIELD_ERROR(err, &spec->ends, TT_EINVAL,
				   "renewal needs a term, not a fixed end");
	if (spec->withdrawal_window.set != spec->withdrawal_every.set)
		return FIELD_ERROR(err, spec->withdrawal_window.set ?
				   &spec->withdrawal_window :
				   &spec->withdrawal_every, TT_EINVAL,
				   "[withdrawal] takes 'window' and 'every' "
				   "together");
	if (spec->withdrawal_window.set && !withdrawal)
		return FIELD_ERROR(err, &spec->withdrawal_window, TT_EINVAL,
				   "[withdrawal] needs 'notice' (the notice "
				   "period)");
	if ((st = check_events(spec, err)) != TT_OK ||
	    (st = check_froms(spec, err)) != TT_OK)
		return st;
	return check_notices(spec, withdrawal || renewal, err);
}

/* A [party] section's own checks. */
static tt_status
check_party(const tt_spec *spec, const struct ttp_party *p, tt_error *err)
{
	struct ttp_field where = p->name;

	where.at = p->section;
	where.section = "party";
	where.key = "name";
	if (!p->name.set)
		return FIELD_ERROR(err, &where, TT_EINVAL,
				   "[party] needs a 'name'");
	if (p->notice.set && !spec->withdrawal_notice.set)
		return FIELD_ERROR(err, &p->notice, TT_EINVAL,
				   "a party's notice needs a [withdrawal] "
				   "clause with a 'notice' period");
	if (p->notice.set && !p->deposit.set)
		return FIELD_ERROR(err, &p->notice, TT_EINVAL,
				   "a notice from a party that has not "
				   "deposited an instrument");
	if ((p->revoked.set || p->notice_effective.set) && !p->notice.set)
		return FIELD_ERROR(err, p->revoked.set ? &p->revoked :
				   &p->notice_effective, TT_EINVAL,
				   "'%s' needs the party's 'notice'",
				   p->revoked.set ? "revoked" :
				   "notice_effective");
	if (p->revoked.set &&
	    tt_date_compare(p->revoked.v.date, p->notice.v.date) < 0)
		return FIELD_ERROR(err, &p->revoked, TT_EINVAL,
				   "the notice is revoked before it was "
				   "received");
	if (p->notice_effective.set &&
	    tt_date_compare(p->notice_effective.v.date,
			    p->notice.v.date) < 0)
		return FIELD_ERROR(err, &p->notice_effective, TT_EINVAL,
				   "the notice takes effect before it was "
				   "received");
	if (p->notice.set &&
	    tt_date_compare(p->notice.v.date, p->deposit.v.date) < 0)
		return FIELD_ERROR(err, &p->notice, TT_EINVAL,
				   "the notice is dated before the party's "
				   "deposit");
	return TT_OK;
}

/* A party's name and place in the spec, sorted by name, then place. */
struct party_ref {
	const char *name;
	size_t i;
};

static int
compare_party_refs(const void *a, const void *b)
{
	const struct party_ref *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	return c != 0 ? c : x->i < y->i ? -1 : x->i > y->i;
}

/* The first party (in spec order) whose name an earlier one has, into
 * *TWICE, or SIZE_MAX: the names sorted, not compared pairwise, since a
 * spec may list thousands. */
static tt_status
first_repeated_party(const tt_spec *spec, size_t *twice, tt_error *err)
{
	size_t n = spec->nparties;
	struct party_ref *r;

	*twice = SIZE_MAX;
	if (n < 2)
		return TT_OK;
	if ((r = calloc(n, sizeof *r)) == NULL)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	for (size_t i = 0; i < n; i++) {
		r[i].name = ttp_spec_string(spec, &spec->parties[i].name);
		r[i].i = i;
	}
	qsort(r, n, sizeof *r, compare_party_refs);
	/* In a run of one name, the second is the first repeat. */
	for (size_t k = 1; k < n; k++)
		if (strcmp(r[k].name, r[k - 1].name) == 0 &&
		    (k < 2 || strcmp(r[k - 1].name, r[k - 2].name) != 0) &&
		    r[k].i < *twice)
			*twice = r[k].i;
	free(r);
	return TT_OK;
}

tt_status
ttp_spec_check_deposits(const tt_spec *spec, tt_error *err)
{
	const struct ttp_deposits *d = &spec->deposits;
	size_t twice;
	tt_status st;

	if (ttp_spec_has_deposits(spec) && spec->eif.set)
		return FIELD_ERROR(err, &spec->eif, TT_EINVAL,
				   "[treaty] entry_into_force and "
				   "[entry_into_force] exclude each other: "
				   "give the date, or the conditions");
	if (d->cl.from.set) {
		const struct ttp_field *f = d->instruments.set ?
			&d->instruments : d->weight.set ? &d->weight :
			d->required.set ? &d->required : NULL;

		if (f != NULL)
			return FIELD_ERROR(err, f, TT_EINVAL,
					   "[entry_into_force] counts from "
					   "'from' or from deposits, not "
					   "both");
		if (strcmp(ttp_spec_string(spec, &d->cl.from),
			   "entry_into_force") == 0)
			return FIELD_ERROR(err, &d->cl.from, TT_EINVAL,
					   "entry into force cannot count "
					   "from itself");
	}
	if (!ttp_spec_has_deposits(spec)) {
		const struct ttp_field *f = d->after.set ? &d->after :
			d->cl.rule.set ? &d->cl.rule :
			d->cl.not_before.set ? &d->cl.not_before :
			d->opened.set ? &d->opened : NULL;

		if (f != NULL)
			return FIELD_ERROR(err, f, TT_EINVAL,
					   "[entry_into_force] needs "
					   "'instruments', 'weight', "
					   "'required' or 'from'");
		/* Later parties are those after entry into force: with the
		 * date given there is no triggering instrument to count
		 * from. */
		if (d->later_from_instrument.set &&
		    d->later_from_instrument.v.yes)
			return FIELD_ERROR(err, &d->later_from_instrument,
					   TT_EINVAL, "later_from_instrument "
					   "needs the instrument that brings "
					   "the treaty into force: "
					   "'instruments', 'weight', "
					   "'required' or 'from'");
	}
	if (d->cl.not_before.set && !d->cl.not_before.is_date &&
	    !d->opened.set && !d->cl.from.set)
		return FIELD_ERROR(err, &d->cl.not_before, TT_EINVAL,
				   "a 'not_before' duration counts from "
				   "'opened' (the day the treaty opened for "
				   "signature): set it, or give a date");
	if ((st = first_repeated_party(spec, &twice, err)) != TT_OK)
		return st;
	for (size_t i = 0; i < spec->nparties; i++) {
		if ((st = check_party(spec, &spec->parties[i], err)) != TT_OK)
			return st;
		if (i == twice)
			return FIELD_ERROR(err, &spec->parties[i].name,
					   TT_EINVAL, "party '%s' is listed "
					   "twice", ttp_spec_string(spec,
					   &spec->parties[i].name));
	}
	return TT_OK;
}

tt_status
tt_spec_validate(const tt_spec *spec, tt_error *err)
{
	tt_status st;

	/* With deposits, the other clauses are checked against the entry
	 * into force they give, or a stand-in while they give none,
	 * reckoned as the schedule reckons it (deposits checked first). */
	if (ttp_spec_has_deposits(spec))
		return ttp_schedule_validate(spec, err);
	if ((st = ttp_spec_check_deposits(spec, err)) != TT_OK)
		return st;
	return ttp_spec_validate_at(spec, err);
}

tt_status
ttp_spec_validate_at(const tt_spec *spec, tt_error *err)
{
	const struct ttp_field *f;
	bool finite = spec->term.set && !spec->term.indefinite;
	bool withdrawal = spec->withdrawal_opens.set ||
			  spec->withdrawal_notice.set;
	bool renewal = spec->renewal_period.set || spec->renewal_notice.set ||
		       spec->renewal_times.set;
	tt_date eif = spec->eif.v.date, end = eif, d;
	tt_status st;

	if (!spec->eif.set)
		return ttp_error_set(err, TT_EINVAL, 0, 0,
				     "no entry into force: set [treaty] "
				     "entry_into_force");
	if (finite) {
		if (!offset_date(spec, &spec->term, &end))
			return FIELD_ERROR(err, &spec->term, TT_ERANGE,
					   "the term ends after 9999-12-31");
	}
	if ((st = check_clauses(spec, withdrawal, renewal, err)) != TT_OK)
		return st;
	if (spec->horizon.set &&
	    tt_date_compare(spec->horizon.v.date, eif) < 0)
		return FIELD_ERROR(err, &spec->horizon, TT_EINVAL,
				   "the horizon is before entry into force");
	for (int i = 0; i < 2; i++)
		if ((st = check_series(spec, &spec->series[i],
				       i ? "review" : "consultation",
				       err)) != TT_OK)
			return st;
	for (size_t i = 0; i < spec->nconferences; i++) {
		const struct ttp_conference *c = &spec->conferences[i];

		if (!c->at.set) {
			struct ttp_field where = c->label;

			where.at = c->label.set ? c->label.at : c->section;
			where.section = "conference";
			where.key = "at";
			return FIELD_ERROR(err, &where, TT_EINVAL,
					   "[conference] needs 'at' (its "
					   "offset from entry into force)");
		}
		if ((st = check_offset(spec, &c->at, err)) != TT_OK)
			return st;
	}
	for (size_t i = 0; i < spec->ncustoms; i++) {
		const struct ttp_custom *m = &spec->customs[i];
		struct ttp_field where = m->label;

		where.at = m->label.set ? m->label.at : m->section;
		where.section = "milestone";
		where.key = "label";
		if (!m->label.set)
			return FIELD_ERROR(err, &where, TT_EINVAL,
					   "[milestone] needs a 'label'");
		if (m->at.set && m->date.set)
			return FIELD_ERROR(err, &m->date, TT_EINVAL,
					   "[milestone] takes 'at' or "
					   "'date', not both");
		if (!m->at.set && !m->date.set)
			return FIELD_ERROR(err, &where, TT_EINVAL,
					   "[milestone] needs 'at' (an "
					   "offset) or 'date'");
		if ((st = check_offset(spec, &m->at, err)) != TT_OK)
			return st;
	}
	if (withdrawal) {
		if (!spec->withdrawal_notice.set)
			return FIELD_ERROR(err, &spec->withdrawal_opens,
					   TT_EINVAL,
					   "[withdrawal] needs 'notice' (the "
					   "notice period)");
		if ((st = check_offset(spec, &spec->withdrawal_opens,
				       err)) != TT_OK)
			return st;
		if (!offset_date(spec, &spec->withdrawal_notice, &d))
			return FIELD_ERROR(err, &spec->withdrawal_notice,
					   TT_ERANGE, "the notice period "
					   "ends after 9999-12-31");
		if (finite && tt_date_compare(d, end) > 0)
			return FIELD_ERROR(err, &spec->withdrawal_notice,
					   TT_EINVAL,
					   "the notice period is longer than "
					   "the term");
		if (finite && spec->withdrawal_opens.set &&
		    offset_date(spec, &spec->withdrawal_opens, &d) &&
		    tt_date_compare(d, end) > 0)
			return FIELD_ERROR(err, &spec->withdrawal_opens,
					   TT_EINVAL,
					   "withdrawal opens after the term "
					   "ends");
	}
	if (renewal) {
		f = spec->renewal_period.set ? &spec->renewal_notice :
		    &spec->renewal_period;
		if (!spec->renewal_period.set)
			return FIELD_ERROR(err, spec->renewal_notice.set ?
					   &spec->renewal_notice :
					   &spec->renewal_times, TT_EINVAL,
					   "[renewal] needs 'period' (the "
					   "length of each renewed period)");
		if (!finite)
			return FIELD_ERROR(err, &spec->renewal_period,
					   TT_EINVAL,
					   "renewal needs a fixed term, not "
					   "an indefinite one");
		if (f->set) {
			/* The deadline of the first period must fall
			 * after entry into force, and of later periods
			 * after their start. */
			tt_duration back = tt_duration_negate(f->v.dur);

			if (tt_date_add(end, back, &d, NULL, NULL) != TT_OK ||
			    tt_date_compare(d, eif) <= 0)
				return FIELD_ERROR(err, f, TT_EINVAL,
						   "the renewal notice is not "
						   "shorter than the term");
			if (tt_date_add(eif, spec->renewal_period.v.dur, &d,
					NULL, NULL) == TT_OK &&
			    tt_date_add(d, back, &d, NULL, NULL) == TT_OK &&
			    tt_date_compare(d, eif) <= 0)
				return FIELD_ERROR(err, f, TT_EINVAL,
						   "the renewal notice is not "
						   "shorter than the renewal "
						   "period");
		}
	}
	if (spec->notice_given.set) {
		tt_date n = spec->notice_given.v.date;

		if (!withdrawal && !renewal)
			return FIELD_ERROR(err, &spec->notice_given,
					   TT_EINVAL,
					   "a notice date needs a [withdrawal] "
					   "or [renewal] clause");
		if (tt_date_compare(n, eif) < 0)
			return FIELD_ERROR(err, &spec->notice_given,
					   TT_EINVAL,
					   "the notice is dated before entry "
					   "into force");
		if (withdrawal && spec->withdrawal_opens.set &&
		    !spec->withdrawal.from.set &&
		    offset_date(spec, &spec->withdrawal_opens, &d) &&
		    tt_date_compare(n, d) < 0) {
			char b[TT_DATE_BUFSIZE];

			return FIELD_ERROR(err, &spec->notice_given,
					   TT_EINVAL,
					   "the notice is dated before "
					   "withdrawal opens on %s",
					   tt_date_format(d, b));
		}
		if (finite && !renewal && tt_date_compare(n, end) > 0)
			return FIELD_ERROR(err, &spec->notice_given,
					   TT_EINVAL,
					   "the notice is dated after the "
					   "treaty expires");
	}
	return TT_OK;
}

bool
ttp_url_ok(const char *s, bool webcal)
{
	static const char *const schemes[] = { "http:", "https:", "webcal:" };
	size_t n = webcal ? 3 : 2, k = 0;

	for (size_t i = 0; i < n && k == 0; i++)
		if (strncasecmp(s, schemes[i], strlen(schemes[i])) == 0)
			k = strlen(schemes[i]);
	if (k == 0 || s[k] == '\0')
		return false;
	for (s += k; *s != '\0'; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7f ||
		    strchr("\"<>\\^`{|}", *s) != NULL)
			return false;
	return true;
}
