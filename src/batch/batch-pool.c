/*
 * batch-pool.c -- the rows of a batch computed by worker threads (see
 * batch-pool.h).
 *
 * The chunks form a ring, each in one of three states: being filled by
 * the main thread (the one numbered SEALED), sealed and waiting for or
 * being worked by a worker (TAKE counts those taken), or done and
 * waiting to be committed (COMMITTED counts those committed, in order).
 * Chunk numbers only grow; a chunk's slot in the ring is its number
 * modulo NRING.  The mutex guards the counters, DONE and STOP; a chunk's
 * contents belong to whichever thread the counters say has it, and pass
 * from one to the other under the mutex.
 */
#include <config.h>

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/grow.h"
#include "batch/batch-pool.h"

/* Rows in a chunk when workers compute them: enough that taking a chunk
 * costs little beside working it. */
#define CHUNK_ROWS 256

/* Where a record's copy starts in the chunk's cells, until it is sealed. */
struct slot {
	size_t first;		/* its first field, in OFFS */
	size_t n;		/* its fields; 0 for a malformed record */
	bool bad;		/* malformed: OFFS[FIRST] is the error */
};

struct chunk {
	struct pool_chunk pub;
	struct pool_row *rows;
	struct slot *slots;
	size_t nrows, caprows;
	char *cells;		/* the fields, each ending in a NUL */
	size_t cellslen, cellscap;
	size_t *offs;		/* where each field starts in CELLS */
	size_t noffs, capoffs;
	char **ptrs;		/* the same, as pointers, once sealed */
	size_t capptrs;
	size_t worked;		/* rows worked before WORK said stop or a
				 * buffer ran out of memory */
	bool done;		/* under the mutex */
};

struct worker {
	struct pool *pool;
	void *state;
	pthread_t thread;
};

struct pool {
	pool_work_fn *work;
	pool_commit_fn *commit;
	void *arg;
	size_t chunk_rows;
	struct chunk *ring;
	size_t nring;
	size_t sealed, taken, committed;
	enum pool_result stopped; /* POOL_OK, or why the run stopped */
	unsigned jobs;		/* worker threads started */
	struct worker *workers;
	void *inline_state;	/* with no threads */
	pthread_mutex_t lock;
	pthread_cond_t work_cv;	/* a chunk was sealed, or STOP */
	pthread_cond_t done_cv;	/* a chunk is done */
	bool stop;
	bool sync;		/* the mutex and conditions exist */
};

unsigned
pool_jobs(unsigned asked, long processors, bool one_thread)
{
	unsigned n = asked != 0 ? asked :
		     processors > POOL_MAX_JOBS ? POOL_MAX_JOBS :
		     processors > 0 ? (unsigned)processors : 1;

	if (n > POOL_MAX_JOBS)
		n = POOL_MAX_JOBS;
	if (n <= 1)
		return 0;
	return one_thread ? 1 : n;
}

long
pool_processors(void)
{
	long n = 0;

#ifdef CPU_COUNT
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof set, &set) == 0)
		n = CPU_COUNT(&set);
#endif
	if (n <= 0)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? n : 1;
}

/* Works the rows of C until WORK says stop or a buffer runs out of
 * memory; C->WORKED says how far it went. */
static void
work_chunk(struct pool *p, void *state, struct chunk *c)
{
	c->worked = 0;
	for (size_t i = 0; i < c->nrows; i++) {
		struct pool_row *r = &c->rows[i];
		bool go_on;

		r->status = 0;
		memset(&r->notes, 0, sizeof r->notes);
		memset(&r->key, 0, sizeof r->key);
		memset(&r->checks, 0, sizeof r->checks);
		memset(&r->data, 0, sizeof r->data);
		r->named = false;
		r->nchecks = 0;
		go_on = p->work(state, &c->pub, r);
		if (c->pub.text.failed || c->pub.data.failed)
			return;
		c->worked = i + 1;
		if (!go_on)
			return;
	}
}

