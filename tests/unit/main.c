/*
 * main.c -- the library's unit tests: every suite, or (with an argument)
 * the suite of that name, or (with two) the test of that name in it; see
 * runner.c for the exit status.
 */
#include <stdio.h>

#include <CUnit/Basic.h>

#include "unit.h"

int
main(int argc, char **argv)
{
	if (CU_initialize_registry() != CUE_SUCCESS) {
		fprintf(stderr, "unit-tests: %s\n", CU_get_error_msg());
		return 99;
	}
	add_date_tests();
	add_ics_tests();
	add_ics_text_tests();
	add_ics_previous_tests();
	add_spec_tests();
	add_schedule_tests();
	add_json_tests();
	add_party_tests();
	add_diff_tests();
	add_filter_tests();
	add_serve_tests();
	add_pool_tests();
	add_strbuf_tests();
	return unit_run(argc > 1 ? argv[1] : NULL, argc > 2 ? argv[2] : NULL);
}
