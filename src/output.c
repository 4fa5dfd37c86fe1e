/*
 * output.c -- writing output files safely (see output.h).
 *
 * A symbolic link is followed by hand rather than with realpath(), so
 * that a link to a file not yet there still works: the chain of links is
 * read with readlink() until something that is not a link, or nothing,
 * and that path is the one replaced.
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "output.h"

/* Links followed before giving up, as the kernel's limit. */
#define MAX_LINKS 40

static char *resolve_links(const char *path);

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
	fd = mkstemp(o->tmp);
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
