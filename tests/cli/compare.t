# treatyterm compare: several proposals side by side.

# The founding case: Byrnes's 25 years against Litvinov's 50 years with
# consultations every five years after year 25.
$ treatyterm compare --preset byrnes-germany-1946 --preset litvinov-1946
                            [1] Byrnes draft, Germany (1946)  [2] Litvinov proposal (1946)
Id                          byrnes-germany-1946               litvinov-1946
Entry into force            1947-09-15                        1947-09-15
Term                        25 years                          50 years
Expiry (last day in force)  1972-09-15                        1997-09-15
Entry into force to expiry  25 years (9132 days)              50 years (18263 days)
Consultations               0                                 5
Reviews                     0                                 0
Conferences                 0                                 0
First possible end          1972-09-15                        1972-09-15
  made possible by          Expiry (last day in force)        Consultation 1
First renewal deadline      -                                 -
Withdrawal notice from      -                                 -
Earliest withdrawal         -                                 -

Timeline:
1947-09-15  Mon  [1,2] Entry into force
1972-09-15  Fri  [1] Expiry (last day in force); [2] Consultation 1
1977-09-15  Thu  [2] Consultation 2
1982-09-15  Wed  [2] Consultation 3
1987-09-15  Tue  [2] Consultation 4
1992-09-15  Tue  [2] Consultation 5
1997-09-15  Mon  [2] Expiry (last day in force)
[1,2] Never in force: the entry into force is hypothetical (change it with --entry-into-force).

Differences from [1] Byrnes draft, Germany (1946):
[2] Litvinov proposal (1946):
  term 50 years vs 25 years
  expiry 25 years later (1997-09-15 vs 1972-09-15)
  +5 consultations
  first possible end the same day (1972-09-15): Consultation 1 instead of Expiry (last day in force)

# Clause flags apply to every proposal; -p is --preset.
$ treatyterm compare -p litvinov-1946 -p byrnes-germany-1946 --entry-into-force 1950-01-01 | sed -n '3,5p;/^Differences/,$p'
Entry into force            1950-01-01                    1950-01-01
Term                        50 years                      25 years
Expiry (last day in force)  2000-01-01                    1975-01-01
Differences from [1] Litvinov proposal (1946):
[2] Byrnes draft, Germany (1946):
  term 25 years vs 50 years
  expiry 25 years earlier (1975-01-01 vs 2000-01-01)
  -5 consultations
  first possible end the same day (1975-01-01): Expiry (last day in force) instead of Consultation 1

# Calendar options apply to every proposal too: meetings roll, expiry
# does not.
$ treatyterm compare -p byrnes-germany-1946 -p litvinov-1946 --entry-into-force 1950-01-01 --roll following | sed -n '/^Timeline/,/^\[1,2\]/p'
Timeline:
1950-01-01  Sun  [1,2] Entry into force
1975-01-01  Wed  [1] Expiry (last day in force); [2] Consultation 1
1980-01-01  Tue  [2] Consultation 2
1985-01-01  Tue  [2] Consultation 3
1990-01-01  Mon  [2] Consultation 4
1995-01-02  Mon  [2] Consultation 5 (moved from Sun 1995-01-01)
2000-01-01  Sat  [2] Expiry (last day in force)
[1,2] Never in force: the entry into force is hypothetical (change it with --entry-into-force).

# Series without end stop at the horizon, and the table says so.
$ treatyterm compare -p ecsc-1951 -p npt-1968 --horizon 2000-01-01 | sed -n '/^1995/,$p'
1995-03-05  Sun  [2] Review conference 5; [2] Extension conference (art. X(2))
2002-07-23  Tue  [1] Expiry (last day in force)
[2] Series without end are shown up to 2000-01-01 (change with --horizon).

Differences from [1] ECSC Treaty:
[2] Non-Proliferation Treaty:
  entry into force 17 years 7 months 10 days later (1970-03-05 vs 1952-07-23)
  term indefinite vs 50 years
  expiry indefinite vs 2002-07-23
  +5 reviews (series without end counted up to the horizon)
  +1 conference
  first possible end 32 years 1 month 18 days earlier (1970-06-05 vs 2002-07-23): Earliest withdrawal takes effect
  withdrawal notice from 1970-03-05 vs none
  earliest withdrawal 1970-06-05 vs none

