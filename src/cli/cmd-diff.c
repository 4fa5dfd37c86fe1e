/*
 * cmd-diff.c -- "treatyterm diff OLD NEW": what moved between two
 * versions of a treaty, or of a whole batch file of treaties.
 *
 * Each side is a preset, a spec file or a batch CSV file (by its ".csv"
 * name).  Two single treaties are compared with each other whatever
 * their ids; the treaties of a batch file are matched with the other
 * side's by id (or, without one, by name, as batch knows them), and one
 * found on one side only is reported added or removed whole.  The
 * library compares each pair (tt_diff); this file reads the sides,
 * matches them and picks the writer.
 *
 * The exit status is diff(1)'s: 0 when nothing differs, 1 when something
 * does, 2 on any trouble -- a bad file or row, an unknown preset, a
 * usage error, a failed write -- not the program's usual 1 for invalid
 * input, so that a script can tell "different" from "broken".
 */
#include <config.h>

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/grow.h"
#include "batch/batch-columns.h"
#include "cli/calendar.h"
#include "cli/clauses.h"
#include "cli/cli.h"
#include "out/diff-report.h"
#include "out/format.h"
#include "out/writer.h"
#include "cli/options.h"
#include "cli/output.h"
#include "batch/parties-csv.h"

/* One treaty of a side, computed. */
struct treaty {
	const char *key;	/* its id or name (belongs to SPEC) */
	tt_spec *spec;
	tt_schedule *s;
	bool matched;		/* found on the other side */
};

/* OLD or NEW. */
struct side {
	const char *arg;	/* the operand as given */
	bool csv;		/* a batch file: match by key */
	struct treaty *t;
	size_t n, cap;
	const char *parties_file;	/* --parties for this side, or NULL */
	struct parties *parties;	/* its rows, read once */
};

struct diff_state {
	const char *parties, *old_parties, *new_parties;
};

static int exec(struct args *a);

static const struct opt options[] = {
	{ .name = "parties", .arg = "FILE", .handler = opt_string,
	  .flags = OPT_ONCE, .offset = offsetof(struct diff_state, parties),
	  .help = "[party] rows for both sides, from a CSV file (as "
		  "schedule and batch take it)" },
	{ .name = "old-parties", .arg = "FILE", .handler = opt_string,
	  .flags = OPT_ONCE,
	  .offset = offsetof(struct diff_state, old_parties),
	  .help = "[party] rows for OLD only" },
	{ .name = "new-parties", .arg = "FILE", .handler = opt_string,
	  .flags = OPT_ONCE,
	  .offset = offsetof(struct diff_state, new_parties),
	  .help = "[party] rows for NEW only" },
	OPT_END
};

const struct cli_command cmd_diff = {
	.name = "diff",
	.summary = "what moved between two versions of treaties",
	.usage = "[OPTION]... OLD NEW",
	.description =
	    "Compare the dates of OLD and NEW: every milestone added, removed "
	    "or moved,\n"
	    "with its old and new dates and the days it moved, after the "
	    "clauses that\n"
	    "changed (\"term 50y " DIFF_ARROW " 35y\").  Each of OLD and NEW is a "
	    "preset (or\n"
	    "preset:NAME), a spec file ('-' for standard input) or a batch "
	    "CSV file\n"
	    "(a name ending in .csv), whose treaties are matched by id.\n"
	    "\n"
	    "Exit status: 0 if nothing differs, 1 if something does, 2 on "
	    "trouble.\n",
	.options = options,
	.size = sizeof (struct diff_state),
	.groups = (const struct opt_group *const[]){ &options_output, NULL },
	.formats = FORMAT_TABLE | FORMAT_JSON | FORMAT_CSV,
	.default_format = FORMAT_TABLE,
	.trouble = DIFF_TROUBLE,
	.exec = exec,
};

/* Adds SD's party rows for the treaty of SPEC (by its id or, in a batch
 * file, its key; rows without a treaty go to every treaty); false after
 * a message. */
