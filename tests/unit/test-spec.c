/*
 * test-spec.c -- spec files and values: every key, every error with its
 * line and column, BOM and CRLF, repeated sections, the cross-checks.
 */
#include <stdio.h>
#include <string.h>

#include "unit.h"

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

/* A byte order mark, CRLF line ends, indentation, inline comments and a
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
				    "entry_into_force=1947-09-15 ; EIF\r\n"
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
		    "section [treaty] appears twice (only [conference] and "
		    "[milestone] may repeat)");
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
	/* 199 bytes is the longest line; 200 is refused. */
	tt_spec_reset(spec);
	snprintf(text, sizeof text, "[treaty]\nname = %0*d\n", 192, 0);
	CU_ASSERT_EQUAL(tt_spec_parse(spec, text, strlen(text), &e), TT_OK);
	tt_spec_reset(spec);
	snprintf(text, sizeof text, "[treaty]\nname = %0*d\n", 193, 0);
	CU_ASSERT_EQUAL(tt_spec_parse(spec, text, strlen(text), &e),
			TT_ELIMIT);
	CU_ASSERT_EQUAL(e.line, 2);
	CU_ASSERT_EQUAL(e.column, 200);
	CU_ASSERT_STRING_EQUAL(e.message, "line longer than 199 bytes");
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
		CU_TEST_INFO_NULL
	};

	unit_add_suite("specs", tests);
}
