/*
 * output.h -- where a command writes: standard output, or a file that is
 * replaced only when everything was written.
 *
 * For "-o FILE" naming a regular file (or nothing yet), output goes to a
 * temporary file in the same directory, which is flushed, synced and
 * renamed over FILE by output_commit(); output_abort() removes it and leaves
 * FILE as it was.  When FILE is a symbolic link, the file it points to (at
 * the end of the chain of links) is the one replaced, from a temporary file
 * in that file's directory, and the link stays.  Anything else (a FIFO, a
 * device, /dev/stdout) is opened and written directly, never replaced.
 *
 * FILE is replaced only if the user could write it (as cp(1) asks), and
 * keeps its permissions; a new file gets the usual mode for new files.
 * While the temporary file exists, SIGINT, SIGTERM, SIGHUP and SIGPIPE
 * remove it before ending the program as they would have.
 *
 * Every failed write is reported the same way, whatever the format:
 * "treatyterm: FILE: write error: REASON", FILE being "standard output"
 * for standard output.
 */
#ifndef TREATYTERM_OUTPUT_H
#define TREATYTERM_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

struct output {
	FILE *fp;
	const char *path;	/* as given, NULL for standard output */
	/* The temporary file, if replacing: the name of the file replaced
	 * (PATH, or where the links from PATH lead) and TMP_SUFFIX. */
	char *tmp;
	bool watched;		/* TMP is removed on a signal (output.c) */
};

/* Opens PATH (NULL or "-" for standard output); prints a message and
 * returns false on error. */
#define TMP_SUFFIX ".tmp-XXXXXX"

bool output_open(struct output *o, const char *path);
/* Finishes writing; returns false (after a message) if any write failed,
 * in which case nothing was replaced. */
bool output_commit(struct output *o);
/* Gives up: removes the temporary file; FILE is untouched. */
void output_abort(struct output *o);
/* Reports a failed write (strerror(ERR), EIO's when ERR is 0) and gives
 * up as output_abort() does. */
void output_fail(struct output *o, int err);
/* Ends a write that succeeded (OK) or failed with errno set: commits, or
 * reports a write error and gives up; returns whether FILE was written. */
bool output_finish(struct output *o, bool ok);
/* After a writer that says why it failed (WHY, static): true when it
 * failed for a reason of its own rather than the stream's ("write
 * error", left to output_finish()), after saying so and giving up as
 * output_abort() does. */
bool output_refused(struct output *o, bool ok, const char *why);
/* Ends a write as output_finish() does, except that a writer that
 * failed for a reason of its own (WHY, not NULL) has it said instead,
 * giving up as output_abort() does. */
bool output_end(struct output *o, bool ok, const char *why);
/* "standard output" or the path, for messages. */
const char *output_name(const struct output *o);

#endif /* TREATYTERM_OUTPUT_H */
