/*
 * test-diff.c -- two versions of a treaty compared: milestones matched
 * by identity (added, removed, moved, with the days signed), pending and
 * party milestones, and the clauses that changed.
 */
#include <stdio.h>
#include <string.h>

#include "unit.h"

/* A spec parsed from TEXT. */
static tt_spec *
parse(const char *text)
{
	tt_spec *spec = tt_spec_new();
	tt_error e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(spec);
	if (tt_spec_parse(spec, text, strlen(text), &e) != TT_OK)
		fprintf(stderr, "\n  parse: %u:%u: %s\n", e.line, e.column,
			e.message);
	return spec;
}

/* The schedule of the spec TEXT. */
static tt_schedule *
compute(const char *text)
{
	tt_spec *spec = parse(text);
	tt_schedule *s = tt_schedule_new();
	tt_error e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(s);
	if (tt_schedule_compute(s, spec, NULL, &e) != TT_OK)
		fprintf(stderr, "\n  compute: %s\n", e.message);
	tt_spec_free(spec);
	return s;
}

/* The milestone changes between the schedules of A and B, one a line:
 * "moved expiry 1997-09-15 1982-09-15 -5479", "-" for a missing date or
 * days, and the label of those with a party. */
static const char *
milestone_changes(const char *a, const char *b, char *buf, size_t size)
{
	tt_schedule *sa = compute(a), *sb = compute(b);
	tt_diff *d = tt_diff_new();
	size_t n = 0;
	tt_error e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	buf[0] = '\0';
	CU_ASSERT_EQUAL_FATAL(tt_diff_schedules(d, sa, sb, &e), TT_OK);
	for (size_t i = 0; i < tt_diff_milestone_count(d) && n < size; i++) {
		const tt_milestone_change *c = tt_diff_milestone_at(d, i);
		const tt_milestone *m = c->after ? c->after : c->before;
		char d1[TT_DATE_BUFSIZE] = "-", d2[TT_DATE_BUFSIZE] = "-";
		char days[16] = "-", label[128] = "";

		if (c->before != NULL && !c->before->pending)
			tt_date_format(c->before->date, d1);
		if (c->after != NULL && !c->after->pending)
			tt_date_format(c->after->date, d2);
		if (c->has_days)
			snprintf(days, sizeof days, "%+ld", (long)c->days);
		if (m->party != NULL) {
			label[0] = ' ';
			tt_milestone_label(m, label + 1, sizeof label - 1);
		}
		n += (size_t)snprintf(buf + n, size - n, "%s %s %s %s %s%s\n",
				      tt_change_name(c->change),
				      tt_kind_name(m->kind), d1, d2, days,
				      label);
	}
	tt_diff_free(d);
	tt_schedule_free(sa);
	tt_schedule_free(sb);
	return buf;
}

static void
check_milestones(const char *a, const char *b, const char *want)
{
	char buf[4096];

	CU_ASSERT_STRING_EQUAL(milestone_changes(a, b, buf, sizeof buf),
			       want);
	if (strcmp(buf, want) != 0)
		fprintf(stderr, "\n--- got:\n%s--- want:\n%s", buf, want);
}

/* The clause changes between A and B, one a line: "treaty.term 50y 35y",
 * "conference#2.at - 10y" ("-" for unset), "party#1[A].deposit ..."
 * (the party's name). */
static const char *
clause_changes(const char *a, const char *b, char *buf, size_t size)
{
	tt_spec *sa = parse(a), *sb = parse(b);
	tt_diff *d = tt_diff_new();
	size_t n = 0;
	tt_error e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	buf[0] = '\0';
	CU_ASSERT_EQUAL_FATAL(tt_diff_specs(d, sa, sb, &e), TT_OK);
	for (size_t i = 0; i < tt_diff_clause_count(d) && n < size; i++) {
		const tt_clause_change *c = tt_diff_clause_at(d, i);
		char inst[32] = "";

		if (c->instance > 0)
			snprintf(inst, sizeof inst, "#%zu", c->instance);
		n += (size_t)snprintf(buf + n, size - n, "%s%s%s%s%s.%s %s %s\n",
				      c->section, inst, c->party ? "[" : "",
				      c->party ? c->party : "",
				      c->party ? "]" : "", c->key,
				      c->before ? c->before : "-",
				      c->after ? c->after : "-");
	}
	tt_diff_free(d);
	tt_spec_free(sa);
	tt_spec_free(sb);
	return buf;
}

