/*
 * cmd-agenda.c -- "treatyterm agenda": the dates coming up across many
 * treaties, in one list in date order.
 *
 * The operands are presets, spec files, batch CSV files (one treaty a
 * row, read by batch's own row code, batch-columns.c) and directories of
 * spec files (every *.ini, in name order).  Every treaty is computed
 * whole, then the dates in the window are merged: by default from today
 * for twelve months (--next), or what --from and --until say.
 *
 * A treaty that cannot be read or computed is reported (FILE:LINE:COL and
 * why, on standard error, in the table and in JSON's "errors") and the
 * others are listed, with exit status 4 so that scripts notice: one typo
 * in twenty-one spec files must not hide twenty dates, and an agenda that
 * leaves a treaty out without a word would be worse than none.  --strict
 * keeps all or nothing: the first error stops the run with status 1.
 *
 * On a terminal the table goes through a pager and the next date (the
 * first on or after today) is highlighted, as git log does; anywhere else
 * it is plain text (pager.h).
 */
#include <config.h>

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli/calendar.h"
#include "cli/clauses.h"
#include "cli/cli.h"
#include "out/filter.h"
#include "out/agenda.h"
#include "out/format.h"
#include "out/writer.h"
#include "cli/inputs.h"
#include "cli/options.h"
#include "cli/output.h"
#include "cli/pager.h"

struct agenda_state {
	const char *next;
	const char *parties;
	bool no_pager;
	bool strict;
	struct inputs in;	/* the treaties (inputs.h) */
};

static int exec(struct args *a);
static void cleanup(struct args *a);
static int window(struct args *a, tt_date today, struct filter *f);
static bool collect(struct agenda *ag, const struct agenda_state *st);
static int compare_entries(const void *pa, const void *pb);

static const struct opt options[] = {
	{ .name = "next", .arg = "DURATION", .handler = opt_string,
	  .flags = OPT_ONCE, .offset = offsetof(struct agenda_state, next),
	  .help = "how far ahead to look from --from (by default today): "
		  "12m (the default), 90d, 2y" },
	{ .name = "parties", .arg = "FILE", .handler = opt_string,
	  .flags = OPT_ONCE, .offset = offsetof(struct agenda_state, parties),
	  .help = "[party] rows from a CSV file, added to the treaty its "
		  "'treaty' column names" },
	{ .name = "strict", .handler = opt_bool,
	  .offset = offsetof(struct agenda_state, strict),
	  .help = "all or nothing: an input that cannot be read stops the "
		  "run (exit status 1) and nothing is listed" },
	{ .name = "no-pager", .handler = opt_bool,
	  .offset = offsetof(struct agenda_state, no_pager),
	  .formats = FORMAT_TABLE,
	  .help = "do not page the table on a terminal" },
	OPT_END
};

static const struct opt_group *const groups[] = {
	&options_output, &options_filter, &options_calendar, NULL
};

const struct cli_command cmd_agenda = {
	.name = "agenda",
	.summary = "the dates coming up across many treaties",
	.usage = "INPUT... [--next DURATION] [OPTION]...",
	.description =
	    "List the milestones of many treaties in date order, from today "
	    "for the next\n"
	    "twelve months (or --next DURATION, or --from and --until), with "
	    "the treaty,\n"
	    "the party, the kind, the label and the days left.  An INPUT is a "
	    "preset name,\n"
	    "a spec file ('-' for standard input), a batch CSV file (a name "
	    "ending in\n"
	    ".csv, one treaty a row, as 'treatyterm batch' reads) or a "
	    "directory of spec\n"
	    "files (*.ini).  On a terminal the table is paged as git does\n"
	    "($TREATYTERM_PAGER, $PAGER or less) and the next date is "
	    "highlighted (unless\n"
	    "NO_COLOR is set).  An input that cannot be read is reported "
	    "and left out,\n"
	    "the others listed, with exit status 4 (--strict: status 1, "
	    "nothing listed).\n",
	.options = options,
	.groups = groups,
	.formats = FORMAT_TABLE | FORMAT_JSON | FORMAT_CSV | FORMAT_ICS,
	.default_format = FORMAT_TABLE,
	.size = sizeof (struct agenda_state),
	.exec = exec,
	.cleanup = cleanup,
};

static void
cleanup(struct args *a)
{
	struct agenda_state *st = a->own;

	inputs_free(&st->in);
}

/* The window: --from (today by default) to --until, or to --from plus
 * --next (12 months by default).  Returns -1, or an exit status after a
 * message. */
static int
window(struct args *a, tt_date today, struct filter *f)
{
	const struct agenda_state *st = a->own;
	char d1[TT_DATE_BUFSIZE], d2[TT_DATE_BUFSIZE];
	tt_duration next = tt_duration_of_months(12);
	tt_error e;

	*f = a->filter;
	if (!f->has_from) {
		f->from = today;
		f->has_from = true;
	}
	if (st->next != NULL) {
		if (f->has_until)
			return cli_usage_error("agenda", "give --next or "
					       "--until, not both");
		if (tt_duration_parse(st->next, &next, &e) != TT_OK)
			return cli_usage_error("agenda", "--next '%s': %s",
					       st->next, e.message);
		if (next.sign < 0)
			return cli_usage_error("agenda", "--next '%s': "
					       "expected a duration ahead, not "
					       "back", st->next);
	}
	if (!f->has_until) {
		if (tt_date_add(f->from, next, &f->until, NULL, &e) != TT_OK)
			return cli_usage_error("agenda", "--next: %s",
					       e.message);
		f->has_until = true;
	}
	if (tt_date_compare(f->from, f->until) > 0)
		return cli_usage_error("agenda", "--until %s is before the "
				       "start, %s", tt_date_format(f->until, d1),
				       tt_date_format(f->from, d2));
	return -1;
}

