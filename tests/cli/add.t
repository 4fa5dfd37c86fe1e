# treatyterm add: the same-date rule and the month-end clamp.
$ treatyterm add 1948-02-29 +25y
1973-02-28

$ treatyterm add 1952-07-23 P50Y
2002-07-23

$ treatyterm add 1985-02-18 3m
1985-05-18

$ treatyterm add 2024-01-31 1m
2024-02-29

$ treatyterm add 2024-01-31 1m 1m
2024-03-29

$ treatyterm add 2024-01-31 2m
2024-03-31

$ treatyterm add 2024-03-31 -1m
2024-02-29

$ treatyterm add 2024-02-29 -P1Y
2023-02-28

$ treatyterm add 2024-12-31 1d
2025-01-01

$ treatyterm add 0001-01-01 9998y11m30d
9999-12-31

$ treatyterm add --explain 2024-01-31 1m 1m
2024-01-31 + 1 month = 2024-02-29  (no such day in that month: its last day)
2024-02-29 + 1 month = 2024-03-29

$ treatyterm add 2023-02-29 1y
2> treatyterm: date '2023-02-29': column 9: day 29 is out of range for February 2023 (1 to 28)
[exit 1]

$ treatyterm add 2024-13-01 1y
2> treatyterm: date '2024-13-01': column 6: month 13 is out of range (1 to 12)
[exit 1]

$ treatyterm add 0000-01-01 1y
2> treatyterm: date '0000-01-01': column 1: year 0 is out of range (1 to 9999)
[exit 1]

$ treatyterm add 10000-01-01 1y
2> treatyterm: date '10000-01-01': column 1: year 10000 is out of range (1 to 9999)
[exit 1]

$ treatyterm add 2024-01-01 5x
2> treatyterm: duration '5x': column 2: unknown unit 'x' (expected y, m, w or d)
[exit 1]

$ treatyterm add 2024-01-01 99999999999y
2> treatyterm: duration '99999999999y': column 1: 99999999999 years is out of range (at most 9998)
[exit 1]

$ treatyterm add 9999-12-31 1d
2> treatyterm: 9999-12-31 1d: the result is outside the years 1 to 9999
[exit 1]

$ treatyterm add 2024-01-01
2> treatyterm: add: missing DURATION
2> Try 'treatyterm add --help' for more information.
[exit 2]

$ treatyterm add --bogus 2024-01-01 1y
2> treatyterm: add: unrecognized option '--bogus'
2> Try 'treatyterm add --help' for more information.
[exit 2]

$ treatyterm add -x 2024-01-01 1y
2> treatyterm: add: invalid option -- 'x'
2> Try 'treatyterm add --help' for more information.
[exit 2]

$ treatyterm add 2024-01-01 1y > /dev/full
2> treatyterm: standard output: write error: No space left on device
[exit 1]

# Options may follow the operands; what looks like a negative duration is
# an operand, and "--" ends the options.
$ treatyterm add 2023-02-03 P1Y6M --explain
2023-02-03 + 1 year 6 months = 2024-08-03

$ treatyterm add 2024-01-31 -1m -e
2024-01-31 + minus 1 month = 2023-12-31

$ treatyterm add 2024-01-31 -P90D
2023-11-02

$ treatyterm add 2024-01-31 -p1y
2023-01-31

$ treatyterm add -- 2024-01-31 -1d
2024-01-30

$ treatyterm add 2024-01-31 -- --explain
2> treatyterm: duration '--explain': column 2: expected a number, found '-'
[exit 1]

$ treatyterm add --expl 2024-01-31 1m
2024-01-31 + 1 month = 2024-02-29  (no such day in that month: its last day)

$ treatyterm add --explain=yes 2024-01-31 1m
2> treatyterm: add: option '--explain' doesn't allow an argument
2> Try 'treatyterm add --help' for more information.
[exit 2]

$ treatyterm add 2024-01-31 1m -eV | head -n 1
treatyterm 0.1.0

# "today" is a date; TREATYTERM_TODAY fixes it.
$ TREATYTERM_TODAY=2024-02-29 treatyterm add today 1y
2025-02-28

$ TREATYTERM_TODAY=2024-02-30 treatyterm add today 1y
2> treatyterm: TREATYTERM_TODAY '2024-02-30': column 9: day 30 is out of range for February 2024 (1 to 29)
[exit 1]

$ treatyterm add today 0d | grep -c '^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$'
1

# The help comes from the option table.
$ treatyterm add --help
Usage: treatyterm add [OPTION]... DATE DURATION...
Add durations to DATE, left to right, by the same-date rule
(a day missing from the final month becomes its last day).

DATE is YYYY-MM-DD or today.  DURATION is 50y, 6m, 1y6m, 2w, 90d
(with an optional + or -) or ISO 8601 (P50Y, P1Y6M, P2W, -P90D).

Options:
  -e, --explain                 show each step and the rule applied
  -h, --help                    display this help and exit
  -V, --version                 output version information and exit
