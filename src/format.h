/*
 * format.h -- writing schedules for people (table) and programs (JSON,
 * CSV).  Each writer returns false when the stream reports an error; the
 * caller says so.  The JSON library is used only in out-json.c, the CSV
 * library only in csv.c.
 */
#ifndef TREATYTERM_FORMAT_H
#define TREATYTERM_FORMAT_H

#include <stdbool.h>
#include <stdio.h>

#include <treatyterm/treatyterm.h>

enum format {
	FORMAT_TABLE = 1u << 0,
	FORMAT_JSON = 1u << 1,
	FORMAT_JSONL = 1u << 2,
	FORMAT_CSV = 1u << 3,
	FORMAT_ICS = 1u << 4,
	FORMAT_SVG = 1u << 5,
	FORMAT_PNG = 1u << 6,
	FORMAT_PDF = 1u << 7
};

/* Parses a --format value among the ALLOWED formats (a mask); prints a
 * usage message naming them and returns false otherwise. */
bool format_parse(const char *cmd, const char *s, unsigned allowed,
		  enum format *out);

/* out-table.c */
bool table_write_schedule(FILE *fp, const tt_schedule *s, bool explain);

/* out-json.c: the schedule object of "schedule --format json", on one line
 * (PRETTY false, as batch's JSON Lines) or indented. */
bool json_write_schedule(FILE *fp, const tt_schedule *s, bool pretty);

/* csv.c: one row per milestone, after an optional header row. */
bool csv_write_header(FILE *fp);
bool csv_write_schedule(FILE *fp, const tt_schedule *s);

#endif /* TREATYTERM_FORMAT_H */
