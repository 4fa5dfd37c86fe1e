/*
 * output.c -- writing output files safely (see output.h).
 *
 * A symbolic link is followed by hand rather than with realpath(), so
 * that a link to a file not yet there still works: the chain of links is
 * read with readlink() until something that is not a link, or nothing,
 * and that path is the one replaced.
 *
 * A temporary file is watched while it exists: SIGINT, SIGTERM, SIGHUP
 * and SIGPIPE remove it, then end the program as the signal would have
 * (a batch run killed half-way leaves no gigabyte behind, and the shell
 * still sees 128+N).  One temporary file is watched at a time, every
 * command writing one file.  The handler and the program hand the name
 * over with an atomic exchange, so that whichever takes it is the only
 * one to use it: the handler may run in a batch worker's thread while
 * the main thread renames or removes the file.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/output.h"

/* Links followed before giving up, as the kernel's limit. */
#define MAX_LINKS 40

/* The signals that remove the temporary file before ending the program. */
static const int cleanup_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
#define NSIGNALS (sizeof cleanup_signals / sizeof cleanup_signals[0])

/* The temporary file being written, NULL if none.  Lock-free (pointers
 * are, wherever this builds), hence safe in a signal handler. */
static _Atomic(char *) watched_tmp;

static char *resolve_links(const char *path);
static void on_signal(int sig);
static void catch_signals(void);
static bool watch(struct output *o);
static bool unwatch(struct output *o);
static int create_watched(struct output *o);
static bool writable(const char *path);

/* Removes the temporary file, if the program has not taken it back, and
 * dies of SIG: SA_RESETHAND has restored the default action, which the
 * signal raised again takes (at once, or as the handler returns, SIG
 * being blocked meanwhile).  Only async-signal-safe calls here. */
static void
on_signal(int sig)
{
	int saved = errno;
	char *tmp = atomic_exchange(&watched_tmp, NULL);

	if (tmp != NULL)
		(void)unlink(tmp);
	(void)raise(sig);
	errno = saved;
}

/* Installs on_signal() for the signals not ignored: a signal ignored when
 * the program started (SIGINT in a background job, SIGHUP under nohup)
 * stays ignored, as it would without a temporary file.  Once. */
