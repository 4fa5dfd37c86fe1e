/*
 * ics.c -- schedules written as iCalendar (RFC 5545).
 *
 * The writer owns every byte: each content line is built here, its TEXT
 * values escaped and the line folded by ics-text.c (CRLF, at most 75
 * octets, never inside a UTF-8 sequence or an escape, no blank
 * continuation).  libical is not used for writing: version 3.0.16 folds a
 * line's own CRLF and splits escapes, leaves commas and semicolons
 * unescaped in CATEGORIES and X- properties, and writes dates after the
 * year 3000 as "00000000T000000".  It stays the independent reader in the
 * tests, and holidays are read with it (holidays-ics.c).
 *
 * A stream's output is collected in the writer's buffer and written with
 * one fwrite() per schedule (or per SINK_FLUSH_AT bytes), not one per
 * line; the texts of an event and the line being built are buffers kept
 * from event to event, so that once they have grown writing allocates
 * nothing.
 *
 * A SUMMARY is "<treaty name>: <label>" on one line (calcurse skips an
 * event whose summary has a line break); DESCRIPTION keeps line breaks.
 *
 * A consultation or review series is written as one event with an RRULE
 * (on request) only when RFC 5545 expansion gives exactly its dates and a
 * libical-based reader expands all of them (ical-limits.h); otherwise
 * each date is its own event.
 *
 * UIDs are name-based UUIDs (version 5, SHA-1) of
 * "<treaty id>/<kind>/<series>/<ordinal>" (the name when the id is empty;
 * a party's own dates add "/party/<name>")
 * in the namespace cf97f532-37a0-5be0-927d-9560c765e55a, itself
 * uuid5(NAMESPACE_URL, "https://treatyterm.invalid/ns/milestone").  A
 * series written as one recurring event uses the ordinal "series".  Never
 * change the namespace: every calendar already imported would duplicate.
 *
 * With a previous calendar (ics-previous.c), each event is first written
 * as usual, then compared, by its content lines less DTSTAMP, SEQUENCE
 * and LAST-MODIFIED, with the previous event of its UID: the same, and
 * its bytes in the sink are replaced by the old ones; different, and it
 * is written again with the next SEQUENCE and a LAST-MODIFIED.  The
 * events of the previous calendar that were not written come at the end,
 * cancelled.
 */
#include <config.h>

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <uuid/uuid.h>

#include "internal.h"
#include "ical-limits.h"
#include "ics-previous.h"
#include "ics-text.h"

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
	struct ttp_buf buf;
	tt_status status;	/* the first write failure, sticky */
	int saved_errno;
};

