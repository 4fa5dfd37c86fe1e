/*
 * ics.c -- schedules as iCalendar (RFC 5545), and holidays read from it.
 *
 * This is the only file that includes libical and libuuid.  libical builds
 * every component and formats the structured values (dates, durations,
 * recurrence rules); the text around them is ours, because libical 3.0.16
 * gets it wrong in three ways that real clients notice:
 *
 *  - Its folder can fold a line's own CRLF (CR CR LF SP LF, or a
 *    whitespace-only continuation line) and can split a backslash escape.
 *    Every component is therefore serialised, unfolded, and folded again
 *    here: CRLF, at most 75 octets a line, a continuation line never starts
 *    with whitespace, never inside a UTF-8 sequence or an escape.
 *  - It does not escape commas or semicolons in CATEGORIES or in X-
 *    properties, and drops a carriage return.  Every TEXT value is
 *    therefore given to libical as a placeholder token and replaced, after
 *    serialisation, by the text as escaped here (the "fix-ups"), which
 *    also makes the bytes independent of libical's version.
 *  - It writes any date after the year 3000 as "00000000T000000", and
 *    writing a date-time makes it load its built-in time zone table (a
 *    process-wide cache nobody frees, in icaltime_is_utc()).  DTSTART,
 *    DTEND and DTSTAMP are therefore fix-ups too: no date reaches
 *    libical's serialiser.
 *
 * That costs a component, a serialisation and a dozen allocations per
 * event, which dominates a batch of hundreds of thousands of events.  With
 * the "direct" option an event (other than a series written as one RRULE)
 * is written line by line from the same texts instead, through the same
 * folder; libical's path stays the reference, and the tests check that
 * both give the same bytes.  Either way a stream's output is collected in
 * the writer's buffer and written with one fwrite() per schedule (or per
 * SINK_FLUSH_AT bytes), not one per fragment.
 *
 * A SUMMARY is "<treaty name>: <label>" on one line (calcurse skips an
 * event whose summary has a line break); DESCRIPTION keeps line breaks.
 *
 * Reading holidays goes through libical's parser and recurrence iterator,
 * which fill process-wide caches of their own (the built-in time zones, a
 * per-thread error number, ICU calendars): valgrind shows them as still
 * reachable, never as lost.  Writing touches none of them.
 *
 * UIDs are name-based UUIDs (version 5, SHA-1) of
 * "<treaty id>/<kind>/<series>/<ordinal>" (the name when the id is empty)
 * in the namespace cf97f532-37a0-5be0-927d-9560c765e55a, itself
 * uuid5(NAMESPACE_URL, "https://treatyterm.invalid/ns/milestone").  A
 * series written as one recurring event uses the ordinal "series".  Never
 * change the namespace: every calendar already imported would duplicate.
 */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libical/ical.h>
#include <uuid/uuid.h>

#include "internal.h"

/* The longest line, excluding CRLF, that RFC 5545 section 3.1 allows. */
#define FOLD_OCTETS 75
/* Longer runs of spaces in text are shortened: a continuation line must
 * not be whitespace only, which a run near 75 octets would force. */
#define MAX_SPACE_RUN 32
/* Recurrence expansion in tt_holidays_load_ics() gives up after this many
 * instances of all rules together (a daily rule over the whole date range
 * is 3.65 million). */
#define MAX_INSTANCES 4000000u
/* The most fix-ups one component needs. */
#define MAX_FIXUPS 12
/* A stream's sink is written out when it holds this much after an event
 * (and at the end of every schedule). */
#define SINK_FLUSH_AT 65536

static const uuid_t uid_namespace = {
	0xcf, 0x97, 0xf5, 0x32, 0x37, 0xa0, 0x5b, 0xe0,
	0x92, 0x7d, 0x95, 0x60, 0xc7, 0x65, 0xe5, 0x5a
};

/* Where the calendar goes: a growing buffer that is either the result
 * (FP NULL) or what is still to be written to FP (see sink_flush()). */
struct sink {
	FILE *fp;
	char *buf;
	size_t len;
	size_t cap;
	tt_status status;	/* the first failure, sticky */
	int saved_errno;
};

/* A growing NUL-terminated string; NOMEM records a failed allocation. */
struct strbuf {
	char *p;
	size_t len;
	size_t cap;
	bool nomem;
};

struct tt_ics_writer {
	struct sink out;
	tt_ics_options opt;
	char dtstamp[24];	/* opt.dtstamp as YYYYMMDDTHHMMSSZ */
	bool finished;
	/* The texts of the event being written, and a line being built:
	 * kept from event to event, so that once they have grown writing
	 * allocates nothing. */
	struct strbuf summary, desc, cats, note, line;
};

/* A line libical writes as NAME[;PARAMS]:EXPECT that is written as
 * NAME REST.  EXPECT is a token no real value can equal; REST starts with
 * ':' or with parameters. */
struct fixup {
	const char *name;
	char expect[24];
	char *rest;		/* owned */
	bool done;
};

struct fixups {
	struct fixup f[MAX_FIXUPS];
	size_t n;
	unsigned next_token;
};

/* A consultation or review series that one RRULE describes exactly. */
struct series {
	tt_kind kind;
	unsigned series;
	unsigned count;
	int months;		/* the step */
	tt_date last;
};

struct series_set {
	struct series *v;
	size_t n;
	size_t cap;
};

/* What one VEVENT says, worked out once for either way of writing it
 * (its texts are in the writer's buffers). */
struct event {
	const tt_milestone *m;
	const struct series *ser;	/* the series M begins, or NULL */
	char uid[37];
	tt_date end;			/* the next day, if HAS_END */
	bool has_end;
	bool alarm;
	struct icaldurationtype trigger;
};

/* Dates an expansion leaves out: EXDATEs, and instances that an event
 * with a RECURRENCE-ID replaces. */
struct dates {
	tt_date *v;
	size_t n;
	size_t cap;
};

/* An instance of the event UID that another VEVENT overrides. */
struct override {
	const char *uid;	/* belongs to the parsed calendar */
	tt_date date;
};

struct overrides {
	struct override *v;
	size_t n;
	size_t cap;
};

/* What one load needs while it walks the calendar. */
struct load {
	tt_holidays *h;
	tt_date from, to;
	unsigned long instances;
	struct overrides ov;
	struct dates skip;
	const char *text;
	size_t len;
};

static void sink_write(struct sink *s, const void *p, size_t n);
static void sink_flush(struct sink *s);
static tt_status sink_status(const struct sink *s, tt_error *err);
static void sb_reset(struct strbuf *b);
static void sb_putn(struct strbuf *b, const char *p, size_t n);
static void sb_puts(struct strbuf *b, const char *s);
static void sb_put_uint(struct strbuf *b, unsigned n);
static void sb_put_line(struct strbuf *b, const char *s);
static void sb_printf(struct strbuf *b, const char *fmt, ...)
	TTP_PRINTF(2, 3);
static size_t utf8_decode(const unsigned char *s, size_t n);
static void text_encode(struct strbuf *b, const char *s);
static size_t unit_length(const char *s, size_t n);
static void write_folded(struct sink *out, const char *line, size_t n);
static void write_fixed(struct sink *out, const char *line);
static void fixups_free(struct fixups *fx);
static tt_status add_fixup(icalcomponent *c, struct fixups *fx,
			   icalproperty_kind kind, const char *name,
			   char *rest, tt_error *err);
static tt_status text_property(icalcomponent *c, struct fixups *fx,
			       icalproperty_kind kind, const char *name,
			       const char *text, bool raw, tt_error *err);
static tt_status emit_component(struct sink *out, icalcomponent *c,
				struct fixups *fx, bool open_end,
				tt_error *err);
static tt_status date_property(icalcomponent *c, struct fixups *fx,
			       icalproperty_kind kind, const char *name,
			       tt_date d, tt_error *err);
static tt_status write_header(tt_ics_writer *w, const char *name,
			      tt_error *err);
static const char *treaty_key(const tt_schedule *s);
static tt_status make_uid(const tt_schedule *s, const tt_milestone *m,
			  bool series, struct strbuf *scratch, char out[37],
			  tt_error *err);
