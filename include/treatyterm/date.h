/*
 * treatyterm/date.h -- civil dates, durations and working days.
 *
 * Dates are proleptic Gregorian, years 1 to 9999, passed by value.  A day
 * number counts days from 0001-01-01 (day 1) to 9999-12-31 (day 3652059).
 *
 * Adding a duration follows the same-date rule of Reg. 1182/71 art. 3 and
 * ETS 076 art. 4: years and months are added together as a number of months
 * and the day of the month is kept; when that day does not exist in the
 * target month the result is the month's last day (the month-end clamp).
 * Weeks and days are added afterwards.  Month arithmetic is therefore not
 * associative: 2024-01-31 +1m +1m is 2024-03-29, 2024-01-31 +2m is
 * 2024-03-31.  Periodic dates must be computed from their anchor.
 */
#ifndef TREATYTERM_DATE_H
#define TREATYTERM_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <treatyterm/error.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TT_YEAR_MIN 1
#define TT_YEAR_MAX 9999
#define TT_DAYNUM_MIN 1
#define TT_DAYNUM_MAX 3652059

/* Room for "YYYY-MM-DD" and its terminating NUL. */
#define TT_DATE_BUFSIZE 11

typedef struct tt_date {
	int year;	/* 1 .. 9999 */
	int month;	/* 1 .. 12 */
	int day;	/* 1 .. days in month */
} tt_date;

/* A signed calendar duration: all components are >= 0, SIGN is +1 or -1. */
typedef struct tt_duration {
	int sign;
	int years;
	int months;
	int weeks;
	int days;
} tt_duration;

/* Room for the longest duration text either format function writes. */
#define TT_DURATION_BUFSIZE 64

/* Flags reported by tt_date_add(). */
enum {
	TT_ADD_CLAMPED = 1u << 0	/* the day was moved to the month's end */
};

typedef enum tt_weekday {
	TT_MONDAY = 1, TT_TUESDAY, TT_WEDNESDAY, TT_THURSDAY, TT_FRIDAY,
	TT_SATURDAY, TT_SUNDAY
} tt_weekday;

/* --- dates --------------------------------------------------------- */

bool tt_date_is_valid(tt_date d);
bool tt_year_is_leap(int year);
/* Days in MONTH of YEAR, or 0 if MONTH is not 1..12. */
int tt_month_days(int year, int month);

/* Parses exactly "YYYY-MM-DD".  On error the column points at the first
 * offending character of S. */
tt_status tt_date_parse(const char *s, tt_date *out, tt_error *err);
/* Parses "YYYY-MM-DD", or a date as depositaries' status tables print
 * it: "17 Jul 2007" or "17 July 2007" (the day, the month's English name
 * or its first three letters, in any case, and the four-digit year, one
 * space apart).  Errors as tt_date_parse(). */
tt_status tt_date_parse_text(const char *s, tt_date *out, tt_error *err);
/* Writes "YYYY-MM-DD" into BUF (at least TT_DATE_BUFSIZE bytes). */
char *tt_date_format(tt_date d, char *buf);

int32_t tt_date_to_daynum(tt_date d);
/* DAYNUM must be in TT_DAYNUM_MIN .. TT_DAYNUM_MAX. */
tt_date tt_date_from_daynum(int32_t daynum);

int tt_date_compare(tt_date a, tt_date b);	/* <0, 0, >0 */
tt_weekday tt_date_weekday(tt_date d);
/* English weekday name ("Monday") and its three-letter abbreviation. */
const char *tt_weekday_name(tt_weekday w);
const char *tt_weekday_abbr(tt_weekday w);

/* D + DUR by the same-date rule.  FLAGS, if not NULL, receives
 * TT_ADD_CLAMPED when the month-end clamp applied.  Fails with TT_ERANGE
 * when the result would leave years 1..9999. */
tt_status tt_date_add(tt_date d, tt_duration dur, tt_date *out,
		      unsigned *flags, tt_error *err);
tt_status tt_date_add_days(tt_date d, int32_t days, tt_date *out,
			   tt_error *err);

/* TO - FROM in days. */
int32_t tt_date_diff_days(tt_date from, tt_date to);
/* TO - FROM as years, months and days: the largest whole number of months
 * M with FROM + M months (same-date rule) not past TO, then the remaining
 * days; weeks are always 0.  The sign is -1 when TO is before FROM, and
 * then the months are counted backwards from FROM. */
