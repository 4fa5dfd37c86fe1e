/*
 * options.c -- one parser and one --help for every command (see
 * options.h).
 *
 * The parser does not use getopt: it needs operands and options in any
 * order while still reading "-1m" as a negative duration, a value list
 * and a once-only rule per option, and messages in one form; and it keeps
 * no global state.  The messages follow GNU getopt's wording, which the
 * commands used before.
 */
#include <config.h>

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/options.h"

/* --help's layout: the column help text starts in, and the line width. */
#define HELP_COLUMN 32
#define HELP_WIDTH 79

static const struct opt general[] = {
	{ .name = "help", .shortname = 'h',
	  .help = "display this help and exit" },
	{ .name = "version", .shortname = 'V',
	  .help = "output version information and exit" },
	OPT_END
};

static const struct opt *group_opts(const struct opt_group *g);
static bool args_init(struct args *a, const struct cli_command *cmd,
		      int argc);
static void args_free(struct args *a);
static int parse(struct args *a, int argc, char **argv);
static bool is_operand(const char *s);
static int take_operand(struct args *a, char *arg);
static int take(struct args *a, size_t i, const char *value);
static int take_long(struct args *a, char **argv, int argc, int *i);
static int take_short(struct args *a, char **argv, int argc, int *i);
static bool is_file_name(const char *path);
static int resolve_format(struct args *a);
static int check_formats(struct args *a);
static int check_built(const struct args *a);
static void list_values(char *buf, size_t size, const char *const *values,
			unsigned formats, enum format deflt, bool quote);

static const struct opt *
group_opts(const struct opt_group *g)
{
	return g->table != NULL ? g->table() : g->opts;
}

/* --- parsing ---------------------------------------------------------- */

int
options_run(const struct cli_command *cmd, int argc, char **argv)
{
	struct args a;
	int status;

	if (!args_init(&a, cmd, argc)) {
		if (cmd->cleanup != NULL && a.own != NULL)
			cmd->cleanup(&a);
		args_free(&a);
		cli_error("out of memory");
		return cmd->trouble ? cmd->trouble : EXIT_INVALID;
	}
	status = parse(&a, argc, argv);
	if (status < 0)
		status = resolve_format(&a);
	if (status < 0)
		status = check_formats(&a);
	if (status < 0)
		status = check_built(&a);
	for (size_t g = 0; status < 0 && cmd->groups != NULL &&
	     cmd->groups[g] != NULL; g++)
		if (cmd->groups[g]->finish != NULL &&
		    (status = cmd->groups[g]->finish(&a)) == 0)
			status = -1;
	if (status < 0)
		status = cmd->exec(&a);
	else if (status == EXIT_INVALID && cmd->trouble != 0)
		status = cmd->trouble;
	if (cmd->cleanup != NULL)
		cmd->cleanup(&a);
	args_free(&a);
	return status;
}

/* Builds the table of CMD's options: its own, each group's, then -h and
 * -V. */
static bool
args_init(struct args *a, const struct cli_command *cmd, int argc)
{
	const struct opt *tables[16];
	size_t ntables = 0, n = 0;

	memset(a, 0, sizeof *a);
	a->cmd = cmd;
	calendar_opts_init(&a->calendar);
	a->out.format = cmd->default_format;
	if (cmd->options != NULL)
		tables[ntables++] = cmd->options;
	for (size_t g = 0; cmd->groups != NULL && cmd->groups[g] != NULL &&
	     ntables < 15; g++)
		if ((tables[ntables] = group_opts(cmd->groups[g])) != NULL)
			ntables++;
	tables[ntables++] = general;
	for (size_t t = 0; t < ntables; t++)
		for (const struct opt *o = tables[t]; o->name != NULL; o++)
			n++;
	a->opts = calloc(n, sizeof *a->opts);
	a->given = calloc(n, sizeof *a->given);
	a->argv = calloc((size_t)argc + 1, sizeof *a->argv);
	a->own = calloc(1, cmd->size ? cmd->size : 1);
	if (a->opts == NULL || a->given == NULL || a->argv == NULL ||
	    a->own == NULL)
		return false;
	for (size_t t = 0; t < ntables; t++)
		for (const struct opt *o = tables[t]; o->name != NULL; o++)
			a->opts[a->nopts++] = o;
	return true;
}

