/*
 * inputs.c -- reading and computing the treaties of agenda and serve (see
 * inputs.h).
 *
 * A treaty that cannot be read or computed stops the load: a list that
 * leaves a treaty out without a word is worse than none.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "lib/grow.h"
#include "batch-columns.h"
#include "calendar.h"
#include "clauses.h"
#include "cli.h"
#include "format.h"
#include "inputs.h"
#include "parties-csv.h"

static bool load_spec(struct inputs *st, const char *path,
		      const char *preset);
static bool load_dir(struct inputs *st, const char *path);
static bool load_csv(struct inputs *st, const char *path);
static void row_error(const char *file, unsigned long line,
		      const tt_error *e);
static bool add_treaty(struct inputs *st, tt_spec *spec, const char *hint,
		       const struct spec_source *src, unsigned long line);

void
inputs_init(struct inputs *in, const char *what,
	    const struct calendar_opts *cal)
{
	memset(in, 0, sizeof *in);
	in->what = what;
	in->cal = cal;
}

bool
inputs_parties(struct inputs *in, const char *file)
{
	FILE *fp = fopen(file, "r");
	tt_error e;

	if (fp == NULL) {
		cli_error("%s: %s", file, strerror(errno));
		return false;
	}
	in->parties_name = file;
	if (parties_read(fp, true, NULL, NULL, NULL, &in->parties, &e) !=
	    TT_OK)
		cli_file_error(file, &e);
	fclose(fp);
	return in->parties != NULL;
}

void
inputs_free(struct inputs *in)
{
	for (size_t i = 0; i < in->n; i++) {
		tt_schedule_free(in->t[i].s);
		tt_spec_free(in->t[i].spec);
		free(in->t[i].name);
	}
	free(in->t);
	in->t = NULL;
	in->n = in->cap = 0;
	in->read_stdin = false;
	parties_free(in->parties);
	in->parties = NULL;
	in->parties_name = NULL;
}

bool
inputs_has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n > k && strcasecmp(s + n - k, suffix) == 0;
}

/* A file or directory if there is one of that name, else a preset. */
bool
inputs_load(struct inputs *st, const char *arg)
{
	struct stat sb;

	if (strcmp(arg, "-") == 0) {
		if (st->read_stdin) {
			cli_error("standard input ('-') can be read only "
				  "once");
			return false;
		}
		st->read_stdin = true;
		return load_spec(st, arg, NULL);
	}
	if (stat(arg, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return load_dir(st, arg);
		if (inputs_has_suffix(arg, ".csv"))
			return load_csv(st, arg);
		return load_spec(st, arg, NULL);
	}
	if (tt_preset_find(arg) != NULL)
		return load_spec(st, NULL, arg);
	cli_error("%s: no such file, directory or preset (see 'treatyterm "
		  "presets')", arg);
	return false;
}

/* The name a treaty without id or name is shown by: its file's name
 * without directory and extension. */
static char *
file_hint(const char *path)
{
	const char *base = strrchr(path, '/');
	char *s = strdup(base != NULL ? base + 1 : path), *dot;

	if (s != NULL && (dot = strrchr(s, '.')) != NULL && dot != s)
		*dot = '\0';
	return s;
}

static bool
load_spec(struct inputs *st, const char *path,
	  const char *preset)
{
	struct spec_source src = { NULL, preset };
	tt_spec *spec;
	char *hint;
	bool ok;

	if ((spec = clauses_spec_new()) == NULL)
		return false;
	if (path != NULL) {
		src.file = strcmp(path, "-") == 0 ? "<stdin>" : path;
		ok = clauses_load_file(spec, path);
	} else {
		ok = clauses_load_preset(spec, preset);
	}
	if (!ok) {
		tt_spec_free(spec);
		return false;
	}
	hint = path != NULL ? file_hint(strcmp(path, "-") ? path : "stdin") :
	       strdup(preset);
	ok = hint != NULL && add_treaty(st, spec, hint, &src, 0);
	if (hint == NULL) {
		cli_error("out of memory");
		tt_spec_free(spec);
	}
	free(hint);
	return ok;
}

static int
compare_names(const void *pa, const void *pb)
{
	return strcmp(*(char *const *)pa, *(char *const *)pb);
}

/* Every *.ini file of the directory PATH, in name order so that the
 * list does not depend on the order the file system lists them in. */
static bool
load_dir(struct inputs *st, const char *path)
{
	DIR *dir = opendir(path);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	bool ok = true;

	if (dir == NULL) {
		cli_error("%s: %s", path, strerror(errno));
		return false;
	}
	while (ok && (de = readdir(dir)) != NULL) {
		void *p;

		if (de->d_name[0] == '.' || !inputs_has_suffix(de->d_name, ".ini"))
			continue;
		p = ttp_grow(names, &cap, n + 1, sizeof *names);
		if (p == NULL) {
			ok = false;
			break;
		}
		names = p;
		names[n] = malloc(strlen(path) + strlen(de->d_name) + 2);
		if (names[n] == NULL) {
			ok = false;
			break;
		}
		sprintf(names[n], "%s/%s", path, de->d_name);
		n++;
	}
	closedir(dir);
	if (!ok)
		cli_error("out of memory");
	qsort(names, n, sizeof *names, compare_names);
	for (size_t i = 0; ok && i < n; i++)
		ok = load_spec(st, names[i], NULL);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return ok;
}

/* What was wrong with the row at LINE of FILE, naming the cell's column
 * ("term", "withdrawal.notice") as batch does. */
static void
row_error(const char *file, unsigned long line, const tt_error *e)
{
	bool treaty = e->section != NULL && strcmp(e->section, "treaty") == 0;

	if (e->section != NULL && e->key != NULL)
		cli_error("%s:%lu: %s%s%s: %s", file, line,
			  treaty ? "" : e->section, treaty ? "" : ".", e->key,
			  e->message);
	else
		cli_error("%s:%lu: %s", file, line, e->message);
}

/* Each row of a batch CSV file is a treaty, read as batch reads it. */
static bool
load_csv(struct inputs *st, const char *path)
{
	struct batch_columns cols = { NULL, 0 };
	struct spec_source src = { path, NULL };
	struct csv_reader *rd;
	const char *error;
	char **fields, why[512];
	unsigned long line;
	size_t n, bad;
	bool ok = false;
	FILE *fp;
	tt_error e;
	int r;

	if ((fp = fopen(path, "rb")) == NULL) {
		cli_error("%s: %s", path, strerror(errno));
		return false;
	}
	if ((rd = csv_reader_new(fp, ',')) == NULL) {
		cli_error("out of memory");
		fclose(fp);
		return false;
	}
	r = csv_reader_next(rd, &fields, &n, &line, &error);
	if (r == 0) {
		cli_error("%s: empty: expected a header row naming the "
			  "columns", path);
		goto done;
	}
	if (r < 0) {
		cli_error("%s:%lu: %s", path, line, error);
		goto done;
	}
	if (!batch_columns_map(&cols, fields, n, &bad, why, sizeof why)) {
		cli_error("%s:%lu: column %zu: %s", path, line, bad + 1, why);
		goto done;
	}
	while ((r = csv_reader_next(rd, &fields, &n, &line, &error)) != 0) {
		tt_spec *spec;

		if (r < 0) {
			cli_error("%s:%lu: %s", path, line, error);
			goto done;
		}
		if ((spec = clauses_spec_new()) == NULL)
			goto done;
		if (batch_row_fill(&cols, spec, fields, n, line, &e) != TT_OK) {
			row_error(path, line, &e);
			tt_spec_free(spec);
			goto done;
		}
		if (*batch_row_key(spec) == '\0') {
			cli_error("%s:%lu: no id or name", path, line);
			tt_spec_free(spec);
			goto done;
		}
		if (!add_treaty(st, spec, batch_row_key(spec), &src, line))
			goto done;
	}
	ok = true;
done:
	batch_columns_free(&cols);
	csv_reader_free(rd);
	fclose(fp);
	return ok;
}

/* Computes SPEC, which IN then owns, as a treaty shown as its id,
 * else its name, else HINT.  LINE is a CSV row's, for messages, or 0. */
static bool
add_treaty(struct inputs *st, tt_spec *spec,
	   const char *hint, const struct spec_source *src, unsigned long line)
{
	struct treaty *t;
	const char *name;
	tt_error e;
	void *p;

	p = ttp_grow(st->t, &st->cap, st->n + 1, sizeof *st->t);
	if (p == NULL) {
		cli_error("out of memory");
		tt_spec_free(spec);
		return false;
	}
	st->t = p;
	t = &st->t[st->n++];
	memset(t, 0, sizeof *t);
	t->spec = spec;
	if ((t->s = tt_schedule_new()) == NULL) {
		cli_error("out of memory");
		return false;
	}
	if (st->parties != NULL &&
	    parties_add(st->parties, spec, tt_spec_id(spec), NULL,
			&e) != TT_OK) {
		cli_file_error(st->parties_name, &e);
		return false;
	}
	if (calendar_compute(st->cal, t->s, spec, &e) != TT_OK) {
		if (e.input == PARTIES_INPUT)
			cli_file_error(st->parties_name, &e);
		else if (line != 0)
			row_error(src->file, line, &e);
		else
			clauses_report(src, &e);
		return false;
	}
	name = *tt_schedule_id(t->s) ? tt_schedule_id(t->s) :
	       *tt_schedule_name(t->s) ? tt_schedule_name(t->s) : hint;
	/* The same treaty twice would list each date twice, and in a
	 * calendar its events would share their UIDs. */
	for (size_t i = 0; i + 1 < st->n; i++) {
		if (strcmp(st->t[i].name, name) != 0)
			continue;
		if (line != 0)
			cli_error("%s:%lu: '%s' is already in the %s",
				  src->file, line, name, st->what);
		else
			cli_error("%s: '%s' is already in the %s",
				  src->file ? src->file : src->preset, name,
				  st->what);
		return false;
	}
	if ((t->name = strdup(name)) == NULL) {
		cli_error("out of memory");
		return false;
	}
	return true;
}
