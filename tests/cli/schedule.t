# treatyterm schedule: spec files, flags, formats and errors.
# Flags alone give the same schedule as the spec file.
$ treatyterm schedule --entry-into-force 1947-09-15 --term 50y --consultation-first 25y --consultation-every 5y --id litvinov-1946 --name 'Litvinov proposal (1946)' --hypothetical yes --consultation-may-end yes --event-name peace-treaty --event-date unknown --event-label 'Germany signs a peace treaty' --milestone-label 'The occupation may end (our reading: 10 years after the peace treaty)' --milestone-from peace-treaty --milestone-at 10y > flags.txt && treatyterm schedule --preset litvinov-1946 > preset.txt && cmp flags.txt preset.txt && echo same
same

$ treatyterm presets -f ini warsaw-pact-1955 > w.ini && treatyterm schedule w.ini -f json > a.json && treatyterm schedule --entry-into-force 1955-06-04 --term 20y --renewal-period 10y --renewal-notice 1y --renewal-times 1 --id warsaw-pact-1955 --name 'Warsaw Pact' -f json > b.json && cmp a.json b.json && echo same
same

# Flags override the file.
$ treatyterm schedule --preset ecsc-1951 --term 25y | tail -n 1
Expiry: 1977-07-23 (last day in force)

$ treatyterm schedule --preset litvinov-1946 --format json
{
  "treaty": {
    "id": "litvinov-1946",
    "name": "Litvinov proposal (1946)",
    "entry_into_force": "1947-09-15",
    "term": "P50Y",
    "convention": "anniversary",
    "hypothetical": true,
    "bilateral": false
  },
  "milestones": [
    {
      "date": "1947-09-15",
      "kind": "entry_into_force",
      "label": "Entry into force",
      "basis": "entry into force as given in the spec (a date given, not computed)"
    },
    {
      "date": "1972-09-15",
      "kind": "consultation",
      "label": "Consultation 1",
      "basis": "entry into force 1947-09-15 + 25 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1))"
    },
    {
      "date": "1977-09-15",
      "kind": "consultation",
      "label": "Consultation 2",
      "basis": "entry into force 1947-09-15 + 30 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1))"
    },
    {
      "date": "1982-09-15",
      "kind": "consultation",
      "label": "Consultation 3",
      "basis": "entry into force 1947-09-15 + 35 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1))"
    },
    {
      "date": "1987-09-15",
      "kind": "consultation",
      "label": "Consultation 4",
      "basis": "entry into force 1947-09-15 + 40 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1))"
    },
    {
      "date": "1992-09-15",
      "kind": "consultation",
      "label": "Consultation 5",
      "basis": "entry into force 1947-09-15 + 45 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1))"
    },
    {
      "date": "1997-09-15",
      "kind": "expiry",
      "label": "Expiry (last day in force)",
      "basis": "entry into force 1947-09-15 + 50 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1); expiry is not moved for weekends or holidays)"
    },
    {
      "date": null,
      "kind": "milestone",
      "label": "The occupation may end (our reading: 10 years after the peace treaty)",
      "pending": true,
      "condition": "10 years after: Germany signs a peace treaty"
    }
  ],
  "expiry": "1997-09-15",
  "end": {
    "date": "1997-09-15",
    "reason": "expiry",
    "last_day_in_force": "1997-09-15"
  }
}

$ treatyterm schedule --preset warsaw-pact-1955 --format csv
treaty_id,date,weekday,kind,label,nominal_date,basis
warsaw-pact-1955,1955-06-04,Saturday,entry_into_force,Entry into force,,"entry into force as given in the spec (a date given, not computed)"
warsaw-pact-1955,1974-06-04,Tuesday,renewal_notice_deadline,Last day to denounce before renewal 1,,end of the period 1975-06-04 - 1 year (counted backwards by the same-date rule; not moved for weekends or holidays)
warsaw-pact-1955,1975-06-05,Thursday,renewal,Renewal 1 begins,,the day after the period ending 1975-06-04 (a renewed period begins the day after the previous one ends)
warsaw-pact-1955,1985-06-04,Tuesday,expiry,Expiry (last day in force),,entry into force 1955-06-04 + 30 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1); expiry is not moved for weekends or holidays)

$ treatyterm schedule --preset ecsc-1951 --explain
Source (preset ecsc-1951):
Treaty of Paris, 18 April 1951, art. 97: concluded for a period of fifty
years from its entry into force.  In force 23 July 1952; expired 23 July 2002.

ECSC Treaty [ecsc-1951]
Entry into force: 1952-07-23 (Wednesday)
Term: 50 years, anniversary convention

