/*
 * fuzz-csv.c -- libFuzzer target for the rows of "treatyterm batch".
 *
 * The CSV reader is program code (src/csv.c, on libcsv through a FILE *),
 * so the input is handed to it through fmemopen().  The first record is
 * the header, mapped to spec keys as src/cmd-batch.c maps it (bare names
 * are [treaty] keys, "a.b" is section a, key b); every later record is one
 * treaty, set cell by cell with tt_spec_set() into one reused spec and
 * computed into one reused schedule, then written as CSV and as JSON Lines
 * to /dev/null, as batch writes them.  Build and run with fuzz/run.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <treatyterm/treatyterm.h>

#include "format.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_MILESTONES 2000
#define MAX_COLUMNS 64

/*
 * Regressions checked: a carriage return not followed by a line feed once
 * ended a record inside libcsv while csv_reader_next() went on adding the
 * fields after it to the same record, and a record after blank lines was
 * reported at the first blank one.  Build with -DFUZZ_STRICT=0 to skip
 * those checks.
 */
#ifndef FUZZ_STRICT
#define FUZZ_STRICT 1
#endif

struct column {
	char section[16];
	char key[24];
};

static FILE *devnull;

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz-csv: %s\n", what);
	abort();
}

/* True if line LINE (from 1) of DATA is empty or only a CR. */
static bool
blank_line(const uint8_t *data, size_t size, unsigned long line)
{
	size_t i = 0;

	for (unsigned long l = 1; l < line && i < size; i++)
		l += data[i] == '\n';
	return i >= size || data[i] == '\n' ||
	       (data[i] == '\r' && (i + 1 >= size || data[i + 1] == '\n'));
}

/* The header cell NAME as a spec key, as cmd-batch.c's map_column(). */
static bool
map_column(struct column *c, size_t i, const char *name)
{
	const char *dot;
	size_t n;

	if (i == 0 && strncmp(name, "\xef\xbb\xbf", 3) == 0)
		name += 3;
	dot = strchr(name, '.');
	if (dot == NULL) {
		snprintf(c->section, sizeof c->section, "treaty");
		n = strlen(name);
		if (n >= sizeof c->key)
			return false;
		memcpy(c->key, name, n + 1);
	} else {
		n = (size_t)(dot - name);
		if (n >= sizeof c->section || strlen(dot + 1) >= sizeof c->key ||
		    (n == 6 && memcmp(name, "treaty", 6) == 0))
			return false;
		memcpy(c->section, name, n);
		c->section[n] = '\0';
		snprintf(c->key, sizeof c->key, "%s", dot + 1);
	}
	return tt_spec_key_is_known(c->section, c->key);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tt_schedule_options opt = { NULL, TT_ROLL_NONE, MAX_MILESTONES };
	struct column cols[MAX_COLUMNS];
	struct csv_reader *rd = NULL;
	tt_schedule *s = NULL;
	tt_spec *spec = NULL;
	const char *error;
	unsigned long line, prev_line = 0;
	size_t ncols, n;
	char **fields;
	FILE *fp;
	int r;

	if (size == 0)
		return 0;	/* fmemopen() wants at least one byte */
	for (size_t i = 0; !FUZZ_STRICT && i < size; i++)
		if (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n'))
			return 0;
	if (devnull == NULL && (devnull = fopen("/dev/null", "w")) == NULL)
		fail("cannot open /dev/null");
	fp = fmemopen((void *)(uintptr_t)data, size, "r");
	if (fp == NULL)
		fail("fmemopen failed");
	rd = csv_reader_new(fp);
	spec = tt_spec_new();
	s = tt_schedule_new();
	if (rd == NULL || spec == NULL || s == NULL)
		fail("out of memory");
	r = csv_reader_next(rd, &fields, &ncols, &line, &error);
	if (r <= 0)
		goto done;
	if (ncols == 0 || fields[ncols] != NULL)
		fail("a record that is not NULL-terminated");
	if (ncols > MAX_COLUMNS)
		goto done;
	for (size_t i = 0; i < ncols; i++) {
		if (!map_column(&cols[i], i, fields[i]))
			goto done;
		for (size_t j = 0; j < i; j++)
			if (strcmp(cols[j].section, cols[i].section) == 0 &&
			    strcmp(cols[j].key, cols[i].key) == 0)
				goto done;
	}
	prev_line = line;
	while ((r = csv_reader_next(rd, &fields, &n, &line, &error)) > 0) {
		char fallback[32];
		tt_error e;
		bool ok = true;

		if (line <= prev_line)
			fail("records do not start on increasing lines");
		if (FUZZ_STRICT && blank_line(data, size, line))
			fail("a record reported on a blank line");
		prev_line = line;
		if (n == 0 || fields[n] != NULL)
			fail("a record that is not NULL-terminated");
		if (n != ncols)
			continue;	/* batch: "the row has N fields" */
		tt_spec_reset(spec);
		for (size_t i = 0; ok && i < n; i++) {
			if (fields[i][0] == '\0')
				continue;
			memset(&e, 0, sizeof e);
			if (tt_spec_set(spec, cols[i].section, cols[i].key,
					fields[i], (unsigned)line, 1, &e) !=
			    TT_OK) {
				if (e.message[0] == '\0' ||
				    e.line != (unsigned)line)
					fail("a bad cell without a message or "
					     "its line");
				ok = false;
			}
		}
		if (!ok)
			continue;
		if (*tt_spec_id(spec) == '\0') {
			snprintf(fallback, sizeof fallback, "line-%lu", line);
			if (tt_spec_set(spec, "treaty", "id", fallback, 0, 0,
					NULL) != TT_OK)
				fail("the fallback id is refused");
		}
		memset(&e, 0, sizeof e);
		if (tt_schedule_compute(s, spec, &opt, &e) != TT_OK) {
			if (e.message[0] == '\0')
				fail("a bad row without a message");
			continue;
		}
		if (!csv_write_schedule(devnull, s) ||
		    !jsonl_write_schedule(devnull, s))
			fail("writing to /dev/null failed");
	}
	if (r < 0 && (error == NULL || *error == '\0'))
		fail("a read error without a message");
done:
	jsonl_release();
	csv_reader_free(rd);
	fclose(fp);
	tt_schedule_free(s);
	tt_spec_free(spec);
	return 0;
}
