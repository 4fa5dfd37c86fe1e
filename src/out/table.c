/*
 * table.c -- a schedule as a readable timeline, proposals side by
 * side ("compare"), and what "diff" found as lines in the manner of
 * diff(1).
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "out/agenda.h"
#include "out/compare.h"
#include "out/diff-report.h"
#include "out/filter.h"
#include "lib/utf8.h"
#include "out/format.h"
#include "out/text.h"

/* Writes TEXT indented, wrapped at about 76 columns, a character a
 * column (as ttp_utf8_width() counts): at the last space that fits, or
 * inside a longer word between two characters, never inside one. */
static void
wrapped(FILE *fp, const char *indent, const char *text)
{
	size_t width = 76 - strlen(indent);

	while (*text != '\0') {
		size_t cut = 0;

		/* CUT past WIDTH characters, or at the end. */
		for (size_t k = 0; k < width && text[cut] != '\0'; k++)
			cut += ttp_utf8_char_len(text + cut);
		if (text[cut] != '\0') {
			/* A space is never part of a longer character. */
			size_t at = cut;

			while (at > 0 && text[at] != ' ')
				at--;
			if (at > 0)
				cut = at;
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
pending(FILE *fp, struct text *text, const tt_schedule *s,
	const struct filter *f)
{
	for (size_t i = 0; i < tt_schedule_pending_count(s); i++) {
		const tt_milestone *m = tt_schedule_pending_at(s, i);

		if (!filter_keep(f, m))
			continue;
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
	char b[TT_DATE_BUFSIZE], lb[TT_DATE_BUFSIZE];
	struct text_end end;

	if (text_end(s, &end)) {
		if (end.reason == TEXT_END_WITHDRAWAL)
			fprintf(fp, "Ends: %s (the withdrawal takes effect; "
				"last day in force %s)\n",
				tt_date_format(end.date, b),
				tt_date_format(end.last_day, lb));
		else
			fprintf(fp, "Expiry: %s (last day in force)\n",
				tt_date_format(end.date, b));
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

static void out_by_next(FILE *fp, const tt_schedule *s);

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
	out_by_next(fp, s);
}

/* When the answer of --out-by has passed, or there is none: say so, and
 * what is left from today on. */
static void
out_by_next(FILE *fp, const tt_schedule *s)
{
	char b[TT_DATE_BUFSIZE], b2[TT_DATE_BUFSIZE], b3[TT_DATE_BUFSIZE];
	struct text_out_by t;
	tt_date latest;

	if (!text_out_by_today(s, &t) || !t.show_next)
		return;
	if (t.passed) {
		tt_schedule_out_by(s, NULL, NULL, &latest);
		fprintf(fp, "%s has passed (today is %s); the next way out",
			tt_date_format(latest, b), tt_date_format(t.today, b2));
	} else
		fprintf(fp, "The next way out");
	if (!t.has_next) {
		fprintf(fp, ": none, no later notice takes effect.\n");
		return;
	}
	fprintf(fp, ": a notice received from %s",
		tt_date_format(t.next.notice_from, b));
	if (t.next.has_until)
		fprintf(fp, " to %s", tt_date_format(t.next.notice_until, b));
	fprintf(fp, " takes effect on %s.\n",
		tt_date_format(t.next.takes_effect, b3));
}

/* Writes S and pads it with spaces to WIDTH columns. */
static void
padded(FILE *fp, const char *s, size_t width)
{
	size_t n = ttp_utf8_width(s);

	fputs(s, fp);
	for (; n < width; n++)
		fputc(' ', fp);
}

/* A party's date as a cell: the date, or "-". */
static const char *
cell(const tt_party *p, unsigned bit, tt_date d, char *buf)
{
	return (p->has & bit) ? tt_date_format(d, buf) : "-";
}

/* One row per party, after the treaty's own dates. */
static void
parties(FILE *fp, const tt_schedule *s)
{
	char b1[TT_DATE_BUFSIZE], b2[TT_DATE_BUFSIZE];
	char b3[TT_DATE_BUFSIZE], b4[TT_DATE_BUFSIZE];
	int width = 5;

	if (tt_schedule_party_count(s) == 0)
		return;
	for (size_t i = 0; i < tt_schedule_party_count(s); i++) {
		int n = (int)ttp_utf8_width(tt_schedule_party_at(s, i)->name);

		if (n > width)
			width = n;
	}
	if (width > 40)
		width = 40;
	fprintf(fp, "\n%-*s  %-10s  %-12s  %-10s  %-10s  %s\n", width,
		"Party", "Deposit", "Instrument", "In force", "Notice",
		"Withdrawal");
	for (size_t i = 0; i < tt_schedule_party_count(s); i++) {
		const tt_party *p = tt_schedule_party_at(s, i);

		padded(fp, p->name, (size_t)width);
		fprintf(fp, "  %-10s  %-12s  %-10s  %-10s  %s\n",
			cell(p, TT_PARTY_DEPOSIT, p->deposit, b1),
			(p->has & TT_PARTY_DEPOSIT) ?
			tt_instrument_name(p->instrument) : "-",
			cell(p, TT_PARTY_ENTRY_INTO_FORCE, p->entry_into_force,
			     b2),
			cell(p, TT_PARTY_NOTICE, p->notice, b3),
			(p->has & TT_PARTY_REVOKED) ? "revoked" :
			cell(p, TT_PARTY_WITHDRAWAL, p->withdrawal_effective,
			     b4));
	}
}

/* Who is a party in force on the day asked for. */
static void
as_of(FILE *fp, const tt_schedule *s)
{
	char b[TT_DATE_BUFSIZE];
	const char *sep = "";
	tt_date day;

	if (!tt_schedule_as_of(s, &day))
		return;
	fprintf(fp, "\nParties in force on %s: %zu\n",
		tt_date_format(day, b), tt_schedule_parties_in_force(s, day));
	for (size_t i = 0; i < tt_schedule_party_count(s); i++) {
		const tt_party *p = tt_schedule_party_at(s, i);

		if (!tt_party_in_force(p, day))
			continue;
		fprintf(fp, "%s%s", sep, p->name);
		sep = "; ";
	}
	if (*sep != '\0')
		fputc('\n', fp);
}

bool
table_write_discrepancies(FILE *fp, const tt_schedule *s)
{
	char b1[TT_DATE_BUFSIZE], b2[TT_DATE_BUFSIZE];
	struct text text;

	text_init(&text);
	for (size_t i = 0; i < tt_schedule_discrepancy_count(s); i++) {
		const tt_discrepancy *x = tt_schedule_discrepancy_at(s, i);
		const tt_party *p = tt_schedule_party_at(s, x->party);

		fprintf(fp, "%s: %s: recorded %s, computed %s\n", p->name,
			x->field, tt_date_format(x->recorded, b1),
			x->has_computed ? tt_date_format(x->computed, b2) :
			"none");
		if (x->has_computed)
			wrapped(fp, "    ", text_milestone(&text,
					tt_milestone_basis, &x->basis));
	}
	text_free(&text);
	return !ferror(fp);
}

bool
table_write_schedule(FILE *fp, const tt_schedule *s, bool explain)
{
	return table_write_schedule_filtered(fp, s, explain, NULL);
}

bool
table_write_schedule_filtered(FILE *fp, const tt_schedule *s, bool explain,
			      const struct filter *f)
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
	if (tt_schedule_has_entry_into_force(s))
		fprintf(fp, "Entry into force: %s (%s)\n",
			tt_date_format(eif, b),
			tt_weekday_name(tt_date_weekday(eif)));
	else
		fprintf(fp, "Entry into force: pending\n");
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
		fprintf(fp, "Term: %s, %s\n", text_term_without_duration(s),
			tt_date_format(end, b));
	else
		fprintf(fp, "Term: %s\n", text_term_without_duration(s));
	fputc('\n', fp);
	text_init(&text);
	for (size_t i = 0; i < tt_schedule_count(s); i++) {
		const tt_milestone *m = tt_schedule_at(s, i);

		/* With many parties their own dates are in the table of
		 * parties; with --party, here too. */
		if ((m->flags & TT_MS_PARTY) &&
		    tt_schedule_party_count(s) > 1)
			continue;
		if (!filter_keep(f, m))
			continue;
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
	pending(fp, &text, s, f);
	fputc('\n', fp);
	expiry(fp, &text, s);
	text_free(&text);
	out_by(fp, s);
	parties(fp, s);
	as_of(fp, s);
	if (tt_schedule_discrepancy_count(s) > 0) {
		fprintf(fp, "\nRecorded dates that differ from the computed "
			"ones:\n");
		table_write_discrepancies(fp, s);
	}
	if (tt_schedule_truncated(s))
		fprintf(fp, "Series without end are shown up to %s "
			"(change with --horizon).\n",
			tt_date_format(tt_schedule_horizon(s), b));
	return !ferror(fp);
}

/* --- diff ------------------------------------------------------------- */

/* A milestone's date, or "pending". */
static const char *
date_or_pending(const tt_milestone *m, char *buf)
{
	return m->pending ? "pending" : tt_date_format(m->date, buf);
}

/* "litvinov-1946: term 50y → 35y; withdrawal.notice 1y → 6m", and
 * "party[Holy See] removed"; false (errno set) when memory runs out. */
static bool
diff_header(FILE *fp, const struct diff_treaty *t)
{
	size_t n = tt_diff_clause_count(t->d);

	fprintf(fp, "%s:", t->id);
	if (t->change == DIFF_TREATY_ADDED)
		fprintf(fp, " added");
	else if (t->change == DIFF_TREATY_REMOVED)
		fprintf(fp, " removed");
	else if (n == 0)
		fprintf(fp, " no clause changed");
	for (size_t i = 0; i < n; i++) {
		const tt_clause_change *c = tt_diff_clause_at(t->d, i);
		const char *whole = diff_party_change(c);
		char *name = diff_clause_name(c);

		if (name == NULL) {
			errno = ENOMEM;
			return false;
		}
		if (whole != NULL)
			fprintf(fp, "%s %s %s", i > 0 ? ";" : "", name, whole);
		else
			fprintf(fp, "%s %s %s " DIFF_ARROW " %s",
				i > 0 ? ";" : "", name,
				c->before ? c->before : "(unset)",
				c->after ? c->after : "(unset)");
		free(name);
	}
	fputc('\n', fp);
	return true;
}

/* "~ 1997-09-15 → 1982-09-15  expiry  Expiry (last day in force)  -5479
 * days", and "- DATE  KIND  LABEL (removed)", "+ ... (added)". */
static void
diff_line(FILE *fp, struct text *text, const tt_milestone_change *c)
{
	char d1[TT_DATE_BUFSIZE], d2[TT_DATE_BUFSIZE];
	const tt_milestone *m = c->after ? c->after : c->before;
	const char *label = text_milestone(text, tt_milestone_label, m);

	switch (c->change) {
	case TT_CHANGE_MOVED:
		fprintf(fp, "~ %s " DIFF_ARROW " %s  %s  %s",
			date_or_pending(c->before, d1),
			date_or_pending(c->after, d2), tt_kind_name(m->kind),
			label);
		if (c->has_days)
			fprintf(fp, "  %+ld day%s", (long)c->days,
				c->days == 1 || c->days == -1 ? "" : "s");
		fputc('\n', fp);
		break;
	case TT_CHANGE_REMOVED:
		fprintf(fp, "- %s  %s  %s (removed)\n",
			date_or_pending(m, d1), tt_kind_name(m->kind), label);
		break;
	default:
		fprintf(fp, "+ %s  %s  %s (added)\n",
			date_or_pending(m, d1), tt_kind_name(m->kind), label);
		break;
	}
}

bool
table_write_diff(FILE *fp, const struct diff_report *r)
{
	struct text text;
	bool first = true;

	text_init(&text);
	for (size_t i = 0; i < r->n; i++) {
		const struct diff_treaty *t = &r->t[i];

		if (!diff_treaty_differs(t))
			continue;
		if (!first)
			fputc('\n', fp);
		first = false;
		if (!diff_header(fp, t)) {
			text_free(&text);
			return false;
		}
		for (size_t k = 0; k < tt_diff_milestone_count(t->d); k++)
			diff_line(fp, &text, tt_diff_milestone_at(t->d, k));
	}
	text_free(&text);
	return !ferror(fp);
}

/* --check in a table: each recorded date that differs, or a line
 * saying that none does. */
bool
table_write_check(FILE *fp, const tt_schedule *s)
{
	size_t n = tt_schedule_discrepancy_count(s);

	if (n == 0)
		fprintf(fp, "%s: every recorded date agrees with the computed "
			"one\n", *tt_schedule_id(s) ? tt_schedule_id(s) :
			tt_schedule_name(s));
	return table_write_discrepancies(fp, s);
}

/* --- compare: the proposals side by side ------------------------------------------------------ */

enum {
	ROW_HEAD, ROW_ID, ROW_EIF, ROW_TERM, ROW_EXPIRY, ROW_IN_FORCE,
	ROW_CONSULTATIONS, ROW_REVIEWS, ROW_CONFERENCES, ROW_FIRST_END,
	ROW_END_BY, ROW_RENEWAL, ROW_WITHDRAWAL_OPENS, ROW_WITHDRAWAL,
	NROWS
};

static const char *const row_names[NROWS] = {
	"", "Id", "Entry into force", "Term", "Expiry (last day in force)",
	"Entry into force to expiry", "Consultations", "Reviews",
	"Conferences", "First possible end", "  made possible by",
	"First renewal deadline", "Withdrawal notice from",
	"Earliest withdrawal"
};

static void
date_or_dash(const tt_milestone *m, char *buf, size_t size)
{
	char d[TT_DATE_BUFSIZE];

	snprintf(buf, size, "%s", m ? tt_date_format(m->date, d) : "-");
}

/* The cells of column P (1-based) into CELL[ROW][...]. */
static void
fill_column(char (*cell)[COMPARE_TEXT_SIZE], size_t ncols, size_t col,
	    const struct compare_proposal *p)
{
	char d[TT_DATE_BUFSIZE], d2[TT_DATE_BUFSIZE], w[TT_DURATION_BUFSIZE];

#define CELL(row) cell[(size_t)(row) * ncols + col]
	snprintf(CELL(ROW_HEAD), COMPARE_TEXT_SIZE, "[%zu] %s", col, p->title);
	snprintf(CELL(ROW_ID), COMPARE_TEXT_SIZE, "%s", tt_schedule_id(p->s));
	tt_date_format(p->eif, CELL(ROW_EIF));
	compare_term_words(p, CELL(ROW_TERM), COMPARE_TEXT_SIZE);
	if (p->has_expiry) {
		compare_end_words(p, CELL(ROW_EXPIRY), COMPARE_TEXT_SIZE);
		tt_duration_format_words(p->in_force, w, sizeof w);
		snprintf(CELL(ROW_IN_FORCE), COMPARE_TEXT_SIZE, "%s (%ld days)",
			 w, (long)p->days_in_force);
	} else {
		snprintf(CELL(ROW_EXPIRY), COMPARE_TEXT_SIZE, "%s",
			 p->has_term ? "none" : "none (indefinite)");
		snprintf(CELL(ROW_IN_FORCE), COMPARE_TEXT_SIZE, "-");
	}
	snprintf(CELL(ROW_CONSULTATIONS), COMPARE_TEXT_SIZE, "%u",
		 p->consultations);
	snprintf(CELL(ROW_REVIEWS), COMPARE_TEXT_SIZE, "%u", p->reviews);
	snprintf(CELL(ROW_CONFERENCES), COMPARE_TEXT_SIZE, "%u",
		 p->conferences);
	if (p->end_by != COMPARE_END_NONE) {
		tt_date_format(p->first_end, d);
		snprintf(CELL(ROW_FIRST_END), COMPARE_TEXT_SIZE, "%s", d);
		if (tt_date_compare(p->first_end_latest, p->first_end) != 0)
			snprintf(CELL(ROW_FIRST_END), COMPARE_TEXT_SIZE,
				 "%s to %s (readings)", d,
				 tt_date_format(p->first_end_latest, d2));
		snprintf(CELL(ROW_END_BY), COMPARE_TEXT_SIZE, "%s",
			 p->end_label);
	} else {
		snprintf(CELL(ROW_FIRST_END), COMPARE_TEXT_SIZE, "none");
		snprintf(CELL(ROW_END_BY), COMPARE_TEXT_SIZE, "-");
	}
	date_or_dash(p->renewal_deadline, CELL(ROW_RENEWAL),
		     COMPARE_TEXT_SIZE);
	date_or_dash(p->withdrawal_opens, CELL(ROW_WITHDRAWAL_OPENS),
		     COMPARE_TEXT_SIZE);
	date_or_dash(p->withdrawal_effective, CELL(ROW_WITHDRAWAL),
		     COMPARE_TEXT_SIZE);
	/* A name too long for its cell is cut, never inside a character. */
	for (size_t r = 0; r < NROWS; r++)
		ttp_utf8_trim(CELL(r));
#undef CELL
}

/* True if milestone A is of B's kind with the label LABEL (B's); A's
 * label is made in SCRATCH. */
static bool
same_label(struct text *scratch, const tt_milestone *a, const tt_milestone *b,
	   const char *label)
{
	return a->kind == b->kind &&
	       strcmp(text_milestone(scratch, tt_milestone_label, a),
		      label) == 0;
}

/* One line per date: "[1,2] Entry into force; [3] Review 1", proposals
 * with the same milestone on that date grouped. */
static void
timeline_line(FILE *fp, const struct compare *cmp, size_t from, size_t to)
{
	char d[TT_DATE_BUFSIZE], nd[TT_DATE_BUFSIZE];
	struct text label, other;
	tt_date date = cmp->timeline[from].m->date;
	bool first = true;

	fprintf(fp, "%s  %s ", tt_date_format(date, d),
		tt_weekday_abbr(tt_date_weekday(date)));
	text_init(&label);
	text_init(&other);
	for (size_t i = from; i < to; i++) {
		const tt_milestone *m = cmp->timeline[i].m;
		bool seen = false;

		text_milestone(&label, tt_milestone_label, m);
		for (size_t j = from; j < i && !seen; j++)
			seen = same_label(&other, cmp->timeline[j].m, m,
					  label.p);
		if (seen)
			continue;
		fprintf(fp, "%s [%zu", first ? "" : ";",
			cmp->timeline[i].proposal + 1);
		for (size_t j = i + 1; j < to; j++)
			if (cmp->timeline[j].proposal !=
			    cmp->timeline[i].proposal &&
			    same_label(&other, cmp->timeline[j].m, m,
				       label.p))
				fprintf(fp, ",%zu",
					cmp->timeline[j].proposal + 1);
		fprintf(fp, "] %s", label.p);
		if (m->flags & TT_MS_ROLLED)
			fprintf(fp, " (moved from %s %s)",
				tt_weekday_abbr(tt_date_weekday(m->nominal)),
				tt_date_format(m->nominal, nd));
		first = false;
	}
	fputc('\n', fp);
	text_free(&label);
	text_free(&other);
}

bool
table_write_compare(FILE *fp, const struct compare *cmp)
{
	size_t ncols = cmp->n + 1, *width;
	char (*cell)[COMPARE_TEXT_SIZE];
	char d[TT_DATE_BUFSIZE];

	cell = calloc(NROWS * ncols, sizeof *cell);
	width = calloc(ncols, sizeof *width);
	if (cell == NULL || width == NULL) {
		free(cell);
		free(width);
		errno = ENOMEM;
		return false;
	}
	for (size_t r = 0; r < NROWS; r++)
		snprintf(cell[r * ncols], COMPARE_TEXT_SIZE, "%s",
			 row_names[r]);
	for (size_t i = 0; i < cmp->n; i++)
		fill_column(cell, ncols, i + 1, &cmp->p[i]);
	for (size_t r = 0; r < NROWS; r++)
		for (size_t k = 0; k < ncols; k++)
			if (ttp_utf8_width(cell[r * ncols + k]) > width[k])
				width[k] = ttp_utf8_width(cell[r * ncols + k]);
	for (size_t r = 0; r < NROWS; r++) {
		for (size_t k = 0; k < ncols; k++) {
			const char *t = cell[r * ncols + k];

			fputs(t, fp);
			if (k + 1 < ncols)
				fprintf(fp, "%*s", (int)(width[k] + 2 -
					ttp_utf8_width(t)), "");
		}
		fputc('\n', fp);
	}
	free(cell);
	free(width);

	fprintf(fp, "\nTimeline:\n");
	for (size_t i = 0, j; i < cmp->ntimeline; i = j) {
		for (j = i + 1; j < cmp->ntimeline &&
		     tt_date_compare(cmp->timeline[j].m->date,
				     cmp->timeline[i].m->date) == 0; j++)
			;
		timeline_line(fp, cmp, i, j);
	}
	for (size_t i = 0; i < cmp->n; i++)
		if (tt_schedule_truncated(cmp->p[i].s))
			fprintf(fp, "[%zu] Series without end are shown up to "
				"%s (change with --horizon).\n", i + 1,
				tt_date_format(tt_schedule_horizon(
					cmp->p[i].s), d));
	for (size_t i = 0, k = 0; i < cmp->n; i++) {
		if (cmp->p[i].hypothetical)
			fprintf(fp, "%s%zu", k++ ? "," : "[", i + 1);
		if (i + 1 == cmp->n && k > 0)
			fprintf(fp, "] Never in force: the entry into force is "
				"hypothetical (change it with "
				"--entry-into-force).\n");
	}

	fprintf(fp, "\nDifferences from [1] %s:\n", cmp->p[0].title);
	for (size_t i = 1; i < cmp->n; i++) {
		const struct compare_proposal *p = &cmp->p[i];

		fprintf(fp, "[%zu] %s:\n", i + 1, p->title);
		if (p->ndiffs == 0)
			fprintf(fp, "  none in these figures\n");
		for (size_t k = 0; k < p->ndiffs; k++)
			fprintf(fp, "  %s\n", p->diffs[k].text);
	}
	return !ferror(fp);
}

/* --- agenda: the dates of a window across treaties ------------------ */

static const char *
party_of(const tt_milestone *m)
{
	return m->party != NULL && *m->party != '\0' ? m->party : "-";
}

bool
table_write_agenda(FILE *fp, const struct agenda *ag, bool color)
{
	char d[TT_DATE_BUFSIZE], d2[TT_DATE_BUFSIZE], days[16];
	size_t wt = strlen("Treaty"), wp = strlen("Party");
	size_t wk = strlen("Kind"), wd = strlen("Days");
	bool marked = false;
	struct text label;

	fprintf(fp, "Agenda from %s to %s: %zu date%s of %zu treat%s\n",
		tt_date_format(ag->f.from, d), tt_date_format(ag->f.until, d2),
		ag->n, ag->n == 1 ? "" : "s", ag->ntreaties,
		ag->ntreaties == 1 ? "y" : "ies");
	/* Said here too: a pager would hide the messages before it. */
	if (ag->nerr > 0)
		fputs("Could not be read, left out:\n", fp);
	for (size_t i = 0; i < ag->nerr; i++)
		fprintf(fp, "  %s\n", ag->err[i].text);
	if (ag->n == 0)
		return !ferror(fp);
	for (size_t i = 0; i < ag->n; i++) {
		const struct agenda_entry *e = &ag->e[i];
		size_t w;

		if ((w = ttp_utf8_width(e->treaty)) > wt)
			wt = w;
		if ((w = ttp_utf8_width(party_of(e->m))) > wp)
			wp = w;
		if ((w = strlen(tt_kind_name(e->m->kind))) > wk)
			wk = w;
		w = (size_t)snprintf(days, sizeof days, "%ld",
				     (long)tt_date_diff_days(ag->today,
							     e->m->date));
		if (w > wd)
			wd = w;
	}
	fputc('\n', fp);
	fprintf(fp, "%-10s  %*s  ", "Date", (int)wd, "Days");
	padded(fp, "Treaty", wt + 2);
	padded(fp, "Party", wp + 2);
	padded(fp, "Kind", wk + 2);
	fputs("Label\n", fp);
	text_init(&label);
	for (size_t i = 0; i < ag->n; i++) {
		const struct agenda_entry *e = &ag->e[i];
		/* The next date to come, on or after today. */
		bool mark = color && !marked &&
			    tt_date_compare(e->m->date, ag->today) >= 0;

		if (mark) {
			fputs("\033[1;7m", fp);
			marked = true;
		}
		fprintf(fp, "%s  %*ld  ", tt_date_format(e->m->date, d),
			(int)wd, (long)tt_date_diff_days(ag->today,
							 e->m->date));
		padded(fp, e->treaty, wt + 2);
		padded(fp, party_of(e->m), wp + 2);
		padded(fp, tt_kind_name(e->m->kind), wk + 2);
		fputs(text_milestone(&label, tt_milestone_label, e->m), fp);
		if (mark)
			fputs("\033[m", fp);
		fputc('\n', fp);
	}
	text_free(&label);
	return !ferror(fp);
}
