/*
 * milestone.c -- a milestone's label, derivation and rule, in words.
 *
 * The texts are built on demand from the anchor, offset and rule the
 * schedule stored, into the caller's buffer: a batch run that never shows
 * them never pays for them.  Like snprintf(), each function counts the
 * whole text even when the buffer holds only its start, so that a caller
 * can tell that it was cut short and how much room it needs.
 */
#include <config.h>

#include <string.h>

#include "internal.h"

/* A text being written into a caller's buffer. */
struct out {
	char *buf;
	size_t size;
	size_t len;		/* the whole text's length, even past SIZE */
};

static struct out
out_start(char *buf, size_t size)
{
	struct out o = { buf, size, 0 };

	if (size > 0)
		buf[0] = '\0';
	return o;
}

/* Appends S, copying what fits (the buffer stays NUL-terminated).  Batch
 * runs build millions of these texts, so strings are copied rather than
 * formatted. */
static void
put(struct out *o, const char *s)
{
	size_t len = strlen(s);

	if (o->len + 1 < o->size) {
		size_t room = o->size - 1 - o->len;
		size_t n = len < room ? len : room;

		memcpy(o->buf + o->len, s, n);
		o->buf[o->len + n] = '\0';
	}
	o->len += len;
}

/* Appends " N". */
static void
put_number(struct out *o, unsigned v)
{
	char tmp[16];
	size_t i = sizeof tmp;

	tmp[--i] = '\0';
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	tmp[--i] = ' ';
	put(o, tmp + i);
}

/* Appends the date D as YYYY-MM-DD. */
static void
put_date(struct out *o, tt_date d)
{
	char b[TT_DATE_BUFSIZE];

	put(o, tt_date_format(d, b));
}

/* The default label of each kind, in the order of tt_kind. */
static const char *const default_labels[] = {
	[TT_KIND_ENTRY_INTO_FORCE] = "Entry into force",
	[TT_KIND_CONSULTATION] = "Consultation",
	[TT_KIND_REVIEW] = "Review",
	[TT_KIND_CONFERENCE] = "Conference",
	[TT_KIND_WITHDRAWAL_NOTICE_OPENS] =
		"Withdrawal notice may be given from",
	[TT_KIND_WITHDRAWAL_EFFECTIVE] = "Earliest withdrawal takes effect",
	[TT_KIND_RENEWAL_NOTICE_DEADLINE] =
		"Last day to denounce before renewal",
	[TT_KIND_RENEWAL] = "Renewal",
	[TT_KIND_EXPIRY] = "Expiry (last day in force)",
	[TT_KIND_MILESTONE] = "Milestone",
	[TT_KIND_NOTICE] = "Notice received",
	[TT_KIND_NOTICE_REVOKED] = "Notice revoked",
	[TT_KIND_WITHDRAWAL_WINDOW_OPENS] = "Withdrawal window opens",
	[TT_KIND_WITHDRAWAL_WINDOW_CLOSES] =
		"Withdrawal window closes (last day for notice)"
};

size_t
tt_milestone_label(const tt_milestone *m, char *buf, size_t size)
{
	struct out o = out_start(buf, size);
	const char *base;

	base = m->label;
	if (base == NULL) {
		if ((unsigned)m->kind >= TTP_ARRAY_SIZE(default_labels))
			base = "?";
		else if (m->kind == TT_KIND_WITHDRAWAL_EFFECTIVE &&
			 (m->flags & TT_MS_AFTER_NOTICE))
			base = "Withdrawal takes effect";
		else if (m->kind == TT_KIND_EXPIRY &&
			 (m->flags & TT_MS_AFTER_NOTICE))
			base = "Expiry after denunciation (last day in force)";
		else
			base = default_labels[m->kind];
	}
	put(&o, base);
	if (m->flags & TT_MS_NUMBERED)
		put_number(&o, m->ordinal);
	else if (m->label == NULL && (m->kind == TT_KIND_CONFERENCE ||
				      m->kind == TT_KIND_MILESTONE) &&
		 m->series > 0)
		put_number(&o, m->series + 1);
	if (m->label == NULL && m->kind == TT_KIND_RENEWAL)
		put(&o, " begins");
	if (m->party != NULL) {
		put(&o, " (");
		put(&o, m->party);
		put(&o, ")");
	}
	return o.len;
}

/* What a counting rule does to the same-date result, in words. */
static const char *const counting_words[] = {
	[TT_COUNTING_SAME_DATE] = "",
	[TT_COUNTING_DAY_AFTER] = "the day after",
	[TT_COUNTING_FIRST_OF_NEXT_MONTH] = "the first day of the next month",
	[TT_COUNTING_END_OF_YEAR] = "31 December of that year"
};

/* Appends " + OFF" (WORDS) after an anchor, and " - 1 day" where the
 * period counts its first day or a window closes the day before. */
