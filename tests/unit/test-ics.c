/*
 * test-ics.c -- iCalendar output and holidays read from iCalendar.
 *
 * The output is checked line by line (CRLF only, at most 75 octets, folds
 * never inside a UTF-8 sequence or an escape, no blank continuation), then
 * read back twice: by a small RFC 5545 reader here, which unfolds and
 * unescapes so that summaries can be compared byte for byte, and by
 * libical: directly (ical-probe.c), which must find no error, and
 * through tt_holidays_load_ics(), which must give exactly the days of the
 * milestones, RRULEs expanded.  test_corpus does this for some 170
 * schedules with every kind of option; the golden files
 * (tests/ics/golden.test) pin the bytes.
 *
 * libical expands recurrences only up to the end of 2582
 * (ical-limits.h): the tests at that boundary check libical itself, the
 * holiday reader (which must say how far it is complete) and the writer
 * (which must not write an RRULE that a libical reader would cut short).
 *
 * test_export writes calendars, each with a .tsv of what a client must
 * read back (start, end, summary per event, from the schedule rather than
 * from the file), checks them and removes them; with TT_ICS_OUT set to a
 * directory it leaves them there for tests/ics/clients.test.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "ical-limits.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#define E_ACUTE "\xc3\xa9"
#define ZHONG "\xe4\xb8\xad"
#define GRIN "\xf0\x9f\x98\x80"

/* One VEVENT as the reader below sees it. */
struct vevent {
	char uid[64];
	char dtstart[16];	/* the value; "" unless ";VALUE=DATE" */
	char dtend[16];
	char dtstamp[24];
	char rrule[96];
	char trigger[32];
	char *summary;		/* unescaped */
	char *description;	/* unescaped */
	char *categories;	/* as written */
	int alarms;
	int alarm_line;		/* line of BEGIN:VALARM inside the event */
	int last_prop_line;	/* line of its last property */
};

struct events {
	struct vevent *v;	/* grows */
	size_t n;
	size_t cap;
	char *calname;		/* X-WR-CALNAME, unescaped */
	char *name;		/* NAME, unescaped */
	bool bad;		/* something the reader did not understand */
};

/* --- building schedules ------------------------------------------- */

static tt_schedule *
schedule_of(const char *const *kv, const tt_schedule_options *opt)
{
	tt_spec *spec = tt_spec_new();
	tt_schedule *s = tt_schedule_new();
	tt_error e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(spec);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	for (; kv[0] != NULL; kv += 3) {
		/* "+section" starts another [milestone] or [conference]. */
		const char *section = kv[0][0] == '+' ? kv[0] + 1 : kv[0];
		tt_status st = section == kv[0] ? TT_OK :
			tt_spec_begin_section(spec, section, 0, 0, &e);

		if (st == TT_OK)
			st = tt_spec_set(spec, section, kv[1], kv[2], 0, 0,
					 &e);

		if (st != TT_OK)
			fprintf(stderr, "\n  %s.%s = '%s': %s\n", section,
				kv[1], kv[2], e.message);
		CU_ASSERT_EQUAL_FATAL(st, TT_OK);
	}
	if (tt_schedule_compute(s, spec, opt, &e) != TT_OK) {
		fprintf(stderr, "\n  compute: %s\n", e.message);
		CU_FAIL_FATAL("tt_schedule_compute");
	}
	tt_spec_free(spec);
	return s;
}

/* A one-year treaty called NAME (id ID, none if NULL) from EIF. */
static tt_schedule *
short_treaty(const char *id, const char *name, const char *eif)
{
	const char *kv[] = {
		"treaty", "entry_into_force", eif,
		"treaty", "term", "1y",
		"treaty", "name", name,
		"treaty", "id", id,
		NULL
	};

	if (id == NULL)
		kv[9] = NULL;
	return schedule_of(kv, NULL);
}

/* The Litvinov counter-proposal: 50 years, consultations every 5 years
 * after year 25. */
static tt_schedule *
litvinov(const char *eif)
{
	const char *kv[] = {
		"treaty", "id", "litvinov-1946",
		"treaty", "name", "Litvinov proposal (1946)",
		"treaty", "entry_into_force", eif,
		"treaty", "term", "50y",
		"consultation", "first", "25y",
		"consultation", "every", "5y",
		"consultation", "count", "5",
		NULL
	};

	return schedule_of(kv, NULL);
}

static tt_ics_options
options(void)
{
	tt_ics_options o;

	tt_ics_options_init(&o);
	o.dtstamp = 1700000000;	/* 2023-11-14T22:13:20Z */
	return o;
}

static char *
render(const tt_schedule *const *s, size_t n, const tt_ics_options *o,
       size_t *len)
{
	char *out = NULL;
	size_t l = 0;
	tt_error e;
	tt_status st = tt_ics_render(s, n, o, &out, &l, &e);

	if (st != TT_OK)
		fprintf(stderr, "\n  render: %s\n", e.message);
	CU_ASSERT_EQUAL_FATAL(st, TT_OK);
	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	CU_ASSERT_EQUAL(strlen(out), l);
	if (len != NULL)
		*len = l;
	return out;
}

static char *
render1(const tt_schedule *s, const tt_ics_options *o)
{
	return render(&s, 1, o, NULL);
}

/* --- checking the bytes ------------------------------------------- */

/* True if S (N bytes) is complete, valid UTF-8. */
static bool
utf8_ok(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t len = s[i] < 0x80 ? 1 : s[i] >= 0xf0 ? 4 :
			     s[i] >= 0xe0 ? 3 : s[i] >= 0xc2 ? 2 : 0;

		if (len == 0 || i + len > n)
			return false;
		for (size_t k = 1; k < len; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
		i += len;
	}
	return true;
}

/* Checks every physical line of TEXT; returns the number of problems and
 * reports the first few. */
static int
check_lines(const char *text, const char *what)
{
	const char *p = text;
	int bad = 0, lineno = 0;

	while (*p != '\0') {
		const char *crlf = strstr(p, "\r\n");
		const char *lf = strchr(p, '\n'), *cr = strchr(p, '\r');
		size_t n, body;
		const char *why = NULL;
		size_t trailing = 0;

		lineno++;
		if (crlf == NULL) {
			why = "no CRLF at the end";
			n = strlen(p);
		} else {
			n = (size_t)(crlf - p);
			if ((lf != NULL && lf < crlf + 1) ||
			    (cr != NULL && cr < crlf))
				why = "a bare CR or LF";
		}
		body = n;
		if (why == NULL && n > 75)
			why = "longer than 75 octets";
		if (why == NULL && n == 0)
			why = "an empty line";
		if (why == NULL && (p[0] == ' ' || p[0] == '\t')) {
			if (n < 2 || p[1] == ' ' || p[1] == '\t')
				why = "a continuation that starts blank";
			else if ((p[1] & 0xc0) == 0x80)
				why = "a continuation inside a UTF-8 sequence";
		}
		if (why == NULL) {
			size_t off = (p[0] == ' ') ? 1 : 0;

			if (!utf8_ok((const unsigned char *)p + off,
				     body - off))
				why = "a UTF-8 sequence split or invalid";
		}
		/* A line followed by a continuation must not end inside an
		 * escape: an odd run of backslashes at its end. */
		while (trailing < n && p[n - 1 - trailing] == '\\')
			trailing++;
		if (why == NULL && crlf != NULL && crlf[2] == ' ' &&
		    trailing % 2 == 1)
			why = "a fold inside a backslash escape";
		if (why != NULL) {
			if (bad < 3)
				fprintf(stderr, "\n  %s: line %d: %s: '%.*s'\n",
					what, lineno, why, (int)n, p);
			bad++;
		}
		p = crlf != NULL ? crlf + 2 : p + n;
	}
	return bad;
}

/* Unescapes an RFC 5545 TEXT value; sets *BAD on an unknown escape. */
static char *
unescape(const char *s, size_t n, bool *bad)
{
	char *out = malloc(n + 1), *o = out;

	CU_ASSERT_PTR_NOT_NULL_FATAL(out);
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\\') {
			*o++ = s[i];
			continue;
		}
		if (++i == n) {
			*bad = true;
			break;
		}
		switch (s[i]) {
		case '\\':
		case ';':
		case ',':
			*o++ = s[i];
			break;
		case 'n':
		case 'N':
			*o++ = '\n';
			break;
		default:
			*bad = true;
		}
	}
	*o = '\0';
	return out;
}

static void
copy_value(char *dst, size_t size, const char *v, size_t n)
{
	snprintf(dst, size, "%.*s", (int)n, v);
}

/* A small RFC 5545 reader: unfolds, splits name, parameters and value,
 * and keeps what the tests look at. */
static void
read_events(const char *text, struct events *out)
{
	char *u = malloc(strlen(text) + 1), *w = u, *line;
	const char *r = text;
	struct vevent *ev = NULL;
	bool in_alarm = false;
	int lineno = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(u);
	memset(out, 0, sizeof *out);
	while (*r != '\0') {
		if (r[0] == '\r' && r[1] == '\n' && r[2] == ' ')
			r += 3;
		else
			*w++ = *r++;
	}
	*w = '\0';
	for (line = u; *line != '\0';) {
		char *end = strstr(line, "\r\n");
		size_t n = end ? (size_t)(end - line) : strlen(line);
		char *colon = memchr(line, ':', n);
		size_t nl = colon ? (size_t)(colon - line) : n;
		const char *v = colon ? colon + 1 : line + n;
		size_t vn = colon ? n - nl - 1 : 0;

		lineno++;
#define IS(name) (nl == strlen(name) && strncmp(line, name, nl) == 0)
		if (colon == NULL) {
			out->bad = true;
		} else if (IS("BEGIN") && vn == 6 && !strncmp(v, "VEVENT", 6)) {
			if (out->n == out->cap) {
				size_t cap = out->cap ? out->cap * 2 : 64;
				struct vevent *nv = realloc(out->v,
							    cap * sizeof *nv);

				CU_ASSERT_PTR_NOT_NULL_FATAL(nv);
				out->v = nv;
				out->cap = cap;
			}
			ev = &out->v[out->n++];
			memset(ev, 0, sizeof *ev);
		} else if (IS("END") && vn == 6 && !strncmp(v, "VEVENT", 6)) {
			ev = NULL;
		} else if (IS("BEGIN") && vn == 6 &&
			   !strncmp(v, "VALARM", 6) && ev != NULL) {
			in_alarm = true;
			ev->alarms++;
			ev->alarm_line = lineno;
		} else if (IS("END") && vn == 6 && !strncmp(v, "VALARM", 6)) {
			in_alarm = false;
		} else if (ev != NULL && in_alarm) {
			if (IS("TRIGGER"))
				copy_value(ev->trigger, sizeof ev->trigger, v,
					   vn);
		} else if (ev != NULL) {
			ev->last_prop_line = lineno;
			if (IS("UID"))
				copy_value(ev->uid, sizeof ev->uid, v, vn);
			else if (IS("DTSTART;VALUE=DATE"))
				copy_value(ev->dtstart, sizeof ev->dtstart, v,
					   vn);
			else if (IS("DTEND;VALUE=DATE"))
				copy_value(ev->dtend, sizeof ev->dtend, v, vn);
			else if (IS("DTSTAMP"))
				copy_value(ev->dtstamp, sizeof ev->dtstamp, v,
					   vn);
			else if (IS("RRULE"))
				copy_value(ev->rrule, sizeof ev->rrule, v, vn);
			else if (IS("SUMMARY"))
				ev->summary = unescape(v, vn, &out->bad);
			else if (IS("DESCRIPTION"))
				ev->description = unescape(v, vn, &out->bad);
			else if (IS("CATEGORIES"))
				ev->categories = strndup(v, vn);
			else if (strncmp(line, "DTSTART", 7) == 0 ||
				 strncmp(line, "DTEND", 5) == 0)
				out->bad = true;	/* a TZID, or not a DATE */
		} else if (IS("X-WR-CALNAME")) {
			out->calname = unescape(v, vn, &out->bad);
		} else if (IS("NAME")) {
			out->name = unescape(v, vn, &out->bad);
		}
#undef IS
		line = end ? end + 2 : line + n;
	}
	free(u);
}

