/*
 * unit.h -- what the CUnit suites share.
 *
 * Each test-*.c file defines one function that adds its suites; main.c
 * calls them all and fails when any assertion failed.
 */
#ifndef TREATYTERM_UNIT_H
#define TREATYTERM_UNIT_H

#include <CUnit/CUnit.h>

#include <treatyterm/treatyterm.h>

void add_date_tests(void);
void add_ics_tests(void);
void add_ics_text_tests(void);
void add_ics_previous_tests(void);
void add_spec_tests(void);
void add_schedule_tests(void);
void add_json_tests(void);
void add_party_tests(void);
void add_diff_tests(void);
void add_filter_tests(void);
void add_serve_tests(void);
void add_pool_tests(void);
void add_strbuf_tests(void);

/* Adds a suite NAME with the NULL-terminated TESTS; aborts the run if
 * CUnit cannot. */
void unit_add_suite(const char *name, const CU_TestInfo *tests);
/* Runs the suites added (only the one called ONLY, if not NULL, and of
 * it only the test called TEST, if not NULL) and returns the exit
 * status: 0 when every assertion held, 1 when one failed, 99 when no
 * test ran or there is no such suite or test.  Messages name
 * UNIT_PROGRAM. */
int unit_run(const char *only, const char *test);
extern const char *unit_program;

/* libical reading what the library writes (ical-probe.c).  The number of
 * VEVENTs in TEXT, or -1 if libical finds an error or TEXT is not one
 * VCALENDAR. */
long ical_count_events(const char *text);
/* The last year a FREQ=YEARLY rule from YEAR-12-25 has an instance in, as
 * libical expands it; 0 if libical refuses the rule. */
int ical_yearly_last_year(int year);

/* A date from literal fields, for readable assertions. */
static inline tt_date
D(int y, int m, int d)
{
	tt_date r = { y, m, d };

	return r;
}

/* Asserts that two dates are equal, naming both on failure. */
#define ASSERT_DATE_EQ(got, want) \
	do { \
		tt_date g_ = (got), w_ = (want); \
		char m_[96]; \
		snprintf(m_, sizeof m_, "%04d-%02d-%02d == %04d-%02d-%02d", \
			 g_.year, g_.month, g_.day, w_.year, w_.month, \
			 w_.day); \
		CU_assertImplementation(tt_date_compare(g_, w_) == 0, \
					__LINE__, m_, __FILE__, "", CU_FALSE); \
	} while (0)

#endif
