/*
 * out-chart.c -- proposals compared as a timeline picture (SVG, PNG or
 * PDF), drawn with cairo.
 *
 * This is the only file that includes cairo's headers.  One lane per
 * proposal: the period in force as a bar (lighter where a renewal may
 * carry it on, fading into an arrow when it has no end), the window in
 * which withdrawal may be notified as a band under it, and a marker for
 * every milestone, each kind with a shape and a colour of its own so that
 * the picture still reads in grey.  Dates are written under the markers in
 * two staggered rows, most important first (entry into force, expiry,
 * withdrawal, the first of each series), and left out where they would
 * overlap.  A time axis in years runs under the lanes, with a tick step
 * chosen from 1, 2, 5, 10, 20, 25, 50, ... years by the span.
 *
 * The picture is the same on every run: text is laid out with hinting
 * off (so PNG, SVG and PDF share one layout), markers that share a day
 * stack upwards in a fixed order, and the PDF carries no creation date.
 * Output goes through a write callback to the caller's stream, so that -o
 * replaces its file only when everything was written.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#ifdef CAIRO_HAS_PDF_SURFACE
#include <cairo-pdf.h>
#endif
#ifdef CAIRO_HAS_SVG_SURFACE
#include <cairo-svg.h>
#endif

#include "compare.h"
#include "format.h"

#define FONT "DejaVu Sans"
#define TAU 6.283185307179586

/* Layout, in pixels (points in PDF). */
#define MARGIN 16.0
#define LANE_H 90.0
#define BAR_Y 48.0		/* bar centre below a lane's top */
#define BAR_HALF 6.0
#define STACK_STEP 11.0		/* markers on one day stack upwards */
#define STACK_LEVELS 3
#define MARKER_R 5.5
#define LABEL_GAP 6.0		/* between two date labels in a row */
#define LEGEND_ROW 20.0
#define FADE_W 90.0		/* an open end fades over this width */
#define ARROW_W 9.0

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

enum shape {
	SHAPE_BAR, SHAPE_CIRCLE, SHAPE_SQUARE, SHAPE_DIAMOND,
	SHAPE_TRIANGLE_RIGHT, SHAPE_TRIANGLE_DOWN, SHAPE_TRIANGLE_UP,
	SHAPE_PLUS, SHAPE_CROSS, SHAPE_STAR
};

/* How each kind of milestone is drawn.  PRIORITY orders date labels:
 * 0 first. */
static const struct style {
	enum shape shape;
	unsigned colour;
	unsigned text;		/* for its date label: dark enough to read */
	int priority;
	const char *legend;
} styles[TT_KIND_COUNT] = {
	[TT_KIND_ENTRY_INTO_FORCE] = { SHAPE_BAR, 0x1b7837, 0x1b7837, 0,
				       "Entry into force" },
	[TT_KIND_CONSULTATION] = { SHAPE_CIRCLE, 0x0072b2, 0x0060a0, 2,
				   "Consultation" },
	[TT_KIND_REVIEW] = { SHAPE_SQUARE, 0xcc79a7, 0xa8427a, 2, "Review" },
	[TT_KIND_CONFERENCE] = { SHAPE_DIAMOND, 0xe69f00, 0xa86800, 1,
				 "Conference" },
	[TT_KIND_WITHDRAWAL_NOTICE_OPENS] = { SHAPE_TRIANGLE_RIGHT, 0xd55e00,
					      0xb04a00, 1,
					      "Withdrawal notice from" },
	[TT_KIND_WITHDRAWAL_EFFECTIVE] = { SHAPE_TRIANGLE_DOWN, 0x8b0000,
					   0x8b0000, 1,
					   "Withdrawal takes effect" },
	[TT_KIND_RENEWAL_NOTICE_DEADLINE] = { SHAPE_TRIANGLE_UP, 0x8c6d1f,
					      0x7a5e16, 1,
					      "Last day to denounce" },
	[TT_KIND_RENEWAL] = { SHAPE_PLUS, 0x56b4e9, 0x2b7bb9, 3,
			      "Renewal begins" },
	[TT_KIND_EXPIRY] = { SHAPE_CROSS, 0x000000, 0x000000, 0,
			     "Expiry (last day in force)" },
	[TT_KIND_MILESTONE] = { SHAPE_STAR, 0x6a3d9a, 0x6a3d9a, 1,
				"Other milestone" },
};

/* Kinds of bar, for the legend. */
enum {
	BAR_IN_FORCE = TT_KIND_COUNT,
	BAR_RENEWED,
	BAR_OPEN,
	BAR_WITHDRAWAL,
	LEGEND_ITEMS
};