static void
catch_signals(void)
{
	static bool done;
	struct sigaction sa, old;

	if (done)
		return;
	done = true;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaddset(&sa.sa_mask, cleanup_signals[i]);
	for (size_t i = 0; i < NSIGNALS; i++)
		if (sigaction(cleanup_signals[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			(void)sigaction(cleanup_signals[i], &sa, NULL);
}

/* Creates O's temporary file from the template O->TMP and has it
 * watched; returns its descriptor, or -1 with errno set.  The signals are
 * held meanwhile, so that none comes between the file's creation and its
 * watch (output_open() runs before any thread is started). */
static int
create_watched(struct output *o)
{
	sigset_t block, old;
	int fd, err;

	catch_signals();
	sigemptyset(&block);
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaddset(&block, cleanup_signals[i]);
	(void)pthread_sigmask(SIG_BLOCK, &block, &old);
	fd = mkstemp(o->tmp);
	err = errno;
	if (fd >= 0)
		o->watched = watch(o);
	(void)pthread_sigmask(SIG_SETMASK, &old, NULL);
	errno = err;
	return fd;
}

/* Hands O's temporary file to the signal handler; false if another one
 * is watched already. */
static bool
watch(struct output *o)
{
	char *none = NULL;

	return atomic_compare_exchange_strong(&watched_tmp, &none, o->tmp);
}

/* Takes O's temporary file back from the signal handler.  False when a
 * signal has taken it: the program is ending, and the name must stay
 * (the handler may still be using it). */
static bool
unwatch(struct output *o)
{
	if (!o->watched)
		return true;
	o->watched = false;
	return atomic_exchange(&watched_tmp, NULL) != NULL;
}

/* True if the user may write the existing file PATH, as cp(1) asks
 * before replacing one: a read-only file is not replaced behind its
 * owner's back (root may, as root may write it).  False with errno set
 * otherwise. */
static bool
writable(const char *path)
{
	return access(path, W_OK) == 0;
}

/* Where the links from PATH lead: a new string, PATH itself if it is not a
 * link; NULL with errno set on failure. */
static char *
resolve_links(const char *path)
{
	char *cur = strdup(path);
	struct stat st;

	for (int hops = 0; cur != NULL; hops++) {
		char buf[PATH_MAX], *next, *slash;
		ssize_t n;

		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;	/* missing, or not a link */
		if (hops == MAX_LINKS) {
			free(cur);
			errno = ELOOP;
			return NULL;
		}
		n = readlink(cur, buf, sizeof buf - 1);
		if (n < 0) {
			free(cur);
			return NULL;
		}
		buf[n] = '\0';
		slash = strrchr(cur, '/');
		if (buf[0] == '/' || slash == NULL) {
			next = strdup(buf);
		} else {
			/* Relative to the directory of the link. */
			size_t dir = (size_t)(slash - cur) + 1;

			next = malloc(dir + (size_t)n + 1);
			if (next != NULL) {
				memcpy(next, cur, dir);
				memcpy(next + dir, buf, (size_t)n + 1);
			}
		}
		free(cur);
		cur = next;
	}
	return NULL;
}

bool
output_open(struct output *o, const char *path)
{
	struct stat st;
	bool exists;
	char *target;
	int fd;

	o->fp = NULL;
	o->path = NULL;
	o->tmp = NULL;
	o->watched = false;
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return true;
	}
	if (*path == '\0') {
		cli_error("-o: empty file name");
		return false;
	}
	o->path = path;
	exists = stat(path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		/* A device, FIFO or the like: write to it as it is. */
		o->fp = fopen(path, "w");
		if (o->fp == NULL) {
			cli_error("%s: %s", path, strerror(errno));
			return false;
		}
		return true;
	}
	if (exists && !writable(path)) {
		cli_error("%s: %s", path, strerror(errno));
		return false;
	}
	target = resolve_links(path);
	if (target == NULL) {
		cli_error("%s: %s", path, strerror(errno));
		return false;
	}
	o->tmp = malloc(strlen(target) + sizeof TMP_SUFFIX);
	if (o->tmp == NULL) {
		cli_error("%s: out of memory", path);
		free(target);
		return false;
	}
	sprintf(o->tmp, "%s%s", target, TMP_SUFFIX);
	free(target);
	fd = create_watched(o);
	if (fd < 0) {
		cli_error("%s: %s", path, strerror(errno));
		goto fail;
	}
	/* A replaced file keeps its permissions; a new one gets the usual
	 * mode for new files rather than mkstemp's 0600. */
	if (exists) {
		(void)fchmod(fd, st.st_mode & 07777);
	} else {
		mode_t mask = umask(0);

		umask(mask);
		(void)fchmod(fd, 0666 & ~mask);
	}
	o->fp = fdopen(fd, "w");
	if (o->fp == NULL) {
		cli_error("%s: %s", path, strerror(errno));
		close(fd);
		unlink(o->tmp);
		if (!unwatch(o)) {
			o->tmp = NULL;	/* ending: the handler has it */
			return false;
		}
		goto fail;
	}
	return true;
fail:
	free(o->tmp);
	o->tmp = NULL;
	return false;
}

const char *
output_name(const struct output *o)
{
	return o->path != NULL ? o->path : "standard output";
}

bool
output_commit(struct output *o)
{
	bool ok = true;
	int saved = 0;

	if (o->fp == stdout) {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			cli_write_error(NULL, errno);
			return false;
		}
		return true;
	}
	if (fflush(o->fp) != 0 || ferror(o->fp)) {
		ok = false;
		saved = errno;
	} else if (o->tmp != NULL && fsync(fileno(o->fp)) != 0) {
		ok = false;
		saved = errno;
	}
	if (fclose(o->fp) != 0 && ok) {
		ok = false;
		saved = errno;
	}
	o->fp = NULL;
	if (ok && o->tmp != NULL) {
		/* The name of the file replaced, without the suffix. */
		size_t n = strlen(o->tmp) - (sizeof TMP_SUFFIX - 1);
		char *target = strndup(o->tmp, n);

		if (target == NULL || rename(o->tmp, target) != 0) {
			ok = false;
			saved = target == NULL ? ENOMEM : errno;
		}
		free(target);
	}
	if (!ok) {
		cli_write_error(o->path, saved);
		if (o->tmp != NULL)
			unlink(o->tmp);
	}
	/* Renamed or removed first: a signal meanwhile finds nothing left
	 * to remove, or removes it too. */
	if (unwatch(o))
		free(o->tmp);
	o->tmp = NULL;
	return ok;
}

void
output_abort(struct output *o)
{
	if (o->fp != NULL && o->fp != stdout)
		fclose(o->fp);
	o->fp = NULL;
	if (o->tmp != NULL) {
		unlink(o->tmp);
		if (unwatch(o))
			free(o->tmp);
		o->tmp = NULL;
	}
}

void
output_fail(struct output *o, int err)
{
	cli_write_error(o->path, err);
	output_abort(o);
}

bool
output_finish(struct output *o, bool ok)
{
	if (!ok) {
		output_fail(o, errno);
		return false;
	}
	return output_commit(o);
}

bool
output_refused(struct output *o, bool ok, const char *why)
{
	if (ok || ferror(o->fp) || why == NULL ||
	    strcmp(why, "write error") == 0)
		return false;
	cli_error("%s: %s", output_name(o), why);
	output_abort(o);
	return true;
}

bool
output_end(struct output *o, bool ok, const char *why)
{
	if (!ok && why != NULL) {
		cli_error("%s: %s", output_name(o), why);
		output_abort(o);
		return false;
	}
	return output_finish(o, ok);
}
