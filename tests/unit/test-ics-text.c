/*
 * test-ics-text.c -- TEXT escaping and line folding, byte for byte.
 *
 * src/lib/ics-text.c decides every byte of a content line the writer
 * emits.  Each case here gives the input and the exact output bytes:
 * lines of 74, 75 and 76 octets, continuation lines, 2-, 3- and 4-byte
 * UTF-8 sequences and backslash escapes at the 75-octet boundary, blanks
 * where a fold would go, and empty strings.  The file is linked with
 * ics-text.c itself, whose symbols the shared library does not export.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "ics-text.h"

#define E_ACUTE "\xc3\xa9"
#define ZHONG "\xe4\xb8\xad"
#define GRIN "\xf0\x9f\x98\x80"

/* N copies of 'a', as a static string (N < 300). */
static const char *
a_run(size_t n)
{
	static char buf[8][300];
	static unsigned k;
	char *p = buf[k++ % 8];

	CU_ASSERT_FATAL(n < 300);
	memset(p, 'a', n);
	p[n] = '\0';
	return p;
}

/* A new string: the concatenation of the NULL-terminated arguments. */
static char *
cat(const char *first, ...)
{
	struct ttp_buf b = { NULL, 0, 0, false };
	va_list ap;

	va_start(ap, first);
	for (const char *s = first; s != NULL; s = va_arg(ap, const char *))
		ttp_buf_adds(&b, s);
	va_end(ap);
	CU_ASSERT_FATAL(!b.failed && b.p != NULL);
	return b.p;
}

/* Reports the first differing byte of GOT and WANT. */
static void
same_bytes(const char *got, size_t gl, const char *want, size_t wl,
	   const char *what)
{
	size_t i = 0;

	while (i < gl && i < wl && got[i] == want[i])
		i++;
	if (gl != wl || i < gl) {
		fprintf(stderr, "\n  %s: differs at byte %zu (got %zu bytes, "
			"want %zu)\n", what, i, gl, wl);
		CU_FAIL("bytes differ");
	} else {
		CU_PASS("same bytes");
	}
}

/* Folds LINE (LEN bytes, not NUL-terminated in general) and compares
 * with WANT; the line is copied to an exact-size buffer so that a read
 * past its end shows under a memory checker. */
static void
fold_is(const char *line, size_t len, const char *want, const char *what)
{
	struct ttp_buf out = { NULL, 0, 0, false };
	char *exact = malloc(len ? len : 1);

	CU_ASSERT_PTR_NOT_NULL_FATAL(exact);
	memcpy(exact, line, len);
	ttp_ics_fold(&out, exact, len);
	CU_ASSERT_FATAL(!out.failed && out.p != NULL);
	same_bytes(out.p, out.len, want, strlen(want), what);
	ttp_buf_release(&out);
	free(exact);
}

static void
escape_is(const char *in, const char *want, const char *what)
{
	struct ttp_buf out = { NULL, 0, 0, false };

	ttp_buf_reset(&out);
	ttp_ics_escape(&out, in);
	CU_ASSERT_FATAL(!out.failed && out.p != NULL);
	same_bytes(out.p, out.len, want, strlen(want), what);
	ttp_buf_release(&out);
}

static void
test_fold_lengths(void)
{
	char *in, *want;

	fold_is("", 0, "\r\n", "empty line");
	fold_is("a", 1, "a\r\n", "one octet");

	in = cat(a_run(74), NULL);
	want = cat(a_run(74), "\r\n", NULL);
	fold_is(in, 74, want, "74 octets");
	free(in);
	free(want);

	in = cat(a_run(75), NULL);
	want = cat(a_run(75), "\r\n", NULL);
	fold_is(in, 75, want, "75 octets");
	free(in);
	free(want);

	in = cat(a_run(76), NULL);
	want = cat(a_run(75), "\r\n a\r\n", NULL);
	fold_is(in, 76, want, "76 octets");
	free(in);
	free(want);

	/* A continuation holds 74 octets after its space. */
	in = cat(a_run(149), NULL);
	want = cat(a_run(75), "\r\n ", a_run(74), "\r\n", NULL);
	fold_is(in, 149, want, "149 octets");
	free(in);
	free(want);

	in = cat(a_run(150), NULL);
	want = cat(a_run(75), "\r\n ", a_run(74), "\r\n a\r\n", NULL);
	fold_is(in, 150, want, "150 octets");
	free(in);
	free(want);
}

