/*
 * test-filter.c -- the dates and kinds of --from, --until and --kind
 * (src/out/filter.c): offsets from today by the same-date rule, the month-end
 * clamp, and the limits of the calendar, years 1 and 9999.
 */
#include <string.h>

#include "unit.h"
#include "out/filter.h"

static tt_status
parse(const char *s, tt_date today, tt_date *out, tt_error *e)
{
	memset(out, 0, sizeof *out);
	return filter_parse_date(s, today, out, e);
}

static void
test_today_offsets(void)
{
	tt_date today = D(2026, 11, 30), d;
	tt_error e;

	CU_ASSERT_EQUAL(parse("today", today, &d, &e), TT_OK);
	CU_ASSERT(tt_date_compare(d, today) == 0);
	CU_ASSERT_EQUAL(parse("today+90d", today, &d, &e), TT_OK);
	CU_ASSERT(tt_date_compare(d, D(2027, 2, 28)) == 0);
	CU_ASSERT_EQUAL(parse("today-1y", today, &d, &e), TT_OK);
	CU_ASSERT(tt_date_compare(d, D(2025, 11, 30)) == 0);
	CU_ASSERT_EQUAL(parse("today+P1Y6M", today, &d, &e), TT_OK);
	CU_ASSERT(tt_date_compare(d, D(2028, 5, 30)) == 0);
	CU_ASSERT_EQUAL(parse("today+2w", today, &d, &e), TT_OK);
	CU_ASSERT(tt_date_compare(d, D(2026, 12, 14)) == 0);
	/* A plain date does not need today. */
	CU_ASSERT_EQUAL(parse("1999-12-31", today, &d, &e), TT_OK);
	CU_ASSERT(tt_date_compare(d, D(1999, 12, 31)) == 0);
}

/* Months are added by the same-date rule: the day is clamped to the
 * month's end, from the anchor each time, never chained. */
static void
test_month_ends(void)
{
	tt_date d;
	tt_error e;

	CU_ASSERT_EQUAL(parse("today+1m", D(2027, 1, 31), &d, &e), TT_OK);
	CU_ASSERT(tt_date_compare(d, D(2027, 2, 28)) == 0);
	CU_ASSERT_EQUAL(parse("today+1m", D(2028, 1, 31), &d, &e), TT_OK);
	CU_ASSERT(tt_date_compare(d, D(2028, 2, 29)) == 0);
	CU_ASSERT_EQUAL(parse("today-1m", D(2027, 3, 31), &d, &e), TT_OK);
	CU_ASSERT(tt_date_compare(d, D(2027, 2, 28)) == 0);
	CU_ASSERT_EQUAL(parse("today+12m", D(2028, 2, 29), &d, &e), TT_OK);
	CU_ASSERT(tt_date_compare(d, D(2029, 2, 28)) == 0);
	CU_ASSERT_EQUAL(parse("today+2m", D(2027, 12, 31), &d, &e), TT_OK);
	CU_ASSERT(tt_date_compare(d, D(2028, 2, 29)) == 0);
}

static void
test_limits(void)
{
	tt_date d;
	tt_error e;

	CU_ASSERT_EQUAL(parse("today+1d", D(9999, 12, 30), &d, &e), TT_OK);
	CU_ASSERT(tt_date_compare(d, D(9999, 12, 31)) == 0);
	CU_ASSERT_EQUAL(parse("today+1d", D(9999, 12, 31), &d, &e),
			TT_ERANGE);
	CU_ASSERT_EQUAL(parse("today-1d", D(1, 1, 2), &d, &e), TT_OK);
	CU_ASSERT(tt_date_compare(d, D(1, 1, 1)) == 0);
	CU_ASSERT_EQUAL(parse("today-1d", D(1, 1, 1), &d, &e), TT_ERANGE);
	CU_ASSERT_EQUAL(parse("today-1y", D(1, 12, 31), &d, &e), TT_ERANGE);
	CU_ASSERT_EQUAL(parse("9999-12-31", D(1, 1, 1), &d, &e), TT_OK);
	CU_ASSERT_NOT_EQUAL(parse("10000-01-01", D(1, 1, 1), &d, &e), TT_OK);
	CU_ASSERT_EQUAL(parse("0000-12-31", D(1, 1, 1), &d, &e), TT_ERANGE);
}

