/*
 * json.c -- schedules and comparisons as JSON, written directly.
 *
 * The one JSON writer of the program: indented for "schedule",
 * "compare --format json" and "diff --format json", one line a schedule
 * for "batch" (JSON Lines).
 * The objects are the ones documented in treatyterm(1); the indented
 * layout is json-c's (two spaces, "key": value, an empty array as "[",
 * newline, indent, "]"), which earlier versions printed, so output does
 * not change.  Text goes through json_buf_string(), which escapes what
 * JSON requires and also what a JavaScript or HTML consumer trips on.
 * A document is built in a buffer reused from call to call (so a batch
 * run allocates nothing per treaty) and written with one fwrite().
 */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "lib/strbuf.h"
#include "lib/utf8.h"
#include "out/agenda.h"
#include "out/compare.h"
#include "out/diff-report.h"
#include "out/filter.h"
#include "out/format.h"
#include "out/text.h"

/* How deep objects and arrays nest; the documents here need 5. */
#define JSON_DEPTH 8

struct json_writer {
	struct ttp_buf *b;
	bool pretty;
	int depth;
	bool had[JSON_DEPTH + 1];	/* the container at depth D has a
					 * member already */
};

/*
 * The appenders below write into the room reserve() makes and leave the
 * NUL that ends a struct ttp_buf to the functions other files call
 * (terminate()): a schedule is hundreds of small appends, and this is the
 * program's hottest loop.  Once B failed its text no longer counts, so the
 * inline test need not look at FAILED.
 */

/* Room for N more bytes and the NUL: inline while there is.  N counts
 * bytes already in memory (at most 6 for each, escape() checks), so
 * LEN + N cannot wrap around; the sum is the new length, too. */
static inline bool
reserve(struct ttp_buf *b, size_t n)
{
	return b->len + n < b->cap || ttp_buf_grow(b, n);
}

static inline void
put(struct ttp_buf *b, const char *s, size_t n)
{
	if (!reserve(b, n))
		return;
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

/* Ends B's text with its NUL, as every struct ttp_buf's is. */
static inline void
terminate(struct ttp_buf *b)
{
	if (b->p != NULL)
		b->p[b->len] = '\0';
}

#define PUTS(b, lit) put((b), (lit), sizeof(lit) - 1)

void
json_write_string(FILE *fp, struct ttp_buf *b, const char *s)
{
	b->len = 0;	/* not ttp_buf_reset(): FAILED is kept */
	json_buf_string(b, s, strlen(s));
	if (!b->failed)
		fwrite(b->p, 1, b->len, fp);
}

/* True if none of the 8 bytes at P needs a second look: none is a control
 * character, a quote, a backslash or part of a multi-byte character.
 * (The classic test for a zero byte, on P and on P with the byte sought
 * XORed out; exact as a yes or no.) */
static inline bool
plain8(const unsigned char *p)
{
	const uint64_t ones = 0x0101010101010101u;
	const uint64_t high = 0x8080808080808080u;
	uint64_t v, q, b;

	memcpy(&v, p, 8);
	q = v ^ (ones * '"');
	b = v ^ (ones * '\\');
	return (((v - ones * 0x20) & ~v) | ((q - ones) & ~q) |
		((b - ones) & ~b) | v) & high ? false : true;
}

#ifdef __SSE2__
/* The same for the 16 bytes at P, in SSE2 (every x86-64 has it): a
 * signed compare below 0x20 catches the control characters and the bytes
 * from 0x80 alike. */
static inline bool
plain16(const unsigned char *p)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	__m128i x = _mm_or_si128(
		_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
		_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
			     _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));

	return _mm_movemask_epi8(x) == 0;
}
#endif

/*
 * As json-c escapes (without escaping '/'): quote, backslash and the
 * control characters, with the short forms \b \f \n \r \t where JSON has
 * them.  Beyond json-c: a byte that does not start valid UTF-8 becomes
 * U+FFFD (the spec layer refuses such text, so this is a safety net), and
 * U+2028 and U+2029, valid JSON but line ends to JavaScript, are escaped.
 */
/* The bytes json_buf_string() looks at twice: control characters, quote,
 * backslash, and those of multi-byte characters. */
static const unsigned char special[256] = {
	[0x00] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0x10] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1,
	[0x80] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0x90] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0xa0] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0xb0] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0xc0] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0xd0] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0xe0] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	[0xf0] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* True if none of the N bytes at P needs escaping (nor a second look:
 * bytes from 0x80 count as needing one). */
