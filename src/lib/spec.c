/*
 * spec.c -- a treaty's clauses as sections and keys, and their checks.
 *
 * One table lists every section and key with the type of its value and
 * where it is stored; tt_spec_set() is the only way values get in, for
 * spec files, command-line flags and batch CSV cells alike.  Strings live
 * in one buffer owned by the spec and are referred to by offset, so a spec
 * that is reset and refilled for every row of a batch allocates nothing
 * once the buffer has grown.
 */
#include <config.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "spec-impl.h"

enum where {
	IN_SPEC,	/* offset into struct tt_spec */
	IN_CONFERENCE,	/* offset into the newest struct ttp_conference */
	IN_MILESTONE	/* offset into the newest struct ttp_custom */
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

#define TEXT TT_VALUE_TEXT, "TEXT"
#define DATE TT_VALUE_DATE, "DATE"
#define DUR TT_VALUE_DURATION, "DURATION"
#define PERIOD TT_VALUE_PERIOD, "DURATION"
#define COUNT TT_VALUE_COUNT, "N"

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
	{ { "review", "first", DUR, "the first review, from entry into force",
	    false }, S(series[1].first) },
	{ { "review", "every", PERIOD, "the period between reviews", false },
	  S(series[1].every) },
	{ { "review", "count", COUNT, "how many reviews", false },
	  S(series[1].count) },
	{ { "review", "label", TEXT, "their label", false },
	  S(series[1].label) },
	{ { "conference", "at", DUR, "a conference, from entry into force",
	    true }, C(at) },
	{ { "conference", "label", TEXT, "its label", true }, C(label) },
	{ { "withdrawal", "opens", DUR,
	    "the first day notice may be given, from entry into force",
	    false }, S(withdrawal_opens) },
	{ { "withdrawal", "notice", DUR,
	    "the notice period: withdrawal takes effect this long after "
	    "notice", false }, S(withdrawal_notice) },
	{ { "renewal", "period", PERIOD, "the length of each renewed period",
	    false }, S(renewal_period) },
	{ { "renewal", "notice", DUR,
	    "denunciation is due this long before a period ends", false },
	  S(renewal_notice) },
	{ { "renewal", "times", TT_VALUE_TIMES, "N|unlimited",
	    "how many times it renews", false }, S(renewal_times) },
	{ { "milestone", "label", TEXT, "a date of your own: its label",
	    true }, M(label) },
	{ { "milestone", "at", DUR, "its offset from entry into force",
	    true }, M(at) },
	{ { "milestone", "date", DATE, "or its date", true }, M(date) },
};

#undef TEXT
#undef DATE
#undef DUR
#undef PERIOD
#undef COUNT

/* The largest count of a series or of renewals. */
#define MAX_COUNT 100000
/* The most [conference] or [milestone] sections a spec may have. */
#define MAX_SECTIONS 10000

const char *
tt_convention_name(tt_convention c)
{
	return c == TT_CONVENTION_INCLUSIVE ? "inclusive" : "anniversary";
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
	free(spec->conferences);
	free(spec->customs);
	free(spec);
}

