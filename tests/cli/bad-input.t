# Bad input at every entry point: arguments, spec files, batch CSV rows
# and holiday calendars.  Each case asserts the exact message (with the
# file, line and column where there is one) and the exit status; a few
# cases check that unusual but valid input (a BOM, CRLF line ends) works.
# Findings of the fuzzers in fuzz/ are kept here as regression cases.

# add: impossible dates.
$ treatyterm add 2024-02-30 1y
2> treatyterm: date '2024-02-30': column 9: day 30 is out of range for February 2024 (1 to 29)
[exit 1]

$ treatyterm add 1900-02-29 1y
2> treatyterm: date '1900-02-29': column 9: day 29 is out of range for February 1900 (1 to 28)
[exit 1]

$ treatyterm add 2024-04-31 1y
2> treatyterm: date '2024-04-31': column 9: day 31 is out of range for April 2024 (1 to 30)
[exit 1]

$ treatyterm add 2024-00-10 1y
2> treatyterm: date '2024-00-10': column 6: month 0 is out of range (1 to 12)
[exit 1]

$ treatyterm add 2024-01-00 1y
2> treatyterm: date '2024-01-00': column 9: day 0 is out of range for January 2024 (1 to 31)
[exit 1]

$ treatyterm add 2000-02-29 1y
2001-02-28

# add: years 0 and 10000 and beyond.
$ treatyterm add 0000-12-31 1d
2> treatyterm: date '0000-12-31': column 1: year 0 is out of range (1 to 9999)
[exit 1]

$ treatyterm add 10000-01-01 -1d
2> treatyterm: date '10000-01-01': column 1: year 10000 is out of range (1 to 9999)
[exit 1]

$ treatyterm add 9999-12-31 P1M
2> treatyterm: 9999-12-31 P1M: the result is outside the years 1 to 9999
[exit 1]

$ treatyterm add 0001-01-01 -1d
2> treatyterm: 0001-01-01 -1d: the result is outside the years 1 to 9999
[exit 1]

# add: malformed dates.
$ treatyterm add '' 1y
2> treatyterm: date '': column 1: empty date (expected YYYY-MM-DD)
[exit 1]

$ treatyterm add 2024-1-01 1y
2> treatyterm: date '2024-1-01': column 6: the month must have two digits (expected YYYY-MM-DD)
[exit 1]

$ treatyterm add 2024-01-1 1y
2> treatyterm: date '2024-01-1': column 9: the day must have two digits (expected YYYY-MM-DD)
[exit 1]

$ treatyterm add 24-01-01 1y
2> treatyterm: date '24-01-01': column 1: the year must have four digits (expected YYYY-MM-DD)
[exit 1]

$ treatyterm add 2024/01/01 1y
2> treatyterm: date '2024/01/01': column 5: expected '-' after the year (expected YYYY-MM-DD)
[exit 1]

$ treatyterm add 2024-01-01x 1y
2> treatyterm: date '2024-01-01x': column 11: unexpected text after the date
[exit 1]

$ treatyterm add ' 2024-01-01' 1y
2> treatyterm: date ' 2024-01-01': column 1: expected a date as YYYY-MM-DD
[exit 1]

$ treatyterm add 2024-01-01T00:00 1y
2> treatyterm: date '2024-01-01T00:00': column 11: unexpected text after the date
[exit 1]

$ treatyterm add January 1y
2> treatyterm: date 'January': column 1: expected a date as YYYY-MM-DD
[exit 1]

# add: huge numbers, bad units, malformed durations.
$ treatyterm add 2024-01-01 99999999999999999999y
2> treatyterm: duration '99999999999999999999y': column 1: 99999999999999999999 years is out of range (at most 9998)
[exit 1]

$ treatyterm add 2024-01-01 9999y
2> treatyterm: duration '9999y': column 1: 9999 years is out of range (at most 9998)
[exit 1]

$ treatyterm add 2024-01-01 120000m
2> treatyterm: duration '120000m': column 1: 120000 months is out of range (at most 119987)
[exit 1]

$ treatyterm add 2024-01-01 600000w
2> treatyterm: duration '600000w': column 1: 600000 weeks is out of range (at most 521722)
[exit 1]

$ treatyterm add 2024-01-01 4000000d
2> treatyterm: duration '4000000d': column 1: 4000000 days is out of range (at most 3652058)
[exit 1]

$ treatyterm add 2024-01-01 ''
2> treatyterm: duration '': column 1: empty duration (expected e.g. 50y, 1y6m, 90d or P50Y)
[exit 1]

$ treatyterm add 2024-01-01 y
2> treatyterm: duration 'y': column 1: expected a number, found 'y'
[exit 1]

$ treatyterm add 2024-01-01 5
2> treatyterm: duration '5': column 2: missing unit after 5 (expected y, m, w or d)
[exit 1]

