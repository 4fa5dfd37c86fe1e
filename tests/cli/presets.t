# Every preset reproduces the dates its treaty (or proposal) produced; the
# sources are in doc/treaties.md.
$ treatyterm presets
byrnes-germany-1946  US draft treaty on the disarmament and demilitarization of Germany (Byrnes, 1946): 25 years
byrnes-japan-1946    US draft treaty on the disarmament and demilitarization of Japan (Byrnes, 1946): 25 years
litvinov-1946        Litvinov's counter-proposal (memorandum to Stalin, 25 May 1946): 50 years, consultations every 5 years after year 25
ecsc-1951            Treaty establishing the European Coal and Steel Community: 50 years
north-atlantic-1949  North Atlantic Treaty: review on request after 10 years, withdrawal after 20 years on one year's notice
warsaw-pact-1955     Warsaw Pact: 20 years, then 10 more for parties that did not denounce one year before expiry
sino-soviet-1950     Sino-Soviet Treaty of Friendship, Alliance and Mutual Assistance: 30 years, then 5-year periods
npt-1968             Treaty on the Non-Proliferation of Nuclear Weapons: review conferences, extension conference at 25 years, 3 months' notice
abm-1972             Anti-Ballistic Missile Treaty: reviews every 5 years, six months' notice
inf-1987             Intermediate-Range Nuclear Forces Treaty: six months' notice
open-skies-1992      Treaty on Open Skies: review conferences, six months' notice
new-start-2010       New START: 10 years, extendable by up to 5 years
hong-kong-1898       Convention for the Extension of Hong Kong Territory: 99 years, start day counted
unesco-1945          UNESCO Constitution: withdrawal on 31 December of the year after the notice
istanbul-2011        Istanbul Convention (CETS 210): three months' notice, the first of the next month
icsid-1965           ICSID Convention: six months' notice, dated the day after
energy-charter-1994  Energy Charter Treaty: a year's notice, dated the day after
panama-canal-1977    Panama Canal Treaty: in force six months after the exchange, ends 31 December 1999
montreux-1936        Montreux Convention: twenty years, then two years after a denunciation
mlc-2006             Maritime Labour Convention 2006: denunciation only in the year after each ten years
rome-statute-1998    Rome Statute of the International Criminal Court: the 60th day after the 60th instrument, then the first of the month; one year's notice
ottawa-1997          Anti-Personnel Mine Ban Convention (Ottawa): the first day of the sixth month after the 40th instrument; six months' notice
kyoto-1997           Kyoto Protocol: 90 days after 55 Parties with 55 % of Annex I emissions; a year's notice after three years
paris-2015           Paris Agreement: 30 days after 55 Parties with 55 % of emissions; a year's notice after three years
unclos-1982          UN Convention on the Law of the Sea: twelve months after the 60th instrument; later States the 30th day after; a year's notice
cwc-1993             Chemical Weapons Convention: 180 days after the 65th instrument, not before two years; 90 days' notice

# The 1946 drafts never entered into force: one hypothetical date for all.
$ treatyterm schedule --preset byrnes-germany-1946
Byrnes draft, Germany (1946) [byrnes-germany-1946]
Entry into force: 1947-09-15 (Monday)
Hypothetical: never in force; the dates are assumed
Term: 25 years, anniversary convention

1947-09-15  Mon  entry_into_force         Entry into force
1972-09-15  Fri  expiry                   Expiry (last day in force)
pending          milestone                The occupation may end (art. III)
                 when: Germany accepts articles I and II

Expiry: 1972-09-15 (last day in force)

$ treatyterm schedule --preset byrnes-japan-1946 | tail -n 3
                 when: Japan accepts articles I and II

Expiry: 1972-09-15 (last day in force)

$ treatyterm schedule --preset litvinov-1946
Litvinov proposal (1946) [litvinov-1946]
Entry into force: 1947-09-15 (Monday)
Hypothetical: never in force; the dates are assumed
Term: 50 years, anniversary convention

1947-09-15  Mon  entry_into_force         Entry into force
1972-09-15  Fri  consultation             Consultation 1
1977-09-15  Thu  consultation             Consultation 2
1982-09-15  Wed  consultation             Consultation 3
1987-09-15  Tue  consultation             Consultation 4
1992-09-15  Tue  consultation             Consultation 5
1997-09-15  Mon  expiry                   Expiry (last day in force)
pending          milestone                The occupation may end (our reading: 10 years after the peace treaty)
                 10 years after: Germany signs a peace treaty

Expiry: 1997-09-15 (last day in force)

$ treatyterm schedule --preset litvinov-1946 --entry-into-force 1946-06-01
Litvinov proposal (1946) [litvinov-1946]
Entry into force: 1946-06-01 (Saturday)
Hypothetical: never in force; the dates are assumed
Term: 50 years, anniversary convention