static void
events_free(struct events *ev)
{
	for (size_t i = 0; i < ev->n; i++) {
		free(ev->v[i].summary);
		free(ev->v[i].description);
		free(ev->v[i].categories);
	}
	free(ev->v);
	free(ev->calname);
	free(ev->name);
}

static void
ymd(tt_date d, char out[9])
{
	snprintf(out, 9, "%04d%02d%02d", d.year, d.month, d.day);
}

/* The summary the writer must give milestone M of S: "name: label" on
 * one line (a line break becomes a space). */
static void
want_summary(const tt_schedule *s, const tt_milestone *m, char *buf,
	     size_t size)
{
	char label[TT_TEXT_BUFSIZE];
	const char *name = *tt_schedule_name(s) ? tt_schedule_name(s)
						: tt_schedule_id(s);

	tt_milestone_label(m, label, sizeof label);
	if (*name)
		snprintf(buf, size, "%s: %s", name, label);
	else
		snprintf(buf, size, "%s", label);
	for (char *p = buf; (p = strchr(p, '\n')) != NULL; p++)
		*p = ' ';
}

/* Reads TEXT back with libical: its parser must find no error, and
 * loaded as holidays every event's day must be a holiday and nothing
 * else, with every rule expanded to its end.  Returns true if all
 * held. */
static bool
check_libical(const char *text, size_t len, size_t want_days,
	      const char *what)
{
	tt_holidays *h = tt_holidays_new();
	tt_error e;
	tt_status st;
	bool ok;

	CU_ASSERT_PTR_NOT_NULL_FATAL(h);
	st = tt_holidays_load_ics(h, text, len, &e);
	if (st != TT_OK)
		fprintf(stderr, "\n  %s: libical: line %u: %s\n", what,
			e.line, e.message);
	ok = st == TT_OK && tt_holidays_count(h) == want_days &&
	     tt_date_compare(tt_holidays_complete_until(h),
			     D(9999, 12, 31)) == 0 &&
	     ical_count_events(text) >= 0;
	if (st == TT_OK && !ok)
		fprintf(stderr, "\n  %s: libical reads %zu days (want %zu), "
			"complete until %04d-%02d-%02d, %ld events\n", what,
			tt_holidays_count(h), want_days,
			tt_holidays_complete_until(h).year,
			tt_holidays_complete_until(h).month,
			tt_holidays_complete_until(h).day,
			ical_count_events(text));
	CU_ASSERT_EQUAL(st, TT_OK);
	CU_ASSERT_EQUAL(tt_holidays_count(h), want_days);
	ASSERT_DATE_EQ(tt_holidays_complete_until(h), D(9999, 12, 31));
	CU_ASSERT(ical_count_events(text) >= 0);
	tt_holidays_free(h);
	return ok;
}

/* The number of different dates among the milestones of the N
 * schedules S. */
static size_t
distinct_days(const tt_schedule *const *s, size_t n)
{
	tt_holidays *h = tt_holidays_new();
	size_t days;

	CU_ASSERT_PTR_NOT_NULL_FATAL(h);
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < tt_schedule_count(s[k]); i++)
			CU_ASSERT_EQUAL(tt_holidays_add(h,
				tt_schedule_at(s[k], i)->date, NULL), TT_OK);
	days = tt_holidays_count(h);
	tt_holidays_free(h);
	return days;
}

/* --- the writer ----------------------------------------------------- */

/* Units that stress folding: escapes, 2-, 3- and 4-byte UTF-8, line
 * breaks and tabs (which names may hold). */
static const char *const awkward[] = {
	",", ";", "\\", E_ACUTE, ZHONG, GRIN, "a", " ", "b", "\\\\", ",;",
	"\n", "c\td"
};

/* What awkward_name() leaves out. */
enum {
	NO_BACKSLASH = 1,	/* python3-icalendar garbles some escaped
				 * backslashes (see tests/ics/tsvtool.py) */
	NO_CONTROL = 2		/* no line break or tab (for .tsv files) */
};

/* A name of exactly LEN bytes built from the awkward units starting at
 * unit FIRST, without those SKIP names. */
static void
awkward_name(char *buf, size_t len, size_t first, unsigned skip)
{
	size_t n = 0, k = first;

	buf[0] = 'N';	/* no leading blank: the spec would keep it */
	n = 1;
	while (n < len) {
		const char *u = awkward[k++ % ARRAY_SIZE(awkward)];
		size_t ul = strlen(u);

		if (((skip & NO_BACKSLASH) && strchr(u, '\\') != NULL) ||
		    ((skip & NO_CONTROL) && strpbrk(u, "\n\t") != NULL))
			continue;
		if (n + ul > len)
			u = "x", ul = 1;
		memcpy(buf + n, u, ul);
		n += ul;
	}
	buf[n] = '\0';
}

/* Every SUMMARY value length from 60 to 160 octets (before escaping),
 * each unit of the awkward set at each position. */
static void
test_fold_lengths(void)
{
	const char *suffix = ": Entry into force";
	int failures = 0;

	for (size_t vlen = 60; vlen <= 160 && failures < 5; vlen++) {
		for (size_t r = 0; r < ARRAY_SIZE(awkward); r++) {
			char name[200], want[TT_TEXT_BUFSIZE + 200], what[64];
			tt_schedule *s;
			tt_ics_options o = options();
			struct events ev;
			size_t len;
			char *text;
			bool ok = true;

			awkward_name(name, vlen - strlen(suffix), r, 0);
			s = short_treaty(NULL, name, "2001-05-10");
			o.calendar_name = name;
			o.remind[0] = tt_duration_of_days(90);
			o.nremind = 1;
			text = render((const tt_schedule *const *)&s, 1, &o, &len);
			snprintf(what, sizeof what, "value length %zu, unit %zu",
				 vlen, r);
			if (check_lines(text, what) != 0)
				ok = false;
			read_events(text, &ev);
			ok = ok && !ev.bad && ev.n == tt_schedule_count(s);
			for (size_t i = 0; ok && i < ev.n; i++) {
				want_summary(s, tt_schedule_at(s, i), want,
					     sizeof want);
				if (ev.v[i].summary == NULL ||
				    strcmp(ev.v[i].summary, want) != 0) {
					fprintf(stderr, "\n  %s: summary '%s',"
						" want '%s'\n", what,
						ev.v[i].summary, want);
					ok = false;
				}
			}
			ok = ok && ev.calname != NULL && ev.name != NULL &&
			     strcmp(ev.calname, name) == 0 &&
			     strcmp(ev.name, name) == 0;
			CU_ASSERT(ok);
			if (!ok)
				failures++;
			check_libical(text, len, 2, what);
			events_free(&ev);
			free(text);
			tt_schedule_free(s);
		}
	}
}

/* libical 3.0.16 leaves commas and semicolons unescaped in CATEGORIES
 * and X- properties; the writer must not. */
static void
test_escaping(void)
{
	tt_schedule *s = short_treaty(NULL, "a,b;c\\d \"q\" " E_ACUTE,
				      "2001-05-10");
	tt_ics_options o = options();
	char *text;

	o.calendar_name = "Cal, with; odd\\ chars";
	text = render1(s, &o);
	CU_ASSERT_PTR_NOT_NULL(strstr(text,
		"\r\nSUMMARY:a\\,b\\;c\\\\d \"q\" " E_ACUTE
		": Entry into force\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text,
		"\r\nCATEGORIES:entry_into_force,a\\,b\\;c\\\\d \"q\" "
		E_ACUTE "\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text,
		"\r\nX-WR-CALNAME:Cal\\, with\\; odd\\\\ chars\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text,
		"\r\nNAME:Cal\\, with\\; odd\\\\ chars\r\n"));
	/* The basis has a comma too. */
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "(a date given\\, not "));
	CU_ASSERT_PTR_NULL(strstr(text, "VALUE=TEXT"));
	/* Unescaped, the values are the texts given. */
	{
		struct events ev;

		read_events(text, &ev);
		CU_ASSERT(!ev.bad);
		CU_ASSERT_EQUAL_FATAL(ev.n, 2);
		CU_ASSERT_PTR_NOT_NULL_FATAL(ev.calname);
		CU_ASSERT_STRING_EQUAL(ev.calname, "Cal, with; odd\\ chars");
		CU_ASSERT_STRING_EQUAL(ev.name, "Cal, with; odd\\ chars");
		CU_ASSERT_STRING_EQUAL(ev.v[0].summary,
			"a,b;c\\d \"q\" " E_ACUTE ": Entry into force");
		events_free(&ev);
	}
	check_libical(text, strlen(text), 2, "escaping");
	free(text);
	tt_schedule_free(s);
}

static void
test_header(void)
{
	tt_schedule *s = litvinov("1947-09-15");
	tt_ics_options o = options();
	char *text = render1(s, &o), want[320];

	snprintf(want, sizeof want,
		 "BEGIN:VCALENDAR\r\n"
		 "PRODID:-//treatyterm//treatyterm %s//EN\r\n"
		 "VERSION:2.0\r\n"
		 "CALSCALE:GREGORIAN\r\n"
		 "METHOD:PUBLISH\r\n"
		 "NAME:treatyterm\r\n"
		 "X-WR-CALNAME:treatyterm\r\n"
		 "BEGIN:VEVENT\r\n", tt_version());
	CU_ASSERT_NSTRING_EQUAL(text, want, strlen(want));
	CU_ASSERT_STRING_EQUAL(text + strlen(text) - 27,
			       "END:VEVENT\r\nEND:VCALENDAR\r\n");
	free(text);
	tt_schedule_free(s);
}