$ treatyterm add 2024-01-01 5h
2> treatyterm: duration '5h': column 2: unknown unit 'h' (expected y, m, w or d)
[exit 1]

$ treatyterm add 2024-01-01 1y1y
2> treatyterm: duration '1y1y': column 4: years given twice
[exit 1]

$ treatyterm add 2024-01-01 1d1y
2> treatyterm: duration '1d1y': column 4: years must come before days
[exit 1]

$ treatyterm add 2024-01-01 P
2> treatyterm: duration 'P': column 2: expected a number after 'P'
[exit 1]

$ treatyterm add 2024-01-01 PT1H
2> treatyterm: duration 'PT1H': column 2: times of day are not supported in durations
[exit 1]

$ treatyterm add 2024-01-01 +
2> treatyterm: duration '+': column 2: expected a number after '+'
[exit 1]

$ treatyterm add 2024-01-01 --5y
2> treatyterm: duration '--5y': column 2: expected a number, found '-'
[exit 1]

$ treatyterm add 2024-01-01 ' 1y'
2> treatyterm: duration ' 1y': column 1: expected a number, found ' '
[exit 1]

$ treatyterm add 2024-01-01 1y 5q
2> treatyterm: duration '5q': column 2: unknown unit 'q' (expected y, m, w or d)
[exit 1]

# add: bad flags and missing arguments.
$ treatyterm add
2> treatyterm: add: missing DATE and DURATION
2> Try 'treatyterm add --help' for more information.
[exit 2]

$ treatyterm add 2024-01-01
2> treatyterm: add: missing DURATION
2> Try 'treatyterm add --help' for more information.
[exit 2]

$ treatyterm add --frobnicate 2024-01-01 1y
2> treatyterm: add: unrecognized option '--frobnicate'
2> Try 'treatyterm add --help' for more information.
[exit 2]

$ treatyterm add -q 2024-01-01 1y
2> treatyterm: add: invalid option -- 'q'
2> Try 'treatyterm add --help' for more information.
[exit 2]

# between.
$ treatyterm between 2024-01-01
2> treatyterm: between: expected two dates
2> Try 'treatyterm between --help' for more information.
[exit 2]

$ treatyterm between 2024-01-01 2025-01-01 2026-01-01
2> treatyterm: between: too many arguments
2> Try 'treatyterm between --help' for more information.
[exit 2]

$ treatyterm between 2024-01-01 2024-02-30
2> treatyterm: date '2024-02-30': column 9: day 30 is out of range for February 2024 (1 to 29)
[exit 1]

$ treatyterm between 0000-12-31 2024-01-01
2> treatyterm: date '0000-12-31': column 1: year 0 is out of range (1 to 9999)
[exit 1]

$ treatyterm between 2024-01-01 10000-01-01
2> treatyterm: date '10000-01-01': column 1: year 10000 is out of range (1 to 9999)
[exit 1]

$ treatyterm between '' 2024-01-01
2> treatyterm: date '': column 1: empty date (expected YYYY-MM-DD)
[exit 1]

$ treatyterm between --frobnicate 2024-01-01 2024-01-02
2> treatyterm: between: unrecognized option '--frobnicate'
2> Try 'treatyterm between --help' for more information.
[exit 2]

$ treatyterm between 9999-12-31 0001-01-01
minus 9998 years 11 months 30 days
-3652058 days

# schedule: clause flags with bad values.
$ treatyterm schedule --preset nosuch
2> treatyterm: unknown preset 'nosuch' (see 'treatyterm presets')
[exit 1]

$ treatyterm schedule --entry-into-force 2024-02-30
2> treatyterm: --entry-into-force '2024-02-30': column 9: day 30 is out of range for February 2024 (1 to 29)
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --term 0y
2> treatyterm: --term '0y': column 1: must be longer than zero
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --term -5y
2> treatyterm: --term '-5y': column 1: must not be negative
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --term forever
2> treatyterm: --term 'forever': column 1: expected a number, found 'f'
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --term ''
2> treatyterm: --term '': column 1: empty duration (expected e.g. 50y, 1y6m, 90d or P50Y)
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --term 99999999999y
2> treatyterm: --term '99999999999y': column 1: 99999999999 years is out of range (at most 9998)
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --convention sideways
2> treatyterm: --convention 'sideways': column 1: expected 'anniversary' or 'inclusive'
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --consultation-first 1y --consultation-count 0
2> treatyterm: --consultation-count '0': column 1: must be at least 1
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --consultation-first 1y --consultation-count 99999999999
2> treatyterm: --consultation-count '99999999999': column 1: must be at most 100000
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --consultation-first 1y --consultation-count -1
2> treatyterm: --consultation-count '-1': column 1: expected a whole number
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --consultation-first 1y --consultation-count 1.5
2> treatyterm: --consultation-count '1.5': column 2: expected a whole number
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --consultation-first 1y --consultation-every 0d
2> treatyterm: --consultation-every '0d': column 1: must be longer than zero
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --renewal-period 5y --term 5y --renewal-times never
2> treatyterm: --renewal-times 'never': column 1: expected a whole number or 'unlimited'
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --horizon 2024-02-30
2> treatyterm: --horizon '2024-02-30': column 9: day 30 is out of range for February 2024 (1 to 29)
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --notice-given ''
2> treatyterm: --notice-given '': column 1: empty date (expected YYYY-MM-DD)
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --id 'a b'
2> treatyterm: --id 'a b': column 2: an id may contain only letters, digits, '.', '_' and '-'
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --name ''
2> treatyterm: --name '': column 1: empty value
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --conference-at -1y
2> treatyterm: --conference-at '-1y': column 1: must not be negative
[exit 1]

