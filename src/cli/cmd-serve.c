/*
 * cmd-serve.c -- "treatyterm serve": the treaties of agenda's inputs as
 * calendars to subscribe to, their schedules and pictures, and a page
 * listing them, over HTTP.
 *
 * The treaties are computed once per version of the inputs (a
 * generation), and each calendar event is rendered then, one treaty at a
 * time with the library's own writer, into a block of text kept with the
 * milestone it came from; a request only picks blocks and sets their
 * SEQUENCE.  Every second at most, a request first looks at the inputs'
 * modification times and sizes; when they changed, a new generation is
 * built, and the events are compared with the state (serve-state.h), so
 * that a moved event is served with a higher SEQUENCE and a removed one
 * as cancelled.
 *
 * An input that cannot be read does not hide the others: the treaties
 * that read are served, and those that do not are reported on standard
 * error, in a banner on the page and in /agenda.json's "errors".  A
 * treaty whose input stops reading goes on being served as last read
 * (copied over from the generation before), and while any input fails
 * no event is cancelled: a typo must not cancel a treaty's dates in its
 * subscribers' calendars.  With --strict, a failed input at the start
 * stops the server, and on a re-read the last good generation stays
 * whole, the failure shown on the page.
 *
 * Routing and query parsing are serve-query.c's, HTTP is serve-http.c's;
 * this file only renders.  The server thread runs every request, and
 * this file's state is touched only there (and before it starts, after
 * it stops).
 */
#include <config.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "lib/grow.h"
#include "cli/calendar.h"
#include "out/chart.h"
#include "cli/cli.h"
#include "out/agenda.h"
#include "out/compare.h"
#include "out/filter.h"
#include "out/format.h"
#include "cli/inputs.h"
#include "cli/options.h"
#include "serve/serve-http.h"
#include "serve/serve-query.h"
#include "serve/serve-state.h"
#include "out/text.h"

/* How often a subscriber should fetch again, in seconds
 * (REFRESH-INTERVAL), unless --refresh says. */
#define SERVE_REFRESH 3600
/* The most treaties drawn in the page's picture. */
#define PAGE_CHART_MAX 12
/* The most dates in the page's list of what is next. */
#define PAGE_NEXT_MAX 12

struct serve_state_opts {
	const char *listen;
	const char *state;
	const char *parties;
	bool strict;
	struct timespec recheck;	/* --recheck; zero: a second */
};

/* One calendar event of a generation: the block of text the writer
 * wrote for milestone M of treaty T. */
struct event {
	size_t t;		/* the treaty's index */
	const tt_milestone *m;
	char *text;		/* BEGIN:VEVENT ... END:VEVENT CRLF */
	size_t len;
	size_t seq_at;		/* where "SEQUENCE:0" is in TEXT */
	char uid[64];
	char dtstart[9], dtend[9];
	char *summary;		/* its value, unfolded */
	uint64_t hash;		/* of TEXT without DTSTAMP and SEQUENCE */
};

/* One version of the inputs, computed. */
struct generation {
	struct inputs in;
	struct event *ev;
	size_t nev, cap;
	uint64_t fingerprint;	/* of the inputs' names, times and sizes */
	time_t changed;		/* Last-Modified */
	time_t read_at;		/* when it was read */
	time_t good_at;		/* when every input last read, 0 if
				 * never since the start */
};

struct server {
	struct args *a;
	const struct serve_state_opts *opts;
	struct generation *gen;
	struct serve_state state;
	struct timespec checked;	/* the last look at the inputs */
	struct timespec recheck;	/* the least time between two looks */
	char default_host[128];	/* from --listen, for links */
	struct inputs failed;	/* the errors of the last read, when it
				 * was refused (--strict, --parties) */
	time_t failed_at;
};

static int exec(struct args *a);
static int set_recheck(struct args *, const struct opt *, const char *);

static const struct opt options[] = {
	{ .name = "listen", .arg = "ADDRESS:PORT", .handler = opt_string,
	  .flags = OPT_ONCE,
	  .offset = offsetof(struct serve_state_opts, listen),
	  .help = "where to listen: 127.0.0.1:8080 (the default), "
		  "[::1]:8080, 0.0.0.0:80; port 0 for any free port" },
	{ .name = "state", .arg = "FILE", .handler = opt_string,
	  .flags = OPT_ONCE,
	  .offset = offsetof(struct serve_state_opts, state),
	  .help = "keep each event's SEQUENCE and the removed events in "
		  "FILE, across changes and restarts" },
	{ .name = "parties", .arg = "FILE", .handler = opt_string,
	  .flags = OPT_ONCE,
	  .offset = offsetof(struct serve_state_opts, parties),
	  .help = "[party] rows from a CSV file, added to the treaty its "
		  "'treaty' column names; read again when it changes" },
	{ .name = "strict", .handler = opt_bool,
	  .offset = offsetof(struct serve_state_opts, strict),
	  .help = "all or nothing: do not start when an input cannot be "
		  "read, and keep serving the last good version whole when "
		  "one stops reading" },
	{ .name = "recheck", .arg = "SECONDS", .handler = set_recheck,
	  .flags = OPT_ONCE,
	  .help = "look at the inputs at most once in SECONDS, a decimal "
		  "such as 0.1 (by default 1)" },
	OPT_END
};

static const struct opt_group *const groups[] = {
	&options_calendar, NULL
};

const struct cli_command cmd_serve = {
	.name = "serve",
	.summary = "serve calendars of many treaties over HTTP",
	.usage = "INPUT... [--listen ADDRESS:PORT] [--state FILE] "
		 "[OPTION]...",
	.description =
	    "Serve the treaties of the INPUTs (as for 'treatyterm agenda': "
	    "presets, spec\n"
	    "files, batch CSV files, directories of spec files) over HTTP, "
	    "read-only:\n"
	    "  /                 a page with the treaties, the next dates "
	    "and the links\n"
	    "  /calendar.ics     every milestone; ?id= ?party= ?kind= ?from= "
	    "?until=\n"
	    "  /agenda.json      the dates coming up (12 months from today "
	    "by default)\n"
	    "  /t/ID.ics, /t/ID.json, /t/ID.svg   one treaty\n"
	    "  /compare.svg?id=A&id=B             treaties side by side\n"
	    "The inputs are read again when they change; with --state, "
	    "moved events keep\n"
	    "their UID with a higher SEQUENCE and removed ones are served "
	    "as cancelled.\n"
	    "An input that cannot be read is reported (log, page, "
	    "/agenda.json) and the\n"
	    "others are served; a treaty whose input stops reading is "
	    "served as last read.\n"
	    "SIGTERM or SIGINT stops the server (exit status 0).\n",
	.options = options,
	.groups = groups,
	.formats = FORMAT_ICS,
	.default_format = FORMAT_ICS,
	.size = sizeof (struct serve_state_opts),
	.exec = exec,
};

