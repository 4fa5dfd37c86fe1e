/*
 * grow.h -- the one way to grow an array, for the library and the program
 * alike (the program compiles grow.c in: the library exports only tt_
 * names).
 */
#ifndef TREATYTERM_GROW_H
#define TREATYTERM_GROW_H

#include <stddef.h>

/* Makes room for NEED elements of ELEM bytes in the array P of *CAP
 * elements, as OpenBSD's reallocarray() with doubling: returns P when it
 * is big enough, else P reallocated to at least NEED (and at least twice
 * *CAP) elements, with *CAP updated.  Returns NULL, leaving P and *CAP
 * untouched, when NEED * ELEM would overflow a size_t or memory runs out.
 * A NEED of 0 counts as 1, so success never returns NULL. */
void *ttp_grow(void *p, size_t *cap, size_t need, size_t elem);

#endif /* TREATYTERM_GROW_H */
