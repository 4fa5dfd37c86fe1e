/*
 * csv.c -- CSV (RFC 4180) out, with libcsv doing the quoting.
 *
 * This is the only file that includes libcsv's header.
 */
#include <config.h>

#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "out/agenda.h"
#include "out/compare.h"
#include "out/diff-report.h"
#include "out/filter.h"
#include "out/format.h"
#include "out/text.h"

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
csv_write_record(FILE *fp, const char *const *fields, size_t n)
{
	return record(fp, fields, n);
}

/* Appends S to the text in BUF (SIZE bytes) of length N, as snprintf()
 * would: returns the whole length. */
static size_t
append(char *buf, size_t size, size_t n, const char *s)
{
	size_t len = strlen(s);

	if (n + 1 < size) {
		size_t room = size - 1 - n, k = len < room ? len : room;

		memcpy(buf + n, s, k);
		buf[n + k] = '\0';
	}
	return n + len;
}

/* Appends what FN gives for M to the text in BUF (SIZE bytes) of length
 * N, formatted in place, as append() does: returns the whole length (a
 * text that does not fit is formatted again, with the room it needs). */
static size_t
append_text(char *buf, size_t size, size_t n, text_fn fn,
	    const tt_milestone *m)
{
	if (n + 1 < size)
		return n + fn(m, buf + n, size - n);
	return n + fn(m, NULL, 0);
}

/* The basis, then the other readings: the CSV has no column of its own
 * for them. */
static size_t
basis_text(const tt_milestone *m, char *buf, size_t size)
{
	size_t n = tt_milestone_basis(m, buf, size);

	if (m->nalternatives == 0)
		return n;
	n = append(buf, size, n, "; ");
	return append_text(buf, size, n, tt_milestone_readings, m);
}

/* The basis of a hypothetical treaty's entry into force. */
static size_t
basis_hypothetical(const tt_milestone *m, char *buf, size_t size)
{
	size_t n = basis_text(m, buf, size);

	return append(buf, size, n, "; hypothetical: never in force, the "
		      "dates are assumed");
}

/* What a pending date waits for. */
static size_t
basis_pending(const tt_milestone *m, char *buf, size_t size)
{
	size_t n = append(buf, size, 0, "pending: ");

	return append_text(buf, size, n, tt_milestone_condition, m);
}

/* --- the columns ---------------------------------------------------- */

/*
 * Each of the three layouts (a schedule, compare's timeline, the agenda)
 * is a table of columns, {name, getter}, in the order they are written:
 * the header row is the names, and a record is what the getters give for
 * one milestone.  A column is added with one row in its table.
 */

/* What a record is made from, and room for the texts made for it. */
struct row {
	const tt_schedule *s;
	const tt_milestone *m;
	bool pending;		/* M is a pending date: none yet */
	text_fn basis_fn;	/* how the basis column is written */
	const char *treaty;	/* agenda: the treaty's name */
	tt_date today;		/* agenda: what days_left counts from */
	char date[TT_DATE_BUFSIZE], nominal[TT_DATE_BUFSIZE], days[24];
	struct text label, basis;
};

struct column {
	const char *name;
	const char *(*get)(struct row *r);
};

/* The most columns a layout has. */
#define COLUMNS_MAX 8

static const char *
col_treaty_id(struct row *r)
{
	return tt_schedule_id(r->s);
}

static const char *
col_treaty_name(struct row *r)
{
	return tt_schedule_name(r->s);
}

static const char *
col_treaty(struct row *r)
{
	return r->treaty;
}

static const char *
col_date(struct row *r)
{
	return r->pending ? "" : tt_date_format(r->m->date, r->date);
}

static const char *
col_weekday(struct row *r)
{
	return r->pending ? "" : tt_weekday_name(tt_date_weekday(r->m->date));
}

static const char *
col_days_left(struct row *r)
{
	snprintf(r->days, sizeof r->days, "%ld",
		 (long)tt_date_diff_days(r->today, r->m->date));
	return r->days;
}

