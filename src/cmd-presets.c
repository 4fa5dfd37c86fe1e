/*
 * cmd-presets.c -- "treatyterm presets": the built-in treaties and
 * proposals, their sources, and their spec files.
 */
#include <config.h>

#include <getopt.h>
#include <string.h>

#include "cli.h"
#include "format.h"

static void
usage(void)
{
	printf("Usage: %s presets [--explain] [--format list|ini] [NAME]...\n"
	       "List the built-in treaties and proposals, or show the named "
	       "ones.\n"
	       "\n"
	       "  -e, --explain         show where each preset's clauses "
	       "come from\n"
	       "  -f, --format FORMAT   list (default), or ini to print "
	       "each as a spec\n"
	       "                        file to edit and use as SPEC\n"
	       "  -h, --help            display this help and exit\n"
	       "  -V, --version         output version information and "
	       "exit\n", cli_program);
}

static void
show(const tt_preset *p, bool explain, bool ini)
{
	if (ini) {
		fputs(p->text, stdout);
		return;
	}
	printf("%-20s %s\n", p->name, p->title);
	if (explain)
		printf("%s", p->source);
}

static int
run(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "explain", no_argument, NULL, 'e' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	bool explain = false, ini = false;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ef:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'e':
			explain = true;
			break;
		case 'f':
			if (strcmp(optarg, "ini") == 0)
				ini = true;
			else if (strcmp(optarg, "list") == 0)
				ini = false;
			else
				return cli_usage_error("presets", "unknown "
						       "format '%s' (expected "
						       "list or ini)", optarg);
			break;
		case 'h':
			usage();
			return cli_finish_stdout(EXIT_OK);
		case 'V':
			return cli_print_version();
		default:
			return cli_option_error("presets", c, argv);
		}
	}
	if (ini && optind == argc)
		return cli_usage_error("presets", "--format ini needs the "
				       "NAME of a preset");
	for (int i = optind; i < argc; i++)
		if (tt_preset_find(argv[i]) == NULL) {
			cli_error("unknown preset '%s' (see 'treatyterm "
				  "presets')", argv[i]);
			return EXIT_INVALID;
		}
	if (optind == argc) {
		for (size_t i = 0; i < tt_preset_count(); i++) {
			if (explain && i > 0)
				putchar('\n');
			show(tt_preset_at(i), explain, false);
		}
	} else {
		for (int i = optind; i < argc; i++) {
			if ((ini || explain) && i > optind)
				putchar('\n');
			show(tt_preset_find(argv[i]), explain, ini);
		}
	}
	return cli_finish_stdout(EXIT_OK);
}

const struct cli_command cmd_presets = {
	.name = "presets",
	.summary = "list the built-in treaties and proposals",
	.run = run,
};
