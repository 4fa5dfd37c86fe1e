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

/* --- writing with or without folding ------------------------------- */

/*
 * Where the bytes of a value go: straight into a buffer, or (FOLD) into
 * a content line that is folded as it is written.  Folding as the units
 * come spares the line a second buffer and a second scan: a unit (see
 * unit_length()) is appended whole, BRK follows the last place before a
 * character that is not a blank, and when a unit does not fit, the CRLF
 * and space go in at BRK and the few bytes after it move up.  The result
 * is, byte for byte, that of folding the finished line (ttp_ics_fold()
 * as it was, kept in tests/unit/test-ics-text.c to compare with).
 */
struct sink {
	struct ttp_buf *b;
	bool fold;
	size_t start;		/* where the current line's octets begin */
	size_t room;		/* how many it may hold */
	size_t brk;		/* the last place to fold it; START for none */
};

static struct sink
sink_start(struct ttp_buf *b, bool fold)
{
	struct sink k = { b, fold, b->len, TTP_ICS_FOLD_OCTETS, b->len };

	return k;
}

/* Makes room for N more bytes, a fold, a CRLF and the NUL; false once
 * memory ran out. */
static inline bool
sink_reserve(struct sink *k, size_t n)
{
	struct ttp_buf *b = k->b;

	if (!b->failed && b->p != NULL && b->cap - b->len > n + 5)
		return true;
	return ttp_buf_grow(b, n + 5);
}

static inline bool
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t';
}

/* Folds the line before a unit of N bytes, which does not fit after the
 * buffer's LEN bytes; false once memory ran out.  The bytes moved to the
 * new line are the unit at the break and the blanks after it (BRK is the
 * last unit not a blank), so the new line has no break of its own yet;
 * should the unit still not fit after them (a line of blanks but for its
 * first character), the line is folded again right before it. */
static bool
fold_before(struct sink *k, size_t n)
{
	do {
		size_t cur = k->b->len;
		char *p;

		if (!sink_reserve(k, n))	/* the fold's 3 bytes too */
			return false;
		p = k->b->p;
		if (k->brk == k->start)
			k->brk = cur;
		memmove(p + k->brk + 3, p + k->brk, cur - k->brk);
		memcpy(p + k->brk, "\r\n ", 3);
		k->b->len = cur + 3;
		k->start = k->brk + 3;
		k->room = TTP_ICS_FOLD_OCTETS - 1;
		k->brk = k->start;
	} while (k->b->len + n - k->start > k->room);
	return true;
}

/* Appends one unit (N bytes at U: an escape, a UTF-8 sequence or a
 * byte). */
static inline void
put_unit(struct sink *k, const char *u, size_t n)
{
	if (!sink_reserve(k, n))
		return;
	if (k->fold) {
		if (!is_blank((unsigned char)u[0]))
			k->brk = k->b->len;
		if (k->b->len + n - k->start > k->room && !fold_before(k, n))
			return;
	}
	memcpy(k->b->p + k->b->len, u, n);
	k->b->len += n;
}

/* Appends N bytes each a unit of its own (ASCII, no backslash). */
static void
put_run(struct sink *k, const char *s, size_t n)
{
	while (n > 0) {
		size_t cur, fit, last;

		if (!sink_reserve(k, n))
			return;
		cur = k->b->len;
		if (!k->fold) {
			memcpy(k->b->p + cur, s, n);
			k->b->len = cur + n;
			return;
		}
		/* What fits on this line at once, then the byte that does
		 * not (a unit, which folds). */
		fit = k->start + k->room - cur;
		if (fit > n)
			fit = n;
		if (fit > 0) {
			memcpy(k->b->p + cur, s, fit);
			k->b->len = cur + fit;
			last = fit;
			while (last > 0 && is_blank((unsigned char)s[last - 1]))
				last--;
			if (last > 0)
				k->brk = cur + last - 1;
		}
		s += fit;
		n -= fit;
		if (n > 0) {
			put_unit(k, s, 1);
			s++;
			n--;
		}
	}
}

/* The end of a content line: CRLF, and the buffer's NUL. */
static void
sink_end(struct sink *k)
{
	if (k->fold && sink_reserve(k, 0)) {
		memcpy(k->b->p + k->b->len, "\r\n", 2);
		k->b->len += 2;
	}
	if (!k->b->failed && k->b->p != NULL)
		k->b->p[k->b->len] = '\0';
}

/* --- TEXT values ---------------------------------------------------- */