static bool wants_alarm(const tt_ics_options *opt, tt_kind kind);
static tt_status alarm_trigger(tt_duration remind, tt_date event,
			       struct icaldurationtype *out, tt_error *err);
static bool series_check(const tt_schedule *s, size_t first,
			 struct series *out);
static const struct series *series_find(const struct series_set *set,
					const tt_milestone *m);
static tt_status series_collect(const tt_schedule *s,
				struct series_set *set, tt_error *err);
static tt_status event_prepare(tt_ics_writer *w, const tt_schedule *s,
			       const tt_milestone *m,
			       const struct series *ser, struct event *ev,
			       tt_error *err);
static tt_status emit_libical(tt_ics_writer *w, const struct event *ev,
			      tt_error *err);
static void direct_text(tt_ics_writer *w, const char *name,
			const char *value, bool raw);
static void direct_date(struct sink *out, const char *name, tt_date d);
static tt_status emit_direct(tt_ics_writer *w, const struct event *ev,
			     tt_error *err);
static tt_status write_event(tt_ics_writer *w, const tt_schedule *s,
			     const tt_milestone *m, const struct series *ser,
			     tt_error *err);
static tt_status format_dtstamp(int64_t t, char out[24], tt_error *err);
static tt_status writer_new(FILE *fp, const tt_ics_options *opt,
			    tt_ics_writer **out, tt_error *err);
static bool dates_add(struct dates *d, tt_date x);
static bool dates_contain(const struct dates *d, tt_date x);
static bool date_of(struct icaltimetype t, tt_date *out);
static unsigned find_line(const char *text, size_t len, const char *prop,
			  const char *needle);
static unsigned find_exact_line(const char *text, size_t len,
				const char *what);
static icalproperty *first_error(icalcomponent *c);
static tt_status report_parse_error(const struct load *ld,
				    icalcomponent *root, tt_error *err);
static tt_status add_span(struct load *ld, tt_date d, int32_t days,
			  tt_error *err);
static int32_t event_days(icalcomponent *ev, struct icaltimetype start,
			  tt_date d);
static tt_status load_event(struct load *ld, icalcomponent *ev,
			    tt_error *err);
static tt_status each_event(struct load *ld, icalcomponent *root,
			    tt_status (*fn)(struct load *, icalcomponent *,
					    tt_error *),
			    tt_error *err);
static tt_status note_override(struct load *ld, icalcomponent *ev,
			       tt_error *err);

/* --- output -------------------------------------------------------- */

static void
sink_write(struct sink *s, const void *p, size_t n)
{
	if (s->status != TT_OK || n == 0)
		return;
	if (n >= s->cap - s->len || s->buf == NULL) {
		size_t cap = s->cap ? s->cap : 4096;
		char *nb;

		while (n >= cap - s->len) {
			if (cap > SIZE_MAX / 2) {
				s->status = TT_ENOMEM;
				return;
			}
			cap *= 2;
		}
		nb = realloc(s->buf, cap);
		if (nb == NULL) {
			s->status = TT_ENOMEM;
			return;
		}
		s->buf = nb;
		s->cap = cap;
	}
	memcpy(s->buf + s->len, p, n);
	s->len += n;
	s->buf[s->len] = '\0';
}

/* Writes what a stream's sink holds with one fwrite() and empties it;
 * does nothing for a string.  After a failure the rest is dropped. */
static void
sink_flush(struct sink *s)
{
	if (s->fp == NULL || s->len == 0)
		return;
	if (s->status == TT_OK && fwrite(s->buf, 1, s->len, s->fp) != s->len) {
		s->saved_errno = errno;
		s->status = TT_EIO;
	}
	s->len = 0;
}

static tt_status
sink_status(const struct sink *s, tt_error *err)
{
	switch (s->status) {
	case TT_OK:
		return TT_OK;
	case TT_ENOMEM:
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	default:
		errno = s->saved_errno;
		return ttp_error_set(err, TT_EIO, 0, 0,
				     "cannot write the calendar: %s",
				     s->saved_errno ? strerror(s->saved_errno)
						    : "write error");
	}
}

/* Empties B for reuse, leaving it an empty string (not NULL). */
static void
sb_reset(struct strbuf *b)
{
	b->len = 0;
	b->nomem = false;
	sb_putn(b, "", 0);
}

static void
sb_putn(struct strbuf *b, const char *p, size_t n)
{
	if (b->nomem)
		return;
	if (b->p == NULL || n >= b->cap - b->len) {
		size_t cap = b->cap ? b->cap : 128;
		char *np;

		while (n >= cap - b->len)
			cap *= 2;
		np = realloc(b->p, cap);
		if (np == NULL) {
			b->nomem = true;
			return;
		}
		b->p = np;
		b->cap = cap;
	}
	memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
sb_puts(struct strbuf *b, const char *s)
{
	sb_putn(b, s, strlen(s));
}

/* Appends N in decimal, as "%u" has it. */
static void
sb_put_uint(struct strbuf *b, unsigned n)
{
	char tmp[3 * sizeof n], *p = tmp + sizeof tmp;

	do
		*--p = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	sb_putn(b, p, (size_t)(tmp + sizeof tmp - p));
}

static void
sb_printf(struct strbuf *b, const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		b->nomem = true;
	else
		sb_putn(b, tmp, (size_t)n < sizeof tmp ? (size_t)n
						       : sizeof tmp - 1);
}

/* --- text values and folding ---------------------------------------- */

/* Appends S with each line break (LF, CR LF or CR) as one space: a
 * SUMMARY is a title, and calcurse refuses one with a line break ("line
 * break in summary") and skips the event. */
static void
sb_put_line(struct strbuf *b, const char *s)
{
	while (*s != '\0') {
		size_t n = strcspn(s, "\r\n");

		sb_putn(b, s, n);
		s += n;
		if (*s == '\0')
			break;
		sb_putn(b, " ", 1);
		s += s[0] == '\r' && s[1] == '\n' ? 2 : 1;
	}
}

/* The length of the valid UTF-8 sequence at S (N bytes left, S[0] >=
 * 0x80), or 0 if it is not one (overlong forms and surrogates included). */
static size_t
utf8_decode(const unsigned char *s, size_t n)
{
	size_t len;
	unsigned long c;

	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		c = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		c = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	return len;
}

/* Appends S to B as an RFC 5545 TEXT value: backslash, semicolon, comma
 * and newline escaped; CR LF and lone CR taken as newlines; control
 * characters other than tab, which TEXT does not allow, as spaces; invalid
 * UTF-8 as U+FFFD; runs of blanks cut to MAX_SPACE_RUN. */
static void
text_encode(struct strbuf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), spaces = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		size_t len = 0;

		/* Most text needs nothing: copy it a run at a time, spaces
		 * included while their run is short. */
		for (; i + len < n; len++) {
			unsigned char d = p[i + len];

			if (d == ' ' && spaces < MAX_SPACE_RUN)
				spaces++;
			else if (d > ' ' && d < 0x7f && d != '\\' &&
				 d != ';' && d != ',')
				spaces = 0;
			else
				break;
		}
		if (len > 0) {
			sb_putn(b, (const char *)p + i, len);
			i += len - 1;
			continue;
		}
		if (c == '\r' && i + 1 < n && p[i + 1] == '\n')
			continue;
		if (c == '\r')
			c = '\n';
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			c = ' ';
		if (c == ' ' || c == '\t') {
			if (++spaces <= MAX_SPACE_RUN)
				sb_putn(b, (const char *)&c, 1);
			continue;
		}
		spaces = 0;
		switch (c) {
		case '\n':
			sb_putn(b, "\\n", 2);
			break;
		case '\\':
			sb_putn(b, "\\\\", 2);
			break;
		case ';':
			sb_putn(b, "\\;", 2);
			break;
		case ',':
			sb_putn(b, "\\,", 2);
			break;
		default:
			if (c < 0x80) {
				sb_putn(b, (const char *)&c, 1);
			} else if ((len = utf8_decode(p + i, n - i)) != 0) {
				sb_putn(b, (const char *)p + i, len);
				i += len - 1;
			} else {
				sb_putn(b, "\xef\xbf\xbd", 3);
			}
		}
	}
}

