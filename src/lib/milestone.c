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

/* Ends the text with its NUL (the pieces are appended without one) and
 * returns its whole length. */
static size_t
out_end(struct out *o)
{
	if (o->size > 0)
		o->buf[o->len < o->size ? o->len : o->size - 1] = '\0';
	return o->len;
}

/*
 * Appends the N bytes at S, copying what fits.  Batch runs build millions
 * of these texts from a dozen pieces each, so every piece comes with its
 * length: a literal's from sizeof (put_lit), a table's from the table,
 * only a caller's own text from strlen() (put_str), and nothing is
 * formatted.  A cut text ends wherever the room ends, inside a piece.
 */
static void
put_cut(struct out *o, const char *s, size_t n)
{
	if (o->len < o->size) {
		size_t room = o->size - 1 - o->len;

		memcpy(o->buf + o->len, s, n < room ? n : room);
	}
	o->len += n;
}

/* (The whole piece copied where it fits, so that the copy of a literal,
 * of a length known here, is a few moves rather than a call.) */
static inline void
put(struct out *o, const char *s, size_t n)
{
	if (o->len < o->size && n < o->size - o->len) {
		memcpy(o->buf + o->len, s, n);
		o->len += n;
	} else {
		put_cut(o, s, n);
	}
}

/* Appends the string literal LIT (the "" makes anything else an error). */
#define put_lit(o, lit) put((o), "" lit, sizeof(lit) - 1)

