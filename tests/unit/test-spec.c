/*
 * test-spec.c -- spec files and values: every key, every error with its
 * line and column, BOM and CRLF, repeated sections, the cross-checks, the
 * typed setters and getters, and the internal helpers the spec code is
 * built on (growing arrays, UTF-8).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
/* ttp_grow() and ttp_utf8_*(): their sources are compiled into the test
 * program, since the library does not export them. */
#include "internal.h"

/* Parses TEXT and validates it, returning the first failure. */
static tt_status
parse(const char *text, tt_spec **out, tt_error *e)
{
	tt_spec *spec = tt_spec_new();
	tt_status st;

	memset(e, 0, sizeof *e);
	CU_ASSERT_PTR_NOT_NULL_FATAL(spec);
	st = tt_spec_parse(spec, text, strlen(text), e);
	if (st == TT_OK)
		st = tt_spec_validate(spec, e);
	if (out != NULL)
		*out = spec;
	else
		tt_spec_free(spec);
	return st;
}

static void
check_error(const char *text, tt_status code, unsigned line,
	    unsigned column, const char *message)
{
	tt_error e;
	tt_status st = parse(text, NULL, &e);

	CU_ASSERT_EQUAL(st, code);
	CU_ASSERT_EQUAL(e.line, line);
	CU_ASSERT_EQUAL(e.column, column);
	CU_ASSERT_STRING_EQUAL(e.message, message);
	if (st != code || e.line != line || e.column != column ||
	    strcmp(e.message, message) != 0)
		fprintf(stderr, "\n  got %d %u:%u '%s'\n", st, e.line,
			e.column, e.message);
}

#define LITVINOV \
	"# Litvinov's proposal\n" \
	"[treaty]\n" \
	"id = litvinov-1946\n" \
	"name = Litvinov proposal (1946)\n" \
	"entry_into_force = 1947-09-15\n" \
	"term = 50y\n" \
	"\n" \
	"; consultations\n" \
	"[consultation]\n" \
	"first = 25y\n" \
	"every = 5y\n"

static void
test_parse_good(void)
{
	tt_spec *spec;
	tt_error e;
	tt_date d;

	CU_ASSERT_EQUAL_FATAL(parse(LITVINOV, &spec, &e), TT_OK);
	CU_ASSERT_STRING_EQUAL(tt_spec_id(spec), "litvinov-1946");
	CU_ASSERT_STRING_EQUAL(tt_spec_name(spec), "Litvinov proposal (1946)");
	CU_ASSERT_TRUE(tt_spec_entry_into_force(spec, &d));
	ASSERT_DATE_EQ(d, D(1947, 9, 15));
	tt_spec_free(spec);
}

/* A byte order mark, CRLF line ends, indentation, comment lines and a
 * last line without a newline all simply work. */
