# Options as every command parses them: declared once, in any order, with
# the same messages everywhere (project issue 10).

# Options may follow operands, for every command.
$ treatyterm between 2024-01-01 2024-03-01 --version | head -n 1
treatyterm 0.1.0

$ treatyterm presets ecsc-1951 --format ini | sed -n '/^\[treaty\]/,/^term/p'
[treaty]
id = ecsc-1951
name = ECSC Treaty
entry_into_force = 1952-07-23
term = 50y

$ treatyterm schedule -p ecsc-1951 --term 5y -e -f table | tail -n 1
Expiry: 1957-07-23 (last day in force)

# Unknown, ambiguous and malformed options.
$ treatyterm schedule --preset ecsc-1951 --con 1y
2> treatyterm: schedule: option '--con' is ambiguous; possibilities: '--convention' '--consultation-first' '--consultation-every' '--consultation-count' '--consultation-label' '--consultation-from' '--consultation-rule' '--consultation-readings' '--consultation-not-before' '--consultation-article' '--consultation-may-end' '--conference-at' '--conference-label' '--conference-from' '--conference-rule' '--conference-readings' '--conference-not-before' '--conference-article'
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset=ecsc-1951 --expl --horiz=2000-01-01 | head -n 1
Source (preset ecsc-1951):

$ treatyterm schedule --preset ecsc-1951 --rrule=yes
2> treatyterm: schedule: option '--rrule' doesn't allow an argument
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset
2> treatyterm: schedule: option '--preset' requires an argument
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule -p
2> treatyterm: schedule: option '-p' requires an argument
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

# schedule takes one treaty: two presets, or two files, are refused.
$ treatyterm schedule --preset ecsc-1951 --preset npt-1968
2> treatyterm: schedule: option '--preset' may be given only once
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule -p ecsc-1951 -p ecsc-1951
2> treatyterm: schedule: option '--preset' may be given only once
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm presets -f ini ecsc-1951 > a.ini; treatyterm schedule a.ini a.ini
2> treatyterm: schedule: only one SPEC file may be given (use 'compare' for several)
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

# -o FILE: the name's extension gives the format, for every command that
# writes files.
$ SOURCE_DATE_EPOCH=0 treatyterm schedule --preset north-atlantic-1949 -o nato.ics && head -n 1 nato.ics | tr -d '\r'
BEGIN:VCALENDAR

$ treatyterm schedule --preset north-atlantic-1949 -o nato.json && python3 -c 'import json; print(json.load(open("nato.json"))["treaty"]["id"])'
north-atlantic-1949

$ treatyterm schedule --preset north-atlantic-1949 -o nato.CSV && head -n 1 nato.CSV | tr -d '\r'
treaty_id,date,weekday,kind,label,nominal_date,basis

$ treatyterm schedule --preset north-atlantic-1949 -o nato.txt && head -n 1 nato.txt
North Atlantic Treaty [north-atlantic-1949]

$ treatyterm compare -p ecsc-1951 -p npt-1968 -o both.json && python3 -c 'import json; print(sorted(json.load(open("both.json"))))'
['comparison', 'proposals']

$ treatyterm schedule --preset north-atlantic-1949 -o nato.out -f csv && head -n 1 nato.out | tr -d '\r'
treaty_id,date,weekday,kind,label,nominal_date,basis

# An extension that names no format, a format the command cannot write, or
# a name that contradicts --format is a usage error, and nothing is
# written.
$ treatyterm schedule --preset north-atlantic-1949 -o nato.ical || echo "exit $?"; ls | grep ical | wc -l
exit 2
0
2> treatyterm: schedule: -o nato.ical: no format ends in '.ical' (use .txt, .json, .csv, .ics, .jcal, .svg, .png or .pdf, or give --format)
2> Try 'treatyterm schedule --help' for more information.

# A name without an extension says no format either: --format says it.
# A device or a FIFO (/dev/stdout) is no file name: it takes the default.
$ treatyterm schedule --preset north-atlantic-1949 -o nato || echo "exit $?"; ls | grep '^nato$' | wc -l
exit 2
0
2> treatyterm: schedule: -o nato: the name has no extension (use .txt, .json, .csv, .ics, .jcal, .svg, .png or .pdf, or give --format)
2> Try 'treatyterm schedule --help' for more information.

$ treatyterm schedule --preset north-atlantic-1949 -o .nato; treatyterm batch -o rows /dev/null; ls -a | grep '^\.nato$\|^rows$' | wc -l
0
2> treatyterm: schedule: -o .nato: the name has no extension (use .txt, .json, .csv, .ics, .jcal, .svg, .png or .pdf, or give --format)
2> Try 'treatyterm schedule --help' for more information.
2> treatyterm: batch: -o rows: the name has no extension (use .jsonl, .csv, .ics or .jcal, or give --format)
2> Try 'treatyterm batch --help' for more information.

