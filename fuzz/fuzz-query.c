/*
 * fuzz-query.c -- libFuzzer target for the request targets "treatyterm
 * serve" takes apart (src/serve/serve-query.c).
 *
 * The input is a request target as a client might send it (NUL bytes cut
 * it, as the HTTP library would).  Whatever the parser does, it must
 * answer with one of the statuses it documents and a message for every
 * refusal; what it accepts must be a route with decoded keys and values
 * that hold no control character, within the documented limits; and
 * the view read from it must keep its window in order.  The conditional
 * request check is driven with the same bytes as header values.  Any
 * mismatch abort()s, so the fuzzer keeps the input.  Build and run with
 * fuzz/run.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <treatyterm/treatyterm.h>

#include "serve/serve-query.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz-query: %s: %s\n", what, detail);
	abort();
}

static void
clean(const char *what, const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			fail(what, "a control character after decoding");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct serve_target t;
	struct serve_view v;
	char *s = malloc(size + 1), why[256];
	tt_date today;
	time_t when;
	int st;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	why[0] = '\0';
	st = serve_target_parse(s, &t, why, sizeof why);
	if (st != 200 && st != 400 && st != 404 && st != 414)
		fail("serve_target_parse", "an undocumented status");
	if (st != 200 && why[0] == '\0')
		fail("serve_target_parse", "a refusal without a message");
	if (st == 200) {
		if (t.nparams > SERVE_PARAMS_MAX)
			fail("serve_target_parse", "too many parameters");
		if (strlen(s) > SERVE_TARGET_MAX)
			fail("serve_target_parse", "an oversized target");
		clean("id", t.id);
		if ((t.route == ROUTE_TREATY_ICS ||
		     t.route == ROUTE_TREATY_JSON ||
		     t.route == ROUTE_TREATY_SVG) &&
		    (t.id[0] == '\0' || strchr(t.id, '/') != NULL))
			fail("serve_target_parse", "a bad treaty id");
		for (size_t i = 0; i < t.nparams; i++) {
			clean("key", t.params[i].key);
			clean("value", t.params[i].value);
		}
		if (tt_date_parse("2027-01-01", &today, NULL) != TT_OK)
			abort();
		why[0] = '\0';
		st = serve_view_parse(&t, today, &v, why, sizeof why);
		if (st != 200 && st != 400)
			fail("serve_view_parse", "an undocumented status");
		if (st == 400 && why[0] == '\0')
			fail("serve_view_parse", "a refusal without a message");
		if (st == 200 && v.f.has_from && v.f.has_until &&
		    tt_date_compare(v.f.from, v.f.until) > 0)
			fail("serve_view_parse", "a window out of order");
		if (st == 200 && (v.nids > SERVE_NAMES_MAX ||
				  v.nparties > SERVE_NAMES_MAX))
			fail("serve_view_parse", "too many names");
	}
	if (serve_http_date_parse(s, &when)) {
		char back[SERVE_HTTP_DATE_SIZE];
		time_t again;

		serve_http_date(when, back);
		if (!serve_http_date_parse(back, &again) || again != when)
			fail("serve_http_date", "no way back");
	}
	(void)serve_not_modified(s, s, "0123456789abcdef", 1);
	(void)serve_not_modified(NULL, s, "", 0);
	free(s);
	return 0;
}