# schedule: clauses that contradict each other or are incomplete.
$ treatyterm schedule --entry-into-force 2000-01-01 --consultation-every 5y
2> treatyterm: --consultation-every: [consultation] needs 'first' (the offset of the first consultation from entry into force)
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --consultation-first 1y --consultation-count 3
2> treatyterm: --consultation-count: a count of 3 needs 'every' (the period between consultations)
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --withdrawal-opens 1y
2> treatyterm: --withdrawal-opens: [withdrawal] needs 'notice' (the notice period)
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --renewal-notice 1y
2> treatyterm: --renewal-notice: [renewal] needs 'period' (the length of each renewed period)
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --renewal-period 5y
2> treatyterm: --renewal-period: renewal needs a fixed term, not an indefinite one
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --term 5y --renewal-period 5y --renewal-notice 5y
2> treatyterm: --renewal-notice: the renewal notice is not shorter than the term
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --term 5y --renewal-period 1y --renewal-notice 2y
2> treatyterm: --renewal-notice: the renewal notice is not shorter than the renewal period
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --notice-given 2001-01-01
2> treatyterm: --notice-given: a notice date needs a [withdrawal] or [renewal] clause
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --term 5y --withdrawal-notice 1y --notice-given 2010-01-01
2> treatyterm: --notice-given: the notice is dated after the treaty expires
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --withdrawal-opens 5y --withdrawal-notice 1y --notice-given 2001-01-01
2> treatyterm: --notice-given: the notice is dated before withdrawal opens on 2005-01-01
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --term 5y --renewal-period 5y --renewal-times 2 --renewal-notice 1y --notice-given 2020-01-01
2> treatyterm: --notice-given: the notice is dated after the treaty expires on 2015-01-01
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --horizon 1999-12-31
2> treatyterm: --horizon: the horizon is before entry into force
[exit 1]

$ treatyterm schedule --entry-into-force 9999-12-31 --term 1d
2> treatyterm: --term: the term ends after 9999-12-31
[exit 1]

$ treatyterm schedule --entry-into-force 9999-12-31 --withdrawal-notice 1d
2> treatyterm: --withdrawal-notice: the notice period ends after 9999-12-31
[exit 1]

# schedule: specs that would produce millions of milestones are refused
# at once, whichever series would run away.
$ treatyterm schedule --entry-into-force 0001-01-01 --term 9998y --consultation-first 1d --consultation-every 1d
2> treatyterm: the schedule would have more than 100000 milestones; give a count or an earlier horizon
[exit 1]

$ treatyterm schedule --entry-into-force 0001-01-01 --horizon 9999-12-31 --review-first 1d --review-every 1d
2> treatyterm: the schedule would have more than 100000 milestones; give a count or an earlier horizon
[exit 1]

$ treatyterm schedule --entry-into-force 0001-01-01 --term 1d --renewal-period 1d --horizon 9999-12-31
2> treatyterm: the schedule would have more than 100000 milestones; give a count or an earlier horizon
[exit 1]

# schedule: bad options.
$ treatyterm schedule --preset ecsc-1951 --roll
2> treatyterm: schedule: option '--roll' requires an argument
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset ecsc-1951 --format ''
2> treatyterm: schedule: --format: expected 'table', 'json', 'csv', 'ics', 'svg', 'png', 'pdf' or 'jcal', not ''
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ SOURCE_DATE_EPOCH=yesterday treatyterm schedule --preset ecsc-1951 --format ics
2> treatyterm: SOURCE_DATE_EPOCH 'yesterday': expected seconds since 1970-01-01 (before year 10000)
[exit 1]

$ SOURCE_DATE_EPOCH=253402300800 treatyterm schedule --preset ecsc-1951 --format ics
2> treatyterm: SOURCE_DATE_EPOCH '253402300800': expected seconds since 1970-01-01 (before year 10000)
[exit 1]

$ treatyterm schedule .
2> treatyterm: .: Is a directory
[exit 1]

# Spec files: empty, binary, text that is not a spec.
$ : > empty.ini; treatyterm schedule empty.ini
2> treatyterm: empty.ini: no entry into force: set [treaty] entry_into_force
[exit 1]

