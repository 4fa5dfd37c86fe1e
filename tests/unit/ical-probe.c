/*
 * ical-probe.c -- libical as an independent reader for the unit tests.
 *
 * The library writes calendars itself and reads them with libical only
 * in holidays-ics.c; the tests read what it writes with libical here too,
 * directly, and probe what libical does at the end of its years
 * (ical-limits.h), so that a libical that moves the limit fails the
 * tests instead of shifting dates.  The only test file that includes
 * libical.
 */
#include <libical/ical.h>

#include "unit.h"

long
ical_count_events(const char *text)
{
	icalcomponent *root = icalparser_parse_string(text), *ev;
	long n = 0;

	if (root == NULL)
		return -1;
	if (icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT ||
	    icalcomponent_count_errors(root) != 0) {
		icalcomponent_free(root);
		return -1;
	}
	for (ev = icalcomponent_get_first_component(root,
						     ICAL_VEVENT_COMPONENT);
	     ev != NULL;
	     ev = icalcomponent_get_next_component(root,
						    ICAL_VEVENT_COMPONENT))
		n++;
	icalcomponent_free(root);
	return n;
}

int
ical_yearly_last_year(int year)
{
	struct icalrecurrencetype rule;
	struct icaltimetype start = icaltime_null_date(), t;
	icalrecur_iterator *it;
	int last = 0;

	rule = icalrecurrencetype_from_string("FREQ=YEARLY");
	start.year = year;
	start.month = 12;
	start.day = 25;
	start.is_date = 1;
	/* icaltime_null_date() leaves these at -1, which the iterator
	 * takes for a time. */
	start.hour = start.minute = start.second = 0;
	it = icalrecur_iterator_new(rule, start);
	if (it == NULL)
		return 0;
	/* Stop well after the year 9999, in case it never ends. */
	for (int k = 0; k < 10000; k++) {
		t = icalrecur_iterator_next(it);
		if (icaltime_is_null_time(t))
			break;
		last = t.year;
	}
	icalrecur_iterator_free(it);
	return last;
}