/* --- hashing ------------------------------------------------------------- */

#define FNV_OFFSET UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME UINT64_C(0x100000001b3)

static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= FNV_PRIME;
	}
	return h;
}

/* --- watching the inputs ------------------------------------------------- */

static uint64_t
stat_hash(uint64_t h, const char *path)
{
	struct stat sb;

	h = fnv(h, path, strlen(path) + 1);
	if (stat(path, &sb) != 0) {
		int e = errno;

		return fnv(h, &e, sizeof e);
	}
	h = fnv(h, &sb.st_mtim, sizeof sb.st_mtim);
	h = fnv(h, &sb.st_size, sizeof sb.st_size);
	h = fnv(h, &sb.st_ino, sizeof sb.st_ino);
	return h;
}

/* A hash of what the inputs are on disk: each operand's times and size,
 * and for a directory each *.ini file's (in any order: the per-entry
 * hashes are added). */
static uint64_t
fingerprint(int argc, char **argv, time_t *newest)
{
	uint64_t h = FNV_OFFSET;
	struct stat sb;

	for (int i = 0; i < argc; i++) {
		DIR *dir;
		struct dirent *de;
		uint64_t sum = 0;

		h = stat_hash(h, argv[i]);
		if (stat(argv[i], &sb) != 0)
			continue;
		if (sb.st_mtime > *newest)
			*newest = sb.st_mtime;
		if (!S_ISDIR(sb.st_mode) || (dir = opendir(argv[i])) == NULL)
			continue;
		while ((de = readdir(dir)) != NULL) {
			char path[4096];

			if (de->d_name[0] == '.' ||
			    !inputs_has_suffix(de->d_name, ".ini"))
				continue;
			snprintf(path, sizeof path, "%s/%s", argv[i],
				 de->d_name);
			sum += stat_hash(FNV_OFFSET, path);
			if (stat(path, &sb) == 0 && sb.st_mtime > *newest)
				*newest = sb.st_mtime;
		}
		closedir(dir);
		h = fnv(h, &sum, sizeof sum);
	}
	return h;
}

/* The fingerprint of the operands and of the --parties file. */
static uint64_t
served_fingerprint(const struct server *sv, time_t *newest)
{
	uint64_t h = fingerprint(sv->a->argc, sv->a->argv, newest);

	return sv->opts->parties != NULL ? stat_hash(h, sv->opts->parties) :
	       h;
}

/* --- a generation ------------------------------------------------------- */

static void
generation_free(struct generation *g)
{
	if (g == NULL)
		return;
	for (size_t i = 0; i < g->nev; i++) {
		free(g->ev[i].text);
		free(g->ev[i].summary);
	}
	free(g->ev);
	inputs_free(&g->in);
	free(g);
}

/* The value of the content line NAME (":"-terminated, "UID:") in the
 * block [P, END), unfolded, into a new string; NULL if none. */
static char *
line_value(const char *p, const char *end, const char *name)
{
	size_t n = strlen(name);
	char *out, *o;

	for (;;) {
		if ((size_t)(end - p) > n && memcmp(p, name, n) == 0)
			break;
		p = memchr(p, '\n', (size_t)(end - p));
		if (p == NULL || ++p >= end)
			return NULL;
	}
	p += n;
	if ((out = malloc((size_t)(end - p) + 1)) == NULL)
		return NULL;
	o = out;
	while (p < end) {
		if (*p == '\r' && p + 2 < end && p[1] == '\n' && p[2] == ' ') {
			p += 3;		/* a fold */
			continue;
		}
		if (*p == '\r')
			break;
		*o++ = *p++;
	}
	*o = '\0';
	return out;
}

/* Hashes the block [P, END) without its DTSTAMP and SEQUENCE lines,
 * which change without the event changing. */
static uint64_t
block_hash(const char *p, const char *end)
{
	uint64_t h = FNV_OFFSET;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *next = nl != NULL ? nl + 1 : end;

		if (strncmp(p, "DTSTAMP:", 8) != 0 &&
		    strncmp(p, "SEQUENCE:", 9) != 0)
			h = fnv(h, p, (size_t)(next - p));
		p = next;
	}
	return h;
}

/* Renders treaty T of G and splits its calendar into events, one per
 * milestone in the schedule's order (the writer's).  False after a
 * message. */
static bool
split_events(struct generation *g, size_t t, const tt_ics_options *base)
{
	const tt_schedule *s = g->in.t[t].s;
	tt_ics_options opt = *base;
	char *text = NULL, *p;
	size_t len, k = 0, n = tt_schedule_count(s);
	tt_error e;
	bool ok = false;

	opt.rrule = false;	/* one event per milestone */
	/* The state carries SEQUENCE over, event by event, so that a
	 * filtered view does not show what it leaves out as cancelled. */
	opt.previous = NULL;
	opt.has_from = opt.has_until = false;
	opt.kinds = 0;
	if (tt_ics_render(&s, 1, &opt, &text, &len, &e) != TT_OK) {
		cli_error("serve: %s: %s", g->in.t[t].name, e.message);
		return false;
	}
	p = text;
	while ((p = strstr(p, "BEGIN:VEVENT\r\n")) != NULL) {
		char *stop = strstr(p, "END:VEVENT\r\n"), *v;
		struct event *ev;
		void *q;

		if (stop == NULL || k == n)
			goto mismatch;
		stop += strlen("END:VEVENT\r\n");
		q = ttp_grow(g->ev, &g->cap, g->nev + 1, sizeof *g->ev);
		if (q == NULL)
			goto nomem;
		g->ev = q;
		ev = &g->ev[g->nev];
		memset(ev, 0, sizeof *ev);
		ev->t = t;
		ev->m = tt_schedule_at(s, k++);
		ev->len = (size_t)(stop - p);
		if ((ev->text = malloc(ev->len + 1)) == NULL)
			goto nomem;
		memcpy(ev->text, p, ev->len);
		ev->text[ev->len] = '\0';
		g->nev++;
		v = strstr(ev->text, "\r\nSEQUENCE:0\r\n");
		if (v == NULL)
			goto mismatch;
		ev->seq_at = (size_t)(v - ev->text) + 2;
		ev->hash = block_hash(ev->text, ev->text + ev->len);
		if ((v = line_value(ev->text, ev->text + ev->len, "UID:")) ==
		    NULL)
			goto mismatch;
		snprintf(ev->uid, sizeof ev->uid, "%s", v);
		free(v);
		v = line_value(ev->text, ev->text + ev->len,
			       "DTSTART;VALUE=DATE:");
		if (v == NULL)
			goto mismatch;
		snprintf(ev->dtstart, sizeof ev->dtstart, "%.8s", v);
		free(v);
		v = line_value(ev->text, ev->text + ev->len,
			       "DTEND;VALUE=DATE:");
		if (v == NULL)
			goto mismatch;
		snprintf(ev->dtend, sizeof ev->dtend, "%.8s", v);
		free(v);
		ev->summary = line_value(ev->text, ev->text + ev->len,
					 "SUMMARY:");
		if (ev->summary == NULL)
			goto mismatch;
		p = stop;
	}
	if (k != n)
		goto mismatch;
	ok = true;
	goto done;
mismatch:
	/* The writer wrote what this file does not expect: a change in it
	 * that this file must follow.  Better no feed than a wrong one. */
	cli_error("serve: %s: the calendar writer's events do not match the "
		  "schedule", g->in.t[t].name);
	goto done;
nomem:
	cli_error("out of memory");
done:
	free(text);
	return ok;
}

