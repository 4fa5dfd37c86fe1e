/*
 * internal.h -- helpers shared by the library's source files.
 *
 * Nothing here is exported from the shared library: the linker keeps only
 * symbols that start with "tt_".  Internal names start with "ttp_".
 *
 * Levels.  A file calls only files below its level (and, within its
 * level, only files listed before it), so that no two files call each
 * other, however indirectly; a lower file that needs something of a
 * higher one is handed it, as ttp_buf_add_milestone() is handed the
 * function that formats a milestone.  From the bottom:
 *
 *   1  grow.c, utf8.c, error.c, strbuf.c, date.c, holidays.c,
 *      holidays-ics.c, ics-text.c, ics-previous.c: errors, growing
 *      arrays and strings, dates, days off, iCalendar text
 *   2  spec-schema.c: the sections and keys of a spec, the names of
 *      values
 *   3  spec.c, spec-file.c: values in and out of a spec; spec files
 *   4  spec-check.c: how the clauses of a spec fit together, given its
 *      entry into force
 *   5  milestone.c, reckon.c, parties.c, schedule.c: computing a
 *      schedule (tt_schedule_compute() runs the checks of level 4 once
 *      it has an entry into force)
 *   6  spec-validate.c, diff.c, preset.c, ics.c: tt_spec_validate(),
 *      which needs the schedule for deposits, and what uses schedules
 */
#ifndef TREATYTERM_INTERNAL_H
#define TREATYTERM_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <treatyterm/treatyterm.h>


#if defined(__GNUC__)
#define TTP_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TTP_PRINTF(f, a)
#endif

/* Marks a deliberate fall-through between switch cases, for gcc and clang
 * alike (clang ignores comments there). */
#if defined(__has_attribute)
#if __has_attribute(fallthrough)
#define TTP_FALLTHROUGH __attribute__((fallthrough))
#endif
#endif
#ifndef TTP_FALLTHROUGH
#define TTP_FALLTHROUGH do { } while (0)
#endif

#define TTP_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* --- errors (error.c) ------------------------------------------------ */

/* Fills ERR (if not NULL) and returns CODE.  Never allocates.  The
 * section and key are cleared. */
tt_status ttp_error_set(tt_error *err, tt_status code, unsigned line,
			unsigned column, const char *fmt, ...) TTP_PRINTF(5, 6);
/* The same with a va_list: the one place an error message is formatted. */
tt_status ttp_error_vset(tt_error *err, tt_status code, unsigned line,
			 unsigned column, const char *fmt, va_list ap)
	TTP_PRINTF(5, 0);
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

/* True if S looks like an absolute http: or https: URL (or, with
 * WEBCAL, webcal:): the scheme in any case, something after it, and no
 * space, control character or '"', '<', '>', '\\', '^', '`', '{', '|',
 * '}' (spec.c). */
bool ttp_url_ok(const char *s, bool webcal);

/* --- dates (date.c) ------------------------------------------------- */

/* Checks that D is a day of the calendar, with the messages
 * tt_date_parse() gives (columns as in "YYYY-MM-DD"). */
tt_status ttp_date_check(tt_date d, tt_error *err);
/* Checks that each component of DUR is between 0 and the most that can
 * lie between two dates of the calendar, as tt_duration_parse() does. */
tt_status ttp_duration_check(tt_duration dur, tt_error *err);

#include "grow.h"
#include "utf8.h"

#endif /* TREATYTERM_INTERNAL_H */
