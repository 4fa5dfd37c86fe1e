/*
 * calendar.c -- holidays, rolling and iCalendar options (see calendar.h).
 */
#include <config.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "cli.h"
#include "options.h"

/* The options' keys, for take(). */
enum {
	OPT_HOLIDAYS = 1,
	OPT_ROLL,
	OPT_REMIND,
	OPT_REMIND_ALL,
	OPT_RRULE,
	OPT_CALENDAR_NAME
};

void
calendar_opts_init(struct calendar_opts *c)
{
	memset(c, 0, sizeof *c);
	c->roll = TT_ROLL_NONE;
}

void
calendar_opts_free(struct calendar_opts *c)
{
	tt_holidays_free(c->holidays);
	c->holidays = NULL;
	free(c->reminds);
	c->reminds = NULL;
	c->nreminds = 0;
}

static bool
add_remind(struct calendar_opts *c, tt_duration d)
{
	tt_duration *p = realloc(c->reminds,
				 (c->nreminds + 1) * sizeof *c->reminds);

	if (p == NULL) {
		cli_error("out of memory");
		return false;
	}
	c->reminds = p;
	c->reminds[c->nreminds++] = d;
	c->ics.remind = c->reminds[0];
	return true;
}

/* --- the option group ----------------------------------------------------- */

static const char *const roll_values[] = {
	"following", "preceding", "none", NULL
};

static int
take(struct args *a, const struct opt *o, const char *value)
{
	struct calendar_opts *c = &a->calendar;
	tt_duration d;

	switch (o->key) {
	case OPT_HOLIDAYS:
		c->holidays_file = value;
		break;
	case OPT_ROLL:
		c->roll = strcmp(value, "following") == 0 ? TT_ROLL_FOLLOWING :
			  strcmp(value, "preceding") == 0 ? TT_ROLL_PRECEDING :
			  TT_ROLL_NONE;
		break;
	case OPT_REMIND:
		if (!cli_parse_duration("--remind", value, &d))
			return EXIT_INVALID;
		if (d.sign < 0 || tt_duration_is_zero(d))
			return cli_usage_error(a->cmd->name, "--remind '%s': "
					       "expected a duration longer "
					       "than zero (how long before "
					       "the event)", value);
		if (!add_remind(c, d))
			return EXIT_INVALID;
		break;
	case OPT_REMIND_ALL:
		c->ics.remind_all = true;
		break;
	case OPT_RRULE:
		c->ics.rrule = true;
		break;
	case OPT_CALENDAR_NAME:
		c->ics.calendar_name = value;
		break;
	}
	return 0;
}

static int
finish(struct args *a)
{
	if (a->calendar.ics.remind_all && a->calendar.nreminds == 0)
		return cli_usage_error(a->cmd->name, "--remind-all needs "
				       "--remind DURATION");
	return 0;
}

static const struct opt group[] = {
	{ .name = "holidays", .arg = "FILE.ics", .handler = take,
	  .key = OPT_HOLIDAYS,
	  .help = "public holidays (all-day events, yearly rules too), for "
		  "--roll" },
	{ .name = "roll", .values = roll_values, .handler = take,
	  .key = OPT_ROLL,
	  .help = "move consultations, reviews and conferences off weekends "
		  "and holidays to the following or preceding working day "
		  "(expiry, withdrawal and deadlines never move); by default "
		  "none" },
	{ .name = "remind", .arg = "DURATION", .handler = take,
	  .key = OPT_REMIND, .formats = FORMAT_ICS,
	  .help = "an alarm this long before deadlines, withdrawal dates and "
		  "expiry; may be given more than once" },
	{ .name = "remind-all", .handler = take, .key = OPT_REMIND_ALL,
	  .formats = FORMAT_ICS,
	  .help = "the alarms go on every milestone" },
	{ .name = "rrule", .handler = take, .key = OPT_RRULE,
	  .formats = FORMAT_ICS,
	  .help = "a consultation or review series as one repeating event "
		  "(less portable)" },
	{ .name = "calendar-name", .arg = "TEXT", .handler = take,
	  .key = OPT_CALENDAR_NAME, .formats = FORMAT_ICS,
	  .help = "the calendar's name" },
	OPT_END
};

const struct opt_group options_calendar = {
	.title = "Working days and calendar files:",
	.opts = group,
	.finish = finish,
};

