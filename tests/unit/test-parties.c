/*
 * test-parties.c -- multilateral treaties: entry into force from the
 * deposits, each party's dates, and the checks of recorded dates.  The
 * treaties' dates are those their depositaries recorded (doc/treaties.md).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

/* A spec text being built. */
struct text {
	char buf[65536];
	size_t len;
};

static void
add(struct text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(t->buf + t->len, sizeof t->buf - t->len, fmt, ap);
	va_end(ap);
	CU_ASSERT_FATAL(n >= 0 && (size_t)n < sizeof t->buf - t->len);
	t->len += (size_t)n;
}

/* N parties called PREFIX1.. that deposited on DATE. */
static void
deposits(struct text *t, const char *prefix, int n, const char *date)
{
	for (int i = 1; i <= n; i++)
		add(t, "[party]\nname = %s%d\ndeposit = %s\n", prefix, i, date);
}

/* Computes TEXT; NULL (with the message in *E) on error. */
static tt_schedule *
compute(const char *text, const tt_schedule_options *opt, tt_error *e)
{
	tt_spec *spec = tt_spec_new();
	tt_schedule *s = tt_schedule_new();
	tt_error scratch;

	if (e == NULL)
		e = &scratch;
	CU_ASSERT_PTR_NOT_NULL_FATAL(spec);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	if (tt_spec_parse(spec, text, strlen(text), e) != TT_OK ||
	    tt_schedule_compute(s, spec, opt, e) != TT_OK) {
		tt_schedule_free(s);
		s = NULL;
	}
	tt_spec_free(spec);
	return s;
}

/* The party called NAME in S. */
static const tt_party *
party(const tt_schedule *s, const char *name)
{
	for (size_t i = 0; i < tt_schedule_party_count(s); i++)
		if (strcmp(tt_schedule_party_at(s, i)->name, name) == 0)
			return tt_schedule_party_at(s, i);
	CU_FAIL_FATAL("no such party");
	return NULL;
}

/* The general entry into force's basis, for citations. */
static const char *
eif_basis(const tt_schedule *s, char *buf, size_t size)
{
	for (size_t i = 0; i < tt_schedule_count(s); i++) {
		const tt_milestone *m = tt_schedule_at(s, i);

		if (m->kind == TT_KIND_ENTRY_INTO_FORCE &&
		    !(m->flags & TT_MS_PARTY)) {
			tt_milestone_basis(m, buf, size);
			return buf;
		}
	}
	return "";
}

/* Rome Statute art. 126: the 60th instrument, deposited 2002-04-11 with
 * nine others (56 before), + 60 days, the first day of the next month;
 * for a State depositing after the 60th, 60 days after its own deposit. */
