/*
 * cmd-batch.c -- "treatyterm batch": whole treaty databases from CSV.
 *
 * Each row of the input is one treaty, each column a spec key; the row is
 * parsed into one reused spec, computed into one reused schedule and
 * written at once, so memory grows only by the keys kept to find a treaty
 * given twice.  A bad row -- a bad cell, a malformed record, a treaty
 * without an id or name, or one given twice -- is reported with its line
 * and skipped (or, with --strict, stops the run); the exit status says
 * that rows were skipped.  Whatever stops the run, a calendar on standard
 * output is closed, so that it ends complete.
 */
#include <config.h>

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "batch-columns.h"
#include "bgwrite.h"
#include "calendar.h"
#include "clauses.h"
#include "cli.h"
#include "format.h"
#include "options.h"
#include "output.h"

struct batch {
	const char *name;	/* the input, for messages */
	unsigned long header;	/* the line of the header row */
	struct batch_columns cols;
	struct batch_keys *keys;	/* the treaties seen so far */
	unsigned long rows, skipped;
	/* Progress on standard error: rows done and, for a file of known
	 * size, the share of it read. */
	bool progress;
	FILE *in;
	off_t size;		/* 0 if unknown */
	struct timespec last;	/* when progress was last shown */
	bool shown;		/* a progress line is on the screen */
};

/* The command's own options. */
struct batch_state {
	int delimiter;		/* 0 for ',' */
	bool strict, quiet;
};

static int exec(struct args *a);
static int set_delimiter(struct args *a, const struct opt *o,
			 const char *value);
static void columns_help(FILE *fp);
static int parse_delimiter(const char *s);
static bool progress_wanted(const char *output);
static void clear_progress(struct batch *b);
static void show_progress(struct batch *b);
static void bad_row(struct batch *b, unsigned long line, const tt_error *e);
static bool check_key(struct batch *b, const tt_spec *spec,
		      unsigned long line, bool *nomem);

static const struct opt options[] = {
	{ .name = "delimiter", .arg = "CHAR", .handler = set_delimiter,
	  .flags = OPT_ONCE,
	  .help = "the byte between the input's fields: ',' (the default), "
		  "';' or any other but a quote or a line end; 'tab' for a "
		  "tab" },
	{ .name = "strict", .shortname = 's', .handler = opt_bool,
	  .offset = offsetof(struct batch_state, strict),
	  .help = "stop at the first bad row (exit status 1)" },
	{ .name = "quiet", .shortname = 'q', .handler = opt_bool,
	  .offset = offsetof(struct batch_state, quiet),
	  .help = "no progress or summary on a terminal (a summary of "
		  "skipped rows is still printed)" },
	OPT_END
};

const struct cli_command cmd_batch = {
	.name = "batch",
	.summary = "schedules for every treaty in a CSV file",
	.usage = "[FILE|-] [OPTION]... [CLAUSE]...",
	.description =
	    "Compute the schedule of every treaty in a CSV file (RFC 4180, "
	    "header row;\n"
	    "standard input by default): one row per treaty, one column per "
	    "spec key.\n"
	    "Empty cells are not set; clause flags apply to every row.  "
	    "Output is\n"
	    "streamed: JSON Lines (one schedule object a line), CSV (one row "
	    "per\n"
	    "milestone) or one calendar.\n"
	    "\n"
	    "A row without an id is known by its name.  A bad row (a bad cell "
	    "or record,\n"
	    "no id or name, an id or name given before) is reported as "
	    "FILE:LINE: message\n"
	    "and skipped; the exit status is then 3.\n",
	.help_more = columns_help,
	.options = options,
	.groups = options_treaty_groups,
	.formats = FORMAT_JSONL | FORMAT_CSV | FORMAT_ICS,
	.default_format = FORMAT_JSONL,
	.size = sizeof (struct batch_state),
	.exec = exec,
};

static void
columns_help(FILE *fp)
{
	fputc('\n', fp);
	batch_columns_help(fp);
}

