/*
 * test-serve.c -- what "treatyterm serve" makes of a request target
 * (src/serve/serve-query.c): routes, percent-decoding, repeated keys, the
 * size limits at their boundaries, the filters and their refusals, HTTP dates
 * and conditional requests; and the SEQUENCE carried over from one set
 * of events to the next (src/serve/serve-state.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "unit.h"
#include "serve/serve-query.h"
#include "serve/serve-state.h"

static struct serve_target t;
static char why[256];

static int
target(const char *s)
{
	why[0] = '\0';
	return serve_target_parse(s, &t, why, sizeof why);
}

static void
test_routes(void)
{
	CU_ASSERT_EQUAL(target("/"), 200);
	CU_ASSERT_EQUAL(t.route, ROUTE_INDEX);
	CU_ASSERT_EQUAL(target("/calendar.ics"), 200);
	CU_ASSERT_EQUAL(t.route, ROUTE_CALENDAR);
	CU_ASSERT_EQUAL(target("/agenda.json?"), 200);
	CU_ASSERT_EQUAL(t.route, ROUTE_AGENDA);
	CU_ASSERT_EQUAL(t.nparams, 0);
	CU_ASSERT_EQUAL(target("/compare.svg?id=a&id=b"), 200);
	CU_ASSERT_EQUAL(t.route, ROUTE_COMPARE);
	CU_ASSERT_EQUAL(target("/t/abm-1972.ics"), 200);
	CU_ASSERT_EQUAL(t.route, ROUTE_TREATY_ICS);
	CU_ASSERT_STRING_EQUAL(t.id, "abm-1972");
	CU_ASSERT_EQUAL(target("/t/a%20b.c.json"), 200);
	CU_ASSERT_EQUAL(t.route, ROUTE_TREATY_JSON);
	CU_ASSERT_STRING_EQUAL(t.id, "a b.c");
	CU_ASSERT_EQUAL(target("/t/x.svg"), 200);
	CU_ASSERT_EQUAL(t.route, ROUTE_TREATY_SVG);

	/* Nothing else, and nothing that leads to a file. */
	CU_ASSERT_EQUAL(target("/index.html"), 404);
	CU_ASSERT_STRING_EQUAL(why, "no such page: see / for what there is");
	CU_ASSERT_EQUAL(target("/calendar.ics/"), 404);
	CU_ASSERT_EQUAL(target("//calendar.ics"), 404);
	CU_ASSERT_EQUAL(target("/t/.ics"), 404);
	CU_ASSERT_EQUAL(target("/t/a/b.ics"), 404);
	CU_ASSERT_EQUAL(target("/t/a%2Fb.ics"), 404);
	CU_ASSERT_EQUAL(target("/t/../etc/passwd"), 404);
	CU_ASSERT_EQUAL(target("/t/a%00.ics"), 404);
	CU_ASSERT_EQUAL(target("/t/x.txt"), 404);
	CU_ASSERT_EQUAL(target("calendar.ics"), 400);
	CU_ASSERT_EQUAL(target("*"), 400);
	CU_ASSERT_EQUAL(target("/calendar.ics#x"), 400);
}

static void
test_query(void)
{
	CU_ASSERT_EQUAL(target("/calendar.ics?id=a+b&id=c%2Bd&kind&&x=%3D"),
			200);
	CU_ASSERT_EQUAL(t.nparams, 4);
	CU_ASSERT_STRING_EQUAL(t.params[0].key, "id");
	CU_ASSERT_STRING_EQUAL(t.params[0].value, "a b");
	CU_ASSERT_STRING_EQUAL(t.params[1].value, "c+d");
	CU_ASSERT_STRING_EQUAL(t.params[2].key, "kind");
	CU_ASSERT_STRING_EQUAL(t.params[2].value, "");
	CU_ASSERT_STRING_EQUAL(t.params[3].key, "x");
	CU_ASSERT_STRING_EQUAL(t.params[3].value, "=");
	/* A decoded '&' or '=' does not split. */
	CU_ASSERT_EQUAL(target("/calendar.ics?id=a%26b%3Dc"), 200);
	CU_ASSERT_EQUAL(t.nparams, 1);
	CU_ASSERT_STRING_EQUAL(t.params[0].value, "a&b=c");
	CU_ASSERT_EQUAL(target("/calendar.ics?id=%zz"), 400);
	CU_ASSERT_EQUAL(target("/calendar.ics?id=%4"), 400);
	CU_ASSERT_EQUAL(target("/calendar.ics?id=%"), 400);
	CU_ASSERT_EQUAL(target("/calendar.ics?id=a%00"), 400);
	CU_ASSERT_EQUAL(target("/calendar.ics?id=a%0Ab"), 400);
	CU_ASSERT_EQUAL(target("/calendar.ics?id=caf%C3%A9"), 200);
	CU_ASSERT_STRING_EQUAL(t.params[0].value, "caf\xc3\xa9");
}

