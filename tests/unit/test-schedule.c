/*
 * test-schedule.c -- the term engine: every clause at its edges, with the
 * historical dates of real treaties.
 */
#include <stdio.h>
#include <string.h>

#include "unit.h"

/* Computes the schedule of the spec TEXT with OPT (may be NULL). */
static tt_schedule *
compute(const char *text, const tt_schedule_options *opt)
{
	tt_spec *spec = tt_spec_new();
	tt_schedule *s = tt_schedule_new();
	tt_error e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(spec);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_EQUAL_FATAL(tt_spec_parse(spec, text, strlen(text), &e),
			      TT_OK);
	if (tt_schedule_compute(s, spec, opt, &e) != TT_OK)
		fprintf(stderr, "\n  compute: %s\n", e.message);
	tt_spec_free(spec);
	return s;
}

/* "kind date" lines of S, one per milestone, into BUF. */
static const char *
dump(const tt_schedule *s, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < tt_schedule_count(s) && n < size; i++) {
		const tt_milestone *m = tt_schedule_at(s, i);
		char d[TT_DATE_BUFSIZE];

		n += (size_t)snprintf(buf + n, size - n, "%s %s\n",
				      tt_kind_name(m->kind),
				      tt_date_format(m->date, d));
	}
	return buf;
}

static void
check_schedule(const char *text, const char *want)
{
	char buf[4096];
	tt_schedule *s = compute(text, NULL);

	CU_ASSERT_STRING_EQUAL(dump(s, buf, sizeof buf), want);
	if (strcmp(buf, want) != 0)
		fprintf(stderr, "\n--- got:\n%s--- want:\n%s", buf, want);
	tt_schedule_free(s);
}

static void
check_fails(const char *text, tt_status code, const char *message)
{
	tt_spec *spec = tt_spec_new();
	tt_schedule *s = tt_schedule_new();
	tt_error e;

	CU_ASSERT_EQUAL_FATAL(tt_spec_parse(spec, text, strlen(text), &e),
			      TT_OK);
	CU_ASSERT_EQUAL(tt_schedule_compute(s, spec, NULL, &e), code);
	CU_ASSERT_STRING_EQUAL(e.message, message);
	CU_ASSERT_EQUAL(tt_schedule_count(s), 0);
	tt_schedule_free(s);
	tt_spec_free(spec);
}

static void
test_litvinov(void)
{
	check_schedule("[treaty]\nentry_into_force = 1947-09-15\n"
		       "term = 50y\n[consultation]\nfirst = 25y\n"
		       "every = 5y\n",
		       "entry_into_force 1947-09-15\n"
		       "consultation 1972-09-15\n"
		       "consultation 1977-09-15\n"
		       "consultation 1982-09-15\n"
		       "consultation 1987-09-15\n"
		       "consultation 1992-09-15\n"
		       "expiry 1997-09-15\n");
	/* A count may take a series past the expiry. */
	check_schedule("[treaty]\nentry_into_force = 1947-09-15\n"
		       "term = 30y\n[consultation]\nfirst = 25y\n"
		       "every = 5y\ncount = 3\n",
		       "entry_into_force 1947-09-15\n"
		       "consultation 1972-09-15\n"
		       "consultation 1977-09-15\n"
		       "expiry 1977-09-15\n"
		       "consultation 1982-09-15\n");
	/* Without 'every', one consultation. */
	check_schedule("[treaty]\nentry_into_force = 1947-09-15\n"
		       "[consultation]\nfirst = 25y\n",
		       "entry_into_force 1947-09-15\n"
		       "consultation 1972-09-15\n");
}

static void
test_fixed_terms(void)
{
	/* ECSC: 23 July 1952 + 50 years. */
	check_schedule("[treaty]\nentry_into_force = 1952-07-23\n"
		       "term = 50y\n",
		       "entry_into_force 1952-07-23\nexpiry 2002-07-23\n");
	/* Hong Kong: the start day counts. */
	check_schedule("[treaty]\nentry_into_force = 1898-07-01\n"
		       "term = 99y\nconvention = inclusive\n",
		       "entry_into_force 1898-07-01\nexpiry 1997-06-30\n");
	/* 29 February: clamped, then (inclusive) the day before. */
	check_schedule("[treaty]\nentry_into_force = 1948-02-29\n"
		       "term = 25y\n",
		       "entry_into_force 1948-02-29\nexpiry 1973-02-28\n");
	check_schedule("[treaty]\nentry_into_force = 2024-02-29\n"
		       "term = 1y\nconvention = inclusive\n",
		       "entry_into_force 2024-02-29\nexpiry 2025-02-27\n");
	check_schedule("[treaty]\nentry_into_force = 2024-01-01\n"
		       "term = 1d\nconvention = inclusive\n",
		       "entry_into_force 2024-01-01\nexpiry 2024-01-01\n");
	/* Year 9999 and year 1. */
	check_schedule("[treaty]\nentry_into_force = 9998-12-31\n"
		       "term = 1y\n",
		       "entry_into_force 9998-12-31\nexpiry 9999-12-31\n");
	check_schedule("[treaty]\nentry_into_force = 0001-01-01\n"
		       "term = 1y\nconvention = inclusive\n",
		       "entry_into_force 0001-01-01\nexpiry 0001-12-31\n");
}

/* Periodic dates come from the anchor: 31 January + n months. */
static void
test_no_chaining(void)
{
	tt_schedule *s = compute("[treaty]\nentry_into_force = 2024-01-31\n"
				 "term = 5m\n[review]\nfirst = 1m\n"
				 "every = 1m\n", NULL);
	char buf[1024];

	CU_ASSERT_STRING_EQUAL(dump(s, buf, sizeof buf),
			       "entry_into_force 2024-01-31\n"
			       "review 2024-02-29\n"
			       "review 2024-03-31\n"
			       "review 2024-04-30\n"
			       "review 2024-05-31\n"
			       "expiry 2024-06-30\n");
	CU_ASSERT_TRUE(tt_schedule_at(s, 1)->flags & TT_MS_CLAMPED);
	CU_ASSERT_FALSE(tt_schedule_at(s, 2)->flags & TT_MS_CLAMPED);
	CU_ASSERT_TRUE(tt_schedule_at(s, 5)->flags & TT_MS_CLAMPED);
	tt_schedule_free(s);
}