struct chart {
	const struct compare *cmp;
	const char *title;
	char subtitle[512];
	double w, h;
	double x0, x1;		/* the time axis */
	double from, to;	/* day numbers at X0 and X1 */
	int tick, minor;	/* years between ticks; 0: no minor ticks */
	double title_y, subtitle_y, lanes_y, axis_y, legend_y, note_y;
	bool present[LEGEND_ITEMS];
	bool truncated;
};

/* A date label placed in a lane. */
struct label {
	double x;		/* centre */
	int priority;
	int32_t day;
	unsigned colour;
	char text[TT_DATE_BUFSIZE];
};

/* A marker placed in a lane, for stacking. */
struct placed {
	double x, r;
	int level;
	tt_kind kind;
	int32_t day;
};

static void plan(struct chart *c, cairo_t *cr);
static void plan_range(struct chart *c);
static void plan_ticks(struct chart *c);
static double legend_rows(struct chart *c, cairo_t *cr, bool paint);
static bool draw(struct chart *c, cairo_t *cr, const char **why);
static void draw_axis(struct chart *c, cairo_t *cr);
static bool draw_lane(struct chart *c, cairo_t *cr, size_t i);
static void draw_bar(struct chart *c, cairo_t *cr,
		     const struct compare_proposal *p, double yc);
static bool draw_labels(struct chart *c, cairo_t *cr, struct label *l,
			size_t n, double yc);
static void marker(cairo_t *cr, enum shape shape, double x, double y,
		   double r, unsigned colour);
static void legend_icon(cairo_t *cr, int item, double x, double y);
static void text_setup(cairo_t *cr);
static void font(cairo_t *cr, double size, bool bold);
static void colour(cairo_t *cr, unsigned rgb);
static void colour_alpha(cairo_t *cr, unsigned rgb, double alpha);
static double text_width(cairo_t *cr, const char *s);
static void fit_text(cairo_t *cr, const char *s, double maxw, char *buf,
		     size_t size);
static double xof(const struct chart *c, tt_date d);
static double crisp(double v);
static cairo_status_t write_stream(void *closure, const unsigned char *data,
				   unsigned int length);
static void pdf_metadata(cairo_surface_t *surface);

bool
chart_write(FILE *fp, const struct compare *cmp,
	    const struct chart_options *opt, const char **why)
{
	struct chart c;
	cairo_surface_t *surface = NULL, *scratch;
	cairo_status_t st;
	cairo_t *cr;
	bool ok;

	*why = "cannot draw";
	memset(&c, 0, sizeof c);
	c.cmp = cmp;
	c.title = opt->title ? opt->title : "Treaty terms compared";
	c.w = opt->width ? opt->width : CHART_WIDTH_DEFAULT;

	/* Lay out on a scratch surface: the height depends on the text. */
	scratch = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
	cr = cairo_create(scratch);
	text_setup(cr);
	plan(&c, cr);
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_destroy(scratch);
	if (st != CAIRO_STATUS_SUCCESS) {
		*why = cairo_status_to_string(st);
		return false;
	}

	switch (opt->format) {
	case FORMAT_PNG:
		surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
						     (int)c.w, (int)c.h);
		break;
	case FORMAT_SVG:
#ifdef CAIRO_HAS_SVG_SURFACE
		surface = cairo_svg_surface_create_for_stream(write_stream,
							      fp, c.w, c.h);
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE(1, 16, 0)
		cairo_svg_surface_set_document_unit(surface,
						    CAIRO_SVG_UNIT_PX);
#endif
		break;
#else
		*why = "this cairo cannot write SVG";
		return false;
#endif
	case FORMAT_PDF:
#ifdef CAIRO_HAS_PDF_SURFACE
		surface = cairo_pdf_surface_create_for_stream(write_stream,
							      fp, c.w, c.h);
		pdf_metadata(surface);
		break;
#else
		*why = "this cairo cannot write PDF";
		return false;
#endif
	default:
		*why = "not a picture format";
		return false;
	}
	st = cairo_surface_status(surface);
	if (st != CAIRO_STATUS_SUCCESS) {
		*why = cairo_status_to_string(st);
		cairo_surface_destroy(surface);
		return false;
	}
	cr = cairo_create(surface);
	text_setup(cr);
	ok = draw(&c, cr, why);
	cairo_destroy(cr);
	if (ok && opt->format == FORMAT_PNG) {
		st = cairo_surface_write_to_png_stream(surface, write_stream,
						       fp);
	} else {
		cairo_surface_finish(surface);
		st = cairo_surface_status(surface);
	}
	cairo_surface_destroy(surface);
	/* Nothing of cairo's is alive any more: let its font caches go, so
	 * that leak checkers (--enable-asan) see only our own memory. */
	cairo_debug_reset_static_data();
	if (ok && st != CAIRO_STATUS_SUCCESS) {
		*why = st == CAIRO_STATUS_WRITE_ERROR ? "write error" :
		       cairo_status_to_string(st);
		ok = false;
	}
	return ok && !ferror(fp);
}