1952-07-23  Wed  entry_into_force         Entry into force
                 entry into force as given in the spec
                 a date given, not computed
2002-07-23  Tue  expiry                   Expiry (last day in force)
                 entry into force 1952-07-23 + 50 years
                 same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1);
                 expiry is not moved for weekends or holidays

Expiry: 2002-07-23 (last day in force)

$ treatyterm schedule --entry-into-force 2024-02-29 --term 1y --review-first 1m --review-every 1m --review-count 3 --explain
Entry into force: 2024-02-29 (Thursday)
Term: 1 year, anniversary convention

2024-02-29  Thu  entry_into_force         Entry into force
                 entry into force as given in the spec
                 a date given, not computed
2024-03-29  Fri  review                   Review 1
                 entry into force 2024-02-29 + 1 month
                 same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1)
2024-04-29  Mon  review                   Review 2
                 entry into force 2024-02-29 + 2 months
                 same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1)
2024-05-29  Wed  review                   Review 3
                 entry into force 2024-02-29 + 3 months
                 same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1)
2025-02-28  Fri  expiry                   Expiry (last day in force)
                 entry into force 2024-02-29 + 1 year
                 same date, and as the final month has no such day, its last
                 day; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(2); expiry
                 is not moved for weekends or holidays

Expiry: 2025-02-28 (last day in force)

$ treatyterm presets -f ini hong-kong-1898 | treatyterm schedule - | tail -n 1
Expiry: 1997-06-30 (last day in force)

# Errors name the file, line and column, or the flag; nothing goes to stdout.
$ printf '[treaty]\nentry_into_force = 1950-02-30\n' > bad.ini; treatyterm schedule bad.ini
2> treatyterm: bad.ini:2:28: day 30 is out of range for February 1950 (1 to 28)
[exit 1]

$ printf '[treaty]\nentry_into_force = 1950-01-01\nterm = 5y\n[withdrawal]\nnotice = 6y\n' > bad.ini; treatyterm schedule bad.ini
2> treatyterm: bad.ini:5:10: the notice period is longer than the term
[exit 1]

$ printf '[treaty]\nentry_into_force = 1950-01-01\nterm = 5y\n[withdrawal]\nnotice = 6y\n' > bad.ini; treatyterm schedule bad.ini --withdrawal-notice 6m | tail -n 1
Expiry: 1955-01-01 (last day in force)

$ treatyterm schedule --preset ecsc-1951 --withdrawal-notice 60y
2> treatyterm: --withdrawal-notice: the notice period is longer than the term
[exit 1]

$ treatyterm schedule --preset ecsc-1951 --term 5q
2> treatyterm: --term '5q': column 2: unknown unit 'q' (expected y, m, w or d)
[exit 1]

$ treatyterm schedule --preset ecsc-1951 --entry-into-force 10000-01-01
2> treatyterm: --entry-into-force '10000-01-01': column 1: year 10000 is out of range (1 to 9999)
[exit 1]

$ treatyterm schedule --term 5y
2> treatyterm: no entry into force: set [treaty] entry_into_force
[exit 1]

$ treatyterm schedule --preset abm-1972 --notice-given 1970-01-01
2> treatyterm: --notice-given: the notice is dated before entry into force
[exit 1]

$ printf '[treaty]\nentry_into_force = 1950-01-01\n[consultation]\nfirst = 5y\nevery = 5y\ncount = 0\n' > bad.ini; treatyterm schedule bad.ini
2> treatyterm: bad.ini:6:9: must be at least 1
[exit 1]

$ printf '[treaty]\nentry_into_force = 1950-01-01\n[treaty]\n' > bad.ini; treatyterm schedule bad.ini
2> treatyterm: bad.ini:3:1: section [treaty] appears twice (only [conference], [milestone], [event], [notice] and [party] may repeat)
[exit 1]

$ printf '[treaty]\nentry_into_force = 1950-01-01\ncolour = red\n' > bad.ini; treatyterm schedule bad.ini
2> treatyterm: bad.ini:3:1: unknown key 'colour' in section [treaty]
[exit 1]

$ printf '[preamble]\n' > bad.ini; treatyterm schedule bad.ini
2> treatyterm: bad.ini:1:2: unknown section [preamble]
[exit 1]

$ printf '\000\001\002' > bin.ini; treatyterm schedule bin.ini
2> treatyterm: bin.ini:1:1: NUL byte in a spec file (is it a text file?)
[exit 1]

$ : > empty.ini; treatyterm schedule empty.ini
2> treatyterm: empty.ini: no entry into force: set [treaty] entry_into_force
[exit 1]

$ treatyterm schedule missing.ini
2> treatyterm: missing.ini: No such file or directory
[exit 1]

