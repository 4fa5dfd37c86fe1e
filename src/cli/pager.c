/*
 * pager.c -- paging and colour on a terminal (see pager.h).
 *
 * The pager is run with popen(), through the shell, so that a value such
 * as "less -S" works as it does for git.  A shell that is there but finds
 * no such program would swallow the output, so a pager given by a bare
 * name is first looked for in PATH, and none found means none used.
 */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/pager.h"

static const char *pager_command(void);
static bool in_path(const char *cmd);

/* The pager asked for, or NULL for none. */
static const char *
pager_command(void)
{
	const char *cmd = getenv("TREATYTERM_PAGER");

	if (cmd == NULL)
		cmd = getenv("PAGER");
	if (cmd == NULL)
		cmd = "less";
	if (*cmd == '\0' || strcmp(cmd, "cat") == 0)
		return NULL;
	return cmd;
}

/* True if the program CMD names (its first word) can be run: a path that
 * is executable, or a bare name found in PATH.  A command with shell
 * syntax in its first word is left to the shell. */
static bool
in_path(const char *cmd)
{
	size_t n = strcspn(cmd, " \t");
	const char *path = getenv("PATH"), *p;
	char buf[4096];

	if (strpbrk(cmd, "$`'\"\\|;&<>()") != NULL &&
	    strcspn(cmd, "$`'\"\\|;&<>()") < n)
		return true;
	if (memchr(cmd, '/', n) != NULL) {
		snprintf(buf, sizeof buf, "%.*s", (int)n, cmd);
		return access(buf, X_OK) == 0;
	}
	if (path == NULL)
		path = "/usr/bin:/bin";
	for (p = path; ; ) {
		size_t d = strcspn(p, ":");
		struct stat st;

		if (snprintf(buf, sizeof buf, "%.*s/%.*s", (int)d,
			     d ? p : ".", (int)n, cmd) < (int)sizeof buf &&
		    stat(buf, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(buf, X_OK) == 0)
			return true;
		if (p[d] == '\0')
			return false;
		p += d + 1;
	}
}

void
pager_start(struct pager *p)
{
	const char *cmd;

	p->fp = stdout;
	p->running = false;
	if (!isatty(STDOUT_FILENO) || (cmd = pager_command()) == NULL ||
	    !in_path(cmd))
		return;
	/* git's defaults: quit when the text fits, pass the colours on,
	 * leave the screen as it was. */
	setenv("LESS", "FRX", 0);
	setenv("LV", "-c", 0);
	fflush(stdout);
	p->fp = popen(cmd, "w");
	if (p->fp == NULL) {
		p->fp = stdout;
		return;
	}
	p->running = true;
	/* Quitting the pager early closes the pipe: the writes fail with
	 * EPIPE, which pager_finish() takes for an end, rather than
	 * SIGPIPE ending the program. */
	signal(SIGPIPE, SIG_IGN);
}

bool
pager_finish(struct pager *p)
{
	bool ok;
	int saved;

	if (!p->running)
		return fflush(stdout) == 0 && !ferror(stdout);
	ok = fflush(p->fp) == 0 && !ferror(p->fp);
	saved = errno;
	/* The reader quitting early (q in less) is not a failure. */
	if (!ok && saved == EPIPE)
		ok = true;
	(void)pclose(p->fp);
	p->fp = stdout;
	p->running = false;
	errno = saved;
	return ok;
}

bool
pager_color(void)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (!isatty(STDOUT_FILENO))
		return false;
	if (nc != NULL && *nc != '\0')
		return false;
	return term == NULL || strcmp(term, "dumb") != 0;
}
