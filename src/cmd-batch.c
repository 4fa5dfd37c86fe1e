/*
 * cmd-batch.c -- "treatyterm batch": whole treaty databases from CSV.
 *
 * Each row of the input is one treaty, each column a spec key; the row is
 * parsed into one reused spec, computed into one reused schedule and
 * written at once, so memory does not grow with the number of rows.  A bad
 * row is reported with its line and skipped (or, with --strict, stops the
 * run); the exit status says that rows were skipped.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "calendar.h"
#include "clauses.h"
#include "cli.h"
#include "format.h"
#include "output.h"

/* The spec key a column sets. */
struct column {
	char section[16];
	char key[24];
};

struct batch {
	const char *name;	/* the input, for messages */
	unsigned long header;	/* the line of the header row */
	struct column *cols;
	size_t ncols;
	unsigned long rows, skipped;
	bool progress;
	time_t last_progress;
};

static void
usage(void)
{
	printf("Usage: %s batch [FILE|-] [--format jsonl|csv|ics] [-o FILE] "
	       "[CLAUSE]... [OPTION]...\n"
	       "Compute the schedule of every treaty in a CSV file (RFC "
	       "4180, header row):\n"
	       "one row per treaty, one column per spec key (id, name, "
	       "entry_into_force,\n"
	       "term, convention, notice_given, horizon; the other "
	       "sections' keys as\n"
	       "section.key, e.g. consultation.first, withdrawal.notice).  "
	       "Empty cells are\n"
	       "not set; clause flags apply to every row.  Output is "
	       "streamed.\n"
	       "\n"
	       "  -f, --format FORMAT   jsonl (default: one schedule object "
	       "a line), csv\n"
	       "                        (one row per milestone) or ics (one "
	       "calendar)\n"
	       "  -o, --output FILE     write to FILE, replacing it only "
	       "when all went well\n"
	       "  -s, --strict          stop at the first bad row\n"
	       "  -q, --quiet           no progress indicator\n"
	       "      --json-c          build each JSON line with json-c "
	       "(slower; the default\n"
	       "                        writes the same bytes directly)\n"
	       "  -h, --help            display this help and exit\n"
	       "  -V, --version         output version information and "
	       "exit\n"
	       "\n"
	       "A bad row is reported as FILE:LINE: message and skipped; the "
	       "exit status\n"
	       "is then 3.\n\n", cli_program);
	clause_flags_help(stdout);
	printf("\n");
	calendar_options_help(stdout);
}

/* Maps header cell NAME (column I, from 1) to a spec key. */
static bool
map_column(struct batch *b, size_t i, const char *name)
{
	struct column *c = &b->cols[i - 1];
	const char *dot = strchr(name, '.');
	size_t n;

	if (i == 1 && strncmp(name, "\xef\xbb\xbf", 3) == 0)
		name += 3;	/* a byte order mark */
	dot = strchr(name, '.');
	if (dot == NULL) {
		snprintf(c->section, sizeof c->section, "treaty");
		n = strlen(name);
		if (n >= sizeof c->key)
			goto unknown;
		memcpy(c->key, name, n + 1);
	} else {
		n = (size_t)(dot - name);
		if (n >= sizeof c->section || strlen(dot + 1) >= sizeof c->key ||
		    (n == 6 && memcmp(name, "treaty", 6) == 0))
			goto unknown;
		memcpy(c->section, name, n);
		c->section[n] = '\0';
		snprintf(c->key, sizeof c->key, "%s", dot + 1);
	}
	if (!tt_spec_key_is_known(c->section, c->key))
		goto unknown;
	for (size_t j = 0; j + 1 < i; j++)
		if (strcmp(b->cols[j].section, c->section) == 0 &&
		    strcmp(b->cols[j].key, c->key) == 0) {
			cli_error("%s:%lu: column %zu: '%s' appears twice",
				  b->name, b->header, i, name);
			return false;
		}
	return true;
unknown:
	cli_error("%s:%lu: column %zu: unknown column '%.60s' (expected a "
		  "spec key: id, name, entry_into_force, term, ... or "
		  "section.key)", b->name, b->header, i, name);
	return false;
}