static bool
plain(const unsigned char *p, size_t n)
{
	const unsigned char *end = p + n;

#ifdef __SSE2__
	for (; end - p >= 16; p += 16)
		if (!plain16(p))
			return false;
#endif
	for (; end - p >= 8; p += 8)
		if (!plain8(p))
			return false;
	for (; p < end; p++)
		if (special[*p])
			return false;
	return true;
}

static void
escape(struct ttp_buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	const unsigned char *end = p + len, *run = p;

	/* At most 6 bytes out for one in. */
	if (len > SIZE_MAX / 6) {
		b->failed = true;
		return;
	}
	if (!reserve(b, len * 6))
		return;
	while (p < end) {
		unsigned char c;
		bool sep = false;	/* U+2028 or U+2029 */
		char *o;
		size_t k;

#ifdef __SSE2__
		if (end - p >= 16 && plain16(p)) {
			p += 16;
			continue;
		}
		/* The last 16 bytes, overlapping what was checked. */
		if (p < end && len >= 16 && end - p < 16 &&
		    plain16(end - 16)) {
			p = end;
			break;
		}
#endif
		if (end - p >= 8 && plain8(p)) {
			p += 8;
			continue;
		}
		c = *p;
		if (!special[c]) {
			p++;
			continue;
		}
		if (c >= 0x80) {
			k = ttp_utf8_decode(p, (size_t)(end - p), NULL);
			sep = k == 3 && c == 0xe2 && p[1] == 0x80 &&
			      (p[2] == 0xa8 || p[2] == 0xa9);
			if (k > 0 && !sep) {
				p += k;
				continue;
			}
		}
		memcpy(b->p + b->len, run, (size_t)(p - run));
		b->len += (size_t)(p - run);
		o = b->p + b->len;
		o[0] = '\\';
		switch (c) {
		case '"': o[1] = '"'; b->len += 2; break;
		case '\\': o[1] = '\\'; b->len += 2; break;
		case '\b': o[1] = 'b'; b->len += 2; break;
		case '\f': o[1] = 'f'; b->len += 2; break;
		case '\n': o[1] = 'n'; b->len += 2; break;
		case '\r': o[1] = 'r'; b->len += 2; break;
		case '\t': o[1] = 't'; b->len += 2; break;
		default:
			if (c < 0x20) {
				memcpy(o + 1, "u00", 3);
				o[4] = hex[c >> 4];
				o[5] = hex[c & 0xf];
			} else if (sep) {
				memcpy(o + 1, "u202", 4);
				o[5] = p[2] == 0xa8 ? '8' : '9';
				p += 2;
			} else {
				memcpy(o + 1, "ufffd", 5);
			}
			b->len += 6;
			break;
		}
		run = ++p;
	}
	memcpy(b->p + b->len, run, (size_t)(p - run));
	b->len += (size_t)(p - run);
}

void
json_buf_raw(struct ttp_buf *b, const char *s, size_t len)
{
	put(b, s, len);
	terminate(b);
}

/* S (LEN bytes) as a JSON string, without the NUL. */
static inline void
quote(struct ttp_buf *b, const char *s, size_t len)
{
	if (!reserve(b, 1))
		return;
	b->p[b->len++] = '"';
	escape(b, s, len);
	if (reserve(b, 1))
		b->p[b->len++] = '"';
}

void
json_buf_string(struct ttp_buf *b, const char *s, size_t len)
{
	quote(b, s, len);
	terminate(b);
}

/* --- the layout ------------------------------------------------------ */

static void
indent(struct json_writer *w, int level)
{
	static const char spaces[] = "                ";

	put(w->b, spaces, (size_t)level * 2);
}

/* Before a member or element: the comma, and in pretty output the line
 * break and indent. */
static inline void
next(struct json_writer *w)
{
	if (w->pretty) {
		if (w->had[w->depth])
			PUTS(w->b, ",\n");
		indent(w, w->depth);
	} else if (w->had[w->depth]) {
		PUTS(w->b, ",");
	}
	w->had[w->depth] = true;
}

/* A member's key and colon: QUOTED is the key in quotes followed by
 * ": " (N bytes), as KEY() makes it from a literal needing no escaping;
 * compact output leaves out the space. */