/* Copies into G the treaties of OLD that G lacks because their input
 * could not be read this time; false after a message. */
static bool
carry_over(struct generation *g, const struct generation *old)
{
	for (size_t i = 0; old != NULL && i < old->in.n; i++) {
		const struct treaty *t = &old->in.t[i];

		if (inputs_find(&g->in, t->name) != NULL)
			continue;
		for (size_t k = 0; k < g->in.nerr; k++)
			if (inputs_error_covers(&g->in.err[k], t)) {
				if (!inputs_carry(&g->in, t))
					return false;
				break;
			}
	}
	return true;
}

/* Takes over the errors of G, a read that is not served, for the page
 * and /agenda.json until the next read. */
static void
keep_failed(struct server *sv, struct generation *g)
{
	if (g->in.nerr == 0)
		return;
	inputs_free(&sv->failed);
	sv->failed.err = g->in.err;
	sv->failed.nerr = g->in.nerr;
	sv->failed.errcap = g->in.errcap;
	g->in.err = NULL;
	g->in.nerr = g->in.errcap = 0;
	sv->failed_at = time(NULL);
}

/* Reads and computes the inputs into a new generation, with the
 * treaties of OLD (NULL at the start) whose input no longer reads; NULL
 * after a message when memory runs out or the --parties file cannot be
 * read.  The inputs that cannot be read are G's errors (--strict is the
 * caller's to apply: every error is shown, not the first only). */
static struct generation *
generation_build(struct server *sv, const struct generation *old)
{
	struct args *a = sv->a;
	struct generation *g = calloc(1, sizeof *g);
	time_t newest = 0;

	if (g == NULL) {
		cli_error("out of memory");
		return NULL;
	}
	g->fingerprint = served_fingerprint(sv, &newest);
	g->read_at = time(NULL);
	inputs_init(&g->in, "served treaties", &a->calendar);
	if (!calendar_set_dtstamp(&a->calendar))
		goto fail;
	if (sv->opts->parties != NULL &&
	    !inputs_parties(&g->in, sv->opts->parties))
		goto fail;
	for (int i = 0; i < a->argc; i++)
		if (!inputs_load(&g->in, a->argv[i]))
			goto fail;
	for (size_t t = 0; t < g->in.n; t++)
		g->in.t[t].read_at = g->read_at;
	if (!carry_over(g, old))
		goto fail;
	for (size_t t = 0; t < g->in.n; t++)
		if (!split_events(g, t, &a->calendar.ics))
			goto fail;
	g->changed = newest != 0 ? newest : time(NULL);
	g->good_at = g->in.nerr == 0 ? g->read_at :
		     old != NULL ? old->good_at : 0;
	return g;
fail:
	/* What could not be read (the --parties file) is shown on the
	 * page until the next read. */
	keep_failed(sv, g);
	generation_free(g);
	return NULL;
}

/* Carries SEQUENCE and cancellations from the state over to G, and saves
 * the state if it changed.  False after a message. */
static bool
state_update(struct server *sv, const struct generation *g)
{
	struct serve_event_key *k = calloc(g->nev ? g->nev : 1, sizeof *k);
	tt_date today = { 1970, 1, 1 };
	int r;

	if (k == NULL) {
		cli_error("out of memory");
		return false;
	}
	(void)cli_today(&today);	/* checked at the start */
	for (size_t i = 0; i < g->nev; i++) {
		k[i].uid = g->ev[i].uid;
		k[i].hash = g->ev[i].hash;
		k[i].dtstart = g->ev[i].dtstart;
		k[i].dtend = g->ev[i].dtend;
		k[i].kind = tt_kind_name(g->ev[i].m->kind);
		k[i].treaty = g->in.t[g->ev[i].t].name;
		k[i].summary = g->ev[i].summary;
		k[i].party = g->ev[i].m->flags & TT_MS_PARTY ?
			     g->ev[i].m->party : NULL;
	}
	/* A treaty missing because its input did not read is not
	 * cancelled. */
	r = serve_state_update(&sv->state, k, g->nev, today,
			       g->in.nerr == 0);
	free(k);
	if (r < 0) {
		cli_error("out of memory");
		return false;
	}
	if (r > 0 && sv->opts->state != NULL &&
	    !serve_state_save(&sv->state, sv->opts->state))
		/* The feed is still right; only a restart would lose. */
		cli_error("serve: %s: cannot save the state: %s",
			  sv->opts->state, strerror(errno));
	return true;
}

/* Looks at the inputs (once a second at most, or as --recheck says) and takes a new
 * generation when they changed. */
