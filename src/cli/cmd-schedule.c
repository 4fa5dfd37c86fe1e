/*
 * cmd-schedule.c -- "treatyterm schedule": every date one treaty's
 * clauses produce, as a table, JSON, CSV or iCalendar; or, for a treaty
 * with parties, a picture of how many are in force over time.
 */
#include <config.h>

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli/calendar.h"
#include "cli/clauses.h"
#include "cli/cli.h"
#include "out/format.h"
#include "out/writer.h"
#include "cli/options.h"
#include "cli/output.h"
#include "batch/parties-csv.h"

struct schedule_state {
	const char *preset;
	const char *out_by;
	const char *party;
	const char *as_of;
	const char *parties;
	bool explain;
	bool check;
};

static int exec(struct args *a);

static const struct opt options[] = {
	{ .name = "preset", .shortname = 'p', .arg = "NAME",
	  .handler = opt_string, .flags = OPT_ONCE,
	  .offset = offsetof(struct schedule_state, preset),
	  .help = "start from a built-in treaty (see 'treatyterm presets')" },
	{ .name = "explain", .shortname = 'e', .handler = opt_bool,
	  .offset = offsetof(struct schedule_state, explain),
	  .formats = FORMAT_TABLE,
	  .help = "show how each date was derived (and a preset's source)" },
	{ .name = "out-by", .arg = "DATE", .handler = opt_string,
	  .flags = OPT_ONCE, .offset = offsetof(struct schedule_state, out_by),
	  .formats = FORMAT_TABLE | FORMAT_JSON,
	  .help = "the last day a notice can be received to be out of the "
		  "treaty by DATE, under every reading; if that day has "
		  "passed, the next way out" },
	{ .name = "party", .arg = "NAME", .handler = opt_string,
	  .flags = OPT_ONCE, .offset = offsetof(struct schedule_state, party),
	  .help = "only this party's dates (a multilateral treaty's "
		  "[party] NAME)" },
	{ .name = "as-of", .arg = "DATE", .handler = opt_string,
	  .flags = OPT_ONCE, .offset = offsetof(struct schedule_state, as_of),
	  .formats = FORMAT_TABLE | FORMAT_JSON,
	  .help = "who is a party in force on DATE, and how many" },
	{ .name = "check", .handler = opt_bool,
	  .offset = offsetof(struct schedule_state, check),
	  .help = "compare the parties' recorded dates with the computed "
		  "ones; exit status 3 if any differ" },
	{ .name = "parties", .arg = "FILE", .handler = opt_string,
	  .flags = OPT_ONCE, .offset = offsetof(struct schedule_state, parties),
	  .help = "add a [party] for each row of the CSV file FILE, whose "
		  "header names [party] keys (and 'treaty': empty or the "
		  "spec's id, other rows are skipped)" },
	OPT_END
};

const struct cli_command cmd_schedule = {
	.name = "schedule",
	.summary = "every date one treaty's clauses produce",
	.usage = "[SPEC | --preset NAME] [CLAUSE]... [OPTION]...",
	.description =
	    "Print every date a treaty's clauses produce, each with the rule "
	    "behind it.\n"
	    "The clauses come from the spec file SPEC ('-' for standard "
	    "input) or a\n"
	    "preset, and from clause flags, which override both.  A DATE is "
	    "YYYY-MM-DD\n"
	    "or today.\n",
	.options = options,
	.groups = options_treaty_groups,
	.formats = FORMAT_TABLE | FORMAT_JSON | FORMAT_CSV | FORMAT_ICS |
		   FORMAT_SVG | FORMAT_PNG | FORMAT_PDF | FORMAT_JCAL,
	.default_format = FORMAT_TABLE,
	.size = sizeof (struct schedule_state),
	.exec = exec,
};

/* Reads the DATE of option NAME into *OUT; false after a message. */
static bool
date_option(const char *name, const char *text, tt_date *out)
{
	tt_error e;

	if (tt_date_parse_text(text, out, &e) == TT_OK)
		return true;
	cli_arg_error(name, text, &e);
	return false;
}

/* Writes S in the chosen format; false after a message. */
static bool
write_schedule(struct args *a, struct output *out, const tt_schedule *s)
{
	const struct schedule_state *st = a->own;
	struct writer_opts o = {
		.filter = &a->filter, .ics = &a->calendar.ics,
		.title = *tt_schedule_name(s) ? tt_schedule_name(s) : NULL,
		.explain = st->explain, .check = st->check,
		.preset = st->preset
	};
	struct writer_doc d;
	bool ok;

	errno = 0;
	ok = writer_begin(&d, a->out.format, out->fp, &o) &&
	     d.w->schedule(&d, s);
	ok = writer_end(&d, ok);
	return output_end(out, ok, d.why);
}