/* The bytes that must stay on one line from S (N > 0 bytes left): an
 * escape with the character it escapes, a UTF-8 sequence, or one byte. */
static size_t
unit_length(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = 1;

	if (p[0] == '\\' && n > 1)
		return 1 + unit_length(s + 1, n - 1);
	if (p[0] >= 0xc0) {
		len = p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : 2;
		for (size_t i = 1; i < len; i++)
			if (i >= n || (p[i] & 0xc0) != 0x80)
				return i;
	}
	return len;
}

/* Writes the logical line LINE (N bytes, no line end) folded: the first
 * physical line holds up to 75 octets, each continuation a space and up
 * to 74.  A fold goes before a character that is not a space or tab, so a
 * continuation never looks blank to a client that trims it; only a run of
 * over 70 blanks (which text_encode() never writes) forces one anyway. */
static void
write_folded(struct sink *out, const char *line, size_t n)
{
	size_t pos = 0, room = FOLD_OCTETS;

	while (n - pos > room) {
		size_t i = pos, brk = pos;

		while (i < n) {
			unsigned char c = (unsigned char)line[i];
			size_t u;

			/* unit_length(), without a call for the common
			 * cases: an ASCII byte, or a backslash and one. */
			if (c < 0x80 && c != '\\')
				u = 1;
			else if (c == '\\' && i + 1 < n &&
				 (unsigned char)line[i + 1] < 0x80 &&
				 line[i + 1] != '\\')
				u = 2;
			else
				u = unit_length(line + i, n - i);
			if (i + u - pos > room)
				break;
			i += u;
			if (line[i] != ' ' && line[i] != '\t')
				brk = i;
		}
		if (brk == pos)
			brk = i;
		sink_write(out, line + pos, brk - pos);
		sink_write(out, "\r\n ", 3);
		pos = brk;
		room = FOLD_OCTETS - 1;
	}
	sink_write(out, line + pos, n - pos);
	sink_write(out, "\r\n", 2);
}

static void
write_fixed(struct sink *out, const char *line)
{
	write_folded(out, line, strlen(line));
}

/* --- components ----------------------------------------------------- */

static void
fixups_free(struct fixups *fx)
{
	for (size_t i = 0; i < fx->n; i++)
		free(fx->f[i].rest);
	fx->n = 0;
}

/* Adds a property of KIND called NAME (ICAL_X_PROPERTY for an X- name)
 * to C with a placeholder TEXT value, and a fix-up that writes it as NAME
 * REST instead.  Takes REST (malloc'ed) in every case. */
static tt_status
add_fixup(icalcomponent *c, struct fixups *fx, icalproperty_kind kind,
	  const char *name, char *rest, tt_error *err)
{
	struct fixup *f;
	icalproperty *p;
	icalvalue *v;

	if (fx->n == MAX_FIXUPS) {
		free(rest);
		return ttp_error_set(err, TT_ELIMIT, 0, 0,
				     "too many properties to fix up");
	}
	f = &fx->f[fx->n];
	snprintf(f->expect, sizeof f->expect, "TREATYTERMVALUE%u",
		 fx->next_token++);
	if (kind == ICAL_X_PROPERTY) {
		p = icalproperty_new_x(f->expect);
		if (p != NULL)
			icalproperty_set_x_name(p, name);
	} else if ((p = icalproperty_new(kind)) != NULL) {
		if ((v = icalvalue_new_text(f->expect)) != NULL) {
			icalproperty_set_value(p, v);
		} else {
			icalproperty_free(p);
			p = NULL;
		}
	}
	if (p == NULL || rest == NULL) {
		if (p != NULL)
			icalproperty_free(p);
		free(rest);
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	}
	f->name = name;
	f->rest = rest;
	f->done = false;
	fx->n++;
	icalcomponent_add_property(c, p);
	return TT_OK;
}

/* A TEXT property: TEXT escaped, or as it is with RAW. */
static tt_status
text_property(icalcomponent *c, struct fixups *fx, icalproperty_kind kind,
	      const char *name, const char *text, bool raw, tt_error *err)
{
	struct strbuf b = { NULL, 0, 0, false };

	sb_putn(&b, ":", 1);
	if (raw)
		sb_puts(&b, text);
	else
		text_encode(&b, text);
	if (b.nomem) {
		free(b.p);
		b.p = NULL;
	}
	return add_fixup(c, fx, kind, name, b.p, err);
}

/* An all-day DATE property: NAME;VALUE=DATE:YYYYMMDD, no zone. */
static tt_status
date_property(icalcomponent *c, struct fixups *fx, icalproperty_kind kind,
	      const char *name, tt_date d, tt_error *err)
{
	char *rest = malloc(24);

	if (rest != NULL)
		snprintf(rest, 24, ";VALUE=DATE:%04d%02d%02d", d.year,
			 d.month, d.day);
	return add_fixup(c, fx, kind, name, rest, err);
}

/* Serialises C, unfolds libical's lines, applies FX and writes the lines
 * folded again.  With OPEN_END the final "END:..." line is left out (the
 * calendar's header). */
static tt_status
emit_component(struct sink *out, icalcomponent *c, struct fixups *fx,
	       bool open_end, tt_error *err)
{
	char *s = icalcomponent_as_ical_string_r(c);
	size_t r = 0, w = 0, start, last_start = 0, last_len = 0;
	tt_status st = TT_OK;

	if (s == NULL)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	/* Unfold in place into lines ended by '\n'.  A fold is CRLF or LF
	 * and one blank; a CR not before LF is debris of a fold libical
	 * put inside a line end. */
	while (s[r] != '\0') {
		if (s[r] == '\r' && s[r + 1] == '\n' &&
		    (s[r + 2] == ' ' || s[r + 2] == '\t')) {
			r += 3;
		} else if (s[r] == '\n' && (s[r + 1] == ' ' ||
					    s[r + 1] == '\t')) {
			r += 2;
		} else if (s[r] == '\r') {
			r++;
		} else {
			s[w++] = s[r++];
		}
	}
	s[w] = '\0';

	/* Find the last line, which OPEN_END leaves out. */
	for (start = 0; start < w;) {
		char *nl = memchr(s + start, '\n', w - start);
		size_t len = (nl ? (size_t)(nl - s) : w) - start;

		if (len > 0) {
			last_start = start;
			last_len = len;
		}
		start += len + 1;
	}
	if (open_end && (last_len < 4 || memcmp(s + last_start, "END:", 4)))
		st = ttp_error_set(err, TT_EINVAL, 0, 0,
				   "libical wrote no END line");

	for (start = 0; st == TT_OK && start < w;) {
		char *nl = memchr(s + start, '\n', w - start);
		size_t len = (nl ? (size_t)(nl - s) : w) - start;
		char *line = s + start;
		bool fixed = false;

		start += len + 1;
		if (len == 0 || (open_end && line == s + last_start))
			continue;
		for (size_t i = 0; i < fx->n; i++) {
			struct fixup *f = &fx->f[i];
			size_t nl_ = strlen(f->name), el = strlen(f->expect);

			if (f->done || len < nl_ + 1 + el ||
			    memcmp(line, f->name, nl_) ||
			    (line[nl_] != ':' && line[nl_] != ';') ||
			    line[len - el - 1] != ':' ||
			    memcmp(line + len - el, f->expect, el))
				continue;
			{
				struct strbuf b = { NULL, 0, 0, false };

				sb_puts(&b, f->name);
				sb_puts(&b, f->rest);
				if (b.nomem || b.p == NULL) {
					free(b.p);
					st = ttp_error_set(err, TT_ENOMEM, 0,
							   0,
							   "out of memory");
					break;
				}
				write_folded(out, b.p, b.len);
				free(b.p);
			}
			f->done = fixed = true;
			break;
		}
		if (!fixed && st == TT_OK)
			write_folded(out, line, len);
	}
	for (size_t i = 0; st == TT_OK && i < fx->n; i++)
		if (!fx->f[i].done)
			st = ttp_error_set(err, TT_EINVAL, 0, 0,
					   "libical did not write %s as "
					   "expected", fx->f[i].name);
	icalmemory_free_buffer(s);
	if (st == TT_OK)
		st = sink_status(out, err);
	return st;
}

