# Calendars that update cleanly: --previous, the calendar's own properties
# (--calendar-description, --calendar-color, --source, --refresh) and a
# treaty's url.

# Written again over itself, a calendar keeps every byte, although the
# DTSTAMP would differ.
$ SOURCE_DATE_EPOCH=1700000000 treatyterm schedule --preset litvinov-1946 -f ics -o old.ics; SOURCE_DATE_EPOCH=1800000000 treatyterm schedule --preset litvinov-1946 -f ics --previous old.ics -o again.ics; cmp old.ics again.ics && echo identical
identical

# A shorter term: the expiry moves (SEQUENCE 1, LAST-MODIFIED), the
# consultations after it are written once more, cancelled.
$ SOURCE_DATE_EPOCH=1700000000 treatyterm schedule --preset litvinov-1946 -f ics -o old.ics; SOURCE_DATE_EPOCH=1800000000 treatyterm schedule --preset litvinov-1946 --term 35y -f ics --previous old.ics | tr -d '\r' | grep -E '^(DTSTAMP|LAST-MODIFIED|DTSTART|SUMMARY|STATUS|SEQUENCE)'
DTSTAMP:20231114T221320Z
DTSTART;VALUE=DATE:19470915
SUMMARY:Litvinov proposal (1946): Entry into force
SEQUENCE:0
DTSTAMP:20231114T221320Z
DTSTART;VALUE=DATE:19720915
SUMMARY:Litvinov proposal (1946): Consultation 1
SEQUENCE:0
DTSTAMP:20231114T221320Z
DTSTART;VALUE=DATE:19770915
SUMMARY:Litvinov proposal (1946): Consultation 2
SEQUENCE:0
DTSTAMP:20270115T080000Z
LAST-MODIFIED:20270115T080000Z
DTSTART;VALUE=DATE:19820915
SUMMARY:Litvinov proposal (1946): Expiry (last day in force)
SEQUENCE:1
DTSTAMP:20270115T080000Z
LAST-MODIFIED:20270115T080000Z
DTSTART;VALUE=DATE:19820915
SUMMARY:Litvinov proposal (1946): Consultation 3
STATUS:CANCELLED
SEQUENCE:1
DTSTAMP:20270115T080000Z
LAST-MODIFIED:20270115T080000Z
DTSTART;VALUE=DATE:19870915
SUMMARY:Litvinov proposal (1946): Consultation 4
STATUS:CANCELLED
SEQUENCE:1
DTSTAMP:20270115T080000Z
LAST-MODIFIED:20270115T080000Z
DTSTART;VALUE=DATE:19920915
SUMMARY:Litvinov proposal (1946): Consultation 5
STATUS:CANCELLED
SEQUENCE:1

# The previous calendar may be the -o file: it is read whole first.  A
# cancelled event is carried as it was; with 50 years again the three
# consultations come back and the expiry moves back, each SEQUENCE 2.
$ export SOURCE_DATE_EPOCH=1700000000; treatyterm schedule --preset litvinov-1946 -f ics -o cal.ics; treatyterm schedule --preset litvinov-1946 --term 35y -f ics --previous cal.ics -o cal.ics; cp cal.ics 35.ics; treatyterm schedule --preset litvinov-1946 --term 35y -f ics --previous cal.ics -o cal.ics; cmp 35.ics cal.ics && grep -c '^STATUS:CANCELLED' cal.ics; treatyterm schedule --preset litvinov-1946 -f ics --previous cal.ics | grep -c -e '^STATUS' -e '^SEQUENCE:2'
3
4

# compare and batch take it too.
$ export SOURCE_DATE_EPOCH=1700000000; treatyterm compare --preset litvinov-1946 --preset north-atlantic-1949 -f ics -o c.ics; treatyterm compare --preset litvinov-1946 --preset warsaw-pact-1955 -f ics --previous c.ics | tr -d '\r' | grep -B7 '^STATUS:CANCELLED' | grep '^SUMMARY'
SUMMARY:North Atlantic Treaty: Entry into force
SUMMARY:North Atlantic Treaty: Review may be requested (art. 12)
SUMMARY:North Atlantic Treaty: Withdrawal notice may be given from
SUMMARY:North Atlantic Treaty: Earliest withdrawal takes effect

