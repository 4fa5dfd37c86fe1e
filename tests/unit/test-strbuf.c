/*
 * test-strbuf.c -- the one growing string buffer (src/lib/strbuf.c), and
 * the library's error messages, which cannot grow: a message too long for
 * tt_error is cut between two characters and ends with "…".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "utf8.h"
#include "unit.h"

#define ELLIPSIS "\xe2\x80\xa6"

/* True if B holds exactly the N bytes of WANT and ends with a NUL. */
static bool
holds(const struct ttp_buf *b, const char *want, size_t n)
{
	return !b->failed && b->p != NULL && b->len == n && b->len < b->cap &&
	       memcmp(b->p, want, n) == 0 && b->p[n] == '\0';
}

static void
test_growth(void)
{
	struct ttp_buf b = TTP_BUF_INIT;
	char *want = malloc(100000);
	size_t n = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(want);
	/* Byte by byte, then in pieces of growing length, past many
	 * doublings. */
	for (int i = 0; i < 1000; i++) {
		char c = (char)('a' + i % 26);

		ttp_buf_addch(&b, c);
		want[n++] = c;
	}
	CU_ASSERT_TRUE(holds(&b, want, n));
	for (size_t k = 1; n + k < 100000; k *= 3) {
		memset(want + n, 'x', k);
		ttp_buf_addn(&b, want + n, k);
		n += k;
	}
	CU_ASSERT_TRUE(holds(&b, want, n));
	ttp_buf_adds(&b, "");
	CU_ASSERT_TRUE(holds(&b, want, n));
	ttp_buf_release(&b);
	CU_ASSERT_PTR_NULL(b.p);
	CU_ASSERT_EQUAL(b.len, 0);
	CU_ASSERT_EQUAL(b.cap, 0);
	free(want);
}

static void
test_addf(void)
{
	struct ttp_buf b = TTP_BUF_INIT;
	char *big = malloc(5001), *want = malloc(5100);

	CU_ASSERT_PTR_NOT_NULL_FATAL(big);
	CU_ASSERT_PTR_NOT_NULL_FATAL(want);
	ttp_buf_addf(&b, "%d-%s", 42, "x");
	CU_ASSERT_TRUE(holds(&b, "42-x", 4));
	/* Longer than any room the buffer starts with: formatted whole. */
	memset(big, 'y', 5000);
	big[5000] = '\0';
	ttp_buf_addf(&b, "[%s]%u", big, 7u);
	snprintf(want, 5100, "42-x[%s]7", big);
	CU_ASSERT_TRUE(holds(&b, want, strlen(want)));
	/* And again, now that the room is there. */
	ttp_buf_reset(&b);
	ttp_buf_addf(&b, "%s", big);
	CU_ASSERT_TRUE(holds(&b, big, 5000));
	ttp_buf_release(&b);
	free(big);
	free(want);
}

static void
test_add_uint(void)
{
	struct ttp_buf b = TTP_BUF_INIT;

	ttp_buf_add_uint(&b, 0);
	ttp_buf_adds(&b, " ");
	ttp_buf_add_uint(&b, 4294967295u);
	CU_ASSERT_TRUE(holds(&b, "0 4294967295", 12));
	ttp_buf_release(&b);
}

static void
test_add_milestone(void)
{
	struct ttp_buf b = TTP_BUF_INIT;
	tt_milestone m;
	char *label = malloc(3 * TT_TEXT_BUFSIZE);

	CU_ASSERT_PTR_NOT_NULL_FATAL(label);
	memset(&m, 0, sizeof m);
	m.kind = TT_KIND_MILESTONE;
	/* A label longer than TT_TEXT_BUFSIZE is appended whole. */
	memset(label, 'L', 3 * TT_TEXT_BUFSIZE - 1);
	label[3 * TT_TEXT_BUFSIZE - 1] = '\0';
	m.label = label;
	ttp_buf_adds(&b, "<");
	ttp_buf_add_milestone(&b, tt_milestone_label, &m);
	ttp_buf_adds(&b, ">");
	CU_ASSERT_EQUAL(b.len, 3 * TT_TEXT_BUFSIZE + 1);
	CU_ASSERT_EQUAL(b.p[0], '<');
	CU_ASSERT_EQUAL(memcmp(b.p + 1, label, strlen(label)), 0);
	CU_ASSERT_STRING_EQUAL(b.p + b.len - 1, ">");
	ttp_buf_release(&b);
	free(label);
}

static void
test_reset_setlen_detach(void)
{
	struct ttp_buf b = TTP_BUF_INIT;
	char *p, *keep;
	size_t n = 99;

	/* A fresh buffer detaches as an empty string. */
	p = ttp_buf_detach(&b, &n);
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_STRING_EQUAL(p, "");
	CU_ASSERT_EQUAL(n, 0);
	free(p);
	ttp_buf_reset(&b);
	CU_ASSERT_TRUE(holds(&b, "", 0));
	ttp_buf_adds(&b, "treaty term");
	keep = b.p;
	/* Reset keeps the memory for reuse. */
	ttp_buf_reset(&b);
	CU_ASSERT_PTR_EQUAL(b.p, keep);
	CU_ASSERT_TRUE(holds(&b, "", 0));
	ttp_buf_adds(&b, "treaty term");
	ttp_buf_setlen(&b, 6);
	CU_ASSERT_TRUE(holds(&b, "treaty", 6));
	/* Writing into the room ttp_buf_grow() made. */
	CU_ASSERT_TRUE(ttp_buf_grow(&b, 5));
	memcpy(b.p + b.len, " ends", 5);
	ttp_buf_setlen(&b, b.len + 5);
	CU_ASSERT_TRUE(holds(&b, "treaty ends", 11));
	p = ttp_buf_detach(&b, &n);
	CU_ASSERT_STRING_EQUAL(p, "treaty ends");
	CU_ASSERT_EQUAL(n, 11);
	CU_ASSERT_PTR_NULL(b.p);
	CU_ASSERT_EQUAL(b.len, 0);
	free(p);
}