static void
test_limits(void)
{
	static char s[SERVE_TARGET_MAX + 64];
	size_t n;

	/* A query of exactly SERVE_QUERY_MAX bytes, and one more. */
	n = (size_t)snprintf(s, sizeof s, "/calendar.ics?id=");
	memset(s + n, 'a', SERVE_QUERY_MAX - 3);
	s[n + SERVE_QUERY_MAX - 3] = '\0';
	CU_ASSERT_EQUAL(target(s), 200);
	strcat(s, "a");
	CU_ASSERT_EQUAL(target(s), 414);
	CU_ASSERT_STRING_EQUAL(why, "query longer than 1024 bytes");
	/* The whole target. */
	memset(s, 'a', sizeof s - 1);
	s[0] = '/';
	s[SERVE_TARGET_MAX] = '\0';
	CU_ASSERT_EQUAL(target(s), 404);
	s[SERVE_TARGET_MAX] = 'a';
	s[SERVE_TARGET_MAX + 1] = '\0';
	CU_ASSERT_EQUAL(target(s), 414);
	/* The most parameters, and one more; keys without values too. */
	s[0] = '\0';
	strcat(s, "/calendar.ics?");
	for (int i = 0; i < SERVE_PARAMS_MAX; i++)
		strcat(s, "a&");
	CU_ASSERT_EQUAL(target(s), 200);
	CU_ASSERT_EQUAL(t.nparams, SERVE_PARAMS_MAX);
	strcat(s, "a");
	CU_ASSERT_EQUAL(target(s), 400);
	CU_ASSERT_STRING_EQUAL(why, "more than 32 query parameters");
	/* A long treaty id in the path. */
	n = (size_t)snprintf(s, sizeof s, "/t/");
	memset(s + n, 'x', SERVE_VALUE_MAX - 1);
	strcpy(s + n + SERVE_VALUE_MAX - 1, ".ics");
	CU_ASSERT_EQUAL(target(s), 200);
	strcpy(s + n + SERVE_VALUE_MAX - 1, "x.ics");
	CU_ASSERT_EQUAL(target(s), 404);
}

static int
view(const char *s, struct serve_view *v)
{
	tt_date today = D(2027, 1, 1);

	if (target(s) != 200)
		return -1;
	why[0] = '\0';
	return serve_view_parse(&t, today, v, why, sizeof why);
}