$ export SOURCE_DATE_EPOCH=1700000000; printf 'id,name,entry_into_force,term\na,A,2000-01-01,10y\nb,B,2001-01-01,5y\n' > t.csv; treatyterm batch t.csv -f ics -o b.ics; sed 3d t.csv | treatyterm batch - -f ics --previous b.ics | tr -d '\r' | grep -E '^(SUMMARY|STATUS)'
SUMMARY:A: Entry into force
SUMMARY:A: Expiry (last day in force)
SUMMARY:B: Entry into force
STATUS:CANCELLED
SUMMARY:B: Expiry (last day in force)
STATUS:CANCELLED

# A treaty whose row has become bad is not taken for one that went: its
# events are written as they were, not cancelled (a malformed record,
# which has no id to go by, excepted).
$ export SOURCE_DATE_EPOCH=1800000000; printf 'id,name,entry_into_force,term\na,A,2000-01-01,10y\nb,B,2001-01-01,five years\n' > bad.csv; treatyterm batch bad.csv -f ics --previous b.ics > kept.ics; echo "exit $?"; tr -d '\r' < kept.ics | grep -E '^(SUMMARY|STATUS|DTSTAMP)'
exit 3
DTSTAMP:20231114T221320Z
SUMMARY:A: Entry into force
DTSTAMP:20231114T221320Z
SUMMARY:A: Expiry (last day in force)
DTSTAMP:20231114T221320Z
SUMMARY:B: Entry into force
DTSTAMP:20231114T221320Z
SUMMARY:B: Expiry (last day in force)
2> treatyterm: bad.csv:3: term: expected a number, found 'f'
2> treatyterm: bad.csv: 1 of 2 rows skipped

# Without --previous nothing changes; with it, only calendars.
$ treatyterm schedule --preset litvinov-1946 --previous old.ics
2> treatyterm: schedule: --previous has no effect in table output (only in ics or jcal)
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

# A previous calendar that cannot be read stops the run, naming it.
$ treatyterm schedule --preset litvinov-1946 -f ics --previous missing.ics
2> treatyterm: missing.ics: No such file or directory
[exit 1]

$ echo hello > not.ics; treatyterm schedule --preset litvinov-1946 -f ics --previous not.ics -o out.ics; ls out.ics
2> treatyterm: not.ics: not an iCalendar file
2> ls: cannot access 'out.ics': No such file or directory
[exit 2]

$ printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTART;VALUE=DATE:2024132\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > broken.ics; treatyterm schedule --preset litvinov-1946 -f ics --previous broken.ics
2> treatyterm: broken.ics:5: can't parse as DATE value in DTSTART property: 2024132
[exit 1]

# The calendar's own properties (RFC 7986, and the older X-WR- names).
$ SOURCE_DATE_EPOCH=1700000000 treatyterm schedule --preset litvinov-1946 -f ics --calendar-name 'Litvinov' --calendar-description 'The 1946 proposal; its dates' --calendar-color darkred --source https://example.org/litvinov.ics --refresh 1d | tr -d '\r' | sed -n '6,15p'
NAME:Litvinov
X-WR-CALNAME:Litvinov
DESCRIPTION:The 1946 proposal\; its dates
X-WR-CALDESC:The 1946 proposal\; its dates
SOURCE:https://example.org/litvinov.ics
URL:https://example.org/litvinov.ics
REFRESH-INTERVAL;VALUE=DURATION:P1D
X-PUBLISHED-TTL:P1D
COLOR:darkred
BEGIN:VEVENT

$ treatyterm schedule --preset litvinov-1946 -f ics --refresh 12h | grep -a '^X-PUBLISHED-TTL' | tr -d '\r'
X-PUBLISHED-TTL:PT12H