$ treatyterm schedule --entry-into-force 0001-01-01 --term 9998y --consultation-first 1d --consultation-every 1d
2> treatyterm: the schedule would have more than 100000 milestones; give a count or an earlier horizon
[exit 1]

$ treatyterm schedule a.ini b.ini
2> treatyterm: schedule: only one SPEC file may be given (use 'compare' for several)
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset ecsc-1951 a.ini
2> treatyterm: schedule: give a SPEC file or --preset, not both
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset ecsc-1951 --format xml
2> treatyterm: schedule: --format: expected 'table', 'json', 'csv', 'ics', 'svg', 'png', 'pdf' or 'jcal', not 'xml'
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset ecsc-1951 --roll sideways
2> treatyterm: schedule: --roll: expected 'following', 'preceding' or 'none', not 'sideways'
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset ecsc-1951 --frobnicate
2> treatyterm: schedule: unrecognized option '--frobnicate'
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset ecsc-1951 --term
2> treatyterm: schedule: option '--term' requires an argument
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

# Output files: replaced only when everything succeeded.
$ echo precious > out.txt; treatyterm schedule --preset ecsc-1951 -o out.txt && tail -n 1 out.txt
Expiry: 2002-07-23 (last day in force)

$ echo precious > out.txt; treatyterm schedule --preset ecsc-1951 --term 5q -o out.txt; cat out.txt; ls out.txt*
precious
out.txt
2> treatyterm: --term '5q': column 2: unknown unit 'q' (expected y, m, w or d)

$ treatyterm schedule --preset ecsc-1951 > /dev/full
2> treatyterm: standard output: write error: No space left on device
[exit 1]

$ treatyterm schedule --preset ecsc-1951 -o /dev/full
2> treatyterm: /dev/full: write error: No space left on device
[exit 1]

$ echo precious > out.csv; chmod 640 out.csv; treatyterm schedule --preset ecsc-1951 -f csv -o out.csv && stat -c %a out.csv && head -n 1 out.csv
640
treaty_id,date,weekday,kind,label,nominal_date,basis

$ treatyterm schedule --preset ecsc-1951 -o /dev/stdout | tail -n 1
Expiry: 2002-07-23 (last day in force)

$ treatyterm schedule --preset ecsc-1951 -o no/such/dir/out.txt
2> treatyterm: no/such/dir/out.txt: No such file or directory
[exit 1]


# Repeatable sections from flags: --conference-at and --milestone-label
# start a new one, the other flags of the section go to the newest.
$ treatyterm schedule --entry-into-force 1946-06-01 --term 25y --milestone-label 'Germany accepts arts. I and II' --milestone-date 1949-05-23 --milestone-label 'Occupation review' --milestone-at 5y --conference-at 10y --conference-label 'Review conference' --conference-at 20y -f json > flags.json; printf '[treaty]\nentry_into_force = 1946-06-01\nterm = 25y\n[milestone]\nlabel = Germany accepts arts. I and II\ndate = 1949-05-23\n[milestone]\nlabel = Occupation review\nat = 5y\n[conference]\nat = 10y\nlabel = Review conference\n[conference]\nat = 20y\n' > ms.ini; treatyterm schedule ms.ini -f json > file.json; cmp flags.json file.json && treatyterm schedule ms.ini | sed -n '5,9p'
1949-05-23  Mon  milestone                Germany accepts arts. I and II
1951-06-01  Fri  milestone                Occupation review
1956-06-01  Fri  conference               Review conference
1966-06-01  Wed  conference               Conference 2
1971-06-01  Tue  expiry                   Expiry (last day in force)

$ treatyterm schedule --entry-into-force 1946-06-01 --milestone-at 5y
2> treatyterm: --milestone-label: [milestone] needs a 'label'
[exit 1]


# libical expands recurring holidays only up to 2582: a meeting in 2582
# still rolls past Christmas; one in 2998 cannot be checked and is refused,
# never left unrolled.
$ treatyterm schedule --entry-into-force 2573-12-25 --term 10y --consultation-first 9y --holidays "$top_srcdir/tests/data/us-federal-holidays.ics" --roll following | grep consultation
2582-12-26  Thu  consultation             Consultation (moved from Wed 2582-12-25)

$ treatyterm schedule --entry-into-force 2993-12-25 --term 10y --consultation-first 5y --holidays "$top_srcdir/tests/data/us-federal-holidays.ics" --roll following
2> treatyterm: cannot tell whether Tue 2998-12-25 is a holiday: the holiday calendar covers recurring holidays only up to 2582-12-31 (libical expands no further)
[exit 1]
