/*
 * cmd-schedule.c -- "treatyterm schedule": every date one treaty's
 * clauses produce, as a table, JSON, CSV or iCalendar.
 */
#include <config.h>

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "clauses.h"
#include "cli.h"
#include "format.h"
#include "output.h"

enum {
	OPT_PRESET = 1,
	OPT_FORMAT,
	OPT_OUTPUT,
	OPT_EXPLAIN,
	OPT_HELP,
	OPT_VERSION
};

static void
usage(void)
{
	printf("Usage: %s schedule [SPEC] [--preset NAME] [CLAUSE]... "
	       "[OPTION]...\n"
	       "Print every date a treaty's clauses produce, each with the "
	       "rule behind it.\n"
	       "The clauses come from the spec file SPEC ('-' for standard "
	       "input), a\n"
	       "preset, and clause flags, which override both.\n"
	       "\n"
	       "  -p, --preset NAME     start from a built-in treaty (see "
	       "'%s presets')\n"
	       "  -f, --format FORMAT   table (default), json, csv or ics\n"
	       "  -o, --output FILE     write to FILE, replacing it only "
	       "when all went well\n"
	       "  -e, --explain         table: show how each date was "
	       "derived\n"
	       "  -h, --help            display this help and exit\n"
	       "  -V, --version         output version information and "
	       "exit\n"
	       "\n", cli_program, cli_program);
	clause_flags_help(stdout);
	printf("\n");
	calendar_options_help(stdout);
}

static int
run(int argc, char **argv)
{
	static const struct option own[] = {
		{ "preset", required_argument, NULL, 'p' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "explain", no_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
	};
	struct option *longopts;
	struct clause_flags flags = { NULL, 0, 0 };
	struct calendar_opts cal;
	struct spec_source src = { NULL, NULL };
	struct output out;
	enum format format = FORMAT_TABLE;
	const char *preset = NULL, *output = NULL, *file = NULL;
	bool explain = false, ok;
	tt_schedule *s = NULL;
	tt_spec *spec = NULL;
	int status = EXIT_INVALID, c, r;
	tt_error e;

	calendar_opts_init(&cal);
	longopts = clause_longopts(own, sizeof own / sizeof own[0]);
	if (longopts == NULL)
		return EXIT_INVALID;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":p:f:o:ehV", longopts, NULL)) !=
	       -1) {
		r = clause_or_calendar_option(&flags, &cal, "schedule", c, optarg);
		if (r < 0) {
			status = -r;
			goto done;
		}
		if (r > 0)
			continue;
		switch (c) {
		case 'p':
			preset = optarg;
			break;
		case 'f':
			if (!format_parse("schedule", optarg, FORMAT_TABLE |
					  FORMAT_JSON | FORMAT_CSV |
					  FORMAT_ICS, &format)) {
				status = EXIT_USAGE;
				goto done;
			}
			break;
		case 'o':
			output = optarg;
			break;
		case 'e':
			explain = true;
			break;
		case 'h':
			usage();
			status = cli_finish_stdout(EXIT_OK);
			goto done;
		case 'V':
			status = cli_print_version();
			goto done;
		default:
			status = cli_option_error("schedule", c, argv);
			goto done;
		}
	}
	if (argc - optind > 1) {
		status = cli_usage_error("schedule", "only one SPEC file may "
					 "be given (use 'compare' for "
					 "several)");
		goto done;
	}
	if (argc - optind == 1)
		file = argv[optind];
	if (file != NULL && preset != NULL) {
		status = cli_usage_error("schedule", "give a SPEC file or "
					 "--preset, not both");
		goto done;
	}
	spec = tt_spec_new();
	s = tt_schedule_new();
	if (spec == NULL || s == NULL) {
		cli_error("out of memory");
		goto done;
	}
	if (file != NULL) {
		src.file = strcmp(file, "-") == 0 ? "<stdin>" : file;
		if (!clauses_load_file(spec, file))
			goto done;
	} else if (preset != NULL) {
		src.preset = preset;
		if (!clauses_load_preset(spec, preset))
			goto done;
	}
	if (!clauses_apply(spec, &flags))
		goto done;
	if (!calendar_load_holidays(&cal))
		goto done;
	if (calendar_compute(&cal, s, spec, &e) != TT_OK) {
		clauses_report(&src, &e);
		goto done;
	}
	if (format == FORMAT_ICS && !calendar_set_dtstamp(&cal))
		goto done;
	if (!output_open(&out, output))
		goto done;
	switch (format) {
	case FORMAT_JSON:
		ok = json_write_schedule(out.fp, s, true);
		break;
	case FORMAT_CSV:
		ok = csv_write_header(out.fp) && csv_write_schedule(out.fp, s);
		break;
	case FORMAT_ICS: {
		const tt_schedule *one[1] = { s };
		tt_ics_writer *w;

		if (cal.ics.calendar_name == NULL && *tt_schedule_name(s))
			cal.ics.calendar_name = tt_schedule_name(s);
		w = tt_ics_writer_new(out.fp, &cal.ics, &e);
		ok = w != NULL && tt_ics_writer_add(w, one[0], &e) == TT_OK &&
		     tt_ics_writer_finish(w, &e) == TT_OK;
		tt_ics_writer_free(w);
		if (!ok) {
			cli_error("%s: %s", output ? output :
				  "standard output", e.message);
			output_abort(&out);
			goto done;
		}
		break;
	}
	default:
		if (explain && preset != NULL)
			fprintf(out.fp, "Source (preset %s):\n%s\n", preset,
				tt_preset_find(preset)->source);
		ok = table_write_schedule(out.fp, s, explain);
		break;
	}
	if (!ok) {
		cli_error("%s: write error: %s", output ? output :
			  "standard output", strerror(errno));
		output_abort(&out);
		goto done;
	}
	if (output_commit(&out))
		status = EXIT_OK;
done:
	tt_schedule_free(s);
	tt_spec_free(spec);
	clause_flags_free(&flags);
	calendar_opts_free(&cal);
	free(longopts);
	return status;
}

const struct cli_command cmd_schedule = {
	.name = "schedule",
	.summary = "every date one treaty's clauses produce",
	.run = run,
};