static void
refresh(struct server *sv)
{
	struct timespec now;
	struct generation *g;
	time_t newest = 0;
	uint64_t fp;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if ((int64_t)(now.tv_sec - sv->checked.tv_sec) * 1000000000 +
	    (now.tv_nsec - sv->checked.tv_nsec) <
	    (int64_t)sv->recheck.tv_sec * 1000000000 + sv->recheck.tv_nsec)
		return;
	sv->checked = now;
	fp = served_fingerprint(sv, &newest);
	if (fp == sv->gen->fingerprint)
		return;
	inputs_free(&sv->failed);
	g = generation_build(sv, sv->opts->strict ? NULL : sv->gen);
	if (g == NULL || (sv->opts->strict && g->in.nerr > 0) ||
	    !state_update(sv, g)) {
		cli_error("serve: the inputs changed but cannot be read; "
			  "still serving the treaties read before");
		if (g != NULL)
			keep_failed(sv, g);	/* shown until the next read */
		generation_free(g);
		/* Not again until they change once more. */
		sv->gen->fingerprint = fp;
		return;
	}
	/* The time of this change, even if a file kept an older time. */
	g->changed = time(NULL);
	if (g->changed <= sv->gen->changed)
		g->changed = sv->gen->changed + 1;
	generation_free(sv->gen);
	sv->gen = g;
	if (g->in.nerr > 0)
		cli_error("serve: inputs read again: %zu treat%s; %zu could "
			  "not be read: still serving the treaties read before "
			  "from them", g->in.n, g->in.n == 1 ? "y" : "ies",
			  g->in.nerr);
	else
		cli_error("serve: inputs read again: %zu treat%s", g->in.n,
			  g->in.n == 1 ? "y" : "ies");
}

/* --- rendering ----------------------------------------------------------- */

/* A body being written. */
struct body {
	FILE *fp;
	char *p;
	size_t len;
};

static bool
body_open(struct body *b)
{
	b->p = NULL;
	b->len = 0;
	b->fp = open_memstream(&b->p, &b->len);
	return b->fp != NULL;
}

/* Hands the body to RS as a 200 answer with its ETag; false when a
 * write failed (the body is then freed). */
static bool
body_finish(struct body *b, bool ok, struct server *sv,
	    struct serve_response *rs, const char *type)
{
	if (fclose(b->fp) != 0)
		ok = false;
	if (!ok) {
		free(b->p);
		return false;
	}
	rs->status = 200;
	rs->body = b->p;
	rs->len = b->len;
	rs->content_type = type;
	snprintf(rs->etag, sizeof rs->etag, "%016" PRIx64,
		 fnv(FNV_OFFSET, b->p, b->len));
	rs->last_modified = sv->gen->changed;
	return true;
}

static void
fail(struct serve_response *rs, int status, const char *fmt, ...)
	CLI_PRINTF(3, 4);

/* A short text answer saying why. */
static void
fail(struct serve_response *rs, int status, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n > sizeof buf - 2)
		n = (int)sizeof buf - 2;
	buf[n++] = '\n';
	buf[n] = '\0';
	rs->status = status;
	rs->content_type = "text/plain; charset=utf-8";
	rs->body = strdup(buf);
	rs->len = rs->body != NULL ? (size_t)n : 0;
}

static const struct treaty *
find_treaty(const struct generation *g, const char *id, size_t *index)
{
	for (size_t i = 0; i < g->in.n; i++)
		if (strcmp(g->in.t[i].name, id) == 0) {
			if (index != NULL)
				*index = i;
			return &g->in.t[i];
		}
	return NULL;
}

/* True when the state holds a cancelled event of the treaty ID. */
static bool
has_cancelled(const struct serve_state *st, const char *id)
{
	for (size_t i = 0; i < st->n; i++)
		if (st->r[i].cancelled && strcmp(st->r[i].treaty, id) == 0)
			return true;
	return false;
}

/* The kind of the cancelled record R is one V shows, and its date is in
 * V's window. */
static bool
record_in_view(const struct serve_record *r, const struct serve_view *v)
{
	tt_date d;
	char iso[TT_DATE_BUFSIZE];
	unsigned mask = 0;
	const char *bad;
	size_t badlen;

	if (!serve_view_has_id(v, r->treaty) ||
	    !serve_view_has_party(v, r->party))
		return false;
	if (v->f.kinds != 0 &&
	    (!filter_parse_kinds(r->kind, &mask, &bad, &badlen) ||
	     !(mask & v->f.kinds)))
		return false;
	snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", r->dtstart,
		 r->dtstart + 4, r->dtstart + 6);
	if (tt_date_parse(iso, &d, NULL) != TT_OK)
		return false;
	if (v->f.has_from && tt_date_compare(d, v->f.from) < 0)
		return false;
	return !v->f.has_until || tt_date_compare(d, v->f.until) <= 0;
}

/* Writes the content line NAME VALUE (VALUE already escaped as TEXT)
 * whole, folded as the library's writer folds: CRLF and a space after
 * at most 75 octets, never inside a UTF-8 sequence or a backslash
 * escape, and before a character that is not a blank when one is near,
 * so that no continuation line starts blank. */
static void
put_folded(FILE *fp, const char *name, const char *value)
{
	const unsigned char *v = (const unsigned char *)value;
	size_t used = strlen(name), n = strlen(value), i = 0;

	fputs(name, fp);
	while (n - i > 75 - used) {
		size_t room = 75 - used, j = i, cut = 0, len;

		/* Steps over whole characters and escapes; a fold goes at
		 * the last step that fits, or before the last character
		 * that is not a blank in the second half of the line. */
		for (;;) {
			if (v[j] == '\\' && j + 1 < n)
				len = 2;
			else if (v[j] >= 0xf0)
				len = 4;
			else if (v[j] >= 0xe0)
				len = 3;
			else if (v[j] >= 0xc0)
				len = 2;
			else
				len = 1;
			if (j + len > n)
				len = n - j;
			if (j - i + len > room)
				break;
			j += len;
			if (v[j] != ' ' && v[j] != '\t' && j - i > room / 2)
				cut = j;
		}
		if (cut == 0)
			cut = j > i ? j : i + len;
		fwrite(value + i, 1, cut - i, fp);
		fputs("\r\n ", fp);
		i = cut;
		used = 1;
	}
	fputs(value + i, fp);
	fputs("\r\n", fp);
}