$ treatyterm schedule --preset north-atlantic-1949 -o nato -f table && head -n 1 nato
North Atlantic Treaty [north-atlantic-1949]

$ treatyterm schedule --preset north-atlantic-1949 -o /dev/stdout | head -n 1; mkfifo fifo; (treatyterm schedule --preset north-atlantic-1949 -o fifo &); cat fifo > got; head -n 1 got
North Atlantic Treaty [north-atlantic-1949]
North Atlantic Treaty [north-atlantic-1949]

$ treatyterm schedule --preset north-atlantic-1949 -o nato.jsonl
2> treatyterm: schedule: -o nato.jsonl: schedule cannot write jsonl (only table, json, csv, ics, jcal, svg, png or pdf)
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

# Pictures from "schedule" count parties: a treaty with none is refused.
$ treatyterm schedule --preset north-atlantic-1949 -o nato.svg || echo "exit $?"; ls | grep svg | wc -l
[needs chart]
exit 2
0
2> treatyterm: schedule: the svg picture shows the parties in force over time: the treaty needs [party] sections
2> Try 'treatyterm schedule --help' for more information.

$ echo precious > keep.json; treatyterm schedule --preset north-atlantic-1949 -f csv -o keep.json; cat keep.json
precious
2> treatyterm: schedule: -o keep.json: the name says json, --format says csv
2> Try 'treatyterm schedule --help' for more information.

$ treatyterm schedule --preset north-atlantic-1949 -f jsonl
2> treatyterm: schedule: --format: expected 'table', 'json', 'csv', 'ics', 'svg', 'png', 'pdf' or 'jcal', not 'jsonl'
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

# -o through a symbolic link replaces the file the link points to, and
# keeps the link (also a link into another directory, and to nothing yet).
$ echo old > real.txt; ln -s real.txt link.txt; treatyterm schedule --preset ecsc-1951 -o link.txt; test -L link.txt && readlink link.txt && tail -n 1 real.txt && ls link.txt* real.txt*
real.txt
Expiry: 2002-07-23 (last day in force)
link.txt
real.txt

$ mkdir d e; ln -s ../e/new.csv d/link.csv; treatyterm schedule --preset ecsc-1951 -o d/link.csv; test -L d/link.csv && head -n 1 e/new.csv | tr -d '\r' && ls d e
treaty_id,date,weekday,kind,label,nominal_date,basis
d:
link.csv

e:
new.csv

$ ln -s loop-b loop-a.txt; ln -s loop-a.txt loop-b; treatyterm schedule --preset ecsc-1951 -o loop-a.txt
2> treatyterm: loop-a.txt: Too many levels of symbolic links
[exit 1]

# Write errors read the same for every format.
$ treatyterm schedule --preset ecsc-1951 -f json -o /dev/full
2> treatyterm: /dev/full: write error: No space left on device
[exit 1]

$ treatyterm schedule --preset ecsc-1951 -f csv > /dev/full
2> treatyterm: standard output: write error: No space left on device
[exit 1]

$ treatyterm schedule --preset ecsc-1951 -f ics > /dev/full
2> treatyterm: standard output: write error: No space left on device
[exit 1]

$ treatyterm compare -p ecsc-1951 -p npt-1968 -f csv -o /dev/full
2> treatyterm: /dev/full: write error: No space left on device
[exit 1]

$ treatyterm compare -p ecsc-1951 -p npt-1968 -f svg > /dev/full
[needs chart]
2> treatyterm: standard output: write error: No space left on device
[exit 1]

$ treatyterm compare -p ecsc-1951 -p npt-1968 -f ics -o /dev/full
2> treatyterm: /dev/full: write error: No space left on device
[exit 1]

$ treatyterm presets > /dev/full
2> treatyterm: standard output: write error: No space left on device
[exit 1]

# An option that has no effect in the chosen format is a usage error.
$ treatyterm schedule --preset ecsc-1951 --explain -f json
2> treatyterm: schedule: --explain has no effect in json output (only in table)
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset ecsc-1951 --remind 90d
2> treatyterm: schedule: --remind has no effect in table output (only in ics or jcal)
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset ecsc-1951 --rrule -o ecsc.csv
2> treatyterm: schedule: --rrule has no effect in csv output (only in ics or jcal)
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset ecsc-1951 --calendar-name ECSC -f json
2> treatyterm: schedule: --calendar-name has no effect in json output (only in ics or jcal)
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm compare -p ecsc-1951 -p npt-1968 --title 'Two treaties'
2> treatyterm: compare: --title has no effect in table output (only in ics, jcal, svg, png or pdf)
2> Try 'treatyterm compare --help' for more information.
[exit 2]

$ treatyterm compare -p ecsc-1951 -p npt-1968 --width 600 -f ics
2> treatyterm: compare: --width has no effect in ics output (only in svg, png or pdf)
2> Try 'treatyterm compare --help' for more information.
[exit 2]

$ treatyterm presets --explain --format ini ecsc-1951
2> treatyterm: presets: --explain has no effect in ini output (only in list)
2> Try 'treatyterm presets --help' for more information.
[exit 2]

