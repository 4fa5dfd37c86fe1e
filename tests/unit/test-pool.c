/*
 * test-pool.c -- batch rows worked by threads and committed in order
 * (src/batch/batch-pool.c).
 *
 * The work function takes longer for some rows than others, so that the
 * workers finish their chunks out of order; the commit function checks
 * that rows come back in the order they were added, each with what its
 * own work made, and stops where it is told to.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "batch/batch-pool.h"
#include "unit.h"

#define ROWS 3000

/* Worker state: how many rows it did, and the last. */
struct counter {
	unsigned long rows;
	unsigned long last;
};

struct seen {
	unsigned long next;	/* the line expected next */
	unsigned long rows, chunks;
	unsigned long stop_at;	/* 0, or the line COMMIT stops at */
	bool in_order, data_right, notes_right;
	bool malformed_seen;
	/* With chunks of one row: the one worker's state, which must hold
	 * the row being committed. */
	const struct counter *one;
	bool state_right;
};

/* The line WORK says stop at; set around a run. */
static unsigned long work_stop;

static bool
work(void *worker, struct pool_chunk *c, struct pool_row *row)
{
	struct counter *k = worker;
	char text[64];

	k->rows++;
	k->last = row->line;
	/* Every 97th line waits a little: its chunk is done late. */
	if (row->line % 97 == 0) {
		struct timespec ts = { 0, 200000 };

		nanosleep(&ts, NULL);
	}
	if (row->fields == NULL) {
		pool_note(c, row, false, row->error);
		row->status = 2;
		return true;
	}
	snprintf(text, sizeof text, "line %lu", row->line);
	pool_note(c, row, false, text);
	pool_set_key(c, row, row->fields[0]);
	/* Two checks on every tenth line. */
	if (row->line % 10 == 0) {
		pool_note(c, row, true, "check one");
		pool_note(c, row, true, "check two");
	}
	row->data.off = c->data.len;
	json_buf_raw(&c->data, row->fields[1], strlen(row->fields[1]));
	row->data.len = c->data.len - row->data.off;
	row->status = 1;
	return row->line != work_stop;
}

/* True if ROW's checks are those WORK made. */
static bool
checks_right(const struct pool_chunk *c, const struct pool_row *row)
{
	size_t at = 0;
	const char *a, *b;

	if (row->line % 10 != 0)
		return row->nchecks == 0 && row->checks.len == 0;
	a = pool_text(c, row->checks, &at);
	b = pool_text(c, row->checks, &at);
	return row->nchecks == 2 && a != NULL && strcmp(a, "check one") == 0 &&
	       b != NULL && strcmp(b, "check two") == 0 &&
	       pool_text(c, row->checks, &at) == NULL;
}

static bool
commit(void *arg, struct pool_chunk *c, struct pool_row *row)
{
	struct seen *s = arg;
	char want[64];
	size_t at = 0;
	const char *note;

	if (row == NULL) {
		s->chunks++;
		return true;
	}
	if (row->line != s->next)
		s->in_order = false;
	if (s->one != NULL && s->one->last != row->line)
		s->state_right = false;
	s->next = row->line + 1;
	s->rows++;
	note = pool_text(c, row->notes, &at);
	if (row->status == 2) {
		s->malformed_seen = true;
		if (note == NULL || strcmp(note, "a stray quote") != 0)
			s->notes_right = false;
	} else {
		snprintf(want, sizeof want, "line %lu", row->line);
		if (note == NULL || strcmp(note, want) != 0 ||
		    pool_text(c, row->notes, &at) != NULL ||
		    !checks_right(c, row))
			s->notes_right = false;
		snprintf(want, sizeof want, "<%lu>", row->line);
		if (row->data.len != strlen(want) ||
		    memcmp(c->data.p + row->data.off, want,
			   row->data.len) != 0)
			s->data_right = false;
		at = 0;
		snprintf(want, sizeof want, "k%lu", row->line);
		if (strcmp(pool_text(c, row->key, &at), want) != 0)
			s->data_right = false;
	}
	return row->line != s->stop_at && row->line != work_stop;
}

/* Adds ROWS rows (line 1000 malformed) through a pool of JOBS threads
 * and checks what COMMIT saw; returns the result of the run. */
static enum pool_result
run_pool(unsigned jobs, bool one, unsigned long stop_at, struct seen *s,
	 unsigned long *worked)
{
	struct counter counters[4] = { { 0 } };
	void *states[4] = { &counters[0], &counters[1], &counters[2],
			    &counters[3] };
	struct pool *p;
	enum pool_result r = POOL_OK;

	memset(s, 0, sizeof *s);
	s->next = 1;
	s->stop_at = stop_at;
	s->in_order = s->data_right = s->notes_right = true;
	s->state_right = true;
	s->one = one ? &counters[0] : NULL;
	p = pool_new(jobs, one, states, work, commit, s);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	for (unsigned long line = 1; line <= ROWS && r == POOL_OK; line++) {
		char key[32], data[32];
		char *fields[2] = { key, data };

		snprintf(key, sizeof key, "k%lu", line);
		snprintf(data, sizeof data, "<%lu>", line);
		r = line == 1000 ? pool_add(p, line, NULL, 0, "a stray quote") :
		    pool_add(p, line, fields, 2, NULL);
	}
	if (r == POOL_OK)
		r = pool_finish(p);
	pool_free(p);
	*worked = 0;
	for (unsigned i = 0; i < 4; i++)
		*worked += counters[i].rows;
	return r;
}

