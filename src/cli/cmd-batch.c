/*
 * cmd-batch.c -- "treatyterm batch": whole treaty databases from CSV.
 *
 * Each row of the input is one treaty, each column a spec key.  The main
 * thread reads the records and hands them to a pool (batch-pool.c): a
 * worker, with its own reused spec and schedule, fills, computes and (for
 * JSON Lines) formats each row, noting what was wrong with it
 * (work_row()); the main thread then takes the rows back in input order,
 * reports their messages, checks their keys for a treaty given twice and
 * writes them (commit_row()).  So output and messages do not depend on
 * the number of threads, and memory grows only by the keys kept and the
 * chunks in flight.  CSV and calendars are computed and written row by
 * row in the main thread, from its one worker's schedule.
 *
 * A bad row -- a bad cell, a malformed record, a treaty without an id or
 * name, or one given twice -- is reported with its line and skipped (or,
 * with --strict, stops the run); the exit status says that rows were
 * skipped.  So is a bad row of the --parties file, reported at its own
 * line as the file is read, before the first treaty: its treaty is
 * computed without it.  Whatever stops the run, a calendar on standard
 * output is closed, so that it ends complete.
 *
 * The run's state is one struct batch.  exec() opens the input and maps
 * its header, opens the output, starts the pool, reads every row
 * (read_rows()) and finishes (finish_output(), summary()); batch_free()
 * stops the threads and cleans up, aborting an output that was not
 * finished.
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "batch/batch-columns.h"
#include "batch/batch-pool.h"
#include "cli/calendar.h"
#include "cli/clauses.h"
#include "cli/cli.h"
#include "out/format.h"
#include "cli/options.h"
#include "cli/output.h"
#include "batch/parties-csv.h"

/* One worker's own spec and schedule, reused from row to row. */
struct worker {
	const struct batch *b;	/* read only while the rows are worked */
	tt_spec *spec;
	tt_schedule *s;
};

/* A run's state, from the options to the rows being done. */
struct batch {
	/* What the command line asked for. */
	enum format format;
	bool strict, quiet;
	unsigned char delim;
	unsigned jobs;		/* --jobs */
	tt_date today;		/* for every row */
	struct clause_flags *flags;
	struct calendar_opts *cal;
	const struct filter *filter;	/* --from, --until, --kind */
	bool check;			/* --check */
	unsigned long differing;	/* recorded dates that differ */

	/* The input, and the columns its header maps to spec keys. */
	const char *name;	/* the input, for messages */
	FILE *in;
	struct csv_reader *rd;
	unsigned long header;	/* the line of the header row */
	struct batch_columns cols;
	struct batch_keys *keys;	/* the treaties seen so far */

	/* --parties: the file's rows, added to the treaty of each id, and
	 * how many bad ones were skipped. */
	const char *parties_name;
	struct parties *parties;
	unsigned long parties_skipped;

	/* The rows, worked by the pool's threads (or by the main thread
	 * with WORKERS[0]) and committed in order. */
	struct worker *workers;
	unsigned nworkers;
	struct pool *pool;
	unsigned long rows, skipped;

	/* The output, with the writer of its format.  JSON Lines are
	 * written from the pool's chunks, a run of whole rows at a time. */
	struct output out;
	bool out_open;		/* to abort if the run stops */
	tt_ics_writer *w;
	struct jcal jcal;	/* for jCal, where the calendar goes first */
	struct pool_span run;	/* rows of the chunk not yet written */

	/* Progress on standard error: rows done and, for a file of known
	 * size, the share of it read. */
	bool progress;
	off_t size;		/* 0 if unknown */
	struct timespec last;	/* when progress was last shown */
	bool shown;		/* a progress line is on the screen */
};

/* The command's own options. */
struct batch_state {
	int delimiter;		/* 0 for ',' */
	unsigned jobs;		/* 0: as many as processors */
	const char *parties;
	const char *as_of;
	bool strict, quiet, check;
};

/* What became of a record (a pool_row's status). */
enum row {
	ROW_OK,			/* computed: to be written */
	ROW_SKIPPED,		/* it was bad: to be reported and skipped */
	ROW_STOP		/* the run stops (a message was printed) */
};


