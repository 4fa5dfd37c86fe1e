# --parties FILE.csv: one [party] a row, for schedule and batch.  The
# header names [party] keys (and 'treaty'); dates may be written as the
# UN's status tables print them, with the suffix that names the
# instrument.  Bad cells are reported at FILE:LINE:COLUMN.

# In force 60 days after the third instrument, on the first of the next
# month: 5 Sep 2007 + 60 days is 4 Nov 2007, so 1 Dec 2007.  A party
# depositing later is bound on the first of the month after its own 60
# days.  A quoted name may hold a comma; an empty cell is not set.
<<< cwc.ini
[treaty]
id = cwc
name = Test convention
[entry_into_force]
instruments = 3
after = 60d
rule = first-of-next-month
[withdrawal]
notice = 1y
>>>
<<< un.csv
name,deposit,notice
Albania,17 Jul 2007 a,
"Bosnia, and Herzegovina",3 Aug 2007,
Chad,5 Sep 2007 AA,10 Jan 2010
Denmark,"2 Feb 2009 d",
>>>
$ treatyterm schedule cwc.ini --parties un.csv -f csv | tr -d '\r' | cut -d, -f1-5
treaty_id,date,weekday,kind,label
cwc,2007-12-01,Saturday,entry_into_force,Entry into force
cwc,2007-12-01,Saturday,entry_into_force,Entry into force (Albania)
cwc,2007-12-01,Saturday,entry_into_force,"Entry into force (Bosnia
cwc,2007-12-01,Saturday,entry_into_force,Entry into force (Chad)
cwc,2007-12-01,Saturday,withdrawal_notice_opens,Withdrawal notice may be given from
cwc,2008-12-01,Monday,withdrawal_effective,Earliest withdrawal takes effect
cwc,2009-05-01,Friday,entry_into_force,Entry into force (Denmark)
cwc,2010-01-10,Sunday,notice,Notice received (Chad)
cwc,2011-01-10,Monday,withdrawal_effective,Withdrawal takes effect (Chad)

# Two parties are not three: entry into force is pending.
$ head -n 3 un.csv > two.csv; treatyterm schedule cwc.ini --parties two.csv -f csv | tr -d '\r' | sed -n 2p
cwc,,,entry_into_force,Entry into force,,pending: 60 days after: 2 of 3 instruments deposited

# The 'treaty' column: rows for another treaty are skipped, rows without
# one are taken.
<<< mixed.csv
treaty,name,deposit
cwc,Albania,17 Jul 2007 a
other,Bosnia,3 Aug 2007
,Chad,2007-09-05AA
cwc,Denmark,1 Oct 2007
>>>
$ treatyterm schedule cwc.ini --parties mixed.csv -f csv | tr -d '\r' | cut -d, -f1-5 | grep entry_into_force
cwc,2007-12-01,Saturday,entry_into_force,Entry into force
cwc,2007-12-01,Saturday,entry_into_force,Entry into force (Albania)
cwc,2007-12-01,Saturday,entry_into_force,Entry into force (Chad)
cwc,2007-12-01,Saturday,entry_into_force,Entry into force (Denmark)

# A bad cell: FILE:LINE:COLUMN of the error inside the cell, exit status 1.
<<< bad-date.csv
name,deposit
Albania,17 Jul 2007 a
Bosnia, 3 Agu 2007
>>>
$ treatyterm schedule cwc.ini --parties bad-date.csv
2> treatyterm: bad-date.csv:3:11: expected a month's name, as in "17 Jul 2007"
[exit 1]

<<< bad-suffix.csv
name,deposit
Albania,"17 Jul 2007 x"
>>>
$ treatyterm schedule cwc.ini --parties bad-suffix.csv 2>&1 | sed 's/: [^:]*$/: .../'
treatyterm: bad-suffix.csv:2:21: ...

# An error found when the treaty is computed points into the file too.
<<< early.csv
name,deposit,notice
Albania,17 Jul 2007 a,1 Jan 2007
>>>
$ treatyterm schedule cwc.ini --parties early.csv
2> treatyterm: early.csv:2:23: the notice is dated before the party's deposit
[exit 1]

$ printf 'deposit,name\n17 Jul 2007,\n' > noname.csv; treatyterm schedule cwc.ini --parties noname.csv
2> treatyterm: noname.csv:2:1: [party] needs a 'name'
[exit 1]

