/*
 * cli.h -- what the subcommands of the treatyterm program share.
 *
 * The library never prints; every message the program writes goes through
 * the functions here, in the GNU form "treatyterm: message" (with
 * "FILE:LINE:COLUMN: " before the message when there is a location).
 */
#ifndef TREATYTERM_CLI_H
#define TREATYTERM_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include <treatyterm/treatyterm.h>

#include "cli/options.h"

#if defined(__GNUC__)
#define CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CLI_PRINTF(f, a)
#endif

/* Exit statuses, documented in treatyterm(1). */
enum cli_exit {
	EXIT_OK = 0,
	EXIT_INVALID = 1,	/* invalid input, or a failed read or write */
	EXIT_USAGE = 2,		/* wrong usage: unknown option, missing argument */
	EXIT_SKIPPED = 3,	/* batch: some rows were reported and skipped */
	EXIT_DIFFERS = 3,	/* --check: recorded dates differ from the
				 * computed ones */
	EXIT_PARTIAL = 4	/* agenda: some inputs could not be read
				 * (the others were listed) */
};

extern const struct cli_command cmd_add;
extern const struct cli_command cmd_between;
extern const struct cli_command cmd_schedule;
extern const struct cli_command cmd_compare;
extern const struct cli_command cmd_presets;
extern const struct cli_command cmd_batch;
extern const struct cli_command cmd_diff;

/* The exit statuses of "diff", which are diff(1)'s: any trouble at all,
 * invalid input included, is 2 (see struct cli_command's TROUBLE). */
enum diff_exit {
	DIFF_SAME = 0,		/* nothing differs */
	DIFF_DIFFERENT = 1,	/* something does */
	DIFF_TROUBLE = 2	/* bad input, usage, a failed write */
};
extern const struct cli_command cmd_agenda;
extern const struct cli_command cmd_serve;

extern const char *cli_program;	/* "treatyterm" */

void cli_error(const char *fmt, ...) CLI_PRINTF(1, 2);
/* "treatyterm: WHAT 'VALUE': column C: MESSAGE" for a bad argument. */
void cli_arg_error(const char *what, const char *value, const tt_error *e);
/* The same message, without the program's name, into BUF (SIZE bytes);
 * returns the length it needed, as snprintf() does. */
size_t cli_arg_error_format(char *buf, size_t size, const char *what,
			    const char *value, const tt_error *e);
/* "treatyterm: FILE:LINE:COLUMN: MESSAGE" for a bad input file. */
void cli_file_error(const char *file, const tt_error *e);
/* "Try 'treatyterm CMD --help' ..." after a usage error; returns
 * EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) CLI_PRINTF(2, 3);
/* Prints the version text for --version; returns EXIT_OK or, when
 * stdout cannot be written, EXIT_INVALID. */
int cli_print_version(void);
/* Flushes stdout and reports a failed write; returns the exit status. */
int cli_finish_stdout(int status);
/* "treatyterm: FILE: write error: REASON" (strerror(ERR), or EIO's when
 * ERR is 0); FILE NULL is standard output. */
void cli_write_error(const char *file, int err);

/* Reads all of FP (at most 128 MiB) into a new buffer the caller frees;
 * NULL with errno set on failure. */
char *cli_read_all(FILE *fp, size_t *len);

/* Today's date: TREATYTERM_TODAY (YYYY-MM-DD) when it is set, so that
 * tests and reruns can fix it, else the local date from the clock.  False
 * after a message when TREATYTERM_TODAY is not a valid date. */
bool cli_today(tt_date *out);
/* Parses the date S ("today" too, see cli_today()); false after a message
 * naming WHAT. */
bool cli_parse_date(const char *what, const char *s, tt_date *out);
bool cli_parse_duration(const char *what, const char *s, tt_duration *out);

#endif /* TREATYTERM_CLI_H */
