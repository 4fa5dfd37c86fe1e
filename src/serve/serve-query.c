/*
 * serve-query.c -- a request target taken apart and checked (see
 * serve-query.h).
 *
 * The target is read as the client sent it, before any decoding, so that
 * the limits apply to what came over the wire and a decoded '/', '?' or
 * '&' can never change how the target is split.  The path must be one of
 * the routes exactly: nothing here maps a path to a file.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "serve/serve-query.h"

static int refuse(char *why, size_t whysize, int status, const char *fmt,
		  ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/* Says why in WHY and returns STATUS. */
static int
refuse(char *why, size_t whysize, int status, const char *fmt, ...)
{
	va_list ap;

	if (whysize > 0) {
		va_start(ap, fmt);
		vsnprintf(why, whysize, fmt, ap);
		va_end(ap);
	}
	return status;
}

static int
hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes the N bytes at S into OUT (of at least N + 1 bytes): %XX
 * escapes, and '+' as a space when PLUS (in a query).  False for a bad
 * escape, a NUL or a control character. */
static bool
decode(const char *s, size_t n, char *out, bool plus)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		int c = (unsigned char)s[i];

		if (c == '%') {
			int hi, lo;

			if (n - i < 3)
				return false;
			hi = hex((unsigned char)s[i + 1]);
			lo = hex((unsigned char)s[i + 2]);
			if (hi < 0 || lo < 0)
				return false;
			c = hi * 16 + lo;
			i += 2;
		} else if (c == '+' && plus) {
			c = ' ';
		}
		if (c < 0x20 || c == 0x7f)
			return false;
		out[k++] = (char)c;
	}
	out[k] = '\0';
	return true;
}

/* The path P (N bytes) as a route, the ID of /t/ID.ext into T->ID. */
static int
route(const char *p, size_t n, struct serve_target *t, char *why,
      size_t whysize)
{
	static const struct {
		const char *path;
		enum serve_route route;
	} fixed[] = {
		{ "/", ROUTE_INDEX },
		{ "/calendar.ics", ROUTE_CALENDAR },
		{ "/agenda.json", ROUTE_AGENDA },
		{ "/compare.svg", ROUTE_COMPARE },
	};
	static const struct {
		const char *ext;
		enum serve_route route;
	} per_treaty[] = {
		{ ".ics", ROUTE_TREATY_ICS },
		{ ".json", ROUTE_TREATY_JSON },
		{ ".svg", ROUTE_TREATY_SVG },
	};

	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		if (strlen(fixed[i].path) == n &&
		    memcmp(fixed[i].path, p, n) == 0) {
			t->route = fixed[i].route;
			return 200;
		}
	if (n > 3 && memcmp(p, "/t/", 3) == 0)
		for (size_t i = 0; i < sizeof per_treaty / sizeof per_treaty[0];
		     i++) {
			size_t k = strlen(per_treaty[i].ext), idlen = n - 3 - k;

			if (n <= 3 + k ||
			    memcmp(p + n - k, per_treaty[i].ext, k) != 0)
				continue;
			/* The raw id is at most three bytes per decoded one. */
			if (idlen >= sizeof t->id ||
			    !decode(p + 3, idlen, t->id, false))
				break;
			if (t->id[0] == '\0' || strchr(t->id, '/') != NULL)
				break;
			t->route = per_treaty[i].route;
			return 200;
		}
	return refuse(why, whysize, 404, "no such page: see / for what "
		      "there is");
}

