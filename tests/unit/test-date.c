/*
 * test-date.c -- the date engine: parsing, day numbers, the same-date rule
 * and the month-end clamp, differences, durations and working days.
 */
#include <stdio.h>
#include <string.h>

#include "unit.h"

/* Parses S as a date and checks the result or the error column. */
static void
check_parse_ok(const char *s, tt_date want)
{
	tt_date got = { 0, 0, 0 };
	tt_error e;

	CU_ASSERT_EQUAL_FATAL(tt_date_parse(s, &got, &e), TT_OK);
	ASSERT_DATE_EQ(got, want);
}

static void
check_parse_err(const char *s, tt_status code, unsigned column,
		const char *message)
{
	tt_date got;
	tt_error e;

	memset(&e, 0, sizeof e);
	CU_ASSERT_EQUAL(tt_date_parse(s, &got, &e), code);
	CU_ASSERT_EQUAL(e.code, code);
	CU_ASSERT_EQUAL(e.column, column);
	CU_ASSERT_STRING_EQUAL(e.message, message);
}

static void
test_parse_valid(void)
{
	check_parse_ok("1952-07-23", D(1952, 7, 23));
	check_parse_ok("0001-01-01", D(1, 1, 1));
	check_parse_ok("9999-12-31", D(9999, 12, 31));
	check_parse_ok("2024-02-29", D(2024, 2, 29));
	check_parse_ok("2000-02-29", D(2000, 2, 29));
}

static void
test_parse_invalid(void)
{
	check_parse_err("2023-02-29", TT_ERANGE, 9,
			"day 29 is out of range for February 2023 (1 to 28)");
	check_parse_err("1900-02-29", TT_ERANGE, 9,
			"day 29 is out of range for February 1900 (1 to 28)");
	check_parse_err("2024-13-01", TT_ERANGE, 6,
			"month 13 is out of range (1 to 12)");
	check_parse_err("2024-00-10", TT_ERANGE, 6,
			"month 0 is out of range (1 to 12)");
	check_parse_err("2024-04-31", TT_ERANGE, 9,
			"day 31 is out of range for April 2024 (1 to 30)");
	check_parse_err("2024-04-00", TT_ERANGE, 9,
			"day 0 is out of range for April 2024 (1 to 30)");
	check_parse_err("0000-01-01", TT_ERANGE, 1,
			"year 0 is out of range (1 to 9999)");
	check_parse_err("10000-01-01", TT_ERANGE, 1,
			"year 10000 is out of range (1 to 9999)");
	check_parse_err("", TT_ESYNTAX, 1,
			"empty date (expected YYYY-MM-DD)");
	check_parse_err("24-01-01", TT_ESYNTAX, 1,
			"the year must have four digits (expected YYYY-MM-DD)");
	check_parse_err("2024/01/01", TT_ESYNTAX, 5,
			"expected '-' after the year (expected YYYY-MM-DD)");
	check_parse_err("2024-1-01", TT_ESYNTAX, 6,
			"the month must have two digits (expected YYYY-MM-DD)");
	check_parse_err("2024-01-1", TT_ESYNTAX, 9,
			"the day must have two digits (expected YYYY-MM-DD)");
	check_parse_err("2024-01-011", TT_ESYNTAX, 9,
			"the day must have two digits (expected YYYY-MM-DD)");
	check_parse_err("2024-01-01x", TT_ESYNTAX, 11,
			"unexpected text after the date");
	check_parse_err("2024-01-01 ", TT_ESYNTAX, 11,
			"unexpected text after the date");
	check_parse_err("today", TT_ESYNTAX, 1,
			"expected a date as YYYY-MM-DD");
	check_parse_err(" 2024-01-01", TT_ESYNTAX, 1,
			"expected a date as YYYY-MM-DD");
}

