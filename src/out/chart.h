/*
 * chart.h -- the "compare" and "parties" pictures as data.
 *
 * chart_layout() (a comparison's timeline) and chart_layout_parties()
 * (how many parties a treaty has over time) compute the whole picture --
 * canvas size, every shape and every label with its coordinates, and
 * which dates had no room for their label and became numbered callouts --
 * without drawing anything; chart-paint.c paints the result with cairo.
 * Text is measured through a callback, so the layout can be computed and
 * tested without cairo.
 *
 * Coordinates are pixels (points in PDF), from the top left corner; a
 * label's Y is its baseline.  Every date of every lane ends up either as a
 * placed date label or in a callout: a small number under its marker and
 * an entry in the numbered list under the chart.  Nothing is dropped
 * silently.  The parties picture labels its markers with party names
 * instead of dates, under the same promise.
 */
#ifndef TREATYTERM_CHART_H
#define TREATYTERM_CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <treatyterm/schedule.h>

struct compare;

/* Room for one label's text, in bytes. */
#define CHART_TEXT_SIZE 512

/* The advance width of TEXT, in pixels, at SIZE in the chart's font. */
typedef double chart_measure_fn(void *ctx, const char *text, double size,
				bool bold);

/* A measure that needs no font: every character (not byte) is 0.64 of the
 * size wide, 0.72 in bold -- a little more than DejaVu Sans's digits and
 * most of its letters.  For tests; CTX is unused. */
double chart_measure_estimate(void *ctx, const char *text, double size,
			      bool bold);

/* How a milestone's marker looks. */
enum chart_marker {
	CHART_MARKER_BAR, CHART_MARKER_CIRCLE, CHART_MARKER_SQUARE,
	CHART_MARKER_DIAMOND, CHART_MARKER_TRIANGLE_RIGHT,
	CHART_MARKER_TRIANGLE_DOWN, CHART_MARKER_TRIANGLE_UP,
	CHART_MARKER_PLUS, CHART_MARKER_CROSS, CHART_MARKER_STAR
};

enum chart_shape_kind {
	CHART_FILL,		/* a filled rectangle X, Y, W, H */
	CHART_FRAME,		/* the outline of that rectangle */
	CHART_FADE,		/* a rectangle fading out from left to right */
	CHART_LINE,		/* from (X, Y) to (X + W, Y + H) */
	CHART_ARROW,		/* a triangle from X to its tip at X + W,
				 * H high, centred on Y */
	CHART_MARKER,		/* MARKER centred on (X, Y), radius W */
	CHART_STEPS		/* the layout's step line (STEPS), from
				 * count 0 at (X, Y) to X + W, filled
				 * under in a paler COLOUR */
};

struct chart_shape {
	enum chart_shape_kind kind;
	enum chart_marker marker;	/* CHART_MARKER only */
	double x, y, w, h;
	unsigned colour;	/* 0xRRGGBB */
	double alpha;		/* 1 for opaque */
	double line;		/* line width: CHART_FRAME, CHART_LINE */
};

/* Which point of the text X names. */
enum chart_anchor { CHART_START, CHART_MIDDLE, CHART_END };

enum chart_role {
	CHART_TEXT,		/* titles, headings, axis and legend */
	CHART_DATE,		/* a date under its marker (parties: the
				 * names at its marker) */
	CHART_CALLOUT_MARK,	/* a callout's number under its markers */
	CHART_CALLOUT_NUMBER,	/* a callout's number in the list */
	CHART_CALLOUT_ENTRY	/* a callout's dates and what happens then */
};

struct chart_label {
	char text[CHART_TEXT_SIZE];
	double x, y;		/* the anchor point, on the baseline */
	double w;		/* the text's measured width */
	double size;
	bool bold;
	unsigned colour;
	enum chart_anchor anchor;
	enum chart_role role;
	size_t date;		/* CHART_DATE: index into dates */
	unsigned callout;	/* CHART_CALLOUT_*: its number */
};

