/*
 * cmd-compare.c -- "treatyterm compare": two or more proposals side by
 * side, as a table, JSON, CSV, one iCalendar file, or a timeline picture.
 *
 * Proposals are spec files and presets, taken in command-line order (the
 * parser hands file names over as they come, between the --preset
 * options).  The clause flags and calendar options apply to every proposal,
 * so that they are compared on the same footing.
 *
 * Every proposal gets an id that no other has, because the ids name the
 * proposals in CSV rows and JSON, and iCalendar UIDs are derived from
 * them: a proposal without an id takes its file's name (without the
 * directory and the last extension; "stdin" for '-'), and an id already
 * taken by an earlier proposal (the same preset twice, say) gets "-2",
 * "-3", ... appended.
 *
 * Nothing is written until every proposal has been computed, so a bad one
 * leaves standard output empty and the -o file as it was.
 */
#include <config.h>

#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/grow.h"
#include "cli/calendar.h"
#include "cli/clauses.h"
#include "cli/cli.h"
#include "out/compare.h"
#include "out/format.h"
#include "out/writer.h"
#include "cli/options.h"
#include "cli/output.h"

/* A proposal as given on the command line: a file or a preset. */
struct proposal {
	const char *file;	/* as given; "-" for standard input */
	const char *preset;
	tt_spec *spec;
	tt_schedule *s;
	char *id;		/* the id it was given, unique */
};

struct proposals {
	struct proposal *items;
	size_t n, cap;
};

struct compare_state {
	struct proposals ps;
	struct chart_options chart;
};

static int exec(struct args *a);
static void cleanup(struct args *a);
static int take_preset(struct args *a, const struct opt *o,
		       const char *value);
static int take_width(struct args *a, const struct opt *o,
		      const char *value);
static int take_file(struct args *a, char *arg);
static bool proposals_add(struct proposals *ps, const char *file,
			  const char *preset);
static void proposals_free(struct proposals *ps);
static bool load(struct proposal *p, const struct clause_flags *flags,
		 struct calendar_opts *cal, const struct proposals *ps,
		 size_t index);
static void report(const struct proposal *p, const tt_error *e);
static char *unique_id(const struct proposal *p, const struct proposals *ps,
		       size_t index);
static void filter_timeline(struct compare *cmp, const struct filter *f);

#define PICTURES (FORMAT_SVG | FORMAT_PNG | FORMAT_PDF)

static const struct opt options[] = {
	{ .name = "preset", .shortname = 'p', .arg = "NAME",
	  .handler = take_preset,
	  .help = "a built-in proposal (see 'treatyterm presets'); give it "
		  "once for each" },
	{ .name = "title", .arg = "TEXT", .handler = opt_string,
	  .offset = offsetof(struct compare_state, chart.title),
	  .formats = PICTURES | FORMAT_CALENDARS,
	  .help = "the picture's title (and the calendar's name)" },
	{ .name = "width", .arg = "N", .handler = take_width,
	  .formats = PICTURES,
	  .help = "the picture's width in pixels (480 to 8000, default "
		  "960)" },
	OPT_END
};

const struct cli_command cmd_compare = {
	.name = "compare",
	.summary = "two or more proposals side by side",
	.usage = "[SPEC | --preset NAME]... [CLAUSE]... [OPTION]...",
	.description =
	    "Compare two or more proposals: their dates side by side, one "
	    "merged timeline,\n"
	    "and how each differs from the first.  Proposals are spec files "
	    "(SPEC, '-' for\n"
	    "standard input) and presets, in the order given.  Clause flags "
	    "and calendar\n"
	    "options apply to every proposal, so that they compare on the "
	    "same footing\n"
	    "(--entry-into-force 1950-01-01 starts them all on one day).\n"
	    "\n"
	    "Each proposal gets an id of its own: one without an id takes its "
	    "file's name,\n"
	    "and an id already used gets '-2', '-3', ... appended.\n",
	.options = options,
	.groups = options_treaty_groups,
	.formats = FORMAT_TABLE | FORMAT_JSON | FORMAT_CSV | FORMAT_CALENDARS |
		   PICTURES,
	.default_format = FORMAT_TABLE,
	.size = sizeof (struct compare_state),
	.operand = take_file,
	.exec = exec,
	.cleanup = cleanup,
};