static void *
run(void *arg)
{
	struct worker *w = arg;
	struct pool *p = w->pool;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		struct chunk *c;

		while (!p->stop && p->taken == p->sealed)
			pthread_cond_wait(&p->work_cv, &p->lock);
		if (p->stop)
			break;
		c = &p->ring[p->taken++ % p->nring];
		pthread_mutex_unlock(&p->lock);
		work_chunk(p, w->state, c);
		pthread_mutex_lock(&p->lock);
		c->done = true;
		pthread_cond_broadcast(&p->done_cv);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* Stops and joins the threads started. */
static void
stop_threads(struct pool *p)
{
	if (p->jobs == 0)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = true;
	pthread_cond_broadcast(&p->work_cv);
	pthread_mutex_unlock(&p->lock);
	for (unsigned i = 0; i < p->jobs; i++)
		pthread_join(p->workers[i].thread, NULL);
	p->jobs = 0;
}

struct pool *
pool_new(unsigned jobs, bool one, void *const *workers, pool_work_fn *work,
	 pool_commit_fn *commit, void *arg)
{
	struct pool *p = calloc(1, sizeof *p);

	if (p == NULL)
		return NULL;
	p->work = work;
	p->commit = commit;
	p->arg = arg;
	p->inline_state = workers[0];
	/* A chunk of one row is committed while the worker state still
	 * holds what was made of it. */
	p->chunk_rows = one && jobs == 0 ? 1 : CHUNK_ROWS;
	p->nring = jobs > 0 ? 2 * (size_t)jobs + 2 : 1;
	p->ring = calloc(p->nring, sizeof *p->ring);
	if (p->ring == NULL)
		goto fail;
	if (jobs == 0)
		return p;
	p->workers = calloc(jobs, sizeof *p->workers);
	if (p->workers == NULL)
		goto fail;
	if (pthread_mutex_init(&p->lock, NULL) != 0)
		goto fail;
	if (pthread_cond_init(&p->work_cv, NULL) != 0) {
		pthread_mutex_destroy(&p->lock);
		goto fail;
	}
	if (pthread_cond_init(&p->done_cv, NULL) != 0) {
		pthread_cond_destroy(&p->work_cv);
		pthread_mutex_destroy(&p->lock);
		goto fail;
	}
	p->sync = true;
	for (unsigned i = 0; i < jobs; i++) {
		int err;

		p->workers[i].pool = p;
		p->workers[i].state = workers[i];
		if ((err = pthread_create(&p->workers[i].thread, NULL, run,
					  &p->workers[i])) != 0) {
			pool_free(p);
			errno = err;
			return NULL;
		}
		p->jobs = i + 1;
	}
	return p;
fail:
	pool_free(p);
	errno = ENOMEM;
	return NULL;
}

/* Copies the N strings of S (each with its NUL) to C's cells, noting
 * where each starts; false if memory ran out. */
static bool
add_cells(struct chunk *c, const char *const *s, size_t n)
{
	size_t lens[64], total = 0, need;
	char *cells;
	size_t *offs;

	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(s[i]) + 1;

		if (i < 64)
			lens[i] = len;
		if (len > (size_t)-1 - total)
			return false;
		total += len;
	}
	if (total > (size_t)-1 - c->cellslen || n > (size_t)-1 - c->noffs)
		return false;
	need = c->cellslen + total;
	if ((cells = ttp_grow(c->cells, &c->cellscap, need, 1)) == NULL)
		return false;
	c->cells = cells;
	if ((offs = ttp_grow(c->offs, &c->capoffs, c->noffs + n,
			     sizeof *offs)) == NULL)
		return false;
	c->offs = offs;
	for (size_t i = 0; i < n; i++) {
		size_t len = i < 64 ? lens[i] : strlen(s[i]) + 1;

		memcpy(c->cells + c->cellslen, s[i], len);
		c->offs[c->noffs++] = c->cellslen;
		c->cellslen += len;
	}
	return true;
}

