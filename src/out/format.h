/*
 * format.h -- writing schedules for people (table) and programs (JSON,
 * CSV).  Each writer returns false when the stream reports an error; the
 * caller says so.  JSON is written by json.c alone; the CSV library is
 * used only in csv.c.
 */
#ifndef TREATYTERM_FORMAT_H
#define TREATYTERM_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <treatyterm/treatyterm.h>

#include "lib/strbuf.h"

enum format {
	FORMAT_TABLE = 1u << 0,
	FORMAT_JSON = 1u << 1,
	FORMAT_JSONL = 1u << 2,
	FORMAT_CSV = 1u << 3,
	FORMAT_ICS = 1u << 4,
	FORMAT_SVG = 1u << 5,
	FORMAT_PNG = 1u << 6,
	FORMAT_PDF = 1u << 7,
	FORMAT_LIST = 1u << 8,	/* presets: the list of presets */
	FORMAT_INI = 1u << 9,	/* presets: spec files */
	FORMAT_JCAL = 1u << 10	/* the calendar as jCal (RFC 7265) */
};

/* The formats that are calendars. */
#define FORMAT_CALENDARS (FORMAT_ICS | FORMAT_JCAL)

/* The format called NAME; false if there is none. */
bool format_lookup(const char *name, enum format *out);
/* The name of F ("json"). */
const char *format_name(enum format f);
/* "table (the default), json, csv or ics": the formats of MASK, DEFLT
 * (0 for none) marked, into BUF. */
void format_list(char *buf, size_t size, unsigned mask, enum format deflt);
/* The format the name of the -o file PATH implies by its extension (the
 * last '.' of its last component, not its first character; any case):
 * 1 with *OUT set, 0 if it has no extension, -1 if the extension means no
 * format.  *EXT points to the extension (with its '.') in PATH. */
int format_from_path(const char *path, enum format *out, const char **ext);
/* "a name ending in .txt, .json, .csv or .ics": the extensions of the
 * formats of MASK, into BUF. */
void format_extensions(char *buf, size_t size, unsigned mask);

/* table.c */
bool table_write_schedule(FILE *fp, const tt_schedule *s, bool explain);
/* The recorded dates of S's parties that differ from the computed ones,
 * one line each and the rule behind the computed date. */
bool table_write_discrepancies(FILE *fp, const tt_schedule *s);
/* --check: the discrepancies, or a line saying that there are none. */
bool table_write_check(FILE *fp, const tt_schedule *s);

/* json.c: the schedule object of "schedule --format json", indented
 * (PRETTY) or on one line (batch's JSON Lines); each ends with a newline.
 * The writers reuse one buffer, which json_release() frees. */
bool json_write_schedule(FILE *fp, const tt_schedule *s, bool pretty);
void json_release(void);

/* json.c: the schedule object on one line, appended to B (whose FAILED
 * tells whether memory ran out). */
void json_append_schedule(struct ttp_buf *b, const tt_schedule *s);

/* json.c: LEN bytes of S appended to B (the one growing buffer,
 * lib/strbuf.h) as a JSON string, quoted and escaped (see json.c).
 * FAILED is set when memory runs out. */
void json_buf_string(struct ttp_buf *b, const char *s, size_t len);
/* Appends LEN bytes of S as they are: JSON punctuation, numbers. */
void json_buf_raw(struct ttp_buf *b, const char *s, size_t len);
/* Writes S to FP as a JSON string, escaped through the scratch buffer
 * B (emptied first); B->FAILED is set when memory runs out, and nothing
 * is written then. */
void json_write_string(FILE *fp, struct ttp_buf *b, const char *s);

/* csv.c: one CRLF-terminated record of N fields, quoted where needed. */
bool csv_write_record(FILE *fp, const char *const *fields, size_t n);
/* csv.c: one row per milestone, after an optional header row. */
bool csv_write_header(FILE *fp);
bool csv_write_schedule(FILE *fp, const tt_schedule *s);

/* The writers above showing only the milestones filter_keep() lets
 * through (filter.h; NULL shows all): what is said of the whole treaty
 * (its expiry, its parties) stays. */
struct filter;
bool table_write_schedule_filtered(FILE *fp, const tt_schedule *s,
				   bool explain, const struct filter *f);
bool json_write_schedule_filtered(FILE *fp, const tt_schedule *s,
				  bool pretty, const struct filter *f);
void json_append_schedule_filtered(struct ttp_buf *b, const tt_schedule *s,
				   const struct filter *f);
bool csv_write_schedule_filtered(FILE *fp, const tt_schedule *s,
				 const struct filter *f);
