/*
 * parties-csv.c -- [party] sections from a CSV file (see parties-csv.h).
 *
 * The rows are kept as text, each cell with the line and column it was
 * read from, and set into a spec only when a treaty asks for them, as
 * values of input PARTIES_INPUT: the library then reports a party's later
 * errors (a notice before its deposit) at the cell in this file, and says
 * that it is this file's, not the spec file's with the same line.  Rows
 * are found by treaty through an index sorted by id, made once the file is
 * read, so that batch's thousands of treaties each find theirs at once.
 */
#include <config.h>

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "lib/strbuf.h"
#include "out/format.h"
#include "batch/parties-csv.h"

#define BOM "\xef\xbb\xbf"
#define NO_TREATY SIZE_MAX	/* a row without a treaty cell */

/* A cell that is set: its key, its text (an offset into p->text) and where
 * it starts in the file. */
struct cell {
	const tt_spec_key *key;
	size_t value;
	unsigned long line;
	unsigned column;
};

/* A party: its cells p->cells[cell] to [cell + ncells - 1]. */
struct row {
	unsigned long line;
	size_t treaty;		/* offset into p->text */
	size_t cell, ncells;
	bool used;		/* added to a spec */
};

/* The index: rows by treaty id, then in the order of the file. */
struct entry {
	const char *treaty;
	size_t row;
};

struct parties {
	struct row *rows;
	size_t nrows, rows_cap;
	struct cell *cells;
	size_t ncells, cells_cap;
	char *text;
	size_t len, cap;
	struct entry *index;	/* nrows of them, once the file is read */
};

/* The header: column I sets keys[I], or is the treaty column (NULL). */
struct header {
	const tt_spec_key **keys;
	size_t n;
	size_t treaty;		/* its column, or NO_TREATY */
};

static tt_status fail(tt_error *e, tt_status code, unsigned long line,
		      unsigned column, const char *fmt, ...)
	TTP_BUF_PRINTF(5, 6);

static tt_status
fail(tt_error *e, tt_status code, unsigned long line, unsigned column,
     const char *fmt, ...)
{
	va_list ap;

	memset(e, 0, sizeof *e);
	e->code = code;
	e->line = (unsigned)line;
	e->column = column;
	e->input = PARTIES_INPUT;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof e->message, fmt, ap);
	va_end(ap);
	return code;
}

/* Where field I of the record just read starts; the record's LINE and
 * column 0 if the reader cannot tell. */
static void
where(const struct csv_reader *rd, size_t i, unsigned long line,
      unsigned long *l, unsigned *c)
{
	if (!csv_reader_where(rd, i, l, c)) {
		*l = line;
		*c = 0;
	}
}

/* "unknown column 'NAME' (the columns are treaty and the [party] keys:
 * ...)", from the schema. */
static tt_status
unknown_column(tt_error *e, unsigned long line, unsigned column,
	       const char *name)
{
	char keys[160];
	size_t len = 0;

	keys[0] = '\0';
	for (size_t i = 0; i < tt_spec_key_count(); i++) {
		const tt_spec_key *k = tt_spec_key_at(i);

		if (strcmp(k->section, "party") == 0 && len < sizeof keys)
			len += (size_t)snprintf(keys + len, sizeof keys - len,
						"%s%s", len ? ", " : "",
						k->key);
	}
	return fail(e, TT_EINVAL, line, column, "unknown column '%.40s' (the "
		    "columns are treaty and the [party] keys: %s)", name,
		    keys);
}

/* Maps the header's N cells NAMES to keys. */
static tt_status
map_header(struct header *h, const struct csv_reader *rd, char **names,
	   size_t n, unsigned long line, tt_error *e)
{
	h->n = 0;
	h->treaty = NO_TREATY;
	if ((h->keys = calloc(n, sizeof *h->keys)) == NULL)
		return fail(e, TT_ENOMEM, line, 0, "out of memory");
	for (size_t i = 0; i < n; i++) {
		const char *name = names[i];
		unsigned long l;
		unsigned c;

		where(rd, i, line, &l, &c);
		if (i == 0 && strncmp(name, BOM, 3) == 0) {
			name += 3;
			c += c ? 3 : 0;
		}
		if (strcmp(name, "treaty") == 0) {
			if (h->treaty != NO_TREATY)
				return fail(e, TT_EINVAL, l, c, "column "
					    "'treaty' appears twice");
			h->treaty = i;
			continue;
		}
		if ((h->keys[i] = tt_spec_key_find("party", name)) == NULL)
			return unknown_column(e, l, c, name);
		for (size_t j = 0; j < i; j++)
			if (h->keys[j] == h->keys[i])
				return fail(e, TT_EINVAL, l, c, "column "
					    "'%.40s' appears twice", name);
	}
	h->n = n;
	return TT_OK;
}

