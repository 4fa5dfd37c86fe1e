/*
 * diff-report.h -- what "treatyterm diff" found, treaty by treaty, for
 * its writers (out-table.c, json.c, csv.c).
 *
 * The library compares two versions of one treaty (tt_diff); which
 * treaties are versions of each other is the command's business: the
 * treaties of two batch files are matched by id (or name), and a treaty
 * on one side only is added or removed whole.
 */
#ifndef TREATYTERM_DIFF_REPORT_H
#define TREATYTERM_DIFF_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <treatyterm/treatyterm.h>

enum diff_treaty_change {
	DIFF_TREATY_CHANGED,	/* on both sides (perhaps unchanged) */
	DIFF_TREATY_ADDED,	/* only in NEW: every milestone added */
	DIFF_TREATY_REMOVED	/* only in OLD: every milestone removed */
};

struct diff_treaty {
	const char *id;		/* the key it was matched by */
	enum diff_treaty_change change;
	/* Its milestone changes and (for a changed one) clause changes;
	 * the milestones belong to the two sides' schedules. */
	tt_diff *d;
};

struct diff_report {
	struct diff_treaty *t;	/* in the order of OLD, then those only
				 * in NEW in theirs */
	size_t n, cap;
};

/* True if the treaty T differs at all. */
static inline bool
diff_treaty_differs(const struct diff_treaty *t)
{
	return t->change != DIFF_TREATY_CHANGED ||
	       tt_diff_clause_count(t->d) > 0 ||
	       tt_diff_milestone_count(t->d) > 0;
}

/* The arrow between an old and a new value: U+2192 in UTF-8. */
#define DIFF_ARROW "\xe2\x86\x92"

/* Room for any name diff_clause_name() writes. */
#define DIFF_CLAUSE_NAME_SIZE 96

/* The name of a changed clause as a batch column names it: "term" for
 * a [treaty] key, "withdrawal.notice" for the others, and the instance
 * of a repeating section: "conference[2].at". */
static inline const char *
diff_clause_name(const tt_clause_change *c, char *buf, size_t size)
{
	if (strcmp(c->section, "treaty") == 0)
		snprintf(buf, size, "%s", c->key);
	else if (c->instance > 0)
		snprintf(buf, size, "%s[%zu].%s", c->section, c->instance,
			 c->key);
	else
		snprintf(buf, size, "%s.%s", c->section, c->key);
	return buf;
}

#endif /* TREATYTERM_DIFF_REPORT_H */