static void
check_clauses(const char *a, const char *b, const char *want)
{
	char buf[4096];

	CU_ASSERT_STRING_EQUAL(clause_changes(a, b, buf, sizeof buf), want);
	if (strcmp(buf, want) != 0)
		fprintf(stderr, "\n--- got:\n%s--- want:\n%s", buf, want);
}

#define LITVINOV(term) \
	"[treaty]\nid = litvinov\nentry_into_force = 1947-09-15\n" \
	"term = " term "\n[consultation]\nfirst = 25y\nevery = 5y\n"

/* Nothing differs: nothing is reported, in either list. */
static void
test_unchanged(void)
{
	check_milestones(LITVINOV("50y"), LITVINOV("50y"), "");
	check_clauses(LITVINOV("50y"), LITVINOV("50y"), "");
	/* The same values written otherwise are the same. */
	check_clauses(LITVINOV("50y"), "[treaty]\nterm = P50Y\n"
		      "entry_into_force = 1947-09-15\nid = litvinov\n"
		      "[consultation]\nevery = 5Y\nfirst = 25y\n", "");
}

/* Litvinov at 35 years instead of 50: consultations removed, the
 * expiry moved back; and the other way round, added and moved on (on
 * one day, in the order of the kinds, as a schedule lists them). */
static void
test_moved_removed_added(void)
{
	check_milestones(LITVINOV("50y"), LITVINOV("35y"),
			 "removed consultation 1982-09-15 - -\n"
			 "removed consultation 1987-09-15 - -\n"
			 "removed consultation 1992-09-15 - -\n"
			 "moved expiry 1997-09-15 1982-09-15 -5479\n");
	check_milestones(LITVINOV("35y"), LITVINOV("50y"),
			 "added consultation - 1982-09-15 -\n"
			 "moved expiry 1982-09-15 1997-09-15 +5479\n"
			 "added consultation - 1987-09-15 -\n"
			 "added consultation - 1992-09-15 -\n");
	/* One day: the sign and the singular are the caller's. */
	check_milestones("[treaty]\nentry_into_force = 2000-01-01\n"
			 "term = 1y\n",
			 "[treaty]\nentry_into_force = 2000-01-02\n"
			 "term = 1y\n",
			 "moved entry_into_force 2000-01-01 2000-01-02 +1\n"
			 "moved expiry 2001-01-01 2001-01-02 +1\n");
}

/* Moved means the same milestone on another day, whatever the order:
 * the second review stays the second review. */
static void
test_identity(void)
{
	check_milestones("[treaty]\nentry_into_force = 2000-01-01\n"
			 "[review]\nfirst = 1y\nevery = 1y\ncount = 2\n"
			 "[conference]\nat = 18m\n",
			 "[treaty]\nentry_into_force = 2000-01-01\n"
			 "[review]\nfirst = 1y\nevery = 2y\ncount = 2\n"
			 "[conference]\nat = 18m\n",
			 "moved review 2002-01-01 2003-01-01 +365\n");
	/* A second [conference] is another series: added, not moved. */
	check_milestones("[treaty]\nentry_into_force = 2000-01-01\n"
			 "[conference]\nat = 1y\n",
			 "[treaty]\nentry_into_force = 2000-01-01\n"
			 "[conference]\nat = 1y\n[conference]\nat = 6m\n",
			 "added conference - 2000-07-01 -\n");
}

#define EVENT_SPEC(date) \
	"[treaty]\nentry_into_force = 1947-09-15\n" \
	"[event]\nname = peace\ndate = " date "\n" \
	"[milestone]\nlabel = Occupation ends\nfrom = peace\nat = 10y\n"

/* A milestone pending on an event whose date becomes known has moved,
 * without a number of days; one that stays pending has not. */