static const char *
col_party(struct row *r)
{
	return r->m->party != NULL ? r->m->party : "";
}

static const char *
col_kind(struct row *r)
{
	return tt_kind_name(r->m->kind);
}

static const char *
col_label(struct row *r)
{
	return text_milestone(&r->label, tt_milestone_label, r->m);
}

/* The date before it was moved off a holiday or weekend, if it was. */
static const char *
col_nominal_date(struct row *r)
{
	if (!(r->m->flags & TT_MS_ROLLED))
		return "";
	return tt_date_format(r->m->nominal, r->nominal);
}

static const char *
col_basis(struct row *r)
{
	return text_milestone(&r->basis, r->basis_fn, r->m);
}

/* "schedule", batch: a row per milestone, then per pending date. */
static const struct column schedule_columns[] = {
	{ "treaty_id", col_treaty_id },
	{ "date", col_date },
	{ "weekday", col_weekday },
	{ "kind", col_kind },
	{ "label", col_label },
	{ "nominal_date", col_nominal_date },
	{ "basis", col_basis }
};

/* "compare": the merged timeline of several proposals. */
static const struct column timeline_columns[] = {
	{ "date", col_date },
	{ "weekday", col_weekday },
	{ "proposal_id", col_treaty_id },
	{ "proposal_name", col_treaty_name },
	{ "kind", col_kind },
	{ "label", col_label },
	{ "nominal_date", col_nominal_date },
	{ "basis", col_basis }
};

/* "agenda": the dates of the window. */
static const struct column agenda_columns[] = {
	{ "date", col_date },
	{ "days_left", col_days_left },
	{ "treaty", col_treaty },
	{ "party", col_party },
	{ "kind", col_kind },
	{ "label", col_label },
	{ "basis", col_basis }
};

#define NCOLUMNS(t) (sizeof (t) / sizeof (t)[0])

_Static_assert(NCOLUMNS(schedule_columns) <= COLUMNS_MAX &&
	       NCOLUMNS(timeline_columns) <= COLUMNS_MAX &&
	       NCOLUMNS(agenda_columns) <= COLUMNS_MAX,
	       "a CSV layout has more columns than COLUMNS_MAX");

/* The header row of the N columns COLS. */
static bool
names_record(FILE *fp, const struct column *cols, size_t n)
{
	const char *fields[COLUMNS_MAX];

	for (size_t i = 0; i < n; i++)
		fields[i] = cols[i].name;
	return record(fp, fields, n);
}

/* The record of R in the N columns COLS. */
static bool
row_record(FILE *fp, const struct column *cols, size_t n, struct row *r)
{
	const char *fields[COLUMNS_MAX];

	for (size_t i = 0; i < n; i++)
		fields[i] = cols[i].get(r);
	return record(fp, fields, n);
}

static void
row_init(struct row *r)
{
	memset(r, 0, sizeof *r);
	r->basis_fn = basis_text;
	text_init(&r->label);
	text_init(&r->basis);
}

static void
row_free(struct row *r)
{
	text_free(&r->label);
	text_free(&r->basis);
}

bool
csv_write_header(FILE *fp)
{
	return names_record(fp, schedule_columns,
			    NCOLUMNS(schedule_columns));
}

bool
csv_write_schedule(FILE *fp, const tt_schedule *s)
{
	return csv_write_schedule_filtered(fp, s, NULL);
}

bool
csv_write_schedule_filtered(FILE *fp, const tt_schedule *s,
			    const struct filter *f)
{
	struct row r;
	bool ok = true;

	row_init(&r);
	r.s = s;
	for (size_t i = 0; ok && i < tt_schedule_count(s); i++) {
		r.m = tt_schedule_at(s, i);
		if (!filter_keep(f, r.m))
			continue;
		r.basis_fn = r.m->kind == TT_KIND_ENTRY_INTO_FORCE &&
			     tt_schedule_hypothetical(s) ?
			     basis_hypothetical : basis_text;
		ok = row_record(fp, schedule_columns,
				NCOLUMNS(schedule_columns), &r);
	}
	r.pending = true;
	r.basis_fn = basis_pending;
	for (size_t i = 0; ok && i < tt_schedule_pending_count(s); i++) {
		r.m = tt_schedule_pending_at(s, i);
		if (filter_keep(f, r.m))
			ok = row_record(fp, schedule_columns,
					NCOLUMNS(schedule_columns), &r);
	}
	row_free(&r);
	return ok && !ferror(fp);
}

