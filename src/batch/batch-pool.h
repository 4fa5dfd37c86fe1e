/*
 * batch-pool.h -- the rows of a batch computed by worker threads and
 * handed back in the order they were read.
 *
 * The main thread reads records and adds them with pool_add().  They are
 * gathered in chunks; each worker thread takes the next chunk and calls
 * WORK on each of its rows with the worker's own state, leaving what the
 * row came to (output, messages, the key to check) in the chunk.  Done
 * chunks go back to the main thread strictly in the input's order, one
 * row at a time, through COMMIT, which writes and reports: so the output
 * and the messages are the same, byte for byte, whatever the number of
 * threads.  With no threads (pool_new() with JOBS 0) the main thread
 * works and commits each chunk as soon as it is full, with the one worker
 * state; with chunks of one row (ONE), COMMIT may then use what WORK left
 * in that state (a computed schedule), as the calendar writer does.
 *
 * The main thread is the only one to call COMMIT and every pool_*
 * function; WORK runs on the workers only (or, with JOBS 0, on the main
 * thread), and touches nothing but its worker state and its row.
 */
#ifndef TREATYTERM_BATCH_POOL_H
#define TREATYTERM_BATCH_POOL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include "out/format.h"

/* A part of a chunk's TEXT or DATA buffer. */
struct pool_span {
	size_t off, len;
};

/* One record: what was read, then what WORK made of it. */
struct pool_row {
	unsigned long line;	/* where the record starts */
	char **fields;		/* NULL for a malformed record, */
	size_t nfields;
	const char *error;	/* which the reader explained so */

	/* Set by WORK, in the chunk's buffers (see pool_note()). */
	int status;		/* the caller's meaning */
	struct pool_span notes;	/* messages, each ending in a NUL */
	struct pool_span key;	/* a key for COMMIT to check */
	bool named;
	struct pool_span checks; /* more messages, NCHECKS of them */
	unsigned nchecks;
	struct pool_span data;	/* the row's output */
};

/* The buffers a chunk's rows append to: TEXT for their messages and
 * keys, DATA for their output. */
struct pool_chunk {
	struct ttp_buf text, data;
};

/* WORK: computes ROW with the worker state WORKER; false when the rows
 * after it need not be worked (COMMIT will stop the run at ROW).
 * COMMIT: acts on ROW, which WORK has done, in input order; false stops
 * the run (pool_add() and pool_finish() then return POOL_STOPPED). */
typedef bool pool_work_fn(void *worker, struct pool_chunk *c,
			  struct pool_row *row);
typedef bool pool_commit_fn(void *arg, struct pool_chunk *c,
			    struct pool_row *row);

/* How many worker threads to start: ASKED (0: one for each processor
 * this process may run on, PROCESSORS, at most POOL_MAX_JOBS), none when
 * that is one, and at most one with ONE_THREAD. */
#define POOL_MAX_JOBS 64
unsigned pool_jobs(unsigned asked, long processors, bool one_thread);
/* The processors this process may run on (its CPU affinity), or those
 * online; at least 1. */
long pool_processors(void);

/* Starts JOBS worker threads (0 for none), WORKERS[i] the state of the
 * i-th (WORKERS[0] the one state with none); with ONE, and no threads,
 * each chunk is one row.  NULL if memory ran out or no thread could be
 * started (errno set). */
struct pool *pool_new(unsigned jobs, bool one, void *const *workers,
		      pool_work_fn *work, pool_commit_fn *commit, void *arg);

enum pool_result {
	POOL_OK,
	POOL_STOPPED,		/* COMMIT returned false */
	POOL_NOMEM		/* memory ran out: the rows before are
				 * committed; the pool takes no more */
};

/* Adds the record at LINE: its N FIELDS (copied), or, with FIELDS NULL,
 * the reader's ERROR (copied).  Rows done by then are committed. */
enum pool_result pool_add(struct pool *p, unsigned long line,
			  char *const *fields, size_t n, const char *error);
/* Works and commits every row added; call it once, after the last. */
enum pool_result pool_finish(struct pool *p);
/* Stops the threads (rows not committed are dropped) and frees P; NULL
 * is a no-op. */
void pool_free(struct pool *p);

/* For WORK: appends the message MSG to ROW's notes (or, with CHECK, to
 * its checks); sets ROW's key to KEY.  A row's notes, and its checks,
 * must each be added one after another, nothing else between. */
void pool_note(struct pool_chunk *c, struct pool_row *row, bool check,
	       const char *msg);
/* The same with the message made as vprintf() makes it. */
void pool_vnotef(struct pool_chunk *c, struct pool_row *row, bool check,
		 const char *fmt, va_list ap);
void pool_set_key(struct pool_chunk *c, struct pool_row *row,
		  const char *key);
/* For COMMIT: the I-th message of SPAN, NULL after the last. */
const char *pool_text(const struct pool_chunk *c, struct pool_span span,
		      size_t *at);

#endif /* TREATYTERM_BATCH_POOL_H */
