/*
 * out-json.c -- schedules as JSON, built with json-c.
 *
 * This is the only file that includes json-c's headers.  The object is the
 * one documented in treatyterm(1): "treaty", "milestones" in date order,
 * "expiry" (null when there is none).
 */
#include <config.h>

#include <json.h>
#include <string.h>

#include "compare.h"
#include "format.h"

static json_object *
date_value(tt_date d)
{
	char b[TT_DATE_BUFSIZE];

	return json_object_new_string(tt_date_format(d, b));
}

static json_object *
schedule_object(const tt_schedule *s)
{
	json_object *root = json_object_new_object();
	json_object *treaty = json_object_new_object();
	json_object *list = json_object_new_array_ext(
		(int)tt_schedule_count(s));
	char text[TT_TEXT_BUFSIZE];
	tt_duration term;
	tt_date exp;

	json_object_object_add(treaty, "id",
			       json_object_new_string(tt_schedule_id(s)));
	json_object_object_add(treaty, "name",
			       json_object_new_string(tt_schedule_name(s)));
	json_object_object_add(treaty, "entry_into_force",
			       date_value(tt_schedule_entry_into_force(s)));
	json_object_object_add(treaty, "term", json_object_new_string(
		tt_schedule_term(s, &term) ?
		tt_duration_format_iso(term, text, sizeof text) :
		"indefinite"));
	json_object_object_add(treaty, "convention", json_object_new_string(
		tt_convention_name(tt_schedule_convention(s))));
	json_object_object_add(root, "treaty", treaty);
	for (size_t i = 0; i < tt_schedule_count(s); i++) {
		const tt_milestone *m = tt_schedule_at(s, i);
		json_object *o = json_object_new_object();

		json_object_object_add(o, "date", date_value(m->date));
		json_object_object_add(o, "kind", json_object_new_string(
			tt_kind_name(m->kind)));
		json_object_object_add(o, "label", json_object_new_string(
			tt_milestone_label(m, text, sizeof text)));
		json_object_object_add(o, "basis", json_object_new_string(
			tt_milestone_basis(m, text, sizeof text)));
		if (m->flags & TT_MS_ROLLED)
			json_object_object_add(o, "nominal_date",
					       date_value(m->nominal));
		json_object_array_add(list, o);
	}
	json_object_object_add(root, "milestones", list);
	json_object_object_add(root, "expiry", tt_schedule_expiry(s, &exp) ?
			       date_value(exp) : NULL);
	if (tt_schedule_truncated(s))
		json_object_object_add(root, "horizon",
				       date_value(tt_schedule_horizon(s)));
	return root;
}

bool
json_write_schedule(FILE *fp, const tt_schedule *s, bool pretty)
{
	json_object *o = schedule_object(s);
	size_t len;
	const char *text = json_object_to_json_string_length(o,
		(pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED :
		 JSON_C_TO_STRING_PLAIN) | JSON_C_TO_STRING_NOSLASHESCAPE,
		&len);
	bool ok = fwrite(text, 1, len, fp) == len && fputc('\n', fp) != EOF;

	json_object_put(o);
	return ok;
}

/* --- compare: several proposals and how they differ ----------------- */

static json_object *
optional_date(const tt_milestone *m)
{
	return m != NULL ? date_value(m->date) : NULL;
}

static const char *
end_reason(enum compare_end by)
{
	switch (by) {
	case COMPARE_END_MEETING:
		return "meeting";
	case COMPARE_END_WITHDRAWAL:
		return "withdrawal";
	case COMPARE_END_NOT_RENEWED:
		return "not_renewed";
	case COMPARE_END_EXPIRY:
		return "expiry";
	default:
		return "none";
	}
}

