/*
 * filter.h -- which milestones an output shows: --from DATE, --until DATE
 * and --kind KIND[,KIND...], shared by schedule, compare, batch and agenda.
 *
 * A filter only hides: the schedule is always computed whole, so that what
 * is worked out from it (compare's first possible end, a treaty's expiry)
 * does not depend on the window.  The group options_filter (options.h)
 * fills a->filter and passes the same window to the calendar writer
 * (a->calendar.ics), so that iCalendar output is filtered by the library.
 *
 * The dates are parsed without a clock: "today" is handed in, so that the
 * parser is a pure function the unit tests can pin.
 */
#ifndef TREATYTERM_FILTER_H
#define TREATYTERM_FILTER_H

#include <stdbool.h>
#include <stddef.h>

#include <treatyterm/treatyterm.h>

struct filter {
	bool has_from, has_until;
	tt_date from, until;	/* both days included */
	unsigned kinds;		/* bit (1 << kind) for each kind shown;
				 * 0 for every kind */
};

/* Parses a filter date: "YYYY-MM-DD", "today", or "today" followed by a
 * signed duration ("today+90d", "today-1y", "today+1y6m"), counted by the
 * same-date rule from TODAY.  Returns TT_OK, or TT_ESYNTAX / TT_ERANGE
 * with E filled (a date before year 1 or after 9999 is out of range). */
tt_status filter_parse_date(const char *s, tt_date today, tt_date *out,
			    tt_error *e);

/* Parses "KIND[,KIND...]" (the names of tt_kind_name()) into *MASK,
 * adding to what it holds.  False for an unknown or empty name, with
 * *BAD pointing at it and *BADLEN its length. */
bool filter_parse_kinds(const char *s, unsigned *mask, const char **bad,
			size_t *badlen);
/* "entry_into_force, consultation, ..." into BUF, every kind. */
void filter_kind_list(char *buf, size_t size);

/* True when F (NULL for no filter) shows M.  A pending milestone has no
 * date: it is shown only while no date bound is set. */
bool filter_keep(const struct filter *f, const tt_milestone *m);
/* True when F hides nothing. */
bool filter_is_empty(const struct filter *f);

#endif /* TREATYTERM_FILTER_H */
