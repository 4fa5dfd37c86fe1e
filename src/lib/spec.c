/*
 * spec.c -- a treaty's clauses as sections and keys: values in and out.
 *
 * The table of every section and key, with the type of its value and
 * where it is stored, is in spec-schema.c.  Values come in as text
 * (tt_spec_set(), for spec files, command-line flags and batch CSV cells
 * alike) or typed (tt_spec_set_date() and the others); text is first
 * parsed into a typed value, and both then go through set_value(), the
 * one place a value is checked against its key and stored.  Strings live
 * in one buffer owned by the spec and are referred to by offset, so a spec
 * that is reset and refilled for every row of a batch allocates nothing
 * once the buffer has grown.  How the clauses fit together is checked
 * in spec-check.c.
 *
 * Level: above spec-schema.c; calls it and the bottom (errors, dates,
 * UTF-8, growing arrays), nothing else.  spec-file.c, which reads spec
 * files, sits at this level too and calls only the public tt_spec_set()
 * and tt_spec_begin_section() of this file.
 */
#include <config.h>

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "spec-impl.h"
#include "spec-schema.h"

/* The largest count of a series or of renewals. */
#define MAX_COUNT 100000
/* The most [conference] or [milestone] sections a spec may have. */
#define MAX_SECTIONS 10000

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
		for (int i = 1; tt_instrument_name((tt_instrument)i) != NULL;
		     i++) {
			const char *suffix =
				ttp_instrument_suffix((tt_instrument)i);

			if (strlen(suffix) == n &&
			    memcmp(suffix, s + len - n, n) == 0)
				*instrument = i;
		}
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
	size_t nlists;
	const struct listdef *lists = ttp_lists(&nlists);

	if (spec == NULL)
		return;
	free(spec->strings);
	for (size_t i = 0; i < nlists; i++)
		free(ttp_list_items(spec, &lists[i]));
	free(spec);
}

