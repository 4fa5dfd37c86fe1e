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

$ treatyterm batch treaties.csv --parties mixed.csv
2> treatyterm: mixed.csv:4:1: no treaty: each row needs the id of the treaty it is a party to
[exit 1]

# A party's error found when its treaty is computed skips that treaty's
# row, naming both files.
$ printf 'treaty,name,deposit,notice\nsmall,A,1 Jan 2000,1 Jan 1999\n' > notice.csv; treatyterm batch treaties.csv --parties notice.csv -f csv | tr -d '\r' | cut -d, -f1-5
treaty_id,date,weekday,kind,label
cwc,,,entry_into_force,Entry into force
2> treatyterm: notice.csv:2:20: a party's notice needs a [withdrawal] clause with a 'notice' period (treaty of treaties.csv:3)
2> treatyterm: treaties.csv: 1 of 2 rows skipped

# A data curator's check over a whole database: each recorded date that
# differs, at its treaty's row, and exit status 3; who is in force.
$ printf 'id,name,entry_into_force.instruments,entry_into_force.after,withdrawal.notice\nrome,Rome,2,60d,1y\nx,X,1,0d,1y\n' > db.csv; printf 'treaty,name,deposit,recorded_entry_into_force,notice,recorded_withdrawal\nrome,A,2002-01-01,2002-06-01,,\nrome,B,2002-04-11,2002-06-10,2016-10-27,2017-10-28\nx,C,2000-01-01,2000-01-01,,\n' > dbp.csv
$ treatyterm batch db.csv --parties dbp.csv --check -o out.jsonl
2> treatyterm: db.csv:2: rome: A: entry_into_force recorded 2002-06-01, computed 2002-06-10 (the 2nd instrument, deposited 2002-04-11 + 60 days (the day of the event not counted; Reg. 1182/71 art. 3(1), 3(2)(b) / ETS 076 art. 3))
2> treatyterm: db.csv:2: rome: B: withdrawal_effective recorded 2017-10-28, computed 2017-10-27 (notice received 2016-10-27 + 1 year (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1); a notice takes effect on receipt (VCLT art. 78); not moved for weekends or holidays))
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
