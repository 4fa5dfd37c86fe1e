/*
 * date.c -- civil dates and calendar durations.
 *
 * Day numbers use the days-from-civil algorithm on a calendar whose year
 * starts in March, so that the leap day is the last day of its year and
 * needs no special case.  Adding months keeps the day of the month and
 * clamps it to the month's end (the same-date rule); adding years is adding
 * twelve months each.  Everything is checked against the range 0001-01-01
 * to 9999-12-31 before it is computed, so no value ever wraps.
 */
#include <config.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

static const char *const weekday_names[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday"
};

/* Largest value of each duration component: anything larger cannot lead
 * from one date in range to another. */
#define MAX_YEARS  (TT_YEAR_MAX - TT_YEAR_MIN)
#define MAX_MONTHS (MAX_YEARS * 12 + 11)
#define MAX_DAYS   (TT_DAYNUM_MAX - TT_DAYNUM_MIN)
#define MAX_WEEKS  (MAX_DAYS / 7)

bool
tt_year_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
tt_month_days(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				    30, 31 };

	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && tt_year_is_leap(year))
		return 29;
	return days[month - 1];
}

bool
tt_date_is_valid(tt_date d)
{
	return d.year >= TT_YEAR_MIN && d.year <= TT_YEAR_MAX &&
	       d.month >= 1 && d.month <= 12 &&
	       d.day >= 1 && d.day <= tt_month_days(d.year, d.month);
}

/* Reads exactly N digits at S into *OUT; false if one is not a digit. */
static bool
read_digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static size_t
count_digits(const char *s)
{
	size_t n = 0;

	while (isdigit((unsigned char)s[n]))
		n++;
	return n;
}

tt_status
tt_date_parse(const char *s, tt_date *out, tt_error *err)
{
	tt_date d;
	size_t n;

	if (s == NULL || *s == '\0')
		return ttp_error_set(err, TT_ESYNTAX, 0, 1,
				     "empty date (expected YYYY-MM-DD)");
	n = count_digits(s);
	if (n == 0)
		return ttp_error_set(err, TT_ESYNTAX, 0, 1,
				     "expected a date as YYYY-MM-DD");
	if (n > 4) {
		/* A well-formed date with a long year is a range error. */
		return ttp_error_set(err, TT_ERANGE, 0, 1,
				     "year %.*s is out of range (1 to 9999)",
				     (int)(n > 12 ? 12 : n), s);
	}
	if (n < 4)
		return ttp_error_set(err, TT_ESYNTAX, 0, 1,
				     "the year must have four digits "
				     "(expected YYYY-MM-DD)");
	read_digits(s, 4, &d.year);
	if (s[4] != '-')
		return ttp_error_set(err, TT_ESYNTAX, 0, 5,
				     "expected '-' after the year "
				     "(expected YYYY-MM-DD)");
	if (count_digits(s + 5) != 2 || !read_digits(s + 5, 2, &d.month))
		return ttp_error_set(err, TT_ESYNTAX, 0, 6,
				     "the month must have two digits "
				     "(expected YYYY-MM-DD)");
	if (s[7] != '-')
		return ttp_error_set(err, TT_ESYNTAX, 0, 8,
				     "expected '-' after the month "
				     "(expected YYYY-MM-DD)");
	if (count_digits(s + 8) != 2 || !read_digits(s + 8, 2, &d.day))
		return ttp_error_set(err, TT_ESYNTAX, 0, 9,
				     "the day must have two digits "
				     "(expected YYYY-MM-DD)");
	if (s[10] != '\0')
		return ttp_error_set(err, TT_ESYNTAX, 0, 11,
				     "unexpected text after the date");
	if (ttp_date_check(d, err) != TT_OK)
		return TT_ERANGE;
	*out = d;
	return TT_OK;
}

/* The month whose English name, or its first three letters, are the N
 * bytes at S in any case; 0 for none. */
static int
month_of_name(const char *s, size_t n)
{
	for (int m = 0; m < 12; m++) {
		const char *name = month_names[m];

		if (n != 3 && n != strlen(name))
			continue;
		if (strncasecmp(s, name, n) == 0)
			return m + 1;
	}
	return 0;
}