static int
take_preset(struct args *a, const struct opt *o, const char *value)
{
	struct compare_state *st = a->own;

	(void)o;
	if (!proposals_add(&st->ps, NULL, value))
		return EXIT_INVALID;
	return 0;
}

static int
take_file(struct args *a, char *arg)
{
	struct compare_state *st = a->own;

	if (!proposals_add(&st->ps, arg, NULL))
		return EXIT_INVALID;
	return 0;
}

static int
take_width(struct args *a, const struct opt *o, const char *value)
{
	struct compare_state *st = a->own;
	char *end;
	long v;

	(void)o;
	errno = 0;
	v = strtol(value, &end, 10);
	if (errno != 0 || end == value || *end != '\0' ||
	    v < CHART_WIDTH_MIN || v > CHART_WIDTH_MAX)
		return cli_usage_error("compare", "--width: expected a number "
				       "of pixels from %d to %d, not '%s'",
				       CHART_WIDTH_MIN, CHART_WIDTH_MAX,
				       value);
	st->chart.width = (int)v;
	return 0;
}

static void
cleanup(struct args *a)
{
	struct compare_state *st = a->own;

	proposals_free(&st->ps);
}

/* Writes CMP in the chosen format; false after a message. */
static bool
write_compare(struct args *a, struct output *out, const struct compare *cmp)
{
	struct compare_state *st = a->own;
	struct writer_opts o = {
		.filter = &a->filter, .ics = &a->calendar.ics,
		.title = st->chart.title ? st->chart.title :
			 "Treaty terms compared",
		.chart = &st->chart
	};
	struct writer_doc d;
	bool ok;

	errno = 0;
	ok = writer_begin(&d, a->out.format, out->fp, &o) &&
	     d.w->compare(&d, cmp);
	ok = writer_end(&d, ok);
	return output_end(out, ok, d.why);
}

static int
exec(struct args *a)
{
	struct compare_state *st = a->own;
	struct proposals *ps = &st->ps;
	struct compare cmp = { NULL, 0, NULL, 0 };
	struct output out;
	const tt_schedule **sched = NULL;
	const char *output = a->out.path;
	enum format format = a->out.format;
	bool have_stdin = false;
	int status = EXIT_INVALID;

	if (ps->n < 2)
		return cli_usage_error("compare", "compare needs at least two "
				       "proposals");
	for (size_t i = 0; i < ps->n; i++) {
		if (ps->items[i].file == NULL ||
		    strcmp(ps->items[i].file, "-") != 0)
			continue;
		if (have_stdin)
			return cli_usage_error("compare", "standard input "
					       "('-') can be read only once");
		have_stdin = true;
	}
	if ((format == FORMAT_PNG || format == FORMAT_PDF) &&
	    (output == NULL || strcmp(output, "-") == 0) &&
	    isatty(STDOUT_FILENO))
		return cli_usage_error("compare", "not writing a %s picture "
				       "to a terminal (use -o FILE)",
				       format == FORMAT_PNG ? "PNG" : "PDF");

	sched = calloc(ps->n, sizeof *sched);
	if (sched == NULL) {
		cli_error("out of memory");
		goto done;
	}
	if (!calendar_load_holidays(&a->calendar))
		goto done;
	for (size_t i = 0; i < ps->n; i++) {
		if (!load(&ps->items[i], &a->clauses, &a->calendar, ps, i))
			goto done;
		sched[i] = ps->items[i].s;
	}
	if (!compare_build(&cmp, sched, ps->n)) {
		cli_error("out of memory");
		goto done;
	}
	for (size_t i = 0; i < ps->n; i++)
		cmp.p[i].hypothetical = tt_schedule_hypothetical(sched[i]);
	filter_timeline(&cmp, &a->filter);
	if ((format & FORMAT_CALENDARS) && !calendar_set_dtstamp(&a->calendar))
		goto done;
	if (!output_open(&out, output))
		goto done;
	if (write_compare(a, &out, &cmp))
		status = EXIT_OK;
done:
	compare_free(&cmp);
	free(sched);
	return status;
}

static bool
proposals_add(struct proposals *ps, const char *file, const char *preset)
{
	void *p = ttp_grow(ps->items, &ps->cap, ps->n + 1, sizeof *ps->items);

	if (p == NULL) {
		cli_error("out of memory");
		return false;
	}
	ps->items = p;
	memset(&ps->items[ps->n], 0, sizeof ps->items[ps->n]);
	ps->items[ps->n].file = file;
	ps->items[ps->n].preset = preset;
	ps->n++;
	return true;
}