static void
test_parse_tolerant(void)
{
	tt_spec *a, *b;
	tt_schedule *sa = tt_schedule_new(), *sb = tt_schedule_new();
	tt_error e;

	CU_ASSERT_EQUAL_FATAL(parse(LITVINOV, &a, &e), TT_OK);
	CU_ASSERT_EQUAL_FATAL(parse("\xef\xbb\xbf[treaty]\r\n"
				    "  id = litvinov-1946\r\n"
				    "\tname = Litvinov proposal (1946)\r\n"
				    "; EIF\r\n"
				    "entry_into_force=1947-09-15\r\n"
				    "term = 50y\r\n"
				    "[ consultation ]\r\n"
				    "first = 25y\r\n"
				    "every = 5y", &b, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_schedule_compute(sa, a, NULL, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_schedule_compute(sb, b, NULL, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_schedule_count(sa), tt_schedule_count(sb));
	for (size_t i = 0; i < tt_schedule_count(sa); i++)
		ASSERT_DATE_EQ(tt_schedule_at(sb, i)->date,
			       tt_schedule_at(sa, i)->date);
	CU_ASSERT_STRING_EQUAL(tt_spec_name(b), "Litvinov proposal (1946)");
	tt_schedule_free(sa);
	tt_schedule_free(sb);
	tt_spec_free(a);
	tt_spec_free(b);
}

static void
test_parse_errors(void)
{
	check_error("[treaty]\nentry_into_force = 2023-02-29\n", TT_ERANGE,
		    2, 28, "day 29 is out of range for February 2023 "
		    "(1 to 28)");
	check_error("[treaty]\n  entry_into_force =   1950-13-01\n",
		    TT_ERANGE, 2, 29, "month 13 is out of range (1 to 12)");
	check_error("[treaty]\nterm = 50x\n", TT_ESYNTAX, 2, 10,
		    "unknown unit 'x' (expected y, m, w or d)");
	check_error("[treaty]\nterm = -5y\n", TT_ERANGE, 2, 8,
		    "must not be negative");
	check_error("[treaty]\nterm = 0y\n", TT_ERANGE, 2, 8,
		    "must be longer than zero");
	check_error("[consultation]\nevery = 0d\n", TT_ERANGE, 2, 9,
		    "must be longer than zero");
	check_error("[consultation]\ncount = 0\n", TT_ERANGE, 2, 9,
		    "must be at least 1");
	check_error("[consultation]\ncount = 3x\n", TT_ESYNTAX, 2, 10,
		    "expected a whole number");
	check_error("[renewal]\ntimes = often\n", TT_ESYNTAX, 2, 9,
		    "expected a whole number or 'unlimited'");
	check_error("[treaty]\nconvention = lunar\n", TT_ESYNTAX, 2, 14,
		    "expected 'anniversary' or 'inclusive'");
	check_error("[treaty]\nid = a b\n", TT_ESYNTAX, 2, 7,
		    "an id may contain only letters, digits, '.', '_' "
		    "and '-'");
	check_error("[treaty]\nname = caf\xc3\n", TT_ESYNTAX, 2, 11,
		    "invalid UTF-8");
	check_error("[treaty]\nname = a\rb\n", TT_ESYNTAX, 2, 9,
		    "control character in text");
	check_error("[treaty]\nname =\n", TT_ESYNTAX, 2, 7, "empty value");
	check_error("[treaty]\nflavour = strawberry\n", TT_EINVAL, 2, 1,
		    "unknown key 'flavour' in section [treaty]");
	check_error("[treaty]\n[annex]\nx = 1\n", TT_EINVAL, 2, 2,
		    "unknown section [annex]");
	check_error("[treaty]\nterm = 5y\nterm = 6y\n", TT_EINVAL, 3, 1,
		    "duplicate key 'term' in section [treaty]");
	check_error("[treaty]\nterm = 5y\n[treaty]\n", TT_EINVAL, 3, 1,
		    "section [treaty] appears twice (only [conference], "
		    "[milestone], [event], [notice] and [party] may repeat)");
	check_error("term = 5y\n", TT_ESYNTAX, 1, 1,
		    "'term' is outside any section (start with [treaty])");
	check_error("[treaty]\nterm 5y\n", TT_ESYNTAX, 2, 1,
		    "expected '[section]' or 'key = value'");
	check_error("[treaty\nterm = 5y\n", TT_ESYNTAX, 1, 1,
		    "section header without ']'");
}

static void
test_parse_binary_and_long(void)
{
	char text[400];
	tt_spec *spec = tt_spec_new();
	tt_error e;

	/* A NUL byte: strlen() above would stop at it, so pass the length. */
	CU_ASSERT_EQUAL(tt_spec_parse(spec, "[treaty]\nid = a\0b\n", 18, &e),
			TT_ESYNTAX);
	CU_ASSERT_EQUAL(e.line, 2);
	CU_ASSERT_EQUAL(e.column, 7);
	CU_ASSERT_STRING_EQUAL(e.message,
			       "NUL byte in a spec file (is it a text file?)");
	/* Lines have no length limit: 199 bytes was inih's, and 200 bytes
	 * are now read like any other line. */
	tt_spec_reset(spec);
	snprintf(text, sizeof text, "[treaty]\nname = %0*d\n", 192, 0);
	CU_ASSERT_EQUAL(tt_spec_parse(spec, text, strlen(text), &e), TT_OK);
	tt_spec_reset(spec);
	snprintf(text, sizeof text, "[treaty]\nname = %0*d\n", 193, 0);
	CU_ASSERT_EQUAL(tt_spec_parse(spec, text, strlen(text), &e), TT_OK);
	CU_ASSERT_EQUAL(strlen(tt_spec_name(spec)), 193);
	/* An empty text is an empty spec, which lacks an entry into
	 * force. */
	tt_spec_reset(spec);
	CU_ASSERT_EQUAL(tt_spec_parse(spec, "", 0, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_spec_validate(spec, &e), TT_EINVAL);
	CU_ASSERT_STRING_EQUAL(e.message, "no entry into force: set [treaty] "
			       "entry_into_force");
	tt_spec_free(spec);
}

static void
test_validate_errors(void)
{
	check_error("[treaty]\nterm = 5y\n", TT_EINVAL, 0, 0,
		    "no entry into force: set [treaty] entry_into_force");
	check_error("[treaty]\nentry_into_force = 2000-01-01\nterm = 1y\n"
		    "[withdrawal]\nnotice = 2y\n", TT_EINVAL, 5, 10,
		    "the notice period is longer than the term");
	check_error("[treaty]\nentry_into_force = 2000-01-01\nterm = 10y\n"
		    "[withdrawal]\nopens = 11y\nnotice = 1y\n", TT_EINVAL, 5,
		    9, "withdrawal opens after the term ends");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "notice_given = 1999-12-31\n[withdrawal]\nnotice = 1y\n",
		    TT_EINVAL, 3, 16,
		    "the notice is dated before entry into force");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "notice_given = 2019-12-31\n[withdrawal]\nopens = 20y\n"
		    "notice = 1y\n", TT_EINVAL, 3, 16,
		    "the notice is dated before withdrawal opens on "
		    "2020-01-01");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "notice_given = 2001-01-01\n", TT_EINVAL, 3, 16,
		    "a notice date needs a [withdrawal] or [renewal] clause");
	check_error("[treaty]\nentry_into_force = 2000-01-01\nterm = 10y\n"
		    "notice_given = 2011-01-01\n[withdrawal]\nnotice = 1y\n",
		    TT_EINVAL, 4, 16,
		    "the notice is dated after the treaty expires");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[consultation]\nevery = 5y\n", TT_EINVAL, 4, 9,
		    "[consultation] needs 'first' (the offset of the first "
		    "consultation from entry into force)");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[review]\nfirst = 5y\ncount = 3\n", TT_EINVAL, 5, 9,
		    "a count of 3 needs 'every' (the period between reviews)");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[renewal]\nperiod = 5y\n", TT_EINVAL, 4, 10,
		    "renewal needs a fixed term, not an indefinite one");
	check_error("[treaty]\nentry_into_force = 2000-01-01\nterm = 1y\n"
		    "[renewal]\nperiod = 5y\nnotice = 1y\n", TT_EINVAL, 6, 10,
		    "the renewal notice is not shorter than the term");
	check_error("[treaty]\nentry_into_force = 2000-01-01\nterm = 5y\n"
		    "[renewal]\nperiod = 1y\nnotice = 1y\n", TT_EINVAL, 6, 10,
		    "the renewal notice is not shorter than the renewal "
		    "period");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[renewal]\nnotice = 1y\n", TT_EINVAL, 4, 10,
		    "[renewal] needs 'period' (the length of each renewed "
		    "period)");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[withdrawal]\nopens = 1y\n", TT_EINVAL, 4, 9,
		    "[withdrawal] needs 'notice' (the notice period)");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[conference]\nlabel = X\n", TT_EINVAL, 4, 9,
		    "[conference] needs 'at' (its offset from entry into "
		    "force)");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[milestone]\nat = 1y\n", TT_EINVAL, 3, 1,
		    "[milestone] needs a 'label'");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[milestone]\nlabel = X\nat = 1y\ndate = 2001-01-01\n",
		    TT_EINVAL, 6, 8,
		    "[milestone] takes 'at' or 'date', not both");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[milestone]\nlabel = X\n", TT_EINVAL, 4, 9,
		    "[milestone] needs 'at' (an offset) or 'date'");
	check_error("[treaty]\nentry_into_force = 9000-01-01\nterm = 1000y\n",
		    TT_ERANGE, 3, 8, "the term ends after 9999-12-31");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "horizon = 1999-01-01\n", TT_EINVAL, 3, 11,
		    "the horizon is before entry into force");
	check_error("[treaty]\nentry_into_force = 9990-01-01\n"
		    "[conference]\nat = 10y\n", TT_ERANGE, 4, 6,
		    "'at' from entry into force reaches past "
		    "9999-12-31");
}

/* Values set as flags (line 0) report the section and key, so that the
 * program can name the flag. */