static tt_status
write_header(tt_ics_writer *w, const char *name, tt_error *err)
{
	icalcomponent *c = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	struct fixups fx;
	char prodid[96];
	tt_status st;

	memset(&fx, 0, sizeof fx);
	if (c == NULL)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	if (name == NULL || *name == '\0')
		name = "treatyterm";
	snprintf(prodid, sizeof prodid, "-//treatyterm//treatyterm %s//EN",
		 tt_version());
	st = text_property(c, &fx, ICAL_PRODID_PROPERTY,
			   "PRODID", prodid, false, err);
	if (st == TT_OK) {
		icalcomponent_add_property(c, icalproperty_new_version("2.0"));
		icalcomponent_add_property(c,
			icalproperty_new_calscale("GREGORIAN"));
		icalcomponent_add_property(c,
			icalproperty_new_method(ICAL_METHOD_PUBLISH));
		st = text_property(c, &fx, ICAL_NAME_PROPERTY, "NAME", name,
				   false, err);
	}
	if (st == TT_OK)
		st = text_property(c, &fx, ICAL_X_PROPERTY, "X-WR-CALNAME",
				   name, false,
				   err);
	if (st == TT_OK)
		st = emit_component(&w->out, c, &fx, true, err);
	fixups_free(&fx);
	icalcomponent_free(c);
	return st;
}

/* --- events --------------------------------------------------------- */

/* The treaty's id, or its name when it has no id. */
static const char *
treaty_key(const tt_schedule *s)
{
	const char *id = tt_schedule_id(s);

	if (id == NULL || *id == '\0')
		id = tt_schedule_name(s);
	return id != NULL ? id : "";
}

/* The UID into OUT; SCRATCH holds the name it is made from. */
static tt_status
make_uid(const tt_schedule *s, const tt_milestone *m, bool series,
	 struct strbuf *scratch, char out[37], tt_error *err)
{
	uuid_t u;

	sb_reset(scratch);
	sb_puts(scratch, treaty_key(s));
	sb_putn(scratch, "/", 1);
	sb_puts(scratch, tt_kind_name(m->kind));
	sb_putn(scratch, "/", 1);
	sb_put_uint(scratch, m->series);
	sb_putn(scratch, "/", 1);
	if (series)
		sb_puts(scratch, "series");
	else
		sb_put_uint(scratch, m->ordinal);
	if (scratch->nomem)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	uuid_generate_sha1(u, uid_namespace, scratch->p, scratch->len);
	uuid_unparse_lower(u, out);
	return TT_OK;
}

static bool
wants_alarm(const tt_ics_options *opt, tt_kind kind)
{
	if (tt_duration_is_zero(opt->remind))
		return false;
	if (opt->remind_all)
		return true;
	return kind == TT_KIND_RENEWAL_NOTICE_DEADLINE ||
	       kind == TT_KIND_WITHDRAWAL_NOTICE_OPENS ||
	       kind == TT_KIND_WITHDRAWAL_EFFECTIVE ||
	       kind == TT_KIND_EXPIRY;
}

/* REMIND before EVENT as an iCalendar duration, which has no years or
 * months: those become the days between EVENT - REMIND (same-date rule)
 * and EVENT.  REMIND's sign is ignored: an alarm always comes before. */
static tt_status
alarm_trigger(tt_duration remind, tt_date event,
	      struct icaldurationtype *out, tt_error *err)
{
	memset(out, 0, sizeof *out);
	remind.sign = 1;
	if (remind.years == 0 && remind.months == 0) {
		if (remind.days == 0)
			out->weeks = (unsigned)remind.weeks;
		else
			out->days = (unsigned)remind.weeks * 7 +
				    (unsigned)remind.days;
	} else {
		tt_date before;
		tt_status st = tt_date_add(event, tt_duration_negate(remind),
					   &before, NULL, err);

		if (st != TT_OK)
			return st;
		out->days = (unsigned)tt_date_diff_days(before, event);
	}
	out->is_neg = 1;
	return TT_OK;
}

/* Checks whether the series that milestone FIRST (ordinal 1) begins can
 * be written as FREQ=MONTHLY or YEARLY with an INTERVAL and a COUNT:
 * ordinals 1..n each once, none clamped or rolled, and member k exactly
 * first + (k-1) steps of whole months by the same-date rule with no clamp
 * (so every instance exists and RFC 5545 expansion gives the same
 * dates). */
#define RRULE_YEAR_MAX 3000

static bool
series_check(const tt_schedule *s, size_t first, struct series *out)
{
	const tt_milestone *m1 = tt_schedule_at(s, first), *m2 = NULL;
	size_t n = tt_schedule_count(s);
	unsigned count = 0;
	unsigned char *seen;
	tt_duration step;
	bool ok = true;
	int months;

	for (size_t i = 0; i < n; i++) {
		const tt_milestone *m = tt_schedule_at(s, i);

		if (m->kind != m1->kind || m->series != m1->series)
			continue;
		if (count == UINT_MAX)
			return false;
		count++;
		if (m->ordinal == 2)
			m2 = m;
	}
	if (count < 2 || m2 == NULL)
		return false;
	step = tt_date_diff(m1->date, m2->date);
	if (step.sign < 0 || step.weeks != 0 || step.days != 0 ||
	    m1->date.day != m2->date.day)
		return false;
	months = step.years * 12 + step.months;
	if (months <= 0 || (months % 12 != 0 && months > SHRT_MAX) ||
	    months / 12 > SHRT_MAX)
		return false;
	seen = calloc(count, 1);
	if (seen == NULL)
		return false;
	for (size_t i = 0; ok && i < n; i++) {
		const tt_milestone *m = tt_schedule_at(s, i);
		tt_duration k;
		unsigned flags = 0;
		tt_date want;

		if (m->kind != m1->kind || m->series != m1->series)
			continue;
		if (m->ordinal < 1 || m->ordinal > count ||
		    seen[m->ordinal - 1] ||
		    (m->flags & (TT_MS_CLAMPED | TT_MS_ROLLED)) ||
		    tt_date_compare(m->date, m->nominal) != 0) {
			ok = false;
			break;
		}
		seen[m->ordinal - 1] = 1;
		if (tt_duration_add_multiple(tt_duration_of_months(0),
					     tt_duration_of_months(months),
					     (int)m->ordinal - 1, &k,
					     NULL) != TT_OK ||
		    tt_date_add(m1->date, k, &want, &flags, NULL) != TT_OK ||
		    (flags & TT_ADD_CLAMPED) ||
		    tt_date_compare(want, m->date) != 0)
			ok = false;
		if (ok && m->ordinal == count)
			out->last = m->date;
	}
	free(seen);
	/* libical (3.0.16) refuses to expand rules past the year 3000, so a
	 * calendar reader built on it would lose such a series: write its
	 * dates one by one. */
	if (!ok || out->last.year > RRULE_YEAR_MAX)
		return false;
	out->kind = m1->kind;
	out->series = m1->series;
	out->count = count;
	out->months = months;
	return true;
}

static const struct series *
series_find(const struct series_set *set, const tt_milestone *m)
{
	for (size_t i = 0; i < set->n; i++)
		if (set->v[i].kind == m->kind &&
		    set->v[i].series == m->series)
			return &set->v[i];
	return NULL;
}

/* Finds every consultation and review series of S that one RRULE can
 * describe. */
static tt_status
series_collect(const tt_schedule *s, struct series_set *set,
	       tt_error *err)
{
	size_t n = tt_schedule_count(s);

	for (size_t i = 0; i < n; i++) {
		const tt_milestone *m = tt_schedule_at(s, i);
		struct series ser;

		if ((m->kind != TT_KIND_CONSULTATION &&
		     m->kind != TT_KIND_REVIEW) || m->ordinal != 1 ||
		    series_find(set, m) != NULL || !series_check(s, i, &ser))
			continue;
		if (set->n == set->cap) {
			size_t cap = set->cap ? set->cap * 2 : 4;
			struct series *v = realloc(set->v, cap * sizeof *v);

			if (v == NULL)
				return ttp_error_set(err, TT_ENOMEM, 0, 0,
						     "out of memory");
			set->v = v;
			set->cap = cap;
		}
		set->v[set->n++] = ser;
	}
	return TT_OK;
}