static void
test_format(void)
{
	char b[TT_DATE_BUFSIZE];

	CU_ASSERT_STRING_EQUAL(tt_date_format(D(1, 1, 1), b), "0001-01-01");
	CU_ASSERT_STRING_EQUAL(tt_date_format(D(9999, 12, 31), b),
			       "9999-12-31");
	CU_ASSERT_STRING_EQUAL(tt_date_format(D(1952, 7, 23), b),
			       "1952-07-23");
	CU_ASSERT_STRING_EQUAL(tt_date_format(D(2000, 10, 9), b),
			       "2000-10-09");
	/* Out-of-range fields are reduced to fit, never past the buffer. */
	CU_ASSERT_STRING_EQUAL(tt_date_format(D(12345, 123, 99), b),
			       "2345-23-99");
	CU_ASSERT_STRING_EQUAL(tt_date_format(D(-1, -5, 0), b),
			       "0000-00-00");
}

static void
test_leap_years(void)
{
	CU_ASSERT_TRUE(tt_year_is_leap(2024));
	CU_ASSERT_TRUE(tt_year_is_leap(2000));
	CU_ASSERT_TRUE(tt_year_is_leap(4));
	CU_ASSERT_FALSE(tt_year_is_leap(1900));
	CU_ASSERT_FALSE(tt_year_is_leap(2023));
	CU_ASSERT_FALSE(tt_year_is_leap(1));
	CU_ASSERT_EQUAL(tt_month_days(2024, 2), 29);
	CU_ASSERT_EQUAL(tt_month_days(2100, 2), 28);
	CU_ASSERT_EQUAL(tt_month_days(2024, 12), 31);
	CU_ASSERT_EQUAL(tt_month_days(2024, 13), 0);
	CU_ASSERT_EQUAL(tt_month_days(2024, 0), 0);
}

/* Every day of the range maps to its number and back, and consecutive
 * numbers are consecutive valid dates. */
static void
test_daynum_round_trip(void)
{
	tt_date prev = tt_date_from_daynum(TT_DAYNUM_MIN);
	long bad = 0;

	ASSERT_DATE_EQ(prev, D(1, 1, 1));
	CU_ASSERT_EQUAL(tt_date_to_daynum(D(1, 1, 1)), TT_DAYNUM_MIN);
	CU_ASSERT_EQUAL(tt_date_to_daynum(D(9999, 12, 31)), TT_DAYNUM_MAX);
	for (int32_t n = TT_DAYNUM_MIN + 1; n <= TT_DAYNUM_MAX; n++) {
		tt_date d = tt_date_from_daynum(n);
		bool next;

		if (d.year == prev.year && d.month == prev.month)
			next = d.day == prev.day + 1;
		else if (d.year == prev.year)
			next = d.month == prev.month + 1 && d.day == 1 &&
			       prev.day == tt_month_days(prev.year,
							 prev.month);
		else
			next = d.year == prev.year + 1 && d.month == 1 &&
			       d.day == 1 && prev.month == 12 &&
			       prev.day == 31;
		if (!next || !tt_date_is_valid(d) ||
		    tt_date_to_daynum(d) != n)
			bad++;
		prev = d;
	}
	CU_ASSERT_EQUAL(bad, 0);
	ASSERT_DATE_EQ(prev, D(9999, 12, 31));
}

static void
test_weekday(void)
{
	CU_ASSERT_EQUAL(tt_date_weekday(D(1, 1, 1)), TT_MONDAY);
	CU_ASSERT_EQUAL(tt_date_weekday(D(1970, 1, 1)), TT_THURSDAY);
	CU_ASSERT_EQUAL(tt_date_weekday(D(2002, 7, 23)), TT_TUESDAY);
	/* The US withdrawal from Open Skies took effect on a Sunday. */
	CU_ASSERT_EQUAL(tt_date_weekday(D(2020, 11, 22)), TT_SUNDAY);
	CU_ASSERT_EQUAL(tt_date_weekday(D(9999, 12, 31)), TT_FRIDAY);
	CU_ASSERT_EQUAL(tt_date_weekday(D(2024, 2, 29)), TT_THURSDAY);
	CU_ASSERT_STRING_EQUAL(tt_weekday_name(TT_SUNDAY), "Sunday");
	CU_ASSERT_STRING_EQUAL(tt_weekday_abbr(TT_MONDAY), "Mon");
}

static tt_duration
dur(const char *s)
{
	tt_duration d = { 0, 0, 0, 0, 0 };
	tt_error e;

	CU_ASSERT_EQUAL_FATAL(tt_duration_parse(s, &d, &e), TT_OK);
	return d;
}

