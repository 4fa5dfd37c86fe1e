/*
 * bgwrite.h -- output written by a second thread while the first goes on
 * computing.
 *
 * A batch run's JSON Lines are most of a gigabyte: writing them costs
 * about a third of the run, which need not wait.  The caller appends to
 * bgwrite_buf() and calls bgwrite_ready() after each whole record; once a
 * block is full it goes to the writer thread and the caller fills the
 * other one.  Blocks hold whole records, so whatever stops the run,
 * what was written ends with a whole record.
 */
#ifndef TREATYTERM_BGWRITE_H
#define TREATYTERM_BGWRITE_H

#include <stdbool.h>
#include <stdio.h>

#include "format.h"

struct bgwrite;

/* Starts writing to FP; NULL when no thread can be started (the caller
 * then writes itself). */
struct bgwrite *bgwrite_new(FILE *fp);
/* The block to append to. */
struct json_buf *bgwrite_buf(struct bgwrite *w);
/* Hands the block over if it is full.  False (errno set) if memory ran
 * out or an earlier block could not be written. */
bool bgwrite_ready(struct bgwrite *w);
/* Writes what is left, waits for the thread and stops it; false (errno
 * set) if anything could not be written.  Call it once; the stream is not
 * flushed. */
bool bgwrite_finish(struct bgwrite *w);
/* Frees W (finishing it first if that was not done); NULL is a no-op. */
void bgwrite_free(struct bgwrite *w);

#endif /* TREATYTERM_BGWRITE_H */
