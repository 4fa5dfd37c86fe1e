/*
 * holidays-ics.c -- holidays read from an iCalendar file, with libical.
 *
 * The only file of the library that includes libical.  A calendar is
 * parsed once and every VEVENT expanded over every year libical can
 * cover: DTSTART up to DTEND (or DURATION), RRULEs, RDATEs, less EXDATEs
 * and the instances that an event with a RECURRENCE-ID replaces.
 *
 * libical's recurrence iterator stops after TTP_ICAL_RECUR_YEAR_MAX
 * without a word (ical-limits.h).  A rule that would go on past it marks
 * the holiday set complete only up to the end of that year, so that a
 * roll that needs a later day fails (holidays.c) instead of missing a
 * holiday.
 *
 * libical's parser and iterator fill process-wide caches of their own
 * (the built-in time zones, a per-thread error number, ICU calendars):
 * valgrind shows them as still reachable, never as lost.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libical/ical.h>

#include "ical-errors.h"
#include "internal.h"
#include "ical-limits.h"
#include "ics-text.h"

/* Recurrence expansion gives up after this many instances of all rules
 * together (a daily rule over the years libical expands is under a
 * million), and after this many days added in all (long events that
 * recur). */
#define MAX_INSTANCES 4000000u
#define MAX_DAYS 64000000u

/* Dates an expansion leaves out: EXDATEs, and instances that an event
 * with a RECURRENCE-ID replaces. */
struct dates {
	tt_date *v;
	size_t n;
	size_t cap;
};

/* An instance of the event UID that another VEVENT overrides. */
struct override {
	const char *uid;	/* belongs to the parsed calendar */
	tt_date date;
};

struct overrides {
	struct override *v;
	size_t n;
	size_t cap;
};

/* What one load needs while it walks the calendar. */
struct load {
	tt_holidays *h;
	unsigned long instances;
	unsigned long days;
	bool cut;		/* a rule went on past libical's last year */
	struct overrides ov;
	struct dates skip;
	const char *text;
	size_t len;
};

static bool dates_add(struct dates *d, tt_date x);
static bool dates_contain(const struct dates *d, tt_date x);
static bool date_of(struct icaltimetype t, tt_date *out);
static unsigned find_line(const char *text, size_t len, const char *prop,
			  const char *needle);
static unsigned find_exact_line(const char *text, size_t len,
				const char *what);
static tt_status report_parse_error(const struct load *ld,
				    icalcomponent *root, tt_error *err);
static tt_status add_span(struct load *ld, tt_date d, int32_t days,
			  tt_error *err);
static int32_t event_days(icalcomponent *ev, struct icaltimetype start,
			  tt_date d);
static tt_status expand_rule(struct load *ld, icalproperty *p,
			     struct icaltimetype start, int32_t days,
			     tt_error *err);
static tt_status load_event(struct load *ld, icalcomponent *ev,
			    tt_error *err);
static tt_status each_event(struct load *ld, icalcomponent *root,
			    tt_status (*fn)(struct load *, icalcomponent *,
					    tt_error *),
			    tt_error *err);
static tt_status note_override(struct load *ld, icalcomponent *ev,
			       tt_error *err);

static bool
dates_add(struct dates *d, tt_date x)
{
	tt_date *v = ttp_grow(d->v, &d->cap, d->n + 1, sizeof *v);

	if (v == NULL)
		return false;
	d->v = v;
	d->v[d->n++] = x;
	return true;
}

static bool
dates_contain(const struct dates *d, tt_date x)
{
	for (size_t i = 0; i < d->n; i++)
		if (tt_date_compare(d->v[i], x) == 0)
			return true;
	return false;
}

/* The calendar date of T as written (a date-time counts by its date, in
 * whatever zone it is written), or false if it is not a valid date. */
static bool
date_of(struct icaltimetype t, tt_date *out)
{
	tt_date d = { t.year, t.month, t.day };

	if (icaltime_is_null_time(t) || !tt_date_is_valid(d))
		return false;
	*out = d;
	return true;
}

/* Finds the 1-based line of TEXT where the logical (unfolded) line that
 * starts with PROP (if not NULL) and contains NEEDLE begins; 0 if none. */
