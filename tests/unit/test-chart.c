/*
 * test-chart.c -- the "compare" picture's layout, tested as data.
 *
 * Comparisons are built from presets (and one spec with a yearly series)
 * and laid out with chart_measure_estimate(), so no font or cairo is
 * involved: what is checked is the layout's own promise -- no two labels
 * overlap, every date is either labelled or in a numbered callout that
 * the list under the chart shows, callouts are numbered by date, and
 * everything stays on the canvas at the width asked for.
 *
 * The parties picture is checked the same way, and its step line
 * against the library's own count of the parties in force.
 *
 * This is its own program (tests/chart-tests), linked with the
 * layout and compare.c but not with cairo; like unit-tests it fails when
 * any assertion does.
 */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <CUnit/Basic.h>

#include <treatyterm/treatyterm.h>

#include "out/chart.h"
#include "unit.h"
#include "out/compare.h"

#define MAX_PROPOSALS 16

/* A comparison and its layout. */
struct fixture {
	tt_spec *spec[MAX_PROPOSALS];
	tt_schedule *s[MAX_PROPOSALS];
	size_t n;
	struct compare cmp;
	struct chart_layout lay;
};

static bool fixture_add(struct fixture *f, tt_spec *spec);
static bool fixture_presets(struct fixture *f, const char *const *names);
static bool fixture_all_presets(struct fixture *f);
static bool fixture_lay_out(struct fixture *f, int width);
static void fixture_free(struct fixture *f);
static bool overlap(const struct chart_label *a, const struct chart_label *b);
static void check_no_overlap(const struct chart_layout *lay);
static void check_every_date(const struct fixture *f);
static void check_callouts(const struct chart_layout *lay);
static void check_inside(const struct chart_layout *lay);
static void check_all(struct fixture *f, int width);
static const struct chart_label *find_label(const struct chart_layout *lay,
					    const char *text);
static const struct chart_date *find_date(const struct chart_layout *lay,
					  size_t lane, tt_date d);
static size_t lane_of(const struct fixture *f, const char *id);
static bool shown(const struct fixture *f, size_t lane, tt_date d,
		  const char *words);

static const char *const six[] = {
	"north-atlantic-1949", "warsaw-pact-1955", "npt-1968", "abm-1972",
	"sino-soviet-1950", "new-start-2010", NULL
};
static const char *const byrnes[] = { "byrnes-germany-1946", NULL };
static const char *const two_1946[] = {
	"byrnes-germany-1946", "litvinov-1946", NULL
};

/* A century of yearly reviews, too dense to label one by one. */
static const char yearly[] =
	"[treaty]\n"
	"id = yearly\n"
	"name = Open-ended pact with yearly reviews\n"
	"entry_into_force = 1910-06-30\n"
	"term = indefinite\n"
	"horizon = 2100-01-01\n"
	"[review]\n"
	"first = 1y\n"
	"every = 1y\n";

/* --- fixtures ------------------------------------------------------- */

/* Adds SPEC (which F then owns) and its schedule. */
static bool
fixture_add(struct fixture *f, tt_spec *spec)
{
	tt_error e;

	if (f->n >= MAX_PROPOSALS)
		return false;
	f->spec[f->n] = spec;
	f->s[f->n] = tt_schedule_new();
	if (f->s[f->n] == NULL ||
	    tt_schedule_compute(f->s[f->n], spec, NULL, &e) != TT_OK)
		return false;
	f->n++;
	return true;
}

static bool
fixture_presets(struct fixture *f, const char *const *names)
{
	tt_error e;

	for (; *names != NULL; names++) {
		const tt_preset *p = tt_preset_find(*names);
		tt_spec *spec = tt_spec_new();

		if (p == NULL || spec == NULL ||
		    tt_preset_load(p, spec, &e) != TT_OK ||
		    !fixture_add(f, spec)) {
			tt_spec_free(spec);
			return false;
		}
	}
	return true;
}

static bool
fixture_all_presets(struct fixture *f)
{
	const char *names[MAX_PROPOSALS + 1];
	size_t n = 0;

	/* The thirteen presets the layouts below were measured on. */
	for (size_t i = 0; i < tt_preset_count() && n < 13; i++)
		names[n++] = tt_preset_at(i)->name;
	names[n] = NULL;
	return n == 13 && fixture_presets(f, names);
}

