# treatyterm schedule --format ics, and working days from a holiday calendar.
$ SOURCE_DATE_EPOCH=1767225600 treatyterm schedule --preset byrnes-germany-1946 --format ics | tr -d '\r'
BEGIN:VCALENDAR
PRODID:-//treatyterm//treatyterm 0.1.0//EN
VERSION:2.0
CALSCALE:GREGORIAN
METHOD:PUBLISH
NAME:Byrnes draft\, Germany (1946)
X-WR-CALNAME:Byrnes draft\, Germany (1946)
BEGIN:VEVENT
UID:daafa53a-c4cf-54df-8b6e-d8735bfefabf
DTSTAMP:20260101T000000Z
DTSTART;VALUE=DATE:19470915
DTEND;VALUE=DATE:19470916
SUMMARY:Byrnes draft\, Germany (1946): Entry into force
DESCRIPTION:entry into force as given in the spec (a date given\, not compu
 ted)\nHypothetical: never in force\; the dates are assumed.\nLeft out of t
 his calendar\, waiting for an event: 1 date (The occupation may end (art. 
 III): when: Germany accepts articles I and II).
CATEGORIES:entry_into_force,byrnes-germany-1946
TRANSP:TRANSPARENT
SEQUENCE:0
END:VEVENT
BEGIN:VEVENT
UID:6a95b445-b96e-5fc9-8268-a03a35ac09da
DTSTAMP:20260101T000000Z
DTSTART;VALUE=DATE:19720915
DTEND;VALUE=DATE:19720916
SUMMARY:Byrnes draft\, Germany (1946): Expiry (last day in force)
DESCRIPTION:entry into force 1947-09-15 + 25 years (same date\; Reg. 1182/7
 1 art. 3(2)(c) / ETS 076 art. 4(1)\; expiry is not moved for weekends or h
 olidays)
CATEGORIES:expiry,byrnes-germany-1946
TRANSP:TRANSPARENT
SEQUENCE:0
END:VEVENT
END:VCALENDAR

# Same input, same bytes; SOURCE_DATE_EPOCH fixes DTSTAMP.
$ export SOURCE_DATE_EPOCH=1767225600; treatyterm schedule --preset litvinov-1946 -f ics > a.ics; treatyterm schedule --preset litvinov-1946 -f ics > b.ics; cmp a.ics b.ics && echo identical
identical

# A corrected entry into force keeps every UID: calendars update, not duplicate.
$ treatyterm schedule --preset litvinov-1946 -f ics | grep '^UID' > u1; treatyterm schedule --preset litvinov-1946 --entry-into-force 1950-01-01 -f ics | grep '^UID' > u2; cmp u1 u2 && sort -u u1 | wc -l
7

# Alarms before deadlines, withdrawal dates and expiry only, or every milestone.
$ treatyterm schedule --preset warsaw-pact-1955 -f ics --remind 90d | grep -c '^BEGIN:VALARM'
2

$ treatyterm schedule --preset warsaw-pact-1955 -f ics --remind 90d --remind-all | grep -c '^BEGIN:VALARM'
4

$ treatyterm schedule --preset warsaw-pact-1955 -f ics --remind 2w | grep '^TRIGGER' | sort -u | tr -d '\r'
TRIGGER:-P2W

# One repeating event for a series, on request.
$ treatyterm schedule --preset litvinov-1946 -f ics --rrule | grep -E '^(RRULE|SUMMARY)' | tr -d '\r'
SUMMARY:Litvinov proposal (1946): Entry into force
RRULE:FREQ=YEARLY;COUNT=5;INTERVAL=5
SUMMARY:Litvinov proposal (1946): Consultation
SUMMARY:Litvinov proposal (1946): Expiry (last day in force)

# Holidays from a real calendar (US federal holidays, yearly rules) move
# meetings only: Thanksgiving 2024-11-28 and New Year's Day.
$ treatyterm schedule --entry-into-force 2024-01-01 --review-first 6m --review-every 1y --review-count 2 --conference-at 10m27d --withdrawal-notice 10m27d --holidays "$top_srcdir/tests/data/us-federal-holidays.ics" --roll following
Entry into force: 2024-01-01 (Monday)
Term: indefinite

2024-01-01  Mon  entry_into_force         Entry into force
2024-01-01  Mon  withdrawal_notice_opens  Withdrawal notice may be given from
2024-07-01  Mon  review                   Review 1
2024-11-28  Thu  withdrawal_effective     Earliest withdrawal takes effect
2024-11-29  Fri  conference               Conference (moved from Thu 2024-11-28)
2025-07-01  Tue  review                   Review 2

Expiry: none (in force indefinitely)

$ treatyterm schedule --entry-into-force 2020-11-28 --term 5y --consultation-first 4y1m --holidays "$top_srcdir/tests/data/us-federal-holidays.ics" --roll preceding -f json | python3 -c 'import json,sys; [print(m["date"], m.get("nominal_date", "-"), m["kind"]) for m in json.load(sys.stdin)["milestones"]]'
2020-11-28 - entry_into_force
2024-12-27 2024-12-28 consultation
2025-11-28 - expiry

$ treatyterm schedule --preset ecsc-1951 --holidays nonesuch.ics --roll following
2> treatyterm: nonesuch.ics: No such file or directory
[exit 1]

$ printf 'not a calendar\n' > bad.ics; treatyterm schedule --preset npt-1968 --holidays bad.ics --roll following
2> treatyterm: bad.ics: not an iCalendar file
[exit 1]

$ printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:1972091\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > bad.ics; treatyterm schedule --preset npt-1968 --holidays bad.ics --roll following
2> treatyterm: bad.ics:3: can't parse as DATE value in DTSTART property: 1972091
[exit 1]

$ SOURCE_DATE_EPOCH=yesterday treatyterm schedule --preset ecsc-1951 -f ics
2> treatyterm: SOURCE_DATE_EPOCH 'yesterday': expected seconds since 1970-01-01 (before year 10000)
[exit 1]

$ treatyterm schedule --preset ecsc-1951 -f ics --remind 5q
2> treatyterm: --remind '5q': column 2: unknown unit 'q' (expected y, m, w or d)
[exit 1]

$ echo precious > keep.ics; treatyterm schedule --preset ecsc-1951 -f ics --term 5q -o keep.ics; cat keep.ics
precious
2> treatyterm: --term '5q': column 2: unknown unit 'q' (expected y, m, w or d)

$ treatyterm schedule --preset ecsc-1951 -f ics -o /dev/full
2> treatyterm: /dev/full: write error: No space left on device
[exit 1]

