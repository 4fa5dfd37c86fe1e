/*
 * ics-previous.c -- the calendar written before, read with libical, so
 * that a calendar written again updates it cleanly (ics.c).
 *
 * libical checks the file and gives each VEVENT's UID, SEQUENCE and
 * STATUS with its own parser; it cannot give an event's bytes, so the
 * same events are also cut out of the text here, BEGIN:VEVENT to
 * END:VEVENT, and paired with libical's in order (a pair whose UIDs
 * differ fails the read rather than guess).  The bytes are what an
 * unchanged event is written again as; the content lines, unfolded and
 * without DTSTAMP, SEQUENCE and LAST-MODIFIED (ttp_ics_content()), are
 * what the writer compares and what a cancelled event is rebuilt from.
 *
 * One of the two files of the library that include libical (the other is
 * holidays-ics.c).  Of several events with one UID (which treatyterm never
 * writes) the first is used and the others are marked as duplicates,
 * which the writer leaves out.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libical/ical.h>

#include "ical-errors.h"
#include "internal.h"
#include "ics-previous.h"
#include "ics-text.h"

/* An event as libical reads it. */
struct parsed {
	const char *uid;	/* belongs to the parsed calendar */
	int sequence;
	bool cancelled;
};

struct parsed_set {
	struct parsed *v;
	size_t n, cap;
};

/* The bytes of an event in the text. */
struct span {
	size_t start, end;	/* END just after its last line's LF */
	unsigned line;		/* the line of its BEGIN:VEVENT */
};

struct span_set {
	struct span *v;
	size_t n, cap;
};

static unsigned line_of(const char *text, size_t len, const char *needle);
static tt_status parse_error(const char *text, size_t len,
			     icalcomponent *root, tt_error *err);
static bool collect_parsed(icalcomponent *cal, struct parsed_set *set);
static bool collect_spans(const char *text, size_t len,
			  struct span_set *set);
static tt_status add_event(tt_ics_previous *p, const struct parsed *ev,
			   const char *text, const struct span *sp,
			   tt_error *err);
static int uid_compare(const void *a, const void *b);
static int key_compare(const void *a, const void *b);
static tt_status read_calendar(tt_ics_previous *p, const char *text,
			       size_t len, icalcomponent *root,
			       tt_error *err);

/* The 1-based line of TEXT where NEEDLE first appears, or 0. */
static unsigned
line_of(const char *text, size_t len, const char *needle)
{
	size_t k = strlen(needle);
	unsigned line = 1;

	if (k == 0)
		return 0;
	for (size_t i = 0; i + k <= len; i++) {
		if (memcmp(text + i, needle, k) == 0)
			return line;
		line += text[i] == '\n';
	}
	return 0;
}

/* Reports libical's first complaint, lower case and without its
 * "Removing entire property" aside, on the line of the text it quotes
 * (its messages end with ": TEXT"). */
static tt_status
parse_error(const char *text, size_t len, icalcomponent *root,
	    tt_error *err)
{
	icalproperty *p = ttp_ical_first_error(root);
	const char *msg = p != NULL ? icalproperty_get_xlicerror(p) : NULL;
	const char *tail;

	if (msg == NULL || *msg == '\0')
		msg = "unreadable calendar data";
	tail = strrchr(msg, ':');
	while (tail != NULL && *++tail == ' ')
		;
	return ttp_ical_error(err, tail != NULL ? line_of(text, len, tail) : 0,
			      msg);
}

/* Adds the UID, SEQUENCE and STATUS of each VEVENT of CAL, in order. */
static bool
collect_parsed(icalcomponent *cal, struct parsed_set *set)
{
	icalcomponent *ev;

	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	     ev != NULL;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		struct parsed *v = ttp_grow(set->v, &set->cap, set->n + 1,
					    sizeof *v);

		if (v == NULL)
			return false;
		set->v = v;
		v[set->n].uid = icalcomponent_get_uid(ev);
		v[set->n].sequence = icalcomponent_get_sequence(ev);
		v[set->n].cancelled = icalcomponent_get_status(ev) ==
				      ICAL_STATUS_CANCELLED;
		set->n++;
	}
	return true;
}

/* Adds where each VEVENT of TEXT begins and ends, in order: from a line
 * BEGIN:VEVENT to the line END:VEVENT after it. */