void
tt_spec_reset(tt_spec *spec)
{
	char *strings = spec->strings;
	size_t strings_cap = spec->strings_cap;
	struct ttp_conference *conferences = spec->conferences;
	size_t conferences_cap = spec->conferences_cap;
	struct ttp_custom *customs = spec->customs;
	size_t customs_cap = spec->customs_cap;

	memset(spec, 0, sizeof *spec);
	spec->strings = strings;
	spec->strings_cap = strings_cap;
	spec->conferences = conferences;
	spec->conferences_cap = conferences_cap;
	spec->customs = customs;
	spec->customs_cap = customs_cap;
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
	c->conferences = dup_bytes(spec->conferences, spec->nconferences *
				   sizeof *spec->conferences, &failed);
	c->conferences_cap = spec->nconferences;
	c->customs = dup_bytes(spec->customs, spec->ncustoms *
			       sizeof *spec->customs, &failed);
	c->customs_cap = spec->ncustoms;
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

/* The schema's own spelling of SECTION (a static string), or NULL. */
static const char *
find_section(const char *section)
{
	for (size_t i = 0; i < TTP_ARRAY_SIZE(keys); i++)
		if (strcmp(keys[i].pub.section, section) == 0)
			return keys[i].pub.section;
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
	for (size_t i = 0; i < TTP_ARRAY_SIZE(keys); i++)
		if (strcmp(keys[i].pub.section, section) == 0)
			return keys[i].pub.repeatable;
	return false;
}

bool
tt_spec_key_is_known(const char *section, const char *key)
{
	if (find_section(section) == NULL)
		return false;
	return key == NULL || find_key(section, key) != NULL;
}

/* The field SECTION.KEY is stored in, or NULL (unknown key, or a
 * repeatable section without an instance). */
static const struct ttp_field *
field_of(const tt_spec *spec, const struct keydef *k)
{
	const char *base = (const char *)spec;

	if (k->where == IN_CONFERENCE) {
		if (spec->nconferences == 0)
			return NULL;
		base = (const char *)&spec->conferences[spec->nconferences -
							1];
	} else if (k->where == IN_MILESTONE) {
		if (spec->ncustoms == 0)
			return NULL;
		base = (const char *)&spec->customs[spec->ncustoms - 1];
	}
	return (const struct ttp_field *)(base + k->off);
}

bool
tt_spec_has(const tt_spec *spec, const char *section, const char *key)
{
	const struct keydef *k = find_key(section, key);
	const struct ttp_field *f = k != NULL ? field_of(spec, k) : NULL;

	return f != NULL && f->set;
}

/* Makes room for one more element in *ARRAY of *CAP elements of SIZE. */
static bool
grow(void **array, size_t *cap, size_t n, size_t size)
{
	size_t ncap;
	void *p;

	if (n < *cap)
		return true;
	ncap = *cap ? *cap * 2 : 4;
	p = realloc(*array, ncap * size);
	if (p == NULL)
		return false;
	*array = p;
	*cap = ncap;
	return true;
}

tt_status
tt_spec_begin_section(tt_spec *spec, const char *section, unsigned line,
		      unsigned column, tt_error *err)
{
	struct ttp_origin at = { line, column };

	if (find_section(section) == NULL)
		return ttp_error_set(err, TT_EINVAL, line, column,
				     "unknown section [%s]", section);
	if ((strcmp(section, "conference") == 0 &&
	     spec->nconferences >= MAX_SECTIONS) ||
	    (strcmp(section, "milestone") == 0 &&
	     spec->ncustoms >= MAX_SECTIONS))
		return ttp_error_set(err, TT_ELIMIT, line, column,
				     "more than %d [%s] sections",
				     MAX_SECTIONS, section);
	if (strcmp(section, "conference") == 0) {
		if (!grow((void **)&spec->conferences, &spec->conferences_cap,
			  spec->nconferences, sizeof *spec->conferences))
			return ttp_error_set(err, TT_ENOMEM, line, column,
					     "out of memory");
		memset(&spec->conferences[spec->nconferences], 0,
		       sizeof *spec->conferences);
		spec->conferences[spec->nconferences++].section = at;
	} else if (strcmp(section, "milestone") == 0) {
		if (!grow((void **)&spec->customs, &spec->customs_cap,
			  spec->ncustoms, sizeof *spec->customs))
			return ttp_error_set(err, TT_ENOMEM, line, column,
					     "out of memory");
		memset(&spec->customs[spec->ncustoms], 0,
		       sizeof *spec->customs);
		spec->customs[spec->ncustoms++].section = at;
	}
	return TT_OK;
}

/* Stores the NUL-terminated text S in the spec's string buffer. */
static tt_status
store_string(tt_spec *spec, const char *s, size_t *off, tt_error *err)
{
	size_t n = strlen(s) + 1;

	if (spec->strings_len + n > spec->strings_cap) {
		size_t ncap = spec->strings_cap ? spec->strings_cap : 256;
		char *p;

		while (ncap < spec->strings_len + n)
			ncap *= 2;
		p = realloc(spec->strings, ncap);
		if (p == NULL)
			return ttp_error_set(err, TT_ENOMEM, 0, 0,
					     "out of memory");
		spec->strings = p;
		spec->strings_cap = ncap;
	}
	memcpy(spec->strings + spec->strings_len, s, n);
	*off = spec->strings_len;
	spec->strings_len += n;
	return TT_OK;
}

/* Length of the valid UTF-8 sequence at S, or 0 if it is not one. */
static size_t
utf8_len(const unsigned char *s)
{
	size_t n;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return n;
}

static tt_status
check_text(const char *s, tt_value_type type, tt_error *err)
{
	const unsigned char *p = (const unsigned char *)s;

	if (*p == '\0')
		return ttp_error_set(err, TT_ESYNTAX, 0, 1, "empty value");
	while (*p != '\0') {
		size_t n;

		if (type == TT_VALUE_ID && !id_char(*p))
			return ttp_error_set(err, TT_ESYNTAX, 0,
					     (unsigned)(p -
					     (const unsigned char *)s) + 1,
					     "an id may contain only letters, "
					     "digits, '.', '_' and '-'");
		/* Names and labels may hold line breaks (from CSV cells or
		 * flags), never other control characters. */
		if ((*p < 0x20 && !(type == TT_VALUE_TEXT && (*p == '\n' ||
							*p == '\t'))) ||
		    *p == 0x7f)
			return ttp_error_set(err, TT_ESYNTAX, 0,
					     (unsigned)(p -
					     (const unsigned char *)s) + 1,
					     "control character in text");
		n = utf8_len(p);
		if (n == 0)
			return ttp_error_set(err, TT_ESYNTAX, 0,
					     (unsigned)(p -
					     (const unsigned char *)s) + 1,
					     "invalid UTF-8");
		p += n;
	}
	return TT_OK;
}

/* Parses a whole number from 1 to MAX_COUNT. */
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
	if (v < 1)
		return ttp_error_set(err, TT_ERANGE, 0, 1,
				     "must be at least 1");
	if (v > MAX_COUNT)
		return ttp_error_set(err, TT_ERANGE, 0, 1,
				     "must be at most %d", MAX_COUNT);
	*out = (int)v;
	return TT_OK;
}

