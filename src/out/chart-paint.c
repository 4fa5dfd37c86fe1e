/*
 * chart-paint.c -- the "compare" and "parties" pictures painted with cairo,
 * as SVG, PNG or PDF.
 *
 * chart-layout.c decides everything -- canvas, shapes, labels, callouts;
 * this file only measures text for it and paints what it computed.  It is
 * the only file that includes cairo's headers.
 *
 * The picture is the same on every run: text is measured and drawn with
 * hinting off (so PNG, SVG and PDF share one layout), and the PDF carries
 * no creation date.  The PDF's document title is the chart's title; an
 * SVG gets it as a <title> element, inserted into cairo's output after the
 * root element's start tag (cairo has no call for it); a parties picture
 * adds a <desc> saying what its markers mark, since cairo writes text as
 * glyph outlines that nothing can read back.  Output goes
 * through a write callback to the caller's stream, so that -o replaces
 * its file only when everything was written.
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

#include "out/chart.h"
#include "out/format.h"

#define FONT "DejaVu Sans"
#define TAU 6.283185307179586

/* Where cairo's output goes; for SVG, a title to insert after the
 * "<svg ...>" start tag. */
struct sink {
	FILE *fp;
	const char *svg_title;	/* NULL once written, or for other formats */
	const struct chart_layout *svg_desc;	/* its markers for <desc>,
						 * or NULL */
	size_t matched;		/* of "<svg" so far */
	bool in_tag;		/* after "<svg", before its ">" */
};

/* What a picture shows: a comparison, or one treaty's parties. */
struct subject {
	const struct compare *cmp;
	const tt_schedule *s;
};

static bool write_chart(FILE *fp, const struct subject *what,
			const struct chart_options *opt, const char **why);
static bool measure_and_lay_out(struct chart_layout *lay,
				const struct subject *what,
				const struct chart_options *opt,
				const char **why);
static double measure(void *ctx, const char *text, double size, bool bold);
static cairo_surface_t *surface_new(const struct chart_layout *lay,
				    enum format format, struct sink *sink,
				    const char **why);
static bool paint(const struct chart_layout *lay, cairo_t *cr,
		  const char **why);
static void paint_shape(cairo_t *cr, const struct chart_shape *s);
static void paint_steps(cairo_t *cr, const struct chart_layout *lay,
			const struct chart_shape *s);
static void paint_label(cairo_t *cr, const struct chart_label *l);
static void marker(cairo_t *cr, enum chart_marker shape, double x, double y,
		   double r, unsigned rgb);
static void text_setup(cairo_t *cr);
static void font(cairo_t *cr, double size, bool bold);
static void colour_alpha(cairo_t *cr, unsigned rgb, double alpha);
static cairo_status_t write_stream(void *closure, const unsigned char *data,
				   unsigned int length);
static bool write_svg_title(FILE *fp, const char *title,
			    const struct chart_layout *desc);
static void write_xml_text(FILE *fp, const char *s);
static void pdf_metadata(cairo_surface_t *surface, const char *title);

bool
chart_write(FILE *fp, const struct compare *cmp,
	    const struct chart_options *opt, const char **why)
{
	const struct subject what = { cmp, NULL };

	return write_chart(fp, &what, opt, why);
}

bool
chart_write_parties(FILE *fp, const tt_schedule *s,
		    const struct chart_options *opt, const char **why)
{
	const struct subject what = { NULL, s };

	return write_chart(fp, &what, opt, why);
}

static bool
write_chart(FILE *fp, const struct subject *what,
	    const struct chart_options *opt, const char **why)
{
	struct chart_layout lay;
	struct sink sink = { fp, NULL, NULL, 0, false };
	cairo_surface_t *surface;
	cairo_status_t st;
	cairo_t *cr;
	bool ok;

	*why = "cannot draw";
	if (!measure_and_lay_out(&lay, what, opt, why)) {
		chart_layout_free(&lay);
		return false;
	}
	if (opt->format == FORMAT_SVG) {
		sink.svg_title = lay.title;
		sink.svg_desc = lay.parties ? &lay : NULL;
	}
	surface = surface_new(&lay, opt->format, &sink, why);
	if (surface == NULL) {
		chart_layout_free(&lay);
		return false;
	}
	cr = cairo_create(surface);
	text_setup(cr);
	ok = paint(&lay, cr, why);
	cairo_destroy(cr);
	if (ok && opt->format == FORMAT_PNG) {
		st = cairo_surface_write_to_png_stream(surface, write_stream,
						       &sink);
	} else {
		cairo_surface_finish(surface);
		st = cairo_surface_status(surface);
	}
	cairo_surface_destroy(surface);
	chart_layout_free(&lay);
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

/* Lays out WHAT, measuring text on a scratch surface. */
static bool
measure_and_lay_out(struct chart_layout *lay, const struct subject *what,
		    const struct chart_options *opt, const char **why)
{
	cairo_surface_t *scratch;
	cairo_status_t st;
	cairo_t *cr;
	bool ok;

	scratch = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 1, 1);
	cr = cairo_create(scratch);
	text_setup(cr);
	if (what->cmp != NULL)
		ok = chart_layout(lay, what->cmp, opt->title, opt->width,
				  measure, cr);
	else
		ok = chart_layout_parties(lay, what->s, opt->title,
					  opt->width, measure, cr);
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_destroy(scratch);
	if (!ok)
		*why = "out of memory";
	else if (st != CAIRO_STATUS_SUCCESS)
		*why = cairo_status_to_string(st);
	return ok && st == CAIRO_STATUS_SUCCESS;
}