static bool
collect_spans(const char *text, size_t len, struct span_set *set)
{
	size_t pos = 0, start = 0;
	unsigned line = 0, start_line = 0;
	bool in = false;

	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl != NULL ? (size_t)(nl - text) : len;
		size_t n = end - pos;

		line++;
		if (n > 0 && text[end - 1] == '\r')
			n--;
		if (!in && n == 12 &&
		    strncasecmp(text + pos, "BEGIN:VEVENT", 12) == 0) {
			in = true;
			start = pos;
			start_line = line;
		} else if (in && n == 10 &&
			   strncasecmp(text + pos, "END:VEVENT", 10) == 0) {
			struct span *v = ttp_grow(set->v, &set->cap,
						  set->n + 1, sizeof *v);

			if (v == NULL)
				return false;
			set->v = v;
			v[set->n].start = start;
			v[set->n].end = nl != NULL ? end + 1 : end;
			v[set->n].line = start_line;
			set->n++;
			in = false;
		}
		pos = end + 1;
	}
	return true;
}

/* Adds the event EV, whose bytes are SP of TEXT, to P; an event without
 * a UID, or with one seen already, is left out. */
static tt_status
add_event(tt_ics_previous *p, const struct parsed *ev, const char *text,
	  const struct span *sp, tt_error *err)
{
	struct ttp_buf raw = TTP_BUF_INIT;
	struct ttp_buf content = TTP_BUF_INIT;
	struct ttp_prev_event *v;
	const char *line, *uid;
	size_t uidlen = 0;

	if (ev->uid == NULL || *ev->uid == '\0')
		return TT_OK;
	ttp_ics_content(&content, text + sp->start, sp->end - sp->start);
	/* The UID line as written: it must be the one libical read. */
	uid = NULL;
	for (line = content.p; line != NULL && *line != '\0';) {
		const char *eol = strchr(line, '\n');

		if (ttp_ics_line_is(line, (size_t)(eol - line), "UID")) {
			uid = memchr(line, ':', (size_t)(eol - line));
			if (uid != NULL) {
				uid++;
				uidlen = (size_t)(eol - uid);
			}
			break;
		}
		line = eol + 1;
	}
	if (content.failed) {
		ttp_buf_release(&content);
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	}
	if (uid == NULL || uidlen != strlen(ev->uid) ||
	    memcmp(uid, ev->uid, uidlen) != 0) {
		ttp_buf_release(&content);
		return ttp_error_set(err, TT_ESYNTAX, sp->line, 0,
				     "cannot tell which event this is: its "
				     "UID is not written plainly");
	}
	/* The bytes, each line ending in CRLF. */
	for (size_t i = sp->start; i < sp->end; i++) {
		if (text[i] == '\n' && (i == sp->start || text[i - 1] != '\r'))
			ttp_buf_addn(&raw, "\r", 1);
		ttp_buf_addn(&raw, text + i, 1);
	}
	if (raw.len > 0 && raw.p[raw.len - 1] != '\n')
		ttp_buf_addn(&raw, "\r\n", 2);
	v = ttp_grow(p->v, &p->cap, p->n + 1, sizeof *v);
	if (v == NULL || raw.failed) {
		ttp_buf_release(&raw);
		ttp_buf_release(&content);
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	}
	p->v = v;
	v = &p->v[p->n];
	memset(v, 0, sizeof *v);
	v->uid = malloc(uidlen + 1);
	if (v->uid == NULL) {
		ttp_buf_release(&raw);
		ttp_buf_release(&content);
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	}
	memcpy(v->uid, ev->uid, uidlen + 1);
	v->sequence = ev->sequence > 0 ? (unsigned)ev->sequence : 0;
	v->cancelled = ev->cancelled;
	v->raw = raw.p;
	v->rawlen = raw.len;
	v->content = content.p;
	v->contentlen = content.len;
	p->n++;
	return TT_OK;
}

static int
uid_compare(const void *a, const void *b)
{
	const struct ttp_prev_key *x = a, *y = b;

	return strcmp(x->uid, y->uid);
}