static inline void
key(struct json_writer *w, const char *quoted, size_t n)
{
	struct ttp_buf *b = w->b;

	if (w->pretty) {
		next(w);
		put(b, quoted, n);
		return;
	}
	if (!reserve(b, n))
		return;
	if (w->had[w->depth])
		b->p[b->len++] = ',';
	w->had[w->depth] = true;
	memcpy(b->p + b->len, quoted, n - 1);
	b->len += n - 1;
}

#define KEY(w, lit) key((w), "\"" lit "\": ", sizeof("\"" lit "\": ") - 1)

static void
push(struct json_writer *w, const char *brace)
{
	put(w->b, brace, 1);
	if (w->pretty)
		PUTS(w->b, "\n");
	w->had[++w->depth] = false;
}

static void
pop(struct json_writer *w, const char *brace)
{
	if (w->pretty) {
		if (w->had[w->depth])
			PUTS(w->b, "\n");
		indent(w, w->depth - 1);
	}
	w->depth--;
	put(w->b, brace, 1);
}

static void
string(struct json_writer *w, const char *s)
{
	quote(w->b, s, strlen(s));
}

/* The text FN gives for M, as a string.  Most texts need no escaping:
 * each is formatted straight into the output, after its opening quote,
 * and stays there if so; else (or if it does not fit) it is formatted
 * aside and escaped. */
static void
milestone_text(struct json_writer *w, struct text *t, text_fn fn,
	       const tt_milestone *m)
{
	struct ttp_buf *b = w->b;
	const char *s;

	if (reserve(b, TT_TEXT_BUFSIZE + 2)) {
		char *p = b->p + b->len + 1;
		size_t room = b->cap - b->len - 2;
		size_t n = fn(m, p, room);

		if (n < room && plain((const unsigned char *)p, n)) {
			b->p[b->len] = '"';
			b->p[b->len + 1 + n] = '"';
			b->len += n + 2;
			return;
		}
	}
	s = text_milestone(t, fn, m);
	quote(b, s, t->len);
}

/* A word of the program's own vocabulary (a kind, a convention, an ISO
 * duration): letters, digits, '_' and '-' only, nothing to escape. */
static void
word(struct json_writer *w, const char *s)
{
	size_t n = strlen(s);

	if (!reserve(w->b, n + 2))
		return;
	w->b->p[w->b->len++] = '"';
	memcpy(w->b->p + w->b->len, s, n);
	w->b->len += n;
	w->b->p[w->b->len++] = '"';
}

static void
date(struct json_writer *w, tt_date d)
{
	char s[TT_DATE_BUFSIZE + 2];

	s[0] = '"';
	tt_date_format(d, s + 1);
	s[11] = '"';
	put(w->b, s, 12);
}

static void
integer(struct json_writer *w, int64_t v)
{
	char s[24];

	put(w->b, s, (size_t)snprintf(s, sizeof s, "%" PRId64, v));
}

/* Starts a document in B. */
static void
begin(struct json_writer *w, struct ttp_buf *b, bool pretty)
{
	memset(w, 0, sizeof *w);
	w->b = b;
	w->pretty = pretty;
	ttp_buf_reset(b);
}

/* Ends the line and writes the document. */
static bool
end(struct json_writer *w, FILE *fp)
{
	PUTS(w->b, "\n");
	terminate(w->b);
	return !w->b->failed &&
	       fwrite(w->b->p, 1, w->b->len, fp) == w->b->len;
}

/* --- schedules ------------------------------------------------------- */

static void
boolean(struct json_writer *w, bool v)
{
	if (v)
		PUTS(w->b, "true");
	else
		PUTS(w->b, "false");
}

/* The readings of M that give other dates. */
static void
alternatives(struct json_writer *w, const tt_milestone *m)
{
	if (m->nalternatives == 0)
		return;
	KEY(w, "alternatives");
	push(w, "[");
	for (unsigned i = 0; i < m->nalternatives; i++) {
		next(w);
		push(w, "{");
		KEY(w, "date");
		date(w, m->alternatives[i].date);
		KEY(w, "rule");
		word(w, tt_counting_name(m->alternatives[i].rule));
		pop(w, "}");
	}
	pop(w, "]");
}