static void
put_offset(struct out *o, const tt_milestone *m, tt_duration off,
	   const char *words)
{
	if (tt_duration_is_zero(off))
		return;
	put(o, " + ");
	put(o, words);
	if (m->rule == TT_RULE_START_DAY_COUNTED ||
	    m->kind == TT_KIND_WITHDRAWAL_WINDOW_CLOSES)
		put(o, " - 1 day");
}

/* The steps after the same-date rule: the counting rule, the floor, a
 * date the notice named. */
static void
put_reckoning(struct out *o, const tt_milestone *m)
{
	if (m->counting != TT_COUNTING_SAME_DATE &&
	    (unsigned)m->counting < TTP_ARRAY_SIZE(counting_words)) {
		put(o, " = ");
		put_date(o, m->same_date);
		put(o, ", ");
		put(o, counting_words[m->counting]);
	}
	if (m->flags & TT_MS_FLOORED) {
		if (m->counting == TT_COUNTING_SAME_DATE) {
			put(o, " = ");
			put_date(o, m->same_date);
		}
		put(o, "; not before ");
		put_date(o, m->nominal);
	}
	if (m->flags & TT_MS_NAMED_DATE) {
		put(o, "; the notice names the later date ");
		put_date(o, m->nominal);
	}
}

size_t
tt_milestone_derivation(const tt_milestone *m, char *buf, size_t size)
{
	struct out o = out_start(buf, size);
	char words[TT_DURATION_BUFSIZE];
	tt_duration off = m->offset;

	off.sign = 1;
	tt_duration_format_words(off, words, sizeof words);
	switch (m->anchor) {
	case TT_ANCHOR_NONE:
		if (m->kind == TT_KIND_NOTICE ||
		    m->kind == TT_KIND_NOTICE_REVOKED) {
			put(&o, m->kind == TT_KIND_NOTICE ?
			    "notice received " : "notice revoked ");
			put_date(&o, m->date);
			break;
		}
		put(&o, m->kind == TT_KIND_ENTRY_INTO_FORCE ?
		    "entry into force" : "date");
		put(&o, " as given in the spec");
		break;
	case TT_ANCHOR_ENTRY_INTO_FORCE:
		put(&o, "entry into force ");
		put_date(&o, m->anchor_date);
		put_offset(&o, m, off, words);
		break;
	case TT_ANCHOR_NOTICE:
		put(&o, m->flags & TT_MS_AFTER_NOTICE ? "notice received " :
		    "notice received on the first day possible, ");
		put_date(&o, m->anchor_date);
		put(&o, " + ");
		put(&o, words);
		break;
	case TT_ANCHOR_EVENT:
	case TT_ANCHOR_DEPOSIT:
		put(&o, m->event_label != NULL ? m->event_label :
		    m->anchor == TT_ANCHOR_EVENT ? "event" : "deposit");
		put(&o, " ");
		put_date(&o, m->anchor_date);
		put_offset(&o, m, off, words);
		break;
	case TT_ANCHOR_PERIOD_END:
		put(&o, m->rule == TT_RULE_DAY_AFTER ?
		    "the day after the period ending " : "end of the period ");
		put_date(&o, m->anchor_date);
		if (m->rule != TT_RULE_DAY_AFTER) {
			put(&o, " - ");
			put(&o, words);
		}
		break;
	}
	put_reckoning(&o, m);
	if (m->flags & TT_MS_ROLLED) {
		put(&o, " = ");
		put_date(&o, m->nominal);
		put(&o, ", a ");
		put(&o, tt_weekday_name(tt_date_weekday(m->nominal)));
		put(&o, ", moved to ");
		put_date(&o, m->date);
	}
	return o.len;
}

/* The rule of a milestone reckoned by a rule other than the same date,
 * floored, or named by a notice; false for the others. */
static bool
put_counting(struct out *o, const tt_milestone *m)
{
	char words[TT_DURATION_BUFSIZE];
	tt_duration off = m->offset;

	off.sign = 1;
	tt_duration_format_words(off, words, sizeof words);
	if (m->flags & TT_MS_NAMED_DATE) {
		put(o, "a notice may name a later date for its effect");
		return true;
	}
	if (m->kind == TT_KIND_WITHDRAWAL_WINDOW_CLOSES) {
		put(o, "the last day of the window: the day before it has run "
		    "its length, by the same-date rule");
		return true;
	}
	switch (m->counting) {
	case TT_COUNTING_DAY_AFTER:
		put(o, "the day after the period of ");
		break;
	case TT_COUNTING_FIRST_OF_NEXT_MONTH:
		put(o, "first day of the month following the expiration of ");
		break;
	case TT_COUNTING_END_OF_YEAR:
		put(o, "31 December of the year in which the period of ");
		put(o, words);
		put(o, m->flags & TT_MS_FLOORED ? " ends, and never before "
		    "the clause's floor" : " ends");
		return true;
	default:
		if (!(m->flags & TT_MS_FLOORED))
			return false;
		put(o, "same date, and never before the clause's floor");
		return true;
	}
	put(o, words);
	put(o, m->flags & TT_MS_FLOORED ? " ends, and never before the "
	    "clause's floor" : m->counting == TT_COUNTING_DAY_AFTER ?
	    " ends" : "");
	return true;
}

