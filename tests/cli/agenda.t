# treatyterm agenda: the dates coming up across presets, spec files, batch
# CSV files and directories, merged in date order.  TREATYTERM_TODAY fixes
# today; standard output is a pipe here, so nothing is paged or coloured
# (tests/agenda-terminal.test runs it on a terminal).
<<< x.ini
[treaty]
id = bilateral-x
name = Treaty X
entry_into_force = 2020-03-31
term = 10y
>>>
<<< rows.csv
id,name,entry_into_force,term,consultation.first,consultation.every
alpha,"Alpha, 2001",2001-02-28,30y,1y,2y
beta,Beta,2017-06-30,10y,,
>>>
$ TREATYTERM_TODAY=2027-01-01 treatyterm agenda abm-1972 npt-1968 x.ini rows.csv --next 4y
Agenda from 2027-01-01 to 2031-01-01: 6 dates of 5 treaties

Date        Days  Treaty       Party  Kind          Label
2027-06-30   180  beta         -      expiry        Expiry (last day in force)
2027-10-03   275  abm-1972     -      review        Review 11
2028-02-28   423  alpha        -      consultation  Consultation 14
2030-02-28  1154  alpha        -      consultation  Consultation 15
2030-03-05  1159  npt-1968     -      review        Review conference 12
2030-03-31  1185  bilateral-x  -      expiry        Expiry (last day in force)

# A multilateral treaty's own dates for each party name the party.
$ TREATYTERM_TODAY=2016-10-01 treatyterm agenda rome-statute-1998 --kind notice,notice_revoked,withdrawal_effective --next 2y
Agenda from 2016-10-01 to 2018-10-01: 2 dates of 1 treaty

Date        Days  Treaty             Party    Kind                  Label
2016-10-27    26  rome-statute-1998  Burundi  notice                Notice received (Burundi)
2017-10-27   391  rome-statute-1998  Burundi  withdrawal_effective  Withdrawal takes effect (Burundi)

$ TREATYTERM_TODAY=2016-10-01 treatyterm agenda rome-statute-1998 --kind notice --next 2y -f csv | tr -d '\r'
date,days_left,treaty,party,kind,label,basis
2016-10-27,26,rome-statute-1998,Burundi,notice,Notice received (Burundi),notice received 2016-10-27 (the day the depositary received it)

# By default the next twelve months from today.
$ TREATYTERM_TODAY=2027-01-01 treatyterm agenda abm-1972 npt-1968 x.ini rows.csv
Agenda from 2027-01-01 to 2028-01-01: 2 dates of 5 treaties

Date        Days  Treaty    Party  Kind    Label
2027-06-30   180  beta      -      expiry  Expiry (last day in force)
2027-10-03   275  abm-1972  -      review  Review 11

# --from and --until instead; days are still counted from today.
$ TREATYTERM_TODAY=2027-01-01 treatyterm agenda abm-1972 rows.csv --from today-1y --until 2027-06-30 --kind expiry,consultation
Agenda from 2026-01-01 to 2027-06-30: 2 dates of 3 treaties

Date        Days  Treaty  Party  Kind          Label
2026-02-28  -307  alpha   -      consultation  Consultation 13
2027-06-30   180  beta    -      expiry        Expiry (last day in force)

$ TREATYTERM_TODAY=2040-01-01 treatyterm agenda abm-1972 x.ini --kind expiry
Agenda from 2040-01-01 to 2041-01-01: 0 dates of 2 treaties

# A directory: every *.ini in it, in name order.
$ mkdir specs && cp x.ini specs/b.ini && treatyterm presets -f ini abm-1972 > specs/a.ini && echo skip > specs/notes.txt && TREATYTERM_TODAY=2027-01-01 treatyterm agenda specs --next 4y --kind expiry,review
Agenda from 2027-01-01 to 2031-01-01: 2 dates of 2 treaties

Date        Days  Treaty       Party  Kind    Label
2027-10-03   275  abm-1972     -      review  Review 11
2030-03-31  1185  bilateral-x  -      expiry  Expiry (last day in force)

