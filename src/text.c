/*
 * text.c -- growing room for the library's texts (see text.h).
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"

void
text_init(struct text *t)
{
	t->p = t->small;
	t->len = 0;
	t->small[0] = '\0';
	t->cap = sizeof t->small;
}

void
text_free(struct text *t)
{
	if (t->p != t->small)
		free(t->p);
	text_init(t);
}

const char *
text_milestone(struct text *t, text_fn fn, const tt_milestone *m)
{
	size_t need = fn(m, t->p, t->cap);
	char *p;

	if (need < t->cap) {
		t->len = need;
		return t->p;
	}
	p = malloc(need + 1);
	if (p == NULL) {
		t->len = strlen(t->p);	/* cut short, as the formatter left
					 * it */
		return t->p;
	}
	if (t->p != t->small)
		free(t->p);
	t->p = p;
	t->cap = need + 1;
	t->len = fn(m, t->p, t->cap);
	return t->p;
}