static unsigned
find_line(const char *text, size_t len, const char *prop,
	  const char *needle)
{
	struct ttp_buf line = TTP_BUF_INIT;
	size_t pos = 0, plen = prop ? strlen(prop) : 0;
	unsigned lineno = 0, start = 0, found = 0;

	while (!found && pos <= len) {
		const char *nl = pos < len ? memchr(text + pos, '\n',
						    len - pos) : NULL;
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t n = end - pos;
		bool cont = n > 0 && (text[pos] == ' ' || text[pos] == '\t');

		lineno++;
		if (n > 0 && text[end - 1] == '\r')
			n--;
		if (!cont) {
			/* The previous logical line is complete. */
			if (line.p != NULL &&
			    (prop == NULL ||
			     (strncasecmp(line.p, prop, plen) == 0 &&
			      (line.p[plen] == ':' || line.p[plen] == ';'))) &&
			    strstr(line.p, needle) != NULL)
				found = start;
			ttp_buf_setlen(&line, 0);
			start = lineno;
			ttp_buf_addn(&line, text + pos, n);
		} else {
			ttp_buf_addn(&line, text + pos + 1, n - 1);
		}
		if (line.failed)
			break;
		if (nl == NULL) {
			if (!found && line.p != NULL &&
			    (prop == NULL ||
			     (strncasecmp(line.p, prop, plen) == 0 &&
			      (line.p[plen] == ':' || line.p[plen] == ';'))) &&
			    strstr(line.p, needle) != NULL)
				found = start;
			break;
		}
		pos = end + 1;
	}
	free(line.p);
	return found;
}

/* The 1-based line of the first line of TEXT that is exactly WHAT
 * (ignoring case and a CR), or 0. */
static unsigned
find_exact_line(const char *text, size_t len, const char *what)
{
	size_t pos = 0, wl = strlen(what);
	unsigned lineno = 0;

	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len, n = end - pos;

		lineno++;
		if (n > 0 && text[end - 1] == '\r')
			n--;
		if (n == wl && strncasecmp(text + pos, what, wl) == 0)
			return lineno;
		pos = end + 1;
	}
	return 0;
}

/* Reports libical's first parse error with the line it was found on.
 * libical gives no line numbers, but its messages end with the text it
 * rejected ("...: FOO BAR"), and value errors name the property ("in
 * DTSTART property"), which is enough to find the line. */
static tt_status
report_parse_error(const struct load *ld, icalcomponent *root,
		   tt_error *err)
{
	icalproperty *p = ttp_ical_first_error(root);
	const char *msg = p ? icalproperty_get_xlicerror(p) : NULL;
	const char *tail, *in, *cut;
	char prop[64] = "";	/* a property's name, if one this short */
	unsigned line = 0;

	if (msg == NULL || *msg == '\0')
		msg = "unreadable calendar data";
	tail = strrchr(msg, ':');
	in = strstr(msg, " in ");
	if (in != NULL && (cut = strstr(in + 4, " property")) != NULL &&
	    (size_t)(cut - in - 4) < sizeof prop)
		snprintf(prop, sizeof prop, "%.*s", (int)(cut - in - 4),
			 in + 4);
	if (tail != NULL) {
		tail++;
		while (*tail == ' ')
			tail++;
		if (*tail != '\0')
			line = find_line(ld->text, ld->len,
					 *prop ? prop : NULL, tail);
	}
	return ttp_ical_error(err, line, msg);
}

/* Adds the DAYS days from D on (up to 9999-12-31), unless D is
 * skipped. */
static tt_status
add_span(struct load *ld, tt_date d, int32_t days, tt_error *err)
{
	int32_t first = tt_date_to_daynum(d);

	if (dates_contain(&ld->skip, d))
		return TT_OK;
	if (days > TT_DAYNUM_MAX - first + 1)
		days = TT_DAYNUM_MAX - first + 1;
	ld->days += (unsigned long)days;
	if (ld->days > MAX_DAYS)
		return ttp_error_set(err, TT_ELIMIT, 0, 0,
				     "the events cover more than %u days in "
				     "all", MAX_DAYS);
	for (int32_t k = first; k < first + days; k++) {
		tt_status st = tt_holidays_add(ld->h, tt_date_from_daynum(k),
					       err);

		if (st != TT_OK)
			return st;
	}
	return TT_OK;
}

/* The number of days an all-day event covers: DTEND - DTSTART, or its
 * DURATION in whole days, or 1. */
static int32_t
event_days(icalcomponent *ev, struct icaltimetype start, tt_date d)
{
	icalproperty *p;
	tt_date e;

	if (!start.is_date)
		return 1;
	p = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
	if (p != NULL && date_of(icalproperty_get_dtend(p), &e) &&
	    tt_date_compare(e, d) > 0)
		return tt_date_diff_days(d, e);
	p = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY);
	if (p != NULL) {
		struct icaldurationtype du = icalproperty_get_duration(p);
		unsigned long n = (unsigned long)du.weeks * 7 + du.days;

		if (!du.is_neg && n > 0 && n <= TT_DAYNUM_MAX)
			return (int32_t)n;
	}
	return 1;
}