static void
test_renewal(void)
{
	/* Warsaw Pact: 20 years, then 10 more, once. */
	check_schedule("[treaty]\nentry_into_force = 1955-06-04\n"
		       "term = 20y\n[renewal]\nperiod = 10y\nnotice = 1y\n"
		       "times = 1\n",
		       "entry_into_force 1955-06-04\n"
		       "renewal_notice_deadline 1974-06-04\n"
		       "renewal 1975-06-05\n"
		       "expiry 1985-06-04\n");
	/* Sino-Soviet: China's notice of 3 April 1979 was in time. */
	check_schedule("[treaty]\nentry_into_force = 1950-04-11\n"
		       "term = 30y\nnotice_given = 1979-04-03\n"
		       "[renewal]\nperiod = 5y\nnotice = 1y\n",
		       "entry_into_force 1950-04-11\n"
		       "notice 1979-04-03\n"
		       "renewal_notice_deadline 1979-04-11\n"
		       "expiry 1980-04-11\n");
	/* On the deadline itself is in time. */
	check_schedule("[treaty]\nentry_into_force = 1950-04-11\n"
		       "term = 30y\nnotice_given = 1979-04-11\n"
		       "[renewal]\nperiod = 5y\nnotice = 1y\n",
		       "entry_into_force 1950-04-11\n"
		       "renewal_notice_deadline 1979-04-11\n"
		       "notice 1979-04-11\n"
		       "expiry 1980-04-11\n");
	/* A day late: the treaty runs to the end of the next period. */
	check_schedule("[treaty]\nentry_into_force = 1950-04-11\n"
		       "term = 30y\nnotice_given = 1979-04-12\n"
		       "[renewal]\nperiod = 5y\nnotice = 1y\n",
		       "entry_into_force 1950-04-11\n"
		       "renewal_notice_deadline 1979-04-11\n"
		       "notice 1979-04-12\n"
		       "renewal 1980-04-12\n"
		       "renewal_notice_deadline 1984-04-11\n"
		       "expiry 1985-04-11\n");
	/* After the last deadline of a limited renewal: the final period
	 * runs out. */
	check_schedule("[treaty]\nentry_into_force = 1955-06-04\n"
		       "term = 20y\nnotice_given = 1984-06-05\n[renewal]\n"
		       "period = 10y\nnotice = 1y\ntimes = 1\n",
		       "entry_into_force 1955-06-04\n"
		       "renewal_notice_deadline 1974-06-04\n"
		       "renewal 1975-06-05\n"
		       "notice 1984-06-05\n"
		       "expiry 1985-06-04\n");
	/* Inclusive convention: periods end the day before. */
	check_schedule("[treaty]\nentry_into_force = 2000-01-01\n"
		       "term = 10y\nconvention = inclusive\n[renewal]\n"
		       "period = 5y\nnotice = 6m\ntimes = 2\n",
		       "entry_into_force 2000-01-01\n"
		       "renewal_notice_deadline 2009-06-30\n"
		       "renewal 2010-01-01\n"
		       "renewal_notice_deadline 2014-06-30\n"
		       "renewal 2015-01-01\n"
		       "expiry 2019-12-31\n");
	/* Backwards from a month end: 31 August - 6 months is the end of
	 * February. */
	check_schedule("[treaty]\nentry_into_force = 2020-08-31\n"
		       "term = 3y\n[renewal]\nperiod = 1y\nnotice = 6m\n"
		       "times = 1\n",
		       "entry_into_force 2020-08-31\n"
		       "renewal_notice_deadline 2023-02-28\n"
		       "renewal 2023-09-01\n"
		       "expiry 2024-08-31\n");
	check_fails("[treaty]\nentry_into_force = 1955-06-04\n"
		    "term = 20y\nnotice_given = 1985-06-05\n[renewal]\n"
		    "period = 10y\nnotice = 1y\ntimes = 1\n", TT_EINVAL,
		    "the notice is dated after the treaty expires on "
		    "1985-06-04");
}

static void
test_unlimited_renewal_horizon(void)
{
	tt_schedule *s = compute("[treaty]\nentry_into_force = 2000-01-01\n"
				 "term = 30y\nhorizon = 2046-01-01\n"
				 "[renewal]\nperiod = 5y\nnotice = 1y\n",
				 NULL);
	char buf[1024];
	tt_date d;

	CU_ASSERT_STRING_EQUAL(dump(s, buf, sizeof buf),
			       "entry_into_force 2000-01-01\n"
			       "renewal_notice_deadline 2029-01-01\n"
			       "renewal 2030-01-02\n"
			       "renewal_notice_deadline 2034-01-01\n"
			       "renewal 2035-01-02\n"
			       "renewal_notice_deadline 2039-01-01\n"
			       "renewal 2040-01-02\n"
			       "renewal_notice_deadline 2044-01-01\n"
			       "renewal 2045-01-02\n");
	CU_ASSERT_FALSE(tt_schedule_expiry(s, &d));
	CU_ASSERT_TRUE(tt_schedule_truncated(s));
	tt_schedule_free(s);
}

static void
test_withdrawal(void)
{
	/* North Atlantic Treaty art. 13. */
	check_schedule("[treaty]\nentry_into_force = 1949-08-24\n"
		       "[withdrawal]\nopens = 20y\nnotice = 1y\n",
		       "entry_into_force 1949-08-24\n"
		       "withdrawal_notice_opens 1969-08-24\n"
		       "withdrawal_effective 1970-08-24\n");
	/* ABM: notice 13 December 2001, effective 13 June 2002. */
	check_schedule("[treaty]\nentry_into_force = 1972-10-03\n"
		       "notice_given = 2001-12-13\n[withdrawal]\n"
		       "notice = 6m\n",
		       "entry_into_force 1972-10-03\n"
		       "withdrawal_notice_opens 1972-10-03\n"
		       "notice 2001-12-13\n"
		       "withdrawal_effective 2002-06-13\n");
	/* Misset: 18 February + 3 months. */
	check_schedule("[treaty]\nentry_into_force = 1980-01-01\n"
		       "notice_given = 1985-02-18\n[withdrawal]\n"
		       "notice = 3m\n",
		       "entry_into_force 1980-01-01\n"
		       "withdrawal_notice_opens 1980-01-01\n"
		       "notice 1985-02-18\n"
		       "withdrawal_effective 1985-05-18\n");
	/* A notice on 31 August takes effect on the last day of February. */
	check_schedule("[treaty]\nentry_into_force = 1980-01-01\n"
		       "notice_given = 2023-08-31\n[withdrawal]\n"
		       "notice = 6m\n",
		       "entry_into_force 1980-01-01\n"
		       "withdrawal_notice_opens 1980-01-01\n"
		       "notice 2023-08-31\n"
		       "withdrawal_effective 2024-02-29\n");
}