/* A day on which the number of parties in force changes, and the number
 * from that day on. */
struct chart_step {
	int32_t day;
	size_t count;
	double x, y;		/* the corner where the new count begins */
};

/* One day with milestones in one lane: a date label, or part of a
 * callout. */
struct chart_date {
	size_t lane;		/* the proposal's index */
	int32_t day;		/* day number (tt_date_to_daynum) */
	double x;		/* where its markers are */
	int priority;		/* for room: 0 goes first */
	unsigned colour;	/* of its text */
	char what[CHART_TEXT_SIZE];	/* "Consultation 1; Expiry ..." */
	unsigned callout;	/* 0: its label is placed; else the number of
				 * the callout that lists it */
	size_t label;		/* its date label, when placed */
	enum chart_marker marker;	/* parties: its marker's shape */
	/* Working space of the layout. */
	unsigned nms;		/* milestones on this day */
	int row;		/* of its label, -1 for none */
	double a, b;		/* left and right of its label */
};

/* A date whose label had no room, or the inner dates of a series too
 * dense to label one by one: a number under the markers (with a bracket
 * across a series) and an entry in the list under the chart. */
struct chart_callout {
	size_t lane;
	int32_t first, last;	/* day numbers of its first and last date */
	size_t count;		/* how many dates it stands for */
	double xa, xb;		/* the markers it covers */
	unsigned colour;
	char what[CHART_TEXT_SIZE];	/* "Review 2 to 18, every 5 years" */
	size_t mark, number, entry;	/* its labels */
	int row;		/* of its mark under the date labels */
	double a, b;		/* left and right of its mark */
};

struct chart_layout {
	double w, h;
	char title[CHART_TEXT_SIZE];	/* in full, for document metadata */
	struct chart_shape *shapes;	/* in painting order */
	size_t nshapes, ashapes;
	struct chart_label *labels;	/* painted after the shapes */
	size_t nlabels, alabels;
	struct chart_date *dates;	/* by lane, then day */
	size_t ndates, adates;
	/* Callout N is callouts[N - 1]; numbered by first date, then lane. */
	struct chart_callout *callouts;
	size_t ncallouts, acallouts;
	size_t nomitted;	/* dates past the most callouts a picture
				 * takes: neither placed nor listed, but
				 * counted in a note */
	/* The parties picture: where the count changes, by day; its
	 * markers (general entry into force, withdrawals) are DATES. */
	struct chart_step *steps;
	size_t nsteps, asteps;
	size_t ymax;		/* the top of the count axis */
	bool parties;		/* this is a parties picture */
};

/* Lays out CMP (at least one proposal) as a picture WIDTH wide (0 for
 * CHART_WIDTH_DEFAULT) titled TITLE (NULL for the default), measuring
 * text with MEASURE(CTX, ...).  Returns false when memory ran out; LAY
 * must be freed with chart_layout_free() either way. */
bool chart_layout(struct chart_layout *lay, const struct compare *cmp,
		  const char *title, int width, chart_measure_fn *measure,
		  void *ctx);
/* Lays out the parties of S (at least one [party]) as the number in
 * force over time: a step line, with markers for the general entry into
 * force and each withdrawal, labelled with the parties' names.  WIDTH,
 * TITLE (NULL for the treaty's name), MEASURE and the result as for
 * chart_layout(). */
bool chart_layout_parties(struct chart_layout *lay, const tt_schedule *s,
			  const char *title, int width,
			  chart_measure_fn *measure, void *ctx);
void chart_layout_free(struct chart_layout *lay);

/* For a marker of the parties picture, what happens on its day
 * ("Withdrawal takes effect: Burundi"), into BUF; returns the length the
 * whole text needs, as snprintf() does. */
size_t chart_marker_words(const struct chart_date *d, char *buf,
			  size_t size);

/* The box a label's text takes: left, top, right and bottom. */
void chart_label_box(const struct chart_label *l, double box[4]);

#endif /* TREATYTERM_CHART_H */