$ printf '\n\n\n' > blank.ini; treatyterm schedule blank.ini
2> treatyterm: blank.ini: no entry into force: set [treaty] entry_into_force
[exit 1]

$ printf '\177ELF\002\001\001\000\000' > elf.ini; treatyterm schedule elf.ini
2> treatyterm: elf.ini:1:8: NUL byte in a spec file (is it a text file?)
[exit 1]

$ printf '\211PNG\r\n\032\n\000\000' > png.ini; treatyterm schedule png.ini
2> treatyterm: png.ini:3:1: NUL byte in a spec file (is it a text file?)
[exit 1]

$ printf '\377\376[\000t\000' > utf16.ini; treatyterm schedule utf16.ini
2> treatyterm: utf16.ini:1:4: NUL byte in a spec file (is it a text file?)
[exit 1]

$ printf 'hello, world\n' > hello.ini; treatyterm schedule hello.ini
2> treatyterm: hello.ini:1:1: expected '[section]' or 'key = value'
[exit 1]

# Spec files: structure.
$ printf 'entry_into_force = 2000-01-01\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:1:1: 'entry_into_force' is outside any section (start with [treaty])
[exit 1]

$ printf '\357\273\277term = 5y\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:1:4: 'term' is outside any section (start with [treaty])
[exit 1]

$ printf '[treaty\nentry_into_force = 2000-01-01\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:1:1: section header without ']'
[exit 1]

$ printf '[]\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:1:2: unknown section []
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\n[Treaty]\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:3:2: unknown section [Treaty]
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\n[withdrawal]\nnotice = 1y\n[withdrawal]\nnotice = 2y\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:5:1: section [withdrawal] appears twice (only [conference], [milestone], [event], [notice] and [party] may repeat)
[exit 1]

$ printf '[treaty]\nid = x\n\n  [ consultation ]  \n\tfirst = 1y\n[treaty]\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:6:1: section [treaty] appears twice (only [conference], [milestone], [event], [notice] and [party] may repeat)
[exit 1]

$ printf '[treaty]\nentry_into_force 2000-01-01\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:2:1: expected '[section]' or 'key = value'
[exit 1]

# Lines of any length: a 307-byte line is read like any other.
$ printf '[treaty]\nname = %0300d\nentry_into_force = 2000-01-01\nterm = 5y\n' 0 > s.ini; treatyterm schedule s.ini | tail -n 1
Expiry: 2005-01-01 (last day in force)

# Spec files: keys.
$ printf '[treaty]\nentry_into_force = 2000-01-01\nentry_into_force = 2001-01-01\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:3:1: duplicate key 'entry_into_force' in section [treaty]
[exit 1]

$ printf '[treaty]\nEntry_Into_Force = 2000-01-01\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:2:1: unknown key 'Entry_Into_Force' in section [treaty]
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\n[renewal]\nperiods = 5y\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:4:1: unknown key 'periods' in section [renewal]
[exit 1]

$ printf '[treaty]\nentry_into_force =\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:2:19: empty date (expected YYYY-MM-DD)
[exit 1]

$ printf '[treaty]\r\nentry_into_force = 2000-01-01\r\nterm = 5q\r\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:3:9: unknown unit 'q' (expected y, m, w or d)
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\nconvention = Inclusive\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:3:14: expected 'anniversary' or 'inclusive'
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\nname = caf\351\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:3:11: invalid UTF-8
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\nid = x/y\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:3:7: an id may contain only letters, digits, '.', '_' and '-'
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\n[review]\nfirst = 1y\nevery = 1y\ncount = 100001\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:6:9: must be at most 100000
[exit 1]

# Spec files: incomplete and contradictory clauses, reported where they
# were written.
$ printf '[treaty]\nentry_into_force = 2000-01-01\n[consultation]\nevery = 5y\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:4:9: [consultation] needs 'first' (the offset of the first consultation from entry into force)
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\n[withdrawal]\nopens = 1y\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:4:9: [withdrawal] needs 'notice' (the notice period)
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\n[conference]\nlabel = x\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:4:9: [conference] needs 'at' (its offset from entry into force)
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\n[conference]\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:3:1: [conference] needs 'at' (its offset from entry into force)
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\n[milestone]\nat = 1y\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:3:1: [milestone] needs a 'label'
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\n[milestone]\nlabel = x\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:4:9: [milestone] needs 'at' (an offset) or 'date'
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\n[milestone]\nlabel = x\nat = 1y\ndate = 2001-01-01\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:6:8: [milestone] takes 'at' or 'date', not both
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\nterm = 5y\n[renewal]\nperiod = 5y\nnotice = 6y\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:6:10: the renewal notice is not shorter than the term
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\nterm = indefinite\n[renewal]\nperiod = 5y\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:5:10: renewal needs a fixed term, not an indefinite one
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\nterm = 5y\nnotice_given = 1999-01-01\n[withdrawal]\nnotice = 1y\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:4:16: the notice is dated before entry into force
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\nterm = 5y\n[withdrawal]\nopens = 6y\nnotice = 1y\n' | treatyterm schedule -
2> treatyterm: <stdin>:5:9: withdrawal opens after the term ends
[exit 1]

