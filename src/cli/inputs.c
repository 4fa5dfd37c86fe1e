/*
 * inputs.c -- reading and computing the treaties of agenda and serve (see
 * inputs.h).
 *
 * A treaty that cannot be read or computed is reported and left out, and
 * the load goes on: one bad input must not hide the others, and a list
 * that leaves a treaty out without a word would be worse than none, so
 * each error is printed and kept (struct input_error) for the command to
 * show again where its output goes (a JSON "errors" array, serve's page)
 * and to exit with its own status.  --strict stops at the first.
 */
#include <config.h>

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "lib/grow.h"
#include "batch/batch-columns.h"
#include "cli/calendar.h"
#include "cli/clauses.h"
#include "cli/cli.h"
#include "out/format.h"
#include "cli/inputs.h"
#include "batch/parties-csv.h"

static bool load_spec(struct inputs *st, const char *path,
		      const char *preset);
static bool load_dir(struct inputs *st, const char *path);
static bool load_csv(struct inputs *st, const char *path);
static bool report(struct inputs *st, const char *input,
		   unsigned long line, unsigned long column,
		   const char *treaty, const char *message, const char *fmt,
		   ...) CLI_PRINTF(7, 8);
static bool file_error(struct inputs *st, const char *file,
		       const tt_error *e, const char *treaty);
static bool errno_error(struct inputs *st, const char *file, int err);
static bool row_error(struct inputs *st, const char *file,
		      unsigned long line, const tt_error *e,
		      const struct batch_columns *cols, const char *treaty);
static bool spec_error(struct inputs *st, const struct spec_source *src,
		       const tt_error *e);
static bool add_treaty(struct inputs *st, tt_spec *spec, const char *hint,
		       const struct spec_source *src, unsigned long line,
		       const struct batch_columns *cols);

void
inputs_init(struct inputs *in, const char *what,
	    const struct calendar_opts *cal)
{
	memset(in, 0, sizeof *in);
	in->what = what;
	in->cal = cal;
}

/* A row of the --parties file that parties_read() skips. */
static void
bad_party_row(void *arg, const tt_error *e)
{
	struct inputs *in = arg;

	(void)file_error(in, in->parties_name, e, NULL);
}

bool
inputs_parties(struct inputs *in, const char *file)
{
	FILE *fp = fopen(file, "r");
	tt_error e;

	/* Kept with the errors too, for serve's page; it stops the load
	 * all the same: every treaty's dates may depend on it. */
	if (fp == NULL) {
		(void)errno_error(in, file, errno);
		return false;
	}
	in->parties_name = file;
	/* A bad row is reported and skipped, as batch skips it: its party
	 * is left out and said to be; --strict stops at it. */
	if (parties_read(fp, true, NULL, in->strict ? NULL : bad_party_row,
			 in, &in->parties, &e) != TT_OK)
		(void)file_error(in, file, &e, NULL);
	fclose(fp);
	return in->parties != NULL;
}

static void
treaty_free(struct treaty *t)
{
	tt_schedule_free(t->s);
	tt_spec_free(t->spec);
	free(t->name);
	free(t->source);
}

void
inputs_free(struct inputs *in)
{
	for (size_t i = 0; i < in->n; i++)
		treaty_free(&in->t[i]);
	free(in->t);
	in->t = NULL;
	in->n = in->cap = 0;
	for (size_t i = 0; i < in->nerr; i++) {
		free(in->err[i].input);
		free(in->err[i].message);
		free(in->err[i].text);
		free(in->err[i].treaty);
	}
	free(in->err);
	in->err = NULL;
	in->nerr = in->errcap = 0;
	in->read_stdin = false;
	parties_free(in->parties);
	in->parties = NULL;
	in->parties_name = NULL;
}

bool
inputs_error_covers(const struct input_error *e, const struct treaty *t)
{
	size_t n = strlen(e->input);

	if (e->treaty != NULL)
		return strcmp(e->treaty, t->name) == 0;
	return strncmp(e->input, t->source, n) == 0 &&
	       (t->source[n] == '\0' || t->source[n] == '/');
}

const struct treaty *
inputs_find(const struct inputs *in, const char *name)
{
	for (size_t i = 0; i < in->n; i++)
		if (strcmp(in->t[i].name, name) == 0)
			return &in->t[i];
	return NULL;
}

bool
inputs_has_suffix(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n > k && strcasecmp(s + n - k, suffix) == 0;
}

bool
inputs_write_json_errors(FILE *fp, const struct input_error *e, size_t n)
{
	return json_write_errors(fp, e, n);
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
	return report(st, arg, 0, 0, NULL, "no such file, directory or "
		      "preset (see 'treatyterm presets')", "%s: no such file, "
		      "directory or preset (see 'treatyterm presets')", arg);
}

