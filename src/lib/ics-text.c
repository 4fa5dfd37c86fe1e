/*
 * ics-text.c -- escaping RFC 5545 TEXT values and folding content lines.
 *
 * The iCalendar writer (ics.c) builds each content line whole and hands
 * it to ttp_ics_fold(); every byte it writes inside a value comes from
 * ttp_ics_escape() or is ASCII it chose itself.  These are the rules that
 * libical 3.0.16's own serialiser breaks (it folds inside a line's CRLF
 * and between a backslash and what it escapes), so they are ours and
 * tested byte for byte.  Self-contained on purpose: the unit tests link
 * this file directly, since internal symbols are not exported.
 */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ics-text.h"
#include "internal.h"

static size_t char_length(const char *s, size_t n);
static size_t unit_length(const char *s, size_t n);

/* --- buffers -------------------------------------------------------- */

void
ttp_buf_reset(struct ttp_buf *b)
{
	b->len = 0;
	b->nomem = false;
	ttp_buf_putn(b, "", 0);
}

void
ttp_buf_free(struct ttp_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
	b->nomem = false;
}

void
ttp_buf_putn(struct ttp_buf *b, const char *p, size_t n)
{
	if (b->nomem)
		return;
	if (b->p == NULL || n >= b->cap - b->len) {
		char *np = n < SIZE_MAX - b->len ?
			   ttp_grow(b->p, &b->cap, b->len + n + 1, 1) : NULL;

		if (np == NULL) {
			b->nomem = true;
			return;
		}
		b->p = np;
	}
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
ttp_buf_put_milestone(struct ttp_buf *b,
		      size_t (*fn)(const tt_milestone *, char *, size_t),
		      const tt_milestone *m)
{
	char small[TT_TEXT_BUFSIZE], *big;
	size_t n = fn(m, small, sizeof small);

	if (n < sizeof small) {
		ttp_buf_putn(b, small, n);
		return;
	}
	if ((big = malloc(n + 1)) == NULL) {
		b->nomem = true;
		return;
	}
	fn(m, big, n + 1);
	ttp_buf_putn(b, big, n);
	free(big);
}

void
ttp_buf_puts(struct ttp_buf *b, const char *s)
{
	ttp_buf_putn(b, s, strlen(s));
}

void
ttp_buf_put_uint(struct ttp_buf *b, unsigned n)
{
	char tmp[3 * sizeof n], *p = tmp + sizeof tmp;

	do
		*--p = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	ttp_buf_putn(b, p, (size_t)(tmp + sizeof tmp - p));
}

/* --- TEXT values ---------------------------------------------------- */

void
ttp_ics_put_oneline(struct ttp_buf *b, const char *s)
{
	while (*s != '\0') {
		size_t n = strcspn(s, "\r\n");

		ttp_buf_putn(b, s, n);
		s += n;
		if (*s == '\0')
			break;
		ttp_buf_putn(b, " ", 1);
		s += s[0] == '\r' && s[1] == '\n' ? 2 : 1;
	}
}


void
ttp_ics_escape(struct ttp_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), spaces = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		size_t len = 0;

		/* Most text needs nothing: copy it a run at a time, spaces
		 * included while their run is short. */
		for (; i + len < n; len++) {
			unsigned char d = p[i + len];

			if (d == ' ' && spaces < TTP_ICS_MAX_BLANKS)
				spaces++;
			else if (d > ' ' && d < 0x7f && d != '\\' &&
				 d != ';' && d != ',')
				spaces = 0;
			else
				break;
		}
		if (len > 0) {
			ttp_buf_putn(b, (const char *)p + i, len);
			i += len - 1;
			continue;
		}
		if (c == '\r' && i + 1 < n && p[i + 1] == '\n')
			continue;
		if (c == '\r')
			c = '\n';
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			c = ' ';
		if (c == ' ' || c == '\t') {
			if (++spaces <= TTP_ICS_MAX_BLANKS)
				ttp_buf_putn(b, (const char *)&c, 1);
			continue;
		}
		spaces = 0;
		switch (c) {
		case '\n':
			ttp_buf_putn(b, "\\n", 2);
			break;
		case '\\':
		case ';':
		case ',':
			ttp_buf_putn(b, "\\", 1);
			ttp_buf_putn(b, (const char *)&c, 1);
			break;
		default:
			if (c < 0x80) {
				ttp_buf_putn(b, (const char *)&c, 1);
			} else if ((len = ttp_utf8_decode(p + i, n - i, NULL)) != 0) {
				ttp_buf_putn(b, (const char *)p + i, len);
				i += len - 1;
			} else {
				ttp_buf_putn(b, "\xef\xbf\xbd", 3);
			}
		}
	}
}