static void
test_pending(void)
{
	check_milestones(EVENT_SPEC("unknown"), EVENT_SPEC("unknown"), "");
	check_milestones(EVENT_SPEC("unknown"), EVENT_SPEC("1990-09-12"),
			 "moved milestone - 2000-09-12 -\n");
	check_milestones(EVENT_SPEC("1990-09-12"), EVENT_SPEC("unknown"),
			 "moved milestone 2000-09-12 - -\n");
	/* Removed while pending: no dates at all. */
	check_milestones(EVENT_SPEC("unknown"),
			 "[treaty]\nentry_into_force = 1947-09-15\n",
			 "removed milestone - - -\n");
	/* Pending ones come last, after every dated one. */
	check_milestones(EVENT_SPEC("unknown"),
			 "[treaty]\nentry_into_force = 1947-09-15\n"
			 "term = 5y\n",
			 "added expiry - 1952-09-15 -\n"
			 "removed milestone - - -\n");
}

#define PARTIES(first) \
	"[treaty]\nid = p\n[entry_into_force]\ninstruments = 2\n" \
	"after = 30d\n" first \
	"[party]\nname = A\ndeposit = 2000-01-10\n" \
	"[party]\nname = B\ndeposit = 2000-02-01\n" \
	"[party]\nname = C\ndeposit = 2001-03-01\n"

/* A party's dates are known by the party: a party listed first moves
 * nobody else's, and a party's own date that moves is that party's. */
static void
test_party(void)
{
	check_milestones(PARTIES(""),
			 PARTIES("[party]\nname = Z\ndeposit = 2002-01-01\n"),
			 "added entry_into_force - 2002-01-31 - Entry into "
			 "force (Z)\n");
	check_milestones(PARTIES(""),
			 "[treaty]\nid = p\n[entry_into_force]\n"
			 "instruments = 2\nafter = 30d\n"
			 "[party]\nname = A\ndeposit = 2000-01-10\n"
			 "[party]\nname = B\ndeposit = 2000-02-01\n"
			 "[party]\nname = C\ndeposit = 2001-04-01\n",
			 "moved entry_into_force 2001-03-31 2001-05-01 +31 "
			 "Entry into force (C)\n");
}

/* Clauses key by key, in the schema's order; repeating sections
 * instance by instance; a value set on one side only. */
static void
test_clauses(void)
{
	check_clauses(LITVINOV("50y"), LITVINOV("35y"),
		      "treaty.term 50y 35y\n");
	check_clauses(LITVINOV("50y") "[withdrawal]\nnotice = 1y\n",
		      LITVINOV("indefinite") "[withdrawal]\nnotice = 6m\n"
		      "opens = 1y6m\n",
		      "treaty.term 50y indefinite\n"
		      "withdrawal.opens - 1y6m\n"
		      "withdrawal.notice 1y 6m\n");
	check_clauses("[treaty]\nentry_into_force = 2000-01-01\n"
		      "[conference]\nat = 1y\nlabel = First\n"
		      "[conference]\nat = 2y\n",
		      "[treaty]\nentry_into_force = 2000-01-01\n"
		      "[conference]\nat = 1y\nlabel = First\n"
		      "[conference]\nat = 3y\n[conference]\nat = 4y2w\n",
		      "conference#2.at 2y 3y\n"
		      "conference#3.at - 4y2w\n");
	/* Words, numbers, weights and deposits as a spec file says them. */
	check_clauses("[treaty]\nentry_into_force = 2000-01-01\n"
		      "convention = inclusive\n[renewal]\nperiod = 5y\n"
		      "times = 2\n",
		      "[treaty]\nentry_into_force = 2000-01-01\n"
		      "[renewal]\nperiod = 5y\ntimes = unlimited\n",
		      "treaty.convention inclusive -\n"
		      "renewal.times 2 unlimited\n");
	check_clauses("[treaty]\nid = k\n[entry_into_force]\n"
		      "instruments = 1\nweight = 55\n"
		      "[party]\nname = A\ndeposit = 2000-01-10\nweight = 60\n",
		      "[treaty]\nid = k\n[entry_into_force]\n"
		      "instruments = 1\nweight = 55.5%\n"
		      "[party]\nname = A\ndeposit = 17 Jul 2007 a\n"
		      "weight = 60\n",
		      "entry_into_force.weight 55% 55.5%\n"
		      "party#1[A].deposit 2000-01-10 2007-07-17 a\n");
}