$ printf '[treaty]\nentry_into_force = 0001-01-01\nterm = 9998y\n[review]\nfirst = 1d\nevery = 1d\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini: the schedule would have more than 100000 milestones; give a count or an earlier horizon
[exit 1]

$ printf '[treaty]\nentry_into_force = 2000-01-01\nterm = 5y\n[withdrawal]\nnotice = 6y\n' > s.ini; treatyterm schedule s.ini --term 10y | tail -n 1
Expiry: 2010-01-01 (last day in force)

# Spec files: a BOM, CRLF line ends, indentation and comments work.
$ printf '\357\273\277[treaty]\r\nentry_into_force = 2000-01-01\r\nterm = 5y\r\n' > bom.ini; treatyterm schedule bom.ini
Entry into force: 2000-01-01 (Saturday)
Term: 5 years, anniversary convention

2000-01-01  Sat  entry_into_force         Entry into force
2005-01-01  Sat  expiry                   Expiry (last day in force)

Expiry: 2005-01-01 (last day in force)

$ printf '; a comment\n# another\n  [ treaty ]\n\t; in force:\n\tentry_into_force = 2000-01-01\n  term = 5y\n' > s.ini; treatyterm schedule s.ini | tail -n 1
Expiry: 2005-01-01 (last day in force)

# Comments are whole lines: after a value, ' ;' and ' #' are part of it,
# so a name reads the same in a file as on the command line.
$ printf '[treaty]\nname = Treaty of A ; Protocol B\nentry_into_force = 2000-01-01\n' > s.ini; treatyterm schedule s.ini | head -n 1; treatyterm schedule s.ini --name 'Treaty of A ; Protocol B' | head -n 1
Treaty of A ; Protocol B
Treaty of A ; Protocol B

$ printf '[treaty]\n\tentry_into_force = 2000-01-01 ; in force\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:2:31: unexpected text after the date
[exit 1]

$ printf '[treaty] # the treaty\nentry_into_force = 2000-01-01\n' > s.ini; treatyterm schedule s.ini
2> treatyterm: s.ini:1:10: unexpected text after ']' (a comment takes a line of its own)
[exit 1]

# batch: header rows.
$ printf 'id,entry_into_force,colour\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:1: column 3: unknown column 'colour' (expected id, name, entry_into_force, term, convention, notice_given, horizon, from, ends, bilateral, hypothetical, article or url, or section.key with section consultation, review, conference, withdrawal, renewal, milestone, event, notice, entry_into_force or party)
[exit 1]

$ printf 'id,consultation.firstly\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:1: column 2: unknown column 'consultation.firstly' (the consultation keys are first, every, count, label, from, rule, readings, not_before, article and may_end)
[exit 1]

$ printf 'id,nosuch.first\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:1: column 2: unknown column 'nosuch.first' (no section 'nosuch'; expected consultation, review, conference, withdrawal, renewal, milestone, event, notice, entry_into_force or party)
[exit 1]

$ printf 'id,.first\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:1: column 2: unknown column '.first' (no section ''; expected consultation, review, conference, withdrawal, renewal, milestone, event, notice, entry_into_force or party)
[exit 1]

$ printf 'id,\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:1: column 2: unknown column '' (expected id, name, entry_into_force, term, convention, notice_given, horizon, from, ends, bilateral, hypothetical, article or url, or section.key with section consultation, review, conference, withdrawal, renewal, milestone, event, notice, entry_into_force or party)
[exit 1]

$ printf 'id;entry_into_force\nx;2000-01-01\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:1: column 1: unknown column 'id;entry_into_force' (expected id, name, entry_into_force, term, convention, notice_given, horizon, from, ends, bilateral, hypothetical, article or url, or section.key with section consultation, review, conference, withdrawal, renewal, milestone, event, notice, entry_into_force or party)
2> treatyterm: hint: the header has ';': try --delimiter ';'
[exit 1]

$ printf 'id,entry_into_force\n' > b.csv; treatyterm batch b.csv

$ printf '"id,entry_into_force\nx,2000-01-01\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:1: unterminated quoted field
[exit 1]

$ printf 'id\000,x\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:1: NUL byte in the file (is it a text file?)
[exit 1]

# batch: bad cells are reported with their line and column name, and the
# row is skipped.
$ printf 'id,entry_into_force\nx,2000-02-30\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:2: entry_into_force: day 30 is out of range for February 2000 (1 to 29)
2> treatyterm: b.csv: 1 of 1 rows skipped
[exit 3]

