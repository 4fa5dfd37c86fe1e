/*
 * serve-state.h -- what "treatyterm serve" remembers of the events it
 * served, so that subscribers see a moved event as an update and a
 * removed one as cancelled.
 *
 * One record per UID: the SEQUENCE last served, a hash of the event's
 * content (DTSTAMP and SEQUENCE left out), its dates, whether it is
 * cancelled, and what a cancelled event is written with (its kind,
 * treaty and summary).  serve_state_update() compares a new set of
 * events with the records: a changed event gets the next SEQUENCE, a
 * vanished one is marked cancelled with the next SEQUENCE, one that
 * comes back is live again with the next SEQUENCE.  Cancelled records
 * are kept SERVE_STATE_KEEP_DAYS from the day of the cancellation, so
 * that a client that missed a change still learns of it, then dropped.
 *
 * The file (--state FILE) holds one record a line, fields separated by a
 * tab: UID, SEQUENCE, HASH (16 hex digits), DTSTART and DTEND
 * (YYYYMMDD), STATUS (CONFIRMED or CANCELLED), KIND, TREATY, SUMMARY
 * (its iCalendar text, escaped), PARTY (empty for the treaty's own
 * dates) and CANCELLED_ON (YYYYMMDD, empty unless cancelled).  A file
 * of the first nine fields only, as earlier versions wrote, is read as
 * of no party, cancelled on the day it is read.  It is replaced whole,
 * by rename, after each change.
 */
#ifndef TREATYTERM_SERVE_STATE_H
#define TREATYTERM_SERVE_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <treatyterm/treatyterm.h>

/* How long a cancellation is served: a year and a day, for calendars
 * that look once a year. */
#define SERVE_STATE_KEEP_DAYS 366

struct serve_record {
	char *uid;
	unsigned seq;
	uint64_t hash;
	char dtstart[9], dtend[9];
	bool cancelled;
	tt_date cancelled_on;	/* when CANCELLED */
	char *kind, *treaty, *summary;
	char *party;		/* "" for the treaty's own dates */
	bool seen;		/* in the set being compared */
};

struct serve_state {
	struct serve_record *r;
	size_t n, cap;
};

/* What serve_state_update() is given of each event served now. */
struct serve_event_key {
	const char *uid;
	uint64_t hash;
	const char *dtstart, *dtend;	/* YYYYMMDD */
	const char *kind, *treaty, *summary;
	const char *party;		/* NULL for the treaty's own dates */
};

void serve_state_init(struct serve_state *st);
void serve_state_free(struct serve_state *st);

/* Reads PATH into ST (empty when PATH does not exist).  False with WHY
 * filled for a file that cannot be read or a line that is not a record
 * (WHY names the line). */
bool serve_state_load(struct serve_state *st, const char *path, char *why,
		      size_t whysize);
/* Writes ST to PATH through a temporary file renamed over it.  False
 * with errno set. */
bool serve_state_save(const struct serve_state *st, const char *path);

/* Compares the N events EV with ST and updates ST as said above, TODAY
 * being the day of a new cancellation and the day cancellations are
 * dropped from.  Unless COMPLETE, an event not in EV is not cancelled:
 * some inputs could not be read, and it may be in one of them (it is
 * cancelled once they all read and it is still gone).  Returns 1 if a
 * record changed, 0 if none did, -1 when memory ran out (ST is then
 * unchanged in its records' SEQUENCEs, maybe not in its set of
 * records). */
int serve_state_update(struct serve_state *st,
		       const struct serve_event_key *ev, size_t n,
		       tt_date today, bool complete);

/* The record of UID, or NULL. */
const struct serve_record *serve_state_find(const struct serve_state *st,
					    const char *uid);

#endif /* TREATYTERM_SERVE_STATE_H */