static void
test_fold_utf8(void)
{
	char *in, *want;

	/* Two-byte e-acute as octets 74-75: fits. */
	in = cat(a_run(73), E_ACUTE, NULL);
	want = cat(a_run(73), E_ACUTE "\r\n", NULL);
	fold_is(in, 75, want, "2-byte at 74-75");
	free(in);
	free(want);

	/* As octets 75-76: it moves whole to the next line. */
	in = cat(a_run(74), E_ACUTE, NULL);
	want = cat(a_run(74), "\r\n " E_ACUTE "\r\n", NULL);
	fold_is(in, 76, want, "2-byte at 75-76");
	free(in);
	free(want);

	/* Three-byte sequences straddling 75 one way and the other. */
	in = cat(a_run(72), ZHONG, NULL);
	want = cat(a_run(72), ZHONG "\r\n", NULL);
	fold_is(in, 75, want, "3-byte at 73-75");
	free(in);
	free(want);

	in = cat(a_run(73), ZHONG, NULL);
	want = cat(a_run(73), "\r\n " ZHONG "\r\n", NULL);
	fold_is(in, 76, want, "3-byte at 74-76");
	free(in);
	free(want);

	in = cat(a_run(74), ZHONG "b", NULL);
	want = cat(a_run(74), "\r\n " ZHONG "b\r\n", NULL);
	fold_is(in, 78, want, "3-byte at 75-77");
	free(in);
	free(want);

	/* A 4-byte emoji. */
	in = cat(a_run(71), GRIN, NULL);
	want = cat(a_run(71), GRIN "\r\n", NULL);
	fold_is(in, 75, want, "4-byte at 72-75");
	free(in);
	free(want);

	in = cat(a_run(72), GRIN, NULL);
	want = cat(a_run(72), "\r\n " GRIN "\r\n", NULL);
	fold_is(in, 76, want, "4-byte at 73-76");
	free(in);
	free(want);

	in = cat(a_run(74), GRIN GRIN, NULL);
	want = cat(a_run(74), "\r\n " GRIN GRIN "\r\n", NULL);
	fold_is(in, 82, want, "4-byte at 75-78");
	free(in);
	free(want);

	/* Emoji only: 18 fit on the first line (72 octets), 18 on each
	 * continuation (72 of 74). */
	{
		struct ttp_buf b = { NULL, 0, 0, false };

		for (int i = 0; i < 40; i++)
			ttp_buf_adds(&b, GRIN);
		want = cat("", NULL);
		{
			struct ttp_buf w = { NULL, 0, 0, false };

			for (int i = 0; i < 40; i++) {
				if (i == 18 || i == 36)
					ttp_buf_adds(&w, "\r\n ");
				ttp_buf_adds(&w, GRIN);
			}
			ttp_buf_adds(&w, "\r\n");
			free(want);
			want = w.p;
		}
		fold_is(b.p, b.len, want, "emoji only");
		free(want);
		ttp_buf_release(&b);
	}
}

static void
test_fold_escapes(void)
{
	char *in, *want;

	/* "\," as octets 74-75 fits; as 75-76 it moves whole. */
	in = cat(a_run(73), "\\,", NULL);
	want = cat(a_run(73), "\\,\r\n", NULL);
	fold_is(in, 75, want, "escape at 74-75");
	free(in);
	free(want);

	in = cat(a_run(74), "\\,", NULL);
	want = cat(a_run(74), "\r\n \\,\r\n", NULL);
	fold_is(in, 76, want, "escape at 75-76");
	free(in);
	free(want);

	/* An escaped backslash, then "\n". */
	in = cat(a_run(74), "\\\\\\n", NULL);
	want = cat(a_run(74), "\r\n \\\\\\n\r\n", NULL);
	fold_is(in, 78, want, "escaped backslash at 75");
	free(in);
	free(want);

	/* Forty escaped backslashes (80 octets): folded between two
	 * escapes.  Taking the whole run as one unit once looped forever. */
	{
		char run[81], head[75], tail[7];

		memset(run, '\\', 80);
		run[80] = '\0';
		memset(head, '\\', 74);
		head[74] = '\0';
		memset(tail, '\\', 6);
		tail[6] = '\0';
		want = cat(head, "\r\n ", tail, "\r\n", NULL);
		fold_is(run, 80, want, "a run of escaped backslashes");
		free(want);
	}

	/* An escape at the end of a continuation line. */
	in = cat(a_run(75), a_run(73), "\\;", NULL);
	want = cat(a_run(75), "\r\n ", a_run(73), "\r\n \\;\r\n", NULL);
	fold_is(in, 150, want, "escape at a continuation's end");
	free(in);
	free(want);
}

