/*
 * grow.c -- the one way to grow an array (see grow.h).
 *
 * Every growing buffer (spec strings and sections, schedules, the spec
 * file reader's line) goes through ttp_grow(), so the size arithmetic is
 * checked for overflow in one place.
 */
#include <config.h>

#include <stdlib.h>

#include <stdint.h>

#include "grow.h"

/* The smallest capacity handed out, in elements. */
#define MIN_CAP 8

void *
ttp_grow(void *p, size_t *cap, size_t need, size_t elem)
{
	size_t ncap;
	void *np;

	if (need == 0)
		need = 1;
	if (p != NULL && need <= *cap)
		return p;
	if (elem == 0 || need > SIZE_MAX / elem)
		return NULL;
	ncap = p == NULL || *cap < MIN_CAP ? MIN_CAP : *cap;
	while (ncap < need)
		ncap = ncap <= SIZE_MAX / 2 ? ncap * 2 : need;
	/* Doubling may overshoot what can be counted in bytes: then ask for
	 * exactly what is needed. */
	if (ncap > SIZE_MAX / elem)
		ncap = need;
	np = realloc(p, ncap * elem);
	if (np == NULL)
		return NULL;
	*cap = ncap;
	return np;
}