static void
test_view(void)
{
	struct serve_view v;
	tt_milestone m;

	CU_ASSERT_EQUAL(view("/calendar.ics?id=a&id=b&party=P&kind=expiry"
			     "&kind=review&from=today&until=today%2B1y", &v),
			200);
	CU_ASSERT_EQUAL(v.nids, 2);
	CU_ASSERT_EQUAL(v.nparties, 1);
	CU_ASSERT(serve_view_has_id(&v, "b"));
	CU_ASSERT_FALSE(serve_view_has_id(&v, "c"));
	CU_ASSERT_EQUAL(v.f.kinds, (1u << TT_KIND_EXPIRY) |
				   (1u << TT_KIND_REVIEW));
	CU_ASSERT(tt_date_compare(v.f.until, D(2028, 1, 1)) == 0);

	memset(&m, 0, sizeof m);
	m.kind = TT_KIND_EXPIRY;
	m.date = D(2027, 6, 1);
	CU_ASSERT(serve_view_keep(&v, &m));
	m.flags = TT_MS_PARTY;
	m.party = "Q";
	CU_ASSERT_FALSE(serve_view_keep(&v, &m));
	m.party = "P";
	CU_ASSERT(serve_view_keep(&v, &m));
	m.date = D(2028, 1, 2);
	CU_ASSERT_FALSE(serve_view_keep(&v, &m));
	/* A cancelled date of the state, known by its party's name: shown
	 * to views of that party, or of every party. */
	CU_ASSERT(serve_view_has_party(&v, "P"));
	CU_ASSERT_FALSE(serve_view_has_party(&v, "Q"));
	CU_ASSERT(serve_view_has_party(&v, ""));
	CU_ASSERT(serve_view_has_party(&v, NULL));

	CU_ASSERT_EQUAL(view("/calendar.ics?kind=nope", &v), 400);
	CU_ASSERT(strncmp(why, "kind=nope: unknown kind 'nope' (one of: ",
			  40) == 0);
	CU_ASSERT_EQUAL(view("/calendar.ics?from=2027-02-29", &v), 400);
	CU_ASSERT(strncmp(why, "from=2027-02-29: ", 17) == 0);
	CU_ASSERT_EQUAL(view("/calendar.ics?until=2027&until=2028", &v), 400);
	CU_ASSERT_EQUAL(view("/calendar.ics?until=2026-01-01&from=today",
			     &v), 400);
	CU_ASSERT_STRING_EQUAL(why, "until=2026-01-01 is before "
			       "from=2027-01-01");
	CU_ASSERT_EQUAL(view("/calendar.ics?id=", &v), 400);
	CU_ASSERT_STRING_EQUAL(why, "empty 'id'");
	CU_ASSERT_EQUAL(view("/calendar.ics?ID=a", &v), 400);
	CU_ASSERT_EQUAL(view("/t/a.svg?kind=expiry", &v), 400);
	CU_ASSERT_EQUAL(view("/t/a.json?party=P", &v), 400);
	CU_ASSERT_EQUAL(view("/?id=a", &v), 400);
	CU_ASSERT_EQUAL(view("/compare.svg?id=a&id=b", &v), 200);
	CU_ASSERT_EQUAL(view("/compare.svg?id=a&id=b&id=c&id=d&id=e&id=f"
			     "&id=g&id=h&id=i&id=j&id=k&id=l&id=m&id=n&id=o"
			     "&id=p&id=q", &v), 400);
	CU_ASSERT_STRING_EQUAL(why, "more than 16 ids");
}

static void
test_conditional(void)
{
	char buf[SERVE_HTTP_DATE_SIZE];
	time_t when;

	serve_http_date(784111777, buf);
	CU_ASSERT_STRING_EQUAL(buf, "Sun, 06 Nov 1994 08:49:37 GMT");
	CU_ASSERT(serve_http_date_parse(buf, &when));
	CU_ASSERT_EQUAL(when, 784111777);
	CU_ASSERT_FALSE(serve_http_date_parse("Sunday, 06-Nov-94 08:49:37 "
					      "GMT", &when));
	CU_ASSERT_FALSE(serve_http_date_parse("Sun, 06 Nov 1994 08:49:37 "
					      "UTC", &when));

	CU_ASSERT(serve_not_modified("\"abc\"", NULL, "abc", 10));
	CU_ASSERT(serve_not_modified("\"x\", W/\"abc\"", NULL, "abc", 10));
	CU_ASSERT(serve_not_modified("*", NULL, "abc", 10));
	CU_ASSERT_FALSE(serve_not_modified("\"ab\"", NULL, "abc", 10));
	CU_ASSERT_FALSE(serve_not_modified("abc", NULL, "abc", 10));
	/* If-None-Match decides alone when it is there. */
	CU_ASSERT_FALSE(serve_not_modified("\"x\"", buf, "abc", 10));
	CU_ASSERT(serve_not_modified(NULL, buf, "abc", 784111777));
	CU_ASSERT_FALSE(serve_not_modified(NULL, buf, "abc", 784111778));
	CU_ASSERT_FALSE(serve_not_modified(NULL, "yesterday", "abc", 10));
}