/* The calendar of view V (all treaties, or those V names) into B. */
static bool
write_calendar(struct server *sv, const struct serve_view *v,
	       const char *name, FILE *fp)
{
	const struct generation *g = sv->gen;
	tt_ics_options opt = sv->a->calendar.ics;
	char *head = NULL, *end, stamp[32];
	size_t len;
	time_t t;
	struct tm tm;
	tt_error e;

	opt.calendar_name = name;
	if (opt.refresh == 0)
		opt.refresh = SERVE_REFRESH;
	if (tt_ics_render(NULL, 0, &opt, &head, &len, &e) != TT_OK ||
	    (end = strstr(head, "END:VCALENDAR\r\n")) == NULL) {
		free(head);
		return false;
	}
	fwrite(head, 1, (size_t)(end - head), fp);
	for (size_t i = 0; i < g->nev; i++) {
		const struct event *ev = &g->ev[i];
		const struct serve_record *r;

		if (!serve_view_has_id(v, g->in.t[ev->t].name) ||
		    !serve_view_keep(v, ev->m))
			continue;
		r = serve_state_find(&sv->state, ev->uid);
		fwrite(ev->text, 1, ev->seq_at, fp);
		fprintf(fp, "SEQUENCE:%u\r\n", r != NULL ? r->seq : 0);
		fputs(ev->text + ev->seq_at + strlen("SEQUENCE:0\r\n"), fp);
	}
	t = (time_t)opt.dtstamp;
	gmtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	for (size_t i = 0; i < sv->state.n; i++) {
		const struct serve_record *r = &sv->state.r[i];

		if (!r->cancelled || !record_in_view(r, v))
			continue;
		/* The whole title, as the --previous path keeps it: a
		 * subscriber must recognise what was cancelled. */
		fprintf(fp, "BEGIN:VEVENT\r\n");
		put_folded(fp, "UID:", r->uid);
		fprintf(fp, "DTSTAMP:%s\r\n"
			"DTSTART;VALUE=DATE:%s\r\nDTEND;VALUE=DATE:%s\r\n",
			stamp, r->dtstart, r->dtend);
		put_folded(fp, "SUMMARY:", r->summary);
		fprintf(fp, "STATUS:CANCELLED\r\n"
			"TRANSP:TRANSPARENT\r\nSEQUENCE:%u\r\nEND:VEVENT\r\n",
			r->seq);
	}
	fputs(end, fp);
	free(head);
	return !ferror(fp);
}

/* The dates of V across the treaties, in date order. */
struct dated {
	const struct event *ev;
	size_t i;
};

static int
compare_dated(const void *pa, const void *pb)
{
	const struct dated *a = pa, *b = pb;
	int c = tt_date_compare(a->ev->m->date, b->ev->m->date);

	return c != 0 ? c : a->i < b->i ? -1 : a->i > b->i;
}

static struct dated *
collect(const struct generation *g, const struct serve_view *v, size_t *n)
{
	struct dated *d = calloc(g->nev ? g->nev : 1, sizeof *d);
	size_t k = 0;

	if (d == NULL)
		return NULL;
	for (size_t i = 0; i < g->nev; i++)
		if (serve_view_has_id(v, g->in.t[g->ev[i].t].name) &&
		    serve_view_keep(v, g->ev[i].m)) {
			d[k].ev = &g->ev[i];
			d[k].i = i;
			k++;
		}
	qsort(d, k, sizeof *d, compare_dated);
	*n = k;
	return d;
}

/* The inputs that could not be read, for the page and /agenda.json:
 * those of the read --strict refused, else the served generation's. */
static const struct inputs *
unread(const struct server *sv)
{
	return sv->failed.nerr > 0 ? &sv->failed : &sv->gen->in;
}

/* As "treatyterm agenda --format json" writes, each date with its
 * event's UID, and the inputs BAD that could not be read in "errors". */
static bool
write_agenda(const struct generation *g, const struct serve_view *v,
	     const struct inputs *bad, tt_date today, FILE *fp)
{
	struct agenda ag;
	struct dated *list;
	size_t n;
	bool ok;

	if ((list = collect(g, v, &n)) == NULL)
		return false;
	memset(&ag, 0, sizeof ag);
	if ((ag.e = calloc(n ? n : 1, sizeof *ag.e)) == NULL) {
		free(list);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		ag.e[i].treaty = g->in.t[list[i].ev->t].name;
		ag.e[i].m = list[i].ev->m;
		ag.e[i].uid = list[i].ev->uid;
	}
	ag.n = n;
	ag.today = today;
	ag.f = v->f;
	ag.err = bad->err;
	ag.nerr = bad->nerr;
	ok = json_write_agenda(fp, &ag);
	free(ag.e);
	free(list);
	return ok;
}

/* The timeline of the treaties IDX (N of them) as SVG. */
static bool
write_compare_svg(const struct generation *g, const size_t *idx, size_t n,
		  FILE *fp, const char **why)
{
	const tt_schedule *s[SERVE_NAMES_MAX > PAGE_CHART_MAX ?
			      SERVE_NAMES_MAX : PAGE_CHART_MAX] = { NULL };
	struct chart_options co = { FORMAT_SVG, NULL, 0 };
	struct compare cmp;
	bool ok;

	memset(&cmp, 0, sizeof cmp);
	for (size_t i = 0; i < n; i++)
		s[i] = g->in.t[idx[i]].s;
	if (!compare_build(&cmp, s, n)) {
		*why = "out of memory";
		return false;
	}
	for (size_t i = 0; i < n; i++)
		cmp.p[i].hypothetical = tt_schedule_hypothetical(s[i]);
	if (n == 1)
		co.title = cmp.p[0].title;
	ok = chart_write(fp, &cmp, &co, why);
	compare_free(&cmp);
	return ok;
}

/* --- the page ------------------------------------------------------------ */

static void
html(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&#39;", fp); break;
		default: fputc(*s, fp);
		}
}

/* S percent-encoded for a path segment or a query value, then escaped
 * for HTML. */
static void
url_part(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c) != NULL)
			fputc(c, fp);
		else
			fprintf(fp, "%%%02X", c);
	}
}

/* The host to put in links: the request's Host, if it is a plain
 * host[:port], else the --listen address. */
static const char *
link_host(const struct server *sv, const char *host)
{
	if (host == NULL || *host == '\0' || strlen(host) > 255 ||
	    strspn(host, "abcdefghijklmnopqrstuvwxyz"
			 "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") !=
	    strlen(host))
		return sv->default_host;
	return host;
}

static bool
is_loopback(const char *host)
{
	return strncmp(host, "127.", 4) == 0 ||
	       strncmp(host, "localhost", 9) == 0 ||
	       strncmp(host, "[::1]", 5) == 0;
}

/* The subscription links of the calendar at PATH (starting with '/'). */
static void
links(FILE *fp, const char *host, const char *path, const char *id)
{
	static const char *const schemes[] = { "webcal", "https", "http" };

	for (size_t i = 0; i < 3; i++) {
		if (i == 2 && !is_loopback(host))
			break;
		fprintf(fp, "%s<a href=\"%s://", i ? " · " : "", schemes[i]);
		html(fp, host);
		fputs(path, fp);
		if (id != NULL) {
			url_part(fp, id);
			fputs(".ics", fp);
		}
		fprintf(fp, "\">%s</a>", schemes[i]);
	}
}

