/*
 * cmd-between.c -- "treatyterm between DATE1 DATE2": the interval between
 * two dates as years, months and days and as a number of days.
 */
#include <config.h>

#include <stdio.h>

#include "cli/cli.h"
#include "cli/options.h"

static int exec(struct args *a);

const struct cli_command cmd_between = {
	.name = "between",
	.summary = "the interval between two dates",
	.usage = "[OPTION]... DATE1 DATE2",
	.description =
	    "Print the interval from DATE1 to DATE2 as years, months and\n"
	    "days (the largest number of months that, added to DATE1 by\n"
	    "the same-date rule, does not pass DATE2, then the days left)\n"
	    "and as a total number of days.  The interval is negative when\n"
	    "DATE2 is before DATE1.  A date is YYYY-MM-DD or today.\n",
	.exec = exec,
};

static const char *
plural(int n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static int
exec(struct args *a)
{
	tt_date from, to;
	tt_duration d;

	if (a->argc != 2)
		return cli_usage_error("between", a->argc < 2 ?
				       "expected two dates" :
				       "too many arguments");
	if (!cli_parse_date("date", a->argv[0], &from) ||
	    !cli_parse_date("date", a->argv[1], &to))
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