size_t
tt_milestone_rule(const tt_milestone *m, char *buf, size_t size)
{
	struct out o = out_start(buf, size);

	if (put_counting(&o, m))
		goto kind;
	switch (m->rule) {
	case TT_RULE_GIVEN:
		put(&o, m->kind == TT_KIND_NOTICE ? "the day the depositary "
		    "received it" : m->kind == TT_KIND_NOTICE_REVOKED ?
		    "a notice may be revoked before it takes effect (VCLT "
		    "art. 68)" : "a date given, not computed");
		break;
	case TT_RULE_SAME_DATE:
		if (m->flags & TT_MS_CLAMPED)
			put(&o, "same date, and as the final month has no "
			    "such day, its last day; Reg. 1182/71 art. "
			    "3(2)(c) / ETS 076 art. 4(2)");
		else
			put(&o, "same date; Reg. 1182/71 art. 3(2)(c) / ETS "
			    "076 art. 4(1)");
		break;
	case TT_RULE_DAYS:
		if (tt_duration_is_zero(m->offset)) {
			put(&o, "no waiting period");
			break;
		}
		put(&o, "the day of the event not counted; Reg. 1182/71 art. "
		    "3(1), 3(2)(b) / ETS 076 art. 3");
		break;
	case TT_RULE_START_DAY_COUNTED:
		put(&o, "start day counted (inclusive convention): the day "
		    "before the same date");
		if (m->flags & TT_MS_CLAMPED)
			put(&o, ", itself clamped to the month's last day");
		break;
	case TT_RULE_BACKWARDS:
		put(&o, "counted backwards by the same-date rule");
		if (m->flags & TT_MS_CLAMPED)
			put(&o, " (clamped to the month's last day)");
		put(&o, "; not moved for weekends or holidays");
		break;
	case TT_RULE_DAY_AFTER:
		put(&o, "a renewed period begins the day after the previous "
		    "one ends");
		break;
	}
kind:
	if (m->kind == TT_KIND_WITHDRAWAL_EFFECTIVE ||
	    (m->kind == TT_KIND_EXPIRY && (m->flags & TT_MS_AFTER_NOTICE)))
		put(&o, "; a notice takes effect on receipt (VCLT art. 78); "
		    "not moved for weekends or holidays");
	else if (m->kind == TT_KIND_EXPIRY)
		put(&o, "; expiry is not moved for weekends or holidays");
	if (m->flags & TT_MS_ROLLED) {
		put(&o, "; a meeting on a rest day or holiday moves to the ");
		put(&o, tt_date_compare(m->date, m->nominal) > 0 ?
		    "following" : "preceding");
		put(&o, " working day (Reg. 1182/71 art. 3(4) / ETS 076 "
		    "art. 5)");
	}
	if (m->article != NULL) {
		put(&o, "; ");
		put(&o, m->article);
	}
	return o.len;
}

size_t
tt_milestone_condition(const tt_milestone *m, char *buf, size_t size)
{
	struct out o = out_start(buf, size);
	char words[TT_DURATION_BUFSIZE];
	tt_duration off = m->offset;

	if (!m->pending)
		return 0;
	off.sign = 1;
	if (tt_duration_is_zero(off)) {
		put(&o, "when: ");
	} else {
		tt_duration_format_words(off, words, sizeof words);
		put(&o, words);
		put(&o, m->rule == TT_RULE_START_DAY_COUNTED ?
		    " after, less a day: " : " after: ");
	}
	put(&o, m->event_label != NULL ? m->event_label : "an event");
	return o.len;
}

size_t
tt_milestone_readings(const tt_milestone *m, char *buf, size_t size)
{
	struct out o = out_start(buf, size);

	for (unsigned i = 0; i < m->nalternatives &&
	     i < TT_MILESTONE_MAX_ALTERNATIVES; i++) {
		const char *name = tt_counting_name(m->alternatives[i].rule);

		put(&o, i == 0 ? "or " : ", or ");
		put_date(&o, m->alternatives[i].date);
		put(&o, " under the ");
		put(&o, name != NULL ? name : "?");
		put(&o, " reading");
	}
	return o.len;
}

size_t
tt_milestone_basis(const tt_milestone *m, char *buf, size_t size)
{
	char rule[TT_TEXT_BUFSIZE];
	struct out o;

	o.buf = buf;
	o.size = size;
	o.len = tt_milestone_derivation(m, buf, size);
	put(&o, " (");
	tt_milestone_rule(m, rule, sizeof rule);
	put(&o, rule);
	put(&o, ")");
	return o.len;
}