/* One event exactly as written, property order included. */
static void
test_event_exact(void)
{
	tt_schedule *s = litvinov("1947-09-15");
	tt_ics_options o = options();
	char *text = render1(s, &o);
	const char *want =
		"BEGIN:VEVENT\r\n"
		"UID:18a14ccb-e820-5c94-b826-d1dcf4605554\r\n"
		"DTSTAMP:20231114T221320Z\r\n"
		"DTSTART;VALUE=DATE:19720915\r\n"
		"DTEND;VALUE=DATE:19720916\r\n"
		"SUMMARY:Litvinov proposal (1946): Consultation 1\r\n"
		"DESCRIPTION:entry into force 1947-09-15 + 25 years (same "
		"date\\; Reg. 1182/7\r\n"
		" 1 art. 3(2)(c) / ETS 076 art. 4(1))\r\n"
		"CATEGORIES:consultation,litvinov-1946\r\n"
		"TRANSP:TRANSPARENT\r\n"
		"SEQUENCE:0\r\n"
		"END:VEVENT\r\n";

	CU_ASSERT_PTR_NOT_NULL(strstr(text, want));
	free(text);
	tt_schedule_free(s);
}

/* UIDs are UUID v5 of "<id>/<kind>/<series>/<ordinal>"; the values
 * pinned here come from Python's uuid.uuid5(), not from libuuid. */
static void
test_uid(void)
{
	tt_schedule *a = litvinov("1947-09-15");
	tt_schedule *b = litvinov("1952-07-23");
	tt_ics_options o = options();
	char *ta = render1(a, &o), *tb = render1(b, &o);
	struct events ea, eb;

	read_events(ta, &ea);
	read_events(tb, &eb);
	CU_ASSERT_EQUAL_FATAL(ea.n, 7);
	CU_ASSERT_EQUAL_FATAL(eb.n, 7);
	CU_ASSERT_STRING_EQUAL(ea.v[0].uid,
			       "33d6927a-ab36-58e3-abd0-3ff9925291ee");
	CU_ASSERT_STRING_EQUAL(ea.v[1].uid,
			       "18a14ccb-e820-5c94-b826-d1dcf4605554");
	for (size_t i = 0; i < ea.n; i++) {
		/* Another entry into force: other dates, same UIDs. */
		CU_ASSERT_STRING_EQUAL(ea.v[i].uid, eb.v[i].uid);
		CU_ASSERT_STRING_NOT_EQUAL(ea.v[i].dtstart, eb.v[i].dtstart);
		CU_ASSERT_EQUAL(strlen(ea.v[i].uid), 36);
		CU_ASSERT_EQUAL(ea.v[i].uid[14], '5');	/* version 5 */
		for (size_t j = 0; j < i; j++)
			CU_ASSERT_STRING_NOT_EQUAL(ea.v[i].uid, ea.v[j].uid);
	}
	events_free(&ea);
	events_free(&eb);
	free(ta);
	free(tb);
	tt_schedule_free(a);
	tt_schedule_free(b);

	/* Without an id the name stands in; different treaties differ. */
	a = short_treaty(NULL, "Treaty A", "2001-05-10");
	b = short_treaty(NULL, "Treaty B", "2001-05-10");
	ta = render1(a, &o);
	tb = render1(b, &o);
	read_events(ta, &ea);
	read_events(tb, &eb);
	CU_ASSERT_EQUAL_FATAL(ea.n, 2);
	CU_ASSERT_EQUAL_FATAL(eb.n, 2);
	CU_ASSERT_STRING_NOT_EQUAL(ea.v[0].uid, eb.v[0].uid);
	CU_ASSERT_STRING_EQUAL(ea.v[0].categories,
			       "entry_into_force,Treaty A");
	events_free(&ea);
	events_free(&eb);
	free(ta);
	free(tb);
	tt_schedule_free(a);
	tt_schedule_free(b);
}

/* The same input gives the same bytes, by render and by the stream. */
static void
test_deterministic(void)
{
	tt_schedule *s[2] = { litvinov("1947-09-15"),
			      short_treaty("x", "X " GRIN, "2000-02-29") };
	tt_ics_options o = options();
	size_t l1, l2, got;
	char *t1, *t2, *t3;
	FILE *fp = tmpfile();
	tt_ics_writer *w;
	tt_error e;

	o.remind[0] = tt_duration_of_months(3);
	o.nremind = 1;
	t1 = render((const tt_schedule *const *)s, 2, &o, &l1);
	t2 = render((const tt_schedule *const *)s, 2, &o, &l2);
	CU_ASSERT_EQUAL(l1, l2);
	CU_ASSERT(memcmp(t1, t2, l1) == 0);

	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	w = tt_ics_writer_new(fp, &o, &e);
	CU_ASSERT_PTR_NOT_NULL_FATAL(w);
	CU_ASSERT_EQUAL(tt_ics_writer_add(w, s[0], &e), TT_OK);
	CU_ASSERT_EQUAL(tt_ics_writer_add(w, s[1], &e), TT_OK);
	CU_ASSERT_EQUAL(tt_ics_writer_finish(w, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_ics_writer_add(w, s[1], &e), TT_EINVAL);
	tt_ics_writer_free(w);
	rewind(fp);
	t3 = malloc(l1 + 2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(t3);
	got = fread(t3, 1, l1 + 1, fp);
	CU_ASSERT_EQUAL(got, l1);
	CU_ASSERT(memcmp(t1, t3, l1) == 0);
	fclose(fp);

	/* The DTSTAMP is the option's, whatever the clock says. */
	CU_ASSERT_PTR_NOT_NULL(strstr(t1, "\r\nDTSTAMP:20231114T221320Z\r\n"));
	o.dtstamp = -1;
	free(t2);
	t2 = render((const tt_schedule *const *)s, 2, &o, &l2);
	CU_ASSERT_PTR_NOT_NULL(strstr(t2, "\r\nDTSTAMP:19691231T235959Z\r\n"));
	free(t1);
	free(t2);
	free(t3);
	tt_schedule_free(s[0]);
	tt_schedule_free(s[1]);
}

/* DTEND is the next day (the end is exclusive), across month, year and
 * leap-day boundaries, with no zone and no "Z"; after the year 3000 too,
 * where libical 3.0 writes "00000000T000000". */
static void
test_dtend(void)
{
	static const char *const eifs[] = {
		"1999-12-31", "2000-02-28", "2000-02-29", "2023-02-28",
		"2024-01-31", "1947-09-15", "2990-02-28", "0001-01-01"
	};

	for (size_t k = 0; k < ARRAY_SIZE(eifs); k++) {
		tt_schedule *s = litvinov(eifs[k]);
		tt_ics_options o = options();
		char *text = render1(s, &o);
		struct events ev;

		read_events(text, &ev);
		CU_ASSERT(!ev.bad);
		CU_ASSERT_EQUAL_FATAL(ev.n, tt_schedule_count(s));
		for (size_t i = 0; i < ev.n; i++) {
			const tt_milestone *m = tt_schedule_at(s, i);
			tt_date next;
			char a[9], b[9];

			tt_date_add_days(m->date, 1, &next, NULL);
			ymd(m->date, a);
			ymd(next, b);
			CU_ASSERT_STRING_EQUAL(ev.v[i].dtstart, a);
			CU_ASSERT_STRING_EQUAL(ev.v[i].dtend, b);
		}
		CU_ASSERT_PTR_NULL(strstr(text, "TZID"));
		CU_ASSERT_PTR_NULL(strstr(text, "DATE-TIME"));
		CU_ASSERT_PTR_NULL(strstr(text, "00000000"));
		check_libical(text, strlen(text), ev.n, eifs[k]);
		events_free(&ev);
		free(text);
		tt_schedule_free(s);
	}
}

/* The last day of the range has no next day: DURATION instead. */
static void
test_last_day(void)
{
	tt_schedule *s = short_treaty("end", "End of time", "9998-12-31");
	tt_ics_options o = options();
	char *text = render1(s, &o);

	CU_ASSERT_EQUAL_FATAL(tt_schedule_count(s), 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(text,
		"DTSTART;VALUE=DATE:99981231\r\n"
		"DTEND;VALUE=DATE:99990101\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text,
		"DTSTART;VALUE=DATE:99991231\r\n"
		"DURATION:P1D\r\n"));
	check_libical(text, strlen(text), 2, "last day");
	free(text);
	tt_schedule_free(s);
}

/* Alarms go on deadlines, withdrawal dates and expiry only (on every
 * milestone with remind_all), after all of the event's properties. */
static void
test_alarms(void)
{
	const char *kv[] = {
		"treaty", "id", "nato",
		"treaty", "name", "North Atlantic Treaty",
		"treaty", "entry_into_force", "1949-08-24",
		"treaty", "term", "indefinite",
		"review", "first", "10y",
		"withdrawal", "opens", "20y",
		"withdrawal", "notice", "1y",
		NULL
	};
	tt_schedule *s = schedule_of(kv, NULL), *l = litvinov("1947-09-15");
	tt_ics_options o = options();
	struct events ev;
	char *text;
	size_t with = 0;

	/* No reminder: no alarm. */
	text = render1(s, &o);
	CU_ASSERT_PTR_NULL(strstr(text, "VALARM"));
	free(text);

	o.remind[0] = tt_duration_of_days(90);
	o.nremind = 1;
	text = render1(s, &o);
	read_events(text, &ev);
	CU_ASSERT_EQUAL_FATAL(ev.n, tt_schedule_count(s));
	for (size_t i = 0; i < ev.n; i++) {
		tt_kind k = tt_schedule_at(s, i)->kind;
		bool want = k == TT_KIND_WITHDRAWAL_NOTICE_OPENS ||
			    k == TT_KIND_WITHDRAWAL_EFFECTIVE ||
			    k == TT_KIND_RENEWAL_NOTICE_DEADLINE ||
			    k == TT_KIND_EXPIRY;

		CU_ASSERT_EQUAL(ev.v[i].alarms, want ? 1 : 0);
		if (want) {
			with++;
			CU_ASSERT_STRING_EQUAL(ev.v[i].trigger, "-P90D");
			CU_ASSERT(ev.v[i].alarm_line > ev.v[i].last_prop_line);
		}
	}
	CU_ASSERT(with >= 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "\r\nACTION:DISPLAY\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(text,
		"\r\nDESCRIPTION:In 90 days: North Atlantic Treaty: "));
	events_free(&ev);
	free(text);

	/* More alarms than an event may have: refused, nothing read past
	 * the array. */
	{
		tt_ics_options many = o;
		tt_error e;
		char *out = NULL;
		size_t len;

		many.nremind = TT_ICS_REMIND_MAX + 1;
		CU_ASSERT_EQUAL(tt_ics_render((const tt_schedule *const *)&s,
					      1, &many, &out, &len, &e),
				TT_EINVAL);
		CU_ASSERT_PTR_NULL(out);
		free(out);
	}

	/* Several reminders: one VALARM each, in the order given. */
	o.remind[1] = tt_duration_of_years(1);
	o.nremind = 2;
	text = render1(s, &o);
	read_events(text, &ev);
	CU_ASSERT_EQUAL_FATAL(ev.n, tt_schedule_count(s));
	for (size_t i = 0; i < ev.n; i++)
		if (tt_schedule_at(s, i)->kind == TT_KIND_EXPIRY ||
		    tt_schedule_at(s, i)->kind ==
		    TT_KIND_WITHDRAWAL_EFFECTIVE)
			CU_ASSERT_EQUAL(ev.v[i].alarms, 2);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "TRIGGER:-P90D\r\nEND:VALARM\r\n"
				      "BEGIN:VALARM\r\nACTION:DISPLAY\r\n"
				      "DESCRIPTION:In 1 year: "));
	events_free(&ev);
	free(text);
	o.nremind = 1;

	/* Weeks stay weeks; months become the days they span backwards
	 * from the event: 1997-06-15 to 1997-09-15 is 92 days. */
	o.remind[0] = tt_duration_of_days(14);
	o.remind[0].days = 0;
	o.remind[0].weeks = 2;
	o.nremind = 1;
	text = render1(l, &o);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "\r\nTRIGGER:-P2W\r\n"));
	free(text);
	o.remind[0] = tt_duration_of_months(3);
	o.nremind = 1;
	text = render1(l, &o);
	CU_ASSERT_PTR_NOT_NULL(strstr(text, "\r\nTRIGGER:-P92D\r\n"));
	read_events(text, &ev);
	with = 0;
	for (size_t i = 0; i < ev.n; i++)
		with += (size_t)ev.v[i].alarms;
	CU_ASSERT_EQUAL(with, 1);	/* expiry only */
	events_free(&ev);
	free(text);

	o.remind_all = true;
	text = render1(l, &o);
	read_events(text, &ev);
	CU_ASSERT_EQUAL(ev.n, 7);
	for (size_t i = 0; i < ev.n; i++)
		CU_ASSERT_EQUAL(ev.v[i].alarms, 1);
	/* Consultation 1, 1972-09-15: 1972-06-15 is 92 days before. */
	CU_ASSERT_STRING_EQUAL(ev.v[1].trigger, "-P92D");
	events_free(&ev);
	free(text);
	tt_schedule_free(s);
	tt_schedule_free(l);
}

