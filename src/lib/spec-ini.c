/*
 * spec-ini.c -- spec files, read with inih.
 *
 * inih parses each "key = value" line and strips comments; this file feeds
 * it one line at a time from memory through its reader callback, so that
 * it always knows which line inih is looking at and where in that line the
 * value starts.  That is how every message gets a line and a column.  The
 * reader also handles what inih leaves to its caller here: a UTF-8 byte
 * order mark, CRLF line ends, NUL bytes, over-long lines, indented lines
 * (which inih would take as continuations) and section headers, which
 * start a new [conference] or [milestone] each time they appear.
 *
 * This is the only file that includes inih's header.
 */
#include <config.h>

#include <ini.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "spec-impl.h"

#define MAX_KEYS 16		/* more than any section has */

struct reader {
	const char *text;
	size_t len, pos;
	unsigned line;		/* the line inih is parsing, from 1 */
	const char *buf;	/* inih's copy of that line */
	size_t lead;		/* white space removed from its start */
	tt_spec *spec;
	tt_error *err;
	tt_status status;	/* the first error, or TT_OK */
	/* The section being read and the keys it has had so far. */
	char section[32];
	bool in_section;
	unsigned sections_seen;	/* bit i: sections[i] was seen */
	char keys[MAX_KEYS][32];
	size_t nkeys;
};

static const char *const section_names[] = {
	"treaty", "consultation", "review", "conference", "withdrawal",
	"renewal", "milestone"
};

static void TTP_PRINTF(4, 5)
fail(struct reader *r, tt_status code, unsigned column, const char *fmt,
     ...)
{
	va_list ap;

	if (r->status != TT_OK)
		return;		/* keep the first error */
	r->status = code;
	if (r->err == NULL)
		return;
	ttp_error_set(r->err, code, r->line, column, "%s", "");
	va_start(ap, fmt);
	vsnprintf(r->err->message, sizeof r->err->message, fmt, ap);
	va_end(ap);
}

/* A section header LINE ("[name]", already left-trimmed): checks the name
 * and starts the section.  inih parses the same line again and tells us
 * nothing, since it calls the handler only for keys. */
static void
begin_section(struct reader *r, const char *line, size_t n)
{
	const char *end = memchr(line, ']', n);
	size_t len, i;
	tt_error e;

	if (end == NULL) {
		fail(r, TT_ESYNTAX, (unsigned)r->lead + 1,
		     "section header without ']'");
		return;
	}
	line++;
	len = (size_t)(end - line);
	while (len > 0 && (*line == ' ' || *line == '\t')) {
		line++;
		len--;
	}
	while (len > 0 && (line[len - 1] == ' ' || line[len - 1] == '\t'))
		len--;
	for (i = 0; i < TTP_ARRAY_SIZE(section_names); i++)
		if (strlen(section_names[i]) == len &&
		    memcmp(section_names[i], line, len) == 0)
			break;
	if (i == TTP_ARRAY_SIZE(section_names)) {
		fail(r, TT_EINVAL, (unsigned)r->lead + 2,
		     "unknown section [%.*s]", (int)(len > 40 ? 40 : len),
		     line);
		return;
	}
	if ((r->sections_seen & (1u << i)) &&
	    !tt_spec_section_repeats(section_names[i])) {
		fail(r, TT_EINVAL, (unsigned)r->lead + 1,
		     "section [%s] appears twice (only [conference] and "
		     "[milestone] may repeat)", section_names[i]);
		return;
	}
	r->sections_seen |= 1u << i;
	snprintf(r->section, sizeof r->section, "%s", section_names[i]);
	r->in_section = true;
	r->nkeys = 0;
	if (tt_spec_begin_section(r->spec, section_names[i], r->line,
				  (unsigned)r->lead + 1, &e) != TT_OK)
		fail(r, e.code, e.column, "%s", e.message);
}

