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
 * its calendar events would share their UIDs.
 *
 * An input that cannot be read (a spec with a typo, a CSV row with a bad
 * date, a file that is not there, a treaty given twice) does not hide the
 * others: it is reported through cli_error() as it is found, kept as a
 * value in the set's errors (for a JSON "errors" array, serve's page),
 * and the load goes on.  With STRICT, the first such error stops it, as
 * does running out of memory: a load that returns false has printed why.
 */
#ifndef TREATYTERM_INPUTS_H
#define TREATYTERM_INPUTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include <treatyterm/treatyterm.h>

#include "cli/calendar.h"
#include "out/input-error.h"

/* One treaty. */
struct treaty {
	tt_spec *spec;
	tt_schedule *s;
	char *name;		/* its id, else its name, else where it came
				 * from (the file's name, the preset) */
	char *source;		/* the input it came from: a file's path,
				 * "<stdin>", "preset NAME" */
	bool carried;		/* copied from an earlier set by
				 * inputs_carry(), not read this time */
	time_t read_at;		/* when it was read, for those who keep
				 * sets (serve); copied by inputs_carry() */
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
	bool strict;		/* the first error stops the load */
	struct input_error *err;	/* what could not be read, in order */
	size_t nerr, errcap;
};

/* Starts an empty set for WHAT, computed with CAL (whose holidays are
 * loaded already); CAL must outlive IN. */
void inputs_init(struct inputs *in, const char *what,
		 const struct calendar_opts *cal);
/* Reads the parties CSV FILE (--parties; its "treaty" column names each
 * row's treaty by id), whose rows are added to each treaty loaded after;
 * false after a message, the error kept in IN's errors too. */
bool inputs_parties(struct inputs *in, const char *file);
/* Adds the treaties of the operand ARG.  What cannot be read is reported
 * and added to IN's errors; false (after a message) only when the load
 * cannot go on: memory ran out, or an error with IN's STRICT set. */
bool inputs_load(struct inputs *in, const char *arg);
/* Adds a copy of the treaty T of another set (its spec, computed again),
 * marked carried, for a treaty whose input no longer reads; false after
 * a message when memory runs out. */
bool inputs_carry(struct inputs *in, const struct treaty *t);
/* True when the error E is about the treaty T of another set: the
 * treaty E names, else any treaty of E's input (a file, or a directory
 * T's file is in). */
bool inputs_error_covers(const struct input_error *e, const struct treaty *t);
/* The treaty named NAME, or NULL. */
const struct treaty *inputs_find(const struct inputs *in, const char *name);
/* Frees the treaties and errors; IN is empty again, as after
 * inputs_init() (STRICT kept). */
void inputs_free(struct inputs *in);
/* Writes the member "errors" as json_write_errors() does (format.h). */
bool inputs_write_json_errors(FILE *fp, const struct input_error *e,
			      size_t n);
/* True when NAME ends in SUFFIX, ignoring case (".ini", ".csv"). */
bool inputs_has_suffix(const char *name, const char *suffix);

#endif /* TREATYTERM_INPUTS_H */