/* One milestone, dated or pending. */
static void
milestone_object(struct json_writer *w, struct text *t, const tt_milestone *m)
{
	next(w);
	push(w, "{");
	KEY(w, "date");
	if (m->pending)
		PUTS(w->b, "null");
	else
		date(w, m->date);
	KEY(w, "kind");
	word(w, tt_kind_name(m->kind));
	KEY(w, "label");
	milestone_text(w, t, tt_milestone_label, m);
	if (m->pending) {
		KEY(w, "pending");
		PUTS(w->b, "true");
		KEY(w, "condition");
		milestone_text(w, t, tt_milestone_condition, m);
	} else {
		KEY(w, "basis");
		milestone_text(w, t, tt_milestone_basis, m);
	}
	if (m->party != NULL) {
		KEY(w, "party");
		string(w, m->party);
	}
	alternatives(w, m);
	if (m->flags & TT_MS_ROLLED) {
		KEY(w, "nominal_date");
		date(w, m->nominal);
	}
	pop(w, "}");
}

/* "end": the day in "expiry", what it is, and the last day in force
 * (the day before, when a withdrawal takes effect that day). */
static void
end_object(struct json_writer *w, const tt_schedule *s)
{
	struct text_end end;

	if (!text_end(s, &end))
		return;
	KEY(w, "end");
	push(w, "{");
	KEY(w, "date");
	date(w, end.date);
	KEY(w, "reason");
	word(w, text_end_reason_name(end.reason));
	KEY(w, "last_day_in_force");
	date(w, end.last_day);
	pop(w, "}");
}

/* "today", "passed" and "next" of "out_by" (see text_out_by_today()). */
static void
out_by_next(struct json_writer *w, const tt_schedule *s)
{
	struct text_out_by t;

	if (!text_out_by_today(s, &t))
		return;
	KEY(w, "today");
	date(w, t.today);
	KEY(w, "passed");
	boolean(w, t.passed);
	if (!t.show_next)
		return;
	KEY(w, "next");
	if (!t.has_next) {
		PUTS(w->b, "null");
		return;
	}
	push(w, "{");
	KEY(w, "notice_from");
	date(w, t.next.notice_from);
	KEY(w, "notice_until");
	if (t.next.has_until)
		date(w, t.next.notice_until);
	else
		PUTS(w->b, "null");
	KEY(w, "takes_effect");
	date(w, t.next.takes_effect);
	pop(w, "}");
}

/* "out_by": the day asked for and the latest notice for it. */
static void
out_by_object(struct json_writer *w, const tt_schedule *s)
{
	tt_date by, latest;
	bool possible;

	if (!tt_schedule_out_by(s, &by, &possible, &latest))
		return;
	KEY(w, "out_by");
	push(w, "{");
	KEY(w, "date");
	date(w, by);
	KEY(w, "latest_notice");
	if (possible)
		date(w, latest);
	else
		PUTS(w->b, "null");
	if (tt_schedule_out_by_anyway(s)) {
		KEY(w, "expires_anyway");
		PUTS(w->b, "true");
	}
	out_by_next(w, s);
	pop(w, "}");
}

/* D, or null when the party has no such date (BIT not in HAS). */
static void
party_date(struct json_writer *w, unsigned has, unsigned bit, tt_date d)
{
	if (has & bit)
		date(w, d);
	else
		PUTS(w->b, "null");
}

/* The recorded dates of party I that differ from those computed. */
static void
discrepancies(struct json_writer *w, struct text *t, const tt_schedule *s,
	      size_t i)
{
	push(w, "[");
	for (size_t k = 0; k < tt_schedule_discrepancy_count(s); k++) {
		const tt_discrepancy *x = tt_schedule_discrepancy_at(s, k);

		if (x->party != i)
			continue;
		next(w);
		push(w, "{");
		KEY(w, "field");
		word(w, x->field);
		KEY(w, "recorded");
		date(w, x->recorded);
		KEY(w, "computed");
		if (x->has_computed)
			date(w, x->computed);
		else
			PUTS(w->b, "null");
		KEY(w, "basis");
		if (x->has_computed)
			string(w, text_milestone(t, tt_milestone_basis,
						 &x->basis));
		else
			PUTS(w->b, "null");
		pop(w, "}");
	}
	pop(w, "]");
}