/* Adds the instances of the RRULE P of an event that starts at START
 * and covers DAYS days, and notes whether libical's last year cut the
 * rule short: it ends a rule there as it ends one that is over, so a
 * rule counts as whole only when its COUNT was reached or its UNTIL is
 * within the years libical expands. */
static tt_status
expand_rule(struct load *ld, icalproperty *p, struct icaltimetype start,
	    int32_t days, tt_error *err)
{
	struct icalrecurrencetype rule = icalproperty_get_rrule(p);
	icalrecur_iterator *it;
	struct icaltimetype t;
	unsigned long produced = 0;
	tt_status st = TT_OK;
	tt_date d;

	if (start.year > TTP_ICAL_RECUR_YEAR_MAX) {
		/* icalrecur_iterator_new() refuses it; DTSTART itself is
		 * in already. */
		ld->cut = true;
		return TT_OK;
	}
	it = icalrecur_iterator_new(rule, start);
	if (it == NULL) {
		char *s = icalrecurrencetype_as_string_r(&rule);

		st = ttp_error_set(err, TT_ESYNTAX,
				   s ? find_line(ld->text, ld->len, "RRULE", s)
				     : 0,
				   0, "unsupported recurrence rule");
		if (s != NULL)
			icalmemory_free_buffer(s);
		return st;
	}
	while (st == TT_OK) {
		t = icalrecur_iterator_next(it);
		if (icaltime_is_null_time(t) || !date_of(t, &d))
			break;
		produced++;
		if (++ld->instances > MAX_INSTANCES) {
			st = ttp_error_set(err, TT_ELIMIT, 0, 0,
					   "recurrence rules expand to more "
					   "than %u instances", MAX_INSTANCES);
			break;
		}
		st = add_span(ld, d, days, err);
	}
	icalrecur_iterator_free(it);
	if (st == TT_OK &&
	    !(rule.count > 0 && produced >= (unsigned long)rule.count) &&
	    !(!icaltime_is_null_time(rule.until) &&
	      rule.until.year <= TTP_ICAL_RECUR_YEAR_MAX))
		ld->cut = true;
	return st;
}

/* Expands one VEVENT: DTSTART, its RRULEs and RDATEs, less its EXDATEs
 * and the instances other VEVENTs override. */
static tt_status
load_event(struct load *ld, icalcomponent *ev, tt_error *err)
{
	icalproperty *p;
	struct icaltimetype start;
	const char *uid;
	int32_t days;
	tt_date d0, d;
	tt_status st;

	ld->skip.n = 0;
	p = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY);
	if (p != NULL && icalproperty_get_status(p) == ICAL_STATUS_CANCELLED)
		return TT_OK;
	p = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	if (p == NULL)
		return TT_OK;
	start = icalproperty_get_dtstart(p);
	if (!date_of(start, &d0))
		return TT_OK;
	if (start.is_date) {
		/* A parsed DATE may carry -1 in its time fields. */
		start.hour = start.minute = start.second = 0;
	}
	days = event_days(ev, start, d0);

	/* An override is the one instance it describes. */
	if (icalcomponent_get_first_property(ev,
			ICAL_RECURRENCEID_PROPERTY) != NULL)
		return add_span(ld, d0, days, err);

	for (p = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY);
	     p != NULL;
	     p = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY))
		if (date_of(icalproperty_get_exdate(p), &d) &&
		    !dates_add(&ld->skip, d))
			return ttp_error_set(err, TT_ENOMEM, 0, 0,
					     "out of memory");
	uid = icalcomponent_get_uid(ev);
	for (size_t i = 0; uid != NULL && i < ld->ov.n; i++)
		if (strcmp(ld->ov.v[i].uid, uid) == 0 &&
		    !dates_add(&ld->skip, ld->ov.v[i].date))
			return ttp_error_set(err, TT_ENOMEM, 0, 0,
					     "out of memory");

	st = add_span(ld, d0, days, err);
	for (p = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
	     st == TT_OK && p != NULL;
	     p = icalcomponent_get_next_property(ev, ICAL_RRULE_PROPERTY))
		st = expand_rule(ld, p, start, days, err);
	for (p = icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY);
	     st == TT_OK && p != NULL;
	     p = icalcomponent_get_next_property(ev, ICAL_RDATE_PROPERTY)) {
		struct icaldatetimeperiodtype r = icalproperty_get_rdate(p);

		if (date_of(r.time, &d) || date_of(r.period.start, &d))
			st = add_span(ld, d, days, err);
	}
	return st;
}

