# Users' texts are never cut inside a character: a pending condition
# (an event's label) is kept whole whatever its length, and a message too
# long for the library's error (which cannot grow) is cut between two
# characters and ends with "…".  Each output goes through iconv, which
# fails on invalid UTF-8.

# A pending condition: the label of the event that entry into force
# counts from, of 120 characters of two bytes each, whole in the table
# and in the CSV.
<<< ev.ini
[treaty]
name = T
[entry_into_force]
from = ratification
[event]
name = ratification
date = unknown
label = éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé
[withdrawal]
notice = 6m
>>>
$ treatyterm schedule ev.ini | iconv -f utf-8 -t utf-8
T
Entry into force: pending
Term: indefinite

pending          entry_into_force         Entry into force
                 when:
                 ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé
                 ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé
                 éé
pending          withdrawal_notice_opens  Withdrawal notice may be given from
                 when:
                 ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé
                 ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé
                 éé
pending          withdrawal_effective     Earliest withdrawal takes effect
                 when:
                 ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé
                 ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé
                 éé

Expiry: none (in force indefinitely)

$ treatyterm schedule --format csv ev.ini | iconv -f utf-8 -t utf-8 | tr -d '\r'
treaty_id,date,weekday,kind,label,nominal_date,basis
,,,entry_into_force,Entry into force,,pending: when: éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé
,,,withdrawal_notice_opens,Withdrawal notice may be given from,,pending: when: éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé
,,,withdrawal_effective,Earliest withdrawal takes effect,,pending: when: éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé

$ treatyterm schedule --format json ev.ini | iconv -f utf-8 -t utf-8 | grep -c '"condition": "when: éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé"$'
3

# Longer than any fixed room (600 bytes): still whole, in every format.
<<< long.ini
[treaty]
name = T
[entry_into_force]
from = ratification
[event]
name = ratification
date = unknown
label = éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé
[withdrawal]
notice = 6m
>>>
$ treatyterm schedule --format csv long.ini | iconv -f utf-8 -t utf-8 | tr -d '\r' | grep -c ',pending: when: éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé$'
3

$ treatyterm schedule --format json long.ini | iconv -f utf-8 -t utf-8 | grep -c '"condition": "when: éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé"$'
3

$ treatyterm schedule long.ini | iconv -f utf-8 -t utf-8 | tr -d ' \n' | grep -c 'when:éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééépending'
1

# A library message longer than its 224 bytes: two [party] sections of
# the same name, 301 bytes long.
<<< parties.ini
[treaty]
name = T
entry_into_force = 2000-01-01
[party]
name = aéééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé
[party]
name = aéééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé
>>>
$ treatyterm schedule parties.ini 2> err; echo $?; iconv -f utf-8 -t utf-8 err
1
treatyterm: parties.ini:7:8: party 'aéééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé…

# A section name quoted up to 40 bytes, cut between characters.
<<< section.ini
[aééééééééééééééééééééééééé]
>>>
$ treatyterm schedule section.ini 2> err; echo $?; iconv -f utf-8 -t utf-8 err
1
treatyterm: section.ini:1:2: unknown section [aééééééééééééééééééé…]

# libical's complaint about a holiday calendar, which quotes the value.
$ printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:2024-éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' > h.ics; treatyterm schedule --preset litvinov-1946 --roll following --holidays h.ics 2> err; echo $?; iconv -f utf-8 -t utf-8 err
1
treatyterm: h.ics:5: can't parse as DATE value in DTSTART property: 2024-éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé…
