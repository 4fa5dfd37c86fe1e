/*
 * format.c -- output format names, and the extensions of -o files that
 * imply them.
 */
#include <config.h>

#include <strings.h>
#include <string.h>

#include "out/format.h"

static const struct {
	const char *name;
	enum format format;
	const char *ext;	/* the -o file extension that implies it */
} names[] = {
	{ "table", FORMAT_TABLE, ".txt" },
	{ "json", FORMAT_JSON, ".json" },
	{ "jsonl", FORMAT_JSONL, ".jsonl" },
	{ "csv", FORMAT_CSV, ".csv" },
	{ "ics", FORMAT_ICS, ".ics" },
	{ "jcal", FORMAT_JCAL, ".jcal" },
	{ "svg", FORMAT_SVG, ".svg" },
	{ "png", FORMAT_PNG, ".png" },
	{ "pdf", FORMAT_PDF, ".pdf" },
	{ "list", FORMAT_LIST, NULL },
	{ "ini", FORMAT_INI, ".ini" },
};

#define NNAMES (sizeof names / sizeof names[0])

bool
format_lookup(const char *name, enum format *out)
{
	for (size_t i = 0; i < NNAMES; i++)
		if (strcmp(name, names[i].name) == 0) {
			*out = names[i].format;
			return true;
		}
	return false;
}

const char *
format_name(enum format f)
{
	for (size_t i = 0; i < NNAMES; i++)
		if (names[i].format == f)
			return names[i].name;
	return "?";
}

/* "a, b or c" of the names (or extensions) of the formats in MASK. */
static void
join(char *buf, size_t size, unsigned mask, enum format deflt, bool ext)
{
	size_t n = 0, count = 0, k = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < NNAMES; i++)
		if ((mask & names[i].format) && (!ext || names[i].ext))
			count++;
	for (size_t i = 0; i < NNAMES && n < size; i++) {
		if (!(mask & names[i].format) || (ext && !names[i].ext))
			continue;
		n += (size_t)snprintf(buf + n, size - n, "%s%s%s",
				      k == 0 ? "" : k + 1 == count ? " or " :
				      ", ", ext ? names[i].ext : names[i].name,
				      names[i].format == deflt ?
				      " (the default)" : "");
		k++;
	}
}

void
format_list(char *buf, size_t size, unsigned mask, enum format deflt)
{
	join(buf, size, mask, deflt, false);
}

void
format_extensions(char *buf, size_t size, unsigned mask)
{
	join(buf, size, mask, 0, true);
}

int
format_from_path(const char *path, enum format *out, const char **ext)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	*ext = dot;
	if (dot == NULL || dot == base)
		return 0;
	for (size_t i = 0; i < NNAMES; i++)
		if (names[i].ext != NULL && strcasecmp(dot, names[i].ext) == 0) {
			*out = names[i].format;
			return 1;
		}
	return -1;
}