/* The layout's measure: CTX is a cairo_t set up for text. */
static double
measure(void *ctx, const char *text, double size, bool bold)
{
	cairo_t *cr = ctx;
	cairo_text_extents_t te;

	font(cr, size, bold);
	cairo_text_extents(cr, text, &te);
	return te.x_advance;
}

static cairo_surface_t *
surface_new(const struct chart_layout *lay, enum format format,
	    struct sink *sink, const char **why)
{
	cairo_surface_t *surface = NULL;
	cairo_status_t st;

	switch (format) {
	case FORMAT_PNG:
		surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24,
						     (int)lay->w, (int)lay->h);
		break;
	case FORMAT_SVG:
#ifdef CAIRO_HAS_SVG_SURFACE
		surface = cairo_svg_surface_create_for_stream(write_stream,
			sink, lay->w, lay->h);
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE(1, 16, 0)
		cairo_svg_surface_set_document_unit(surface,
						    CAIRO_SVG_UNIT_PX);
#endif
		break;
#else
		*why = "this cairo cannot write SVG";
		return NULL;
#endif
	case FORMAT_PDF:
#ifdef CAIRO_HAS_PDF_SURFACE
		surface = cairo_pdf_surface_create_for_stream(write_stream,
			sink, lay->w, lay->h);
		pdf_metadata(surface, lay->title);
		break;
#else
		*why = "this cairo cannot write PDF";
		return NULL;
#endif
	default:
		*why = "not a picture format";
		return NULL;
	}
	st = cairo_surface_status(surface);
	if (st != CAIRO_STATUS_SUCCESS) {
		*why = cairo_status_to_string(st);
		cairo_surface_destroy(surface);
		return NULL;
	}
	return surface;
}

/* White, then the shapes in order, then the labels over them. */
static bool
paint(const struct chart_layout *lay, cairo_t *cr, const char **why)
{
	cairo_status_t st;

	colour_alpha(cr, 0xffffff, 1);
	cairo_paint(cr);
	for (size_t i = 0; i < lay->nshapes; i++)
		if (lay->shapes[i].kind == CHART_STEPS)
			paint_steps(cr, lay, &lay->shapes[i]);
		else
			paint_shape(cr, &lay->shapes[i]);
	for (size_t i = 0; i < lay->nlabels; i++)
		paint_label(cr, &lay->labels[i]);
	st = cairo_status(cr);
	if (st != CAIRO_STATUS_SUCCESS) {
		*why = cairo_status_to_string(st);
		return false;
	}
	return true;
}

static void
paint_shape(cairo_t *cr, const struct chart_shape *s)
{
	cairo_pattern_t *g;

	cairo_new_path(cr);
	cairo_set_line_width(cr, s->line);
	colour_alpha(cr, s->colour, s->alpha);
	switch (s->kind) {
	case CHART_FILL:
	case CHART_FRAME:
		cairo_rectangle(cr, s->x, s->y, s->w, s->h);
		if (s->kind == CHART_FILL)
			cairo_fill(cr);
		else
			cairo_stroke(cr);
		break;
	case CHART_FADE:
		g = cairo_pattern_create_linear(s->x, 0, s->x + s->w, 0);
		cairo_pattern_add_color_stop_rgba(g, 0,
			(s->colour >> 16 & 0xff) / 255.0,
			(s->colour >> 8 & 0xff) / 255.0,
			(s->colour & 0xff) / 255.0, s->alpha);
		cairo_pattern_add_color_stop_rgba(g, 1,
			(s->colour >> 16 & 0xff) / 255.0,
			(s->colour >> 8 & 0xff) / 255.0,
			(s->colour & 0xff) / 255.0, 0.1 * s->alpha);
		cairo_set_source(cr, g);
		cairo_rectangle(cr, s->x, s->y, s->w, s->h);
		cairo_fill(cr);
		cairo_pattern_destroy(g);
		break;
	case CHART_LINE:
		cairo_move_to(cr, s->x, s->y);
		cairo_line_to(cr, s->x + s->w, s->y + s->h);
		cairo_stroke(cr);
		break;
	case CHART_ARROW:
		cairo_move_to(cr, s->x, s->y - s->h / 2);
		cairo_line_to(cr, s->x + s->w, s->y);
		cairo_line_to(cr, s->x, s->y + s->h / 2);
		cairo_close_path(cr);
		cairo_fill(cr);
		break;
	case CHART_MARKER:
		marker(cr, s->marker, s->x, s->y, s->w, s->colour);
		break;
	case CHART_STEPS:
		break;	/* it needs the layout: paint_steps() */
	}
}