/* [party] sections are matched by the party's name, not by their place:
 * one party left out is removed, and nobody after it changes; one on
 * both sides is compared key by key; one added is added.  Those only in
 * the newer spec come last, in its order. */
#define PARTIES_TREATY "[treaty]\nid = k\n[entry_into_force]\n" \
	"instruments = 2\nafter = 30d\n"

static void
test_parties_by_name(void)
{
	check_clauses(PARTIES_TREATY
		      "[party]\nname = A\ndeposit = 2000-01-10\n"
		      "[party]\nname = Holy See\ndeposit = 2000-02-01\n"
		      "[party]\nname = Norway\ndeposit = 2000-03-01\n"
		      "[party]\nname = Sweden\ndeposit = 2000-04-01\n",
		      PARTIES_TREATY
		      "[party]\nname = A\ndeposit = 2000-01-10\n"
		      "[party]\nname = Norway\ndeposit = 2000-03-01\n"
		      "[party]\nname = Sweden\ndeposit = 2000-04-01\n",
		      "party#2[Holy See].name Holy See -\n");
	check_clauses(PARTIES_TREATY
		      "[party]\nname = A\ndeposit = 2000-01-10\n"
		      "[party]\nname = Holy See\ndeposit = 2000-02-01\n"
		      "[party]\nname = Norway\ndeposit = 2000-03-01\n",
		      PARTIES_TREATY
		      "[party]\nname = Zed\ndeposit = 2001-01-01\n"
		      "[party]\nname = Norway\ndeposit = 2000-03-02\n"
		      "weight = 3\n"
		      "[party]\nname = A\ndeposit = 2000-01-10\n"
		      "[party]\nname = Yew\ndeposit = 2001-02-01\n",
		      "party#2[Holy See].name Holy See -\n"
		      "party#2[Norway].deposit 2000-03-01 2000-03-02\n"
		      "party#2[Norway].weight - 3%\n"
		      "party#1[Zed].name - Zed\n"
		      "party#4[Yew].name - Yew\n");
	/* The same parties in another order: nothing differs. */
	check_clauses(PARTIES_TREATY
		      "[party]\nname = A\ndeposit = 2000-01-10\n"
		      "[party]\nname = B\ndeposit = 2000-02-01\n",
		      PARTIES_TREATY
		      "[party]\nname = B\ndeposit = 2000-02-01\n"
		      "[party]\nname = A\ndeposit = 2000-01-10\n", "");
}

/* A diff is reused: each call replaces what its list held. */
static void
test_reuse(void)
{
	tt_schedule *a = compute(LITVINOV("50y"));
	tt_schedule *b = compute(LITVINOV("35y"));
	tt_spec *sa = parse(LITVINOV("50y"));
	tt_diff *d = tt_diff_new();
	tt_error e;

	CU_ASSERT_PTR_NOT_NULL_FATAL(d);
	CU_ASSERT_EQUAL(tt_diff_schedules(d, a, b, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_diff_milestone_count(d), 4);
	CU_ASSERT_EQUAL(tt_diff_schedules(d, a, a, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_diff_milestone_count(d), 0);
	CU_ASSERT_PTR_NULL(tt_diff_milestone_at(d, 0));
	CU_ASSERT_EQUAL(tt_diff_specs(d, sa, sa, &e), TT_OK);
	CU_ASSERT_EQUAL(tt_diff_clause_count(d), 0);
	CU_ASSERT_STRING_EQUAL(tt_change_name(TT_CHANGE_MOVED), "moved");
	CU_ASSERT_STRING_EQUAL(tt_change_name((tt_change)42), "unknown");
	tt_diff_free(d);
	tt_diff_free(NULL);
	tt_spec_free(sa);
	tt_schedule_free(a);
	tt_schedule_free(b);
}

void
add_diff_tests(void)
{
	static const CU_TestInfo tests[] = {
		{ "nothing differs", test_unchanged },
		{ "moved, removed, added", test_moved_removed_added },
		{ "matched by identity", test_identity },
		{ "pending milestones", test_pending },
		{ "party milestones", test_party },
		{ "clauses", test_clauses },
		{ "parties matched by name", test_parties_by_name },
		{ "a diff is reused", test_reuse },
		CU_TEST_INFO_NULL
	};

	unit_add_suite("diff", tests);
}
