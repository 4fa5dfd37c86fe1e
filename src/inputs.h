/*
 * inputs.h -- the treaties of agenda and serve: presets, spec files,
 * directories of spec files and batch CSV files, each treaty computed.
 *
 * An operand is a file or directory if one of that name exists, else a
 * preset; "-" is standard input (once).  A directory gives every *.ini
 * file in it, in name order; a file whose name ends in .csv gives one
 * treaty a row, read by batch's own row code (batch-columns.c).  Every
 * treaty is computed with the calendar options given (holidays, roll).
 *
 * The same treaty twice is an error: its dates would be listed twice and
 * its calendar events would share their UIDs.  Messages go through
 * cli_error(), so a failed load has been reported when it returns.
 */
#ifndef TREATYTERM_INPUTS_H
#define TREATYTERM_INPUTS_H

#include <stdbool.h>
#include <stddef.h>

#include <treatyterm/treatyterm.h>

#include "calendar.h"

/* One treaty. */
struct treaty {
	tt_spec *spec;
	tt_schedule *s;
	char *name;		/* its id, else its name, else where it came
				 * from (the file's name, the preset) */
};

struct inputs {
	const char *what;	/* "agenda": for "'X' is already in the
				 * agenda" */
	const struct calendar_opts *cal;
	struct treaty *t;
	size_t n, cap;
	bool read_stdin;
	const char *parties_name;	/* --parties FILE, or NULL */
	struct parties *parties;	/* its rows, by treaty id */
};

/* Starts an empty set for WHAT, computed with CAL (whose holidays are
 * loaded already); CAL must outlive IN. */
void inputs_init(struct inputs *in, const char *what,
		 const struct calendar_opts *cal);
/* Reads the parties CSV FILE (--parties; its "treaty" column names each
 * row's treaty by id), whose rows are added to each treaty loaded after;
 * false after a message. */
bool inputs_parties(struct inputs *in, const char *file);
/* Adds the treaties of the operand ARG; false after a message. */
bool inputs_load(struct inputs *in, const char *arg);
/* Frees the treaties; IN is empty again, as after inputs_init(). */
void inputs_free(struct inputs *in);
/* True when NAME ends in SUFFIX, ignoring case (".ini", ".csv"). */
bool inputs_has_suffix(const char *name, const char *suffix);

#endif /* TREATYTERM_INPUTS_H */
