/*
 * strbuf.h -- the one growing string buffer, for the library and the
 * program alike (the program compiles strbuf.c in: the library exports
 * only tt_ names).
 *
 * Modelled on git's strbuf: a buffer that grows as text is appended to
 * it, so that no text a user wrote is ever cut to fit.  Two differences:
 * running out of memory is not fatal (the library never exits) but sets
 * FAILED, after which appending does nothing, so that a sequence of
 * appends needs one check at its end; and all zero is an empty buffer
 * whose P is still NULL (ttp_buf_reset() makes it "").
 *
 * Invariants: P is NULL exactly when CAP is 0; otherwise LEN < CAP and
 * P[LEN] is '\0' after every function here.  Code that writes into the
 * room ttp_buf_grow() made ends with ttp_buf_setlen() (or writes the NUL
 * itself), as git's strbuf_setlen().
 */
#ifndef TREATYTERM_STRBUF_H
#define TREATYTERM_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <treatyterm/schedule.h>

#if defined(__GNUC__)
#define TTP_BUF_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TTP_BUF_PRINTF(f, a)
#endif

struct ttp_buf {
	char *p;
	size_t len;
	size_t cap;		/* bytes allocated, the NUL's included */
	bool failed;		/* memory ran out or a size overflowed */
};

#define TTP_BUF_INIT { NULL, 0, 0, false }

void ttp_buf_init(struct ttp_buf *b);
/* Frees B's memory and makes it an empty buffer again. */
void ttp_buf_release(struct ttp_buf *b);
/* Empties B for reuse, keeping its memory, and clears FAILED: P is an
 * empty string (not NULL) unless memory ran out. */
void ttp_buf_reset(struct ttp_buf *b);
/* Hands over B's text (NUL-terminated, LEN in *LEN if LEN is not NULL),
 * which the caller frees, and leaves B empty; NULL (B released) if B
 * failed or memory ran out. */
char *ttp_buf_detach(struct ttp_buf *b, size_t *len);

/* Makes room for EXTRA more bytes and a NUL after B's LEN, through
 * ttp_grow(); false (and B failed) if B failed already, the size would
 * overflow or memory runs out. */
bool ttp_buf_grow(struct ttp_buf *b, size_t extra);
/* Sets B's length to LEN (at most what B has room for) and ends it with
 * a NUL there: after writing into the room ttp_buf_grow() made, or to
 * drop what was appended since LEN. */
void ttp_buf_setlen(struct ttp_buf *b, size_t len);

/* Appends the N bytes at P: inline while they fit (the calendar and JSON
 * writers append many short pieces), through ttp_buf_addn_grow() when
 * not. */
void ttp_buf_addn_grow(struct ttp_buf *b, const char *p, size_t n);

static inline void
ttp_buf_addn(struct ttp_buf *b, const char *p, size_t n)
{
	/* CAP is 0 while P is NULL, so an unallocated buffer takes the
	 * slow path too. */
	if (b->failed || n >= b->cap - b->len) {
		ttp_buf_addn_grow(b, p, n);
		return;
	}
	if (n > 0)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static inline void
ttp_buf_addch(struct ttp_buf *b, char c)
{
	ttp_buf_addn(b, &c, 1);
}

void ttp_buf_adds(struct ttp_buf *b, const char *s);
/* Appends what printf() would write for FMT, whatever its length. */
void ttp_buf_addf(struct ttp_buf *b, const char *fmt, ...)
	TTP_BUF_PRINTF(2, 3);
void ttp_buf_vaddf(struct ttp_buf *b, const char *fmt, va_list ap)
	TTP_BUF_PRINTF(2, 0);
/* Appends N in decimal, as "%u" has it (without printf: the calendar
 * writer appends millions). */
void ttp_buf_add_uint(struct ttp_buf *b, unsigned n);
/* Appends the whole text FN (tt_milestone_label() or another of the
 * library's snprintf-style formatters) gives for M, formatted straight
 * into B's room. */
void ttp_buf_add_milestone(struct ttp_buf *b,
			   size_t (*fn)(const tt_milestone *, char *, size_t),
			   const tt_milestone *m);

#endif /* TREATYTERM_STRBUF_H */
