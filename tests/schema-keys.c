/*
 * schema-keys.c -- prints every key of the spec schema as "section.key",
 * one a line, in the schema's order, so that shell tests can hold the
 * documentation and the fuzzing dictionary to the library's own table.
 */
#include <stdio.h>

#include <treatyterm/treatyterm.h>

int
main(void)
{
	const tt_spec_key *k;

	for (size_t i = 0; (k = tt_spec_key_at(i)) != NULL; i++)
		printf("%s.%s\n", k->section, k->key);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