# Spec files and presets mix, in command-line order.  A spec without an
# id takes its file's name; an id already taken gets "-2".
<<< draft.spec
[treaty]
name = Draft with withdrawal
entry_into_force = 1947-09-15
term = indefinite
[withdrawal]
opens = 20y
notice = 1y
>>>
$ treatyterm compare draft.spec -p litvinov-1946 -p litvinov-1946 | sed -n '1,2p;/^First/,/^Earliest/p'
                            [1] Draft with withdrawal         [2] Litvinov proposal (1946)  [3] Litvinov proposal (1946)
Id                          draft                             litvinov-1946                 litvinov-1946-2
First possible end          1968-09-15                        1972-09-15                    1972-09-15
  made possible by          Earliest withdrawal takes effect  Consultation 1                Consultation 1
First renewal deadline      -                                 -                             -
Withdrawal notice from      1967-09-15                        -                             -
Earliest withdrawal         1968-09-15                        -                             -

$ treatyterm compare draft.spec -p litvinov-1946 -p litvinov-1946 | sed -n '/^Differences/,$p'
Differences from [1] Draft with withdrawal:
[2] Litvinov proposal (1946):
  term 50 years vs indefinite
  expiry 1997-09-15 vs indefinite
  +5 consultations
  first possible end 4 years later (1972-09-15 vs 1968-09-15): Consultation 1
  withdrawal notice from none vs 1967-09-15
  earliest withdrawal none vs 1968-09-15
[3] Litvinov proposal (1946):
  term 50 years vs indefinite
  expiry 1997-09-15 vs indefinite
  +5 consultations
  first possible end 4 years later (1972-09-15 vs 1968-09-15): Consultation 1
  withdrawal notice from none vs 1967-09-15
  earliest withdrawal none vs 1968-09-15

# A renewable term can first end when its first period ends.
$ treatyterm compare -p warsaw-pact-1955 -p ecsc-1951 | sed -n '/^First possible/,/made/p'
First possible end          1975-06-04                              2002-07-23
  made possible by          End of term if denounced by 1974-06-04  Expiry (last day in force)

# JSON: the schedules exactly as "schedule --format json" writes them,
# then the comparison.
$ treatyterm compare -p byrnes-germany-1946 -p litvinov-1946 -f json > c.json; treatyterm schedule -p litvinov-1946 -f json > s.json; python3 -c 'import json; c = json.load(open("c.json")); print(c["proposals"][1] == json.load(open("s.json")), sorted(c), c["comparison"]["baseline"])'
True ['comparison', 'proposals'] byrnes-germany-1946

$ python3 -c 'import json; c = json.load(open("c.json"))["comparison"]; [print(p["id"], p["hypothetical"], p["expiry"], p["entry_into_force_to_expiry"], p["consultations"], p["first_possible_end"]) for p in c["proposals"]]' < /dev/null; treatyterm compare -p byrnes-germany-1946 -p litvinov-1946 -f json | python3 -c 'import json, sys; [print(d["field"] + ":", d["text"]) for d in json.load(sys.stdin)["comparison"]["proposals"][1]["differences"]]'
byrnes-germany-1946 True 1972-09-15 {'duration': 'P25Y', 'days': 9132} 0 {'date': '1972-09-15', 'by': 'expiry', 'label': 'Expiry (last day in force)'}
litvinov-1946 True 1997-09-15 {'duration': 'P50Y', 'days': 18263} 5 {'date': '1972-09-15', 'by': 'meeting', 'label': 'Consultation 1'}
term: term 50 years vs 25 years
expiry: expiry 25 years later (1997-09-15 vs 1972-09-15)
consultations: +5 consultations
first_possible_end: first possible end the same day (1972-09-15): Consultation 1 instead of Expiry (last day in force)

# CSV: the merged timeline, one row per milestone per proposal.
$ treatyterm compare -p byrnes-germany-1946 -p litvinov-1946 -f csv | tr -d '\r' | cut -d, -f1-7
date,weekday,proposal_id,proposal_name,kind,label,nominal_date
1947-09-15,Monday,byrnes-germany-1946,"Byrnes draft, Germany (1946)",entry_into_force,Entry into force
1947-09-15,Monday,litvinov-1946,Litvinov proposal (1946),entry_into_force,Entry into force,
1972-09-15,Friday,byrnes-germany-1946,"Byrnes draft, Germany (1946)",expiry,Expiry (last day in force)
1972-09-15,Friday,litvinov-1946,Litvinov proposal (1946),consultation,Consultation 1,
1977-09-15,Thursday,litvinov-1946,Litvinov proposal (1946),consultation,Consultation 2,
1982-09-15,Wednesday,litvinov-1946,Litvinov proposal (1946),consultation,Consultation 3,
1987-09-15,Tuesday,litvinov-1946,Litvinov proposal (1946),consultation,Consultation 4,
1992-09-15,Tuesday,litvinov-1946,Litvinov proposal (1946),consultation,Consultation 5,
1997-09-15,Monday,litvinov-1946,Litvinov proposal (1946),expiry,Expiry (last day in force),