tt_status
tt_date_parse_text(const char *s, tt_date *out, tt_error *err)
{
	size_t n, len;
	tt_date d;

	if (s == NULL)
		return tt_date_parse(s, out, err);
	n = count_digits(s);
	/* "17 Jul 2007": one or two digits and a space; anything else is
	 * read, and reported on, as YYYY-MM-DD. */
	if (n < 1 || n > 2 || s[n] != ' ')
		return tt_date_parse(s, out, err);
	read_digits(s, n, &d.day);
	s += n + 1;
	for (len = 0; isalpha((unsigned char)s[len]); len++)
		continue;
	if ((d.month = month_of_name(s, len)) == 0)
		return ttp_error_set(err, TT_ESYNTAX, 0, (unsigned)n + 2,
				     "expected a month's name, as in "
				     "\"17 Jul 2007\"");
	if (s[len] != ' ' || count_digits(s + len + 1) != 4)
		return ttp_error_set(err, TT_ESYNTAX, 0,
				     (unsigned)(n + len) + 2,
				     "expected ' ' and a four-digit year, "
				     "as in \"17 Jul 2007\"");
	read_digits(s + len + 1, 4, &d.year);
	if (s[len + 5] != '\0')
		return ttp_error_set(err, TT_ESYNTAX, 0,
				     (unsigned)(n + len) + 7,
				     "unexpected text after the date");
	if (ttp_date_check(d, NULL) != TT_OK)
		return ttp_error_set(err, TT_ERANGE, 0, 1,
				     "there is no day %d in %s %d", d.day,
				     month_names[d.month - 1], d.year);
	*out = d;
	return TT_OK;
}

tt_status
ttp_date_check(tt_date d, tt_error *err)
{
	if (d.year < TT_YEAR_MIN || d.year > TT_YEAR_MAX)
		return ttp_error_set(err, TT_ERANGE, 0, 1,
				     "year %d is out of range (1 to 9999)",
				     d.year);
	if (d.month < 1 || d.month > 12)
		return ttp_error_set(err, TT_ERANGE, 0, 6,
				     "month %d is out of range (1 to 12)",
				     d.month);
	if (d.day < 1 || d.day > tt_month_days(d.year, d.month))
		return ttp_error_set(err, TT_ERANGE, 0, 9,
				     "day %d is out of range for %s %d "
				     "(1 to %d)", d.day,
				     month_names[d.month - 1], d.year,
				     tt_month_days(d.year, d.month));
	return TT_OK;
}

char *
tt_date_format(tt_date d, char *buf)
{
	/* By hand rather than snprintf, and two digits at a time from a
	 * table: batch runs format millions of dates.  Out-of-range fields
	 * are reduced so that the output always fits TT_DATE_BUFSIZE. */
	static const char pairs[] =
		"00010203040506070809" "10111213141516171819"
		"20212223242526272829" "30313233343536373839"
		"40414243444546474849" "50515253545556575859"
		"60616263646566676869" "70717273747576777879"
		"80818283848586878889" "90919293949596979899";
	unsigned y = d.year < 0 ? 0 : (unsigned)d.year % 10000;
	unsigned m = d.month < 0 ? 0 : (unsigned)d.month % 100;
	unsigned dd = d.day < 0 ? 0 : (unsigned)d.day % 100;

	memcpy(buf, pairs + 2 * (y / 100), 2);
	memcpy(buf + 2, pairs + 2 * (y % 100), 2);
	buf[4] = '-';
	memcpy(buf + 5, pairs + 2 * m, 2);
	buf[7] = '-';
	memcpy(buf + 8, pairs + 2 * dd, 2);
	buf[10] = '\0';
	return buf;
}

int32_t
tt_date_to_daynum(tt_date d)
{
	int32_t y = d.year - (d.month <= 2);
	int32_t era = y / 400;	/* y >= 0 in our range */
	int32_t yoe = y - era * 400;
	int32_t mp = (d.month + 9) % 12;	/* March = 0 */
	int32_t doy = (153 * mp + 2) / 5 + d.day - 1;
	int32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	/* era * 146097 + doe counts from 0000-03-01; 0001-01-01 is day 306
	 * of that count. */
	return era * 146097 + doe - 305;
}