# Reminders: --remind may be given more than once (one alarm each on the
# deadline and the expiry); each must be longer than zero, and
# --remind-all needs one.
$ treatyterm schedule --preset warsaw-pact-1955 -f ics --remind 90d --remind 1w | grep -c '^BEGIN:VALARM'
4

$ treatyterm schedule --preset warsaw-pact-1955 -f ics --remind 90d --remind 1w | tr -d '\r' | grep '^TRIGGER'
TRIGGER:-P90D
TRIGGER:-P1W
TRIGGER:-P90D
TRIGGER:-P1W

$ treatyterm schedule --preset warsaw-pact-1955 -f ics --remind -90d
2> treatyterm: schedule: --remind '-90d': expected a duration longer than zero (how long before the event)
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset warsaw-pact-1955 -f ics --remind 0w
2> treatyterm: schedule: --remind '0w': expected a duration longer than zero (how long before the event)
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset warsaw-pact-1955 -f ics --remind-all
2> treatyterm: schedule: --remind-all needs --remind DURATION
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

# Repeatable sections from flags: either key may come first; a flag whose
# key the newest section already has starts another.
$ treatyterm schedule --entry-into-force 2000-01-01 --conference-label 'Review conference' --conference-at 10y --conference-at 20y --conference-label 'Final conference' --milestone-at 1y --milestone-label 'First report' --milestone-label 'Second report' --milestone-date 2003-01-01 | sed -n '4,$p'
2000-01-01  Sat  entry_into_force         Entry into force
2001-01-01  Mon  milestone                First report
2003-01-01  Wed  milestone                Second report
2010-01-01  Fri  conference               Review conference
2020-01-01  Wed  conference               Final conference

Expiry: none (in force indefinitely)

$ treatyterm schedule --entry-into-force 2000-01-01 --conference-label 'Review conference' --conference-label 'Another'
2> treatyterm: --conference-at: [conference] needs 'at' (its offset from entry into force)
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --milestone-label A --milestone-at 1y --milestone-date 2001-01-01
2> treatyterm: --milestone-date: [milestone] takes 'at' or 'date', not both
[exit 1]

$ treatyterm schedule --entry-into-force 2000-01-01 --conference-at 1y --conference-label ''
2> treatyterm: --conference-label '': column 1: empty value
[exit 1]

# "today" wherever a date goes; TREATYTERM_TODAY fixes it.
$ TREATYTERM_TODAY=2026-11-30 treatyterm schedule --entry-into-force today --term 5y --milestone-label Now --milestone-date today | sed -n '1p;4,5p'
Entry into force: 2026-11-30 (Monday)
2026-11-30  Mon  entry_into_force         Entry into force
2026-11-30  Mon  milestone                Now

$ TREATYTERM_TODAY=2026-11-30 treatyterm between 2026-01-01 today
0 years 10 months 29 days
333 days

# ... in spec files and batch cells too.
<<< today.ini
[treaty]
name = Today
entry_into_force = today
term = 1y
>>>
$ TREATYTERM_TODAY=2026-11-30 treatyterm schedule today.ini | sed -n 2p
Entry into force: 2026-11-30 (Monday)

$ printf 'id,entry_into_force,term\nt,today,2y\n' | TREATYTERM_TODAY=2024-02-29 treatyterm batch -f csv | cut -d, -f1-4
treaty_id,date,weekday,kind
t,2024-02-29,Thursday,entry_into_force
t,2026-02-28,Saturday,expiry

$ TREATYTERM_TODAY=30.11.2026 treatyterm schedule --entry-into-force today
2> treatyterm: TREATYTERM_TODAY '30.11.2026': column 1: the year must have four digits (expected YYYY-MM-DD)
[exit 1]

$ TREATYTERM_TODAY=2026-11-30 treatyterm compare -p ecsc-1951 -p npt-1968 --entry-into-force today | sed -n 3p
Entry into force            2026-11-30                  2026-11-30

$ TREATYTERM_TODAY=2026-11-30 treatyterm compare -p ecsc-1951 -p npt-1968 --notice-given today
2> treatyterm: preset ecsc-1951: --notice-given: a notice date needs a [withdrawal] or [renewal] clause
[exit 1]

# --help comes from the same tables, and lists every value of --roll.
$ treatyterm schedule --help | grep -A1 -- '^  --roll'
  --roll following|preceding|none
                                move consultations, reviews and conferences off

# The clause flags come from the library's schema; the names they had
# before are a contract.
$ for f in entry-into-force term convention consultation-first consultation-every consultation-count review-first review-every review-count conference-at conference-label withdrawal-opens withdrawal-notice renewal-period renewal-notice renewal-times milestone-label milestone-at milestone-date notice-given horizon id name; do for c in schedule compare; do treatyterm $c --help | grep -q -- "^  --$f " || echo "$c: no --$f"; done; done; echo checked
checked