static size_t
count_rrules(const struct events *ev)
{
	size_t n = 0;

	for (size_t i = 0; i < ev->n; i++)
		n += ev->v[i].rrule[0] != '\0';
	return n;
}

/* A series goes into one RRULE only when every date is exact. */
static void
test_rrule(void)
{
	tt_schedule *l = litvinov("1947-09-15");
	tt_ics_options o = options();
	struct events ev;
	char *text;

	o.rrule = true;
	text = render1(l, &o);
	read_events(text, &ev);
	CU_ASSERT_EQUAL(ev.n, 3);	/* entry into force, series, expiry */
	CU_ASSERT_EQUAL(count_rrules(&ev), 1);
	CU_ASSERT_STRING_EQUAL(ev.v[1].dtstart, "19720915");
	CU_ASSERT_STRING_EQUAL(ev.v[1].dtend, "19720916");
	CU_ASSERT_PTR_NOT_NULL(strstr(ev.v[1].rrule, "FREQ=YEARLY"));
	CU_ASSERT_PTR_NOT_NULL(strstr(ev.v[1].rrule, "INTERVAL=5"));
	CU_ASSERT_PTR_NOT_NULL(strstr(ev.v[1].rrule, "COUNT=5"));
	CU_ASSERT_STRING_EQUAL(ev.v[1].summary,
			       "Litvinov proposal (1946): Consultation");
	CU_ASSERT_STRING_EQUAL(ev.v[1].uid,
			       "4c082712-3adc-57db-922d-e1aaf49c692b");
	CU_ASSERT_PTR_NOT_NULL(strstr(ev.v[1].description,
		"\nRepeats every 5 years, 5 times, from 1972-09-15 to "
		"1992-09-15."));
	CU_ASSERT_EQUAL(check_lines(text, "rrule"), 0);
	/* Expanded by libical: the five consultations are all there. */
	check_libical(text, strlen(text), 7, "rrule");
	events_free(&ev);
	free(text);
	tt_schedule_free(l);

	/* Every 6 months from the 15th: MONTHLY. */
	{
		const char *kv[] = {
			"treaty", "entry_into_force", "2001-01-15",
			"treaty", "term", "5y",
			"review", "first", "6m",
			"review", "every", "6m",
			"review", "count", "4",
			NULL
		};

		l = schedule_of(kv, NULL);
		text = render1(l, &o);
		read_events(text, &ev);
		CU_ASSERT_EQUAL(count_rrules(&ev), 1);
		CU_ASSERT_EQUAL(ev.n, 3);
		for (size_t i = 0; i < ev.n; i++)
			if (ev.v[i].rrule[0]) {
				CU_ASSERT_PTR_NOT_NULL(strstr(ev.v[i].rrule,
					"FREQ=MONTHLY"));
				CU_ASSERT_PTR_NOT_NULL(strstr(ev.v[i].rrule,
					"INTERVAL=6"));
				CU_ASSERT_PTR_NOT_NULL(strstr(ev.v[i].rrule,
					"COUNT=4"));
			}
		check_libical(text, strlen(text), 6, "monthly");
		events_free(&ev);
		free(text);
		tt_schedule_free(l);
	}

	/* From 29 February every 6 months: 28 February 2001 is clamped,
	 * so each date is its own event. */
	{
		const char *kv[] = {
			"treaty", "entry_into_force", "2000-02-29",
			"treaty", "term", "5y",
			"review", "first", "6m",
			"review", "every", "6m",
			"review", "count", "4",
			NULL
		};

		l = schedule_of(kv, NULL);
		text = render1(l, &o);
		read_events(text, &ev);
		CU_ASSERT_EQUAL(count_rrules(&ev), 0);
		CU_ASSERT_EQUAL(ev.n, tt_schedule_count(l));
		events_free(&ev);
		free(text);
		tt_schedule_free(l);
	}

	/* Moved off a weekend: not exact either. */
	{
		const char *kv[] = {
			"treaty", "entry_into_force", "2001-09-15",
			"treaty", "term", "20y",
			"consultation", "first", "1y",
			"consultation", "every", "1y",
			"consultation", "count", "5",
			NULL
		};
		tt_schedule_options so = { .roll = TT_ROLL_FOLLOWING };
		size_t rolled = 0;

		l = schedule_of(kv, &so);
		for (size_t i = 0; i < tt_schedule_count(l); i++)
			rolled += (tt_schedule_at(l, i)->flags &
				   TT_MS_ROLLED) != 0;
		CU_ASSERT(rolled > 0);
		text = render1(l, &o);
		read_events(text, &ev);
		CU_ASSERT_EQUAL(count_rrules(&ev), 0);
		CU_ASSERT_EQUAL(ev.n, tt_schedule_count(l));
		for (size_t i = 0; i < ev.n; i++) {
			const tt_milestone *m = tt_schedule_at(l, i);
			char d[TT_DATE_BUFSIZE];

			/* A moved date names the day the clause gives. */
			if (m->flags & TT_MS_ROLLED)
				CU_ASSERT_PTR_NOT_NULL(strstr(
					ev.v[i].description,
					tt_date_format(m->nominal, d)));
		}
		events_free(&ev);
		free(text);
		tt_schedule_free(l);
	}
}

/* A failed write is TT_EIO with a message, not silence, and stays: a
 * later call fails too. */
static void
test_write_error(void)
{
	tt_schedule *s = litvinov("1947-09-15");

	{
		FILE *fp = fopen("/dev/full", "w");
		tt_ics_options o = options();
		tt_ics_writer *w;
		tt_status st;
		tt_error e;

		if (fp == NULL) {
			/* No /dev/full here: say so rather than pass. */
			CU_FAIL("cannot open /dev/full");
			tt_schedule_free(s);
			return;
		}
		memset(&e, 0, sizeof e);
		w = tt_ics_writer_new(fp, &o, &e);
		CU_ASSERT_PTR_NOT_NULL_FATAL(w);
		/* The stream is buffered: the error may surface at any
		 * step. */
		st = tt_ics_writer_add(w, s, &e);
		if (st == TT_OK)
			st = tt_ics_writer_finish(w, &e);
		else
			CU_ASSERT_EQUAL(tt_ics_writer_add(w, s, &e), TT_EIO);
		CU_ASSERT_EQUAL(st, TT_EIO);
		CU_ASSERT_EQUAL(e.code, TT_EIO);
		CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "cannot write"));
		tt_ics_writer_free(w);
		fclose(fp);
	}
	tt_schedule_free(s);
}

/* Writes the calendar of the N schedules S into DIR/NAME.ics and what
 * its events must read back as into DIR/NAME.tsv ("start<TAB>end<TAB>
 * summary", from the schedules), and checks both: the file holds the
 * bytes rendered, which pass check_lines(), the reader here and libical,
 * and the .tsv has a line per event.  Returns the number of events. */