static const char page_style[] =
	"body{font-family:sans-serif;max-width:60em;margin:1em auto;"
	"padding:0 1em;color:#222}"
	"table{border-collapse:collapse;margin:.5em 0}"
	"th,td{text-align:left;padding:.2em .6em;border-bottom:1px solid #ddd}"
	"td.n{text-align:right}"
	"img{max-width:100%;border:1px solid #ddd}"
	"code{background:#f4f4f4;padding:0 .2em}"
	"div.errors{border:2px solid #b00;background:#fff0f0;"
	"padding:0 1em;margin:1em 0}";

/* T as "2026-12-08 14:05 UTC" into BUF (32 bytes). */
static const char *
clock_time(time_t t, char *buf)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, 32, "%Y-%m-%d %H:%M:%S UTC", &tm);
	return buf;
}

/* How long ago T was, at NOW: "3 minutes". */
static void
age(FILE *fp, time_t t, time_t now)
{
	long d = now > t ? (long)(now - t) : 0;

	if (d < 120)
		fprintf(fp, "%ld second%s", d, d == 1 ? "" : "s");
	else if (d < 2 * 3600)
		fprintf(fp, "%ld minutes", d / 60);
	else if (d < 2 * 86400)
		fprintf(fp, "%ld hours", d / 3600);
	else
		fprintf(fp, "%ld days", d / 86400);
}

/* Above the dates, the inputs that could not be read and why, and how
 * old the version served is: a subscriber's dates may be out of date,
 * and the log is not where the page's reader looks. */
static void
write_banner(const struct server *sv, FILE *fp)
{
	const struct inputs *bad = unread(sv);
	const struct generation *g = sv->gen;
	time_t now = time(NULL);
	char when[32];

	if (bad->nerr == 0)
		return;
	fprintf(fp, "<div class=\"errors\" role=\"alert\">\n<p><strong>%zu "
		"input%s could not be read</strong> (read at %s):</p>\n<ul>\n",
		bad->nerr, bad->nerr == 1 ? "" : "s",
		clock_time(bad == &sv->failed ? sv->failed_at : g->read_at,
			   when));
	for (size_t i = 0; i < bad->nerr; i++) {
		const struct input_error *e = &bad->err[i];

		fputs("<li><code>", fp);
		html(fp, e->input);
		fputs("</code>", fp);
		if (e->line != 0)
			fprintf(fp, " line %lu", e->line);
		if (e->column != 0)
			fprintf(fp, "%s column %lu", e->line ? "," : "",
				e->column);
		fputs(": ", fp);
		html(fp, e->message);
		fputs("</li>\n", fp);
	}
	fputs("</ul>\n<p>", fp);
	if (bad == &sv->failed)
		fputs("None of that read is served (with <code>--strict</code>, "
		      "or when the <code>--parties</code> file does not read, "
		      "a read is all or nothing): the treaties are those read "
		      "before, ", fp);
	else
		fputs("The other treaties are served as read now; a treaty "
		      "whose input no longer reads is served as last read, "
		      "and none of its dates is cancelled.  The treaties "
		      "were ", fp);
	fprintf(fp, "read at %s (", clock_time(g->read_at, when));
	age(fp, g->read_at, now);
	fputs(" ago); ", fp);
	if (g->good_at != 0) {
		fprintf(fp, "every input last read at %s (",
			clock_time(g->good_at, when));
		age(fp, g->good_at, now);
		fputs(" ago).</p>\n</div>\n", fp);
	} else {
		fputs("not every input has read since the server "
		      "started.</p>\n</div>\n", fp);
	}
}

static bool
write_page(struct server *sv, const char *host, tt_date today, FILE *fp)
{
	const struct generation *g = sv->gen;
	struct serve_view v;
	struct dated *list;
	struct text t;
	size_t n, shown = 0;
	char d[TT_DATE_BUFSIZE];

	memset(&v, 0, sizeof v);
	v.f.has_from = true;
	v.f.from = today;
	if ((list = collect(g, &v, &n)) == NULL)
		return false;
	host = link_host(sv, host);
	text_init(&t);
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width\">\n"
	      "<title>Treaty calendars</title>\n<style>", fp);
	fputs(page_style, fp);
	fputs("</style>\n</head>\n<body>\n<h1>Treaty calendars</h1>\n", fp);
	write_banner(sv, fp);
	fprintf(fp, "<p>%zu treat%s, as of %s.  Subscribe to every date: ",
		g->in.n, g->in.n == 1 ? "y" : "ies",
		tt_date_format(today, d));
	links(fp, host, "/calendar.ics", NULL);
	fputs(" (<a href=\"/calendar.ics\">download</a>).</p>\n", fp);

	fputs("<h2>Next dates</h2>\n", fp);
	if (n == 0)
		fputs("<p>None to come.</p>\n", fp);
	else
		fputs("<table>\n<tr><th>Date</th><th>Days</th><th>Treaty</th>"
		      "<th>Date of</th></tr>\n", fp);
	for (size_t i = 0; i < n && shown < PAGE_NEXT_MAX; i++, shown++) {
		const tt_milestone *m = list[i].ev->m;

		fprintf(fp, "<tr><td>%s</td><td class=\"n\">%ld</td><td>",
			tt_date_format(m->date, d),
			(long)tt_date_diff_days(today, m->date));
		html(fp, g->in.t[list[i].ev->t].name);
		fputs("</td><td>", fp);
		html(fp, text_milestone(&t, tt_milestone_label, m));
		fputs("</td></tr>\n", fp);
	}
	if (n > 0)
		fputs("</table>\n", fp);
	if (n > PAGE_NEXT_MAX)
		fprintf(fp, "<p>and %zu more: <a href=\"/agenda.json\">"
			"agenda.json</a></p>\n", n - PAGE_NEXT_MAX);

	fputs("<h2>Treaties</h2>\n<table>\n<tr><th>Treaty</th>"
	      "<th>Dates</th><th>Subscribe</th><th>Files</th></tr>\n", fp);
	for (size_t i = 0; i < g->in.n; i++) {
		const char *name = g->in.t[i].name;
		const char *full = tt_schedule_name(g->in.t[i].s);

		fputs("<tr><td>", fp);
		html(fp, name);
		if (*full != '\0' && strcmp(full, name) != 0) {
			fputs(" (", fp);
			html(fp, full);
			fputs(")", fp);
		}
		if (g->in.t[i].carried) {
			char when[32];

			fprintf(fp, " <em>as read at %s: its input no longer "
				"reads</em>", clock_time(g->in.t[i].read_at,
							 when));
		}
		fprintf(fp, "</td><td class=\"n\">%zu</td><td>",
			tt_schedule_count(g->in.t[i].s));
		links(fp, host, "/t/", name);
		fputs("</td><td>", fp);
		for (size_t k = 0; k < 3; k++) {
			static const char *const ext[] = {
				".ics", ".json", ".svg"
			};

			fprintf(fp, "%s<a href=\"/t/", k ? " " : "");
			url_part(fp, name);
			fprintf(fp, "%s\">%s</a>", ext[k], ext[k] + 1);
		}
		fputs("</td></tr>\n", fp);
	}
	fputs("</table>\n", fp);

	if (g->in.n > 0) {
		fputs("<h2>Timeline</h2>\n<p><img src=\"/compare.svg", fp);
		for (size_t i = 0; i < g->in.n && i < PAGE_CHART_MAX; i++) {
			fputs(i ? "&amp;id=" : "?id=", fp);
			url_part(fp, g->in.t[i].name);
		}
		fputs("\" alt=\"The treaties' dates on one timeline\"></p>\n",
		      fp);
		if (g->in.n > PAGE_CHART_MAX)
			fprintf(fp, "<p>The first %d treaties are drawn.</p>\n",
				PAGE_CHART_MAX);
	}
	fputs("<p>Calendars take <code>?id=</code>, <code>?party=</code>, "
	      "<code>?kind=</code>, <code>?from=</code> and "
	      "<code>?until=</code> (dates, or <code>today+90d</code>).</p>\n"
	      "</body>\n</html>\n", fp);
	text_free(&t);
	free(list);
	return !ferror(fp);
}