$ printf 'id,entry_into_force\nx,10000-01-01\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:2: entry_into_force: year 10000 is out of range (1 to 9999)
2> treatyterm: b.csv: 1 of 1 rows skipped
[exit 3]

$ printf 'id,entry_into_force,term\nx y,2000-01-01,5y\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:2: id: an id may contain only letters, digits, '.', '_' and '-'
2> treatyterm: b.csv: 1 of 1 rows skipped
[exit 3]

$ printf 'id,name,entry_into_force\nx,"a\001b",2000-01-01\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:2: name: control character in text
2> treatyterm: b.csv: 1 of 1 rows skipped
[exit 3]

$ printf 'id,entry_into_force,term,withdrawal.notice\nx,2000-01-01,5y,6y\n' > b.csv; treatyterm batch b.csv --strict
2> treatyterm: b.csv:2: withdrawal.notice: the notice period is longer than the term
[exit 1]

$ printf 'id,entry_into_force,withdrawal.notice,notice_given\nx,2000-01-01,1y,1999-01-01\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:2: notice_given: the notice is dated before entry into force
2> treatyterm: b.csv: 1 of 1 rows skipped
[exit 3]

$ printf 'id,entry_into_force\n,\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:2: no entry into force: set [treaty] entry_into_force
2> treatyterm: b.csv: 1 of 1 rows skipped
[exit 3]

$ printf 'id,entry_into_force,term,consultation.first,consultation.every\nx,0001-01-01,9998y,1d,1d\ny,2000-01-01,5y,1y,1y\n' > b.csv; treatyterm batch b.csv -f csv | tr -d '\r' | cut -d, -f1-4
treaty_id,date,weekday,kind
y,2000-01-01,Saturday,entry_into_force
y,2001-01-01,Monday,consultation
y,2002-01-01,Tuesday,consultation
y,2003-01-01,Wednesday,consultation
y,2004-01-01,Thursday,consultation
y,2005-01-01,Saturday,expiry
2> treatyterm: b.csv:2: the schedule would have more than 100000 milestones; give a count or an earlier horizon
2> treatyterm: b.csv: 1 of 2 rows skipped

# batch: quoting errors (bad rows, skipped), wrong field counts, NUL
# bytes.
$ printf 'id,entry_into_force\nx,2000-01-01\n"y,2000-01-01\n' > b.csv; treatyterm batch b.csv -f csv | tr -d '\r' | cut -d, -f1-2
treaty_id,date
x,2000-01-01
2> treatyterm: b.csv:3: unterminated quoted field
2> treatyterm: b.csv: 1 of 2 rows skipped

$ printf 'id,entry_into_force\n"x"y,2000-01-01\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:2: malformed quoting (a quote inside an unquoted field, or text after a closing quote)
2> treatyterm: b.csv: 1 of 1 rows skipped
[exit 3]

$ printf 'id,entry_into_force\nx,2000-01-01,extra\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:2: the row has 3 fields, the header 2
2> treatyterm: b.csv: 1 of 1 rows skipped
[exit 3]

$ printf 'id,entry_into_force\nx,2000\00001-01\n' > b.csv; treatyterm batch b.csv
2> treatyterm: b.csv:2: NUL byte in the file (is it a text file?)
[exit 1]

# batch: nothing is left behind when a run fails with -o (neither the
# output nor its temporary file).
$ mkdir o1; cd o1; printf 'id,name,entry_into_force\nx,ok,2000-01-01\ny,"bro\000ken\n' > q.csv; treatyterm batch q.csv -o out.jsonl || echo "exit $?; files: $(echo $(ls -A))"
exit 1; files: q.csv
2> treatyterm: q.csv:3: NUL byte in the file (is it a text file?)

$ mkdir o4; cd o4; printf 'id,name,entry_into_force\nx,ok,2000-01-01\ny,"broken\n' > q.csv; treatyterm batch q.csv -o out.jsonl; echo "exit $?; files: $(echo $(ls -A)); $(wc -l < out.jsonl) line"
exit 3; files: out.jsonl q.csv; 1 line
2> treatyterm: q.csv:3: unterminated quoted field
2> treatyterm: q.csv: 1 of 2 rows skipped

$ mkdir o2; cd o2; printf 'id,entry_into_force\nx,2000-01-01\n' > b.csv; printf 'junk\n' > junk.ics; treatyterm batch b.csv --roll following --holidays junk.ics -o out.jsonl || echo "exit $?; files: $(echo $(ls -A))"
exit 1; files: b.csv junk.ics
2> treatyterm: junk.ics: not an iCalendar file

$ mkdir o3; cd o3; echo precious > out.txt; treatyterm schedule --preset ecsc-1951 --withdrawal-notice 60y -o out.txt || echo "exit $?; files: $(echo $(ls -A)); $(cat out.txt)"
exit 1; files: out.txt; precious
2> treatyterm: --withdrawal-notice: the notice period is longer than the term