$ TREATYTERM_TODAY=2027-01-01 treatyterm agenda abm-1972 x.ini rows.csv --next 2y -f csv | tr -d '\r'
date,days_left,treaty,party,kind,label,basis
2027-06-30,180,beta,,expiry,Expiry (last day in force),entry into force 2017-06-30 + 10 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1); expiry is not moved for weekends or holidays)
2027-10-03,275,abm-1972,,review,Review 11,entry into force 1972-10-03 + 55 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1))
2028-02-28,423,alpha,,consultation,Consultation 14,entry into force 2001-02-28 + 27 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1))

$ TREATYTERM_TODAY=2027-01-01 treatyterm agenda abm-1972 x.ini --next 4y -f json
{
  "from": "2027-01-01",
  "until": "2031-01-01",
  "milestones": [
    {
      "date": "2027-10-03",
      "days_left": 275,
      "treaty": "abm-1972",
      "party": null,
      "kind": "review",
      "label": "Review 11",
      "basis": "entry into force 1972-10-03 + 55 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1))"
    },
    {
      "date": "2030-03-31",
      "days_left": 1185,
      "treaty": "bilateral-x",
      "party": null,
      "kind": "expiry",
      "label": "Expiry (last day in force)",
      "basis": "entry into force 2020-03-31 + 10 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1); expiry is not moved for weekends or holidays)"
    }
  ],
  "errors": []
}

$ TREATYTERM_TODAY=2040-01-01 treatyterm agenda abm-1972 -f json --kind expiry
{
  "from": "2040-01-01",
  "until": "2041-01-01",
  "milestones": [],
  "errors": []
}

# One calendar, only the events in the window.
$ TREATYTERM_TODAY=2027-01-01 SOURCE_DATE_EPOCH=0 treatyterm agenda abm-1972 x.ini rows.csv --next 4y -f ics | grep -E '^(X-WR-CALNAME|DTSTART|SUMMARY)' | tr -d '\r'
X-WR-CALNAME:Treaty agenda
DTSTART;VALUE=DATE:20271003
SUMMARY:ABM Treaty: Review 11
DTSTART;VALUE=DATE:20300331
SUMMARY:Treaty X: Expiry (last day in force)
DTSTART;VALUE=DATE:20280228
SUMMARY:Alpha\, 2001: Consultation 14
DTSTART;VALUE=DATE:20300228
SUMMARY:Alpha\, 2001: Consultation 15
DTSTART;VALUE=DATE:20270630
SUMMARY:Beta: Expiry (last day in force)

# A pipe is neither paged nor coloured (an escape would show as "ESC"),
# even with a pager and a colour terminal.
$ TREATYTERM_TODAY=2027-01-01 TREATYTERM_PAGER='sed s/^/paged:/' PAGER='sed s/^/paged:/' TERM=xterm treatyterm agenda abm-1972 | sed "s/$(printf '\033')/ESC/g"
Agenda from 2027-01-01 to 2028-01-01: 1 date of 1 treaty

Date        Days  Treaty    Party  Kind    Label
2027-10-03   275  abm-1972  -      review  Review 11

# Errors.
$ treatyterm agenda
2> treatyterm: agenda: give at least one preset, spec file, CSV file or directory
2> Try 'treatyterm agenda --help' for more information.
[exit 2]

$ treatyterm agenda abm-1972 --kind reviews
2> treatyterm: agenda: --kind: unknown kind 'reviews' (expected entry_into_force, consultation, review, conference, withdrawal_notice_opens, withdrawal_effective, renewal_notice_deadline, renewal, expiry, milestone, notice, notice_revoked, withdrawal_window_opens, withdrawal_window_closes)
2> Try 'treatyterm agenda --help' for more information.
[exit 2]

$ treatyterm agenda abm-1972 --from 2027-02-30
2> treatyterm: agenda: --from '2027-02-30': column 9: day 30 is out of range for February 2027 (1 to 28)
2> Try 'treatyterm agenda --help' for more information.
[exit 2]

$ treatyterm agenda abm-1972 --next 1y --until 2030-01-01
2> treatyterm: agenda: give --next or --until, not both
2> Try 'treatyterm agenda --help' for more information.
[exit 2]

