/*
 * ics-text.h -- RFC 5545 text: TEXT values escaped, content lines folded.
 *
 * The one place that decides the bytes of an iCalendar line, kept apart
 * from the writer so that it can be tested on exact byte vectors
 * (tests/unit/test-ics-text.c).  Nothing here knows about schedules or
 * libical; it needs only the C library and the growing buffer of
 * strbuf.h, which it appends to.  Internal: not exported.
 */
#ifndef TREATYTERM_ICS_TEXT_H
#define TREATYTERM_ICS_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <treatyterm/schedule.h>

#include "strbuf.h"

/* The longest line, excluding CRLF, that RFC 5545 section 3.1 allows. */
#define TTP_ICS_FOLD_OCTETS 75

/* Appends S as an RFC 5545 TEXT value: backslash, semicolon, comma and
 * newline escaped; CR LF and a lone CR taken as newlines; control
 * characters other than tab as spaces; invalid UTF-8 as U+FFFD; runs of
 * more than TTP_ICS_MAX_BLANKS blanks shortened (a continuation line must
 * not be blank, which a run near 75 octets would force). */
#define TTP_ICS_MAX_BLANKS 32
void ttp_ics_escape(struct ttp_buf *b, const char *s);

/* Appends S with each line break (LF, CR LF or CR) as one space, not
 * escaped: for a title, which calcurse refuses with a line break. */
void ttp_ics_put_oneline(struct ttp_buf *b, const char *s);

/* Appends the content line LINE (N bytes, no line end) folded: CRLF
 * after at most 75 octets, each continuation a space and at most 74 more.
 * A fold never splits a UTF-8 sequence or a backslash escape and goes
 * before a character that is not a blank, so that no continuation line
 * starts blank (only a run of over 70 blanks, which ttp_ics_escape()
 * never writes, forces one anyway).  Ends with CRLF. */
void ttp_ics_fold(struct ttp_buf *out, const char *line, size_t n);

/* Appends the content line NAME:VALUE, VALUE escaped as TEXT unless RAW,
 * folded: the bytes ttp_ics_escape() and ttp_ics_fold() would give, in
 * one pass and without a buffer for the line. */
void ttp_ics_put_line(struct ttp_buf *out, const char *name,
		      const char *value, bool raw);
/* Appends what the content lines TEXT (N bytes: one component, folded,
 * lines ending in CRLF or LF) say, for telling whether an event changed:
 * each line unfolded and followed by LF, less the lines that say when it
 * was written (DTSTAMP, SEQUENCE, LAST-MODIFIED, by name in any case),
 * which differ between two writings of the same event. */
void ttp_ics_content(struct ttp_buf *b, const char *text, size_t n);
/* True if the unfolded LINE (N bytes) is property NAME (upper case):
 * its name, in any case, followed by ':' or ';'. */
bool ttp_ics_line_is(const char *line, size_t n, const char *name);

#endif /* TREATYTERM_ICS_TEXT_H */