static void
args_free(struct args *a)
{
	clause_flags_free(&a->clauses);
	calendar_opts_free(&a->calendar);
	free(a->opts);
	free(a->given);
	free(a->argv);
	free(a->own);
}

/* Returns -1 when all went well, else the exit status: after --help or
 * --version, or after a message. */
static int
parse(struct args *a, int argc, char **argv)
{
	bool only_operands = false;
	int status;

	for (int i = 1; i < argc; i++) {
		char *s = argv[i];

		if (only_operands || is_operand(s)) {
			status = take_operand(a, s);
		} else if (strcmp(s, "--") == 0) {
			only_operands = true;
			continue;
		} else if (s[1] == '-') {
			status = take_long(a, argv, argc, &i);
		} else {
			status = take_short(a, argv, argc, &i);
		}
		if (status >= 0)
			return status;
	}
	return -1;
}

/* "-" (standard input), anything not starting with '-', and what looks
 * like a negative number or duration ("-1m", "-P90D", "-p1y"; "--5y",
 * which no option can be). */
static bool
is_operand(const char *s)
{
	if (s[0] != '-' || s[1] == '\0')
		return true;
	if (isdigit((unsigned char)s[1]))
		return true;
	if ((s[1] == 'P' || s[1] == 'p') && isdigit((unsigned char)s[2]))
		return true;
	return s[1] == '-' && isdigit((unsigned char)s[2]);
}

static int
take_operand(struct args *a, char *arg)
{
	if (a->cmd->operand != NULL) {
		int status = a->cmd->operand(a, arg);

		return status == 0 ? -1 : status;
	}
	a->argv[a->argc++] = arg;
	return -1;
}

/* Takes option I with VALUE; -1 or an exit status. */
static int
take(struct args *a, size_t i, const char *value)
{
	const struct opt *o = a->opts[i];
	int status;

	if (o == &general[0]) {
		options_help(a->cmd, stdout);
		return cli_finish_stdout(EXIT_OK);
	}
	if (o == &general[1])
		return cli_print_version();
	if (++a->given[i] > 1 && (o->flags & OPT_ONCE))
		return cli_usage_error(a->cmd->name, "option '--%s' may be "
				       "given only once", o->name);
	if (value != NULL && o->values != NULL) {
		size_t k;

		for (k = 0; o->values[k] != NULL; k++)
			if (strcmp(value, o->values[k]) == 0)
				break;
		if (o->values[k] == NULL) {
			char list[256];

			list_values(list, sizeof list, o->values, 0, 0, true);
			return cli_usage_error(a->cmd->name, "--%s: expected "
					       "%s, not '%s'", o->name, list,
					       value);
		}
	}
	if (o->handler == NULL)
		return -1;
	status = o->handler(a, o, value);
	return status == 0 ? -1 : status;
}

static int
take_long(struct args *a, char **argv, int argc, int *i)
{
	const char *s = argv[*i], *name = s + 2, *eq = strchr(name, '=');
	size_t len = eq != NULL ? (size_t)(eq - name) : strlen(name);
	size_t found = a->nopts, matches = 0;
	const struct opt *o;

	for (size_t k = 0; k < a->nopts; k++) {
		if (strncmp(a->opts[k]->name, name, len) != 0)
			continue;
		if (a->opts[k]->name[len] == '\0') {
			found = k;	/* an exact match wins */
			matches = 1;
			break;
		}
		found = k;	/* a prefix: fine if it is the only one */
		matches++;
	}
	if (matches == 0 || len == 0)
		return cli_usage_error(a->cmd->name, "unrecognized option "
				       "'%s'", s);
	if (matches > 1) {
		char list[1024];
		size_t n = 0;

		for (size_t k = 0; k < a->nopts && n < sizeof list; k++)
			if (strncmp(a->opts[k]->name, name, len) == 0)
				n += (size_t)snprintf(list + n, sizeof list - n,
						      " '--%s'",
						      a->opts[k]->name);
		return cli_usage_error(a->cmd->name, "option '%.*s' is "
				       "ambiguous; possibilities:%s",
				       (int)len + 2, s, list);
	}
	o = a->opts[found];
	if (o->arg == NULL && o->values == NULL && !(o->flags & OPT_FORMATS)) {
		if (eq != NULL)
			return cli_usage_error(a->cmd->name, "option '--%s' "
					       "doesn't allow an argument",
					       o->name);
		return take(a, found, NULL);
	}
	if (eq != NULL)
		return take(a, found, eq + 1);
	if (*i + 1 >= argc)
		return cli_usage_error(a->cmd->name, "option '--%s' requires "
				       "an argument", o->name);
	return take(a, found, argv[++*i]);
}

