/*
 * cmd-between.c -- "treatyterm between DATE1 DATE2": the interval between
 * two dates as years, months and days and as a number of days.
 */
#include <config.h>

#include <getopt.h>
#include <stdio.h>

#include "cli.h"

static void
usage(void)
{
	printf("Usage: %s between [OPTION]... DATE1 DATE2\n"
	       "Print the interval from DATE1 to DATE2 as years, months and\n"
	       "days (the largest number of months that, added to DATE1 by\n"
	       "the same-date rule, does not pass DATE2, then the days left)\n"
	       "and as a total number of days.  The interval is negative when\n"
	       "DATE2 is before DATE1.\n"
	       "\n"
	       "  -h, --help     display this help and exit\n"
	       "  -V, --version  output version information and exit\n",
	       cli_program);
}

static const char *
plural(int n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static int
run(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	tt_date from, to;
	tt_duration d;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage();
			return cli_finish_stdout(EXIT_OK);
		case 'V':
			return cli_print_version();
		default:
			return cli_option_error("between", c, argv);
		}
	}
	if (argc - optind != 2)
		return cli_usage_error("between", argc - optind < 2 ?
				       "expected two dates" :
				       "too many arguments");
	if (!cli_parse_date("date", argv[optind], &from) ||
	    !cli_parse_date("date", argv[optind + 1], &to))
		return EXIT_INVALID;
	d = tt_date_diff(from, to);
	printf("%s%d %s %d %s %d %s\n%d %s\n", d.sign < 0 ? "minus " : "",
	       d.years, plural(d.years, "year", "years"),
	       d.months, plural(d.months, "month", "months"),
	       d.days, plural(d.days, "day", "days"),
	       tt_date_diff_days(from, to),
	       plural(tt_date_diff_days(from, to), "day", "days"));
	return cli_finish_stdout(EXIT_OK);
}

const struct cli_command cmd_between = {
	.name = "between",
	.summary = "the interval between two dates",
	.run = run,
};
