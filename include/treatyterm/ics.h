/*
 * treatyterm/ics.h -- schedules as iCalendar (RFC 5545), holidays from it.
 *
 * A calendar is written as a stream: tt_ics_writer_new() writes the
 * VCALENDAR header, each tt_ics_writer_add() the events of one schedule,
 * tt_ics_writer_finish() the footer.  Every milestone becomes an all-day
 * VEVENT whose UID is a name-based UUID of the treaty id, the milestone kind,
 * its series and its ordinal, so that a corrected date re-imports as an
 * update.  Lines are CRLF-terminated and folded at 75 octets by treatyterm
 * itself, never inside a UTF-8 sequence or an escape.
 */
#ifndef TREATYTERM_ICS_H
#define TREATYTERM_ICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <treatyterm/date.h>
#include <treatyterm/error.h>
#include <treatyterm/schedule.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct tt_ics_options {
	/* DTSTAMP of every event, in seconds since 1970-01-01 UTC. */
	int64_t dtstamp;
	/* The calendar's NAME and X-WR-CALNAME; NULL for "treatyterm". */
	const char *calendar_name;
	/* A VALARM this long before notice deadlines, withdrawal windows
	 * and expiry (before every milestone with REMIND_ALL); a zero
	 * duration writes no alarms. */
	tt_duration remind;
	bool remind_all;
	/* Write each consultation and review series as one event with an
	 * RRULE instead of one event per date (less portable). */
	bool rrule;
	/* Write events without building libical components (same bytes,
	 * faster; the library's tests check they agree).  Series written
	 * as one RRULE event still go through libical. */
	bool direct;
} tt_ics_options;

typedef struct tt_ics_writer tt_ics_writer;

/* Starts a calendar on OUT, which stays the caller's.  Write errors are
 * reported as TT_EIO by the call that meets them. */
tt_ics_writer *tt_ics_writer_new(FILE *out, const tt_ics_options *opt,
				 tt_error *err);
tt_status tt_ics_writer_add(tt_ics_writer *w, const tt_schedule *s,
			    tt_error *err);
/* Writes the end of the calendar; W stays to be freed. */
tt_status tt_ics_writer_finish(tt_ics_writer *w, tt_error *err);
void tt_ics_writer_free(tt_ics_writer *w);

/* Renders N schedules as one calendar into a new NUL-terminated string,
 * which the caller frees with free(). */
tt_status tt_ics_render(const tt_schedule *const *schedules, size_t n,
			const tt_ics_options *opt, char **out, size_t *len,
			tt_error *err);

/* Adds to H the all-day events of the calendar TEXT (LEN bytes) that fall
 * between FROM and TO inclusive, expanding recurrence rules. */
tt_status tt_holidays_load_ics(tt_holidays *h, const char *text, size_t len,
			       tt_date from, tt_date to, tt_error *err);

#ifdef __cplusplus
}
#endif
#endif /* TREATYTERM_ICS_H */
