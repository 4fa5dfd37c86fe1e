/*
 * internal.h -- helpers shared by the library's source files.
 *
 * Nothing here is exported from the shared library: the linker keeps only
 * symbols that start with "tt_".  Internal names start with "ttp_".
 */
#ifndef TREATYTERM_INTERNAL_H
#define TREATYTERM_INTERNAL_H

#include <stdarg.h>

#include <treatyterm/treatyterm.h>

#if defined(__GNUC__)
#define TTP_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TTP_PRINTF(f, a)
#endif

#define TTP_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Fills ERR (if not NULL) and returns CODE.  Never allocates. */
tt_status ttp_error_set(tt_error *err, tt_status code, unsigned line,
			unsigned column, const char *fmt, ...) TTP_PRINTF(5, 6);
/* Adds LINE and a column offset to an error that was reported relative to
 * the start of a value (as the parsers do). */
void ttp_error_locate(tt_error *err, unsigned line, unsigned column);
/* Clears ERR. */
void ttp_error_clear(tt_error *err);

#endif /* TREATYTERM_INTERNAL_H */