static size_t
export(const char *dir, const char *name, const tt_schedule *const *s,
       size_t n, const tt_ics_options *o)
{
	char path[4096];
	size_t len, events = 0, lines = 0, got;
	char *text = render(s, n, o, &len), *back;
	struct events ev;
	FILE *fp;
	int c;

	snprintf(path, sizeof path, "%s/%s.ics", dir, name);
	fp = fopen(path, "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	CU_ASSERT_EQUAL(fwrite(text, 1, len, fp), len);
	CU_ASSERT_EQUAL(fclose(fp), 0);
	snprintf(path, sizeof path, "%s/%s.tsv", dir, name);
	fp = fopen(path, "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < tt_schedule_count(s[k]); i++) {
			const tt_milestone *m = tt_schedule_at(s[k], i);
			char a[TT_DATE_BUFSIZE], b[TT_DATE_BUFSIZE];
			char sum[TT_TEXT_BUFSIZE + 200];
			tt_date next;

			tt_date_add_days(m->date, 1, &next, NULL);
			want_summary(s[k], m, sum, sizeof sum);
			fprintf(fp, "%s\t%s\t%s\n", tt_date_format(m->date, a),
				tt_date_format(next, b), sum);
			events++;
		}
	CU_ASSERT_EQUAL(fclose(fp), 0);

	/* Read back what was written. */
	snprintf(path, sizeof path, "%s/%s.ics", dir, name);
	fp = fopen(path, "rb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	back = malloc(len + 2);
	CU_ASSERT_PTR_NOT_NULL_FATAL(back);
	got = fread(back, 1, len + 1, fp);
	fclose(fp);
	CU_ASSERT(got == len && memcmp(back, text, len) == 0);
	free(back);
	snprintf(path, sizeof path, "%s/%s.tsv", dir, name);
	fp = fopen(path, "rb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	while ((c = getc(fp)) != EOF)
		lines += c == '\n';
	fclose(fp);
	CU_ASSERT_EQUAL(lines, events);

	CU_ASSERT_EQUAL(check_lines(text, name), 0);
	read_events(text, &ev);
	CU_ASSERT(!ev.bad);
	CU_ASSERT_EQUAL(ev.n, events);
	events_free(&ev);
	check_libical(text, len, distinct_days(s, n), name);
	free(text);
	return events;
}

/* Removes DIR/NAME.ics and DIR/NAME.tsv. */
static void
unexport(const char *dir, const char *name)
{
	char path[4096];

	snprintf(path, sizeof path, "%s/%s.ics", dir, name);
	CU_ASSERT_EQUAL(remove(path), 0);
	snprintf(path, sizeof path, "%s/%s.tsv", dir, name);
	CU_ASSERT_EQUAL(remove(path), 0);
}

static void
test_export(void)
{
	static const char *const names[] = {
		"folding", "folding-utf8", "litvinov-alarms"
	};
	const char *dir = getenv("TT_ICS_OUT");
	char tmp[] = "/tmp/tt-ics-export.XXXXXX";
	bool keep = dir != NULL && *dir != '\0';
	tt_schedule *s[40];
	char names_[40][200];
	size_t n = 0, events = 0;
	tt_ics_options o = options();

	/* Without TT_ICS_OUT the files go to a directory of their own,
	 * checked and removed. */
	if (!keep) {
		dir = mkdtemp(tmp);
		CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
	}
	/* Names whose summaries fold at every awkward place, with and
	 * without backslashes. */
	for (int nb = 0; nb < 2; nb++) {
		n = 0;
		for (size_t vlen = 60; vlen <= 160; vlen += 5, n++) {
			char id[32], eif[16];

			awkward_name(names_[n], vlen - 18, n, NO_CONTROL |
				     (nb ? NO_BACKSLASH : 0));
			snprintf(id, sizeof id, "fold-%zu", vlen);
			snprintf(eif, sizeof eif, "%04zu-%02zu-%02zu",
				 1950 + n, 1 + n % 12, 1 + (n * 7) % 28);
			s[n] = short_treaty(id, names_[n], eif);
		}
		o.calendar_name = "Folding, \\ escapes; UTF-8 " E_ACUTE ZHONG
				  GRIN;
		o.remind[0] = tt_duration_of_days(90);
		o.nremind = 1;
		events += export(dir, names[nb],
				 (const tt_schedule *const *)s, n, &o);
		for (size_t i = 0; i < n; i++)
			tt_schedule_free(s[i]);
	}

	s[0] = litvinov("1947-09-15");
	o = options();
	o.remind[0] = tt_duration_of_months(3);
	o.nremind = 1;
	o.remind_all = true;
	events += export(dir, names[2], (const tt_schedule *const *)s, 1, &o);
	tt_schedule_free(s[0]);
	/* 2 x 21 one-year treaties of two milestones, and Litvinov. */
	CU_ASSERT_EQUAL(events, 2 * 21 * 2 + 7);
	if (!keep) {
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
			unexport(dir, names[i]);
		CU_ASSERT_EQUAL(rmdir(dir), 0);
	}
}

/* --- a corpus of schedules ------------------------------------------ */

/* The schedules every way of writing is checked on: every preset (as given
 * and with meetings rolled), month ends and 29 February, years 1 and 9999,
 * renewals, withdrawal on notice, holidays, and custom milestones and
 * names of every length from 60 to 160 octets made of awkward units. */
#define CORPUS_MAX 400

struct corpus {
	tt_schedule *s[CORPUS_MAX];
	size_t n;
	tt_holidays *holidays;
};

static void
corpus_add(struct corpus *set, tt_schedule *s)
{
	CU_ASSERT_FATAL(set->n < CORPUS_MAX);
	set->s[set->n++] = s;
}

static void
corpus_presets(struct corpus *set)
{
	tt_schedule_options rolled = { .roll = TT_ROLL_FOLLOWING };

	rolled.holidays = set->holidays;
	for (size_t i = 0; i < tt_preset_count(); i++) {
		for (int k = 0; k < 2; k++) {
			tt_spec *spec = tt_spec_new();
			tt_schedule *s = tt_schedule_new();
			tt_error e;

			CU_ASSERT_PTR_NOT_NULL_FATAL(spec);
			CU_ASSERT_PTR_NOT_NULL_FATAL(s);
			CU_ASSERT_EQUAL_FATAL(tt_preset_load(tt_preset_at(i),
							     spec, &e), TT_OK);
			CU_ASSERT_EQUAL_FATAL(tt_schedule_compute(s, spec,
					k ? &rolled : NULL, &e), TT_OK);
			tt_spec_free(spec);
			corpus_add(set, s);
		}
	}
}

static void
corpus_clauses(struct corpus *set)
{
	static const char *const eifs[] = {
		"2000-02-29", "2024-02-29", "1999-12-31", "2023-01-31",
		"2001-04-30", "1900-02-28", "1947-09-15", "9000-08-31"
	};
	tt_schedule_options following = { .roll = TT_ROLL_FOLLOWING };
	tt_schedule_options preceding = { .roll = TT_ROLL_PRECEDING };

	following.holidays = preceding.holidays = set->holidays;
	for (size_t k = 0; k < ARRAY_SIZE(eifs); k++) {
		char id[32];
		const char *eif = eifs[k];
		const char *consult[] = {
			"treaty", "id", id,
			"treaty", "name", "Consultations " GRIN,
			"treaty", "entry_into_force", eif,
			"treaty", "term", "50y",
			"consultation", "first", "1y",
			"consultation", "every", "1y",
			"consultation", "count", "12",
			"review", "first", "6m",
			"review", "every", "6m",
			"review", "count", "4",
			"review", "label", "Review; with, escapes\\",
			"+conference", "at", "25y",
			"conference", "label", "Extension conference",
			NULL
		};
		const char *renew[] = {
			"treaty", "id", id,
			"treaty", "name", "Renewed, tacitly",
			"treaty", "entry_into_force", eif,
			"treaty", "term", "10y",
			"treaty", "convention", k % 2 ? "inclusive"
						      : "anniversary",
			"renewal", "period", "5y",
			"renewal", "notice", "6m",
			"renewal", "times", "3",
			NULL
		};
		const char *withdraw[] = {
			"treaty", "id", id,
			"treaty", "entry_into_force", eif,
			"treaty", "term", "indefinite",
			"withdrawal", "opens", "1y",
			"withdrawal", "notice", k % 2 ? "3m" : "90d",
			NULL
		};

		snprintf(id, sizeof id, "consult-%zu", k);
		corpus_add(set, schedule_of(consult, NULL));
		corpus_add(set, schedule_of(consult, &following));
		corpus_add(set, schedule_of(consult, &preceding));
		snprintf(id, sizeof id, "renew-%zu", k);
		corpus_add(set, schedule_of(renew, NULL));
		snprintf(id, sizeof id, "withdraw-%zu", k);
		corpus_add(set, schedule_of(withdraw, NULL));
	}
	{
		/* Notice given: the withdrawal takes effect a year on. */
		const char *kv[] = {
			"treaty", "id", "notice",
			"treaty", "entry_into_force", "2000-02-29",
			"treaty", "term", "indefinite",
			"treaty", "notice_given", "2003-05-31",
			"withdrawal", "opens", "2y",
			"withdrawal", "notice", "1y",
			NULL
		};

		corpus_add(set, schedule_of(kv, NULL));
	}
	{
		/* From the first day to the last: DTEND 99990101 and
		 * DURATION:P1D. */
		const char *kv[] = {
			"treaty", "id", "ages",
			"treaty", "name", "From year 1",
			"treaty", "entry_into_force", "0001-01-01",
			"treaty", "term", "9998y",
			"consultation", "first", "1000y",
			"consultation", "every", "1000y",
			"+milestone", "label", "The very last day",
			"milestone", "date", "9999-12-31",
			"+milestone", "label", "Eve",
			"milestone", "date", "9999-12-30",
			NULL
		};

		corpus_add(set, schedule_of(kv, NULL));
		corpus_add(set, short_treaty("end", "End of time",
					     "9998-12-31"));
	}
	{
		/* Monthly for 80 years: one schedule larger than the
		 * writer's buffer, which then goes out mid-schedule. */
		const char *kv[] = {
			"treaty", "id", "monthly",
			"treaty", "entry_into_force", "1960-01-31",
			"treaty", "term", "80y",
			"consultation", "first", "1m",
			"consultation", "every", "1m",
			NULL
		};
		tt_schedule_options rolled = { .roll = TT_ROLL_FOLLOWING };

		rolled.holidays = set->holidays;
		corpus_add(set, schedule_of(kv, &rolled));
	}
}

static void
corpus_awkward(struct corpus *set)
{
	for (size_t vlen = 60; vlen <= 160; vlen++) {
		char name[200], l1[200], l2[200], l3[200], id[32];
		const char *kv[] = {
			"treaty", "name", name,
			"treaty", "entry_into_force", "2004-02-29",
			"treaty", "term", "30y",
			"consultation", "first", "5y",
			"consultation", "every", "5y",
			"consultation", "label", l3,
			"+milestone", "label", l1,
			"milestone", "at", "3m",
			"+milestone", "label", l2,
			"milestone", "date", "9999-12-31",
			"treaty", "id", id,
			NULL
		};

		awkward_name(name, vlen, vlen, 0);
		awkward_name(l1, vlen, vlen + 3, 0);
		awkward_name(l2, vlen, vlen + 7, 0);
		awkward_name(l3, vlen - 40, vlen + 11, 0);
		/* Every other one has no id: the awkward name is the
		 * category, and the UIDs are made from it. */
		snprintf(id, sizeof id, "awkward-%zu", vlen);
		if (vlen % 2)
			kv[ARRAY_SIZE(kv) - 4] = NULL;
		corpus_add(set, schedule_of(kv, NULL));
	}
}

/* Renders the N schedules S with O and checks the calendar: its lines,
 * the reader here (one VEVENT per milestone, or fewer with RRULEs, each
 * date and summary as the schedule has it) and libical (the same days).
 * Returns false if rendering failed (counted in *REFUSED) or a check did
 * (counted in *FAILURES). */
static bool
corpus_check(const tt_schedule *const *s, size_t n, const tt_ics_options *o,
	     const char *what, size_t *refused, size_t *failures)
{
	char *text = NULL;
	size_t len = 0, want = 0, k = 0;
	struct events ev;
	tt_error e;
	bool ok = true;

	memset(&e, 0, sizeof e);
	if (tt_ics_render(s, n, o, &text, &len, &e) != TT_OK) {
		CU_ASSERT(e.message[0] != '\0');
		CU_ASSERT_PTR_NULL(text);
		(*refused)++;
		return false;
	}
	for (size_t j = 0; j < n; j++)
		want += tt_schedule_count(s[j]);
	if (check_lines(text, what) != 0)
		ok = false;
	read_events(text, &ev);
	if (ev.bad || (o->rrule ? ev.n > want : ev.n != want))
		ok = false;
	/* Without RRULEs, the events are the milestones in order. */
	for (size_t j = 0; ok && !o->rrule && j < n; j++)
		for (size_t i = 0; ok && i < tt_schedule_count(s[j]); i++) {
			const tt_milestone *m = tt_schedule_at(s[j], i);
			char sum[TT_TEXT_BUFSIZE + 200], d[9];

			want_summary(s[j], m, sum, sizeof sum);
			ymd(m->date, d);
			if (strcmp(ev.v[k].dtstart, d) != 0 ||
			    ev.v[k].summary == NULL ||
			    strcmp(ev.v[k].summary, sum) != 0) {
				fprintf(stderr, "\n  %s: event %zu: %s '%s', "
					"want %s '%s'\n", what, k,
					ev.v[k].dtstart, ev.v[k].summary, d,
					sum);
				ok = false;
			}
			k++;
		}
	events_free(&ev);
	if (!check_libical(text, len, distinct_days(s, n), what))
		ok = false;
	free(text);
	if (!ok)
		(*failures)++;
	return ok;
}

/* Every schedule of the corpus, alone and all in one calendar, with
 * every kind of alarm, with and without RRULEs; and the same bytes
 * through a stream as into a string. */
static void
test_corpus(void)
{
	struct corpus *set = calloc(1, sizeof *set);
	tt_ics_options opts[9];
	size_t refused = 0, failures = 0, written = 0;
	tt_error e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(set);
	set->holidays = tt_holidays_new();
	CU_ASSERT_PTR_NOT_NULL_FATAL(set->holidays);
	/* Mondays after weekends, so that a roll moves two days on. */
	for (int y = 1948; y < 2100; y++) {
		CU_ASSERT_EQUAL(tt_holidays_add(set->holidays, D(y, 12, 25),
						&e), TT_OK);
		CU_ASSERT_EQUAL(tt_holidays_add(set->holidays, D(y, 3, 1),
						&e), TT_OK);
		CU_ASSERT_EQUAL(tt_holidays_add(set->holidays, D(y, 4, 30),
						&e), TT_OK);
	}
	corpus_presets(set);
	corpus_clauses(set);
	corpus_awkward(set);

	for (size_t k = 0; k < ARRAY_SIZE(opts); k++)
		opts[k] = options();
	opts[1].remind[0] = tt_duration_of_days(90);
	opts[1].nremind = 1;
	opts[2].remind[0] = tt_duration_of_days(0);
	opts[2].nremind = 1;
	opts[2].remind[0].weeks = 2;
	opts[3].remind[0] = tt_duration_of_months(3);
	opts[3].nremind = 1;
	opts[3].remind_all = true;
	opts[4].remind[0] = tt_duration_of_years(1);
	opts[4].nremind = 1;
	opts[4].remind_all = true;
	opts[5].remind[0] = tt_duration_of_years(1);
	opts[5].nremind = 1;
	opts[5].remind[0].months = 2;
	opts[5].remind[0].weeks = 3;
	opts[5].remind[0].days = 4;
	opts[6].remind[0] = tt_duration_of_days(4);
	opts[6].nremind = 1;
	opts[6].remind[0].weeks = 3;
	opts[6].remind_all = true;
	opts[7].rrule = true;
	opts[7].remind[0] = tt_duration_of_days(30);
	opts[7].nremind = 1;
	opts[7].remind_all = true;
	opts[8].remind[0] = tt_duration_negate(tt_duration_of_months(18));
	opts[8].nremind = 1;
	opts[8].calendar_name = "Cal, with; odd\\ chars " ZHONG;
	opts[8].dtstamp = -62135596800;	/* 0001-01-01T00:00:00Z */

	for (size_t k = 0; k < ARRAY_SIZE(opts); k++) {
		/* The schedules that can be written with these options,
		 * then all of them in one calendar. */
		const tt_schedule *good[CORPUS_MAX];
		size_t ng = 0;
		char what[64];

		for (size_t i = 0; i < set->n && failures < 5; i++) {
			size_t was = refused;

			snprintf(what, sizeof what, "options %zu, schedule %zu",
				 k, i);
			if (corpus_check((const tt_schedule *const *)&set->s[i],
					 1, &opts[k], what, &refused,
					 &failures))
				written++;
			if (refused == was)
				good[ng++] = set->s[i];
		}
		snprintf(what, sizeof what, "options %zu, all in one", k);
		if (corpus_check(good, ng, &opts[k], what, &refused,
				 &failures))
			written++;
	}
	CU_ASSERT_EQUAL(failures, 0);
	/* Nearly all are written: the few refusals are alarms before the
	 * year 1. */
	CU_ASSERT(written >= ARRAY_SIZE(opts) * (set->n + 1) * 9 / 10);
	CU_ASSERT(set->n >= 150);

	/* Through a stream, several flushes long. */
	{
		tt_ics_options o = opts[1];
		FILE *fp = tmpfile();
		tt_ics_writer *w;
		char *want = NULL, *got;
		size_t wl = 0, gl;

		CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
		w = tt_ics_writer_new(fp, &o, &e);
		CU_ASSERT_PTR_NOT_NULL_FATAL(w);
		for (size_t i = 0; i < set->n; i++)
			CU_ASSERT_EQUAL(tt_ics_writer_add(w, set->s[i], &e),
					TT_OK);
		CU_ASSERT_EQUAL(tt_ics_writer_finish(w, &e), TT_OK);
		tt_ics_writer_free(w);
		CU_ASSERT_EQUAL_FATAL(tt_ics_render(
			(const tt_schedule *const *)set->s, set->n, &o, &want,
			&wl, &e), TT_OK);
		CU_ASSERT(wl > 4 * 65536);
		got = malloc(wl + 1);
		CU_ASSERT_PTR_NOT_NULL_FATAL(got);
		rewind(fp);
		gl = fread(got, 1, wl + 1, fp);
		CU_ASSERT_EQUAL(gl, wl);
		if (gl != wl || memcmp(got, want, wl) != 0)
			CU_FAIL("the stream differs from the string");
		free(got);
		free(want);
		fclose(fp);
	}

	for (size_t i = 0; i < set->n; i++)
		tt_schedule_free(set->s[i]);
	tt_holidays_free(set->holidays);
	free(set);
}

/* --- holidays from iCalendar --------------------------------------- */

/* Loads TEXT into H.  Calendars load whole; FROM and TO, where the
 * holidays were once loaded for a range only, are now where the tests
 * count them (count_between()). */
static tt_status
load(tt_holidays *h, const char *text, tt_date from, tt_date to,
     tt_error *e)
{
	(void)from;
	(void)to;
	memset(e, 0, sizeof *e);
	return tt_holidays_load_ics(h, text, strlen(text), e);
}

/* The holidays of H from FROM to TO inclusive. */
static size_t
count_between(const tt_holidays *h, tt_date from, tt_date to)
{
	size_t n = 0;

	for (int32_t k = tt_date_to_daynum(from);
	     k <= tt_date_to_daynum(to); k++)
		n += tt_holidays_contains(h, tt_date_from_daynum(k));
	return n;
}

#define CAL(body) \
	"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\n" \
	body "END:VCALENDAR\r\n"

static void
test_holidays_rrule(void)
{
	tt_holidays *h = tt_holidays_new();
	tt_error e;
	const char *text = CAL(
		"BEGIN:VEVENT\r\n"
		"UID:christmas@test\r\n"
		"DTSTAMP:20200101T000000Z\r\n"
		"DTSTART;VALUE=DATE:20001225\r\n"
		"DTEND;VALUE=DATE:20001226\r\n"
		"RRULE:FREQ=YEARLY\r\n"
		"EXDATE;VALUE=DATE:20101225\r\n"
		"SUMMARY:Christmas\\, Day\r\n"
		"END:VEVENT\r\n");

	CU_ASSERT_EQUAL_FATAL(load(h, text, D(2005, 1, 1), D(2015, 12, 31),
				   &e), TT_OK);
	/* 2005 to 2015 is eleven Christmases, less the EXDATE. */
	CU_ASSERT_EQUAL(count_between(h, D(2005, 1, 1), D(2015, 12, 31)), 10);
	CU_ASSERT(tt_holidays_contains(h, D(2005, 12, 25)));
	CU_ASSERT(tt_holidays_contains(h, D(2015, 12, 25)));
	CU_ASSERT(!tt_holidays_contains(h, D(2010, 12, 25)));
	/* Before the rule's start (the range once ended it here). */
	CU_ASSERT(!tt_holidays_contains(h, D(1999, 12, 25)));
	CU_ASSERT(!tt_holidays_contains(h, D(2012, 12, 26)));
	/* Every year libical expands, less the EXDATE; no further. */
	CU_ASSERT_EQUAL(tt_holidays_count(h),
			(size_t)(TTP_ICAL_RECUR_YEAR_MAX - 2000 + 1 - 1));
	CU_ASSERT(tt_holidays_contains(h,
		D(TTP_ICAL_RECUR_YEAR_MAX, 12, 25)));
	ASSERT_DATE_EQ(tt_holidays_complete_until(h),
		       D(TTP_ICAL_RECUR_YEAR_MAX, 12, 31));
	tt_holidays_free(h);
}

static void
test_holidays_kinds(void)
{
	tt_holidays *h = tt_holidays_new();
	tt_error e;
	/* LF line ends and a folded line; a two-day event; RDATEs; a
	 * date-time event; a cancelled one; a moved instance; a COUNT. */
	const char *text =
		"BEGIN:VCALENDAR\n"
		"VERSION:2.0\n"
		"BEGIN:VEVENT\n"
		"UID:a\n"
		"DTSTART;VALUE=DATE:20240501\n"
		"DTEND;VALUE=DATE:20240503\n"
		"SUMMARY:Two days\\, folded\n"
		"  here\n"
		"END:VEVENT\n"
		"BEGIN:VEVENT\n"
		"UID:b\n"
		"DTSTART;VALUE=DATE:20240601\n"
		"RDATE;VALUE=DATE:20240610,20240620\n"
		"END:VEVENT\n"
		"BEGIN:VEVENT\n"
		"UID:c\n"
		"DTSTART:20240704T090000\n"
		"DTEND:20240704T170000\n"
		"END:VEVENT\n"
		"BEGIN:VEVENT\n"
		"UID:d\n"
		"STATUS:CANCELLED\n"
		"DTSTART;VALUE=DATE:20240801\n"
		"END:VEVENT\n"
		"BEGIN:VEVENT\n"
		"UID:e\n"
		"DTSTART;VALUE=DATE:20240902\n"
		"RRULE:FREQ=MONTHLY;COUNT=3\n"
		"END:VEVENT\n"
		"BEGIN:VEVENT\n"
		"UID:e\n"
		"RECURRENCE-ID;VALUE=DATE:20241002\n"
		"DTSTART;VALUE=DATE:20241003\n"
		"END:VEVENT\n"
		"END:VCALENDAR\n";

	CU_ASSERT_EQUAL_FATAL(load(h, text, D(2024, 1, 1), D(2024, 12, 31),
				   &e), TT_OK);
	CU_ASSERT(tt_holidays_contains(h, D(2024, 5, 1)));
	CU_ASSERT(tt_holidays_contains(h, D(2024, 5, 2)));
	CU_ASSERT(!tt_holidays_contains(h, D(2024, 5, 3)));
	CU_ASSERT(tt_holidays_contains(h, D(2024, 6, 1)));
	CU_ASSERT(tt_holidays_contains(h, D(2024, 6, 10)));
	CU_ASSERT(tt_holidays_contains(h, D(2024, 6, 20)));
	CU_ASSERT(tt_holidays_contains(h, D(2024, 7, 4)));
	CU_ASSERT(!tt_holidays_contains(h, D(2024, 8, 1)));
	CU_ASSERT(tt_holidays_contains(h, D(2024, 9, 2)));
	CU_ASSERT(!tt_holidays_contains(h, D(2024, 10, 2)));
	CU_ASSERT(tt_holidays_contains(h, D(2024, 10, 3)));
	CU_ASSERT(tt_holidays_contains(h, D(2024, 11, 2)));
	CU_ASSERT(!tt_holidays_contains(h, D(2024, 12, 2)));
	CU_ASSERT_EQUAL(tt_holidays_count(h), 9);
	/* The only rule ends by its COUNT: nothing is missing. */
	ASSERT_DATE_EQ(tt_holidays_complete_until(h), D(9999, 12, 31));
	tt_holidays_free(h);

	/* A byte order mark is not in the way. */
	h = tt_holidays_new();
	CU_ASSERT_EQUAL(load(h, "\xef\xbb\xbf" CAL("BEGIN:VEVENT\r\nUID:x\r\n"
						   "DTSTART;VALUE=DATE:20240101"
						   "\r\nEND:VEVENT\r\n"),
			     D(2024, 1, 1), D(2024, 12, 31), &e), TT_OK);
	CU_ASSERT_EQUAL(tt_holidays_count(h), 1);
	tt_holidays_free(h);

	/* An endless rule loads up to libical's last year, and says so. */
	h = tt_holidays_new();
	CU_ASSERT_EQUAL(load(h, CAL("BEGIN:VEVENT\r\nUID:x\r\n"
				    "DTSTART;VALUE=DATE:19000101\r\n"
				    "RRULE:FREQ=DAILY\r\nEND:VEVENT\r\n"),
			     D(2024, 2, 1), D(2024, 2, 29), &e), TT_OK);
	CU_ASSERT_EQUAL(count_between(h, D(2024, 2, 1), D(2024, 2, 29)), 29);
	CU_ASSERT_EQUAL(tt_holidays_count(h),
			(size_t)tt_date_diff_days(D(1900, 1, 1),
				D(TTP_ICAL_RECUR_YEAR_MAX + 1, 1, 1)));
	ASSERT_DATE_EQ(tt_holidays_complete_until(h),
		       D(TTP_ICAL_RECUR_YEAR_MAX, 12, 31));
	tt_holidays_free(h);
}

static void
test_holidays_errors(void)
{
	tt_holidays *h = tt_holidays_new();
	tt_error e;

	CU_ASSERT_EQUAL(load(h, "hello, world\n", D(2000, 1, 1),
			     D(2030, 1, 1), &e), TT_ESYNTAX);
	CU_ASSERT_STRING_EQUAL(e.message, "not an iCalendar file");
	CU_ASSERT_EQUAL(load(h, "", D(2000, 1, 1), D(2030, 1, 1), &e),
			TT_ESYNTAX);
	CU_ASSERT_STRING_EQUAL(e.message, "not an iCalendar file");
	/* A VEVENT without a VCALENDAR around it. */
	CU_ASSERT_EQUAL(load(h, "BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20241225"
			     "\r\nEND:VEVENT\r\n", D(2000, 1, 1),
			     D(2030, 1, 1), &e), TT_ESYNTAX);
	CU_ASSERT_STRING_EQUAL(e.message, "not an iCalendar file");
	CU_ASSERT_EQUAL(load(h, "\r\nBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n",
			     D(2000, 1, 1), D(2030, 1, 1), &e), TT_ESYNTAX);
	CU_ASSERT_STRING_EQUAL(e.message,
			       "BEGIN:VCALENDAR without END:VCALENDAR");
	CU_ASSERT_EQUAL(e.line, 2);

	/* A bad date: the message and the line it is on. */
	CU_ASSERT_EQUAL(load(h, CAL("BEGIN:VEVENT\r\nUID:x\r\n"
				    "SUMMARY:fine\r\n"
				    "DTSTART;VALUE=DATE:2024132\r\n"
				    "END:VEVENT\r\n"),
			     D(2000, 1, 1), D(2030, 1, 1), &e), TT_ESYNTAX);
	CU_ASSERT_EQUAL(e.line, 7);
	CU_ASSERT_STRING_EQUAL(e.message, "can't parse as DATE value in "
			       "DTSTART property: 2024132");
	/* A line that is no property at all. */
	CU_ASSERT_EQUAL(load(h, CAL("BEGIN:VEVENT\r\n"
				    "DTSTART;VALUE=DATE:20241225\r\n"
				    "THIS IS NOT A PROPERTY\r\n"
				    "END:VEVENT\r\n"),
			     D(2000, 1, 1), D(2030, 1, 1), &e), TT_ESYNTAX);
	CU_ASSERT_EQUAL(e.line, 6);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "THIS IS NOT A PROPERTY"));
	/* A bad rule. */
	CU_ASSERT_EQUAL(load(h, CAL("BEGIN:VEVENT\r\n"
				    "DTSTART;VALUE=DATE:20241225\r\n"
				    "RRULE:FREQ=YEARLIES\r\n"
				    "END:VEVENT\r\n"),
			     D(2000, 1, 1), D(2030, 1, 1), &e), TT_ESYNTAX);
	CU_ASSERT_EQUAL(e.line, 6);
	/* Nothing was added by the failed loads. */
	CU_ASSERT_EQUAL(tt_holidays_count(h), 0);
	tt_holidays_free(h);
}

/* --- libical's last year ------------------------------------------- */

/* libical itself: a yearly rule gives its last instance in
 * TTP_ICAL_RECUR_YEAR_MAX, and a rule starting a year later none. */
static void
test_libical_years(void)
{
	int max = TTP_ICAL_RECUR_YEAR_MAX;

	CU_ASSERT_EQUAL(ical_yearly_last_year(2000), max);
	CU_ASSERT_EQUAL(ical_yearly_last_year(max - 2), max);
	CU_ASSERT_EQUAL(ical_yearly_last_year(max), max);
	CU_ASSERT_EQUAL(ical_yearly_last_year(max + 1), 0);
}

/* A calendar of rules: how far it is complete, and rolling up to there
 * and no further. */
static void
test_holidays_limit(void)
{
	int max = TTP_ICAL_RECUR_YEAR_MAX;
	tt_holidays *h = tt_holidays_new();
	char until[64], msg[160];
	tt_date d;
	tt_error e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(h);
	CU_ASSERT_EQUAL_FATAL(load(h, CAL(
		"BEGIN:VEVENT\r\nUID:xmas\r\n"
		"DTSTART;VALUE=DATE:19701225\r\n"
		"RRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:once\r\n"
		"DTSTART;VALUE=DATE:29980704\r\nEND:VEVENT\r\n"),
		D(1, 1, 1), D(9999, 12, 31), &e), TT_OK);
	ASSERT_DATE_EQ(tt_holidays_complete_until(h), D(max, 12, 31));
	CU_ASSERT(tt_holidays_contains(h, D(max, 12, 25)));
	CU_ASSERT(!tt_holidays_contains(h, D(max + 1, 12, 25)));
	CU_ASSERT(tt_holidays_contains(h, D(2998, 7, 4)));

	/* The last year works. */
	CU_ASSERT_EQUAL(tt_date_roll(D(max, 12, 25), TT_ROLL_FOLLOWING, h, &d,
				     &e), TT_OK);
	CU_ASSERT(tt_date_compare(d, D(max, 12, 25)) > 0 &&
		  tt_date_compare(d, D(max, 12, 29)) < 0);
	CU_ASSERT_EQUAL(tt_date_roll(D(max, 12, 31), TT_ROLL_PRECEDING, h, &d,
				     &e), TT_OK);
	CU_ASSERT_EQUAL(tt_date_roll(D(max + 1, 1, 1), TT_ROLL_NONE, h, &d,
				     &e), TT_OK);

	/* The next year refuses, with a message that says why. */
	memset(&e, 0, sizeof e);
	CU_ASSERT_EQUAL(tt_date_roll(D(max + 1, 1, 1), TT_ROLL_FOLLOWING, h,
				     &d, &e), TT_ERANGE);
	CU_ASSERT_EQUAL(e.code, TT_ERANGE);
	snprintf(until, sizeof until, "only up to %04d-12-31 (libical "
		 "expands no further)", max);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, until));
	CU_ASSERT_EQUAL(strncmp(e.message, "cannot tell whether ", 20), 0);
	CU_ASSERT_EQUAL(tt_date_next_working_day(D(max, 12, 31), h, &d, &e),
			TT_ERANGE);
	CU_ASSERT_EQUAL(tt_date_roll(D(2998, 12, 25), TT_ROLL_PRECEDING, h,
				     &d, &e), TT_ERANGE);
	snprintf(msg, sizeof msg, "cannot tell whether Tue 2998-12-25 is a "
		 "holiday: the holiday calendar covers recurring holidays %s",
		 until);
	CU_ASSERT_STRING_EQUAL(e.message, msg);

	/* A schedule that needs it fails the same way. */
	{
		const char *kv[] = {
			"treaty", "entry_into_force", "2990-12-25",
			"treaty", "term", "10y",
			"consultation", "first", "8y",
			NULL
		};
		tt_schedule_options so = { .roll = TT_ROLL_FOLLOWING };
		tt_spec *spec = tt_spec_new();
		tt_schedule *s = tt_schedule_new();

		CU_ASSERT_PTR_NOT_NULL_FATAL(spec);
		CU_ASSERT_PTR_NOT_NULL_FATAL(s);
		for (size_t i = 0; kv[i] != NULL; i += 3)
			CU_ASSERT_EQUAL(tt_spec_set(spec, kv[i], kv[i + 1],
						    kv[i + 2], 0, 0, &e),
					TT_OK);
		so.holidays = h;
		CU_ASSERT_EQUAL(tt_schedule_compute(s, spec, &so, &e),
				TT_ERANGE);
		CU_ASSERT_STRING_EQUAL(e.message, msg);
		/* Without holidays only weekends count: it computes. */
		so.holidays = NULL;
		CU_ASSERT_EQUAL(tt_schedule_compute(s, spec, &so, &e), TT_OK);
		tt_schedule_free(s);
		tt_spec_free(spec);
	}
	tt_holidays_free(h);

	/* Rules that end within libical's years leave it complete; an
	 * UNTIL after them, or a start after them, does not. */
	{
		static const struct {
			const char *rule;
			bool complete;
		} cases[] = {
			{ "DTSTART;VALUE=DATE:19701225\r\n"
			  "RRULE:FREQ=YEARLY;COUNT=50\r\n", true },
			{ "DTSTART;VALUE=DATE:19701225\r\n"
			  "RRULE:FREQ=YEARLY;UNTIL=25821231\r\n", true },
			{ "DTSTART;VALUE=DATE:25801225\r\n"
			  "RRULE:FREQ=YEARLY;COUNT=3\r\n", true },
			{ "DTSTART;VALUE=DATE:25801225\r\n"
			  "RRULE:FREQ=YEARLY;COUNT=4\r\n", false },
			{ "DTSTART;VALUE=DATE:19701225\r\n"
			  "RRULE:FREQ=YEARLY;UNTIL=26001231\r\n", false },
			{ "DTSTART;VALUE=DATE:29901225\r\n"
			  "RRULE:FREQ=YEARLY;COUNT=2\r\n", false },
		};

		for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
			char text[512];

			if (max != 2582)
				break;	/* the dates above are 2582's */
			snprintf(text, sizeof text, CAL("BEGIN:VEVENT\r\n"
				 "UID:x\r\n%s" "END:VEVENT\r\n"),
				 cases[i].rule);
			h = tt_holidays_new();
			CU_ASSERT_EQUAL(load(h, text, D(1, 1, 1),
					     D(9999, 12, 31), &e), TT_OK);
			ASSERT_DATE_EQ(tt_holidays_complete_until(h),
				       cases[i].complete ? D(9999, 12, 31)
							 : D(max, 12, 31));
			tt_holidays_free(h);
		}
	}

	/* A rule starting after them: DTSTART is still a holiday. */
	h = tt_holidays_new();
	CU_ASSERT_EQUAL(load(h, CAL("BEGIN:VEVENT\r\nUID:x\r\n"
				    "DTSTART;VALUE=DATE:29901225\r\n"
				    "RRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n"),
			     D(1, 1, 1), D(9999, 12, 31), &e), TT_OK);
	CU_ASSERT(tt_holidays_contains(h, D(2990, 12, 25)));
	CU_ASSERT_EQUAL(tt_holidays_count(h), 1);
	ASSERT_DATE_EQ(tt_holidays_complete_until(h), D(max, 12, 31));
	tt_holidays_free(h);

	/* Set by hand, it only moves earlier. */
	h = tt_holidays_new();
	ASSERT_DATE_EQ(tt_holidays_complete_until(h), D(9999, 12, 31));
	ASSERT_DATE_EQ(tt_holidays_complete_until(NULL), D(9999, 12, 31));
	CU_ASSERT_EQUAL(tt_holidays_set_complete_until(h, D(2030, 12, 31),
						       &e), TT_OK);
	CU_ASSERT_EQUAL(tt_holidays_set_complete_until(h, D(2040, 12, 31),
						       &e), TT_OK);
	ASSERT_DATE_EQ(tt_holidays_complete_until(h), D(2030, 12, 31));
	CU_ASSERT_EQUAL(tt_holidays_set_complete_until(h, D(2030, 2, 30),
						       &e), TT_ERANGE);
	CU_ASSERT_EQUAL(tt_date_roll(D(2031, 1, 2), TT_ROLL_FOLLOWING, h, &d,
				     &e), TT_ERANGE);
	CU_ASSERT_STRING_EQUAL(e.message, "cannot tell whether Thu "
			       "2031-01-02 is a holiday: the holidays are "
			       "known only up to 2030-12-31");
	tt_holidays_free(h);
}