/* Parses the --delimiter value: one byte that is not a quote or a line
 * end, or "tab" or "\t"; -1 if bad. */
static int
parse_delimiter(const char *s)
{
	if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0)
		return '\t';
	if (s[0] == '\0' || s[1] != '\0' || s[0] == '"' || s[0] == '\r' ||
	    s[0] == '\n' || (unsigned char)s[0] >= 0x80)
		return -1;
	return (unsigned char)s[0];
}

static int
set_delimiter(struct args *a, const struct opt *o, const char *value)
{
	struct batch_state *st = a->own;

	(void)o;
	st->delimiter = parse_delimiter(value);
	if (st->delimiter < 0)
		return cli_usage_error("batch", "--delimiter: expected one "
				       "character (not a quote or a line "
				       "end) or 'tab', not '%s'", value);
	return 0;
}

/* True if standard error is a terminal that the data does not go to. */
static bool
progress_wanted(const char *output)
{
	struct stat out, err;

	if (!isatty(STDERR_FILENO))
		return false;
	if (output != NULL && strcmp(output, "-") != 0)
		return true;
	if (!isatty(STDOUT_FILENO))
		return true;
	return fstat(STDOUT_FILENO, &out) == 0 &&
	       fstat(STDERR_FILENO, &err) == 0 && out.st_rdev != err.st_rdev;
}

static void
clear_progress(struct batch *b)
{
	if (b->shown)
		fprintf(stderr, "\r%*s\r", 60, "");
	b->shown = false;
}

