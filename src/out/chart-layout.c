/*
 * chart-layout.c -- the "compare" picture computed as data (see chart.h);
 * chart-paint.c paints it.
 *
 * One lane per proposal: the period in force as a bar (lighter where a
 * renewal may carry it on, fading into an arrow when it has no end), the
 * window in which withdrawal may be notified as a band under it, and a
 * marker for every milestone, each kind with a shape and a colour of its
 * own so that the picture still reads in grey.  Markers that share a day
 * stack upwards in a fixed order.  A time axis in years runs under the
 * lanes, with a tick step chosen from 1, 2, 5, 10, 20, 25, 50, ... years by
 * the span.
 *
 * Each day with milestones gets one date label, placed in one of two rows
 * under the bar, most important first (entry into force, expiry,
 * withdrawal, the first and last of each series).  A label with no room
 * in either row becomes a callout: a small number under its marker (in
 * rows of their own, which make the lane taller) and an entry in a list
 * under the legend.  A series whose markers stand closer together than a
 * date label is wide would make a callout of nearly every date: the dates
 * between its first and last make one callout instead, its number in a
 * bracket across their markers.  Callouts are numbered by first date
 * across all lanes.  Past CALLOUTS_MAX callouts, the remaining dates are
 * counted in a note rather than listed.
 *
 * The parties picture (chart_layout_parties()) shares the time axis,
 * the markers and the callouts: the number of parties in force is a step
 * line over a count axis, the general entry into force and each day on
 * which withdrawals take effect get a marker on the line, and their names
 * go in rows above the plot, joined to the marker by a faint guide.
 * Names with no room in either row become callouts, as dates do.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "lib/utf8.h"
#include "out/chart.h"
#include "out/compare.h"
#include "out/format.h"

/* Layout, in pixels (points in PDF). */
#define MARGIN 16.0
#define LANE_H 90.0
#define BAR_Y 48.0		/* bar centre below a lane's top */
#define BAR_HALF 6.0
#define STACK_STEP 11.0		/* markers on one day stack upwards */
#define STACK_LEVELS 3
#define MARKER_R 5.5
#define DATE_ROWS 2		/* rows of date labels under a bar */
#define DATE_ROW 12.0
#define LABEL_GAP 6.0		/* between two date labels in a row */
#define MARK_ROW 12.0		/* rows of callout numbers: taller lanes */
#define MARK_GAP 3.0
#define LEGEND_ROW 20.0
#define LIST_ROW 14.0
#define LIST_GAP 24.0		/* between columns of the callout list */
#define FADE_W 90.0		/* an open end fades over this width */
#define ARROW_W 9.0
/* More callouts than this would make a picture taller than a PNG can be
 * (cairo's image surfaces stop at 32767 pixels); the rest are counted. */
#define CALLOUTS_MAX 400
#define PLOT_H 240.0		/* the parties picture's count axis */
#define PLOT_PAD 14.0		/* over its top */

/* Colours, 0xRRGGBB. */
#define C_TEXT 0x222222
#define C_MUTED 0x666666
#define C_GRID 0xe4e4e4
#define C_LANE 0xf6f7f9
#define C_AXIS 0x555555
#define C_BAR 0x9fbcd9
#define C_BAR_EDGE 0x5b82aa
#define C_RENEWED 0xd7e4f1
#define C_WITHDRAW 0xf1a78c

/* How each kind of milestone is drawn.  PRIORITY orders date labels:
 * 0 first. */
static const struct style {
	enum chart_marker marker;
	unsigned colour;
	unsigned text;		/* for its date label: dark enough to read */
	int priority;
	const char *legend;
} styles[] = {
	[TT_KIND_ENTRY_INTO_FORCE] = { CHART_MARKER_BAR, 0x1b7837, 0x1b7837,
				       0, "Entry into force" },
	[TT_KIND_CONSULTATION] = { CHART_MARKER_CIRCLE, 0x0072b2, 0x0060a0, 2,
				   "Consultation" },
	[TT_KIND_REVIEW] = { CHART_MARKER_SQUARE, 0xcc79a7, 0xa8427a, 2,
			     "Review" },
	[TT_KIND_CONFERENCE] = { CHART_MARKER_DIAMOND, 0xe69f00, 0xa86800, 1,
				 "Conference" },
	[TT_KIND_WITHDRAWAL_NOTICE_OPENS] = { CHART_MARKER_TRIANGLE_RIGHT,
					      0xd55e00, 0xb04a00, 1,
					      "Withdrawal notice from" },
	[TT_KIND_WITHDRAWAL_EFFECTIVE] = { CHART_MARKER_TRIANGLE_DOWN,
					   0x8b0000, 0x8b0000, 1,
					   "Withdrawal takes effect" },
	[TT_KIND_RENEWAL_NOTICE_DEADLINE] = { CHART_MARKER_TRIANGLE_UP,
					      0x8c6d1f, 0x7a5e16, 1,
					      "Last day to denounce" },
	[TT_KIND_RENEWAL] = { CHART_MARKER_PLUS, 0x56b4e9, 0x2b7bb9, 3,
			      "Renewal begins" },
	[TT_KIND_EXPIRY] = { CHART_MARKER_CROSS, 0x000000, 0x000000, 0,
			     "Expiry (last day in force)" },
	[TT_KIND_MILESTONE] = { CHART_MARKER_STAR, 0x6a3d9a, 0x6a3d9a, 1,
				"Other milestone" },
};

/* One style for each kind the table knows; a kind added to the library
 * later is drawn as a milestone until it gets its own. */
#define NSTYLES (sizeof styles / sizeof styles[0])
#define STYLE_INDEX(kind) ((size_t)(kind) < NSTYLES ? (size_t)(kind) : \
			   (size_t)TT_KIND_MILESTONE)
#define STYLE(kind) (&styles[STYLE_INDEX(kind)])


/* Kinds of bar, for the legend. */
enum {
	BAR_IN_FORCE = NSTYLES,
	BAR_RENEWED,
	BAR_OPEN,
	BAR_WITHDRAWAL,
	LEGEND_ITEMS
};

/* How a kind of text is set. */
struct font {
	double size;
	bool bold;
	enum chart_anchor anchor;
};

static const struct font F_TITLE = { 17, true, CHART_START };
static const struct font F_SUBTITLE = { 12, false, CHART_START };
static const struct font F_HEAD = { 12.5, true, CHART_START };
static const struct font F_INFO = { 11, false, CHART_START };
static const struct font F_DATE = { 10, false, CHART_START };
static const struct font F_MARK = { 8.5, true, CHART_MIDDLE };
static const struct font F_YEAR = { 11, false, CHART_MIDDLE };
static const struct font F_LEGEND = { 11, false, CHART_START };
static const struct font F_HEADING = { 11, true, CHART_START };
static const struct font F_NUMBER = { 10, true, CHART_END };
static const struct font F_ENTRY = { 10, false, CHART_START };
static const struct font F_NOTE = { 10, false, CHART_START };
static const struct font F_COUNT = { 11, false, CHART_END };

struct lane {
	size_t first, n;	/* its dates */
	int mark_rows;		/* rows of callout numbers */
	double top, h;
};

/* A layout under way. */
struct ctx {
	struct chart_layout *lay;
	const struct compare *cmp;
	chart_measure_fn *measure;
	void *mctx;
	struct lane *lanes;
	double x0, x1;		/* the time axis */
	double from, to;	/* day numbers at X0 and X1 */
	int tick, minor;	/* years between ticks; 0: no minor ticks */
	double lanes_y, axis_y;
	bool present[LEGEND_ITEMS];
	bool truncated;
	bool nomem;
	/* The parties picture: the count axis, and where the names are. */
	size_t ystep;
	double names_y, plot_bottom;
};

/* A marker placed in a lane, for stacking. */
struct stacked {
	double x, r;
	int level;
	tt_kind kind;
	int32_t day;
};

/* A date to sort: by KEY, then DAY, then lane. */
struct order {
	int key;
	int32_t day;
	size_t lane, i;
};

static void scan(struct ctx *c);
static void plan_range(struct ctx *c);
static void plan_ticks(struct ctx *c);
static void collect_dates(struct ctx *c, size_t lane);
static void add_date(struct ctx *c, size_t lane, const tt_milestone *m);
static void find_spans(struct ctx *c, size_t i);
static bool is_dense(struct ctx *c, const tt_milestone *const *ms, size_t n);
static void add_span(struct ctx *c, struct lane *ln,
		     const tt_milestone *const *ms, size_t n);
static void span_words(char *buf, size_t size, const tt_milestone *first,
		       const tt_milestone *last,
		       const tt_milestone *const *ms, size_t n);
static void join_labels(char *buf, size_t size, const char *a,
			const char *b);
static void number_at(const char *s, size_t *begin, size_t *end);
static struct chart_date *date_at(struct ctx *c, const struct lane *ln,
				  int32_t day);
static void place_dates(struct ctx *c, const struct lane *ln);
static bool date_fits(const struct chart_date *d, size_t n, int row,
		      double a, double b);
static void add_callout(struct ctx *c, const struct chart_date *first,
			const struct chart_date *last, size_t count);
static void number_callouts(struct ctx *c);
static void place_marks(struct ctx *c, size_t lane);
static bool mark_fits(const struct chart_callout *co, size_t n, size_t lane,
		      int row, double a, double b);
static double emit_titles(struct ctx *c, const char *title);
static void emit_axis(struct ctx *c);
static void emit_lane(struct ctx *c, size_t i);
static void emit_bar(struct ctx *c, const struct compare_proposal *p,
		     double yc);
static void emit_open_bar(struct ctx *c, double xs, double xe, double xr,
			  double yc);