$ treatyterm agenda abm-1972 --next -1y
2> treatyterm: agenda: --next '-1y': expected a duration ahead, not back
2> Try 'treatyterm agenda --help' for more information.
[exit 2]

$ TREATYTERM_TODAY=2027-01-01 treatyterm agenda abm-1972 --until 2026-01-01
2> treatyterm: agenda: --until 2026-01-01 is before the start, 2027-01-01
2> Try 'treatyterm agenda --help' for more information.
[exit 2]

# --strict: all or nothing, the first input that cannot be read stops the
# run.
$ treatyterm agenda abm-1972 no-such-treaty --strict
2> treatyterm: no-such-treaty: no such file, directory or preset (see 'treatyterm presets')
[exit 1]

# A treaty given twice is a mistake: its dates would be listed twice.
$ treatyterm agenda abm-1972 rows.csv abm-1972 --strict
2> treatyterm: abm-1972: 'abm-1972' is already in the agenda
[exit 1]

$ printf 'id,entry_into_force\nbeta,2020-01-01\n' > again.csv; treatyterm agenda rows.csv again.csv --strict
2> treatyterm: again.csv:2: 'beta' is already in the agenda
[exit 1]

# Without it, an input that cannot be read does not hide the others: it
# is reported (on standard error and in the table) and left out, the
# others are listed, and the exit status is 4.
$ TREATYTERM_TODAY=2027-01-01 treatyterm agenda abm-1972 no-such-treaty
Agenda from 2027-01-01 to 2028-01-01: 1 date of 1 treaty
Could not be read, left out:
  no-such-treaty: no such file, directory or preset (see 'treatyterm presets')

Date        Days  Treaty    Party  Kind    Label
2027-10-03   275  abm-1972  -      review  Review 11
2> treatyterm: no-such-treaty: no such file, directory or preset (see 'treatyterm presets')
[exit 4]

$ TREATYTERM_TODAY=2027-01-01 treatyterm agenda abm-1972 rows.csv again.csv abm-1972 --kind expiry,review
Agenda from 2027-01-01 to 2028-01-01: 2 dates of 3 treaties
Could not be read, left out:
  again.csv:2: 'beta' is already in the agenda
  abm-1972: 'abm-1972' is already in the agenda

Date        Days  Treaty    Party  Kind    Label
2027-06-30   180  beta      -      expiry  Expiry (last day in force)
2027-10-03   275  abm-1972  -      review  Review 11
2> treatyterm: again.csv:2: 'beta' is already in the agenda
2> treatyterm: abm-1972: 'abm-1972' is already in the agenda
[exit 4]

# One spec file of a directory has a typo, one row of a batch file a day
# that does not exist: the other spec files and rows are listed.
$ mkdir many && cp x.ini many/b.ini && treatyterm presets -f ini abm-1972 > many/a.ini && printf '[treaty]\nid = typo\nentry_into_force = 2020-01-01\nterm = 10 years\n' > many/c.ini && printf 'id,entry_into_force,term\nfirst,2019-05-01,10y\nleap,2020-02-30,10y\nlast,2018-03-01,10y\n' > rows2.csv
$ TREATYTERM_TODAY=2027-01-01 treatyterm agenda many rows2.csv --next 4y --kind expiry,review
Agenda from 2027-01-01 to 2031-01-01: 4 dates of 4 treaties
Could not be read, left out:
  many/c.ini:4:10: unknown unit ' ' (expected y, m, w or d)
  rows2.csv:3: entry_into_force: day 30 is out of range for February 2020 (1 to 29)

Date        Days  Treaty       Party  Kind    Label
2027-10-03   275  abm-1972     -      review  Review 11
2028-03-01   425  last         -      expiry  Expiry (last day in force)
2029-05-01   851  first        -      expiry  Expiry (last day in force)
2030-03-31  1185  bilateral-x  -      expiry  Expiry (last day in force)
2> treatyterm: many/c.ini:4:10: unknown unit ' ' (expected y, m, w or d)
2> treatyterm: rows2.csv:3: entry_into_force: day 30 is out of range for February 2020 (1 to 29)
[exit 4]