static int exec(struct args *a);
static int set_delimiter(struct args *a, const struct opt *o,
			 const char *value);
static int set_jobs(struct args *a, const struct opt *o, const char *value);
static void columns_help(FILE *fp);
static int parse_delimiter(const char *s);
static bool progress_wanted(const char *output);
static void start_progress(struct batch *b, const char *output);
static void clear_progress(struct batch *b);
static void show_progress(struct batch *b);
static void batch_init(struct batch *b, struct args *a);
static unsigned count_jobs(const struct batch *b);
static bool worker_init(struct worker *w);
static bool batch_prepare(struct batch *b);
static bool load_parties(struct batch *b, const char *path);
static bool open_input(struct batch *b, const char *file);
static bool read_header(struct batch *b);
static bool open_output(struct batch *b, const char *path);
static bool start_pool(struct batch *b);
static bool read_rows(struct batch *b);
static void notef(struct pool_chunk *c, struct pool_row *row, bool check,
		  const char *fmt, ...) CLI_PRINTF(4, 5);
static void bad_row(const struct batch *b, struct pool_chunk *c,
		    struct pool_row *row, const tt_error *e);
static bool work_row(void *worker, struct pool_chunk *c,
		     struct pool_row *row);
static void report_differences(const struct worker *w,
			       struct pool_chunk *c, struct pool_row *row);
static bool commit_row(void *arg, struct pool_chunk *c,
		       struct pool_row *row);
static bool keep_row(struct batch *b, const struct pool_row *row);
static bool skip_row(struct batch *b, struct pool_chunk *c);
static bool check_key(struct batch *b, const struct pool_chunk *c,
		      const struct pool_row *row, bool *nomem);
static bool write_row(struct batch *b, struct pool_chunk *c,
		      const struct pool_row *row);
static bool write_run(struct batch *b, const struct pool_chunk *c);
static bool write_failed(struct batch *b);
static bool finish_output(struct batch *b);
static int summary(const struct batch *b);
static void abort_output(struct batch *b);
static void batch_free(struct batch *b);

static const struct opt options[] = {
	{ .name = "delimiter", .arg = "CHAR", .handler = set_delimiter,
	  .flags = OPT_ONCE,
	  .help = "the byte between the input's fields: ',' (the default), "
		  "';' or any other but a quote or a line end; 'tab' for a "
		  "tab" },
	{ .name = "jobs", .shortname = 'j', .arg = "N", .handler = set_jobs,
	  .flags = OPT_ONCE, .formats = FORMAT_JSONL,
	  .help = "compute the rows on N threads (1: none beside the one "
		  "that reads and writes); by default one for each processor, "
		  "at most one with --parties" },
	{ .name = "strict", .shortname = 's', .handler = opt_bool,
	  .offset = offsetof(struct batch_state, strict),
	  .help = "stop at the first bad row, of the input or of --parties "
		  "(exit status 1)" },
	{ .name = "parties", .arg = "FILE", .handler = opt_string,
	  .flags = OPT_ONCE, .offset = offsetof(struct batch_state, parties),
	  .help = "add a [party] for each row of the CSV file FILE to the "
		  "treaty whose id its 'treaty' column names" },
	{ .name = "check", .handler = opt_bool,
	  .offset = offsetof(struct batch_state, check),
	  .help = "report each recorded date of a party that differs from "
		  "the computed one; exit status 3 if any" },
	{ .name = "as-of", .arg = "DATE", .handler = opt_string,
	  .flags = OPT_ONCE, .offset = offsetof(struct batch_state, as_of),
	  .formats = FORMAT_JSONL,
	  .help = "in each treaty's JSON, who is a party in force on DATE" },
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
	    "and skipped; the exit status is then 3.\n"
	    "\n"
	    "--parties FILE adds the rows of FILE (one [party] each, see "
	    "'schedule') to\n"
	    "the treaty with the id in their 'treaty' column.  A bad row of "
	    "FILE is\n"
	    "reported as FILE:LINE:COLUMN: message and skipped (its treaty "
	    "is computed\n"
	    "without it); rows for an id that no row computed are reported at "
	    "the end\n"
	    "as FILE:LINE: warning.  The exit status is then 3.\n",
	.help_more = columns_help,
	.options = options,
	.groups = options_treaty_groups,
	.formats = FORMAT_JSONL | FORMAT_CSV | FORMAT_CALENDARS,
	.default_format = FORMAT_JSONL,
	.size = sizeof (struct batch_state),
	.exec = exec,
};

