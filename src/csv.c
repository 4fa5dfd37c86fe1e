/*
 * csv.c -- CSV (RFC 4180) out, with libcsv doing the quoting.
 *
 * This is the only file that includes libcsv's header.
 */
#include <config.h>

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"

static const char *const columns[] = {
	"treaty_id", "date", "weekday", "kind", "label", "nominal_date",
	"basis"
};

/* Writes FIELDS as one CRLF-terminated record. */
static bool
record(FILE *fp, const char *const *fields, size_t nfields)
{
	for (size_t i = 0; i < nfields; i++) {
		if (i > 0 && fputc(',', fp) == EOF)
			return false;
		size_t n = strlen(fields[i]);

		/* Quote only the fields that need it. */
		if (strpbrk(fields[i], ",\"\r\n") != NULL) {
			if (csv_fwrite(fp, fields[i], n) != 0)
				return false;
		} else if (fwrite(fields[i], 1, n, fp) != n) {
			return false;
		}
	}
	return fputs("\r\n", fp) != EOF;
}

bool
csv_write_header(FILE *fp)
{
	return record(fp, columns, sizeof columns / sizeof columns[0]);
}

bool
csv_write_schedule(FILE *fp, const tt_schedule *s)
{
	for (size_t i = 0; i < tt_schedule_count(s); i++) {
		const tt_milestone *m = tt_schedule_at(s, i);
		char d[TT_DATE_BUFSIZE], nd[TT_DATE_BUFSIZE] = "";
		char label[TT_TEXT_BUFSIZE], basis[TT_TEXT_BUFSIZE];
		const char *fields[7];

		if (m->flags & TT_MS_ROLLED)
			tt_date_format(m->nominal, nd);
		fields[0] = tt_schedule_id(s);
		fields[1] = tt_date_format(m->date, d);
		fields[2] = tt_weekday_name(tt_date_weekday(m->date));
		fields[3] = tt_kind_name(m->kind);
		fields[4] = tt_milestone_label(m, label, sizeof label);
		fields[5] = nd;
		fields[6] = tt_milestone_basis(m, basis, sizeof basis);
		if (!record(fp, fields, 7))
			return false;
	}
	return !ferror(fp);
}

/* --- compare: the merged timeline of several proposals ------------- */

static const char *const timeline_columns[] = {
	"date", "weekday", "proposal_id", "proposal_name", "kind", "label",
	"nominal_date", "basis"
};

bool
csv_write_timeline_header(FILE *fp)
{
	return record(fp, timeline_columns,
		      sizeof timeline_columns / sizeof timeline_columns[0]);
}

bool
csv_write_timeline_row(FILE *fp, const tt_schedule *s, const tt_milestone *m)
{
	char d[TT_DATE_BUFSIZE], nd[TT_DATE_BUFSIZE] = "";
	char label[TT_TEXT_BUFSIZE], basis[TT_TEXT_BUFSIZE];
	const char *fields[8];

	if (m->flags & TT_MS_ROLLED)
		tt_date_format(m->nominal, nd);
	fields[0] = tt_date_format(m->date, d);
	fields[1] = tt_weekday_name(tt_date_weekday(m->date));
	fields[2] = tt_schedule_id(s);
	fields[3] = tt_schedule_name(s);
	fields[4] = tt_kind_name(m->kind);
	fields[5] = tt_milestone_label(m, label, sizeof label);
	fields[6] = nd;
	fields[7] = tt_milestone_basis(m, basis, sizeof basis);
	return record(fp, fields, 8) && !ferror(fp);
}

/* --- reading (batch input) ------------------------------------------- */

/*
 * Records are read a physical line at a time and handed to libcsv, so that
 * every record is known by the line it starts on; a quoted field may span
 * lines.  The field buffers are reused from record to record.
 */
struct csv_reader {
	FILE *fp;
	struct csv_parser parser;
	char *line;		/* getline()'s buffer */
	size_t line_cap;
	unsigned long lineno;	/* lines read so far */
	unsigned long start;	/* line the record being read started on */
	char *text;		/* the record's fields, each NUL-terminated */
	size_t text_len, text_cap;
	size_t *offs;		/* field I starts at text + offs[I] */
	char **fields;
	size_t nfields, fields_cap;
	bool done;		/* a whole record is ready */
	bool failed;		/* out of memory in a callback */
};