/* "parties": each party's deposit and dates. */
static void
parties_array(struct json_writer *w, struct text *t, const tt_schedule *s)
{
	KEY(w, "parties");
	push(w, "[");
	for (size_t i = 0; i < tt_schedule_party_count(s); i++) {
		const tt_party *p = tt_schedule_party_at(s, i);

		next(w);
		push(w, "{");
		KEY(w, "name");
		string(w, p->name);
		KEY(w, "signature");
		party_date(w, p->has, TT_PARTY_SIGNATURE, p->signature);
		KEY(w, "deposit");
		party_date(w, p->has, TT_PARTY_DEPOSIT, p->deposit);
		KEY(w, "instrument");
		if (p->has & TT_PARTY_DEPOSIT)
			word(w, tt_instrument_name(p->instrument));
		else
			PUTS(w->b, "null");
		if (p->rank > 0) {
			KEY(w, "rank");
			integer(w, p->rank);
		}
		if (p->trigger) {
			KEY(w, "trigger");
			PUTS(w->b, "true");
		}
		KEY(w, "entry_into_force");
		party_date(w, p->has, TT_PARTY_ENTRY_INTO_FORCE,
			   p->entry_into_force);
		KEY(w, "notice_opens");
		party_date(w, p->has, TT_PARTY_NOTICE_OPENS, p->notice_opens);
		KEY(w, "notice");
		party_date(w, p->has, TT_PARTY_NOTICE, p->notice);
		if (p->has & TT_PARTY_REVOKED) {
			KEY(w, "revoked");
			date(w, p->revoked);
		}
		KEY(w, "withdrawal_effective");
		party_date(w, p->has, TT_PARTY_WITHDRAWAL,
			   p->withdrawal_effective);
		KEY(w, "recorded_entry_into_force");
		party_date(w, p->has, TT_PARTY_RECORDED_ENTRY_INTO_FORCE,
			   p->recorded_entry_into_force);
		KEY(w, "recorded_withdrawal");
		party_date(w, p->has, TT_PARTY_RECORDED_WITHDRAWAL,
			   p->recorded_withdrawal);
		KEY(w, "discrepancies");
		discrepancies(w, t, s, i);
		pop(w, "}");
	}
	pop(w, "]");
}

/* "as_of": the parties in force on the day asked for. */
static void
as_of_object(struct json_writer *w, const tt_schedule *s)
{
	tt_date day;

	if (!tt_schedule_as_of(s, &day))
		return;
	KEY(w, "as_of");
	push(w, "{");
	KEY(w, "date");
	date(w, day);
	KEY(w, "parties_in_force");
	integer(w, (int64_t)tt_schedule_parties_in_force(s, day));
	KEY(w, "parties");
	push(w, "[");
	for (size_t i = 0; i < tt_schedule_party_count(s); i++) {
		const tt_party *p = tt_schedule_party_at(s, i);

		if (!tt_party_in_force(p, day))
			continue;
		next(w);
		string(w, p->name);
	}
	pop(w, "]");
	pop(w, "}");
}

static void
schedule_object(struct json_writer *w, const tt_schedule *s,
		const struct filter *f)
{
	char text[TT_DURATION_BUFSIZE];
	struct text t;
	tt_duration term;
	tt_date exp;

	push(w, "{");
	KEY(w, "treaty");
	push(w, "{");
	KEY(w, "id");
	string(w, tt_schedule_id(s));
	KEY(w, "name");
	string(w, tt_schedule_name(s));
	KEY(w, "entry_into_force");
	if (tt_schedule_has_entry_into_force(s))
		date(w, tt_schedule_entry_into_force(s));
	else
		PUTS(w->b, "null");
	KEY(w, "term");
	if (tt_schedule_term(s, &term))
		tt_duration_format_iso(term, text, sizeof text);
	word(w, tt_schedule_term(s, &term) ? text : "indefinite");
	if (tt_schedule_ends(s, &exp)) {
		KEY(w, "ends");
		date(w, exp);
	}
	KEY(w, "convention");
	word(w, tt_convention_name(tt_schedule_convention(s)));
	KEY(w, "hypothetical");
	boolean(w, tt_schedule_hypothetical(s));
	KEY(w, "bilateral");
	boolean(w, tt_schedule_bilateral(s));
	pop(w, "}");
	KEY(w, "milestones");
	push(w, "[");
	text_init(&t);
	for (size_t i = 0; i < tt_schedule_count(s); i++)
		if (filter_keep(f, tt_schedule_at(s, i)))
			milestone_object(w, &t, tt_schedule_at(s, i));
	for (size_t i = 0; i < tt_schedule_pending_count(s); i++)
		if (filter_keep(f, tt_schedule_pending_at(s, i)))
			milestone_object(w, &t, tt_schedule_pending_at(s, i));
	pop(w, "]");
	if (tt_schedule_party_count(s) > 0)
		parties_array(w, &t, s);
	text_free(&t);
	as_of_object(w, s);
	KEY(w, "expiry");
	if (tt_schedule_expiry(s, &exp))
		date(w, exp);
	else
		PUTS(w->b, "null");
	end_object(w, s);
	if (tt_schedule_truncated(s)) {
		KEY(w, "horizon");
		date(w, tt_schedule_horizon(s));
	}
	out_by_object(w, s);
	pop(w, "}");
}