static bool
side_parties(struct side *sd, tt_spec *spec, const char *key)
{
	const char *name = sd->parties_file;
	tt_error e;
	FILE *fp;

	if (name == NULL)
		return true;
	if (sd->parties == NULL) {
		if ((fp = fopen(name, "r")) == NULL) {
			cli_error("%s: %s", name, strerror(errno));
			return false;
		}
		if (parties_read(fp, false, spec, NULL, NULL, &sd->parties,
				 &e) != TT_OK)
			cli_file_error(name, &e);
		fclose(fp);
		if (sd->parties == NULL)
			return false;
	}
	if (parties_add(sd->parties, spec, key, NULL, &e) == TT_OK)
		return true;
	cli_file_error(name, &e);
	return false;
}

/* True if PATH's name ends in ".csv", in any case. */
static bool
is_csv_name(const char *path)
{
	size_t n = strlen(path);
	const char *ext = path + n - 4;

	return n > 4 && ext[0] == '.' && tolower((unsigned char)ext[1]) ==
	       'c' && tolower((unsigned char)ext[2]) == 's' &&
	       tolower((unsigned char)ext[3]) == 'v';
}

/* Makes room for one more treaty; NULL after a message. */
static struct treaty *
side_add(struct side *sd)
{
	void *p = ttp_grow(sd->t, &sd->cap, sd->n + 1, sizeof *sd->t);

	if (p == NULL) {
		cli_error("out of memory");
		return NULL;
	}
	sd->t = p;
	memset(&sd->t[sd->n], 0, sizeof sd->t[sd->n]);
	return &sd->t[sd->n++];
}

static void
side_free(struct side *sd)
{
	for (size_t i = 0; i < sd->n; i++) {
		tt_schedule_free(sd->t[i].s);
		tt_spec_free(sd->t[i].spec);
	}
	free(sd->t);
	parties_free(sd->parties);
}

/* Reads one treaty from the spec file FILE or the preset PRESET and
 * computes it; false after a message. */
static bool
load_spec(struct side *sd, const char *file, const char *preset,
	  const struct calendar_opts *cal)
{
	struct spec_source src = { NULL, preset };
	struct treaty *t = side_add(sd);
	tt_error e;

	if (t == NULL || (t->spec = clauses_spec_new()) == NULL)
		return false;
	if ((t->s = tt_schedule_new()) == NULL) {
		cli_error("out of memory");
		return false;
	}
	if (file != NULL ? !clauses_load_file(t->spec, file) :
	    !clauses_load_preset(t->spec, preset))
		return false;
	if (!side_parties(sd, t->spec, tt_spec_id(t->spec)))
		return false;
	if (file != NULL)
		src.file = strcmp(file, "-") == 0 ? "<stdin>" : file;
	if (calendar_compute(cal, t->s, t->spec, &e) != TT_OK) {
		if (e.input == PARTIES_INPUT)
			cli_file_error(sd->parties_file, &e);
		else
			clauses_report(&src, &e);
		return false;
	}
	t->key = batch_row_key(t->spec);
	if (*t->key == '\0')
		t->key = preset != NULL ? preset : src.file;
	return true;
}

/* Reports what was wrong with the row at LINE of NAME, as batch does. */
static void
bad_row(const char *name, unsigned long line, const tt_error *e)
{
	if (e->section != NULL && e->line != 0)
		cli_error("%s:%lu: %s%s%s: %s", name, line,
			  strcmp(e->section, "treaty") ? e->section : "",
			  strcmp(e->section, "treaty") ? "." : "", e->key,
			  e->message);
	else
		cli_error("%s:%lu: %s", name, line, e->message);
}

/* Computes the row FIELDS (from LINE) as a new treaty of SD; false after
 * a message. */
static bool
load_row(struct side *sd, const struct batch_columns *cols,
	 struct batch_keys *keys, char **fields, size_t n,
	 unsigned long line, const struct calendar_opts *cal)
{
	struct treaty *t = side_add(sd);
	unsigned long first = 0;
	tt_error e;
	int r;

	if (t == NULL || (t->spec = clauses_spec_new()) == NULL)
		return false;
	if ((t->s = tt_schedule_new()) == NULL) {
		cli_error("out of memory");
		return false;
	}
	if (batch_row_fill(cols, t->spec, fields, n, line, &e) != TT_OK) {
		bad_row(sd->arg, line, &e);
		return false;
	}
	if (!side_parties(sd, t->spec, batch_row_key(t->spec)))
		return false;
	if (calendar_compute(cal, t->s, t->spec, &e) != TT_OK) {
		if (e.input == PARTIES_INPUT)
			cli_file_error(sd->parties_file, &e);
		else
			bad_row(sd->arg, line, &e);
		return false;
	}
	t->key = batch_row_key(t->spec);
	if (*t->key == '\0') {
		cli_error("%s:%lu: no id or name: give the row an id (treaties "
			  "are matched by it)", sd->arg, line);
		return false;
	}
	r = batch_keys_add(keys, t->key, line, &first);
	if (r < 0)
		cli_error("out of memory");
	else if (r == 0)
		cli_error("%s:%lu: '%s' was already used on line %lu",
			  sd->arg, line, t->key, first);
	return r > 0;
}