static void
test_overflow(void)
{
	struct ttp_buf b = TTP_BUF_INIT;

	ttp_buf_adds(&b, "abc");
	/* Sizes that cannot be counted are refused, not wrapped around. */
	CU_ASSERT_FALSE(ttp_buf_grow(&b, SIZE_MAX));
	CU_ASSERT_TRUE(b.failed);
	ttp_buf_reset(&b);
	ttp_buf_adds(&b, "abc");
	CU_ASSERT_FALSE(ttp_buf_grow(&b, SIZE_MAX - 3));
	CU_ASSERT_TRUE(b.failed);
	/* After a failure, appending does nothing: one check at the end. */
	ttp_buf_adds(&b, "def");
	ttp_buf_addf(&b, "%d", 1);
	CU_ASSERT_TRUE(b.failed);
	CU_ASSERT_EQUAL(b.len, 3);
	CU_ASSERT_PTR_NULL(ttp_buf_detach(&b, NULL));
	CU_ASSERT_PTR_NULL(b.p);
	CU_ASSERT_FALSE(b.failed);
	/* An append of SIZE_MAX bytes fails before it reads any. */
	ttp_buf_addn(&b, "x", SIZE_MAX);
	CU_ASSERT_TRUE(b.failed);
	ttp_buf_release(&b);
}

/* The error of computing TEXT. */
static void
error_of(const char *text, tt_error *e)
{
	tt_spec *spec = tt_spec_new();
	tt_schedule *s = tt_schedule_new();

	CU_ASSERT_PTR_NOT_NULL_FATAL(spec);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	memset(e, 0, sizeof *e);
	CU_ASSERT_NOT_EQUAL(tt_spec_parse(spec, text, strlen(text), e) ==
			    TT_OK ? tt_schedule_compute(s, spec, NULL, e) :
			    e->code, TT_OK);
	tt_schedule_free(s);
	tt_spec_free(spec);
}

static void
test_error_cut(void)
{
	char text[1024], name[400];
	size_t n, len = 0;
	tt_error e;

	/* Two [party] sections named "a" and 150 times U+00E9: the message
	 * quotes the name, 301 bytes, and is cut. */
	name[len++] = 'a';
	for (int i = 0; i < 150; i++) {
		name[len++] = '\xc3';
		name[len++] = '\xa9';
	}
	name[len] = '\0';
	snprintf(text, sizeof text, "[treaty]\nentry_into_force = 2000-01-01\n"
		 "[party]\nname = %s\n[party]\nname = %s\n", name, name);
	error_of(text, &e);
	CU_ASSERT_EQUAL(e.code, TT_EINVAL);
	n = strlen(e.message);
	CU_ASSERT_TRUE(n < sizeof e.message);
	CU_ASSERT_TRUE(n > sizeof e.message - 8);
	CU_ASSERT_EQUAL(ttp_utf8_check(e.message, n), n);
	CU_ASSERT_TRUE(n >= 3 && strcmp(e.message + n - 3, ELLIPSIS) == 0);
	CU_ASSERT_EQUAL(strncmp(e.message, "party 'a\xc3\xa9", 10), 0);

	/* The same with characters of 3 and 4 bytes, at every alignment. */
	for (int lead = 0; lead < 4; lead++) {
		static const char *const chars[] = { "\xe2\x82\xac",
						     "\xf0\x9f\x98\x80" };

		for (size_t c = 0; c < 2; c++) {
			len = 0;
			for (int i = 0; i < lead; i++)
				name[len++] = 'a';
			while (len < 300) {
				memcpy(name + len, chars[c], strlen(chars[c]));
				len += strlen(chars[c]);
			}
			name[len] = '\0';
			snprintf(text, sizeof text, "[treaty]\n"
				 "entry_into_force = 2000-01-01\n[party]\n"
				 "name = %s\n[party]\nname = %s\n", name,
				 name);
			error_of(text, &e);
			n = strlen(e.message);
			CU_ASSERT_EQUAL(ttp_utf8_check(e.message, n), n);
			CU_ASSERT_TRUE(n >= 3 &&
				       strcmp(e.message + n - 3,
					      ELLIPSIS) == 0);
		}
	}

	/* A message that fits is left as it is. */
	error_of("[treaty]\nentry_into_force = 2000-01-01\n[party]\n"
		 "name = \xc3\xa9\n[party]\nname = \xc3\xa9\n", &e);
	CU_ASSERT_STRING_EQUAL(e.message, "party '\xc3\xa9' is listed twice");
}

void
add_strbuf_tests(void)
{
	static const CU_TestInfo tests[] = {
		{ "growth", test_growth },
		{ "addf longer than the room", test_addf },
		{ "add_uint", test_add_uint },
		{ "add_milestone longer than TT_TEXT_BUFSIZE",
		  test_add_milestone },
		{ "reset, setlen, detach", test_reset_setlen_detach },
		{ "overflow refused", test_overflow },
		{ "error messages cut between characters", test_error_cut },
		CU_TEST_INFO_NULL
	};

	unit_add_suite("strbuf", tests);
}