/* --- errors as values ---------------------------------------------------- */

static char *format(const char *fmt, ...) CLI_PRINTF(1, 2);
static char *vformat(const char *fmt, va_list ap) CLI_PRINTF(1, 0);

/* A new string of FMT; NULL when memory runs out. */
static char *
format(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = vformat(fmt, ap);
	va_end(ap);
	return s;
}

/* A new string of FMT and AP; NULL when memory runs out. */
static char *
vformat(const char *fmt, va_list ap)
{
	va_list aq;
	char *s;
	int n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		return NULL;
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

/* Reports that INPUT (at LINE and COLUMN, 0 when unknown; of TREATY when
 * known) could not be read because of MESSAGE: prints FMT, the message
 * as it always was, and keeps the error.  Returns whether the load goes
 * on: not with STRICT, nor when memory ran out. */
static bool
report(struct inputs *st, const char *input, unsigned long line,
       unsigned long column, const char *treaty, const char *message,
       const char *fmt, ...)
{
	struct input_error *e;
	va_list ap;
	char *text;
	void *p;

	va_start(ap, fmt);
	text = vformat(fmt, ap);
	va_end(ap);
	if (text == NULL) {
		cli_error("out of memory");
		return false;
	}
	cli_error("%s", text);
	if (st->strict) {
		free(text);
		return false;
	}
	p = ttp_grow(st->err, &st->errcap, st->nerr + 1, sizeof *st->err);
	if (p == NULL) {
		free(text);
		cli_error("out of memory");
		return false;
	}
	st->err = p;
	e = &st->err[st->nerr];
	e->input = strdup(input);
	e->line = line;
	e->column = column;
	e->message = strdup(message);
	e->text = text;
	e->treaty = treaty != NULL && *treaty != '\0' ? strdup(treaty) :
		    NULL;
	if (e->input == NULL || e->message == NULL ||
	    (treaty != NULL && *treaty != '\0' && e->treaty == NULL)) {
		free(e->input);
		free(e->message);
		free(e->text);
		free(e->treaty);
		cli_error("out of memory");
		return false;
	}
	st->nerr++;
	return true;
}

/* FILE could not be read: strerror(ERR). */
static bool
errno_error(struct inputs *st, const char *file, int err)
{
	return report(st, file, 0, 0, NULL, strerror(err), "%s: %s", file,
		      strerror(err));
}

/* E of FILE (about TREATY, when known), as cli_file_error() prints
 * it. */
static bool
file_error(struct inputs *st, const char *file, const tt_error *e,
	   const char *treaty)
{
	if (e->line != 0 && e->column != 0)
		return report(st, file, e->line, e->column, treaty,
			      e->message, "%s:%u:%u: %s", file, e->line,
			      e->column, e->message);
	if (e->line != 0)
		return report(st, file, e->line, 0, treaty, e->message,
			      "%s:%u: %s", file, e->line, e->message);
	return report(st, file, 0, 0, treaty, e->message, "%s: %s", file,
		      e->message);
}

/* An error found when the spec from SRC was checked or computed, as
 * clauses_report() prints it. */
static bool
spec_error(struct inputs *st, const struct spec_source *src,
	   const tt_error *e)
{
	const char *flag = clause_flag_for(e->section, e->key);
	char *preset = NULL;
	bool ok;

	if (src->file != NULL && e->line != 0)
		return file_error(st, src->file, e, NULL);
	if (src->file != NULL)
		return e->section != NULL && flag != NULL ?
		       report(st, src->file, 0, 0, NULL, e->message,
			      "--%s: %s", flag, e->message) :
		       report(st, src->file, 0, 0, NULL, e->message,
			      "%s: %s", src->file, e->message);
	if ((preset = malloc(strlen(src->preset) + 8)) == NULL) {
		cli_error("out of memory");
		return false;
	}
	sprintf(preset, "preset %s", src->preset);
	if (e->line != 0)
		ok = report(st, preset, e->line, e->column, NULL, e->message,
			    "preset %s:%u:%u: %s", src->preset, e->line,
			    e->column, e->message);
	else if (e->section != NULL && flag != NULL)
		ok = report(st, preset, 0, 0, NULL, e->message, "--%s: %s",
			    flag, e->message);
	else
		ok = report(st, preset, 0, 0, NULL, e->message,
			    "preset %s: %s", src->preset, e->message);
	free(preset);
	return ok;
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

/* Reads the spec file PATH ("-" standard input, SRC's FILE "<stdin>")
 * into SPEC, as clauses_load_file() does but with errors as values.
 * Returns 1 when read, 0 after an error the load goes on after, -1 when
 * it stops. */
static int
read_spec_file(struct inputs *st, tt_spec *spec, const char *path,
	       const struct spec_source *src)
{
	bool std = strcmp(path, "-") == 0;
	FILE *fp = std ? stdin : fopen(path, "rb");
	size_t len = 0;
	char *text;
	tt_error e;
	int r;

	if (fp == NULL)
		return errno_error(st, path, errno) ? 0 : -1;
	text = cli_read_all(fp, &len);
	if (text == NULL) {
		int err = errno;

		if (!std)
			fclose(fp);
		return errno_error(st, path, err) ? 0 : -1;
	}
	if (!std)
		fclose(fp);
	r = 1;
	if (tt_spec_parse(spec, text, len, &e) != TT_OK)
		r = file_error(st, src->file, &e, NULL) ? 0 : -1;
	free(text);
	return r;
}

static bool
load_spec(struct inputs *st, const char *path,
	  const char *preset)
{
	struct spec_source src = { NULL, preset };
	const tt_preset *p;
	tt_spec *spec;
	char *hint;
	tt_error e;
	bool ok;
	int r;

	if ((spec = clauses_spec_new()) == NULL)
		return false;
	if (path != NULL) {
		src.file = strcmp(path, "-") == 0 ? "<stdin>" : path;
		r = read_spec_file(st, spec, path, &src);
	} else if ((p = tt_preset_find(preset)) == NULL) {
		r = report(st, preset, 0, 0, NULL, "unknown preset (see "
			   "'treatyterm presets')", "unknown preset '%s' (see "
			   "'treatyterm presets')", preset) ? 0 : -1;
	} else {
		r = tt_preset_load(p, spec, &e) == TT_OK ? 1 :
		    spec_error(st, &src, &e) ? 0 : -1;
	}
	if (r <= 0) {
		tt_spec_free(spec);
		return r == 0;
	}
	hint = path != NULL ? file_hint(strcmp(path, "-") ? path : "stdin") :
	       strdup(preset);
	ok = hint != NULL && add_treaty(st, spec, hint, &src, 0, NULL);
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

	if (dir == NULL)
		return errno_error(st, path, errno);
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

/* What was wrong with the row at LINE of FILE (the row of TREATY, when
 * known), naming the cell's column ("term", "withdrawal.notice") as batch
 * does; the error's column is the cell's column number in COLS. */
static bool
row_error(struct inputs *st, const char *file, unsigned long line,
	  const tt_error *e, const struct batch_columns *cols,
	  const char *treaty)
{
	bool own = e->section != NULL && strcmp(e->section, "treaty") == 0;
	unsigned long column = 0;
	char *msg;
	bool go;

	if (e->section == NULL || e->key == NULL)
		return report(st, file, line, 0, treaty, e->message,
			      "%s:%lu: %s", file, line, e->message);
	for (size_t i = 0; cols != NULL && i < cols->n; i++)
		if (cols->keys[i] != NULL &&
		    strcmp(cols->keys[i]->section, e->section) == 0 &&
		    strcmp(cols->keys[i]->key, e->key) == 0)
			column = i + 1;
	/* The message names the cell, as the line printed does. */
	if ((msg = format("%s%s%s: %s", own ? "" : e->section,
			  own ? "" : ".", e->key, e->message)) == NULL) {
		cli_error("out of memory");
		return false;
	}
	go = report(st, file, line, column, treaty, msg, "%s:%lu: %s", file,
		    line, msg);
	free(msg);
	return go;
}

/* Each row of a batch CSV file is a treaty, read as batch reads it; a
 * bad row is reported and skipped, as batch skips it. */
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

	if ((fp = fopen(path, "rb")) == NULL)
		return errno_error(st, path, errno);
	if ((rd = csv_reader_new(fp, ',')) == NULL) {
		cli_error("out of memory");
		fclose(fp);
		return false;
	}
	r = csv_reader_next(rd, &fields, &n, &line, &error);
	if (r == 0) {
		ok = report(st, path, 0, 0, NULL, "empty: expected a header "
			    "row naming the columns", "%s: empty: expected a "
			    "header row naming the columns", path);
		goto done;
	}
	if (r < 0) {
		ok = report(st, path, line, 0, NULL, error, "%s:%lu: %s", path,
			    line, error);
		goto done;
	}
	if (!batch_columns_map(&cols, fields, n, &bad, why, sizeof why)) {
		ok = report(st, path, line, bad + 1, NULL, why,
			    "%s:%lu: column %zu: %s", path, line, bad + 1,
			    why);
		goto done;
	}
	while ((r = csv_reader_next(rd, &fields, &n, &line, &error)) != 0) {
		tt_spec *spec;

		if (r < 0) {
			/* A malformed record is skipped (-2); after -1 the
			 * file cannot be read on. */
			if (!report(st, path, line, 0, NULL, error,
				    "%s:%lu: %s", path, line, error))
				goto done;
			if (r == -1)
				break;
			continue;
		}
		if ((spec = clauses_spec_new()) == NULL)
			goto done;
		if (batch_row_fill(&cols, spec, fields, n, line, &e) != TT_OK) {
			tt_spec *k = clauses_spec_new();
			bool go;

			/* The row's id or name, from its cells alone, says
			 * which treaty could not be read. */
			go = row_error(st, path, line, &e, &cols, k == NULL ?
				       NULL : batch_row_cells_key(&cols, k,
								  fields, n));
			tt_spec_free(k);
			tt_spec_free(spec);
			if (!go)
				goto done;
			continue;
		}
		if (*batch_row_key(spec) == '\0') {
			tt_spec_free(spec);
			if (!report(st, path, line, 0, NULL, "no id or name",
				    "%s:%lu: no id or name", path, line))
				goto done;
			continue;
		}
		if (!add_treaty(st, spec, batch_row_key(spec), &src, line,
				&cols))
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
 * else its name, else HINT.  LINE is a CSV row's, for messages, or 0;
 * COLS that file's columns.  A treaty that cannot be computed, or is
 * there already, is reported and dropped; false when the load stops. */
static bool
add_treaty(struct inputs *st, tt_spec *spec,
	   const char *hint, const struct spec_source *src, unsigned long line,
	   const struct batch_columns *cols)
{
	const char *from = src->file ? src->file : src->preset;
	struct treaty *t;
	const char *name;
	bool go = false;
	char *msg;
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
		goto drop;
	}
	if (st->parties != NULL &&
	    parties_add(st->parties, spec, tt_spec_id(spec), NULL,
			&e) != TT_OK) {
		go = file_error(st, st->parties_name, &e, tt_spec_id(spec));
		goto drop;
	}
	if (calendar_compute(st->cal, t->s, spec, &e) != TT_OK) {
		if (e.input == PARTIES_INPUT)
			go = file_error(st, st->parties_name, &e,
					tt_spec_id(spec));
		else if (line != 0)
			go = row_error(st, src->file, line, &e, cols,
				       batch_row_key(spec));
		else
			go = spec_error(st, src, &e);
		goto drop;
	}
	name = *tt_schedule_id(t->s) ? tt_schedule_id(t->s) :
	       *tt_schedule_name(t->s) ? tt_schedule_name(t->s) : hint;
	/* The same treaty twice would list each date twice, and in a
	 * calendar its events would share their UIDs. */
	for (size_t i = 0; i + 1 < st->n; i++) {
		if (strcmp(st->t[i].name, name) != 0)
			continue;
		if ((msg = format("'%s' is already in the %s", name,
				  st->what)) == NULL) {
			cli_error("out of memory");
			goto drop;
		}
		if (line != 0)
			go = report(st, src->file, line, 0, name, msg,
				    "%s:%lu: %s", src->file, line, msg);
		else
			go = report(st, from, 0, 0, name, msg, "%s: %s", from,
				    msg);
		free(msg);
		goto drop;
	}
	if ((t->name = strdup(name)) == NULL ||
	    (t->source = strdup(src->file != NULL ? src->file :
				src->preset)) == NULL) {
		cli_error("out of memory");
		goto drop;
	}
	return true;
drop:
	/* Left out: the others are listed without it. */
	treaty_free(t);
	st->n--;
	return go;
}

bool
inputs_carry(struct inputs *st, const struct treaty *old)
{
	struct treaty *t;
	tt_error e;
	void *p;

	p = ttp_grow(st->t, &st->cap, st->n + 1, sizeof *st->t);
	if (p == NULL)
		goto nomem;
	st->t = p;
	t = &st->t[st->n];
	memset(t, 0, sizeof *t);
	t->carried = true;
	t->read_at = old->read_at;
	if ((t->spec = tt_spec_clone(old->spec)) == NULL ||
	    (t->s = tt_schedule_new()) == NULL ||
	    (t->name = strdup(old->name)) == NULL ||
	    (t->source = strdup(old->source)) == NULL) {
		treaty_free(t);
		goto nomem;
	}
	st->n++;
	/* Computed before from the same spec, with the same options: it
	 * computes again. */
	if (calendar_compute(st->cal, t->s, t->spec, &e) != TT_OK) {
		cli_error("%s: %s", old->source, e.message);
		treaty_free(t);
		st->n--;
		return false;
	}
	return true;
nomem:
	cli_error("out of memory");
	return false;
}