int
serve_target_parse(const char *target, struct serve_target *t, char *why,
		   size_t whysize)
{
	size_t len = strnlen(target, SERVE_TARGET_MAX + 1), pathlen, k = 0;
	const char *q, *end;
	int status;

	memset(t, 0, sizeof *t);
	if (len > SERVE_TARGET_MAX)
		return refuse(why, whysize, 414, "request target longer than "
			      "%d bytes", SERVE_TARGET_MAX);
	if (target[0] != '/')
		return refuse(why, whysize, 400, "the request target must be "
			      "a path starting with '/'");
	q = memchr(target, '?', len);
	pathlen = q != NULL ? (size_t)(q - target) : len;
	/* A fragment is never sent; one that is means a broken client. */
	if (memchr(target, '#', len) != NULL)
		return refuse(why, whysize, 400, "'#' in the request target");
	if ((status = route(target, pathlen, t, why, whysize)) != 200)
		return status;
	if (q == NULL)
		return 200;
	q++;
	end = target + len;
	if ((size_t)(end - q) > SERVE_QUERY_MAX)
		return refuse(why, whysize, 414, "query longer than %d bytes",
			      SERVE_QUERY_MAX);
	while (q < end) {
		const char *amp = memchr(q, '&', (size_t)(end - q));
		const char *stop = amp != NULL ? amp : end;
		const char *eq = memchr(q, '=', (size_t)(stop - q));
		size_t klen = (size_t)((eq != NULL ? eq : stop) - q);
		struct serve_param *p;

		if (stop == q) {	/* "a=1&&b=2", a trailing '&' */
			q = stop + 1;
			continue;
		}
		if (t->nparams == SERVE_PARAMS_MAX)
			return refuse(why, whysize, 400, "more than %d query "
				      "parameters", SERVE_PARAMS_MAX);
		p = &t->params[t->nparams++];
		/* Decoding never lengthens: the query fits in BUF whole. */
		p->key = t->buf + k;
		if (!decode(q, klen, t->buf + k, true))
			return refuse(why, whysize, 400, "bad %%-escape or "
				      "control character in the query");
		k += strlen(p->key) + 1;
		/* A key without '=' takes no room for its value, so that
		 * "a&a&a" fits as well as "a=&a=&a=". */
		p->value = "";
		if (eq != NULL) {
			p->value = t->buf + k;
			if (!decode(eq + 1, (size_t)(stop - eq - 1), t->buf + k,
				    true))
				return refuse(why, whysize, 400, "bad "
					      "%%-escape or control character "
					      "in the query");
			k += strlen(p->value) + 1;
		}
		q = stop + 1;
	}
	return 200;
}

/* The parameters each route takes. */
#define P_ID	0x01
#define P_PARTY	0x02
#define P_KIND	0x04
#define P_FROM	0x08
#define P_UNTIL	0x10
#define P_FILTERS (P_KIND | P_FROM | P_UNTIL)

static unsigned
route_params(enum serve_route r)
{
	switch (r) {
	case ROUTE_CALENDAR:
	case ROUTE_AGENDA:
		return P_ID | P_PARTY | P_FILTERS;
	case ROUTE_COMPARE:
		return P_ID;
	case ROUTE_TREATY_ICS:
		return P_PARTY | P_FILTERS;
	case ROUTE_TREATY_JSON:
		return P_FILTERS;	/* the schedule's own writer */
	case ROUTE_INDEX:
	case ROUTE_TREATY_SVG:
		break;
	}
	return 0;
}

static int
date_param(const char *key, const char *value, tt_date today, bool *has,
	   tt_date *out, char *why, size_t whysize)
{
	tt_error e;

	if (*has)
		return refuse(why, whysize, 400, "'%s' given twice", key);
	if (filter_parse_date(value, today, out, &e) != TT_OK)
		return refuse(why, whysize, 400, "%s=%s: %s", key, value,
			      e.message);
	*has = true;
	return 200;
}

int
serve_view_parse(const struct serve_target *t, tt_date today,
		 struct serve_view *v, char *why, size_t whysize)
{
	static const struct {
		const char *key;
		unsigned bit;
	} keys[] = {
		{ "id", P_ID }, { "party", P_PARTY }, { "kind", P_KIND },
		{ "from", P_FROM }, { "until", P_UNTIL },
	};
	unsigned takes = route_params(t->route);
	char d1[TT_DATE_BUFSIZE], d2[TT_DATE_BUFSIZE];
	int status;

	memset(v, 0, sizeof *v);
	for (size_t i = 0; i < t->nparams; i++) {
		const struct serve_param *p = &t->params[i];
		unsigned bit = 0;
		const char *bad;
		size_t badlen;

		for (size_t j = 0; j < sizeof keys / sizeof keys[0]; j++)
			if (strcmp(keys[j].key, p->key) == 0)
				bit = keys[j].bit;
		if (bit == 0 || !(takes & bit))
			return refuse(why, whysize, 400, "unknown query "
				      "parameter '%.64s' for this page",
				      p->key);
		switch (bit) {
		case P_ID:
		case P_PARTY:
			if (p->value[0] == '\0')
				return refuse(why, whysize, 400, "empty '%s'",
					      p->key);
			if (strlen(p->value) >= SERVE_VALUE_MAX)
				return refuse(why, whysize, 400, "'%s' longer "
					      "than %d bytes", p->key,
					      SERVE_VALUE_MAX - 1);
			if (bit == P_ID) {
				if (v->nids == SERVE_NAMES_MAX)
					return refuse(why, whysize, 400,
						      "more than %d ids",
						      SERVE_NAMES_MAX);
				v->ids[v->nids++] = p->value;
			} else {
				if (v->nparties == SERVE_NAMES_MAX)
					return refuse(why, whysize, 400,
						      "more than %d parties",
						      SERVE_NAMES_MAX);
				v->parties[v->nparties++] = p->value;
			}
			break;
		case P_KIND:
			if (!filter_parse_kinds(p->value, &v->f.kinds, &bad,
						&badlen)) {
				char list[512];

				filter_kind_list(list, sizeof list);
				return refuse(why, whysize, 400, "kind=%.64s: "
					      "unknown kind '%.*s' (one of: "
					      "%s)", p->value,
					      (int)(badlen > 64 ? 64 : badlen),
					      bad, list);
			}
			break;
		case P_FROM:
			status = date_param("from", p->value, today,
					    &v->f.has_from, &v->f.from, why,
					    whysize);
			if (status != 200)
				return status;
			break;
		default:
			status = date_param("until", p->value, today,
					    &v->f.has_until, &v->f.until, why,
					    whysize);
			if (status != 200)
				return status;
			break;
		}
	}
	if (v->f.has_from && v->f.has_until &&
	    tt_date_compare(v->f.from, v->f.until) > 0)
		return refuse(why, whysize, 400, "until=%s is before from=%s",
			      tt_date_format(v->f.until, d1),
			      tt_date_format(v->f.from, d2));
	return 200;
}

