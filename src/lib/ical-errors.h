/*
 * ical-errors.h -- finding libical's complaints, for the files that read
 * calendars with it (holidays-ics.c, ics-previous.c).  Include it after
 * <libical/ical.h>.  Internal: not exported.
 *
 * libical does not fail on bad input: it keeps what it could parse and
 * adds an X-LIC-ERROR property where it gave up, in whichever component
 * it was reading.
 */
#ifndef TREATYTERM_ICAL_ERRORS_H
#define TREATYTERM_ICAL_ERRORS_H

#include <stdbool.h>
#include <string.h>

#include "internal.h"

/* The first X-LIC-ERROR property of C or its subcomponents, or NULL. */
static inline icalproperty *
ttp_ical_first_error(icalcomponent *c)
{
	icalproperty *p = icalcomponent_get_first_property(c,
		ICAL_XLICERROR_PROPERTY);
	icalcomponent *sub;

	if (p != NULL)
		return p;
	for (sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	     sub != NULL;
	     sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		if ((p = ttp_ical_first_error(sub)) != NULL)
			return p;
	return NULL;
}

/* Fills ERR with libical's complaint MSG, on LINE, as a message of ours:
 * "Can't parse as DATE value in DTSTART property. Removing entire
 * property: 2024132" becomes "can't parse as DATE value in DTSTART
 * property: 2024132" (lower case, no aside, no full stop at the end).
 * Formatted straight into ERR, without a buffer of its own that would
 * cut the text it quotes first; returns TT_ESYNTAX. */
static inline tt_status
ttp_ical_error(tt_error *err, unsigned line, const char *msg)
{
	const char *cut = strstr(msg, ". Removing entire property");
	const char *tail = strrchr(msg, ':');
	bool colon = cut != NULL && tail != NULL;
	const char *quote = colon ? tail + 1 : "";
	size_t n = cut != NULL ? (size_t)(cut - msg) : strlen(msg);
	size_t q = strlen(quote);
	char *m;

	/* The full stops and spaces at the end: of the quote if there is
	 * one (the colon before it stays). */
	if (colon)
		while (q > 0 && (quote[q - 1] == '.' || quote[q - 1] == ' '))
			q--;
	else
		while (n > 0 && (msg[n - 1] == '.' || msg[n - 1] == ' '))
			n--;
	ttp_error_set(err, TT_ESYNTAX, line, 0, "%.*s%s%.*s", (int)n, msg,
		      colon ? ":" : "", (int)q, quote);
	if (err == NULL)
		return TT_ESYNTAX;
	m = err->message;
	if (m[0] >= 'A' && m[0] <= 'Z' && !(m[1] >= 'A' && m[1] <= 'Z'))
		m[0] = (char)(m[0] - 'A' + 'a');
	return TT_ESYNTAX;
}

#endif /* TREATYTERM_ICAL_ERRORS_H */