$ treatyterm schedule --preset litvinov-1946 -f ics --refresh 1m
2> treatyterm: schedule: --refresh '1m': expected hours, days or weeks (12h, 1d, 2w), more than none and at most a year
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset litvinov-1946 -f ics --source ftp://example.org/x.ics
2> treatyterm: schedule: --source: 'ftp://example.org/x.ics' is not a URL (http:, https: or webcal:, no spaces)
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset litvinov-1946 -f ics --calendar-color '#8b0000'
2> treatyterm: schedule: --calendar-color: '#8b0000' is not a colour name (a CSS3 name such as darkred)
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

# A treaty's url is each event's URL.
<<< t.ini
[treaty]
name = Treaty of Dunkirk
entry_into_force = 1947-09-08
term = 50y
url = https://treaties.un.org/doc/Publication/UNTS/Volume%209/v9.pdf
>>>
$ treatyterm schedule t.ini -f ics | tr -d '\r' | grep -A1 '^URL'
URL:https://treaties.un.org/doc/Publication/UNTS/Volume%209/v9.pdf
TRANSP:TRANSPARENT
--
URL:https://treaties.un.org/doc/Publication/UNTS/Volume%209/v9.pdf
TRANSP:TRANSPARENT

<<< bad.ini
[treaty]
name = T
entry_into_force = 2000-01-01
term = 1y
url = treaties.un.org
>>>
$ treatyterm schedule bad.ini
2> treatyterm: bad.ini:5:7: expected a URL starting http: or https:, without spaces
[exit 1]

# The same calendar as jCal (RFC 7265), by name or by the -o extension.
$ SOURCE_DATE_EPOCH=1700000000 treatyterm schedule --preset byrnes-germany-1946 -f jcal --refresh 1w
["vcalendar",[
 ["prodid",{},"text","-//treatyterm//treatyterm 0.1.0//EN"],
 ["version",{},"text","2.0"],
 ["calscale",{},"text","GREGORIAN"],
 ["method",{},"text","PUBLISH"],
 ["name",{},"text","Byrnes draft, Germany (1946)"],
 ["x-wr-calname",{},"text","Byrnes draft, Germany (1946)"],
 ["refresh-interval",{},"duration","P1W"],
 ["x-published-ttl",{},"duration","P1W"]],[
["vevent",[
 ["uid",{},"text","daafa53a-c4cf-54df-8b6e-d8735bfefabf"],
 ["dtstamp",{},"date-time","2023-11-14T22:13:20Z"],
 ["dtstart",{},"date","1947-09-15"],
 ["dtend",{},"date","1947-09-16"],
 ["summary",{},"text","Byrnes draft, Germany (1946): Entry into force"],
 ["description",{},"text","entry into force as given in the spec (a date given, not computed)\nHypothetical: never in force; the dates are assumed.\nLeft out of this calendar, waiting for an event: 1 date (The occupation may end (art. III): when: Germany accepts articles I and II)."],
 ["categories",{},"text","entry_into_force","byrnes-germany-1946"],
 ["transp",{},"text","TRANSPARENT"],
 ["sequence",{},"integer",0]],[]],
["vevent",[
 ["uid",{},"text","6a95b445-b96e-5fc9-8268-a03a35ac09da"],
 ["dtstamp",{},"date-time","2023-11-14T22:13:20Z"],
 ["dtstart",{},"date","1972-09-15"],
 ["dtend",{},"date","1972-09-16"],
 ["summary",{},"text","Byrnes draft, Germany (1946): Expiry (last day in force)"],
 ["description",{},"text","entry into force 1947-09-15 + 25 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1); expiry is not moved for weekends or holidays)"],
 ["categories",{},"text","expiry","byrnes-germany-1946"],
 ["transp",{},"text","TRANSPARENT"],
 ["sequence",{},"integer",0]],[]]]]

$ treatyterm schedule --preset litvinov-1946 -o l.jcal --previous old.ics; python3 -c 'import json; d = json.load(open("l.jcal")); print(d[0], len(d[2]))'
vcalendar 7

$ treatyterm schedule --preset litvinov-1946 -f jcal --explain
2> treatyterm: schedule: --explain has no effect in jcal output (only in table)
2> Try 'treatyterm schedule --help' for more information.
[exit 2]