static bool
fixture_lay_out(struct fixture *f, int width)
{
	const tt_schedule *s[MAX_PROPOSALS];

	for (size_t i = 0; i < f->n; i++)
		s[i] = f->s[i];
	chart_layout_free(&f->lay);
	compare_free(&f->cmp);
	if (!compare_build(&f->cmp, s, f->n))
		return false;
	for (size_t i = 0; i < f->n; i++) {
		const tt_preset *p = tt_preset_find(tt_schedule_id(f->s[i]));

		f->cmp.p[i].hypothetical = p != NULL && p->hypothetical;
	}
	return chart_layout(&f->lay, &f->cmp, NULL, width,
			    chart_measure_estimate, NULL);
}

static void
fixture_free(struct fixture *f)
{
	chart_layout_free(&f->lay);
	compare_free(&f->cmp);
	for (size_t i = 0; i < f->n; i++) {
		tt_schedule_free(f->s[i]);
		tt_spec_free(f->spec[i]);
	}
	memset(f, 0, sizeof *f);
}

/* --- checks --------------------------------------------------------- */

static bool
overlap(const struct chart_label *a, const struct chart_label *b)
{
	double p[4], q[4];

	chart_label_box(a, p);
	chart_label_box(b, q);
	return p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3];
}

static void
check_no_overlap(const struct chart_layout *lay)
{
	size_t bad = 0;

	for (size_t i = 0; i < lay->nlabels; i++)
		for (size_t j = i + 1; j < lay->nlabels; j++)
			if (lay->labels[i].text[0] != '\0' &&
			    lay->labels[j].text[0] != '\0' &&
			    overlap(&lay->labels[i], &lay->labels[j])) {
				if (bad++ == 0)
					fprintf(stderr, "\n  overlap: '%s' and "
						"'%s'", lay->labels[i].text,
						lay->labels[j].text);
			}
	CU_ASSERT_EQUAL(bad, 0);
}

/* Every milestone has its day in its lane; every day is a placed date
 * label or in exactly one callout that covers it, and nothing is left
 * out. */
static void
check_every_date(const struct fixture *f)
{
	const struct chart_layout *lay = &f->lay;
	size_t *members = calloc(lay->ncallouts + 1, sizeof *members);
	size_t missing = 0, unplaced = 0, wrong = 0;

	CU_ASSERT_PTR_NOT_NULL_FATAL(members);
	for (size_t i = 0; i < f->n; i++)
		for (size_t k = 0; k < tt_schedule_count(f->s[i]); k++)
			if (find_date(lay, i, tt_schedule_at(f->s[i],
				      k)->date) == NULL)
				missing++;
	for (size_t i = 0; i < lay->ndates; i++) {
		const struct chart_date *d = &lay->dates[i];
		const struct chart_callout *co;

		if (d->callout == 0) {
			if (d->label >= lay->nlabels ||
			    lay->labels[d->label].role != CHART_DATE ||
			    lay->labels[d->label].date != i)
				unplaced++;
			continue;
		}
		if (d->callout > lay->ncallouts) {
			wrong++;
			continue;
		}
		co = &lay->callouts[d->callout - 1];
		members[d->callout]++;
		if (co->lane != d->lane || d->day < co->first ||
		    d->day > co->last)
			wrong++;
	}
	for (size_t k = 1; k <= lay->ncallouts; k++)
		if (members[k] != lay->callouts[k - 1].count)
			wrong++;
	free(members);
	CU_ASSERT_EQUAL(missing, 0);
	CU_ASSERT_EQUAL(unplaced, 0);
	CU_ASSERT_EQUAL(wrong, 0);
	CU_ASSERT_EQUAL(lay->nomitted, 0);
}

/* Numbered 1..N by first date (then lane); each has its number under its
 * markers and its number and entry in the list. */