static void
proposals_free(struct proposals *ps)
{
	for (size_t i = 0; i < ps->n; i++) {
		tt_schedule_free(ps->items[i].s);
		tt_spec_free(ps->items[i].spec);
		free(ps->items[i].id);
	}
	free(ps->items);
	ps->items = NULL;
	ps->n = ps->cap = 0;
}

/* Reads proposal INDEX, applies the flags, gives it its id and computes
 * its schedule; false after a message naming it. */
static bool
load(struct proposal *p, const struct clause_flags *flags,
     struct calendar_opts *cal, const struct proposals *ps, size_t index)
{
	tt_error e;

	if ((p->spec = clauses_spec_new()) == NULL)
		return false;
	if ((p->s = tt_schedule_new()) == NULL) {
		cli_error("out of memory");
		return false;
	}
	if (p->file != NULL ? !clauses_load_file(p->spec, p->file) :
	    !clauses_load_preset(p->spec, p->preset))
		return false;
	if (!clauses_apply(p->spec, flags))
		return false;
	p->id = unique_id(p, ps, index);
	if (p->id == NULL) {
		cli_error("out of memory");
		return false;
	}
	if (strcmp(p->id, tt_spec_id(p->spec)) != 0 &&
	    tt_spec_set(p->spec, "treaty", "id", p->id, 0, 0, &e) != TT_OK) {
		report(p, &e);
		return false;
	}
	if (calendar_compute(cal, p->s, p->spec, &e) != TT_OK) {
		report(p, &e);
		return false;
	}
	return true;
}

/* Like clauses_report(), but an error a clause flag caused names the
 * proposal too: the flag applies to all of them, and may fit only some. */
static void
report(const struct proposal *p, const tt_error *e)
{
	struct spec_source src = { NULL, p->preset };
	const char *flag = clause_flag_for(e->section, e->key);

	if (p->file != NULL)
		src.file = strcmp(p->file, "-") == 0 ? "<stdin>" : p->file;
	if (e->line == 0 && flag != NULL) {
		if (src.file != NULL)
			cli_error("%s: --%s: %s", src.file, flag, e->message);
		else
			cli_error("preset %s: --%s: %s", p->preset, flag,
				  e->message);
		return;
	}
	clauses_report(&src, e);
}

/* The id proposal INDEX gets: its own, or one made from its file name;
 * then made different from the ids of the proposals before it. */
static char *
unique_id(const struct proposal *p, const struct proposals *ps, size_t index)
{
	const char *own = tt_spec_id(p->spec);
	char *base, *id;
	size_t len;
	unsigned k = 2;

	if (*own != '\0') {
		base = strdup(own);
	} else if (p->file == NULL || strcmp(p->file, "-") == 0) {
		base = strdup(p->file ? "stdin" : p->preset);
	} else {
		const char *name = strrchr(p->file, '/');
		char *dot;

		base = strdup(name ? name + 1 : p->file);
		if (base != NULL && (dot = strrchr(base, '.')) != NULL &&
		    dot != base)
			*dot = '\0';
		/* The library's id rule: other bytes become '-'. */
		if (base != NULL)
			tt_id_from_text(base, base, strlen(base) + 1);
		if (base != NULL && *base == '\0') {
			free(base);
			base = strdup("proposal");
		}
	}
	if (base == NULL)
		return NULL;
	len = strlen(base) + 16;
	id = malloc(len);
	if (id == NULL) {
		free(base);
		return NULL;
	}
	snprintf(id, len, "%s", base);
	for (;;) {
		bool taken = false;

		for (size_t i = 0; i < index && !taken; i++)
			taken = strcmp(ps->items[i].id, id) == 0;
		if (!taken)
			break;
		snprintf(id, len, "%s-%u", base, k++);
	}
	free(base);
	return id;
}

/* Drops from the merged timeline what --from, --until and --kind hide.
 * Only the timeline: the figures (first possible end, expiry) were
 * worked out from the whole schedules, and stay. */
static void
filter_timeline(struct compare *cmp, const struct filter *f)
{
	size_t k = 0;

	for (size_t i = 0; i < cmp->ntimeline; i++)
		if (filter_keep(f, cmp->timeline[i].m))
			cmp->timeline[k++] = cmp->timeline[i];
	cmp->ntimeline = k;
}
