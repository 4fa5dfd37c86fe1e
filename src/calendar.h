/*
 * calendar.h -- the calendar options shared by schedule, compare and
 * batch: holidays and rolling (--holidays, --roll) and iCalendar output
 * (--remind, --remind-all, --rrule, --calendar-name, SOURCE_DATE_EPOCH).
 *
 * The options are the group options_calendar (options.h); those for
 * calendar files have no effect in other formats, and saying so is a
 * usage error.
 */
#ifndef TREATYTERM_CALENDAR_H
#define TREATYTERM_CALENDAR_H

#include <stdbool.h>
#include <stdio.h>

#include <treatyterm/treatyterm.h>

struct calendar_opts {
	const char *holidays_file;
	tt_roll roll;
	tt_ics_options ics;	/* ics.remind is the first of REMINDS */
	/* Every --remind, in order, each longer than zero.  The library
	 * writes one alarm (ics.remind) for now. */
	tt_duration *reminds;
	size_t nreminds;
	tt_holidays *holidays;	/* loaded by calendar_load_holidays() */
	bool loaded;		/* holidays hold LOADED_FROM .. LOADED_TO */
	tt_date loaded_from, loaded_to;
};

void calendar_opts_init(struct calendar_opts *c);
void calendar_opts_free(struct calendar_opts *c);

/* Sets the DTSTAMP from SOURCE_DATE_EPOCH or the clock; false (after a
 * message) if SOURCE_DATE_EPOCH is not a valid number. */
bool calendar_set_dtstamp(struct calendar_opts *c);
/* Loads the holiday file for the dates FROM to TO (if one was given and
 * those dates are not loaded yet); false after a message. */
bool calendar_load_holidays(struct calendar_opts *c, tt_date from,
			    tt_date to);
/* Computes S for SPEC with the holidays and roll of C, loading the
 * holidays for the span of the schedule first.  Messages are the
 * caller's: on failure E says why, and *BAD_HOLIDAYS is set when the
 * holiday file was at fault (its message is already printed). */
tt_status calendar_compute(struct calendar_opts *c, tt_schedule *s,
			   const tt_spec *spec, tt_error *e,
			   bool *bad_holidays);

#endif /* TREATYTERM_CALENDAR_H */