/* --- requests ----------------------------------------------------------- */

/* What the HTTP library says of a request it refused itself. */
static void
http_warn(void *ctx, const char *msg)
{
	(void)ctx;
	cli_error("serve: %s", msg);
}

static void
handle(void *ctx, const struct serve_request *rq, struct serve_response *rs)
{
	struct server *sv = ctx;
	struct serve_target target;
	struct serve_view v;
	const struct treaty *tr = NULL;
	const char *why = NULL;
	char msg[512], d[TT_DATE_BUFSIZE];
	struct body b;
	tt_date today;
	size_t ti = 0, idx[SERVE_NAMES_MAX];
	int status;
	bool ok;

	if ((status = serve_target_parse(rq->target, &target, msg,
					 sizeof msg)) != 200) {
		fail(rs, status, "%s", msg);
		return;
	}
	refresh(sv);
	/* Checked at the start: it cannot fail here, but stay safe. */
	if (tt_date_parse("1970-01-01", &today, NULL) != TT_OK ||
	    !cli_today(&today)) {
		fail(rs, 500, "no date for today");
		return;
	}
	if ((status = serve_view_parse(&target, today, &v, msg,
				       sizeof msg)) != 200) {
		fail(rs, status, "%s", msg);
		return;
	}
	switch (target.route) {
	case ROUTE_TREATY_ICS:
	case ROUTE_TREATY_JSON:
	case ROUTE_TREATY_SVG:
		/* A treaty removed: its subscribers still get its
		 * cancellations, as long as /calendar.ics carries them. */
		if ((tr = find_treaty(sv->gen, target.id, &ti)) == NULL &&
		    !(target.route == ROUTE_TREATY_ICS &&
		      has_cancelled(&sv->state, target.id))) {
			fail(rs, 404, "no treaty '%s' here: see / for those "
			     "there are", target.id);
			return;
		}
		break;
	case ROUTE_CALENDAR:
	case ROUTE_AGENDA:
	case ROUTE_COMPARE:
		for (size_t i = 0; i < v.nids; i++)
			if (find_treaty(sv->gen, v.ids[i], &idx[i]) == NULL) {
				fail(rs, 404, "no treaty '%s' here: see / for "
				     "those there are", v.ids[i]);
				return;
			}
		break;
	case ROUTE_INDEX:
		break;
	}
	if (!body_open(&b)) {
		fail(rs, 500, "out of memory");
		return;
	}
	switch (target.route) {
	case ROUTE_INDEX:
		ok = write_page(sv, rq->host, today, b.fp);
		ok = body_finish(&b, ok, sv, rs, "text/html; charset=utf-8");
		break;
	case ROUTE_CALENDAR:
		ok = write_calendar(sv, &v, sv->a->calendar.ics.calendar_name ?
				    sv->a->calendar.ics.calendar_name :
				    "Treaties", b.fp);
		ok = body_finish(&b, ok, sv, rs, "text/calendar; charset=utf-8");
		break;
	case ROUTE_TREATY_ICS:
		v.ids[0] = tr != NULL ? tr->name : target.id;
		v.nids = 1;
		ok = write_calendar(sv, &v, tr == NULL ? target.id :
				    *tt_schedule_name(tr->s) ?
				    tt_schedule_name(tr->s) : tr->name, b.fp);
		ok = body_finish(&b, ok, sv, rs, "text/calendar; charset=utf-8");
		break;
	case ROUTE_TREATY_JSON:
		ok = json_write_schedule_filtered(b.fp, tr->s, true, &v.f);
		ok = body_finish(&b, ok, sv, rs, "application/json");
		break;
	case ROUTE_AGENDA:
		/* As agenda: from today for twelve months by default. */
		if (!v.f.has_from) {
			v.f.from = today;
			v.f.has_from = true;
		}
		if (!v.f.has_until) {
			if (tt_date_add(v.f.from, tt_duration_of_months(12),
					&v.f.until, NULL, NULL) != TT_OK)
				v.f.until = v.f.from;
			v.f.has_until = true;
		}
		if (tt_date_compare(v.f.from, v.f.until) > 0) {
			fclose(b.fp);
			free(b.p);
			fail(rs, 400, "until is before from (%s)",
			     tt_date_format(v.f.from, d));
			return;
		}
		ok = write_agenda(sv->gen, &v, unread(sv), today, b.fp);
		ok = body_finish(&b, ok, sv, rs, "application/json");
		break;
	case ROUTE_COMPARE:
		if (v.nids == 0) {
			fclose(b.fp);
			free(b.p);
			fail(rs, 400, "give the treaties to compare: "
			     "/compare.svg?id=A&id=B");
			return;
		}
		ok = write_compare_svg(sv->gen, idx, v.nids, b.fp, &why);
		ok = body_finish(&b, ok, sv, rs, "image/svg+xml");
		break;
	default:	/* ROUTE_TREATY_SVG */
		if (tt_schedule_party_count(tr->s) > 0) {
			struct chart_options co = { FORMAT_SVG, NULL, 0 };

			ok = chart_write_parties(b.fp, tr->s, &co, &why);
		} else {
			ok = write_compare_svg(sv->gen, &ti, 1, b.fp, &why);
		}
		ok = body_finish(&b, ok, sv, rs, "image/svg+xml");
		break;
	}
	if (!ok)
		fail(rs, 500, "cannot render the page%s%s", why ? ": " : "",
		     why ? why : "");
}