static void
test_set_origin(void)
{
	tt_spec *spec = tt_spec_new();
	tt_error e;

	CU_ASSERT_EQUAL(tt_spec_set(spec, "withdrawal", "notice", "6q", 0, 0,
				    &e), TT_ESYNTAX);
	CU_ASSERT_EQUAL(e.line, 0);
	CU_ASSERT_EQUAL(e.column, 2);
	CU_ASSERT_STRING_EQUAL(e.section, "withdrawal");
	CU_ASSERT_STRING_EQUAL(e.key, "notice");
	CU_ASSERT_EQUAL(tt_spec_set(spec, "treaty", "entry_into_force",
				    "2000-01-01", 0, 0, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_spec_set(spec, "treaty", "term", "1y", 0, 0, &e),
			TT_OK);
	CU_ASSERT_EQUAL(tt_spec_set(spec, "withdrawal", "notice", "2y", 0, 0,
				    &e), TT_OK);
	CU_ASSERT_EQUAL(tt_spec_validate(spec, &e), TT_EINVAL);
	CU_ASSERT_EQUAL(e.line, 0);
	CU_ASSERT_STRING_EQUAL(e.section, "withdrawal");
	CU_ASSERT_STRING_EQUAL(e.key, "notice");
	CU_ASSERT_EQUAL(tt_spec_set(spec, "treaty", "nope", "1", 0, 0, &e),
			TT_EINVAL);
	CU_ASSERT_STRING_EQUAL(e.message,
			       "unknown key 'nope' in section [treaty]");
	CU_ASSERT_EQUAL(tt_spec_set(spec, "nope", "x", "1", 0, 0, &e),
			TT_EINVAL);
	CU_ASSERT_STRING_EQUAL(e.message, "unknown section [nope]");
	CU_ASSERT_TRUE(tt_spec_key_is_known("renewal", "times"));
	CU_ASSERT_FALSE(tt_spec_key_is_known("renewal", "first"));
	CU_ASSERT_TRUE(tt_spec_section_repeats("milestone"));
	CU_ASSERT_FALSE(tt_spec_section_repeats("treaty"));
	tt_spec_free(spec);
}

/* Later values replace earlier ones; clones are independent; a reset
 * spec is empty. */
static void
test_override_clone_reset(void)
{
	tt_spec *spec, *copy;
	tt_error e;
	tt_date d;

	CU_ASSERT_EQUAL_FATAL(parse(LITVINOV, &spec, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_spec_set(spec, "treaty", "entry_into_force",
				    "1950-01-01", 0, 0, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_spec_set(spec, "treaty", "name", "Other", 0, 0,
				    &e), TT_OK);
	copy = tt_spec_clone(spec);
	CU_ASSERT_PTR_NOT_NULL_FATAL(copy);
	tt_spec_reset(spec);
	CU_ASSERT_FALSE(tt_spec_entry_into_force(spec, &d));
	CU_ASSERT_STRING_EQUAL(tt_spec_name(spec), "");
	CU_ASSERT_TRUE(tt_spec_entry_into_force(copy, &d));
	ASSERT_DATE_EQ(d, D(1950, 1, 1));
	CU_ASSERT_STRING_EQUAL(tt_spec_name(copy), "Other");
	CU_ASSERT_STRING_EQUAL(tt_spec_id(copy), "litvinov-1946");
	tt_spec_free(copy);
	tt_spec_free(spec);
	tt_spec_free(NULL);
}

static void
test_presets_parse(void)
{
	CU_ASSERT_TRUE(tt_preset_count() >= 3);
	CU_ASSERT_PTR_NULL(tt_preset_at(tt_preset_count()));
	CU_ASSERT_PTR_NULL(tt_preset_find("no-such-treaty"));
	for (size_t i = 0; i < tt_preset_count(); i++) {
		const tt_preset *p = tt_preset_at(i);
		tt_spec *spec = tt_spec_new();
		tt_error e;

		CU_ASSERT_PTR_EQUAL(tt_preset_find(p->name), p);
		CU_ASSERT_EQUAL(tt_preset_load(p, spec, &e), TT_OK);
		CU_ASSERT_EQUAL(tt_spec_validate(spec, &e), TT_OK);
		CU_ASSERT_STRING_EQUAL(tt_spec_id(spec), p->name);
		tt_spec_free(spec);
	}
}

/* The schema lists each key once, finds it again, and says which
 * sections repeat; tt_spec_has() sees the newest instance. */
static void
test_schema(void)
{
	size_t n = tt_spec_key_count();
	tt_spec *spec = tt_spec_new();
	tt_error e;

	CU_ASSERT_TRUE_FATAL(n >= 25);
	CU_ASSERT_PTR_NULL(tt_spec_key_at(n));
	for (size_t i = 0; i < n; i++) {
		const tt_spec_key *k = tt_spec_key_at(i);

		CU_ASSERT_PTR_EQUAL(tt_spec_key_find(k->section, k->key), k);
		CU_ASSERT_TRUE(tt_spec_key_is_known(k->section, k->key));
		CU_ASSERT_EQUAL(tt_spec_section_repeats(k->section),
				k->repeatable);
		CU_ASSERT_TRUE(*k->hint != '\0' && *k->help != '\0');
	}
	CU_ASSERT_PTR_NULL(tt_spec_key_find("treaty", "first"));
	CU_ASSERT_EQUAL(tt_spec_key_find("renewal", "times")->type,
			TT_VALUE_TIMES);
	CU_ASSERT_TRUE(tt_spec_section_repeats("conference"));
	CU_ASSERT_FALSE(tt_spec_section_repeats("withdrawal"));
	CU_ASSERT_FALSE(tt_spec_section_repeats("nope"));

	CU_ASSERT_FALSE(tt_spec_has(spec, "conference", "at"));
	CU_ASSERT_FALSE(tt_spec_has(spec, "nope", "at"));
	CU_ASSERT_EQUAL(tt_spec_set(spec, "conference", "at", "5y", 0, 0, &e),
			TT_OK);
	CU_ASSERT_TRUE(tt_spec_has(spec, "conference", "at"));
	CU_ASSERT_FALSE(tt_spec_has(spec, "conference", "label"));
	CU_ASSERT_EQUAL(tt_spec_begin_section(spec, "conference", 0, 0, &e),
			TT_OK);
	CU_ASSERT_FALSE(tt_spec_has(spec, "conference", "at"));
	CU_ASSERT_FALSE(tt_spec_has(spec, "treaty", "term"));
	CU_ASSERT_EQUAL(tt_spec_set(spec, "treaty", "term", "5y", 0, 0, &e),
			TT_OK);
	CU_ASSERT_TRUE(tt_spec_has(spec, "treaty", "term"));
	tt_spec_free(spec);
}

/* "today" is a date only once the caller says which; resets keep it. */
static void
test_today(void)
{
	tt_spec *spec = tt_spec_new(), *copy;
	tt_error e;
	tt_date d;

	CU_ASSERT_EQUAL(tt_spec_set(spec, "treaty", "entry_into_force",
				    "today", 3, 20, &e), TT_EINVAL);
	CU_ASSERT_EQUAL(e.line, 3);
	CU_ASSERT_EQUAL(e.column, 20);
	tt_spec_set_today(spec, D(2024, 2, 29));
	CU_ASSERT_EQUAL(tt_spec_set(spec, "treaty", "entry_into_force",
				    "today", 0, 0, &e), TT_OK);
	CU_ASSERT_TRUE(tt_spec_entry_into_force(spec, &d));
	ASSERT_DATE_EQ(d, D(2024, 2, 29));
	tt_spec_reset(spec);
	CU_ASSERT_EQUAL(tt_spec_parse(spec, "[milestone]\nlabel = x\n"
				      "date = today\n", 34, &e), TT_OK);
	CU_ASSERT_TRUE(tt_spec_get_date(spec, "milestone", "date", &d));
	ASSERT_DATE_EQ(d, D(2024, 2, 29));
	copy = tt_spec_clone(spec);
	CU_ASSERT_PTR_NOT_NULL_FATAL(copy);
	CU_ASSERT_EQUAL(tt_spec_set(copy, "treaty", "notice_given", "today",
				    0, 0, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_spec_set(copy, "treaty", "term", "today", 0, 0,
				    &e), TT_ESYNTAX);
	tt_spec_free(copy);
	tt_spec_free(spec);
}

/* Ids: the rule, and ids made from other text, snprintf-style. */
static void
test_ids(void)
{
	char buf[8];

	CU_ASSERT_TRUE(tt_id_is_valid("nato-1949.v_2"));
	CU_ASSERT_FALSE(tt_id_is_valid(""));
	CU_ASSERT_FALSE(tt_id_is_valid("a b"));
	CU_ASSERT_FALSE(tt_id_is_valid("caf\xc3\xa9"));
	CU_ASSERT_EQUAL(tt_id_from_text("a b/c", buf, sizeof buf), 5);
	CU_ASSERT_STRING_EQUAL(buf, "a-b-c");
	CU_ASSERT_EQUAL(tt_id_from_text("Treaty of Rome", buf, sizeof buf),
			14);
	CU_ASSERT_STRING_EQUAL(buf, "Treaty-");
	CU_ASSERT_EQUAL(tt_id_from_text("x", NULL, 0), 1);
	CU_ASSERT_EQUAL(tt_id_from_text("", buf, sizeof buf), 0);
	CU_ASSERT_STRING_EQUAL(buf, "");
}

/* --- the spec grammar (treatyterm-spec(5), "FILE FORMAT") ------------- */

/* A spec of TEXT, with [treaty] entry_into_force set. */
static tt_spec *
parse_ok(const char *text)
{
	tt_spec *spec = tt_spec_new();
	tt_error e;

	memset(&e, 0, sizeof e);
	CU_ASSERT_PTR_NOT_NULL_FATAL(spec);
	CU_ASSERT_EQUAL(tt_spec_parse(spec, text, strlen(text), &e), TT_OK);
	if (e.message[0] != '\0')
		fprintf(stderr, "\n  got %u:%u '%s'\n", e.line, e.column,
			e.message);
	return spec;
}

/* A value keeps " ;" and " #": a name reads the same in a file as in a
 * flag or a CSV cell. */
static void
test_grammar_values(void)
{
	tt_spec *spec;

	spec = parse_ok("[treaty]\nname = Treaty of A ; Protocol B\n"
			"id = a\n");
	CU_ASSERT_STRING_EQUAL(tt_spec_name(spec), "Treaty of A ; Protocol B");
	tt_spec_free(spec);
	spec = parse_ok("[treaty]\r\nname =  Art. 5 # and 6 ;  \t\r\n");
	CU_ASSERT_STRING_EQUAL(tt_spec_name(spec), "Art. 5 # and 6 ;");
	tt_spec_free(spec);
	/* The first '=' ends the key; later ones belong to the value. */
	spec = parse_ok("[milestone]\nlabel = a = b;c\nat = 1y\n");
	{
		const char *label;

		CU_ASSERT_TRUE(tt_spec_get_text(spec, "milestone", "label",
						&label));
		CU_ASSERT_STRING_EQUAL(label, "a = b;c");
	}
	tt_spec_free(spec);
}

/* Lines of any length: 300 bytes and 100,000 bytes. */
static void
test_grammar_long_lines(void)
{
	static const size_t lengths[] = { 300, 100000 };

	for (size_t i = 0; i < TTP_ARRAY_SIZE(lengths); i++) {
		size_t n = lengths[i] - strlen("name = ");
		char *text = malloc(n + 64);
		tt_spec *spec;

		CU_ASSERT_PTR_NOT_NULL_FATAL(text);
		strcpy(text, "[treaty]\nname = ");
		memset(text + strlen(text), 'x', n);
		strcpy(text + strlen("[treaty]\nname = ") + n,
		       "\nterm = 5y\n");
		spec = parse_ok(text);
		CU_ASSERT_EQUAL(strlen(tt_spec_name(spec)), n);
		CU_ASSERT_TRUE(tt_spec_has(spec, "treaty", "term"));
		tt_spec_free(spec);
		/* An error far into such a line has its column. */
		text[strlen("[treaty]\nname = ") + n - 1] = '\x01';
		check_error(text, TT_ESYNTAX, 2, (unsigned)lengths[i],
			    "control character in text");
		free(text);
	}
}

/* Whole-line comments, "#" or ";" after any blanks, of any length and
 * whatever they look like. */
static void
test_grammar_comments(void)
{
	char comment[400];
	char text[1024];
	tt_spec *spec;

	memset(comment, '=', sizeof comment - 1);
	comment[sizeof comment - 1] = '\0';
	snprintf(text, sizeof text, "# %s\n[treaty]\n; [annex]\n"
		 "  # term = 1y\n\t; %s\nterm = 5y\n#\n;\n", comment, comment);
	spec = parse_ok(text);
	{
		tt_duration d;

		CU_ASSERT_TRUE(tt_spec_get_duration(spec, "treaty", "term",
						    &d));
		CU_ASSERT_EQUAL(d.years, 5);
	}
	tt_spec_free(spec);
}

/* What the grammar refuses, with line and column. */
static void
test_grammar_errors(void)
{
	/* A comment after a value is part of the value... */
	check_error("[treaty]\nentry_into_force = 2000-01-01 ; in force\n",
		    TT_ESYNTAX, 2, 30, "unexpected text after the date");
	check_error("[treaty]\r\nterm = 5y # five\r\n", TT_ESYNTAX, 2, 10,
		    "expected a number, found ' '");
	/* ... and after a header, an error. */
	check_error("[treaty] ; the treaty\nterm = 5y\n", TT_ESYNTAX, 1, 10,
		    "unexpected text after ']' (a comment takes a line of "
		    "its own)");
	/* Only '=' separates a key from its value. */
	check_error("[treaty]\nterm: 5y\n", TT_ESYNTAX, 2, 1,
		    "expected '[section]' or 'key = value'");
	check_error("[treaty]\n  = 5y\n", TT_ESYNTAX, 2, 3,
		    "expected '[section]' or 'key = value'");
	/* An unknown section is pointed at by its name. */
	check_error("\xef\xbb\xbf[treaty]\n\t[  annex ]\n", TT_EINVAL, 2, 5,
		    "unknown section [annex]");
	/* Each [conference] may have its own 'at', but only one. */
	check_error("[treaty]\nentry_into_force = 2000-01-01\n[conference]\n"
		    "at = 1y\n[conference]\nat = 2y\nlabel = x\nat = 3y\n",
		    TT_EINVAL, 8, 1,
		    "duplicate key 'at' in section [conference]");
	check_error("[review]\nfirst = 1y\n\n[review]\n", TT_EINVAL, 4, 1,
		    "section [review] appears twice (only [conference], "
		    "[milestone], [event], [notice] and [party] may repeat)");
	/* A NUL byte anywhere makes the file binary. */
	{
		tt_spec *spec = tt_spec_new();
		tt_error e;

		CU_ASSERT_EQUAL(tt_spec_parse(spec, "\x89PNG\r\n\x1a\n\0", 9,
					      &e), TT_ESYNTAX);
		CU_ASSERT_EQUAL(e.line, 3);
		CU_ASSERT_EQUAL(e.column, 1);
		tt_spec_free(spec);
	}
}

/* --- typed values ------------------------------------------------------ */

/* Asserts that the error E2 of a typed value is the error E1 of the same
 * value as text: the same message about the same key.  A typed value has
 * no text for a column to point into, except text. */
static void
assert_same_error(tt_status st1, const tt_error *e1, tt_status st2,
		  const tt_error *e2, const char *what, bool text)
{
	CU_ASSERT_EQUAL(st1, st2);
	if (st1 != TT_OK && st1 == st2) {
		CU_ASSERT_STRING_EQUAL(e1->message, e2->message);
		CU_ASSERT_EQUAL(e2->line, 0);
		CU_ASSERT_EQUAL(e2->column, text ? e1->column : 0);
		CU_ASSERT_TRUE(e1->section == e2->section ||
			       strcmp(e1->section, e2->section) == 0);
		CU_ASSERT_TRUE(e1->key == e2->key ||
			       strcmp(e1->key, e2->key) == 0);
	}
	if (st1 != st2 || (st1 != TT_OK &&
			   strcmp(e1->message, e2->message) != 0))
		fprintf(stderr, "\n  %s: text %d '%s', typed %d '%s'\n", what,
			st1, st1 ? e1->message : "", st2,
			st2 ? e2->message : "");
}

/* For every key of the schema, values set as text and the same values set
 * typed are accepted or refused alike, with the same message. */
static void
test_typed_same_checks(void)
{
	static const tt_date dates[] = {
		{ 2000, 1, 1 }, { 2023, 2, 29 }, { 2024, 2, 29 },
		{ 0, 1, 1 }, { 2000, 13, 1 }, { 1, 1, 1 }, { 9999, 12, 31 }
	};
	static const tt_duration durs[] = {
		{ 1, 5, 0, 0, 0 }, { -1, 5, 0, 0, 0 }, { 1, 0, 0, 0, 0 },
		{ -1, 0, 0, 0, 0 }, { 1, 1, 6, 2, 3 },
		{ 1, 0, 0, 0, 9999999 }, { 1, 0, 120000, 0, 0 },
		{ 1, 9998, 0, 0, 0 }, { 1, 9999, 0, 0, 0 }
	};
	static const int counts[] = { 0, 1, 7, 100000, 100001, 2000000 };
	static const char *const texts[] = {
		"x", "a b", "caf\xc3\xa9", "caf\xc3", "a\rb", "a\nb", "",
		"inclusive", "anniversary", "lunar", "indefinite", "unlimited",
		"nato-1949"
	};
	const tt_spec_key *k;

	for (size_t i = 0; (k = tt_spec_key_at(i)) != NULL; i++) {
		tt_spec *a = tt_spec_new(), *b = tt_spec_new();
		char text[64], what[128];
		tt_error e1, e2;
		tt_status s1, s2;

		for (size_t j = 0; k->type == TT_VALUE_DATE &&
		     j < TTP_ARRAY_SIZE(dates); j++) {
			tt_date d = dates[j], got;

			snprintf(text, sizeof text, "%04d-%02d-%02d", d.year,
				 d.month, d.day);
			snprintf(what, sizeof what, "%s.%s %s", k->section,
				 k->key, text);
			s1 = tt_spec_set(a, k->section, k->key, text, 0, 0,
					 &e1);
			s2 = tt_spec_set_date(b, k->section, k->key, d, &e2);
			assert_same_error(s1, &e1, s2, &e2, what, false);
			if (s2 == TT_OK) {
				CU_ASSERT_TRUE(tt_spec_get_date(b, k->section,
								k->key, &got));
				ASSERT_DATE_EQ(got, d);
			}
		}
		for (size_t j = 0; (k->type == TT_VALUE_DURATION ||
				    k->type == TT_VALUE_PERIOD ||
				    k->type == TT_VALUE_TERM) &&
		     j < TTP_ARRAY_SIZE(durs); j++) {
			tt_duration d = durs[j], got;

			tt_duration_format_iso(d, text, sizeof text);
			snprintf(what, sizeof what, "%s.%s %s", k->section,
				 k->key, text);
			s1 = tt_spec_set(a, k->section, k->key, text, 0, 0,
					 &e1);
			s2 = tt_spec_set_duration(b, k->section, k->key, d,
						  &e2);
			assert_same_error(s1, &e1, s2, &e2, what, false);
			if (s2 == TT_OK) {
				CU_ASSERT_TRUE(tt_spec_get_duration(
					b, k->section, k->key, &got));
				CU_ASSERT_EQUAL(got.years, d.years);
				CU_ASSERT_EQUAL(got.months, d.months);
				CU_ASSERT_EQUAL(got.weeks, d.weeks);
				CU_ASSERT_EQUAL(got.days, d.days);
				CU_ASSERT_EQUAL(got.sign, 1);
			}
		}
		for (size_t j = 0; (k->type == TT_VALUE_COUNT ||
				    k->type == TT_VALUE_TIMES) &&
		     j < TTP_ARRAY_SIZE(counts); j++) {
			int got;

			snprintf(text, sizeof text, "%d", counts[j]);
			snprintf(what, sizeof what, "%s.%s %s", k->section,
				 k->key, text);
			s1 = tt_spec_set(a, k->section, k->key, text, 0, 0,
					 &e1);
			s2 = tt_spec_set_count(b, k->section, k->key,
					       counts[j], &e2);
			assert_same_error(s1, &e1, s2, &e2, what, false);
			if (s2 == TT_OK) {
				CU_ASSERT_TRUE(tt_spec_get_count(
					b, k->section, k->key, &got));
				CU_ASSERT_EQUAL(got, counts[j]);
			}
		}
		/* Text: every key that takes text or a word. */
		for (size_t j = 0; (k->type == TT_VALUE_TEXT ||
				    k->type == TT_VALUE_ID ||
				    k->type == TT_VALUE_CONVENTION) &&
		     j < TTP_ARRAY_SIZE(texts); j++) {
			const char *got;

			snprintf(what, sizeof what, "%s.%s '%s'", k->section,
				 k->key, texts[j]);
			s1 = tt_spec_set(a, k->section, k->key, texts[j], 0,
					 0, &e1);
			s2 = tt_spec_set_text(b, k->section, k->key, texts[j],
					      &e2);
			assert_same_error(s1, &e1, s2, &e2, what, true);
			if (s2 == TT_OK) {
				CU_ASSERT_TRUE(tt_spec_get_text(
					b, k->section, k->key, &got));
				CU_ASSERT_STRING_EQUAL(got, texts[j]);
			}
		}
		tt_spec_free(a);
		tt_spec_free(b);
	}
}

static void
test_typed_values(void)
{
	tt_spec *spec = tt_spec_new();
	tt_date eif = { 1949, 8, 24 }, d;
	tt_duration term = { 1, 20, 0, 0, 0 }, dur;
	const char *text;
	tt_error e;
	int n;

	/* Nothing set: every getter says so. */
	CU_ASSERT_FALSE(tt_spec_get_date(spec, "treaty", "entry_into_force",
					 &d));
	CU_ASSERT_FALSE(tt_spec_get_text(spec, "treaty", "name", &text));
	CU_ASSERT_FALSE(tt_spec_get_duration(spec, "conference", "at", &dur));
	CU_ASSERT_FALSE(tt_spec_get_count(spec, "renewal", "times", &n));
	CU_ASSERT_FALSE(tt_spec_get_date(spec, "nope", "x", &d));

	/* North Atlantic Treaty: 20 years, then a year's notice. */
	CU_ASSERT_EQUAL(tt_spec_set_text(spec, "treaty", "id", "nato-1949",
					 &e), TT_OK);
	CU_ASSERT_EQUAL(tt_spec_set_text(spec, "treaty", "name",
					 "North Atlantic Treaty ; art. 13",
					 &e), TT_OK);
	CU_ASSERT_EQUAL(tt_spec_set_date(spec, "treaty", "entry_into_force",
					 eif, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_spec_set_duration(spec, "treaty", "term", term,
					     &e), TT_OK);
	CU_ASSERT_EQUAL(tt_spec_set_duration(spec, "withdrawal", "notice",
					     tt_duration_of_years(1), &e),
			TT_OK);
	CU_ASSERT_EQUAL(tt_spec_validate(spec, &e), TT_OK);
	CU_ASSERT_STRING_EQUAL(tt_spec_id(spec), "nato-1949");
	CU_ASSERT_TRUE(tt_spec_get_text(spec, "treaty", "name", &text));
	CU_ASSERT_STRING_EQUAL(text, "North Atlantic Treaty ; art. 13");
	CU_ASSERT_TRUE(tt_spec_get_date(spec, "treaty", "entry_into_force",
					&d));
	ASSERT_DATE_EQ(d, eif);
	CU_ASSERT_TRUE(tt_spec_get_duration(spec, "treaty", "term", NULL));
	/* A getter of another type says no. */
	CU_ASSERT_FALSE(tt_spec_get_date(spec, "treaty", "term", &d));
	CU_ASSERT_FALSE(tt_spec_get_text(spec, "treaty", "term", &text));
	CU_ASSERT_FALSE(tt_spec_get_count(spec, "treaty", "name", &n));

	/* Words: a convention, an indefinite term, unlimited renewals. */
	CU_ASSERT_TRUE(tt_spec_get_text(spec, "treaty", "id", NULL));
	CU_ASSERT_FALSE(tt_spec_get_text(spec, "treaty", "convention", &text));
	CU_ASSERT_EQUAL(tt_spec_set_text(spec, "treaty", "convention",
					 "inclusive", &e), TT_OK);
	CU_ASSERT_TRUE(tt_spec_get_text(spec, "treaty", "convention", &text));
	CU_ASSERT_STRING_EQUAL(text, "inclusive");
	CU_ASSERT_EQUAL(tt_spec_set_text(spec, "treaty", "term", "indefinite",
					 &e), TT_OK);
	CU_ASSERT_FALSE(tt_spec_get_duration(spec, "treaty", "term", &dur));
	CU_ASSERT_TRUE(tt_spec_get_text(spec, "treaty", "term", &text));
	CU_ASSERT_STRING_EQUAL(text, "indefinite");
	CU_ASSERT_EQUAL(tt_spec_set_text(spec, "treaty", "term", "20y", &e),
			TT_ESYNTAX);
	CU_ASSERT_STRING_EQUAL(e.message,
			       "expected a duration or 'indefinite'");
	CU_ASSERT_EQUAL(tt_spec_set_count(spec, "renewal", "times",
					  TT_RENEWAL_UNLIMITED, &e), TT_OK);
	CU_ASSERT_TRUE(tt_spec_get_count(spec, "renewal", "times", &n));
	CU_ASSERT_EQUAL(n, TT_RENEWAL_UNLIMITED);
	CU_ASSERT_TRUE(tt_spec_get_text(spec, "renewal", "times", &text));
	CU_ASSERT_STRING_EQUAL(text, "unlimited");
	CU_ASSERT_EQUAL(tt_spec_set_count(spec, "renewal", "times", 3, &e),
			TT_OK);
	CU_ASSERT_FALSE(tt_spec_get_text(spec, "renewal", "times", &text));
	CU_ASSERT_EQUAL(tt_spec_set_count(spec, "review", "count",
					  TT_RENEWAL_UNLIMITED, &e),
			TT_ERANGE);
	CU_ASSERT_STRING_EQUAL(e.message, "must be at least 1");

	/* A value of the wrong type, an unknown key. */
	CU_ASSERT_EQUAL(tt_spec_set_date(spec, "treaty", "term", eif, &e),
			TT_EINVAL);
	CU_ASSERT_STRING_EQUAL(e.message,
			       "[treaty] term takes DURATION|indefinite, not "
			       "a date");
	CU_ASSERT_STRING_EQUAL(e.section, "treaty");
	CU_ASSERT_STRING_EQUAL(e.key, "term");
	CU_ASSERT_EQUAL(tt_spec_set_count(spec, "treaty", "name", 3, &e),
			TT_EINVAL);
	CU_ASSERT_STRING_EQUAL(e.message,
			       "[treaty] name takes TEXT, not a number");
	CU_ASSERT_EQUAL(tt_spec_set_text(spec, "treaty", "horizon",
					 "2000-01-01", &e), TT_EINVAL);
	CU_ASSERT_EQUAL(tt_spec_set_duration(spec, "treaty", "colour", term,
					     &e), TT_EINVAL);
	CU_ASSERT_STRING_EQUAL(e.message,
			       "unknown key 'colour' in section [treaty]");
	CU_ASSERT_EQUAL(tt_spec_set_date(spec, "annex", "date", eif, &e),
			TT_EINVAL);
	CU_ASSERT_STRING_EQUAL(e.message, "unknown section [annex]");

	/* Repeatable sections: the newest instance. */
	CU_ASSERT_EQUAL(tt_spec_set_duration(spec, "conference", "at",
					     tt_duration_of_years(5), &e),
			TT_OK);
	CU_ASSERT_TRUE(tt_spec_get_duration(spec, "conference", "at", &dur));
	CU_ASSERT_EQUAL(dur.years, 5);
	CU_ASSERT_EQUAL(tt_spec_begin_section(spec, "conference", 0, 0, &e),
			TT_OK);
	CU_ASSERT_FALSE(tt_spec_get_duration(spec, "conference", "at", &dur));
	CU_ASSERT_EQUAL(tt_spec_set_duration(spec, "conference", "at",
					     tt_duration_of_years(10), &e),
			TT_OK);
	CU_ASSERT_TRUE(tt_spec_get_duration(spec, "conference", "at", &dur));
	CU_ASSERT_EQUAL(dur.years, 10);
	tt_spec_free(spec);
}

/* --- internal helpers ------------------------------------------------ */

static void
test_grow(void)
{
	size_t cap = 0, old;
	int *p = ttp_grow(NULL, &cap, 10, sizeof *p), *q;

	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	CU_ASSERT_TRUE(cap >= 10);
	for (size_t i = 0; i < 10; i++)
		p[i] = (int)i;
	/* Big enough: the same block. */
	CU_ASSERT_PTR_EQUAL(ttp_grow(p, &cap, 5, sizeof *p), p);
	CU_ASSERT_PTR_EQUAL(ttp_grow(p, &cap, cap, sizeof *p), p);
	/* One more: at least double, contents kept. */
	old = cap;
	q = ttp_grow(p, &cap, old + 1, sizeof *p);
	CU_ASSERT_PTR_NOT_NULL_FATAL(q);
	p = q;
	CU_ASSERT_TRUE(cap >= 2 * old);
	CU_ASSERT_EQUAL(p[9], 9);
	/* Sizes that overflow are refused before anything is allocated,
	 * and leave the array alone. */
	old = cap;
	CU_ASSERT_PTR_NULL(ttp_grow(p, &cap, SIZE_MAX / sizeof *p + 1,
				    sizeof *p));
	CU_ASSERT_PTR_NULL(ttp_grow(p, &cap, SIZE_MAX, 2));
	CU_ASSERT_PTR_NULL(ttp_grow(p, &cap, SIZE_MAX / 2 + 1, 2));
	CU_ASSERT_PTR_NULL(ttp_grow(p, &cap, cap + 1, 0));
	CU_ASSERT_EQUAL(cap, old);
	CU_ASSERT_EQUAL(p[9], 9);
	free(p);
	/* A need of 0 still gives a block. */
	cap = 0;
	p = ttp_grow(NULL, &cap, 0, sizeof *p);
	CU_ASSERT_PTR_NOT_NULL(p);
	CU_ASSERT_TRUE(cap >= 1);
	free(p);
}

/* The length ttp_utf8_decode() gives the N bytes at S, and its code
 * point. */
static size_t
decode(const char *s, size_t n, uint32_t *cp)
{
	*cp = 0xffffffff;
	return ttp_utf8_decode((const unsigned char *)s, n, cp);
}

static void
test_utf8(void)
{
	static const struct {
		const char *bytes;
		size_t n, len;
		uint32_t cp;
	} cases[] = {
		{ "A", 1, 1, 0x41 },
		{ "", 1, 1, 0 },		/* NUL is ASCII */
		{ "\x7f", 1, 1, 0x7f },
		{ "\xc2\x80", 2, 2, 0x80 },
		{ "\xc3\xa9", 2, 2, 0xe9 },
		{ "\xdf\xbf", 2, 2, 0x7ff },
		{ "\xe0\xa0\x80", 3, 3, 0x800 },
		{ "\xed\x9f\xbf", 3, 3, 0xd7ff },
		{ "\xee\x80\x80", 3, 3, 0xe000 },
		{ "\xef\xbf\xbf", 3, 3, 0xffff },
		{ "\xf0\x90\x80\x80", 4, 4, 0x10000 },
		{ "\xf4\x8f\xbf\xbf", 4, 4, 0x10ffff },
		/* overlong forms */
		{ "\xc0\x80", 2, 0, 0 },
		{ "\xc1\xbf", 2, 0, 0 },
		{ "\xe0\x80\x80", 3, 0, 0 },
		{ "\xe0\x9f\xbf", 3, 0, 0 },
		{ "\xf0\x80\x80\x80", 4, 0, 0 },
		{ "\xf0\x8f\xbf\xbf", 4, 0, 0 },
		/* UTF-16 surrogates */
		{ "\xed\xa0\x80", 3, 0, 0 },
		{ "\xed\xbf\xbf", 3, 0, 0 },
		/* past U+10FFFF */
		{ "\xf4\x90\x80\x80", 4, 0, 0 },
		{ "\xf5\x80\x80\x80", 4, 0, 0 },
		{ "\xf7\xbf\xbf\xbf", 4, 0, 0 },
		{ "\xfe", 1, 0, 0 },
		{ "\xff", 1, 0, 0 },
		/* cut short, by the end of the bytes or by another byte */
		{ "\xc3", 1, 0, 0 },
		{ "\xe2\x82", 2, 0, 0 },
		{ "\xf0\x9f\x98", 3, 0, 0 },
		{ "\xf0\x9f\x98\x80", 3, 0, 0 },
		{ "\xc3\x41", 2, 0, 0 },
		{ "\xe2\x82\x41", 3, 0, 0 },
		{ "\xe2\x41\xac", 3, 0, 0 },
		/* a lone continuation byte */
		{ "\x80", 1, 0, 0 },
		{ "\xbf\xbf", 2, 0, 0 },
	};

	for (size_t i = 0; i < TTP_ARRAY_SIZE(cases); i++) {
		uint32_t cp;
		size_t len = decode(cases[i].bytes, cases[i].n, &cp);

		CU_ASSERT_EQUAL(len, cases[i].len);
		if (len != cases[i].len)
			fprintf(stderr, "\n  case %zu: length %zu\n", i, len);
		if (cases[i].len > 0)
			CU_ASSERT_EQUAL(cp, cases[i].cp);
	}
	CU_ASSERT_EQUAL(ttp_utf8_decode((const unsigned char *)"A", 0, NULL),
			0);
	CU_ASSERT_EQUAL(ttp_utf8_check("ok caf\xc3\xa9!", 10), 10);
	CU_ASSERT_EQUAL(ttp_utf8_check("ab\xed\xa0\x80", 5), 2);
	CU_ASSERT_EQUAL(ttp_utf8_check("abc\xe2\x82", 5), 3);
	CU_ASSERT_EQUAL(ttp_utf8_check("\xc0\xaf", 2), 0);
	CU_ASSERT_EQUAL(ttp_utf8_check("", 0), 0);
	CU_ASSERT_EQUAL(ttp_utf8_char_len("\xc3\xa9x"), 2);
	CU_ASSERT_EQUAL(ttp_utf8_char_len("\xe4\xb8\xad"), 3);
	CU_ASSERT_EQUAL(ttp_utf8_char_len("\xe4\xb8"), 1);
	CU_ASSERT_EQUAL(ttp_utf8_char_len("\xc3"), 1);
	CU_ASSERT_EQUAL(ttp_utf8_char_len("x"), 1);
	CU_ASSERT_EQUAL(ttp_utf8_char_len(""), 0);
	/* Trimming a text cut short: an incomplete last sequence goes,
	 * whole ones stay. */
	{
		static const struct {
			const char *in, *out;
		} trims[] = {
			{ "caf\xc3\xa9", "caf\xc3\xa9" },
			{ "caf\xc3", "caf" },
			{ "a\xe4\xb8", "a" },
			{ "a\xe4\xb8\xad", "a\xe4\xb8\xad" },
			{ "a\xf0\x9f\x98", "a" },
			{ "a\xf0\x9f\x98\x80", "a\xf0\x9f\x98\x80" },
			{ "\xe4", "" },
			{ "", "" },
			{ "plain", "plain" },
		};

		for (size_t i = 0; i < sizeof trims / sizeof trims[0]; i++) {
			char buf[16];

			snprintf(buf, sizeof buf, "%s", trims[i].in);
			CU_ASSERT_EQUAL(ttp_utf8_trim(buf), strlen(trims[i].out));
			CU_ASSERT_STRING_EQUAL(buf, trims[i].out);
		}
	}
	/* Spec text is checked with the same decoder. */
	check_error("[treaty]\nname = \xed\xa0\x80\n", TT_ESYNTAX, 2, 8,
		    "invalid UTF-8");
	check_error("[treaty]\nname = ab\xf4\x90\x80\x80\n", TT_ESYNTAX, 2, 10,
		    "invalid UTF-8");
	check_error("[treaty]\nname = \xc0\xae\n", TT_ESYNTAX, 2, 8,
		    "invalid UTF-8");
}

/* The values of the keys of events, rules, readings, floors and notices:
 * what each takes, refuses, and reads back. */
static void
test_reckoning_values(void)
{
	tt_spec *spec = NULL;
	const char *text;
	tt_duration dur;
	tt_date d;
	tt_error e;

	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "bilateral = maybe\n", TT_ESYNTAX, 3, 13,
		    "expected 'yes' or 'no'");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[withdrawal]\nnotice = 1y\nrule = next-day\n", TT_ESYNTAX,
		    5, 8, "expected same-date, day-after, first-of-next-month "
		    "or end-of-year");
	/* The column of the bad rule in a list. */
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[withdrawal]\nnotice = 1y\nreadings = day-after,eoy\n",
		    TT_ESYNTAX, 5, 22, "expected same-date, day-after, "
		    "first-of-next-month or end-of-year");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[event]\nname = x\ndate = someday\n", TT_ESYNTAX, 5, 8,
		    "expected a date or 'unknown'");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[event]\ndate = unknown\n", TT_EINVAL, 3, 1,
		    "[event] needs a 'name'");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[event]\nname = entry_into_force\ndate = 2000-01-01\n",
		    TT_EINVAL, 4, 8, "an event named 'entry_into_force' is "
		    "already known");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[notice]\nreceived = 2001-01-01\n", TT_EINVAL, 4, 12,
		    "a notice needs a [withdrawal] or [renewal] clause");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[withdrawal]\nnotice = 1y\n[notice]\nparty = X\n",
		    TT_EINVAL, 5, 1, "[notice] needs 'received' (the day it "
		    "was received)");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[withdrawal]\nnotice = 1y\nwindow = 1y\n", TT_EINVAL, 5,
		    10, "[withdrawal] takes 'window' and 'every' together");
	check_error("[treaty]\nentry_into_force = 2000-01-01\n"
		    "[withdrawal]\nnotice = 1y\n[notice]\nreceived = 2001-01-01\n"
		    "revoked = 2000-12-31\n", TT_EINVAL, 7, 11,
		    "the notice is revoked before it was received");
	/* Read back. */
	CU_ASSERT_EQUAL_FATAL(parse("[treaty]\nentry_into_force = 2000-01-01\n"
				    "hypothetical = yes\nfrom = signature\n"
				    "term = 5y\n[event]\nname = signature\n"
				    "date = unknown\n[withdrawal]\n"
				    "notice = 1y\nrule = end-of-year\n"
				    "readings = day-after,same-date\n"
				    "not_before = 20y\n[review]\nfirst = 5y\n"
				    "not_before = 2010-01-01\n", &spec, &e),
			      TT_OK);
	CU_ASSERT_TRUE(tt_spec_get_text(spec, "treaty", "hypothetical",
					&text) && strcmp(text, "yes") == 0);
	CU_ASSERT_TRUE(tt_spec_get_text(spec, "treaty", "from", &text) &&
		       strcmp(text, "signature") == 0);
	CU_ASSERT_TRUE(tt_spec_get_text(spec, "event", "date", &text) &&
		       strcmp(text, "unknown") == 0);
	CU_ASSERT_FALSE(tt_spec_get_date(spec, "event", "date", &d));
	CU_ASSERT_TRUE(tt_spec_get_text(spec, "withdrawal", "rule", &text) &&
		       strcmp(text, "end-of-year") == 0);
	CU_ASSERT_TRUE(tt_spec_get_text(spec, "withdrawal", "readings",
					&text) &&
		       strcmp(text, "day-after,same-date") == 0);
	CU_ASSERT_TRUE(tt_spec_get_duration(spec, "withdrawal", "not_before",
					    &dur) && dur.years == 20);
	CU_ASSERT_FALSE(tt_spec_get_date(spec, "withdrawal", "not_before",
					 &d));
	CU_ASSERT_TRUE(tt_spec_get_date(spec, "review", "not_before", &d));
	ASSERT_DATE_EQ(d, ((tt_date){ 2010, 1, 1 }));
	CU_ASSERT_FALSE(tt_spec_get_duration(spec, "review", "not_before",
					     &dur));
	/* An event dated later; an unknown one added. */
	CU_ASSERT_EQUAL(tt_spec_set_event_date(spec, "signature", "1999-05-01",
					       &e), TT_OK);
	CU_ASSERT_TRUE(tt_spec_get_date(spec, "event", "date", &d));
	ASSERT_DATE_EQ(d, ((tt_date){ 1999, 5, 1 }));
	CU_ASSERT_EQUAL(tt_spec_set_event_date(spec, "signature", "soon", &e),
			TT_ESYNTAX);
	CU_ASSERT_EQUAL(tt_spec_set_event_date(spec, "peace", "unknown", &e),
			TT_OK);
	CU_ASSERT_TRUE(tt_spec_get_text(spec, "event", "name", &text) &&
		       strcmp(text, "peace") == 0);
	tt_spec_free(spec);
}

