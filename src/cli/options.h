/*
 * options.h -- commands and their options, declared rather than parsed by
 * hand.
 *
 * Each cmd-*.c file exports one struct cli_command built with designated
 * initialisers: its name, usage line, summary, description, its own option
 * table and the shared option groups it takes (clauses, calendar, output),
 * and the function that runs it.  options_run() parses the command line
 * against those tables, prints --help from the same tables, handles -h
 * and -V, reports every usage error itself, and only then calls the
 * command's exec with the parsed state.  No command file calls getopt.
 *
 * An option table is an array of struct opt ending with OPT_END:
 *
 *	static const struct opt options[] = {
 *		{ .name = "explain", .shortname = 'e',
 *		  .help = "show each step and the rule applied",
 *		  .handler = opt_bool,
 *		  .offset = offsetof(struct add_state, explain) },
 *		OPT_END
 *	};
 *
 *	const struct cli_command cmd_add = {
 *		.name = "add",
 *		.usage = "[OPTION]... DATE DURATION...",
 *		.summary = "add durations to a date",
 *		.options = options,
 *		.size = sizeof (struct add_state),
 *		.exec = exec,
 *	};
 *
 * exec(struct args *a) finds the command's own values in a->own (SIZE
 * bytes, zeroed before parsing), the operands in a->argv, and what the
 * shared groups collected in a->clauses, a->calendar and a->out.
 *
 * Parsing rules, the same for every command:
 * - Options and operands may come in any order ("add 2023-02-03 P1Y6M
 *   --explain"); "--" ends the options.
 * - An argument that looks like a negative number or duration ("-1m",
 *   "-P90D", "-p1y", "--5y") is an operand, never an option: no short
 *   option may be a digit, 'P' or 'p' directly followed by a digit.
 * - Long options take "--name VALUE" or "--name=VALUE" and may be
 *   abbreviated to any unambiguous prefix; short options may be bundled
 *   ("-eo FILE", "-oFILE").
 * - An option that takes a value takes the next argument whatever it is
 *   ("--conference-at -1y").
 * - A value outside an option's VALUES, an option with OPT_ONCE given
 *   twice, and an option given with a --format it has no effect in (see
 *   FORMATS) are usage errors (exit status 2), like an unknown option.
 *
 * Order of work in options_run(): every argument in turn (each option's
 * handler runs as it is met; -h and -V print and return at once); then
 * the format (--format and the -o name's extension, which must agree);
 * then the FORMATS check of every option given; then each group's FINISH;
 * then exec; then cleanup.  exec is not called after a usage error, so it
 * only checks its operands.
 *
 * Writing a command:
 * - Put its own options in a struct opt table: flags with opt_bool or
 *   opt_count, values with opt_string (with OPT_ONCE if a second one is a
 *   mistake, VALUES if only some are allowed), or a handler of its own
 *   that checks and stores the value (compare's --width, batch's
 *   --delimiter).  Give each the FORMATS it works in.
 * - List the groups it takes: options_treaty_groups (output, clauses, calendar) or
 *   &options_output alone (set FORMATS and DEFAULT_FORMAT: the --format
 *   names, the -o extensions and the checks follow).
 * - Read the groups' results in exec: a->out.path and a->out.format for
 *   output_open() and the writer; clauses_apply(spec, &a->clauses) (it
 *   fails only on a flag's own value, so once it succeeded for one spec it
 *   succeeds for every other, e.g. for each row of batch); a->calendar
 *   for calendar_compute() and the ics options.
 */
#ifndef TREATYTERM_OPTIONS_H
#define TREATYTERM_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "cli/calendar.h"
#include "cli/clauses.h"
#include "out/filter.h"
#include "out/format.h"

struct args;
struct opt;

/* Takes option O with VALUE (NULL for an option without an argument).
 * Returns 0, or an exit status after printing a message: EXIT_USAGE
 * (through cli_usage_error()) for a misuse, EXIT_INVALID for a bad value
 * that the library rejected. */
typedef int opt_handler(struct args *a, const struct opt *o,
			const char *value);

/* struct opt flags. */
#define OPT_ONCE	0x1	/* may be given only once */
#define OPT_FORMATS	0x2	/* VALUES are the command's formats */

struct opt {
	const char *name;	/* the long name, without "--" */
	int shortname;		/* 'e' for -e, or 0 */
	const char *arg;	/* the argument's name for --help ("FILE"),
				 * or NULL for an option without one; NULL
				 * with VALUES shows them: "--roll a|b|c" */
	const char *help;	/* one sentence, wrapped by --help */
	opt_handler *handler;
	/* The values the argument may take (NULL-terminated); the parser
	 * refuses others and --help lists them.  NULL for any value. */
	const char *const *values;
	/* Where opt_bool(), opt_string() and opt_count() store, in the
	 * command's own state a->own. */
	size_t offset;
	/* A number for the handler (the clause flags: the key's index). */
	int key;
	unsigned flags;		/* OPT_ONCE, OPT_FORMATS */
	/* The formats (a mask of enum format) in which the option has an
	 * effect; given with any other, it is a usage error.  0: all. */
	unsigned formats;
};