/* jcal.c: a calendar written as jCal (RFC 7265).  The library writes
 * iCalendar; for jCal, jcal_begin() gives a memory stream to write it to
 * instead of OUT, and jcal_end() reads it back (with libical) and writes
 * the same calendar as jCal to OUT.  For any other format jcal_begin()
 * returns OUT and jcal_end() does nothing. */
struct jcal {
	FILE *out;
	FILE *mem;		/* NULL unless jCal */
	char *text;
	size_t len;
};
FILE *jcal_begin(struct jcal *j, FILE *out, enum format format);
/* Converts and writes (when OK: else only frees); returns false with
 * errno set after a failed write, or with *WHY a static message when the
 * calendar cannot be converted. */
bool jcal_end(struct jcal *j, bool ok, const char **why);

/* For "compare": several proposals (struct compare, see compare.h). */
struct compare;

/* json.c: {"proposals": [schedule objects], "comparison": {...}}. */
bool json_write_compare(FILE *fp, const struct compare *cmp, bool pretty);
/* The same, each proposal's milestones filtered (the comparison is
 * still of the whole schedules). */
bool json_write_compare_filtered(FILE *fp, const struct compare *cmp,
				 bool pretty, const struct filter *f);

/* csv.c: the header, then the merged timeline of CMP, one row per
 * milestone of each proposal. */
bool csv_write_compare(FILE *fp, const struct compare *cmp);
/* table.c: the proposals side by side, their merged timeline and how
 * each differs from the first. */
bool table_write_compare(FILE *fp, const struct compare *cmp);

/* chart-paint.c: the proposals as a timeline picture, drawn with cairo. */
struct chart_options {
	enum format format;	/* FORMAT_SVG, FORMAT_PNG or FORMAT_PDF */
	const char *title;	/* NULL for "Treaty terms compared" (or
				 * the treaty's name: parties) */
	int width;		/* pixels (points for PDF); 0 for the default */
};

#define CHART_WIDTH_DEFAULT 960
#define CHART_WIDTH_MIN 480
#define CHART_WIDTH_MAX 8000

/* Draws CMP onto FP.  On failure returns false with *WHY saying why (a
 * static string). */
bool chart_write(FILE *fp, const struct compare *cmp,
		 const struct chart_options *opt, const char **why);
/* The number of S's parties in force over time (S has [party] sections);
 * TITLE NULL for the treaty's name.  As chart_write(). */
bool chart_write_parties(FILE *fp, const tt_schedule *s,
			 const struct chart_options *opt, const char **why);

/* For "diff": what changed, treaty by treaty (struct diff_report, see
 * diff-report.h).  table.c: a header line per treaty that differs
 * and a line per milestone ("- ", "~ ", "+ "); json.c: {"treaties":
 * [...]}; csv.c: a header row, then a row per clause and milestone
 * changed. */
struct diff_report;
bool table_write_diff(FILE *fp, const struct diff_report *r);
bool json_write_diff(FILE *fp, const struct diff_report *r, bool pretty);
bool csv_write_diff(FILE *fp, const struct diff_report *r);

/* For "agenda": the dates of a window across treaties (struct agenda,
 * see agenda.h).  table.c: a line per date (COLOR: the next date to
 * come highlighted); json.c: {"from", "until", "milestones", "errors"};
 * csv.c: a header row, then a row per date. */
struct agenda;
bool table_write_agenda(FILE *fp, const struct agenda *ag, bool color);
bool json_write_agenda(FILE *fp, const struct agenda *ag);
bool csv_write_agenda(FILE *fp, const struct agenda *ag);

/* json.c: the member "errors": the N errors E (input-error.h) as an
 * array of objects {"input", "line", "column", "message"}, line and
 * column null when not known, indented for a top-level object; false
 * when a write failed or memory ran out. */
struct input_error;
bool json_write_errors(FILE *fp, const struct input_error *e, size_t n);

/* csv.c: reading CSV records (RFC 4180, fields separated by DELIM) one
 * at a time.  The fields, each NUL-terminated, stay valid until the next
 * call.  csv_reader_next() returns 1 with a record and the line it starts
 * on, 0 at the end, -2 with a message and its line for a malformed record
 * (which is skipped: call again for the next), or -1 with a message and
 * its line when reading cannot go on. */
struct csv_reader;
struct csv_reader *csv_reader_new(FILE *fp, unsigned char delim);
int csv_reader_next(struct csv_reader *r, char ***fields, size_t *n,
		    unsigned long *line, const char **error);
void csv_reader_free(struct csv_reader *r);
/* Where field I (from 0) of the record last returned starts in the input:
 * its line and its 1-based byte column, past an opening quote.  False if
 * there is no such field. */
bool csv_reader_where(const struct csv_reader *r, size_t i,
		      unsigned long *line, unsigned *column);

#endif /* TREATYTERM_FORMAT_H */