static int
exec(struct args *a)
{
	struct agenda_state *st = a->own;
	struct agenda ag;
	struct output out;
	struct pager pager = { stdout, false };
	struct writer_opts o = {
		.ics = &a->calendar.ics, .title = "Treaty agenda"
	};
	struct writer_doc d;
	bool ok, to_stdout;
	int status;

	memset(&ag, 0, sizeof ag);
	if (a->argc == 0)
		return cli_usage_error("agenda", "give at least one preset, "
				       "spec file, CSV file or directory");
	if (!cli_today(&ag.today))
		return EXIT_INVALID;
	if ((status = window(a, ag.today, &ag.f)) >= 0)
		return status;
	/* The calendar writer filters by the same window. */
	a->calendar.ics.has_from = a->calendar.ics.has_until = true;
	a->calendar.ics.from = ag.f.from;
	a->calendar.ics.until = ag.f.until;
	a->calendar.ics.kinds = ag.f.kinds;
	if (!calendar_load_holidays(&a->calendar))
		return EXIT_INVALID;
	inputs_init(&st->in, "agenda", &a->calendar);
	st->in.strict = st->strict;
	if (st->parties != NULL && !inputs_parties(&st->in, st->parties))
		return EXIT_INVALID;
	for (int i = 0; i < a->argc; i++)
		if (!inputs_load(&st->in, a->argv[i]))
			return EXIT_INVALID;
	/* Nothing could be read: nothing to list, as with --strict. */
	if (st->in.n == 0 && st->in.nerr > 0)
		return EXIT_INVALID;
	if (!collect(&ag, st)) {
		cli_error("out of memory");
		return EXIT_INVALID;
	}
	status = EXIT_INVALID;
	if (a->out.format == FORMAT_ICS && !calendar_set_dtstamp(&a->calendar))
		goto done;
	if (!output_open(&out, a->out.path))
		goto done;
	to_stdout = out.fp == stdout;
	errno = 0;
	/* The pager is for people: for the table on a terminal. */
	pager.fp = out.fp;
	if (a->out.format == FORMAT_TABLE) {
		if (to_stdout && !st->no_pager)
			pager_start(&pager);
		o.color = to_stdout && pager_color();
	}
	ok = writer_begin(&d, a->out.format, pager.fp, &o) &&
	     d.w->agenda(&d, &ag);
	ok = writer_end(&d, ok);
	if (pager.running)
		ok = pager_finish(&pager) && ok;
	/* Some inputs were left out: listed above, and told by the status
	 * of its own. */
	if (output_end(&out, ok, d.why))
		status = st->in.nerr > 0 ? EXIT_PARTIAL : EXIT_OK;
done:
	free(ag.e);
	free(ag.s);
	return status;
}

/* --- the list ------------------------------------------------------------ */

/* The dates in the window, of every treaty, in date order, and the
 * treaties and errors as read; false when memory runs out. */
static bool
collect(struct agenda *ag, const struct agenda_state *st)
{
	size_t total = 0, k = 0;

	for (size_t i = 0; i < st->in.n; i++)
		total += tt_schedule_count(st->in.t[i].s);
	ag->e = calloc(total ? total : 1, sizeof *ag->e);
	ag->s = calloc(st->in.n ? st->in.n : 1, sizeof *ag->s);
	if (ag->e == NULL || ag->s == NULL) {
		free(ag->e);
		free(ag->s);
		ag->e = NULL;
		ag->s = NULL;
		return false;
	}
	for (size_t i = 0; i < st->in.n; i++)
		ag->s[i] = st->in.t[i].s;
	ag->ntreaties = st->in.n;
	ag->err = st->in.err;
	ag->nerr = st->in.nerr;
	for (size_t i = 0; i < st->in.n; i++)
		for (size_t j = 0; j < tt_schedule_count(st->in.t[i].s); j++) {
			const tt_milestone *m;

			m = tt_schedule_at(st->in.t[i].s, j);

			if (!filter_keep(&ag->f, m))
				continue;
			ag->e[k].treaty = st->in.t[i].name;
			ag->e[k].m = m;
			ag->e[k].ti = i;
			ag->e[k].mi = j;
			k++;
		}
	ag->n = k;
	qsort(ag->e, ag->n, sizeof *ag->e, compare_entries);
	return true;
}

/* By date, then in the order of the treaties and of their schedules. */
static int
compare_entries(const void *pa, const void *pb)
{
	const struct agenda_entry *a = pa, *b = pb;
	int c = tt_date_compare(a->m->date, b->m->date);

	if (c != 0)
		return c;
	if (a->ti != b->ti)
		return a->ti < b->ti ? -1 : 1;
	return a->mi < b->mi ? -1 : a->mi > b->mi;
}