/* inih's reader: copies the next line of the text into STR. */
static char *
read_line(char *str, int num, void *stream)
{
	struct reader *r = stream;
	const char *p, *nl;
	size_t n, lead = 0;

	if (r->status != TT_OK || r->pos >= r->len)
		return NULL;
	p = r->text + r->pos;
	nl = memchr(p, '\n', r->len - r->pos);
	n = nl ? (size_t)(nl - p) : r->len - r->pos;
	r->pos += n + (nl != NULL);
	r->line++;
	if (r->line == 1 && n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;		/* a byte order mark */
		n -= 3;
		lead = 3;
	}
	if (n > 0 && p[n - 1] == '\r')
		n--;
	if (memchr(p, '\0', n) != NULL) {
		fail(r, TT_ESYNTAX,
		     (unsigned)((const char *)memchr(p, '\0', n) - p + lead) +
		     1, "NUL byte in a spec file (is it a text file?)");
		return NULL;
	}
	while (n > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
		lead++;
	}
	if (n + 1 > (size_t)num) {
		fail(r, TT_ELIMIT, (unsigned)(lead + (size_t)num),
		     "line longer than %d bytes", num - 1);
		return NULL;
	}
	memcpy(str, p, n);
	str[n] = '\0';
	r->buf = str;
	r->lead = lead;
	if (n > 0 && *p == '[')
		begin_section(r, p, n);
	return str;
}

static unsigned
column_of(const struct reader *r, const char *p)
{
	return (unsigned)(p - r->buf + (ptrdiff_t)r->lead) + 1;
}

/* inih's handler: one "key = value" line of SECTION. */
static int
handle(void *user, const char *section, const char *key, const char *value)
{
	struct reader *r = user;
	tt_error e;

	(void)section;		/* begin_section() has checked it */
	if (r->status != TT_OK)
		return 0;
	if (!r->in_section) {
		fail(r, TT_ESYNTAX, column_of(r, key),
		     "'%s' is outside any section (start with [treaty])",
		     key);
		return 0;
	}
	if (!tt_spec_key_is_known(r->section, key)) {
		fail(r, TT_EINVAL, column_of(r, key),
		     "unknown key '%s' in section [%s]", key, r->section);
		return 0;
	}
	for (size_t i = 0; i < r->nkeys; i++)
		if (strcmp(r->keys[i], key) == 0) {
			fail(r, TT_EINVAL, column_of(r, key),
			     "duplicate key '%s' in section [%s]", key,
			     r->section);
			return 0;
		}
	if (r->nkeys < MAX_KEYS)
		snprintf(r->keys[r->nkeys++], sizeof r->keys[0], "%s", key);
	if (tt_spec_set(r->spec, r->section, key, value, r->line,
			column_of(r, value), &e) != TT_OK) {
		fail(r, e.code, e.column, "%s", e.message);
		if (r->err != NULL) {
			r->err->section = e.section;
			r->err->key = e.key;
		}
		return 0;
	}
	return 1;
}

/* Describes the line LINE that inih could not parse. */
static tt_status
syntax_error(const char *text, size_t len, unsigned line, tt_error *err)
{
	const char *p = text, *end = text + len;
	unsigned col = 1;

	for (unsigned i = 1; i < line && p < end; i++) {
		p = memchr(p, '\n', (size_t)(end - p));
		p = p ? p + 1 : end;
	}
	if (line == 1 && end - p >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		col += 3;
	}
	while (p < end && (*p == ' ' || *p == '\t')) {
		p++;
		col++;
	}
	if (p < end && *p == '[')
		return ttp_error_set(err, TT_ESYNTAX, line, col,
				     "section header without ']'");
	return ttp_error_set(err, TT_ESYNTAX, line, col,
			     "expected '[section]' or 'key = value'");
}

tt_status
tt_spec_parse(tt_spec *spec, const char *text, size_t len, tt_error *err)
{
	struct reader r;
	int bad;

	memset(&r, 0, sizeof r);
	r.text = text;
	r.len = len;
	r.spec = spec;
	r.err = err;
	bad = ini_parse_stream(read_line, &r, handle, &r);
	if (r.status != TT_OK)
		return r.status;
	if (bad > 0)
		return syntax_error(text, len, (unsigned)bad, err);
	if (bad < 0)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	return TT_OK;
}
