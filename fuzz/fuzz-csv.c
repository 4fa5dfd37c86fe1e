/*
 * fuzz-csv.c -- libFuzzer target for the rows of "treatyterm batch".
 *
 * The CSV reader is program code (src/out/csv.c, on libcsv through a
 * FILE *), so the input is handed to it through fmemopen().  The first record is
 * the header, mapped to spec keys by the program's own code
 * (src/batch/batch-columns.c, from the library's schema); every later record is
 * one treaty, set into one reused spec by that code and computed into one
 * reused schedule, then checked for a key given before and written as CSV
 * and as JSON Lines to /dev/null, as batch writes them.  The first byte
 * picks the field delimiter (',', ';' or tab) when it is one of the
 * three.  Build and run with fuzz/run.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <treatyterm/treatyterm.h>

#include "batch/batch-columns.h"
#include "out/format.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_MILESTONES 2000

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

/* Checks that json_buf_string() made valid JSON text of S: no raw
 * control byte, no unescaped quote, no invalid UTF-8, no raw U+2028. */
static void
check_escaped(struct ttp_buf *b, const char *s)
{
	const unsigned char *p, *end;

	b->len = 0;
	json_buf_string(b, s, strlen(s));
	if (b->failed)
		fail("out of memory");
	p = (const unsigned char *)b->p;
	end = p + b->len;
	if (b->len < 2 || p[0] != '"' || end[-1] != '"')
		fail("an escaped string without its quotes");
	for (p++, end--; p < end; p++) {
		if (*p < 0x20 || *p == '"')
			fail("a raw control character or quote in JSON");
		if (*p == '\\') {
			p++;
			if (p >= end || strchr("\"\\bfnrtu", *p) == NULL)
				fail("a bad escape in JSON");
		} else if (*p >= 0x80) {
			size_t k = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 :
				   *p >= 0xc2 ? 2 : 0;

			if (k == 0 || p + k > end)
				fail("invalid UTF-8 in JSON");
			for (size_t i = 1; i < k; i++)
				if ((p[i] & 0xc0) != 0x80)
					fail("invalid UTF-8 in JSON");
			if (k == 3 && p[0] == 0xe2 && p[1] == 0x80 &&
			    (p[2] == 0xa8 || p[2] == 0xa9))
				fail("a raw U+2028 or U+2029 in JSON");
			p += k - 1;
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tt_schedule_options opt = {
		.roll = TT_ROLL_NONE, .max_milestones = MAX_MILESTONES
	};
	struct batch_columns cols = { NULL, 0 };
	struct batch_keys *keys = NULL;
	struct ttp_buf jb = TTP_BUF_INIT;
	struct csv_reader *rd = NULL;
	tt_schedule *s = NULL;
	tt_spec *spec = NULL;
	const char *error;
	unsigned long line, prev_line = 0, first;
	unsigned char delim = ',';
	size_t ncols, n, bad;
	char **fields, why[512];
	FILE *fp;
	int r;

	if (size > 0 && (data[0] == ';' || data[0] == '\t' || data[0] == ',')) {
		delim = data[0];
		data++;
		size--;
	}
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
	rd = csv_reader_new(fp, delim);
	spec = tt_spec_new();
	s = tt_schedule_new();
	keys = batch_keys_new();
	if (rd == NULL || spec == NULL || s == NULL || keys == NULL)
		fail("out of memory");
	r = csv_reader_next(rd, &fields, &ncols, &line, &error);
	if (r <= 0)
		goto done;
	if (ncols == 0 || fields[ncols] != NULL)
		fail("a record that is not NULL-terminated");
	if (!batch_columns_map(&cols, fields, ncols, &bad, why, sizeof why)) {
		if (bad >= ncols || why[0] == '\0')
			fail("a bad header without its column or a message");
		(void)batch_columns_delimiter_hint(fields, ncols, delim, why,
						   sizeof why);
		goto done;
	}
	prev_line = line;
	while ((r = csv_reader_next(rd, &fields, &n, &line, &error)) != 0) {
		tt_error e;

		if (r == -1)
			break;
		if (line <= prev_line)
			fail("records do not start on increasing lines");
		if (FUZZ_STRICT && blank_line(data, size, line))
			fail("a record reported on a blank line");
		prev_line = line;
		if (r == -2) {
			if (error == NULL || *error == '\0')
				fail("a bad record without a message");
			continue;
		}
		if (n == 0 || fields[n] != NULL)
			fail("a record that is not NULL-terminated");
		for (size_t i = 0; i < n; i++)
			check_escaped(&jb, fields[i]);
		tt_spec_reset(spec);
		memset(&e, 0, sizeof e);
		if (batch_row_fill(&cols, spec, fields, n, line, &e) != TT_OK) {
			if (e.message[0] == '\0' ||
			    (n == ncols && e.line != (unsigned)line))
				fail("a bad cell without a message or its "
				     "line");
			continue;
		}
		memset(&e, 0, sizeof e);
		if (tt_schedule_compute(s, spec, &opt, &e) != TT_OK) {
			if (e.message[0] == '\0')
				fail("a bad row without a message");
			continue;
		}
		if (*batch_row_key(spec) == '\0')
			continue;	/* batch: "no id or name" */
		r = batch_keys_add(keys, batch_row_key(spec), line, &first);
		if (r < 0)
			fail("out of memory");
		if (r == 0) {
			if (first >= line)
				fail("a key first seen on a later line");
			continue;	/* batch: "already used" */
		}
		if (!csv_write_schedule(devnull, s) ||
		    !json_write_schedule(devnull, s, false))
			fail("writing to /dev/null failed");
	}
	if (r < 0 && (error == NULL || *error == '\0'))
		fail("a read error without a message");
done:
	json_release();
	ttp_buf_release(&jb);
	batch_columns_free(&cols);
	batch_keys_free(keys);
	csv_reader_free(rd);
	fclose(fp);
	tt_schedule_free(s);
	tt_spec_free(spec);
	return 0;
}
