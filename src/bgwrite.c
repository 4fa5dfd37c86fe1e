/*
 * bgwrite.c -- output written by a second thread (see bgwrite.h).
 *
 * Two blocks: the caller fills one while the thread writes the other.
 * The only shared state is which block is waiting to be written, under
 * one mutex.
 */
#include <config.h>

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "bgwrite.h"

/* A block goes to the thread once it holds this much. */
#define BLOCK (1024 * 1024)

struct bgwrite {
	FILE *fp;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct json_buf bufs[2];
	int filling;		/* the caller's block */
	/* Under LOCK: */
	struct json_buf *pending;	/* handed over, not yet written */
	bool stop;		/* no more blocks */
	int error;		/* errno of a failed write, or 0 */
	bool finished;
};

static void *
run(void *arg)
{
	struct bgwrite *w = arg;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		struct json_buf *b;
		int err = 0;

		while (w->pending == NULL && !w->stop)
			pthread_cond_wait(&w->cond, &w->lock);
		if (w->pending == NULL)
			break;
		b = w->pending;
		pthread_mutex_unlock(&w->lock);
		if (w->error == 0 && fwrite(b->p, 1, b->len, w->fp) != b->len)
			err = errno ? errno : EIO;
		b->len = 0;
		pthread_mutex_lock(&w->lock);
		if (err != 0 && w->error == 0)
			w->error = err;
		w->pending = NULL;
		pthread_cond_broadcast(&w->cond);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

struct bgwrite *
bgwrite_new(FILE *fp)
{
	struct bgwrite *w = calloc(1, sizeof *w);

	if (w == NULL)
		return NULL;
	w->fp = fp;
	if (pthread_mutex_init(&w->lock, NULL) != 0) {
		free(w);
		return NULL;
	}
	if (pthread_cond_init(&w->cond, NULL) != 0) {
		pthread_mutex_destroy(&w->lock);
		free(w);
		return NULL;
	}
	if (pthread_create(&w->thread, NULL, run, w) != 0) {
		pthread_cond_destroy(&w->cond);
		pthread_mutex_destroy(&w->lock);
		free(w);
		return NULL;
	}
	return w;
}

struct json_buf *
bgwrite_buf(struct bgwrite *w)
{
	return &w->bufs[w->filling];
}

/* Hands the caller's block to the thread, once the one before is
 * written; false (errno set) after a failure. */
static bool
hand_over(struct bgwrite *w)
{
	int err;

	pthread_mutex_lock(&w->lock);
	while (w->pending != NULL)
		pthread_cond_wait(&w->cond, &w->lock);
	err = w->error;
	if (err == 0 && w->bufs[w->filling].len > 0) {
		w->pending = &w->bufs[w->filling];
		w->filling = 1 - w->filling;
		pthread_cond_broadcast(&w->cond);
	}
	pthread_mutex_unlock(&w->lock);
	if (err != 0) {
		errno = err;
		return false;
	}
	return true;
}

bool
bgwrite_ready(struct bgwrite *w)
{
	struct json_buf *b = &w->bufs[w->filling];

	if (b->failed) {
		errno = ENOMEM;
		return false;
	}
	return b->len < BLOCK || hand_over(w);
}

bool
bgwrite_finish(struct bgwrite *w)
{
	bool ok = !w->bufs[w->filling].failed && hand_over(w);
	int err = errno;

	pthread_mutex_lock(&w->lock);
	while (w->pending != NULL)
		pthread_cond_wait(&w->cond, &w->lock);
	w->stop = true;
	pthread_cond_broadcast(&w->cond);
	if (ok && w->error != 0) {
		ok = false;
		err = w->error;
	}
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	w->finished = true;
	if (!ok)
		errno = err ? err : ENOMEM;
	return ok;
}

void
bgwrite_free(struct bgwrite *w)
{
	if (w == NULL)
		return;
	if (!w->finished)
		(void)bgwrite_finish(w);
	pthread_cond_destroy(&w->cond);
	pthread_mutex_destroy(&w->lock);
	json_buf_free(&w->bufs[0]);
	json_buf_free(&w->bufs[1]);
	free(w);
}