static inline void
put_str(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

/* A string with its length, for the tables of fixed words. */
struct word {
	const char *s;
	size_t len;
};

#define WORD(lit) { "" lit, sizeof(lit) - 1 }

static inline void
put_word(struct out *o, const struct word *w)
{
	put(o, w->s, w->len);
}

/* Appends " N". */
static void
put_number(struct out *o, unsigned v)
{
	char tmp[16];
	size_t i = sizeof tmp;

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	tmp[--i] = ' ';
	put(o, tmp + i, sizeof tmp - i);
}

/* Appends the date D as YYYY-MM-DD, straight into the buffer when it
 * fits (tt_date_format() writes its NUL too, which the next piece or
 * out_end() overwrites). */
static void
put_date(struct out *o, tt_date d)
{
	char b[TT_DATE_BUFSIZE];

	if (o->len < o->size && o->size - o->len >= TT_DATE_BUFSIZE) {
		tt_date_format(d, o->buf + o->len);
		o->len += TT_DATE_BUFSIZE - 1;
		return;
	}
	put(o, tt_date_format(d, b), TT_DATE_BUFSIZE - 1);
}

/* A milestone's offset in words ("5 years"), made the first time a text
 * needs it: most rules never do. */
struct words {
	const tt_milestone *m;
	size_t len;		/* 0 until made: no duration is "" */
	char s[TT_DURATION_BUFSIZE];
};

static void
put_words(struct out *o, struct words *w)
{
	if (w->len == 0) {
		tt_duration off = w->m->offset;

		off.sign = 1;
		w->len = tt_duration_format_words(off, w->s, sizeof w->s);
		if (w->len >= sizeof w->s)	/* cut at a component */
			w->len = strlen(w->s);
	}
	put(o, w->s, w->len);
}

/* The default label of each kind, in the order of tt_kind. */
static const struct word default_labels[] = {
	[TT_KIND_ENTRY_INTO_FORCE] = WORD("Entry into force"),
	[TT_KIND_CONSULTATION] = WORD("Consultation"),
	[TT_KIND_REVIEW] = WORD("Review"),
	[TT_KIND_CONFERENCE] = WORD("Conference"),
	[TT_KIND_WITHDRAWAL_NOTICE_OPENS] =
		WORD("Withdrawal notice may be given from"),
	[TT_KIND_WITHDRAWAL_EFFECTIVE] =
		WORD("Earliest withdrawal takes effect"),
	[TT_KIND_RENEWAL_NOTICE_DEADLINE] =
		WORD("Last day to denounce before renewal"),
	[TT_KIND_RENEWAL] = WORD("Renewal"),
	[TT_KIND_EXPIRY] = WORD("Expiry (last day in force)"),
	[TT_KIND_MILESTONE] = WORD("Milestone"),
	[TT_KIND_NOTICE] = WORD("Notice received"),
	[TT_KIND_NOTICE_REVOKED] = WORD("Notice revoked"),
	[TT_KIND_WITHDRAWAL_WINDOW_OPENS] = WORD("Withdrawal window opens"),
	[TT_KIND_WITHDRAWAL_WINDOW_CLOSES] =
		WORD("Withdrawal window closes (last day for notice)")
};

size_t
tt_milestone_label(const tt_milestone *m, char *buf, size_t size)
{
	struct out o = out_start(buf, size);

	if (m->label != NULL)
		put_str(&o, m->label);
	else if ((unsigned)m->kind >= TTP_ARRAY_SIZE(default_labels))
		put_lit(&o, "?");
	else if (m->kind == TT_KIND_WITHDRAWAL_EFFECTIVE &&
		 (m->flags & TT_MS_AFTER_NOTICE))
		put_lit(&o, "Withdrawal takes effect");
	else if (m->kind == TT_KIND_EXPIRY && (m->flags & TT_MS_AFTER_NOTICE))
		put_lit(&o, "Expiry after denunciation (last day in force)");
	else
		put_word(&o, &default_labels[m->kind]);
	if (m->flags & TT_MS_NUMBERED)
		put_number(&o, m->ordinal);
	else if (m->label == NULL && (m->kind == TT_KIND_CONFERENCE ||
				      m->kind == TT_KIND_MILESTONE) &&
		 m->series > 0)
		put_number(&o, m->series + 1);
	if (m->label == NULL && m->kind == TT_KIND_RENEWAL)
		put_lit(&o, " begins");
	if (m->party != NULL) {
		put_lit(&o, " (");
		put_str(&o, m->party);
		put_lit(&o, ")");
	}
	return out_end(&o);
}

/* What a counting rule does to the same-date result, in words. */
static const struct word counting_words[] = {
	[TT_COUNTING_SAME_DATE] = WORD(""),
	[TT_COUNTING_DAY_AFTER] = WORD("the day after"),
	[TT_COUNTING_FIRST_OF_NEXT_MONTH] =
		WORD("the first day of the next month"),
	[TT_COUNTING_END_OF_YEAR] = WORD("31 December of that year")
};

/* Appends " + OFF" (in words) after an anchor, and " - 1 day" where the
 * period counts its first day or a window closes the day before. */
static void
put_offset(struct out *o, const tt_milestone *m, struct words *words)
{
	if (tt_duration_is_zero(m->offset))
		return;
	put_lit(o, " + ");
	put_words(o, words);
	if (m->rule == TT_RULE_START_DAY_COUNTED ||
	    m->kind == TT_KIND_WITHDRAWAL_WINDOW_CLOSES)
		put_lit(o, " - 1 day");
}

/* The steps after the same-date rule: the counting rule, the floor, a
 * date the notice named. */
static void
put_reckoning(struct out *o, const tt_milestone *m)
{
	if (m->counting != TT_COUNTING_SAME_DATE &&
	    (unsigned)m->counting < TTP_ARRAY_SIZE(counting_words)) {
		put_lit(o, " = ");
		put_date(o, m->same_date);
		put_lit(o, ", ");
		put_word(o, &counting_words[m->counting]);
	}
	if (m->flags & TT_MS_FLOORED) {
		if (m->counting == TT_COUNTING_SAME_DATE) {
			put_lit(o, " = ");
			put_date(o, m->same_date);
		}
		put_lit(o, "; not before ");
		put_date(o, m->nominal);
	}
	if (m->flags & TT_MS_NAMED_DATE) {
		put_lit(o, "; the notice names the later date ");
		put_date(o, m->nominal);
	}
}

/* The derivation into O, without its end (tt_milestone_basis() goes on
 * from there). */
static void
put_derivation(struct out *o, const tt_milestone *m, struct words *words)
{
	switch (m->anchor) {
	case TT_ANCHOR_NONE:
		if (m->kind == TT_KIND_NOTICE) {
			put_lit(o, "notice received ");
			put_date(o, m->date);
			break;
		}
		if (m->kind == TT_KIND_NOTICE_REVOKED) {
			put_lit(o, "notice revoked ");
			put_date(o, m->date);
			break;
		}
		if (m->kind == TT_KIND_ENTRY_INTO_FORCE)
			put_lit(o, "entry into force as given in the spec");
		else
			put_lit(o, "date as given in the spec");
		break;
	case TT_ANCHOR_ENTRY_INTO_FORCE:
		put_lit(o, "entry into force ");
		put_date(o, m->anchor_date);
		put_offset(o, m, words);
		break;
	case TT_ANCHOR_NOTICE:
		if (m->flags & TT_MS_AFTER_NOTICE)
			put_lit(o, "notice received ");
		else
			put_lit(o, "notice received on the first day "
				"possible, ");
		put_date(o, m->anchor_date);
		put_lit(o, " + ");
		put_words(o, words);
		break;
	case TT_ANCHOR_EVENT:
	case TT_ANCHOR_DEPOSIT:
		if (m->event_label != NULL)
			put_str(o, m->event_label);
		else if (m->anchor == TT_ANCHOR_EVENT)
			put_lit(o, "event");
		else
			put_lit(o, "deposit");
		put_lit(o, " ");
		put_date(o, m->anchor_date);
		put_offset(o, m, words);
		break;
	case TT_ANCHOR_PERIOD_END:
		if (m->rule == TT_RULE_DAY_AFTER) {
			put_lit(o, "the day after the period ending ");
			put_date(o, m->anchor_date);
		} else {
			put_lit(o, "end of the period ");
			put_date(o, m->anchor_date);
			put_lit(o, " - ");
			put_words(o, words);
		}
		break;
	}
	put_reckoning(o, m);
	if (m->flags & TT_MS_ROLLED) {
		put_lit(o, " = ");
		put_date(o, m->nominal);
		put_lit(o, ", a ");
		put_str(o, tt_weekday_name(tt_date_weekday(m->nominal)));
		put_lit(o, ", moved to ");
		put_date(o, m->date);
	}
}

size_t
tt_milestone_derivation(const tt_milestone *m, char *buf, size_t size)
{
	struct out o = out_start(buf, size);
	struct words words = { .m = m };

	put_derivation(&o, m, &words);
	return out_end(&o);
}

/* The rule of a milestone reckoned by a rule other than the same date,
 * floored, or named by a notice; false for the others. */
static bool
put_counting(struct out *o, const tt_milestone *m, struct words *words)
{
	if (m->flags & TT_MS_NAMED_DATE) {
		put_lit(o, "a notice may name a later date for its effect");
		return true;
	}
	if (m->kind == TT_KIND_WITHDRAWAL_WINDOW_CLOSES) {
		put_lit(o, "the last day of the window: the day before it has "
			"run its length, by the same-date rule");
		return true;
	}
	switch (m->counting) {
	case TT_COUNTING_DAY_AFTER:
		put_lit(o, "the day after the period of ");
		break;
	case TT_COUNTING_FIRST_OF_NEXT_MONTH:
		put_lit(o, "first day of the month following the expiration "
			"of ");
		break;
	case TT_COUNTING_END_OF_YEAR:
		put_lit(o, "31 December of the year in which the period of ");
		put_words(o, words);
		if (m->flags & TT_MS_FLOORED)
			put_lit(o, " ends, and never before the clause's "
				"floor");
		else
			put_lit(o, " ends");
		return true;
	default:
		if (!(m->flags & TT_MS_FLOORED))
			return false;
		put_lit(o, "same date, and never before the clause's floor");
		return true;
	}
	put_words(o, words);
	if (m->flags & TT_MS_FLOORED)
		put_lit(o, " ends, and never before the clause's floor");
	else if (m->counting == TT_COUNTING_DAY_AFTER)
		put_lit(o, " ends");
	return true;
}

/* The rule into O, without its end. */
static void
put_rule(struct out *o, const tt_milestone *m, struct words *words)
{
	if (put_counting(o, m, words))
		goto kind;
	switch (m->rule) {
	case TT_RULE_GIVEN:
		if (m->kind == TT_KIND_NOTICE)
			put_lit(o, "the day the depositary received it");
		else if (m->kind == TT_KIND_NOTICE_REVOKED)
			put_lit(o, "a notice may be revoked before it takes "
				"effect (VCLT art. 68)");
		else
			put_lit(o, "a date given, not computed");
		break;
	case TT_RULE_SAME_DATE:
		if (m->flags & TT_MS_CLAMPED)
			put_lit(o, "same date, and as the final month has no "
				"such day, its last day; Reg. 1182/71 art. "
				"3(2)(c) / ETS 076 art. 4(2)");
		else
			put_lit(o, "same date; Reg. 1182/71 art. 3(2)(c) / "
				"ETS 076 art. 4(1)");
		break;
	case TT_RULE_DAYS:
		if (tt_duration_is_zero(m->offset)) {
			put_lit(o, "no waiting period");
			break;
		}
		put_lit(o, "the day of the event not counted; Reg. 1182/71 "
			"art. 3(1), 3(2)(b) / ETS 076 art. 3");
		break;
	case TT_RULE_START_DAY_COUNTED:
		put_lit(o, "start day counted (inclusive convention): the day "
			"before the same date");
		if (m->flags & TT_MS_CLAMPED)
			put_lit(o, ", itself clamped to the month's last day");
		break;
	case TT_RULE_BACKWARDS:
		put_lit(o, "counted backwards by the same-date rule");
		if (m->flags & TT_MS_CLAMPED)
			put_lit(o, " (clamped to the month's last day)");
		put_lit(o, "; not moved for weekends or holidays");
		break;
	case TT_RULE_DAY_AFTER:
		put_lit(o, "a renewed period begins the day after the previous "
			"one ends");
		break;
	}
kind:
	if (m->kind == TT_KIND_WITHDRAWAL_EFFECTIVE ||
	    (m->kind == TT_KIND_EXPIRY && (m->flags & TT_MS_AFTER_NOTICE)))
		put_lit(o, "; a notice takes effect on receipt (VCLT art. 78); "
			"not moved for weekends or holidays");
	else if (m->kind == TT_KIND_EXPIRY)
		put_lit(o, "; expiry is not moved for weekends or holidays");
	if (m->flags & TT_MS_ROLLED) {
		put_lit(o, "; a meeting on a rest day or holiday moves to the ");
		if (tt_date_compare(m->date, m->nominal) > 0)
			put_lit(o, "following");
		else
			put_lit(o, "preceding");
		put_lit(o, " working day (Reg. 1182/71 art. 3(4) / ETS 076 "
			"art. 5)");
	}
	if (m->article != NULL) {
		put_lit(o, "; ");
		put_str(o, m->article);
	}
}

size_t
tt_milestone_rule(const tt_milestone *m, char *buf, size_t size)
{
	struct out o = out_start(buf, size);
	struct words words = { .m = m };

	put_rule(&o, m, &words);
	return out_end(&o);
}

size_t
tt_milestone_condition(const tt_milestone *m, char *buf, size_t size)
{
	struct out o = out_start(buf, size);
	struct words words = { .m = m };

	if (!m->pending)
		return 0;
	if (tt_duration_is_zero(m->offset)) {
		put_lit(&o, "when: ");
	} else {
		put_words(&o, &words);
		if (m->rule == TT_RULE_START_DAY_COUNTED)
			put_lit(&o, " after, less a day: ");
		else
			put_lit(&o, " after: ");
	}
	if (m->event_label != NULL)
		put_str(&o, m->event_label);
	else
		put_lit(&o, "an event");
	return out_end(&o);
}

size_t
tt_milestone_readings(const tt_milestone *m, char *buf, size_t size)
{
	struct out o = out_start(buf, size);

	for (unsigned i = 0; i < m->nalternatives &&
	     i < TT_MILESTONE_MAX_ALTERNATIVES; i++) {
		const char *name = tt_counting_name(m->alternatives[i].rule);

		if (i == 0)
			put_lit(&o, "or ");
		else
			put_lit(&o, ", or ");
		put_date(&o, m->alternatives[i].date);
		put_lit(&o, " under the ");
		put_str(&o, name != NULL ? name : "?");
		put_lit(&o, " reading");
	}
	return out_end(&o);
}

/*
 * The derivation and, in brackets, the rule, written into the buffer one
 * after the other.  The rule is written where it goes rather than copied
 * there, but as when it came through a TT_TEXT_BUFSIZE buffer: at most
 * TT_TEXT_BUFSIZE - 1 bytes of it are counted and written, so that texts
 * and lengths stay what they were.
 */
size_t
tt_milestone_basis(const tt_milestone *m, char *buf, size_t size)
{
	struct out o = out_start(buf, size);
	struct words words = { .m = m };	/* shared by the two */
	struct out rule;

	put_derivation(&o, m, &words);
	put_lit(&o, " (");
	rule.buf = o.len < o.size ? o.buf + o.len : o.buf;
	rule.size = o.len < o.size ? o.size - o.len : 0;
	if (rule.size > TT_TEXT_BUFSIZE)
		rule.size = TT_TEXT_BUFSIZE;
	rule.len = 0;
	put_rule(&rule, m, &words);
	o.len += rule.len < TT_TEXT_BUFSIZE ? rule.len : TT_TEXT_BUFSIZE - 1;
	put_lit(&o, ")");
	return out_end(&o);
}
