/*
 * jsonl.c -- the schedule object on one line, written straight into a
 * buffer, for batch runs over whole treaty databases.
 *
 * Building a json-c object tree per treaty costs more than computing the
 * treaty (see bench/), so batch writes the same bytes that json-c's plain
 * output gives, directly.  "batch --json-c" takes the json-c path instead,
 * and the tests check that both give identical bytes.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "format.h"

struct buf {
	char *p;
	size_t len, cap;
	bool failed;
};

static void
reserve(struct buf *b, size_t n)
{
	size_t ncap;
	char *p;

	if (b->len + n <= b->cap)
		return;
	ncap = b->cap ? b->cap : 4096;
	while (ncap < b->len + n)
		ncap *= 2;
	p = realloc(b->p, ncap);
	if (p == NULL) {
		b->failed = true;
		return;
	}
	b->p = p;
	b->cap = ncap;
}

static void
put(struct buf *b, const char *s, size_t n)
{
	reserve(b, n);
	if (b->failed)
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

#define PUTS(b, lit) put((b), (lit), sizeof(lit) - 1)

/* S as a JSON string, escaped as json-c escapes it (without escaping
 * '/'). */
static void
put_string(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char *run = s;

	PUTS(b, "\"");
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		const char *esc = NULL;
		char u[6];

		switch (c) {
		case '\b': esc = "\\b"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\f': esc = "\\f"; break;
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		default:
			if (c >= 0x20)
				continue;
			break;
		}
		put(b, run, (size_t)(s - run));
		if (esc != NULL) {
			put(b, esc, 2);
		} else {
			memcpy(u, "\\u00", 4);
			u[4] = hex[c >> 4];
			u[5] = hex[c & 0xf];
			put(b, u, 6);
		}
		run = s + 1;
	}
	put(b, run, (size_t)(s - run));
	PUTS(b, "\"");
}

static void
put_date(struct buf *b, tt_date d)
{
	char s[TT_DATE_BUFSIZE + 2];

	s[0] = '"';
	tt_date_format(d, s + 1);
	s[11] = '"';
	put(b, s, 12);
}

/* Reused from treaty to treaty, released by jsonl_release(). */
static struct buf b;

void
jsonl_release(void)
{
	free(b.p);
	memset(&b, 0, sizeof b);
}

bool
jsonl_write_schedule(FILE *fp, const tt_schedule *s)
{
	char text[TT_TEXT_BUFSIZE];
	tt_duration term;
	tt_date exp;

	b.len = 0;
	PUTS(&b, "{\"treaty\":{\"id\":");
	put_string(&b, tt_schedule_id(s));
	PUTS(&b, ",\"name\":");
	put_string(&b, tt_schedule_name(s));
	PUTS(&b, ",\"entry_into_force\":");
	put_date(&b, tt_schedule_entry_into_force(s));
	PUTS(&b, ",\"term\":");
	put_string(&b, tt_schedule_term(s, &term) ?
		   tt_duration_format_iso(term, text, sizeof text) :
		   "indefinite");
	PUTS(&b, ",\"convention\":");
	put_string(&b, tt_convention_name(tt_schedule_convention(s)));
	PUTS(&b, "},\"milestones\":[");
	for (size_t i = 0; i < tt_schedule_count(s); i++) {
		const tt_milestone *m = tt_schedule_at(s, i);

		if (i > 0)
			PUTS(&b, ",");
		PUTS(&b, "{\"date\":");
		put_date(&b, m->date);
		PUTS(&b, ",\"kind\":");
		put_string(&b, tt_kind_name(m->kind));
		PUTS(&b, ",\"label\":");
		put_string(&b, tt_milestone_label(m, text, sizeof text));
		PUTS(&b, ",\"basis\":");
		put_string(&b, tt_milestone_basis(m, text, sizeof text));
		if (m->flags & TT_MS_ROLLED) {
			PUTS(&b, ",\"nominal_date\":");
			put_date(&b, m->nominal);
		}
		PUTS(&b, "}");
	}
	PUTS(&b, "],\"expiry\":");
	if (tt_schedule_expiry(s, &exp))
		put_date(&b, exp);
	else
		PUTS(&b, "null");
	if (tt_schedule_truncated(s)) {
		PUTS(&b, ",\"horizon\":");
		put_date(&b, tt_schedule_horizon(s));
	}
	PUTS(&b, "}\n");
	if (b.failed)
		return false;
	return fwrite(b.p, 1, b.len, fp) == b.len;
}