static void
check_callouts(const struct chart_layout *lay)
{
	char num[24], day[TT_DATE_BUFSIZE];

	for (size_t k = 0; k < lay->ncallouts; k++) {
		const struct chart_callout *co = &lay->callouts[k];
		const struct chart_label *mark = &lay->labels[co->mark];
		const struct chart_label *number = &lay->labels[co->number];
		const struct chart_label *entry = &lay->labels[co->entry];

		if (k > 0) {
			const struct chart_callout *p = co - 1;

			CU_ASSERT(p->first < co->first ||
				  (p->first == co->first && p->lane < co->lane));
		}
		snprintf(num, sizeof num, "%zu", k + 1);
		tt_date_format(tt_date_from_daynum(co->first), day);
		CU_ASSERT_EQUAL(mark->role, CHART_CALLOUT_MARK);
		CU_ASSERT_STRING_EQUAL(mark->text, num);
		CU_ASSERT_EQUAL(mark->callout, k + 1);
		CU_ASSERT(co->a - 0.01 <= co->xa && co->xb <= co->b + 0.01);
		CU_ASSERT_EQUAL(number->role, CHART_CALLOUT_NUMBER);
		CU_ASSERT_STRING_EQUAL(number->text, num);
		CU_ASSERT_EQUAL(entry->role, CHART_CALLOUT_ENTRY);
		CU_ASSERT_EQUAL(entry->callout, k + 1);
		CU_ASSERT_NSTRING_EQUAL(entry->text, day, strlen(day));
		/* The list is under the lanes. */
		CU_ASSERT(entry->y > mark->y);
	}
}

static void
check_inside(const struct chart_layout *lay)
{
	size_t out = 0;

	for (size_t i = 0; i < lay->nshapes; i++) {
		const struct chart_shape *s = &lay->shapes[i];
		double x0 = s->x, x1 = s->x + s->w, y0 = s->y, y1 = s->y + s->h;

		if (s->kind == CHART_MARKER) {
			/* The bar marker is the tallest: 1.7 r each way. */
			x0 = s->x - 1.3 * s->w;
			x1 = s->x + 1.3 * s->w;
			y0 = s->y - 1.7 * s->w;
			y1 = s->y + 1.7 * s->w;
		} else if (s->kind == CHART_ARROW) {
			y0 = s->y - s->h / 2;
			y1 = s->y + s->h / 2;
		}
		if ((x0 < x1 ? x0 : x1) < 0 || (x0 > x1 ? x0 : x1) > lay->w ||
		    (y0 < y1 ? y0 : y1) < 0 || (y0 > y1 ? y0 : y1) > lay->h)
			out++;
	}
	for (size_t i = 0; i < lay->nlabels; i++) {
		double b[4];

		chart_label_box(&lay->labels[i], b);
		if (b[0] < 0 || b[2] > lay->w || b[1] < 0 || b[3] > lay->h)
			out++;
	}
	CU_ASSERT_EQUAL(out, 0);
	CU_ASSERT(lay->nshapes > 0);
	CU_ASSERT(lay->nlabels > 0);
}

static void
check_all(struct fixture *f, int width)
{
	CU_ASSERT_FATAL(fixture_lay_out(f, width));
	CU_ASSERT_EQUAL(f->lay.w, width ? width : 960);
	check_no_overlap(&f->lay);
	check_every_date(f);
	check_callouts(&f->lay);
	check_inside(&f->lay);
}

static const struct chart_date *
find_date(const struct chart_layout *lay, size_t lane, tt_date d)
{
	int32_t day = tt_date_to_daynum(d);

	for (size_t i = 0; i < lay->ndates; i++)
		if (lay->dates[i].lane == lane && lay->dates[i].day == day)
			return &lay->dates[i];
	return NULL;
}

static size_t
lane_of(const struct fixture *f, const char *id)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(tt_schedule_id(f->s[i]), id) == 0)
			return i;
	return SIZE_MAX;
}

/* --- tests ---------------------------------------------------------- */

static void
test_two_1946(void)
{
	struct fixture f = { 0 };

	CU_ASSERT_FATAL(fixture_presets(&f, two_1946));
	check_all(&f, 0);
	/* Room for every date: nothing needs a callout. */
	CU_ASSERT_EQUAL(f.lay.ncallouts, 0);
	fixture_free(&f);
}

static void
test_six(void)
{
	struct fixture f = { 0 };

	CU_ASSERT_FATAL(fixture_presets(&f, six));
	check_all(&f, 0);
	CU_ASSERT(f.lay.ncallouts > 0);
	fixture_free(&f);
}