/* Reused from document to document, released by json_release(). */
static struct ttp_buf buf;

void
json_release(void)
{
	ttp_buf_release(&buf);
}

bool
json_write_schedule(FILE *fp, const tt_schedule *s, bool pretty)
{
	return json_write_schedule_filtered(fp, s, pretty, NULL);
}

bool
json_write_schedule_filtered(FILE *fp, const tt_schedule *s, bool pretty,
			     const struct filter *f)
{
	struct json_writer w;

	begin(&w, &buf, pretty);
	schedule_object(&w, s, f);
	return end(&w, fp);
}

void
json_append_schedule(struct ttp_buf *b, const tt_schedule *s)
{
	json_append_schedule_filtered(b, s, NULL);
}

void
json_append_schedule_filtered(struct ttp_buf *b, const tt_schedule *s,
			      const struct filter *f)
{
	struct json_writer w;

	memset(&w, 0, sizeof w);
	w.b = b;
	schedule_object(&w, s, f);
	PUTS(b, "\n");
	terminate(b);
}

/* --- compare: several proposals and how they differ ----------------- */

static void
optional_date(struct json_writer *w, const tt_milestone *m)
{
	if (m != NULL)
		date(w, m->date);
	else
		PUTS(w->b, "null");
}

static const char *
end_reason(enum compare_end by)
{
	switch (by) {
	case COMPARE_END_MEETING:
		return "meeting";
	case COMPARE_END_WITHDRAWAL:
		return "withdrawal";
	case COMPARE_END_NOT_RENEWED:
		return "not_renewed";
	case COMPARE_END_EXPIRY:
		return "expiry";
	default:
		return "none";
	}
}

/* The figures of one proposal, as the table shows them. */
static void
summary_object(struct json_writer *w, const struct compare_proposal *p)
{
	char text[TT_DURATION_BUFSIZE];

	push(w, "{");
	KEY(w, "id");
	string(w, tt_schedule_id(p->s));
	KEY(w, "name");
	string(w, tt_schedule_name(p->s));
	KEY(w, "entry_into_force");
	date(w, p->eif);
	KEY(w, "hypothetical");
	if (p->hypothetical)
		PUTS(w->b, "true");
	else
		PUTS(w->b, "false");
	KEY(w, "term");
	if (p->has_term)
		tt_duration_format_iso(p->term, text, sizeof text);
	string(w, p->has_term ? text : "indefinite");
	KEY(w, "expiry");
	if (p->has_expiry)
		date(w, p->expiry);
	else
		PUTS(w->b, "null");
	KEY(w, "entry_into_force_to_expiry");
	if (p->has_expiry) {
		push(w, "{");
		KEY(w, "duration");
		tt_duration_format_iso(p->in_force, text, sizeof text);
		string(w, text);
		KEY(w, "days");
		integer(w, p->days_in_force);
		pop(w, "}");
	} else {
		PUTS(w->b, "null");
	}
	KEY(w, "consultations");
	integer(w, (int)p->consultations);
	KEY(w, "reviews");
	integer(w, (int)p->reviews);
	KEY(w, "conferences");
	integer(w, (int)p->conferences);
	KEY(w, "first_possible_end");
	if (p->end_by != COMPARE_END_NONE) {
		push(w, "{");
		KEY(w, "date");
		date(w, p->first_end);
		if (tt_date_compare(p->first_end_latest, p->first_end) != 0) {
			KEY(w, "latest");
			date(w, p->first_end_latest);
		}
		KEY(w, "by");
		string(w, end_reason(p->end_by));
		KEY(w, "label");
		if (p->end_by == COMPARE_END_NOT_RENEWED) {
			string(w, p->end_label);
		} else {
			/* Whole, as the milestone's own label is. */
			struct text t;

			text_init(&t);
			string(w, text_milestone(&t, tt_milestone_label,
						 p->end_milestone));
			text_free(&t);
		}
		pop(w, "}");
	} else {
		PUTS(w->b, "null");
	}
	KEY(w, "first_renewal_notice_deadline");
	optional_date(w, p->renewal_deadline);
	KEY(w, "withdrawal_notice_opens");
	optional_date(w, p->withdrawal_opens);
	KEY(w, "earliest_withdrawal");
	optional_date(w, p->withdrawal_effective);
	if (tt_schedule_truncated(p->s)) {
		KEY(w, "horizon");
		date(w, tt_schedule_horizon(p->s));
	}
	KEY(w, "differences");
	push(w, "[");
	for (size_t i = 0; i < p->ndiffs; i++) {
		next(w);
		push(w, "{");
		KEY(w, "field");
		string(w, p->diffs[i].field);
		KEY(w, "text");
		string(w, p->diffs[i].text);
		pop(w, "}");
	}
	pop(w, "]");
	pop(w, "}");
}