static void
test_in_order(void)
{
	static const unsigned jobs[] = { 0, 1, 2, 4 };

	for (size_t i = 0; i < sizeof jobs / sizeof jobs[0]; i++) {
		struct seen s;
		unsigned long worked;

		CU_ASSERT_EQUAL(run_pool(jobs[i], false, 0, &s, &worked),
				POOL_OK);
		CU_ASSERT_EQUAL(s.rows, ROWS);
		CU_ASSERT_EQUAL(worked, ROWS);
		CU_ASSERT(s.in_order);
		CU_ASSERT(s.data_right);
		CU_ASSERT(s.notes_right);
		CU_ASSERT(s.malformed_seen);
		/* Chunks of 256 rows: the last one partly full. */
		CU_ASSERT_EQUAL(s.chunks, (ROWS + 255) / 256);
	}
}

/* With chunks of one row, each row is committed as soon as it is added,
 * while the worker state still holds it. */
static void
test_one_row_chunks(void)
{
	struct seen s;
	unsigned long worked;

	CU_ASSERT_EQUAL(run_pool(0, true, 0, &s, &worked), POOL_OK);
	CU_ASSERT_EQUAL(s.rows, ROWS);
	CU_ASSERT_EQUAL(s.chunks, ROWS);
	CU_ASSERT_EQUAL(worked, ROWS);
	CU_ASSERT(s.in_order);
	CU_ASSERT(s.data_right);
	CU_ASSERT(s.notes_right);
	CU_ASSERT(s.malformed_seen);
	CU_ASSERT(s.state_right);
}

/* A commit that says stop: nothing after that row is committed, and the
 * run says it stopped, with or without threads. */
static void
test_stop(void)
{
	static const unsigned jobs[] = { 0, 2, 4 };

	for (size_t i = 0; i < sizeof jobs / sizeof jobs[0]; i++) {
		struct seen s;
		unsigned long worked;

		CU_ASSERT_EQUAL(run_pool(jobs[i], false, 1234, &s, &worked),
				POOL_STOPPED);
		CU_ASSERT_EQUAL(s.rows, 1234);
		CU_ASSERT_EQUAL(s.next, 1235);
		CU_ASSERT(s.in_order);
	}
}

/* WORK saying stop at a row: the rows after it in its chunk are not
 * worked, and the run stops there. */
static void
test_work_stops(void)
{
	static const unsigned jobs[] = { 0, 2 };

	for (size_t i = 0; i < sizeof jobs / sizeof jobs[0]; i++) {
		struct seen s;
		unsigned long worked;

		work_stop = 600;	/* the 88th row of the third chunk */
		CU_ASSERT_EQUAL(run_pool(jobs[i], false, 0, &s, &worked),
				POOL_STOPPED);
		work_stop = 0;
		CU_ASSERT_EQUAL(s.rows, 600);
		CU_ASSERT(s.in_order);
		/* Not the rest of the third chunk (threads may have worked
		 * later chunks). */
		CU_ASSERT(jobs[i] > 0 || worked == 600);
	}
}

/* How many threads: as asked, one a processor by default, none for one,
 * at most one when only one may run. */
static void
test_jobs(void)
{
	CU_ASSERT_EQUAL(pool_jobs(0, 2, false), 2);
	CU_ASSERT_EQUAL(pool_jobs(0, 1, false), 0);
	CU_ASSERT_EQUAL(pool_jobs(0, 0, false), 0);
	CU_ASSERT_EQUAL(pool_jobs(0, 1000, false), POOL_MAX_JOBS);
	CU_ASSERT_EQUAL(pool_jobs(1, 8, false), 0);
	CU_ASSERT_EQUAL(pool_jobs(5, 2, false), 5);
	CU_ASSERT_EQUAL(pool_jobs(5, 2, true), 1);
	CU_ASSERT_EQUAL(pool_jobs(0, 8, true), 1);
	CU_ASSERT_EQUAL(pool_jobs(1, 8, true), 0);
	CU_ASSERT(pool_processors() >= 1);
}

void
add_pool_tests(void)
{
	static const CU_TestInfo tests[] = {
		{ "rows committed in input order", test_in_order },
		{ "chunks of one row", test_one_row_chunks },
		{ "a commit that stops the run", test_stop },
		{ "a row whose work says stop", test_work_stops },
		{ "how many threads", test_jobs },
		CU_TEST_INFO_NULL
	};

	unit_add_suite("batch pool", tests);
}