/* Lists the columns after the options in --help. */
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

/* Takes the --delimiter value. */
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

/* Takes the --jobs value: a number from 1 to POOL_MAX_JOBS. */
static int
set_jobs(struct args *a, const struct opt *o, const char *value)
{
	struct batch_state *st = a->own;
	char *end;
	unsigned long n;

	(void)o;
	errno = 0;
	n = strtoul(value, &end, 10);
	if (!isdigit((unsigned char)*value) || *end != '\0' || errno != 0 ||
	    n < 1 || n > POOL_MAX_JOBS)
		return cli_usage_error("batch", "--jobs: expected a number "
				       "from 1 to %d, not '%s'", POOL_MAX_JOBS,
				       value);
	st->jobs = (unsigned)n;
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

/* Shows progress if it is wanted, and notes the size of a regular input
 * file to show the share of it read. */
static void
start_progress(struct batch *b, const char *output)
{
	struct stat st;

	b->progress = !b->quiet && progress_wanted(output);
	if (fstat(fileno(b->in), &st) == 0 && S_ISREG(st.st_mode))
		b->size = st.st_size;
}

/* Blanks the progress line, if one is shown, before a message. */
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

/* Adds a message to ROW, made as printf makes it (to its checks with
 * CHECK), whole whatever its length.  If memory runs out, the chunk says
 * so. */
static void
notef(struct pool_chunk *c, struct pool_row *row, bool check,
      const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	pool_vnotef(c, row, check, fmt, ap);
	va_end(ap);
}

/* Notes what was wrong with ROW: the cell, the flag or the row. */
static void
bad_row(const struct batch *b, struct pool_chunk *c, struct pool_row *row,
	const tt_error *e)
{
	bool cell = false;

	for (size_t i = 0; e->section != NULL && i < b->cols.n; i++)
		if (strcmp(b->cols.keys[i]->section, e->section) == 0 &&
		    strcmp(b->cols.keys[i]->key, e->key) == 0)
			cell = true;
	if (cell && e->line != 0)
		notef(c, row, false, "%s:%lu: %s%s%s: %s", b->name, row->line,
		      strcmp(e->section, "treaty") ? e->section : "",
		      strcmp(e->section, "treaty") ? "." : "", e->key,
		      e->message);
	else if (e->section != NULL && e->line == 0 &&
		 clause_flag_for(e->section, e->key) != NULL)
		notef(c, row, false, "%s:%lu: --%s: %s", b->name, row->line,
		      clause_flag_for(e->section, e->key), e->message);
	else
		notef(c, row, false, "%s:%lu: %s", b->name, row->line,
		      e->message);
}

/* Starts the state of a run from the command line. */
static void
batch_init(struct batch *b, struct args *a)
{
	const struct batch_state *st = a->own;

	memset(b, 0, sizeof *b);
	b->format = a->out.format;
	b->strict = st->strict;
	b->quiet = st->quiet;
	b->delim = (unsigned char)(st->delimiter ? st->delimiter : ',');
	b->jobs = st->jobs;
	b->flags = &a->clauses;
	b->cal = &a->calendar;
	b->filter = &a->filter;
	b->check = st->check;
}

/* How many threads compute the rows: none for CSV and calendars, whose
 * writers take the rows one by one from the one worker; else --jobs, or
 * one a processor, but at most one with --parties, whose rows are marked
 * as used.  A single job needs no thread. */
static unsigned
count_jobs(const struct batch *b)
{
	if (b->format != FORMAT_JSONL)
		return 0;
	return pool_jobs(b->jobs, pool_processors(), b->parties != NULL);
}

/* Makes W's spec and schedule and applies the flags to the spec; false
 * after a message.  Once the flags applied to one spec, only memory can
 * fail them on another, and they say so. */
static bool
worker_init(struct worker *w)
{
	if ((w->spec = clauses_spec_new()) == NULL)
		return false;
	/* One today for every worker, even across midnight. */
	tt_spec_set_today(w->spec, w->b->today);
	if ((w->s = tt_schedule_new()) == NULL) {
		cli_error("out of memory");
		return false;
	}
	return clauses_apply(w->spec, w->b->flags);
}

/* Makes the first worker and the set of keys, and checks what applies
 * to every row; false after a message. */
static bool
batch_prepare(struct batch *b)
{
	b->nworkers = POOL_MAX_JOBS;
	if ((b->workers = calloc(b->nworkers, sizeof *b->workers)) == NULL ||
	    (b->keys = batch_keys_new()) == NULL) {
		cli_error("out of memory");
		return false;
	}
	if (!cli_today(&b->today))
		return false;
	for (unsigned i = 0; i < b->nworkers; i++)
		b->workers[i].b = b;
	/* The first worker checks the flags, so that a bad flag is not a
	 * bad row; the others are made once their number is known. */
	if (!worker_init(&b->workers[0]))
		return false;
	if ((b->format & FORMAT_CALENDARS) && !calendar_set_dtstamp(b->cal))
		return false;
	return calendar_load_holidays(b->cal);
}

/* Reports a bad row of the --parties file, which is skipped. */
static void
bad_party(void *arg, const tt_error *e)
{
	struct batch *b = arg;

	cli_file_error(b->parties_name, e);
	b->parties_skipped++;
}

/* Reads the --parties file PATH, its cells checked as the rows' spec
 * takes them; a bad row is reported and skipped, or with --strict stops
 * the run.  False after a message. */
static bool
load_parties(struct batch *b, const char *path)
{
	FILE *fp;
	tt_error e;

	b->parties_name = path;
	if ((fp = fopen(path, "r")) == NULL) {
		cli_error("%s: %s", path, strerror(errno));
		return false;
	}
	if (parties_read(fp, true, b->workers[0].spec,
			 b->strict ? NULL : bad_party, b, &b->parties, &e) !=
	    TT_OK)
		cli_file_error(path, &e);
	fclose(fp);
	return b->parties != NULL;
}

/* Warns of the treaties of the parties file that no row computed; true
 * if there were any. */
static bool
unused_parties(const struct batch *b)
{
	const char *treaty;
	unsigned long line;
	size_t at = 0, n;
	bool any = false;

	while (b->parties != NULL &&
	       parties_next_unused(b->parties, &at, &treaty, &line, &n)) {
		cli_error("%s:%lu: warning: no treaty with id '%s' was "
			  "computed from %s: %zu part%s not used",
			  b->parties_name, line, treaty, b->name, n,
			  n == 1 ? "y" : "ies");
		any = true;
	}
	return any;
}

/* Opens FILE ("-" for standard input) and maps its header row; false
 * after a message. */
static bool
open_input(struct batch *b, const char *file)
{
	/* Read in blocks larger than stdio's 4 KiB: for a file of 250,000
	 * rows, reading 4 KiB a call took a twentieth of the run. */
	static char inbuf[64 * 1024];

	b->name = strcmp(file, "-") == 0 ? "<stdin>" : file;
	b->in = strcmp(file, "-") == 0 ? stdin : fopen(file, "r");
	if (b->in == NULL) {
		cli_error("%s: %s", file, strerror(errno));
		return false;
	}
	setvbuf(b->in, inbuf, _IOFBF, sizeof inbuf);
	b->rd = csv_reader_new(b->in, b->delim);
	if (b->rd == NULL) {
		cli_error("out of memory");
		return false;
	}
	return read_header(b);
}

/* Reads the header row and maps its columns to spec keys; false after a
 * message, with a hint when another delimiter seems meant. */
static bool
read_header(struct batch *b)
{
	char **fields, why[512];
	const char *error;
	unsigned long line;
	size_t n, bad;
	int r;

	r = csv_reader_next(b->rd, &fields, &n, &line, &error);
	if (r == -1 && line == 0) {
		cli_error("%s: %s", b->name, error);	/* nothing was read */
		return false;
	}
	if (r <= 0) {
		cli_error("%s:%lu: %s", b->name, r < 0 ? line : 1,
			  r < 0 ? error : "no header row");
		return false;
	}
	b->header = line;
	if (batch_columns_map(&b->cols, fields, n, &bad, why, sizeof why))
		return true;
	cli_error("%s:%lu: column %zu: %s", b->name, b->header, bad + 1, why);
	if (batch_columns_delimiter_hint(fields, n, b->delim, why, sizeof why))
		cli_error("hint: %s", why);
	return false;
}

/* Opens the output (PATH, NULL or "-" for standard output) and starts its
 * format: the CSV header or the calendar writer; false after a message. */
static bool
open_output(struct batch *b, const char *path)
{
	tt_error e;

	if (!output_open(&b->out, path))
		return false;
	b->out_open = true;
	/* Hundreds of megabytes go out: write them in large blocks (JSON
	 * Lines a chunk of rows at a time, mostly past the buffer). */
	(void)setvbuf(b->out.fp, NULL, _IOFBF, 1 << 20);
	if (b->format == FORMAT_CSV && !csv_write_header(b->out.fp))
		return write_failed(b);
	if ((b->format & FORMAT_CALENDARS) &&
	    (b->w = tt_ics_writer_new(jcal_begin(&b->jcal, b->out.fp,
						 b->format),
				      &b->cal->ics, &e)) == NULL) {
		cli_error("%s", e.message);
		return false;
	}
	return true;
}

/* Starts the pool with its workers' specs and schedules; false after a
 * message.  If no thread can be started, the main thread does the
 * rows. */
static bool
start_pool(struct batch *b)
{
	void *states[POOL_MAX_JOBS];
	unsigned jobs = count_jobs(b);
	/* CSV and calendars are written from the worker's schedule. */
	bool one = b->format != FORMAT_JSONL;

	for (unsigned i = 0; i < b->nworkers; i++)
		states[i] = &b->workers[i];
	for (unsigned i = 1; i < jobs; i++)
		if (!worker_init(&b->workers[i]))
			return false;
	b->pool = pool_new(jobs, one, states, work_row, commit_row, b);
	if (b->pool == NULL && jobs > 0 && errno != ENOMEM)
		b->pool = pool_new(0, one, states, work_row, commit_row, b);
	if (b->pool == NULL) {
		cli_error("out of memory");
		return false;
	}
	return true;
}

/* Reads every record and adds it to the pool, which has it computed and
 * committed; false after a message. */
static bool
read_rows(struct batch *b)
{
	enum pool_result r = POOL_OK;
	char **fields;
	const char *error = NULL;
	unsigned long line;
	size_t n;
	int got;

	while (r == POOL_OK &&
	       (got = csv_reader_next(b->rd, &fields, &n, &line,
				      &error)) != 0) {
		if (got == -1) {
			/* The input cannot be read on: what was read is
			 * done first. */
			if ((r = pool_finish(b->pool)) == POOL_OK) {
				clear_progress(b);
				cli_error("%s:%lu: %s", b->name, line, error);
				return false;
			}
			break;
		}
		/* A malformed record (-2) has been skipped by the reader:
		 * it is reported in its turn. */
		r = pool_add(b->pool, line, got == -2 ? NULL : fields, n,
			     error);
	}
	if (r == POOL_OK)
		r = pool_finish(b->pool);
	if (r == POOL_NOMEM) {
		clear_progress(b);
		cli_error("out of memory");
	}
	return r == POOL_OK;
}

/* Computes ROW with the worker W: its cells, the flags, its parties, its
 * schedule and its key, then its output for JSON Lines; what was wrong
 * is noted in the chunk C, to be reported in the row's turn.  False when
 * the run stops at ROW. */
static bool
work_row(void *worker, struct pool_chunk *c, struct pool_row *row)
{
	struct worker *w = worker;
	const struct batch *b = w->b;
	const char *key;
	char why[CLAUSES_WHY_SIZE];
	tt_error e;

	row->status = ROW_SKIPPED;
	if (row->fields == NULL) {
		notef(c, row, false, "%s:%lu: %s", b->name, row->line,
		      row->error);
		return true;
	}
	tt_spec_reset(w->spec);
	if (batch_row_fill(&b->cols, w->spec, row->fields, row->nfields,
			   row->line, &e) != TT_OK) {
		bad_row(b, c, row, &e);
		return true;
	}
	/* The flags were checked before the first row: only memory can fail
	 * them now. */
	if (!clauses_apply_quiet(w->spec, b->flags, why, sizeof why)) {
		notef(c, row, false, "%s", why);
		row->status = ROW_STOP;
		return false;
	}
	if (b->parties != NULL &&
	    parties_add(b->parties, w->spec, tt_spec_id(w->spec), NULL,
			&e) != TT_OK) {
		notef(c, row, false, "%s:%u: %s (treaty of %s:%lu)",
		      b->parties_name, e.line, e.message, b->name, row->line);
		return true;
	}
	if (calendar_compute(b->cal, w->s, w->spec, &e) != TT_OK) {
		if (e.input == PARTIES_INPUT)
			notef(c, row, false, "%s:%u:%u: %s (treaty of %s:%lu)",
			      b->parties_name, e.line, e.column, e.message,
			      b->name, row->line);
		else
			bad_row(b, c, row, &e);
		return true;
	}
	key = batch_row_key(w->spec);
	if (*key == '\0') {
		notef(c, row, false, "%s:%lu: no id or name: give the row an "
		      "id (its calendar events are known by it)", b->name,
		      row->line);
		return true;
	}
	pool_set_key(c, row, key);
	row->named = *tt_spec_id(w->spec) == '\0';
	if (b->check)
		report_differences(w, c, row);
	if (b->format == FORMAT_JSONL) {
		row->data.off = c->data.len;
		json_append_schedule_filtered(&c->data, w->s, b->filter);
		row->data.len = c->data.len - row->data.off;
	}
	row->status = ROW_OK;
	return true;
}

/* --check: each recorded date of the row's parties that differs from the
 * computed one, as a message at the cell that records it in the parties
 * file (the line to fix), or else at the row's line, reported if the row
 * is written. */
static void
report_differences(const struct worker *w, struct pool_chunk *c,
		   struct pool_row *row)
{
	char r[TT_DATE_BUFSIZE], d[TT_DATE_BUFSIZE];
	char basis[TT_TEXT_BUFSIZE], at[64];

	for (size_t i = 0; i < tt_schedule_discrepancy_count(w->s); i++) {
		const tt_discrepancy *x = tt_schedule_discrepancy_at(w->s, i);
		const tt_party *p = tt_schedule_party_at(w->s, x->party);
		bool file = x->input == PARTIES_INPUT && x->line != 0;

		if (x->has_computed)
			tt_milestone_basis(&x->basis, basis, sizeof basis);
		if (file && x->column != 0)
			snprintf(at, sizeof at, "%u:%u", x->line, x->column);
		else if (file)
			snprintf(at, sizeof at, "%u", x->line);
		else
			snprintf(at, sizeof at, "%lu", row->line);
		notef(c, row, true, "%s:%s: %s: %s: %s recorded %s, computed "
		      "%s%s%s%s", file ? w->b->parties_name : w->b->name, at,
		      batch_row_key(w->spec), p->name, x->field,
		      tt_date_format(x->recorded, r),
		      x->has_computed ? tt_date_format(x->computed, d) :
		      "none", x->has_computed ? " (" : "",
		      x->has_computed ? basis : "",
		      x->has_computed ? ")" : "");
	}
}

/* Acts on ROW in its turn: reports what was wrong, checks its key, then
 * writes it.  A NULL ROW ends the chunk C: what is left of it is written.
 * False stops the run (after a message). */
static bool
commit_row(void *arg, struct pool_chunk *c, struct pool_row *row)
{
	struct batch *b = arg;
	const char *msg;
	size_t at = 0;
	bool nomem = false;

	if (row == NULL)
		return write_run(b, c);
	b->rows++;
	while ((msg = pool_text(c, row->notes, &at)) != NULL) {
		clear_progress(b);
		cli_error("%s", msg);
	}
	switch (row->status) {
	case ROW_STOP:
		(void)write_run(b, c);
		return false;
	case ROW_SKIPPED:
		return keep_row(b, row) && skip_row(b, c);
	default:
		break;
	}
	if (!check_key(b, c, row, &nomem)) {
		if (nomem) {
			(void)write_run(b, c);
			return false;
		}
		return skip_row(b, c);
	}
	for (at = 0; (msg = pool_text(c, row->checks, &at)) != NULL;) {
		clear_progress(b);
		cli_error("%s", msg);
	}
	b->differing += row->nchecks;
	if (!write_row(b, c, row))
		return false;
	show_progress(b);
	return true;
}

/* A calendar over --previous keeps the events of a treaty whose row is
 * bad as they were, rather than cancel them: the row is known by its id
 * and name cells (a malformed record by nothing).  False after a
 * message. */
static bool
keep_row(struct batch *b, const struct pool_row *row)
{
	tt_error e;

	if (b->w == NULL || b->cal->ics.previous == NULL ||
	    row->fields == NULL)
		return true;
	if (tt_ics_writer_keep(b->w, batch_row_cells_key(&b->cols,
							 b->workers[0].spec,
							 row->fields,
							 row->nfields),
			       &e) == TT_OK)
		return true;
	clear_progress(b);
	cli_error("%s", e.message);
	return false;
}

/* Counts a bad row, reported already; with --strict the run stops
 * (false) once the rows before it are written. */
static bool
skip_row(struct batch *b, struct pool_chunk *c)
{
	b->skipped++;
	if (!b->strict)
		return true;
	(void)write_run(b, c);
	return false;
}

/* Checks that ROW's key (its id or name) was not that of a row before;
 * false after a message. */
static bool
check_key(struct batch *b, const struct pool_chunk *c,
	  const struct pool_row *row, bool *nomem)
{
	size_t at = 0;
	const char *key = pool_text(c, row->key, &at);
	unsigned long first = 0;
	int r;

	r = batch_keys_add(b->keys, key, row->line, &first);
	if (r > 0)
		return true;
	clear_progress(b);
	if (r < 0) {
		cli_error("out of memory");
		*nomem = true;
	} else if (row->named) {
		cli_error("%s:%lu: name: '%s' was already used on line %lu (a "
			  "row without an id is known by its name: give it "
			  "an id)", b->name, row->line, key, first);
	} else {
		cli_error("%s:%lu: id: '%s' was already used on line %lu",
			  b->name, row->line, key, first);
	}
	return false;
}

/* Writes ROW: JSON Lines join the run of rows to write; CSV and
 * calendars are written from the one worker's schedule.  False after a
 * message. */
static bool
write_row(struct batch *b, struct pool_chunk *c, const struct pool_row *row)
{
	const tt_schedule *s = b->workers[0].s;
	tt_error e;

	switch (b->format) {
	case FORMAT_CSV:
		return csv_write_schedule_filtered(b->out.fp, s, b->filter) ||
		       write_failed(b);
	case FORMAT_ICS:
	case FORMAT_JCAL:
		if (tt_ics_writer_add(b->w, s, &e) == TT_OK)
			return true;
		if (e.code == TT_EIO)
			return write_failed(b);
		clear_progress(b);
		cli_error("%s: %s", output_name(&b->out), e.message);
		return false;
	default:
		/* A row skipped since the run began ends it. */
		if (b->run.len > 0 && b->run.off + b->run.len != row->data.off &&
		    !write_run(b, c))
			return false;
		if (b->run.len == 0)
			b->run.off = row->data.off;
		b->run.len += row->data.len;
		return true;
	}
}

/* Writes the run of JSON Lines rows of C not yet written; false after a
 * message. */
static bool
write_run(struct batch *b, const struct pool_chunk *c)
{
	size_t len = b->run.len;

	b->run.len = 0;
	if (len == 0)
		return true;
	return fwrite(c->data.p + b->run.off, 1, len, b->out.fp) == len ||
	       write_failed(b);
}

/* Reports a failed write, errno telling why; returns false. */
static bool
write_failed(struct batch *b)
{
	clear_progress(b);
	cli_write_error(b->out.path, errno);
	return false;
}

/* Ends the output once every row is done: the calendar's footer, then
 * the commit; false after a message. */
static bool
finish_output(struct batch *b)
{
	tt_status r;
	tt_error e;

	clear_progress(b);
	if (b->w != NULL) {
		const char *why;
		bool ok;

		r = tt_ics_writer_finish(b->w, &e);
		tt_ics_writer_free(b->w);
		b->w = NULL;
		ok = jcal_end(&b->jcal, r == TT_OK, &why);
		if (why != NULL) {
			cli_error("%s: %s", output_name(&b->out), why);
			return false;
		}
		if (r == TT_EIO || (r == TT_OK && !ok))
			return write_failed(b);
		if (r != TT_OK) {
			cli_error("%s: %s", output_name(&b->out), e.message);
			return false;
		}
	}
	b->out_open = false;
	return output_commit(&b->out);
}

/* Says how many rows were skipped, or on a terminal that none were;
 * returns the exit status. */
static int
summary(const struct batch *b)
{
	bool unused = unused_parties(b);

	if (b->parties_skipped > 0)
		cli_error("%s: %lu of %lu rows skipped", b->parties_name,
			  b->parties_skipped, b->parties_skipped +
			  (unsigned long)parties_count(b->parties));
	if (b->skipped > 0) {
		cli_error("%s: %lu of %lu rows skipped", b->name, b->skipped,
			  b->rows);
		return EXIT_SKIPPED;
	}
	if (unused || b->parties_skipped > 0)
		return EXIT_SKIPPED;
	if (b->differing > 0) {
		cli_error("%s: %lu recorded dates differ from the computed "
			  "ones", b->name, b->differing);
		return EXIT_DIFFERS;
	}
	if (!b->quiet && isatty(STDERR_FILENO))
		cli_error("%s: %lu rows, none skipped", b->name, b->rows);
	return EXIT_OK;
}

/* Gives up on the output, if it is still open after a failure. */
static void
abort_output(struct batch *b)
{
	const char *why;
	tt_error e;

	if (!b->out_open)
		return;
	/* Output that is not a temporary file stays: let it end complete,
	 * a calendar with its footer (JSON Lines hold whole rows only). */
	if (b->w != NULL && b->out.tmp == NULL)
		(void)tt_ics_writer_finish(b->w, &e);
	(void)jcal_end(&b->jcal, b->w != NULL && b->out.tmp == NULL, &why);
	if (b->out.tmp == NULL)
		(void)fflush(b->out.fp);
	output_abort(&b->out);
	b->out_open = false;
}

/* Ends a run however it went: stops the threads, aborts the output if it
 * is still open and frees everything. */
static void
batch_free(struct batch *b)
{
	pool_free(b->pool);
	clear_progress(b);
	abort_output(b);
	tt_ics_writer_free(b->w);
	csv_reader_free(b->rd);
	if (b->in != NULL && b->in != stdin)
		fclose(b->in);
	batch_columns_free(&b->cols);
	batch_keys_free(b->keys);
	parties_free(b->parties);
	for (unsigned i = 0; b->workers != NULL && i < b->nworkers; i++) {
		tt_schedule_free(b->workers[i].s);
		tt_spec_free(b->workers[i].spec);
	}
	free(b->workers);
}

/* Checks the operands, opens the input and the output, computes and
 * writes each row, then finishes. */
static int
exec(struct args *a)
{
	const struct batch_state *st = a->own;
	struct batch b;
	int status = EXIT_INVALID;

	if (a->argc > 1)
		return cli_usage_error("batch", "only one input FILE may be "
				       "given");
	if (st->as_of != NULL) {
		tt_error e;

		if (tt_date_parse_text(st->as_of, &a->calendar.as_of, &e) !=
		    TT_OK) {
			cli_arg_error("--as-of", st->as_of, &e);
			return EXIT_USAGE;
		}
		a->calendar.has_as_of = true;
	}
	batch_init(&b, a);
	if (!batch_prepare(&b) ||
	    (st->parties != NULL && !load_parties(&b, st->parties)) ||
	    !open_input(&b, a->argc == 1 ? a->argv[0] : "-"))
		goto done;
	start_progress(&b, a->out.path);
	if (open_output(&b, a->out.path) && start_pool(&b) && read_rows(&b) &&
	    finish_output(&b))
		status = summary(&b);
done:
	batch_free(&b);
	return status;
}
