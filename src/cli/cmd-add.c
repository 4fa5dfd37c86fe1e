/*
 * cmd-add.c -- "treatyterm add DATE DURATION...": date arithmetic.
 *
 * Durations apply left to right, each to the result of the one before, as
 * a user chaining steps by hand would; --explain shows every step and
 * whether the month-end clamp applied.  "-1m" is a negative duration, not
 * an option (see options.h).
 */
#include <config.h>

#include <stddef.h>
#include <stdio.h>

#include "cli/cli.h"
#include "cli/options.h"

struct add_state {
	bool explain;
};

static int exec(struct args *a);

static const struct opt options[] = {
	{ .name = "explain", .shortname = 'e', .handler = opt_bool,
	  .offset = offsetof(struct add_state, explain),
	  .help = "show each step and the rule applied" },
	OPT_END
};

const struct cli_command cmd_add = {
	.name = "add",
	.summary = "add durations to a date",
	.usage = "[OPTION]... DATE DURATION...",
	.description =
	    "Add durations to DATE, left to right, by the same-date rule\n"
	    "(a day missing from the final month becomes its last day).\n"
	    "\n"
	    "DATE is YYYY-MM-DD or today.  DURATION is 50y, 6m, 1y6m, 2w, 90d\n"
	    "(with an optional + or -) or ISO 8601 (P50Y, P1Y6M, P2W, -P90D).\n",
	.options = options,
	.size = sizeof (struct add_state),
	.exec = exec,
};

static int
exec(struct args *a)
{
	const struct add_state *st = a->own;
	char b1[TT_DATE_BUFSIZE], b2[TT_DATE_BUFSIZE];
	tt_date d;

	if (a->argc < 2)
		return cli_usage_error("add", a->argc == 0 ?
				       "missing DATE and DURATION" :
				       "missing DURATION");
	if (!cli_parse_date("date", a->argv[0], &d))
		return EXIT_INVALID;
	for (int i = 1; i < a->argc; i++) {
		char words[TT_DURATION_BUFSIZE];
		tt_duration dur;
		unsigned flags;
		tt_date r;
		tt_error e;

		if (!cli_parse_duration("duration", a->argv[i], &dur))
			return EXIT_INVALID;
		if (tt_date_add(d, dur, &r, &flags, &e) != TT_OK) {
			cli_error("%s %s: %s", tt_date_format(d, b1),
				  a->argv[i], e.message);
			return EXIT_INVALID;
		}
		tt_duration_format_words(dur, words, sizeof words);
		if (st->explain)
			printf("%s + %s = %s%s\n", tt_date_format(d, b1),
			       words, tt_date_format(r, b2),
			       flags & TT_ADD_CLAMPED ?
			       "  (no such day in that month: its last day)" :
			       "");
		d = r;
	}
	if (!st->explain)
		printf("%s\n", tt_date_format(d, b1));
	return cli_finish_stdout(EXIT_OK);
}
