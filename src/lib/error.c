/*
 * error.c -- filling tt_error values.
 *
 * ttp_error_vset() is the only function that formats a message; every
 * other way of reporting an error (ttp_error_set(), spec-check.c's field errors,
 * the spec file reader) ends in it.  The message is a fixed array, since
 * filling an error must not allocate: a message too long for it (one
 * that quotes a long name) is cut between two characters and ends with
 * an ellipsis, so that it is still UTF-8 and says it was cut.
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "internal.h"

const char *
tt_status_name(tt_status status)
{
	switch (status) {
	case TT_OK:
		return "success";
	case TT_ESYNTAX:
		return "syntax error";
	case TT_ERANGE:
		return "value out of range";
	case TT_EINVAL:
		return "invalid value";
	case TT_ELIMIT:
		return "limit exceeded";
	case TT_ENOMEM:
		return "out of memory";
	case TT_EIO:
		return "input/output error";
	}
	return "unknown error";
}

const char *
tt_version(void)
{
	return PACKAGE_VERSION;
}

/* What ends a message that was cut: U+2026, three bytes. */
#define ELLIPSIS "\xe2\x80\xa6"

tt_status
ttp_error_vset(tt_error *err, tt_status code, unsigned line, unsigned column,
	       const char *fmt, va_list ap)
{
	int n;

	if (err == NULL)
		return code;
	err->code = code;
	err->line = line;
	err->column = column;
	err->section = NULL;
	err->key = NULL;
	err->input = 0;
	n = vsnprintf(err->message, sizeof err->message, fmt, ap);
	if (n < 0) {
		err->message[0] = '\0';
	} else if ((size_t)n >= sizeof err->message) {
		size_t len = sizeof err->message - sizeof ELLIPSIS;

		err->message[len] = '\0';
		len = ttp_utf8_trim(err->message);
		memcpy(err->message + len, ELLIPSIS, sizeof ELLIPSIS);
	}
	return code;
}

tt_status
ttp_error_set(tt_error *err, tt_status code, unsigned line, unsigned column,
	      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ttp_error_vset(err, code, line, column, fmt, ap);
	va_end(ap);
	return code;
}

void
ttp_error_locate(tt_error *err, unsigned line, unsigned column)
{
	if (err == NULL)
		return;
	if (line != 0)
		err->line = line;
	/* A column inside a value is relative to the value's first byte. */
	if (column != 0)
		err->column = err->column ? column + err->column - 1 : column;
}

void
ttp_error_clear(tt_error *err)
{
	if (err == NULL)
		return;
	memset(err, 0, sizeof *err);
}
