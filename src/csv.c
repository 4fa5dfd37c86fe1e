/*
 * csv.c -- CSV (RFC 4180) out, with libcsv doing the quoting.
 *
 * This is the only file that includes libcsv's header.
 */
#include <config.h>

#include <csv.h>
#include <string.h>

#include "format.h"

static const char *const columns[] = {
	"treaty_id", "date", "weekday", "kind", "label", "nominal_date",
	"basis"
};

/* Writes FIELDS as one CRLF-terminated record. */
static bool
record(FILE *fp, const char *const *fields, size_t nfields)
{
	for (size_t i = 0; i < nfields; i++) {
		if (i > 0 && fputc(',', fp) == EOF)
			return false;
		size_t n = strlen(fields[i]);

		/* Quote only the fields that need it. */
		if (strpbrk(fields[i], ",\"\r\n") != NULL) {
			if (csv_fwrite(fp, fields[i], n) != 0)
				return false;
		} else if (fwrite(fields[i], 1, n, fp) != n) {
			return false;
		}
	}
	return fputs("\r\n", fp) != EOF;
}

bool
csv_write_header(FILE *fp)
{
	return record(fp, columns, sizeof columns / sizeof columns[0]);
}

bool
csv_write_schedule(FILE *fp, const tt_schedule *s)
{
	for (size_t i = 0; i < tt_schedule_count(s); i++) {
		const tt_milestone *m = tt_schedule_at(s, i);
		char d[TT_DATE_BUFSIZE], nd[TT_DATE_BUFSIZE] = "";
		char label[TT_TEXT_BUFSIZE], basis[TT_TEXT_BUFSIZE];
		const char *fields[7];

		if (m->flags & TT_MS_ROLLED)
			tt_date_format(m->nominal, nd);
		fields[0] = tt_schedule_id(s);
		fields[1] = tt_date_format(m->date, d);
		fields[2] = tt_weekday_name(tt_date_weekday(m->date));
		fields[3] = tt_kind_name(m->kind);
		fields[4] = tt_milestone_label(m, label, sizeof label);
		fields[5] = nd;
		fields[6] = tt_milestone_basis(m, basis, sizeof basis);
		if (!record(fp, fields, 7))
			return false;
	}
	return !ferror(fp);
}