void
add_spec_tests(void)
{
	static const CU_TestInfo tests[] = {
		{ "parse a spec file", test_parse_good },
		{ "BOM, CRLF, indentation and comments", test_parse_tolerant },
		{ "errors with line and column", test_parse_errors },
		{ "binary files and long lines", test_parse_binary_and_long },
		{ "contradictions and missing values", test_validate_errors },
		{ "values from flags", test_set_origin },
		{ "override, clone, reset", test_override_clone_reset },
		{ "every preset parses and validates", test_presets_parse },
		{ "the schema", test_schema },
		{ "ids", test_ids },
		{ "today", test_today },
		{ "values keep ' ;' and ' #'", test_grammar_values },
		{ "lines of any length", test_grammar_long_lines },
		{ "comment lines", test_grammar_comments },
		{ "grammar errors with line and column", test_grammar_errors },
		{ "typed values: the checks of text", test_typed_same_checks },
		{ "typed setters and getters", test_typed_values },
		{ "events, rules, readings, floors, notices",
		  test_reckoning_values },
		CU_TEST_INFO_NULL
	};
	static const CU_TestInfo helpers[] = {
		{ "growing arrays", test_grow },
		{ "UTF-8", test_utf8 },
		CU_TEST_INFO_NULL
	};

	unit_add_suite("specs", tests);
	unit_add_suite("helpers", helpers);
}