# Columns: an unknown or repeated one is named with its place in the
# header.
$ printf 'name,deposit,ratified\nA,1 Jan 2000,x\n' > unknown.csv; treatyterm schedule cwc.ini --parties unknown.csv
2> treatyterm: unknown.csv:1:14: unknown column 'ratified' (the columns are treaty and the [party] keys: name, signature, deposit, instrument, weight, notice, notice_effective, revoked, recorded_entry_into_force, recorded_withdrawal)
[exit 1]

$ printf 'name,deposit,name\n' > twice.csv; treatyterm schedule cwc.ini --parties twice.csv
2> treatyterm: twice.csv:1:14: column 'name' appears twice
[exit 1]

$ printf 'name,deposit\nA,1 Jan 2000,x\n' > long.csv; treatyterm schedule cwc.ini --parties long.csv
2> treatyterm: long.csv:2: the row has 3 fields, the header 2
[exit 1]

$ treatyterm schedule cwc.ini --parties missing.csv
2> treatyterm: missing.csv: No such file or directory
[exit 1]

$ treatyterm schedule - --parties - < cwc.ini
2> treatyterm: schedule: the SPEC file and --parties cannot both be standard input
2> Try 'treatyterm schedule --help' for more information.
[exit 2]

# batch: each party row goes to the treaty its 'treaty' column names.
# Rows for an id no row computed are reported at the end, and the exit
# status is 3, as for skipped rows.
<<< treaties.csv
id,name,entry_into_force.instruments,entry_into_force.after,entry_into_force.rule
cwc,CWC,3,60d,first-of-next-month
small,Small,1,30d,same-date
>>>
<<< batch-parties.csv
treaty,name,deposit
cwc,Albania,17 Jul 2007 a
small,Chad,2 Feb 2009 d
cwc,Bosnia,3 Aug 2007
none,Xland,1 Jan 2000
cwc,Chad,5 Sep 2007 AA
none,Yland,1 Jan 2000
>>>
$ treatyterm batch treaties.csv --parties batch-parties.csv -f csv | tr -d '\r' | cut -d, -f1-5
treaty_id,date,weekday,kind,label
cwc,2007-12-01,Saturday,entry_into_force,Entry into force
cwc,2007-12-01,Saturday,entry_into_force,Entry into force (Albania)
cwc,2007-12-01,Saturday,entry_into_force,Entry into force (Bosnia)
cwc,2007-12-01,Saturday,entry_into_force,Entry into force (Chad)
small,2009-03-04,Wednesday,entry_into_force,Entry into force
small,2009-03-04,Wednesday,entry_into_force,Entry into force (Chad)
2> treatyterm: batch-parties.csv:5: warning: no treaty with id 'none' was computed from treaties.csv: 2 parties not used

$ treatyterm batch treaties.csv --parties batch-parties.csv > /dev/null 2>&1; echo "exit $?"
exit 3

$ grep -v none batch-parties.csv > matched.csv; treatyterm batch treaties.csv --parties matched.csv > /dev/null; echo "exit $?"
exit 0

# batch needs the 'treaty' column, and a treaty in every row.
$ treatyterm batch treaties.csv --parties un.csv
2> treatyterm: un.csv:1: no 'treaty' column: with several treaties, each row needs the id of the treaty it belongs to
[exit 1]

# A row without one is a bad row: with --strict it stops the run; without,
# it is skipped (see below).
$ treatyterm batch treaties.csv --parties mixed.csv --strict
2> treatyterm: mixed.csv:4:1: no treaty: each row needs the id of the treaty it is a party to
[exit 1]

$ treatyterm batch treaties.csv --parties mixed.csv -f csv -o mixed-out.csv; echo "exit $?"; tr -d '\r' < mixed-out.csv | cut -d, -f1-5
exit 3
treaty_id,date,weekday,kind,label
cwc,,,entry_into_force,Entry into force
small,,,entry_into_force,Entry into force
2> treatyterm: mixed.csv:4:1: no treaty: each row needs the id of the treaty it is a party to
2> treatyterm: mixed.csv:3: warning: no treaty with id 'other' was computed from treaties.csv: 1 party not used
2> treatyterm: mixed.csv: 1 of 4 rows skipped

# A party's error found when its treaty is computed skips that treaty's
# row, naming both files.
$ printf 'treaty,name,deposit,notice\nsmall,A,1 Jan 2000,1 Jan 1999\n' > notice.csv; treatyterm batch treaties.csv --parties notice.csv -f csv | tr -d '\r' | cut -d, -f1-5
treaty_id,date,weekday,kind,label
cwc,,,entry_into_force,Entry into force
2> treatyterm: notice.csv:2:20: a party's notice needs a [withdrawal] clause with a 'notice' period (treaty of treaties.csv:3)
2> treatyterm: treaties.csv: 1 of 2 rows skipped