static void
test_rolling(void)
{
	tt_holidays *h = tt_holidays_new();
	tt_schedule_options opt;
	tt_schedule *s;
	const tt_milestone *m;
	tt_error e;
	char buf[1024];

	CU_ASSERT_EQUAL_FATAL(tt_holidays_add(h, D(2027, 9, 15), &e), TT_OK);
	tt_schedule_options_init(&opt);
	opt.roll = TT_ROLL_FOLLOWING;
	opt.holidays = h;
	/* EIF Saturday 2022-01-01: the review one year on is Sunday
	 * 2023-01-01, the expiry Monday 2024-01-01 is a working day; the
	 * withdrawal effective on Saturday 2022-07-02 never moves. */
	s = compute("[treaty]\nentry_into_force = 2022-01-01\nterm = 2y\n"
		    "[review]\nfirst = 1y\n[withdrawal]\nnotice = 6m\n"
		    "[conference]\nat = 5y8m14d\n", &opt);
	CU_ASSERT_STRING_EQUAL(dump(s, buf, sizeof buf),
			       "entry_into_force 2022-01-01\n"
			       "withdrawal_notice_opens 2022-01-01\n"
			       "withdrawal_effective 2022-07-01\n"
			       "review 2023-01-02\n"
			       "expiry 2024-01-01\n"
			       "conference 2027-09-16\n");
	m = tt_schedule_at(s, 3);
	CU_ASSERT_TRUE(m->flags & TT_MS_ROLLED);
	ASSERT_DATE_EQ(m->nominal, D(2023, 1, 1));
	/* The holiday 2027-09-15 (a Wednesday) moved the conference. */
	m = tt_schedule_at(s, 5);
	ASSERT_DATE_EQ(m->nominal, D(2027, 9, 15));
	tt_schedule_free(s);

	/* Expiry on a Sunday stays; preceding rolls back. */
	opt.roll = TT_ROLL_PRECEDING;
	s = compute("[treaty]\nentry_into_force = 2020-11-22\nterm = 1y\n"
		    "[consultation]\nfirst = 6m\n", &opt);
	CU_ASSERT_STRING_EQUAL(dump(s, buf, sizeof buf),
			       "entry_into_force 2020-11-22\n"
			       "consultation 2021-05-21\n"
			       "expiry 2021-11-22\n");
	tt_schedule_free(s);
	tt_holidays_free(h);
}

static void
test_horizon_and_limits(void)
{
	tt_schedule *s;
	tt_date d;

	/* ABM reviews every 5 years stop at the default horizon of 100
	 * years. */
	s = compute("[treaty]\nentry_into_force = 1972-10-03\n"
		    "[review]\nfirst = 5y\nevery = 5y\n", NULL);
	CU_ASSERT_EQUAL(tt_schedule_count(s), 21);
	ASSERT_DATE_EQ(tt_schedule_at(s, 20)->date, D(2072, 10, 3));
	ASSERT_DATE_EQ(tt_schedule_horizon(s), D(2072, 10, 3));
	CU_ASSERT_TRUE(tt_schedule_truncated(s));
	CU_ASSERT_FALSE(tt_schedule_expiry(s, &d));
	tt_schedule_free(s);
	/* A series that runs off the calendar stops at 9999-12-31. */
	s = compute("[treaty]\nentry_into_force = 9990-01-01\n"
		    "horizon = 9999-12-31\n[review]\nfirst = 1y\nevery = 2y\n",
		    NULL);
	CU_ASSERT_EQUAL(tt_schedule_count(s), 6);
	ASSERT_DATE_EQ(tt_schedule_at(s, 5)->date, D(9999, 1, 1));
	tt_schedule_free(s);
	/* Millions of milestones are refused. */
	check_fails("[treaty]\nentry_into_force = 0001-01-01\n"
		    "term = 9998y\n[consultation]\nfirst = 1d\nevery = 1d\n",
		    TT_ELIMIT, "the schedule would have more than 100000 "
		    "milestones; give a count or an earlier horizon");
	check_fails("[treaty]\nentry_into_force = 9999-01-01\n"
		    "[review]\nfirst = 1y\n", TT_ERANGE,
		    "'first' from entry into force reaches past "
		    "9999-12-31");
}

static void
test_custom_and_order(void)
{
	check_schedule("[treaty]\nentry_into_force = 1946-06-01\n"
		       "term = 25y\n"
		       "[milestone]\nlabel = Germany accepts arts. I and II\n"
		       "date = 1949-05-23\n"
		       "[milestone]\nlabel = Ten years\nat = 10y\n"
		       "[conference]\nat = 25y\n",
		       "entry_into_force 1946-06-01\n"
		       "milestone 1949-05-23\n"
		       "milestone 1956-06-01\n"
		       "conference 1971-06-01\n"
		       "expiry 1971-06-01\n");
}

static void
test_texts(void)
{
	tt_schedule *s = compute("[treaty]\nid = t\nname = T\n"
				 "entry_into_force = 1948-02-29\n"
				 "term = 25y\n[consultation]\nfirst = 5y\n"
				 "every = 5y\nlabel = Talks\n", NULL);
	char b[TT_TEXT_BUFSIZE];
	const tt_milestone *m;

	CU_ASSERT_STRING_EQUAL(tt_schedule_id(s), "t");
	CU_ASSERT_STRING_EQUAL(tt_schedule_name(s), "T");
	m = tt_schedule_at(s, 1);
	CU_ASSERT_EQUAL(tt_milestone_label(m, b, sizeof b), strlen(b));
	CU_ASSERT_STRING_EQUAL(b, "Talks 1");
	CU_ASSERT_EQUAL(tt_milestone_derivation(m, b, sizeof b), strlen(b));
	CU_ASSERT_STRING_EQUAL(b, "entry into force 1948-02-29 + 5 years");
	CU_ASSERT_EQUAL(tt_milestone_rule(m, b, sizeof b), strlen(b));
	CU_ASSERT_STRING_EQUAL(b, "same date, and as the final month has no "
			       "such day, its last day; Reg. 1182/71 art. "
			       "3(2)(c) / ETS 076 art. 4(2)");
	m = tt_schedule_at(s, 4);
	CU_ASSERT_EQUAL(tt_milestone_basis(m, b, sizeof b), strlen(b));
	CU_ASSERT_STRING_EQUAL(b, "entry into force 1948-02-29 + 20 years "
			       "(same date; Reg. 1182/71 art. 3(2)(c) / ETS "
			       "076 art. 4(1))");
	m = tt_schedule_at(s, tt_schedule_count(s) - 1);
	CU_ASSERT_EQUAL(m->kind, TT_KIND_EXPIRY);
	CU_ASSERT_EQUAL(tt_milestone_label(m, b, sizeof b), 26);
	CU_ASSERT_STRING_EQUAL(b, "Expiry (last day in force)");
	/* A small buffer truncates; the length returned is the whole
	 * text's, as snprintf() gives it. */
	CU_ASSERT_EQUAL(tt_milestone_label(m, b, 7), 26);
	CU_ASSERT_STRING_EQUAL(b, "Expiry");
	CU_ASSERT_EQUAL(tt_milestone_label(m, NULL, 0), 26);
	CU_ASSERT_EQUAL(tt_milestone_basis(m, b, 10),
			tt_milestone_basis(m, NULL, 0));
	CU_ASSERT_STRING_EQUAL(b, "entry int");
	CU_ASSERT_EQUAL(tt_milestone_derivation(m, b, 1),
			tt_milestone_derivation(m, NULL, 0));
	CU_ASSERT_STRING_EQUAL(b, "");
	CU_ASSERT_TRUE(tt_milestone_rule(m, NULL, 0) > 0);
	/* Every kind has a name; "unknown" past the last. */
	for (tt_kind k = 0; tt_kind_is_valid(k); k++)
		CU_ASSERT_STRING_NOT_EQUAL(tt_kind_name(k), "unknown");
	CU_ASSERT_FALSE(tt_kind_is_valid((tt_kind)(TT_KIND_WITHDRAWAL_WINDOW_CLOSES + 1)));
	CU_ASSERT_FALSE(tt_kind_is_valid((tt_kind)-1));
	CU_ASSERT_STRING_EQUAL(tt_kind_name((tt_kind)(TT_KIND_WITHDRAWAL_WINDOW_CLOSES + 1)),
			       "unknown");
	CU_ASSERT_STRING_EQUAL(tt_kind_name(TT_KIND_RENEWAL_NOTICE_DEADLINE),
			       "renewal_notice_deadline");
	CU_ASSERT_TRUE(tt_kind_is_meeting(TT_KIND_CONFERENCE));
	CU_ASSERT_FALSE(tt_kind_is_meeting(TT_KIND_EXPIRY));
	tt_schedule_free(s);
}