# iCalendar: one calendar, every proposal's events, UIDs distinct even
# for the same preset twice.
$ SOURCE_DATE_EPOCH=0 treatyterm compare -p byrnes-germany-1946 -p litvinov-1946 -f ics | tr -d '\r' | grep -E '^(X-WR-CALNAME|SUMMARY|CATEGORIES):' | sed -n '1,5p;$p'
X-WR-CALNAME:Treaty terms compared
SUMMARY:Byrnes draft\, Germany (1946): Entry into force
CATEGORIES:entry_into_force,byrnes-germany-1946
SUMMARY:Byrnes draft\, Germany (1946): Expiry (last day in force)
CATEGORIES:expiry,byrnes-germany-1946
CATEGORIES:expiry,litvinov-1946

$ SOURCE_DATE_EPOCH=0 treatyterm compare -p litvinov-1946 -p litvinov-1946 -f ics --title 'Twice' | tr -d '\r' > twice.ics; grep -c '^UID:' twice.ics; grep '^UID:' twice.ics | sort -u | wc -l | tr -d ' '; grep -c '^CATEGORIES:.*,litvinov-1946-2$' twice.ics; grep '^X-WR-CALNAME' twice.ics
14
14
7
X-WR-CALNAME:Twice

# Pictures (svg, png, pdf) are checked by tests/chart.test.
# The -o file's name gives the format; a name that says none needs
# --format, and a name must not contradict --format.
$ treatyterm compare -p byrnes-germany-1946 -p litvinov-1946 -o c.txt; head -n 1 c.txt
                            [1] Byrnes draft, Germany (1946)  [2] Litvinov proposal (1946)

$ treatyterm compare -p byrnes-germany-1946 -p litvinov-1946 -o c.out || echo "exit $?"; ls | grep c.out | wc -l
exit 2
0
2> treatyterm: compare: -o c.out: no format ends in '.out' (use .txt, .json, .csv, .ics, .jcal, .svg, .png or .pdf, or give --format)
2> Try 'treatyterm compare --help' for more information.

$ treatyterm compare -p byrnes-germany-1946 -p litvinov-1946 -f csv -o c.out; head -n 1 c.out | tr -d '\r'
date,weekday,proposal_id,proposal_name,kind,label,nominal_date,basis

$ treatyterm compare -p byrnes-germany-1946 -p litvinov-1946 -f json -o c.CSV
2> treatyterm: compare: -o c.CSV: the name says csv, --format says json
2> Try 'treatyterm compare --help' for more information.
[exit 2]

# Errors.
$ treatyterm compare
2> treatyterm: compare: compare needs at least two proposals
2> Try 'treatyterm compare --help' for more information.
[exit 2]

$ treatyterm compare -p litvinov-1946
2> treatyterm: compare: compare needs at least two proposals
2> Try 'treatyterm compare --help' for more information.
[exit 2]

$ treatyterm compare - - < /dev/null
2> treatyterm: compare: standard input ('-') can be read only once
2> Try 'treatyterm compare --help' for more information.
[exit 2]

$ treatyterm compare -p litvinov-1946 -p ecsc-1951 -f xml
2> treatyterm: compare: --format: expected 'table', 'json', 'csv', 'ics', 'svg', 'png', 'pdf' or 'jcal', not 'xml'
2> Try 'treatyterm compare --help' for more information.
[exit 2]

$ treatyterm compare -p litvinov-1946 -p ecsc-1951 --width 100
2> treatyterm: compare: --width: expected a number of pixels from 480 to 8000, not '100'
2> Try 'treatyterm compare --help' for more information.
[exit 2]

$ treatyterm compare -p litvinov-1946 -p no-such-treaty
2> treatyterm: unknown preset 'no-such-treaty' (see 'treatyterm presets')
[exit 1]

# A bad proposal is named; nothing is written, and -o keeps its file.
<<< bad.spec
[treaty]
entry_into_force = 1947-09-31
term = 25y
>>>
$ echo old > out.txt; treatyterm compare -p litvinov-1946 bad.spec -o out.txt || echo "exit $?"; cat out.txt; ls out.txt*
exit 1
old
out.txt
2> treatyterm: bad.spec:2:28: day 31 is out of range for September 1947 (1 to 30)