/* Appends the NUL-terminated S to p->text; its offset in *OFF. */
static bool
keep(struct parties *p, const char *s, size_t *off)
{
	size_t n = strlen(s) + 1;
	char *q = n <= SIZE_MAX - p->len ?
		  ttp_grow(p->text, &p->cap, p->len + n, 1) : NULL;

	if (q == NULL)
		return false;
	p->text = q;
	memcpy(p->text + p->len, s, n);
	*off = p->len;
	p->len += n;
	return true;
}

/* ST, from the library about the file's row: E says it is the file's. */
static tt_status
ours(tt_error *e, tt_status st)
{
	if (st != TT_OK)
		e->input = PARTIES_INPUT;
	return st;
}

/* Checks the cells of the row in FIELDS, from LINE, by setting them into
 * SCRATCH; keeps them as a new row, or (on error) none of them. */
static tt_status
take_cells(struct parties *p, const struct header *h, tt_spec *scratch,
	   const struct csv_reader *rd, char **fields, unsigned long line,
	   tt_error *e)
{
	tt_status st;

	tt_spec_reset(scratch);
	tt_spec_set_input(scratch, PARTIES_INPUT);
	if ((st = tt_spec_begin_section(scratch, "party", (unsigned)line, 1,
					e)) != TT_OK)
		return ours(e, st);
	for (size_t i = 0; i < h->n; i++) {
		struct cell *c;

		if (h->keys[i] == NULL || fields[i][0] == '\0')
			continue;
		if ((c = ttp_grow(p->cells, &p->cells_cap, p->ncells + 1,
				  sizeof *c)) == NULL)
			return fail(e, TT_ENOMEM, line, 0, "out of memory");
		p->cells = c;
		c += p->ncells;
		c->key = h->keys[i];
		where(rd, i, line, &c->line, &c->column);
		st = tt_spec_set(scratch, "party", c->key->key, fields[i],
				 (unsigned)c->line, c->column, e);
		if (st != TT_OK)
			return ours(e, st);
		if (!keep(p, fields[i], &c->value))
			return fail(e, TT_ENOMEM, line, 0, "out of memory");
		p->ncells++;
	}
	return TT_OK;
}

/* Checks the cells of the row in FIELDS, from LINE, and keeps them as a
 * new row; a bad row leaves nothing behind, so that the next can be
 * read. */
static tt_status
take_row(struct parties *p, const struct header *h, tt_spec *scratch,
	 const struct csv_reader *rd, char **fields, unsigned long line,
	 tt_error *e)
{
	struct row *r;
	size_t first = p->ncells, len = p->len;
	tt_status st;

	if ((st = take_cells(p, h, scratch, rd, fields, line, e)) != TT_OK) {
		p->ncells = first;
		p->len = len;
		return st;
	}
	if (p->ncells == first)
		return TT_OK;	/* no party: only empty cells */
	if ((r = ttp_grow(p->rows, &p->rows_cap, p->nrows + 1,
			  sizeof *r)) == NULL)
		return fail(e, TT_ENOMEM, line, 0, "out of memory");
	p->rows = r;
	r += p->nrows;
	r->line = line;
	r->cell = first;
	r->ncells = p->ncells - first;
	r->used = false;
	if (!keep(p, h->treaty == NO_TREATY ? "" : fields[h->treaty],
		  &r->treaty))
		return fail(e, TT_ENOMEM, line, 0, "out of memory");
	p->nrows++;
	return TT_OK;
}

/* Checks the treaty cell of the row in FIELDS: an id, or empty unless
 * NEED_TREATY. */
