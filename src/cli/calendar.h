/*
 * calendar.h -- the calendar options shared by schedule, compare and
 * batch: holidays and rolling (--holidays, --roll) and iCalendar output
 * (--remind, --remind-all, --rrule, --calendar-name, SOURCE_DATE_EPOCH;
 * and for calendars that are published and updated: --previous,
 * --refresh, --source, --calendar-description, --calendar-color).
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
	tt_ics_options ics;	/* every --remind, in order, in ics.remind */
	tt_holidays *holidays;	/* loaded by calendar_load_holidays() */
	bool holidays_read;	/* calendar_load_holidays() was called */
	bool has_out_by;	/* schedule --out-by DATE */
	tt_date out_by;
	bool has_today;		/* and the way out still open from today */
	tt_date today;
	const char *party;	/* schedule --party NAME */
	bool has_as_of;		/* schedule --as-of DATE */
	tt_date as_of;
	const char *previous_file;	/* --previous OLD.ics */
	tt_ics_previous *previous;	/* read by calendar_set_dtstamp() */
};

void calendar_opts_init(struct calendar_opts *c);
void calendar_opts_free(struct calendar_opts *c);

/* Gets a calendar's output ready: sets the DTSTAMP from
 * SOURCE_DATE_EPOCH or the clock, and reads the --previous calendar (all
 * of it, before the output is opened: it may be the -o file).  False
 * after a message if SOURCE_DATE_EPOCH is not a valid number or the
 * previous calendar cannot be read. */
bool calendar_set_dtstamp(struct calendar_opts *c);
/* Checks --holidays against --roll and loads the holiday file, if one
 * was given; the file is read once, and later calls give the first
 * answer.  Call it before the first calendar_compute().  False after a
 * message. */
bool calendar_load_holidays(struct calendar_opts *c);
/* Computes S for SPEC with the roll and the holidays of C.  Prints
 * nothing: on failure E says why. */
tt_status calendar_compute(const struct calendar_opts *c, tt_schedule *s,
			   const tt_spec *spec, tt_error *e);

#endif /* TREATYTERM_CALENDAR_H */