static cairo_status_t
write_stream(void *closure, const unsigned char *data, unsigned int length)
{
	FILE *fp = closure;

	return fwrite(data, 1, length, fp) == length ? CAIRO_STATUS_SUCCESS :
	       CAIRO_STATUS_WRITE_ERROR;
}

/* No creation date: cairo would write the current time.  (It could take
 * one from SOURCE_DATE_EPOCH, but cairo 1.16.0 writes a date set this way
 * without its "D:" prefix, which is not a valid PDF date.) */
static void
pdf_metadata(cairo_surface_t *surface)
{
#if defined(CAIRO_HAS_PDF_SURFACE) && \
	CAIRO_VERSION >= CAIRO_VERSION_ENCODE(1, 16, 0)
	/* An empty date is left out of the document information. */
	cairo_pdf_surface_set_metadata(surface,
				       CAIRO_PDF_METADATA_CREATE_DATE, "");
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
				       PACKAGE_NAME " " PACKAGE_VERSION);
#else
	(void)surface;
#endif
}

/* --- layout --------------------------------------------------------- */

static void
plan(struct chart *c, cairo_t *cr)
{
	const struct compare *cmp = c->cmp;
	size_t n = 0;

	c->x0 = MARGIN + 8;
	c->x1 = c->w - MARGIN - ARROW_W - 8;
	for (size_t i = 0; i < cmp->n; i++) {
		const struct compare_proposal *p = &cmp->p[i];

		for (size_t k = 0; k < tt_schedule_count(p->s); k++) {
			const tt_milestone *m = tt_schedule_at(p->s, k);

			c->present[m->kind] = true;
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
	plan_range(c);
	plan_ticks(c);

	/* The names of the proposals, if they fit on one line. */
	font(cr, 12, false);
	for (size_t i = 0; i < cmp->n && n < sizeof c->subtitle; i++)
		n += (size_t)snprintf(c->subtitle + n, sizeof c->subtitle - n,
				      "%s%s", i ? " vs " : "",
				      cmp->p[i].title);
	if (n >= sizeof c->subtitle ||
	    text_width(cr, c->subtitle) > c->w - 2 * MARGIN) {
		tt_date a = tt_date_from_daynum((int32_t)c->from);
		tt_date b = tt_date_from_daynum((int32_t)c->to);

		snprintf(c->subtitle, sizeof c->subtitle, "%zu proposals, "
			 "%d to %d", cmp->n, a.year, b.year);
	}

	c->title_y = MARGIN + 17;
	c->subtitle_y = c->title_y + 21;
	c->lanes_y = c->subtitle_y + 12;
	c->axis_y = c->lanes_y + (double)cmp->n * LANE_H + 2;
	c->legend_y = c->axis_y + 44;
	c->note_y = c->legend_y + legend_rows(c, cr, false) * LEGEND_ROW;
	if (c->truncated)
		c->note_y += 6;
	c->h = c->note_y + MARGIN - (c->truncated ? 0 : 10);
	c->h = (double)(long)(c->h + 0.999);
}

/* From the earliest date to the latest, padded; at least five years, and
 * room on the right for open ends to fade. */
static void
plan_range(struct chart *c)
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
plan_ticks(struct chart *c)
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

/* Lays out the legend: returns the number of rows; draws it if PAINT. */
static double
legend_rows(struct chart *c, cairo_t *cr, bool paint)
{
	static const char *const bars[] = {
		"In force", "Renewed period", "No end (indefinite)",
		"Withdrawal may be notified"
	};
	double x = c->x0, y = c->legend_y, rows = 1;

	font(cr, 11, false);
	for (int item = 0; item < LEGEND_ITEMS; item++) {
		const char *text = item < TT_KIND_COUNT ? styles[item].legend :
				   bars[item - TT_KIND_COUNT];
		double w;

		if (!c->present[item])
			continue;
		w = 22 + text_width(cr, text);
		if (x > c->x0 && x + w > c->w - MARGIN) {
			x = c->x0;
			y += LEGEND_ROW;
			rows++;
		}
		if (paint) {
			legend_icon(cr, item, x + 8, y);
			colour(cr, C_TEXT);
			cairo_move_to(cr, x + 20, y + 4);
			cairo_show_text(cr, text);
		}
		x += w + 16;
	}
	return rows;
}

/* --- drawing -------------------------------------------------------- */

static bool
draw(struct chart *c, cairo_t *cr, const char **why)
{
	const struct compare *cmp = c->cmp;
	char buf[512];
	cairo_status_t st;

	colour(cr, 0xffffff);
	cairo_paint(cr);

	font(cr, 17, true);
	colour(cr, C_TEXT);
	fit_text(cr, c->title, c->w - 2 * MARGIN, buf, sizeof buf);
	cairo_move_to(cr, MARGIN, c->title_y);
	cairo_show_text(cr, buf);
	font(cr, 12, false);
	colour(cr, C_MUTED);
	fit_text(cr, c->subtitle, c->w - 2 * MARGIN, buf, sizeof buf);
	cairo_move_to(cr, MARGIN, c->subtitle_y);
	cairo_show_text(cr, buf);

	for (size_t i = 0; i < cmp->n; i += 2) {
		colour(cr, C_LANE);
		cairo_rectangle(cr, MARGIN / 2, c->lanes_y + (double)i * LANE_H,
				c->w - MARGIN, LANE_H);
		cairo_fill(cr);
	}
	draw_axis(c, cr);
	for (size_t i = 0; i < cmp->n; i++)
		if (!draw_lane(c, cr, i)) {
			*why = "out of memory";
			return false;
		}
	legend_rows(c, cr, true);
	if (c->truncated) {
		font(cr, 10, false);
		colour(cr, C_MUTED);
		cairo_move_to(cr, c->x0, c->note_y);
		cairo_show_text(cr, "Series without end are shown up to each "
				"proposal's horizon (--horizon).");
	}
	st = cairo_status(cr);
	if (st != CAIRO_STATUS_SUCCESS) {
		*why = cairo_status_to_string(st);
		return false;
	}
	return true;
}

/* Grid lines through the lanes, the axis under them, year labels. */
static void
draw_axis(struct chart *c, cairo_t *cr)
{
	tt_date first = tt_date_from_daynum((int32_t)c->from);
	tt_date last = tt_date_from_daynum((int32_t)c->to);
	int step = c->minor ? c->minor : c->tick;
	char year[8];

	cairo_set_line_width(cr, 1);
	font(cr, 11, false);
	for (int y = (first.year + step - 1) / step * step;
	     y <= last.year && y <= TT_YEAR_MAX; y += step) {
		double x;
		bool major = y % c->tick == 0;

		if (y < TT_YEAR_MIN)
			continue;
		x = xof(c, (tt_date){ y, 1, 1 });
		if (x < c->x0 - 8 || x > c->x1 + ARROW_W)
			continue;
		x = crisp(x);
		if (major) {
			colour(cr, C_GRID);
			cairo_move_to(cr, x, c->lanes_y);
			cairo_line_to(cr, x, c->axis_y);
			cairo_stroke(cr);
		}
		colour(cr, C_AXIS);
		cairo_move_to(cr, x, c->axis_y);
		cairo_line_to(cr, x, c->axis_y + (major ? 6 : 3));
		cairo_stroke(cr);
		if (major) {
			double w;

			snprintf(year, sizeof year, "%d", y);
			w = text_width(cr, year);
			colour(cr, C_TEXT);
			cairo_move_to(cr, x - w / 2, c->axis_y + 19);
			cairo_show_text(cr, year);
		}
	}
	/* Quarters, when years are wide. */
	colour(cr, C_AXIS);
	if (c->tick == 1 && xof(c, (tt_date){ 2001, 1, 1 }) -
	    xof(c, (tt_date){ 2000, 1, 1 }) >= 80)
		for (int y = first.year; y <= last.year; y++)
			for (int q = 4; q <= 10; q += 3) {
				double x = xof(c, (tt_date){ y, q, 1 });

				if (x < c->x0 - 8 || x > c->x1 + ARROW_W)
					continue;
				cairo_move_to(cr, crisp(x), c->axis_y);
				cairo_line_to(cr, crisp(x), c->axis_y + 3);
				cairo_stroke(cr);
			}
	cairo_move_to(cr, MARGIN / 2, crisp(c->axis_y));
	cairo_line_to(cr, c->w - MARGIN / 2, crisp(c->axis_y));
	cairo_stroke(cr);
}

static int
label_order(const void *pa, const void *pb)
{
	const struct label *a = pa, *b = pb;

	if (a->priority != b->priority)
		return a->priority < b->priority ? -1 : 1;
	return a->day < b->day ? -1 : a->day > b->day;
}

static bool
draw_lane(struct chart *c, cairo_t *cr, size_t i)
{
	const struct compare_proposal *p = &c->cmp->p[i];
	size_t count = tt_schedule_count(p->s), nlabels = 0, nplaced = 0;
	double top = c->lanes_y + (double)i * LANE_H, yc = top + BAR_Y;
	char head[512], info[512], d1[TT_DATE_BUFSIZE], d2[TT_DATE_BUFSIZE];
	char term[COMPARE_TEXT_SIZE];
	struct label *labels = calloc(count ? count : 1, sizeof *labels);
	struct placed *placed = calloc(count ? count : 1, sizeof *placed);
	double w, radius[TT_KIND_COUNT], last[TT_KIND_COUNT];
	bool ok;

	if (labels == NULL || placed == NULL) {
		free(labels);
		free(placed);
		return false;
	}

	/* "[1] Name" and, in grey, the term and its dates. */
	snprintf(head, sizeof head, "[%zu] %s", i + 1, p->title);
	font(cr, 12.5, true);
	fit_text(cr, head, c->w - 2 * MARGIN, head, sizeof head);
	colour(cr, C_TEXT);
	cairo_move_to(cr, MARGIN, top + 16);
	cairo_show_text(cr, head);
	w = text_width(cr, head);
	compare_term_words(p, term, sizeof term);
	if (p->has_expiry)
		snprintf(info, sizeof info, "%s: %s to %s%s", term,
			 tt_date_format(p->eif, d1),
			 tt_date_format(p->expiry, d2), p->hypothetical ?
			 " (never in force: hypothetical dates)" : "");
	else
		snprintf(info, sizeof info, "%s%s, from %s%s", term,
			 p->has_term ? ", renewed without end" : "",
			 tt_date_format(p->eif, d1), p->hypothetical ?
			 " (never in force: hypothetical dates)" : "");
	font(cr, 11, false);
	if (MARGIN + w + 12 < c->w - MARGIN) {
		fit_text(cr, info, c->w - 2 * MARGIN - w - 12, info,
			 sizeof info);
		colour(cr, C_MUTED);
		cairo_move_to(cr, MARGIN + w + 12, top + 16);
		cairo_show_text(cr, info);
	}

	draw_bar(c, cr, p, yc);

	/* A series denser than its markers gets smaller ones. */
	for (int k = 0; k < TT_KIND_COUNT; k++) {
		radius[k] = MARKER_R;
		last[k] = -1e9;
	}
	for (size_t k = 0; k < count; k++) {
		const tt_milestone *m = tt_schedule_at(p->s, k);
		double x = xof(c, m->date), r = (x - last[m->kind]) * 0.42;

		if (x - last[m->kind] >= 0.5 && r < radius[m->kind])
			radius[m->kind] = r < 2.5 ? 2.5 : r;
		last[m->kind] = x;
	}

	for (size_t k = 0; k < count; k++) {
		const tt_milestone *m = tt_schedule_at(p->s, k);
		const struct style *st = &styles[m->kind];
		double x = xof(c, m->date), r = radius[m->kind];
		int32_t day = tt_date_to_daynum(m->date);
		int level = 0;

		/* The lowest level with no other marker on nearly the same
		 * spot; a dense series stays on one line. */
		for (bool clash = true; clash && level < STACK_LEVELS;) {
			clash = false;
			for (size_t j = 0; j < nplaced && !clash; j++) {
				double near = 0.6 * (placed[j].r + r);

				clash = placed[j].level == level &&
					placed[j].x - x < near &&
					x - placed[j].x < near &&
					(placed[j].kind != m->kind ||
					 placed[j].day == day);
			}
			if (clash)
				level++;
		}
		if (level == STACK_LEVELS)
			level = STACK_LEVELS - 1;
		placed[nplaced].x = x;
		placed[nplaced].r = st->shape == SHAPE_BAR ? 1.75 : r;
		placed[nplaced].kind = m->kind;
		placed[nplaced].day = day;
		placed[nplaced++].level = level;
		marker(cr, st->shape, x, yc - level * STACK_STEP, r,
		       st->colour);

		labels[nlabels].x = x;
		labels[nlabels].day = tt_date_to_daynum(m->date);
		labels[nlabels].priority = st->priority;
		if ((m->kind == TT_KIND_CONSULTATION ||
		     m->kind == TT_KIND_REVIEW ||
		     m->kind == TT_KIND_RENEWAL_NOTICE_DEADLINE ||
		     m->kind == TT_KIND_RENEWAL) && m->ordinal == 1)
			labels[nlabels].priority = 1;
		labels[nlabels].colour = st->text;
		tt_date_format(m->date, labels[nlabels].text);
		nlabels++;
	}
	qsort(labels, nlabels, sizeof *labels, label_order);
	ok = draw_labels(c, cr, labels, nlabels, yc);
	free(labels);
	free(placed);
	return ok;
}

/* The period in force, renewed periods, an open end, and the withdrawal
 * window under it. */
static void
draw_bar(struct chart *c, cairo_t *cr, const struct compare_proposal *p,
	 double yc)
{
	double xs = xof(c, p->eif), xe, xr = -1;
	const double y = yc - BAR_HALF, hgt = 2 * BAR_HALF;

	for (size_t k = 0; k < tt_schedule_count(p->s); k++) {
		const tt_milestone *m = tt_schedule_at(p->s, k);

		if (m->kind == TT_KIND_RENEWAL && xr < 0)
			xr = xof(c, m->date);
	}
	xe = p->has_expiry ? xof(c, p->expiry) : c->x1;
	if (xe < xs + 2)
		xe = xs + 2;

	cairo_set_line_width(cr, 1);
	if (p->has_expiry) {
		double solid = xr >= 0 ? xr : xe;

		colour(cr, C_BAR);
		cairo_rectangle(cr, xs, y, solid - xs, hgt);
		cairo_fill(cr);
		if (xr >= 0) {
			colour(cr, C_RENEWED);
			cairo_rectangle(cr, xr, y, xe - xr, hgt);
			cairo_fill(cr);
		}
		colour(cr, C_BAR_EDGE);
		cairo_rectangle(cr, xs, y, xe - xs, hgt);
		cairo_stroke(cr);
	} else {
		/* No end: solid, then fading into an arrow at the axis end. */
		double fade = xe - FADE_W > xs ? xe - FADE_W : xs;
		double solid = xr >= 0 && xr < fade ? xr : fade;
		cairo_pattern_t *g;

		colour(cr, C_BAR);
		cairo_rectangle(cr, xs, y, solid - xs, hgt);
		cairo_fill(cr);
		if (solid < fade) {
			colour(cr, C_RENEWED);
			cairo_rectangle(cr, solid, y, fade - solid, hgt);
			cairo_fill(cr);
		}
		g = cairo_pattern_create_linear(fade, 0, xe, 0);
		cairo_pattern_add_color_stop_rgba(g, 0, 0x9f / 255.0,
			0xbc / 255.0, 0xd9 / 255.0, 1);
		cairo_pattern_add_color_stop_rgba(g, 1, 0x9f / 255.0,
			0xbc / 255.0, 0xd9 / 255.0, 0.1);
		cairo_set_source(cr, g);
		cairo_rectangle(cr, fade, y, xe - fade, hgt);
		cairo_fill(cr);
		cairo_pattern_destroy(g);
		colour(cr, C_BAR_EDGE);
		cairo_move_to(cr, fade, y);
		cairo_line_to(cr, xs, y);
		cairo_line_to(cr, xs, y + hgt);
		cairo_line_to(cr, fade, y + hgt);
		cairo_stroke(cr);
		/* The arrowhead. */
		colour_alpha(cr, C_BAR_EDGE, 0.8);
		cairo_move_to(cr, xe, y - 3);
		cairo_line_to(cr, xe + ARROW_W, yc);
		cairo_line_to(cr, xe, y + hgt + 3);
		cairo_close_path(cr);
		cairo_fill(cr);
	}
	/* A line where each renewed period begins. */
	colour_alpha(cr, C_BAR_EDGE, 0.7);
	for (size_t k = 0; k < tt_schedule_count(p->s); k++) {
		const tt_milestone *m = tt_schedule_at(p->s, k);
		double x;

		if (m->kind != TT_KIND_RENEWAL)
			continue;
		x = xof(c, m->date);
		if (x > xe)
			break;
		cairo_move_to(cr, x, y);
		cairo_line_to(cr, x, y + hgt);
		cairo_stroke(cr);
	}
	if (p->withdrawal_opens != NULL) {
		double xw = xof(c, p->withdrawal_opens->date);

		if (xw < xe) {
			colour(cr, C_WITHDRAW);
			cairo_rectangle(cr, xw, yc + BAR_HALF + 1.5, xe - xw,
					4);
			cairo_fill(cr);
		}
	}
}

/* Date labels in two rows under the bar, most important first; one that
 * would overlap a label already there, or repeat its date, is left out. */
static bool
draw_labels(struct chart *c, cairo_t *cr, struct label *l, size_t n,
	    double yc)
{
	struct span { double a, b; int32_t day; } *rows[2];
	size_t used[2] = { 0, 0 };

	rows[0] = calloc(n ? n : 1, sizeof *rows[0]);
	rows[1] = calloc(n ? n : 1, sizeof *rows[1]);
	if (rows[0] == NULL || rows[1] == NULL) {
		free(rows[0]);
		free(rows[1]);
		return false;
	}
	font(cr, 10, false);
	for (size_t i = 0; i < n; i++) {
		double w = text_width(cr, l[i].text), a = l[i].x - w / 2, b;
		bool dup = false;
		int row;

		if (a < MARGIN / 2)
			a = MARGIN / 2;
		if (a + w > c->w - MARGIN / 2)
			a = c->w - MARGIN / 2 - w;
		b = a + w;
		for (int r = 0; r < 2 && !dup; r++)
			for (size_t j = 0; j < used[r] && !dup; j++)
				dup = rows[r][j].day == l[i].day;
		if (dup)
			continue;
		for (row = 0; row < 2; row++) {
			bool clash = false;

			for (size_t j = 0; j < used[row] && !clash; j++)
				clash = a < rows[row][j].b + LABEL_GAP &&
					rows[row][j].a < b + LABEL_GAP;
			if (!clash)
				break;
		}
		if (row == 2)
			continue;
		rows[row][used[row]].a = a;
		rows[row][used[row]].b = b;
		rows[row][used[row]++].day = l[i].day;
		colour(cr, l[i].colour);
		cairo_move_to(cr, a, yc + BAR_HALF + 17 + row * 12);
		cairo_show_text(cr, l[i].text);
	}
	free(rows[0]);
	free(rows[1]);
	return true;
}

/* A marker of SHAPE, radius R, with a white halo to stand out from the
 * bar and its neighbours. */
static void
marker(cairo_t *cr, enum shape shape, double x, double y, double r,
       unsigned rgb)
{
	static const double star[10][2] = {
		{ 0.0000, -1.0000 }, { 0.2645, -0.3641 }, { 0.9511, -0.3090 },
		{ 0.4280, 0.1391 }, { 0.5878, 0.8090 }, { 0.0000, 0.4500 },
		{ -0.5878, 0.8090 }, { -0.4280, 0.1391 },
		{ -0.9511, -0.3090 }, { -0.2645, -0.3641 }
	};
	bool lines = shape == SHAPE_PLUS || shape == SHAPE_CROSS;

	cairo_new_path(cr);
	switch (shape) {
	case SHAPE_BAR:
		cairo_rectangle(cr, x - 1.75, y - r * 1.7, 3.5, r * 3.4);
		break;
	case SHAPE_CIRCLE:
		cairo_arc(cr, x, y, r * 0.95, 0, TAU);
		break;
	case SHAPE_SQUARE:
		cairo_rectangle(cr, x - r * 0.85, y - r * 0.85, r * 1.7,
				r * 1.7);
		break;
	case SHAPE_DIAMOND:
		cairo_move_to(cr, x, y - r * 1.2);
		cairo_line_to(cr, x + r * 1.2, y);
		cairo_line_to(cr, x, y + r * 1.2);
		cairo_line_to(cr, x - r * 1.2, y);
		cairo_close_path(cr);
		break;
	case SHAPE_TRIANGLE_RIGHT:
		cairo_move_to(cr, x - r * 0.8, y - r * 1.05);
		cairo_line_to(cr, x + r * 1.1, y);
		cairo_line_to(cr, x - r * 0.8, y + r * 1.05);
		cairo_close_path(cr);
		break;
	case SHAPE_TRIANGLE_DOWN:
		cairo_move_to(cr, x - r * 1.05, y - r * 0.8);
		cairo_line_to(cr, x + r * 1.05, y - r * 0.8);
		cairo_line_to(cr, x, y + r * 1.1);
		cairo_close_path(cr);
		break;
	case SHAPE_TRIANGLE_UP:
		cairo_move_to(cr, x - r * 1.05, y + r * 0.8);
		cairo_line_to(cr, x + r * 1.05, y + r * 0.8);
		cairo_line_to(cr, x, y - r * 1.1);
		cairo_close_path(cr);
		break;
	case SHAPE_PLUS:
		cairo_move_to(cr, x - r, y);
		cairo_line_to(cr, x + r, y);
		cairo_move_to(cr, x, y - r);
		cairo_line_to(cr, x, y + r);
		break;
	case SHAPE_CROSS:
		cairo_move_to(cr, x - r * 0.85, y - r * 0.85);
		cairo_line_to(cr, x + r * 0.85, y + r * 0.85);
		cairo_move_to(cr, x + r * 0.85, y - r * 0.85);
		cairo_line_to(cr, x - r * 0.85, y + r * 0.85);
		break;
	case SHAPE_STAR:
		for (int k = 0; k < 10; k++)
			(k ? cairo_line_to : cairo_move_to)(cr,
				x + star[k][0] * r * 1.25,
				y + star[k][1] * r * 1.25);
		cairo_close_path(cr);
		break;
	}
	cairo_set_line_cap(cr, lines ? CAIRO_LINE_CAP_ROUND :
			   CAIRO_LINE_CAP_BUTT);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	colour(cr, 0xffffff);
	cairo_set_line_width(cr, (lines ? 1.0 : 0.55) * r);
	cairo_stroke_preserve(cr);
	colour(cr, rgb);
	if (lines) {
		cairo_set_line_width(cr, 0.47 * r);
		cairo_stroke(cr);
	} else {
		cairo_fill(cr);
	}
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	cairo_set_line_width(cr, 1);
}

static void
legend_icon(cairo_t *cr, int item, double x, double y)
{
	if (item < TT_KIND_COUNT) {
		marker(cr, styles[item].shape, x, y, 5, styles[item].colour);
		return;
	}
	cairo_set_line_width(cr, 1);
	switch (item) {
	case BAR_IN_FORCE:
	case BAR_RENEWED:
		colour(cr, item == BAR_IN_FORCE ? C_BAR : C_RENEWED);
		cairo_rectangle(cr, x - 8, y - 5, 16, 10);
		cairo_fill_preserve(cr);
		colour(cr, C_BAR_EDGE);
		cairo_stroke(cr);
		break;
	case BAR_OPEN: {
		cairo_pattern_t *g = cairo_pattern_create_linear(x - 8, 0,
								 x + 4, 0);

		cairo_pattern_add_color_stop_rgba(g, 0, 0x9f / 255.0,
			0xbc / 255.0, 0xd9 / 255.0, 1);
		cairo_pattern_add_color_stop_rgba(g, 1, 0x9f / 255.0,
			0xbc / 255.0, 0xd9 / 255.0, 0.1);
		cairo_set_source(cr, g);
		cairo_rectangle(cr, x - 8, y - 5, 12, 10);
		cairo_fill(cr);
		cairo_pattern_destroy(g);
		colour_alpha(cr, C_BAR_EDGE, 0.8);
		cairo_move_to(cr, x + 4, y - 7);
		cairo_line_to(cr, x + 10, y);
		cairo_line_to(cr, x + 4, y + 7);
		cairo_close_path(cr);
		cairo_fill(cr);
		break;
	}
	case BAR_WITHDRAWAL:
		colour(cr, C_WITHDRAW);
		cairo_rectangle(cr, x - 8, y - 2, 16, 4);
		cairo_fill(cr);
		break;
	default:
		break;
	}
}

/* --- helpers -------------------------------------------------------- */

/* One layout for every surface: no hinting of outlines or metrics. */
static void
text_setup(cairo_t *cr)
{
	cairo_font_options_t *fo = cairo_font_options_create();

	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	cairo_set_font_options(cr, fo);
	cairo_font_options_destroy(fo);
}

static void
font(cairo_t *cr, double size, bool bold)
{
	cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL,
			       bold ? CAIRO_FONT_WEIGHT_BOLD :
			       CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
}

static void
colour(cairo_t *cr, unsigned rgb)
{
	colour_alpha(cr, rgb, 1);
}

static void
colour_alpha(cairo_t *cr, unsigned rgb, double alpha)
{
	cairo_set_source_rgba(cr, (rgb >> 16 & 0xff) / 255.0,
			      (rgb >> 8 & 0xff) / 255.0, (rgb & 0xff) / 255.0,
			      alpha);
}

static double
text_width(cairo_t *cr, const char *s)
{
	cairo_text_extents_t te;

	cairo_text_extents(cr, s, &te);
	return te.x_advance;
}

/* S, shortened with "…" to fit in MAXW, into BUF (which may be S). */
static void
fit_text(cairo_t *cr, const char *s, double maxw, char *buf, size_t size)
{
	size_t n;

	if (buf != s)
		snprintf(buf, size, "%s", s);
	if (text_width(cr, buf) <= maxw)
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
		if (text_width(cr, buf) <= maxw)
			return;
	}
	buf[0] = '\0';
}

static double
xof(const struct chart *c, tt_date d)
{
	return c->x0 + (tt_date_to_daynum(d) - c->from) / (c->to - c->from) *
	       (c->x1 - c->x0);
}

/* The middle of the pixel V falls in, where a 1-pixel line is sharp. */
static double
crisp(double v)
{
	return (double)(long)v + 0.5;
}