1946-06-01  Sat  entry_into_force         Entry into force
1971-06-01  Tue  consultation             Consultation 1
1976-06-01  Tue  consultation             Consultation 2
1981-06-01  Mon  consultation             Consultation 3
1986-06-01  Sun  consultation             Consultation 4
1991-06-01  Sat  consultation             Consultation 5
1996-06-01  Sat  expiry                   Expiry (last day in force)
pending          milestone                The occupation may end (our reading: 10 years after the peace treaty)
                 10 years after: Germany signs a peace treaty

Expiry: 1996-06-01 (last day in force)

# ECSC: in force 23 July 1952, expired 23 July 2002.
$ treatyterm schedule --preset ecsc-1951
ECSC Treaty [ecsc-1951]
Entry into force: 1952-07-23 (Wednesday)
Term: 50 years, anniversary convention

1952-07-23  Wed  entry_into_force         Entry into force
2002-07-23  Tue  expiry                   Expiry (last day in force)

Expiry: 2002-07-23 (last day in force)

# North Atlantic Treaty: review from 1959, notice from 1969, leave from 1970.
$ treatyterm schedule --preset north-atlantic-1949
North Atlantic Treaty [north-atlantic-1949]
Entry into force: 1949-08-24 (Wednesday)
Term: indefinite

1949-08-24  Wed  entry_into_force         Entry into force
1959-08-24  Mon  review                   Review may be requested (art. 12)
1969-08-24  Sun  withdrawal_notice_opens  Withdrawal notice may be given from
1970-08-24  Mon  withdrawal_effective     Earliest withdrawal takes effect

Expiry: none (in force indefinitely)

# Warsaw Pact: 20 years, then 10 more (the 1985 protocol came before 1985-06-04).
$ treatyterm schedule --preset warsaw-pact-1955
Warsaw Pact [warsaw-pact-1955]
Entry into force: 1955-06-04 (Saturday)
Term: 20 years, anniversary convention

1955-06-04  Sat  entry_into_force         Entry into force
1974-06-04  Tue  renewal_notice_deadline  Last day to denounce before renewal 1
1975-06-05  Thu  renewal                  Renewal 1 begins
1985-06-04  Tue  expiry                   Expiry (last day in force)

Expiry: 1985-06-04 (last day in force)

# China's notice of 3 April 1979 ended the Sino-Soviet treaty on 11 April 1980.
$ treatyterm schedule --preset sino-soviet-1950 --notice-given 1979-04-03
Sino-Soviet Treaty of 1950 [sino-soviet-1950]
Entry into force: 1950-04-11 (Tuesday)
Term: 30 years, anniversary convention

1950-04-11  Tue  entry_into_force         Entry into force
1979-04-03  Tue  notice                   Notice received
1979-04-11  Wed  renewal_notice_deadline  Last day to denounce before renewal 1
1980-04-11  Fri  expiry                   Expiry after denunciation (last day in force)

Expiry: 1980-04-11 (last day in force)

# NPT: review conferences from 1975, extension conference 1995; three months'
# notice from 10 January 2003 runs to 10 April 2003.
$ treatyterm schedule --preset npt-1968 --notice-given 2003-01-10 --horizon 1996-01-01
Non-Proliferation Treaty [npt-1968]
Entry into force: 1970-03-05 (Thursday)
Term: indefinite

1970-03-05  Thu  entry_into_force         Entry into force
1970-03-05  Thu  withdrawal_notice_opens  Withdrawal notice may be given from
1975-03-05  Wed  review                   Review conference 1
1980-03-05  Wed  review                   Review conference 2
1985-03-05  Tue  review                   Review conference 3
1990-03-05  Mon  review                   Review conference 4
1995-03-05  Sun  review                   Review conference 5
1995-03-05  Sun  conference               Extension conference (art. X(2))
2003-01-10  Fri  notice                   Notice received
2003-04-10  Thu  withdrawal_effective     Withdrawal takes effect

Expiry: none (in force indefinitely)
Series without end are shown up to 1996-01-01 (change with --horizon).

# ABM: US notice 13 December 2001, withdrawal 13 June 2002.
$ treatyterm schedule --preset abm-1972 --notice-given 2001-12-13 --horizon 1990-01-01
ABM Treaty [abm-1972]
Entry into force: 1972-10-03 (Tuesday)
Bilateral: a withdrawal that takes effect ends the treaty
Term: indefinite

1972-10-03  Tue  entry_into_force         Entry into force
1972-10-03  Tue  withdrawal_notice_opens  Withdrawal notice may be given from
1977-10-03  Mon  review                   Review 1
1982-10-03  Sun  review                   Review 2
1987-10-03  Sat  review                   Review 3
2001-12-13  Thu  notice                   Notice received
2002-06-13  Thu  withdrawal_effective     Withdrawal takes effect

Ends: 2002-06-13 (the withdrawal takes effect; last day in force 2002-06-12)