/* Parses VALUE as TYPE into *F. */
static tt_status
parse_value(tt_spec *spec, tt_value_type type, const char *value,
	    struct ttp_field *f, tt_error *err)
{
	tt_duration d;
	tt_status st;

	switch (type) {
	case TT_VALUE_TEXT:
	case TT_VALUE_ID:
		if ((st = check_text(value, type, err)) != TT_OK)
			return st;
		return store_string(spec, value, &f->v.str, err);
	case TT_VALUE_DATE:
		return tt_date_parse(value, &f->v.date, err);
	case TT_VALUE_TERM:
	case TT_VALUE_DURATION:
	case TT_VALUE_PERIOD:
		if (type == TT_VALUE_TERM && strcmp(value, "indefinite") == 0) {
			f->indefinite = true;
			return TT_OK;
		}
		if ((st = tt_duration_parse(value, &d, err)) != TT_OK)
			return st;
		if (d.sign < 0 && !tt_duration_is_zero(d))
			return ttp_error_set(err, TT_ERANGE, 0, 1,
					     "must not be negative");
		if (type != TT_VALUE_DURATION && tt_duration_is_zero(d))
			return ttp_error_set(err, TT_ERANGE, 0, 1,
					     "must be longer than zero");
		d.sign = 1;
		f->indefinite = false;
		f->v.dur = d;
		return TT_OK;
	case TT_VALUE_CONVENTION:
		if (strcmp(value, "anniversary") == 0)
			f->v.convention = TT_CONVENTION_ANNIVERSARY;
		else if (strcmp(value, "inclusive") == 0)
			f->v.convention = TT_CONVENTION_INCLUSIVE;
		else
			return ttp_error_set(err, TT_ESYNTAX, 0, 1,
					     "expected 'anniversary' or "
					     "'inclusive'");
		return TT_OK;
	case TT_VALUE_TIMES:
		if (strcmp(value, "unlimited") == 0) {
			f->v.count = TT_RENEWAL_UNLIMITED;
			return TT_OK;
		}
		st = parse_count(value, &f->v.count, err);
		if (st == TT_ESYNTAX)
			return ttp_error_set(err, TT_ESYNTAX, 0, 1,
					     "expected a whole number or "
					     "'unlimited'");
		return st;
	case TT_VALUE_COUNT:
		return parse_count(value, &f->v.count, err);
	}
	return ttp_error_set(err, TT_EINVAL, 0, 0, "unknown value type");
}