/* --- folding -------------------------------------------------------- */

/* The length of the character at S (N > 0 bytes left): a UTF-8
 * sequence, or one byte where there is none. */
static size_t
char_length(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = 1;

	if (p[0] >= 0xc0) {
		len = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : 2;
		for (size_t i = 1; i < len; i++)
			if (i >= n || (p[i] & 0xc0) != 0x80)
				return i;
	}
	return len;
}

/* The bytes that must stay on one line from S (N > 0 bytes left): an
 * escape (a backslash and the one character it escapes), a UTF-8
 * sequence, or one byte.  A scan from the start of a line meets escapes
 * in step: "\\\n" is "\\" then "\n".  (Counting a run of backslashes
 * as one unit, as this did once, made a run longer than a line fold
 * forever.) */
static size_t
unit_length(const char *s, size_t n)
{
	if (s[0] == '\\' && n > 1)
		return 1 + char_length(s + 1, n - 1);
	return char_length(s, n);
}

void
ttp_ics_fold(struct ttp_buf *out, const char *line, size_t n)
{
	size_t pos = 0, room = TTP_ICS_FOLD_OCTETS;

	while (n - pos > room) {
		size_t i = pos, brk = pos;

		while (i < n) {
			size_t u = unit_length(line + i, n - i);

			if (i + u - pos > room)
				break;
			i += u;
			if (line[i] != ' ' && line[i] != '\t')
				brk = i;
		}
		if (brk == pos)
			brk = i;
		ttp_buf_putn(out, line + pos, brk - pos);
		ttp_buf_putn(out, "\r\n ", 3);
		pos = brk;
		room = TTP_ICS_FOLD_OCTETS - 1;
	}
	ttp_buf_putn(out, line + pos, n - pos);
	ttp_buf_putn(out, "\r\n", 2);
}

/* --- reading back ---------------------------------------------------- */

bool
ttp_ics_line_is(const char *line, size_t n, const char *name)
{
	size_t k = strlen(name);

	if (n <= k || (line[k] != ':' && line[k] != ';'))
		return false;
	for (size_t i = 0; i < k; i++) {
		char c = line[i];

		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c != name[i])
			return false;
	}
	return true;
}

/* Appends the unfolded line in LINE (the current logical line) to B,
 * unless it is one of the lines that say when the event was written. */
static void
content_line(struct ttp_buf *b, const struct ttp_buf *line)
{
	if (line->len == 0 || ttp_ics_line_is(line->p, line->len, "DTSTAMP") ||
	    ttp_ics_line_is(line->p, line->len, "SEQUENCE") ||
	    ttp_ics_line_is(line->p, line->len, "LAST-MODIFIED"))
		return;
	ttp_buf_putn(b, line->p, line->len);
	ttp_buf_putn(b, "\n", 1);
}

void
ttp_ics_content(struct ttp_buf *b, const char *text, size_t n)
{
	struct ttp_buf line = { NULL, 0, 0, false };
	size_t pos = 0;

	while (pos < n) {
		const char *nl = memchr(text + pos, '\n', n - pos);
		size_t end = nl != NULL ? (size_t)(nl - text) : n;
		size_t len = end - pos;

		if (len > 0 && text[end - 1] == '\r')
			len--;
		if (len > 0 && (text[pos] == ' ' || text[pos] == '\t')) {
			ttp_buf_putn(&line, text + pos + 1, len - 1);
		} else {
			content_line(b, &line);
			line.len = 0;
			ttp_buf_putn(&line, text + pos, len);
		}
		pos = end + 1;
	}
	content_line(b, &line);
	if (line.nomem)
		b->nomem = true;
	ttp_buf_free(&line);
}