static void
test_all_presets(void)
{
	struct fixture f = { 0 };

	CU_ASSERT_FATAL(fixture_all_presets(&f));
	check_all(&f, 0);
	fixture_free(&f);
}

/* Whether the day D of LANE has a date label or is in a callout whose
 * entry holds WORDS. */
static bool
shown(const struct fixture *f, size_t lane, tt_date d, const char *words)
{
	const struct chart_layout *lay = &f->lay;
	const struct chart_date *cd = find_date(lay, lane, d);
	char text[TT_DATE_BUFSIZE];

	if (cd == NULL)
		return false;
	if (cd->callout == 0)
		return cd->label < lay->nlabels &&
		       strcmp(lay->labels[cd->label].text,
			      tt_date_format(d, text)) == 0;
	return cd->callout <= lay->ncallouts &&
	       strstr(lay->labels[lay->callouts[cd->callout - 1].entry].text,
		      words) != NULL;
}

/* The dates that used to vanish: New START's extended expiry and
 * Litvinov's consultations, with all thirteen presets. */
static void
test_named_dates(void)
{
	static const tt_date litvinov[] = {
		{ 1972, 9, 15 }, { 1977, 9, 15 }, { 1982, 9, 15 },
		{ 1987, 9, 15 }, { 1992, 9, 15 }
	};
	struct fixture f = { 0 };
	size_t lane;

	CU_ASSERT_FATAL(fixture_all_presets(&f));
	CU_ASSERT_FATAL(fixture_lay_out(&f, 0));
	lane = lane_of(&f, "new-start-2010");
	CU_ASSERT(shown(&f, lane, (tt_date){ 2026, 2, 5 }, "New START: "));
	lane = lane_of(&f, "litvinov-1946");
	for (size_t i = 0; i < sizeof litvinov / sizeof litvinov[0]; i++)
		CU_ASSERT(shown(&f, lane, litvinov[i], "Litvinov proposal "
				"(1946): Consultation"));
	fixture_free(&f);
}

static void
test_widths(void)
{
	static const int widths[] = { 480, 700, 1500, 8000 };
	struct fixture f = { 0 };

	CU_ASSERT_FATAL(fixture_all_presets(&f));
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++)
		check_all(&f, widths[i]);
	fixture_free(&f);
}

/* The inner dates of a dense series make one callout, with the step. */
static void
test_dense_series(void)
{
	struct fixture f = { 0 };
	const struct chart_callout *co;
	tt_spec *spec = tt_spec_new();
	tt_error e;

	CU_ASSERT_FATAL(spec != NULL);
	CU_ASSERT_FATAL(tt_spec_parse(spec, yearly, sizeof yearly - 1, &e) ==
			TT_OK);
	CU_ASSERT_FATAL(fixture_add(&f, spec));
	CU_ASSERT_FATAL(fixture_presets(&f, byrnes));
	check_all(&f, 0);
	CU_ASSERT_EQUAL_FATAL(f.lay.ncallouts, 1);
	co = &f.lay.callouts[0];
	CU_ASSERT_EQUAL(co->lane, 0);
	CU_ASSERT_EQUAL(co->count, 187);
	CU_ASSERT_STRING_EQUAL(f.lay.labels[co->entry].text,
			       "1912-06-30 to 2098-06-30  Open-ended pact "
			       "with yearly reviews: Review 2 to 188, every "
			       "year");
	fixture_free(&f);
}

/* A fixed last day, and a bilateral treaty that a withdrawal ended: the
 * lane's subtitle says what the term is and what its last date is. */
static const char fixed[] =
	"[treaty]\n"
	"id = fixed\n"
	"entry_into_force = 2001-05-15\n"
	"ends = 2050-05-14\n";
static const char withdrawn[] =
	"[treaty]\n"
	"id = withdrawn\n"
	"entry_into_force = 1972-10-03\n"
	"term = indefinite\n"
	"bilateral = yes\n"
	"notice_given = 2001-12-13\n"
	"[withdrawal]\n"
	"notice = 6m\n";

