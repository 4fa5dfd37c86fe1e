# --from, --until and --kind: which milestones schedule, compare and batch
# show.  The schedule is computed whole; only what is shown is filtered.
$ treatyterm schedule --preset litvinov-1946 --from 1975-01-01 --until 1990-12-31
Litvinov proposal (1946) [litvinov-1946]
Entry into force: 1947-09-15 (Monday)
Hypothetical: never in force; the dates are assumed
Term: 50 years, anniversary convention

1977-09-15  Thu  consultation             Consultation 2
1982-09-15  Wed  consultation             Consultation 3
1987-09-15  Tue  consultation             Consultation 4

Expiry: 1997-09-15 (last day in force)

# JSON keeps what is said of the whole treaty (its expiry).
$ treatyterm schedule --preset litvinov-1946 --from 1975-01-01 --until 1990-12-31 -f json | python3 -c 'import json,sys; o=json.load(sys.stdin); print([m["date"] for m in o["milestones"]], o["expiry"])'
['1977-09-15', '1982-09-15', '1987-09-15'] 1997-09-15

$ treatyterm schedule --preset litvinov-1946 --kind consultation,expiry --from 1990-01-01 -f csv | tr -d '\r' | cut -d, -f1-5
treaty_id,date,weekday,kind,label
litvinov-1946,1992-09-15,Tuesday,consultation,Consultation 5
litvinov-1946,1997-09-15,Monday,expiry,Expiry (last day in force)

# "today" and offsets from it; TREATYTERM_TODAY fixes today.
$ TREATYTERM_TODAY=1980-01-31 treatyterm schedule --preset litvinov-1946 --from today --until today+10y -f ics | grep -E '^(DTSTART|SUMMARY)' | tr -d '\r'
DTSTART;VALUE=DATE:19820915
SUMMARY:Litvinov proposal (1946): Consultation 3
DTSTART;VALUE=DATE:19870915
SUMMARY:Litvinov proposal (1946): Consultation 4

# With a date bound a series is one event per date: an RRULE would
# reach outside the window.
$ treatyterm schedule --preset litvinov-1946 --from 1985-01-01 --rrule -f ics | grep -E '^(DTSTART|RRULE)' | tr -d '\r'
DTSTART;VALUE=DATE:19870915
DTSTART;VALUE=DATE:19920915
DTSTART;VALUE=DATE:19970915

$ treatyterm schedule --preset litvinov-1946 --kind consultation --rrule -f ics | grep -E '^(DTSTART|RRULE)' | tr -d '\r'
DTSTART;VALUE=DATE:19720915
RRULE:FREQ=YEARLY;COUNT=5;INTERVAL=5

# compare: the timeline is filtered, the figures are of the whole
# schedules (the first possible end is still Consultation 1).
$ treatyterm compare --preset litvinov-1946 --preset ecsc-1951 --kind expiry,entry_into_force | sed -n '/^Timeline/,/hypothetical/p'
Timeline:
1947-09-15  Mon  [1] Entry into force
1952-07-23  Wed  [2] Entry into force
1997-09-15  Mon  [1] Expiry (last day in force)
2002-07-23  Tue  [2] Expiry (last day in force)
[1] Never in force: the entry into force is hypothetical (change it with --entry-into-force).

$ treatyterm compare --preset litvinov-1946 --preset ecsc-1951 --until 1960-01-01 -f csv | tr -d '\r' | cut -d, -f1-5
date,weekday,proposal_id,proposal_name,kind
1947-09-15,Monday,litvinov-1946,Litvinov proposal (1946),entry_into_force
1952-07-23,Wednesday,ecsc-1951,ECSC Treaty,entry_into_force

$ treatyterm compare --preset litvinov-1946 --preset ecsc-1951 --until 1960-01-01 -f json | python3 -c 'import json,sys; o=json.load(sys.stdin); print([len(p["milestones"]) for p in o["proposals"]], [p["first_possible_end"]["label"] for p in o["comparison"]["proposals"]])'
[1, 1] ['Consultation 1', 'Expiry (last day in force)']

