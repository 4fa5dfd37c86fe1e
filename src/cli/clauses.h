/*
 * clauses.h -- treaty clauses from the command line: spec files, presets
 * and the clause flags, shared by schedule, compare and batch.
 *
 * Each clause flag names the spec key it sets (--consultation-first sets
 * [consultation] first); the flags are made from the library's schema, so
 * that a new key is a new flag.  They are collected while options are
 * parsed (the option group options_clauses, see options.h) and applied
 * after the spec file or preset, so that they override it.
 */
#ifndef TREATYTERM_CLAUSES_H
#define TREATYTERM_CLAUSES_H

#include <stdbool.h>
#include <stdio.h>

#include <treatyterm/treatyterm.h>

/* A clause flag, one per key of the library's schema: "--entry-into-force"
 * for [treaty] entry_into_force, "--SECTION-KEY" for the other sections
 * ("--withdrawal-notice"), with '_' written '-'. */
struct clause_flag {
	const char *flag;	/* without "--" */
	const char *section;
	const char *key;
	const char *arg;	/* the value's form, for --help */
	const tt_spec_key *def;	/* the key in the library's schema */
};

/* The flags given, in order. */
struct clause_flags {
	struct {
		const struct clause_flag *def;
		const char *value;
	} *items;
	size_t n, cap;
};

void clause_flags_free(struct clause_flags *f);

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
/* A new spec in which the date "today" means today (see cli_today());
 * NULL after a message. */
tt_spec *clauses_spec_new(void);
/* Applies the flags to SPEC, in order.  A flag of a repeatable section
 * ([conference], [milestone]) starts a new instance when the newest one
 * already has its key, so that either key may come first.  Prints a
 * message naming the flag on error.  Errors depend only on the flags'
 * values, not on SPEC: once the flags applied to one spec made by
 * clauses_spec_new(), they apply to any other. */
bool clauses_apply(tt_spec *spec, const struct clause_flags *f);
/* The same without printing: false with the message in WHY (SIZE bytes,
 * CLAUSES_WHY_SIZE is room enough; a longer one is cut at a character),
 * for a thread that must not print (batch's workers). */
#define CLAUSES_WHY_SIZE 4096
bool clauses_apply_quiet(tt_spec *spec, const struct clause_flags *f,
			 char *why, size_t size);
/* Prints an error found when SPEC (from SRC) is checked or computed:
 * "FILE:LINE:COL: msg" for a value from a file, "option --flag: msg" for a
 * flag, else "SOURCE: msg". */
void clauses_report(const struct spec_source *src, const tt_error *e);
/* The flag that sets SECTION.KEY, or NULL. */
const char *clause_flag_for(const char *section, const char *key);

#endif /* TREATYTERM_CLAUSES_H */