/* Shows the count every 1024 rows, at most four times a second. */
static void
show_progress(struct batch *b)
{
	struct timespec now;
	long ms;
	off_t at;

	if (!b->progress || b->rows % 1024 != 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (long)(now.tv_sec - b->last.tv_sec) * 1000 +
	     (now.tv_nsec - b->last.tv_nsec) / 1000000;
	if (b->last.tv_sec != 0 && ms < 250)
		return;
	b->last = now;
	b->shown = true;
	fprintf(stderr, "\r%s: batch: %lu rows, %lu skipped", cli_program,
		b->rows, b->skipped);
	if (b->size > 0 && (at = ftello(b->in)) >= 0)
		fprintf(stderr, ", %d%% read",
			(int)((double)at * 100 / (double)b->size));
	fprintf(stderr, "   ");
}

/* Reports what was wrong with the row at LINE. */
static void
bad_row(struct batch *b, unsigned long line, const tt_error *e)
{
	bool cell = false;

	for (size_t i = 0; e->section != NULL && i < b->cols.n; i++)
		if (strcmp(b->cols.keys[i]->section, e->section) == 0 &&
		    strcmp(b->cols.keys[i]->key, e->key) == 0)
			cell = true;
	clear_progress(b);
	if (cell && e->line != 0)
		cli_error("%s:%lu: %s%s%s: %s", b->name, line,
			  strcmp(e->section, "treaty") ? e->section : "",
			  strcmp(e->section, "treaty") ? "." : "", e->key,
			  e->message);
	else if (e->section != NULL && e->line == 0 &&
		 clause_flag_for(e->section, e->key) != NULL)
		cli_error("%s:%lu: --%s: %s", b->name, line,
			  clause_flag_for(e->section, e->key), e->message);
	else
		cli_error("%s:%lu: %s", b->name, line, e->message);
}

/* Checks that the treaty in SPEC has a key (an id or a name) that no row
 * before had; false after a message. */
static bool
check_key(struct batch *b, const tt_spec *spec, unsigned long line,
	  bool *nomem)
{
	const char *key = batch_row_key(spec);
	bool named = *tt_spec_id(spec) == '\0';
	unsigned long first = 0;
	int r;

	if (*key == '\0') {
		clear_progress(b);
		cli_error("%s:%lu: no id or name: give the row an id (its "
			  "calendar events are known by it)", b->name, line);
		return false;
	}
	r = batch_keys_add(b->keys, key, line, &first);
	if (r > 0)
		return true;
	clear_progress(b);
	if (r < 0) {
		cli_error("out of memory");
		*nomem = true;
	} else if (named) {
		cli_error("%s:%lu: name: '%s' was already used on line %lu (a "
			  "row without an id is known by its name: give it "
			  "an id)", b->name, line, key, first);
	} else {
		cli_error("%s:%lu: id: '%s' was already used on line %lu",
			  b->name, line, key, first);
	}
	return false;
}

static int
exec(struct args *a)
{
	const struct batch_state *st = a->own;
	struct clause_flags *flags = &a->clauses;
	struct calendar_opts *cal = &a->calendar;
	const char *output = a->out.path;
	enum format format = a->out.format;
	bool strict = st->strict, quiet = st->quiet;
	int delim = st->delimiter ? st->delimiter : ',';
	struct batch b;
	struct output out = { NULL, NULL, NULL };
	struct csv_reader *rd = NULL;
	const char *file = "-", *error;
	bool out_open = false, nomem = false;
	tt_ics_writer *w = NULL;
	struct bgwrite *bg = NULL;
	tt_schedule *s = NULL;
	tt_spec *spec = NULL;
	FILE *in = NULL;
	int status = EXIT_INVALID, r;
	char **fields, why[512];
	size_t n, bad;
	unsigned long line;
	struct stat st_in;
	tt_error e;

	memset(&b, 0, sizeof b);
	if (a->argc > 1)
		return cli_usage_error("batch", "only one input FILE may be "
				       "given");
	if (a->argc == 1)
		file = a->argv[0];
	if ((spec = clauses_spec_new()) == NULL)
		goto done;
	s = tt_schedule_new();
	b.keys = batch_keys_new();
	if (s == NULL || b.keys == NULL) {
		cli_error("out of memory");
		goto done;
	}
	/* Check the flags once, so that a bad flag is not a bad row. */
	if (!clauses_apply(spec, flags))
		goto done;
	if (format == FORMAT_ICS && !calendar_set_dtstamp(cal))
		goto done;
	if (!calendar_load_holidays(cal))
		goto done;
	b.name = strcmp(file, "-") == 0 ? "<stdin>" : file;
	in = strcmp(file, "-") == 0 ? stdin : fopen(file, "r");
	if (in == NULL) {
		cli_error("%s: %s", file, strerror(errno));
		goto done;
	}
	rd = csv_reader_new(in, (unsigned char)delim);
	if (rd == NULL) {
		cli_error("out of memory");
		goto done;
	}
	r = csv_reader_next(rd, &fields, &n, &line, &error);
	if (r == -1 && line == 0) {
		cli_error("%s: %s", b.name, error);	/* nothing was read */
		goto done;
	}
	if (r <= 0) {
		cli_error("%s:%lu: %s", b.name, r < 0 ? line : 1,
			  r < 0 ? error : "no header row");
		goto done;
	}
	b.header = line;
	if (!batch_columns_map(&b.cols, fields, n, &bad, why, sizeof why)) {
		cli_error("%s:%lu: column %zu: %s", b.name, b.header, bad + 1,
			  why);
		if (batch_columns_delimiter_hint(fields, n, (unsigned char)delim,
						 why, sizeof why))
			cli_error("hint: %s", why);
		goto done;
	}
	b.progress = !quiet && progress_wanted(output);
	b.in = in;
	if (fstat(fileno(in), &st_in) == 0 && S_ISREG(st_in.st_mode))
		b.size = st_in.st_size;
	if (!output_open(&out, output))
		goto done;
	out_open = true;
	/* Hundreds of megabytes go out: write them in large blocks, JSON
	 * Lines from a second thread while the next rows are computed. */
	if (format == FORMAT_JSONL && (bg = bgwrite_new(out.fp)) != NULL)
		(void)setvbuf(out.fp, NULL, _IONBF, 0);
	else
		(void)setvbuf(out.fp, NULL, _IOFBF, 1 << 20);
	if (format == FORMAT_CSV && !csv_write_header(out.fp))
		goto write_error;
	if (format == FORMAT_ICS &&
	    (w = tt_ics_writer_new(out.fp, &cal->ics, &e)) == NULL) {
		cli_error("%s", e.message);
		goto done;
	}
	while ((r = csv_reader_next(rd, &fields, &n, &line, &error)) != 0) {
		bool ok;

		if (r == -1)
			break;
		b.rows++;
		if (r == -2) {
			/* A malformed record: the reader has skipped it. */
			clear_progress(&b);
			cli_error("%s:%lu: %s", b.name, line, error);
			b.skipped++;
			if (strict)
				goto done;
			continue;
		}
		tt_spec_reset(spec);
		ok = batch_row_fill(&b.cols, spec, fields, n, line, &e) ==
		     TT_OK;
		/* The flags were checked before the first row: only memory
		 * can fail them now, and they say so. */
		if (ok && !clauses_apply(spec, flags))
			goto done;
		if (ok)
			ok = calendar_compute(cal, s, spec, &e) == TT_OK;
		if (!ok)
			bad_row(&b, line, &e);
		else if (!check_key(&b, spec, line, &nomem))
			ok = false;
		if (nomem)
			goto done;
		if (!ok) {
			b.skipped++;
			if (strict)
				goto done;
			continue;
		}
		switch (format) {
		case FORMAT_CSV:
			ok = csv_write_schedule(out.fp, s);
			break;
		case FORMAT_ICS:
			if (tt_ics_writer_add(w, s, &e) != TT_OK) {
				if (e.code == TT_EIO)
					goto write_error;
				clear_progress(&b);
				cli_error("%s: %s", output_name(&out),
					  e.message);
				goto done;
			}
			break;
		default:
			if (bg == NULL) {
				ok = json_write_schedule(out.fp, s, false);
				break;
			}
			json_append_schedule(bgwrite_buf(bg), s);
			ok = bgwrite_ready(bg);
			break;
		}
		if (!ok)
			goto write_error;
		show_progress(&b);
	}
	clear_progress(&b);
	if (r == -1) {
		cli_error("%s:%lu: %s", b.name, line, error);
		goto done;
	}
	if (bg != NULL && !bgwrite_finish(bg))
		goto write_error;
	if (w != NULL) {
		r = tt_ics_writer_finish(w, &e);
		tt_ics_writer_free(w);
		w = NULL;
		if (r == TT_EIO)
			goto write_error;
		if (r != TT_OK) {
			cli_error("%s: %s", output_name(&out), e.message);
			goto done;
		}
	}
	out_open = false;
	if (!output_commit(&out))
		goto done;
	if (b.skipped > 0) {
		cli_error("%s: %lu of %lu rows skipped", b.name, b.skipped,
			  b.rows);
		status = EXIT_SKIPPED;
	} else {
		if (!quiet && isatty(STDERR_FILENO))
			cli_error("%s: %lu rows, none skipped", b.name,
				  b.rows);
		status = EXIT_OK;
	}
	goto done;
write_error:
	clear_progress(&b);
	cli_write_error(out.path, errno);
done:
	clear_progress(&b);
	if (out_open) {
		/* Output that is not a temporary file stays: let it end
		 * complete, a calendar with its footer. */
		if (w != NULL && out.tmp == NULL)
			(void)tt_ics_writer_finish(w, &e);
		bgwrite_free(bg);	/* writes the whole lines made */
		bg = NULL;
		if (out.tmp == NULL)
			(void)fflush(out.fp);
		output_abort(&out);
	}
	bgwrite_free(bg);
	tt_ics_writer_free(w);
	json_release();
	csv_reader_free(rd);
	if (in != NULL && in != stdin)
		fclose(in);
	batch_columns_free(&b.cols);
	batch_keys_free(b.keys);
	tt_schedule_free(s);
	tt_spec_free(spec);
	return status;
}
