/*
 * output.h -- where a command writes: standard output, or a file that is
 * replaced only when everything was written.
 *
 * For "-o FILE" naming a regular file (or nothing yet), output goes to a
 * temporary file in the same directory, which is flushed, synced and
 * renamed over FILE by output_commit(); output_abort() removes it and leaves
 * FILE as it was.  Anything else (a FIFO, a device, /dev/stdout) is opened
 * and written directly, never replaced.
 */
#ifndef TREATYTERM_OUTPUT_H
#define TREATYTERM_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

struct output {
	FILE *fp;
	const char *path;	/* as given, NULL for standard output */
	char *tmp;		/* the temporary file, if replacing */
};

/* Opens PATH (NULL or "-" for standard output); prints a message and
 * returns false on error. */
bool output_open(struct output *o, const char *path);
/* Finishes writing; returns false (after a message) if any write failed,
 * in which case nothing was replaced. */
bool output_commit(struct output *o);
/* Gives up: removes the temporary file; FILE is untouched. */
void output_abort(struct output *o);

#endif /* TREATYTERM_OUTPUT_H */
