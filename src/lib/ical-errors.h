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

#endif /* TREATYTERM_ICAL_ERRORS_H */