/* The parties' step line: one path, so that its corners join, over a
 * pale fill of the area under it. */
static void
paint_steps(cairo_t *cr, const struct chart_layout *lay,
	    const struct chart_shape *s)
{
	double y = s->y;

	cairo_new_path(cr);
	cairo_move_to(cr, s->x, s->y);
	for (size_t i = 0; i < lay->nsteps; i++) {
		cairo_line_to(cr, lay->steps[i].x, y);
		y = lay->steps[i].y;
		cairo_line_to(cr, lay->steps[i].x, y);
	}
	cairo_line_to(cr, s->x + s->w, y);
	cairo_line_to(cr, s->x + s->w, s->y);
	cairo_close_path(cr);
	colour_alpha(cr, s->colour, 0.16 * s->alpha);
	cairo_fill(cr);

	/* The line itself, open at the right: it goes on. */
	y = s->y;
	cairo_move_to(cr, s->x, s->y);
	for (size_t i = 0; i < lay->nsteps; i++) {
		cairo_line_to(cr, lay->steps[i].x, y);
		y = lay->steps[i].y;
		cairo_line_to(cr, lay->steps[i].x, y);
	}
	cairo_line_to(cr, s->x + s->w, y);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
	cairo_set_line_width(cr, s->line);
	colour_alpha(cr, s->colour, s->alpha);
	cairo_stroke(cr);
	cairo_set_line_width(cr, 1);
}

static void
paint_label(cairo_t *cr, const struct chart_label *l)
{
	double x = l->x;

	if (l->anchor == CHART_MIDDLE)
		x -= l->w / 2;
	else if (l->anchor == CHART_END)
		x -= l->w;
	font(cr, l->size, l->bold);
	colour_alpha(cr, l->colour, 1);
	cairo_move_to(cr, x, l->y);
	cairo_show_text(cr, l->text);
}

/* A marker of SHAPE, radius R, with a white halo to stand out from the
 * bar and its neighbours. */
