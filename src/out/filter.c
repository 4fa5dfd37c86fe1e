/*
 * filter.c -- the window and the kinds an output shows (see filter.h).
 *
 * "today+90d" is today's date plus a duration by the same-date rule, the
 * rule of every other date the program computes, so "today+1m" on
 * 2027-01-31 is 2027-02-28.  Nothing here prints or reads the clock, so
 * that the unit tests can link it alone; the options are read in
 * filter-options.c.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "out/filter.h"

static tt_status fail(tt_error *e, tt_status code, unsigned column,
		      const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 4, 5)))
#endif
	;

/* Fills E (which may be NULL) and returns CODE. */
static tt_status
fail(tt_error *e, tt_status code, unsigned column, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return code;
	memset(e, 0, sizeof *e);
	e->code = code;
	e->column = column;
	va_start(ap, fmt);
	vsnprintf(e->message, sizeof e->message, fmt, ap);
	va_end(ap);
	return code;
}

tt_status
filter_parse_date(const char *s, tt_date today, tt_date *out, tt_error *e)
{
	tt_duration d;
	tt_error de;

	if (strncmp(s, "today", 5) != 0)
		return tt_date_parse(s, out, e);
	if (s[5] == '\0') {
		*out = today;
		return TT_OK;
	}
	/* An offset must say its direction: "today90d" is a typo. */
	if (s[5] != '+' && s[5] != '-')
		return fail(e, TT_ESYNTAX, 6, "expected '+' or '-' and a "
			    "duration after 'today'");
	if (tt_duration_parse(s + 5, &d, &de) != TT_OK)
		return fail(e, TT_ESYNTAX, 6 + (de.column ? de.column - 1 : 0),
			    "%s", de.message);
	if (tt_date_add(today, d, out, NULL, &de) != TT_OK)
		return fail(e, TT_ERANGE, 0, "%s", de.message);
	return TT_OK;
}

bool
filter_parse_kinds(const char *s, unsigned *mask, const char **bad,
		   size_t *badlen)
{
	const char *p = s;

	for (;;) {
		size_t n = strcspn(p, ",");
		int k;

		for (k = 0; tt_kind_is_valid((tt_kind)k); k++)
			if (n > 0 && strlen(tt_kind_name((tt_kind)k)) == n &&
			    strncmp(tt_kind_name((tt_kind)k), p, n) == 0)
				break;
		if (!tt_kind_is_valid((tt_kind)k)) {
			*bad = p;
			*badlen = n;
			return false;
		}
		*mask |= 1u << k;
		if (p[n] == '\0')
			return true;
		p += n + 1;
	}
}

void
filter_kind_list(char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int k = 0; tt_kind_is_valid((tt_kind)k) && n < size; k++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s",
				      k == 0 ? "" : ", ",
				      tt_kind_name((tt_kind)k));
}

bool
filter_keep(const struct filter *f, const tt_milestone *m)
{
	if (f == NULL)
		return true;
	if (f->kinds != 0 && !(f->kinds & (1u << m->kind)))
		return false;
	if (m->pending)
		return !f->has_from && !f->has_until;
	if (f->has_from && tt_date_compare(m->date, f->from) < 0)
		return false;
	if (f->has_until && tt_date_compare(m->date, f->until) > 0)
		return false;
	return true;
}

bool
filter_is_empty(const struct filter *f)
{
	return f == NULL || (!f->has_from && !f->has_until && f->kinds == 0);
}
