/*
 * batch-columns.h -- the rows of a batch CSV file as specs: the header's
 * columns as spec keys, a row's cells set into a spec, and the key each
 * treaty is known by, with the check that no two rows share it.
 *
 * Shared by "treatyterm batch" (cmd-batch.c) and the CSV fuzzer
 * (fuzz/fuzz-csv.c), so that the fuzzer runs the program's own code.
 * Nothing here prints: failures hand back a message for the caller.
 */
#ifndef TREATYTERM_BATCH_COLUMNS_H
#define TREATYTERM_BATCH_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <treatyterm/treatyterm.h>

/* Column I sets the spec key keys[I]: bare names are [treaty] keys,
 * "section.key" the keys of the other sections, all from the library's
 * schema (tt_spec_key_at()). */
struct batch_columns {
	const tt_spec_key **keys;
	size_t n;
};

/* Maps the N header cells NAMES (a byte order mark before the first is
 * ignored).  On failure returns false with *BAD the column (from 0) and
 * WHY (SIZE bytes) the message; C is then empty.  Release with
 * batch_columns_free(). */
bool batch_columns_map(struct batch_columns *c, char *const *names,
		       size_t n, size_t *bad, char *why, size_t size);
void batch_columns_free(struct batch_columns *c);

/* When header cells NAMES look separated by another byte than DELIM
 * (a cell holds ';', a tab, '|' or ','), writes into BUF a hint naming
 * the --delimiter to try and returns true. */
bool batch_columns_delimiter_hint(char *const *names, size_t n,
				  unsigned char delim, char *buf, size_t size);

/* Sets the non-empty cells FIELDS (N of them, read from LINE) into SPEC,
 * which the caller has reset.  Fails for a row whose field count differs
 * from the header's, or a bad cell (E then names its key and LINE). */
tt_status batch_row_fill(const struct batch_columns *c, tt_spec *spec,
			 char *const *fields, size_t n, unsigned long line,
			 tt_error *e);

/* The key a treaty is known by in calendars (its UIDs are made from it):
 * its id, or without one its name, as "schedule" does; "" if neither. */
const char *batch_row_key(const tt_spec *spec);
/* The same for a row that could not be computed, from its id and name
 * cells alone (N FIELDS), set into SPEC, which is reset first: "" when
 * neither is there and good. */
const char *batch_row_cells_key(const struct batch_columns *c,
				tt_spec *spec, char *const *fields,
				size_t n);

/* The keys seen so far, to find a treaty given twice.  Memory grows with
 * the number of keys: each is kept once, with the line it was first seen
 * on. */
struct batch_keys;
struct batch_keys *batch_keys_new(void);
/* Adds KEY (from LINE): returns 1 if it is new, 0 if it was added before
 * (*FIRST is then its line), -1 when memory runs out. */
int batch_keys_add(struct batch_keys *k, const char *key, unsigned long line,
		   unsigned long *first);
void batch_keys_free(struct batch_keys *k);

/* Prints the column names for --help, from the schema. */
void batch_columns_help(FILE *fp);

#endif /* TREATYTERM_BATCH_COLUMNS_H */