static void
test_end_words(void)
{
	struct fixture f = { 0 };
	const char *const specs[] = { fixed, withdrawn };
	tt_error e;

	for (size_t i = 0; i < 2; i++) {
		tt_spec *spec = tt_spec_new();

		CU_ASSERT_FATAL(spec != NULL);
		CU_ASSERT_FATAL(tt_spec_parse(spec, specs[i],
					      strlen(specs[i]), &e) == TT_OK);
		CU_ASSERT_FATAL(fixture_add(&f, spec));
	}
	check_all(&f, 0);
	CU_ASSERT_PTR_NOT_NULL(find_label(&f.lay, "to a fixed last day: "
					  "2001-05-15 to 2050-05-14"));
	CU_ASSERT_PTR_NOT_NULL(find_label(&f.lay, "indefinite: 1972-10-03 "
					  "to 2002-06-12 (the withdrawal "
					  "takes effect 2002-06-13)"));
	fixture_free(&f);
}

/* --- the parties picture ------------------------------------------- */

/* Three parties bring the treaty into force, a fourth joins later and
 * leaves. */
static const char rome[] =
	"[treaty]\n"
	"id = rome\n"
	"name = Rome Statute\n"
	"[entry_into_force]\n"
	"instruments = 3\n"
	"after = 60d\n"
	"rule = first-of-next-month\n"
	"[withdrawal]\n"
	"notice = 1y\n"
	"[party]\nname = A\ndeposit = 2002-02-01\n"
	"[party]\nname = B\ndeposit = 2002-04-11\n"
	"[party]\nname = C\ndeposit = 2002-04-11\n"
	"[party]\nname = Burundi\ndeposit = 2004-09-21\n"
	"notice = 2016-10-27\n";

static const char *const leavers[] = {
	"Albania", "Bolivia", "Cabo Verde", "Democratic Republic of the Congo",
	"Estonia", "Fiji", "Gabon", "Honduras", "Iceland", "Jamaica",
	"Kiribati", "Lesotho"
};
#define NLEAVERS (sizeof leavers / sizeof leavers[0])

/* One treaty, its schedule and its parties picture. */
struct parties {
	tt_spec *spec;
	tt_schedule *s;
	struct chart_layout lay;
};

static bool
parties_lay_out(struct parties *p, const char *text, int width)
{
	tt_error e;

	memset(p, 0, sizeof *p);
	p->spec = tt_spec_new();
	p->s = tt_schedule_new();
	return p->spec != NULL && p->s != NULL &&
	       tt_spec_parse(p->spec, text, strlen(text), &e) == TT_OK &&
	       tt_schedule_compute(p->s, p->spec, NULL, &e) == TT_OK &&
	       chart_layout_parties(&p->lay, p->s, NULL, width,
				    chart_measure_estimate, NULL);
}

static void
parties_free(struct parties *p)
{
	chart_layout_free(&p->lay);
	tt_schedule_free(p->s);
	tt_spec_free(p->spec);
}

/* Each step is a day on which the library's count changes, to the count
 * it gives; and the count changes on no other day that has a party's
 * entry into force or withdrawal. */
static void
check_steps(const struct parties *p)
{
	const struct chart_layout *lay = &p->lay;
	size_t most = 0, bad = 0;

	for (size_t i = 0; i < lay->nsteps; i++) {
		const struct chart_step *st = &lay->steps[i];
		tt_date day = tt_date_from_daynum(st->day);
		tt_date eve = tt_date_from_daynum(st->day - 1);

		if (tt_schedule_parties_in_force(p->s, day) != st->count ||
		    tt_schedule_parties_in_force(p->s, eve) == st->count)
			bad++;
		if (i > 0 && (st->day <= st[-1].day || st->x < st[-1].x))
			bad++;
		/* More parties, higher up. */
		if (i > 0 && (st->count > st[-1].count) != (st->y < st[-1].y))
			bad++;
		most = st->count > most ? st->count : most;
	}
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT(lay->ymax >= most);
	CU_ASSERT(lay->ymax > 0);
}

/* Every marker is a label of names or a callout of its own, whose entry
 * says what happens. */