/* Works out what milestone M of S says as one VEVENT, or (SER not NULL)
 * as the one recurring VEVENT of the series M begins: the texts into the
 * writer's buffers, the rest into EV.  Writes nothing. */
static tt_status
event_prepare(tt_ics_writer *w, const tt_schedule *s, const tt_milestone *m,
	      const struct series *ser, struct event *ev, tt_error *err)
{
	struct strbuf *summary = &w->summary, *desc = &w->desc;
	struct strbuf *cats = &w->cats, *note = &w->note;
	char label[TT_TEXT_BUFSIZE], basis[TT_TEXT_BUFSIZE];
	char d1[TT_DATE_BUFSIZE], d2[TT_DATE_BUFSIZE];
	const char *name = tt_schedule_name(s);
	tt_status st;

	sb_reset(summary);
	sb_reset(desc);
	sb_reset(cats);
	sb_reset(note);
	memset(ev, 0, sizeof *ev);
	ev->m = m;
	ev->ser = ser;
	/* 9999-12-31 has no next day to end on: DURATION:P1D instead. */
	ev->has_end = tt_date_add_days(m->date, 1, &ev->end, NULL) == TT_OK;

	if (ser != NULL) {
		/* The series is named without an ordinal. */
		tt_milestone unnumbered = *m;

		unnumbered.flags &= ~(unsigned)TT_MS_NUMBERED;
		tt_milestone_label(&unnumbered, label, sizeof label);
	} else {
		tt_milestone_label(m, label, sizeof label);
	}
	if (name == NULL || *name == '\0')
		name = tt_schedule_id(s);
	if (name != NULL && *name != '\0') {
		sb_put_line(summary, name);
		sb_puts(summary, ": ");
	}
	sb_put_line(summary, label);

	/* For a rolled meeting the basis already names the nominal date
	 * and the day it moved to (tt_milestone_derivation()). */
	sb_puts(desc, tt_milestone_basis(m, basis, sizeof basis));
	if (ser != NULL) {
		int k = ser->months % 12 ? ser->months : ser->months / 12;

		sb_printf(desc, "\nRepeats every %d %s%s, %u times, from %s "
			  "to %s.", k, ser->months % 12 ? "month" : "year",
			  k == 1 ? "" : "s", ser->count,
			  tt_date_format(m->date, d1),
			  tt_date_format(ser->last, d2));
	}

	/* Written as it is: the elements are escaped one by one, since the
	 * comma between them is the list's. */
	sb_puts(cats, tt_kind_name(m->kind));
	if (*treaty_key(s) != '\0') {
		sb_puts(cats, ",");
		text_encode(cats, treaty_key(s));
	}
	if (summary->nomem || desc->nomem || cats->nomem)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");

	st = make_uid(s, m, ser != NULL, &w->line, ev->uid, err);
	if (st != TT_OK || !wants_alarm(&w->opt, m->kind))
		return st;

	{
		char words[TT_DURATION_BUFSIZE];
		tt_duration r = w->opt.remind;

		st = alarm_trigger(r, m->date, &ev->trigger, err);
		if (st != TT_OK)
			return st;
		r.sign = 1;
		sb_puts(note, "In ");
		sb_puts(note, tt_duration_format_words(r, words,
						       sizeof words));
		sb_puts(note, ": ");
		sb_puts(note, summary->p);
		if (note->nomem)
			return ttp_error_set(err, TT_ENOMEM, 0, 0,
					     "out of memory");
		ev->alarm = true;
	}
	return TT_OK;
}

/* Writes EV by building it with libical and serialising it (the
 * reference way). */
