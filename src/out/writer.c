/*
 * writer.c -- the table of writers, one per output format.
 *
 * schedule, compare, diff and agenda begin a document in the format
 * chosen (writer_begin()), write through its writer and end it
 * (writer_end()): the formats they write are told apart here, not in
 * each command.  (batch, which writes a row at a time and keeps what it
 * wrote when it gives up, and presets write on their own.)  Each row
 * says what the format can write, NULL where it cannot:
 *
 *	format	begin/end	schedule compare diff	agenda
 *	table	-		yes	 yes	 yes	yes
 *	json	-		yes	 yes	 yes	yes
 *	csv	-		yes	 yes	 yes	yes
 *	ics	calendar	yes	 yes	 -	yes
 *	jcal	calendar	yes	 yes	 -	yes
 *	svg,png,pdf -		parties	 yes	 -	-
 *
 * (jsonl is batch's alone.)
 *
 * Calendars are the formats with a beginning and an end: the library's
 * calendar writer is opened on the output (for jCal on memory, which
 * jcal_end() converts) and finished after the schedules were added, and
 * what can go wrong there is handled once, in cal_end().
 */
#include <config.h>

#include <string.h>

#include "out/agenda.h"
#include "out/compare.h"
#include "out/writer.h"

/* The writers that need nothing but the stream and the thing. */
#define PLAIN(name, type, fn)						\
	static bool							\
	name(struct writer_doc *d, const type *x)			\
	{								\
		return fn(d->fp, x);					\
	}

PLAIN(table_compare, struct compare, table_write_compare)
PLAIN(table_diff, struct diff_report, table_write_diff)
PLAIN(csv_compare, struct compare, csv_write_compare)
PLAIN(csv_diff, struct diff_report, csv_write_diff)
PLAIN(csv_agenda, struct agenda, csv_write_agenda)
PLAIN(json_agenda, struct agenda, json_write_agenda)

/* --- table ----------------------------------------------------------- */

static bool
table_schedule(struct writer_doc *d, const tt_schedule *s)
{
	const struct writer_opts *o = d->o;

	if (o->check)
		return table_write_check(d->fp, s);
	if (o->explain && o->preset != NULL)
		fprintf(d->fp, "Source (preset %s):\n%s\n", o->preset,
			tt_preset_find(o->preset)->source);
	return table_write_schedule_filtered(d->fp, s, o->explain, o->filter);
}

static bool
table_agenda(struct writer_doc *d, const struct agenda *ag)
{
	return table_write_agenda(d->fp, ag, d->o->color);
}

/* --- JSON and CSV ---------------------------------------------------- */

static bool
json_schedule(struct writer_doc *d, const tt_schedule *s)
{
	return json_write_schedule_filtered(d->fp, s, true, d->o->filter);
}

static bool
json_compare(struct writer_doc *d, const struct compare *cmp)
{
	return json_write_compare_filtered(d->fp, cmp, true, d->o->filter);
}

/* A diff report can be long: its buffer is not kept. */
static bool
json_diff(struct writer_doc *d, const struct diff_report *r)
{
	bool ok = json_write_diff(d->fp, r, true);

	json_release();
	return ok;
}

static bool
csv_schedule(struct writer_doc *d, const tt_schedule *s)
{
	return csv_write_header(d->fp) &&
	       csv_write_schedule_filtered(d->fp, s, d->o->filter);
}

/* --- iCalendar and jCal ---------------------------------------------- */

/* Opens the library's calendar writer, named by the options or else by
 * the title. */
static bool
cal_begin(struct writer_doc *d)
{
	d->ics = *d->o->ics;
	if (d->ics.calendar_name == NULL)
		d->ics.calendar_name = d->o->title;
	d->fp = jcal_begin(&d->jcal, d->fp, d->w->format);
	d->cal = tt_ics_writer_new(d->fp, &d->ics, &d->e);
	return d->cal != NULL;
}

/* A write error (TT_EIO) is the stream's, which errno tells; anything
 * else the library refused is said as it says it. */
static bool
cal_refused(struct writer_doc *d)
{
	if (d->e.code != TT_EIO)
		d->why = d->e.message;
	return false;
}

/* Each schedule is one add. */
static bool
cal_schedule(struct writer_doc *d, const tt_schedule *s)
{
	return tt_ics_writer_add(d->cal, s, &d->e) == TT_OK ||
	       cal_refused(d);
}

