/*
 * chart-none.c -- the pictures' writers of a treatyterm configured
 * --without-chart (no cairo).
 *
 * The commands refuse svg, png and pdf when their options are read
 * (options.c), so only "serve", asked for a timeline, comes here: it gets
 * a failure saying why.
 */
#include <config.h>

#include <stdio.h>

#include "out/format.h"

#define WHY "this treatyterm was built without the pictures " \
	"(configure --without-chart)"

bool
chart_write(FILE *fp, const struct compare *cmp,
	    const struct chart_options *opt, const char **why)
{
	(void)fp;
	(void)cmp;
	(void)opt;
	*why = WHY;
	return false;
}

bool
chart_write_parties(FILE *fp, const tt_schedule *s,
		    const struct chart_options *opt, const char **why)
{
	(void)fp;
	(void)s;
	(void)opt;
	*why = WHY;
	return false;
}
