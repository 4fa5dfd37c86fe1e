/*
 * ical-limits.h -- what libical can read back, for the code that writes
 * calendars for it (ics.c) and the code that reads holidays with it
 * (holidays-ics.c).
 *
 * libical 3.0.16 expands recurrence rules only up to MAX_TIME_T_YEAR
 * (src/libical/icalrecur.c: 2582, "the 1000th anniversary of the
 * Gregorian calendar", where time_t has 64 bits; 2037 where it has 32).
 * icalrecur_iterator_new() refuses a DTSTART after that year and
 * icalrecur_iterator_next() ends the expansion, with no error, at the
 * first instance after it.  A reader built on libical therefore loses the
 * later instances of a rule without a word.  Probed by the unit tests
 * (tests/unit/ical-probe.c), which fail if an installed libical moves the
 * limit.  Internal: not exported.
 */
#ifndef TREATYTERM_ICAL_LIMITS_H
#define TREATYTERM_ICAL_LIMITS_H

#if SIZEOF_TIME_T > 4
#define TTP_ICAL_RECUR_YEAR_MAX 2582
#else
#define TTP_ICAL_RECUR_YEAR_MAX 2037
#endif

#endif /* TREATYTERM_ICAL_LIMITS_H */