static tt_status
emit_libical(tt_ics_writer *w, const struct event *ev, tt_error *err)
{
	icalcomponent *c, *alarm;
	struct fixups fx;
	tt_status st;

	memset(&fx, 0, sizeof fx);
	c = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	if (c == NULL)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	icalcomponent_add_property(c, icalproperty_new_uid(ev->uid));
	/* A fix-up, like text (see the top). */
	st = text_property(c, &fx, ICAL_DTSTAMP_PROPERTY, "DTSTAMP",
			   w->dtstamp, true, err);
	if (st != TT_OK)
		goto out;
	st = date_property(c, &fx, ICAL_DTSTART_PROPERTY, "DTSTART",
			   ev->m->date, err);
	if (st == TT_OK && ev->has_end)
		st = date_property(c, &fx, ICAL_DTEND_PROPERTY, "DTEND",
				   ev->end, err);
	if (st != TT_OK)
		goto out;
	if (!ev->has_end) {
		struct icaldurationtype day;

		memset(&day, 0, sizeof day);
		day.days = 1;
		icalcomponent_add_property(c, icalproperty_new_duration(day));
	}
	if (ev->ser != NULL) {
		const struct series *ser = ev->ser;
		struct icalrecurrencetype r;

		icalrecurrencetype_clear(&r);
		if (ser->months % 12 == 0) {
			r.freq = ICAL_YEARLY_RECURRENCE;
			r.interval = (short)(ser->months / 12);
		} else {
			r.freq = ICAL_MONTHLY_RECURRENCE;
			r.interval = (short)ser->months;
		}
		r.count = (int)ser->count;
		icalcomponent_add_property(c, icalproperty_new_rrule(r));
	}
	st = text_property(c, &fx, ICAL_SUMMARY_PROPERTY, "SUMMARY",
			   w->summary.p, false, err);
	if (st == TT_OK)
		st = text_property(c, &fx, ICAL_DESCRIPTION_PROPERTY,
				   "DESCRIPTION", w->desc.p, false, err);
	if (st == TT_OK) /* escaped already, element by element */
		st = text_property(c, &fx, ICAL_CATEGORIES_PROPERTY,
				   "CATEGORIES", w->cats.p, true, err);
	if (st != TT_OK)
		goto out;
	icalcomponent_add_property(c,
		icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	icalcomponent_add_property(c, icalproperty_new_sequence(0));

	if (ev->alarm) {
		struct icaltriggertype trig;

		memset(&trig, 0, sizeof trig);
		trig.duration = ev->trigger;
		alarm = icalcomponent_new(ICAL_VALARM_COMPONENT);
		if (alarm == NULL) {
			st = ttp_error_set(err, TT_ENOMEM, 0, 0,
					   "out of memory");
			goto out;
		}
		icalcomponent_add_component(c, alarm);
		icalcomponent_add_property(alarm,
			icalproperty_new_action(ICAL_ACTION_DISPLAY));
		st = text_property(alarm, &fx, ICAL_DESCRIPTION_PROPERTY,
				   "DESCRIPTION", w->note.p, false, err);
		if (st != TT_OK)
			goto out;
		icalcomponent_add_property(alarm,
					   icalproperty_new_trigger(trig));
	}
	st = emit_component(&w->out, c, &fx, false, err);
out:
	fixups_free(&fx);
	icalcomponent_free(c);
	return st;
}

/* Writes the line NAME:VALUE, VALUE escaped as TEXT unless RAW. */
static void
direct_text(tt_ics_writer *w, const char *name, const char *value,
	    bool raw)
{
	struct strbuf *line = &w->line;

	sb_reset(line);
	sb_puts(line, name);
	sb_putn(line, ":", 1);
	if (raw)
		sb_puts(line, value);
	else
		text_encode(line, value);
	if (line->nomem) {
		if (w->out.status == TT_OK)
			w->out.status = TT_ENOMEM;
		return;
	}
	write_folded(&w->out, line->p, line->len);
}

/* Writes NAME;VALUE=DATE:YYYYMMDD, as date_property() has it (without
 * snprintf(), which took a tenth of the time). */
static void
direct_date(struct sink *out, const char *name, tt_date d)
{
	static const char value[] = ";VALUE=DATE:";
	char line[64];
	size_t n = strlen(name);

	if (n + sizeof value + 8 > sizeof line || !tt_date_is_valid(d)) {
		int k = snprintf(line, sizeof line, "%s%s%04d%02d%02d", name,
				 value, d.year, d.month, d.day);

		write_folded(out, line, (size_t)k < sizeof line ? (size_t)k
							: sizeof line - 1);
		return;
	}
	memcpy(line, name, n);
	memcpy(line + n, value, sizeof value - 1);
	n += sizeof value - 1;
	line[n++] = (char)('0' + d.year / 1000);
	line[n++] = (char)('0' + d.year / 100 % 10);
	line[n++] = (char)('0' + d.year / 10 % 10);
	line[n++] = (char)('0' + d.year % 10);
	line[n++] = (char)('0' + d.month / 10);
	line[n++] = (char)('0' + d.month % 10);
	line[n++] = (char)('0' + d.day / 10);
	line[n++] = (char)('0' + d.day % 10);
	write_folded(out, line, n);
}

/* Writes EV line by line: the bytes emit_libical() writes for an event
 * without an RRULE, property order included. */
static tt_status
emit_direct(tt_ics_writer *w, const struct event *ev, tt_error *err)
{
	struct sink *out = &w->out;

	write_fixed(out, "BEGIN:VEVENT");
	direct_text(w, "UID", ev->uid, true);
	direct_text(w, "DTSTAMP", w->dtstamp, true);
	direct_date(out, "DTSTART", ev->m->date);
	if (ev->has_end)
		direct_date(out, "DTEND", ev->end);
	else
		write_fixed(out, "DURATION:P1D");
	direct_text(w, "SUMMARY", w->summary.p, false);
	direct_text(w, "DESCRIPTION", w->desc.p, false);
	direct_text(w, "CATEGORIES", w->cats.p, true);
	write_fixed(out, "TRANSP:TRANSPARENT");
	write_fixed(out, "SEQUENCE:0");
	if (ev->alarm) {
		const struct icaldurationtype *d = &ev->trigger;
		char line[64];
		int n;

		write_fixed(out, "BEGIN:VALARM");
		write_fixed(out, "ACTION:DISPLAY");
		direct_text(w, "DESCRIPTION", w->note.p, false);
		/* As icaldurationtype_as_ical_string_r() writes a duration
		 * of weeks and days. */
		if (d->weeks == 0 && d->days == 0)
			n = snprintf(line, sizeof line, "TRIGGER:PT0S");
		else if (d->weeks != 0 && d->days != 0)
			n = snprintf(line, sizeof line, "TRIGGER:%sP%uW%uD",
				     d->is_neg == 1 ? "-" : "", d->weeks,
				     d->days);
		else if (d->weeks != 0)
			n = snprintf(line, sizeof line, "TRIGGER:%sP%uW",
				     d->is_neg == 1 ? "-" : "", d->weeks);
		else
			n = snprintf(line, sizeof line, "TRIGGER:%sP%uD",
				     d->is_neg == 1 ? "-" : "", d->days);
		write_folded(out, line, (size_t)n);
		write_fixed(out, "END:VALARM");
	}
	write_fixed(out, "END:VEVENT");
	return sink_status(out, err);
}

/* Writes milestone M of S as one VEVENT, or (SER not NULL) the whole
 * series M begins as one recurring VEVENT. */
static tt_status
write_event(tt_ics_writer *w, const tt_schedule *s, const tt_milestone *m,
	    const struct series *ser, tt_error *err)
{
	struct event ev;
	tt_status st = event_prepare(w, s, m, ser, &ev, err);

	if (st != TT_OK)
		return st;
	/* RRULEs are rare and libical's to format. */
	if (w->opt.direct && ser == NULL)
		return emit_direct(w, &ev, err);
	return emit_libical(w, &ev, err);
}

/* --- the writer ----------------------------------------------------- */

/* T (seconds since 1970-01-01 UTC) as an iCalendar UTC date-time. */
static tt_status
format_dtstamp(int64_t t, char out[24], tt_error *err)
{
	int64_t days = t / 86400, secs = t % 86400;
	tt_date d;

	if (secs < 0) {
		secs += 86400;
		days--;
	}
	days += tt_date_to_daynum((tt_date){ 1970, 1, 1 });
	if (days < TT_DAYNUM_MIN || days > TT_DAYNUM_MAX)
		return ttp_error_set(err, TT_ERANGE, 0, 0,
				     "DTSTAMP is out of range (years 1 to "
				     "9999)");
	d = tt_date_from_daynum((int32_t)days);
	snprintf(out, 24, "%04d%02d%02dT%02d%02d%02dZ", d.year, d.month,
		 d.day, (int)(secs / 3600), (int)(secs / 60 % 60),
		 (int)(secs % 60));
	return TT_OK;
}

static tt_status
writer_new(FILE *fp, const tt_ics_options *opt, tt_ics_writer **out,
	   tt_error *err)
{
	tt_ics_writer *w = calloc(1, sizeof *w);
	tt_status st;

	*out = NULL;
	if (w == NULL)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	w->out.fp = fp;
	if (opt != NULL)
		w->opt = *opt;
	st = format_dtstamp(w->opt.dtstamp, w->dtstamp, err);
	if (st != TT_OK) {
		tt_ics_writer_free(w);
		return st;
	}
	/* Only tt_ics_writer_new() reads the name. */
	w->opt.calendar_name = NULL;
	st = write_header(w, opt != NULL ? opt->calendar_name : NULL, err);
	if (st == TT_OK) {
		sink_flush(&w->out);
		st = sink_status(&w->out, err);
	}
	if (st != TT_OK) {
		tt_ics_writer_free(w);
		return st;
	}
	*out = w;
	return TT_OK;
}

tt_ics_writer *
tt_ics_writer_new(FILE *out, const tt_ics_options *opt, tt_error *err)
{
	tt_ics_writer *w;

	if (out == NULL) {
		ttp_error_set(err, TT_EINVAL, 0, 0, "no output stream");
		return NULL;
	}
	writer_new(out, opt, &w, err);
	return w;
}

tt_status
tt_ics_writer_add(tt_ics_writer *w, const tt_schedule *s, tt_error *err)
{
	struct series_set set = { NULL, 0, 0 };
	size_t n;
	tt_status st = TT_OK;

	if (w->finished)
		return ttp_error_set(err, TT_EINVAL, 0, 0,
				     "the calendar is already finished");
	if (w->out.status != TT_OK)
		return sink_status(&w->out, err);
	if (w->opt.rrule)
		st = series_collect(s, &set, err);
	n = tt_schedule_count(s);
	for (size_t i = 0; st == TT_OK && i < n; i++) {
		const tt_milestone *m = tt_schedule_at(s, i);
		const struct series *ser = series_find(&set, m);

		if (ser != NULL && m->ordinal != 1)
			continue;
		st = write_event(w, s, m, ser, err);
		if (st == TT_OK && w->out.fp != NULL &&
		    w->out.len >= SINK_FLUSH_AT) {
			sink_flush(&w->out);
			st = sink_status(&w->out, err);
		}
	}
	free(set.v);
	/* Events written before a failure still reach the stream. */
	sink_flush(&w->out);
	if (st == TT_OK)
		st = sink_status(&w->out, err);
	if (st == TT_OK && w->out.fp != NULL && ferror(w->out.fp)) {
		w->out.status = TT_EIO;
		w->out.saved_errno = errno;
		st = sink_status(&w->out, err);
	}
	return st;
}

tt_status
tt_ics_writer_finish(tt_ics_writer *w, tt_error *err)
{
	if (w->finished)
		return ttp_error_set(err, TT_EINVAL, 0, 0,
				     "the calendar is already finished");
	w->finished = true;
	sink_write(&w->out, "END:VCALENDAR\r\n", 15);
	sink_flush(&w->out);
	if (w->out.status == TT_OK && w->out.fp != NULL &&
	    (fflush(w->out.fp) != 0 || ferror(w->out.fp))) {
		w->out.status = TT_EIO;
		w->out.saved_errno = errno;
	}
	return sink_status(&w->out, err);
}

void
tt_ics_writer_free(tt_ics_writer *w)
{
	if (w == NULL)
		return;
	free(w->out.buf);
	free(w->summary.p);
	free(w->desc.p);
	free(w->cats.p);
	free(w->note.p);
	free(w->line.p);
	free(w);
}

tt_status
tt_ics_render(const tt_schedule *const *schedules, size_t n,
	      const tt_ics_options *opt, char **out, size_t *len,
	      tt_error *err)
{
	tt_ics_writer *w;
	tt_status st;

	*out = NULL;
	if (len != NULL)
		*len = 0;
	st = writer_new(NULL, opt, &w, err);
	for (size_t i = 0; st == TT_OK && i < n; i++)
		st = tt_ics_writer_add(w, schedules[i], err);
	if (st == TT_OK)
		st = tt_ics_writer_finish(w, err);
	if (st == TT_OK) {
		*out = w->out.buf;
		if (len != NULL)
			*len = w->out.len;
		w->out.buf = NULL;
	}
	tt_ics_writer_free(w);
	return st;
}

/* --- holidays from a calendar ----------------------------------------- */

static bool
dates_add(struct dates *d, tt_date x)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		tt_date *v = realloc(d->v, cap * sizeof *v);

		if (v == NULL)
			return false;
		d->v = v;
		d->cap = cap;
	}
	d->v[d->n++] = x;
	return true;
}

