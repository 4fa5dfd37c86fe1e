# Multilateral presets: the general entry into force, a later party's own
# date, a withdrawal and --check on each; the sources are in
# doc/treaties.md.

# Rome Statute: in force 1 July 2002; Japan (accession 17 July 2007) on
# 1 October 2007; Burundi's notice of 27 October 2016 effective 2017.
$ treatyterm schedule --preset rome-statute-1998 | grep -E '^Entry into force|Burundi|^Japan '
Entry into force: 2002-07-01 (Monday)
2016-10-27  Thu  notice                   Notice received (Burundi)
2017-10-27  Fri  withdrawal_effective     Withdrawal takes effect (Burundi)
Japan                             2007-07-17  accession     2007-10-01  -           -

$ treatyterm schedule --preset rome-statute-1998 --check
rome-statute-1998: every recorded date agrees with the computed one

# Art. 126(2) counts from the 60th instrument, not from entry into force:
# Greece (15 May 2002) and Australia (1 July 2002, the general date itself)
# are bound from dates of their own; the general date cites the 60th.
$ treatyterm schedule --preset rome-statute-1998 | grep -E '^(Greece|Australia) '
Greece                            2002-05-15  ratification  2002-08-01  -           -
Australia                         2002-07-01  ratification  2002-09-01  -           -

$ treatyterm schedule --preset rome-statute-1998 --format json | grep -m1 '"basis"'
      "basis": "the 60th instrument, deposited 2002-04-11 + 60 days = 2002-06-10, the first day of the next month (first day of the month following the expiration of 60 days; Rome Statute art. 126)"

# Ottawa: in force 1 March 1999; Poland (27 December 2012) on 1 June 2013;
# Finland's notice of 10 July 2025 effective 10 January 2026.
$ treatyterm schedule --preset ottawa-1997 | grep -E '^Entry into force|Finland|^Poland '
Entry into force: 1999-03-01 (Monday)
2025-07-10  Thu  notice                   Notice received (Finland)
2026-01-10  Sat  withdrawal_effective     Withdrawal takes effect (Finland)
Poland        2012-12-27  ratification  2013-06-01  -           -

$ treatyterm schedule --preset ottawa-1997 --check
ottawa-1997: every recorded date agrees with the computed one

# UNCLOS art. 308: in force 16 November 1994, twelve months after Guyana's
# 60th instrument of 16 November 1993.  A State depositing after the 60th
# is bound on the 30th day after its deposit, not before the general date:
# Sri Lanka (19 July 1994) and Germany (14 October 1994) on 16 November 1994,
# China (7 June 1996) on 7 July 1996, Japan (20 June 1996) on 20 July 1996,
# the United Kingdom (25 July 1997) on 24 August 1997.
$ treatyterm schedule --preset unclos-1982 | sed -n '/^Entry into force/p; /^Party/,$p'
Entry into force: 1994-11-16 (Wednesday)
Party           Deposit     Instrument    In force    Notice      Withdrawal
Guyana          1993-11-16  ratification  1994-11-16  -           -
Sri Lanka       1994-07-19  ratification  1994-11-16  -           -
Germany         1994-10-14  accession     1994-11-16  -           -
China           1996-06-07  ratification  1996-07-07  -           -
Japan           1996-06-20  ratification  1996-07-20  -           -
United Kingdom  1997-07-25  accession     1997-08-24  -           -

$ treatyterm schedule --preset unclos-1982 --check
unclos-1982: every recorded date agrees with the computed one

$ treatyterm schedule --preset unclos-1982 --format json | grep -m1 '"basis"'
      "basis": "the 60th instrument, deposited 1993-11-16 + 12 months (same date; Reg. 1182/71 art. 3(2)(c) / ETS 076 art. 4(1); UNCLOS art. 308)"

# CWC art. XXI: in force 29 April 1997, 180 days after Hungary's 65th
# instrument of 31 October 1996 (the two-year floor, 13 January 1995, does
# not bind); later States on the 30th day after their deposit: Iran
# (3 November 1997) on 3 December 1997, the State of Palestine (17 May 2018)
# on 16 June 2018.  China and the United States deposited on 25 April 1997,
# before entry into force: bound from the general date, which --check sets
# against the State Department's 25 May 1997 for the United States.
$ treatyterm schedule --preset cwc-1993 | sed -n '/^Entry into force/p; /^Party/,/^State of/p'
Entry into force: 1997-04-29 (Tuesday)
Party                     Deposit     Instrument    In force    Notice      Withdrawal
Hungary                   1996-10-31  ratification  1997-04-29  -           -
China                     1997-04-25  ratification  1997-04-29  -           -
United States of America  1997-04-25  ratification  1997-04-29  -           -
Iran                      1997-11-03  ratification  1997-12-03  -           -
Russian Federation        1997-11-05  ratification  1997-12-05  -           -
State of Palestine        2018-05-17  accession     2018-06-16  -           -