#define OPT_END { .name = NULL }

/* A shared group of options, listed under TITLE in --help.  OPTS is a
 * fixed table, or TABLE returns one built on first use (the clause flags
 * come from the library's schema).  FINISH, if set, runs once all
 * arguments are parsed and the format is known, to check how the group's
 * options go together; it returns 0 or an exit status after a message. */
struct opt_group {
	const char *title;
	const struct opt *opts;
	const struct opt *(*table)(void);
	int (*finish)(struct args *a);
};

/* --entry-into-force DATE ... --milestone-date DATE: one per spec key,
 * collected in order into a->clauses (see clauses.h). */
extern const struct opt_group options_clauses;
/* --holidays, --roll, --remind (repeatable), --remind-all, --rrule,
 * --calendar-name and the other calendar options, --previous: into
 * a->calendar (see calendar.h). */
extern const struct opt_group options_calendar;
/* -f/--format and -o/--output: into a->out; the format is resolved from
 * both before exec (see struct output_opts). */
extern const struct opt_group options_output;
/* --from, --until, --kind: into a->filter, and the same window into
 * a->calendar.ics (see filter.h). */
extern const struct opt_group options_filter;
/* The groups of the commands that compute treaties (schedule, compare,
 * batch): output, clauses, calendar, filter; NULL-terminated. */
extern const struct opt_group *const options_treaty_groups[];

/* A command. */
struct cli_command {
	const char *name;
	const char *summary;	/* one line for "treatyterm --help" */
	const char *usage;	/* after "Usage: treatyterm NAME " */
	const char *description;	/* for --help, lines already broken */
	/* Prints more of --help after the description (what a table
	 * outside the command knows, e.g. the library's schema), or NULL. */
	void (*help_more)(FILE *fp);
	const struct opt *options;	/* its own, OPT_END-terminated */
	const struct opt_group *const *groups;	/* NULL-terminated */
	/* The formats --format and -o accept (a mask of enum format), and
	 * the one used when neither says. */
	unsigned formats;
	enum format default_format;
	/* The exit status for a failure before exec (memory, a failed
	 * --help), which is otherwise EXIT_INVALID; 0 for that.  diff's
	 * 1 means "different", so its trouble is 2. */
	int trouble;
	size_t size;		/* of the command's own state, a->own */
	/* Takes each operand in command-line order, interleaved with the
	 * options (compare's proposals); NULL collects them in a->argv. */
	int (*operand)(struct args *a, char *arg);
	int (*exec)(struct args *a);
	/* Frees what the command's handlers allocated in a->own; called
	 * whether or not exec ran. */
	void (*cleanup)(struct args *a);
};

/* What -f and -o said. */
struct output_opts {
	const char *path;	/* -o FILE; NULL for standard output */
	enum format format;	/* resolved before exec */
	bool format_given;	/* --format was given */
};

/* The parsed command line, handed to exec. */
struct args {
	const struct cli_command *cmd;
	int argc;		/* the operands (unless cmd->operand) */
	char **argv;
	void *own;		/* cmd->size bytes, zeroed before parsing */
	struct clause_flags clauses;
	struct calendar_opts calendar;
	struct output_opts out;
	struct filter filter;	/* --from, --until, --kind */

	/* The options of the command, own then groups, and how many times
	 * each was given. */
	const struct opt **opts;
	unsigned *given;
	size_t nopts;
};

/* Parses ARGV (ARGV[0] is the command's name) for CMD, then runs
 * cmd->exec; returns the exit status.  --help and --version print and
 * return without running the command. */
int options_run(const struct cli_command *cmd, int argc, char **argv);

/* How many times the option with the long name NAME was given. */
unsigned args_given(const struct args *a, const char *name);

/* Handlers for the command's own options, storing at o->offset in a->own:
 * a bool set to true; a const char * (the argument, which lives as long as
 * argv); an unsigned incremented. */
opt_handler opt_bool;
opt_handler opt_string;
opt_handler opt_count;
/* --format: sets a->out.format (use with OPT_FORMATS). */
opt_handler opt_format;

/* Prints the --help of CMD to FP. */
void options_help(const struct cli_command *cmd, FILE *fp);

#endif /* TREATYTERM_OPTIONS_H */