tt_status
tt_spec_set(tt_spec *spec, const char *section, const char *key,
	    const char *value, unsigned line, unsigned column, tt_error *err)
{
	const struct keydef *k;
	struct ttp_field field, *f;
	char *base;
	tt_status st;

	if (find_section(section) == NULL)
		return ttp_error_set(err, TT_EINVAL, line, column,
				     "unknown section [%s]", section);
	k = find_key(section, key);
	if (k == NULL)
		return ttp_error_set(err, TT_EINVAL, line, column,
				     "unknown key '%s' in section [%s]", key,
				     section);
	memset(&field, 0, sizeof field);
	st = parse_value(spec, k->pub.type, value, &field, err);
	if (st != TT_OK) {
		ttp_error_locate(err, line, column);
		if (err != NULL) {
			err->section = k->pub.section;
			err->key = k->pub.key;
		}
		return st;
	}
	if (k->where == IN_CONFERENCE) {
		if (spec->nconferences == 0 &&
		    (st = tt_spec_begin_section(spec, section, line, column,
						err)) != TT_OK)
			return st;
		base = (char *)&spec->conferences[spec->nconferences - 1];
	} else if (k->where == IN_MILESTONE) {
		if (spec->ncustoms == 0 &&
		    (st = tt_spec_begin_section(spec, section, line, column,
						err)) != TT_OK)
			return st;
		base = (char *)&spec->customs[spec->ncustoms - 1];
	} else {
		base = (char *)spec;
	}
	f = (struct ttp_field *)(base + k->off);
	field.set = true;
	field.at.line = line;
	field.at.column = column;
	field.section = k->pub.section;
	field.key = k->pub.key;
	*f = field;
	return TT_OK;
}

/* --- checks ---------------------------------------------------------- */

/* Reports an error about field F, at the place its value came from. */
static tt_status TTP_PRINTF(4, 5)
field_error(tt_error *err, const struct ttp_field *f, tt_status code,
	    const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return code;
	ttp_error_set(err, code, f->at.line, f->at.column, "%s", "");
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	err->section = f->section;
	err->key = f->key;
	return code;
}

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
		return field_error(err, f, TT_ERANGE,
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
		return field_error(err, any, TT_EINVAL,
				   "[%s] needs 'first' (the offset of the "
				   "first %s from entry into force)", name,
				   name);
	if (!s->every.set && s->count.set && s->count.v.count > 1)
		return field_error(err, &s->count, TT_EINVAL,
				   "a count of %d needs 'every' (the period "
				   "between %ss)", s->count.v.count, name);
	return check_offset(spec, &s->first, err);
}