static bool
dates_contain(const struct dates *d, tt_date x)
{
	for (size_t i = 0; i < d->n; i++)
		if (tt_date_compare(d->v[i], x) == 0)
			return true;
	return false;
}

/* The calendar date of T as written (a date-time counts by its date, in
 * whatever zone it is written), or false if it is not a valid date. */
static bool
date_of(struct icaltimetype t, tt_date *out)
{
	tt_date d = { t.year, t.month, t.day };

	if (icaltime_is_null_time(t) || !tt_date_is_valid(d))
		return false;
	*out = d;
	return true;
}

/* Finds the 1-based line of TEXT where the logical (unfolded) line that
 * starts with PROP (if not NULL) and contains NEEDLE begins; 0 if none. */
static unsigned
find_line(const char *text, size_t len, const char *prop,
	  const char *needle)
{
	struct strbuf line = { NULL, 0, 0, false };
	size_t pos = 0, plen = prop ? strlen(prop) : 0;
	unsigned lineno = 0, start = 0, found = 0;

	while (!found && pos <= len) {
		const char *nl = pos < len ? memchr(text + pos, '\n',
						    len - pos) : NULL;
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t n = end - pos;
		bool cont = n > 0 && (text[pos] == ' ' || text[pos] == '\t');

		lineno++;
		if (n > 0 && text[end - 1] == '\r')
			n--;
		if (!cont) {
			/* The previous logical line is complete. */
			if (line.p != NULL &&
			    (prop == NULL ||
			     (strncasecmp(line.p, prop, plen) == 0 &&
			      (line.p[plen] == ':' || line.p[plen] == ';'))) &&
			    strstr(line.p, needle) != NULL)
				found = start;
			line.len = 0;
			start = lineno;
			sb_putn(&line, text + pos, n);
		} else {
			sb_putn(&line, text + pos + 1, n - 1);
		}
		if (line.nomem)
			break;
		if (nl == NULL) {
			if (!found && line.p != NULL &&
			    (prop == NULL ||
			     (strncasecmp(line.p, prop, plen) == 0 &&
			      (line.p[plen] == ':' || line.p[plen] == ';'))) &&
			    strstr(line.p, needle) != NULL)
				found = start;
			break;
		}
		pos = end + 1;
	}
	free(line.p);
	return found;
}

/* The 1-based line of the first line of TEXT that is exactly WHAT
 * (ignoring case and a CR), or 0. */
static unsigned
find_exact_line(const char *text, size_t len, const char *what)
{
	size_t pos = 0, wl = strlen(what);
	unsigned lineno = 0;

	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len, n = end - pos;

		lineno++;
		if (n > 0 && text[end - 1] == '\r')
			n--;
		if (n == wl && strncasecmp(text + pos, what, wl) == 0)
			return lineno;
		pos = end + 1;
	}
	return 0;
}

/* The first X-LIC-ERROR property in C or its subcomponents. */
static icalproperty *
first_error(icalcomponent *c)
{
	icalproperty *p = icalcomponent_get_first_property(c,
		ICAL_XLICERROR_PROPERTY);
	icalcomponent *sub;

	if (p != NULL)
		return p;
	for (sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	     sub != NULL;
	     sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		if ((p = first_error(sub)) != NULL)
			return p;
	return NULL;
}

/* Reports libical's first parse error with the line it was found on.
 * libical gives no line numbers, but its messages end with the text it
 * rejected ("...: FOO BAR"), and value errors name the property ("in
 * DTSTART property"), which is enough to find the line. */
static tt_status
report_parse_error(const struct load *ld, icalcomponent *root,
		   tt_error *err)
{
	icalproperty *p = first_error(root);
	const char *msg = p ? icalproperty_get_xlicerror(p) : NULL;
	const char *tail, *in, *cut;
	char prop[64] = "";
	char text[160];
	unsigned line = 0;
	size_t n;

	if (msg == NULL || *msg == '\0')
		msg = "unreadable calendar data";
	/* "Can't parse as DATE value in DTSTART property. Removing entire
	 * property: 2024132" becomes "can't parse as DATE value in DTSTART
	 * property: 2024132". */
	cut = strstr(msg, ". Removing entire property");
	tail = strrchr(msg, ':');
	n = cut ? (size_t)(cut - msg) : strlen(msg);
	snprintf(text, sizeof text, "%.*s%s%s", (int)n, msg,
		 cut && tail ? ":" : "", cut && tail ? tail + 1 : "");
	if (text[0] >= 'A' && text[0] <= 'Z' && !(text[1] >= 'A' &&
						 text[1] <= 'Z'))
		text[0] = (char)(text[0] - 'A' + 'a');
	n = strlen(text);
	while (n > 0 && (text[n - 1] == '.' || text[n - 1] == ' '))
		text[--n] = '\0';
	in = strstr(msg, " in ");
	if (in != NULL && (cut = strstr(in + 4, " property")) != NULL &&
	    (size_t)(cut - in - 4) < sizeof prop)
		snprintf(prop, sizeof prop, "%.*s", (int)(cut - in - 4),
			 in + 4);
	if (tail != NULL) {
		tail++;
		while (*tail == ' ')
			tail++;
		if (*tail != '\0')
			line = find_line(ld->text, ld->len,
					 *prop ? prop : NULL, tail);
	}
	return ttp_error_set(err, TT_ESYNTAX, line, 0, "%s", text);
}

/* Adds the DAYS days from D on that fall in the range and are not
 * skipped. */
static tt_status
add_span(struct load *ld, tt_date d, int32_t days, tt_error *err)
{
	int32_t first = tt_date_to_daynum(d);
	int32_t lo = tt_date_to_daynum(ld->from);
	int32_t hi = tt_date_to_daynum(ld->to);

	if (dates_contain(&ld->skip, d))
		return TT_OK;
	for (int32_t k = first > lo ? first : lo;
	     k < first + days && k <= hi; k++) {
		tt_status st = tt_holidays_add(ld->h, tt_date_from_daynum(k),
					       err);

		if (st != TT_OK)
			return st;
	}
	return TT_OK;
}

/* The number of days an all-day event covers: DTEND - DTSTART, or its
 * DURATION in whole days, or 1. */
static int32_t
event_days(icalcomponent *ev, struct icaltimetype start, tt_date d)
{
	icalproperty *p;
	tt_date e;

	if (!start.is_date)
		return 1;
	p = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
	if (p != NULL && date_of(icalproperty_get_dtend(p), &e) &&
	    tt_date_compare(e, d) > 0)
		return tt_date_diff_days(d, e);
	p = icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY);
	if (p != NULL) {
		struct icaldurationtype du = icalproperty_get_duration(p);
		unsigned long n = (unsigned long)du.weeks * 7 + du.days;

		if (!du.is_neg && n > 0 && n <= TT_DAYNUM_MAX)
			return (int32_t)n;
	}
	return 1;
}

/* Expands one VEVENT: DTSTART, its RRULEs and RDATEs, less its EXDATEs
 * and the instances other VEVENTs override. */