/* Reads every row of the batch file SD->ARG; false after a message.  A
 * bad row stops the run: a diff with a treaty left out would say it was
 * removed. */
static bool
load_csv(struct side *sd, const struct calendar_opts *cal)
{
	struct batch_columns cols = { NULL, 0 };
	struct batch_keys *keys = batch_keys_new();
	struct csv_reader *rd = NULL;
	FILE *fp = fopen(sd->arg, "r");
	char **fields, why[512];
	const char *error;
	unsigned long line;
	size_t n, bad;
	bool ok = false;
	int r;

	if (fp == NULL) {
		cli_error("%s: %s", sd->arg, strerror(errno));
		goto done;
	}
	if (keys == NULL || (rd = csv_reader_new(fp, ',')) == NULL) {
		cli_error("out of memory");
		goto done;
	}
	r = csv_reader_next(rd, &fields, &n, &line, &error);
	if (r <= 0) {
		cli_error("%s:%lu: %s", sd->arg, r < 0 ? line : 1,
			  r < 0 ? error : "no header row");
		goto done;
	}
	if (!batch_columns_map(&cols, fields, n, &bad, why, sizeof why)) {
		cli_error("%s:%lu: column %zu: %s", sd->arg, line, bad + 1,
			  why);
		goto done;
	}
	while ((r = csv_reader_next(rd, &fields, &n, &line, &error)) != 0) {
		if (r < 0) {
			cli_error("%s:%lu: %s", sd->arg, line, error);
			goto done;
		}
		if (!load_row(sd, &cols, keys, fields, n, line, cal))
			goto done;
	}
	ok = true;
done:
	csv_reader_free(rd);
	batch_columns_free(&cols);
	batch_keys_free(keys);
	if (fp != NULL)
		fclose(fp);
	return ok;
}

/* Reads the side named ARG: "preset:NAME", a batch file, a spec file, or
 * a preset's name when no file has it; false after a message. */
static bool
load_side(struct side *sd, const char *arg, const struct calendar_opts *cal)
{
	sd->arg = arg;
	if (strncmp(arg, "preset:", 7) == 0)
		return load_spec(sd, NULL, arg + 7, cal);
	if (strcmp(arg, "-") != 0 && access(arg, F_OK) != 0 &&
	    tt_preset_find(arg) != NULL)
		return load_spec(sd, NULL, arg, cal);
	if (strcmp(arg, "-") != 0 && is_csv_name(arg)) {
		sd->csv = true;
		return load_csv(sd, cal);
	}
	return load_spec(sd, arg, NULL, cal);
}

/* --- matching --------------------------------------------------------- */

static int
by_key(const void *pa, const void *pb)
{
	const struct treaty *const *a = pa, *const *b = pb;

	return strcmp((*a)->key, (*b)->key);
}

/* Adds a treaty to R, compared: BEFORE and AFTER (one may be NULL for a
 * treaty added or removed whole; EMPTY is then the schedule it is
 * compared with); false after a message. */
static bool
report_add(struct diff_report *r, const struct treaty *before,
	   const struct treaty *after, const tt_schedule *empty)
{
	struct diff_treaty *t;
	tt_error e;
	void *p;

	p = ttp_grow(r->t, &r->cap, r->n + 1, sizeof *r->t);
	if (p == NULL)
		goto nomem;
	r->t = p;
	t = &r->t[r->n];
	memset(t, 0, sizeof *t);
	if ((t->d = tt_diff_new()) == NULL)
		goto nomem;
	r->n++;
	t->id = after != NULL ? after->key : before->key;
	t->change = before == NULL ? DIFF_TREATY_ADDED :
		    after == NULL ? DIFF_TREATY_REMOVED :
		    DIFF_TREATY_CHANGED;
	/* A treaty added or removed whole: its milestones say it all, and
	 * its every key would only repeat them. */
	if (before != NULL && after != NULL &&
	    tt_diff_specs(t->d, before->spec, after->spec, &e) != TT_OK)
		goto nomem;
	if (tt_diff_schedules(t->d, before ? before->s : empty,
			      after ? after->s : empty, &e) != TT_OK)
		goto nomem;
	return true;
nomem:
	cli_error("out of memory");
	return false;
}

