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
2> treatyterm: write error: No space left on device
[exit 1]