static void
check_add(tt_date from, const char *duration, tt_date want, bool clamped)
{
	tt_date got = { 0, 0, 0 };
	unsigned flags = 99;
	tt_error e;

	CU_ASSERT_EQUAL_FATAL(tt_date_add(from, dur(duration), &got, &flags,
					  &e), TT_OK);
	ASSERT_DATE_EQ(got, want);
	CU_ASSERT_EQUAL(flags, clamped ? TT_ADD_CLAMPED : 0u);
}

static void
test_add_same_date(void)
{
	/* ECSC: in force 23 July 1952 for fifty years. */
	check_add(D(1952, 7, 23), "P50Y", D(2002, 7, 23), false);
	/* Misset v Council: notice of 18 February + 3 months. */
	check_add(D(1985, 2, 18), "3m", D(1985, 5, 18), false);
	check_add(D(1949, 8, 24), "20y", D(1969, 8, 24), false);
	check_add(D(2024, 2, 29), "4y", D(2028, 2, 29), false);
	check_add(D(2000, 2, 29), "400y", D(2400, 2, 29), false);
}

static void
test_add_month_end_clamp(void)
{
	check_add(D(2024, 2, 29), "1y", D(2025, 2, 28), true);
	check_add(D(1948, 2, 29), "+25y", D(1973, 2, 28), true);
	check_add(D(2000, 2, 29), "100y", D(2100, 2, 28), true);
	check_add(D(2024, 1, 31), "1m", D(2024, 2, 29), true);
	check_add(D(2023, 1, 31), "1m", D(2023, 2, 28), true);
	check_add(D(2024, 3, 31), "1m", D(2024, 4, 30), true);
	check_add(D(2024, 8, 31), "1m", D(2024, 9, 30), true);
	check_add(D(2024, 10, 31), "-1m", D(2024, 9, 30), true);
	check_add(D(2024, 3, 31), "-1m", D(2024, 2, 29), true);
	check_add(D(2025, 2, 28), "-1y", D(2024, 2, 28), false);
	check_add(D(2024, 2, 29), "-1y", D(2023, 2, 28), true);
	check_add(D(2024, 1, 30), "1m", D(2024, 2, 29), true);
	check_add(D(2024, 1, 29), "1m", D(2024, 2, 29), false);
	check_add(D(2024, 12, 31), "2m", D(2025, 2, 28), true);
}

/* Years and months are one count of months, clamped once: the order of
 * chained additions matters, as the domain rules say. */
static void
test_add_not_associative(void)
{
	tt_date a, b;
	tt_error e;

	check_add(D(2024, 1, 31), "2m", D(2024, 3, 31), false);
	CU_ASSERT_EQUAL(tt_date_add(D(2024, 1, 31), dur("1m"), &a, NULL, &e),
			TT_OK);
	CU_ASSERT_EQUAL(tt_date_add(a, dur("1m"), &b, NULL, &e), TT_OK);
	ASSERT_DATE_EQ(b, D(2024, 3, 29));
	/* 1y1m from 29 February is 13 months, not 1y then 1m. */
	check_add(D(2024, 2, 29), "1y1m", D(2025, 3, 29), false);
	/* Months, then days: 31 January + 1 month - 1 day. */
	check_add(D(2024, 1, 31), "P1M", D(2024, 2, 29), true);
	CU_ASSERT_EQUAL(tt_date_add(D(2024, 1, 31), dur("-1d"), &a, NULL, &e),
			TT_OK);
	CU_ASSERT_EQUAL(tt_date_add(a, dur("1m"), &b, NULL, &e), TT_OK);
	ASSERT_DATE_EQ(b, D(2024, 2, 29));
	CU_ASSERT_EQUAL(tt_date_add(D(2024, 1, 31), dur("1m"), &a, NULL, &e),
			TT_OK);
	CU_ASSERT_EQUAL(tt_date_add(a, dur("-1d"), &b, NULL, &e), TT_OK);
	ASSERT_DATE_EQ(b, D(2024, 2, 28));
}