tt_date
tt_date_from_daynum(int32_t daynum)
{
	int32_t z = daynum + 305;
	int32_t era = z / 146097;
	int32_t doe = z - era * 146097;
	int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int32_t mp = (5 * doy + 2) / 153;
	tt_date d;

	d.day = doy - (153 * mp + 2) / 5 + 1;
	d.month = mp < 10 ? mp + 3 : mp - 9;
	d.year = yoe + era * 400 + (d.month <= 2);
	return d;
}

int
tt_date_compare(tt_date a, tt_date b)
{
	if (a.year != b.year)
		return a.year < b.year ? -1 : 1;
	if (a.month != b.month)
		return a.month < b.month ? -1 : 1;
	if (a.day != b.day)
		return a.day < b.day ? -1 : 1;
	return 0;
}

tt_weekday
tt_date_weekday(tt_date d)
{
	/* Day 1, 0001-01-01, was a Monday in the proleptic calendar. */
	return (tt_weekday)((tt_date_to_daynum(d) - 1) % 7 + 1);
}

const char *
tt_weekday_name(tt_weekday w)
{
	if (w < TT_MONDAY || w > TT_SUNDAY)
		return "?";
	return weekday_names[w - 1];
}

const char *
tt_weekday_abbr(tt_weekday w)
{
	static const char *const abbr[] = { "Mon", "Tue", "Wed", "Thu", "Fri",
					    "Sat", "Sun" };

	if (w < TT_MONDAY || w > TT_SUNDAY)
		return "?";
	return abbr[w - 1];
}

static tt_status
out_of_range(tt_error *err)
{
	return ttp_error_set(err, TT_ERANGE, 0, 0,
			     "the result is outside the years 1 to 9999");
}

tt_status
tt_date_add_days(tt_date d, int32_t days, tt_date *out, tt_error *err)
{
	int64_t n;

	if (!tt_date_is_valid(d))
		return ttp_error_set(err, TT_ERANGE, 0, 0, "invalid date");
	n = (int64_t)tt_date_to_daynum(d) + days;
	if (n < TT_DAYNUM_MIN || n > TT_DAYNUM_MAX)
		return out_of_range(err);
	*out = tt_date_from_daynum((int32_t)n);
	return TT_OK;
}

tt_status
tt_date_add(tt_date d, tt_duration dur, tt_date *out, unsigned *flags,
	    tt_error *err)
{
	int64_t months, days;
	int sign = dur.sign < 0 ? -1 : 1;
	unsigned f = 0;
	int last;

	if (!tt_date_is_valid(d))
		return ttp_error_set(err, TT_ERANGE, 0, 0, "invalid date");
	if (dur.years < 0 || dur.months < 0 || dur.weeks < 0 || dur.days < 0)
		return ttp_error_set(err, TT_ERANGE, 0, 0,
				     "invalid duration (negative component)");
	/* Years and months together, counted from January of year 1. */
	months = (int64_t)d.year * 12 + (d.month - 1) +
		 sign * ((int64_t)dur.years * 12 + dur.months);
	if (months < (int64_t)TT_YEAR_MIN * 12 ||
	    months > (int64_t)TT_YEAR_MAX * 12 + 11)
		return out_of_range(err);
	d.year = (int)(months / 12);
	d.month = (int)(months % 12) + 1;
	last = tt_month_days(d.year, d.month);
	if (d.day > last) {
		d.day = last;
		f |= TT_ADD_CLAMPED;
	}
	days = sign * ((int64_t)dur.weeks * 7 + dur.days);
	if (days < -TT_DAYNUM_MAX || days > TT_DAYNUM_MAX)
		return out_of_range(err);
	if (days != 0 && tt_date_add_days(d, (int32_t)days, &d, err) != TT_OK)
		return TT_ERANGE;
	if (flags != NULL)
		*flags = f;
	*out = d;
	return TT_OK;
}

