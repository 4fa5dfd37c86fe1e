# treatyterm diff: what moved between two versions of a treaty.

# Litvinov's 50 years against 35: the clause that changed, then each
# milestone removed or moved, with the days it moved.  Exit status 1.
$ treatyterm presets --format ini litvinov-1946 > old.ini; sed 's/^term = 50y/term = 35y/' old.ini > new.ini; treatyterm diff old.ini new.ini
litvinov-1946: term 50y → 35y
- 1982-09-15  consultation  Consultation 3 (removed)
- 1987-09-15  consultation  Consultation 4 (removed)
- 1992-09-15  consultation  Consultation 5 (removed)
~ 1997-09-15 → 1982-09-15  expiry  Expiry (last day in force)  -5479 days
[exit 1]

# The other way round: added, and moved on.
$ treatyterm diff new.ini litvinov-1946
litvinov-1946: term 35y → 50y
+ 1982-09-15  consultation  Consultation 3 (added)
~ 1982-09-15 → 1997-09-15  expiry  Expiry (last day in force)  +5479 days
+ 1987-09-15  consultation  Consultation 4 (added)
+ 1992-09-15  consultation  Consultation 5 (added)
[exit 1]

# Nothing differs: nothing is written, exit status 0.  A preset is
# named as such, or with preset: when a file has its name.
$ treatyterm diff old.ini litvinov-1946; echo "status $?"; treatyterm diff preset:litvinov-1946 old.ini -f csv | tr -d '\r'
status 0
treaty_id,change,kind,label,party,old_date,new_date,days

$ cp new.ini litvinov-1946; treatyterm diff preset:litvinov-1946 litvinov-1946 > /dev/null; echo "status $?"; treatyterm diff old.ini old.ini -f json
status 1
{
  "treaties": [
  ]
}

$ treatyterm diff old.ini new.ini --format json
{
  "treaties": [
    {
      "id": "litvinov-1946",
      "change": "changed",
      "changes": [
        {
          "key": "term",
          "section": "treaty",
          "old": "50y",
          "new": "35y"
        }
      ],
      "milestones": [
        {
          "change": "removed",
          "kind": "consultation",
          "label": "Consultation 3",
          "party": null,
          "old_date": "1982-09-15",
          "new_date": null,
          "days": null
        },
        {
          "change": "removed",
          "kind": "consultation",
          "label": "Consultation 4",
          "party": null,
          "old_date": "1987-09-15",
          "new_date": null,
          "days": null
        },
        {
          "change": "removed",
          "kind": "consultation",
          "label": "Consultation 5",
          "party": null,
          "old_date": "1992-09-15",
          "new_date": null,
          "days": null
        },
        {
          "change": "moved",
          "kind": "expiry",
          "label": "Expiry (last day in force)",
          "party": null,
          "old_date": "1997-09-15",
          "new_date": "1982-09-15",
          "days": -5479
        }
      ]
    }
  ]
}
[exit 1]

# Two single treaties are compared whatever their ids, the new one named.
$ sed 's/^id = litvinov-1946/id = litvinov-35/' new.ini > renamed.ini; treatyterm diff old.ini renamed.ini | head -n 2
litvinov-35: id litvinov-1946 → litvinov-35; term 50y → 35y
- 1982-09-15  consultation  Consultation 3 (removed)

# CSV: a row of kind "clause" per clause changed, with its old and new
# values, then a row per milestone.  -o FILE.csv chooses CSV too.
$ treatyterm diff old.ini new.ini -o out.csv; echo "status $?"; tr -d '\r' < out.csv
status 1
treaty_id,change,kind,label,party,old_date,new_date,days
litvinov-1946,changed,clause,term,,50y,35y,
litvinov-1946,removed,consultation,Consultation 3,,1982-09-15,,
litvinov-1946,removed,consultation,Consultation 4,,1987-09-15,,
litvinov-1946,removed,consultation,Consultation 5,,1992-09-15,,
litvinov-1946,moved,expiry,Expiry (last day in force),,1997-09-15,1982-09-15,-5479

# A milestone pending on an event of unknown date that becomes dated has
# moved, without a number of days.
$ sed 's/^date = unknown/date = 1990-09-12/' old.ini > peace.ini; treatyterm diff old.ini peace.ini
litvinov-1946: event[1].date unknown → 1990-09-12
~ pending → 2000-09-12  milestone  The occupation may end (our reading: 10 years after the peace treaty)
[exit 1]

