/*
 * format.c -- output format names.
 */
#include <config.h>

#include <string.h>

#include "cli.h"
#include "format.h"

static const struct {
	const char *name;
	enum format format;
} names[] = {
	{ "table", FORMAT_TABLE },
	{ "json", FORMAT_JSON },
	{ "jsonl", FORMAT_JSONL },
	{ "csv", FORMAT_CSV },
	{ "ics", FORMAT_ICS },
	{ "svg", FORMAT_SVG },
	{ "png", FORMAT_PNG },
	{ "pdf", FORMAT_PDF },
};

bool
format_parse(const char *cmd, const char *s, unsigned allowed,
	     enum format *out)
{
	char list[128] = "";
	size_t n = 0;

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (!(allowed & names[i].format))
			continue;
		if (strcmp(s, names[i].name) == 0) {
			*out = names[i].format;
			return true;
		}
		n += (size_t)snprintf(list + n, sizeof list - n, "%s%s",
				      n ? ", " : "", names[i].name);
		if (n >= sizeof list)
			n = sizeof list - 1;
	}
	cli_usage_error(cmd, "unknown format '%s' (expected %s)", s, list);
	return false;
}