int32_t
tt_date_diff_days(tt_date from, tt_date to)
{
	return tt_date_to_daynum(to) - tt_date_to_daynum(from);
}

/* FROM moved by MONTHS (signed) with the month-end clamp; the caller
 * guarantees that the result is in range. */
static tt_date
add_months(tt_date from, int64_t months)
{
	int64_t m = (int64_t)from.year * 12 + (from.month - 1) + months;
	tt_date d = { (int)(m / 12), (int)(m % 12) + 1, from.day };
	int last = tt_month_days(d.year, d.month);

	if (d.day > last)
		d.day = last;
	return d;
}

tt_duration
tt_date_diff(tt_date from, tt_date to)
{
	tt_duration r = { 1, 0, 0, 0, 0 };
	int sign = tt_date_compare(to, from) < 0 ? -1 : 1;
	int64_t months;
	tt_date mid;

	/* A first guess from the calendar fields, then at most one step back
	 * to the largest count that does not overshoot. */
	months = sign * (((int64_t)to.year * 12 + to.month) -
			 ((int64_t)from.year * 12 + from.month));
	if (months < 0)
		months = 0;
	for (;;) {
		mid = add_months(from, sign * months);
		if (months == 0 || sign * tt_date_compare(to, mid) >= 0)
			break;
		months--;
	}
	r.sign = sign;
	r.years = (int)(months / 12);
	r.months = (int)(months % 12);
	r.days = sign * tt_date_diff_days(mid, to);
	return r;
}

/* --- durations ----------------------------------------------------- */

bool
tt_duration_is_zero(tt_duration dur)
{
	return dur.years == 0 && dur.months == 0 && dur.weeks == 0 &&
	       dur.days == 0;
}

tt_duration
tt_duration_negate(tt_duration dur)
{
	dur.sign = dur.sign < 0 ? 1 : -1;
	return dur;
}

tt_duration
tt_duration_of_years(int n)
{
	tt_duration d = { n < 0 ? -1 : 1, n < 0 ? -n : n, 0, 0, 0 };

	return d;
}

tt_duration
tt_duration_of_months(int n)
{
	tt_duration d = { n < 0 ? -1 : 1, 0, n < 0 ? -n : n, 0, 0 };

	return d;
}

tt_duration
tt_duration_of_days(int n)
{
	tt_duration d = { n < 0 ? -1 : 1, 0, 0, 0, n < 0 ? -n : n };

	return d;
}

tt_status
tt_duration_add_multiple(tt_duration a, tt_duration b, int n,
			 tt_duration *out, tt_error *err)
{
	int64_t y = a.years + (int64_t)n * b.years;
	int64_t m = a.months + (int64_t)n * b.months;
	int64_t w = a.weeks + (int64_t)n * b.weeks;
	int64_t d = a.days + (int64_t)n * b.days;

	if (n < 0 || (a.sign < 0) != (b.sign < 0))
		return ttp_error_set(err, TT_ERANGE, 0, 0,
				     "durations of different signs");
	if (y > MAX_YEARS || m > MAX_MONTHS || w > MAX_WEEKS || d > MAX_DAYS)
		return out_of_range(err);
	out->sign = a.sign < 0 ? -1 : 1;
	out->years = (int)y;
	out->months = (int)m;
	out->weeks = (int)w;
	out->days = (int)d;
	return TT_OK;
}

tt_status
ttp_duration_check(tt_duration dur, tt_error *err)
{
	static const struct {
		const char *name;
		int limit;
	} parts[] = {
		{ "years", MAX_YEARS }, { "months", MAX_MONTHS },
		{ "weeks", MAX_WEEKS }, { "days", MAX_DAYS }
	};
	int v[] = { dur.years, dur.months, dur.weeks, dur.days };

	for (size_t i = 0; i < TTP_ARRAY_SIZE(parts); i++) {
		if (v[i] < 0)
			return ttp_error_set(err, TT_ERANGE, 0, 1,
					     "%d %s: a component of a duration "
					     "must not be negative", v[i],
					     parts[i].name);
		if (v[i] > parts[i].limit)
			return ttp_error_set(err, TT_ERANGE, 0, 1,
					     "%d %s is out of range (at most "
					     "%d)", v[i], parts[i].name,
					     parts[i].limit);
	}
	return TT_OK;
}