# A data curator's check over a whole database: each recorded date that
# differs, at the cell of the parties file that records it (the line the
# curator must fix, not the treaty's row), and exit status 3; who is in
# force.
$ printf 'id,name,entry_into_force.instruments,entry_into_force.after,withdrawal.notice\nrome,Rome,2,60d,1y\nx,X,1,0d,1y\n' > db.csv; printf 'treaty,name,deposit,recorded_entry_into_force,notice,recorded_withdrawal\nrome,A,2002-01-01,2002-06-01,,\nrome,B,2002-04-11,2002-06-10,2016-10-27,2017-10-28\nx,C,2000-01-01,2000-01-01,,\n' > dbp.csv
$ treatyterm batch db.csv --parties dbp.csv --check -o out.jsonl
2> treatyterm: dbp.csv:2:19: rome: A: entry_into_force recorded 2002-06-01, computed 2002-06-10 (the 2nd instrument, deposited 2002-04-11 + 60 days (the day of the event not counted; Reg. 1182/71 art. 3(1), 3(2)(b) / ETS 076 art. 3))
2> treatyterm: dbp.csv:3:41: rome: B: withdrawal_effective recorded 2017-10-28, computed 2017-10-27 (notice received 2016-10-27 + 1 year (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1); a notice takes effect on receipt (VCLT art. 78); not moved for weekends or holidays))
2> treatyterm: db.csv: 2 recorded dates differ from the computed ones
[exit 3]

$ grep -c '"discrepancies":\[{' out.jsonl
1

$ treatyterm batch db.csv --parties dbp.csv --as-of 2020-01-01 | grep -o '"as_of":{[^}]*}'
"as_of":{"date":"2020-01-01","parties_in_force":1,"parties":["A"]}
"as_of":{"date":"2020-01-01","parties_in_force":1,"parties":["C"]}

$ treatyterm batch db.csv --parties dbp.csv --as-of 2020-02-30
2> treatyterm: --as-of '2020-02-30': column 9: day 30 is out of range for February 2020 (1 to 29)
[exit 2]

# A recorded date given in a cell of the batch input itself is reported
# at that row, as before.
$ printf 'id,name,entry_into_force.instruments,entry_into_force.after,party.name,party.deposit,party.recorded_entry_into_force\nx,X,1,0d,C,2000-01-01,2000-01-05\n' > dbcell.csv; treatyterm batch dbcell.csv --check -o out.jsonl
2> treatyterm: dbcell.csv:2: x: C: entry_into_force recorded 2000-01-05, computed 2000-01-01 (the 1st instrument, deposited 2000-01-01 (no waiting period))
2> treatyterm: dbcell.csv: 1 recorded dates differ from the computed ones
[exit 3]

# A bad row of the parties file (a deposit on a day February 2016 does
# not have) is reported at its own line and skipped; the other parties
# and every treaty are written, and the exit status is 3.
<<< paris.csv
id,name,entry_into_force.instruments,entry_into_force.after
paris,Paris,2,30d
small,Small,1,30d
>>>
<<< parisp.csv
treaty,name,deposit
paris,Fiji,2015-12-22
paris,Palau,31 Feb 2016
paris,Marshall Islands,2016-04-22
small,Tuvalu,2016-04-22
>>>
$ treatyterm batch paris.csv --parties parisp.csv -f csv -o out.csv; echo "exit $?"; tr -d '\r' < out.csv | cut -d, -f1-5
2> treatyterm: parisp.csv:3:13: there is no day 31 in February 2016
2> treatyterm: parisp.csv: 1 of 4 rows skipped
exit 3
treaty_id,date,weekday,kind,label
paris,2016-05-22,Sunday,entry_into_force,Entry into force
paris,2016-05-22,Sunday,entry_into_force,Entry into force (Fiji)
paris,2016-05-22,Sunday,entry_into_force,Entry into force (Marshall Islands)
small,2016-05-22,Sunday,entry_into_force,Entry into force
small,2016-05-22,Sunday,entry_into_force,Entry into force (Tuvalu)

