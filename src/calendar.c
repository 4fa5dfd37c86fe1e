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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "cli.h"

enum {
	OPT_HOLIDAYS = CALENDAR_OPTION_BASE,
	OPT_ROLL,
	OPT_REMIND,
	OPT_REMIND_ALL,
	OPT_RRULE,
	OPT_CALENDAR_NAME,
	OPT_END
};

static const struct option calendar_longopts[] = {
	{ "holidays", required_argument, NULL, OPT_HOLIDAYS },
	{ "roll", required_argument, NULL, OPT_ROLL },
	{ "remind", required_argument, NULL, OPT_REMIND },
	{ "remind-all", no_argument, NULL, OPT_REMIND_ALL },
	{ "rrule", no_argument, NULL, OPT_RRULE },
	{ "calendar-name", required_argument, NULL, OPT_CALENDAR_NAME },
};

#define NOPTS (sizeof calendar_longopts / sizeof calendar_longopts[0])

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
}

size_t
calendar_option_count(void)
{
	return NOPTS;
}

size_t
calendar_options(struct option *opts, size_t n)
{
	for (size_t i = 0; i < NOPTS; i++)
		opts[n++] = calendar_longopts[i];
	return n;
}

void
calendar_options_help(FILE *fp)
{
	fprintf(fp,
		"Working days:\n"
		"  --holidays FILE.ics  public holidays (all-day events, "
		"yearly rules too)\n"
		"  --roll following|preceding\n"
		"                       move consultations, reviews and "
		"conferences off\n"
		"                       weekends and holidays (expiry, "
		"withdrawal and\n"
		"                       deadlines never move)\n"
		"Calendar output (--format ics):\n"
		"  --remind DURATION    an alarm this long before deadlines, "
		"withdrawal\n"
		"                       dates and expiry\n"
		"  --remind-all         ... before every milestone\n"
		"  --rrule              a consultation or review series as "
		"one repeating\n"
		"                       event (less portable)\n"
		"  --calendar-name TEXT the calendar's name\n");
}

int
calendar_option(struct calendar_opts *c, const char *cmd, int opt,
		const char *optarg)
{
	tt_duration d;

	switch (opt) {
	case OPT_HOLIDAYS:
		c->holidays_file = optarg;
		return 1;
	case OPT_ROLL:
		if (strcmp(optarg, "following") == 0) {
			c->roll = TT_ROLL_FOLLOWING;
		} else if (strcmp(optarg, "preceding") == 0) {
			c->roll = TT_ROLL_PRECEDING;
		} else if (strcmp(optarg, "none") == 0) {
			c->roll = TT_ROLL_NONE;
		} else {
			cli_usage_error(cmd, "--roll: expected 'following', "
					"'preceding' or 'none', not '%s'",
					optarg);
			return -EXIT_USAGE;
		}
		return 1;
	case OPT_REMIND:
		if (!cli_parse_duration("--remind", optarg, &d))
			return -EXIT_INVALID;
		d.sign = 1;
		c->ics.remind = d;
		return 1;
	case OPT_REMIND_ALL:
		c->ics.remind_all = true;
		return 1;
	case OPT_RRULE:
		c->ics.rrule = true;
		return 1;
	case OPT_CALENDAR_NAME:
		c->ics.calendar_name = optarg;
		return 1;
	default:
		return 0;
	}
}

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
	tt_schedule_options opt = { NULL, TT_ROLL_NONE, 0 };

	opt.roll = c->roll;
	opt.holidays = c->holidays;
	return tt_schedule_compute(s, spec, &opt, e);
}