void
ttp_ics_put_oneline(struct ttp_buf *b, const char *s)
{
	while (*s != '\0') {
		size_t n = strcspn(s, "\r\n");

		ttp_buf_addn(b, s, n);
		s += n;
		if (*s == '\0')
			break;
		ttp_buf_addn(b, " ", 1);
		s += s[0] == '\r' && s[1] == '\n' ? 2 : 1;
	}
}

/* The bytes a TEXT value keeps as they are, blanks aside: printable
 * ASCII but for backslash, semicolon and comma. */
static const unsigned char plain[256] = {
	[0x20] = 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	[0x30] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1,
	[0x40] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0x50] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	[0x60] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0x70] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0,
};

/* S escaped as TEXT into K (see ttp_ics_escape()). */
static void
escape_into(struct sink *k, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), spaces = 0;
	char esc[2] = { '\\', 0 };

	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		size_t len = 0;

		/* Most text needs nothing: copy it a run at a time, spaces
		 * included while their run is short. */
		for (; i + len < n; len++) {
			unsigned char d = p[i + len];

			if (plain[d])
				spaces = 0;
			else if (d == ' ' && spaces < TTP_ICS_MAX_BLANKS)
				spaces++;
			else
				break;
		}
		if (len > 0) {
			put_run(k, (const char *)p + i, len);
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
				put_unit(k, (const char *)&c, 1);
			continue;
		}
		spaces = 0;
		switch (c) {
		case '\n':
			put_unit(k, "\\n", 2);
			break;
		case '\\':
		case ';':
		case ',':
			esc[1] = (char)c;
			put_unit(k, esc, 2);
			break;
		default:
			if (c < 0x80) {
				put_unit(k, (const char *)&c, 1);
			} else if ((len = ttp_utf8_decode(p + i, n - i, NULL)) != 0) {
				put_unit(k, (const char *)p + i, len);
				i += len - 1;
			} else {
				put_unit(k, "\xef\xbf\xbd", 3);
			}
		}
	}
}

void
ttp_ics_escape(struct ttp_buf *b, const char *s)
{
	struct sink k = sink_start(b, false);

	escape_into(&k, s);
	sink_end(&k);
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

/* Appends the N bytes at S as they are, unit by unit. */
static void
put_raw(struct sink *k, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t run = i;

		/* ASCII other than a backslash: units of one byte. */
		while (run < n && (unsigned char)s[run] < 0x80 &&
		       s[run] != '\\')
			run++;
		if (run > i) {
			put_run(k, s + i, run - i);
			i = run;
			continue;
		}
		run = unit_length(s + i, n - i);
		put_unit(k, s + i, run);
		i += run;
	}
}

void
ttp_ics_fold(struct ttp_buf *out, const char *line, size_t n)
{
	struct sink k;

	/* Most lines the writer makes itself are short: nothing to fold. */
	if (n <= TTP_ICS_FOLD_OCTETS) {
		ttp_buf_addn(out, line, n);
		ttp_buf_addn(out, "\r\n", 2);
		return;
	}
	k = sink_start(out, true);
	put_raw(&k, line, n);
	sink_end(&k);
}

void
ttp_ics_put_line(struct ttp_buf *out, const char *name, const char *value,
		 bool raw)
{
	struct sink k = sink_start(out, true);
	size_t n = strlen(name), v;

	put_raw(&k, name, n);
	put_run(&k, ":", 1);
	if (!raw) {
		escape_into(&k, value);
	} else if ((v = strlen(value)) + n + 1 <= TTP_ICS_FOLD_OCTETS) {
		/* A UID or a time stamp: nothing to fold. */
		ttp_buf_addn(out, value, v);
	} else {
		put_raw(&k, value, v);
	}
	sink_end(&k);
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
	ttp_buf_addn(b, line->p, line->len);
	ttp_buf_addn(b, "\n", 1);
}

void
ttp_ics_content(struct ttp_buf *b, const char *text, size_t n)
{
	struct ttp_buf line = TTP_BUF_INIT;
	size_t pos = 0;

	while (pos < n) {
		const char *nl = memchr(text + pos, '\n', n - pos);
		size_t end = nl != NULL ? (size_t)(nl - text) : n;
		size_t len = end - pos;

		if (len > 0 && text[end - 1] == '\r')
			len--;
		if (len > 0 && (text[pos] == ' ' || text[pos] == '\t')) {
			ttp_buf_addn(&line, text + pos + 1, len - 1);
		} else {
			content_line(b, &line);
			ttp_buf_setlen(&line, 0);
			ttp_buf_addn(&line, text + pos, len);
		}
		pos = end + 1;
	}
	content_line(b, &line);
	if (line.failed)
		b->failed = true;
	ttp_buf_release(&line);
}