bool
csv_write_compare(FILE *fp, const struct compare *cmp)
{
	struct row r;
	bool ok;

	row_init(&r);
	ok = names_record(fp, timeline_columns, NCOLUMNS(timeline_columns));
	for (size_t i = 0; ok && i < cmp->ntimeline; i++) {
		r.s = cmp->p[cmp->timeline[i].proposal].s;
		r.m = cmp->timeline[i].m;
		ok = row_record(fp, timeline_columns,
				NCOLUMNS(timeline_columns), &r) && !ferror(fp);
	}
	row_free(&r);
	return ok;
}

bool
csv_write_agenda(FILE *fp, const struct agenda *ag)
{
	struct row r;
	bool ok;

	row_init(&r);
	r.today = ag->today;
	r.basis_fn = tt_milestone_basis;
	ok = names_record(fp, agenda_columns, NCOLUMNS(agenda_columns));
	for (size_t i = 0; ok && i < ag->n; i++) {
		r.treaty = ag->e[i].treaty;
		r.m = ag->e[i].m;
		ok = row_record(fp, agenda_columns, NCOLUMNS(agenda_columns),
				&r);
	}
	row_free(&r);
	return ok && !ferror(fp);
}

/* --- reading (batch input) ------------------------------------------- */

/*
 * Records are read a physical line at a time and handed to libcsv, so that
 * every record is known by the line it starts on; a quoted field may span
 * lines.  The field buffers are reused from record to record.
 *
 * A malformed record (a stray quote) must not take the rest of the file
 * with it: a quote that is never closed would otherwise swallow every
 * later row into one field.  So the lines of a record that spans lines are
 * kept, and when the record turns out bad (malformed quoting, end of input
 * inside quotes, or a quoted field running past CSV_RECORD_MAX bytes) it is
 * reported at its first line and its later lines are read again as new
 * records.  Records on one line, nearly all of them, are never copied.
 */

/* The longest record that may span lines before it is taken for a quote
 * that was never closed. */
#define CSV_RECORD_MAX (1024 * 1024)

struct csv_reader {
	FILE *fp;
	struct csv_parser parser;
	unsigned char delim;
	char *line;		/* the line being parsed */
	size_t line_cap;
	unsigned long lineno;	/* lines read so far */
	unsigned long start;	/* line the record being read started on */
	struct ttp_buf text;	/* the record's fields, each NUL-terminated */
	size_t *offs;		/* field I starts at text + offs[I] */
	char **fields;		/* FIELDS_ALLOC pointers into TEXT */
	size_t nfields, fields_cap;	/* FIELDS_CAP: of OFFS */
	size_t fields_alloc;
	struct ttp_buf raw;	/* the lines of a record spanning lines */
	char *replay;		/* lines to read again before the file */
	size_t replay_len, replay_pos, replay_cap;
	const char *rec;	/* the text of the record last returned, */
	size_t rec_len;		/* for csv_reader_where() */
	bool done;		/* a whole record is ready */
	bool failed;		/* out of memory in a callback */
};

/* Makes room for N more bytes after LEN in *P (capacity *CAP). */
static bool
grow(char **p, size_t *cap, size_t len, size_t n)
{
	char *q = n <= SIZE_MAX - len ? ttp_grow(*p, cap, len + n, 1) : NULL;

	if (q == NULL)
		return false;
	*p = q;
	return true;
}