# In JSON, the same in "errors": the input, its line and column (null
# when not known; in a CSV file the column of the bad cell) and the
# message.
$ TREATYTERM_TODAY=2027-01-01 treatyterm agenda many rows2.csv nowhere --next 2y --kind expiry -f json 2> /dev/null
{
  "from": "2027-01-01",
  "until": "2029-01-01",
  "milestones": [
    {
      "date": "2028-03-01",
      "days_left": 425,
      "treaty": "last",
      "party": null,
      "kind": "expiry",
      "label": "Expiry (last day in force)",
      "basis": "entry into force 2018-03-01 + 10 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1); expiry is not moved for weekends or holidays)"
    }
  ],
  "errors": [
    {
      "input": "many/c.ini",
      "line": 4,
      "column": 10,
      "message": "unknown unit ' ' (expected y, m, w or d)"
    },
    {
      "input": "rows2.csv",
      "line": 3,
      "column": 2,
      "message": "entry_into_force: day 30 is out of range for February 2020 (1 to 29)"
    },
    {
      "input": "nowhere",
      "line": null,
      "column": null,
      "message": "no such file, directory or preset (see 'treatyterm presets')"
    }
  ]
}
[exit 4]

# CSV and calendars have no room for them: standard error and the exit
# status say it.
$ TREATYTERM_TODAY=2027-01-01 treatyterm agenda rows2.csv --next 2y --kind expiry -o out.csv; s=$?; tr -d '\r' < out.csv; exit $s
date,days_left,treaty,party,kind,label,basis
2028-03-01,425,last,,expiry,Expiry (last day in force),entry into force 2018-03-01 + 10 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1); expiry is not moved for weekends or holidays)
2> treatyterm: rows2.csv:3: entry_into_force: day 30 is out of range for February 2020 (1 to 29)
[exit 4]

$ TREATYTERM_TODAY=2027-01-01 treatyterm agenda many rows2.csv --strict
2> treatyterm: many/c.ini:4:10: unknown unit ' ' (expected y, m, w or d)
[exit 1]

$ TREATYTERM_TODAY=2027-01-01 treatyterm agenda rows2.csv --strict
2> treatyterm: rows2.csv:3: entry_into_force: day 30 is out of range for February 2020 (1 to 29)
[exit 1]

# Nothing could be read: nothing to list, status 1.
$ treatyterm agenda many/c.ini nowhere
2> treatyterm: many/c.ini:4:10: unknown unit ' ' (expected y, m, w or d)
2> treatyterm: nowhere: no such file, directory or preset (see 'treatyterm presets')
[exit 1]

$ printf 'id,term\nbad,50q\n' > bad.csv; treatyterm agenda bad.csv
2> treatyterm: bad.csv:2: term: unknown unit 'q' (expected y, m, w or d)
[exit 1]

$ treatyterm agenda abm-1972 --no-pager -f json
2> treatyterm: agenda: --no-pager has no effect in json output (only in table)
2> Try 'treatyterm agenda --help' for more information.
[exit 2]

# A multilateral treaty whose parties come from a status table kept as
# CSV: its "treaty" column names the treaty by id.
$ printf '[treaty]\nid = club\n[entry_into_force]\ninstruments = 2\nafter = 30d\n[withdrawal]\nnotice = 1y\n' > club.ini; printf 'treaty,name,deposit,notice\nclub,A,2026-01-05,\nclub,B,2026-11-01,2026-12-15\n' > clubp.csv
$ TREATYTERM_TODAY=2026-11-30 treatyterm agenda club.ini --parties clubp.csv --next 13m --kind notice,withdrawal_effective
Agenda from 2026-11-30 to 2027-12-30: 3 dates of 1 treaty

Date        Days  Treaty  Party  Kind                  Label
2026-12-15    15  club    B      notice                Notice received (B)
2027-12-01   366  club    -      withdrawal_effective  Earliest withdrawal takes effect
2027-12-15   380  club    B      withdrawal_effective  Withdrawal takes effect (B)

$ printf 'name,deposit\nA,2026-01-05\n' > notreaty.csv; treatyterm agenda club.ini --parties notreaty.csv
2> treatyterm: notreaty.csv:1: no 'treaty' column: with several treaties, each row needs the id of the treaty it belongs to
[exit 1]