struct unit {
	char letter;		/* upper case */
	const char *name;	/* for messages */
	int limit;
	size_t field;		/* offset in tt_duration */
};

static const struct unit units[] = {
	{ 'Y', "years", MAX_YEARS, offsetof(tt_duration, years) },
	{ 'M', "months", MAX_MONTHS, offsetof(tt_duration, months) },
	{ 'W', "weeks", MAX_WEEKS, offsetof(tt_duration, weeks) },
	{ 'D', "days", MAX_DAYS, offsetof(tt_duration, days) },
};

tt_status
tt_duration_parse(const char *s, tt_duration *out, tt_error *err)
{
	tt_duration d = { 1, 0, 0, 0, 0 };
	const char *p = s;
	bool iso = false;
	unsigned seen = 0;
	int last_unit = -1;

	if (s == NULL || *s == '\0')
		return ttp_error_set(err, TT_ESYNTAX, 0, 1,
				     "empty duration (expected e.g. 50y, "
				     "1y6m, 90d or P50Y)");
	if (*p == '+' || *p == '-') {
		d.sign = *p == '-' ? -1 : 1;
		p++;
	}
	if (*p == 'P' || *p == 'p') {
		iso = true;
		p++;
	}
	if (*p == '\0')
		return ttp_error_set(err, TT_ESYNTAX, 0, (unsigned)(p - s) + 1,
				     "expected a number after '%.*s'",
				     (int)(p - s), s);
	while (*p != '\0') {
		const char *num = p;
		int64_t v = 0;
		int u;
		char c;

		if (iso && (*p == 'T' || *p == 't'))
			return ttp_error_set(err, TT_ESYNTAX, 0,
					     (unsigned)(p - s) + 1,
					     "times of day are not supported "
					     "in durations");
		if (!isdigit((unsigned char)*p))
			return ttp_error_set(err, TT_ESYNTAX, 0,
					     (unsigned)(p - s) + 1,
					     "expected a number, found '%.*s'",
					     (int)ttp_utf8_char_len(p), p);
		while (isdigit((unsigned char)*p)) {
			if (v <= 100000000)
				v = v * 10 + (*p - '0');
			p++;
		}
		if (*p == '\0')
			return ttp_error_set(err, TT_ESYNTAX, 0,
					     (unsigned)(p - s) + 1,
					     "missing unit after %.*s "
					     "(expected y, m, w or d)",
					     (int)(p - num), num);
		c = (char)toupper((unsigned char)*p);
		for (u = 0; u < (int)TTP_ARRAY_SIZE(units); u++)
			if (units[u].letter == c)
				break;
		if (u == (int)TTP_ARRAY_SIZE(units))
			return ttp_error_set(err, TT_ESYNTAX, 0,
					     (unsigned)(p - s) + 1,
					     "unknown unit '%.*s' "
					     "(expected y, m, w or d)",
					     (int)ttp_utf8_char_len(p), p);
		if (seen & (1u << u))
			return ttp_error_set(err, TT_ESYNTAX, 0,
					     (unsigned)(p - s) + 1,
					     "%s given twice", units[u].name);
		if (u < last_unit)
			return ttp_error_set(err, TT_ESYNTAX, 0,
					     (unsigned)(p - s) + 1,
					     "%s must come before %s",
					     units[u].name,
					     units[last_unit].name);
		if (v > units[u].limit)
			return ttp_error_set(err, TT_ERANGE, 0,
					     (unsigned)(num - s) + 1,
					     "%.*s %s is out of range "
					     "(at most %d)",
					     (int)(p - num > 20 ? 20 : p - num),
					     num, units[u].name,
					     units[u].limit);
		*(int *)((char *)&d + units[u].field) = (int)v;
		seen |= 1u << u;
		last_unit = u;
		p++;
	}
	*out = d;
	return TT_OK;
}

