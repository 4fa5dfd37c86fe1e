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
 *
 * Holidays are read with libical (tt_holidays_load_ics()).  libical 3.0.16
 * expands recurrence rules only up to the end of 2582 (2037 where time_t
 * has 32 bits); the holiday set records how far its data is complete and
 * rolling past that fails rather than guessing, and the writer never
 * writes an RRULE whose dates such a reader would not all see.
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

/* The most alarms one event may have. */
#define TT_ICS_REMIND_MAX 8

typedef struct tt_ics_options {
	/* DTSTAMP of every event, in seconds since 1970-01-01 UTC. */
	int64_t dtstamp;
	/* The calendar's NAME and X-WR-CALNAME; NULL for "treatyterm". */
	const char *calendar_name;
	/* NREMIND alarms (VALARMs), each REMIND[i] before notice
	 * deadlines, withdrawal windows and expiry (before every milestone
	 * with REMIND_ALL); NREMIND 0 writes no alarms.  A zero duration
	 * writes none either. */
	tt_duration remind[TT_ICS_REMIND_MAX];
	size_t nremind;
	bool remind_all;
	/* Write each consultation and review series as one event with an
	 * RRULE instead of one event per date (less portable).  A series
	 * that an RRULE cannot give exactly (a clamped or moved date), or
	 * that reaches past the last year libical expands, is still written
	 * one event per date. */
	bool rrule;
	/* Only the milestones dated from FROM (with HAS_FROM) until UNTIL
	 * (with HAS_UNTIL), both days included, and of the kinds in KINDS
	 * (bit 1 << kind; 0 for all); a pending milestone has no date and
	 * is never written anyway.  With a date bound a series is written
	 * one event per date, since an RRULE would reach outside it. */
	bool has_from, has_until;
	tt_date from, until;
	unsigned kinds;
} tt_ics_options;

typedef struct tt_ics_writer tt_ics_writer;

/* Sets OPT to the defaults: DTSTAMP 1970-01-01T00:00:00Z, the calendar
 * named "treatyterm", no alarms, one event per date.  Start every
 * tt_ics_options here, so that fields added later get their defaults. */
void tt_ics_options_init(tt_ics_options *opt);

/* Starts a calendar on OUT, which stays the caller's; OPT (NULL for the
 * defaults) is copied, except CALENDAR_NAME, which is read here only.
 * Returns a writer to free with tt_ics_writer_free(), or NULL with ERR
 * filled.  Write errors are reported as TT_EIO by the call that meets
 * them, and stay: every later call fails too. */
tt_ics_writer *tt_ics_writer_new(FILE *out, const tt_ics_options *opt,
				 tt_error *err);
/* Writes every dated milestone of S as an event (or a series as one
 * recurring event, with RRULE).  Returns TT_OK, TT_EIO after a failed
 * write (errno tells why), TT_ENOMEM, or TT_ERANGE for an alarm that
 * would fall before year 1. */
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

/* Adds to H every day of the calendar TEXT (LEN bytes, UTF-8 with or
 * without a byte order mark) that a VEVENT covers: its DTSTART up to its
 * DTEND (or DURATION, or one day), every instance of its RRULEs and
 * RDATEs, less its EXDATEs and the instances other VEVENTs override
 * (RECURRENCE-ID); cancelled events are skipped.  Load a calendar once:
 * every year it can cover is loaded.
 *
 * Rules are expanded by libical, which stops after the year 2582 (2037
 * with a 32-bit time_t).  When a rule would go on past that, H is marked
 * complete only up to the end of that year (see
 * tt_holidays_complete_until()): rolling a date that needs a later day
 * then fails with TT_ERANGE instead of missing a holiday.
 *
 * Returns TT_OK, or TT_ESYNTAX for text that is not a calendar or that
 * libical rejects (ERR's line says where, when it can be found),
 * TT_ELIMIT when the rules expand to more than 4 million instances,
 * TT_ENOMEM.  On failure H may hold part of the calendar. */
tt_status tt_holidays_load_ics(tt_holidays *h, const char *text, size_t len,
			       tt_error *err);

#ifdef __cplusplus
}
#endif
#endif /* TREATYTERM_ICS_H */
