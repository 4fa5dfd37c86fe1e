/*
 * cli.c -- messages, exit statuses and argument helpers for the program.
 *
 * "today" is read here, never in the library, which has no clock: a date
 * argument "today" becomes a date, and a date given to the library as text
 * becomes that date's text.
 */
#include <config.h>

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/grow.h"
#include "cli/cli.h"

const char *cli_program = "treatyterm";

void
cli_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", cli_program);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* The message of a bad argument, with and without a column. */
#define ARG_ERROR_COLUMN "%s '%s': column %u: %s"
#define ARG_ERROR "%s '%s': %s"

size_t
cli_arg_error_format(char *buf, size_t size, const char *what,
		     const char *value, const tt_error *e)
{
	int n;

	if (e->column != 0)
		n = snprintf(buf, size, ARG_ERROR_COLUMN, what, value,
			     e->column, e->message);
	else
		n = snprintf(buf, size, ARG_ERROR, what, value, e->message);
	return n > 0 ? (size_t)n : 0;
}

void
cli_arg_error(const char *what, const char *value, const tt_error *e)
{
	/* Printed as it is formatted, with no buffer between: a long value
	 * is reported whole, never cut (inside a character or not). */
	if (e->column != 0)
		cli_error(ARG_ERROR_COLUMN, what, value, e->column,
			  e->message);
	else
		cli_error(ARG_ERROR, what, value, e->message);
}

void
cli_file_error(const char *file, const tt_error *e)
{
	if (e->line != 0 && e->column != 0)
		cli_error("%s:%u:%u: %s", file, e->line, e->column,
			  e->message);
	else if (e->line != 0)
		cli_error("%s:%u: %s", file, e->line, e->message);
	else
		cli_error("%s: %s", file, e->message);
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", cli_program);
	if (cmd != NULL)
		fprintf(stderr, "%s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s%s%s --help' for more information.\n",
		cli_program, cmd ? " " : "", cmd ? cmd : "");
	return EXIT_USAGE;
}

int
cli_print_version(void)
{
	printf("%s %s\n"
	       "Copyright (C) 2026 the treatyterm authors.\n"
	       "License MIT: <https://opensource.org/licenses/MIT>.\n"
	       "This is free software: you are free to change and "
	       "redistribute it.\n"
	       "There is NO WARRANTY, to the extent permitted by law.\n",
	       PACKAGE_NAME, PACKAGE_VERSION);
	return cli_finish_stdout(EXIT_OK);
}

int
cli_finish_stdout(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_write_error(NULL, errno);
		return EXIT_INVALID;
	}
	return status;
}

void
cli_write_error(const char *file, int err)
{
	cli_error("%s: write error: %s", file ? file : "standard output",
		  strerror(err ? err : EIO));
}

bool
cli_today(tt_date *out)
{
	const char *env = getenv("TREATYTERM_TODAY");
	struct tm tm;
	time_t now;
	tt_error e;

	if (env != NULL && *env != '\0') {
		if (tt_date_parse(env, out, &e) == TT_OK)
			return true;
		cli_arg_error("TREATYTERM_TODAY", env, &e);
		return false;
	}
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL) {
		cli_error("cannot tell today's date: %s", strerror(errno));
		return false;
	}
	out->year = tm.tm_year + 1900;
	out->month = tm.tm_mon + 1;
	out->day = tm.tm_mday;
	return true;
}

bool
cli_parse_date(const char *what, const char *s, tt_date *out)
{
	tt_error e;

	if (strcmp(s, "today") == 0)
		return cli_today(out);
	if (tt_date_parse(s, out, &e) == TT_OK)
		return true;
	cli_arg_error(what, s, &e);
	return false;
}

bool
cli_parse_duration(const char *what, const char *s, tt_duration *out)
{
	tt_error e;

	if (tt_duration_parse(s, out, &e) == TT_OK)
		return true;
	cli_arg_error(what, s, &e);
	return false;
}

/* Reads all of FP into a new buffer; NULL with errno set on failure. */
char *
cli_read_all(FILE *fp, size_t *len)
{
	size_t n = 0, cap = 4096;
	char *buf = malloc(cap), *p;

	if (buf == NULL)
		return NULL;
	for (;;) {
		size_t k = fread(buf + n, 1, cap - n, fp);

		n += k;
		if (k == 0)
			break;
		if (n == cap) {
			if (cap > (64u << 20)) {
				free(buf);
				errno = EFBIG;
				return NULL;
			}
			p = ttp_grow(buf, &cap, cap + 1, 1);
			if (p == NULL) {
				free(buf);
				return NULL;
			}
			buf = p;
		}
	}
	if (ferror(fp)) {
		int saved = errno;

		free(buf);
		errno = saved ? saved : EIO;
		return NULL;
	}
	*len = n;
	return buf;
}
