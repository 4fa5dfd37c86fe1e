/*
 * diff-report.h -- what "treatyterm diff" found, treaty by treaty, for
 * its writers (table.c, json.c, csv.c).
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
#include <stdlib.h>
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

/* For a [party] on one side only (one change of its "name", see
 * treatyterm/diff.h): "removed" or "added"; NULL for any other change. */
static inline const char *
diff_party_change(const tt_clause_change *c)
{
	if (c->party == NULL || strcmp(c->key, "name") != 0 ||
	    (c->before != NULL && c->after != NULL))
		return NULL;
	return c->before != NULL ? "removed" : "added";
}

/* diff_clause_name() into BUF, as snprintf() does. */
static inline int
diff_clause_format(char *buf, size_t size, const tt_clause_change *c)
{
	if (c->party != NULL && diff_party_change(c) != NULL)
		return snprintf(buf, size, "%s[%s]", c->section, c->party);
	if (c->party != NULL)
		return snprintf(buf, size, "%s[%s].%s", c->section, c->party,
				c->key);
	if (strcmp(c->section, "treaty") == 0)
		return snprintf(buf, size, "%s", c->key);
	if (c->instance > 0)
		return snprintf(buf, size, "%s[%zu].%s", c->section,
				c->instance, c->key);
	return snprintf(buf, size, "%s.%s", c->section, c->key);
}

/* The name of a changed clause as a batch column names it: "term" for
 * a [treaty] key, "withdrawal.notice" for the others, and the instance
 * of a repeating section: "conference[2].at" -- for a party by its name,
 * which the parties were matched by: "party[Norway].deposit", and
 * "party[Holy See]" for one added or removed whole.  A new string (the
 * caller frees it), NULL when memory runs out. */
static inline char *
diff_clause_name(const tt_clause_change *c)
{
	int n = diff_clause_format(NULL, 0, c);
	char *s;

	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		return NULL;
	(void)diff_clause_format(s, (size_t)n + 1, c);
	return s;
}

#endif /* TREATYTERM_DIFF_REPORT_H */
