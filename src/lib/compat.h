/*
 * compat.h -- names from before the interface change of issue 10, for the
 * callers that still use them.  Not installed; delete it when nothing
 * needs it.
 *
 * The text formatters (tt_milestone_label() and the others below) now
 * return the length the whole text needs, as snprintf() does.  The program
 * (the files in src/, which get this header with -include from Makefile.am
 * and fuzz/run) and src/lib/ics.c (through internal.h) still use their
 * result as the buffer; here each name maps to a wrapper that returns the
 * buffer as before.  TT_KIND_COUNT, gone from the public header, is kept
 * here for src/out-chart.c, which sizes its tables by it.  Once those call
 * sites are converted: remove this file, its -include lines and its
 * #include in internal.h, and the #undef lines in milestone.c and date.c.
 */
#ifndef TREATYTERM_COMPAT_H
#define TREATYTERM_COMPAT_H

#include <stddef.h>

#include <treatyterm/treatyterm.h>

#define TT_KIND_COUNT (TT_KIND_MILESTONE + 1)

static inline char *
ttp_compat_milestone_label(const tt_milestone *m, char *buf, size_t size)
{
	tt_milestone_label(m, buf, size);
	return buf;
}

static inline char *
ttp_compat_milestone_derivation(const tt_milestone *m, char *buf,
				size_t size)
{
	tt_milestone_derivation(m, buf, size);
	return buf;
}

static inline char *
ttp_compat_milestone_rule(const tt_milestone *m, char *buf, size_t size)
{
	tt_milestone_rule(m, buf, size);
	return buf;
}

static inline char *
ttp_compat_milestone_basis(const tt_milestone *m, char *buf, size_t size)
{
	tt_milestone_basis(m, buf, size);
	return buf;
}

static inline char *
ttp_compat_duration_format_iso(tt_duration dur, char *buf, size_t size)
{
	tt_duration_format_iso(dur, buf, size);
	return buf;
}

static inline char *
ttp_compat_duration_format_words(tt_duration dur, char *buf, size_t size)
{
	tt_duration_format_words(dur, buf, size);
	return buf;
}

#define tt_milestone_label ttp_compat_milestone_label
#define tt_milestone_derivation ttp_compat_milestone_derivation
#define tt_milestone_rule ttp_compat_milestone_rule
#define tt_milestone_basis ttp_compat_milestone_basis
#define tt_duration_format_iso ttp_compat_duration_format_iso
#define tt_duration_format_words ttp_compat_duration_format_words

#endif /* TREATYTERM_COMPAT_H */
