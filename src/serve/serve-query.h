/*
 * serve-query.h -- what a request to "treatyterm serve" asks for: the
 * route its path names and the filters its query gives.
 *
 * Pure functions over the request target as it came off the wire (not
 * yet decoded), so that the unit tests and a fuzzer can drive them
 * without a server.  Every limit is a constant here, and every refusal
 * is an HTTP status with a one-line reason for the answer's body.
 */
#ifndef TREATYTERM_SERVE_QUERY_H
#define TREATYTERM_SERVE_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include <treatyterm/treatyterm.h>

#include "out/filter.h"

/* The longest request target (path and query) answered; longer is 414. */
#define SERVE_TARGET_MAX 2048
/* The longest query (after '?') answered; longer is 414 too. */
#define SERVE_QUERY_MAX 1024
/* The most parameters in a query; more is 400. */
#define SERVE_PARAMS_MAX 32
/* The longest treaty id in a path or value once decoded. */
#define SERVE_VALUE_MAX 256
/* The most ids or parties a view may name. */
#define SERVE_NAMES_MAX 16

enum serve_route {
	ROUTE_INDEX,		/* / */
	ROUTE_CALENDAR,		/* /calendar.ics */
	ROUTE_AGENDA,		/* /agenda.json */
	ROUTE_COMPARE,		/* /compare.svg?id=A&id=B */
	ROUTE_TREATY_ICS,	/* /t/ID.ics */
	ROUTE_TREATY_JSON,	/* /t/ID.json */
	ROUTE_TREATY_SVG	/* /t/ID.svg */
};

struct serve_param {
	const char *key, *value;	/* decoded, in the target's buffer */
};

/* A request target taken apart. */
struct serve_target {
	enum serve_route route;
	char id[SERVE_VALUE_MAX];	/* the ID of /t/ID.ext, decoded */
	struct serve_param params[SERVE_PARAMS_MAX];
	size_t nparams;
	char buf[SERVE_QUERY_MAX + 2];	/* the decoded keys and values */
};

/* What a view shows: the filters of the query. */
struct serve_view {
	struct filter f;		/* from, until, kinds */
	const char *ids[SERVE_NAMES_MAX];	/* none: every treaty */
	size_t nids;
	const char *parties[SERVE_NAMES_MAX];	/* none: every party */
	size_t nparties;
};

/* Takes TARGET ("/calendar.ics?kind=expiry", percent-encoded as sent)
 * apart into *T.  Returns 200, or the status to answer with WHY (a line
 * of at most WHYSIZE bytes) saying why: 414 for a target or query too
 * long, 404 for a path that is no route, 400 for a query that cannot be
 * decoded (a bad %-escape, a NUL, too many parameters). */
int serve_target_parse(const char *target, struct serve_target *t,
		       char *why, size_t whysize);

/* Reads the parameters of T into *V, checking that each is one its route
 * takes and that each value is good; dates may be relative to TODAY
 * ("today+90d").  Returns 200, or 400 with WHY.  V points into T. */
int serve_view_parse(const struct serve_target *t, tt_date today,
		     struct serve_view *v, char *why, size_t whysize);

/* True when V shows treaty NAME; true for every name when V names none. */
bool serve_view_has_id(const struct serve_view *v, const char *name);
/* True when V shows M: in the window, of the kinds, and, when V names
 * parties, a date of one of them or a date of every party. */
bool serve_view_keep(const struct serve_view *v, const tt_milestone *m);
/* True when V shows a date of PARTY ("" or NULL: of every party). */
bool serve_view_has_party(const struct serve_view *v, const char *party);

/* HTTP dates ("Sun, 06 Nov 1994 08:49:37 GMT", RFC 9110), always GMT. */
#define SERVE_HTTP_DATE_SIZE 64	/* room for any year */
#define SERVE_HTTP_DATE_LEN 29	/* the length of one in 1000-9999 */
void serve_http_date(time_t t, char *buf);
/* False for anything but the preferred form above. */
bool serve_http_date_parse(const char *s, time_t *out);

/* True when a conditional GET may be answered 304 Not Modified: with an
 * If-None-Match (a list of entity tags, weak or strong, or "*"), when one
 * of its tags is ETAG (unquoted); without one, when IF_MODIFIED_SINCE is
 * a date on or after LAST_MODIFIED.  Either header may be NULL. */
bool serve_not_modified(const char *if_none_match,
			const char *if_modified_since, const char *etag,
			time_t last_modified);

#endif /* TREATYTERM_SERVE_QUERY_H */
