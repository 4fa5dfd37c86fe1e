/*
 * parties-csv.h -- [party] sections from a CSV file, one party a row:
 * the --parties FILE.csv of "schedule" and "batch".
 *
 * The header row names the columns: the keys of [party] in the library's
 * schema (name, deposit, instrument, ...) and "treaty", the id of the
 * treaty a row belongs to.  The whole file is read into memory once and
 * every cell checked by the library as it is read, so that a bad cell is
 * found before anything is computed; the rows are then appended, as
 * [party] sections, to the spec of each treaty they name.
 *
 * Shared by the commands and fuzz/fuzz-parties.c.  Nothing here prints:
 * failures fill a tt_error with the line and column in the file.  The
 * values set into a spec carry the input PARTIES_INPUT (see
 * tt_spec_set_input()), and so does every error about them, here or when
 * the spec is computed: an error whose input is PARTIES_INPUT is about
 * the file, any other about what the caller set itself.
 */
#ifndef TREATYTERM_PARTIES_CSV_H
#define TREATYTERM_PARTIES_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <treatyterm/treatyterm.h>

struct parties;

/* The input number of the file's values and errors. */
#define PARTIES_INPUT 1u

/* Told of a bad row that parties_read() skips: E has its line (and the
 * column of a bad cell). */
typedef void parties_bad_fn(void *arg, const tt_error *e);

/* Reads the parties CSV from FP.  Cells are checked as LIKE would take
 * them (its "today"; NULL for none); empty cells are not set, and a row
 * whose party cells are all empty is no party.  With NEED_TREATY (batch)
 * the "treaty" column must be there and no treaty cell empty.  A bad row
 * -- a bad cell (its line and column), a malformed record or a row of the
 * wrong length (its line) -- fails the read or, when BAD is not NULL, is
 * passed to BAD (with ARG) and skipped.  Returns TT_OK with *OUT, or fills
 * E: an unknown or repeated column, a bad row, a read error (errno kept,
 * TT_EIO). */
tt_status parties_read(FILE *fp, bool need_treaty, const tt_spec *like,
		       parties_bad_fn *bad, void *arg,
		       struct parties **out, tt_error *e);
void parties_free(struct parties *p);
/* The number of parties read: the rows kept. */
size_t parties_count(const struct parties *p);

/* Appends to SPEC, as new [party] sections in the order of the file, the
 * rows whose treaty cell is ID, and those whose treaty cell is empty, of
 * input PARTIES_INPUT (SPEC's own input is kept for what is set after).
 * The rows added are marked used.  *ADDED (if not NULL) is how many.
 * Fails only when SPEC refuses a section (TT_ELIMIT) or memory runs out;
 * E then has the row's line. */
tt_status parties_add(struct parties *p, tt_spec *spec, const char *id,
		      size_t *added, tt_error *e);

/* The treaties of the file none of whose rows were added, one at a time:
 * start with *AT at 0 and call while it returns true.  Each gives the
 * treaty's id, the line of its first row and its number of rows. */
bool parties_next_unused(const struct parties *p, size_t *at,
			 const char **treaty, unsigned long *line,
			 size_t *nrows);

#endif /* TREATYTERM_PARTIES_CSV_H */
