/*
 * spec-file.c -- reading spec files.
 *
 * The grammar, documented in treatyterm-spec(5), is small and line based:
 *
 *   file     = [byte order mark] *line
 *   line     = *blank [comment / header / setting] [CR] LF
 *   comment  = ("#" / ";") *any-byte          whole lines only
 *   header   = "[" *blank name *blank "]" *blank
 *   setting  = key *blank "=" *blank value    value: to the end of the
 *                                             line, less trailing blanks
 *
 * The last line needs no LF.  A value keeps every byte between its first
 * and last non-blank byte, "#" and ";" included, so that a name in a file
 * reads as it does on the command line or in a CSV cell.  Lines may be of
 * any length; a NUL byte anywhere makes the file binary.  The section
 * and key names are those of the schema in spec-schema.c, and values go through
 * tt_spec_set() with the line and column where they start, so that every
 * message from here or from the value's checks carries both.
 */
#include <config.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define BOM "\xef\xbb\xbf"

/* What has been seen of each key of the schema, by its index. */
struct mark {
	unsigned key_in;	/* the section instance that set it, or 0 */
	bool section_seen;	/* on a section's first key: it has been seen */
};

struct reader {
	tt_spec *spec;
	tt_error *err;
	unsigned line;		/* the line being read, from 1 */
	size_t section;		/* the current section's first key */
	unsigned instance;	/* section headers read, counted from 1 */
	struct mark *marks;	/* one per key of the schema */
	char *buf;		/* the key and the value, NUL-terminated */
	size_t cap;
};

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The index of the first key of the section named by the LEN bytes at
 * NAME, or SIZE_MAX if the schema has no such section. */
static size_t
find_section(const char *name, size_t len)
{
	const tt_spec_key *k;

	for (size_t i = 0; (k = tt_spec_key_at(i)) != NULL; i++)
		if (strlen(k->section) == len &&
		    memcmp(k->section, name, len) == 0)
			return i;
	return SIZE_MAX;
}

/* The index of KEY in the section whose first key is SECTION, or
 * SIZE_MAX. */
static size_t
find_key(size_t section, const char *key)
{
	const char *name = tt_spec_key_at(section)->section;
	const tt_spec_key *k;

	for (size_t i = section; (k = tt_spec_key_at(i)) != NULL; i++)
		if (strcmp(k->section, name) == 0 && strcmp(k->key, key) == 0)
			return i;
	return SIZE_MAX;
}

/* Writes "[a], [b] and [c]", the sections that may repeat, into BUF. */
static void
repeatable_sections(char *buf, size_t size)
{
	const tt_spec_key *k;
	size_t n = 0, count = 0, len = 0;

	for (size_t i = 0; (k = tt_spec_key_at(i)) != NULL; i++)
		count += k->repeatable &&
			 find_section(k->section, strlen(k->section)) == i;
	buf[0] = '\0';
	for (size_t i = 0; (k = tt_spec_key_at(i)) != NULL; i++) {
		const char *sep;

		if (!k->repeatable ||
		    find_section(k->section, strlen(k->section)) != i)
			continue;
		sep = n == 0 ? "" : n + 1 == count ? " and " : ", ";
		n++;
		if (len < size)
			len += (size_t)snprintf(buf + len, size - len,
						"%s[%s]", sep, k->section);
	}
}

/* A section header: the LEN bytes at P, which start with "[", LEAD bytes
 * into the line. */
static tt_status
read_header(struct reader *r, const char *p, size_t len, size_t lead)
{
	const char *end = memchr(p, ']', len), *name = p + 1, *rest;
	size_t n, i, column = lead + 1;
	const tt_spec_key *k;
	char list[128];

	if (end == NULL)
		return ttp_error_set(r->err, TT_ESYNTAX, r->line,
				     (unsigned)column,
				     "section header without ']'");
	for (rest = end + 1; rest < p + len && is_blank(*rest); rest++)
		;
	if (rest < p + len)
		return ttp_error_set(r->err, TT_ESYNTAX, r->line,
				     (unsigned)(lead + (size_t)(rest - p)) + 1,
				     "unexpected text after ']' (a comment "
				     "takes a line of its own)");
	while (name < end && is_blank(*name))
		name++;
	n = (size_t)(end - name);
	while (n > 0 && is_blank(name[n - 1]))
		n--;
	i = find_section(name, n);
	if (i == SIZE_MAX) {
		/* The name quoted up to 40 bytes, cut between characters. */
		size_t q = ttp_utf8_prefix(name, n, 40);

		return ttp_error_set(r->err, TT_EINVAL, r->line,
				     (unsigned)(lead + (size_t)(name - p)) + 1,
				     "unknown section [%.*s%s]", (int)q, name,
				     q < n ? "\xe2\x80\xa6" : "");
	}
	k = tt_spec_key_at(i);
	if (r->marks[i].section_seen && !k->repeatable) {
		repeatable_sections(list, sizeof list);
		return ttp_error_set(r->err, TT_EINVAL, r->line,
				     (unsigned)column,
				     "section [%s] appears twice (only %s "
				     "may repeat)", k->section, list);
	}
	r->marks[i].section_seen = true;
	r->section = i;
	r->instance++;
	return tt_spec_begin_section(r->spec, k->section, r->line,
				     (unsigned)column, r->err);
}

