/*
 * compare.h -- what "treatyterm compare" says about several proposals:
 * the figures of each one, the dates of all of them merged into one
 * timeline, and how each differs from the first.
 *
 * Everything here is computed from schedules that are already there; no
 * output library is involved, so the table, JSON, CSV and the chart all
 * show the same figures.  The schedules stay the caller's and must outlive
 * the comparison.
 */
#ifndef TREATYTERM_COMPARE_H
#define TREATYTERM_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <treatyterm/treatyterm.h>

/* Room for the text of one difference, or of a reason. */
#define COMPARE_TEXT_SIZE 192
/* The most differences one proposal can have from the first. */
#define COMPARE_MAX_DIFFS 12

/* What makes the first possible end possible. */
enum compare_end {
	COMPARE_END_NONE = 0,	/* nothing: indefinite, no way out */
	COMPARE_END_MEETING,	/* a consultation, review or conference */
	COMPARE_END_WITHDRAWAL,	/* the earliest withdrawal takes effect */
	COMPARE_END_NOT_RENEWED,	/* the term ends if denounced in time */
	COMPARE_END_EXPIRY	/* the term simply runs out */
};

struct compare_diff {
	const char *field;	/* "expiry", "consultations", ... */
	char text[COMPARE_TEXT_SIZE];	/* "expiry 25 years later (...)" */
};

/* One proposal and its figures. */
struct compare_proposal {
	const tt_schedule *s;
	const char *title;	/* the name, else the id */
	/* Set by the caller: the proposal never entered into force, and its
	 * entry into force is assumed (the presets of the 1946 drafts). */
	bool hypothetical;
	tt_date eif;
	bool has_term;
	tt_duration term;
	bool has_expiry;
	tt_date expiry;		/* the last day in force, or the day a
				 * withdrawal takes effect and ends it: */
	bool withdrawn;		/* then this is true, and */
	tt_date last_day;	/* this the day before; else the expiry */
	tt_duration in_force;	/* entry into force to expiry */
	int32_t days_in_force;	/* the same in days */
	unsigned consultations, reviews, conferences;
	/* The first date on which the treaty could end: the earliest of
	 * its first meeting (consultation, review or conference), its
	 * earliest withdrawal, the end of its initial term when that can be
	 * denounced, and its expiry. */
	enum compare_end end_by;
	tt_date first_end;
	/* Where the readings of its clause differ: FIRST_END is the
	 * earliest of them, and this the latest; else FIRST_END. */
	tt_date first_end_latest;
	const tt_milestone *end_milestone;	/* behind FIRST_END, if any */
	char end_label[COMPARE_TEXT_SIZE];	/* "Consultation 1", ... */
	/* Notice dates; NULL when the proposal has none. */
	const tt_milestone *renewal_deadline;	/* the first */
	const tt_milestone *withdrawal_opens;
	const tt_milestone *withdrawal_effective;	/* the earliest */
	/* How it differs from the first proposal (none for the first). */
	struct compare_diff diffs[COMPARE_MAX_DIFFS];
	size_t ndiffs;
};

/* One milestone of one proposal in the merged timeline. */
struct compare_entry {
	size_t proposal;	/* index into the proposals */
	const tt_milestone *m;
};

struct compare {
	struct compare_proposal *p;
	size_t n;
	struct compare_entry *timeline;	/* by date, then proposal */
	size_t ntimeline;
};

/* Compares the N schedules S (N >= 1).  Returns false when memory ran
 * out; CMP is then empty but may be freed. */
bool compare_build(struct compare *cmp, const tt_schedule *const *s,
		   size_t n);
void compare_free(struct compare *cmp);

/* The end in words for a table cell: "2050-05-14", or "2002-06-12 (the
 * withdrawal takes effect 2002-06-13)"; "" without an expiry. */
char *compare_end_words(const struct compare_proposal *p, char *buf,
			size_t size);
/* The term in words for a table cell ("25 years", "99 years, inclusive",
 * "indefinite", "to a fixed last day") into BUF of SIZE bytes. */
char *compare_term_words(const struct compare_proposal *p, char *buf,
			 size_t size);

#endif /* TREATYTERM_COMPARE_H */
