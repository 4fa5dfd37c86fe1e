/*
 * cmd-add.c -- "treatyterm add DATE DURATION...": date arithmetic.
 *
 * Durations apply left to right, each to the result of the one before, as
 * a user chaining steps by hand would; --explain shows every step and
 * whether the month-end clamp applied.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>

#include "cli.h"

static void
usage(void)
{
	printf("Usage: %s add [OPTION]... DATE DURATION...\n"
	       "Add durations to DATE, left to right, by the same-date rule\n"
	       "(a day missing from the final month becomes its last day).\n"
	       "\n"
	       "DATE is YYYY-MM-DD.  DURATION is 50y, 6m, 1y6m, 2w, 90d (with\n"
	       "an optional + or -) or ISO 8601 (P50Y, P1Y6M, P2W, -P90D).\n"
	       "\n"
	       "  -e, --explain  show each step and the rule applied\n"
	       "  -h, --help     display this help and exit\n"
	       "  -V, --version  output version information and exit\n",
	       cli_program);
}

static int
run(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "explain", no_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	bool explain = false;
	tt_date d;
	int c;

	opterr = 0;
	/* "+" stops at the first operand, so that "-1m" is a duration. */
	while ((c = getopt_long(argc, argv, "+:ehV", longopts, NULL)) != -1) {
		switch (c) {
		case 'e':
			explain = true;
			break;
		case 'h':
			usage();
			return cli_finish_stdout(EXIT_OK);
		case 'V':
			return cli_print_version();
		default:
			return cli_option_error("add", c, argv);
		}
	}
	if (argc - optind < 2)
		return cli_usage_error("add", argc == optind ?
				       "missing DATE and DURATION" :
				       "missing DURATION");
	if (!cli_parse_date("date", argv[optind], &d))
		return EXIT_INVALID;
	for (int i = optind + 1; i < argc; i++) {
		char b1[TT_DATE_BUFSIZE], b2[TT_DATE_BUFSIZE];
		char words[TT_DURATION_BUFSIZE];
		tt_duration dur;
		unsigned flags;
		tt_date r;
		tt_error e;

		if (!cli_parse_duration("duration", argv[i], &dur))
			return EXIT_INVALID;
		if (tt_date_add(d, dur, &r, &flags, &e) != TT_OK) {
			cli_error("%s %s: %s", tt_date_format(d, b1), argv[i],
				  e.message);
			return EXIT_INVALID;
		}
		if (explain)
			printf("%s + %s = %s%s\n", tt_date_format(d, b1),
			       tt_duration_format_words(dur, words,
							sizeof words),
			       tt_date_format(r, b2),
			       flags & TT_ADD_CLAMPED ?
			       "  (no such day in that month: its last day)" :
			       "");
		d = r;
	}
	if (!explain) {
		char b[TT_DATE_BUFSIZE];

		printf("%s\n", tt_date_format(d, b));
	}
	return cli_finish_stdout(EXIT_OK);
}

const struct cli_command cmd_add = {
	.name = "add",
	.summary = "add durations to a date",
	.run = run,
};