bool
json_write_compare(FILE *fp, const struct compare *cmp, bool pretty)
{
	return json_write_compare_filtered(fp, cmp, pretty, NULL);
}

/* The comparison is of the whole schedules; F hides only milestones. */
bool
json_write_compare_filtered(FILE *fp, const struct compare *cmp, bool pretty,
			    const struct filter *f)
{
	struct json_writer w;

	begin(&w, &buf, pretty);
	push(&w, "{");
	KEY(&w, "proposals");
	push(&w, "[");
	for (size_t i = 0; i < cmp->n; i++) {
		next(&w);
		schedule_object(&w, cmp->p[i].s, f);
	}
	pop(&w, "]");
	KEY(&w, "comparison");
	push(&w, "{");
	KEY(&w, "baseline");
	string(&w, cmp->n > 0 ? tt_schedule_id(cmp->p[0].s) : "");
	KEY(&w, "proposals");
	push(&w, "[");
	for (size_t i = 0; i < cmp->n; i++) {
		next(&w);
		summary_object(&w, &cmp->p[i]);
	}
	pop(&w, "]");
	pop(&w, "}");
	pop(&w, "}");
	return end(&w, fp);
}

/* --- diff: what moved between two versions --------------------------- */

static void
null_or_string(struct json_writer *w, const char *s)
{
	if (s == NULL)
		PUTS(w->b, "null");
	else
		string(w, s);
}

static void
null_or_date(struct json_writer *w, const tt_milestone *m)
{
	if (m == NULL || m->pending)
		PUTS(w->b, "null");
	else
		date(w, m->date);
}

/* {"key": "term", "section": "treaty", "old": "50y", "new": "35y"}, with
 * "instance" (from 1) for a section that repeats, and "party" (its name)
 * for a party's key. */
static void
clause_change_object(struct json_writer *w, const tt_clause_change *c)
{
	next(w);
	push(w, "{");
	KEY(w, "key");
	word(w, c->key);
	KEY(w, "section");
	word(w, c->section);
	if (c->instance > 0) {
		KEY(w, "instance");
		integer(w, (int64_t)c->instance);
	}
	if (c->party != NULL) {
		KEY(w, "party");
		string(w, c->party);
	}
	KEY(w, "old");
	null_or_string(w, c->before);
	KEY(w, "new");
	null_or_string(w, c->after);
	pop(w, "}");
}

static void
milestone_change_object(struct json_writer *w, struct text *t,
			const tt_milestone_change *c)
{
	const tt_milestone *m = c->after ? c->after : c->before;

	next(w);
	push(w, "{");
	KEY(w, "change");
	word(w, tt_change_name(c->change));
	KEY(w, "kind");
	word(w, tt_kind_name(m->kind));
	KEY(w, "label");
	string(w, text_milestone(t, tt_milestone_label, m));
	KEY(w, "party");
	null_or_string(w, m->party);
	KEY(w, "old_date");
	null_or_date(w, c->before);
	KEY(w, "new_date");
	null_or_date(w, c->after);
	KEY(w, "days");
	if (c->has_days)
		integer(w, c->days);
	else
		PUTS(w->b, "null");
	pop(w, "}");
}

static const char *
treaty_change_name(enum diff_treaty_change c)
{
	return c == DIFF_TREATY_ADDED ? "added" :
	       c == DIFF_TREATY_REMOVED ? "removed" : "changed";
}

