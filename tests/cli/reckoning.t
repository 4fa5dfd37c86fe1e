# Events, counting rules, readings, notices, windows and solving backwards,
# on the dates depositaries recorded (sources in doc/treaties.md).
# UNESCO Constitution art. II(6): US notices of 1983 and 2017.
$ treatyterm schedule --preset unesco-1945 --notice-received 1983-12-28 --notice-party 'United States' | tail -n +5
1946-11-04  Mon  entry_into_force         Entry into force
1946-11-04  Mon  withdrawal_notice_opens  Withdrawal notice may be given from
1983-12-28  Wed  notice                   Notice received (United States)
1984-12-31  Mon  withdrawal_effective     Withdrawal takes effect (United States)
2017-10-12  Thu  notice                   Notice received (United States)
2018-12-31  Mon  withdrawal_effective     Withdrawal takes effect (United States)

Expiry: none (in force indefinitely)

# Istanbul Convention art. 80(2): Turkey, with the rule and article cited.
$ treatyterm schedule --preset istanbul-2011 --explain | tail -n 8
2021-07-01  Thu  withdrawal_effective     Withdrawal takes effect (Turkey)
                 notice received 2021-03-22 + 3 months = 2021-06-22, the
                 first day of the next month
                 first day of the month following the expiration of 3
                 months; a notice takes effect on receipt (VCLT art. 78);
                 not moved for weekends or holidays; CETS 210 art. 80(2)

Expiry: none (in force indefinitely)

# ICSID art. 71: Bolivia, dated the day after; the same-date reading too.
$ treatyterm schedule --preset icsid-1965 -f json | tail -n 18
      "party": "Bolivia"
    },
    {
      "date": "2007-11-03",
      "kind": "withdrawal_effective",
      "label": "Withdrawal takes effect (Bolivia)",
      "basis": "notice received 2007-05-02 + 6 months = 2007-11-02, the day after (the day after the period of 6 months ends; a notice takes effect on receipt (VCLT art. 78); not moved for weekends or holidays; ICSID Convention art. 71)",
      "party": "Bolivia",
      "alternatives": [
        {
          "date": "2007-11-02",
          "rule": "same-date"
        }
      ]
    }
  ],
  "expiry": null
}

# Energy Charter Treaty art. 47: France.
$ treatyterm schedule --preset energy-charter-1994 | grep withdrawal_effective
2023-12-08  Fri  withdrawal_effective     Withdrawal takes effect (France)

# Paris Agreement art. 28 (the UN dates it on the anniversary): the US.
$ treatyterm schedule --entry-into-force 2016-11-04 --withdrawal-opens 3y --withdrawal-notice 1y --notice-given 2019-11-04 | grep withdrawal_effective
2020-11-04  Wed  withdrawal_effective     Withdrawal takes effect

# NPT art. X(1), North Korea: 10 April, or 11 April the day after.
$ treatyterm schedule --entry-into-force 1970-03-05 --withdrawal-notice 3m --withdrawal-readings day-after --notice-given 2003-01-10 | tail -n 4
2003-04-10  Thu  withdrawal_effective     Withdrawal takes effect
                 or 2003-04-11 under the day-after reading

Expiry: none (in force indefinitely)

# Brussels Treaty: France's notice named 30 June 2011.
<<< brussels.ini
[treaty]
id = brussels-1948
entry_into_force = 1955-05-06
[withdrawal]
notice = 1y
[notice]
received = 2010-05-21
party = France
effective = 2011-06-30
>>>
$ treatyterm schedule brussels.ini | tail -n 4
2010-05-21  Fri  notice                   Notice received (France)
2011-06-30  Thu  withdrawal_effective     Withdrawal takes effect (France)

Expiry: none (in force indefinitely)

# A named date before the clause's is refused, at its line and column.
$ sed 's/2011-06-30/2011-05-01/' brussels.ini > early.ini; treatyterm schedule early.ini
2> treatyterm: early.ini:9:13: the notice names 2011-05-01, before the 2011-05-21 the clause gives
[exit 1]