/* The writer's RRULE form: a series whose last date is in libical's last
 * year is one event; a year later, one event per date, so that a
 * libical-based reader loses none. */
static void
test_rrule_limit(void)
{
	int max = TTP_ICAL_RECUR_YEAR_MAX;

	for (int past = 0; past < 2; past++) {
		char eif[16];
		const char *kv[] = {
			"treaty", "id", "edge",
			"treaty", "entry_into_force", eif,
			"treaty", "term", "20y",
			"consultation", "first", "1y",
			"consultation", "every", "1y",
			"consultation", "count", "10",
			NULL
		};
		tt_ics_options o = options();
		const tt_schedule *one[1];
		tt_schedule *s;
		struct events ev;
		char *text;
		size_t len;

		/* Consultations in the ten years up to MAX (+ PAST). */
		snprintf(eif, sizeof eif, "%04d-06-15", max - 10 + past);
		s = schedule_of(kv, NULL);
		one[0] = s;
		o.rrule = true;
		text = render(one, 1, &o, &len);
		read_events(text, &ev);
		CU_ASSERT(!ev.bad);
		if (!past) {
			CU_ASSERT_EQUAL(count_rrules(&ev), 1);
			CU_ASSERT_EQUAL(ev.n, 3);
		} else {
			CU_ASSERT_EQUAL(count_rrules(&ev), 0);
			CU_ASSERT_EQUAL(ev.n, tt_schedule_count(s));
		}
		CU_ASSERT_EQUAL(check_lines(text, "rrule limit"), 0);
		/* Every date read back by libical. */
		check_libical(text, len, distinct_days(one, 1),
			      past ? "a year past" : "last year");
		events_free(&ev);
		free(text);
		tt_schedule_free(s);
	}
}