/* Calls FN for every VEVENT of every VCALENDAR under ROOT. */
static tt_status
each_event(struct load *ld, icalcomponent *root,
	   tt_status (*fn)(struct load *, icalcomponent *, tt_error *),
	   tt_error *err)
{
	icalcomponent *cal, *ev;
	tt_status st = TT_OK;

	cal = icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT ? root :
	      icalcomponent_get_first_component(root,
						ICAL_VCALENDAR_COMPONENT);
	for (; st == TT_OK && cal != NULL;
	     cal = cal == root ? NULL :
	     icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT))
		for (ev = icalcomponent_get_first_component(cal,
					ICAL_VEVENT_COMPONENT);
		     st == TT_OK && ev != NULL;
		     ev = icalcomponent_get_next_component(cal,
					ICAL_VEVENT_COMPONENT))
			st = fn(ld, ev, err);
	return st;
}

/* Records the instance a VEVENT with a RECURRENCE-ID replaces. */
static tt_status
note_override(struct load *ld, icalcomponent *ev, tt_error *err)
{
	icalproperty *p = icalcomponent_get_first_property(ev,
		ICAL_RECURRENCEID_PROPERTY);
	const char *uid = icalcomponent_get_uid(ev);
	struct override *v;
	tt_date d;

	if (p == NULL || uid == NULL ||
	    !date_of(icalproperty_get_recurrenceid(p), &d))
		return TT_OK;
	v = ttp_grow(ld->ov.v, &ld->ov.cap, ld->ov.n + 1, sizeof *v);
	if (v == NULL)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	ld->ov.v = v;
	ld->ov.v[ld->ov.n].uid = uid;
	ld->ov.v[ld->ov.n].date = d;
	ld->ov.n++;
	return TT_OK;
}

tt_status
tt_holidays_load_ics(tt_holidays *h, const char *text, size_t len,
		     tt_error *err)
{
	struct load ld;
	icalcomponent *root;
	icalcomponent_kind kind;
	const char *nul;
	char *copy;
	tt_status st;

	memset(&ld, 0, sizeof ld);
	ld.h = h;
	ld.text = text;
	ld.len = len;
	/* Some exporters start with a UTF-8 byte order mark. */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
		ld.text = text;
		ld.len = len;
	}
	if ((nul = memchr(text, '\0', len)) != NULL) {
		unsigned line = 1;

		for (const char *q = text; q < nul; q++)
			line += *q == '\n';
		return ttp_error_set(err, TT_ESYNTAX, line, 0,
				     "not an iCalendar file: a NUL byte");
	}
	copy = malloc(len + 1);
	if (copy == NULL)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	memcpy(copy, text, len);
	copy[len] = '\0';
	root = icalparser_parse_string(copy);
	free(copy);
	kind = root ? icalcomponent_isa(root) : ICAL_NO_COMPONENT;
	if (kind == ICAL_XROOT_COMPONENT &&
	    icalcomponent_get_first_component(root,
					      ICAL_VCALENDAR_COMPONENT) ==
	    NULL)
		kind = ICAL_NO_COMPONENT;
	if (kind != ICAL_VCALENDAR_COMPONENT && kind != ICAL_XROOT_COMPONENT) {
		unsigned line = find_exact_line(text, len, "BEGIN:VCALENDAR");

		if (root != NULL)
			icalcomponent_free(root);
		if (line != 0 && kind == ICAL_NO_COMPONENT)
			return ttp_error_set(err, TT_ESYNTAX, line, 0,
					     "BEGIN:VCALENDAR without "
					     "END:VCALENDAR");
		return ttp_error_set(err, TT_ESYNTAX, 0, 0,
				     "not an iCalendar file");
	}
	if (icalcomponent_count_errors(root) > 0) {
		st = report_parse_error(&ld, root, err);
	} else {
		st = each_event(&ld, root, note_override, err);
		if (st == TT_OK)
			st = each_event(&ld, root, load_event, err);
		if (st == TT_OK && ld.cut)
			ttp_holidays_limit(h, (tt_date){
						TTP_ICAL_RECUR_YEAR_MAX, 12, 31 },
					   "the holiday calendar covers "
					   "recurring holidays",
					   "libical expands no further");
	}
	free(ld.ov.v);
	free(ld.skip.v);
	icalcomponent_free(root);
	return st;
}