/* A duration's text being written into BUF (SIZE bytes): LEN bytes of it
 * are there, NEED counts the whole text, and once a component did not fit
 * none after it is written. */
struct dtext {
	char *buf;
	size_t size, len, need;
	bool cut;
};

static struct dtext
dtext_start(char *buf, size_t size)
{
	struct dtext t = { buf, size, 0, 0, size == 0 };

	if (size > 0)
		buf[0] = '\0';
	return t;
}

/* The most a component takes: a space, a sign, 10 digits and the 8
 * bytes copied for its unit (COMPONENT_UNIT), and a NUL. */
#define COMPONENT_MAX 24

/* Units, each padded to 8 bytes: copied 8 bytes at a time, a fixed
 * length that compiles to a move rather than a call. */
typedef char component_unit[8];

/* Writes a space (if SPACE), V in decimal and UNIT (LEN bytes) at P,
 * which has room for COMPONENT_MAX bytes, and returns the length, by
 * hand rather than with snprintf(): batch runs format millions. */
static size_t
component(char *p, bool space, int v, const component_unit unit, size_t len)
{
	unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
	size_t n = 0, digits = 1;

	if (space)
		p[n++] = ' ';
	if (v < 0)
		p[n++] = '-';
	for (unsigned x = u; x >= 10; x /= 10)
		digits++;
	n += digits;
	for (size_t i = n; digits-- > 0; u /= 10)
		p[--i] = (char)('0' + u % 10);
	memcpy(p + n, unit, sizeof(component_unit));
	return n + len;
}

/* Appends one part (LEN bytes at PART) if it fits whole, and counts it
 * either way. */
static void
put_part(struct dtext *t, const char *part, size_t len)
{
	if (!t->cut && len < t->size - t->len) {
		memcpy(t->buf + t->len, part, len);
		t->len += len;
		t->buf[t->len] = '\0';
	} else {
		t->cut = true;
	}
	t->need += len;
}

#define PUT_PART_LIT(t, lit) put_part((t), "" lit, sizeof(lit) - 1)

/* Appends one component as put_part() would, written in place when
 * there is room for the longest. */
static void
put_component(struct dtext *t, bool space, int v, const component_unit unit,
	      size_t len)
{
	char part[COMPONENT_MAX];
	size_t n;

	if (!t->cut && t->size - t->len > COMPONENT_MAX) {
		n = component(t->buf + t->len, space, v, unit, len);
		t->len += n;
		t->buf[t->len] = '\0';
		t->need += n;
		return;
	}
	put_part(t, part, component(part, space, v, unit, len));
}

size_t
tt_duration_format_iso(tt_duration dur, char *buf, size_t size)
{
	static const component_unit units_iso[] = { "Y", "M", "W", "D" };
	int v[4] = { dur.years, dur.months, dur.weeks, dur.days };
	struct dtext t = dtext_start(buf, size);

	if (dur.sign < 0)
		PUT_PART_LIT(&t, "-P");
	else
		PUT_PART_LIT(&t, "P");
	for (int i = 0; i < 4; i++) {
		if (v[i] == 0 && !(i == 3 && tt_duration_is_zero(dur)))
			continue;
		put_component(&t, false, v[i], units_iso[i], 1);
	}
	return t.need;
}

size_t
tt_duration_format_words(tt_duration dur, char *buf, size_t size)
{
	/* The plural; the singular is one byte shorter. */
	static const component_unit unit_words[] = {
		" years", " months", " weeks", " days"
	};
	static const size_t unit_len[] = { 6, 7, 6, 5 };
	int v[4] = { dur.years, dur.months, dur.weeks, dur.days };
	struct dtext t = dtext_start(buf, size);
	bool any = false;

	if (dur.sign < 0 && !tt_duration_is_zero(dur))
		PUT_PART_LIT(&t, "minus ");
	for (int i = 0; i < 4; i++) {
		if (v[i] == 0)
			continue;
		put_component(&t, any, v[i], unit_words[i],
			      unit_len[i] - (v[i] == 1 ? 1 : 0));
		any = true;
	}
	if (!any)
		PUT_PART_LIT(&t, "0 days");
	return t.need;
}