static void
test_fold_blanks(void)
{
	char *in, *want;

	/* A fold never puts a blank first on a continuation: the break
	 * moves back before the last character ahead of the blank. */
	in = cat(a_run(75), " b", NULL);
	want = cat(a_run(74), "\r\n a b\r\n", NULL);
	fold_is(in, 77, want, "space at 76");
	free(in);
	free(want);

	/* A blank may end a line: only a continuation may not start
	 * with one. */
	in = cat(a_run(74), "\tb", NULL);
	want = cat(a_run(74), "\t\r\n b\r\n", NULL);
	fold_is(in, 76, want, "tab at 75");
	free(in);
	free(want);

	/* A run of blanks across the boundary. */
	in = cat(a_run(70), "          b", NULL);
	want = cat(a_run(69), "\r\n a          b\r\n", NULL);
	fold_is(in, 81, want, "blanks across 75");
	free(in);
	free(want);
}

static void
test_escape(void)
{
	char *in, *want;

	escape_is("", "", "empty");
	escape_is("plain text 123", "plain text 123", "plain");
	escape_is("a,b;c\\d", "a\\,b\\;c\\\\d", "comma, semicolon, backslash");
	escape_is("\\,\\;", "\\\\\\,\\\\\\;", "backslashes before specials");
	escape_is("line\nnext", "line\\nnext", "LF");
	escape_is("line\r\nnext", "line\\nnext", "CR LF");
	escape_is("line\rnext", "line\\nnext", "lone CR");
	escape_is("\n\n", "\\n\\n", "only line breaks");
	escape_is("tab\there", "tab\there", "tab kept");
	escape_is("bell\a del\x7f", "bell  del ", "controls as spaces");
	escape_is("\"quoted\" :colon", "\"quoted\" :colon", "quote, colon");
	escape_is(E_ACUTE ZHONG GRIN, E_ACUTE ZHONG GRIN, "valid UTF-8");
	escape_is("a\xff" "b", "a\xef\xbf\xbd" "b", "invalid byte");
	escape_is("\xc3", "\xef\xbf\xbd", "truncated sequence");
	escape_is("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd", "overlong");
	escape_is("\xed\xa0\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd",
		  "surrogate");

	/* Blank runs stop at TTP_ICS_MAX_BLANKS. */
	in = cat("x", "                                        ", "y", NULL);
	want = cat("x", "                                ", "y", NULL);
	CU_ASSERT_EQUAL(strlen(want), 2 + TTP_ICS_MAX_BLANKS);
	escape_is(in, want, "long blank run");
	free(in);
	free(want);
}

static void
test_oneline(void)
{
	struct ttp_buf b = { NULL, 0, 0, false };

	ttp_buf_reset(&b);
	ttp_ics_put_oneline(&b, "");
	CU_ASSERT_EQUAL(b.len, 0);
	CU_ASSERT_STRING_EQUAL(b.p, "");
	ttp_ics_put_oneline(&b, "a\nb\r\nc\rd,;\\");
	CU_ASSERT_STRING_EQUAL(b.p, "a b c d,;\\");
	ttp_buf_reset(&b);
	ttp_buf_add_uint(&b, 0);
	ttp_buf_add_uint(&b, 4294967295u);
	CU_ASSERT_STRING_EQUAL(b.p, "04294967295");
	ttp_buf_release(&b);
}

/* --- folding as it is written, against folding the finished line ---- */

/* The fold of a finished line as ttp_ics_fold() made it before lines were
 * folded as they are written: the reference the writer is held to. */
static size_t
ref_char_length(const char *s, size_t n)
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

static size_t
ref_unit_length(const char *s, size_t n)
{
	if (s[0] == '\\' && n > 1)
		return 1 + ref_char_length(s + 1, n - 1);
	return ref_char_length(s, n);
}

static void
ref_fold(struct ttp_buf *out, const char *line, size_t n)
{
	size_t pos = 0, room = TTP_ICS_FOLD_OCTETS;

	while (n - pos > room) {
		size_t i = pos, brk = pos;

		while (i < n) {
			size_t u = ref_unit_length(line + i, n - i);

			if (i + u - pos > room)
				break;
			i += u;
			if (line[i] != ' ' && line[i] != '\t')
				brk = i;
		}
		if (brk == pos)
			brk = i;
		ttp_buf_addn(out, line + pos, brk - pos);
		ttp_buf_addn(out, "\r\n ", 3);
		pos = brk;
		room = TTP_ICS_FOLD_OCTETS - 1;
	}
	ttp_buf_addn(out, line + pos, n - pos);
	ttp_buf_addn(out, "\r\n", 2);
}