tt_duration tt_date_diff(tt_date from, tt_date to);

/* --- durations ----------------------------------------------------- */

/* Parses ISO 8601 ("P50Y", "P1Y6M", "P2W", "-P90D") or the short form
 * ("50y", "+1y6m", "-90d", "2W").  Units are case-insensitive.  Each
 * component is limited to what can occur between years 1 and 9999. */
tt_status tt_duration_parse(const char *s, tt_duration *out, tt_error *err);
/* ISO 8601 form ("P1Y6M", "-P90D", "P0D") into BUF of SIZE bytes.
 * Returns the length the whole text needs, without the NUL, as snprintf()
 * does.  When it does not fit, BUF (if SIZE > 0) holds the components
 * that fit whole, NUL-terminated: never a number cut in two.  BUF may be
 * NULL when SIZE is 0.  TT_DURATION_BUFSIZE is always enough. */
size_t tt_duration_format_iso(tt_duration dur, char *buf, size_t size);
/* English words ("1 year 6 months", "minus 90 days", "0 days"), the same
 * way. */
size_t tt_duration_format_words(tt_duration dur, char *buf, size_t size);
bool tt_duration_is_zero(tt_duration dur);
/* Negates DUR. */
tt_duration tt_duration_negate(tt_duration dur);
/* A duration of N years, months or days (N may be negative). */
tt_duration tt_duration_of_years(int n);
tt_duration tt_duration_of_months(int n);
tt_duration tt_duration_of_days(int n);
/* A + N*B for durations of the same sign; used to compute the n-th point
 * of a series from its anchor rather than by chaining additions.  Fails
 * with TT_ERANGE when a component would exceed its limit. */
tt_status tt_duration_add_multiple(tt_duration a, tt_duration b, int n,
				   tt_duration *out, tt_error *err);

/* --- working days -------------------------------------------------- */

/* A set of public holidays plus the weekly rest days (Saturday and Sunday
 * unless changed). */
typedef struct tt_holidays tt_holidays;

tt_holidays *tt_holidays_new(void);
void tt_holidays_free(tt_holidays *h);
tt_status tt_holidays_add(tt_holidays *h, tt_date d, tt_error *err);
size_t tt_holidays_count(const tt_holidays *h);
/* MASK has bit (1 << weekday) set for each rest day; the default is
 * (1 << TT_SATURDAY) | (1 << TT_SUNDAY). */
void tt_holidays_set_weekend(tt_holidays *h, unsigned mask);
bool tt_holidays_contains(const tt_holidays *h, tt_date d);
/* The last day up to which H holds every holiday: 9999-12-31 (and for a
 * NULL H) unless tt_holidays_load_ics() or tt_holidays_set_complete_until()
 * said less. */
tt_date tt_holidays_complete_until(const tt_holidays *h);
/* Declares that H holds every holiday up to LAST only; a later call can
 * only move the day earlier.  Rolling a date, and the next or previous
 * working day, then fail with TT_ERANGE rather than give a day they
 * would need to know more for.  Fails with TT_ERANGE for an invalid
 * LAST. */
tt_status tt_holidays_set_complete_until(tt_holidays *h, tt_date last,
					 tt_error *err);
/* True for a day that is neither a rest day nor a holiday.  H may be NULL
 * (only Saturday and Sunday are then rest days).  After H's
 * tt_holidays_complete_until() day only the holidays H holds count. */
bool tt_date_is_working_day(tt_date d, const tt_holidays *h);

typedef enum tt_roll {
	TT_ROLL_NONE = 0,
	TT_ROLL_FOLLOWING,	/* the first working day on or after */
	TT_ROLL_PRECEDING	/* the last working day on or before */
} tt_roll;

/* D itself if it is a working day, else the next or previous one.  Fails
 * with TT_ERANGE when no working day exists before the end of the range,
 * or when a day it must look at is a weekday after H's
 * tt_holidays_complete_until() day (the message says so). */
tt_status tt_date_roll(tt_date d, tt_roll roll, const tt_holidays *h,
		       tt_date *out, tt_error *err);
/* The working day strictly after (or before) D. */
tt_status tt_date_next_working_day(tt_date d, const tt_holidays *h,
				   tt_date *out, tt_error *err);
tt_status tt_date_previous_working_day(tt_date d, const tt_holidays *h,
				       tt_date *out, tt_error *err);

#ifdef __cplusplus
}
#endif
#endif /* TREATYTERM_DATE_H */