static void
on_field(void *data, size_t len, void *user)
{
	struct csv_reader *r = user;

	if (r->failed)
		return;
	if (r->nfields == r->fields_cap) {
		size_t ncap = r->fields_cap ? r->fields_cap * 2 : 32;
		size_t *p = realloc(r->offs, ncap * sizeof *p);

		if (p == NULL) {
			r->failed = true;
			return;
		}
		r->offs = p;
		r->fields_cap = ncap;
	}
	if (r->text_len + len + 1 > r->text_cap) {
		size_t ncap = r->text_cap ? r->text_cap : 1024;
		char *p;

		while (ncap < r->text_len + len + 1)
			ncap *= 2;
		p = realloc(r->text, ncap);
		if (p == NULL) {
			r->failed = true;
			return;
		}
		r->text = p;
		r->text_cap = ncap;
	}
	if (len > 0)
		memcpy(r->text + r->text_len, data, len);
	r->text[r->text_len + len] = '\0';
	r->offs[r->nfields++] = r->text_len;
	r->text_len += len + 1;
}

/* Only LF ends a record: a CRLF line end is made LF before parsing, and a
 * lone CR is data (which a spec value then refuses), never a hidden record
 * break in the middle of a line. */
static int
is_record_end(unsigned char c)
{
	return c == '\n';
}

static void
on_record(int c, void *user)
{
	struct csv_reader *r = user;

	(void)c;
	r->done = true;
}

struct csv_reader *
csv_reader_new(FILE *fp)
{
	struct csv_reader *r = calloc(1, sizeof *r);

	if (r == NULL)
		return NULL;
	if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		free(r);
		return NULL;
	}
	csv_set_term_func(&r->parser, is_record_end);
	r->fp = fp;
	return r;
}

void
csv_reader_free(struct csv_reader *r)
{
	if (r == NULL)
		return;
	csv_free(&r->parser);
	free(r->line);
	free(r->text);
	free(r->offs);
	free(r->fields);
	free(r);
}

/* Points r->fields at the fields of the record just read. */
static int
finish_record(struct csv_reader *r, char ***fields, size_t *n,
	      unsigned long *line)
{
	char **p = realloc(r->fields, (r->nfields + 1) * sizeof *p);

	if (p == NULL)
		return -1;
	r->fields = p;
	for (size_t i = 0; i < r->nfields; i++)
		r->fields[i] = r->text + r->offs[i];
	r->fields[r->nfields] = NULL;
	*fields = r->fields;
	*n = r->nfields;
	*line = r->start;
	return 1;
}

int
csv_reader_next(struct csv_reader *r, char ***fields, size_t *n,
		unsigned long *line, const char **error)
{
	ssize_t got;

	r->nfields = 0;
	r->text_len = 0;
	r->done = false;
	r->start = 0;
	for (;;) {
		got = getline(&r->line, &r->line_cap, r->fp);
		if (got < 0) {
			if (ferror(r->fp)) {
				*error = strerror(errno);
				*line = r->lineno;
				return -1;
			}
			/* The end: a last record without a newline. */
			if (csv_fini(&r->parser, on_field, on_record, r) != 0) {
				*error = "unterminated quoted field";
				*line = r->start ? r->start : r->lineno;
				return -1;
			}
			if (r->failed) {
				*error = "out of memory";
				return -1;
			}
			if (r->done && r->nfields > 0)
				return finish_record(r, fields, n, line);
			return 0;
		}
		r->lineno++;
		if (got >= 2 && r->line[got - 2] == '\r' &&
		    r->line[got - 1] == '\n') {
			r->line[got - 2] = '\n';
			got--;
		} else if (r->line[got - 1] == '\r') {
			/* A CR ending the last line, which has no LF. */
			r->line[got - 1] = '\n';
		}
		/* A record starts on its first line that is not blank. */
		if (r->start == 0 && !(got == 1 && r->line[0] == '\n'))
			r->start = r->lineno;
		if (memchr(r->line, '\0', (size_t)got) != NULL) {
			*error = "NUL byte in the file (is it a text file?)";
			*line = r->lineno;
			return -1;
		}
		if (csv_parse(&r->parser, r->line, (size_t)got, on_field,
			      on_record, r) != (size_t)got) {
			*error = csv_error(&r->parser) == CSV_EPARSE ?
				 "malformed quoting (a quote inside an "
				 "unquoted field, or text after a closing "
				 "quote)" : csv_strerror(csv_error(&r->parser));
			*line = r->lineno;
			return -1;
		}
		if (r->failed) {
			*error = "out of memory";
			return -1;
		}
		if (r->done) {
			if (r->nfields == 0) {	/* a blank line */
				r->done = false;
				continue;
			}
			return finish_record(r, fields, n, line);
		}
	}
}