static int
take_short(struct args *a, char **argv, int argc, int *i)
{
	const char *s = argv[*i];

	for (size_t j = 1; s[j] != '\0'; j++) {
		size_t k;
		int status;

		for (k = 0; k < a->nopts; k++)
			if (a->opts[k]->shortname == (unsigned char)s[j])
				break;
		if (k == a->nopts)
			return cli_usage_error(a->cmd->name, "invalid option "
					       "-- '%c'", s[j]);
		if (a->opts[k]->arg == NULL && a->opts[k]->values == NULL &&
		    !(a->opts[k]->flags & OPT_FORMATS)) {
			if ((status = take(a, k, NULL)) >= 0)
				return status;
			continue;
		}
		/* The rest of the argument, or the next one, is the value. */
		if (s[j + 1] != '\0')
			return take(a, k, s + j + 1);
		if (*i + 1 >= argc)
			return cli_usage_error(a->cmd->name, "option '-%c' "
					       "requires an argument", s[j]);
		return take(a, k, argv[++*i]);
	}
	return -1;
}

/* True if PATH names a regular file, or nothing yet: a name that says
 * its format by its extension. */
static bool
is_file_name(const char *path)
{
	struct stat st;

	return stat(path, &st) != 0 || S_ISREG(st.st_mode);
}

/* The format from --format and the name of -o FILE, which must agree. */
static int
resolve_format(struct args *a)
{
	const struct cli_command *cmd = a->cmd;
	const char *path = a->out.path, *ext;
	enum format f;
	char list[256];
	int r;

	if (cmd->formats == 0 || path == NULL || strcmp(path, "-") == 0)
		return -1;
	r = format_from_path(path, &f, &ext);
	if (r == 0) {
		/* No extension: --format says the format.  A device or a
		 * FIFO (/dev/stdout) has a name that was never meant to say
		 * one, and takes the default. */
		if (a->out.format_given || *path == '\0' ||
		    !is_file_name(path))
			return -1;
		format_extensions(list, sizeof list, cmd->formats);
		return cli_usage_error(cmd->name, "-o %s: the name has no "
				       "extension (use %s, or give --format)",
				       path, list);
	}
	if (r < 0) {
		if (a->out.format_given)
			return -1;
		format_extensions(list, sizeof list, cmd->formats);
		return cli_usage_error(cmd->name, "-o %s: no format ends in "
				       "'%s' (use %s, or give --format)",
				       path, ext, list);
	}
	if (!(cmd->formats & f)) {
		format_list(list, sizeof list, cmd->formats, 0);
		return cli_usage_error(cmd->name, "-o %s: %s cannot write %s "
				       "(only %s)", path, cmd->name,
				       format_name(f), list);
	}
	if (a->out.format_given && a->out.format != f)
		return cli_usage_error(cmd->name, "-o %s: the name says %s, "
				       "--format says %s", path,
				       format_name(f),
				       format_name(a->out.format));
	a->out.format = f;
	return -1;
}

/* An option given with a format it has no effect in is a mistake. */
static int
check_formats(struct args *a)
{
	if (a->cmd->formats == 0)
		return -1;
	for (size_t i = 0; i < a->nopts; i++) {
		const struct opt *o = a->opts[i];
		char list[128];

		if (a->given[i] == 0 || o->formats == 0 ||
		    (o->formats & a->out.format))
			continue;
		format_list(list, sizeof list, o->formats & a->cmd->formats,
			    0);
		return cli_usage_error(a->cmd->name, "--%s has no effect in "
				       "%s output (only in %s)", o->name,
				       format_name(a->out.format), list);
	}
	return -1;
}

