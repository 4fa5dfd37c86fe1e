/*
 * milestone.c -- a milestone's label, derivation and rule, in words.
 *
 * The texts are built on demand from the anchor, offset and rule the
 * schedule stored, into the caller's buffer: a batch run that never shows
 * them never pays for them.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Appends S to BUF (SIZE bytes, *N used), truncating, never overrunning.
 * Batch runs build millions of these texts, so plain strings are copied
 * rather than formatted. */
static void
append_str(char *buf, size_t size, size_t *n, const char *s)
{
	size_t len = strlen(s);

	if (*n + 1 >= size)
		return;
	if (len > size - 1 - *n)
		len = size - 1 - *n;
	memcpy(buf + *n, s, len);
	*n += len;
	buf[*n] = '\0';
}

/* Appends " N" for a small positive N. */
static void
append_number(char *buf, size_t size, size_t *n, unsigned v)
{
	char tmp[16];
	size_t i = sizeof tmp;

	tmp[--i] = '\0';
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	tmp[--i] = ' ';
	append_str(buf, size, n, tmp + i);
}

/* Appends formatted text to BUF, like append_str(). */
static void TTP_PRINTF(4, 5)
append(char *buf, size_t size, size_t *n, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (*n >= size)
		return;
	va_start(ap, fmt);
	k = vsnprintf(buf + *n, size - *n, fmt, ap);
	va_end(ap);
	if (k < 0)
		return;
	*n = (size_t)k >= size - *n ? size - 1 : *n + (size_t)k;
}

char *
tt_milestone_label(const tt_milestone *m, char *buf, size_t size)
{
	static const char *const defaults[TT_KIND_COUNT] = {
		"Entry into force",
		"Consultation",
		"Review",
		"Conference",
		"Withdrawal notice may be given from",
		"Earliest withdrawal takes effect",
		"Last day to denounce before renewal",
		"Renewal",
		"Expiry (last day in force)",
		"Milestone"
	};
	const char *base;
	size_t n = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	base = m->label;
	if (base == NULL) {
		if ((unsigned)m->kind >= TT_KIND_COUNT)
			base = "?";
		else if (m->kind == TT_KIND_WITHDRAWAL_EFFECTIVE &&
			 (m->flags & TT_MS_AFTER_NOTICE))
			base = "Withdrawal takes effect";
		else if (m->kind == TT_KIND_EXPIRY &&
			 (m->flags & TT_MS_AFTER_NOTICE))
			base = "Expiry after denunciation (last day in force)";
		else
			base = defaults[m->kind];
	}
	append_str(buf, size, &n, base);
	if (m->flags & TT_MS_NUMBERED)
		append_number(buf, size, &n, m->ordinal);
	else if (m->label == NULL && (m->kind == TT_KIND_CONFERENCE ||
				      m->kind == TT_KIND_MILESTONE) &&
		 m->series > 0)
		append_number(buf, size, &n, m->series + 1);
	if (m->label == NULL && m->kind == TT_KIND_RENEWAL)
		append_str(buf, size, &n, " begins");
	return buf;
}

char *
tt_milestone_derivation(const tt_milestone *m, char *buf, size_t size)
{
	char a[TT_DATE_BUFSIZE], d[TT_DATE_BUFSIZE];
	char words[TT_DURATION_BUFSIZE];
	tt_duration off = m->offset;
	size_t n = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	tt_date_format(m->anchor_date, a);
	off.sign = 1;
	tt_duration_format_words(off, words, sizeof words);
	switch (m->anchor) {
	case TT_ANCHOR_NONE:
		append_str(buf, size, &n, m->kind == TT_KIND_ENTRY_INTO_FORCE ?
			   "entry into force" : "date");
		append_str(buf, size, &n, " as given in the spec");
		break;
	case TT_ANCHOR_ENTRY_INTO_FORCE:
		if (tt_duration_is_zero(off)) {
			append_str(buf, size, &n, "entry into force ");
			append_str(buf, size, &n, a);
			break;
		}
		append_str(buf, size, &n, "entry into force ");
		append_str(buf, size, &n, a);
		append_str(buf, size, &n, " + ");
		append_str(buf, size, &n, words);
		if (m->rule == TT_RULE_START_DAY_COUNTED)
			append_str(buf, size, &n, " - 1 day");
		break;
	case TT_ANCHOR_NOTICE:
		append_str(buf, size, &n, m->flags & TT_MS_AFTER_NOTICE ?
			   "notice received " : "notice received on the "
			   "first day possible, ");
		append_str(buf, size, &n, a);
		append_str(buf, size, &n, " + ");
		append_str(buf, size, &n, words);
		break;
	case TT_ANCHOR_PERIOD_END:
		if (m->rule == TT_RULE_DAY_AFTER) {
			append_str(buf, size, &n, "the day after the period "
				   "ending ");
			append_str(buf, size, &n, a);
		} else {
			append_str(buf, size, &n, "end of the period ");
			append_str(buf, size, &n, a);
			append_str(buf, size, &n, " - ");
			append_str(buf, size, &n, words);
		}
		break;
	}
	if (m->flags & TT_MS_ROLLED)
		append(buf, size, &n, " = %s, a %s, moved to %s", 
		       tt_date_format(m->nominal, d),
		       tt_weekday_name(tt_date_weekday(m->nominal)),
		       tt_date_format(m->date, a));
	return buf;
}