bool
json_write_diff(FILE *fp, const struct diff_report *r, bool pretty)
{
	struct json_writer w;
	struct text t;

	text_init(&t);
	begin(&w, &buf, pretty);
	push(&w, "{");
	KEY(&w, "treaties");
	push(&w, "[");
	for (size_t i = 0; i < r->n; i++) {
		const struct diff_treaty *dt = &r->t[i];

		if (!diff_treaty_differs(dt))
			continue;
		next(&w);
		push(&w, "{");
		KEY(&w, "id");
		string(&w, dt->id);
		KEY(&w, "change");
		word(&w, treaty_change_name(dt->change));
		KEY(&w, "changes");
		push(&w, "[");
		for (size_t k = 0; k < tt_diff_clause_count(dt->d); k++)
			clause_change_object(&w, tt_diff_clause_at(dt->d, k));
		pop(&w, "]");
		KEY(&w, "milestones");
		push(&w, "[");
		for (size_t k = 0; k < tt_diff_milestone_count(dt->d); k++)
			milestone_change_object(&w, &t,
						tt_diff_milestone_at(dt->d, k));
		pop(&w, "]");
		pop(&w, "}");
	}
	pop(&w, "]");
	pop(&w, "}");
	text_free(&t);
	return end(&w, fp);
}

bool
json_write_errors(FILE *fp, const struct input_error *e, size_t n)
{
	struct ttp_buf b = TTP_BUF_INIT;
	bool failed;

	fputs("  \"errors\": [", fp);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ",\n    {\n      \"input\": " :
		      "\n    {\n      \"input\": ", fp);
		json_write_string(fp, &b, e[i].input);
		if (e[i].line != 0)
			fprintf(fp, ",\n      \"line\": %lu", e[i].line);
		else
			fputs(",\n      \"line\": null", fp);
		if (e[i].column != 0)
			fprintf(fp, ",\n      \"column\": %lu", e[i].column);
		else
			fputs(",\n      \"column\": null", fp);
		fputs(",\n      \"message\": ", fp);
		json_write_string(fp, &b, e[i].message);
		fputs("\n    }", fp);
	}
	fputs(n ? "\n  ]\n" : "]\n", fp);
	failed = b.failed;
	ttp_buf_release(&b);
	if (failed)
		errno = ENOMEM;
	return !failed && !ferror(fp);
}

bool
json_write_agenda(FILE *fp, const struct agenda *ag)
{
	struct ttp_buf b = TTP_BUF_INIT;
	struct text t;
	char d[TT_DATE_BUFSIZE];

	text_init(&t);
	fprintf(fp, "{\n  \"from\": \"%s\",\n", tt_date_format(ag->f.from, d));
	fprintf(fp, "  \"until\": \"%s\",\n", tt_date_format(ag->f.until, d));
	fputs("  \"milestones\": [", fp);
	for (size_t i = 0; i < ag->n; i++) {
		const tt_milestone *m = ag->e[i].m;

		fprintf(fp, "%s\n    {\n      \"date\": \"%s\",\n",
			i ? "," : "", tt_date_format(m->date, d));
		fprintf(fp, "      \"days_left\": %ld,\n",
			(long)tt_date_diff_days(ag->today, m->date));
		fputs("      \"treaty\": ", fp);
		json_write_string(fp, &b, ag->e[i].treaty);
		fputs(",\n      \"party\": ", fp);
		if (m->party != NULL && *m->party != '\0')
			json_write_string(fp, &b, m->party);
		else
			fputs("null", fp);
		fprintf(fp, ",\n      \"kind\": \"%s\",\n      \"label\": ",
			tt_kind_name(m->kind));
		json_write_string(fp, &b, text_milestone(&t, tt_milestone_label, m));
		fputs(",\n      \"basis\": ", fp);
		json_write_string(fp, &b, text_milestone(&t, tt_milestone_basis, m));
		if (ag->e[i].uid != NULL) {
			fputs(",\n      \"uid\": ", fp);
			json_write_string(fp, &b, ag->e[i].uid);
		}
		fputs("\n    }", fp);
	}
	fputs(ag->n ? "\n  ],\n" : "],\n", fp);
	text_free(&t);
	if (!json_write_errors(fp, ag->err, ag->nerr))
		b.failed = b.failed || errno == ENOMEM;
	fputs("}\n", fp);
	if (b.failed) {
		ttp_buf_release(&b);
		errno = ENOMEM;
		return false;
	}
	ttp_buf_release(&b);
	return !ferror(fp);
}
