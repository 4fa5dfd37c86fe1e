/*
 * strbuf.c -- the one growing string buffer (see strbuf.h).
 *
 * Growth goes through ttp_grow(), which checks the size arithmetic for
 * overflow; here only LEN + EXTRA + 1 is checked before it is asked for.
 * Self-contained on purpose: the program and the unit tests compile this
 * file in, since internal symbols are not exported.
 */
#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "grow.h"
#include "strbuf.h"

void
ttp_buf_init(struct ttp_buf *b)
{
	b->p = NULL;
	b->len = b->cap = 0;
	b->failed = false;
}

void
ttp_buf_release(struct ttp_buf *b)
{
	free(b->p);
	ttp_buf_init(b);
}

void
ttp_buf_reset(struct ttp_buf *b)
{
	b->len = 0;
	b->failed = false;
	if (b->p != NULL)
		b->p[0] = '\0';
	else
		ttp_buf_grow(b, 0);
}

char *
ttp_buf_detach(struct ttp_buf *b, size_t *len)
{
	char *p;

	if (!b->failed && b->p == NULL)
		ttp_buf_grow(b, 0);
	if (b->failed) {
		ttp_buf_release(b);
		return NULL;
	}
	p = b->p;
	if (len != NULL)
		*len = b->len;
	ttp_buf_init(b);
	return p;
}

bool
ttp_buf_grow(struct ttp_buf *b, size_t extra)
{
	char *np;

	if (b->failed)
		return false;
	if (b->p != NULL && extra < b->cap - b->len)
		return true;
	np = extra < SIZE_MAX - 1 - b->len ?
	     ttp_grow(b->p, &b->cap, b->len + extra + 1, 1) : NULL;
	if (np == NULL) {
		b->failed = true;
		return false;
	}
	if (b->p == NULL)
		np[0] = '\0';
	b->p = np;
	return true;
}

void
ttp_buf_setlen(struct ttp_buf *b, size_t len)
{
	if (b->p == NULL || len >= b->cap)
		return;
	b->len = len;
	b->p[len] = '\0';
}

void
ttp_buf_addn_grow(struct ttp_buf *b, const char *p, size_t n)
{
	if (!ttp_buf_grow(b, n))
		return;
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
ttp_buf_adds(struct ttp_buf *b, const char *s)
{
	ttp_buf_addn(b, s, strlen(s));
}

void
ttp_buf_vaddf(struct ttp_buf *b, const char *fmt, va_list ap)
{
	va_list again;
	size_t room;
	int n;

	/* Formatted straight into the room there is; only a text longer
	 * than that is formatted twice. */
	if (!ttp_buf_grow(b, 64))
		return;
	room = b->cap - b->len;
	va_copy(again, ap);
	n = vsnprintf(b->p + b->len, room, fmt, ap);
	if (n >= 0 && (size_t)n >= room && ttp_buf_grow(b, (size_t)n))
		n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, again);
	va_end(again);
	if (n < 0) {
		b->p[b->len] = '\0';
		b->failed = true;
		return;
	}
	if (b->failed) {	/* no room for the whole text */
		b->p[b->len] = '\0';
		return;
	}
	b->len += (size_t)n;
}

void
ttp_buf_addf(struct ttp_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ttp_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void
ttp_buf_add_uint(struct ttp_buf *b, unsigned n)
{
	char tmp[3 * sizeof n], *p = tmp + sizeof tmp;

	do
		*--p = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	ttp_buf_addn(b, p, (size_t)(tmp + sizeof tmp - p));
}

void
ttp_buf_add_milestone(struct ttp_buf *b,
		      size_t (*fn)(const tt_milestone *, char *, size_t),
		      const tt_milestone *m)
{
	size_t room, n;

	if (!ttp_buf_grow(b, TT_TEXT_BUFSIZE))
		return;
	room = b->cap - b->len;
	n = fn(m, b->p + b->len, room);
	if (n >= room) {
		if (!ttp_buf_grow(b, n)) {
			b->p[b->len] = '\0';
			return;
		}
		fn(m, b->p + b->len, b->cap - b->len);
	}
	b->len += n;
}