/* Makes the copied records of C into rows with pointers to their fields;
 * false if memory ran out. */
static bool
seal_rows(struct chunk *c)
{
	char **ptrs = ttp_grow(c->ptrs, &c->capptrs, c->noffs,
			       sizeof *ptrs);

	if (ptrs == NULL)
		return false;
	c->ptrs = ptrs;
	for (size_t i = 0; i < c->noffs; i++)
		c->ptrs[i] = c->cells + c->offs[i];
	for (size_t i = 0; i < c->nrows; i++) {
		const struct slot *s = &c->slots[i];
		struct pool_row *r = &c->rows[i];

		r->fields = s->bad ? NULL : c->ptrs + s->first;
		r->nfields = s->n;
		r->error = s->bad ? c->ptrs[s->first] : NULL;
	}
	return true;
}

/* Empties C for the next rows. */
static void
reset_chunk(struct chunk *c)
{
	c->nrows = 0;
	c->cellslen = 0;
	c->noffs = 0;
	ttp_buf_setlen(&c->pub.text, 0);
	ttp_buf_setlen(&c->pub.data, 0);
	c->done = false;
}

/* Commits the rows of C that were worked, then tells COMMIT the chunk
 * is done; a run stopped, by COMMIT or for memory, stays stopped. */
static enum pool_result
commit_chunk(struct pool *p, struct chunk *c)
{
	for (size_t i = 0; i < c->worked; i++)
		if (!p->commit(p->arg, &c->pub, &c->rows[i]))
			return p->stopped = POOL_STOPPED;
	if (!p->commit(p->arg, &c->pub, NULL))
		return p->stopped = POOL_STOPPED;
	/* Rows left unworked: memory ran out (a row that said stop was
	 * committed, and stopped the run). */
	if (c->worked < c->nrows)
		return p->stopped = POOL_NOMEM;
	return POOL_OK;
}

/* Commits the chunks done that come next in order: with WAIT, the next
 * one first, waiting until it is done, then those done already. */
static enum pool_result
commit_done(struct pool *p, bool wait)
{
	while (p->committed < p->sealed) {
		struct chunk *c = &p->ring[p->committed % p->nring];
		enum pool_result r;
		bool done;

		pthread_mutex_lock(&p->lock);
		while (wait && !c->done)
			pthread_cond_wait(&p->done_cv, &p->lock);
		done = c->done;
		pthread_mutex_unlock(&p->lock);
		if (!done)
			break;
		wait = false;
		if ((r = commit_chunk(p, c)) != POOL_OK)
			return r;
		reset_chunk(c);
		p->committed++;
	}
	return POOL_OK;
}

/* Hands the chunk being filled to the workers (or, with none, works and
 * commits it), then commits what is done, waiting if no slot is free for
 * the next chunk. */
static enum pool_result
seal(struct pool *p)
{
	struct chunk *c = &p->ring[p->sealed % p->nring];
	enum pool_result r;

	if (!seal_rows(c))
		return p->stopped = POOL_NOMEM;
	if (p->jobs == 0) {
		work_chunk(p, p->inline_state, c);
		p->sealed++;
		if ((r = commit_chunk(p, c)) != POOL_OK)
			return r;
		reset_chunk(c);
		p->committed++;
		return POOL_OK;
	}
	pthread_mutex_lock(&p->lock);
	p->sealed++;
	pthread_cond_signal(&p->work_cv);
	pthread_mutex_unlock(&p->lock);
	if ((r = commit_done(p, false)) != POOL_OK)
		return r;
	/* The next chunk to fill is the oldest not yet committed. */
	while (p->sealed - p->committed == p->nring)
		if ((r = commit_done(p, true)) != POOL_OK)
			return r;
	return POOL_OK;
}