# A party's own dates are known by the party, and so are its clauses: a
# party listed first moves nobody else's, and is the one added.
<<< parties.ini
[treaty]
id = p
[entry_into_force]
instruments = 2
after = 30d
[party]
name = A
deposit = 2000-01-10
[party]
name = B
deposit = 2000-02-01
[party]
name = C
deposit = 2001-03-01
>>>
$ (sed -n 1,5p parties.ini; printf '[party]\nname = Z\ndeposit = 2001-06-01\n'; sed -n '6,$p' parties.ini) > more.ini; treatyterm diff parties.ini more.ini
p: party[Z] added
+ 2001-07-01  entry_into_force  Entry into force (Z) (added)
[exit 1]

# Batch files: treaties matched by id; one on one side only is added or
# removed whole.
<<< old.csv
id,name,entry_into_force,term,consultation.first,consultation.every
litvinov,"Litvinov, 1946",1947-09-15,50y,25y,5y
ecsc,ECSC,1952-07-23,50y,,
>>>
<<< new.csv
id,name,entry_into_force,term,consultation.first,consultation.every,withdrawal.notice
byrnes,Byrnes,1946-06-01,25y,,,
litvinov,"Litvinov, 1946",1947-09-15,35y,25y,5y,1y
>>>
$ treatyterm diff old.csv new.csv
litvinov: term 50y → 35y; withdrawal.notice (unset) → 1y
+ 1947-09-15  withdrawal_notice_opens  Withdrawal notice may be given from (added)
+ 1948-09-15  withdrawal_effective  Earliest withdrawal takes effect (added)
- 1982-09-15  consultation  Consultation 3 (removed)
- 1987-09-15  consultation  Consultation 4 (removed)
- 1992-09-15  consultation  Consultation 5 (removed)
~ 1997-09-15 → 1982-09-15  expiry  Expiry (last day in force)  -5479 days

ecsc: removed
- 1952-07-23  entry_into_force  Entry into force (removed)
- 2002-07-23  expiry  Expiry (last day in force) (removed)

byrnes: added
+ 1946-06-01  entry_into_force  Entry into force (added)
+ 1971-06-01  expiry  Expiry (last day in force) (added)
[exit 1]

$ treatyterm diff old.csv new.csv -f csv | tr -d '\r' | grep -v ',consultation,'
treaty_id,change,kind,label,party,old_date,new_date,days
litvinov,changed,clause,term,,50y,35y,
litvinov,changed,clause,withdrawal.notice,,,1y,
litvinov,added,withdrawal_notice_opens,Withdrawal notice may be given from,,,1947-09-15,
litvinov,added,withdrawal_effective,Earliest withdrawal takes effect,,,1948-09-15,
litvinov,moved,expiry,Expiry (last day in force),,1997-09-15,1982-09-15,-5479
ecsc,removed,treaty,,,,,
ecsc,removed,entry_into_force,Entry into force,,1952-07-23,,
ecsc,removed,expiry,Expiry (last day in force),,2002-07-23,,
byrnes,added,treaty,,,,,
byrnes,added,entry_into_force,Entry into force,,,1946-06-01,
byrnes,added,expiry,Expiry (last day in force),,,1971-06-01,

# The rows' order does not matter, only their ids.
$ (head -n 1 old.csv; tail -n 1 old.csv; sed -n 2p old.csv) > swapped.csv; treatyterm diff old.csv swapped.csv; echo "status $?"
status 0

# Trouble of any kind is exit status 2, as for diff(1), not the 1 of
# other commands: 1 means "different".
$ treatyterm diff missing.ini new.ini
2> treatyterm: missing.ini: No such file or directory
[exit 2]

$ printf '[treaty]\nterm = 5\n' > bad.ini; treatyterm diff old.ini bad.ini
2> treatyterm: bad.ini:2:9: missing unit after 5 (expected y, m, w or d)
[exit 2]

$ printf '[treaty]\nterm = 5y\n' > noeif.ini; treatyterm diff noeif.ini old.ini
2> treatyterm: noeif.ini: no entry into force: set [treaty] entry_into_force
[exit 2]