static void
test_add_days_weeks(void)
{
	check_add(D(2024, 2, 28), "1d", D(2024, 2, 29), false);
	check_add(D(2023, 2, 28), "1d", D(2023, 3, 1), false);
	check_add(D(2024, 12, 31), "1d", D(2025, 1, 1), false);
	check_add(D(2025, 1, 1), "-1d", D(2024, 12, 31), false);
	check_add(D(2024, 1, 1), "90d", D(2024, 3, 31), false);
	check_add(D(2024, 1, 1), "P2W", D(2024, 1, 15), false);
	check_add(D(2024, 1, 1), "1y2w3d", D(2025, 1, 18), false);
	check_add(D(1, 1, 1), "3652058d", D(9999, 12, 31), false);
	check_add(D(9999, 12, 31), "-3652058d", D(1, 1, 1), false);
}

static void
test_add_range_edges(void)
{
	tt_date got;
	tt_error e;

	check_add(D(9998, 12, 31), "1y", D(9999, 12, 31), false);
	check_add(D(9999, 11, 30), "1m", D(9999, 12, 30), false);
	check_add(D(2, 1, 1), "-1y", D(1, 1, 1), false);
	check_add(D(1, 12, 31), "9998y", D(9999, 12, 31), false);
	CU_ASSERT_EQUAL(tt_date_add(D(9999, 12, 31), dur("1d"), &got, NULL,
				    &e), TT_ERANGE);
	CU_ASSERT_STRING_EQUAL(e.message,
			       "the result is outside the years 1 to 9999");
	CU_ASSERT_EQUAL(tt_date_add(D(9999, 12, 1), dur("1m"), &got, NULL,
				    &e), TT_ERANGE);
	CU_ASSERT_EQUAL(tt_date_add(D(1, 1, 1), dur("-1d"), &got, NULL, &e),
			TT_ERANGE);
	CU_ASSERT_EQUAL(tt_date_add(D(1, 1, 31), dur("-1m"), &got, NULL, &e),
			TT_ERANGE);
	CU_ASSERT_EQUAL(tt_date_add(D(1, 1, 1), tt_duration_of_years(9999),
				    &got, NULL, &e), TT_ERANGE);
	CU_ASSERT_EQUAL(tt_date_add(D(2023, 2, 29), dur("1d"), &got, NULL,
				    &e), TT_ERANGE);
	CU_ASSERT_STRING_EQUAL(e.message, "invalid date");
}

static void
check_diff(tt_date from, tt_date to, int sign, int y, int m, int d)
{
	tt_duration r = tt_date_diff(from, to);
	tt_date back;
	tt_error e;

	CU_ASSERT_EQUAL(r.sign, sign);
	CU_ASSERT_EQUAL(r.years, y);
	CU_ASSERT_EQUAL(r.months, m);
	CU_ASSERT_EQUAL(r.weeks, 0);
	CU_ASSERT_EQUAL(r.days, d);
	/* Adding the difference back gives TO again. */
	CU_ASSERT_EQUAL_FATAL(tt_date_add(from, r, &back, NULL, &e), TT_OK);
	ASSERT_DATE_EQ(back, to);
}

static void
test_diff(void)
{
	check_diff(D(1952, 7, 23), D(2002, 7, 23), 1, 50, 0, 0);
	check_diff(D(1898, 7, 1), D(1997, 6, 30), 1, 98, 11, 29);
	check_diff(D(2024, 1, 31), D(2024, 2, 29), 1, 0, 1, 0);
	check_diff(D(2024, 1, 31), D(2024, 3, 1), 1, 0, 1, 1);
	check_diff(D(2024, 2, 29), D(2025, 2, 28), 1, 1, 0, 0);
	check_diff(D(2024, 5, 15), D(2024, 5, 15), 1, 0, 0, 0);
	check_diff(D(2024, 5, 15), D(2024, 5, 14), -1, 0, 0, 1);
	check_diff(D(2024, 3, 31), D(2024, 2, 29), -1, 0, 1, 0);
	check_diff(D(2002, 7, 23), D(1952, 7, 23), -1, 50, 0, 0);
	check_diff(D(1, 1, 1), D(9999, 12, 31), 1, 9998, 11, 30);
	check_diff(D(9999, 12, 31), D(1, 1, 1), -1, 9998, 11, 30);
	CU_ASSERT_EQUAL(tt_date_diff_days(D(1952, 7, 23), D(2002, 7, 23)),
			18262);
	CU_ASSERT_EQUAL(tt_date_diff_days(D(2002, 7, 23), D(1952, 7, 23)),
			-18262);
	CU_ASSERT_EQUAL(tt_date_diff_days(D(1, 1, 1), D(9999, 12, 31)),
			3652058);
}