# Rome Statute: South Africa's notice, revoked before it took effect.
$ printf '[treaty]\nentry_into_force = 2002-07-01\n[withdrawal]\nnotice = 1y\n[notice]\nreceived = 2016-10-19\nparty = South Africa\nrevoked = 2017-03-07\n' > rome.ini; treatyterm schedule rome.ini | tail -n 5
2002-07-01  Mon  withdrawal_notice_opens  Withdrawal notice may be given from
2016-10-19  Wed  notice                   Notice received (South Africa)
2017-03-07  Tue  notice_revoked           Notice revoked (South Africa)

Expiry: none (in force indefinitely)

# ABM Treaty: bilateral, so the withdrawal is the end (JSON says so).
$ treatyterm schedule --preset abm-1972 --notice-given 2001-12-13 -f json | grep -E '"(bilateral|expiry)"'
    "bilateral": true
  "expiry": "2002-06-13",

# The withdrawal takes effect on 2002-06-13 and ends the treaty that day:
# its last day in force is the day before.  "expiry" keeps the day the
# treaty ended; "end" says what that day is.
$ treatyterm schedule --preset abm-1972 --notice-given 2001-12-13 | tail -n 3
2002-06-13  Thu  withdrawal_effective     Withdrawal takes effect

Ends: 2002-06-13 (the withdrawal takes effect; last day in force 2002-06-12)
$ treatyterm schedule --preset abm-1972 --notice-given 2001-12-13 -f json | tail -n 7
  "expiry": "2002-06-13",
  "end": {
    "date": "2002-06-13",
    "reason": "withdrawal",
    "last_day_in_force": "2002-06-12"
  }
}
$ treatyterm schedule --preset panama-canal-1977 -f json | tail -n 6
  "end": {
    "date": "1999-12-31",
    "reason": "fixed_last_day",
    "last_day_in_force": "1999-12-31"
  }
}
$ treatyterm schedule --preset ecsc-1951 -f json | tail -n 6
  "end": {
    "date": "2002-07-23",
    "reason": "expiry",
    "last_day_in_force": "2002-07-23"
  }
}
$ printf 'id,entry_into_force,term,bilateral,withdrawal.notice,notice_given\nabm,1972-10-03,indefinite,yes,6m,2001-12-13\n' > abm.csv; treatyterm batch abm.csv | grep -o '"expiry":.*'
"expiry":"2002-06-13","end":{"date":"2002-06-13","reason":"withdrawal","last_day_in_force":"2002-06-12"}}

# Soviet-Japanese pact, reckoned from signature (--treaty-from, as --from
# is kept for a filter of dates).
$ treatyterm schedule --entry-into-force 1941-04-25 --term 5y --event signature=1941-04-13 --treaty-from signature | tail -n 2

Expiry: 1946-04-13 (last day in force)

# Panama Canal Treaty: a fixed last day.
$ treatyterm schedule --preset panama-canal-1977
Panama Canal Treaty [panama-canal-1977]
Entry into force: 1979-10-01 (Monday)
Bilateral: a withdrawal that takes effect ends the treaty
Term: to a fixed last day, 1999-12-31

1979-10-01  Mon  entry_into_force         Entry into force
1979-10-01  Mon  milestone                Six calendar months after the exchange (art. II(1))
1999-12-31  Fri  expiry                   Expiry (last day in force)

Expiry: 1999-12-31 (last day in force)

# Montreux: twenty years, then two years after notice.
$ treatyterm schedule --preset montreux-1936 --notice-given 1950-06-01 | tail -n 3
1956-11-09  Fri  withdrawal_effective     Withdrawal takes effect

Ends: 1956-11-09 (the withdrawal takes effect; last day in force 1956-11-08)
$ treatyterm schedule --preset montreux-1936 --notice-given 1990-06-01 | tail -n 3
1992-06-01  Mon  withdrawal_effective     Withdrawal takes effect

Ends: 1992-06-01 (the withdrawal takes effect; last day in force 1992-05-31)