static tt_status
check_treaty(const struct header *h, const struct csv_reader *rd,
	     char **fields, unsigned long line, bool need_treaty,
	     tt_error *e)
{
	const char *id;
	unsigned long l;
	unsigned c;

	if (h->treaty == NO_TREATY)
		return TT_OK;
	id = fields[h->treaty];
	where(rd, h->treaty, line, &l, &c);
	if (*id == '\0' && need_treaty)
		return fail(e, TT_EINVAL, l, c, "no treaty: each row needs "
			    "the id of the treaty it is a party to");
	if (*id != '\0' && !tt_id_is_valid(id))
		return fail(e, TT_ESYNTAX, l, c, "'%.40s' is not a treaty id "
			    "(letters, digits, '.', '_' and '-')", id);
	return TT_OK;
}

static int
by_treaty(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c = strcmp(x->treaty, y->treaty);

	if (c != 0)
		return c;
	return x->row < y->row ? -1 : x->row > y->row;
}

/* Makes the index, once the text no longer moves. */
static bool
make_index(struct parties *p)
{
	p->index = calloc(p->nrows ? p->nrows : 1, sizeof *p->index);
	if (p->index == NULL)
		return false;
	for (size_t i = 0; i < p->nrows; i++) {
		p->index[i].treaty = p->text + p->rows[i].treaty;
		p->index[i].row = i;
	}
	qsort(p->index, p->nrows, sizeof *p->index, by_treaty);
	return true;
}

/* Reads the row RD has just read (R from csv_reader_next(), FIELDS, N
 * and LINE as it gave them). */
static tt_status
read_row(struct parties *p, struct csv_reader *rd, const struct header *h,
	 bool need_treaty, tt_spec *scratch, int r, char **fields, size_t n,
	 unsigned long line, const char *error, tt_error *e)
{
	tt_status st;

	if (r < 0)
		return fail(e, r == -2 ? TT_ESYNTAX : TT_EIO, line, 0, "%s",
			    error);
	if (n != h->n)
		return fail(e, TT_EINVAL, line, 0, "the row has %zu field%s, "
			    "the header %zu", n, n == 1 ? "" : "s", h->n);
	if ((st = check_treaty(h, rd, fields, line, need_treaty, e)) !=
	    TT_OK)
		return st;
	return take_row(p, h, scratch, rd, fields, line, e);
}

/* Reads the rows after the header.  A bad row is passed to BAD, if there
 * is one, and skipped; memory running out, or a read that cannot go on,
 * fails the read still. */
static tt_status
read_rows(struct parties *p, struct csv_reader *rd, const struct header *h,
	  bool need_treaty, tt_spec *scratch, parties_bad_fn *bad,
	  void *arg, tt_error *e)
{
	const char *error;
	unsigned long line;
	char **fields;
	tt_status st;
	size_t n;
	int r;

	while ((r = csv_reader_next(rd, &fields, &n, &line, &error)) != 0) {
		st = read_row(p, rd, h, need_treaty, scratch, r, fields, n,
			      line, error, e);
		if (st == TT_OK)
			continue;
		if (bad == NULL || st == TT_ENOMEM || st == TT_EIO)
			return st;
		bad(arg, e);
	}
	return TT_OK;
}

/* Reads the header and the rows from RD. */
static tt_status
read_all(struct parties *p, struct csv_reader *rd, bool need_treaty,
	 tt_spec *scratch, parties_bad_fn *bad, void *arg, tt_error *e)
{
	struct header h = { NULL, 0, NO_TREATY };
	const char *error;
	unsigned long line;
	char **fields;
	tt_status st;
	size_t n;
	int r;

	r = csv_reader_next(rd, &fields, &n, &line, &error);
	if (r == 0)
		return fail(e, TT_EINVAL, 1, 0, "no header row");
	if (r < 0)
		return fail(e, r == -2 ? TT_ESYNTAX : TT_EIO, line, 0, "%s",
			    error);
	st = map_header(&h, rd, fields, n, line, e);
	if (st == TT_OK && need_treaty && h.treaty == NO_TREATY)
		st = fail(e, TT_EINVAL, line, 0, "no 'treaty' column: with "
			  "several treaties, each row needs the id of the "
			  "treaty it belongs to");
	if (st == TT_OK)
		st = read_rows(p, rd, &h, need_treaty, scratch, bad, arg, e);
	free(h.keys);
	return st;
}