static void
marker(cairo_t *cr, enum chart_marker shape, double x, double y, double r,
       unsigned rgb)
{
	static const double star[10][2] = {
		{ 0.0000, -1.0000 }, { 0.2645, -0.3641 }, { 0.9511, -0.3090 },
		{ 0.4280, 0.1391 }, { 0.5878, 0.8090 }, { 0.0000, 0.4500 },
		{ -0.5878, 0.8090 }, { -0.4280, 0.1391 },
		{ -0.9511, -0.3090 }, { -0.2645, -0.3641 }
	};
	bool lines = shape == CHART_MARKER_PLUS || shape == CHART_MARKER_CROSS;

	cairo_new_path(cr);
	switch (shape) {
	case CHART_MARKER_BAR:
		cairo_rectangle(cr, x - 1.75, y - r * 1.7, 3.5, r * 3.4);
		break;
	case CHART_MARKER_CIRCLE:
		cairo_arc(cr, x, y, r * 0.95, 0, TAU);
		break;
	case CHART_MARKER_SQUARE:
		cairo_rectangle(cr, x - r * 0.85, y - r * 0.85, r * 1.7,
				r * 1.7);
		break;
	case CHART_MARKER_DIAMOND:
		cairo_move_to(cr, x, y - r * 1.2);
		cairo_line_to(cr, x + r * 1.2, y);
		cairo_line_to(cr, x, y + r * 1.2);
		cairo_line_to(cr, x - r * 1.2, y);
		cairo_close_path(cr);
		break;
	case CHART_MARKER_TRIANGLE_RIGHT:
		cairo_move_to(cr, x - r * 0.8, y - r * 1.05);
		cairo_line_to(cr, x + r * 1.1, y);
		cairo_line_to(cr, x - r * 0.8, y + r * 1.05);
		cairo_close_path(cr);
		break;
	case CHART_MARKER_TRIANGLE_DOWN:
		cairo_move_to(cr, x - r * 1.05, y - r * 0.8);
		cairo_line_to(cr, x + r * 1.05, y - r * 0.8);
		cairo_line_to(cr, x, y + r * 1.1);
		cairo_close_path(cr);
		break;
	case CHART_MARKER_TRIANGLE_UP:
		cairo_move_to(cr, x - r * 1.05, y + r * 0.8);
		cairo_line_to(cr, x + r * 1.05, y + r * 0.8);
		cairo_line_to(cr, x, y - r * 1.1);
		cairo_close_path(cr);
		break;
	case CHART_MARKER_PLUS:
		cairo_move_to(cr, x - r, y);
		cairo_line_to(cr, x + r, y);
		cairo_move_to(cr, x, y - r);
		cairo_line_to(cr, x, y + r);
		break;
	case CHART_MARKER_CROSS:
		cairo_move_to(cr, x - r * 0.85, y - r * 0.85);
		cairo_line_to(cr, x + r * 0.85, y + r * 0.85);
		cairo_move_to(cr, x + r * 0.85, y - r * 0.85);
		cairo_line_to(cr, x - r * 0.85, y + r * 0.85);
		break;
	case CHART_MARKER_STAR:
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
	colour_alpha(cr, 0xffffff, 1);
	cairo_set_line_width(cr, (lines ? 1.0 : 0.55) * r);
	cairo_stroke_preserve(cr);
	colour_alpha(cr, rgb, 1);
	if (lines) {
		cairo_set_line_width(cr, 0.47 * r);
		cairo_stroke(cr);
	} else {
		cairo_fill(cr);
	}
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	cairo_set_line_width(cr, 1);
}

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
colour_alpha(cairo_t *cr, unsigned rgb, double alpha)
{
	cairo_set_source_rgba(cr, (rgb >> 16 & 0xff) / 255.0,
			      (rgb >> 8 & 0xff) / 255.0, (rgb & 0xff) / 255.0,
			      alpha);
}

/* Passes cairo's bytes on; in an SVG, a <title> goes in right after the
 * root element's start tag, wherever the chunks happen to split it. */
static cairo_status_t
write_stream(void *closure, const unsigned char *data, unsigned int length)
{
	struct sink *sink = closure;
	size_t i = 0;

	for (; sink->svg_title != NULL && i < length; i++) {
		if (sink->in_tag) {
			if (data[i] != '>')
				continue;
			if (fwrite(data, 1, i + 1, sink->fp) != i + 1 ||
			    !write_svg_title(sink->fp, sink->svg_title,
					     sink->svg_desc))
				return CAIRO_STATUS_WRITE_ERROR;
			sink->svg_title = NULL;
			data += i + 1;
			length -= (unsigned)i + 1;
			break;
		}
		sink->matched = data[i] == (unsigned char)"<svg"[sink->matched] ?
				sink->matched + 1 : data[i] == '<';
		sink->in_tag = sink->matched == 4;
	}
	return fwrite(data, 1, length, sink->fp) == length ?
	       CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/* "\n<title>TITLE</title>", with XML's special characters escaped; for a
 * parties picture (DESC), a <desc> with a line for each marker. */
static bool
write_svg_title(FILE *fp, const char *title, const struct chart_layout *desc)
{
	char date[TT_DATE_BUFSIZE], words[CHART_TEXT_SIZE];

	fputs("\n<title>", fp);
	write_xml_text(fp, title);
	fputs("</title>", fp);
	if (desc == NULL)
		return !ferror(fp);
	fputs("\n<desc>Parties in force over time.", fp);
	for (size_t i = 0; i < desc->ndates; i++) {
		const struct chart_date *d = &desc->dates[i];

		chart_marker_words(d, words, sizeof words);
		fprintf(fp, "\n%s ", tt_date_format(tt_date_from_daynum(
			d->day), date));
		write_xml_text(fp, words);
	}
	fputs("</desc>", fp);
	return !ferror(fp);
}

static void
write_xml_text(FILE *fp, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		default:
			putc(*s, fp);
			break;
		}
}

/* The title, and no creation date: cairo would write the current time.
 * (It could take one from SOURCE_DATE_EPOCH, but cairo 1.16.0 writes a
 * date set this way without its "D:" prefix, which is not a valid PDF
 * date.) */
static void
pdf_metadata(cairo_surface_t *surface, const char *title)
{
#if defined(CAIRO_HAS_PDF_SURFACE) && \
	CAIRO_VERSION >= CAIRO_VERSION_ENCODE(1, 16, 0)
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE,
				       title);
	/* An empty date is left out of the document information. */
	cairo_pdf_surface_set_metadata(surface,
				       CAIRO_PDF_METADATA_CREATE_DATE, "");
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
				       PACKAGE_NAME " " PACKAGE_VERSION);
#else
	(void)surface;
	(void)title;
#endif
}