/* One add per proposal; the library writes "NAME: label" as each
 * SUMMARY and the proposal's id among the CATEGORIES. */
static bool
cal_compare(struct writer_doc *d, const struct compare *cmp)
{
	for (size_t i = 0; i < cmp->n; i++)
		if (tt_ics_writer_add(d->cal, cmp->p[i].s, &d->e) != TT_OK)
			return cal_refused(d);
	return true;
}

/* Every treaty whole: the options carry the window. */
static bool
cal_agenda(struct writer_doc *d, const struct agenda *ag)
{
	for (size_t i = 0; i < ag->ntreaties; i++)
		if (tt_ics_writer_add(d->cal, ag->s[i], &d->e) != TT_OK)
			return cal_refused(d);
	return true;
}

static bool
cal_end(struct writer_doc *d, bool ok)
{
	const char *why;

	if (d->cal == NULL)
		ok = cal_refused(d);
	else if (ok && tt_ics_writer_finish(d->cal, &d->e) != TT_OK)
		ok = cal_refused(d);
	tt_ics_writer_free(d->cal);
	d->cal = NULL;
	if (d->why != NULL) {
		(void)jcal_end(&d->jcal, false, &why);
		return false;
	}
	ok = jcal_end(&d->jcal, ok, &why);
	if (why != NULL)
		d->why = why;
	return ok;
}

/* --- pictures -------------------------------------------------------- */

/* A picture that failed for a reason of its own says so; a write error
 * is left to errno. */
static bool
picture_done(struct writer_doc *d, bool ok, const char *why)
{
	if (!ok && !ferror(d->fp) && why != NULL &&
	    strcmp(why, "write error") != 0)
		d->why = why;
	return ok;
}

static struct chart_options
picture_options(const struct writer_doc *d)
{
	struct chart_options c = { d->w->format, NULL, 0 };

	if (d->o->chart != NULL) {
		c = *d->o->chart;
		c.format = d->w->format;
	}
	return c;
}

/* The parties in force over time. */
static bool
picture_schedule(struct writer_doc *d, const tt_schedule *s)
{
	struct chart_options c = picture_options(d);
	const char *why = NULL;

	return picture_done(d, chart_write_parties(d->fp, s, &c, &why), why);
}

static bool
picture_compare(struct writer_doc *d, const struct compare *cmp)
{
	struct chart_options c = picture_options(d);
	const char *why = NULL;

	return picture_done(d, chart_write(d->fp, cmp, &c, &why), why);
}

/* --- the table ------------------------------------------------------- */

static const struct writer writers[] = {
	{ FORMAT_TABLE, NULL, NULL, table_schedule, table_compare,
	  table_diff, table_agenda },
	{ FORMAT_JSON, NULL, NULL, json_schedule, json_compare,
	  json_diff, json_agenda },
	{ FORMAT_JSONL, NULL, NULL, NULL, NULL, NULL, NULL },
	{ FORMAT_CSV, NULL, NULL, csv_schedule, csv_compare,
	  csv_diff, csv_agenda },
	{ FORMAT_ICS, cal_begin, cal_end, cal_schedule, cal_compare,
	  NULL, cal_agenda },
	{ FORMAT_JCAL, cal_begin, cal_end, cal_schedule, cal_compare,
	  NULL, cal_agenda },
	{ FORMAT_SVG, NULL, NULL, picture_schedule, picture_compare,
	  NULL, NULL },
	{ FORMAT_PNG, NULL, NULL, picture_schedule, picture_compare,
	  NULL, NULL },
	{ FORMAT_PDF, NULL, NULL, picture_schedule, picture_compare,
	  NULL, NULL },
};

const struct writer *
writer_find(enum format f)
{
	for (size_t i = 0; i < sizeof writers / sizeof writers[0]; i++)
		if (writers[i].format == f)
			return &writers[i];
	return NULL;
}

bool
writer_begin(struct writer_doc *d, enum format f, FILE *out,
	     const struct writer_opts *o)
{
	memset(d, 0, sizeof *d);
	d->w = writer_find(f);
	d->fp = out;
	d->o = o;
	if (d->w == NULL) {
		d->why = "no writer for this format";
		return false;
	}
	return d->w->begin == NULL || d->w->begin(d);
}

bool
writer_end(struct writer_doc *d, bool ok)
{
	if (d->w == NULL || d->w->end == NULL)
		return ok;
	return d->w->end(d, ok);
}