/* The pictures need cairo, which a treatyterm configured --without-chart
 * lacks: refused here, before the command reads anything. */
static int
check_built(const struct args *a)
{
#ifndef HAVE_CHART
	if (a->cmd->formats != 0 &&
	    (a->out.format & (FORMAT_SVG | FORMAT_PNG | FORMAT_PDF)))
		return cli_usage_error(a->cmd->name, "%s output: this "
				       "treatyterm was built without the "
				       "pictures (configure --without-chart)",
				       format_name(a->out.format));
#else
	(void)a;
#endif
	return -1;
}

unsigned
args_given(const struct args *a, const char *name)
{
	unsigned n = 0;

	for (size_t i = 0; i < a->nopts; i++)
		if (strcmp(a->opts[i]->name, name) == 0)
			n += a->given[i];
	return n;
}

/* --- handlers ----------------------------------------------------------- */

int
opt_bool(struct args *a, const struct opt *o, const char *value)
{
	(void)value;
	*(bool *)(void *)((char *)a->own + o->offset) = true;
	return 0;
}

int
opt_string(struct args *a, const struct opt *o, const char *value)
{
	*(const char **)(void *)((char *)a->own + o->offset) = value;
	return 0;
}

int
opt_count(struct args *a, const struct opt *o, const char *value)
{
	(void)value;
	(*(unsigned *)(void *)((char *)a->own + o->offset))++;
	return 0;
}

int
opt_format(struct args *a, const struct opt *o, const char *value)
{
	enum format f;

	if (!format_lookup(value, &f) || !(a->cmd->formats & f)) {
		char list[256];

		list_values(list, sizeof list, NULL, a->cmd->formats, 0, true);
		return cli_usage_error(a->cmd->name, "--%s: expected %s, not "
				       "'%s'", o->name, list, value);
	}
	a->out.format = f;
	a->out.format_given = true;
	return 0;
}

/* --- --help ------------------------------------------------------------- */

/* "a, b or c" into BUF (each value in quotes with QUOTE), from VALUES or
 * else from the FORMATS mask, DEFLT marked "(the default)". */
static void
list_values(char *buf, size_t size, const char *const *values,
	    unsigned formats, enum format deflt, bool quote)
{
	const char *names[32];
	size_t n = 0, count = 0;
	const char *q = quote ? "'" : "";

	if (values == NULL) {
		for (unsigned bit = 1; bit != 0 && count < 31; bit <<= 1)
			if (formats & bit)
				names[count++] = format_name((enum format)bit);
		names[count] = NULL;
		values = names;
	}
	for (count = 0; values[count] != NULL; count++)
		;
	buf[0] = '\0';
	for (size_t k = 0; k < count && n < size; k++)
		n += (size_t)snprintf(buf + n, size - n, "%s%s%s%s%s",
				      k == 0 ? "" : k + 1 == count ? " or " :
				      ", ", q, values[k], q,
				      values == names &&
				      (unsigned)deflt != 0 &&
				      strcmp(values[k], format_name(deflt)) ==
				      0 ? " (the default)" : "");
}

/* Prints TEXT from column INDENT, broken at spaces before HELP_WIDTH;
 * the first line continues the current one, at column COL. */
static void
wrap(FILE *fp, const char *text, int col, int indent)
{
	const char *p = text;

	while (*p != '\0') {
		size_t w = strcspn(p, " ");

		if (col > indent && col + 1 + (int)w > HELP_WIDTH) {
			fprintf(fp, "\n%*s", indent, "");
			col = indent;
		} else if (col > indent) {
			fputc(' ', fp);
			col++;
		}
		fprintf(fp, "%.*s", (int)w, p);
		col += (int)w;
		p += w;
		while (*p == ' ')
			p++;
	}
	fputc('\n', fp);
}