# Every bad row is reported, each at its line, whatever is wrong with it:
# a bad cell, a bad treaty id, a row of the wrong length.
$ printf 'treaty,name,deposit\npa ris,A,2016-01-01\nparis,B,2016-01-01,x\nparis,C,2016-13-01\nsmall,D,2016-01-01\n' > bad-rows.csv; treatyterm batch paris.csv --parties bad-rows.csv -f csv | tr -d '\r' | cut -d, -f1-5
treaty_id,date,weekday,kind,label
paris,,,entry_into_force,Entry into force
small,2016-01-31,Sunday,entry_into_force,Entry into force
small,2016-01-31,Sunday,entry_into_force,Entry into force (D)
2> treatyterm: bad-rows.csv:2:1: 'pa ris' is not a treaty id (letters, digits, '.', '_' and '-')
2> treatyterm: bad-rows.csv:3: the row has 4 fields, the header 3
2> treatyterm: bad-rows.csv:4:14: month 13 is out of range (1 to 12)
2> treatyterm: bad-rows.csv: 3 of 4 rows skipped

# With --strict the first bad row stops the run before any output, exit
# status 1.
$ treatyterm batch paris.csv --parties parisp.csv --strict -o strict.jsonl; echo "exit $?"; test -e strict.jsonl || echo "no output"
2> treatyterm: parisp.csv:3:13: there is no day 31 in February 2016
exit 1
no output

# schedule computes what it is given or nothing: a bad row of the parties
# file stops it, at its own line.
$ printf 'name,deposit\nFiji,2015-12-22\nPalau,31 Feb 2016\n' > one.csv; printf '[treaty]\nid = paris\n[entry_into_force]\ninstruments = 2\nafter = 30d\n' > paris.ini; treatyterm schedule paris.ini --parties one.csv
2> treatyterm: one.csv:3:7: there is no day 31 in February 2016
[exit 1]

# agenda lists every date it could compute: a bad row of the parties file
# is reported at its own line, above the dates too, and left out; exit
# status 4.  --strict stops at it.
$ TREATYTERM_TODAY=2016-01-01 treatyterm agenda paris.ini --parties parisp.csv
Agenda from 2016-01-01 to 2017-01-01: 3 dates of 1 treaty
Could not be read, left out:
  parisp.csv:3:13: there is no day 31 in February 2016

Date        Days  Treaty  Party             Kind              Label
2016-05-22   142  paris   -                 entry_into_force  Entry into force
2016-05-22   142  paris   Fiji              entry_into_force  Entry into force (Fiji)
2016-05-22   142  paris   Marshall Islands  entry_into_force  Entry into force (Marshall Islands)
2> treatyterm: parisp.csv:3:13: there is no day 31 in February 2016
[exit 4]

$ TREATYTERM_TODAY=2016-01-01 treatyterm agenda paris.ini --parties parisp.csv --strict
2> treatyterm: parisp.csv:3:13: there is no day 31 in February 2016
[exit 1]

# An error names the input its value came from: here line 13 of the spec
# file, not line 13 of the parties file, an unrelated party.
<<< mix.ini
[treaty]
id = mix
name = Mixed sources
[entry_into_force]
instruments = 2
after = 30d
[withdrawal]
notice = 1y

# A party the CSV does not list.
[party]
name = Zland
revoked = 2020-01-01
deposit = 2001-01-01
>>>
$ printf 'name,deposit\n' > mix.csv; for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do echo "P$i,2000-01-$((i + 10))" >> mix.csv; done; sed -n 13p mix.csv; treatyterm schedule mix.ini --parties mix.csv
P12,2000-01-22
2> treatyterm: mix.ini:13:11: 'revoked' needs the party's 'notice'
[exit 1]

$ sed '1s/^/treaty,/; 2,$s/^/mix,/' mix.csv > mixt.csv; treatyterm agenda mix.ini --parties mixt.csv
2> treatyterm: mix.ini:13:11: 'revoked' needs the party's 'notice'
[exit 1]

# And the other way round: the same error in the parties file, at a line
# the spec file has too.
$ printf 'name,deposit,revoked\n' > mix2.csv; for i in 1 2 3 4 5 6 7 8 9 10 11; do echo "P$i,2000-01-$((i + 10)),"; done >> mix2.csv; echo 'P12,2000-01-22,2020-01-01' >> mix2.csv; sed '11,14d' mix.ini > mix2.ini; treatyterm schedule mix2.ini --parties mix2.csv
2> treatyterm: mix2.csv:13:16: 'revoked' needs the party's 'notice'
[exit 1]

# diff names the right file too, on either side.
$ treatyterm diff mix.ini mix.ini --parties mix.csv
2> treatyterm: mix.ini:13:11: 'revoked' needs the party's 'notice'
[exit 2]

$ treatyterm diff mix2.ini mix2.ini --parties mix2.csv
2> treatyterm: mix2.csv:13:16: 'revoked' needs the party's 'notice'
[exit 2]
