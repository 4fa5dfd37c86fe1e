/*
 * calendar.c -- holidays, rolling and iCalendar options (see calendar.h).
 *
 * The holiday file is read and loaded once, for every year it covers,
 * before the first schedule is computed; the library then refuses a roll
 * that needs a day the calendar does not cover, so nothing here has to
 * guess a range of years.
 */
#include <config.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/calendar.h"
#include "cli/cli.h"
#include "cli/options.h"

/* The options' keys, for take(). */
enum {
	OPT_HOLIDAYS = 1,
	OPT_ROLL,
	OPT_REMIND,
	OPT_REMIND_ALL,
	OPT_RRULE,
	OPT_CALENDAR_NAME,
	OPT_PREVIOUS,
	OPT_REFRESH,
	OPT_SOURCE,
	OPT_CALENDAR_DESCRIPTION,
	OPT_CALENDAR_COLOR
};


void
calendar_opts_init(struct calendar_opts *c)
{
	memset(c, 0, sizeof *c);
	c->roll = TT_ROLL_NONE;
	tt_ics_options_init(&c->ics);
}

void
calendar_opts_free(struct calendar_opts *c)
{
	tt_holidays_free(c->holidays);
	c->holidays = NULL;
	tt_ics_previous_free(c->previous);
	c->previous = NULL;
	c->ics.previous = NULL;
}

/* --refresh VALUE into seconds: hours ("12h"), or days and weeks as any
 * duration gives them ("1d", "2w", "P1D"); false after a message. */
static bool
parse_refresh(struct args *a, const char *value, uint32_t *out)
{
	tt_duration d;
	unsigned long long secs;
	char *end;

	if (value[0] >= '0' && value[0] <= '9' &&
	    (end = strchr(value, 'h')) != NULL && end[1] == '\0') {
		errno = 0;
		secs = strtoull(value, &end, 10);
		if (errno == 0 && *end == 'h' && secs > 0 && secs <= 24 * 366)
			*out = (uint32_t)(secs * 3600);
		else
			secs = 0;
	} else {
		tt_error e;

		if (tt_duration_parse(value, &d, &e) != TT_OK ||
		    d.years != 0 || d.months != 0 || d.sign < 0)
			secs = 0;
		else
			secs = ((unsigned long long)d.weeks * 7 +
				(unsigned long long)d.days) * 86400;
		if (secs > 366ull * 86400)
			secs = 0;
		*out = (uint32_t)secs;
	}
	if (secs != 0)
		return true;
	cli_usage_error(a->cmd->name, "--refresh '%s': expected hours, days "
			"or weeks (12h, 1d, 2w), more than none and at most "
			"a year", value);
	return false;
}

static bool
add_remind(struct calendar_opts *c, tt_duration d)
{
	if (c->ics.nremind == TT_ICS_REMIND_MAX) {
		cli_error("--remind: at most %d alarms", TT_ICS_REMIND_MAX);
		return false;
	}
	c->ics.remind[c->ics.nremind++] = d;
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
	case OPT_PREVIOUS:
		c->previous_file = value;
		break;
	case OPT_REFRESH:
		if (!parse_refresh(a, value, &c->ics.refresh))
			return EXIT_USAGE;
		break;
	case OPT_SOURCE:
		c->ics.source_url = value;
		break;
	case OPT_CALENDAR_DESCRIPTION:
		c->ics.description = value;
		break;
	case OPT_CALENDAR_COLOR:
		c->ics.color = value;
		break;
	}
	return 0;
}