# batch: a BOM, CRLF line ends, blank lines and a missing final newline
# work.
$ printf '\357\273\277id,entry_into_force,term\r\n\r\nx,2000-01-01,5y\r\ny,2000-01-01,1y' > b.csv; treatyterm batch -f csv b.csv | tr -d '\r' | cut -d, -f1-4
treaty_id,date,weekday,kind
x,2000-01-01,Saturday,entry_into_force
x,2005-01-01,Saturday,expiry
y,2000-01-01,Saturday,entry_into_force
y,2001-01-01,Monday,expiry

# batch: bad flags.
$ treatyterm batch b.csv --term 6q
2> treatyterm: --term '6q': column 2: unknown unit 'q' (expected y, m, w or d)
[exit 1]

$ treatyterm batch --strict=yes b.csv
2> treatyterm: batch: option '--strict' doesn't allow an argument
2> Try 'treatyterm batch --help' for more information.
[exit 2]

$ treatyterm batch b.csv --format xml
2> treatyterm: batch: --format: expected 'jsonl', 'csv', 'ics' or 'jcal', not 'xml'
2> Try 'treatyterm batch --help' for more information.
[exit 2]

$ treatyterm batch b.csv -o
2> treatyterm: batch: option '-o' requires an argument
2> Try 'treatyterm batch --help' for more information.
[exit 2]

# Holiday calendars for --roll: not iCalendar, empty, binary, broken.
$ printf 'hello, world\n' > h.ics; treatyterm schedule --preset litvinov-1946 --roll following --holidays h.ics
2> treatyterm: h.ics: not an iCalendar file
[exit 1]

$ : > h.ics; treatyterm schedule --preset litvinov-1946 --roll following --holidays h.ics
2> treatyterm: h.ics: not an iCalendar file
[exit 1]

$ printf '\177ELF\002\001\001\000\000' > h.ics; treatyterm schedule --preset litvinov-1946 --roll following --holidays h.ics
2> treatyterm: h.ics:1: not an iCalendar file: a NUL byte
[exit 1]

$ printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20241225\r\n' > h.ics; treatyterm schedule --preset litvinov-1946 --roll following --holidays h.ics
2> treatyterm: h.ics:1: BEGIN:VCALENDAR without END:VCALENDAR
[exit 1]

$ printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:2024132\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > h.ics; treatyterm schedule --preset litvinov-1946 --roll following --holidays h.ics
2> treatyterm: h.ics:5: can't parse as DATE value in DTSTART property: 2024132
[exit 1]

$ printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20241225\r\nTHIS IS NOT A PROPERTY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > h.ics; treatyterm schedule --preset litvinov-1946 --roll following --holidays h.ics
2> treatyterm: h.ics:5: got a data line, but could not find a property name or component begin tag: THIS IS NOT A PROPERTY
[exit 1]

$ printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20241225\r\nRRULE:FREQ=YEARLIES\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > h.ics; treatyterm schedule --preset litvinov-1946 --roll following --holidays h.ics
2> treatyterm: h.ics:5: can't parse as RECUR value in RRULE property: FREQ=YEARLIES
[exit 1]

$ printf 'BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20241225\r\nEND:VEVENT\r\n' > h.ics; treatyterm schedule --preset litvinov-1946 --roll following --holidays h.ics
2> treatyterm: h.ics: not an iCalendar file
[exit 1]

$ treatyterm schedule --preset litvinov-1946 --roll following --holidays missing.ics
2> treatyterm: missing.ics: No such file or directory
[exit 1]

$ printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20241225\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > h.ics; printf 'id,entry_into_force\nx,2000-01-01\ny,2024-12-24\n' > b.csv; treatyterm batch b.csv --roll following --holidays h.ics --horizon 2000-01-01 --review-first 1d -f csv | tr -d '\r' | cut -d, -f1-4,6
treaty_id,date,weekday,kind,nominal_date
x,2000-01-01,Saturday,entry_into_force,
x,2000-01-03,Monday,review,2000-01-02
2> treatyterm: b.csv:3: --horizon: the horizon is before entry into force
2> treatyterm: b.csv: 1 of 2 rows skipped

# A good calendar works, with CRLF or LF line ends and a BOM: the 15th of
# September is a holiday, so consultations move to the next working day.
$ printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//test//EN\r\nBEGIN:VEVENT\r\nUID:sept15@test\r\nDTSTAMP:20200101T000000Z\r\nDTSTART;VALUE=DATE:19470915\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:A holiday\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > good.ics; treatyterm schedule --preset litvinov-1946 --roll following --holidays good.ics
Litvinov proposal (1946) [litvinov-1946]
Entry into force: 1947-09-15 (Monday)
Hypothetical: never in force; the dates are assumed
Term: 50 years, anniversary convention

