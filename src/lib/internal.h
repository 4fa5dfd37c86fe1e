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

/* As tt_holidays_set_complete_until(), with the words the message uses
 * when a roll needs a later day: "cannot tell whether D is a holiday:
 * WHAT only up to LAST (WHY)".  WHAT and WHY are static strings; WHY may
 * be NULL. */
void ttp_holidays_limit(tt_holidays *h, tt_date last, const char *what,
			const char *why);

#endif /* TREATYTERM_INTERNAL_H */
