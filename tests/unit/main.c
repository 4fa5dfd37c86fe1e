/*
 * main.c -- the CUnit runner for the library's unit tests.
 *
 * CU_basic_run_tests() returns success even when assertions fail, so the
 * exit status is computed from the failure counts; "make check" fails when
 * any assertion does.  An optional argument runs only the suite of that
 * name.
 */
#include <stdio.h>
#include <stdlib.h>

#include <CUnit/Basic.h>

#include "unit.h"

void
unit_add_suite(const char *name, const CU_TestInfo *tests)
{
	CU_pSuite suite = CU_add_suite(name, NULL, NULL);

	if (suite == NULL) {
		fprintf(stderr, "unit-tests: %s\n", CU_get_error_msg());
		exit(99);
	}
	for (; tests->pName != NULL; tests++)
		if (CU_add_test(suite, tests->pName, tests->pTestFunc) ==
		    NULL) {
			fprintf(stderr, "unit-tests: %s\n",
				CU_get_error_msg());
			exit(99);
		}
}

int
main(int argc, char **argv)
{
	unsigned failures, tests_failed, run;

	if (CU_initialize_registry() != CUE_SUCCESS) {
		fprintf(stderr, "unit-tests: %s\n", CU_get_error_msg());
		return 99;
	}
	add_date_tests();
	add_ics_tests();
	add_ics_text_tests();
	add_spec_tests();
	add_schedule_tests();
	add_json_tests();

	CU_basic_set_mode(CU_BRM_NORMAL);
	if (argc > 1) {
		CU_pSuite s = CU_get_suite(argv[1]);

		if (s == NULL) {
			fprintf(stderr, "unit-tests: no suite '%s'\n",
				argv[1]);
			CU_cleanup_registry();
			return 99;
		}
		CU_basic_run_suite(s);
	} else {
		CU_basic_run_tests();
	}
	failures = CU_get_number_of_failures();
	tests_failed = CU_get_number_of_tests_failed();
	run = CU_get_number_of_tests_run();
	CU_cleanup_registry();
	if (run == 0) {
		fprintf(stderr, "unit-tests: no test was run\n");
		return 99;
	}
	return failures == 0 && tests_failed == 0 ? 0 : 1;
}
