/*
 * clauses.c -- treaty clauses from spec files, presets and flags.
 *
 * The flags are made from the library's table of spec keys the first time
 * they are needed, into static tables that live as long as the program
 * (the library keeps no state; the program may).
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/grow.h"
#include "lib/utf8.h"
#include "cli/calendar.h"
#include "cli/cli.h"
#include "cli/clauses.h"
#include "cli/options.h"

/* The flags, made from the schema on first use.  The names live as long
 * as the program. */
#define MAXFLAGS 128
#define NAMESIZE 48

static struct clause_flag flags[MAXFLAGS];
static char names[MAXFLAGS][NAMESIZE];
static struct opt opts[MAXFLAGS + 2];

/* --event NAME=DATE: the date of a named event, in one flag. */
static const struct clause_flag event_flag = {
	"event", "event", NULL, "NAME=DATE", NULL
};
static size_t nflags;

static int take(struct args *a, const struct opt *o, const char *value);

static void
build(void)
{

	if (nflags > 0)
		return;
	for (size_t i = 0; i < tt_spec_key_count() && nflags < MAXFLAGS;
	     i++) {
		const tt_spec_key *k = tt_spec_key_at(i);
		struct clause_flag *f = &flags[nflags];
		char *p = names[nflags];

		/* [treaty] keys are flags of their own name, except
		 * "from": --from is the output filter of dates. */
		if (strcmp(k->section, "treaty") == 0 &&
		    strcmp(k->key, "from") != 0)
			snprintf(p, NAMESIZE, "%s", k->key);
		else
			snprintf(p, NAMESIZE, "%s-%s", k->section, k->key);
		for (; *p != '\0'; p++)
			if (*p == '_')
				*p = '-';
		f->flag = names[nflags];
		f->section = k->section;
		f->key = k->key;
		f->arg = k->hint;
		f->def = k;
		opts[nflags] = (struct opt){
			.name = f->flag, .arg = f->arg, .help = k->help,
			.handler = take, .key = (int)nflags,
		};
		nflags++;
	}
	opts[nflags] = (struct opt){
		.name = event_flag.flag, .arg = event_flag.arg,
		.help = "date the [event] NAME (DATE or unknown), adding it "
			"if there is none",
		.handler = take, .key = -1,
	};
	opts[nflags + 1] = (struct opt)OPT_END;
}

static const struct opt *
table(void)
{
	build();
	return opts;
}

const struct opt_group options_clauses = {
	.title = "Clauses (each sets the spec key it names, over a spec file "
		 "or preset; a\n"
		 "[conference] or [milestone] flag whose key the newest one has "
		 "starts another):",
	.table = table,
};

static bool
add(struct clause_flags *f, const struct clause_flag *def, const char *value)
{
	void *p = ttp_grow(f->items, &f->cap, f->n + 1, sizeof *f->items);

	if (p == NULL)
		return false;
	f->items = p;
	f->items[f->n].def = def;
	f->items[f->n].value = value;
	f->n++;
	return true;
}

static int
take(struct args *a, const struct opt *o, const char *value)
{
	if (!add(&a->clauses, o->key < 0 ? &event_flag : &flags[o->key],
		 value)) {
		cli_error("out of memory");
		return EXIT_INVALID;
	}
	return 0;
}

void
clause_flags_free(struct clause_flags *f)
{
	free(f->items);
	f->items = NULL;
	f->n = f->cap = 0;
}

const char *
clause_flag_for(const char *section, const char *key)
{
	if (section == NULL || key == NULL)
		return NULL;
	build();
	for (size_t i = 0; i < nflags; i++)
		if (strcmp(flags[i].section, section) == 0 &&
		    strcmp(flags[i].key, key) == 0)
			return flags[i].flag;
	return NULL;
}

tt_spec *
clauses_spec_new(void)
{
	tt_spec *spec;
	tt_date today;

	if (!cli_today(&today))
		return NULL;
	if ((spec = tt_spec_new()) == NULL) {
		cli_error("out of memory");
		return NULL;
	}
	tt_spec_set_today(spec, today);
	return spec;
}

/* --event NAME=DATE; false with the message in WHY. */
static bool
apply_event(tt_spec *spec, const char *value, char *why, size_t size)
{
	const char *eq = strchr(value, '=');
	char name[NAMESIZE];
	tt_error e;

	if (eq == NULL || eq == value || (size_t)(eq - value) >= NAMESIZE) {
		snprintf(why, size, "--event: expected NAME=DATE, not '%s'",
			 value);
		return false;
	}
	memcpy(name, value, (size_t)(eq - value));
	name[eq - value] = '\0';
	if (tt_spec_set_event_date(spec, name, eq + 1, &e) != TT_OK) {
		cli_arg_error_format(why, size, "--event", value, &e);
		return false;
	}
	return true;
}

/* The flags applied; false with the message in WHY, maybe cut. */
static bool
apply(tt_spec *spec, const struct clause_flags *f, char *why, size_t size)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct clause_flag *d = f->items[i].def;
		const char *value = f->items[i].value;
		char what[NAMESIZE + 8];
		tt_error e;

		snprintf(what, sizeof what, "--%s", d->flag);
		if (d == &event_flag) {
			if (!apply_event(spec, value, why, size))
				return false;
			continue;
		}
		if (d->def->repeatable &&
		    tt_spec_has(spec, d->section, d->key) &&
		    tt_spec_begin_section(spec, d->section, 0, 0, &e) != TT_OK) {
			snprintf(why, size, "%s: %s", what, e.message);
			return false;
		}
		if (tt_spec_set(spec, d->section, d->key, value, 0, 0, &e) !=
		    TT_OK) {
			cli_arg_error_format(why, size, what, value, &e);
			return false;
		}
	}
	return true;
}

bool
clauses_apply_quiet(tt_spec *spec, const struct clause_flags *f, char *why,
		    size_t size)
{
	if (apply(spec, f, why, size))
		return true;
	ttp_utf8_trim(why);	/* never cut inside a character */
	return false;
}

bool
clauses_apply(tt_spec *spec, const struct clause_flags *f)
{
	char why[CLAUSES_WHY_SIZE];

	if (clauses_apply_quiet(spec, f, why, sizeof why))
		return true;
	cli_error("%s", why);
	return false;
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