# MLC 2006: notice only within a window.
$ treatyterm schedule --preset mlc-2006 --notice-received 2025-02-01
2> treatyterm: --notice-received: the notice is dated outside the withdrawal windows (the next opens on 2033-08-20)
[exit 1]
$ treatyterm schedule --preset mlc-2006 --notice-received 2024-02-01 | grep -E 'notice |effective'
2023-08-20  Sun  withdrawal_notice_opens  Withdrawal notice may be given from
2024-02-01  Thu  notice                   Notice received
2025-02-01  Sat  withdrawal_effective     Withdrawal takes effect

# Kyoto Protocol: out by 31 December 2012.
$ treatyterm schedule --entry-into-force 2005-02-16 --withdrawal-opens 3y --withdrawal-notice 1y --out-by 2012-12-31 | tail -n 2
Expiry: none (in force indefinitely)
Out by 2012-12-31: the notice must be received by 2011-12-31.
$ treatyterm schedule --entry-into-force 2005-02-16 --withdrawal-opens 3y --withdrawal-notice 1y --out-by 2012-12-31 -f json | tail -n 6
  "expiry": null,
  "out_by": {
    "date": "2012-12-31",
    "latest_notice": "2011-12-31"
  }
}

# Pending dates: listed last, with their condition; --event dates them.
$ treatyterm schedule --preset byrnes-germany-1946 -f json | tail -n 17
      "basis": "entry into force 1947-09-15 + 25 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1); expiry is not moved for weekends or holidays)"
    },
    {
      "date": null,
      "kind": "milestone",
      "label": "The occupation may end (art. III)",
      "pending": true,
      "condition": "when: Germany accepts articles I and II"
    }
  ],
  "expiry": "1972-09-15",
  "end": {
    "date": "1972-09-15",
    "reason": "expiry",
    "last_day_in_force": "1972-09-15"
  }
}
$ treatyterm schedule --preset byrnes-germany-1946 --event germany-accepts=1955-05-05 | grep milestone
1955-05-05  Thu  milestone                The occupation may end (art. III)
$ treatyterm schedule --preset byrnes-germany-1946 --event germany-accepts
2> treatyterm: --event: expected NAME=DATE, not 'germany-accepts'
[exit 1]
$ treatyterm schedule --entry-into-force 2000-01-01 --consultation-first 1y --consultation-from nowhere
2> treatyterm: --consultation-from: no [event] named 'nowhere' (give one, or use entry_into_force)
[exit 1]

# The same keys as batch columns.
$ printf 'id,entry_into_force,from,term,event.name,event.date,withdrawal.notice,withdrawal.rule,notice.received\nsj,1941-04-25,signature,5y,signature,1941-04-13,,,\nicsid,1966-10-14,,indefinite,,,6m,day-after,2007-05-02\n' > b.csv; treatyterm batch b.csv -f csv | cut -d, -f1,2,4
treaty_id,date,kind
sj,1941-04-25,entry_into_force
sj,1946-04-13,expiry
icsid,1966-10-14,entry_into_force
icsid,1966-10-14,withdrawal_notice_opens
icsid,2007-05-02,notice
icsid,2007-11-03,withdrawal_effective

# CSV: the readings and hypothetical in the basis, pending rows last.
$ treatyterm schedule --preset byrnes-germany-1946 -f csv | tr -d '\r'
treaty_id,date,weekday,kind,label,nominal_date,basis
byrnes-germany-1946,1947-09-15,Monday,entry_into_force,Entry into force,,"entry into force as given in the spec (a date given, not computed); hypothetical: never in force, the dates are assumed"
byrnes-germany-1946,1972-09-15,Friday,expiry,Expiry (last day in force),,entry into force 1947-09-15 + 25 years (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1); expiry is not moved for weekends or holidays)
byrnes-germany-1946,,,milestone,The occupation may end (art. III),,pending: when: Germany accepts articles I and II
$ treatyterm schedule --preset icsid-1965 -f csv | tr -d '\r' | tail -n 2
icsid-1965,2007-05-02,Wednesday,notice,Notice received (Bolivia),,notice received 2007-05-02 (the day the depositary received it)
icsid-1965,2007-11-03,Saturday,withdrawal_effective,Withdrawal takes effect (Bolivia),,"notice received 2007-05-02 + 6 months = 2007-11-02, the day after (the day after the period of 6 months ends; a notice takes effect on receipt (VCLT art. 78); not moved for weekends or holidays; ICSID Convention art. 71); or 2007-11-02 under the same-date reading"

