/*
 * holidays.c -- rest days and public holidays, and rolling dates off them.
 *
 * Holidays are kept as a bitmap over the day numbers of the whole range
 * (about 450 KiB, allocated on the first holiday added): membership is one
 * load, whatever the number of holidays or the years they span.
 *
 * A set may know its holidays only up to some day (a calendar whose
 * recurrence rules libical stops expanding, see holidays-ics.c).  Rolling
 * then refuses to look at a weekday past that day instead of taking it
 * for a working day: a missed holiday would give a wrong date silently.
 */
#include <config.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define DEFAULT_WEEKEND ((1u << TT_SATURDAY) | (1u << TT_SUNDAY))
#define BITMAP_BYTES (TT_DAYNUM_MAX / CHAR_BIT + 1)

struct tt_holidays {
	unsigned char *bits;	/* NULL until a holiday is added */
	size_t count;
	unsigned weekend;
	int32_t complete_until;	/* a day number */
	const char *limit_what;	/* for the message; static strings */
	const char *limit_why;	/* NULL if none */
};

tt_holidays *
tt_holidays_new(void)
{
	tt_holidays *h = calloc(1, sizeof *h);

	if (h != NULL) {
		h->weekend = DEFAULT_WEEKEND;
		h->complete_until = TT_DAYNUM_MAX;
	}
	return h;
}

void
tt_holidays_free(tt_holidays *h)
{
	if (h == NULL)
		return;
	free(h->bits);
	free(h);
}

tt_status
tt_holidays_add(tt_holidays *h, tt_date d, tt_error *err)
{
	int32_t n;

	if (!tt_date_is_valid(d))
		return ttp_error_set(err, TT_ERANGE, 0, 0,
				     "invalid holiday date");
	if (h->bits == NULL) {
		h->bits = calloc(1, BITMAP_BYTES);
		if (h->bits == NULL)
			return ttp_error_set(err, TT_ENOMEM, 0, 0,
					     "out of memory");
	}
	n = tt_date_to_daynum(d);
	if (!(h->bits[n / CHAR_BIT] & (1u << (n % CHAR_BIT)))) {
		h->bits[n / CHAR_BIT] |= (unsigned char)(1u << (n % CHAR_BIT));
		h->count++;
	}
	return TT_OK;
}

size_t
tt_holidays_count(const tt_holidays *h)
{
	return h == NULL ? 0 : h->count;
}

tt_date
tt_holidays_complete_until(const tt_holidays *h)
{
	return tt_date_from_daynum(h == NULL ? TT_DAYNUM_MAX
					     : h->complete_until);
}

void
ttp_holidays_limit(tt_holidays *h, tt_date last, const char *what,
		   const char *why)
{
	int32_t n = tt_date_to_daynum(last);

	if (n < h->complete_until) {
		h->complete_until = n;
		h->limit_what = what;
		h->limit_why = why;
	}
}

tt_status
tt_holidays_set_complete_until(tt_holidays *h, tt_date last, tt_error *err)
{
	if (!tt_date_is_valid(last))
		return ttp_error_set(err, TT_ERANGE, 0, 0, "invalid date");
	ttp_holidays_limit(h, last, "the holidays are known", NULL);
	return TT_OK;
}

void
tt_holidays_set_weekend(tt_holidays *h, unsigned mask)
{
	h->weekend = mask & 0xfeu;	/* bits 1 (Monday) to 7 (Sunday) */
}

bool
tt_holidays_contains(const tt_holidays *h, tt_date d)
{
	int32_t n;

	if (h == NULL || h->bits == NULL || !tt_date_is_valid(d))
		return false;
	n = tt_date_to_daynum(d);
	return (h->bits[n / CHAR_BIT] >> (n % CHAR_BIT)) & 1u;
}

bool
tt_date_is_working_day(tt_date d, const tt_holidays *h)
{
	unsigned weekend = h == NULL ? DEFAULT_WEEKEND : h->weekend;

	if (weekend & (1u << tt_date_weekday(d)))
		return false;
	return !tt_holidays_contains(h, d);
}

/* Steps from D by STEP (+1 or -1) until a working day; D itself counts
 * when INCLUSIVE. */
static tt_status
seek(tt_date d, int step, bool inclusive, const tt_holidays *h,
     tt_date *out, tt_error *err)
{
	int32_t n;

	if (!tt_date_is_valid(d))
		return ttp_error_set(err, TT_ERANGE, 0, 0, "invalid date");
	n = tt_date_to_daynum(d);
	if (!inclusive)
		n += step;
	for (; n >= TT_DAYNUM_MIN && n <= TT_DAYNUM_MAX; n += step) {
		tt_date c = tt_date_from_daynum(n);

		if (h != NULL && n > h->complete_until &&
		    !(h->weekend & (1u << tt_date_weekday(c)))) {
			char a[TT_DATE_BUFSIZE], b[TT_DATE_BUFSIZE];

			return ttp_error_set(err, TT_ERANGE, 0, 0,
				"cannot tell whether %s %s is a holiday: %s "
				"only up to %s%s%s%s",
				tt_weekday_abbr(tt_date_weekday(c)),
				tt_date_format(c, a), h->limit_what,
				tt_date_format(tt_date_from_daynum(
					h->complete_until), b),
				h->limit_why ? " (" : "",
				h->limit_why ? h->limit_why : "",
				h->limit_why ? ")" : "");
		}
		if (tt_date_is_working_day(c, h)) {
			*out = c;
			return TT_OK;
		}
	}
	return ttp_error_set(err, TT_ERANGE, 0, 0,
			     "no working day %s %04d-%02d-%02d within the "
			     "years 1 to 9999", step > 0 ? "after" : "before",
			     d.year, d.month, d.day);
}

tt_status
tt_date_roll(tt_date d, tt_roll roll, const tt_holidays *h, tt_date *out,
	     tt_error *err)
{
	switch (roll) {
	case TT_ROLL_NONE:
		if (!tt_date_is_valid(d))
			return ttp_error_set(err, TT_ERANGE, 0, 0,
					     "invalid date");
		*out = d;
		return TT_OK;
	case TT_ROLL_FOLLOWING:
		return seek(d, 1, true, h, out, err);
	case TT_ROLL_PRECEDING:
		return seek(d, -1, true, h, out, err);
	}
	return ttp_error_set(err, TT_EINVAL, 0, 0, "unknown roll");
}

tt_status
tt_date_next_working_day(tt_date d, const tt_holidays *h, tt_date *out,
			 tt_error *err)
{
	return seek(d, 1, false, h, out, err);
}

tt_status
tt_date_previous_working_day(tt_date d, const tt_holidays *h, tt_date *out,
			     tt_error *err)
{
	return seek(d, -1, false, h, out, err);
}