/* A schedule recomputed for another spec holds only the new dates. */
static void
test_reuse(void)
{
	tt_spec *spec = tt_spec_new();
	tt_schedule *s = tt_schedule_new();
	tt_error e;

	for (int y = 1900; y < 2000; y++) {
		char text[128];

		snprintf(text, sizeof text, "[treaty]\nid = t%d\n"
			 "entry_into_force = %d-02-28\nterm = %dy\n", y, y,
			 y % 7 + 1);
		tt_spec_reset(spec);
		CU_ASSERT_EQUAL_FATAL(tt_spec_parse(spec, text, strlen(text),
						    &e), TT_OK);
		CU_ASSERT_EQUAL_FATAL(tt_schedule_compute(s, spec, NULL, &e),
				      TT_OK);
		CU_ASSERT_EQUAL(tt_schedule_count(s), 2);
		ASSERT_DATE_EQ(tt_schedule_at(s, 1)->date,
			       D(y + y % 7 + 1, 2, 28));
	}
	CU_ASSERT_STRING_EQUAL(tt_schedule_id(s), "t1999");
	tt_schedule_free(s);
	tt_spec_free(spec);
	tt_schedule_free(NULL);
}

/* The options' defaults are those of no options at all. */
static void
test_options_init(void)
{
	static const char daily[] = "[treaty]\nentry_into_force = 2000-01-01\n"
				    "horizon = 2400-01-01\n[consultation]\n"
				    "first = 5m\nevery = 1d\n";
	tt_schedule_options opt;
	tt_spec *spec = tt_spec_new();
	tt_schedule *a = tt_schedule_new(), *b = tt_schedule_new();
	tt_error e;

	memset(&opt, 0xff, sizeof opt);
	tt_schedule_options_init(&opt);
	CU_ASSERT_PTR_NULL(opt.holidays);
	CU_ASSERT_EQUAL(opt.roll, TT_ROLL_NONE);
	CU_ASSERT_EQUAL(opt.max_milestones, TT_SCHEDULE_MAX_MILESTONES);
	/* Daily consultations for 400 years: over the limit either way. */
	CU_ASSERT_EQUAL_FATAL(tt_spec_parse(spec, daily, strlen(daily), &e),
			      TT_OK);
	CU_ASSERT_EQUAL(tt_schedule_compute(a, spec, NULL, &e), TT_ELIMIT);
	CU_ASSERT_EQUAL(tt_schedule_compute(b, spec, &opt, &e), TT_ELIMIT);
	/* A weekend is not moved by default. */
	CU_ASSERT_EQUAL(tt_spec_set(spec, "consultation", "every", "1y", 0, 0,
				    &e), TT_OK);
	CU_ASSERT_EQUAL(tt_spec_set(spec, "consultation", "count", "3", 0, 0,
				    &e), TT_OK);
	CU_ASSERT_EQUAL_FATAL(tt_schedule_compute(a, spec, NULL, &e), TT_OK);
	CU_ASSERT_EQUAL_FATAL(tt_schedule_compute(b, spec, &opt, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_schedule_count(a), 4);
	CU_ASSERT_EQUAL(tt_schedule_count(a), tt_schedule_count(b));
	for (size_t i = 0; i < tt_schedule_count(a); i++)
		ASSERT_DATE_EQ(tt_schedule_at(b, i)->date,
			       tt_schedule_at(a, i)->date);
	/* 2000-06-01 + 1y: 2001-06-01 is a Friday, 2002-06-01 a
	 * Saturday, kept. */
	ASSERT_DATE_EQ(tt_schedule_at(b, 3)->date, D(2002, 6, 1));
	tt_schedule_free(a);
	tt_schedule_free(b);
	tt_spec_free(spec);
}

/* --- events, counting rules, readings, notices ------------------------ */

/* RULE applied to D gives WANT (or, WANT's year 0, an error). */
static void
check_rule(tt_counting rule, tt_date d, tt_date want)
{
	tt_date got = { 0, 0, 0 };
	tt_error e;
	tt_status st = tt_counting_apply(rule, d, &got, &e);

	if (want.year == 0) {
		CU_ASSERT_EQUAL(st, TT_ERANGE);
		return;
	}
	CU_ASSERT_EQUAL(st, TT_OK);
	ASSERT_DATE_EQ(got, want);
}

static void
test_counting_edges(void)
{
	static const struct {
		tt_counting rule;
		tt_date d, want;
	} cases[] = {
		{ TT_COUNTING_SAME_DATE, { 2024, 2, 29 }, { 2024, 2, 29 } },
		{ TT_COUNTING_DAY_AFTER, { 2024, 2, 28 }, { 2024, 2, 29 } },
		{ TT_COUNTING_DAY_AFTER, { 2024, 2, 29 }, { 2024, 3, 1 } },
		{ TT_COUNTING_DAY_AFTER, { 2023, 2, 28 }, { 2023, 3, 1 } },
		{ TT_COUNTING_DAY_AFTER, { 2023, 4, 30 }, { 2023, 5, 1 } },
		{ TT_COUNTING_DAY_AFTER, { 2023, 12, 31 }, { 2024, 1, 1 } },
		{ TT_COUNTING_DAY_AFTER, { 1, 1, 1 }, { 1, 1, 2 } },
		{ TT_COUNTING_DAY_AFTER, { 9999, 12, 30 }, { 9999, 12, 31 } },
		{ TT_COUNTING_DAY_AFTER, { 9999, 12, 31 }, { 0, 0, 0 } },
		{ TT_COUNTING_FIRST_OF_NEXT_MONTH, { 2024, 2, 29 },
		  { 2024, 3, 1 } },
		{ TT_COUNTING_FIRST_OF_NEXT_MONTH, { 2024, 1, 31 },
		  { 2024, 2, 1 } },
		{ TT_COUNTING_FIRST_OF_NEXT_MONTH, { 2024, 3, 1 },
		  { 2024, 4, 1 } },
		{ TT_COUNTING_FIRST_OF_NEXT_MONTH, { 2023, 12, 15 },
		  { 2024, 1, 1 } },
		{ TT_COUNTING_FIRST_OF_NEXT_MONTH, { 1, 1, 1 }, { 1, 2, 1 } },
		{ TT_COUNTING_FIRST_OF_NEXT_MONTH, { 9999, 11, 30 },
		  { 9999, 12, 1 } },
		{ TT_COUNTING_FIRST_OF_NEXT_MONTH, { 9999, 12, 1 },
		  { 0, 0, 0 } },
		{ TT_COUNTING_END_OF_YEAR, { 2024, 2, 29 }, { 2024, 12, 31 } },
		{ TT_COUNTING_END_OF_YEAR, { 2023, 12, 31 }, { 2023, 12, 31 } },
		{ TT_COUNTING_END_OF_YEAR, { 1, 1, 1 }, { 1, 12, 31 } },
		{ TT_COUNTING_END_OF_YEAR, { 9999, 12, 31 }, { 9999, 12, 31 } },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		check_rule(cases[i].rule, cases[i].d, cases[i].want);
	CU_ASSERT_STRING_EQUAL(tt_counting_name(TT_COUNTING_END_OF_YEAR),
			       "end-of-year");
	CU_ASSERT_PTR_NULL(tt_counting_name((tt_counting)4));
	{
		tt_date out;
		tt_error e;

		CU_ASSERT_EQUAL(tt_counting_apply((tt_counting)4,
						  (tt_date){ 2000, 1, 1 },
						  &out, &e), TT_EINVAL);
		CU_ASSERT_EQUAL(tt_counting_apply(TT_COUNTING_END_OF_YEAR,
						  (tt_date){ 2023, 2, 29 },
						  &out, &e), TT_ERANGE);
	}
	/* Past the calendar from a spec: an error, not a wrap. */
	check_fails("[treaty]\nentry_into_force = 9998-01-01\n"
		    "[withdrawal]\nnotice = 1y\nrule = first-of-next-month\n"
		    "[notice]\nreceived = 9998-12-05\n", TT_ERANGE,
		    "first-of-next-month after 9999-12-05 is after "
		    "9999-12-31");
}

#define NOTICE_1Y(eif, rule) \
	"[treaty]\nentry_into_force = " eif "\n" \
	"[withdrawal]\nnotice = 1y\nrule = " rule "\n"

/* Recorded dates of depositaries that name their own rules. */
static void
test_recorded_rules(void)
{
	/* UNESCO Constitution art. II(6): 31 December of the next year. */
	check_schedule(NOTICE_1Y("1946-11-04", "end-of-year")
		       "[notice]\nreceived = 1983-12-28\nparty = US\n"
		       "[notice]\nreceived = 2017-10-12\nparty = US\n",
		       "entry_into_force 1946-11-04\n"
		       "withdrawal_notice_opens 1946-11-04\n"
		       "notice 1983-12-28\n"
		       "withdrawal_effective 1984-12-31\n"
		       "notice 2017-10-12\n"
		       "withdrawal_effective 2018-12-31\n");
	/* Istanbul Convention art. 80(2): Turkey; and a notice on the
	 * first of a month waits for the month after next. */
	check_schedule("[treaty]\nentry_into_force = 2014-08-01\n"
		       "[withdrawal]\nnotice = 3m\nrule = first-of-next-month\n"
		       "[notice]\nreceived = 2021-03-22\n"
		       "[notice]\nreceived = 2021-04-01\n",
		       "entry_into_force 2014-08-01\n"
		       "withdrawal_notice_opens 2014-08-01\n"
		       "notice 2021-03-22\n"
		       "notice 2021-04-01\n"
		       "withdrawal_effective 2021-07-01\n"
		       "withdrawal_effective 2021-08-01\n");
	/* ICSID art. 71 (Bolivia) and ECT art. 47 (France): the day
	 * after; Paris Agreement art. 28 (US): the anniversary. */
	check_schedule("[treaty]\nentry_into_force = 1966-10-14\n"
		       "[withdrawal]\nnotice = 6m\nrule = day-after\n"
		       "[notice]\nreceived = 2007-05-02\n",
		       "entry_into_force 1966-10-14\n"
		       "withdrawal_notice_opens 1966-10-14\n"
		       "notice 2007-05-02\n"
		       "withdrawal_effective 2007-11-03\n");
	check_schedule("[treaty]\nentry_into_force = 1998-04-16\n"
		       "[withdrawal]\nopens = 5y\nnotice = 1y\n"
		       "rule = day-after\n"
		       "[notice]\nreceived = 2022-12-07\n",
		       "entry_into_force 1998-04-16\n"
		       "withdrawal_notice_opens 2003-04-16\n"
		       "notice 2022-12-07\n"
		       "withdrawal_effective 2023-12-08\n");
	check_schedule("[treaty]\nentry_into_force = 2016-11-04\n"
		       "[withdrawal]\nopens = 3y\nnotice = 1y\n"
		       "[notice]\nreceived = 2019-11-04\n",
		       "entry_into_force 2016-11-04\n"
		       "withdrawal_notice_opens 2019-11-04\n"
		       "notice 2019-11-04\n"
		       "withdrawal_effective 2020-11-04\n");
}

/* The readings asked for are kept where they differ: North Korea's NPT
 * notice of 10 January 2003. */
static void
test_readings(void)
{
	tt_schedule *s = compute("[treaty]\nentry_into_force = 1970-03-05\n"
				 "notice_given = 2003-01-10\n"
				 "[withdrawal]\nnotice = 3m\n"
				 "readings = day-after,end-of-year,same-date\n"
				 "article = NPT art. X(1)\n", NULL);
	const tt_milestone *m = tt_schedule_at(s, 3);
	char buf[TT_TEXT_BUFSIZE];

	/* Entry into force, notice may be given, the notice, its effect. */
	CU_ASSERT_EQUAL_FATAL(tt_schedule_count(s), 4);
	CU_ASSERT_EQUAL(m->kind, TT_KIND_WITHDRAWAL_EFFECTIVE);
	ASSERT_DATE_EQ(m->date, ((tt_date){ 2003, 4, 10 }));
	CU_ASSERT_EQUAL_FATAL(m->nalternatives, 2);
	ASSERT_DATE_EQ(m->alternatives[0].date, ((tt_date){ 2003, 4, 11 }));
	CU_ASSERT_EQUAL(m->alternatives[0].rule, TT_COUNTING_DAY_AFTER);
	ASSERT_DATE_EQ(m->alternatives[1].date, ((tt_date){ 2003, 12, 31 }));
	tt_milestone_readings(m, buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "or 2003-04-11 under the day-after "
			       "reading, or 2003-12-31 under the end-of-year "
			       "reading");
	tt_milestone_rule(m, buf, sizeof buf);
	CU_ASSERT_PTR_NOT_NULL(strstr(buf, "; NPT art. X(1)"));
	tt_schedule_free(s);
	/* The rule and article are cited. */
	s = compute("[treaty]\nentry_into_force = 2014-08-01\n"
		    "notice_given = 2021-03-22\n"
		    "[withdrawal]\nnotice = 3m\nrule = first-of-next-month\n"
		    "article = CETS 210 art. 80(2)\n", NULL);
	tt_milestone_rule(tt_schedule_at(s, 3), buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "first day of the month following the "
			       "expiration of 3 months; a notice takes effect "
			       "on receipt (VCLT art. 78); not moved for "
			       "weekends or holidays; CETS 210 art. 80(2)");
	tt_schedule_free(s);
}

/* Notices naming a later date, revoked, or out of place. */
static void
test_notices(void)
{
	/* Brussels Treaty: France's notice of 21 May 2010 took effect on
	 * the date it named, 30 June 2011. */
	check_schedule("[treaty]\nentry_into_force = 1955-05-06\n"
		       "[withdrawal]\nnotice = 1y\n"
		       "[notice]\nreceived = 2010-05-21\nparty = France\n"
		       "effective = 2011-06-30\n",
		       "entry_into_force 1955-05-06\n"
		       "withdrawal_notice_opens 1955-05-06\n"
		       "notice 2010-05-21\n"
		       "withdrawal_effective 2011-06-30\n");
	check_fails("[treaty]\nentry_into_force = 1955-05-06\n"
		    "[withdrawal]\nnotice = 1y\n"
		    "[notice]\nreceived = 2010-05-21\n"
		    "effective = 2011-05-20\n", TT_EINVAL,
		    "the notice names 2011-05-20, before the 2011-05-21 the "
		    "clause gives");
	/* Rome Statute: South Africa's notice, revoked before effect. */
	check_schedule("[treaty]\nentry_into_force = 2002-07-01\n"
		       "[withdrawal]\nnotice = 1y\n"
		       "[notice]\nreceived = 2016-10-19\n"
		       "revoked = 2017-03-07\n",
		       "entry_into_force 2002-07-01\n"
		       "withdrawal_notice_opens 2002-07-01\n"
		       "notice 2016-10-19\n"
		       "notice_revoked 2017-03-07\n");
	check_fails("[treaty]\nentry_into_force = 2002-07-01\n"
		    "[withdrawal]\nnotice = 1y\n"
		    "[notice]\nreceived = 2016-10-19\n"
		    "revoked = 2017-10-19\n", TT_EINVAL,
		    "the notice is revoked on 2017-10-19, once it took effect "
		    "on 2017-10-19");
	check_fails("[treaty]\nentry_into_force = 1998-04-16\n"
		    "[withdrawal]\nopens = 5y\nnotice = 1y\n"
		    "[notice]\nreceived = 2000-01-01\n", TT_EINVAL,
		    "the notice is dated before withdrawal opens on "
		    "2003-04-16");
	check_fails("[treaty]\nentry_into_force = 1952-07-23\nterm = 50y\n"
		    "[withdrawal]\nnotice = 1y\n"
		    "[notice]\nreceived = 2003-01-01\n", TT_EINVAL,
		    "the notice is dated after the treaty expires on "
		    "2002-07-23");
}

/* MLC 2006 art. IX: notice only in the year after each ten years. */
static void
test_windows(void)
{
	check_schedule("[treaty]\nentry_into_force = 2013-08-20\n"
		       "horizon = 2040-01-01\n"
		       "[withdrawal]\nopens = 10y\nwindow = 1y\nevery = 10y\n"
		       "notice = 1y\n[notice]\nreceived = 2023-09-01\n",
		       "entry_into_force 2013-08-20\n"
		       "withdrawal_notice_opens 2023-08-20\n"
		       "withdrawal_window_opens 2023-08-20\n"
		       "notice 2023-09-01\n"
		       "withdrawal_window_closes 2024-08-19\n"
		       "withdrawal_effective 2024-09-01\n"
		       "withdrawal_window_opens 2033-08-20\n"
		       "withdrawal_window_closes 2034-08-19\n");
	check_fails("[treaty]\nentry_into_force = 2013-08-20\n"
		    "[withdrawal]\nopens = 10y\nwindow = 1y\nevery = 10y\n"
		    "notice = 1y\n[notice]\nreceived = 2024-08-20\n",
		    TT_EINVAL, "the notice is dated outside the withdrawal "
		    "windows (the next opens on 2033-08-20)");
}

/* Where the term counts from, and where it ends. */
static void
test_terms_from_events(void)
{
	/* The Soviet-Japanese pact of 1941, reckoned from signature. */
	check_schedule("[treaty]\nentry_into_force = 1941-04-25\nterm = 5y\n"
		       "from = signature\n"
		       "[event]\nname = signature\ndate = 1941-04-13\n",
		       "entry_into_force 1941-04-25\nexpiry 1946-04-13\n");
	/* Panama Canal Treaty art. II: a fixed last day. */
	check_schedule("[treaty]\nentry_into_force = 1979-10-01\n"
		       "ends = 1999-12-31\n",
		       "entry_into_force 1979-10-01\nexpiry 1999-12-31\n");
	check_fails("[treaty]\nentry_into_force = 1979-10-01\n"
		    "ends = 1999-12-31\nterm = 20y\n", TT_EINVAL,
		    "[treaty] takes 'term' or 'ends', not both");
	/* A renewed period ends by the [renewal] clause's rule. */
	check_schedule("[treaty]\nentry_into_force = 1955-06-04\nterm = 20y\n"
		       "[renewal]\nperiod = 10y\ntimes = 1\nnotice = 1y\n"
		       "rule = end-of-year\n",
		       "entry_into_force 1955-06-04\n"
		       "renewal_notice_deadline 1974-06-04\n"
		       "renewal 1975-06-05\n"
		       "expiry 1985-12-31\n");
	check_fails("[treaty]\nentry_into_force = 1979-10-01\nterm = 5y\n"
		    "from = nothing\n", TT_EINVAL,
		    "no [event] named 'nothing' (give one, or use "
		    "entry_into_force)");
}

/* Bilateral treaties end with the withdrawal; Montreux's minimum term. */
static void
test_bilateral_and_floor(void)
{
	tt_schedule *s;
	tt_date d;

	/* ABM Treaty: the US notice of 13 December 2001. */
	check_schedule("[treaty]\nentry_into_force = 1972-10-03\n"
		       "bilateral = yes\nnotice_given = 2001-12-13\n"
		       "[review]\nfirst = 5y\nevery = 5y\n"
		       "[withdrawal]\nnotice = 6m\n",
		       "entry_into_force 1972-10-03\n"
		       "withdrawal_notice_opens 1972-10-03\n"
		       "review 1977-10-03\nreview 1982-10-03\n"
		       "review 1987-10-03\nreview 1992-10-03\n"
		       "review 1997-10-03\n"
		       "notice 2001-12-13\n"
		       "withdrawal_effective 2002-06-13\n");
	s = compute("[treaty]\nentry_into_force = 1972-10-03\n"
		    "bilateral = yes\nnotice_given = 2001-12-13\n"
		    "[withdrawal]\nnotice = 6m\n", NULL);
	CU_ASSERT_TRUE(tt_schedule_bilateral(s));
	CU_ASSERT_FALSE(tt_schedule_hypothetical(s));
	CU_ASSERT_TRUE(tt_schedule_expiry(s, &d));
	ASSERT_DATE_EQ(d, ((tt_date){ 2002, 6, 13 }));
	tt_schedule_free(s);
	/* Montreux art. 28: notice two years, not before twenty years. */
	check_schedule("[treaty]\nentry_into_force = 1936-11-09\n"
		       "bilateral = yes\nnotice_given = 1950-01-01\n"
		       "[withdrawal]\nnotice = 2y\nnot_before = 20y\n",
		       "entry_into_force 1936-11-09\n"
		       "withdrawal_notice_opens 1936-11-09\n"
		       "notice 1950-01-01\n"
		       "withdrawal_effective 1956-11-09\n");
	check_schedule("[treaty]\nentry_into_force = 1936-11-09\n"
		       "bilateral = yes\nnotice_given = 1960-03-01\n"
		       "[withdrawal]\nnotice = 2y\nnot_before = 1956-11-09\n",
		       "entry_into_force 1936-11-09\n"
		       "withdrawal_notice_opens 1936-11-09\n"
		       "notice 1960-03-01\n"
		       "withdrawal_effective 1962-03-01\n");
}

/* Dates waiting for an event, and the event dated later. */
static void
test_pending(void)
{
	static const char text[] =
		"[treaty]\nentry_into_force = 1947-09-15\nterm = 25y\n"
		"hypothetical = yes\n"
		"[event]\nname = peace\ndate = unknown\n"
		"label = Germany signs a peace treaty\n"
		"[milestone]\nlabel = Occupation ends\nfrom = peace\nat = 2y\n"
		"[consultation]\nfirst = 5y\nmay_end = yes\n";
	tt_spec *spec = tt_spec_new();
	tt_schedule *s = tt_schedule_new();
	const tt_milestone *m;
	char buf[TT_TEXT_BUFSIZE];
	tt_error e;

	CU_ASSERT_EQUAL_FATAL(tt_spec_parse(spec, text, sizeof text - 1, &e),
			      TT_OK);
	CU_ASSERT_EQUAL_FATAL(tt_schedule_compute(s, spec, NULL, &e), TT_OK);
	CU_ASSERT_TRUE(tt_schedule_hypothetical(s));
	CU_ASSERT_EQUAL(tt_schedule_count(s), 3);
	CU_ASSERT_EQUAL_FATAL(tt_schedule_pending_count(s), 1);
	m = tt_schedule_pending_at(s, 0);
	CU_ASSERT_TRUE(m->pending);
	tt_milestone_condition(m, buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "2 years after: Germany signs a peace "
			       "treaty");
	CU_ASSERT_TRUE(tt_schedule_at(s, 1)->flags & TT_MS_MAY_END);
	CU_ASSERT_EQUAL(tt_spec_set_event_date(spec, "peace", "1990-09-12",
					       &e), TT_OK);
	CU_ASSERT_EQUAL_FATAL(tt_schedule_compute(s, spec, NULL, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_schedule_pending_count(s), 0);
	CU_ASSERT_EQUAL_FATAL(tt_schedule_count(s), 4);
	m = tt_schedule_at(s, 3);
	CU_ASSERT_EQUAL(m->kind, TT_KIND_MILESTONE);
	ASSERT_DATE_EQ(m->date, ((tt_date){ 1992, 9, 12 }));
	tt_milestone_derivation(m, buf, sizeof buf);
	CU_ASSERT_STRING_EQUAL(buf, "Germany signs a peace treaty 1990-09-12 "
			       "+ 2 years");
	tt_schedule_free(s);
	tt_spec_free(spec);
}

/* Solving backwards: Canada and the Kyoto Protocol. */
static void
test_out_by(void)
{
	tt_schedule_options opt;
	tt_schedule *s;
	tt_date by, latest;
	bool possible;

	tt_schedule_options_init(&opt);
	opt.has_out_by = true;
	opt.out_by = (tt_date){ 2012, 12, 31 };
	s = compute("[treaty]\nentry_into_force = 2005-02-16\n"
		    "[withdrawal]\nopens = 3y\nnotice = 1y\n", &opt);
	CU_ASSERT_TRUE_FATAL(tt_schedule_out_by(s, &by, &possible, &latest));
	CU_ASSERT_TRUE(possible);
	ASSERT_DATE_EQ(latest, ((tt_date){ 2011, 12, 31 }));
	tt_schedule_free(s);
	/* Under every reading: the day-after reading needs a day more. */
	s = compute("[treaty]\nentry_into_force = 2005-02-16\n"
		    "[withdrawal]\nopens = 3y\nnotice = 1y\n"
		    "readings = day-after\n", &opt);
	CU_ASSERT_TRUE_FATAL(tt_schedule_out_by(s, &by, &possible, &latest));
	ASSERT_DATE_EQ(latest, ((tt_date){ 2011, 12, 30 }));
	tt_schedule_free(s);
	/* UNESCO: out by the end of 2012 needs a notice in 2011. */
	s = compute(NOTICE_1Y("1946-11-04", "end-of-year"), &opt);
	CU_ASSERT_TRUE_FATAL(tt_schedule_out_by(s, &by, &possible, &latest));
	ASSERT_DATE_EQ(latest, ((tt_date){ 2011, 12, 31 }));
	tt_schedule_free(s);
	/* Too early: no notice takes effect by then. */
	opt.out_by = (tt_date){ 2008, 12, 31 };
	s = compute("[treaty]\nentry_into_force = 2005-02-16\n"
		    "[withdrawal]\nopens = 3y\nnotice = 1y\n", &opt);
	CU_ASSERT_TRUE_FATAL(tt_schedule_out_by(s, &by, &possible, &latest));
	CU_ASSERT_FALSE(possible);
	tt_schedule_free(s);
	/* With renewal: the deadline of the last period ending by then
	 * (the Warsaw Pact: out by 1976 only by denouncing by 1974-06-04). */
	opt.out_by = (tt_date){ 1976, 1, 1 };
	s = compute("[treaty]\nentry_into_force = 1955-06-04\nterm = 20y\n"
		    "[renewal]\nperiod = 10y\ntimes = 1\nnotice = 1y\n",
		    &opt);
	CU_ASSERT_TRUE_FATAL(tt_schedule_out_by(s, &by, &possible, &latest));
	CU_ASSERT_TRUE(possible);
	ASSERT_DATE_EQ(latest, ((tt_date){ 1974, 6, 4 }));
	tt_schedule_free(s);
	/* By 1990 it has expired without any notice. */
	opt.out_by = (tt_date){ 1990, 1, 1 };
	s = compute("[treaty]\nentry_into_force = 1955-06-04\nterm = 20y\n"
		    "[renewal]\nperiod = 10y\ntimes = 1\nnotice = 1y\n",
		    &opt);
	CU_ASSERT_TRUE_FATAL(tt_schedule_out_by(s, &by, &possible, &latest));
	CU_ASSERT_FALSE(possible);
	CU_ASSERT_TRUE(tt_schedule_out_by_anyway(s));
	tt_schedule_free(s);
	opt.out_by = (tt_date){ 1975, 6, 3 };
	s = compute("[treaty]\nentry_into_force = 1955-06-04\nterm = 20y\n"
		    "[renewal]\nperiod = 10y\ntimes = 1\nnotice = 1y\n",
		    &opt);
	CU_ASSERT_TRUE_FATAL(tt_schedule_out_by(s, &by, &possible, &latest));
	CU_ASSERT_FALSE(possible);
	tt_schedule_free(s);
	/* Windows: the last day of the window before. */
	opt.out_by = (tt_date){ 2030, 1, 1 };
	s = compute("[treaty]\nentry_into_force = 2013-08-20\n"
		    "[withdrawal]\nopens = 10y\nwindow = 1y\nevery = 10y\n"
		    "notice = 1y\n", &opt);
	CU_ASSERT_TRUE_FATAL(tt_schedule_out_by(s, &by, &possible, &latest));
	ASSERT_DATE_EQ(latest, ((tt_date){ 2024, 8, 19 }));
	tt_schedule_free(s);
}

/* Each text formatter of M, cut at every size: the length returned is
 * always the whole text's, and what is written is its first SIZE - 1
 * bytes and a NUL, whether the cut falls between two pieces, inside one
 * or inside a date written in place. */
static void
check_cuts(const tt_milestone *m)
{
	static size_t (*const fns[])(const tt_milestone *, char *, size_t) = {
		tt_milestone_label, tt_milestone_derivation, tt_milestone_rule,
		tt_milestone_condition, tt_milestone_readings,
		tt_milestone_basis
	};
	char whole[2 * TT_TEXT_BUFSIZE], b[2 * TT_TEXT_BUFSIZE + 1];

	for (size_t f = 0; f < sizeof fns / sizeof fns[0]; f++) {
		size_t n = fns[f](m, whole, sizeof whole);

		CU_ASSERT_FATAL(n < sizeof whole);
		CU_ASSERT_EQUAL(strlen(whole), n);
		CU_ASSERT_EQUAL(fns[f](m, NULL, 0), n);
		for (size_t size = 1; size <= n + 1; size++) {
			size_t cut = size - 1 < n ? size - 1 : n;

			memset(b, 'x', sizeof b);
			CU_ASSERT_EQUAL(fns[f](m, b, size), n);
			CU_ASSERT_EQUAL(memcmp(b, whole, cut), 0);
			CU_ASSERT_EQUAL(b[cut], '\0');
			CU_ASSERT_EQUAL(b[size], 'x');
		}
	}
}

static void
test_texts_cut(void)
{
	tt_holidays *h = tt_holidays_new();
	tt_schedule_options opt;
	tt_schedule *s;
	char article[601], b[2 * TT_TEXT_BUFSIZE], spec[1024];
	size_t n, d;

	/* Rolled meetings (a weekday name), a named label, readings, a
	 * floor, an article. */
	tt_schedule_options_init(&opt);
	opt.roll = TT_ROLL_FOLLOWING;
	opt.holidays = h;
	s = compute("[treaty]\nentry_into_force = 2022-01-01\nterm = 2y\n"
		    "[review]\nfirst = 1y\nlabel = Review conference\n"
		    "[withdrawal]\nnotice = 6m\n"
		    "[conference]\nat = 5y8m14d\n", &opt);
	for (size_t i = 0; i < tt_schedule_count(s); i++)
		check_cuts(tt_schedule_at(s, i));
	tt_schedule_free(s);
	s = compute("[treaty]\nentry_into_force = 1970-03-05\n"
		    "notice_given = 2003-01-10\n"
		    "[withdrawal]\nnotice = 3m\n"
		    "readings = day-after,end-of-year,same-date\n"
		    "article = NPT art. X(1)\n", NULL);
	for (size_t i = 0; i < tt_schedule_count(s); i++)
		check_cuts(tt_schedule_at(s, i));
	tt_schedule_free(s);

	/* The basis holds at most TT_TEXT_BUFSIZE - 1 bytes of the rule, as
	 * it always has. */
	memset(article, 'a', sizeof article - 1);
	article[sizeof article - 1] = '\0';
	snprintf(spec, sizeof spec, "[treaty]\nentry_into_force = 1970-03-05"
		 "\n[withdrawal]\nnotice = 3m\narticle = %s\n", article);
	s = compute(spec, NULL);
	CU_ASSERT_FATAL(tt_schedule_count(s) >= 2);
	d = tt_milestone_derivation(tt_schedule_at(s, 1), b, sizeof b);
	CU_ASSERT_TRUE(tt_milestone_rule(tt_schedule_at(s, 1), NULL, 0) >
		       TT_TEXT_BUFSIZE);
	n = tt_milestone_basis(tt_schedule_at(s, 1), b, sizeof b);
	CU_ASSERT_EQUAL(n, d + 2 + (TT_TEXT_BUFSIZE - 1) + 1);
	CU_ASSERT_EQUAL(strlen(b), n);
	CU_ASSERT_EQUAL(b[n - 2], 'a');
	CU_ASSERT_EQUAL(b[n - 1], ')');
	check_cuts(tt_schedule_at(s, 1));
	tt_schedule_free(s);
	tt_holidays_free(h);
}

void
add_schedule_tests(void)
{
	static const CU_TestInfo tests[] = {
		{ "Litvinov's consultations", test_litvinov },
		{ "fixed terms and conventions", test_fixed_terms },
		{ "series from the anchor, not chained", test_no_chaining },
		{ "tacit renewal and notice", test_renewal },
		{ "unlimited renewal stops at the horizon",
		  test_unlimited_renewal_horizon },
		{ "withdrawal", test_withdrawal },
		{ "rolling meetings only", test_rolling },
		{ "horizon and limits", test_horizon_and_limits },
		{ "custom milestones and ordering", test_custom_and_order },
		{ "labels, derivations and rules", test_texts },
		{ "texts cut at every size", test_texts_cut },
		{ "recomputing reuses the schedule", test_reuse },
		{ "default options", test_options_init },
		CU_TEST_INFO_NULL
	};
	static const CU_TestInfo reckoning[] = {
		{ "counting rules at their edges", test_counting_edges },
		{ "recorded dates of depositaries", test_recorded_rules },
		{ "readings and citations", test_readings },
		{ "notices named, revoked, misplaced", test_notices },
		{ "withdrawal windows", test_windows },
		{ "terms from events, fixed ends", test_terms_from_events },
		{ "bilateral ends and floors", test_bilateral_and_floor },
		{ "pending dates", test_pending },
		{ "out by a date", test_out_by },
		CU_TEST_INFO_NULL
	};

	unit_add_suite("schedules", tests);
	unit_add_suite("reckoning", reckoning);
}