$ treatyterm schedule --preset cwc-1993 --check
United States of America: entry_into_force: recorded 1997-05-25, computed 1997-04-29
    the 65th instrument, deposited 1996-10-31 + 180 days (the day of the
    event not counted; Reg. 1182/71 art. 3(1), 3(2)(b) / ETS 076 art. 3; CWC
    art. XXI)
[exit 3]

# Had the 65th instrument come a year after the opening for signature, the
# two-year floor would have bound: 13 January 1995, not 180 days later.
$ treatyterm presets cwc-1993 -f ini | sed 's/^date = 1996-10-31$/date = 1994-01-13/' > early.ini; treatyterm schedule early.ini | grep -E '^Entry into force'; treatyterm schedule early.ini -f json | grep -m1 '"basis"'
Entry into force: 1995-01-13 (Friday)
      "basis": "the 65th instrument, deposited 1994-01-13 + 180 days = 1994-07-12; not before 1995-01-13 (same date, and never before the clause's floor; CWC art. XXI)"

# Kyoto: in force 16 February 2005; Australia (12 December 2007) on
# 11 March 2008; Canada's notice of 15 December 2011 effective 2012.
$ treatyterm schedule --preset kyoto-1997
Kyoto Protocol [kyoto-1997]
Entry into force: 2005-02-16 (Wednesday)
Term: indefinite

2005-02-16  Wed  entry_into_force         Entry into force
2008-02-16  Sat  withdrawal_notice_opens  Withdrawal notice may be given from
2011-12-15  Thu  notice                   Notice received (Canada)
2012-12-15  Sat  withdrawal_effective     Withdrawal takes effect (Canada)

Expiry: none (in force indefinitely)

Party               Deposit     Instrument    In force    Notice      Withdrawal
Russian Federation  2004-11-18  ratification  2005-02-16  -           -
Australia           2007-12-12  ratification  2008-03-11  -           -

$ treatyterm schedule --preset kyoto-1997 --check
kyoto-1997: every recorded date agrees with the computed one

# Paris: the 74 deposits listed meet both conditions on 5 October 2016 (the
# 67th instrument in the order listed), so 4 November 2016.  Denmark,
# depositing after that day but before the general date, has its own date.
$ treatyterm schedule --preset paris-2015 -f json | grep -m 1 '"basis"'
      "basis": "the 67th instrument, deposited 2016-10-05 + 30 days (the day of the event not counted; Reg. 1182/71 art. 3(1), 3(2)(b) / ETS 076 art. 3; Paris Agreement art. 21)"

$ treatyterm schedule --preset paris-2015 | grep -E '^Entry into force|^(Denmark|Japan|United States of America.*) '
Entry into force: 2016-11-04 (Friday)
United States of America               2016-09-03  acceptance    2016-11-04  2019-11-04  2020-11-04
Denmark                                2016-11-01  approval      2016-12-01  -           -
Japan                                  2016-11-08  acceptance    2016-12-08  -           -
United States of America (2021)        2021-01-20  acceptance    2021-02-19  2025-01-27  2026-01-27

$ treatyterm schedule --preset paris-2015 --check
paris-2015: every recorded date agrees with the computed one

# The first withdrawal of the United States took effect on 4 November
# 2020: 77 parties listed, 76 in force that day; its second acceptance
# counts from 19 February 2021.
$ treatyterm schedule --preset paris-2015 --as-of 2020-11-04 | grep '^Parties in force'
Parties in force on 2020-11-04: 76

$ treatyterm schedule --preset paris-2015 --as-of 2021-02-19 | grep '^Parties in force'
Parties in force on 2021-02-19: 77

# A treaty that waits for a list of parties (CTBT art. XIV, three of the
# Annex 2 States here): one has not deposited, so it is pending.
<<< ctbt.ini
[treaty]
id = ctbt-sketch
name = CTBT (three of the Annex 2 States)

[entry_into_force]
required = France; China; United Kingdom
after = 180d
opened = 1996-09-24
not_before = 2y
article = CTBT art. XIV

[party]
name = France
deposit = 1998-04-06

[party]
name = United Kingdom
deposit = 1998-04-06
>>>
$ treatyterm schedule ctbt.ini
CTBT (three of the Annex 2 States) [ctbt-sketch]
Entry into force: pending
Term: indefinite

pending          entry_into_force         Entry into force
                 180 days after: 2 of 3 required parties have deposited

Expiry: none (in force indefinitely)

Party           Deposit     Instrument    In force    Notice      Withdrawal
France          1998-04-06  ratification  -           -           -
United Kingdom  1998-04-06  ratification  -           -           -

$ treatyterm schedule ctbt.ini -f json | head -n 18
{
  "treaty": {
    "id": "ctbt-sketch",
    "name": "CTBT (three of the Annex 2 States)",
    "entry_into_force": null,
    "term": "indefinite",
    "convention": "anniversary",
    "hypothetical": false,
    "bilateral": false
  },
  "milestones": [
    {
      "date": null,
      "kind": "entry_into_force",
      "label": "Entry into force",
      "pending": true,
      "condition": "180 days after: 2 of 3 required parties have deposited"
    }

$ treatyterm schedule ctbt.ini --check
ctbt-sketch: every recorded date agrees with the computed one
