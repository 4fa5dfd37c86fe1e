/*
 * text.h -- room for the library's texts, whatever their length; and the
 * few words the outputs share about a treaty's term and its end, so that
 * the table, the comparison, the picture and JSON say the same thing.
 *
 * Labels and derivations have no length limit (a label may be as long as
 * a spec line).  The library's formatters (tt_milestone_label() and the
 * like) return the length their whole text needs, as snprintf() does; a
 * struct text grows until the text fits, and is reused for the next one,
 * so that a long batch allocates only when a longer text comes along.
 */
#ifndef TREATYTERM_TEXT_H
#define TREATYTERM_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <treatyterm/treatyterm.h>

struct text {
	char *p;		/* NUL-terminated once text_milestone() ran */
	size_t len;		/* the length of that text */
	size_t cap;
	char small[TT_TEXT_BUFSIZE];	/* used until a text needs more */
};

/* A formatter of the library's milestone texts. */
typedef size_t (*text_fn)(const tt_milestone *m, char *buf, size_t size);

void text_init(struct text *t);
void text_free(struct text *t);
/* The text FN gives for M, held in T until T is used again.  Should
 * memory run out, the text is cut to the room there is. */
const char *text_milestone(struct text *t, text_fn fn, const tt_milestone *m);

/* What ends a treaty on the day tt_schedule_expiry() gives. */
enum text_end_reason {
	TEXT_END_EXPIRY,	/* its term runs out: that day is its last */
	TEXT_END_FIXED_LAST_DAY,	/* [treaty] ends: likewise */
	TEXT_END_WITHDRAWAL	/* a withdrawal takes effect that day and
				 * ends a bilateral treaty: the day before
				 * is its last in force */
};

struct text_end {
	enum text_end_reason reason;
	tt_date date;		/* as tt_schedule_expiry() */
	tt_date last_day;	/* the last day in force */
};

/* How a term without a duration is worded: "to a fixed last day" for
 * [treaty] ends, else "indefinite". */
const char *text_term_without_duration(const tt_schedule *s);
/* What ends S, in *OUT; false when nothing does (no expiry). */
bool text_end(const tt_schedule *s, struct text_end *out);
/* The JSON name of R: "expiry", "fixed_last_day" or "withdrawal". */
const char *text_end_reason_name(enum text_end_reason r);

/* The answer to --out-by seen from today, when the day asked for is
 * today or later (a question about a day already past gets the answer
 * alone) and the treaty does not expire by then anyway. */
struct text_out_by {
	tt_date today;
	bool passed;		/* the latest notice day is before today */
	bool show_next;		/* passed, or no notice would do */
	bool has_next;		/* then: the next way out, if any */
	tt_way_out next;
};

/* Fills *OUT for S; false when there is nothing to say. */
bool text_out_by_today(const tt_schedule *s, struct text_out_by *out);

#endif /* TREATYTERM_TEXT_H */
