/*
 * runner.c -- running CUnit suites, for every test program.
 *
 * CU_basic_run_tests() returns success even when assertions fail, so the
 * exit status is computed from the failure counts: "make check" fails
 * when any assertion does, and when no test ran at all.
 */
#include <stdio.h>
#include <stdlib.h>

#include <CUnit/Basic.h>

#include "unit.h"

const char *unit_program = "unit-tests";

void
unit_add_suite(const char *name, const CU_TestInfo *tests)
{
	CU_pSuite suite = CU_add_suite(name, NULL, NULL);

	if (suite == NULL) {
		fprintf(stderr, "%s: %s\n", unit_program, CU_get_error_msg());
		exit(99);
	}
	for (; tests->pName != NULL; tests++)
		if (CU_add_test(suite, tests->pName, tests->pTestFunc) ==
		    NULL) {
			fprintf(stderr, "%s: %s\n", unit_program,
				CU_get_error_msg());
			exit(99);
		}
}

int
unit_run(const char *only, const char *test)
{
	unsigned failures, tests_failed, run;

	CU_basic_set_mode(CU_BRM_NORMAL);
	if (only != NULL) {
		CU_pSuite s = CU_get_suite(only);

		if (s == NULL) {
			fprintf(stderr, "%s: no suite '%s'\n", unit_program,
				only);
			CU_cleanup_registry();
			return 99;
		}
		if (test != NULL) {
			CU_pTest t = CU_get_test(s, test);

			if (t == NULL) {
				fprintf(stderr, "%s: no test '%s' in suite "
					"'%s'\n", unit_program, test, only);
				CU_cleanup_registry();
				return 99;
			}
			CU_basic_run_test(s, t);
		} else
			CU_basic_run_suite(s);
	} else {
		CU_basic_run_tests();
	}
	failures = CU_get_number_of_failures();
	tests_failed = CU_get_number_of_tests_failed();
	run = CU_get_number_of_tests_run();
	CU_cleanup_registry();
	if (run == 0) {
		fprintf(stderr, "%s: no test was run\n", unit_program);
		return 99;
	}
	return failures == 0 && tests_failed == 0 ? 0 : 1;
}