# JSON names a fixed last day.
$ treatyterm schedule --preset panama-canal-1977 -f json | head -n 11
{
  "treaty": {
    "id": "panama-canal-1977",
    "name": "Panama Canal Treaty",
    "entry_into_force": "1979-10-01",
    "term": "indefinite",
    "ends": "1999-12-31",
    "convention": "anniversary",
    "hypothetical": false,
    "bilateral": true
  },

# --out-by takes a date; the table says when no notice can do.
$ treatyterm schedule --preset warsaw-pact-1955 --out-by 1975
2> treatyterm: --out-by '1975': column 5: expected '-' after the year (expected YYYY-MM-DD)
[exit 1]
$ treatyterm schedule --preset warsaw-pact-1955 --out-by 1975-06-03 | tail -n 1
Out by 1975-06-03: no notice takes effect by then.
$ treatyterm schedule --preset warsaw-pact-1955 --out-by 1990-01-01 | tail -n 1
Out by 1990-01-01: the treaty expires by then without notice.

# MLC 2006: to be out by 2030 the notice had to be registered in the
# first window, which closed on 2024-08-19; once that day has passed the
# answer says so, and names the next way out.
$ TREATYTERM_TODAY=2024-06-01 treatyterm schedule --preset mlc-2006 --out-by 2030-01-01 | grep '^Out by' -A 1
Out by 2030-01-01: the notice must be received by 2024-08-19.
Series without end are shown up to 2054-01-01 (change with --horizon).
$ TREATYTERM_TODAY=2026-12-08 treatyterm schedule --preset mlc-2006 --out-by 2030-01-01 | grep '^Out by' -A 2
Out by 2030-01-01: the notice must be received by 2024-08-19.
2024-08-19 has passed (today is 2026-12-08); the next way out: a notice received from 2033-08-20 to 2034-08-19 takes effect on 2034-08-20.
Series without end are shown up to 2054-01-01 (change with --horizon).
$ TREATYTERM_TODAY=2024-06-01 treatyterm schedule --preset mlc-2006 --out-by 2030-01-01 -f json | tail -n 7
  "out_by": {
    "date": "2030-01-01",
    "latest_notice": "2024-08-19",
    "today": "2024-06-01",
    "passed": false
  }
}
$ TREATYTERM_TODAY=2026-12-08 treatyterm schedule --preset mlc-2006 --out-by 2030-01-01 -f json | tail -n 12
  "out_by": {
    "date": "2030-01-01",
    "latest_notice": "2024-08-19",
    "today": "2026-12-08",
    "passed": true,
    "next": {
      "notice_from": "2033-08-20",
      "notice_until": "2034-08-19",
      "takes_effect": "2034-08-20"
    }
  }
}

# Without windows, a notice can be given from today on.  Where no notice
# can take effect by the day asked for, the next way out is named too.
$ TREATYTERM_TODAY=2026-12-08 treatyterm schedule --preset inf-1987 --out-by 2027-03-01 | tail -n 2
Out by 2027-03-01: the notice must be received by 2026-09-01.
2026-09-01 has passed (today is 2026-12-08); the next way out: a notice received from 2026-12-08 takes effect on 2027-06-08.
$ TREATYTERM_TODAY=2026-12-08 treatyterm schedule --preset inf-1987 --out-by 2027-03-01 -f json | tail -n 12
  "out_by": {
    "date": "2027-03-01",
    "latest_notice": "2026-09-01",
    "today": "2026-12-08",
    "passed": true,
    "next": {
      "notice_from": "2026-12-08",
      "notice_until": null,
      "takes_effect": "2027-06-08"
    }
  }
}
$ TREATYTERM_TODAY=2024-01-01 treatyterm schedule --preset mlc-2006 --out-by 2024-06-01 | grep -A1 '^Out by'
Out by 2024-06-01: no notice takes effect by then.
The next way out: a notice received from 2024-01-01 to 2024-08-19 takes effect on 2025-01-01.