static void
check_dur(const char *s, int sign, int y, int m, int w, int d)
{
	tt_duration r = dur(s);

	CU_ASSERT_EQUAL(r.sign, sign);
	CU_ASSERT_EQUAL(r.years, y);
	CU_ASSERT_EQUAL(r.months, m);
	CU_ASSERT_EQUAL(r.weeks, w);
	CU_ASSERT_EQUAL(r.days, d);
}

static void
check_dur_err(const char *s, tt_status code, unsigned column,
	      const char *message)
{
	tt_duration r;
	tt_error e;

	memset(&e, 0, sizeof e);
	CU_ASSERT_EQUAL(tt_duration_parse(s, &r, &e), code);
	CU_ASSERT_EQUAL(e.column, column);
	CU_ASSERT_STRING_EQUAL(e.message, message);
}

static void
test_duration_parse(void)
{
	check_dur("50y", 1, 50, 0, 0, 0);
	check_dur("50Y", 1, 50, 0, 0, 0);
	check_dur("+25y", 1, 25, 0, 0, 0);
	check_dur("6m", 1, 0, 6, 0, 0);
	check_dur("1y6m", 1, 1, 6, 0, 0);
	check_dur("1Y6M", 1, 1, 6, 0, 0);
	check_dur("90d", 1, 0, 0, 0, 90);
	check_dur("-90d", -1, 0, 0, 0, 90);
	check_dur("2w", 1, 0, 0, 2, 0);
	check_dur("1y2m3w4d", 1, 1, 2, 3, 4);
	check_dur("P50Y", 1, 50, 0, 0, 0);
	check_dur("P1Y6M", 1, 1, 6, 0, 0);
	check_dur("P90D", 1, 0, 0, 0, 90);
	check_dur("P2W", 1, 0, 0, 2, 0);
	check_dur("-P1Y", -1, 1, 0, 0, 0);
	check_dur("p1y", 1, 1, 0, 0, 0);
	check_dur("0d", 1, 0, 0, 0, 0);
	check_dur("P0D", 1, 0, 0, 0, 0);
	check_dur("9998y", 1, 9998, 0, 0, 0);
	check_dur("3652058d", 1, 0, 0, 0, 3652058);
	check_dur("007y", 1, 7, 0, 0, 0);
}

static void
test_duration_parse_errors(void)
{
	check_dur_err("", TT_ESYNTAX, 1,
		      "empty duration (expected e.g. 50y, 1y6m, 90d or P50Y)");
	check_dur_err("50", TT_ESYNTAX, 3,
		      "missing unit after 50 (expected y, m, w or d)");
	check_dur_err("50x", TT_ESYNTAX, 3,
		      "unknown unit 'x' (expected y, m, w or d)");
	check_dur_err("y", TT_ESYNTAX, 1, "expected a number, found 'y'");
	check_dur_err("P", TT_ESYNTAX, 2, "expected a number after 'P'");
	check_dur_err("-", TT_ESYNTAX, 2, "expected a number after '-'");
	check_dur_err("1y1y", TT_ESYNTAX, 4, "years given twice");
	check_dur_err("1m1y", TT_ESYNTAX, 4, "years must come before months");
	check_dur_err("PT1H", TT_ESYNTAX, 2,
		      "times of day are not supported in durations");
	check_dur_err("1y 6m", TT_ESYNTAX, 3, "expected a number, found ' '");
	check_dur_err("99999999999y", TT_ERANGE, 1,
		      "99999999999 years is out of range (at most 9998)");
	check_dur_err("10000y", TT_ERANGE, 1,
		      "10000 years is out of range (at most 9998)");
	check_dur_err("1y120000m", TT_ERANGE, 3,
		      "120000 months is out of range (at most 119987)");
	check_dur_err("3652059d", TT_ERANGE, 1,
		      "3652059 days is out of range (at most 3652058)");
	check_dur_err("--1y", TT_ESYNTAX, 2, "expected a number, found '-'");
	/* A multi-byte character is named whole, not by its first byte. */
	check_dur_err("1\xc3\xa9", TT_ESYNTAX, 2,
		      "unknown unit '\xc3\xa9' (expected y, m, w or d)");
	check_dur_err("\xe4\xb8\xad", TT_ESYNTAX, 1,
		      "expected a number, found '\xe4\xb8\xad'");
}