static tt_status
load_event(struct load *ld, icalcomponent *ev, tt_error *err)
{
	icalproperty *p;
	struct icaltimetype start;
	const char *uid;
	int32_t days;
	tt_date d0, d;
	tt_status st;

	ld->skip.n = 0;
	p = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY);
	if (p != NULL && icalproperty_get_status(p) == ICAL_STATUS_CANCELLED)
		return TT_OK;
	p = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	if (p == NULL)
		return TT_OK;
	start = icalproperty_get_dtstart(p);
	if (!date_of(start, &d0))
		return TT_OK;
	if (start.is_date) {
		/* A parsed DATE may carry -1 in its time fields. */
		start.hour = start.minute = start.second = 0;
	}
	days = event_days(ev, start, d0);

	/* An override is the one instance it describes. */
	if (icalcomponent_get_first_property(ev,
			ICAL_RECURRENCEID_PROPERTY) != NULL)
		return add_span(ld, d0, days, err);

	for (p = icalcomponent_get_first_property(ev, ICAL_EXDATE_PROPERTY);
	     p != NULL;
	     p = icalcomponent_get_next_property(ev, ICAL_EXDATE_PROPERTY))
		if (date_of(icalproperty_get_exdate(p), &d) &&
		    !dates_add(&ld->skip, d))
			return ttp_error_set(err, TT_ENOMEM, 0, 0,
					     "out of memory");
	uid = icalcomponent_get_uid(ev);
	for (size_t i = 0; uid != NULL && i < ld->ov.n; i++)
		if (strcmp(ld->ov.v[i].uid, uid) == 0 &&
		    !dates_add(&ld->skip, ld->ov.v[i].date))
			return ttp_error_set(err, TT_ENOMEM, 0, 0,
					     "out of memory");

	st = add_span(ld, d0, days, err);
	for (p = icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY);
	     st == TT_OK && p != NULL;
	     p = icalcomponent_get_next_property(ev, ICAL_RRULE_PROPERTY)) {
		struct icalrecurrencetype rule = icalproperty_get_rrule(p);
		icalrecur_iterator *it = icalrecur_iterator_new(rule, start);
		struct icaltimetype t;

		if (it == NULL) {
			char *s = icalrecurrencetype_as_string_r(&rule);

			st = ttp_error_set(err, TT_ESYNTAX,
					   s ? find_line(ld->text, ld->len,
							 "RRULE", s) : 0,
					   0, "unsupported recurrence rule");
			if (s != NULL)
				icalmemory_free_buffer(s);
			break;
		}
		while (st == TT_OK) {
			t = icalrecur_iterator_next(it);
			if (icaltime_is_null_time(t) || !date_of(t, &d) ||
			    tt_date_compare(d, ld->to) > 0)
				break;
			if (++ld->instances > MAX_INSTANCES) {
				st = ttp_error_set(err, TT_ELIMIT, 0, 0,
						   "recurrence rules expand to "
						   "more than %u instances",
						   MAX_INSTANCES);
				break;
			}
			st = add_span(ld, d, days, err);
		}
		icalrecur_iterator_free(it);
	}
	for (p = icalcomponent_get_first_property(ev, ICAL_RDATE_PROPERTY);
	     st == TT_OK && p != NULL;
	     p = icalcomponent_get_next_property(ev, ICAL_RDATE_PROPERTY)) {
		struct icaldatetimeperiodtype r = icalproperty_get_rdate(p);

		if (date_of(r.time, &d) || date_of(r.period.start, &d))
			st = add_span(ld, d, days, err);
	}
	return st;
}

/* Calls FN for every VEVENT of every VCALENDAR under ROOT. */
static tt_status
each_event(struct load *ld, icalcomponent *root,
	   tt_status (*fn)(struct load *, icalcomponent *, tt_error *),
	   tt_error *err)
{
	icalcomponent *cal, *ev;
	tt_status st = TT_OK;

	cal = icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT ? root :
	      icalcomponent_get_first_component(root,
						ICAL_VCALENDAR_COMPONENT);
	for (; st == TT_OK && cal != NULL;
	     cal = cal == root ? NULL :
	     icalcomponent_get_next_component(root, ICAL_VCALENDAR_COMPONENT))
		for (ev = icalcomponent_get_first_component(cal,
					ICAL_VEVENT_COMPONENT);
		     st == TT_OK && ev != NULL;
		     ev = icalcomponent_get_next_component(cal,
					ICAL_VEVENT_COMPONENT))
			st = fn(ld, ev, err);
	return st;
}

/* Records the instance a VEVENT with a RECURRENCE-ID replaces. */
static tt_status
note_override(struct load *ld, icalcomponent *ev, tt_error *err)
{
	icalproperty *p = icalcomponent_get_first_property(ev,
		ICAL_RECURRENCEID_PROPERTY);
	const char *uid = icalcomponent_get_uid(ev);
	tt_date d;

	if (p == NULL || uid == NULL ||
	    !date_of(icalproperty_get_recurrenceid(p), &d))
		return TT_OK;
	if (ld->ov.n == ld->ov.cap) {
		size_t cap = ld->ov.cap ? ld->ov.cap * 2 : 8;
		struct override *v = realloc(ld->ov.v, cap * sizeof *v);

		if (v == NULL)
			return ttp_error_set(err, TT_ENOMEM, 0, 0,
					     "out of memory");
		ld->ov.v = v;
		ld->ov.cap = cap;
	}
	ld->ov.v[ld->ov.n].uid = uid;
	ld->ov.v[ld->ov.n].date = d;
	ld->ov.n++;
	return TT_OK;
}

tt_status
tt_holidays_load_ics(tt_holidays *h, const char *text, size_t len,
		     tt_date from, tt_date to, tt_error *err)
{
	struct load ld;
	icalcomponent *root;
	icalcomponent_kind kind;
	const char *nul;
	char *copy;
	tt_status st;

	memset(&ld, 0, sizeof ld);
	ld.h = h;
	ld.from = from;
	ld.to = to;
	ld.text = text;
	ld.len = len;
	if (!tt_date_is_valid(from) || !tt_date_is_valid(to))
		return ttp_error_set(err, TT_ERANGE, 0, 0,
				     "invalid date range");
	/* Some exporters start with a UTF-8 byte order mark. */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
		ld.text = text;
		ld.len = len;
	}
	if ((nul = memchr(text, '\0', len)) != NULL) {
		unsigned line = 1;

		for (const char *q = text; q < nul; q++)
			line += *q == '\n';
		return ttp_error_set(err, TT_ESYNTAX, line, 0,
				     "not an iCalendar file: a NUL byte");
	}
	copy = malloc(len + 1);
	if (copy == NULL)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	memcpy(copy, text, len);
	copy[len] = '\0';
	root = icalparser_parse_string(copy);
	free(copy);
	kind = root ? icalcomponent_isa(root) : ICAL_NO_COMPONENT;
	if (kind == ICAL_XROOT_COMPONENT &&
	    icalcomponent_get_first_component(root,
					      ICAL_VCALENDAR_COMPONENT) ==
	    NULL)
		kind = ICAL_NO_COMPONENT;
	if (kind != ICAL_VCALENDAR_COMPONENT && kind != ICAL_XROOT_COMPONENT) {
		unsigned line = find_exact_line(text, len, "BEGIN:VCALENDAR");

		if (root != NULL)
			icalcomponent_free(root);
		if (line != 0 && kind == ICAL_NO_COMPONENT)
			return ttp_error_set(err, TT_ESYNTAX, line, 0,
					     "BEGIN:VCALENDAR without "
					     "END:VCALENDAR");
		return ttp_error_set(err, TT_ESYNTAX, 0, 0,
				     "not an iCalendar file");
	}
	if (icalcomponent_count_errors(root) > 0) {
		st = report_parse_error(&ld, root, err);
	} else {
		st = each_event(&ld, root, note_override, err);
		if (st == TT_OK)
			st = each_event(&ld, root, load_event, err);
	}
	free(ld.ov.v);
	free(ld.skip.v);
	icalcomponent_free(root);
	return st;
}