static void
show_progress(struct batch *b, bool last)
{
	time_t now;

	if (!b->progress)
		return;
	if (last) {
		fprintf(stderr, "\r%*s\r", 60, "");
		return;
	}
	if (b->rows % 4096 != 0 || (now = time(NULL)) == b->last_progress)
		return;
	b->last_progress = now;
	fprintf(stderr, "\r%s: batch: %lu rows, %lu skipped", cli_program,
		b->rows, b->skipped);
}

/* Reports what was wrong with the row at LINE. */
static void
bad_row(struct batch *b, unsigned long line, const tt_error *e)
{
	const char *col = NULL;

	for (size_t i = 0; e->section != NULL && i < b->ncols; i++)
		if (strcmp(b->cols[i].section, e->section) == 0 &&
		    strcmp(b->cols[i].key, e->key) == 0)
			col = b->cols[i].key;
	show_progress(b, true);
	if (col != NULL && e->line != 0)
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

/* Fills SPEC from one row; false (with E) for a bad cell. */
static bool
fill_row(struct batch *b, tt_spec *spec, char **fields, size_t n,
	 unsigned long line, tt_error *e)
{
	char fallback[32];

	if (n != b->ncols) {
		memset(e, 0, sizeof *e);
		snprintf(e->message, sizeof e->message,
			 "the row has %zu field%s, the header %zu", n,
			 n == 1 ? "" : "s", b->ncols);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		if (fields[i][0] == '\0')
			continue;	/* not set */
		if (tt_spec_set(spec, b->cols[i].section, b->cols[i].key,
				fields[i], (unsigned)line, 1, e) != TT_OK)
			return false;
	}
	if (*tt_spec_id(spec) == '\0') {
		/* Every treaty needs an identity for its calendar UIDs. */
		snprintf(fallback, sizeof fallback, "line-%lu", line);
		tt_spec_set(spec, "treaty", "id", fallback, 0, 0, NULL);
	}
	return true;
}

/* Sets the clause flags on SPEC (they were checked before the rows). */
static void
apply_flags(tt_spec *spec, const struct clause_flags *f)
{
	for (size_t i = 0; i < f->n; i++) {
		if (f->items[i].def->starts)
			tt_spec_begin_section(spec, f->items[i].def->section,
					      0, 0, NULL);
		tt_spec_set(spec, f->items[i].def->section,
			    f->items[i].def->key, f->items[i].value, 0, 0,
			    NULL);
	}
}

static int
run(int argc, char **argv)
{
	static const struct option own[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "strict", no_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "json-c", no_argument, NULL, 'J' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
	};
	struct option *longopts;
	struct clause_flags flags = { NULL, 0, 0 };
	struct calendar_opts cal;
	struct batch b;
	struct output out = { NULL, NULL, NULL };
	struct csv_reader *rd = NULL;
	enum format format = FORMAT_JSONL;
	const char *output = NULL, *file = "-", *error;
	bool strict = false, quiet = false, out_open = false;
	bool json_c = false;
	tt_ics_writer *w = NULL;
	tt_schedule *s = NULL;
	tt_spec *spec = NULL;
	FILE *in = NULL;
	int status = EXIT_INVALID, c, r;
	char **fields;
	size_t n;
	unsigned long line;
	tt_error e;

	memset(&b, 0, sizeof b);
	calendar_opts_init(&cal);
	longopts = clause_longopts(own, sizeof own / sizeof own[0]);
	if (longopts == NULL)
		return EXIT_INVALID;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:o:sqhV", longopts, NULL)) !=
	       -1) {
		r = clause_or_calendar_option(&flags, &cal, "batch", c, optarg);
		if (r < 0) {
			status = -r;
			goto done;
		}
		if (r > 0)
			continue;
		switch (c) {
		case 'f':
			if (!format_parse("batch", optarg, FORMAT_JSONL |
					  FORMAT_CSV | FORMAT_ICS, &format)) {
				status = EXIT_USAGE;
				goto done;
			}
			break;
		case 'o':
			output = optarg;
			break;
		case 's':
			strict = true;
			break;
		case 'q':
			quiet = true;
			break;
		case 'J':
			json_c = true;
			break;
		case 'h':
			usage();
			status = cli_finish_stdout(EXIT_OK);
			goto done;
		case 'V':
			status = cli_print_version();
			goto done;
		default:
			status = cli_option_error("batch", c, argv);
			goto done;
		}
	}
	if (argc - optind > 1) {
		status = cli_usage_error("batch", "only one input FILE may be "
					 "given");
		goto done;
	}
	if (argc - optind == 1)
		file = argv[optind];
	spec = tt_spec_new();
	s = tt_schedule_new();
	if (spec == NULL || s == NULL) {
		cli_error("out of memory");
		goto done;
	}
	/* Check the flags once, so that a bad flag is not a bad row. */
	if (!clauses_apply(spec, &flags))
		goto done;
	if (format == FORMAT_ICS && !calendar_set_dtstamp(&cal))
		goto done;
	if (!calendar_load_holidays(&cal))
		goto done;
	b.name = strcmp(file, "-") == 0 ? "<stdin>" : file;
	in = strcmp(file, "-") == 0 ? stdin : fopen(file, "r");
	if (in == NULL) {
		cli_error("%s: %s", file, strerror(errno));
		goto done;
	}
	rd = csv_reader_new(in);
	if (rd == NULL) {
		cli_error("out of memory");
		goto done;
	}
	r = csv_reader_next(rd, &fields, &n, &line, &error);
	if (r < 0 && line == 0) {
		cli_error("%s: %s", b.name, error);	/* nothing was read */
		goto done;
	}
	if (r <= 0) {
		cli_error("%s:%lu: %s", b.name, r < 0 ? line : 1,
			  r < 0 ? error : "no header row");
		goto done;
	}
	b.header = line;
	b.cols = calloc(n, sizeof *b.cols);
	if (b.cols == NULL) {
		cli_error("out of memory");
		goto done;
	}
	b.ncols = n;
	for (size_t i = 0; i < n; i++)
		if (!map_column(&b, i + 1, fields[i]))
			goto done;
	b.progress = !quiet && isatty(STDERR_FILENO);
	if (!output_open(&out, output))
		goto done;
	out_open = true;
	if (format == FORMAT_CSV && !csv_write_header(out.fp))
		goto write_error;
	if (format == FORMAT_ICS &&
	    (w = tt_ics_writer_new(out.fp, &cal.ics, &e)) == NULL) {
		cli_error("%s", e.message);
		goto done;
	}
	while ((r = csv_reader_next(rd, &fields, &n, &line, &error)) > 0) {
		bool ok;

		b.rows++;
		tt_spec_reset(spec);
		ok = fill_row(&b, spec, fields, n, line, &e);
		if (ok) {
			apply_flags(spec, &flags);
			ok = calendar_compute(&cal, s, spec, &e) == TT_OK;
		}
		if (!ok) {
			bad_row(&b, line, &e);
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
				cli_error("%s", e.message);
				goto done;
			}
			break;
		default:
			ok = json_c ? json_write_schedule(out.fp, s, false) :
			     jsonl_write_schedule(out.fp, s);
			break;
		}
		if (!ok)
			goto write_error;
		show_progress(&b, false);
	}
	if (r < 0) {
		show_progress(&b, true);
		cli_error("%s:%lu: %s", b.name, line, error);
		goto done;
	}
	if (w != NULL && tt_ics_writer_finish(w, &e) != TT_OK) {
		cli_error("%s", e.message);
		goto done;
	}
	show_progress(&b, true);
	out_open = false;
	if (!output_commit(&out))
		goto done;
	if (b.skipped > 0) {
		cli_error("%s: %lu of %lu rows skipped", b.name, b.skipped,
			  b.rows);
		status = EXIT_SKIPPED;
	} else {
		status = EXIT_OK;
	}
	goto done;
write_error:
	cli_error("%s: write error: %s", output ? output : "standard output",
		  strerror(errno));
done:
	if (out_open)
		output_abort(&out);
	tt_ics_writer_free(w);
	jsonl_release();
	csv_reader_free(rd);
	if (in != NULL && in != stdin)
		fclose(in);
	free(b.cols);
	tt_schedule_free(s);
	tt_spec_free(spec);
	clause_flags_free(&flags);
	calendar_opts_free(&cal);
	free(longopts);
	return status;
}

const struct cli_command cmd_batch = {
	.name = "batch",
	.summary = "schedules for every treaty in a CSV file",
	.run = run,
};