enum pool_result
pool_add(struct pool *p, unsigned long line, char *const *fields, size_t n,
	 const char *error)
{
	struct chunk *c = &p->ring[p->sealed % p->nring];
	struct pool_row *rows;
	struct slot *slots;
	size_t cap;

	if (p->stopped != POOL_OK)
		return p->stopped;
	cap = c->caprows;
	if ((rows = ttp_grow(c->rows, &cap, c->nrows + 1,
			     sizeof *rows)) == NULL)
		return p->stopped = POOL_NOMEM;
	c->rows = rows;
	cap = c->caprows;
	if ((slots = ttp_grow(c->slots, &cap, c->nrows + 1,
			      sizeof *slots)) == NULL)
		return p->stopped = POOL_NOMEM;
	c->slots = slots;
	c->caprows = cap;
	slots = &c->slots[c->nrows];
	slots->first = c->noffs;
	slots->n = fields != NULL ? n : 0;
	slots->bad = fields == NULL;
	if (fields == NULL ? !add_cells(c, &error, 1) :
	    !add_cells(c, (const char *const *)fields, n))
		return p->stopped = POOL_NOMEM;
	memset(&c->rows[c->nrows], 0, sizeof c->rows[c->nrows]);
	c->rows[c->nrows++].line = line;
	return c->nrows == p->chunk_rows ? seal(p) : POOL_OK;
}

enum pool_result
pool_finish(struct pool *p)
{
	enum pool_result r;

	if (p->stopped != POOL_OK)
		return p->stopped;
	if (p->ring[p->sealed % p->nring].nrows > 0 &&
	    (r = seal(p)) != POOL_OK)
		return r;
	while (p->committed < p->sealed)
		if ((r = commit_done(p, true)) != POOL_OK)
			return r;
	return POOL_OK;
}

void
pool_free(struct pool *p)
{
	if (p == NULL)
		return;
	stop_threads(p);
	if (p->sync) {
		pthread_cond_destroy(&p->done_cv);
		pthread_cond_destroy(&p->work_cv);
		pthread_mutex_destroy(&p->lock);
	}
	for (size_t i = 0; p->ring != NULL && i < p->nring; i++) {
		struct chunk *c = &p->ring[i];

		ttp_buf_release(&c->pub.text);
		ttp_buf_release(&c->pub.data);
		free(c->rows);
		free(c->slots);
		free(c->cells);
		free(c->offs);
		free(c->ptrs);
	}
	free(p->ring);
	free(p->workers);
	free(p);
}

/* Appends S and its NUL to C's text; the span it takes. */
static struct pool_span
add_text(struct pool_chunk *c, const char *s)
{
	struct pool_span at = { c->text.len, strlen(s) + 1 };

	ttp_buf_addn(&c->text, s, at.len);
	return at;
}

/* Adds the message AT of C's text to ROW's notes, or checks. */
static void
note_span(struct pool_row *row, bool check, struct pool_span at)
{
	struct pool_span *to = check ? &row->checks : &row->notes;

	/* A row's notes, and its checks, are added one after another. */
	if (to->len == 0)
		to->off = at.off;
	to->len += at.len;
	if (check)
		row->nchecks++;
}

void
pool_note(struct pool_chunk *c, struct pool_row *row, bool check,
	  const char *msg)
{
	note_span(row, check, add_text(c, msg));
}

void
pool_vnotef(struct pool_chunk *c, struct pool_row *row, bool check,
	    const char *fmt, va_list ap)
{
	struct pool_span at = { c->text.len, 0 };

	/* Formatted straight into the chunk's text, whatever its length,
	 * and ended with its NUL. */
	ttp_buf_vaddf(&c->text, fmt, ap);
	ttp_buf_addn(&c->text, "", 1);
	at.len = c->text.len - at.off;
	note_span(row, check, at);
}

void
pool_set_key(struct pool_chunk *c, struct pool_row *row, const char *key)
{
	row->key = add_text(c, key);
}

const char *
pool_text(const struct pool_chunk *c, struct pool_span span, size_t *at)
{
	const char *s;

	if (*at >= span.len)
		return NULL;
	s = c->text.p + span.off + *at;
	*at += strlen(s) + 1;
	return s;
}