static void
check_markers(const struct chart_layout *lay)
{
	size_t bad = 0;

	for (size_t i = 0; i < lay->ndates; i++) {
		const struct chart_date *d = &lay->dates[i];
		const struct chart_callout *co;

		if (d->callout == 0) {
			if (d->label >= lay->nlabels ||
			    lay->labels[d->label].role != CHART_DATE ||
			    lay->labels[d->label].date != i)
				bad++;
			continue;
		}
		if (d->callout > lay->ncallouts) {
			bad++;
			continue;
		}
		co = &lay->callouts[d->callout - 1];
		if (co->first != d->day || co->count != 1 ||
		    strstr(lay->labels[co->entry].text, d->what) == NULL)
			bad++;
	}
	CU_ASSERT_EQUAL(bad, 0);
	CU_ASSERT_EQUAL(lay->nomitted, 0);
}

static const struct chart_label *
find_label(const struct chart_layout *lay, const char *text)
{
	for (size_t i = 0; i < lay->nlabels; i++)
		if (strcmp(lay->labels[i].text, text) == 0)
			return &lay->labels[i];
	return NULL;
}

static void
test_parties_rome(void)
{
	static const struct { tt_date day; size_t count; } want[] = {
		{ { 2002, 7, 1 }, 3 }, { { 2004, 12, 1 }, 4 },
		{ { 2017, 10, 27 }, 3 }
	};
	struct parties p;
	const struct chart_layout *lay = &p.lay;
	const struct chart_date *eif, *out;
	size_t steps = 0;

	CU_ASSERT_FATAL(parties_lay_out(&p, rome, 0));
	CU_ASSERT(lay->parties);
	CU_ASSERT_STRING_EQUAL(lay->title, "Rome Statute");
	CU_ASSERT_EQUAL_FATAL(lay->nsteps, 3);
	for (size_t i = 0; i < 3; i++) {
		ASSERT_DATE_EQ(tt_date_from_daynum(lay->steps[i].day),
			       want[i].day);
		CU_ASSERT_EQUAL(lay->steps[i].count, want[i].count);
	}
	CU_ASSERT_EQUAL(lay->ymax, 4);
	check_steps(&p);
	for (size_t i = 0; i < lay->nshapes; i++)
		steps += lay->shapes[i].kind == CHART_STEPS;
	CU_ASSERT_EQUAL(steps, 1);

	/* The general entry into force and Burundi's withdrawal, both
	 * labelled: there is room. */
	CU_ASSERT_EQUAL_FATAL(lay->ndates, 2);
	eif = &lay->dates[0];
	out = &lay->dates[1];
	ASSERT_DATE_EQ(tt_date_from_daynum(eif->day), D(2002, 7, 1));
	CU_ASSERT_EQUAL(eif->marker, CHART_MARKER_BAR);
	ASSERT_DATE_EQ(tt_date_from_daynum(out->day), D(2017, 10, 27));
	CU_ASSERT_EQUAL(out->marker, CHART_MARKER_TRIANGLE_DOWN);
	CU_ASSERT_STRING_EQUAL(out->what, "Burundi");
	CU_ASSERT_EQUAL(lay->ncallouts, 0);
	check_markers(lay);
	CU_ASSERT_STRING_EQUAL(lay->labels[out->label].text, "Burundi");
	CU_ASSERT_STRING_EQUAL(lay->labels[eif->label].text,
			       "Entry into force");
	/* The count axis from 0 to 4, and the years. */
	CU_ASSERT_PTR_NOT_NULL(find_label(lay, "0"));
	CU_ASSERT_PTR_NOT_NULL(find_label(lay, "4"));
	CU_ASSERT_PTR_NULL(find_label(lay, "5"));
	CU_ASSERT_PTR_NOT_NULL(find_label(lay, "2010"));
	check_no_overlap(lay);
	check_inside(lay);
	parties_free(&p);
}

/* A dozen withdrawals a fortnight apart: most names go into callouts,
 * each listed with its date and the party. */