tt_status
tt_spec_validate(const tt_spec *spec, tt_error *err)
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
			return field_error(err, &spec->term, TT_ERANGE,
					   "the term ends after 9999-12-31");
	}
	if (spec->horizon.set &&
	    tt_date_compare(spec->horizon.v.date, eif) < 0)
		return field_error(err, &spec->horizon, TT_EINVAL,
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
			return field_error(err, &where, TT_EINVAL,
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
			return field_error(err, &where, TT_EINVAL,
					   "[milestone] needs a 'label'");
		if (m->at.set && m->date.set)
			return field_error(err, &m->date, TT_EINVAL,
					   "[milestone] takes 'at' or "
					   "'date', not both");
		if (!m->at.set && !m->date.set)
			return field_error(err, &where, TT_EINVAL,
					   "[milestone] needs 'at' (an "
					   "offset) or 'date'");
		if ((st = check_offset(spec, &m->at, err)) != TT_OK)
			return st;
	}
	if (withdrawal) {
		if (!spec->withdrawal_notice.set)
			return field_error(err, &spec->withdrawal_opens,
					   TT_EINVAL,
					   "[withdrawal] needs 'notice' (the "
					   "notice period)");
		if ((st = check_offset(spec, &spec->withdrawal_opens,
				       err)) != TT_OK)
			return st;
		if (!offset_date(spec, &spec->withdrawal_notice, &d))
			return field_error(err, &spec->withdrawal_notice,
					   TT_ERANGE, "the notice period "
					   "ends after 9999-12-31");
		if (finite && tt_date_compare(d, end) > 0)
			return field_error(err, &spec->withdrawal_notice,
					   TT_EINVAL,
					   "the notice period is longer than "
					   "the term");
		if (finite && spec->withdrawal_opens.set &&
		    offset_date(spec, &spec->withdrawal_opens, &d) &&
		    tt_date_compare(d, end) > 0)
			return field_error(err, &spec->withdrawal_opens,
					   TT_EINVAL,
					   "withdrawal opens after the term "
					   "ends");
	}
	if (renewal) {
		f = spec->renewal_period.set ? &spec->renewal_notice :
		    &spec->renewal_period;
		if (!spec->renewal_period.set)
			return field_error(err, spec->renewal_notice.set ?
					   &spec->renewal_notice :
					   &spec->renewal_times, TT_EINVAL,
					   "[renewal] needs 'period' (the "
					   "length of each renewed period)");
		if (!finite)
			return field_error(err, &spec->renewal_period,
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
				return field_error(err, f, TT_EINVAL,
						   "the renewal notice is not "
						   "shorter than the term");
			if (tt_date_add(eif, spec->renewal_period.v.dur, &d,
					NULL, NULL) == TT_OK &&
			    tt_date_add(d, back, &d, NULL, NULL) == TT_OK &&
			    tt_date_compare(d, eif) <= 0)
				return field_error(err, f, TT_EINVAL,
						   "the renewal notice is not "
						   "shorter than the renewal "
						   "period");
		}
	}
	if (spec->notice_given.set) {
		tt_date n = spec->notice_given.v.date;

		if (!withdrawal && !renewal)
			return field_error(err, &spec->notice_given,
					   TT_EINVAL,
					   "a notice date needs a [withdrawal] "
					   "or [renewal] clause");
		if (tt_date_compare(n, eif) < 0)
			return field_error(err, &spec->notice_given,
					   TT_EINVAL,
					   "the notice is dated before entry "
					   "into force");
		if (withdrawal && spec->withdrawal_opens.set &&
		    offset_date(spec, &spec->withdrawal_opens, &d) &&
		    tt_date_compare(n, d) < 0) {
			char b[TT_DATE_BUFSIZE];

			return field_error(err, &spec->notice_given,
					   TT_EINVAL,
					   "the notice is dated before "
					   "withdrawal opens on %s",
					   tt_date_format(d, b));
		}
		if (finite && !renewal && tt_date_compare(n, end) > 0)
			return field_error(err, &spec->notice_given,
					   TT_EINVAL,
					   "the notice is dated after the "
					   "treaty expires");
	}
	return TT_OK;
}
