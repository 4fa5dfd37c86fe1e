/*
 * clauses.h -- treaty clauses from the command line: spec files, presets
 * and the clause flags, shared by schedule, compare and batch.
 *
 * Each clause flag names the spec key it sets (--consultation-first sets
 * [consultation] first); flags are collected while options are parsed and
 * applied after the spec file or preset, so that they override it.
 */
#ifndef TREATYTERM_CLAUSES_H
#define TREATYTERM_CLAUSES_H

#include <getopt.h>
#include <stdbool.h>

#include <treatyterm/treatyterm.h>

/* getopt_long() values of the clause flags start here. */
#define CLAUSE_OPTION_BASE 1000

struct clause_flag {
	const char *flag;	/* without "--" */
	const char *section;
	const char *key;
	const char *arg;	/* for --help */
	/* For the repeatable sections: this flag starts a new [conference]
	 * or [milestone]; the others of that section go to the newest. */
	bool starts;
};

/* The flags given, in order. */
struct clause_flags {
	struct {
		const struct clause_flag *def;
		const char *value;
	} *items;
	size_t n, cap;
};

/* Appends the clause flags' getopt entries to OPTS (which has room for
 * clause_option_count() more), and returns the new count. */
size_t clause_options(struct option *opts, size_t n);
size_t clause_option_count(void);
/* Records the clause flag getopt returned as C with OPTARG; false if C is
 * not a clause flag. */
bool clause_flags_add(struct clause_flags *f, int c, const char *optarg);
void clause_flags_free(struct clause_flags *f);
/* Prints the clause flags for --help. */
void clause_flags_help(FILE *fp);

struct calendar_opts;

/* The getopt_long() table of a command: its N own options OWN, then the
 * clause flags and the calendar options, then the terminating entry.
 * NULL (after a message) when memory runs out; release with free(). */
struct option *clause_longopts(const struct option *own, size_t n);
/* Takes option C if it is a clause flag (into F) or a calendar option
 * (into CAL): returns 1 if it was, 0 if not, or minus the exit status
 * after a message about a bad value. */
int clause_or_calendar_option(struct clause_flags *f,
			      struct calendar_opts *cal, const char *cmd,
			      int c, const char *optarg);

/* Where a spec came from, for messages: a file name, "preset NAME", or
 * "command line". */
struct spec_source {
	const char *file;	/* NULL for a preset or the command line */
	const char *preset;	/* NULL unless from a preset */
};

/* Reads the spec file PATH ("-" for standard input) into SPEC; prints a
 * message and returns false on error. */
bool clauses_load_file(tt_spec *spec, const char *path);
/* Loads the preset NAME into SPEC; prints a message and returns false if
 * there is none. */
bool clauses_load_preset(tt_spec *spec, const char *name);
/* Applies the flags to SPEC; prints a message naming the flag on error. */
bool clauses_apply(tt_spec *spec, const struct clause_flags *f);
/* Prints an error found when SPEC (from SRC) is checked or computed:
 * "FILE:LINE:COL: msg" for a value from a file, "option --flag: msg" for a
 * flag, else "SOURCE: msg". */
void clauses_report(const struct spec_source *src, const tt_error *e);
/* The flag that sets SECTION.KEY, or NULL. */
const char *clause_flag_for(const char *section, const char *key);

#endif /* TREATYTERM_CLAUSES_H */
