/*
 * fuzz-parties.c -- libFuzzer target for --parties FILE.csv.
 *
 * The input is a parties CSV, handed through fmemopen() to the program's
 * own loader (src/batch/parties-csv.c, on the batch CSV reader of
 * src/out/csv.c), as "schedule" reads it or, when the first byte is 'b',
 * as "batch" does
 * (a 'treaty' column required, bad rows skipped).  What it accepts is
 * added to a spec whose
 * entry into force follows from the deposits and which has a withdrawal
 * clause, as the rows of the treaty "t" (and, for schedule, the rows
 * without a treaty), and computed.  Build and run with fuzz/run.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <treatyterm/treatyterm.h>

#include "batch/parties-csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_MILESTONES 2000

/* The treaty the rows are added to: parties count towards its entry into
 * force, and their notices need its withdrawal clause. */
static const char base_text[] =
	"[treaty]\n"
	"id = t\n"
	"[entry_into_force]\n"
	"instruments = 3\n"
	"after = 60d\n"
	"rule = first-of-next-month\n"
	"[withdrawal]\n"
	"notice = 1y\n";

static tt_spec *base;

static void
fail(const char *what)
{
	fprintf(stderr, "fuzz-parties: %s\n", what);
	abort();
}

/* The lines of DATA as the reader counts them (a last line without a
 * newline counts). */
static unsigned long
count_lines(const uint8_t *data, size_t size)
{
	unsigned long n = 0;

	for (size_t i = 0; i < size; i++)
		n += data[i] == '\n';
	return n + (size > 0 && data[size - 1] != '\n');
}

/* An error must say why, and point inside the input it names if it
 * points: the file's (LINES lines) or the base spec's (a party's date can
 * take one of the base's clauses past 9999-12-31).  The base has no
 * [party]: an error about one is the file's. */
static void
check_error(const tt_error *e, unsigned long lines)
{
	bool party = e->section != NULL && strcmp(e->section, "party") == 0;
	bool file = e->input == PARTIES_INPUT;
	unsigned long base_lines = 0;

	for (const char *c = base_text; *c != '\0'; c++)
		base_lines += *c == '\n';
	if (e->message[0] == '\0' ||
	    memchr(e->message, '\0', sizeof e->message) == NULL)
		fail("an error without a message");
	if (e->input != 0 && !file)
		fail("an error of an input that is neither");
	if (party && !file)
		fail("a [party] error that is not the file's");
	if (e->line > (file ? lines : base_lines) + 1)
		fail("an error past the end of the input");
}

/* A bad row that batch skips: an error of the file, on one of its
 * lines. */
static void
check_bad(void *arg, const tt_error *e)
{
	unsigned long lines = *(const unsigned long *)arg;

	check_error(e, lines);
	if (e->input != PARTIES_INPUT || e->line < 2 || e->line > lines + 1)
		fail("a bad row that is not one of the file");
}

static void
make_base(void)
{
	tt_date today = { 2026, 11, 30 };
	tt_error e;

	if (base != NULL)
		return;
	if ((base = tt_spec_new()) == NULL)
		fail("out of memory");
	tt_spec_set_today(base, today);
	if (tt_spec_parse(base, base_text, strlen(base_text), &e) != TT_OK)
		fail("the base spec is refused");
}

/* Adds the rows of the treaty "t" to a copy of the base, and computes. */
static void
compute(struct parties *p, unsigned long lines)
{
	tt_schedule_options opt;
	tt_spec *spec = tt_spec_clone(base);
	tt_schedule *s = tt_schedule_new();
	size_t added = 0;
	tt_error e;

	if (spec == NULL || s == NULL)
		fail("out of memory");
	tt_schedule_options_init(&opt);
	opt.max_milestones = MAX_MILESTONES;
	memset(&e, 0, sizeof e);
	if (parties_add(p, spec, tt_spec_id(spec), &added, &e) != TT_OK) {
		check_error(&e, lines);
	} else if (tt_schedule_compute(s, spec, &opt, &e) != TT_OK) {
		check_error(&e, lines);
	} else if (tt_schedule_party_count(s) != added) {
		fail("the schedule's parties are not the rows added");
	} else {
		/* A recorded date that differs is one of the file's. */
		for (size_t i = 0; i < tt_schedule_discrepancy_count(s); i++) {
			const tt_discrepancy *x =
				tt_schedule_discrepancy_at(s, i);

			if (x->input != PARTIES_INPUT || x->line < 2 ||
			    x->line > lines)
				fail("a recorded date not in the file");
		}
	}
	tt_schedule_free(s);
	tt_spec_free(spec);
}

/* The treaties left over, as batch reports them. */
static void
check_unused(const struct parties *p, unsigned long lines)
{
	const char *treaty;
	unsigned long line;
	size_t at = 0, n;

	while (parties_next_unused(p, &at, &treaty, &line, &n))
		if (n == 0 || *treaty == '\0' || strcmp(treaty, "t") == 0 ||
		    line < 2 || line > lines)
			fail("a bad report of unused rows");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct parties *p = NULL;
	bool batch = size > 0 && data[0] == 'b';
	unsigned long lines;
	tt_error e;
	FILE *fp;

	if (batch) {
		data++;
		size--;
	}
	if (size == 0)
		return 0;	/* fmemopen() wants at least one byte */
	make_base();
	lines = count_lines(data, size);
	fp = fmemopen((void *)(uintptr_t)data, size, "r");
	if (fp == NULL)
		fail("fmemopen failed");
	memset(&e, 0, sizeof e);
	if (parties_read(fp, batch, base, batch ? check_bad : NULL, &lines,
			 &p, &e) != TT_OK) {
		check_error(&e, lines);
		if (p != NULL)
			fail("a failed read that gave parties");
	} else {
		compute(p, lines);
		check_unused(p, lines);
	}
	parties_free(p);
	fclose(fp);
	return 0;
}
