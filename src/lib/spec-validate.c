/*
 * spec-validate.c -- tt_spec_validate(): whether a spec can be computed.
 *
 * A spec that gives its entry into force is checked clause by clause
 * (spec-check.c).  One whose entry into force comes from deposits or an
 * event is checked against the date the schedule engine computes for it,
 * or a stand-in while it has none, so this one function sits above the
 * engine.
 *
 * Level: the top of the spec's files, beside tt_diff_specs() and the
 * calendars; calls spec-check.c and the schedule engine (schedule.c),
 * and nothing of the library calls it.
 */
#include <config.h>

#include "internal.h"
#include "spec-impl.h"

tt_status
tt_spec_validate(const tt_spec *spec, tt_error *err)
{
	tt_status st;

	/* With deposits, the other clauses are checked against the entry
	 * into force they give, or a stand-in while they give none,
	 * reckoned as the schedule reckons it (deposits checked first). */
	if (ttp_spec_has_deposits(spec))
		return ttp_schedule_validate(spec, err);
	if ((st = ttp_spec_check_deposits(spec, err)) != TT_OK)
		return st;
	return ttp_spec_validate_at(spec, err);
}
