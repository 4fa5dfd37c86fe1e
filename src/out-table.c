/*
 * out-table.c -- a schedule as a readable timeline.
 */
#include <config.h>

#include <string.h>

#include "format.h"
#include "text.h"

/* Writes TEXT indented, wrapped at about 76 columns. */
static void
wrapped(FILE *fp, const char *indent, const char *text)
{
	size_t width = 76 - strlen(indent);

	while (*text != '\0') {
		size_t n = strlen(text), cut = n;

		if (n > width) {
			cut = width;
			while (cut > 0 && text[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = width;
		}
		fprintf(fp, "%s%.*s\n", indent, (int)cut, text);
		text += cut;
		while (*text == ' ')
			text++;
	}
}

#define INDENT "                 "

/* The dates M has under other readings, on a line of their own. */
static void
readings(FILE *fp, struct text *text, const tt_milestone *m)
{
	if (m->nalternatives > 0)
		wrapped(fp, INDENT, text_milestone(text, tt_milestone_readings,
						   m));
}

/* Milestones that wait for an event, after the dated ones. */
static void
pending(FILE *fp, struct text *text, const tt_schedule *s)
{
	for (size_t i = 0; i < tt_schedule_pending_count(s); i++) {
		const tt_milestone *m = tt_schedule_pending_at(s, i);

		fprintf(fp, "%-15s  %-24s %s\n", "pending",
			tt_kind_name(m->kind),
			text_milestone(text, tt_milestone_label, m));
		wrapped(fp, INDENT, text_milestone(text,
						   tt_milestone_condition, m));
	}
}

/* The expiry, or what it waits for. */
static void
expiry(FILE *fp, struct text *text, const tt_schedule *s)
{
	char b[TT_DATE_BUFSIZE];
	tt_date exp;

	if (tt_schedule_expiry(s, &exp)) {
		fprintf(fp, "Expiry: %s (last day in force)\n",
			tt_date_format(exp, b));
		return;
	}
	for (size_t i = 0; i < tt_schedule_pending_count(s); i++) {
		const tt_milestone *m = tt_schedule_pending_at(s, i);

		if (m->kind == TT_KIND_EXPIRY) {
			fprintf(fp, "Expiry: pending (%s)\n",
				text_milestone(text, tt_milestone_condition,
					       m));
			return;
		}
	}
	fprintf(fp, "Expiry: none (in force indefinitely)\n");
}

static void
out_by(FILE *fp, const tt_schedule *s)
{
	char b[TT_DATE_BUFSIZE], lb[TT_DATE_BUFSIZE];
	tt_date by, latest;
	bool possible;

	if (!tt_schedule_out_by(s, &by, &possible, &latest))
		return;
	if (tt_schedule_out_by_anyway(s))
		fprintf(fp, "Out by %s: the treaty expires by then without "
			"notice.\n", tt_date_format(by, b));
	else if (possible)
		fprintf(fp, "Out by %s: the notice must be received by %s.\n",
			tt_date_format(by, b), tt_date_format(latest, lb));
	else
		fprintf(fp, "Out by %s: no notice takes effect by then.\n",
			tt_date_format(by, b));
}

bool
table_write_schedule(FILE *fp, const tt_schedule *s, bool explain)
{
	char b[TT_DATE_BUFSIZE], nb[TT_DATE_BUFSIZE];
	char words[TT_DURATION_BUFSIZE];
	struct text text;
	tt_date eif = tt_schedule_entry_into_force(s), end;
	tt_duration term;
	const char *name = tt_schedule_name(s), *id = tt_schedule_id(s);

	if (*name != '\0' && *id != '\0')
		fprintf(fp, "%s [%s]\n", name, id);
	else if (*name != '\0' || *id != '\0')
		fprintf(fp, "%s\n", *name ? name : id);
	fprintf(fp, "Entry into force: %s (%s)\n", tt_date_format(eif, b),
		tt_weekday_name(tt_date_weekday(eif)));
	if (tt_schedule_hypothetical(s))
		fprintf(fp, "Hypothetical: never in force; the dates are "
			"assumed\n");
	if (tt_schedule_bilateral(s))
		fprintf(fp, "Bilateral: a withdrawal that takes effect ends "
			"the treaty\n");
	if (tt_schedule_term(s, &term)) {
		tt_duration_format_words(term, words, sizeof words);
		fprintf(fp, "Term: %s, %s convention\n", words,
			tt_convention_name(tt_schedule_convention(s)));
	} else if (tt_schedule_ends(s, &end))
		fprintf(fp, "Term: to a fixed last day, %s\n",
			tt_date_format(end, b));
	else
		fprintf(fp, "Term: indefinite\n");
	fputc('\n', fp);
	text_init(&text);
	for (size_t i = 0; i < tt_schedule_count(s); i++) {
		const tt_milestone *m = tt_schedule_at(s, i);

		fprintf(fp, "%s  %s  %-24s %s", tt_date_format(m->date, b),
			tt_weekday_abbr(tt_date_weekday(m->date)),
			tt_kind_name(m->kind),
			text_milestone(&text, tt_milestone_label, m));
		if (m->flags & TT_MS_ROLLED)
			fprintf(fp, " (moved from %s %s)",
				tt_weekday_abbr(tt_date_weekday(m->nominal)),
				tt_date_format(m->nominal, nb));
		fputc('\n', fp);
		readings(fp, &text, m);
		if (explain) {
			wrapped(fp, INDENT,
				text_milestone(&text, tt_milestone_derivation,
					       m));
			wrapped(fp, INDENT,
				text_milestone(&text, tt_milestone_rule, m));
		}
	}
	pending(fp, &text, s);
	fputc('\n', fp);
	expiry(fp, &text, s);
	text_free(&text);
	out_by(fp, s);
	if (tt_schedule_truncated(s))
		fprintf(fp, "Series without end are shown up to %s "
			"(change with --horizon).\n",
			tt_date_format(tt_schedule_horizon(s), b));
	return !ferror(fp);
}