static void
test_bad_dates(void)
{
	tt_date d;
	tt_error e;

	CU_ASSERT_EQUAL(parse("today90d", D(2026, 1, 1), &d, &e), TT_ESYNTAX);
	CU_ASSERT_EQUAL(e.column, 6);
	CU_ASSERT_EQUAL(parse("today+", D(2026, 1, 1), &d, &e), TT_ESYNTAX);
	CU_ASSERT_EQUAL(parse("today+9x", D(2026, 1, 1), &d, &e),
			TT_ESYNTAX);
	CU_ASSERT_EQUAL(parse("tomorrow", D(2026, 1, 1), &d, &e),
			TT_ESYNTAX);
	CU_ASSERT_EQUAL(parse("", D(2026, 1, 1), &d, &e), TT_ESYNTAX);
	CU_ASSERT_EQUAL(parse("2026-02-29", D(2026, 1, 1), &d, &e),
			TT_ERANGE);
}

static void
test_kinds(void)
{
	unsigned mask = 0;
	const char *bad = NULL;
	size_t len = 0;

	CU_ASSERT(filter_parse_kinds("expiry,consultation", &mask, &bad,
				     &len));
	CU_ASSERT_EQUAL(mask, (1u << TT_KIND_EXPIRY) |
			(1u << TT_KIND_CONSULTATION));
	CU_ASSERT(filter_parse_kinds("withdrawal_window_closes", &mask, &bad,
				     &len));
	CU_ASSERT(mask & (1u << TT_KIND_WITHDRAWAL_WINDOW_CLOSES));
	CU_ASSERT_FALSE(filter_parse_kinds("expiry,expir", &mask, &bad,
					   &len));
	CU_ASSERT_STRING_EQUAL(bad, "expir");
	CU_ASSERT_EQUAL(len, 5);
	CU_ASSERT_FALSE(filter_parse_kinds("expiry,,review", &mask, &bad,
					   &len));
	CU_ASSERT_EQUAL(len, 0);
	CU_ASSERT_FALSE(filter_parse_kinds("", &mask, &bad, &len));
}

static void
test_keep(void)
{
	struct filter f = { .has_from = true, .has_until = true,
			    .from = { 2026, 1, 1 }, .until = { 2026, 12, 31 } };
	tt_milestone m;

	memset(&m, 0, sizeof m);
	m.kind = TT_KIND_REVIEW;
	m.date = D(2026, 1, 1);
	CU_ASSERT(filter_keep(&f, &m));
	m.date = D(2026, 12, 31);
	CU_ASSERT(filter_keep(&f, &m));
	m.date = D(2027, 1, 1);
	CU_ASSERT_FALSE(filter_keep(&f, &m));
	m.date = D(2025, 12, 31);
	CU_ASSERT_FALSE(filter_keep(&f, &m));
	m.date = D(2026, 6, 1);
	f.kinds = 1u << TT_KIND_EXPIRY;
	CU_ASSERT_FALSE(filter_keep(&f, &m));
	m.kind = TT_KIND_EXPIRY;
	CU_ASSERT(filter_keep(&f, &m));
	/* Pending: no date, so only without a date bound. */
	m.pending = true;
	CU_ASSERT_FALSE(filter_keep(&f, &m));
	f.has_from = f.has_until = false;
	CU_ASSERT(filter_keep(&f, &m));
	CU_ASSERT(filter_keep(NULL, &m));
	CU_ASSERT(filter_is_empty(NULL));
	CU_ASSERT_FALSE(filter_is_empty(&f));
}

static const CU_TestInfo tests[] = {
	{ "today and offsets", test_today_offsets },
	{ "month ends", test_month_ends },
	{ "years 1 and 9999", test_limits },
	{ "bad dates", test_bad_dates },
	{ "kinds", test_kinds },
	{ "keep", test_keep },
	CU_TEST_INFO_NULL
};

void
add_filter_tests(void)
{
	unit_add_suite("filter", tests);
}