static void
on_field(void *data, size_t len, void *user)
{
	struct csv_reader *r = user;

	if (r->failed)
		return;
	if (r->nfields == r->fields_cap) {
		size_t *p = ttp_grow(r->offs, &r->fields_cap, r->nfields + 1,
				     sizeof *p);

		if (p == NULL) {
			r->failed = true;
			return;
		}
		r->offs = p;
	}
	r->offs[r->nfields] = r->text.len;
	ttp_buf_addn(&r->text, data, len);
	ttp_buf_addch(&r->text, '\0');
	if (r->text.failed) {
		r->failed = true;
		return;
	}
	r->nfields++;
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

static bool
parser_init(struct csv_reader *r)
{
	if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return false;
	csv_set_term_func(&r->parser, is_record_end);
	csv_set_delim(&r->parser, r->delim);
	return true;
}

struct csv_reader *
csv_reader_new(FILE *fp, unsigned char delim)
{
	struct csv_reader *r = calloc(1, sizeof *r);

	if (r == NULL)
		return NULL;
	r->delim = delim;
	if (!parser_init(r)) {
		free(r);
		return NULL;
	}
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
	ttp_buf_release(&r->text);
	free(r->offs);
	free(r->fields);
	ttp_buf_release(&r->raw);
	free(r->replay);
	free(r);
}

/* Keeps where the record's text is, for csv_reader_where(): the line CUR
 * (CUR_LEN bytes, NULL at the end of input) after the lines kept in
 * r->raw, if any.  False when memory runs out. */
static bool
keep_text(struct csv_reader *r, const char *cur, size_t cur_len)
{
	if (r->raw.len == 0) {
		r->rec = cur;
		r->rec_len = cur_len;
		return true;
	}
	if (cur_len > 0) {
		ttp_buf_addn(&r->raw, cur, cur_len);
		if (r->raw.failed)
			return false;
	}
	r->rec = r->raw.p;
	r->rec_len = r->raw.len;
	return true;
}

/* Points r->fields at the fields of the record just read, the last of
 * whose lines is CUR (see keep_text()). */
static int
finish_record(struct csv_reader *r, const char *cur, size_t cur_len,
	      char ***fields, size_t *n, unsigned long *line)
{
	char **p = ttp_grow(r->fields, &r->fields_alloc, r->nfields + 1,
			    sizeof *p);

	if (p == NULL || !keep_text(r, cur, cur_len))
		return -1;
	r->fields = p;
	for (size_t i = 0; i < r->nfields; i++)
		r->fields[i] = r->text.p + r->offs[i];
	r->fields[r->nfields] = NULL;
	*fields = r->fields;
	*n = r->nfields;
	*line = r->start;
	/* r->raw stays as it is until the next record: r->rec may be in
	 * it. */
	return 1;
}

/* The next line into r->line, from the lines to read again or the file:
 * its length, or -1 at the end or on a read error. */
static ssize_t
next_line(struct csv_reader *r)
{
	if (r->replay_pos < r->replay_len) {
		const char *p = r->replay + r->replay_pos;
		size_t left = r->replay_len - r->replay_pos;
		const char *nl = memchr(p, '\n', left);
		size_t n = nl ? (size_t)(nl - p) + 1 : left;

		if (!grow(&r->line, &r->line_cap, 0, n + 1))
			return -1;	/* errno is ENOMEM */
		memcpy(r->line, p, n);
		r->line[n] = '\0';
		r->replay_pos += n;
		return (ssize_t)n;
	}
	r->replay_pos = r->replay_len = 0;
	return getline(&r->line, &r->line_cap, r->fp);
}

/*
 * Gives up the record that started on r->start: the lines after its first
 * (those kept in r->raw, then CUR of CUR_LEN bytes unless it is the first
 * line) are queued to be read again, and the parser starts afresh.
 * Returns -2 with the record's line, or -1 when memory runs out.
 */
static int
bad_record(struct csv_reader *r, const char *cur, size_t cur_len,
	   unsigned long *line, const char **error, const char *why)
{
	size_t first = 0, keep;
	char *q;

	*error = why;
	*line = r->start ? r->start : r->lineno;
	if (r->raw.len > 0) {
		const char *nl = memchr(r->raw.p, '\n', r->raw.len);

		first = nl ? (size_t)(nl - r->raw.p) + 1 : r->raw.len;
	} else {
		cur_len = 0;	/* the bad record is this one line */
	}
	keep = r->raw.len - first + cur_len;
	if (keep > 0) {
		size_t rest = r->replay_len - r->replay_pos;

		q = malloc(keep + rest + 1);
		if (q == NULL) {
			*error = "out of memory";
			return -1;
		}
		if (r->raw.len > first)
			memcpy(q, r->raw.p + first, r->raw.len - first);
		if (cur_len > 0)
			memcpy(q + r->raw.len - first, cur, cur_len);
		if (rest > 0)
			memcpy(q + keep, r->replay + r->replay_pos, rest);
		free(r->replay);
		r->replay = q;
		r->replay_len = keep + rest;
		r->replay_cap = keep + rest + 1;
		r->replay_pos = 0;
		r->lineno = *line;
	}
	ttp_buf_setlen(&r->raw, 0);
	r->nfields = 0;
	ttp_buf_setlen(&r->text, 0);
	r->done = false;
	r->start = 0;
	csv_free(&r->parser);
	if (!parser_init(r)) {
		*error = "out of memory";
		return -1;
	}
	return -2;
}

int
csv_reader_next(struct csv_reader *r, char ***fields, size_t *n,
		unsigned long *line, const char **error)
{
	ssize_t got;

	r->nfields = 0;
	ttp_buf_setlen(&r->text, 0);
	r->done = false;
	r->start = 0;
	ttp_buf_setlen(&r->raw, 0);
	r->rec = NULL;
	r->rec_len = 0;
	for (;;) {
		errno = 0;
		got = next_line(r);
		if (got < 0) {
			if (ferror(r->fp) || errno == ENOMEM) {
				*error = strerror(errno);
				*line = r->lineno;
				return -1;
			}
			/* The end: a last record without a newline. */
			if (csv_fini(&r->parser, on_field, on_record, r) != 0)
				return bad_record(r, NULL, 0, line, error,
						  "unterminated quoted field");
			if (r->failed) {
				*error = "out of memory";
				return -1;
			}
			if (r->done && r->nfields > 0)
				return finish_record(r, NULL, 0, fields, n,
						     line);
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
			if (csv_error(&r->parser) != CSV_EPARSE) {
				*error = csv_strerror(csv_error(&r->parser));
				*line = r->lineno;
				return -1;
			}
			return bad_record(r, r->line, (size_t)got, line, error,
					  "malformed quoting (a quote inside "
					  "an unquoted field, or text after a "
					  "closing quote)");
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
			return finish_record(r, r->line, (size_t)got, fields,
					     n, line);
		}
		/* The record goes on: keep its lines so far. */
		if (r->start != 0) {
			if (r->raw.len + (size_t)got > CSV_RECORD_MAX)
				return bad_record(r, r->line, (size_t)got,
						  line, error,
						  "a quoted field runs on for "
						  "more than 1 MiB (a quote "
						  "that is not closed?)");
			ttp_buf_addn(&r->raw, r->line, (size_t)got);
			if (r->raw.failed) {
				*error = "out of memory";
				return -1;
			}
		}
	}
}

/* Libcsv drops spaces and tabs around an unquoted field, and before a
 * quoted one. */
static bool
is_blank(const struct csv_reader *r, char c)
{
	return c == ' ' || (c == '\t' && r->delim != '\t');
}

/* Where field I of the record starts, past its opening quote if it has
 * one: the record's text is scanned again as libcsv read it (a strict
 * parse, so quotes are balanced), counting lines and bytes. */
bool
csv_reader_where(const struct csv_reader *r, size_t i, unsigned long *line,
		 unsigned *column)
{
	const char *p = r->rec, *end = r->rec + r->rec_len, *bol = p;
	unsigned long l = r->start;

	if (p == NULL || i >= r->nfields)
		return false;
	for (size_t k = 0;; k++) {
		bool quoted;

		while (p < end && is_blank(r, *p))
			p++;
		quoted = p < end && *p == '"';
		p += quoted;
		if (k == i) {
			*line = l;
			*column = (unsigned)(p - bol) + 1;
			return true;
		}
		for (; p < end; p++) {
			if (quoted && *p == '"' && p + 1 < end && p[1] == '"') {
				p++;
			} else if (quoted && *p == '"') {
				quoted = false;
			} else if (!quoted && (unsigned char)*p == r->delim) {
				break;
			} else if (*p == '\n') {
				if (!quoted)
					return false;
				l++;
				bol = p + 1;
			}
		}
		if (p >= end)
			return false;
		p++;	/* the delimiter */
	}
}

/* --- diff ------------------------------------------------------------- */

static const char *const diff_columns[] = {
	"treaty_id", "change", "kind", "label", "party", "old_date",
	"new_date", "days"
};

/* A milestone's date, or "" when it has none (pending, or absent). */
static const char *
diff_date(const tt_milestone *m, char *buf)
{
	return m == NULL || m->pending ? "" : tt_date_format(m->date, buf);
}

/* One row per milestone changed; LABEL holds the label's text. */
static bool
diff_milestone_row(FILE *fp, const char *id, struct text *label,
		   const tt_milestone_change *c)
{
	const tt_milestone *m = c->after ? c->after : c->before;
	char d1[TT_DATE_BUFSIZE], d2[TT_DATE_BUFSIZE], days[16] = "";
	const char *fields[8];

	if (c->has_days)
		snprintf(days, sizeof days, "%ld", (long)c->days);
	fields[0] = id;
	fields[1] = tt_change_name(c->change);
	fields[2] = tt_kind_name(m->kind);
	fields[3] = text_milestone(label, tt_milestone_label, m);
	fields[4] = m->party ? m->party : "";
	fields[5] = diff_date(c->before, d1);
	fields[6] = diff_date(c->after, d2);
	fields[7] = days;
	return record(fp, fields, 8);
}

/* A treaty that differs: a row for the treaty added or removed whole, a
 * row of kind "clause" per clause changed (its old and new values in the
 * date columns), then its milestones. */
static bool
diff_treaty_rows(FILE *fp, const struct diff_treaty *t, struct text *label)
{
	const char *fields[8];

	if (t->change != DIFF_TREATY_CHANGED) {
		const char *row[8] = {
			t->id, t->change == DIFF_TREATY_ADDED ? "added" :
			"removed", "treaty", "", "", "", "", ""
		};

		if (!record(fp, row, 8))
			return false;
	}
	for (size_t i = 0; i < tt_diff_clause_count(t->d); i++) {
		const tt_clause_change *c = tt_diff_clause_at(t->d, i);
		const char *whole = diff_party_change(c);
		char *name = NULL;
		bool ok;

		/* A party added or removed whole: a row like a treaty's. */
		if (whole == NULL && (name = diff_clause_name(c)) == NULL) {
			errno = ENOMEM;
			return false;
		}
		fields[0] = t->id;
		fields[1] = whole != NULL ? whole : "changed";
		fields[2] = whole != NULL ? "party" : "clause";
		fields[3] = whole != NULL ? "" : name;
		fields[4] = c->party ? c->party : "";
		fields[5] = whole == NULL && c->before ? c->before : "";
		fields[6] = whole == NULL && c->after ? c->after : "";
		fields[7] = "";
		ok = record(fp, fields, 8);
		free(name);
		if (!ok)
			return false;
	}
	for (size_t i = 0; i < tt_diff_milestone_count(t->d); i++)
		if (!diff_milestone_row(fp, t->id, label,
					tt_diff_milestone_at(t->d, i)))
			return false;
	return true;
}

bool
csv_write_diff(FILE *fp, const struct diff_report *r)
{
	struct text label;
	bool ok;

	text_init(&label);
	ok = record(fp, diff_columns, 8);
	for (size_t i = 0; ok && i < r->n; i++)
		if (diff_treaty_differs(&r->t[i]))
			ok = diff_treaty_rows(fp, &r->t[i], &label);
	text_free(&label);
	return ok && !ferror(fp);
}