char *
tt_milestone_rule(const tt_milestone *m, char *buf, size_t size)
{
	size_t n = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	switch (m->rule) {
	case TT_RULE_GIVEN:
		append_str(buf, size, &n, "a date given, not computed");
		break;
	case TT_RULE_SAME_DATE:
		if (m->flags & TT_MS_CLAMPED)
			append_str(buf, size, &n, "same date, and as the final "
			       "month has no such day, its last day; Reg. "
			       "1182/71 art. 3(2)(c) / ETS 076 art. 4(2)");
		else
			append_str(buf, size, &n, "same date; Reg. 1182/71 art. "
			       "3(2)(c) / ETS 076 art. 4(1)");
		break;
	case TT_RULE_DAYS:
		if (tt_duration_is_zero(m->offset)) {
			append_str(buf, size, &n, "no waiting period");
			break;
		}
		append_str(buf, size, &n, "the day of the event not counted; "
		       "Reg. 1182/71 art. 3(1), 3(2)(b) / ETS 076 art. 3");
		break;
	case TT_RULE_START_DAY_COUNTED:
		append_str(buf, size, &n, "start day counted (inclusive "
			   "convention): the day before the same date");
		if (m->flags & TT_MS_CLAMPED)
			append_str(buf, size, &n, ", itself clamped to the "
				   "month's last day");
		break;
	case TT_RULE_BACKWARDS:
		append_str(buf, size, &n, "counted backwards by the same-date "
			   "rule");
		if (m->flags & TT_MS_CLAMPED)
			append_str(buf, size, &n, " (clamped to the month's "
				   "last day)");
		append_str(buf, size, &n, "; not moved for weekends or "
			   "holidays");
		break;
	case TT_RULE_DAY_AFTER:
		append_str(buf, size, &n, "a renewed period begins the day after "
		       "the previous one ends");
		break;
	}
	if (m->kind == TT_KIND_WITHDRAWAL_EFFECTIVE ||
	    (m->kind == TT_KIND_EXPIRY && (m->flags & TT_MS_AFTER_NOTICE)))
		append_str(buf, size, &n, "; a notice takes effect on receipt "
		       "(VCLT art. 78); not moved for weekends or holidays");
	else if (m->kind == TT_KIND_EXPIRY)
		append_str(buf, size, &n, "; expiry is not moved for weekends "
		       "or holidays");
	if (m->flags & TT_MS_ROLLED)
		append(buf, size, &n, "; a meeting on a rest day or holiday "
		       "moves to the %s working day (Reg. 1182/71 art. 3(4) "
		       "/ ETS 076 art. 5)",
		       tt_date_compare(m->date, m->nominal) > 0 ? "following" :
		       "preceding");
	return buf;
}

char *
tt_milestone_basis(const tt_milestone *m, char *buf, size_t size)
{
	char rule[TT_TEXT_BUFSIZE];
	size_t n;

	tt_milestone_derivation(m, buf, size);
	n = strlen(buf);
	append_str(buf, size, &n, " (");
	append_str(buf, size, &n, tt_milestone_rule(m, rule, sizeof rule));
	append_str(buf, size, &n, ")");
	return buf;
}
