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