/* A random text of up to 300 bytes, rich in what folding and escaping
 * must get right: blanks (runs of them too), backslashes, the escaped
 * characters, line breaks, UTF-8 sequences, stray and cut ones. */
static size_t
random_text(char *s, unsigned *seed)
{
	static const char *const pieces[] = {
		"a", "b", "xyz", " ", "  ", "\t", "\\", ";", ",", "\n", "\r",
		"\r\n", E_ACUTE, ZHONG, GRIN, "\xff", "\x80", "\xc3", "\xe4\xb8",
		"\x01", "\x7f", "                                        "
	};
	size_t n = 0, want;

	*seed = *seed * 1103515245u + 12345u;
	want = (*seed >> 8) % 300;
	while (n < want) {
		const char *p;

		*seed = *seed * 1103515245u + 12345u;
		p = pieces[(*seed >> 8) % (sizeof pieces / sizeof pieces[0])];
		/* Mostly letters, as in real text; blanks often enough to
		 * meet a fold. */
		if ((*seed >> 20) % 4 == 0)
			p = "a";
		if (n + strlen(p) > 300)
			break;
		memcpy(s + n, p, strlen(p));
		n += strlen(p);
	}
	s[n] = '\0';
	return n;
}

static void
test_fold_as_written(void)
{
	struct ttp_buf got = { NULL, 0, 0, false };
	struct ttp_buf want = { NULL, 0, 0, false };
	struct ttp_buf line = { NULL, 0, 0, false };
	char text[301];
	unsigned seed = 1;

	for (int round = 0; round < 20000; round++) {
		size_t n = random_text(text, &seed);
		const char *name = round % 3 == 0 ? "X" : "DESCRIPTION";

		/* A raw line; NUL-free, since a line is. */
		ttp_buf_reset(&got);
		ttp_buf_reset(&want);
		ttp_ics_fold(&got, text, n);
		ref_fold(&want, text, n);
		same_bytes(got.p, got.len, want.p, want.len, "raw line");

		/* NAME:VALUE escaped, in one pass. */
		ttp_buf_reset(&got);
		ttp_buf_reset(&want);
		ttp_buf_reset(&line);
		ttp_ics_put_line(&got, name, text, false);
		ttp_buf_adds(&line, name);
		ttp_buf_adds(&line, ":");
		ttp_ics_escape(&line, text);
		ref_fold(&want, line.p, line.len);
		same_bytes(got.p, got.len, want.p, want.len, "escaped line");

		/* NAME:VALUE as it is, appended to what is there. */
		ttp_buf_reset(&line);
		ttp_buf_adds(&line, name);
		ttp_buf_adds(&line, ":");
		ttp_buf_adds(&line, text);
		ttp_ics_put_line(&got, name, text, true);
		ref_fold(&want, line.p, line.len);
		same_bytes(got.p, got.len, want.p, want.len, "raw value");
		CU_ASSERT_EQUAL(strlen(got.p), got.len);
	}
	ttp_buf_release(&got);
	ttp_buf_release(&want);
	ttp_buf_release(&line);
}

/* A line of blanks but for its first character: after the first fold the
 * rest still does not fit, and a continuation must start blank. */
static void
test_fold_twice_at_once(void)
{
	struct ttp_buf want = { NULL, 0, 0, false };
	char *in = cat("ab", "                                        ",
		       "                                        ",
		       "                                        ", "cd", NULL);

	ref_fold(&want, in, strlen(in));
	fold_is(in, strlen(in), want.p, "blanks after one character");
	free(in);
	ttp_buf_release(&want);
}

void
add_ics_text_tests(void)
{
	static const CU_TestInfo tests[] = {
		{ "fold: 74, 75, 76 octets and more", test_fold_lengths },
		{ "fold: UTF-8 at the boundary", test_fold_utf8 },
		{ "fold: escapes at the boundary", test_fold_escapes },
		{ "fold: no blank continuation", test_fold_blanks },
		{ "TEXT escaping", test_escape },
		{ "one-line text, numbers", test_oneline },
		{ "folding as written, against the finished line",
		  test_fold_as_written },
		{ "fold: a unit folded twice", test_fold_twice_at_once },
		CU_TEST_INFO_NULL
	};

	unit_add_suite("ics-text", tests);
}
