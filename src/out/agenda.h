/*
 * agenda.h -- what "agenda" writes: the dates of a window across many
 * treaties, in date order, and the inputs that could not be read.
 */
#ifndef TREATYTERM_AGENDA_H
#define TREATYTERM_AGENDA_H

#include <stddef.h>

#include <treatyterm/treatyterm.h>

#include "out/filter.h"
#include "out/input-error.h"

/* One date of the agenda. */
struct agenda_entry {
	const char *treaty;	/* the treaty's name */
	const tt_milestone *m;
	size_t ti, mi;		/* the treaty's and the milestone's place,
				 * to keep the order stable */
	const char *uid;	/* serve's: its event's UID, else NULL */
};

struct agenda {
	tt_date today;
	struct filter f;	/* the window */
	struct agenda_entry *e;
	size_t n;
	/* Every treaty (calendars write them whole, the options carrying
	 * the window), and what could not be read. */
	const tt_schedule **s;
	size_t ntreaties;
	const struct input_error *err;
	size_t nerr;
};

#endif /* TREATYTERM_AGENDA_H */
