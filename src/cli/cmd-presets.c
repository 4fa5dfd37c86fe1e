/*
 * cmd-presets.c -- "treatyterm presets": the built-in treaties and
 * proposals, their sources, and their spec files.
 */
#include <config.h>

#include <stddef.h>
#include <string.h>

#include "cli/cli.h"
#include "out/format.h"
#include "cli/options.h"

struct presets_state {
	bool explain;
};

static int exec(struct args *a);

static const struct opt options[] = {
	{ .name = "explain", .shortname = 'e', .handler = opt_bool,
	  .offset = offsetof(struct presets_state, explain),
	  .formats = FORMAT_LIST,
	  .help = "show where each preset's clauses come from" },
	{ .name = "format", .shortname = 'f', .arg = "FORMAT",
	  .handler = opt_format, .flags = OPT_FORMATS,
	  .help = "ini prints each named preset as a spec file to edit and "
		  "use as SPEC" },
	OPT_END
};

const struct cli_command cmd_presets = {
	.name = "presets",
	.summary = "list the built-in treaties and proposals",
	.usage = "[OPTION]... [NAME]...",
	.description =
	    "List the built-in treaties and proposals, or show the named "
	    "ones.\n",
	.options = options,
	.formats = FORMAT_LIST | FORMAT_INI,
	.default_format = FORMAT_LIST,
	.size = sizeof (struct presets_state),
	.exec = exec,
};

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
exec(struct args *a)
{
	const struct presets_state *st = a->own;
	bool ini = a->out.format == FORMAT_INI;

	if (ini && a->argc == 0)
		return cli_usage_error("presets", "--format ini needs the "
				       "NAME of a preset");
	for (int i = 0; i < a->argc; i++)
		if (tt_preset_find(a->argv[i]) == NULL) {
			cli_error("unknown preset '%s' (see 'treatyterm "
				  "presets')", a->argv[i]);
			return EXIT_INVALID;
		}
	if (a->argc == 0) {
		for (size_t i = 0; i < tt_preset_count(); i++) {
			if (st->explain && i > 0)
				putchar('\n');
			show(tt_preset_at(i), st->explain, false);
		}
	} else {
		for (int i = 0; i < a->argc; i++) {
			if ((ini || st->explain) && i > 0)
				putchar('\n');
			show(tt_preset_find(a->argv[i]), st->explain, ini);
		}
	}
	return cli_finish_stdout(EXIT_OK);
}