/* Replaces the file PATH by TEXT. */
static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	CU_ASSERT_PTR_NOT_NULL_FATAL(fp);
	CU_ASSERT(fputs(text, fp) >= 0);
	CU_ASSERT(fclose(fp) == 0);
}

static void
test_state(void)
{
	struct serve_state st;
	struct serve_event_key ev[2] = {
		{ "u1", 1, "20300101", "20300102", "expiry", "t", "T: E",
		  NULL },
		{ "u2", 2, "20310101", "20310102", "review", "t", "T: R",
		  "Chad" },
	};
	char path[] = "/tmp/test-serve-state-XXXXXX", w[256];
	int fd = mkstemp(path);
	tt_date today = D(2027, 1, 1);

	CU_ASSERT_FATAL(fd >= 0);
	close(fd);
	serve_state_init(&st);
	CU_ASSERT_EQUAL(serve_state_update(&st, ev, 2, today, true), 1);
	CU_ASSERT_EQUAL(serve_state_find(&st, "u1")->seq, 0);
	CU_ASSERT_EQUAL(serve_state_update(&st, ev, 2, today, true), 0);
	/* u1 moves, u2 goes. */
	ev[0].hash = 3;
	ev[0].dtstart = "20300201";
	CU_ASSERT_EQUAL(serve_state_update(&st, ev, 1, today, true), 1);
	CU_ASSERT_EQUAL(serve_state_find(&st, "u1")->seq, 1);
	CU_ASSERT_STRING_EQUAL(serve_state_find(&st, "u1")->dtstart,
			       "20300201");
	CU_ASSERT(serve_state_find(&st, "u2")->cancelled);
	CU_ASSERT_EQUAL(serve_state_find(&st, "u2")->seq, 1);
	/* Some inputs did not read: what is missing may be in them, and
	 * is not cancelled. */
	ev[0].hash = 4;
	CU_ASSERT_EQUAL(serve_state_update(&st, ev, 0, today, false), 0);
	CU_ASSERT_FALSE(serve_state_find(&st, "u1")->cancelled);
	CU_ASSERT_EQUAL(serve_state_find(&st, "u1")->seq, 1);
	ev[0].hash = 3;
	/* Still gone: nothing more to tell. */
	CU_ASSERT_EQUAL(serve_state_update(&st, ev, 1, today, true), 0);
	CU_ASSERT_EQUAL(serve_state_find(&st, "u2")->seq, 1);
	/* Saved and read back. */
	CU_ASSERT(serve_state_save(&st, path));
	serve_state_free(&st);
	CU_ASSERT(serve_state_load(&st, path, w, sizeof w));
	CU_ASSERT_EQUAL(st.n, 2);
	CU_ASSERT_EQUAL(serve_state_find(&st, "u1")->seq, 1);
	CU_ASSERT_EQUAL(serve_state_find(&st, "u1")->hash, 3);
	CU_ASSERT(serve_state_find(&st, "u2")->cancelled);
	CU_ASSERT_STRING_EQUAL(serve_state_find(&st, "u2")->summary, "T: R");
	CU_ASSERT_STRING_EQUAL(serve_state_find(&st, "u2")->party, "Chad");
	CU_ASSERT_STRING_EQUAL(serve_state_find(&st, "u1")->party, "");
	CU_ASSERT(tt_date_compare(serve_state_find(&st, "u2")->cancelled_on,
				  today) == 0);
	/* It comes back: live again, one higher. */
	CU_ASSERT_EQUAL(serve_state_update(&st, ev, 2, today, true), 1);
	CU_ASSERT_FALSE(serve_state_find(&st, "u2")->cancelled);
	CU_ASSERT_EQUAL(serve_state_find(&st, "u2")->seq, 2);

	/* A cancellation is served a year and a day, then dropped. */
	CU_ASSERT_EQUAL(serve_state_update(&st, ev, 1, today, true), 1);
	CU_ASSERT_EQUAL(serve_state_update(&st, ev, 1, D(2028, 1, 2), true), 0);
	CU_ASSERT_PTR_NOT_NULL(serve_state_find(&st, "u2"));
	CU_ASSERT_EQUAL(serve_state_update(&st, ev, 1, D(2028, 1, 3), true), 1);
	CU_ASSERT_PTR_NULL(serve_state_find(&st, "u2"));
	CU_ASSERT_EQUAL(st.n, 1);
	serve_state_free(&st);

	/* A state file of nine fields, as earlier versions wrote: no
	 * party, cancelled on the day of the first update after it. */
	write_file(path, "u2\t4\t0000000000000002\t20310101\t20310102\t"
		   "CANCELLED\treview\tt\tT: R\n");
	CU_ASSERT(serve_state_load(&st, path, w, sizeof w));
	CU_ASSERT_STRING_EQUAL(serve_state_find(&st, "u2")->party, "");
	CU_ASSERT_EQUAL(serve_state_update(&st, ev, 1, D(2029, 5, 1), true), 1);
	CU_ASSERT(tt_date_compare(serve_state_find(&st, "u2")->cancelled_on,
				  D(2029, 5, 1)) == 0);
	serve_state_free(&st);
	/* A bad day of cancellation is not a record. */
	write_file(path, "u2\t4\t0000000000000002\t20310101\t20310102\t"
		   "CANCELLED\treview\tt\tT: R\tChad\t20270230\n");
	CU_ASSERT_FALSE(serve_state_load(&st, path, w, sizeof w));
	CU_ASSERT_PTR_NOT_NULL(strstr(w, ":1: not a state record"));
	serve_state_free(&st);
	unlink(path);
}

