/*
 * jcal.c -- the calendar as jCal (RFC 7265), converted from the
 * iCalendar the library wrote.
 *
 * The library has one calendar writer, for iCalendar; jCal is the same
 * calendar in JSON, so it is made from those bytes rather than from the
 * schedules a second time: written to memory, read back with libical and
 * written out as ["vcalendar", [properties], [components]].  The only
 * file of the program that includes libical; the JSON strings are
 * escaped by json.c.
 *
 * Value types follow libical's reading of each property (TEXT values
 * unescaped, dates as "YYYY-MM-DD", RRULE as an object).  libical splits
 * a CATEGORIES list into one property per value: they are joined again
 * into one property with several values.  X- properties, which libical
 * reads as untyped, are text, except X-PUBLISHED-TTL, a duration.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "out/format.h"

static void put(struct ttp_buf *b, const char *s);
static void put_string(struct ttp_buf *b, const char *s);
static void put_lower(struct ttp_buf *b, const char *s);
static const char *value_type(icalproperty *p, icalvalue *v);
static void put_value(struct ttp_buf *b, icalproperty *p, icalvalue *v);
static void put_recur(struct ttp_buf *b, struct icalrecurrencetype r);
static void put_params(struct ttp_buf *b, icalproperty *p);
static void put_component(struct ttp_buf *b, icalcomponent *c);

static void
put(struct ttp_buf *b, const char *s)
{
	json_buf_raw(b, s, strlen(s));
}

static void
put_string(struct ttp_buf *b, const char *s)
{
	json_buf_string(b, s != NULL ? s : "", s != NULL ? strlen(s) : 0);
}

/* S in lower case, as a JSON string: jCal's names.  Lowered after
 * escaping, which writes no capital letter of its own. */
static void
put_lower(struct ttp_buf *b, const char *s)
{
	size_t from = b->len;

	json_buf_string(b, s, strlen(s));
	for (size_t i = from; !b->failed && i < b->len; i++)
		if (b->p[i] >= 'A' && b->p[i] <= 'Z')
			b->p[i] = (char)(b->p[i] - 'A' + 'a');
}

/* The jCal type of the value V of P. */
static const char *
value_type(icalproperty *p, icalvalue *v)
{
	switch (icalvalue_isa(v)) {
	case ICAL_DATE_VALUE:
		return "date";
	case ICAL_DATETIME_VALUE:
		return "date-time";
	case ICAL_INTEGER_VALUE:
		return "integer";
	case ICAL_DURATION_VALUE:
		return "duration";
	case ICAL_TRIGGER_VALUE:
		return icaltime_is_null_time(icalvalue_get_trigger(v).time) ?
		       "duration" : "date-time";
	case ICAL_URI_VALUE:
		return "uri";
	case ICAL_RECUR_VALUE:
		return "recur";
	case ICAL_X_VALUE:
		return strcmp(icalproperty_get_property_name(p),
			      "X-PUBLISHED-TTL") == 0 ? "duration" : "text";
	default:
		return "text";
	}
}

/* RFC 7265 section 3.6.10: the rule's parts as members, lower case. */
static void
put_recur(struct ttp_buf *b, struct icalrecurrencetype r)
{
	char num[32];

	put(b, "{\"freq\":");
	put_string(b, icalrecur_freq_to_string(r.freq));
	if (r.count > 0) {
		snprintf(num, sizeof num, ",\"count\":%d", r.count);
		put(b, num);
	}
	if (r.interval > 1) {
		snprintf(num, sizeof num, ",\"interval\":%d", r.interval);
		put(b, num);
	}
	if (!icaltime_is_null_time(r.until)) {
		put(b, ",\"until\":");
		snprintf(num, sizeof num, "%04d-%02d-%02d", r.until.year,
			 r.until.month, r.until.day);
		put_string(b, num);
	}
	put(b, "}");
}

static void
put_value(struct ttp_buf *b, icalproperty *p, icalvalue *v)
{
	struct icaltimetype t;
	char buf[40];

	switch (icalvalue_isa(v)) {
	case ICAL_TEXT_VALUE:
		put_string(b, icalvalue_get_text(v));
		return;
	case ICAL_X_VALUE:
		put_string(b, icalvalue_get_x(v));
		return;
	case ICAL_DATE_VALUE:
		t = icalvalue_get_date(v);
		snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month,
			 t.day);
		put_string(b, buf);
		return;
	case ICAL_DATETIME_VALUE:
		t = icalvalue_get_datetime(v);
		snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%s",
			 t.year, t.month, t.day, t.hour, t.minute, t.second,
			 icaltime_is_utc(t) ? "Z" : "");
		put_string(b, buf);
		return;
	case ICAL_INTEGER_VALUE:
		snprintf(buf, sizeof buf, "%d", icalvalue_get_integer(v));
		put(b, buf);
		return;
	case ICAL_RECUR_VALUE:
		put_recur(b, icalvalue_get_recur(v));
		return;
	default:
		put_string(b, icalproperty_get_value_as_string(p));
		return;
	}
}

