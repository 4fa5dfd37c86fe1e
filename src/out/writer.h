/*
 * writer.h -- one writer per output format, chosen once from --format
 * (or -o's extension): what a command writes goes through the table in
 * writer.c instead of a switch over the formats in every command.
 *
 * A document is begun, gets one thing written (a schedule, a comparison,
 * ...), and is ended.  A writer that cannot write a thing has NULL there;
 * each command's list of formats (struct cli_command) never offers such
 * a format, so the command refuses it as before.
 */
#ifndef TREATYTERM_WRITER_H
#define TREATYTERM_WRITER_H

#include <stdbool.h>
#include <stdio.h>

#include <treatyterm/treatyterm.h>

#include "out/format.h"

struct agenda;
struct compare;
struct diff_report;
struct filter;

/* What the writers need besides the thing written; zero for defaults. */
struct writer_opts {
	const struct filter *filter;	/* NULL: every milestone */
	/* Calendars: the options, and the calendar's name when they give
	 * none (NULL for none). */
	const tt_ics_options *ics;
	const char *title;
	/* Pictures: the size and title; the format is the writer's. */
	const struct chart_options *chart;
	/* A schedule as a table: --explain (with the preset's source when
	 * PRESET is set) and --check. */
	bool explain;
	bool check;
	const char *preset;
	/* An agenda as a table: the next date to come highlighted. */
	bool color;
};

/* One document being written. */
struct writer_doc {
	const struct writer *w;
	FILE *fp;		/* where to write: the output, or memory */
	const struct writer_opts *o;
	/* Set when the writer failed for a reason of its own rather than
	 * the stream's (static, or in E); NULL for a write error, which
	 * errno tells. */
	const char *why;
	/* Calendars. */
	tt_ics_options ics;
	tt_ics_writer *cal;
	struct jcal jcal;
	tt_error e;
};

struct writer {
	enum format format;
	/* Start and finish a document on OUT; NULL when there is nothing
	 * to do.  END gets whether the writing went well and returns
	 * whether the document was written. */
	bool (*begin)(struct writer_doc *d);
	bool (*end)(struct writer_doc *d, bool ok);
	bool (*schedule)(struct writer_doc *d, const tt_schedule *s);
	bool (*compare)(struct writer_doc *d, const struct compare *cmp);
	bool (*diff)(struct writer_doc *d, const struct diff_report *r);
	bool (*agenda)(struct writer_doc *d, const struct agenda *ag);
};

/* The writer of format F; NULL if there is none. */
const struct writer *writer_find(enum format f);

/* Begins a document in format F on OUT with the options O (which must
 * outlive it); then one of the writer's functions writes the thing, and
 * writer_end() ends the document, whether or not the others succeeded.
 * Each returns false with D->why set, or with errno set after a failed
 * write; writer_end() gets what went before and returns whether the
 * whole document was written.  D needs nothing freed after. */
bool writer_begin(struct writer_doc *d, enum format f, FILE *out,
		  const struct writer_opts *o);
bool writer_end(struct writer_doc *d, bool ok);

#endif /* TREATYTERM_WRITER_H */