bool
serve_view_has_id(const struct serve_view *v, const char *name)
{
	if (v->nids == 0)
		return true;
	for (size_t i = 0; i < v->nids; i++)
		if (strcmp(v->ids[i], name) == 0)
			return true;
	return false;
}

bool
serve_view_has_party(const struct serve_view *v, const char *party)
{
	if (v->nparties == 0 || party == NULL || *party == '\0')
		return true;
	for (size_t i = 0; i < v->nparties; i++)
		if (strcmp(v->parties[i], party) == 0)
			return true;
	return false;
}

bool
serve_view_keep(const struct serve_view *v, const tt_milestone *m)
{
	if (!filter_keep(&v->f, m))
		return false;
	if (!(m->flags & TT_MS_PARTY))
		return true;
	/* A party's date with no party named is nobody's: not shown to a
	 * view that names parties. */
	return m->party != NULL ? serve_view_has_party(v, m->party) :
	       v->nparties == 0;
}

static const char *const wdays[] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};
static const char *const months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

/* Days from 1970-01-01 to Y-M-D (proleptic Gregorian), without the C
 * library's time zone (timegm() is not standard C). */
static long long
days_from_civil(long long y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
serve_http_date(time_t t, char *buf)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(buf, SERVE_HTTP_DATE_SIZE,
		 "%s, %02d %s %04d %02d:%02d:%02d GMT", wdays[tm.tm_wday],
		 tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour,
		 tm.tm_min, tm.tm_sec);
}

bool
serve_http_date_parse(const char *s, time_t *out)
{
	char wd[4], mon[4], gmt[4];
	int d, y, hh, mm, ss, n = 0, m;

	if (strlen(s) != SERVE_HTTP_DATE_LEN)
		return false;
	if (sscanf(s, "%3[A-Za-z], %2d %3s %4d %2d:%2d:%2d %3s%n", wd, &d,
		   mon, &y, &hh, &mm, &ss, gmt, &n) != 8 || n != SERVE_HTTP_DATE_LEN)
		return false;
	if (strcmp(gmt, "GMT") != 0 || wd[3] != '\0')
		return false;
	for (m = 0; m < 12; m++)
		if (strcmp(mon, months[m]) == 0)
			break;
	if (m == 12 || d < 1 || d > 31 || y < 1970 || hh > 23 || mm > 59 ||
	    ss > 60 || hh < 0 || mm < 0 || ss < 0)
		return false;
	*out = (time_t)(days_from_civil(y, m + 1, d) * 86400LL +
			hh * 3600 + mm * 60 + ss);
	return true;
}

bool
serve_not_modified(const char *if_none_match, const char *if_modified_since,
		   const char *etag, time_t last_modified)
{
	time_t since;

	if (if_none_match != NULL) {
		const char *p = if_none_match;
		size_t n = strlen(etag);

		if (n == 0)
			return false;
		while (*p != '\0') {
			const char *q;

			p += strspn(p, " \t,");
			if (*p == '*')
				return true;
			if (strncmp(p, "W/", 2) == 0)
				p += 2;
			if (*p != '"')
				return false;
			if ((q = strchr(p + 1, '"')) == NULL)
				return false;
			if ((size_t)(q - p - 1) == n &&
			    memcmp(p + 1, etag, n) == 0)
				return true;
			p = q + 1;
		}
		return false;
	}
	if (if_modified_since == NULL || last_modified == 0 ||
	    !serve_http_date_parse(if_modified_since, &since))
		return false;
	return last_modified <= since;
}