/* The parameters of P as an object, without VALUE (the type says it). */
static void
put_params(struct ttp_buf *b, icalproperty *p)
{
	icalparameter *par;
	bool first = true;

	put(b, "{");
	for (par = icalproperty_get_first_parameter(p, ICAL_ANY_PARAMETER);
	     par != NULL;
	     par = icalproperty_get_next_parameter(p, ICAL_ANY_PARAMETER)) {
		char *text, *eq;

		if (icalparameter_isa(par) == ICAL_VALUE_PARAMETER)
			continue;
		text = icalparameter_as_ical_string_r(par);
		if (text == NULL || (eq = strchr(text, '=')) == NULL) {
			free(text);
			continue;
		}
		*eq = '\0';
		if (!first)
			put(b, ",");
		first = false;
		put_lower(b, text);
		put(b, ":");
		/* A quoted value loses its quotes. */
		if (eq[1] == '"' && strlen(eq + 1) >= 2) {
			eq[strlen(eq) - 1] = '\0';
			eq++;
		}
		put_string(b, eq + 1);
		free(text);
	}
	put(b, "}");
}

static void
put_component(struct ttp_buf *b, icalcomponent *c)
{
	icalproperty *p, *next;
	icalcomponent *sub;
	bool first = true;

	put(b, "[");
	put_lower(b, icalcomponent_kind_to_string(icalcomponent_isa(c)));
	put(b, ",[");
	for (p = icalcomponent_get_first_property(c, ICAL_ANY_PROPERTY);
	     p != NULL; p = next) {
		icalvalue *v = icalproperty_get_value(p);
		icalproperty_kind kind = icalproperty_isa(p);

		next = icalcomponent_get_next_property(c, ICAL_ANY_PROPERTY);
		put(b, first ? "\n [" : ",\n [");
		first = false;
		put_lower(b, icalproperty_get_property_name(p));
		put(b, ",");
		put_params(b, p);
		put(b, ",\"");
		put(b, value_type(p, v));
		put(b, "\",");
		put_value(b, p, v);
		/* The rest of a CATEGORIES list libical split. */
		while (kind == ICAL_CATEGORIES_PROPERTY && next != NULL &&
		       icalproperty_isa(next) == ICAL_CATEGORIES_PROPERTY) {
			put(b, ",");
			put_value(b, next, icalproperty_get_value(next));
			next = icalcomponent_get_next_property(c,
				ICAL_ANY_PROPERTY);
		}
		put(b, "]");
	}
	put(b, "],[");
	first = true;
	for (sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	     sub != NULL;
	     sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)) {
		put(b, first ? "\n" : ",\n");
		first = false;
		put_component(b, sub);
	}
	put(b, "]]");
}

FILE *
jcal_begin(struct jcal *j, FILE *out, enum format format)
{
	memset(j, 0, sizeof *j);
	j->out = out;
	if (format != FORMAT_JCAL)
		return out;
	j->mem = open_memstream(&j->text, &j->len);
	return j->mem;
}

bool
jcal_end(struct jcal *j, bool ok, const char **why)
{
	struct ttp_buf b = TTP_BUF_INIT;
	icalcomponent *root;
	bool written;

	*why = NULL;
	if (j->mem == NULL)
		return ok;
	if (fclose(j->mem) != 0) {
		j->mem = NULL;
		free(j->text);
		*why = "out of memory";
		return false;
	}
	j->mem = NULL;
	if (!ok) {
		free(j->text);
		return false;
	}
	root = icalparser_parse_string(j->text);
	free(j->text);
	j->text = NULL;
	if (root == NULL ||
	    icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT ||
	    icalcomponent_count_errors(root) > 0) {
		if (root != NULL)
			icalcomponent_free(root);
		*why = "libical cannot read the calendar back for jCal";
		return false;
	}
	put_component(&b, root);
	put(&b, "\n");
	icalcomponent_free(root);
	if (b.failed) {
		ttp_buf_release(&b);
		*why = "out of memory";
		return false;
	}
	errno = 0;
	written = fwrite(b.p, 1, b.len, j->out) == b.len;
	ttp_buf_release(&b);
	return written;
}
