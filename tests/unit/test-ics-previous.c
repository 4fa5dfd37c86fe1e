/*
 * test-ics-previous.c -- a calendar written again over the one written
 * before (tt_ics_options.previous), and the calendar's own properties.
 *
 * The Litvinov proposal is written with a 50-year term, then again with
 * 35 years: its entry into force and first consultations stay byte for
 * byte, its expiry moves (SEQUENCE 1, LAST-MODIFIED), and the
 * consultations after the new expiry come back cancelled.  Written a
 * third time over that, the cancelled events are carried as they were;
 * with 50 years again, they come back with SEQUENCE 2.  Every calendar
 * is also read by libical directly.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ics-text.h"

#define DTSTAMP_OLD 1700000000		/* 2023-11-14T22:13:20Z */
#define DTSTAMP_NEW 1800000000		/* 2027-01-15T08:00:00Z */

/* The Litvinov proposal with TERM, consultations while it is in force
 * (5 in 50 years, 2 in 35), and URL (or none). */
static tt_schedule *
litvinov(const char *term, const char *url)
{
	const char *count = strcmp(term, "50y") == 0 ? "5" : "2";
	const char *kv[][3] = {
		{ "treaty", "id", "litvinov-1946" },
		{ "treaty", "name", "Litvinov proposal (1946)" },
		{ "treaty", "entry_into_force", "1947-09-15" },
		{ "treaty", "term", term },
		{ "consultation", "first", "25y" },
		{ "consultation", "every", "5y" },
		{ "consultation", "count", count },
		{ "treaty", "url", url },
	};
	tt_spec *spec = tt_spec_new();
	tt_schedule *s = tt_schedule_new();
	tt_error e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(spec);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	for (size_t i = 0; i < sizeof kv / sizeof kv[0]; i++) {
		if (kv[i][2] == NULL)
			continue;
		CU_ASSERT_EQUAL_FATAL(tt_spec_set(spec, kv[i][0], kv[i][1],
						  kv[i][2], 0, 0, &e), TT_OK);
	}
	CU_ASSERT_EQUAL_FATAL(tt_schedule_compute(s, spec, NULL, &e), TT_OK);
	tt_spec_free(spec);
	return s;
}

/* The calendar of S with DTSTAMP, PREV (or none) and REMIND days of
 * alarm (0 for none). */
static char *
write(const tt_schedule *s, int64_t dtstamp, const tt_ics_previous *prev,
      int remind)
{
	tt_ics_options o;
	char *out = NULL;
	tt_error e;
	tt_status st;

	tt_ics_options_init(&o);
	o.dtstamp = dtstamp;
	o.previous = prev;
	if (remind > 0) {
		o.remind[0] = tt_duration_of_days(remind);
		o.nremind = 1;
	}
	st = tt_ics_render(&s, 1, &o, &out, NULL, &e);
	if (st != TT_OK)
		fprintf(stderr, "\n  render: %s\n", e.message);
	CU_ASSERT_EQUAL_FATAL(st, TT_OK);
	CU_ASSERT_FATAL(ical_count_events(out) > 0);
	return out;
}

static tt_ics_previous *
read_previous(const char *text)
{
	tt_ics_previous *p = NULL;
	tt_error e;
	tt_status st = tt_ics_previous_read(text, strlen(text), &p, &e);

	if (st != TT_OK)
		fprintf(stderr, "\n  previous: %s\n", e.message);
	CU_ASSERT_EQUAL_FATAL(st, TT_OK);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	return p;
}

/* A new string: the VEVENT of TEXT whose SUMMARY ends with WHAT, from
 * BEGIN:VEVENT to END:VEVENT and its CRLF; NULL if there is none. */
static char *
event_of(const char *text, const char *what)
{
	const char *p = text;
	char needle[128];

	snprintf(needle, sizeof needle, "(1946): %s\r\n", what);
	while ((p = strstr(p, "BEGIN:VEVENT\r\n")) != NULL) {
		const char *end = strstr(p, "END:VEVENT\r\n");
		const char *hit = strstr(p, needle);

		CU_ASSERT_PTR_NOT_NULL_FATAL(end);
		end += strlen("END:VEVENT\r\n");
		if (hit != NULL && hit < end) {
			char *r = malloc((size_t)(end - p) + 1);

			CU_ASSERT_PTR_NOT_NULL_FATAL(r);
			memcpy(r, p, (size_t)(end - p));
			r[end - p] = '\0';
			return r;
		}
		p = end;
	}
	return NULL;
}