$ treatyterm diff preset:nope old.ini
2> treatyterm: unknown preset 'nope' (see 'treatyterm presets')
[exit 2]

$ printf 'id,entry_into_force\nx,2000-13-01\n' > bad.csv; treatyterm diff old.csv bad.csv
2> treatyterm: bad.csv:2: entry_into_force: month 13 is out of range (1 to 12)
[exit 2]

$ printf 'id,entry_into_force\nx,2000-01-01\nx,2001-01-01\n' > twice.csv; treatyterm diff twice.csv old.csv
2> treatyterm: twice.csv:3: 'x' was already used on line 2
[exit 2]

$ treatyterm diff old.ini
2> treatyterm: diff: missing operand: give OLD and NEW
2> Try 'treatyterm diff --help' for more information.
[exit 2]

$ treatyterm diff old.ini new.ini --format ics
2> treatyterm: diff: --format: expected 'table', 'json' or 'csv', not 'ics'
2> Try 'treatyterm diff --help' for more information.
[exit 2]

$ treatyterm diff old.ini new.ini > /dev/full
2> treatyterm: standard output: write error: No space left on device
[exit 2]

# Parties from status tables kept as CSV: a deposit corrected and a
# party added between two versions of the table.
$ printf '[treaty]\nid = cwc\n[entry_into_force]\ninstruments = 2\nafter = 180d\nlater_after = 30d\n' > e.ini; printf 'name,deposit\nA,1996-10-01\nB,31 Oct 1996\nRussia,1997-11-05\n' > p1.csv; printf 'name,deposit\nA,1996-10-01\nB,31 Oct 1996\nRussia,1997-11-06\nChina,25 Apr 1997\n' > p2.csv
$ treatyterm diff e.ini e.ini --old-parties p1.csv --new-parties p2.csv
cwc: party[Russia].deposit 1997-11-05 → 1997-11-06; party[China] added
+ 1997-04-29  entry_into_force  Entry into force (China) (added)
~ 1997-12-05 → 1997-12-06  entry_into_force  Entry into force (Russia)  +1 day
[exit 1]

# Parties are matched by name, not by their place in the table: a row
# deleted (the Holy See) is that party removed, and nobody after it
# changes.
$ printf 'name,deposit\nUnited Kingdom,1968-11-27\nHoly See,1971-02-25\nNorway,1969-02-05\nSweden,1970-01-09\n' > npt1.csv; grep -v 'Holy See' npt1.csv > npt2.csv; treatyterm diff npt-1968 npt-1968 --old-parties npt1.csv --new-parties npt2.csv
npt-1968: party[Holy See] removed
- 1971-02-25  entry_into_force  Entry into force (Holy See) (removed)
[exit 1]

$ sed 's/^Norway,1969-02-05/Norway,1969-02-06/' npt1.csv > npt3.csv; treatyterm diff npt-1968 npt-1968 --old-parties npt3.csv --new-parties npt2.csv -f csv | tr -d '\r'
treaty_id,change,kind,label,party,old_date,new_date,days
npt-1968,removed,party,,Holy See,,,
npt-1968,changed,clause,party[Norway].deposit,Norway,1969-02-06,1969-02-05,
npt-1968,removed,entry_into_force,Entry into force (Holy See),Holy See,1971-02-25,,

$ treatyterm diff npt-1968 npt-1968 --old-parties npt2.csv --new-parties npt3.csv -f json | sed -n '/"changes"/,/"milestones"/p'
      "changes": [
        {
          "key": "deposit",
          "section": "party",
          "instance": 3,
          "party": "Norway",
          "old": "1969-02-05",
          "new": "1969-02-06"
        },
        {
          "key": "name",
          "section": "party",
          "instance": 2,
          "party": "Holy See",
          "old": null,
          "new": "Holy See"
        }
      ],
      "milestones": [

$ treatyterm diff e.ini e.ini --parties p1.csv

$ treatyterm diff e.ini e.ini --parties p1.csv --new-parties p2.csv
2> treatyterm: diff: give --parties, or --old-parties and --new-parties, not both
2> Try 'treatyterm diff --help' for more information.
[exit 2]

$ printf 'name,deposit\nA,31 Feb 1996\n' > bad.csv; treatyterm diff e.ini e.ini --parties bad.csv
2> treatyterm: bad.csv:2:3: there is no day 31 in February 1996
[exit 2]