/* --- the command --------------------------------------------------------- */

/* Splits "ADDRESS:PORT" ("[::1]:8080" for IPv6) into HOST and PORT;
 * false after a message. */
static bool
parse_listen(const char *s, char *host, size_t size, unsigned *port)
{
	const char *colon = strrchr(s, ':'), *h = s;
	size_t n;
	char *end;
	unsigned long p;

	if (colon == NULL || colon[1] == '\0')
		goto bad;
	n = (size_t)(colon - s);
	if (s[0] == '[') {
		if (n < 3 || s[n - 1] != ']')
			goto bad;
		h = s + 1;
		n -= 2;
	} else if (memchr(s, ':', n) != NULL) {
		goto bad;	/* an IPv6 address must be in brackets */
	}
	if (n == 0 || n >= size)
		goto bad;
	memcpy(host, h, n);
	host[n] = '\0';
	errno = 0;
	p = strtoul(colon + 1, &end, 10);
	if (*end != '\0' || errno != 0 || p > 65535 || colon[1] == '-' ||
	    colon[1] == '+')
		goto bad;
	*port = (unsigned)p;
	return true;
bad:
	cli_usage_error("serve", "--listen '%s': expected ADDRESS:PORT, as "
			"127.0.0.1:8080 or [::1]:8080", s);
	return false;
}

/* Takes the --recheck value: seconds, a decimal from 0.001 to 86400
 * ("0.1", "2", ".5"), so that tests need not wait a second for a change
 * to be seen. */
static int
set_recheck(struct args *a, const struct opt *o, const char *value)
{
	struct serve_state_opts *so = a->own;
	const char *s = value;
	long sec = 0, nsec = 0, scale = 100000000;
	bool digits = false;

	(void)o;
	for (; isdigit((unsigned char)*s) && sec <= 86400; s++, digits = true)
		sec = sec * 10 + (*s - '0');
	if (*s == '.')
		for (s++; isdigit((unsigned char)*s); s++, digits = true) {
			nsec += (*s - '0') * scale;
			scale /= 10;
		}
	if (*s != '\0' || !digits || (sec == 0 && nsec < 1000000) ||
	    sec > 86400 || (sec == 86400 && nsec > 0))
		return cli_usage_error("serve", "--recheck: expected a number "
				       "of seconds from 0.001 to 86400, such "
				       "as 0.1 or 2, not '%s'", value);
	so->recheck.tv_sec = sec;
	so->recheck.tv_nsec = nsec;
	return 0;
}

static int
exec(struct args *a)
{
	struct serve_state_opts *o = a->own;
	struct server sv;
	struct serve_http *http;
	const char *listen = o->listen != NULL ? o->listen : "127.0.0.1:8080";
	char host[64], why[512];
	unsigned port;
	sigset_t sigs;
	tt_date today;
	int sig, status = EXIT_INVALID;

	memset(&sv, 0, sizeof sv);
	sv.a = a;
	sv.opts = o;
	sv.recheck = o->recheck;
	if (sv.recheck.tv_sec == 0 && sv.recheck.tv_nsec == 0)
		sv.recheck.tv_sec = 1;
	serve_state_init(&sv.state);
	if (a->argc == 0)
		return cli_usage_error("serve", "give at least one preset, "
				       "spec file, CSV file or directory");
	for (int i = 0; i < a->argc; i++)
		if (strcmp(a->argv[i], "-") == 0)
			return cli_usage_error("serve", "standard input ('-') "
					       "cannot be read again when it "
					       "changes: give a file");
	if (a->calendar.previous_file != NULL)
		return cli_usage_error("serve", "--previous: serve carries "
				       "SEQUENCE and removed events over "
				       "itself: give --state FILE");
	if (!parse_listen(listen, host, sizeof host, &port))
		return EXIT_USAGE;
	if (!cli_today(&today))
		return EXIT_INVALID;
	if (!calendar_load_holidays(&a->calendar))
		return EXIT_INVALID;
	if (o->state != NULL &&
	    !serve_state_load(&sv.state, o->state, why, sizeof why)) {
		cli_error("%s", why);
		goto done;
	}
	if ((sv.gen = generation_build(&sv, NULL)) == NULL)
		goto done;
	if (o->strict && sv.gen->in.nerr > 0) {
		cli_error("serve: --strict: %zu input%s could not be read: "
			  "not started", sv.gen->in.nerr,
			  sv.gen->in.nerr == 1 ? "" : "s");
		goto done;
	}
	if (!state_update(&sv, sv.gen))
		goto done;
	clock_gettime(CLOCK_MONOTONIC, &sv.checked);

	/* The signals are taken by this thread alone, with sigwait(): the
	 * server's thread, started after, inherits the mask. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);
	http = serve_http_start(host, port, handle, http_warn, &sv, why,
				sizeof why);
	if (http == NULL) {
		cli_error("serve: %s", why);
		goto done;
	}
	snprintf(sv.default_host, sizeof sv.default_host,
		 strchr(host, ':') ? "[%s]:%u" : "%s:%u", host,
		 serve_http_port(http));
	cli_error("serve: %zu treat%s at http://%s/", sv.gen->in.n,
		  sv.gen->in.n == 1 ? "y" : "ies", sv.default_host);
	while (sigwait(&sigs, &sig) != 0)
		;
	serve_http_stop(http);
	cli_error("serve: stopped by %s", sig == SIGTERM ? "SIGTERM" :
		  "SIGINT");
	status = EXIT_OK;
done:
	generation_free(sv.gen);
	inputs_free(&sv.failed);
	serve_state_free(&sv.state);
	return status;
}