static void
test_duration_format(void)
{
	char b[TT_DURATION_BUFSIZE];

	CU_ASSERT_EQUAL(tt_duration_format_iso(dur("50y"), b, sizeof b), 4);
	CU_ASSERT_STRING_EQUAL(b, "P50Y");
	CU_ASSERT_EQUAL(tt_duration_format_iso(dur("-1y6m2w3d"), b, sizeof b),
			10);
	CU_ASSERT_STRING_EQUAL(b, "-P1Y6M2W3D");
	CU_ASSERT_EQUAL(tt_duration_format_iso(dur("0d"), b, sizeof b), 3);
	CU_ASSERT_STRING_EQUAL(b, "P0D");
	CU_ASSERT_EQUAL(tt_duration_format_words(dur("1y6m"), b, sizeof b),
			15);
	CU_ASSERT_STRING_EQUAL(b, "1 year 6 months");
	CU_ASSERT_EQUAL(tt_duration_format_words(dur("-90d"), b, sizeof b),
			13);
	CU_ASSERT_STRING_EQUAL(b, "minus 90 days");
	CU_ASSERT_EQUAL(tt_duration_format_words(dur("1w1d"), b, sizeof b),
			12);
	CU_ASSERT_STRING_EQUAL(b, "1 week 1 day");
	CU_ASSERT_EQUAL(tt_duration_format_words(dur("0y"), b, sizeof b), 6);
	CU_ASSERT_STRING_EQUAL(b, "0 days");
	/* A short buffer is truncated, never overrun, to the components
	 * that fit whole; the length returned is the whole text's. */
	CU_ASSERT_EQUAL(tt_duration_format_iso(dur("50y"), b, 3), 4);
	CU_ASSERT_STRING_EQUAL(b, "P");
	CU_ASSERT_EQUAL(tt_duration_format_iso(dur("50y"), b, 4), 4);
	CU_ASSERT_STRING_EQUAL(b, "P");
	CU_ASSERT_EQUAL(tt_duration_format_iso(dur("50y"), b, 5), 4);
	CU_ASSERT_STRING_EQUAL(b, "P50Y");
	CU_ASSERT_EQUAL(tt_duration_format_words(dur("1y6m"), b, 10), 15);
	CU_ASSERT_STRING_EQUAL(b, "1 year");
	memset(b, 'x', sizeof b);
	CU_ASSERT_EQUAL(tt_duration_format_words(dur("1y6m"), b, 1), 15);
	CU_ASSERT_EQUAL(b[0], '\0');
	CU_ASSERT_EQUAL(b[1], 'x');
	/* Size 0: only the length, and BUF may be NULL. */
	CU_ASSERT_EQUAL(tt_duration_format_iso(dur("-1y6m2w3d"), NULL, 0), 10);
	CU_ASSERT_EQUAL(tt_duration_format_iso(dur("50y"), NULL, 0), 4);
	CU_ASSERT_EQUAL(tt_duration_format_iso(dur("1m"), NULL, 0), 3);
	CU_ASSERT_EQUAL(tt_duration_format_words(dur("1y6m"), NULL, 0), 15);
	CU_ASSERT_EQUAL(tt_duration_format_words(dur("1d"), NULL, 0), 5);
	/* Once a component is cut, none after it is written, even one
	 * that would fit. */
	CU_ASSERT_EQUAL(tt_duration_format_iso(dur("100y1d"), b, 4), 7);
	CU_ASSERT_STRING_EQUAL(b, "P");
}

/* Every component at the extremes of an int, in a buffer of every size
 * (those with room for the longest are written in place, the others
 * through a part): whole components, never a piece of one. */