bool
calendar_set_dtstamp(struct calendar_opts *c)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (sde == NULL || *sde == '\0') {
		c->ics.dtstamp = (int64_t)time(NULL);
		return true;
	}
	errno = 0;
	v = strtoll(sde, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0 || v > 253402300799LL) {
		cli_error("SOURCE_DATE_EPOCH '%s': expected seconds since "
			  "1970-01-01 (before year 10000)", sde);
		return false;
	}
	c->ics.dtstamp = v;
	return true;
}

bool
calendar_load_holidays(struct calendar_opts *c, tt_date from, tt_date to)
{
	FILE *fp;
	char *text = NULL;
	size_t len = 0;
	tt_error e;
	bool ok;

	if (c->holidays_file == NULL)
		return true;
	if (c->loaded) {
		if (tt_date_compare(from, c->loaded_from) >= 0 &&
		    tt_date_compare(to, c->loaded_to) <= 0)
			return true;
		/* Load the union, so that ranges only ever grow. */
		if (tt_date_compare(c->loaded_from, from) < 0)
			from = c->loaded_from;
		if (tt_date_compare(c->loaded_to, to) > 0)
			to = c->loaded_to;
	}
	if (c->holidays == NULL && (c->holidays = tt_holidays_new()) == NULL) {
		cli_error("out of memory");
		return false;
	}
	fp = fopen(c->holidays_file, "rb");
	if (fp == NULL) {
		cli_error("%s: %s", c->holidays_file, strerror(errno));
		return false;
	}
	text = cli_read_all(fp, &len);
	if (text == NULL) {
		cli_error("%s: %s", c->holidays_file, strerror(errno));
		fclose(fp);
		return false;
	}
	fclose(fp);
	ok = tt_holidays_load_ics(c->holidays, text, len, from, to, &e) ==
	     TT_OK;
	if (!ok)
		cli_file_error(c->holidays_file, &e);
	free(text);
	if (ok) {
		c->loaded = true;
		c->loaded_from = from;
		c->loaded_to = to;
	}
	return ok;
}

tt_status
calendar_compute(struct calendar_opts *c, tt_schedule *s, const tt_spec *spec,
		 tt_error *e, bool *bad_holidays)
{
	tt_schedule_options opt = { NULL, TT_ROLL_NONE, 0 };
	tt_date from, to;
	tt_status st;

	*bad_holidays = false;
	if (c->holidays_file != NULL && c->roll == TT_ROLL_NONE) {
		cli_error("--holidays %s: holidays only matter with --roll "
			  "following or --roll preceding", c->holidays_file);
		*bad_holidays = true;
		return TT_EINVAL;
	}
	st = tt_schedule_compute(s, spec, &opt, e);
	if (st != TT_OK || c->roll == TT_ROLL_NONE)
		return st;
	/* The holidays that matter lie between entry into force and a
	 * little after the last meeting (a roll may pass a long holiday). */
	from = to = tt_schedule_entry_into_force(s);
	for (size_t i = 0; i < tt_schedule_count(s); i++) {
		const tt_milestone *m = tt_schedule_at(s, i);

		if (tt_date_compare(m->date, to) > 0)
			to = m->date;
		if (tt_date_compare(m->date, from) < 0)
			from = m->date;
	}
	if (tt_date_add(to, tt_duration_of_years(1), &to, NULL, NULL) != TT_OK)
		to = tt_date_from_daynum(TT_DAYNUM_MAX);
	if (tt_date_add(from, tt_duration_of_years(-1), &from, NULL, NULL) !=
	    TT_OK)
		from = tt_date_from_daynum(TT_DAYNUM_MIN);
	opt.holidays = c->holidays;
	opt.roll = c->roll;
	/* A long run of holidays can roll a meeting past the holidays
	 * loaded: load further and compute again until none is. */
	for (int years = 1;; years *= 4) {
		bool past = false;

		if (!calendar_load_holidays(c, from, to)) {
			*bad_holidays = true;
			return TT_EINVAL;
		}
		opt.holidays = c->holidays;
		if ((st = tt_schedule_compute(s, spec, &opt, e)) != TT_OK)
			return st;
		for (size_t i = 0; i < tt_schedule_count(s); i++)
			if (tt_date_compare(tt_schedule_at(s, i)->date,
					    c->loaded_to) >= 0)
				past = true;
		if (!past || !c->loaded ||
		    tt_date_to_daynum(c->loaded_to) == TT_DAYNUM_MAX)
			return TT_OK;
		if (tt_date_add(c->loaded_to, tt_duration_of_years(years), &to,
				NULL, NULL) != TT_OK)
			to = tt_date_from_daynum(TT_DAYNUM_MAX);
	}
}
