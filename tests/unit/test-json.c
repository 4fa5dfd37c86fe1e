/*
 * test-json.c -- the program's JSON string escaping (src/out/json.c), the one
 * place text becomes JSON: every output byte must be valid JSON text,
 * whatever the input, and plain text must come out as it went in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/format.h"
#include "unit.h"

/* S (LEN bytes) as JSON, as a NUL-terminated string to compare. */
static const char *
quoted(const char *s, size_t len)
{
	static struct ttp_buf b;
	static char out[256];

	b.len = 0;
	json_buf_string(&b, s, len);
	CU_ASSERT_FALSE(b.failed);
	snprintf(out, sizeof out, "%.*s", (int)b.len, b.p);
	return out;
}

#define Q(lit) quoted((lit), sizeof(lit) - 1)

static void
test_plain(void)
{
	CU_ASSERT_STRING_EQUAL(Q(""), "\"\"");
	CU_ASSERT_STRING_EQUAL(Q("Litvinov, 1946"), "\"Litvinov, 1946\"");
	/* '/' is not escaped (as json-c with NOSLASHESCAPE). */
	CU_ASSERT_STRING_EQUAL(Q("a/b"), "\"a/b\"");
	/* Valid UTF-8 passes: é, €, U+1F600. */
	CU_ASSERT_STRING_EQUAL(Q("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"),
			       "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
}

static void
test_escapes(void)
{
	CU_ASSERT_STRING_EQUAL(Q("a\"b\\c"), "\"a\\\"b\\\\c\"");
	CU_ASSERT_STRING_EQUAL(Q("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
	CU_ASSERT_STRING_EQUAL(Q("\x01x\x1f"), "\"\\u0001x\\u001f\"");
	CU_ASSERT_STRING_EQUAL(Q("a\0b"), "\"a\\u0000b\"");
	/* DEL is valid in JSON, and json-c does not escape it either. */
	CU_ASSERT_STRING_EQUAL(Q("\x7f"), "\"\x7f\"");
	/* Line and paragraph separators end lines in JavaScript. */
	CU_ASSERT_STRING_EQUAL(Q("a\xe2\x80\xa8" "b\xe2\x80\xa9"),
			       "\"a\\u2028b\\u2029\"");
	/* U+2027 and U+202A are left alone. */
	CU_ASSERT_STRING_EQUAL(Q("\xe2\x80\xa7\xe2\x80\xaa"),
			       "\"\xe2\x80\xa7\xe2\x80\xaa\"");
}

static void
test_invalid_utf8(void)
{
	/* Each byte that does not start a valid sequence is U+FFFD. */
	CU_ASSERT_STRING_EQUAL(Q("a\xff" "b"), "\"a\\ufffdb\"");
	CU_ASSERT_STRING_EQUAL(Q("\x80"), "\"\\ufffd\"");
	/* Truncated sequences, at the end and before ASCII. */
	CU_ASSERT_STRING_EQUAL(Q("\xc3"), "\"\\ufffd\"");
	CU_ASSERT_STRING_EQUAL(Q("\xe2\x82x"), "\"\\ufffd\\ufffdx\"");
	/* Overlong forms, surrogates, past U+10FFFF. */
	CU_ASSERT_STRING_EQUAL(Q("\xc0\xaf"), "\"\\ufffd\\ufffd\"");
	CU_ASSERT_STRING_EQUAL(Q("\xe0\x80\xaf"),
			       "\"\\ufffd\\ufffd\\ufffd\"");
	CU_ASSERT_STRING_EQUAL(Q("\xed\xa0\x80"),
			       "\"\\ufffd\\ufffd\\ufffd\"");
	CU_ASSERT_STRING_EQUAL(Q("\xf4\x90\x80\x80"),
			       "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
}

/* Every single byte and every pair of bytes comes out as JSON text with
 * no raw control character or quote inside the quotes. */
/* True for a byte JSON writes as itself. */
static bool
plain(char c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

static void
test_all_bytes(void)
{
	struct ttp_buf b = TTP_BUF_INIT;
	char in[2];
	bool ok = true;

	for (int i = 0; i < 256 * 256 && ok; i++) {
		in[0] = (char)(i >> 8);
		in[1] = (char)(i & 0xff);
		b.len = 0;
		json_buf_string(&b, in, 2);
		/* A quoted string, and two plain characters as themselves. */
		if (b.len < 4 || b.p[0] != '"' || b.p[b.len - 1] != '"')
			ok = false;
		if (plain(in[0]) && plain(in[1]) &&
		    (b.len != 4 || memcmp(b.p + 1, in, 2) != 0))
			ok = false;
		for (size_t k = 1; k + 1 < b.len; k++) {
			unsigned char c = (unsigned char)b.p[k];

			if (c < 0x20 || c == '"')
				ok = false;
			if (c == '\\')
				k++;
		}
	}
	CU_ASSERT_TRUE(ok);
	ttp_buf_release(&b);
}

/* The JSON line of a treaty with one milestone labelled LABEL. */
static char *
milestone_json(const char *label)
{
	const char *kv[][3] = {
		{ "treaty", "id", "t" },
		{ "treaty", "entry_into_force", "2000-01-01" },
		{ "milestone", "label", label },
		{ "milestone", "at", "1y" },
	};
	struct ttp_buf b = TTP_BUF_INIT;
	tt_spec *spec = tt_spec_new();
	tt_schedule *s = tt_schedule_new();
	tt_error e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(spec);
	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	for (size_t i = 0; i < sizeof kv / sizeof kv[0]; i++)
		CU_ASSERT_EQUAL_FATAL(tt_spec_set(spec, kv[i][0], kv[i][1],
						  kv[i][2], 0, 0, &e), TT_OK);
	CU_ASSERT_EQUAL_FATAL(tt_schedule_compute(s, spec, NULL, &e), TT_OK);
	json_append_schedule(&b, s);
	CU_ASSERT_FALSE(b.failed);
	json_buf_raw(&b, "", 1);
	tt_schedule_free(s);
	tt_spec_free(spec);
	return b.p;
}

/* Milestone texts are formatted into the output and escaped there only
 * when they need it: plain, escaped, and longer than any text buffer. */
static void
test_milestone_texts(void)
{
	char long_label[1200], want[1300];
	char *j;

	j = milestone_json("Review of the plan");
	CU_ASSERT_PTR_NOT_NULL(strstr(j, "\"label\":\"Review of the plan\""));
	free(j);
	j = milestone_json("say \"hi\" \\ caf\xc3\xa9 a\xe2\x80\xa8" "b");
	CU_ASSERT_PTR_NOT_NULL(strstr(j, "\"label\":\"say \\\"hi\\\" \\\\ "
				      "caf\xc3\xa9 a\\u2028b\""));
	free(j);
	memset(long_label, 'x', sizeof long_label - 2);
	long_label[sizeof long_label - 2] = '"';
	long_label[sizeof long_label - 1] = '\0';
	snprintf(want, sizeof want, "\"label\":\"%.*s\\\"\"",
		 (int)sizeof long_label - 2, long_label);
	j = milestone_json(long_label);
	CU_ASSERT_PTR_NOT_NULL(strstr(j, want));
	free(j);
	long_label[sizeof long_label - 2] = 'x';
	snprintf(want, sizeof want, "\"label\":\"%s\"", long_label);
	j = milestone_json(long_label);
	CU_ASSERT_PTR_NOT_NULL(strstr(j, want));
	free(j);
}

void
add_json_tests(void)
{
	static const CU_TestInfo tests[] = {
		{ "plain text", test_plain },
		{ "escapes", test_escapes },
		{ "invalid UTF-8", test_invalid_utf8 },
		{ "all byte pairs", test_all_bytes },
		{ "milestone texts", test_milestone_texts },
		CU_TEST_INFO_NULL
	};

	unit_add_suite("json", tests);
}