static void
test_duration_format_sizes(void)
{
	tt_duration d = { 1, 2147483647, -2147483647 - 1, 1, 10 };
	const char *words = "2147483647 years -2147483648 months 1 week "
			    "10 days";
	const char *iso = "P2147483647Y-2147483648M1W10D";
	const size_t wcut[] = { 0, 16, 35, 42, 50 };
	const size_t icut[] = { 0, 1, 12, 24, 26, 29 };
	char b[80];

	for (size_t size = 1; size <= 60; size++) {
		size_t want = 0;

		for (size_t i = 0; i < sizeof wcut / sizeof wcut[0]; i++)
			if (wcut[i] < size)
				want = wcut[i];
		memset(b, 'x', sizeof b);
		CU_ASSERT_EQUAL(tt_duration_format_words(d, b, size), 50);
		CU_ASSERT_EQUAL(strlen(b), want);
		CU_ASSERT_EQUAL(memcmp(b, words, want), 0);
		CU_ASSERT_EQUAL(b[size], 'x');

		want = 0;
		for (size_t i = 0; i < sizeof icut / sizeof icut[0]; i++)
			if (icut[i] < size)
				want = icut[i];
		memset(b, 'x', sizeof b);
		CU_ASSERT_EQUAL(tt_duration_format_iso(d, b, size), 29);
		CU_ASSERT_EQUAL(strlen(b), want);
		CU_ASSERT_EQUAL(memcmp(b, iso, want), 0);
		CU_ASSERT_EQUAL(b[size], 'x');
	}
}

static void
test_duration_multiple(void)
{
	tt_duration r;
	tt_error e;

	/* Litvinov: the n-th consultation is 25y + n * 5y from entry into
	 * force. */
	CU_ASSERT_EQUAL(tt_duration_add_multiple(dur("25y"), dur("5y"), 4, &r,
						 &e), TT_OK);
	CU_ASSERT_EQUAL(r.years, 45);
	CU_ASSERT_EQUAL(tt_duration_add_multiple(dur("1m"), dur("1y1m"), 2,
						 &r, &e), TT_OK);
	CU_ASSERT_EQUAL(r.years, 2);
	CU_ASSERT_EQUAL(r.months, 3);
	CU_ASSERT_EQUAL(tt_duration_add_multiple(dur("1y"), dur("5000y"), 2,
						 &r, &e), TT_ERANGE);
	CU_ASSERT_EQUAL(tt_duration_add_multiple(dur("1y"), dur("-1y"), 1,
						 &r, &e), TT_ERANGE);
}