static void
report_free(struct diff_report *r)
{
	for (size_t i = 0; i < r->n; i++)
		tt_diff_free(r->t[i].d);
	free(r->t);
}

/* Compares the treaties of OLD and NEW into R: two single treaties with
 * each other, else by key, in OLD's order and then those only in NEW in
 * theirs; false after a message. */
static bool
match(struct diff_report *r, struct side *old, struct side *new,
      const tt_schedule *empty)
{
	struct treaty **index;
	bool ok = true;

	if (!old->csv && !new->csv)
		return report_add(r, &old->t[0], &new->t[0], empty);
	index = calloc(new->n ? new->n : 1, sizeof *index);
	if (index == NULL) {
		cli_error("out of memory");
		return false;
	}
	for (size_t i = 0; i < new->n; i++)
		index[i] = &new->t[i];
	qsort(index, new->n, sizeof *index, by_key);
	for (size_t i = 0; ok && i < old->n; i++) {
		struct treaty *key = &old->t[i], **hit;

		hit = new->n ? bsearch(&key, index, new->n, sizeof *index,
				       by_key) : NULL;
		if (hit != NULL)
			(*hit)->matched = true;
		ok = report_add(r, &old->t[i], hit ? *hit : NULL, empty);
	}
	for (size_t i = 0; ok && i < new->n; i++)
		if (!new->t[i].matched)
			ok = report_add(r, NULL, &new->t[i], empty);
	free(index);
	return ok;
}

/* --- the command ------------------------------------------------------ */

static bool
write_report(const struct args *a, struct output *out,
	     const struct diff_report *r)
{
	struct writer_opts o = { .filter = NULL };
	struct writer_doc d;
	bool ok;

	errno = 0;
	ok = writer_begin(&d, a->out.format, out->fp, &o) && d.w->diff(&d, r);
	ok = writer_end(&d, ok);
	return output_end(out, ok, d.why);
}

static int
exec(struct args *a)
{
	const struct diff_state *st = a->own;
	struct side old = { NULL, false, NULL, 0, 0, NULL, NULL };
	struct side new = { NULL, false, NULL, 0, 0, NULL, NULL };
	struct diff_report r = { NULL, 0, 0 };
	tt_schedule *empty = NULL;
	struct output out;
	int status = DIFF_TROUBLE;

	if (a->argc < 2)
		return cli_usage_error("diff", "missing operand: give OLD and "
				       "NEW");
	if (a->argc > 2)
		return cli_usage_error("diff", "extra operand '%s'",
				       a->argv[2]);
	if (strcmp(a->argv[0], "-") == 0 && strcmp(a->argv[1], "-") == 0)
		return cli_usage_error("diff", "standard input ('-') can be "
				       "read only once");
	if (st->parties != NULL && (st->old_parties != NULL ||
				    st->new_parties != NULL))
		return cli_usage_error("diff", "give --parties, or "
				       "--old-parties and --new-parties, not "
				       "both");
	old.parties_file = st->old_parties != NULL ? st->old_parties :
			   st->parties;
	new.parties_file = st->new_parties != NULL ? st->new_parties :
			   st->parties;
	if ((empty = tt_schedule_new()) == NULL) {
		cli_error("out of memory");
		goto done;
	}
	if (!calendar_load_holidays(&a->calendar) ||
	    !load_side(&old, a->argv[0], &a->calendar) ||
	    !load_side(&new, a->argv[1], &a->calendar) ||
	    !match(&r, &old, &new, empty))
		goto done;
	if (!output_open(&out, a->out.path))
		goto done;
	if (!write_report(a, &out, &r))
		goto done;
	status = DIFF_SAME;
	for (size_t i = 0; i < r.n; i++)
		if (diff_treaty_differs(&r.t[i]))
			status = DIFF_DIFFERENT;
done:
	report_free(&r);
	side_free(&old);
	side_free(&new);
	tt_schedule_free(empty);
	return status;
}