/* The window and kinds of tt_ics_options: both days included, the
 * defaults show everything, and a date bound writes a series one event
 * per date even with rrule. */
static void
test_window(void)
{
	tt_schedule *s = litvinov("1947-09-15");
	tt_ics_options o = options();
	struct events ev;
	char *text;
	size_t all;

	CU_ASSERT_FALSE(o.has_from);
	CU_ASSERT_FALSE(o.has_until);
	CU_ASSERT_EQUAL(o.kinds, 0);
	text = render1(s, &o);
	read_events(text, &ev);
	all = ev.n;
	CU_ASSERT(all >= 7);
	events_free(&ev);
	free(text);

	o.has_from = o.has_until = true;
	o.from = D(1977, 9, 15);
	o.until = D(1987, 9, 15);
	text = render1(s, &o);
	read_events(text, &ev);
	CU_ASSERT(!ev.bad);
	CU_ASSERT_EQUAL(ev.n, 3);
	CU_ASSERT_EQUAL(check_lines(text, "window"), 0);
	check_libical(text, strlen(text), 3, "window");
	events_free(&ev);
	free(text);

	o.rrule = true;
	text = render1(s, &o);
	read_events(text, &ev);
	CU_ASSERT_EQUAL(ev.n, 3);
	CU_ASSERT_EQUAL(count_rrules(&ev), 0);
	events_free(&ev);
	free(text);

	o.from = o.until = D(1987, 9, 14);
	text = render1(s, &o);
	read_events(text, &ev);
	CU_ASSERT_EQUAL(ev.n, 0);
	events_free(&ev);
	free(text);

	o.has_from = o.has_until = false;
	o.kinds = 1u << TT_KIND_EXPIRY;
	text = render1(s, &o);
	read_events(text, &ev);
	CU_ASSERT_EQUAL(ev.n, 1);
	events_free(&ev);
	free(text);

	/* A kind alone keeps the series whole, as one RRULE. */
	o.kinds = 1u << TT_KIND_CONSULTATION;
	text = render1(s, &o);
	read_events(text, &ev);
	CU_ASSERT_EQUAL(ev.n, 1);
	CU_ASSERT_EQUAL(count_rrules(&ev), 1);
	events_free(&ev);
	free(text);
	tt_schedule_free(s);
}