/* By UID, then by place in the file. */
static int
key_compare(const void *a, const void *b)
{
	const struct ttp_prev_key *x = a, *y = b;

	int c = strcmp(x->uid, y->uid);

	if (c != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Pairs the events libical found in ROOT with their bytes in TEXT and
 * adds them to P. */
static tt_status
read_calendar(tt_ics_previous *p, const char *text, size_t len,
	      icalcomponent *root, tt_error *err)
{
	struct parsed_set parsed = { NULL, 0, 0 };
	struct span_set spans = { NULL, 0, 0 };
	tt_status st = TT_OK;
	bool ok;

	if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT) {
		ok = collect_parsed(root, &parsed);
	} else {
		icalcomponent *cal;

		ok = true;
		for (cal = icalcomponent_get_first_component(root,
			ICAL_VCALENDAR_COMPONENT);
		     ok && cal != NULL;
		     cal = icalcomponent_get_next_component(root,
			ICAL_VCALENDAR_COMPONENT))
			ok = collect_parsed(cal, &parsed);
	}
	if (!ok || !collect_spans(text, len, &spans))
		st = ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	else if (parsed.n != spans.n)
		st = ttp_error_set(err, TT_ESYNTAX, 0, 0,
				   "cannot tell the events apart (%zu VEVENT "
				   "lines, %zu events)", spans.n, parsed.n);
	for (size_t i = 0; st == TT_OK && i < parsed.n; i++)
		st = add_event(p, &parsed.v[i], text, &spans.v[i], err);
	if (st == TT_OK && p->n > 0 &&
	    (p->by_uid = malloc(p->n * sizeof *p->by_uid)) == NULL)
		st = ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	if (st == TT_OK && p->n > 0) {
		size_t k = 0;

		for (size_t i = 0; i < p->n; i++)
			p->by_uid[i] = (struct ttp_prev_key){ p->v[i].uid, i };
		qsort(p->by_uid, p->n, sizeof *p->by_uid, key_compare);
		/* Of several events with one UID the first is kept. */
		for (size_t i = 0; i < p->n; i++) {
			if (k > 0 && strcmp(p->by_uid[k - 1].uid,
					    p->by_uid[i].uid) == 0) {
				p->v[p->by_uid[i].i].duplicate = true;
				continue;
			}
			p->by_uid[k++] = p->by_uid[i];
		}
		p->nkeys = k;
	}
	free(parsed.v);
	free(spans.v);
	return st;
}

size_t
ttp_ics_previous_find(const tt_ics_previous *p, const char *uid)
{
	struct ttp_prev_key key = { uid, 0 }, *k;

	if (p == NULL || p->nkeys == 0)
		return (size_t)-1;
	k = bsearch(&key, p->by_uid, p->nkeys, sizeof *k, uid_compare);
	return k != NULL ? k->i : (size_t)-1;
}

tt_status
tt_ics_previous_read(const char *text, size_t len, tt_ics_previous **out,
		     tt_error *err)
{
	tt_ics_previous *p;
	icalcomponent *root;
	icalcomponent_kind kind;
	const char *nul;
	char *copy;
	tt_status st;

	*out = NULL;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	if ((nul = memchr(text, '\0', len)) != NULL)
		return ttp_error_set(err, TT_ESYNTAX,
				     line_of(text, (size_t)(nul - text) + 1,
					     "") + 1, 0,
				     "not an iCalendar file: a NUL byte");
	if ((copy = malloc(len + 1)) == NULL)
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	memcpy(copy, text, len);
	copy[len] = '\0';
	root = icalparser_parse_string(copy);
	free(copy);
	kind = root != NULL ? icalcomponent_isa(root) : ICAL_NO_COMPONENT;
	if (kind == ICAL_XROOT_COMPONENT &&
	    icalcomponent_get_first_component(root,
					      ICAL_VCALENDAR_COMPONENT) == NULL)
		kind = ICAL_NO_COMPONENT;
	if (kind != ICAL_VCALENDAR_COMPONENT && kind != ICAL_XROOT_COMPONENT) {
		if (root != NULL)
			icalcomponent_free(root);
		return ttp_error_set(err, TT_ESYNTAX, 0, 0,
				     "not an iCalendar file");
	}
	if (icalcomponent_count_errors(root) > 0) {
		st = parse_error(text, len, root, err);
		icalcomponent_free(root);
		return st;
	}
	if ((p = calloc(1, sizeof *p)) == NULL) {
		icalcomponent_free(root);
		return ttp_error_set(err, TT_ENOMEM, 0, 0, "out of memory");
	}
	st = read_calendar(p, text, len, root, err);
	icalcomponent_free(root);
	if (st != TT_OK) {
		tt_ics_previous_free(p);
		return st;
	}
	*out = p;
	return TT_OK;
}

size_t
tt_ics_previous_count(const tt_ics_previous *p)
{
	return p != NULL ? p->nkeys : 0;
}

void
tt_ics_previous_free(tt_ics_previous *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->n; i++) {
		free(p->v[i].uid);
		free(p->v[i].raw);
		free(p->v[i].content);
	}
	free(p->v);
	free(p->by_uid);
	free(p);
}