static void
test_rome(void)
{
	static struct text t;
	char b[512];
	tt_schedule *s;

	t.len = 0;
	add(&t, "[treaty]\nid = rome\n[entry_into_force]\ninstruments = 60\n"
	    "after = 60d\nrule = first-of-next-month\n"
	    "later_from_instrument = yes\n"
	    "article = Rome Statute art. 126\n"
	    "[withdrawal]\nnotice = 1y\n");
	deposits(&t, "Early", 56, "2001-12-01");
	deposits(&t, "April", 10, "11 Apr 2002");
	add(&t, "[party]\nname = Greece\ndeposit = 2002-05-15\n"
	    "[party]\nname = Australia\ndeposit = 2002-07-01\n"
	    "[party]\nname = Japan\ndeposit = 17 Jul 2007 a\n"
	    "[party]\nname = Burundi\ndeposit = 2004-09-21\n"
	    "notice = 2016-10-27\n");
	s = compute(t.buf, NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_TRUE(tt_schedule_has_entry_into_force(s));
	ASSERT_DATE_EQ(tt_schedule_entry_into_force(s), D(2002, 7, 1));
	CU_ASSERT_STRING_EQUAL(eif_basis(s, b, sizeof b),
			       "the 60th instrument, deposited 2002-04-11 + "
			       "60 days = 2002-06-10, the first day of the "
			       "next month (first day of the month following "
			       "the expiration of 60 days; Rome Statute art. "
			       "126)");
	ASSERT_DATE_EQ(party(s, "April1")->entry_into_force, D(2002, 7, 1));
	CU_ASSERT_FALSE(party(s, "April1")->trigger);
	CU_ASSERT_EQUAL(party(s, "April1")->rank, 57);
	CU_ASSERT_TRUE(party(s, "April4")->trigger);
	ASSERT_DATE_EQ(party(s, "Greece")->entry_into_force, D(2002, 8, 1));
	CU_ASSERT_TRUE(party(s, "Greece")->own_date);
	ASSERT_DATE_EQ(party(s, "Australia")->entry_into_force,
		       D(2002, 9, 1));
	ASSERT_DATE_EQ(party(s, "Japan")->entry_into_force, D(2007, 10, 1));
	CU_ASSERT_EQUAL(party(s, "Japan")->instrument,
			TT_INSTRUMENT_ACCESSION);
	ASSERT_DATE_EQ(party(s, "Burundi")->withdrawal_effective,
		       D(2017, 10, 27));
	/* In force on the eve of Burundi's withdrawal, not on its day. */
	CU_ASSERT_TRUE(tt_party_in_force(party(s, "Burundi"),
					 D(2017, 10, 26)));
	CU_ASSERT_FALSE(tt_party_in_force(party(s, "Burundi"),
					  D(2017, 10, 27)));
	CU_ASSERT_EQUAL(tt_schedule_parties_in_force(s, D(2002, 7, 1)), 66);
	CU_ASSERT_EQUAL(tt_schedule_parties_in_force(s, D(2002, 6, 30)), 0);
	CU_ASSERT_EQUAL(tt_schedule_parties_in_force(s, D(2020, 1, 1)), 69);
	tt_schedule_free(s);
}

/* The same deposits one instrument short: pending, and what is missing
 * said; the term counted from entry into force waits too. */
static void
test_pending(void)
{
	static struct text t;
	char b[256];
	tt_schedule *s;

	t.len = 0;
	add(&t, "[treaty]\nterm = 10y\n[entry_into_force]\ninstruments = 60\n"
	    "after = 60d\n");
	deposits(&t, "P", 59, "2002-04-11");
	s = compute(t.buf, NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_FALSE(tt_schedule_has_entry_into_force(s));
	CU_ASSERT_EQUAL(tt_schedule_count(s), 0);
	CU_ASSERT_EQUAL_FATAL(tt_schedule_pending_count(s), 2);
	CU_ASSERT_EQUAL(tt_schedule_pending_at(s, 0)->kind,
			TT_KIND_ENTRY_INTO_FORCE);
	tt_milestone_condition(tt_schedule_pending_at(s, 0), b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "60 days after: 59 of 60 instruments "
			       "deposited");
	CU_ASSERT_EQUAL(tt_schedule_pending_at(s, 1)->kind, TT_KIND_EXPIRY);
	CU_ASSERT_FALSE(party(s, "P1")->has & TT_PARTY_ENTRY_INTO_FORCE);
	CU_ASSERT_EQUAL(tt_schedule_parties_in_force(s, D(2030, 1, 1)), 0);
	tt_schedule_free(s);

	/* CTBT art. XIV: every required State, and not before a floor. */
	s = compute("[entry_into_force]\nrequired = A; B, Inc.; C\n"
		    "after = 180d\nopened = 1996-09-24\nnot_before = 2y\n"
		    "[party]\nname = A\ndeposit = 1998-01-01\n"
		    "[party]\nname = B, Inc.\ndeposit = 1999-01-01\n"
		    "[party]\nname = D\ndeposit = 1999-01-01\n", NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_FALSE(tt_schedule_has_entry_into_force(s));
	tt_milestone_condition(tt_schedule_pending_at(s, 0), b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "180 days after: 2 of 3 required parties "
			       "have deposited");
	tt_schedule_free(s);
	s = compute("[entry_into_force]\nrequired = A; B\n"
		    "after = 180d\nopened = 1996-09-24\nnot_before = 2y\n"
		    "[party]\nname = A\ndeposit = 1997-01-01\n"
		    "[party]\nname = B\ndeposit = 1997-02-01\n", NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	/* 1997-02-01 + 180 days is 1997-07-31; the floor is 1998-09-24. */
	ASSERT_DATE_EQ(tt_schedule_entry_into_force(s), D(1998, 9, 24));
	tt_schedule_free(s);
}

/* Chemical Weapons Convention art. XXI: 180 days after the 65th
 * instrument (Hungary, 1996-10-31), not earlier than two years after
 * opening for signature (1993-01-13); 30 days for a State depositing
 * after entry into force, none for one depositing before it. */
static void
test_cwc(void)
{
	static struct text t;
	tt_schedule *s;

	t.len = 0;
	add(&t, "[entry_into_force]\ninstruments = 65\nafter = 180d\n"
	    "opened = 1993-01-13\nnot_before = 2y\nlater_after = 30d\n");
	deposits(&t, "Before", 64, "1995-06-01");
	add(&t, "[party]\nname = Hungary\ndeposit = 1996-10-31\n"
	    "[party]\nname = China\ndeposit = 1997-04-25\n"
	    "[party]\nname = Russia\ndeposit = 1997-11-05\n");
	s = compute(t.buf, NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_DATE_EQ(tt_schedule_entry_into_force(s), D(1997, 4, 29));
	ASSERT_DATE_EQ(party(s, "China")->entry_into_force, D(1997, 4, 29));
	CU_ASSERT_FALSE(party(s, "China")->own_date);
	ASSERT_DATE_EQ(party(s, "Russia")->entry_into_force, D(1997, 12, 5));
	tt_schedule_free(s);
}

/* Ottawa Convention art. 17: the first day of the sixth month after the
 * month of the 40th deposit (Burkina Faso, 1998-09-16): five months
 * later, then the first of the next month.  Poland's deposit and date and
 * Lithuania's notice and its effect are recorded (doc/treaties.md);
 * Lithuania's deposit date and the 39 earlier deposits are stand-ins. */
static void
test_ottawa(void)
{
	static struct text t;
	tt_schedule *s;

	t.len = 0;
	add(&t, "[entry_into_force]\ninstruments = 40\nafter = 5m\n"
	    "rule = first-of-next-month\n[withdrawal]\nnotice = 6m\n");
	deposits(&t, "P", 39, "1998-01-01");
	add(&t, "[party]\nname = Burkina Faso\ndeposit = 16 Sep 1998\n"
	    "[party]\nname = Poland\ndeposit = 2012-12-27\n"
	    "[party]\nname = Lithuania\ndeposit = 2003-05-12\n"
	    "notice = 2025-06-27\nrecorded_withdrawal = 2025-12-27\n");
	s = compute(t.buf, NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_DATE_EQ(tt_schedule_entry_into_force(s), D(1999, 3, 1));
	ASSERT_DATE_EQ(party(s, "Poland")->entry_into_force, D(2013, 6, 1));
	ASSERT_DATE_EQ(party(s, "Lithuania")->withdrawal_effective,
		       D(2025, 12, 27));
	CU_ASSERT_EQUAL(tt_schedule_discrepancy_count(s), 0);
	tt_schedule_free(s);
}

/* Kyoto Protocol art. 25: 55 Parties and 55 % of Annex I emissions;
 * Russia (17.4 %) brought 44.2 % over it on 2004-11-18; in force the 90th
 * day after.  Art. 27: notice after three years from entry into force
 * for the party, effective a year after receipt (Canada's notice and its
 * effect are recorded; its deposit date and weight, and the 100 other
 * deposits, are stand-ins). */
static void
test_weight(void)
{
	static struct text t;
	tt_schedule_options opt;
	tt_schedule *s;
	char b[256];

	t.len = 0;
	add(&t, "[entry_into_force]\ninstruments = 55\nweight = 55\n"
	    "after = 90d\n[withdrawal]\nopens = 3y\nnotice = 1y\n");
	deposits(&t, "P", 100, "2003-01-01");
	add(&t, "[party]\nname = Annex I so far\ndeposit = 2002-05-31\n"
	    "weight = 44.2%%\n"
	    "[party]\nname = Canada\ndeposit = 2002-12-17\nweight = 3.3\n"
	    "notice = 2011-12-15\nrecorded_withdrawal = 2012-12-15\n");
	s = compute(t.buf, NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_FALSE(tt_schedule_has_entry_into_force(s));
	tt_milestone_condition(tt_schedule_pending_at(s, 0), b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "90 days after: 55 of 55 instruments "
			       "deposited; weights of 47.5% of the 55% "
			       "needed");
	tt_schedule_free(s);
	add(&t, "[party]\nname = Russia\ndeposit = 2004-11-18\n"
	    "weight = 17.4\n");
	s = compute(t.buf, NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_DATE_EQ(tt_schedule_entry_into_force(s), D(2005, 2, 16));
	CU_ASSERT_TRUE(party(s, "Russia")->trigger);
	ASSERT_DATE_EQ(party(s, "Canada")->notice_opens, D(2008, 2, 16));
	ASSERT_DATE_EQ(party(s, "Canada")->withdrawal_effective,
		       D(2012, 12, 15));
	CU_ASSERT_EQUAL(tt_schedule_discrepancy_count(s), 0);
	tt_schedule_free(s);
	/* Only Canada's dates; the others still bring it into force. */
	tt_schedule_options_init(&opt);
	opt.party = "Canada";
	s = compute(t.buf, &opt, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_EQUAL(tt_schedule_party_count(s), 1);
	ASSERT_DATE_EQ(tt_schedule_entry_into_force(s), D(2005, 2, 16));
	for (size_t i = 0; i < tt_schedule_count(s); i++) {
		const tt_milestone *m = tt_schedule_at(s, i);

		CU_ASSERT(!(m->flags & TT_MS_PARTY) ||
			  strcmp(m->party, "Canada") == 0);
	}
	tt_schedule_free(s);
}

/* Paris Agreement art. 21 and 28, and the United States' dates (its
 * acceptance, notice and return as recorded; the other deposits are
 * stand-ins, "Others" for those of 5 October 2016 that passed 55 %); a
 * recorded date that differs, and a notice given too early. */
static void
test_paris_and_checks(void)
{
	static struct text t;
	const tt_discrepancy *x;
	tt_schedule *s;

	t.len = 0;
	add(&t, "[entry_into_force]\ninstruments = 55\nweight = 55\n"
	    "after = 30d\nlater_after = 30d\n"
	    "[withdrawal]\nopens = 3y\nnotice = 1y\n");
	deposits(&t, "P", 54, "2016-09-21");
	add(&t, "[party]\nname = United States of America\n"
	    "deposit = 3 Sep 2016 A\nweight = 17.89\nnotice = 2019-11-04\n"
	    "recorded_withdrawal = 2020-11-04\n"
	    "[party]\nname = China\ndeposit = 2016-09-03\nweight = 20.09\n"
	    "[party]\nname = Others\ndeposit = 2016-10-05\nweight = 17.1\n"
	    "recorded_entry_into_force = 2016-11-05\n"
	    "[party]\nname = United States of America (2021)\n"
	    "deposit = 20 Jan 2021 A\nnotice = 2021-03-01\n");
	s = compute(t.buf, NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_DATE_EQ(tt_schedule_entry_into_force(s), D(2016, 11, 4));
	CU_ASSERT_TRUE(party(s, "Others")->trigger);
	ASSERT_DATE_EQ(party(s, "United States of America")->notice_opens,
		       D(2019, 11, 4));
	ASSERT_DATE_EQ(party(s, "United States of America")->
		       withdrawal_effective, D(2020, 11, 4));
	CU_ASSERT_EQUAL(party(s, "United States of America")->instrument,
			TT_INSTRUMENT_ACCEPTANCE);
	ASSERT_DATE_EQ(party(s, "United States of America (2021)")->
		       entry_into_force, D(2021, 2, 19));
	CU_ASSERT_EQUAL_FATAL(tt_schedule_discrepancy_count(s), 2);
	x = tt_schedule_discrepancy_at(s, 0);
	CU_ASSERT_STRING_EQUAL(x->field, "entry_into_force");
	ASSERT_DATE_EQ(x->recorded, D(2016, 11, 5));
	ASSERT_DATE_EQ(x->computed, D(2016, 11, 4));
	x = tt_schedule_discrepancy_at(s, 1);
	CU_ASSERT_STRING_EQUAL(x->field, "notice");
	ASSERT_DATE_EQ(x->computed, D(2024, 2, 19));
	tt_schedule_free(s);
}

/* Dates as the UN's status tables print them, suffixes and weights. */
static void
test_values(void)
{
	tt_spec *spec = tt_spec_new();
	tt_error e;
	tt_date d;
	int n;

	CU_ASSERT_PTR_NOT_NULL_FATAL(spec);
	CU_ASSERT_EQUAL(tt_deposit_parse("17 Jul 2007 a", &d, &n, &e), TT_OK);
	ASSERT_DATE_EQ(d, D(2007, 7, 17));
	CU_ASSERT_EQUAL(n, TT_INSTRUMENT_ACCESSION);
	CU_ASSERT_EQUAL(tt_deposit_parse("2007-07-17AA", &d, &n, &e), TT_OK);
	CU_ASSERT_EQUAL(n, TT_INSTRUMENT_APPROVAL);
	CU_ASSERT_EQUAL(tt_deposit_parse("9 September 1996 d", &d, &n, &e),
			TT_OK);
	ASSERT_DATE_EQ(d, D(1996, 9, 9));
	CU_ASSERT_EQUAL(n, TT_INSTRUMENT_SUCCESSION);
	CU_ASSERT_EQUAL(tt_deposit_parse("1 Jan 2000", &d, &n, &e), TT_OK);
	CU_ASSERT_EQUAL(n, -1);
	CU_ASSERT_EQUAL(tt_deposit_parse("29 Feb 2024 c", &d, &n, &e), TT_OK);
	CU_ASSERT_EQUAL(n, TT_INSTRUMENT_CONFIRMATION);
	/* The calendar's ends. */
	CU_ASSERT_EQUAL(tt_date_parse_text("1 Jan 0001", &d, &e), TT_OK);
	ASSERT_DATE_EQ(d, D(1, 1, 1));
	CU_ASSERT_EQUAL(tt_date_parse_text("31 dec 9999", &d, &e), TT_OK);
	ASSERT_DATE_EQ(d, D(9999, 12, 31));
	/* Errors, with their columns. */
	CU_ASSERT_EQUAL(tt_deposit_parse("2007-07-17x", &d, &n, &e),
			TT_ESYNTAX);
	CU_ASSERT_EQUAL(e.column, 11);
	CU_ASSERT_EQUAL(tt_date_parse_text("29 Feb 2023", &d, &e),
			TT_ERANGE);
	CU_ASSERT_EQUAL(tt_date_parse_text("17 Jly 2007", &d, &e),
			TT_ESYNTAX);
	CU_ASSERT_EQUAL(e.column, 4);
	CU_ASSERT_EQUAL(tt_date_parse_text("17 Jul 07", &d, &e), TT_ESYNTAX);
	/* Weights, in thousandths of a percent. */
	CU_ASSERT_EQUAL(tt_spec_set(spec, "party", "weight", "17.4 %", 0, 0,
				    &e), TT_OK);
	CU_ASSERT_TRUE(tt_spec_get_count(spec, "party", "weight", &n));
	CU_ASSERT_EQUAL(n, 17400);
	CU_ASSERT_EQUAL(tt_spec_set(spec, "party", "weight", "0.001", 0, 0,
				    &e), TT_OK);
	CU_ASSERT_TRUE(tt_spec_get_count(spec, "party", "weight", &n));
	CU_ASSERT_EQUAL(n, 1);
	CU_ASSERT_EQUAL(tt_spec_set(spec, "party", "weight", "100.001", 0, 0,
				    &e), TT_ERANGE);
	CU_ASSERT_EQUAL(tt_spec_set(spec, "party", "weight", "1.2345", 0, 0,
				    &e), TT_ESYNTAX);
	CU_ASSERT_EQUAL(tt_spec_set(spec, "party", "deposit", "1 Feb 2002 A",
				    0, 0, &e), TT_OK);
	CU_ASSERT_TRUE(tt_spec_get_date(spec, "party", "deposit", &d));
	ASSERT_DATE_EQ(d, D(2002, 2, 1));
	CU_ASSERT_EQUAL(tt_spec_set(spec, "party", "instrument", "treaty", 0,
				    0, &e), TT_ESYNTAX);
	tt_spec_free(spec);
}

/* Clauses that contradict each other, and the calendar's end. */
static void
test_refused(void)
{
	tt_error e;

	CU_ASSERT_PTR_NULL(compute("[treaty]\nentry_into_force = 2000-01-01\n"
				   "[entry_into_force]\ninstruments = 2\n",
				   NULL, &e));
	CU_ASSERT_EQUAL(e.line, 2);
	CU_ASSERT_PTR_NULL(compute("[event]\nname = x\ndate = 2000-01-01\n"
				   "[entry_into_force]\nfrom = x\n"
				   "instruments = 2\n", NULL, &e));
	CU_ASSERT_PTR_NULL(compute("[entry_into_force]\ninstruments = 1\n"
				   "[party]\nname = A\ndeposit = 2000-01-01\n"
				   "[party]\nname = A\n", NULL, &e));
	CU_ASSERT_EQUAL(e.line, 7);
	CU_ASSERT_PTR_NULL(compute("[entry_into_force]\ninstruments = 1\n"
				   "not_before = 2y\n", NULL, &e));
	CU_ASSERT_PTR_NULL(compute("[entry_into_force]\ninstruments = 1\n"
				   "[party]\nname = A\ndeposit = 2000-01-01\n"
				   "notice = 2001-01-01\n", NULL, &e));
	/* Past the calendar's end: an error, not a wrap. */
	CU_ASSERT_PTR_NULL(compute("[entry_into_force]\ninstruments = 1\n"
				   "after = 1m\n[party]\nname = A\n"
				   "deposit = 9999-12-15\n", NULL, &e));
	CU_ASSERT_EQUAL(e.code, TT_ERANGE);
	/* The first name given twice, in the spec's order, whatever the
	 * order of the names: A (line 10) before B (line 12), Z (line 8)
	 * before A (line 10). */
	CU_ASSERT_PTR_NULL(compute("[entry_into_force]\ninstruments = 1\n"
				   "[party]\nname = B\n[party]\nname = A\n"
				   "[party]\nname = C\n[party]\nname = A\n"
				   "[party]\nname = B\n[party]\nname = A\n",
				   NULL, &e));
	CU_ASSERT_EQUAL(e.line, 10);
	CU_ASSERT_STRING_EQUAL(e.message, "party 'A' is listed twice");
	CU_ASSERT_PTR_NULL(compute("[entry_into_force]\ninstruments = 1\n"
				   "[party]\nname = Z\n[party]\nname = A\n"
				   "[party]\nname = Z\n[party]\nname = A\n",
				   NULL, &e));
	CU_ASSERT_EQUAL(e.line, 8);
	CU_ASSERT_STRING_EQUAL(e.message, "party 'Z' is listed twice");
	/* Later parties counted from the triggering instrument need one:
	 * with the date given, the key would do nothing. */
	CU_ASSERT_PTR_NULL(compute("[treaty]\nentry_into_force = 2002-07-01\n"
				   "[entry_into_force]\nlater_after = 60d\n"
				   "later_from_instrument = yes\n", NULL, &e));
	CU_ASSERT_EQUAL(e.line, 5);
	CU_ASSERT_PTR_NOT_NULL(strstr(e.message, "later_from_instrument"));
}

/* From an event: "thirty days after the exchange of ratifications". */
static void
test_from_event(void)
{
	tt_schedule *s;

	s = compute("[event]\nname = exchange\ndate = 1930-02-28\n"
		    "[entry_into_force]\nfrom = exchange\nafter = 30d\n"
		    "[treaty]\nterm = 1y\n", NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_DATE_EQ(tt_schedule_entry_into_force(s), D(1930, 3, 30));
	tt_schedule_free(s);
	/* With parties, which all take the date of the event. */
	s = compute("[event]\nname = exchange\ndate = 1930-02-28\n"
		    "[entry_into_force]\nfrom = exchange\nafter = 30d\n"
		    "[party]\nname = A\ndeposit = 1930-01-10\n"
		    "[party]\nname = B\ndeposit = 1930-01-05\n", NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	ASSERT_DATE_EQ(party(s, "A")->entry_into_force, D(1930, 3, 30));
	CU_ASSERT_EQUAL(party(s, "A")->rank, 2);
	tt_schedule_free(s);
	s = compute("[event]\nname = exchange\ndate = unknown\n"
		    "label = the exchange of ratifications\n"
		    "[entry_into_force]\nfrom = exchange\nafter = 30d\n",
		    NULL, NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_FALSE(tt_schedule_has_entry_into_force(s));
	tt_schedule_free(s);
}

/* Values carry the input they came from (tt_spec_set_input()), and so do
 * the errors and recorded dates about them: a program that reads a spec
 * file and a CSV of parties names the right one, even where both have a
 * line 3. */
static void
test_inputs(void)
{
	static const char base[] =
		"[treaty]\nid = t\n"
		"[entry_into_force]\ninstruments = 1\nafter = 0d\n"
		"[withdrawal]\nnotice = 1y\n";
	tt_spec *spec = tt_spec_new(), *c;
	tt_schedule *s = tt_schedule_new();
	const tt_discrepancy *x;
	tt_error e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(spec);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	CU_ASSERT_EQUAL(tt_spec_input(spec), 0);
	CU_ASSERT_EQUAL_FATAL(tt_spec_parse(spec, base, strlen(base), &e),
			      TT_OK);
	/* A bad value: the error is the input's at once. */
	tt_spec_set_input(spec, 7);
	CU_ASSERT_EQUAL(tt_spec_input(spec), 7);
	CU_ASSERT_EQUAL(tt_spec_set(spec, "party", "deposit", "31 Feb 2016",
				    3, 9, &e), TT_ERANGE);
	CU_ASSERT_EQUAL(e.input, 7);
	CU_ASSERT_EQUAL(e.line, 3);
	CU_ASSERT_EQUAL(tt_spec_parse(spec, "[treaty\n", 8, &e),
			TT_ESYNTAX);
	CU_ASSERT_EQUAL(e.input, 7);
	/* A party of input 7 on line 3, whose error is found when the
	 * spec is computed. */
	CU_ASSERT_EQUAL_FATAL(tt_spec_begin_section(spec, "party", 3, 1, &e),
			      TT_OK);
	CU_ASSERT_EQUAL_FATAL(tt_spec_set(spec, "party", "name", "A", 3, 1,
					  &e), TT_OK);
	CU_ASSERT_EQUAL_FATAL(tt_spec_set(spec, "party", "deposit",
					  "2000-01-01", 3, 3, &e), TT_OK);
	CU_ASSERT_EQUAL_FATAL(tt_spec_set(spec, "party", "revoked",
					  "2001-01-01", 3, 14, &e), TT_OK);
	tt_spec_set_input(spec, 0);
	CU_ASSERT_NOT_EQUAL(tt_schedule_compute(s, spec, NULL, &e), TT_OK);
	CU_ASSERT_EQUAL(e.input, 7);
	CU_ASSERT_EQUAL(e.line, 3);
	CU_ASSERT_EQUAL(e.column, 14);
	/* Clones keep where each value came from, and the input. */
	tt_spec_set_input(spec, 2);
	c = tt_spec_clone(spec);
	CU_ASSERT_PTR_NOT_NULL_FATAL(c);
	CU_ASSERT_EQUAL(tt_spec_input(c), 2);
	CU_ASSERT_NOT_EQUAL(tt_schedule_compute(s, c, NULL, &e), TT_OK);
	CU_ASSERT_EQUAL(e.input, 7);
	tt_spec_free(c);
	/* The same error in the spec text, of input 0. */
	tt_spec_reset(spec);
	CU_ASSERT_EQUAL(tt_spec_input(spec), 0);
	CU_ASSERT_EQUAL_FATAL(tt_spec_parse(spec, base, strlen(base), &e),
			      TT_OK);
	CU_ASSERT_EQUAL_FATAL(tt_spec_parse(spec, "[party]\nname = A\n"
					    "deposit = 2000-01-01\n"
					    "revoked = 2001-01-01\n", 59,
					    &e), TT_OK);
	tt_spec_set_input(spec, 7);
	CU_ASSERT_NOT_EQUAL(tt_schedule_compute(s, spec, NULL, &e), TT_OK);
	CU_ASSERT_EQUAL(e.input, 0);
	CU_ASSERT_EQUAL(e.line, 4);
	/* A recorded date that differs: where it was given. */
	tt_spec_reset(spec);
	CU_ASSERT_EQUAL_FATAL(tt_spec_parse(spec, base, strlen(base), &e),
			      TT_OK);
	tt_spec_set_input(spec, 5);
	CU_ASSERT_EQUAL_FATAL(tt_spec_begin_section(spec, "party", 2, 1, &e),
			      TT_OK);
	CU_ASSERT_EQUAL_FATAL(tt_spec_set(spec, "party", "name", "B", 2, 1,
					  &e), TT_OK);
	CU_ASSERT_EQUAL_FATAL(tt_spec_set(spec, "party", "deposit",
					  "2000-01-01", 2, 3, &e), TT_OK);
	CU_ASSERT_EQUAL_FATAL(tt_spec_set(spec, "party",
					  "recorded_entry_into_force",
					  "2000-01-05", 2, 14, &e), TT_OK);
	CU_ASSERT_EQUAL_FATAL(tt_schedule_compute(s, spec, NULL, &e), TT_OK);
	CU_ASSERT_EQUAL_FATAL(tt_schedule_discrepancy_count(s), 1);
	x = tt_schedule_discrepancy_at(s, 0);
	CU_ASSERT_EQUAL(x->input, 5);
	CU_ASSERT_EQUAL(x->line, 2);
	CU_ASSERT_EQUAL(x->column, 14);
	tt_schedule_free(s);
	tt_spec_free(spec);
}

void
add_party_tests(void)
{
	static const CU_TestInfo tests[] = {
		{ "Rome Statute: 60th instrument, later parties",
		  test_rome },
		{ "pending: instruments, required parties, floor",
		  test_pending },
		{ "Chemical Weapons Convention", test_cwc },
		{ "Ottawa Convention", test_ottawa },
		{ "Kyoto Protocol: weights, --party", test_weight },
		{ "Paris Agreement and recorded dates",
		  test_paris_and_checks },
		{ "UN dates, suffixes, weights", test_values },
		{ "refused specs", test_refused },
		{ "from an event", test_from_event },
		{ "the input of values, errors and recorded dates",
		  test_inputs },
		CU_TEST_INFO_NULL
	};

	unit_add_suite("parties", tests);
}
