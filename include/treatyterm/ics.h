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
 * A calendar written again can update the one written before
 * (tt_ics_options.previous, from tt_ics_previous_read()): unchanged
 * events keep their bytes, changed ones get the next SEQUENCE, and those
 * that are gone are written once more as cancelled, so that clients that
 * match events by UID remove them.
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

/* A calendar written before (see tt_ics_previous_read()). */
typedef struct tt_ics_previous tt_ics_previous;

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
	/* The calendar written before, or NULL.  Compared by UID with it,
	 * an event whose text or dates changed is written with SEQUENCE one
	 * higher than before and a LAST-MODIFIED (the DTSTAMP); an event
	 * that did not change is written with the same bytes as before; an
	 * event of PREVIOUS that is written no more is written once again at
	 * the end, with STATUS:CANCELLED and SEQUENCE one higher (or as it
	 * was, if it was cancelled already).  Read only while the writer
	 * lives; it must outlive the writer. */
	const tt_ics_previous *previous;
	/* The calendar's DESCRIPTION and X-WR-CALDESC; NULL for none. */
	const char *description;
	/* How often a subscriber should fetch the calendar again, in
	 * seconds: REFRESH-INTERVAL (RFC 7986) and X-PUBLISHED-TTL; 0 for
	 * none. */
	uint32_t refresh;
	/* Where the calendar is published (http:, https: or webcal:):
	 * SOURCE and URL; NULL for none. */
	const char *source_url;
	/* The calendar's COLOR, a CSS3 colour name ("darkred"); NULL for
	 * none. */
	const char *color;
} tt_ics_options;

typedef struct tt_ics_writer tt_ics_writer;

/* Checks what tt_ics_writer_new() would refuse in OPT: TT_EINVAL for a
 * SOURCE_URL that is not an http:, https: or webcal: URL, a COLOR that is
 * not a name (letters only), more than TT_ICS_REMIND_MAX alarms.  The
 * message names the value, not the field. */
tt_status tt_ics_options_check(const tt_ics_options *opt, tt_error *err);

/* Sets OPT to the defaults: DTSTAMP 1970-01-01T00:00:00Z, the calendar
 * named "treatyterm", no alarms, one event per date, no previous
 * calendar, no description, refresh interval, source or colour.  Start every
 * tt_ics_options here, so that fields added later get their defaults. */
void tt_ics_options_init(tt_ics_options *opt);

/* Starts a calendar on OUT, which stays the caller's; OPT (NULL for the
 * defaults) is copied, except the calendar's texts (CALENDAR_NAME,
 * DESCRIPTION, SOURCE_URL, COLOR), which are read here only, and
 * PREVIOUS, which is kept.  Returns a writer to free with
 * tt_ics_writer_free(), or NULL with ERR filled (TT_EINVAL for a
 * SOURCE_URL or COLOR that is not one).  Write errors are reported as TT_EIO by the call that meets
 * them, and stay: every later call fails too. */
tt_ics_writer *tt_ics_writer_new(FILE *out, const tt_ics_options *opt,
				 tt_error *err);
/* Writes every dated milestone of S as an event (or a series as one
 * recurring event, with RRULE).  Returns TT_OK, TT_EIO after a failed
 * write (errno tells why), TT_ENOMEM, or TT_ERANGE for an alarm that
 * would fall before year 1. */
tt_status tt_ics_writer_add(tt_ics_writer *w, const tt_schedule *s,
			    tt_error *err);
/* Says that the treaty known by KEY (its id, or its name when it has
 * none) is not written this time, say because its data could not be
 * read: its events of the previous calendar (tt_ics_options.previous)
 * are then written again as they were, not cancelled, unless a schedule
 * added after all writes them.  Without a previous calendar it does
 * nothing.  Returns TT_OK or TT_ENOMEM. */
tt_status tt_ics_writer_keep(tt_ics_writer *w, const char *key,
			     tt_error *err);
/* Writes the end of the calendar; W stays to be freed. */
tt_status tt_ics_writer_finish(tt_ics_writer *w, tt_error *err);
void tt_ics_writer_free(tt_ics_writer *w);

/* Renders N schedules as one calendar into a new NUL-terminated string,
 * which the caller frees with free(). */
tt_status tt_ics_render(const tt_schedule *const *schedules, size_t n,
			const tt_ics_options *opt, char **out, size_t *len,
			tt_error *err);

/* Reads the calendar TEXT (LEN bytes, UTF-8 with or without a byte
 * order mark) that was written before, for tt_ics_options.previous: for
 * each VEVENT with a UID, its SEQUENCE, whether it is cancelled, its
 * content lines and its exact bytes.  Returns TT_OK with *OUT a handle to
 * free with tt_ics_previous_free(), or TT_ESYNTAX for text that is not a
 * calendar or that libical rejects (ERR's line says where, when it can be
 * found), TT_ENOMEM. */
tt_status tt_ics_previous_read(const char *text, size_t len,
			       tt_ics_previous **out, tt_error *err);
/* The number of events with a UID that P holds. */
size_t tt_ics_previous_count(const tt_ics_previous *p);
void tt_ics_previous_free(tt_ics_previous *p);

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