static void emit_markers(struct ctx *c, const struct compare_proposal *p,
			 double yc);
static void marker_radii(struct ctx *c, const struct compare_proposal *p,
			 double radius[NSTYLES]);
static int stack_level(const struct stacked *placed, size_t n,
		       const struct stacked *s);
static void emit_dates(struct ctx *c, const struct lane *ln, double yc);
static void emit_marks(struct ctx *c, size_t lane, double yc);
static void bracket(struct ctx *c, const struct chart_callout *co, double xc,
		    double w, double y);
static double emit_legend(struct ctx *c, double y);
static void legend_icon(struct ctx *c, int item, double x, double y);
static double emit_callouts(struct ctx *c, double y);
static void list_row(struct ctx *c, size_t k, double x, double y,
		     double numw, double maxw);
static double list_entry(struct ctx *c, size_t k, char *buf, size_t size);
static struct chart_label *add_label(struct ctx *c, const struct font *f,
				     unsigned colour, const char *text,
				     double x, double y);
static void add_shape(struct ctx *c, enum chart_shape_kind kind, double x,
		      double y, double w, double h, unsigned colour);
static void add_line(struct ctx *c, double x, double y, double x2,
		     double y2, unsigned colour, double alpha);
static void add_marker(struct ctx *c, enum chart_marker marker, double x,
		       double y, double r, unsigned colour);
static bool grow(void **p, size_t *alloc, size_t n, size_t size);
static double width(struct ctx *c, const struct font *f, const char *s);
static void fit_text(struct ctx *c, const struct font *f, const char *s,
		     double maxw, char *buf, size_t size);
static double clamp(const struct ctx *c, double a, double w);
static double xday(const struct ctx *c, int32_t day);
static double crisp(double v);
static int order_cmp(const void *pa, const void *pb);
static void parties_steps(struct ctx *c, const tt_schedule *s);
static void plan_count_axis(struct ctx *c, size_t most);
static void parties_markers(struct ctx *c, const tt_schedule *s);
static void add_marker_date(struct ctx *c, int32_t day, tt_kind kind,
			    const char *what);
static void parties_range(struct ctx *c, const tt_schedule *s);
static void widen(int32_t *lo, int32_t *hi, int32_t day);
static void place_names(struct ctx *c);
static void name_text(struct ctx *c, const struct chart_date *d, char *buf,
		      size_t size);
static size_t callout_date(const struct chart_layout *lay, unsigned n);
static double parties_titles(struct ctx *c, const tt_schedule *s,
			     const char *title);
static double emit_names(struct ctx *c, double top);
static void emit_plot(struct ctx *c, double top);
static double guide_top(const struct ctx *c, const struct chart_date *d);
static size_t count_on(const struct chart_layout *lay, int32_t day);
static double count_y(const struct ctx *c, size_t n);
static double parties_legend(struct ctx *c, double y);
static int change_cmp(const void *pa, const void *pb);
static int leaving_cmp(const void *pa, const void *pb);
static int date_cmp(const void *pa, const void *pb);

bool
chart_layout(struct chart_layout *lay, const struct compare *cmp,
	     const char *title, int width, chart_measure_fn *measure,
	     void *ctx)
{
	struct ctx c = { .lay = lay, .cmp = cmp, .measure = measure,
			 .mctx = ctx };
	double y;

	memset(lay, 0, sizeof *lay);
	lay->w = width ? width : CHART_WIDTH_DEFAULT;
	c.lanes = calloc(cmp->n ? cmp->n : 1, sizeof *c.lanes);
	if (c.lanes == NULL)
		return false;
	scan(&c);
	plan_range(&c);
	plan_ticks(&c);
	for (size_t i = 0; i < cmp->n; i++) {
		collect_dates(&c, i);
		find_spans(&c, i);
		place_dates(&c, &c.lanes[i]);
	}
	number_callouts(&c);
	for (size_t i = 0; i < cmp->n; i++)
		place_marks(&c, i);

	y = c.lanes_y = emit_titles(&c, title);
	for (size_t i = 0; i < cmp->n; i++) {
		c.lanes[i].top = y;
		c.lanes[i].h = LANE_H + c.lanes[i].mark_rows * MARK_ROW;
		if (i % 2 == 0)
			add_shape(&c, CHART_FILL, MARGIN / 2, y, lay->w -
				  MARGIN, c.lanes[i].h, C_LANE);
		y += c.lanes[i].h;
	}
	c.axis_y = y + 2;
	emit_axis(&c);
	for (size_t i = 0; i < cmp->n; i++)
		emit_lane(&c, i);
	y = emit_legend(&c, c.axis_y + 44);
	y = emit_callouts(&c, y);
	lay->h = (double)(long)(y + MARGIN + 0.999);
	free(c.lanes);
	return !c.nomem;
}

void
chart_layout_free(struct chart_layout *lay)
{
	free(lay->shapes);
	free(lay->labels);
	free(lay->dates);
	free(lay->callouts);
	free(lay->steps);
	memset(lay, 0, sizeof *lay);
}

void
chart_label_box(const struct chart_label *l, double box[4])
{
	double a = l->x;

	if (l->anchor == CHART_MIDDLE)
		a -= l->w / 2;
	else if (l->anchor == CHART_END)
		a -= l->w;
	box[0] = a;
	box[1] = l->y - 0.8 * l->size;
	box[2] = a + l->w;
	box[3] = l->y + 0.25 * l->size;
}

double
chart_measure_estimate(void *ctx, const char *text, double size, bool bold)
{
	size_t n = 0;

	(void)ctx;
	for (const unsigned char *s = (const unsigned char *)text; *s; s++)
		if ((*s & 0xc0) != 0x80)
			n++;
	return (double)n * size * (bold ? 0.72 : 0.64);
}

/* --- planning ------------------------------------------------------- */

/* What the legend needs to show, and whether any series was cut off. */
static void
scan(struct ctx *c)
{
	const struct compare *cmp = c->cmp;

	c->x0 = MARGIN + 8;
	c->x1 = c->lay->w - MARGIN - ARROW_W - 8;
	for (size_t i = 0; i < cmp->n; i++) {
		const struct compare_proposal *p = &cmp->p[i];

		for (size_t k = 0; k < tt_schedule_count(p->s); k++) {
			const tt_milestone *m = tt_schedule_at(p->s, k);

			c->present[STYLE_INDEX(m->kind)] = true;
			if (m->kind == TT_KIND_RENEWAL)
				c->present[BAR_RENEWED] = true;
		}
		c->present[BAR_IN_FORCE] = true;
		if (!p->has_expiry)
			c->present[BAR_OPEN] = true;
		if (p->withdrawal_opens != NULL)
			c->present[BAR_WITHDRAWAL] = true;
		if (tt_schedule_truncated(p->s))
			c->truncated = true;
	}
}

/* From the earliest date to the latest, padded; at least five years, and
 * room on the right for open ends to fade. */
static void
plan_range(struct ctx *c)
{
	const struct compare *cmp = c->cmp;
	int32_t lo = TT_DAYNUM_MAX, hi = TT_DAYNUM_MIN;
	double span, left, right;

	for (size_t i = 0; i < cmp->n; i++) {
		const struct compare_proposal *p = &cmp->p[i];
		int32_t d = tt_date_to_daynum(p->eif);

		lo = d < lo ? d : lo;
		hi = d > hi ? d : hi;
		for (size_t k = 0; k < tt_schedule_count(p->s); k++) {
			d = tt_date_to_daynum(tt_schedule_at(p->s, k)->date);
			lo = d < lo ? d : lo;
			hi = d > hi ? d : hi;
		}
	}
	if (hi - lo < 1826)
		hi = lo + 1826;
	span = hi - lo;
	left = span * 0.03;
	right = span * (c->present[BAR_OPEN] ? 0.12 : 0.03);
	c->from = lo - left < TT_DAYNUM_MIN ? TT_DAYNUM_MIN : lo - left;
	c->to = hi + right > TT_DAYNUM_MAX ? TT_DAYNUM_MAX : hi + right;
}

/* The smallest step that keeps year labels some 64 pixels apart. */
static void
plan_ticks(struct ctx *c)
{
	static const int steps[][2] = {
		{ 1, 0 }, { 2, 1 }, { 5, 1 }, { 10, 2 }, { 20, 5 }, { 25, 5 },
		{ 50, 10 }, { 100, 20 }, { 200, 50 }, { 250, 50 },
		{ 500, 100 }, { 1000, 200 }, { 2000, 500 }, { 2500, 500 },
		{ 5000, 1000 }
	};
	double years = (c->to - c->from) / 365.2425;
	double room = (c->x1 - c->x0) / 64;
	size_t i = 0;

	while (i + 1 < sizeof steps / sizeof steps[0] &&
	       years / steps[i][0] > room)
		i++;
	c->tick = steps[i][0];
	c->minor = steps[i][1];
	/* Minor ticks only where they would not crowd each other. */
	if (c->minor != 0 && (c->x1 - c->x0) / years * c->minor < 8)
		c->minor = 0;
}

/* One date per day with milestones; the schedule is in date order. */
static void
collect_dates(struct ctx *c, size_t lane)
{
	const tt_schedule *s = c->cmp->p[lane].s;

	c->lanes[lane].first = c->lay->ndates;
	for (size_t k = 0; k < tt_schedule_count(s) && !c->nomem; k++)
		add_date(c, lane, tt_schedule_at(s, k));
	c->lanes[lane].n = c->lay->ndates - c->lanes[lane].first;
}

/* A new labelled date on DAY in the style ST, or NULL when memory ran
 * out (C says so). */