/* How many times NEEDLE occurs in TEXT. */
static int
count(const char *text, const char *needle)
{
	int n = 0;

	for (const char *p = text; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

/* The same schedule over its own calendar: the same bytes, although the
 * DTSTAMP is another. */
static void
test_unchanged(void)
{
	tt_schedule *s = litvinov("50y", NULL);
	char *old = write(s, DTSTAMP_OLD, NULL, 90);
	tt_ics_previous *p = read_previous(old);
	char *again = write(s, DTSTAMP_NEW, p, 90);

	CU_ASSERT_EQUAL(tt_ics_previous_count(p), 7);
	CU_ASSERT_STRING_EQUAL(again, old);
	free(again);
	tt_ics_previous_free(p);
	free(old);
	tt_schedule_free(s);
}

/* 50 years, then 35: the unchanged events as they were, the expiry with
 * SEQUENCE 1 and LAST-MODIFIED, the later consultations cancelled. */
static void
test_changed_and_removed(void)
{
	tt_schedule *s50 = litvinov("50y", NULL), *s35 = litvinov("35y", NULL);
	char *old = write(s50, DTSTAMP_OLD, NULL, 90);
	tt_ics_previous *p = read_previous(old);
	char *now = write(s35, DTSTAMP_NEW, p, 90);
	char *a, *b;

	/* Unchanged: byte for byte, the old DTSTAMP and SEQUENCE. */
	a = event_of(old, "Consultation 2");
	b = event_of(now, "Consultation 2");
	CU_ASSERT_PTR_NOT_NULL_FATAL(a);
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	CU_ASSERT_STRING_EQUAL(a, b);
	CU_ASSERT_PTR_NOT_NULL(strstr(b, "DTSTAMP:20231114T221320Z\r\n"));
	free(a);
	free(b);

	/* Changed: the next SEQUENCE, LAST-MODIFIED = DTSTAMP, and still
	 * its alarm. */
	b = event_of(now, "Expiry (last day in force)");
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	CU_ASSERT_PTR_NOT_NULL(strstr(b, "DTSTART;VALUE=DATE:19820915\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(b, "\r\nSEQUENCE:1\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(b, "\r\nDTSTAMP:20270115T080000Z\r\n"));
	CU_ASSERT_PTR_NOT_NULL(strstr(b,
		"\r\nLAST-MODIFIED:20270115T080000Z\r\n"));
	CU_ASSERT_PTR_NULL(strstr(b, "STATUS"));
	CU_ASSERT_EQUAL(count(b, "BEGIN:VALARM"), 1);
	free(b);

	/* Removed: written once more, cancelled, without its alarms. */
	for (int k = 3; k <= 5; k++) {
		char what[32];

		snprintf(what, sizeof what, "Consultation %d", k);
		a = event_of(old, what);
		b = event_of(now, what);
		CU_ASSERT_PTR_NOT_NULL_FATAL(a);
		CU_ASSERT_PTR_NOT_NULL_FATAL(b);
		CU_ASSERT_PTR_NOT_NULL(strstr(b, "\r\nSTATUS:CANCELLED\r\n"));
		CU_ASSERT_PTR_NOT_NULL(strstr(b, "\r\nSEQUENCE:1\r\n"));
		CU_ASSERT_PTR_NOT_NULL(strstr(b,
			"\r\nLAST-MODIFIED:20270115T080000Z\r\n"));
		CU_ASSERT_EQUAL(count(b, "DTSTAMP:"), 1);
		CU_ASSERT_EQUAL(count(b, "SEQUENCE:"), 1);
		/* The same UID and date as before. */
		CU_ASSERT_NSTRING_EQUAL(strstr(a, "UID:"), strstr(b, "UID:"),
					40);
		CU_ASSERT_NSTRING_EQUAL(strstr(a, "DTSTART"),
					strstr(b, "DTSTART"), 27);
		free(a);
		free(b);
	}
	CU_ASSERT_EQUAL(count(now, "BEGIN:VEVENT"), 7);
	CU_ASSERT_EQUAL(count(now, "STATUS:CANCELLED"), 3);
	CU_ASSERT_EQUAL(ical_count_events(now), 7);
	free(now);
	tt_ics_previous_free(p);
	free(old);
	tt_schedule_free(s50);
	tt_schedule_free(s35);
}

/* Over a calendar with cancelled events: they are carried as they were;
 * an event that comes back gets the next SEQUENCE and no STATUS. */
static void
test_cancelled_carried(void)
{
	tt_schedule *s50 = litvinov("50y", NULL), *s35 = litvinov("35y", NULL);
	char *first = write(s50, DTSTAMP_OLD, NULL, 0);
	tt_ics_previous *p1 = read_previous(first);
	char *second = write(s35, DTSTAMP_NEW, p1, 0);
	tt_ics_previous *p2 = read_previous(second);
	char *third = write(s35, DTSTAMP_NEW + 86400, p2, 0);
	char *back = write(s50, DTSTAMP_NEW + 86400, p2, 0);
	char *a, *b;

	/* The same schedule again: nothing changes at all. */
	CU_ASSERT_STRING_EQUAL(third, second);

	/* Consultation 4 comes back. */
	b = event_of(back, "Consultation 4");
	CU_ASSERT_PTR_NOT_NULL_FATAL(b);
	CU_ASSERT_PTR_NULL(strstr(b, "STATUS"));
	CU_ASSERT_PTR_NOT_NULL(strstr(b, "\r\nSEQUENCE:2\r\n"));
	free(b);
	/* The entry into force never changed. */
	a = event_of(first, "Entry into force");
	b = event_of(back, "Entry into force");
	CU_ASSERT_STRING_EQUAL(a, b);
	free(a);
	free(b);
	CU_ASSERT_EQUAL(count(back, "STATUS:CANCELLED"), 0);

	free(back);
	free(third);
	tt_ics_previous_free(p2);
	free(second);
	tt_ics_previous_free(p1);
	free(first);
	tt_schedule_free(s50);
	tt_schedule_free(s35);
}

/* The calendar of the schedules S[0..N) over PREV, the treaty KEPT
 * (NULL for none) said to be kept before they are added. */
static char *
write_keeping(const tt_schedule *const *s, size_t n,
	      const tt_ics_previous *prev, const char *kept)
{
	tt_ics_options o;
	tt_ics_writer *w;
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	tt_error e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	tt_ics_options_init(&o);
	o.dtstamp = DTSTAMP_NEW;
	o.previous = prev;
	w = tt_ics_writer_new(fp, &o, &e);
	CU_ASSERT_PTR_NOT_NULL_FATAL(w);
	if (kept != NULL)
		CU_ASSERT_EQUAL(tt_ics_writer_keep(w, kept, &e), TT_OK);
	for (size_t i = 0; i < n; i++)
		CU_ASSERT_EQUAL(tt_ics_writer_add(w, s[i], &e), TT_OK);
	CU_ASSERT_EQUAL(tt_ics_writer_finish(w, &e), TT_OK);
	tt_ics_writer_free(w);
	CU_ASSERT_EQUAL_FATAL(fclose(fp), 0);
	return out;
}

/* A treaty not written this time but kept (batch's bad row): its events
 * are written as they were, not cancelled; another treaty's are
 * cancelled; and a kept treaty written after all is written once. */
static void
test_kept(void)
{
	tt_schedule *s50 = litvinov("50y", NULL);
	char *old = write(s50, DTSTAMP_OLD, NULL, 0);
	tt_ics_previous *p = read_previous(old);
	char *kept = write_keeping(NULL, 0, p, "litvinov-1946");
	char *other = write_keeping(NULL, 0, p, "another-treaty");
	char *both = write_keeping((const tt_schedule *const *)&s50, 1, p,
				   "litvinov-1946");
	const char *ev = strstr(old, "BEGIN:VEVENT");

	/* Every event, byte for byte, in its order, to the calendar's end. */
	CU_ASSERT_PTR_NOT_NULL_FATAL(ev);
	CU_ASSERT_PTR_NOT_NULL(strstr(kept, ev));
	CU_ASSERT_EQUAL(count(kept, "BEGIN:VEVENT"), 7);
	CU_ASSERT_EQUAL(count(kept, "STATUS:CANCELLED"), 0);
	CU_ASSERT_PTR_NOT_NULL(strstr(kept, "DTSTAMP:20231114T221320Z"));
	CU_ASSERT_EQUAL(ical_count_events(kept), 7);
	CU_ASSERT_EQUAL(count(other, "STATUS:CANCELLED"), 7);
	CU_ASSERT_EQUAL(count(both, "BEGIN:VEVENT"), 7);
	CU_ASSERT_EQUAL(count(both, "STATUS:CANCELLED"), 0);
	free(both);
	free(other);
	free(kept);
	tt_ics_previous_free(p);
	free(old);
	tt_schedule_free(s50);
}

/* A previous calendar with bare LF line ends (as some tools save it):
 * still the same events, written with CRLF. */
static void
test_lf_previous(void)
{
	tt_schedule *s = litvinov("50y", NULL);
	char *old = write(s, DTSTAMP_OLD, NULL, 0);
	char *lf = malloc(strlen(old) + 1), *q = lf;
	tt_ics_previous *p;
	char *again;

	CU_ASSERT_PTR_NOT_NULL_FATAL(lf);
	for (const char *c = old; *c != '\0'; c++)
		if (*c != '\r')
			*q++ = *c;
	*q = '\0';
	p = read_previous(lf);
	again = write(s, DTSTAMP_NEW, p, 0);
	CU_ASSERT_STRING_EQUAL(again, old);
	free(again);
	tt_ics_previous_free(p);
	free(lf);
	free(old);
	tt_schedule_free(s);
}

/* Only the lines that say when an event was written are left out of
 * what is compared, whatever the case of their names and the folds. */
static void
test_content(void)
{
	struct ttp_buf b = { NULL, 0, 0, false };
	const char *ev = "BEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20231114T221320Z\r\n"
			 "SUMMARY:a long\r\n  summary\r\nsequence:4\r\n"
			 "Last-Modified;X=1:20231114T221320Z\r\n"
			 "DTSTAMPED:1\r\nEND:VEVENT\r\n";

	ttp_ics_content(&b, ev, strlen(ev));
	CU_ASSERT_STRING_EQUAL(b.p, "BEGIN:VEVENT\nUID:x\n"
			       "SUMMARY:a long summary\nDTSTAMPED:1\n"
			       "END:VEVENT\n");
	ttp_buf_release(&b);
}

static void
test_errors(void)
{
	tt_ics_previous *p = NULL;
	tt_error e;
	const char *bad =
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
		"BEGIN:VEVENT\r\nUID:a\r\n"
		"DTSTART;VALUE=DATE:2024132\r\nEND:VEVENT\r\n"
		"END:VCALENDAR\r\n";

	CU_ASSERT_EQUAL(tt_ics_previous_read("hello\n", 6, &p, &e),
			TT_ESYNTAX);
	CU_ASSERT_STRING_EQUAL(e.message, "not an iCalendar file");
	CU_ASSERT_PTR_NULL(p);
	CU_ASSERT_EQUAL(tt_ics_previous_read("", 0, &p, &e), TT_ESYNTAX);
	CU_ASSERT_EQUAL(tt_ics_previous_read(bad, strlen(bad), &p, &e),
			TT_ESYNTAX);
	CU_ASSERT_EQUAL(e.line, 6);
	CU_ASSERT_STRING_EQUAL(e.message, "can't parse as DATE value in "
			       "DTSTART property: 2024132");
	CU_ASSERT_PTR_NULL(p);
	tt_ics_previous_free(NULL);
}

/* The calendar's RFC 7986 properties, and a treaty's URL on each
 * event. */
static void
test_calendar_properties(void)
{
	tt_schedule *s = litvinov("50y", "https://example.org/t?a=1,b;c");
	const tt_schedule *cs = s;
	tt_ics_options o;
	char *out = NULL;
	tt_error e;

	tt_ics_options_init(&o);
	o.calendar_name = "Litvinov";
	o.description = "Dates, of; a treaty";
	o.refresh = 43200;
	o.source_url = "https://example.org/litvinov.ics";
	o.color = "darkred";
	CU_ASSERT_EQUAL_FATAL(tt_ics_render(&cs, 1, &o, &out, NULL, &e),
			      TT_OK);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "\r\nX-WR-CALNAME:Litvinov\r\n"
		"DESCRIPTION:Dates\\, of\\; a treaty\r\n"
		"X-WR-CALDESC:Dates\\, of\\; a treaty\r\n"
		"SOURCE:https://example.org/litvinov.ics\r\n"
		"URL:https://example.org/litvinov.ics\r\n"
		"REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n"
		"X-PUBLISHED-TTL:PT12H\r\n"
		"COLOR:darkred\r\nBEGIN:VEVENT\r\n"));
	CU_ASSERT_EQUAL(count(out, "\r\nURL:https://example.org/t?a=1,b;c\r\n"),
			7);
	CU_ASSERT_EQUAL(ical_count_events(out), 7);
	free(out);

	o.refresh = 7 * 86400;
	CU_ASSERT_EQUAL_FATAL(tt_ics_render(&cs, 1, &o, &out, NULL, &e),
			      TT_OK);
	CU_ASSERT_PTR_NOT_NULL(strstr(out, "X-PUBLISHED-TTL:P1W\r\n"));
	free(out);

	o.source_url = "ftp://example.org/x.ics";
	CU_ASSERT_EQUAL(tt_ics_render(&cs, 1, &o, &out, NULL, &e), TT_EINVAL);
	CU_ASSERT_PTR_NULL(out);
	o.source_url = "https://example.org/a b";
	CU_ASSERT_EQUAL(tt_ics_options_check(&o, &e), TT_EINVAL);
	o.source_url = NULL;
	o.color = "#ff0000";
	CU_ASSERT_EQUAL(tt_ics_options_check(&o, &e), TT_EINVAL);
	tt_schedule_free(s);
}

/* The spec's [treaty] url must be an http: or https: URL. */
static void
test_spec_url(void)
{
	tt_spec *spec = tt_spec_new();
	tt_error e;

	CU_ASSERT_EQUAL(tt_spec_set(spec, "treaty", "url",
				    "https://example.org/", 0, 0, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_spec_set(spec, "treaty", "url",
				    "HTTP://example.org/", 0, 0, &e), TT_OK);
	CU_ASSERT_NOT_EQUAL(tt_spec_set(spec, "treaty", "url",
					"example.org", 0, 0, &e), TT_OK);
	CU_ASSERT_NOT_EQUAL(tt_spec_set(spec, "treaty", "url",
					"https://a b", 0, 0, &e), TT_OK);
	CU_ASSERT_NOT_EQUAL(tt_spec_set(spec, "treaty", "url", "https:",
					0, 0, &e), TT_OK);
	CU_ASSERT_NOT_EQUAL(tt_spec_set(spec, "treaty", "url",
					"javascript:alert(1)", 0, 0, &e),
			    TT_OK);
	tt_spec_free(spec);
}

void
add_ics_previous_tests(void)
{
	static const CU_TestInfo tests[] = {
		{ "unchanged: the same bytes", test_unchanged },
		{ "changed and removed events", test_changed_and_removed },
		{ "cancelled events carried, or back",
		  test_cancelled_carried },
		{ "a previous calendar with LF line ends", test_lf_previous },
		{ "what is compared", test_content },
		{ "unreadable previous calendars", test_errors },
		{ "calendar properties and URLs", test_calendar_properties },
		{ "[treaty] url", test_spec_url },
		{ "a treaty kept", test_kept },
		CU_TEST_INFO_NULL
	};

	unit_add_suite("ics-previous", tests);
}
