/*
 * main.c -- the treatyterm program: global options and the command table.
 *
 * Each subcommand lives in its own cmd-*.c file and exports a
 * struct cli_command declaring its options; this file only finds the
 * command and hands it to options_run() (options.h).
 */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

static const struct cli_command *const commands[] = {
	&cmd_add,
	&cmd_between,
	&cmd_schedule,
	&cmd_compare,
	&cmd_presets,
	&cmd_batch,
	&cmd_diff,
	&cmd_agenda,
#ifdef HAVE_SERVE
	&cmd_serve,
#endif
};

static int
usage(FILE *fp)
{
	fprintf(fp,
		"Usage: %s COMMAND [OPTION]... [ARGUMENT]...\n"
		"Compute the dates that treaty-duration clauses produce.\n"
		"\n"
		"Commands:\n", cli_program);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(fp, "  %-10s  %s\n", commands[i]->name,
			commands[i]->summary);
	fprintf(fp,
		"\n"
		"  -h, --help     display this help and exit\n"
		"  -V, --version  output version information and exit\n"
		"\n"
		"Run '%s COMMAND --help' for a command's options.\n"
		"Exit status: 0 success, 1 invalid input or failed write,\n"
		"2 wrong usage, 3 some batch rows skipped, 4 some agenda "
		"inputs\n"
		"could not be read (the others listed); for diff, as for "
		"diff(1):\n"
		"0 nothing differs, 1 something does, 2 trouble.\n",
		cli_program);
	return EXIT_OK;
}

int
main(int argc, char **argv)
{
	const char *name;

	if (argc < 2)
		return cli_usage_error(NULL, "missing command");
	name = argv[1];
	if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
		usage(stdout);
		return cli_finish_stdout(EXIT_OK);
	}
	if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0)
		return cli_print_version();
	if (name[0] == '-')
		return cli_usage_error(NULL, "unrecognized option '%s'", name);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return options_run(commands[i], argc - 1, argv + 1);
#ifndef HAVE_SERVE
	if (strcmp(name, "serve") == 0)
		return cli_usage_error(NULL, "this treatyterm was built without "
				       "the serve command (configure "
				       "--without-serve)");
#endif
	return cli_usage_error(NULL, "unknown command '%s'", name);
}