/* A "key = value" line: the LEN bytes at P, LEAD bytes into the line. */
static tt_status
read_setting(struct reader *r, const char *p, size_t len, size_t lead)
{
	const char *eq = memchr(p, '=', len), *value, *end = p + len;
	size_t klen, vlen, i;
	unsigned column = (unsigned)lead + 1;
	const char *section;
	char *key, *buf;

	if (eq == NULL || eq == p)
		return ttp_error_set(r->err, TT_ESYNTAX, r->line, column,
				     "expected '[section]' or 'key = value'");
	for (klen = (size_t)(eq - p); is_blank(p[klen - 1]); klen--)
		;
	for (value = eq + 1; value < end && is_blank(*value); value++)
		;
	for (vlen = (size_t)(end - value); vlen > 0 &&
	     is_blank(value[vlen - 1]); vlen--)
		;
	/* The key and the value, each NUL-terminated, for tt_spec_set(). */
	buf = ttp_grow(r->buf, &r->cap, klen + vlen + 2, 1);
	if (buf == NULL)
		return ttp_error_set(r->err, TT_ENOMEM, r->line, column,
				     "out of memory");
	r->buf = key = buf;
	memcpy(key, p, klen);
	key[klen] = '\0';
	memcpy(key + klen + 1, value, vlen);
	key[klen + 1 + vlen] = '\0';
	if (r->section == SIZE_MAX)
		return ttp_error_set(r->err, TT_ESYNTAX, r->line, column,
				     "'%s' is outside any section (start "
				     "with [treaty])", key);
	section = tt_spec_key_at(r->section)->section;
	i = find_key(r->section, key);
	if (i == SIZE_MAX)
		return ttp_error_set(r->err, TT_EINVAL, r->line, column,
				     "unknown key '%s' in section [%s]", key,
				     section);
	if (r->marks[i].key_in == r->instance)
		return ttp_error_set(r->err, TT_EINVAL, r->line, column,
				     "duplicate key '%s' in section [%s]",
				     key, section);
	r->marks[i].key_in = r->instance;
	return tt_spec_set(r->spec, section, key, key + klen + 1, r->line,
			   (unsigned)(lead + (size_t)(value - p)) + 1,
			   r->err);
}

/* One line: the LEN bytes at P, without its line feed. */
static tt_status
read_line(struct reader *r, const char *p, size_t len)
{
	size_t lead = 0;

	if (r->line == 1 && len >= 3 && memcmp(p, BOM, 3) == 0) {
		p += 3;
		len -= 3;
		lead = 3;
	}
	if (len > 0 && p[len - 1] == '\r')
		len--;
	while (len > 0 && is_blank(*p)) {
		p++;
		len--;
		lead++;
	}
	if (len == 0 || *p == '#' || *p == ';')
		return TT_OK;
	if (*p == '[')
		return read_header(r, p, len, lead);
	return read_setting(r, p, len, lead);
}

tt_status
tt_spec_parse(tt_spec *spec, const char *text, size_t len, tt_error *err)
{
	struct reader r;
	const char *nul;
	size_t pos = 0;
	tt_status st = TT_OK;

	/* A NUL byte means a file that is not text at all: say so rather
	 * than report whatever its first line looks like. */
	if ((nul = memchr(text, '\0', len)) != NULL) {
		const char *start = text;
		unsigned line = 1;

		for (const char *p = text; p < nul; p++)
			if (*p == '\n') {
				line++;
				start = p + 1;
			}
		ttp_error_set(err, TT_ESYNTAX, line,
			      (unsigned)(nul - start) + 1, "NUL byte in a "
			      "spec file (is it a text file?)");
		if (err != NULL)
			err->input = tt_spec_input(spec);
		return TT_ESYNTAX;
	}
	memset(&r, 0, sizeof r);
	r.spec = spec;
	r.err = err;
	r.section = SIZE_MAX;
	r.marks = calloc(tt_spec_key_count(), sizeof *r.marks);
	if (r.marks == NULL)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	while (pos < len && st == TT_OK) {
		const char *p = text + pos;
		const char *nl = memchr(p, '\n', len - pos);
		size_t n = nl != NULL ? (size_t)(nl - p) : len - pos;

		pos += n + (nl != NULL);
		if (r.line == UINT_MAX) {
			st = ttp_error_set(err, TT_ELIMIT, 0, 0,
					   "more than %u lines", UINT_MAX);
			break;
		}
		r.line++;
		st = read_line(&r, p, n);
	}
	free(r.marks);
	free(r.buf);
	/* Every error here is about the text: the input it comes from. */
	if (st != TT_OK && err != NULL)
		err->input = tt_spec_input(spec);
	return st;
}