void
tt_spec_reset(tt_spec *spec)
{
	tt_spec keep = *spec;
	size_t nlists;
	const struct listdef *lists = ttp_lists(&nlists);

	memset(spec, 0, sizeof *spec);
	/* The input goes back to 0 with the values. */
	spec->has_today = keep.has_today;
	spec->today = keep.today;
	spec->strings = keep.strings;
	spec->strings_cap = keep.strings_cap;
	for (size_t i = 0; i < nlists; i++) {
		ttp_list_set_items(spec, &lists[i],
				   ttp_list_items(&keep, &lists[i]));
		*ttp_list_cap(spec, &lists[i]) = *ttp_list_cap(&keep,
							       &lists[i]);
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
	size_t nlists;
	const struct listdef *lists = ttp_lists(&nlists);

	if (c == NULL)
		return NULL;
	*c = *spec;
	c->strings = dup_bytes(spec->strings, spec->strings_len, &failed);
	c->strings_cap = spec->strings_len;
	for (size_t i = 0; i < nlists; i++) {
		const struct listdef *l = &lists[i];
		size_t n = ttp_list_count(c, l);

		ttp_list_set_items(c, l, dup_bytes(ttp_list_items(c, l),
						   n * l->elem, &failed));
		*ttp_list_cap(c, l) = n;
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

/* The offset of the newest instance of K's section from BASE, or false
 * (a repeatable section without an instance). */
static bool
newest(const tt_spec *spec, const struct keydef *k, const char **base)
{
	const struct listdef *l = ttp_list_of(k->where);
	size_t n;

	*base = (const char *)spec;
	if (l == NULL)
		return true;
	if ((n = ttp_list_count(spec, l)) == 0)
		return false;
	*base = ttp_list_items(spec, l) + (n - 1) * l->elem;
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
	const struct listdef *l = ttp_list_of(k->where);
	char *base = (char *)spec;
	size_t n;

	if (l != NULL) {
		if ((n = ttp_list_count(spec, l)) == 0)
			return NULL;
		base = ttp_list_items(spec, l) + (n - 1) * l->elem;
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
	const struct keydef *k = ttp_key_find(section, key);
	const struct ttp_field *f = k != NULL ? field_of(spec, k) : NULL;

	return f != NULL && f->set;
}

tt_status
tt_spec_begin_section(tt_spec *spec, const char *section, unsigned line,
		      unsigned column, tt_error *err)
{
	const struct keydef *k = ttp_key_section(section);
	struct ttp_origin at = { line, column, spec->input };
	const struct listdef *l;
	size_t *n;
	char *p;

	if (k == NULL)
		return input_error(spec, err,
				   ttp_error_set(err, TT_EINVAL, line, column,
						 "unknown section [%s]",
						 section));
	if ((l = ttp_list_of(k->where)) == NULL)
		return TT_OK;
	n = ttp_list_n(spec, l);
	if (*n >= MAX_SECTIONS)
		return input_error(spec, err,
				   ttp_error_set(err, TT_ELIMIT, line, column,
						 "more than %d [%s] sections",
						 MAX_SECTIONS,
						 k->pub.section));
	p = ttp_grow(ttp_list_items(spec, l), ttp_list_cap(spec, l), *n + 1,
		     l->elem);
	if (p == NULL)
		return ttp_error_set(err, TT_ENOMEM, line, column,
				     "out of memory");
	ttp_list_set_items(spec, l, p);
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
		int r = ttp_counting_find(p, n);

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
		if ((r = ttp_counting_find(s, strlen(s))) < 0)
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
		for (int i = 0; tt_instrument_name((tt_instrument)i) != NULL;
		     i++)
			if (strcmp(v->text,
				   tt_instrument_name((tt_instrument)i)) == 0) {
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
	const struct keydef *k = ttp_key_find(section, key);

	if (k != NULL)
		return k;
	if (ttp_key_section(section) == NULL) {
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
	const struct keydef *k = ttp_key_find("event", "date");
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
	const struct keydef *k = ttp_key_find(section, key);
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

bool
ttp_spec_has_deposits(const tt_spec *spec)
{
	const struct ttp_deposits *d = &spec->deposits;

	return d->instruments.set || d->weight.set || d->required.set ||
	       d->cl.from.set;
}

/* --- values as text, instance by instance (for tt_diff_specs()) ----- */

size_t
ttp_spec_instance_count(const tt_spec *spec, size_t key)
{
	const struct keydef *k;
	const struct listdef *l;

	if ((k = ttp_key_at(key)) == NULL)
		return 0;
	l = ttp_list_of(k->where);
	return l == NULL ? 1 : ttp_list_count(spec, l);
}

size_t
ttp_weight_format(int w, char *buf, size_t size)
{
	int n;

	/* 44.2, not 44.200: the decimals the value has. */
	if (w % TT_WEIGHT_SCALE == 0)
		n = snprintf(buf, size, "%d", w / TT_WEIGHT_SCALE);
	else if (w % 100 == 0)
		n = snprintf(buf, size, "%d.%d", w / TT_WEIGHT_SCALE,
			     w % TT_WEIGHT_SCALE / 100);
	else if (w % 10 == 0)
		n = snprintf(buf, size, "%d.%02d", w / TT_WEIGHT_SCALE,
			     w % TT_WEIGHT_SCALE / 10);
	else
		n = snprintf(buf, size, "%d.%03d", w / TT_WEIGHT_SCALE,
			     w % TT_WEIGHT_SCALE);
	return n > 0 ? (size_t)n : 0;
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

	if ((k = ttp_key_at(key)) == NULL || size < TTP_VALUE_BUFSIZE)
		return NULL;
	if ((l = ttp_list_of(k->where)) != NULL) {
		if (instance >= ttp_list_count(spec, l))
			return NULL;
		base = ttp_list_items(spec, l) + instance * l->elem;
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
			 ttp_instrument_suffix((tt_instrument)(f->suffix - 1)) :
			 "");
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
