/*
 * output.c -- writing output files safely (see output.h).
 */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "output.h"

bool
output_open(struct output *o, const char *path)
{
	struct stat st;
	bool exists;
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
	o->tmp = malloc(strlen(path) + sizeof ".tmp-XXXXXX");
	if (o->tmp == NULL) {
		cli_error("%s: out of memory", path);
		return false;
	}
	sprintf(o->tmp, "%s.tmp-XXXXXX", path);
	fd = mkstemp(o->tmp);
	if (fd < 0) {
		cli_error("%s: %s", path, strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return false;
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
		free(o->tmp);
		o->tmp = NULL;
		return false;
	}
	return true;
}

bool
output_commit(struct output *o)
{
	const char *name = o->path ? o->path : "standard output";
	bool ok = true;
	int saved = 0;

	if (o->fp == stdout) {
		if (fflush(stdout) != 0 || ferror(stdout)) {
			cli_error("write error: %s", strerror(errno));
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
	if (ok && o->tmp != NULL && rename(o->tmp, o->path) != 0) {
		ok = false;
		saved = errno;
	}
	if (!ok) {
		cli_error("%s: write error: %s", name,
			  strerror(saved ? saved : EIO));
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