struct tt_ics_writer {
	struct sink out;
	tt_ics_options opt;
	char dtstamp[24];	/* opt.dtstamp as YYYYMMDDTHHMMSSZ */
	bool finished;
	/* The texts of the event being written, and a line being built. */
	struct ttp_buf summary, desc, cats, note, label, line;
	/* With a previous calendar: which of its events were written again
	 * (one byte each), and an event's content being compared. */
	unsigned char *prev_written;
	struct ttp_buf content;
	/* The treaties kept (tt_ics_writer_keep()): their keys as
	 * CATEGORIES has them, escaped, each followed by LF. */
	struct ttp_buf kept;
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

/* An alarm's TRIGGER: a negative duration of weeks or days. */
struct trigger {
	unsigned weeks;
	unsigned days;
};

/* What one VEVENT says besides its texts (which are in the writer's
 * buffers). */
struct event {
	const tt_milestone *m;
	const struct series *ser;	/* the series M begins, or NULL */
	char uid[37];
	tt_date end;			/* the next day, if HAS_END */
	bool has_end;
	bool alarm;			/* wants the writer's alarms */
	const char *url;		/* the treaty's, or NULL */
};

static void sink_write(struct sink *s, const void *p, size_t n);
static void sink_flush(struct sink *s);
static tt_status sink_status(const struct sink *s, tt_error *err);
static void put_text(tt_ics_writer *w, const char *name, const char *value,
		     bool raw);
static void put_fixed(struct sink *out, const char *line);
static void put_date(struct sink *out, const char *name, tt_date d);
static void put_rrule(struct sink *out, const struct series *ser);
static void put_trigger(struct sink *out, const struct trigger *t);
static void format_seconds(uint32_t secs, char out[32]);
static tt_status write_header(tt_ics_writer *w, const tt_ics_options *opt,
			      tt_error *err);
static const char *treaty_key(const tt_schedule *s);
static void treaty_notes(struct ttp_buf *desc, const tt_schedule *s);
static tt_status make_uid(const tt_schedule *s, const tt_milestone *m,
			  bool series, struct ttp_buf *scratch, char out[37],
			  tt_error *err);
static bool wants_alarm(const tt_ics_options *opt, tt_kind kind);
static tt_status write_alarm(tt_ics_writer *w, const tt_milestone *m,
			     tt_duration remind, tt_error *err);
static tt_status alarm_trigger(tt_duration remind, tt_date event,
			       struct trigger *out, tt_error *err);
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
static tt_status put_event(tt_ics_writer *w, const struct event *ev,
			   unsigned seq, bool modified, tt_error *err);
static void write_cancelled(tt_ics_writer *w,
			    const struct ttp_prev_event *old);
static tt_status write_event(tt_ics_writer *w, const tt_schedule *s,
			     const tt_milestone *m, const struct series *ser,
			     tt_error *err);
static tt_status format_dtstamp(int64_t t, char out[24], tt_error *err);
static tt_status check_header(const char *source_url, const char *color,
			      tt_error *err);
static tt_status writer_new(FILE *fp, const tt_ics_options *opt,
			    tt_ics_writer **out, tt_error *err);

/* --- output -------------------------------------------------------- */

static void
sink_write(struct sink *s, const void *p, size_t n)
{
	if (s->status == TT_OK)
		ttp_buf_addn(&s->buf, p, n);
}

/* Writes what a stream's sink holds with one fwrite() and empties it;
 * does nothing for a string.  After a failure the rest is dropped. */
static void
sink_flush(struct sink *s)
{
	if (s->fp == NULL || s->buf.len == 0)
		return;
	if (s->status == TT_OK && !s->buf.failed &&
	    fwrite(s->buf.p, 1, s->buf.len, s->fp) != s->buf.len) {
		s->saved_errno = errno;
		s->status = TT_EIO;
	}
	ttp_buf_setlen(&s->buf, 0);
}

static tt_status
sink_status(const struct sink *s, tt_error *err)
{
	if (s->status == TT_OK && s->buf.failed)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
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

/* --- content lines -------------------------------------------------- */

/* Writes the line NAME:VALUE, VALUE escaped as TEXT unless RAW, straight
 * into the output (running out of memory shows in sink_status()). */
static void
put_text(tt_ics_writer *w, const char *name, const char *value, bool raw)
{
	if (w->out.status == TT_OK)
		ttp_ics_put_line(&w->out.buf, name, value, raw);
}

static void
put_fixed(struct sink *out, const char *line)
{
	if (out->status == TT_OK)
		ttp_ics_fold(&out->buf, line, strlen(line));
}

/* Writes NAME;VALUE=DATE:YYYYMMDD: an all-day date, no zone, no "Z"
 * (without snprintf(), which took a tenth of a batch's time). */
static void
put_date(struct sink *out, const char *name, tt_date d)
{
	static const char value[] = ";VALUE=DATE:";
	char line[64];
	size_t n = strlen(name);

	if (n + sizeof value + 8 > sizeof line || !tt_date_is_valid(d)) {
		int k = snprintf(line, sizeof line, "%s%s%04d%02d%02d", name,
				 value, d.year, d.month, d.day);

		if (out->status == TT_OK)
			ttp_ics_fold(&out->buf, line,
				     (size_t)k < sizeof line ? (size_t)k
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
	if (out->status == TT_OK)
		ttp_ics_fold(&out->buf, line, n);
}

/* RRULE:FREQ=YEARLY|MONTHLY;COUNT=n[;INTERVAL=k], in the order libical
 * writes its parts (the golden files were made by it). */
static void
put_rrule(struct sink *out, const struct series *ser)
{
	bool yearly = ser->months % 12 == 0;
	int interval = yearly ? ser->months / 12 : ser->months;
	char line[96];
	int n;

	if (interval != 1)
		n = snprintf(line, sizeof line,
			     "RRULE:FREQ=%s;COUNT=%u;INTERVAL=%d",
			     yearly ? "YEARLY" : "MONTHLY", ser->count,
			     interval);
	else
		n = snprintf(line, sizeof line, "RRULE:FREQ=%s;COUNT=%u",
			     yearly ? "YEARLY" : "MONTHLY", ser->count);
	if (out->status == TT_OK && n > 0 && (size_t)n < sizeof line)
		ttp_ics_fold(&out->buf, line, (size_t)n);
}

/* TRIGGER:-PnW, -PnD or -PnWmD (RFC 5545 section 3.3.6: no years or
 * months in a duration). */
static void
put_trigger(struct sink *out, const struct trigger *t)
{
	char line[64];
	int n;

	if (t->weeks == 0 && t->days == 0)
		n = snprintf(line, sizeof line, "TRIGGER:PT0S");
	else if (t->weeks != 0 && t->days != 0)
		n = snprintf(line, sizeof line, "TRIGGER:-P%uW%uD", t->weeks,
			     t->days);
	else if (t->weeks != 0)
		n = snprintf(line, sizeof line, "TRIGGER:-P%uW", t->weeks);
	else
		n = snprintf(line, sizeof line, "TRIGGER:-P%uD", t->days);
	if (out->status == TT_OK && n > 0 && (size_t)n < sizeof line)
		ttp_ics_fold(&out->buf, line, (size_t)n);
}

/* SECS as an RFC 5545 duration: weeks, days, or a time. */
static void
format_seconds(uint32_t secs, char out[32])
{
	if (secs % 604800 == 0)
		snprintf(out, 32, "P%" PRIu32 "W", secs / 604800);
	else if (secs % 86400 == 0)
		snprintf(out, 32, "P%" PRIu32 "D", secs / 86400);
	else if (secs % 3600 == 0)
		snprintf(out, 32, "PT%" PRIu32 "H", secs / 3600);
	else if (secs % 60 == 0)
		snprintf(out, 32, "PT%" PRIu32 "M", secs / 60);
	else
		snprintf(out, 32, "PT%" PRIu32 "S", secs);
}

/* The VCALENDAR's header, up to its first VEVENT. */
static tt_status
write_header(tt_ics_writer *w, const tt_ics_options *opt, tt_error *err)
{
	const char *name = opt != NULL ? opt->calendar_name : NULL;
	const char *desc = opt != NULL ? opt->description : NULL;
	const char *source = opt != NULL ? opt->source_url : NULL;
	const char *color = opt != NULL ? opt->color : NULL;
	char prodid[96];

	if (name == NULL || *name == '\0')
		name = "treatyterm";
	snprintf(prodid, sizeof prodid, "-//treatyterm//treatyterm %s//EN",
		 tt_version());
	put_fixed(&w->out, "BEGIN:VCALENDAR");
	put_text(w, "PRODID", prodid, false);
	put_fixed(&w->out, "VERSION:2.0");
	put_fixed(&w->out, "CALSCALE:GREGORIAN");
	put_fixed(&w->out, "METHOD:PUBLISH");
	put_text(w, "NAME", name, false);
	put_text(w, "X-WR-CALNAME", name, false);
	if (desc != NULL && *desc != '\0') {
		put_text(w, "DESCRIPTION", desc, false);
		put_text(w, "X-WR-CALDESC", desc, false);
	}
	if (source != NULL && *source != '\0') {
		put_text(w, "SOURCE", source, true);
		put_text(w, "URL", source, true);
	}
	if (w->opt.refresh != 0) {
		char dur[32];

		format_seconds(w->opt.refresh, dur);
		put_text(w, "REFRESH-INTERVAL;VALUE=DURATION", dur, true);
		put_text(w, "X-PUBLISHED-TTL", dur, true);
	}
	if (color != NULL && *color != '\0')
		put_text(w, "COLOR", color, false);
	return sink_status(&w->out, err);
}

/* --- events --------------------------------------------------------- */

/* What the entry into force says of the whole treaty: that it is
 * hypothetical, and the dates left out because they wait for events. */
static void
treaty_notes(struct ttp_buf *desc, const tt_schedule *s)
{
	size_t n = tt_schedule_pending_count(s);

	if (tt_schedule_hypothetical(s))
		ttp_buf_adds(desc, "\nHypothetical: never in force; the dates "
			     "are assumed.");
	if (n == 0)
		return;
	ttp_buf_adds(desc, "\nLeft out of this calendar, waiting for an "
		     "event: ");
	ttp_buf_add_uint(desc, (unsigned)n);
	ttp_buf_adds(desc, n == 1 ? " date (" : " dates (");
	for (size_t i = 0; i < n; i++) {
		const tt_milestone *m = tt_schedule_pending_at(s, i);

		if (i > 0)
			ttp_buf_adds(desc, "; ");
		ttp_buf_add_milestone(desc, tt_milestone_label, m);
		ttp_buf_adds(desc, ": ");
		ttp_buf_add_milestone(desc, tt_milestone_condition, m);
	}
	ttp_buf_adds(desc, ").");
}

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
	 struct ttp_buf *scratch, char out[37], tt_error *err)
{
	uuid_t u;

	ttp_buf_reset(scratch);
	ttp_buf_adds(scratch, treaty_key(s));
	ttp_buf_addn(scratch, "/", 1);
	ttp_buf_adds(scratch, tt_kind_name(m->kind));
	ttp_buf_addn(scratch, "/", 1);
	ttp_buf_add_uint(scratch, (m->flags & TT_MS_PARTY) ? 0 : m->series);
	ttp_buf_addn(scratch, "/", 1);
	if (series)
		ttp_buf_adds(scratch, "series");
	else
		ttp_buf_add_uint(scratch, m->ordinal);
	/* A party's own date: the party, not its place in the list, so
	 * that adding a party moves no other party's events. */
	if (m->flags & TT_MS_PARTY) {
		ttp_buf_adds(scratch, "/party/");
		ttp_buf_adds(scratch, m->party);
	}
	if (scratch->failed)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	uuid_generate_sha1(u, uid_namespace, scratch->p, scratch->len);
	uuid_unparse_lower(u, out);
	return TT_OK;
}

static bool
wants_alarm(const tt_ics_options *opt, tt_kind kind)
{
	if (opt->nremind == 0)
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
alarm_trigger(tt_duration remind, tt_date event, struct trigger *out,
	      tt_error *err)
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
	return TT_OK;
}

/* Checks whether the series that milestone FIRST (ordinal 1) begins can
 * be written as FREQ=MONTHLY or YEARLY with an INTERVAL and a COUNT:
 * ordinals 1..n each once, none clamped or rolled, and member k exactly
 * first + (k-1) steps of whole months by the same-date rule with no clamp
 * (so every instance exists and RFC 5545 expansion gives the same
 * dates), and none after the last year a libical-based reader expands
 * (ical-limits.h). */
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
	/* libical stops expanding after TTP_ICAL_RECUR_YEAR_MAX, silently:
	 * a reader built on it would lose the later dates of such a series,
	 * so they are written one by one. */
	if (!ok || out->last.year > TTP_ICAL_RECUR_YEAR_MAX)
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
		struct series ser, *v;

		if ((m->kind != TT_KIND_CONSULTATION &&
		     m->kind != TT_KIND_REVIEW) || m->ordinal != 1 ||
		    series_find(set, m) != NULL || !series_check(s, i, &ser))
			continue;
		v = ttp_grow(set->v, &set->cap, set->n + 1, sizeof *v);
		if (v == NULL)
			return ttp_error_set(err, TT_ENOMEM, 0, 0,
					     "out of memory");
		set->v = v;
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
	struct ttp_buf *summary = &w->summary, *desc = &w->desc;
	struct ttp_buf *cats = &w->cats, *note = &w->note;
	char d1[TT_DATE_BUFSIZE], d2[TT_DATE_BUFSIZE];
	const char *name = tt_schedule_name(s);
	tt_status st;

	ttp_buf_reset(summary);
	ttp_buf_reset(desc);
	ttp_buf_reset(cats);
	ttp_buf_reset(note);
	ttp_buf_reset(&w->label);
	memset(ev, 0, sizeof *ev);
	ev->m = m;
	ev->ser = ser;
	/* 9999-12-31 has no next day to end on: DURATION:P1D instead. */
	ev->has_end = tt_date_add_days(m->date, 1, &ev->end, NULL) == TT_OK;

	if (ser != NULL) {
		/* The series is named without an ordinal. */
		tt_milestone unnumbered = *m;

		unnumbered.flags &= ~(unsigned)TT_MS_NUMBERED;
		ttp_buf_add_milestone(&w->label, tt_milestone_label,
				      &unnumbered);
	} else {
		ttp_buf_add_milestone(&w->label, tt_milestone_label, m);
	}
	if (w->label.failed)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	if (name == NULL || *name == '\0')
		name = tt_schedule_id(s);
	if (name != NULL && *name != '\0') {
		ttp_ics_put_oneline(summary, name);
		ttp_buf_adds(summary, ": ");
	}
	ttp_ics_put_oneline(summary, w->label.p);

	/* For a rolled meeting the basis already names the nominal date
	 * and the day it moved to (tt_milestone_derivation()). */
	ttp_buf_add_milestone(desc, tt_milestone_basis, m);
	if (m->nalternatives > 0) {
		ttp_buf_adds(desc, "\n");
		ttp_buf_add_milestone(desc, tt_milestone_readings, m);
		ttp_buf_adds(desc, ".");
	}
	if (m->kind == TT_KIND_ENTRY_INTO_FORCE)
		treaty_notes(desc, s);
	if (ser != NULL) {
		int k = ser->months % 12 ? ser->months : ser->months / 12;

		ttp_buf_addf(desc, "\nRepeats every %d %s%s, %u times, from %s "
			     "to %s.", k, ser->months % 12 ? "month" : "year",
			     k == 1 ? "" : "s", ser->count,
			     tt_date_format(m->date, d1),
			     tt_date_format(ser->last, d2));
	}

	/* Written as it is: the elements are escaped one by one, since the
	 * comma between them is the list's. */
	ttp_buf_adds(cats, tt_kind_name(m->kind));
	if (*treaty_key(s) != '\0') {
		ttp_buf_adds(cats, ",");
		ttp_ics_escape(cats, treaty_key(s));
	}
	if (summary->failed || desc->failed || cats->failed)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");

	st = make_uid(s, m, ser != NULL, &w->line, ev->uid, err);
	ev->alarm = wants_alarm(&w->opt, m->kind);
	ev->url = tt_schedule_url(s);
	return st;
}

/* Writes the VALARM REMIND before the event of milestone M, whose summary
 * is in the writer's buffer. */
static tt_status
write_alarm(tt_ics_writer *w, const tt_milestone *m, tt_duration remind,
	    tt_error *err)
{
	char words[TT_DURATION_BUFSIZE];
	struct ttp_buf *note = &w->note;
	struct trigger t;
	tt_status st;

	if (tt_duration_is_zero(remind))
		return TT_OK;
	if ((st = alarm_trigger(remind, m->date, &t, err)) != TT_OK)
		return st;
	remind.sign = 1;
	tt_duration_format_words(remind, words, sizeof words);
	ttp_buf_reset(note);
	ttp_buf_adds(note, "In ");
	ttp_buf_adds(note, words);
	ttp_buf_adds(note, ": ");
	ttp_buf_adds(note, w->summary.p);
	if (note->failed)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	/* After all of the event's properties: some clients stop reading
	 * the event at its first subcomponent. */
	put_fixed(&w->out, "BEGIN:VALARM");
	put_fixed(&w->out, "ACTION:DISPLAY");
	put_text(w, "DESCRIPTION", note->p, false);
	put_trigger(&w->out, &t);
	put_fixed(&w->out, "END:VALARM");
	return TT_OK;
}

/* Writes the VEVENT that EV and the writer's texts describe, with
 * SEQUENCE SEQ and, if MODIFIED, a LAST-MODIFIED of the DTSTAMP. */
static tt_status
put_event(tt_ics_writer *w, const struct event *ev, unsigned seq,
	  bool modified, tt_error *err)
{
	const tt_milestone *m = ev->m;
	struct sink *out = &w->out;
	char line[32];
	tt_status st;

	put_fixed(out, "BEGIN:VEVENT");
	put_text(w, "UID", ev->uid, true);
	put_text(w, "DTSTAMP", w->dtstamp, true);
	if (modified)
		put_text(w, "LAST-MODIFIED", w->dtstamp, true);
	put_date(out, "DTSTART", m->date);
	if (ev->has_end)
		put_date(out, "DTEND", ev->end);
	else
		put_fixed(out, "DURATION:P1D");
	if (ev->ser != NULL)
		put_rrule(out, ev->ser);
	put_text(w, "SUMMARY", w->summary.p, false);
	put_text(w, "DESCRIPTION", w->desc.p, false);
	/* Escaped already, element by element. */
	put_text(w, "CATEGORIES", w->cats.p, true);
	if (ev->url != NULL && *ev->url != '\0')
		put_text(w, "URL", ev->url, true);
	put_fixed(out, "TRANSP:TRANSPARENT");
	snprintf(line, sizeof line, "SEQUENCE:%u", seq);
	put_fixed(out, line);
	for (size_t i = 0; ev->alarm && i < w->opt.nremind; i++)
		if ((st = write_alarm(w, m, w->opt.remind[i], err)) != TT_OK)
			return st;
	put_fixed(out, "END:VEVENT");
	return sink_status(out, err);
}

/* Writes milestone M of S as one VEVENT, or (SER not NULL) the whole
 * series M begins as one recurring VEVENT.  With a previous calendar
 * that has its UID, the event is written as it was there if nothing but
 * when it was written differs, else with the next SEQUENCE. */
static tt_status
write_event(tt_ics_writer *w, const tt_schedule *s, const tt_milestone *m,
	    const struct series *ser, tt_error *err)
{
	const tt_ics_previous *prev = w->opt.previous;
	const struct ttp_prev_event *old;
	struct sink *out = &w->out;
	size_t start = out->buf.len, i;
	struct event ev;
	tt_status st = event_prepare(w, s, m, ser, &ev, err);

	if (st != TT_OK)
		return st;
	if ((st = put_event(w, &ev, 0, false, err)) != TT_OK || prev == NULL ||
	    (i = ttp_ics_previous_find(prev, ev.uid)) == (size_t)-1)
		return st;
	old = &prev->v[i];
	w->prev_written[i] = 1;
	/* The sink is flushed only between events: the event is all in it,
	 * from START. */
	ttp_buf_reset(&w->content);
	ttp_ics_content(&w->content, out->buf.p + start, out->buf.len - start);
	if (w->content.failed)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	ttp_buf_setlen(&out->buf, start);
	if (w->content.len == old->contentlen &&
	    memcmp(w->content.p, old->content, old->contentlen) == 0) {
		sink_write(out, old->raw, old->rawlen);
		return sink_status(out, err);
	}
	return put_event(w, &ev, old->sequence + 1, true, err);
}

/* Writes event OLD of the previous calendar, which is written no more:
 * as it was if it was cancelled already, else from its content lines
 * with STATUS:CANCELLED, the next SEQUENCE, this DTSTAMP and
 * LAST-MODIFIED, and without its alarms. */
static void
write_cancelled(tt_ics_writer *w, const struct ttp_prev_event *old)
{
	struct sink *out = &w->out;
	const char *line = old->content, *end = line + old->contentlen;
	unsigned alarm = 0;
	char seq[32];

	if (old->cancelled) {
		sink_write(out, old->raw, old->rawlen);
		return;
	}
	snprintf(seq, sizeof seq, "SEQUENCE:%u", old->sequence + 1);
	while (line < end) {
		const char *eol = memchr(line, '\n', (size_t)(end - line));
		size_t n = (size_t)(eol - line);

		if (n == 12 && strncasecmp(line, "BEGIN:VALARM", 12) == 0)
			alarm++;
		if (n == 10 && strncasecmp(line, "END:VEVENT", 10) == 0) {
			put_fixed(out, "STATUS:CANCELLED");
			put_fixed(out, seq);
		}
		if (alarm == 0 && !ttp_ics_line_is(line, n, "STATUS") &&
		    out->status == TT_OK)
			ttp_ics_fold(&out->buf, line, n);
		if (alarm == 0 && ttp_ics_line_is(line, n, "UID")) {
			put_text(w, "DTSTAMP", w->dtstamp, true);
			put_text(w, "LAST-MODIFIED", w->dtstamp, true);
		}
		if (alarm > 0 && n == 10 &&
		    strncasecmp(line, "END:VALARM", 10) == 0)
			alarm--;
		line = eol + 1;
	}
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

/* Checks the calendar's SOURCE_URL and COLOR. */
static tt_status
check_header(const char *source_url, const char *color, tt_error *err)
{
	if (source_url != NULL && *source_url != '\0' &&
	    !ttp_url_ok(source_url, true))
		return ttp_error_set(err, TT_EINVAL, 0, 0,
				     "'%s' is not a URL (http:, https: or "
				     "webcal:, no spaces)", source_url);
	for (const char *c = color; c != NULL && *c != '\0'; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z')))
			return ttp_error_set(err, TT_EINVAL, 0, 0,
					     "'%s' is not a colour name (a "
					     "CSS3 name such as darkred)",
					     color);
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
	if (w->opt.nremind > TT_ICS_REMIND_MAX) {
		free(w);
		return ttp_error_set(err, TT_EINVAL, 0, 0,
				     "more than %d alarms an event",
				     TT_ICS_REMIND_MAX);
	}
	st = format_dtstamp(w->opt.dtstamp, w->dtstamp, err);
	if (st != TT_OK) {
		tt_ics_writer_free(w);
		return st;
	}
	if (st == TT_OK)
		st = check_header(w->opt.source_url, w->opt.color, err);
	if (st == TT_OK && w->opt.previous != NULL &&
	    w->opt.previous->n > 0 &&
	    (w->prev_written = calloc(w->opt.previous->n, 1)) == NULL)
		st = ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	if (st != TT_OK) {
		tt_ics_writer_free(w);
		return st;
	}
	/* Only tt_ics_writer_new() reads the calendar's texts. */
	w->opt.calendar_name = NULL;
	w->opt.description = NULL;
	w->opt.source_url = NULL;
	w->opt.color = NULL;
	st = write_header(w, opt, err);
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

tt_status
tt_ics_options_check(const tt_ics_options *opt, tt_error *err)
{
	if (opt->nremind > TT_ICS_REMIND_MAX)
		return ttp_error_set(err, TT_EINVAL, 0, 0,
				     "more than %d alarms an event",
				     TT_ICS_REMIND_MAX);
	return check_header(opt->source_url, opt->color, err);
}

void
tt_ics_options_init(tt_ics_options *opt)
{
	memset(opt, 0, sizeof *opt);
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

/* True for a milestone the options' window and kinds let through. */
static bool
in_window(const tt_ics_options *opt, const tt_milestone *m)
{
	unsigned k = (unsigned)m->kind;

	if (opt->kinds != 0 && (k >= sizeof opt->kinds * CHAR_BIT ||
				!(opt->kinds & (1u << k))))
		return false;
	if (opt->has_from && tt_date_compare(m->date, opt->from) < 0)
		return false;
	return !opt->has_until || tt_date_compare(m->date, opt->until) <= 0;
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
	if (w->opt.rrule && !w->opt.has_from && !w->opt.has_until)
		st = series_collect(s, &set, err);
	n = tt_schedule_count(s);
	for (size_t i = 0; st == TT_OK && i < n; i++) {
		const tt_milestone *m = tt_schedule_at(s, i);
		const struct series *ser;

		if (!in_window(&w->opt, m))
			continue;
		ser = series_find(&set, m);
		if (ser != NULL && m->ordinal != 1)
			continue;
		st = write_event(w, s, m, ser, err);
		if (st == TT_OK && w->out.fp != NULL &&
		    w->out.buf.len >= SINK_FLUSH_AT) {
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
tt_ics_writer_keep(tt_ics_writer *w, const char *key, tt_error *err)
{
	if (w->opt.previous == NULL || *key == '\0')
		return TT_OK;
	ttp_ics_escape(&w->kept, key);
	ttp_buf_addn(&w->kept, "\n", 1);
	if (w->kept.failed)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	return TT_OK;
}

/* True if the previous event OLD is of a treaty kept: its CATEGORIES
 * (the kind, a comma, the treaty's key) names one. */
static bool
is_kept(const tt_ics_writer *w, const struct ttp_prev_event *old)
{
	const char *line = old->content, *end = line + old->contentlen;
	const char *key = NULL, *eol = NULL;

	if (w->kept.len == 0)
		return false;
	while (line < end) {
		eol = memchr(line, '\n', (size_t)(end - line));
		if (ttp_ics_line_is(line, (size_t)(eol - line), "CATEGORIES")) {
			key = memchr(line, ',', (size_t)(eol - line));
			break;
		}
		line = eol + 1;
	}
	if (key == NULL)
		return false;
	key++;
	for (const char *k = w->kept.p; k < w->kept.p + w->kept.len;) {
		const char *kend = strchr(k, '\n');

		if (kend - k == eol - key &&
		    memcmp(k, key, (size_t)(eol - key)) == 0)
			return true;
		k = kend + 1;
	}
	return false;
}

tt_status
tt_ics_writer_finish(tt_ics_writer *w, tt_error *err)
{
	const tt_ics_previous *prev = w->opt.previous;

	if (w->finished)
		return ttp_error_set(err, TT_EINVAL, 0, 0,
				     "the calendar is already finished");
	w->finished = true;
	/* What the previous calendar had and this one has no more: as it
	 * was for a treaty kept, else cancelled. */
	for (size_t i = 0; prev != NULL && i < prev->n; i++) {
		if (w->prev_written[i] || prev->v[i].duplicate)
			continue;
		if (is_kept(w, &prev->v[i]))
			sink_write(&w->out, prev->v[i].raw, prev->v[i].rawlen);
		else
			write_cancelled(w, &prev->v[i]);
	}
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
	ttp_buf_release(&w->out.buf);
	ttp_buf_release(&w->summary);
	ttp_buf_release(&w->desc);
	ttp_buf_release(&w->cats);
	ttp_buf_release(&w->kept);
	ttp_buf_release(&w->note);
	ttp_buf_release(&w->label);
	ttp_buf_release(&w->line);
	ttp_buf_release(&w->content);
	free(w->prev_written);
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
		*out = w->out.buf.p;
		if (len != NULL)
			*len = w->out.buf.len;
		w->out.buf.p = NULL;
	}
	tt_ics_writer_free(w);
	return st;
}