# INF: US notice 2 February 2019, withdrawal 2 August 2019.
$ treatyterm schedule --preset inf-1987 --notice-given 2019-02-02
INF Treaty [inf-1987]
Entry into force: 1988-06-01 (Wednesday)
Term: indefinite

1988-06-01  Wed  entry_into_force         Entry into force
1988-06-01  Wed  withdrawal_notice_opens  Withdrawal notice may be given from
2019-02-02  Sat  notice                   Notice received
2019-08-02  Fri  withdrawal_effective     Withdrawal takes effect

Expiry: none (in force indefinitely)

# Open Skies: US withdrawal took effect on Sunday 22 November 2020, not moved.
$ treatyterm schedule --preset open-skies-1992 --notice-given 2020-05-22 --horizon 2021-01-01 --roll following
Open Skies Treaty [open-skies-1992]
Entry into force: 2002-01-01 (Tuesday)
Term: indefinite

2002-01-01  Tue  entry_into_force         Entry into force
2002-01-01  Tue  withdrawal_notice_opens  Withdrawal notice may be given from
2005-01-03  Mon  review                   Review conference 1 (moved from Sat 2005-01-01)
2010-01-01  Fri  review                   Review conference 2
2015-01-01  Thu  review                   Review conference 3
2020-01-01  Wed  review                   Review conference 4
2020-05-22  Fri  notice                   Notice received
2020-11-22  Sun  withdrawal_effective     Withdrawal takes effect

Expiry: none (in force indefinitely)
Series without end are shown up to 2021-01-01 (change with --horizon).

# New START: 10 years to 5 February 2021, extended to 5 February 2026.
$ treatyterm schedule --preset new-start-2010
New START [new-start-2010]
Entry into force: 2011-02-05 (Saturday)
Term: 10 years, anniversary convention

2011-02-05  Sat  entry_into_force         Entry into force
2011-02-05  Sat  withdrawal_notice_opens  Withdrawal notice may be given from
2011-05-05  Thu  withdrawal_effective     Earliest withdrawal takes effect
2021-02-05  Fri  expiry                   Expiry (last day in force)
2026-02-05  Thu  milestone                Expiry if extended by five years (art. XIV(2))

Expiry: 2021-02-05 (last day in force)

# The New Territories lease ended at midnight on 30 June 1997.
$ treatyterm schedule --preset hong-kong-1898
New Territories lease [hong-kong-1898]
Entry into force: 1898-07-01 (Friday)
Term: 99 years, inclusive convention

1898-07-01  Fri  entry_into_force         Entry into force
1997-06-30  Mon  expiry                   Expiry (last day in force)

Expiry: 1997-06-30 (last day in force)

$ treatyterm presets --format ini litvinov-1946
# Litvinov's proposal, memorandum to Stalin of 25 May 1946.
# Never in force: the entry into force is hypothetical.
[treaty]
id = litvinov-1946
name = Litvinov proposal (1946)
entry_into_force = 1947-09-15
term = 50y
hypothetical = yes

[consultation]
first = 25y
every = 5y
may_end = yes

[event]
# Occupation "at least until Germany signs a full-fledged peace treaty,
# and for a long time afterward": ten years is our reading of that.
name = peace-treaty
date = unknown
label = Germany signs a peace treaty

[milestone]
label = The occupation may end (our reading: 10 years after the peace treaty)
from = peace-treaty
at = 10y


$ treatyterm presets --format ini litvinov-1946 > litvinov.ini && treatyterm schedule litvinov.ini | tail -n 1
Expiry: 1997-09-15 (last day in force)

$ treatyterm presets --explain byrnes-japan-1946 ecsc-1951
byrnes-japan-1946    US draft treaty on the disarmament and demilitarization of Japan (Byrnes, 1946): 25 years
Revised US draft treaty on the disarmament and demilitarization of Japan,
released 21 June 1946: a term of 25 years.  FRUS 1946 vol. VIII.  Never in
force: the entry into force 1947-09-15 is hypothetical (the day the
1947 Paris peace treaties entered into force); replace it with
--entry-into-force.

ecsc-1951            Treaty establishing the European Coal and Steel Community: 50 years
Treaty of Paris, 18 April 1951, art. 97: concluded for a period of fifty
years from its entry into force.  In force 23 July 1952; expired 23 July 2002.

$ treatyterm presets nonesuch
2> treatyterm: unknown preset 'nonesuch' (see 'treatyterm presets')
[exit 1]

$ treatyterm presets --format ini
2> treatyterm: presets: --format ini needs the NAME of a preset
2> Try 'treatyterm presets --help' for more information.
[exit 2]

$ treatyterm presets --format xml ecsc-1951
2> treatyterm: presets: --format: expected 'list' or 'ini', not 'xml'
2> Try 'treatyterm presets --help' for more information.
[exit 2]

$ treatyterm schedule --preset nonesuch
2> treatyterm: unknown preset 'nonesuch' (see 'treatyterm presets')
[exit 1]