<<< noeif.spec
[treaty]
term = 25y
>>>
$ treatyterm compare noeif.spec -p litvinov-1946
2> treatyterm: noeif.spec: no entry into force: set [treaty] entry_into_force
[exit 1]

# A clause flag that fits only some proposals: the message says which.
$ treatyterm compare -p litvinov-1946 -p byrnes-germany-1946 --withdrawal-notice 30y
2> treatyterm: preset byrnes-germany-1946: --withdrawal-notice: the notice period is longer than the term
[exit 1]

# A name longer than a table cell or a picture's line is cut, never inside
# a character: the table stays UTF-8 and the picture is drawn; JSON keeps
# the whole name.
$ python3 -c 'print("[treaty]\nname = " + "\u00e9" * 300 + "\nentry_into_force = 2000-01-01\nterm = 5y")' > long.ini; treatyterm compare long.ini -p ecsc-1951 | python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8"); print("table: UTF-8")'; treatyterm compare long.ini -p ecsc-1951 -o long.svg && echo "svg: drawn"; treatyterm compare long.ini -p ecsc-1951 -f json | python3 -c 'import sys, json; print(len(json.load(sys.stdin)["proposals"][0]["treaty"]["name"]))'
[needs chart]
table: UTF-8
svg: drawn
300

# A review is a way out only where the parties may end the treaty there:
# not the North Atlantic Treaty's art. 12 review of 1959 (art. 13 allows
# no withdrawal before 1970-08-24), but Litvinov's consultations.
$ treatyterm compare --preset north-atlantic-1949 --preset litvinov-1946 | grep -A1 'First possible end'
First possible end          1970-08-24                        1972-09-15
  made possible by          Earliest withdrawal takes effect  Consultation 1
$ treatyterm compare --preset north-atlantic-1949 --preset litvinov-1946 --review-may-end yes | grep -A1 'First possible end'
First possible end          1959-08-24                         1972-09-15
  made possible by          Review may be requested (art. 12)  Consultation 1

# Where the readings of a clause differ, the earliest and the latest.
$ treatyterm compare --preset icsid-1965 --preset energy-charter-1994 | grep -A1 'First possible end'
First possible end          2007-11-02 to 2007-11-03 (readings)  2023-12-07 to 2023-12-08 (readings)
  made possible by          Withdrawal takes effect (Bolivia)    Withdrawal takes effect (France)
$ treatyterm compare --preset icsid-1965 --preset istanbul-2011 -f json | grep -A3 '"first_possible_end"'
        "first_possible_end": {
          "date": "2007-11-02",
          "latest": "2007-11-03",
          "by": "withdrawal",
--
        "first_possible_end": {
          "date": "2021-07-01",
          "by": "withdrawal",
          "label": "Withdrawal takes effect (Turkey)"
--
            "field": "first_possible_end",
            "text": "first possible end 13 years 7 months 29 days later (2021-07-01 vs 2007-11-02): Withdrawal takes effect (Turkey)"
          },
          {

# A term to a fixed last day is worded as schedule words it, not as an
# indefinite one; a withdrawal that ended a bilateral treaty says which
# day it took effect and which was the last in force (the picture's
# subtitles are checked in tests/unit/test-chart.c).
<<< fx.ini
[treaty]
id = fx
entry_into_force = 2001-05-15
ends = 2050-05-14
>>>
<<< t25.ini
[treaty]
id = t25
entry_into_force = 2001-05-15
term = 25y
>>>
$ treatyterm compare fx.ini t25.ini | sed -n '4p;5p;$p'
Term                        to a fixed last day                      25 years
Expiry (last day in force)  2050-05-14                               2026-05-15
  first possible end 23 years 11 months 30 days earlier (2026-05-15 vs 2050-05-14): Expiry (last day in force)
$ treatyterm compare fx.ini t25.ini | grep 'term '
  term 25 years vs to a fixed last day
<<< abm.ini
[treaty]
id = abm
entry_into_force = 1972-10-03
term = indefinite
bilateral = yes
notice_given = 2001-12-13

[withdrawal]
notice = 6m
>>>
$ treatyterm compare abm.ini fx.ini | sed -n '5p'
Expiry (last day in force)  2002-06-12 (the withdrawal takes effect 2002-06-13)  2050-05-14