static void
test_working_days(void)
{
	tt_holidays *h = tt_holidays_new();
	tt_date r;
	tt_error e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(h);
	CU_ASSERT_TRUE(tt_date_is_working_day(D(2024, 12, 24), NULL));
	CU_ASSERT_FALSE(tt_date_is_working_day(D(2024, 12, 28), NULL));
	CU_ASSERT_EQUAL(tt_holidays_add(h, D(2024, 12, 25), &e), TT_OK);
	CU_ASSERT_EQUAL(tt_holidays_add(h, D(2024, 12, 26), &e), TT_OK);
	CU_ASSERT_EQUAL(tt_holidays_add(h, D(2024, 12, 26), &e), TT_OK);
	CU_ASSERT_EQUAL(tt_holidays_count(h), 2);
	CU_ASSERT_TRUE(tt_holidays_contains(h, D(2024, 12, 25)));
	CU_ASSERT_FALSE(tt_holidays_contains(h, D(2024, 12, 27)));
	CU_ASSERT_FALSE(tt_date_is_working_day(D(2024, 12, 25), h));

	CU_ASSERT_EQUAL(tt_date_roll(D(2024, 12, 25), TT_ROLL_FOLLOWING, h,
				     &r, &e), TT_OK);
	ASSERT_DATE_EQ(r, D(2024, 12, 27));
	CU_ASSERT_EQUAL(tt_date_roll(D(2024, 12, 26), TT_ROLL_PRECEDING, h,
				     &r, &e), TT_OK);
	ASSERT_DATE_EQ(r, D(2024, 12, 24));
	CU_ASSERT_EQUAL(tt_date_roll(D(2024, 12, 24), TT_ROLL_FOLLOWING, h,
				     &r, &e), TT_OK);
	ASSERT_DATE_EQ(r, D(2024, 12, 24));
	CU_ASSERT_EQUAL(tt_date_roll(D(2024, 12, 28), TT_ROLL_NONE, h, &r,
				     &e), TT_OK);
	ASSERT_DATE_EQ(r, D(2024, 12, 28));
	/* Saturday 2024-12-28 forward: Monday 30th. */
	CU_ASSERT_EQUAL(tt_date_roll(D(2024, 12, 28), TT_ROLL_FOLLOWING, h,
				     &r, &e), TT_OK);
	ASSERT_DATE_EQ(r, D(2024, 12, 30));
	CU_ASSERT_EQUAL(tt_date_next_working_day(D(2024, 12, 24), h, &r, &e),
			TT_OK);
	ASSERT_DATE_EQ(r, D(2024, 12, 27));
	CU_ASSERT_EQUAL(tt_date_previous_working_day(D(2024, 12, 30), h, &r,
						     &e), TT_OK);
	ASSERT_DATE_EQ(r, D(2024, 12, 27));

	/* A Friday-Saturday weekend. */
	tt_holidays_set_weekend(h, (1u << TT_FRIDAY) | (1u << TT_SATURDAY));
	CU_ASSERT_TRUE(tt_date_is_working_day(D(2024, 12, 29), h));
	CU_ASSERT_FALSE(tt_date_is_working_day(D(2024, 12, 27), h));

	/* The range ends: 9999-12-31 is a Friday; Saturday weekend and no
	 * later day exists. */
	tt_holidays_set_weekend(h, (1u << TT_SATURDAY) | (1u << TT_SUNDAY));
	CU_ASSERT_EQUAL(tt_holidays_add(h, D(9999, 12, 31), &e), TT_OK);
	CU_ASSERT_EQUAL(tt_date_roll(D(9999, 12, 31), TT_ROLL_FOLLOWING, h,
				     &r, &e), TT_ERANGE);
	CU_ASSERT_EQUAL(tt_date_roll(D(9999, 12, 31), TT_ROLL_PRECEDING, h,
				     &r, &e), TT_OK);
	ASSERT_DATE_EQ(r, D(9999, 12, 30));
	CU_ASSERT_EQUAL(tt_date_previous_working_day(D(1, 1, 1), h, &r, &e),
			TT_ERANGE);
	CU_ASSERT_EQUAL(tt_holidays_add(h, D(2023, 2, 29), &e), TT_ERANGE);
	tt_holidays_free(h);
	tt_holidays_free(NULL);
}

void
add_date_tests(void)
{
	static const CU_TestInfo date_tests[] = {
		{ "parse valid dates", test_parse_valid },
		{ "parse invalid dates", test_parse_invalid },
		{ "format dates", test_format },
		{ "leap years and month lengths", test_leap_years },
		{ "day numbers round trip over the whole range",
		  test_daynum_round_trip },
		{ "day of week", test_weekday },
		CU_TEST_INFO_NULL
	};
	static const CU_TestInfo arith_tests[] = {
		{ "same-date rule", test_add_same_date },
		{ "month-end clamp", test_add_month_end_clamp },
		{ "month arithmetic is not associative",
		  test_add_not_associative },
		{ "days and weeks", test_add_days_weeks },
		{ "years 1 and 9999", test_add_range_edges },
		{ "differences", test_diff },
		CU_TEST_INFO_NULL
	};
	static const CU_TestInfo duration_tests[] = {
		{ "parse durations", test_duration_parse },
		{ "parse errors", test_duration_parse_errors },
		{ "format durations", test_duration_format },
		{ "durations in buffers of every size",
		  test_duration_format_sizes },
		{ "series offsets from the anchor", test_duration_multiple },
		CU_TEST_INFO_NULL
	};
	static const CU_TestInfo workday_tests[] = {
		{ "working days and rolling", test_working_days },
		CU_TEST_INFO_NULL
	};

	unit_add_suite("dates", date_tests);
	unit_add_suite("date arithmetic", arith_tests);
	unit_add_suite("durations", duration_tests);
	unit_add_suite("working days", workday_tests);
}