tt_status
parties_read(FILE *fp, bool need_treaty, const tt_spec *like,
	     parties_bad_fn *bad, void *arg, struct parties **out,
	     tt_error *e)
{
	struct parties *p = calloc(1, sizeof *p);
	struct csv_reader *rd = csv_reader_new(fp, ',');
	tt_spec *scratch = like ? tt_spec_clone(like) : tt_spec_new();
	tt_status st;

	*out = NULL;
	if (p == NULL || rd == NULL || scratch == NULL)
		st = fail(e, TT_ENOMEM, 0, 0, "out of memory");
	else
		st = read_all(p, rd, need_treaty, scratch, bad, arg, e);
	if (st == TT_OK && !make_index(p))
		st = fail(e, TT_ENOMEM, 0, 0, "out of memory");
	csv_reader_free(rd);
	tt_spec_free(scratch);
	if (st != TT_OK) {
		parties_free(p);
		return st;
	}
	*out = p;
	return TT_OK;
}

void
parties_free(struct parties *p)
{
	if (p == NULL)
		return;
	free(p->rows);
	free(p->cells);
	free(p->text);
	free(p->index);
	free(p);
}

size_t
parties_count(const struct parties *p)
{
	return p->nrows;
}

/* The first entry of the index for the treaty ID. */
static size_t
lower_bound(const struct parties *p, const char *id)
{
	size_t lo = 0, hi = p->nrows;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(p->index[mid].treaty, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Appends row R to SPEC as a new [party], whose input is the file's. */
static tt_status
add_row(struct parties *p, struct row *r, tt_spec *spec, tt_error *e)
{
	tt_status st;

	st = tt_spec_begin_section(spec, "party", (unsigned)r->line, 1, e);
	for (size_t i = 0; st == TT_OK && i < r->ncells; i++) {
		const struct cell *c = &p->cells[r->cell + i];

		st = tt_spec_set(spec, "party", c->key->key,
				 p->text + c->value, (unsigned)c->line,
				 c->column, e);
	}
	r->used = true;
	return ours(e, st);
}

/* The end of the run of entries from AT that have AT's treaty. */
static size_t
run_end(const struct parties *p, size_t at)
{
	size_t end = at;

	while (end < p->nrows &&
	       strcmp(p->index[end].treaty, p->index[at].treaty) == 0)
		end++;
	return end;
}

tt_status
parties_add(struct parties *p, tt_spec *spec, const char *id,
	    size_t *added, tt_error *e)
{
	/* The rows without a treaty and those of ID, each run in the order
	 * of the file: merged, they keep it.  Both runs are found before
	 * SPEC changes, since ID may be SPEC's own string. */
	size_t a = lower_bound(p, ""), b = *id ? lower_bound(p, id) : p->nrows;
	size_t a_end = a < p->nrows && *p->index[a].treaty == '\0' ?
		       run_end(p, a) : a;
	size_t b_end = b < p->nrows && strcmp(p->index[b].treaty, id) == 0 ?
		       run_end(p, b) : b;
	unsigned input = tt_spec_input(spec);
	size_t n = 0;
	tt_status st = TT_OK;

	tt_spec_set_input(spec, PARTIES_INPUT);
	while (st == TT_OK && (a < a_end || b < b_end)) {
		size_t i;

		if (a < a_end &&
		    (b == b_end || p->index[a].row < p->index[b].row))
			i = p->index[a++].row;
		else
			i = p->index[b++].row;
		if ((st = add_row(p, &p->rows[i], spec, e)) == TT_OK)
			n++;
	}
	tt_spec_set_input(spec, input);
	if (st == TT_OK && added != NULL)
		*added = n;
	return st;
}

bool
parties_next_unused(const struct parties *p, size_t *at,
		    const char **treaty, unsigned long *line, size_t *nrows)
{
	while (*at < p->nrows) {
		size_t i = *at, j = run_end(p, i);
		bool used = false;

		for (size_t k = i; k < j; k++)
			used |= p->rows[p->index[k].row].used;
		*at = j;
		if (used || *p->index[i].treaty == '\0')
			continue;
		*treaty = p->index[i].treaty;
		*line = p->rows[p->index[i].row].line;
		*nrows = j - i;
		return true;
	}
	return false;
}
