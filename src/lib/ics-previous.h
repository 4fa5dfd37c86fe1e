/*
 * ics-previous.h -- a calendar written before, as the writer needs it
 * (ics-previous.c reads it; ics.c compares with it).  Internal.
 */
#ifndef TREATYTERM_ICS_PREVIOUS_H
#define TREATYTERM_ICS_PREVIOUS_H

#include <stdbool.h>
#include <stddef.h>

#include <treatyterm/ics.h>

/* One VEVENT of the calendar written before. */
struct ttp_prev_event {
	char *uid;
	unsigned sequence;
	bool cancelled;		/* STATUS:CANCELLED */
	bool duplicate;		/* an earlier event has its UID */
	/* Its bytes from BEGIN:VEVENT to END:VEVENT and its CRLF, as they
	 * were (a lone LF as CRLF). */
	char *raw;
	size_t rawlen;
	/* Its lines unfolded, less DTSTAMP, SEQUENCE and LAST-MODIFIED,
	 * each followed by LF (ttp_ics_content()). */
	char *content;
	size_t contentlen;
};

/* An entry of the index by UID. */
struct ttp_prev_key {
	const char *uid;	/* V[I].uid */
	size_t i;
};

struct tt_ics_previous {
	struct ttp_prev_event *v;	/* in the order of the file */
	size_t n, cap;
	struct ttp_prev_key *by_uid;	/* NKEYS entries, sorted by UID */
	size_t nkeys;			/* the events less duplicates */
};

/* The index in P->v of the event UID, or (size_t)-1. */
size_t ttp_ics_previous_find(const tt_ics_previous *p, const char *uid);

#endif /* TREATYTERM_ICS_PREVIOUS_H */