static struct chart_date *
new_date(struct ctx *c, int32_t day, const struct style *st,
	 const char *what)
{
	struct chart_layout *lay = c->lay;
	struct chart_date *d;

	if (!grow((void **)&lay->dates, &lay->adates, lay->ndates,
		  sizeof *lay->dates)) {
		c->nomem = true;
		return NULL;
	}
	d = &lay->dates[lay->ndates++];
	memset(d, 0, sizeof *d);
	d->day = day;
	d->colour = st->text;
	snprintf(d->what, sizeof d->what, "%s", what);
	ttp_utf8_trim(d->what);
	d->nms = 1;
	d->row = -1;
	return d;
}

static void
add_date(struct ctx *c, size_t lane, const tt_milestone *m)
{
	struct chart_layout *lay = c->lay;
	const struct style *st = STYLE(m->kind);
	int32_t day = tt_date_to_daynum(m->date);
	int priority = st->priority;
	struct chart_date *d;
	char what[CHART_TEXT_SIZE];
	size_t n;

	/* The first of a series matters more than the rest. */
	if ((m->kind == TT_KIND_CONSULTATION || m->kind == TT_KIND_REVIEW ||
	     m->kind == TT_KIND_RENEWAL_NOTICE_DEADLINE ||
	     m->kind == TT_KIND_RENEWAL) && m->ordinal == 1)
		priority = 1;
	tt_milestone_label(m, what, sizeof what);
	d = lay->ndates > c->lanes[lane].first ? &lay->dates[lay->ndates - 1] :
	    NULL;
	if (d != NULL && d->day == day) {
		n = strlen(d->what);
		snprintf(d->what + n, sizeof d->what - n, "; %s", what);
		ttp_utf8_trim(d->what);
		if (priority < d->priority) {
			d->priority = priority;
			d->colour = st->text;
		}
		d->nms++;
		return;
	}
	if ((d = new_date(c, day, st, what)) == NULL)
		return;
	d->lane = lane;
	d->x = xday(c, day);
	d->priority = priority;
}

/* Each series of lane I (milestones of one kind and section, numbered)
 * whose markers are closer together than its date labels are wide: its
 * first and last dates are labelled if there is room, the ones between
 * go into one callout. */
static void
find_spans(struct ctx *c, size_t i)
{
	const tt_schedule *s = c->cmp->p[i].s;
	size_t count = tt_schedule_count(s), n;
	bool *seen = calloc(count ? count : 1, sizeof *seen);
	const tt_milestone **ms = calloc(count ? count : 1, sizeof *ms);

	if (seen == NULL || ms == NULL)
		c->nomem = true;
	for (size_t k = 0; k < count && !c->nomem; k++) {
		const tt_milestone *m = tt_schedule_at(s, k);

		if (seen[k] || !(m->flags & TT_MS_NUMBERED))
			continue;
		n = 0;
		for (size_t j = k; j < count; j++) {
			const tt_milestone *o = tt_schedule_at(s, j);

			if (o->kind == m->kind && o->series == m->series &&
			    (o->flags & TT_MS_NUMBERED)) {
				ms[n++] = o;
				seen[j] = true;
			}
		}
		if (is_dense(c, ms, n))
			add_span(c, &c->lanes[i], ms, n);
	}
	free(seen);
	free(ms);
}

static bool
is_dense(struct ctx *c, const tt_milestone *const *ms, size_t n)
{
	char text[TT_DATE_BUFSIZE];
	double x0, x1;

	if (n < 4)
		return false;
	x0 = xday(c, tt_date_to_daynum(ms[0]->date));
	x1 = xday(c, tt_date_to_daynum(ms[n - 1]->date));
	return (x1 - x0) / (double)(n - 1) < width(c, &F_DATE,
		tt_date_format(ms[0]->date, text)) + LABEL_GAP;
}

/* One callout for the inner dates of the series MS (N milestones) in
 * lane LN: those that hold nothing but milestones of this series. */
static void
add_span(struct ctx *c, struct lane *ln, const tt_milestone *const *ms,
	 size_t n)
{
	struct chart_date *d = NULL, *first = NULL, *last = NULL;
	const tt_milestone *mfirst = NULL, *mlast = NULL;
	unsigned id = (unsigned)c->lay->ncallouts + 1, hits = 0;
	size_t count = 0;

	for (size_t k = 1; k + 1 < n; k++) {
		d = date_at(c, ln, tt_date_to_daynum(ms[k]->date));
		hits = k > 1 && tt_date_compare(ms[k - 1]->date,
						 ms[k]->date) == 0 ? hits + 1 : 1;
		if (d == NULL || hits != d->nms || d->callout != 0)
			continue;
		d->callout = id;
		mfirst = first == NULL ? ms[k] : mfirst;
		first = first == NULL ? d : first;
		last = d;
		mlast = ms[k];
		count++;
	}
	if (count > 0)
		add_callout(c, first, count == 1 ? NULL : last, count);
	if (count > 1)
		span_words(c->lay->callouts[id - 1].what, CHART_TEXT_SIZE,
			   mfirst, mlast, ms, n);
	/* Room for the ends first. */
	for (size_t k = 0; k < n; k += n - 1) {
		d = date_at(c, ln, tt_date_to_daynum(ms[k]->date));
		if (d != NULL && d->priority > 1)
			d->priority = 1;
	}
}

/* "Review 2 to 18, every 5 years" from the labels of FIRST and LAST and
 * the step of the series MS (N milestones), if it has one. */
static void
span_words(char *buf, size_t size, const tt_milestone *first,
	   const tt_milestone *last, const tt_milestone *const *ms, size_t n)
{
	char a[CHART_TEXT_SIZE / 2], b[CHART_TEXT_SIZE / 2];
	char step[TT_DURATION_BUFSIZE];
	tt_duration d0 = tt_date_diff(ms[0]->nominal, ms[1]->nominal);
	bool regular = true;
	size_t len;

	tt_milestone_label(first, a, sizeof a);
	tt_milestone_label(last, b, sizeof b);
	join_labels(buf, size, a, b);
	for (size_t k = 1; k + 1 < n && regular; k++) {
		tt_duration d = tt_date_diff(ms[k]->nominal, ms[k + 1]->nominal);

		regular = memcmp(&d, &d0, sizeof d) == 0;
	}
	len = strlen(buf);
	if (!regular || len + 1 >= size)
		return;
	tt_duration_format_words(d0, step, sizeof step);
	/* "every year", not "every 1 year". */
	snprintf(buf + len, size - len, ", every %s",
		 strncmp(step, "1 ", 2) == 0 && strchr(step, ',') == NULL &&
		 strstr(step, " and ") == NULL ? step + 2 : step);
}

/* "Review 2 to 18" from "Review 2" and "Review 18"; "Renewal 2 to 14
 * begins" from "Renewal 2 begins" and "Renewal 14 begins"; else "A to
 * B". */
static void
join_labels(char *buf, size_t size, const char *a, const char *b)
{
	size_t pa, ea, pb, eb;

	number_at(a, &pa, &ea);
	number_at(b, &pb, &eb);
	/* Both cut short if they must: list entries are fitted later. */
	if (ea > pa && eb > pb && pa == pb && strncmp(a, b, pa) == 0 &&
	    strcmp(a + ea, b + eb) == 0) {
		if (snprintf(buf, size, "%.*s to %.*s%s", (int)ea, a,
			     (int)(eb - pb), b + pb, a + ea) < 0)
			buf[0] = '\0';
	} else if (snprintf(buf, size, "%s to %s", a, b) < 0) {
		buf[0] = '\0';
	}
}

/* Where the last run of digits in S begins and ends (both 0: none). */
static void
number_at(const char *s, size_t *begin, size_t *end)
{
	size_t i = strlen(s);

	*begin = *end = 0;
	while (i > 0 && !(s[i - 1] >= '0' && s[i - 1] <= '9'))
		i--;
	*end = i;
	while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
		i--;
	*begin = i;
}