$ treatyterm compare --preset litvinov-1946 --preset ecsc-1951 --from 1990-01-01 --until 1999-12-31 -f ics | grep -c '^BEGIN:VEVENT'
2

# batch: each row's milestones.
$ printf 'id,name,entry_into_force,term,consultation.first,consultation.every\nlitvinov,"Litvinov, 1946",1947-09-15,50y,25y,5y\necsc,ECSC,1952-07-23,50y,,\n' > two.csv; treatyterm batch two.csv --from 1990-01-01 --kind consultation,expiry -f csv | tr -d '\r' | cut -d, -f1-4
treaty_id,date,weekday,kind
litvinov,1992-09-15,Tuesday,consultation
litvinov,1997-09-15,Monday,expiry
ecsc,2002-07-23,Tuesday,expiry

$ treatyterm batch two.csv --from 1990-01-01 | python3 -c 'import json,sys; [print(o["treaty"]["id"], [m["date"] for m in o["milestones"]]) for o in map(json.loads, sys.stdin)]'
litvinov ['1992-09-15', '1997-09-15']
ecsc ['2002-07-23']

$ treatyterm batch two.csv --until 1960-01-01 -f ics | grep -c '^BEGIN:VEVENT'
2

# A pending milestone has no date: shown without a date bound only.
$ treatyterm schedule --preset litvinov-1946 --kind milestone | grep -c pending
1

$ treatyterm schedule --preset litvinov-1946 --kind milestone --until 9999-12-31 | grep -c pending
0
[exit 1]

# Errors: an unknown kind lists the kinds; a bad date names its option.
$ treatyterm schedule --preset ecsc-1951 --kind Expiry
2> treatyterm: schedule: --kind: unknown kind 'Expiry' (expected entry_into_force, consultation, review, conference, withdrawal_notice_opens, withdrawal_effective, renewal_notice_deadline, renewal, expiry, milestone, notice, notice_revoked, withdrawal_window_opens, withdrawal_window_closes)
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm batch two.csv --kind=expiry,
2> treatyterm: batch: --kind: unknown kind '' (expected entry_into_force, consultation, review, conference, withdrawal_notice_opens, withdrawal_effective, renewal_notice_deadline, renewal, expiry, milestone, notice, notice_revoked, withdrawal_window_opens, withdrawal_window_closes)
2> Try 'treatyterm batch --help' for more information.
[exit 2]

$ treatyterm schedule --preset ecsc-1951 --from 2020-13-01
2> treatyterm: schedule: --from '2020-13-01': column 6: month 13 is out of range (1 to 12)
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm compare --preset ecsc-1951 --preset ecsc-1951 --until tomorrow
2> treatyterm: compare: --until 'tomorrow': column 1: expected a date as YYYY-MM-DD
2> Try 'treatyterm compare --help' for more information.
[exit 2]

$ treatyterm schedule --preset ecsc-1951 --from today90d
2> treatyterm: schedule: --from 'today90d': column 6: expected '+' or '-' and a duration after 'today'
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ TREATYTERM_TODAY=9999-12-01 treatyterm schedule --preset ecsc-1951 --until today+1m
2> treatyterm: schedule: --until 'today+1m': the result is outside the years 1 to 9999
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

$ treatyterm schedule --preset ecsc-1951 --from 2000-01-01 --until 1999-01-01
2> treatyterm: schedule: --from 2000-01-01 is after --until 1999-01-01
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

# compare's pictures are drawn from the whole schedules: the filter is
# refused there rather than ignored.
$ treatyterm compare --preset litvinov-1946 --preset ecsc-1951 --kind expiry -o chart.svg
2> treatyterm: compare: --kind has no effect in svg output (only in table, json, csv or ics)
2> Try 'treatyterm compare --help' for more information.
[exit 2]