static void
help_option(FILE *fp, const struct cli_command *cmd, const struct opt *o,
	    bool shorts)
{
	char left[128], text[512], list[256];
	int n;

	if (o->shortname != 0)
		n = snprintf(left, sizeof left, "  -%c, --%s", o->shortname,
			     o->name);
	else
		n = snprintf(left, sizeof left, "%s--%s",
			     shorts ? "      " : "  ", o->name);
	/* snprintf() returns what it would have written: keep N inside
	 * LEFT, so that a long list is cut rather than written past it. */
	if (n < 0 || (size_t)n >= sizeof left)
		n = (int)sizeof left - 1;
	if (o->arg != NULL)
		snprintf(left + n, sizeof left - (size_t)n, " %s", o->arg);
	else if (o->values != NULL)
		for (size_t k = 0; o->values[k] != NULL &&
		     (size_t)n < sizeof left - 1; k++) {
			int w = snprintf(left + n, sizeof left - (size_t)n,
					 "%c%s", k == 0 ? ' ' : '|',
					 o->values[k]);

			n = w < 0 || (size_t)(n + w) >= sizeof left ?
			    (int)sizeof left - 1 : n + w;
		}
	if (o->flags & OPT_FORMATS) {
		list_values(list, sizeof list, NULL, cmd->formats,
			    cmd->default_format, false);
		snprintf(text, sizeof text, "%s; %s is %s", o->help, o->arg,
			 list);
	} else if (o->values != NULL && o->arg != NULL) {
		list_values(list, sizeof list, o->values, 0, 0, false);
		snprintf(text, sizeof text, "%s; %s is %s", o->help, o->arg,
			 list);
	} else {
		snprintf(text, sizeof text, "%s", o->help);
	}
	if (o->formats != 0 && (cmd->formats & ~o->formats) != 0) {
		size_t len = strlen(text);

		format_list(list, sizeof list, o->formats & cmd->formats, 0);
		snprintf(text + len, sizeof text - len, " (%s only)", list);
	}
	fputs(left, fp);
	if ((int)strlen(left) + 2 > HELP_COLUMN) {
		fprintf(fp, "\n%*s", HELP_COLUMN, "");
	} else {
		fprintf(fp, "%*s", HELP_COLUMN - (int)strlen(left), "");
	}
	wrap(fp, text, HELP_COLUMN, HELP_COLUMN);
}

static bool
any_short(const struct opt *opts)
{
	for (const struct opt *o = opts; o != NULL && o->name != NULL; o++)
		if (o->shortname != 0)
			return true;
	return false;
}

void
options_help(const struct cli_command *cmd, FILE *fp)
{
	fprintf(fp, "Usage: %s %s %s\n", cli_program, cmd->name, cmd->usage);
	if (cmd->description != NULL)
		fputs(cmd->description, fp);
	if (cmd->help_more != NULL)
		cmd->help_more(fp);
	fprintf(fp, "\nOptions:\n");
	for (const struct opt *o = cmd->options; o != NULL && o->name != NULL;
	     o++)
		help_option(fp, cmd, o, true);
	for (const struct opt *o = general; o->name != NULL; o++)
		help_option(fp, cmd, o, true);
	for (size_t g = 0; cmd->groups != NULL && cmd->groups[g] != NULL;
	     g++) {
		const struct opt *opts = group_opts(cmd->groups[g]);
		bool shorts = any_short(opts);

		fprintf(fp, "\n%s\n", cmd->groups[g]->title);
		for (const struct opt *o = opts; o != NULL && o->name != NULL;
		     o++)
			help_option(fp, cmd, o, shorts);
	}
}

/* --- the output group ----------------------------------------------------- */

static int
set_output(struct args *a, const struct opt *o, const char *value)
{
	(void)o;
	a->out.path = value;
	return 0;
}

static const struct opt output_opts[] = {
	{ .name = "format", .shortname = 'f', .arg = "FORMAT",
	  .help = "the output format, by default the one the name of the "
		  "-o FILE ends in (.txt for table)",
	  .handler = opt_format, .flags = OPT_FORMATS },
	{ .name = "output", .shortname = 'o', .arg = "FILE",
	  .help = "write to FILE, replacing it only when all went well "
		  "(through a link, the file it points to)",
	  .handler = set_output },
	OPT_END
};

const struct opt_group options_output = {
	.title = "Output:",
	.opts = output_opts,
};

const struct opt_group *const options_treaty_groups[] = {
	&options_output, &options_clauses, &options_calendar,
	&options_filter, NULL
};
