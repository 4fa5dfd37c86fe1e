/*
 * clauses.c -- treaty clauses from spec files, presets and flags.
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "cli.h"
#include "clauses.h"

/* --conference-at and --milestone-label start a new section each time they
 * are given; --conference-label, --milestone-at and --milestone-date go to
 * the newest one. */
static const struct clause_flag flags[] = {
	{ "entry-into-force", "treaty", "entry_into_force", "DATE", false },
	{ "term", "treaty", "term", "DURATION|indefinite", false },
	{ "convention", "treaty", "convention", "anniversary|inclusive", false },
	{ "consultation-first", "consultation", "first", "DURATION", false },
	{ "consultation-every", "consultation", "every", "DURATION", false },
	{ "consultation-count", "consultation", "count", "N", false },
	{ "review-first", "review", "first", "DURATION", false },
	{ "review-every", "review", "every", "DURATION", false },
	{ "review-count", "review", "count", "N", false },
	{ "conference-at", "conference", "at", "DURATION", true },
	{ "conference-label", "conference", "label", "TEXT", false },
	{ "withdrawal-opens", "withdrawal", "opens", "DURATION", false },
	{ "withdrawal-notice", "withdrawal", "notice", "DURATION", false },
	{ "renewal-period", "renewal", "period", "DURATION", false },
	{ "renewal-notice", "renewal", "notice", "DURATION", false },
	{ "renewal-times", "renewal", "times", "N|unlimited", false },
	{ "milestone-label", "milestone", "label", "TEXT", true },
	{ "milestone-at", "milestone", "at", "DURATION", false },
	{ "milestone-date", "milestone", "date", "DATE", false },
	{ "notice-given", "treaty", "notice_given", "DATE", false },
	{ "horizon", "treaty", "horizon", "DATE", false },
	{ "id", "treaty", "id", "ID", false },
	{ "name", "treaty", "name", "TEXT", false },
};

#define NFLAGS (sizeof flags / sizeof flags[0])

size_t
clause_option_count(void)
{
	return NFLAGS;
}

size_t
clause_options(struct option *opts, size_t n)
{
	for (size_t i = 0; i < NFLAGS; i++) {
		opts[n].name = flags[i].flag;
		opts[n].has_arg = required_argument;
		opts[n].flag = NULL;
		opts[n].val = CLAUSE_OPTION_BASE + (int)i;
		n++;
	}
	return n;
}

struct option *
clause_longopts(const struct option *own, size_t n)
{
	struct option *opts = calloc(n + NFLAGS + calendar_option_count() + 1,
				     sizeof *opts);
	size_t k;

	if (opts == NULL) {
		cli_error("out of memory");
		return NULL;
	}
	for (k = 0; k < n; k++)
		opts[k] = own[k];
	k = clause_options(opts, k);
	calendar_options(opts, k);
	return opts;
}

int
clause_or_calendar_option(struct clause_flags *f, struct calendar_opts *cal,
			  const char *cmd, int c, const char *optarg)
{
	if (clause_flags_add(f, c, optarg))
		return 1;
	return calendar_option(cal, cmd, c, optarg);
}

bool
clause_flags_add(struct clause_flags *f, int c, const char *optarg)
{
	if (c < CLAUSE_OPTION_BASE || c >= CLAUSE_OPTION_BASE + (int)NFLAGS)
		return false;
	if (f->n == f->cap) {
		size_t ncap = f->cap ? f->cap * 2 : 16;
		void *p = realloc(f->items, ncap * sizeof *f->items);

		if (p == NULL) {
			cli_error("out of memory");
			exit(EXIT_INVALID);
		}
		f->items = p;
		f->cap = ncap;
	}
	f->items[f->n].def = &flags[c - CLAUSE_OPTION_BASE];
	f->items[f->n].value = optarg;
	f->n++;
	return true;
}

void
clause_flags_free(struct clause_flags *f)
{
	free(f->items);
	f->items = NULL;
	f->n = f->cap = 0;
}

void
clause_flags_help(FILE *fp)
{
	fprintf(fp, "Clauses (each sets the spec key it names; flags "
		"override a spec file):\n");
	for (size_t i = 0; i < NFLAGS; i++) {
		char left[64];

		snprintf(left, sizeof left, "--%s %s", flags[i].flag,
			 flags[i].arg);
		fprintf(fp, "  %-40s [%s] %s\n", left, flags[i].section,
			flags[i].key);
	}
}

const char *
clause_flag_for(const char *section, const char *key)
{
	if (section == NULL || key == NULL)
		return NULL;
	for (size_t i = 0; i < NFLAGS; i++)
		if (strcmp(flags[i].section, section) == 0 &&
		    strcmp(flags[i].key, key) == 0)
			return flags[i].flag;
	return NULL;
}

bool
clauses_apply(tt_spec *spec, const struct clause_flags *f)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct clause_flag *d = f->items[i].def;
		tt_error e;

		if (d->starts &&
		    tt_spec_begin_section(spec, d->section, 0, 0, &e) != TT_OK) {
			cli_error("--%s: %s", d->flag, e.message);
			return false;
		}
		if (tt_spec_set(spec, d->section, d->key, f->items[i].value, 0,
				0, &e) != TT_OK) {
			char what[64];

			snprintf(what, sizeof what, "--%s", d->flag);
			cli_arg_error(what, f->items[i].value, &e);
			return false;
		}
	}
	return true;
}

bool
clauses_load_file(tt_spec *spec, const char *path)
{
	bool std = strcmp(path, "-") == 0;
	FILE *fp = std ? stdin : fopen(path, "rb");
	size_t len = 0;
	char *text;
	tt_error e;
	bool ok;

	if (fp == NULL) {
		cli_error("%s: %s", path, strerror(errno));
		return false;
	}
	text = cli_read_all(fp, &len);
	if (text == NULL) {
		cli_error("%s: %s", path, strerror(errno));
		if (!std)
			fclose(fp);
		return false;
	}
	if (!std)
		fclose(fp);
	ok = tt_spec_parse(spec, text, len, &e) == TT_OK;
	if (!ok)
		cli_file_error(std ? "<stdin>" : path, &e);
	free(text);
	return ok;
}

bool
clauses_load_preset(tt_spec *spec, const char *name)
{
	const tt_preset *p = tt_preset_find(name);
	tt_error e;

	if (p == NULL) {
		cli_error("unknown preset '%s' (see 'treatyterm presets')",
			  name);
		return false;
	}
	if (tt_preset_load(p, spec, &e) != TT_OK) {
		cli_error("preset %s:%u:%u: %s", name, e.line, e.column,
			  e.message);
		return false;
	}
	return true;
}

void
clauses_report(const struct spec_source *src, const tt_error *e)
{
	const char *flag = clause_flag_for(e->section, e->key);

	if (e->line != 0 && src->file != NULL)
		cli_file_error(src->file, e);
	else if (e->line != 0 && src->preset != NULL)
		cli_error("preset %s:%u:%u: %s", src->preset, e->line,
			  e->column, e->message);
	else if (e->line == 0 && flag != NULL && e->section != NULL)
		cli_error("--%s: %s", flag, e->message);
	else if (src->file != NULL)
		cli_error("%s: %s", src->file, e->message);
	else if (src->preset != NULL)
		cli_error("preset %s: %s", src->preset, e->message);
	else
		cli_error("%s", e->message);
}