void
add_ics_tests(void)
{
	static const CU_TestInfo writer[] = {
		{ "folding at every length", test_fold_lengths },
		{ "escaping of TEXT values", test_escaping },
		{ "calendar header", test_header },
		{ "one event exactly", test_event_exact },
		{ "stable and unique UIDs", test_uid },
		{ "same input, same bytes", test_deterministic },
		{ "DTEND is the next day", test_dtend },
		{ "9999-12-31", test_last_day },
		{ "alarms", test_alarms },
		{ "RRULE for exact series only", test_rrule },
		{ "no RRULE past libical's last year", test_rrule_limit },
		{ "write errors", test_write_error },
		{ "a window of dates and kinds", test_window },
		{ "export for client checks", test_export },
		{ "170 schedules, every option", test_corpus },
		CU_TEST_INFO_NULL
	};
	static const CU_TestInfo holidays[] = {
		{ "yearly rule and EXDATE", test_holidays_rrule },
		{ "spans, RDATE, overrides", test_holidays_kinds },
		{ "invalid calendars", test_holidays_errors },
		{ "libical's last year", test_libical_years },
		{ "complete up to libical's last year",
		  test_holidays_limit },
		CU_TEST_INFO_NULL
	};

	unit_add_suite("ics", writer);
	unit_add_suite("ics-holidays", holidays);
}
