/*
 * filter-options.c -- --from, --until and --kind: the option group that
 * fills a->filter (see filter.h and options.h).
 *
 * Bad values are usage errors naming the option, like a value outside an
 * option's list; only an argument that starts with "today" reads the
 * clock (or TREATYTERM_TODAY).
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "out/filter.h"
#include "cli/options.h"

enum {
	OPT_FROM = 1,
	OPT_UNTIL,
	OPT_KIND
};

static int
take(struct args *a, const struct opt *o, const char *value)
{
	struct filter *f = &a->filter;
	const char *bad;
	size_t badlen;
	char list[512];
	tt_date today, *day;
	tt_error e;

	if (o->key == OPT_KIND) {
		if (filter_parse_kinds(value, &f->kinds, &bad, &badlen))
			return 0;
		filter_kind_list(list, sizeof list);
		return cli_usage_error(a->cmd->name, "--kind: unknown kind "
				       "'%.*s' (expected %s)", (int)badlen,
				       bad, list);
	}
	day = o->key == OPT_FROM ? &f->from : &f->until;
	/* Only an argument that needs today reads the clock. */
	if (strncmp(value, "today", 5) == 0) {
		if (!cli_today(&today))
			return EXIT_INVALID;
	} else {
		today = (tt_date){ 1, 1, 1 };
	}
	if (filter_parse_date(value, today, day, &e) != TT_OK) {
		if (e.column != 0)
			return cli_usage_error(a->cmd->name, "--%s '%s': "
					       "column %u: %s", o->name, value,
					       e.column, e.message);
		return cli_usage_error(a->cmd->name, "--%s '%s': %s", o->name,
				       value, e.message);
	}
	if (o->key == OPT_FROM)
		f->has_from = true;
	else
		f->has_until = true;
	return 0;
}

/* Checks the window, and hands it to the calendar writer. */
static int
finish(struct args *a)
{
	struct filter *f = &a->filter;
	char d1[TT_DATE_BUFSIZE], d2[TT_DATE_BUFSIZE];

	if (f->has_from && f->has_until &&
	    tt_date_compare(f->from, f->until) > 0)
		return cli_usage_error(a->cmd->name, "--from %s is after "
				       "--until %s", tt_date_format(f->from, d1),
				       tt_date_format(f->until, d2));
	a->calendar.ics.has_from = f->has_from;
	a->calendar.ics.from = f->from;
	a->calendar.ics.has_until = f->has_until;
	a->calendar.ics.until = f->until;
	a->calendar.ics.kinds = f->kinds;
	return 0;
}

/* The formats that show milestones one by one.  compare's pictures are
 * drawn from the whole schedules, so there the options are refused
 * rather than ignored. */
#define FILTERED (FORMAT_TABLE | FORMAT_JSON | FORMAT_JSONL | FORMAT_CSV | \
		  FORMAT_ICS)

/* --kind's help lists the kinds from the library, which may add some. */
static char kind_help[640];

static struct opt group[] = {
	{ .name = "from", .arg = "DATE", .handler = take, .key = OPT_FROM,
	  .flags = OPT_ONCE, .formats = FILTERED,
	  .help = "only dates on or after DATE (YYYY-MM-DD, today, or an "
		  "offset such as today-30d)" },
	{ .name = "until", .arg = "DATE", .handler = take, .key = OPT_UNTIL,
	  .flags = OPT_ONCE, .formats = FILTERED,
	  .help = "only dates on or before DATE (as --from; today+90d)" },
	{ .name = "kind", .arg = "KIND[,KIND]...", .handler = take,
	  .key = OPT_KIND, .formats = FILTERED, .help = kind_help },
	OPT_END
};

static const struct opt *
table(void)
{
	char list[512];

	if (kind_help[0] == '\0') {
		filter_kind_list(list, sizeof list);
		snprintf(kind_help, sizeof kind_help, "only milestones of "
			 "these kinds (%s); may be given more than once", list);
	}
	return group;
}

const struct opt_group options_filter = {
	.title = "Which dates are shown:",
	.table = table,
	.finish = finish,
};