/* A record of any length is read back as written: a treaty name of
 * 5,000 bytes and a long title of many-byte characters. */
static void
test_state_long(void)
{
	struct serve_state st;
	struct serve_event_key ev = {
		"u-long", 7, "20300101", "20300102", "expiry", NULL, NULL,
		NULL
	};
	char path[] = "/tmp/test-serve-state-XXXXXX", w[256];
	char *name = malloc(5001), *title = malloc(3 * 2000 + 1);
	int fd = mkstemp(path);

	CU_ASSERT_FATAL(fd >= 0 && name != NULL && title != NULL);
	close(fd);
	memset(name, 'n', 5000);
	name[5000] = '\0';
	for (size_t i = 0; i < 2000; i++)
		memcpy(title + 3 * i, "\xe2\x82\xac", 3);	/* U+20AC */
	title[3 * 2000] = '\0';
	ev.treaty = name;
	ev.summary = title;
	serve_state_init(&st);
	CU_ASSERT_EQUAL(serve_state_update(&st, &ev, 1, D(2027, 1, 1),
					   true), 1);
	CU_ASSERT_EQUAL(serve_state_update(&st, &ev, 0, D(2027, 1, 1),
					   true), 1);
	CU_ASSERT(serve_state_save(&st, path));
	serve_state_free(&st);
	CU_ASSERT(serve_state_load(&st, path, w, sizeof w));
	CU_ASSERT_EQUAL(st.n, 1);
	if (st.n == 1) {
		CU_ASSERT_STRING_EQUAL(st.r[0].treaty, name);
		CU_ASSERT_STRING_EQUAL(st.r[0].summary, title);
		CU_ASSERT(st.r[0].cancelled);
	}
	serve_state_free(&st);
	unlink(path);
	free(name);
	free(title);
}

static const CU_TestInfo tests[] = {
	{ "routes", test_routes },
	{ "query", test_query },
	{ "limits", test_limits },
	{ "view", test_view },
	{ "conditional requests", test_conditional },
	{ "state", test_state },
	{ "state: long records", test_state_long },
	CU_TEST_INFO_NULL
};

void
add_serve_tests(void)
{
	unit_add_suite("serve", tests);
}