/* Reads the parties file PATH ("-" for standard input), with cells
 * checked as SPEC takes them; NULL after a message. */
static struct parties *
load_parties(const char *path, const tt_spec *spec)
{
	bool std = strcmp(path, "-") == 0;
	FILE *fp = std ? stdin : fopen(path, "r");
	struct parties *p = NULL;
	tt_error e;

	if (fp == NULL) {
		cli_error("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (parties_read(fp, false, spec, NULL, NULL, &p, &e) != TT_OK)
		cli_file_error(std ? "<stdin>" : path, &e);
	if (!std)
		fclose(fp);
	return p;
}

/* Appends the parties of the file PATH whose treaty is SPEC's (or none)
 * to SPEC, into *P; false after a message. */
static bool
add_parties(const char *path, tt_spec *spec, struct parties **p)
{
	tt_error e;

	if ((*p = load_parties(path, spec)) == NULL)
		return false;
	if (parties_add(*p, spec, tt_spec_id(spec), NULL, &e) == TT_OK)
		return true;
	cli_file_error(strcmp(path, "-") == 0 ? "<stdin>" : path, &e);
	return false;
}

static int
exec(struct args *a)
{
	const struct schedule_state *st = a->own;
	struct spec_source src = { NULL, NULL };
	struct output out;
	const char *file = NULL;
	struct parties *parties = NULL;
	tt_schedule *s = NULL;
	tt_spec *spec = NULL;
	int status = EXIT_INVALID;
	tt_error e;

	if (a->argc > 1)
		return cli_usage_error("schedule", "only one SPEC file may be "
				       "given (use 'compare' for several)");
	if (a->argc == 1)
		file = a->argv[0];
	if (file != NULL && st->preset != NULL)
		return cli_usage_error("schedule", "give a SPEC file or "
				       "--preset, not both");
	if (file != NULL && st->parties != NULL && strcmp(file, "-") == 0 &&
	    strcmp(st->parties, "-") == 0)
		return cli_usage_error("schedule", "the SPEC file and "
				       "--parties cannot both be standard "
				       "input");
	if ((spec = clauses_spec_new()) == NULL)
		goto done;
	if ((s = tt_schedule_new()) == NULL) {
		cli_error("out of memory");
		goto done;
	}
	if (file != NULL) {
		src.file = strcmp(file, "-") == 0 ? "<stdin>" : file;
		if (!clauses_load_file(spec, file))
			goto done;
	} else if (st->preset != NULL) {
		src.preset = st->preset;
		if (!clauses_load_preset(spec, st->preset))
			goto done;
	}
	if (!clauses_apply(spec, &a->clauses))
		goto done;
	/* After the flags, so that the rows are matched against the id
	 * --id gives. */
	if (st->parties != NULL && !add_parties(st->parties, spec, &parties))
		goto done;
	if (st->out_by != NULL) {
		if (!date_option("--out-by", st->out_by, &a->calendar.out_by))
			goto done;
		a->calendar.has_out_by = true;
		/* Whether the answer has passed, and what is left then. */
		if (!cli_today(&a->calendar.today))
			goto done;
		a->calendar.has_today = true;
	}
	if (st->as_of != NULL) {
		if (!date_option("--as-of", st->as_of, &a->calendar.as_of))
			goto done;
		a->calendar.has_as_of = true;
	}
	a->calendar.party = st->party;
	if (!calendar_load_holidays(&a->calendar))
		goto done;
	if (calendar_compute(&a->calendar, s, spec, &e) != TT_OK) {
		if (e.input == PARTIES_INPUT)
			cli_file_error(strcmp(st->parties, "-") == 0 ?
				       "<stdin>" : st->parties, &e);
		else
			clauses_report(&src, &e);
		goto done;
	}
	if ((a->out.format & FORMAT_CALENDARS) &&
	    !calendar_set_dtstamp(&a->calendar))
		goto done;
	/* Before -o's file is touched: a usage error, not a failed write. */
	if ((a->out.format & (FORMAT_SVG | FORMAT_PNG | FORMAT_PDF)) &&
	    tt_schedule_party_count(s) == 0) {
		status = cli_usage_error("schedule", "the %s picture shows the "
					 "parties in force over time: the "
					 "treaty needs [party] sections",
					 format_name(a->out.format));
		goto done;
	}
	if (!output_open(&out, a->out.path))
		goto done;
	if (write_schedule(a, &out, s))
		status = st->check && tt_schedule_discrepancy_count(s) > 0 ?
			 EXIT_DIFFERS : EXIT_OK;
done:
	parties_free(parties);
	tt_schedule_free(s);
	tt_spec_free(spec);
	return status;
}
