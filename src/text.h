/*
 * text.h -- room for the library's texts, whatever their length.
 *
 * Labels and derivations have no length limit (a label may be as long as
 * a spec line).  The library's formatters (tt_milestone_label() and the
 * like) return the length their whole text needs, as snprintf() does; a
 * struct text grows until the text fits, and is reused for the next one,
 * so that a long batch allocates only when a longer text comes along.
 */
#ifndef TREATYTERM_TEXT_H
#define TREATYTERM_TEXT_H

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

#endif /* TREATYTERM_TEXT_H */
