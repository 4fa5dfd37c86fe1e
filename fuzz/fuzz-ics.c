/*
 * fuzz-ics.c -- libFuzzer target for iCalendar output and holiday input.
 *
 * The input is read twice.  As a spec file: if it computes, the schedule
 * is rendered with tt_ics_render(), once plainly and once with recurrence
 * rules, alarms and a calendar name, and each calendar is parsed back with
 * libical, which must find no error; the plain one must hold one VEVENT
 * per milestone.  Both are then loaded back as holidays: the days they
 * cover must be exactly the milestones' dates, and the holidays complete
 * for every year, which checks the RRULEs against the dates they stand
 * for (and that none reaches past the last year libical expands).  As a
 * holiday calendar: the raw bytes go to tt_holidays_load_ics(); a
 * calendar complete only up to some day must refuse to roll past it.
 * Any mismatch abort()s.  Build and run with fuzz/run.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>
#include <treatyterm/treatyterm.h>

#include "ical-limits.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_MILESTONES 500

/*
 * Regression checked: libical expands recurrences only up to the end of
 * TTP_ICAL_RECUR_YEAR_MAX (2582; it refuses a later DTSTART and ends a
 * rule there silently), so the writer writes no RRULE for a series that
 * reaches past it (it used to allow them up to the year 3000: a reader
 * lost the later dates).  Seed: corpus/ics/rrule-past-2582.ini.  Build
 * with -DFUZZ_STRICT=0 to skip that round trip for such schedules.
 */
#ifndef FUZZ_STRICT
#define FUZZ_STRICT 1
#endif

static void
fail(const char *what, const char *ics)
{
	fprintf(stderr, "fuzz-ics: %s\n", what);
	if (ics != NULL)
		fprintf(stderr, "--- calendar ---\n%s--- end ---\n", ics);
	abort();
}

/* The VEVENTs of the calendar TEXT; aborts if libical finds an error. */
static size_t
parse_back(const char *text)
{
	icalcomponent *root = icalparser_parse_string(text), *ev;
	size_t n = 0;

	if (root == NULL)
		fail("libical cannot parse the calendar", text);
	if (icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT)
		fail("the calendar is not one VCALENDAR", text);
	if (icalcomponent_count_errors(root) != 0)
		fail("libical finds errors in the calendar", text);
	for (ev = icalcomponent_get_first_component(root,
						     ICAL_VEVENT_COMPONENT);
	     ev != NULL;
	     ev = icalcomponent_get_next_component(root,
						    ICAL_VEVENT_COMPONENT))
		n++;
	icalcomponent_free(root);
	return n;
}

/* Loads TEXT as holidays; its days must be exactly the milestones'
 * dates, known for every year. */
static void
same_days(const tt_schedule *s, const char *text, size_t len)
{
	size_t n = tt_schedule_count(s), distinct = 0;
	tt_date all = { 9999, 12, 31 };
	tt_holidays *h;
	tt_error e;

	if (n == 0)
		return;
	h = tt_holidays_new();
	if (h == NULL)
		fail("out of memory", NULL);
	if (tt_holidays_load_ics(h, text, len, &e) != TT_OK) {
		fprintf(stderr, "%s\n", e.message);
		fail("the calendar does not load as holidays", text);
	}
	if (tt_date_compare(tt_holidays_complete_until(h), all) != 0)
		fail("libical cannot expand the calendar's rules to their end",
		     text);
	for (size_t i = 0; i < n; i++) {
		const tt_milestone *m = tt_schedule_at(s, i);

		if (!tt_holidays_contains(h, m->date))
			fail("a milestone's date is not in the calendar",
			     text);
		if (i == 0 || tt_date_compare(m->date,
					      tt_schedule_at(s, i - 1)->date))
			distinct++;
	}
	if (tt_holidays_count(h) != distinct)
		fail("the calendar has days that are no milestone's", text);
	tt_holidays_free(h);
}

/* A calendar complete up to libical's last year or for every year; past
 * where it is complete, rolling must refuse (a rest day may be passed,
 * never a weekday that might be a holiday). */
static void
check_limit(const tt_holidays *h)
{
	tt_date last = tt_holidays_complete_until(h), d;
	tt_date cut = { TTP_ICAL_RECUR_YEAR_MAX, 12, 31 };
	tt_date all = { 9999, 12, 31 };
	tt_error e;

	if (tt_date_compare(last, all) == 0)
		return;
	if (tt_date_compare(last, cut) != 0)
		fail("the holidays are complete up to an odd day", NULL);
	memset(&e, 0, sizeof e);
	if (tt_date_next_working_day(last, h, &d, &e) != TT_ERANGE ||
	    strstr(e.message, "libical expands no further") == NULL)
		fail("a roll past the complete holidays did not refuse",
		     NULL);
}

static void
render(const tt_schedule *s, bool fancy)
{
	const tt_schedule *one[1] = { s };
	tt_ics_options opt;
	char *text = NULL;
	size_t len = 0, events;
	tt_error e;

	tt_ics_options_init(&opt);
	opt.dtstamp = 1700000000;
	if (fancy) {
		opt.calendar_name = *tt_schedule_name(s) ?
				    tt_schedule_name(s) : "a; b, c\\ \"d\"";
		opt.remind[0] = tt_duration_of_days(7);
		opt.nremind = 1;
		opt.remind_all = true;
		opt.rrule = true;
	}
	if (tt_ics_render(one, 1, &opt, &text, &len, &e) != TT_OK) {
		/* An alarm before 0001-01-01 is the only refusal
		 * expected. */
		if (e.message[0] == '\0')
			fail("tt_ics_render failed without a message", NULL);
		free(text);
		return;
	}
	if (text == NULL || strlen(text) != len)
		fail("tt_ics_render: length differs from the text", NULL);
	events = parse_back(text);
	if (!fancy && events != tt_schedule_count(s))
		fail("not one VEVENT per milestone", text);
	if (fancy && events > tt_schedule_count(s))
		fail("more VEVENTs than milestones", text);
	if (!FUZZ_STRICT && fancy && tt_schedule_count(s) > 0 &&
	    tt_schedule_at(s, tt_schedule_count(s) - 1)->date.year >
	    TTP_ICAL_RECUR_YEAR_MAX) {
		free(text);
		return;
	}
	same_days(s, text, len);
	free(text);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tt_schedule_options opt = {
		.roll = TT_ROLL_NONE, .max_milestones = MAX_MILESTONES
	};
	tt_holidays *h;
	tt_schedule *s;
	tt_spec *spec;
	tt_error e;
	tt_status st;

	spec = tt_spec_new();
	s = tt_schedule_new();
	h = tt_holidays_new();
	if (spec == NULL || s == NULL || h == NULL)
		fail("out of memory", NULL);
	if (tt_spec_parse(spec, (const char *)data, size, &e) == TT_OK &&
	    tt_schedule_compute(s, spec, &opt, &e) == TT_OK) {
		render(s, false);
		render(s, true);
	}
	memset(&e, 0, sizeof e);
	st = tt_holidays_load_ics(h, (const char *)data, size, &e);
	if (st != TT_OK && (e.code != st || e.message[0] == '\0'))
		fail("a refused calendar without a message", NULL);
	if (st == TT_OK)
		check_limit(h);
	tt_holidays_free(h);
	tt_schedule_free(s);
	tt_spec_free(spec);
	return 0;
}