/* The figures of one proposal, as the table shows them. */
static json_object *
summary_object(const struct compare_proposal *p)
{
	json_object *o = json_object_new_object(), *end, *in_force, *diffs;
	char text[TT_TEXT_BUFSIZE];

	json_object_object_add(o, "id",
			       json_object_new_string(tt_schedule_id(p->s)));
	json_object_object_add(o, "name",
			       json_object_new_string(tt_schedule_name(p->s)));
	json_object_object_add(o, "entry_into_force", date_value(p->eif));
	json_object_object_add(o, "hypothetical",
			       json_object_new_boolean(p->hypothetical));
	json_object_object_add(o, "term", json_object_new_string(
		p->has_term ? tt_duration_format_iso(p->term, text,
						     sizeof text) :
		"indefinite"));
	json_object_object_add(o, "expiry", p->has_expiry ?
			       date_value(p->expiry) : NULL);
	in_force = NULL;
	if (p->has_expiry) {
		in_force = json_object_new_object();
		json_object_object_add(in_force, "duration",
			json_object_new_string(tt_duration_format_iso(
				p->in_force, text, sizeof text)));
		json_object_object_add(in_force, "days",
			json_object_new_int(p->days_in_force));
	}
	json_object_object_add(o, "entry_into_force_to_expiry", in_force);
	json_object_object_add(o, "consultations",
			       json_object_new_int((int)p->consultations));
	json_object_object_add(o, "reviews",
			       json_object_new_int((int)p->reviews));
	json_object_object_add(o, "conferences",
			       json_object_new_int((int)p->conferences));
	end = NULL;
	if (p->end_by != COMPARE_END_NONE) {
		end = json_object_new_object();
		json_object_object_add(end, "date", date_value(p->first_end));
		json_object_object_add(end, "by", json_object_new_string(
			end_reason(p->end_by)));
		json_object_object_add(end, "label",
				       json_object_new_string(p->end_label));
	}
	json_object_object_add(o, "first_possible_end", end);
	json_object_object_add(o, "first_renewal_notice_deadline",
			       optional_date(p->renewal_deadline));
	json_object_object_add(o, "withdrawal_notice_opens",
			       optional_date(p->withdrawal_opens));
	json_object_object_add(o, "earliest_withdrawal",
			       optional_date(p->withdrawal_effective));
	if (tt_schedule_truncated(p->s))
		json_object_object_add(o, "horizon",
				       date_value(tt_schedule_horizon(p->s)));
	diffs = json_object_new_array_ext((int)p->ndiffs);
	for (size_t i = 0; i < p->ndiffs; i++) {
		json_object *d = json_object_new_object();

		json_object_object_add(d, "field", json_object_new_string(
			p->diffs[i].field));
		json_object_object_add(d, "text", json_object_new_string(
			p->diffs[i].text));
		json_object_array_add(diffs, d);
	}
	json_object_object_add(o, "differences", diffs);
	return o;
}

bool
json_write_compare(FILE *fp, const struct compare *cmp, bool pretty)
{
	json_object *root = json_object_new_object();
	json_object *list = json_object_new_array_ext((int)cmp->n);
	json_object *comparison = json_object_new_object();
	json_object *summaries = json_object_new_array_ext((int)cmp->n);
	const char *text;
	size_t len;
	bool ok;

	for (size_t i = 0; i < cmp->n; i++) {
		json_object_array_add(list, schedule_object(cmp->p[i].s));
		json_object_array_add(summaries, summary_object(&cmp->p[i]));
	}
	json_object_object_add(root, "proposals", list);
	json_object_object_add(comparison, "baseline", json_object_new_string(
		cmp->n > 0 ? tt_schedule_id(cmp->p[0].s) : ""));
	json_object_object_add(comparison, "proposals", summaries);
	json_object_object_add(root, "comparison", comparison);
	text = json_object_to_json_string_length(root,
		(pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED :
		 JSON_C_TO_STRING_PLAIN) | JSON_C_TO_STRING_NOSLASHESCAPE,
		&len);
	ok = text != NULL && fwrite(text, 1, len, fp) == len &&
	     fputc('\n', fp) != EOF;
	json_object_put(root);
	return ok;
}