static int
finish(struct args *a)
{
	const tt_ics_options *ics = &a->calendar.ics;
	tt_ics_options one;
	tt_error e;

	if (ics->remind_all && ics->nremind == 0)
		return cli_usage_error(a->cmd->name, "--remind-all needs "
				       "--remind DURATION");
	tt_ics_options_init(&one);
	one.source_url = ics->source_url;
	if (tt_ics_options_check(&one, &e) != TT_OK)
		return cli_usage_error(a->cmd->name, "--source: %s", e.message);
	tt_ics_options_init(&one);
	one.color = ics->color;
	if (tt_ics_options_check(&one, &e) != TT_OK)
		return cli_usage_error(a->cmd->name, "--calendar-color: %s",
				       e.message);
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
	  .key = OPT_REMIND, .formats = FORMAT_CALENDARS,
	  .help = "an alarm this long before deadlines, withdrawal dates and "
		  "expiry; may be given more than once" },
	{ .name = "remind-all", .handler = take, .key = OPT_REMIND_ALL,
	  .formats = FORMAT_CALENDARS,
	  .help = "the alarms go on every milestone" },
	{ .name = "rrule", .handler = take, .key = OPT_RRULE,
	  .formats = FORMAT_CALENDARS,
	  .help = "a consultation or review series as one repeating event "
		  "(less portable)" },
	{ .name = "calendar-name", .arg = "TEXT", .handler = take,
	  .key = OPT_CALENDAR_NAME, .formats = FORMAT_CALENDARS,
	  .help = "the calendar's name" },
	{ .name = "calendar-description", .arg = "TEXT", .handler = take,
	  .key = OPT_CALENDAR_DESCRIPTION, .flags = OPT_ONCE,
	  .formats = FORMAT_CALENDARS,
	  .help = "what the calendar is, for calendar lists" },
	{ .name = "calendar-color", .arg = "NAME", .handler = take,
	  .key = OPT_CALENDAR_COLOR, .flags = OPT_ONCE, .formats = FORMAT_CALENDARS,
	  .help = "the calendar's colour, a CSS3 name such as darkred" },
	{ .name = "source", .arg = "URL", .handler = take, .key = OPT_SOURCE,
	  .flags = OPT_ONCE, .formats = FORMAT_CALENDARS,
	  .help = "where the calendar is published (http:, https: or "
		  "webcal:), for subscribers" },
	{ .name = "refresh", .arg = "DURATION", .handler = take,
	  .key = OPT_REFRESH, .flags = OPT_ONCE, .formats = FORMAT_CALENDARS,
	  .help = "how often subscribers should fetch the calendar again "
		  "(12h, 1d, 1w)" },
	{ .name = "previous", .arg = "OLD.ics", .handler = take,
	  .key = OPT_PREVIOUS, .flags = OPT_ONCE, .formats = FORMAT_CALENDARS,
	  .help = "the calendar written before: changed events get a higher "
		  "SEQUENCE, removed ones are cancelled, the others stay as "
		  "they were" },
	OPT_END
};

const struct opt_group options_calendar = {
	.title = "Working days and calendar files:",
	.opts = group,
	.finish = finish,
};

/* Reads the --previous calendar, if one was given and not read yet;
 * false after a message. */
static bool
read_previous(struct calendar_opts *c)
{
	FILE *fp;
	char *text;
	size_t len = 0;
	tt_error e;
	tt_status st;

	if (c->previous_file == NULL || c->previous != NULL)
		return true;
	fp = fopen(c->previous_file, "rb");
	if (fp == NULL) {
		cli_error("%s: %s", c->previous_file, strerror(errno));
		return false;
	}
	text = cli_read_all(fp, &len);
	if (text == NULL) {
		cli_error("%s: %s", c->previous_file, strerror(errno));
		fclose(fp);
		return false;
	}
	fclose(fp);
	st = tt_ics_previous_read(text, len, &c->previous, &e);
	free(text);
	if (st != TT_OK) {
		cli_file_error(c->previous_file, &e);
		return false;
	}
	c->ics.previous = c->previous;
	return true;
}

bool
calendar_set_dtstamp(struct calendar_opts *c)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (sde == NULL || *sde == '\0') {
		c->ics.dtstamp = (int64_t)time(NULL);
		return read_previous(c);
	}
	errno = 0;
	v = strtoll(sde, &end, 10);
	if (errno != 0 || *end != '\0' || v < 0 || v > 253402300799LL) {
		cli_error("SOURCE_DATE_EPOCH '%s': expected seconds since "
			  "1970-01-01 (before year 10000)", sde);
		return false;
	}
	c->ics.dtstamp = v;
	return read_previous(c);
}

bool
calendar_load_holidays(struct calendar_opts *c)
{
	FILE *fp;
	char *text;
	size_t len = 0;
	tt_error e;

	if (c->holidays_read)
		return c->holidays != NULL;
	c->holidays_read = true;
	if (c->holidays_file == NULL)
		return true;
	if (c->roll == TT_ROLL_NONE) {
		cli_error("--holidays %s: holidays only matter with --roll "
			  "following or --roll preceding", c->holidays_file);
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
	c->holidays = tt_holidays_new();
	if (c->holidays == NULL) {
		cli_error("out of memory");
	} else if (tt_holidays_load_ics(c->holidays, text, len, &e) !=
		   TT_OK) {
		cli_file_error(c->holidays_file, &e);
		tt_holidays_free(c->holidays);
		c->holidays = NULL;
	}
	free(text);
	return c->holidays != NULL;
}

tt_status
calendar_compute(const struct calendar_opts *c, tt_schedule *s,
		 const tt_spec *spec, tt_error *e)
{
	tt_schedule_options opt;

	tt_schedule_options_init(&opt);
	opt.max_milestones = 0;
	opt.roll = c->roll;
	opt.holidays = c->holidays;
	opt.has_out_by = c->has_out_by;
	opt.out_by = c->out_by;
	opt.has_today = c->has_today;
	opt.today = c->today;
	opt.party = c->party;
	opt.has_as_of = c->has_as_of;
	opt.as_of = c->as_of;
	return tt_schedule_compute(s, spec, &opt, e);
}