# Tacit renewal: the next deadline to denounce, and the day after the
# period it ends.
$ TREATYTERM_TODAY=2026-12-08 treatyterm schedule --preset sino-soviet-1950 --out-by 2030-01-01 | grep -A1 '^Out by'
Out by 2030-01-01: the notice must be received by 2024-04-11.
2024-04-11 has passed (today is 2026-12-08); the next way out: a notice received from 2026-12-08 to 2029-04-11 takes effect on 2030-04-12.
$ TREATYTERM_TODAY=2026-12-08 treatyterm schedule --preset inf-1987 --out-by 2027-12-31 | tail -n 1
Out by 2027-12-31: the notice must be received by 2027-06-30.
$ TREATYTERM_TODAY=2026-12-08 treatyterm schedule --preset warsaw-pact-1955 --out-by 2030-01-01 -f json | tail -n 6
  "out_by": {
    "date": "2030-01-01",
    "latest_notice": null,
    "expires_anyway": true
  }
}

# --explain: the floor, the end of the year, the last day of a window.
$ treatyterm schedule --preset montreux-1936 --notice-given 1950-06-01 --explain | tail -n 7
                 notice received 1950-06-01 + 2 years = 1952-06-01; not
                 before 1956-11-09
                 same date, and never before the clause's floor; a notice
                 takes effect on receipt (VCLT art. 78); not moved for
                 weekends or holidays; Montreux Convention art. 28

Ends: 1956-11-09 (the withdrawal takes effect; last day in force 1956-11-08)
$ treatyterm schedule --preset unesco-1945 --explain | tail -n 6
                 December of that year
                 31 December of the year in which the period of 1 year ends;
                 a notice takes effect on receipt (VCLT art. 78); not moved
                 for weekends or holidays; UNESCO Constitution art. II(6)

Expiry: none (in force indefinitely)
$ treatyterm schedule --preset mlc-2006 --explain | grep -A3 'window_closes.* 1$'
2024-08-19  Mon  withdrawal_window_closes Withdrawal window closes (last day for notice) 1
                 entry into force 2013-08-20 + 11 years - 1 day
                 the last day of the window: the day before it has run its
                 length, by the same-date rule; MLC 2006 art. IX

# Without a [withdrawal] clause a notice denounces the treaty before its
# renewal; it is listed on its day.
$ treatyterm schedule --preset warsaw-pact-1955 --notice-received 1974-01-01 --notice-party Albania | tail -n 5
1974-01-01  Tue  notice                   Notice received (Albania)
1974-06-04  Tue  renewal_notice_deadline  Last day to denounce before renewal 1
1975-06-04  Wed  expiry                   Expiry after denunciation (last day in force)

Expiry: 1975-06-04 (last day in force)

# --from is the filter of dates shown: [treaty] from is --treaty-from.
$ treatyterm schedule --entry-into-force 2000-01-01 --from 2000-01-02
Entry into force: 2000-01-01 (Saturday)
Term: indefinite


Expiry: none (in force indefinitely)

# A notice after a bilateral treaty ended is an error, at its own line.
<<< abm2.ini
[treaty]
id = abm
entry_into_force = 1972-10-03
bilateral = yes

[withdrawal]
notice = 6m

[notice]
received = 2001-12-13
party = United States

[notice]
received = 2002-07-01
party = Russia
>>>
$ treatyterm schedule abm2.ini
2> treatyterm: abm2.ini:14:12: the notice is dated after the treaty ended on 2002-06-13
[exit 1]