/* The date of lane LN on DAY, or NULL. */
static struct chart_date *
date_at(struct ctx *c, const struct lane *ln, int32_t day)
{
	size_t lo = ln->first, hi = ln->first + ln->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->lay->dates[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ln->first + ln->n && c->lay->dates[lo].day == day ?
	       &c->lay->dates[lo] : NULL;
}

/* Most important first, each date label in the first row where it
 * overlaps no other; one with no room gets a callout of its own. */
static void
place_dates(struct ctx *c, const struct lane *ln)
{
	struct chart_date *d = c->lay->dates + ln->first;
	struct order *o = calloc(ln->n ? ln->n : 1, sizeof *o);
	char text[TT_DATE_BUFSIZE];

	if (o == NULL) {
		c->nomem = true;
		return;
	}
	for (size_t i = 0; i < ln->n; i++)
		o[i] = (struct order){ d[i].priority, d[i].day, 0, i };
	qsort(o, ln->n, sizeof *o, order_cmp);
	for (size_t k = 0; k < ln->n && !c->nomem; k++) {
		struct chart_date *e = &d[o[k].i];
		double w = width(c, &F_DATE, tt_date_format(
				 tt_date_from_daynum(e->day), text));
		double a = clamp(c, e->x - w / 2, w);

		if (e->callout != 0)
			continue;	/* in a series' callout */
		for (int row = 0; row < DATE_ROWS && e->row < 0; row++)
			if (date_fits(d, ln->n, row, a, a + w))
				e->row = row;
		e->a = a;
		e->b = a + w;
		if (e->row < 0) {
			e->callout = (unsigned)c->lay->ncallouts + 1;
			add_callout(c, e, NULL, 1);
		}
	}
	free(o);
}

/* Whether [A, B] keeps its distance from every date label already in ROW
 * among the N dates D of one lane. */
static bool
date_fits(const struct chart_date *d, size_t n, int row, double a, double b)
{
	for (size_t j = 0; j < n; j++)
		if (d[j].row == row && a < d[j].b + LABEL_GAP &&
		    d[j].a < b + LABEL_GAP)
			return false;
	return true;
}

/* A callout for FIRST, or from FIRST to LAST (COUNT dates); numbered
 * later. */
static void
add_callout(struct ctx *c, const struct chart_date *first,
	    const struct chart_date *last, size_t count)
{
	struct chart_layout *lay = c->lay;
	struct chart_callout *co;

	if (!grow((void **)&lay->callouts, &lay->acallouts, lay->ncallouts,
		  sizeof *lay->callouts)) {
		c->nomem = true;
		return;
	}
	co = &lay->callouts[lay->ncallouts++];
	memset(co, 0, sizeof *co);
	co->lane = first->lane;
	co->first = first->day;
	co->last = last ? last->day : first->day;
	co->count = count;
	co->xa = first->x;
	co->xb = last ? last->x : first->x;
	co->colour = first->colour;
	snprintf(co->what, sizeof co->what, "%s", first->what);
	ttp_utf8_trim(co->what);
	co->row = -1;
}

/* Callouts are numbered by first date, then lane, across the whole
 * picture; past CALLOUTS_MAX, their dates are only counted. */
static void
number_callouts(struct ctx *c)
{
	struct chart_layout *lay = c->lay;
	size_t n = lay->ncallouts;
	struct order *o = calloc(n ? n : 1, sizeof *o);
	struct chart_callout *sorted = calloc(n ? n : 1, sizeof *sorted);
	unsigned *number = calloc(n ? n : 1, sizeof *number);

	if (o == NULL || sorted == NULL || number == NULL) {
		c->nomem = true;
		n = 0;
	}
	for (size_t i = 0; i < n; i++)
		o[i] = (struct order){ 0, lay->callouts[i].first,
				       lay->callouts[i].lane, i };
	qsort(o, n, sizeof *o, order_cmp);
	for (size_t k = 0; k < n; k++) {
		sorted[k] = lay->callouts[o[k].i];
		number[o[k].i] = k < CALLOUTS_MAX ? (unsigned)k + 1 : 0;
		if (k >= CALLOUTS_MAX)
			lay->nomitted += sorted[k].count;
	}
	for (size_t i = 0; i < lay->ndates && n > 0; i++)
		if (lay->dates[i].callout != 0)
			lay->dates[i].callout =
				number[lay->dates[i].callout - 1];
	if (n > 0) {
		memcpy(lay->callouts, sorted, n * sizeof *sorted);
		lay->ncallouts = n < CALLOUTS_MAX ? n : CALLOUTS_MAX;
	}
	free(o);
	free(sorted);
	free(number);
}

/* Each callout's number under its markers (across them for a series), in
 * rows under the date labels: as many rows as it takes. */
static void
place_marks(struct ctx *c, size_t lane)
{
	struct chart_layout *lay = c->lay;
	char num[24];

	for (size_t i = 0; i < lay->ncallouts; i++) {
		struct chart_callout *co = &lay->callouts[i];
		double w, xc, a, b;
		int row = 0;

		if (co->lane != lane)
			continue;
		snprintf(num, sizeof num, "%zu", i + 1);
		w = width(c, &F_MARK, num);
		xc = (co->xa + co->xb) / 2;
		a = co->xa < xc - w / 2 ? co->xa : xc - w / 2;
		b = co->xb > xc + w / 2 ? co->xb : xc + w / 2;
		w = b - a;
		a = clamp(c, a, w);
		while (!mark_fits(lay->callouts, i, lane, row, a, a + w))
			row++;
		co->row = row;
		co->a = a;
		co->b = a + w;
		if (row + 1 > c->lanes[lane].mark_rows)
			c->lanes[lane].mark_rows = row + 1;
	}
}

/* Whether [A, B] keeps its distance from the marks in ROW of LANE among
 * the first N callouts CO. */
static bool
mark_fits(const struct chart_callout *co, size_t n, size_t lane, int row,
	  double a, double b)
{
	for (size_t j = 0; j < n; j++)
		if (co[j].lane == lane && co[j].row == row &&
		    a < co[j].b + MARK_GAP && co[j].a < b + MARK_GAP)
			return false;
	return true;
}

/* --- the picture ---------------------------------------------------- */

/* The title, and the names of the proposals if they fit on one line;
 * returns where the lanes begin. */
static double
emit_titles(struct ctx *c, const char *title)
{
	struct chart_layout *lay = c->lay;
	const struct compare *cmp = c->cmp;
	char sub[CHART_TEXT_SIZE], buf[CHART_TEXT_SIZE];
	double maxw = lay->w - 2 * MARGIN;
	size_t n = 0;

	snprintf(lay->title, sizeof lay->title, "%s",
		 title ? title : "Treaty terms compared");
	ttp_utf8_trim(lay->title);
	for (size_t i = 0; i < cmp->n && n < sizeof sub; i++)
		n += (size_t)snprintf(sub + n, sizeof sub - n, "%s%s",
				      i ? " vs " : "", cmp->p[i].title);
	ttp_utf8_trim(sub);
	if (n >= sizeof sub || width(c, &F_SUBTITLE, sub) > maxw) {
		tt_date a = tt_date_from_daynum((int32_t)c->from);
		tt_date b = tt_date_from_daynum((int32_t)c->to);

		snprintf(sub, sizeof sub, "%zu proposals, %d to %d", cmp->n,
			 a.year, b.year);
	}
	fit_text(c, &F_TITLE, lay->title, maxw, buf, sizeof buf);
	add_label(c, &F_TITLE, C_TEXT, buf, MARGIN, MARGIN + 17);
	fit_text(c, &F_SUBTITLE, sub, maxw, buf, sizeof buf);
	add_label(c, &F_SUBTITLE, C_MUTED, buf, MARGIN, MARGIN + 38);
	return MARGIN + 50;
}

/* Grid lines through the lanes, the axis under them, year labels. */
static void
emit_axis(struct ctx *c)
{
	tt_date first = tt_date_from_daynum((int32_t)c->from);
	tt_date last = tt_date_from_daynum((int32_t)c->to);
	int step = c->minor ? c->minor : c->tick;
	char year[8];

	for (int y = (first.year + step - 1) / step * step;
	     y <= last.year && y <= TT_YEAR_MAX; y += step) {
		bool major = y % c->tick == 0;
		double x;

		if (y < TT_YEAR_MIN)
			continue;
		x = xday(c, tt_date_to_daynum((tt_date){ y, 1, 1 }));
		if (x < c->x0 - 8 || x > c->x1 + ARROW_W)
			continue;
		x = crisp(x);
		if (major)
			add_line(c, x, c->lanes_y, x, c->axis_y, C_GRID, 1);
		add_line(c, x, c->axis_y, x, c->axis_y + (major ? 6 : 3),
			 C_AXIS, 1);
		if (major) {
			snprintf(year, sizeof year, "%d", y);
			add_label(c, &F_YEAR, C_TEXT, year, x, c->axis_y + 19);
		}
	}
	/* Quarters, when years are wide. */
	if (c->tick == 1 && xday(c, tt_date_to_daynum((tt_date){ 2001, 1, 1 })) -
	    xday(c, tt_date_to_daynum((tt_date){ 2000, 1, 1 })) >= 80)
		for (int y = first.year; y <= last.year; y++)
			for (int q = 4; q <= 10; q += 3) {
				double x = xday(c, tt_date_to_daynum(
						(tt_date){ y, q, 1 }));

				if (x < c->x0 - 8 || x > c->x1 + ARROW_W)
					continue;
				add_line(c, crisp(x), c->axis_y, crisp(x),
					 c->axis_y + 3, C_AXIS, 1);
			}
	add_line(c, MARGIN / 2, crisp(c->axis_y), c->lay->w - MARGIN / 2,
		 crisp(c->axis_y), C_AXIS, 1);
}

/* "[1] Name" and, in grey, the term and its dates; the bar, the markers,
 * and the dates. */
static void
emit_lane(struct ctx *c, size_t i)
{
	const struct compare_proposal *p = &c->cmp->p[i];
	const struct lane *ln = &c->lanes[i];
	double top = ln->top, maxw = c->lay->w - 2 * MARGIN, w;
	char head[CHART_TEXT_SIZE], info[CHART_TEXT_SIZE];
	char d1[TT_DATE_BUFSIZE];
	char term[COMPARE_TEXT_SIZE], end[COMPARE_TEXT_SIZE];

	snprintf(info, sizeof info, "[%zu] %s", i + 1, p->title);
	fit_text(c, &F_HEAD, info, maxw, head, sizeof head);
	add_label(c, &F_HEAD, C_TEXT, head, MARGIN, top + 16);
	w = width(c, &F_HEAD, head);
	compare_term_words(p, term, sizeof term);
	if (p->has_expiry) {
		compare_end_words(p, end, sizeof end);
		snprintf(info, sizeof info, "%s: %s to %s%s", term,
			 tt_date_format(p->eif, d1), end, p->hypothetical ?
			 " (never in force: hypothetical dates)" : "");
	}
	else
		snprintf(info, sizeof info, "%s%s, from %s%s", term,
			 p->has_term ? ", renewed without end" : "",
			 tt_date_format(p->eif, d1), p->hypothetical ?
			 " (never in force: hypothetical dates)" : "");
	fit_text(c, &F_INFO, info, maxw - w - 12, head, sizeof head);
	if (head[0] != '\0')
		add_label(c, &F_INFO, C_MUTED, head, MARGIN + w + 12,
			  top + 16);
	emit_bar(c, p, top + BAR_Y);
	emit_markers(c, p, top + BAR_Y);
	emit_dates(c, ln, top + BAR_Y);
	emit_marks(c, i, top + BAR_Y);
}

/* The period in force, renewed periods, an open end, and the withdrawal
 * window under it. */
static void
emit_bar(struct ctx *c, const struct compare_proposal *p, double yc)
{
	double xs = xday(c, tt_date_to_daynum(p->eif)), xe, xr = -1;
	const double y = yc - BAR_HALF, hgt = 2 * BAR_HALF;

	for (size_t k = 0; k < tt_schedule_count(p->s); k++) {
		const tt_milestone *m = tt_schedule_at(p->s, k);

		if (m->kind == TT_KIND_RENEWAL && xr < 0)
			xr = xday(c, tt_date_to_daynum(m->date));
	}
	xe = p->has_expiry ? xday(c, tt_date_to_daynum(p->expiry)) : c->x1;
	if (xe < xs + 2)
		xe = xs + 2;
	if (p->has_expiry) {
		double solid = xr >= 0 ? xr : xe;

		add_shape(c, CHART_FILL, xs, y, solid - xs, hgt, C_BAR);
		if (xr >= 0)
			add_shape(c, CHART_FILL, xr, y, xe - xr, hgt,
				  C_RENEWED);
		add_shape(c, CHART_FRAME, xs, y, xe - xs, hgt, C_BAR_EDGE);
	} else {
		emit_open_bar(c, xs, xe, xr, yc);
	}
	/* A line where each renewed period begins. */
	for (size_t k = 0; k < tt_schedule_count(p->s); k++) {
		const tt_milestone *m = tt_schedule_at(p->s, k);
		double x;

		if (m->kind != TT_KIND_RENEWAL)
			continue;
		x = xday(c, tt_date_to_daynum(m->date));
		if (x > xe)
			break;
		add_line(c, x, y, x, y + hgt, C_BAR_EDGE, 0.7);
	}
	if (p->withdrawal_opens != NULL) {
		double xw = xday(c, tt_date_to_daynum(
				 p->withdrawal_opens->date));

		if (xw < xe)
			add_shape(c, CHART_FILL, xw, yc + BAR_HALF + 1.5,
				  xe - xw, 4, C_WITHDRAW);
	}
}

/* A bar without end from XS: solid (lighter from XR, the first renewal,
 * if XR >= 0), then fading into an arrow at XE, the axis end. */
static void
emit_open_bar(struct ctx *c, double xs, double xe, double xr, double yc)
{
	double fade = xe - FADE_W > xs ? xe - FADE_W : xs;
	double solid = xr >= 0 && xr < fade ? xr : fade;
	const double y = yc - BAR_HALF, hgt = 2 * BAR_HALF;

	add_shape(c, CHART_FILL, xs, y, solid - xs, hgt, C_BAR);
	if (solid < fade)
		add_shape(c, CHART_FILL, solid, y, fade - solid, hgt,
			  C_RENEWED);
	add_shape(c, CHART_FADE, fade, y, xe - fade, hgt, C_BAR);
	add_line(c, fade, y, xs, y, C_BAR_EDGE, 1);
	add_line(c, xs, y, xs, y + hgt, C_BAR_EDGE, 1);
	add_line(c, xs, y + hgt, fade, y + hgt, C_BAR_EDGE, 1);
	add_shape(c, CHART_ARROW, xe, yc, ARROW_W, hgt + 6, C_BAR_EDGE);
	if (!c->nomem)
		c->lay->shapes[c->lay->nshapes - 1].alpha = 0.8;
}

/* A marker per milestone; a series denser than its markers gets smaller
 * ones, and a marker stacks on the lowest level with no other marker on
 * nearly the same spot (a dense series stays on one line). */
static void
emit_markers(struct ctx *c, const struct compare_proposal *p, double yc)
{
	size_t count = tt_schedule_count(p->s);
	struct stacked *placed = calloc(count ? count : 1, sizeof *placed);
	double radius[NSTYLES];

	if (placed == NULL) {
		c->nomem = true;
		return;
	}
	marker_radii(c, p, radius);
	for (size_t k = 0; k < count; k++) {
		const tt_milestone *m = tt_schedule_at(p->s, k);
		const struct style *st = STYLE(m->kind);
		struct stacked *s = &placed[k];

		s->x = xday(c, tt_date_to_daynum(m->date));
		s->r = radius[STYLE_INDEX(m->kind)];
		s->kind = m->kind;
		s->day = tt_date_to_daynum(m->date);
		s->level = stack_level(placed, k, s);
		add_marker(c, st->marker, s->x, yc - s->level * STACK_STEP,
			   s->r, st->colour);
		if (st->marker == CHART_MARKER_BAR)
			s->r = 1.75;	/* it is thin */
	}
	free(placed);
}

/* The radius of each kind's markers in P: smaller for dense series. */
static void
marker_radii(struct ctx *c, const struct compare_proposal *p,
	     double radius[NSTYLES])
{
	double last[NSTYLES];

	for (size_t k = 0; k < NSTYLES; k++) {
		radius[k] = MARKER_R;
		last[k] = -1e9;
	}
	for (size_t k = 0; k < tt_schedule_count(p->s); k++) {
		const tt_milestone *m = tt_schedule_at(p->s, k);
		double x = xday(c, tt_date_to_daynum(m->date));
		size_t ki = STYLE_INDEX(m->kind);
		double r = (x - last[ki]) * 0.42;

		if (x - last[ki] >= 0.5 && r < radius[ki])
			radius[ki] = r < 2.5 ? 2.5 : r;
		last[ki] = x;
	}
}

/* The lowest level where S clashes with none of the N markers before it:
 * another kind, or the same day, on nearly the same spot. */
static int
stack_level(const struct stacked *placed, size_t n, const struct stacked *s)
{
	int level = 0;

	for (bool clash = true; clash && level < STACK_LEVELS;) {
		clash = false;
		for (size_t j = 0; j < n && !clash; j++) {
			const struct stacked *o = &placed[j];
			double near = 0.6 * (o->r + s->r);

			clash = o->level == level && o->x - s->x < near &&
				s->x - o->x < near &&
				(o->kind != s->kind || o->day == s->day);
		}
		if (clash)
			level++;
	}
	return level < STACK_LEVELS ? level : STACK_LEVELS - 1;
}

/* Placed date labels in their rows. */
static void
emit_dates(struct ctx *c, const struct lane *ln, double yc)
{
	char text[TT_DATE_BUFSIZE];

	for (size_t i = ln->first; i < ln->first + ln->n; i++) {
		struct chart_date *d = &c->lay->dates[i];
		struct chart_label *l;

		if (d->callout != 0 || d->row < 0)
			continue;
		tt_date_format(tt_date_from_daynum(d->day), text);
		l = add_label(c, &F_DATE, d->colour, text, d->a, yc +
			      BAR_HALF + 17 + d->row * DATE_ROW);
		if (l == NULL)
			return;
		l->role = CHART_DATE;
		l->date = i;
		d->label = (size_t)(l - c->lay->labels);
	}
}

/* Callouts' numbers in rows under the date labels; a series' number sits
 * in a bracket across its markers. */
static void
emit_marks(struct ctx *c, size_t lane, double yc)
{
	double y0 = yc + BAR_HALF + 17 + DATE_ROWS * DATE_ROW;
	char num[24];

	for (size_t i = 0; i < c->lay->ncallouts; i++) {
		struct chart_callout *co = &c->lay->callouts[i];
		double y = y0 + co->row * MARK_ROW, xc = (co->a + co->b) / 2;
		struct chart_label *l;

		if (co->lane != lane)
			continue;
		snprintf(num, sizeof num, "%zu", i + 1);
		l = add_label(c, &F_MARK, co->colour, num, xc, y);
		if (l == NULL)
			return;
		l->role = CHART_CALLOUT_MARK;
		l->callout = (unsigned)i + 1;
		co->mark = (size_t)(l - c->lay->labels);
		if (co->count > 1)
			bracket(c, co, xc, l->w, y - 3);
	}
}

/* A bracket from the first marker of CO to its last at height Y, with a
 * gap for the number W wide at XC. */
static void
bracket(struct ctx *c, const struct chart_callout *co, double xc, double w,
	double y)
{
	if (xc - w / 2 - 3 > co->xa) {
		add_line(c, co->xa, y, xc - w / 2 - 3, y, co->colour, 0.8);
		add_line(c, co->xa, y - 4, co->xa, y, co->colour, 0.8);
	}
	if (xc + w / 2 + 3 < co->xb) {
		add_line(c, xc + w / 2 + 3, y, co->xb, y, co->colour, 0.8);
		add_line(c, co->xb, y - 4, co->xb, y, co->colour, 0.8);
	}
}

/* The legend, in rows that wrap at the margin; returns the baseline of
 * its last row. */
static double
emit_legend(struct ctx *c, double y)
{
	static const char *const bars[] = {
		"In force", "Renewed period", "No end (indefinite)",
		"Withdrawal may be notified"
	};
	double x = c->x0;

	for (int item = 0; item < LEGEND_ITEMS; item++) {
		const char *text = (size_t)item < NSTYLES ? styles[item].legend :
				   bars[(size_t)item - NSTYLES];
		double w;

		if (!c->present[item])
			continue;
		w = 22 + width(c, &F_LEGEND, text);
		if (x > c->x0 && x + w > c->lay->w - MARGIN) {
			x = c->x0;
			y += LEGEND_ROW;
		}
		legend_icon(c, item, x + 8, y);
		add_label(c, &F_LEGEND, C_TEXT, text, x + 20, y + 4);
		x += w + 16;
	}
	return y + 4;
}

static void
legend_icon(struct ctx *c, int item, double x, double y)
{
	if ((size_t)item < NSTYLES) {
		add_marker(c, styles[item].marker, x, y, 5,
			   styles[item].colour);
		return;
	}
	switch (item) {
	case BAR_IN_FORCE:
	case BAR_RENEWED:
		add_shape(c, CHART_FILL, x - 8, y - 5, 16, 10,
			  item == BAR_IN_FORCE ? C_BAR : C_RENEWED);
		add_shape(c, CHART_FRAME, x - 8, y - 5, 16, 10, C_BAR_EDGE);
		break;
	case BAR_OPEN:
		add_shape(c, CHART_FADE, x - 8, y - 5, 12, 10, C_BAR);
		add_shape(c, CHART_ARROW, x + 4, y, 6, 14, C_BAR_EDGE);
		if (!c->nomem)
			c->lay->shapes[c->lay->nshapes - 1].alpha = 0.8;
		break;
	case BAR_WITHDRAWAL:
		add_shape(c, CHART_FILL, x - 8, y - 2, 16, 4, C_WITHDRAW);
		break;
	default:
		break;
	}
}

/* The numbered list of callouts, in as many columns as fit, then the
 * notes; Y is the baseline of the legend's last row.  Returns the last
 * baseline. */
static double
emit_callouts(struct ctx *c, double y)
{
	struct chart_layout *lay = c->lay;
	size_t n = lay->ncallouts, cols, rows;
	double avail = lay->w - MARGIN - c->x0, numw, colw = 0;
	char buf[CHART_TEXT_SIZE], note[160];

	for (size_t i = 0; i < n; i++) {
		double w = list_entry(c, i, buf, sizeof buf);

		colw = w > colw ? w : colw;
	}
	snprintf(buf, sizeof buf, "%zu", n);
	numw = width(c, &F_NUMBER, buf);
	colw += numw + 6;
	cols = (size_t)((avail + LIST_GAP) / (colw + LIST_GAP));
	cols = cols < 1 ? 1 : cols > n ? n : cols;
	rows = n ? (n + cols - 1) / cols : 0;
	if (n > 0) {
		add_label(c, &F_HEADING, C_TEXT, "Dates shown by number",
			  c->x0, y += 24);
		y += 4;
	}
	for (size_t k = 0; k < n && !c->nomem; k++)
		list_row(c, k, c->x0 + (double)(k / rows) * (colw + LIST_GAP),
			 y + LIST_ROW * (double)(k % rows + 1), numw,
			 avail - numw - 6);
	y += LIST_ROW * (double)rows;
	if (lay->nomitted > 0) {
		snprintf(note, sizeof note, "%zu later dates had no room; "
			 "the table (--format table) lists every date.",
			 lay->nomitted);
		add_label(c, &F_NOTE, C_MUTED, note, c->x0, y += 18);
	}
	if (c->truncated)
		add_label(c, &F_NOTE, C_MUTED, "Series without end are shown "
			  "up to each proposal's horizon (--horizon).", c->x0,
			  y += 18);
	return y;
}

/* Callout K's number, right-aligned in NUMW, and its entry at X, on the
 * baseline Y; the entry at most MAXW wide. */
static void
list_row(struct ctx *c, size_t k, double x, double y, double numw,
	 double maxw)
{
	struct chart_callout *co = &c->lay->callouts[k];
	char num[24], text[CHART_TEXT_SIZE], buf[CHART_TEXT_SIZE];
	struct chart_label *l;

	snprintf(num, sizeof num, "%zu", k + 1);
	if ((l = add_label(c, &F_NUMBER, co->colour, num, x + numw, y)) ==
	    NULL)
		return;
	l->role = CHART_CALLOUT_NUMBER;
	l->callout = (unsigned)k + 1;
	co->number = (size_t)(l - c->lay->labels);
	list_entry(c, k, text, sizeof text);
	fit_text(c, &F_ENTRY, text, maxw, buf, sizeof buf);
	if ((l = add_label(c, &F_ENTRY, C_TEXT, buf, x + numw + 6, y)) ==
	    NULL)
		return;
	l->role = CHART_CALLOUT_ENTRY;
	l->callout = (unsigned)k + 1;
	co->entry = (size_t)(l - c->lay->labels);
}

/* "2026-02-05  New START: Expiry if extended", or "1980-03-05 to
 * 2065-03-05  NPT: Review conference 2 to 18, every 5 years", for callout
 * K into BUF; returns its width. */
static double
list_entry(struct ctx *c, size_t k, char *buf, size_t size)
{
	const struct chart_callout *co = &c->lay->callouts[k];
	char a[TT_DATE_BUFSIZE], b[TT_DATE_BUFSIZE], dates[32];

	tt_date_format(tt_date_from_daynum(co->first), a);
	tt_date_format(tt_date_from_daynum(co->last), b);
	if (co->count > 1)
		snprintf(dates, sizeof dates, "%s to %s", a, b);
	else
		snprintf(dates, sizeof dates, "%s", a);
	/* Cut short if it must: fit_text() ends it with "..." anyway.  The
	 * parties picture has one lane, with no title to repeat. */
	if ((c->cmp != NULL ?
	     snprintf(buf, size, "%s  %s: %s", dates,
		      c->cmp->p[co->lane].title, co->what) :
	     snprintf(buf, size, "%s  %s", dates, co->what)) < 0)
		buf[0] = '\0';
	return width(c, &F_ENTRY, buf);
}

/* --- the parties picture -------------------------------------------- */

/* A change in the number of parties in force: +1 or -1 on DAY. */
struct change {
	int32_t day;
	int delta;
};

/* A withdrawal, for grouping those of one day. */
struct leaving {
	int32_t day;
	size_t party;
};

bool
chart_layout_parties(struct chart_layout *lay, const tt_schedule *s,
		     const char *title, int width, chart_measure_fn *measure,
		     void *ctx)
{
	struct ctx c = { .lay = lay, .measure = measure, .mctx = ctx };
	double y;

	memset(lay, 0, sizeof *lay);
	lay->w = width ? width : CHART_WIDTH_DEFAULT;
	lay->parties = true;
	c.lanes = calloc(1, sizeof *c.lanes);
	if (c.lanes == NULL)
		return false;
	parties_steps(&c, s);
	parties_markers(&c, s);
	parties_range(&c, s);
	plan_ticks(&c);
	for (size_t i = 0; i < lay->ndates; i++)
		lay->dates[i].x = xday(&c, lay->dates[i].day);
	for (size_t i = 0; i < lay->nsteps; i++)
		lay->steps[i].x = xday(&c, lay->steps[i].day);
	c.lanes[0].n = lay->ndates;
	place_names(&c);
	number_callouts(&c);
	place_marks(&c, 0);
	for (size_t i = 0; i < lay->ncallouts; i++)
		chart_marker_words(&lay->dates[callout_date(lay, i + 1)],
				   lay->callouts[i].what, CHART_TEXT_SIZE);

	y = parties_titles(&c, s, title);
	y = emit_names(&c, y);
	emit_plot(&c, y);
	emit_axis(&c);
	y = parties_legend(&c, c.axis_y + 44);
	y = emit_callouts(&c, y);
	lay->h = (double)(long)(y + MARGIN + 0.999);
	free(c.lanes);
	return !c.nomem;
}

size_t
chart_marker_words(const struct chart_date *d, char *buf, size_t size)
{
	const char *head = d->marker == CHART_MARKER_BAR ?
			   "Entry into force" : "Withdrawal takes effect: ";
	size_t n = strlen(head) + (d->marker == CHART_MARKER_BAR ? 0 :
				   strlen(d->what));

	if (size == 0)
		return n;
	/* Cut short if it must, whole characters only. */
	if (snprintf(buf, size, "%s%s", head, d->marker == CHART_MARKER_BAR ?
		     "" : d->what) < 0)
		buf[0] = '\0';
	ttp_utf8_trim(buf);
	return n;
}

/* Where the count changes: +1 on each party's entry into force, -1 when
 * its withdrawal takes effect -- the same reckoning as
 * tt_party_in_force(), so a withdrawal on or before the party's own entry
 * into force changes nothing. */
static void
parties_steps(struct ctx *c, const tt_schedule *s)
{
	struct chart_layout *lay = c->lay;
	size_t n = tt_schedule_party_count(s), k = 0, most = 0, count = 0;
	struct change *ch = calloc(n ? 2 * n : 1, sizeof *ch);

	if (ch == NULL) {
		c->nomem = true;
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const tt_party *p = tt_schedule_party_at(s, i);
		int32_t in, out;

		if (!(p->has & TT_PARTY_ENTRY_INTO_FORCE))
			continue;
		in = tt_date_to_daynum(p->entry_into_force);
		ch[k++] = (struct change){ in, 1 };
		if (!(p->has & TT_PARTY_WITHDRAWAL))
			continue;
		out = tt_date_to_daynum(p->withdrawal_effective);
		if (out <= in)
			k--;
		else
			ch[k++] = (struct change){ out, -1 };
	}
	qsort(ch, k, sizeof *ch, change_cmp);
	/* A day's changes are summed before a step is made: parties joining
	 * and leaving on one day may leave the count as it was. */
	for (size_t i = 0; i < k && !c->nomem;) {
		int32_t day = ch[i].day;
		size_t was = count;

		/* Arrivals sort first on their day: the count never dips
		 * below zero on the way. */
		for (; i < k && ch[i].day == day; i++)
			count = ch[i].delta > 0 ? count + 1 : count - 1;
		if (count == was)
			continue;
		if (!grow((void **)&lay->steps, &lay->asteps, lay->nsteps,
			  sizeof *lay->steps)) {
			c->nomem = true;
			break;
		}
		lay->steps[lay->nsteps++] = (struct chart_step){ day, count,
								 0, 0 };
		most = count > most ? count : most;
	}
	free(ch);
	plan_count_axis(c, most);
}

/* A tick step of 1, 2, 5, 10, 20, 25, 50, ... parties that makes at most
 * six intervals, and the top of the axis a whole number of them. */
static void
plan_count_axis(struct ctx *c, size_t most)
{
	static const size_t steps[] = {
		1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000,
		2500, 5000, 10000
	};
	size_t step = (most + 5) / 6;	/* past the table */

	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if ((most + steps[i] - 1) / steps[i] <= 6) {
			step = steps[i];
			break;
		}
	c->ystep = step;
	c->lay->ymax = most == 0 ? step : (most + step - 1) / step * step;
}

/* The general entry into force, then a marker for each day on which
 * withdrawals take effect, naming the parties in the spec's order. */
static void
parties_markers(struct ctx *c, const tt_schedule *s)
{
	size_t n = tt_schedule_party_count(s), k = 0;
	struct leaving *w = calloc(n ? n : 1, sizeof *w);

	if (w == NULL) {
		c->nomem = true;
		return;
	}
	if (tt_schedule_has_entry_into_force(s))
		add_marker_date(c, tt_date_to_daynum(
				tt_schedule_entry_into_force(s)),
				TT_KIND_ENTRY_INTO_FORCE, "Entry into force");
	for (size_t i = 0; i < n; i++) {
		const tt_party *p = tt_schedule_party_at(s, i);

		if (p->has & TT_PARTY_WITHDRAWAL)
			w[k++] = (struct leaving){ tt_date_to_daynum(
				p->withdrawal_effective), i };
	}
	qsort(w, k, sizeof *w, leaving_cmp);
	for (size_t i = 0; i < k && !c->nomem;) {
		char names[CHART_TEXT_SIZE];
		size_t len = 0, j = i;

		names[0] = '\0';
		for (; j < k && w[j].day == w[i].day; j++)
			if (len < sizeof names)
				len += (size_t)snprintf(names + len,
					sizeof names - len, "%s%s",
					j > i ? ", " : "",
					tt_schedule_party_at(s,
						w[j].party)->name);
		ttp_utf8_trim(names);
		add_marker_date(c, w[i].day, TT_KIND_WITHDRAWAL_EFFECTIVE,
				names);
		i = j;
	}
	free(w);
	/* Dates are kept by day: the entry into force may come after a
	 * withdrawal (a party that left before the treaty came into force
	 * for the others). */
	if (!c->nomem)
		qsort(c->lay->dates, c->lay->ndates, sizeof *c->lay->dates,
		      date_cmp);
}

static void
add_marker_date(struct ctx *c, int32_t day, tt_kind kind, const char *what)
{
	const struct style *st = STYLE(kind);
	struct chart_date *d;

	if ((d = new_date(c, day, st, what)) == NULL)
		return;
	d->priority = st->priority;
	d->marker = st->marker;
}

/* From the first change or marker to the last, padded: at least five
 * years, with more room on the right, where the line goes on at the
 * count of today.  Without any (no party in force yet), the parties'
 * deposits and signatures. */
static void
parties_range(struct ctx *c, const tt_schedule *s)
{
	const struct chart_layout *lay = c->lay;
	int32_t lo = TT_DAYNUM_MAX, hi = TT_DAYNUM_MIN;
	char top[32];
	double span;

	for (size_t i = 0; i < lay->nsteps; i++)
		widen(&lo, &hi, lay->steps[i].day);
	for (size_t i = 0; i < lay->ndates; i++)
		widen(&lo, &hi, lay->dates[i].day);
	for (size_t i = 0; lo > hi && i < tt_schedule_party_count(s); i++) {
		const tt_party *p = tt_schedule_party_at(s, i);

		if (p->has & TT_PARTY_DEPOSIT)
			widen(&lo, &hi, tt_date_to_daynum(p->deposit));
		if (p->has & TT_PARTY_SIGNATURE)
			widen(&lo, &hi, tt_date_to_daynum(p->signature));
	}
	if (lo > hi)
		lo = hi = tt_date_to_daynum((tt_date){ 2000, 1, 1 });
	if (hi - lo < 1826)
		hi = lo + 1826;
	span = hi - lo;
	c->from = lo - span * 0.03 < TT_DAYNUM_MIN ? TT_DAYNUM_MIN :
		  lo - span * 0.03;
	c->to = hi + span * 0.06 > TT_DAYNUM_MAX ? TT_DAYNUM_MAX :
		hi + span * 0.06;
	/* Room on the left for the counts. */
	snprintf(top, sizeof top, "%zu", lay->ymax);
	c->x0 = MARGIN + width(c, &F_COUNT, top) + 10;
	c->x1 = lay->w - MARGIN - 8;
}

static void
widen(int32_t *lo, int32_t *hi, int32_t day)
{
	*lo = day < *lo ? day : *lo;
	*hi = day > *hi ? day : *hi;
}

/* Most important first (the entry into force), each marker's names in
 * the first row where they overlap no others; names with no room become
 * a callout. */
static void
place_names(struct ctx *c)
{
	struct chart_layout *lay = c->lay;
	struct chart_date *d = lay->dates;
	size_t n = lay->ndates;
	struct order *o = calloc(n ? n : 1, sizeof *o);
	char text[CHART_TEXT_SIZE];

	if (o == NULL) {
		c->nomem = true;
		return;
	}
	for (size_t i = 0; i < n; i++)
		o[i] = (struct order){ d[i].priority, d[i].day, 0, i };
	qsort(o, n, sizeof *o, order_cmp);
	for (size_t k = 0; k < n && !c->nomem; k++) {
		struct chart_date *e = &d[o[k].i];
		double w, a;

		name_text(c, e, text, sizeof text);
		w = width(c, &F_DATE, text);
		a = clamp(c, e->x - w / 2, w);
		for (int row = 0; row < DATE_ROWS && e->row < 0; row++)
			if (date_fits(d, n, row, a, a + w))
				e->row = row;
		e->a = a;
		e->b = a + w;
		if (e->row < 0) {
			e->callout = (unsigned)lay->ncallouts + 1;
			add_callout(c, e, NULL, 1);
		}
	}
	free(o);
}

/* The names as a label shows them: shortened to a third of the width,
 * so that one long name does not push every other into the list. */
static void
name_text(struct ctx *c, const struct chart_date *d, char *buf, size_t size)
{
	fit_text(c, &F_DATE, d->what, (c->x1 - c->x0) / 3, buf, size);
}

/* The date with callout number N. */
static size_t
callout_date(const struct chart_layout *lay, unsigned n)
{
	size_t i = 0;

	while (i + 1 < lay->ndates && lay->dates[i].callout != n)
		i++;
	return i;
}

/* The title and a line of figures; returns where the names begin. */
static double
parties_titles(struct ctx *c, const tt_schedule *s, const char *title)
{
	struct chart_layout *lay = c->lay;
	size_t n = tt_schedule_party_count(s), out = 0;
	char sub[CHART_TEXT_SIZE], buf[CHART_TEXT_SIZE], d[TT_DATE_BUFSIZE];
	double maxw = lay->w - 2 * MARGIN;
	int len;

	if (title == NULL)
		title = *tt_schedule_name(s) ? tt_schedule_name(s) :
			*tt_schedule_id(s) ? tt_schedule_id(s) :
			"Parties in force";
	snprintf(lay->title, sizeof lay->title, "%s", title);
	ttp_utf8_trim(lay->title);
	for (size_t i = 0; i < n; i++)
		out += (tt_schedule_party_at(s, i)->has &
			TT_PARTY_WITHDRAWAL) != 0;
	len = snprintf(sub, sizeof sub, "Parties in force: %zu %s, ", n,
		       n == 1 ? "party" : "parties");
	if (tt_schedule_has_entry_into_force(s))
		snprintf(sub + len, sizeof sub - (size_t)len,
			 "in force from %s, %zu %s",
			 tt_date_format(tt_schedule_entry_into_force(s), d),
			 out, out == 1 ? "withdrawal" : "withdrawals");
	else
		snprintf(sub + len, sizeof sub - (size_t)len,
			 "not yet in force");
	fit_text(c, &F_TITLE, lay->title, maxw, buf, sizeof buf);
	add_label(c, &F_TITLE, C_TEXT, buf, MARGIN, MARGIN + 17);
	fit_text(c, &F_SUBTITLE, sub, maxw, buf, sizeof buf);
	add_label(c, &F_SUBTITLE, C_MUTED, buf, MARGIN, MARGIN + 38);
	return MARGIN + 50;
}

/* The markers' names in their rows from TOP, and callout numbers under
 * them; returns where the plot begins. */
static double
emit_names(struct ctx *c, double top)
{
	struct chart_layout *lay = c->lay;
	char text[CHART_TEXT_SIZE];
	int rows = 0;

	for (size_t i = 0; i < lay->ndates; i++) {
		struct chart_date *d = &lay->dates[i];
		struct chart_label *l;

		if (d->callout != 0 || d->row < 0)
			continue;
		rows = d->row + 1 > rows ? d->row + 1 : rows;
		name_text(c, d, text, sizeof text);
		l = add_label(c, &F_DATE, d->colour, text, d->a,
			      top + 12 + d->row * DATE_ROW);
		if (l == NULL)
			return top;
		l->role = CHART_DATE;
		l->date = i;
		d->label = (size_t)(l - lay->labels);
	}
	/* emit_marks() puts the numbers under DATE_ROWS rows of dates under
	 * a bar centred on its argument. */
	if (c->lanes[0].mark_rows > 0) {
		emit_marks(c, 0, top + 12 - BAR_HALF - 17);
		rows = DATE_ROWS + c->lanes[0].mark_rows;
	}
	c->names_y = top;
	return top + (rows > 0 ? rows * DATE_ROW + 8 : 0);
}

/* Count grid and labels, the step line over the plot's area, and each
 * marker on it with a guide up to its names. */
static void
emit_plot(struct ctx *c, double top)
{
	struct chart_layout *lay = c->lay;
	const double bottom = top + PLOT_H;
	char num[32];

	c->lanes_y = top;
	c->axis_y = bottom;
	c->plot_bottom = bottom;
	for (size_t v = 0; v <= lay->ymax; v += c->ystep) {
		double y = crisp(count_y(c, v));

		if (v > 0)
			add_line(c, c->x0 - 4, y, c->x1, y, C_GRID, 1);
		snprintf(num, sizeof num, "%zu", v);
		add_label(c, &F_COUNT, C_TEXT, num, c->x0 - 8, y + 4);
		if (lay->ymax - v < c->ystep)
			break;
	}
	for (size_t i = 0; i < lay->nsteps; i++)
		lay->steps[i].y = count_y(c, lay->steps[i].count);
	add_shape(c, CHART_STEPS, c->x0, bottom, c->x1 - c->x0, 0,
		  C_BAR_EDGE);
	if (!c->nomem)
		lay->shapes[lay->nshapes - 1].line = 2;
	for (size_t i = 0; i < lay->ndates; i++) {
		const struct chart_date *d = &lay->dates[i];
		/* The top of a withdrawal's drop, the top of the rise on the
		 * entry into force. */
		size_t n = count_on(lay, d->marker == CHART_MARKER_BAR ?
				    d->day : d->day - 1);
		double y = count_y(c, n), from = guide_top(c, d);

		if (from < y - 8)
			add_line(c, d->x, from, d->x, y - 8, d->colour, 0.45);
		add_marker(c, d->marker, d->x, y, MARKER_R, d->colour);
	}
}

/* Where the guide from a marker's names (or its callout number)
 * begins. */
static double
guide_top(const struct ctx *c, const struct chart_date *d)
{
	const struct chart_layout *lay = c->lay;

	if (d->callout == 0)
		return c->names_y + 12 + d->row * DATE_ROW + 4;
	return c->names_y + 12 + DATE_ROWS * DATE_ROW +
	       lay->callouts[d->callout - 1].row * MARK_ROW + 4;
}

/* The number of parties in force on DAY, from the steps. */
static size_t
count_on(const struct chart_layout *lay, int32_t day)
{
	size_t n = 0;

	for (size_t i = 0; i < lay->nsteps && lay->steps[i].day <= day; i++)
		n = lay->steps[i].count;
	return n;
}

static double
count_y(const struct ctx *c, size_t n)
{
	/* A little headroom: a marker on the top line stays clear of the
	 * names above the plot. */
	return c->plot_bottom - (double)n / (double)c->lay->ymax *
	       (PLOT_H - PLOT_PAD);
}

/* What the line and the markers mean; returns the baseline of its
 * row. */
static double
parties_legend(struct ctx *c, double y)
{
	const struct style *in = STYLE(TT_KIND_ENTRY_INTO_FORCE);
	const struct style *out = STYLE(TT_KIND_WITHDRAWAL_EFFECTIVE);
	bool eif = false, wd = false;
	double x = c->x0;

	for (size_t i = 0; i < c->lay->ndates; i++) {
		eif |= c->lay->dates[i].marker == in->marker;
		wd |= c->lay->dates[i].marker == out->marker;
	}
	add_line(c, x, y + 4, x + 6, y + 4, C_BAR_EDGE, 1);
	add_line(c, x + 6, y + 4, x + 6, y - 4, C_BAR_EDGE, 1);
	add_line(c, x + 6, y - 4, x + 16, y - 4, C_BAR_EDGE, 1);
	add_label(c, &F_LEGEND, C_TEXT, "Parties in force", x + 22, y + 4);
	x += 38 + width(c, &F_LEGEND, "Parties in force");
	if (eif) {
		add_marker(c, in->marker, x + 8, y, 5, in->colour);
		add_label(c, &F_LEGEND, C_TEXT, "Entry into force (general)",
			  x + 20, y + 4);
		x += 36 + width(c, &F_LEGEND, "Entry into force (general)");
	}
	if (wd) {
		/* Wraps on a narrow picture. */
		if (x + 22 + width(c, &F_LEGEND, out->legend) >
		    c->lay->w - MARGIN) {
			x = c->x0;
			y += LEGEND_ROW;
		}
		add_marker(c, out->marker, x + 8, y, 5, out->colour);
		add_label(c, &F_LEGEND, C_TEXT, out->legend, x + 20, y + 4);
	}
	return y + 4;
}

static int
change_cmp(const void *pa, const void *pb)
{
	const struct change *a = pa, *b = pb;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return b->delta - a->delta;
}

/* By day, then the spec's order. */
static int
leaving_cmp(const void *pa, const void *pb)
{
	const struct leaving *a = pa, *b = pb;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return a->party < b->party ? -1 : a->party > b->party;
}

/* By day, the entry into force first on its day. */
static int
date_cmp(const void *pa, const void *pb)
{
	const struct chart_date *a = pa, *b = pb;

	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return a->priority < b->priority ? -1 : a->priority > b->priority;
}

/* --- helpers -------------------------------------------------------- */

static struct chart_label *
add_label(struct ctx *c, const struct font *f, unsigned colour,
	  const char *text, double x, double y)
{
	struct chart_layout *lay = c->lay;
	struct chart_label *l;

	if (!grow((void **)&lay->labels, &lay->alabels, lay->nlabels,
		  sizeof *lay->labels)) {
		c->nomem = true;
		return NULL;
	}
	l = &lay->labels[lay->nlabels++];
	memset(l, 0, sizeof *l);
	snprintf(l->text, sizeof l->text, "%s", text);
	ttp_utf8_trim(l->text);
	l->x = x;
	l->y = y;
	l->w = width(c, f, l->text);
	l->size = f->size;
	l->bold = f->bold;
	l->colour = colour;
	l->anchor = f->anchor;
	l->role = CHART_TEXT;
	return l;
}

static void
add_shape(struct ctx *c, enum chart_shape_kind kind, double x, double y,
	  double w, double h, unsigned colour)
{
	struct chart_layout *lay = c->lay;

	if (!grow((void **)&lay->shapes, &lay->ashapes, lay->nshapes,
		  sizeof *lay->shapes)) {
		c->nomem = true;
		return;
	}
	lay->shapes[lay->nshapes++] = (struct chart_shape){
		.kind = kind, .x = x, .y = y, .w = w, .h = h,
		.colour = colour, .alpha = 1, .line = 1
	};
}

static void
add_line(struct ctx *c, double x, double y, double x2, double y2,
	 unsigned colour, double alpha)
{
	add_shape(c, CHART_LINE, x, y, x2 - x, y2 - y, colour);
	if (!c->nomem)
		c->lay->shapes[c->lay->nshapes - 1].alpha = alpha;
}

static void
add_marker(struct ctx *c, enum chart_marker marker, double x, double y,
	   double r, unsigned colour)
{
	add_shape(c, CHART_MARKER, x, y, r, 0, colour);
	if (!c->nomem)
		c->lay->shapes[c->lay->nshapes - 1].marker = marker;
}

/* Room for one more than N elements of SIZE in *P, doubling *ALLOC. */
static bool
grow(void **p, size_t *alloc, size_t n, size_t size)
{
	void *q = n < SIZE_MAX ? ttp_grow(*p, alloc, n + 1, size) : NULL;

	if (q == NULL)
		return false;
	*p = q;
	return true;
}

static double
width(struct ctx *c, const struct font *f, const char *s)
{
	return c->measure(c->mctx, s, f->size, f->bold);
}

/* S, shortened with "…" to fit in MAXW, into BUF (which may be S). */
static void
fit_text(struct ctx *c, const struct font *f, const char *s, double maxw,
	 char *buf, size_t size)
{
	size_t n;

	if (buf != s)
		snprintf(buf, size, "%s", s);
	ttp_utf8_trim(buf);
	if (width(c, f, buf) <= maxw)
		return;
	n = strlen(buf);
	while (n > 0) {
		/* Back up over a whole UTF-8 character. */
		do
			n--;
		while (n > 0 && ((unsigned char)buf[n] & 0xc0) == 0x80);
		if (n + sizeof "\xe2\x80\xa6" > size)
			continue;
		memcpy(buf + n, "\xe2\x80\xa6", sizeof "\xe2\x80\xa6");
		if (width(c, f, buf) <= maxw)
			return;
	}
	buf[0] = '\0';
}

/* The left of something W wide at A, moved inside the canvas. */
static double
clamp(const struct ctx *c, double a, double w)
{
	if (a + w > c->lay->w - MARGIN / 2)
		a = c->lay->w - MARGIN / 2 - w;
	return a < MARGIN / 2 ? MARGIN / 2 : a;
}

static double
xday(const struct ctx *c, int32_t day)
{
	return c->x0 + (day - c->from) / (c->to - c->from) * (c->x1 - c->x0);
}

/* The middle of the pixel V falls in, where a 1-pixel line is sharp. */
static double
crisp(double v)
{
	return (double)(long)v + 0.5;
}

static int
order_cmp(const void *pa, const void *pb)
{
	const struct order *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->lane != b->lane)
		return a->lane < b->lane ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}