1947-09-15  Mon  entry_into_force         Entry into force
1972-09-18  Mon  consultation             Consultation 1 (moved from Fri 1972-09-15)
1977-09-16  Fri  consultation             Consultation 2 (moved from Thu 1977-09-15)
1982-09-16  Thu  consultation             Consultation 3 (moved from Wed 1982-09-15)
1987-09-16  Wed  consultation             Consultation 4 (moved from Tue 1987-09-15)
1992-09-16  Wed  consultation             Consultation 5 (moved from Tue 1992-09-15)
1997-09-15  Mon  expiry                   Expiry (last day in force)
pending          milestone                The occupation may end (our reading: 10 years after the peace treaty)
                 10 years after: Germany signs a peace treaty

Expiry: 1997-09-15 (last day in force)

$ tr -d '\r' < good.ics > lf.ics; treatyterm schedule --preset litvinov-1946 --roll preceding --holidays lf.ics | grep moved
1972-09-14  Thu  consultation             Consultation 1 (moved from Fri 1972-09-15)
1977-09-14  Wed  consultation             Consultation 2 (moved from Thu 1977-09-15)
1982-09-14  Tue  consultation             Consultation 3 (moved from Wed 1982-09-15)
1987-09-14  Mon  consultation             Consultation 4 (moved from Tue 1987-09-15)
1992-09-14  Mon  consultation             Consultation 5 (moved from Tue 1992-09-15)

$ printf '\357\273\277' | cat - good.ics > bom.ics; treatyterm schedule --preset litvinov-1946 --roll following --holidays bom.ics | grep -c moved
5

# iCalendar output up to 9999-12-31 (found by fuzz/fuzz-ics.c: libical
# wrote every date after 3000-12-31 as "00000000T000000").  The last day
# of the range has no DTEND, which would be in the year 10000.
$ treatyterm schedule --entry-into-force 3001-01-01 --term 1y --format ics | tr -d '\r' | grep -E '^DT(START|END)'
DTSTART;VALUE=DATE:30010101
DTEND;VALUE=DATE:30010102
DTSTART;VALUE=DATE:30020101
DTEND;VALUE=DATE:30020102

$ treatyterm schedule --entry-into-force 9998-12-31 --term 1y --format ics | tr -d '\r' | grep -E '^DT(START|END)'
DTSTART;VALUE=DATE:99981231
DTEND;VALUE=DATE:99990101
DTSTART;VALUE=DATE:99991231

# Pending: wrong behaviour found while writing this file and reported
# with these reproducers.  Each case below is what the program should do;
# enable it (remove the "# " prefix) together with the fix.
#
# A VEVENT without END:VEVENT is reported as a VCALENDAR without
# END:VCALENDAR (src/lib/ics.c, tt_holidays_load_ics()):
# $ printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20241225\r\nEND:VCALENDAR\r\n' > h.ics; treatyterm schedule --preset litvinov-1946 --roll following --holidays h.ics
# 2> treatyterm: h.ics:2: BEGIN:VEVENT without END:VEVENT
# [exit 1]

# Fixed since: a record after blank lines is known by its own line, a
# header after a blank line too, and a read error before any line has no
# line number.
$ printf 'id,entry_into_force\n\nx,2000-02-30\n\n\ny,2000-02-31\n' > bl.csv; treatyterm batch bl.csv
2> treatyterm: bl.csv:3: entry_into_force: day 30 is out of range for February 2000 (1 to 29)
2> treatyterm: bl.csv:6: entry_into_force: day 31 is out of range for February 2000 (1 to 29)
2> treatyterm: bl.csv: 2 of 2 rows skipped
[exit 3]

$ printf '\nid,colour\n' > h.csv; treatyterm batch h.csv
2> treatyterm: h.csv:2: column 2: unknown column 'colour' (expected id, name, entry_into_force, term, convention, notice_given, horizon, from, ends, bilateral, hypothetical, article or url, or section.key with section consultation, review, conference, withdrawal, renewal, milestone, event, notice, entry_into_force or party)
[exit 1]

$ treatyterm batch .
2> treatyterm: .: Is a directory
[exit 1]

# Fixed since: --holidays without --roll is refused rather than ignored; an
# empty -o is refused; a roll past the holidays loaded loads more of them.
$ treatyterm schedule --preset litvinov-1946 --holidays missing.ics
2> treatyterm: --holidays missing.ics: holidays only matter with --roll following or --roll preceding
[exit 1]

$ treatyterm schedule --preset ecsc-1951 -o ''
2> treatyterm: -o: empty file name
[exit 1]

$ printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:19720101\r\nDTEND;VALUE=DATE:19720102\r\nRRULE:FREQ=DAILY;UNTIL=19750110\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > long.ics; treatyterm schedule --entry-into-force 1971-06-01 --review-first 1y --holidays long.ics --roll following | grep review
1975-01-13  Mon  review                   Review (moved from Thu 1972-06-01)