static void
test_parties_crowded(void)
{
	char text[4096];
	size_t n;
	struct parties p;
	const struct chart_layout *lay = &p.lay;
	size_t withdrawals = 0;

	n = (size_t)snprintf(text, sizeof text, "[treaty]\nid = exodus\n"
			     "name = Exodus\n[entry_into_force]\n"
			     "instruments = 2\nafter = 30d\n"
			     "[withdrawal]\nnotice = 1y\n");
	for (size_t i = 0; i < NLEAVERS && n < sizeof text; i++)
		n += (size_t)snprintf(text + n, sizeof text - n,
				      "[party]\nname = %s\n"
				      "deposit = 2000-01-%02zu\n"
				      "notice = 2010-%02zu-%02zu\n",
				      leavers[i], 10 + i, 1 + i / 2,
				      1 + 14 * (i % 2));
	CU_ASSERT_FATAL(n < sizeof text);
	CU_ASSERT_FATAL(parties_lay_out(&p, text, 0));
	/* Up to twelve on the second entry into force, then down one by
	 * one. */
	CU_ASSERT_EQUAL_FATAL(lay->nsteps, 1 + NLEAVERS);
	CU_ASSERT_EQUAL(lay->steps[0].count, NLEAVERS);
	CU_ASSERT_EQUAL(lay->steps[NLEAVERS].count, 0);
	check_steps(&p);
	CU_ASSERT_EQUAL(lay->ndates, 1 + NLEAVERS);
	for (size_t i = 0; i < lay->ndates; i++)
		withdrawals += lay->dates[i].marker ==
			       CHART_MARKER_TRIANGLE_DOWN;
	CU_ASSERT_EQUAL(withdrawals, NLEAVERS);
	CU_ASSERT(lay->ncallouts >= NLEAVERS / 2);
	check_markers(lay);
	check_callouts(lay);
	CU_ASSERT_PTR_NOT_NULL(find_label(lay, "2011-06-15  Withdrawal takes "
					  "effect: Lesotho"));
	check_no_overlap(lay);
	check_inside(lay);
	parties_free(&p);
}

/* Withdrawals on one day share a marker; as many parties joining on the
 * day others leave make no step. */
static void
test_parties_same_day(void)
{
	static const char text[] =
		"[treaty]\nid = pair\nname = Pair\n"
		"[entry_into_force]\ninstruments = 2\n"
		"[withdrawal]\nnotice = 1y\n"
		"[party]\nname = A\ndeposit = 2001-03-01\n"
		"notice = 2005-06-01\n"
		"[party]\nname = B\ndeposit = 2001-04-01\n"
		"notice = 2005-06-01\n"
		"[party]\nname = C\ndeposit = 2001-05-01\n"
		"[party]\nname = D\ndeposit = 2006-06-01\n"
		"[party]\nname = E\ndeposit = 2006-06-01\n";
	struct parties p;
	const struct chart_layout *lay = &p.lay;

	CU_ASSERT_FATAL(parties_lay_out(&p, text, 480));
	/* Two on the entry into force, C a month later; D and E come in as
	 * A and B go. */
	CU_ASSERT_EQUAL_FATAL(lay->nsteps, 2);
	CU_ASSERT_EQUAL(lay->steps[0].count, 2);
	CU_ASSERT_EQUAL(lay->steps[1].count, 3);
	check_steps(&p);
	CU_ASSERT_EQUAL_FATAL(lay->ndates, 2);
	CU_ASSERT_STRING_EQUAL(lay->dates[1].what, "A, B");
	check_markers(lay);
	check_no_overlap(lay);
	check_inside(lay);
	parties_free(&p);
}

/* --- runner --------------------------------------------------------- */

int
main(void)
{
	static const CU_TestInfo tests[] = {
		{ "two 1946 proposals", test_two_1946 },
		{ "six treaties", test_six },
		{ "all presets", test_all_presets },
		{ "New START and Litvinov dates", test_named_dates },
		{ "widths", test_widths },
		{ "dense series", test_dense_series },
		{ "fixed last day and withdrawal", test_end_words },
		CU_TEST_INFO_NULL
	};
	static const CU_TestInfo parties[] = {
		{ "Rome Statute", test_parties_rome },
		{ "crowded withdrawals", test_parties_crowded },
		{ "withdrawals on one day", test_parties_same_day },
		CU_TEST_INFO_NULL
	};

	unit_program = "chart-tests";
	if (CU_initialize_registry() != CUE_SUCCESS) {
		fprintf(stderr, "chart-tests: %s\n", CU_get_error_msg());
		return 99;
	}
	unit_add_suite("chart layout", tests);
	unit_add_suite("parties chart", parties);
	return unit_run(NULL, NULL);
}
