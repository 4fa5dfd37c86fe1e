/*
 * fuzz-date.c -- libFuzzer target for dates and durations.
 *
 * The input is "DATE\nDURATION" (either part may be missing or garbage).
 * Whatever the parsers accept must survive the way back: a parsed date
 * formats to exactly the text it came from, a parsed duration formats (ISO)
 * to a text that parses to the same value, and adding the duration to the
 * date gives a valid date or a clean error.  The interval between the two
 * dates, added back, must give the end date again: that is how
 * tt_date_diff() is defined.  Any mismatch abort()s, so the fuzzer keeps
 * the input.  Build and run with fuzz/run.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <treatyterm/treatyterm.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz-date: %s: %s\n", what, detail);
	abort();
}

static bool
same_duration(tt_duration a, tt_duration b)
{
	if (tt_duration_is_zero(a) && tt_duration_is_zero(b))
		return true;
	return a.sign == b.sign && a.years == b.years &&
	       a.months == b.months && a.weeks == b.weeks && a.days == b.days;
}

/* Checks the error a parser filled: a message, and a column inside the
 * text (or one past its end). */
static void
check_error(const tt_error *e, tt_status st, const char *text)
{
	if (e->code != st)
		fail("error code differs from the status", text);
	if (e->message[0] == '\0' ||
	    memchr(e->message, '\0', sizeof e->message) == NULL)
		fail("empty or unterminated message", text);
	if (e->column > strlen(text) + 1)
		fail("error column past the end of the text", e->message);
}

static void
check_date_ops(tt_date d)
{
	char buf[TT_DATE_BUFSIZE];
	int32_t n = tt_date_to_daynum(d);
	tt_date back;
	tt_weekday w;

	if (n < TT_DAYNUM_MIN || n > TT_DAYNUM_MAX)
		fail("day number out of range", tt_date_format(d, buf));
	back = tt_date_from_daynum(n);
	if (tt_date_compare(back, d) != 0)
		fail("day number does not round-trip", tt_date_format(d, buf));
	w = tt_date_weekday(d);
	if (w < TT_MONDAY || w > TT_SUNDAY)
		fail("weekday out of range", tt_date_format(d, buf));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, *dtext, *utext, *nl;
	char buf[TT_DATE_BUFSIZE], buf2[TT_DATE_BUFSIZE];
	char iso[TT_DURATION_BUFSIZE], words[TT_DURATION_BUFSIZE];
	char small[8];
	tt_date d, r, r2;
	tt_duration u, u2, diff;
	tt_error e;
	tt_status st;
	bool have_date, have_dur;
	unsigned flags;

	if (size > 4096)
		return 0;
	/* A NUL-terminated copy: the parsers take C strings. */
	text = malloc(size + 1);
	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	dtext = text;
	nl = strchr(text, '\n');
	utext = nl ? nl + 1 : text + strlen(text);
	if (nl != NULL)
		*nl = '\0';

	memset(&e, 0, sizeof e);
	st = tt_date_parse(dtext, &d, &e);
	have_date = st == TT_OK;
	if (have_date) {
		if (!tt_date_is_valid(d))
			fail("accepted an invalid date", dtext);
		if (strcmp(tt_date_format(d, buf), dtext) != 0)
			fail("format(parse(x)) != x", dtext);
		check_date_ops(d);
	} else {
		check_error(&e, st, dtext);
	}

	memset(&e, 0, sizeof e);
	st = tt_duration_parse(utext, &u, &e);
	have_dur = st == TT_OK;
	if (have_dur) {
		if (u.sign != 1 && u.sign != -1)
			fail("bad sign", utext);
		if (u.years < 0 || u.months < 0 || u.weeks < 0 || u.days < 0)
			fail("negative component", utext);
		tt_duration_format_iso(u, iso, sizeof iso);
		tt_duration_format_words(u, words, sizeof words);
		tt_duration_format_iso(u, small, sizeof small);
		tt_duration_format_words(u, small, sizeof small);
		if (strlen(iso) + 1 >= sizeof iso ||
		    strlen(words) + 1 >= sizeof words)
			fail("TT_DURATION_BUFSIZE too small", utext);
		memset(&e, 0, sizeof e);
		if (tt_duration_parse(iso, &u2, &e) != TT_OK)
			fail("formatted duration does not parse", iso);
		if (!same_duration(u, u2))
			fail("parse(format(parse(x))) != parse(x)", utext);
		u2 = tt_duration_negate(u);
		if (tt_duration_negate(u2).sign != u.sign)
			fail("negate twice changes the sign", utext);
	} else {
		check_error(&e, st, utext);
	}

	if (have_date && have_dur) {
		flags = 0;
		memset(&e, 0, sizeof e);
		st = tt_date_add(d, u, &r, &flags, &e);
		if (st == TT_OK) {
			if (!tt_date_is_valid(r))
				fail("tt_date_add gave an invalid date", utext);
			check_date_ops(r);
			/* Days only: the same as tt_date_add_days(). */
			if (u.years == 0 && u.months == 0) {
				int32_t days = u.sign * (u.weeks * 7 + u.days);

				if (tt_date_add_days(d, days, &r2, NULL) !=
				    TT_OK || tt_date_compare(r, r2) != 0)
					fail("add and add_days differ", utext);
			}
			/* The interval from D to R, added to D, is R. */
			diff = tt_date_diff(d, r);
			if (tt_date_add(d, diff, &r2, NULL, NULL) != TT_OK ||
			    tt_date_compare(r, r2) != 0) {
				fprintf(stderr, "%s + %s = %s, diff %s\n",
					tt_date_format(d, buf), utext,
					tt_date_format(r, buf2),
					tt_duration_format_iso(diff, iso,
							       sizeof iso));
				fail("from + diff(from, to) != to", utext);
			}
			if (tt_date_diff_days(d, r) !=
			    tt_date_to_daynum(r) - tt_date_to_daynum(d))
				fail("diff_days", utext);
		} else {
			if (e.code != st || e.message[0] == '\0')
				fail("tt_date_add failed without a message",
				     utext);
		}
		/* Multiples, as the schedule computes series. */
		for (int k = 0; k < 3; k++) {
			tt_duration m;

			if (tt_duration_add_multiple(u, u, k, &m, NULL) ==
			    TT_OK)
				(void)tt_date_add(d, m, &r, NULL, NULL);
		}
		/* Rolling off weekends never leaves the range. */
		if (tt_date_roll(d, u.sign < 0 ? TT_ROLL_PRECEDING :
				 TT_ROLL_FOLLOWING, NULL, &r, NULL) == TT_OK &&
		    !tt_date_is_working_day(r, NULL))
			fail("rolled to a rest day", dtext);
	}
	free(text);
	return 0;
}
