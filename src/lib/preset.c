/*
 * preset.c -- the built-in treaties and proposals.
 *
 * Each preset is a spec file compiled in, so that "presets --format ini"
 * prints exactly what is parsed, and a user can start from it.  The
 * sources behind each clause are in doc/treaties.md; the historical dates
 * each preset must reproduce are pinned in tests/cli/presets.t.
 */
#include <config.h>

#include <string.h>

#include "internal.h"

/* The 1946 drafts never entered into force.  All three presets assume the
 * same day, so that they compare on the same footing: 15 September 1947,
 * the day the Paris peace treaties of 1947 entered into force, the
 * settlement these disarmament treaties were proposed alongside. */
#define HYPOTHETICAL_1946 "1947-09-15"

static const tt_preset presets[] = {
	{
		"byrnes-germany-1946",
		"US draft treaty on the disarmament and demilitarization of "
		"Germany (Byrnes, 1946): 25 years",
		"Draft treaty circulated by US Secretary of State J. F. Byrnes "
		"at the Council of\n"
		"Foreign Ministers, Paris, 29-30 April 1946 (C.F.M.(46)21): a "
		"term of 25 years.\n"
		"FRUS 1946 vol. II doc. 81; Time, 13 May 1946.  Never in "
		"force: the entry into\n"
		"force " HYPOTHETICAL_1946 " is hypothetical (the day the 1947 "
		"Paris peace treaties\n"
		"entered into force); replace it with --entry-into-force.\n",
		true,
		"# US draft treaty on the disarmament and demilitarization of "
		"Germany, 1946.\n"
		"# Never in force: the entry into force is hypothetical.\n"
		"[treaty]\n"
		"id = byrnes-germany-1946\n"
		"name = Byrnes draft, Germany (1946)\n"
		"entry_into_force = " HYPOTHETICAL_1946 "\n"
		"term = 25y\n"
		"hypothetical = yes\n"
		"\n"
		"# Art. III: Germany's acceptance of articles I and II is the "
		"condition\n"
		"# for ending the occupation.\n"
		"[event]\n"
		"name = germany-accepts\n"
		"date = unknown\n"
		"label = Germany accepts articles I and II\n"
		"\n"
		"[milestone]\n"
		"label = The occupation may end (art. III)\n"
		"from = germany-accepts\n"
		"at = 0d\n"
		"article = draft art. III\n"
	},
	{
		"byrnes-japan-1946",
		"US draft treaty on the disarmament and demilitarization of "
		"Japan (Byrnes, 1946): 25 years",
		"Revised US draft treaty on the disarmament and "
		"demilitarization of Japan,\n"
		"released 21 June 1946: a term of 25 years.  FRUS 1946 vol. "
		"VIII.  Never in\n"
		"force: the entry into force " HYPOTHETICAL_1946 " is "
		"hypothetical (the day the\n"
		"1947 Paris peace treaties entered into force); replace it "
		"with\n"
		"--entry-into-force.\n",
		true,
		"# US draft treaty on the disarmament and demilitarization of "
		"Japan, 1946.\n"
		"# Never in force: the entry into force is hypothetical.\n"
		"[treaty]\n"
		"id = byrnes-japan-1946\n"
		"name = Byrnes draft, Japan (1946)\n"
		"entry_into_force = " HYPOTHETICAL_1946 "\n"
		"term = 25y\n"
		"hypothetical = yes\n"
		"\n"
		"# As in the German draft, Japan's acceptance of the "
		"disarmament\n"
		"# articles is the condition for ending the occupation.\n"
		"[event]\n"
		"name = japan-accepts\n"
		"date = unknown\n"
		"label = Japan accepts articles I and II\n"
		"\n"
		"[milestone]\n"
		"label = The occupation may end (art. III)\n"
		"from = japan-accepts\n"
		"at = 0d\n"
		"article = draft art. III\n"
	},
	{
		"litvinov-1946",
		"Litvinov's counter-proposal (memorandum to Stalin, 25 May "
		"1946): 50 years, consultations every 5 years after year 25",
		"M. Litvinov, memorandum to J. V. Stalin, 25 May 1946, "
		"\"Comments on the\n"
		"American 'Draft Treaties'\": \"The effective term of the "
		"agreement should run\n"
		"50 years instead of 25 years, with the provision that after "
		"25 years the\n"
		"treaty powers should consult with one another every five "
		"years\".  Wilson\n"
		"Center Digital Archive, document 111004.  Never in force: the "
		"entry into\n"
		"force " HYPOTHETICAL_1946 " is hypothetical (the day the 1947 "
		"Paris peace treaties\n"
		"entered into force); replace it with --entry-into-force.\n",
		true,
		"# Litvinov's proposal, memorandum to Stalin of 25 May 1946.\n"
		"# Never in force: the entry into force is hypothetical.\n"
		"[treaty]\n"
		"id = litvinov-1946\n"
		"name = Litvinov proposal (1946)\n"
		"entry_into_force = " HYPOTHETICAL_1946 "\n"
		"term = 50y\n"
		"hypothetical = yes\n"
		"\n"
		"[consultation]\n"
		"first = 25y\n"
		"every = 5y\n"
		"may_end = yes\n"
		"\n"
		"[event]\n"
		"# Occupation \"at least until Germany signs a full-fledged "
		"peace treaty,\n"
		"# and for a long time afterward\": ten years is our reading "
		"of that.\n"
		"name = peace-treaty\n"
		"date = unknown\n"
		"label = Germany signs a peace treaty\n"
		"\n"
		"[milestone]\n"
		"label = The occupation may end (our reading: 10 years after "
		"the peace treaty)\n"
		"from = peace-treaty\n"
		"at = 10y\n"
	},
	{
		"ecsc-1951",
		"Treaty establishing the European Coal and Steel Community: "
		"50 years",
		"Treaty of Paris, 18 April 1951, art. 97: concluded for a "
		"period of fifty\n"
		"years from its entry into force.  In force 23 July 1952; "
		"expired 23 July 2002.\n",
		false,
		"[treaty]\n"
		"id = ecsc-1951\n"
		"name = ECSC Treaty\n"
		"entry_into_force = 1952-07-23\n"
		"term = 50y\n"
	},
	{
		"north-atlantic-1949",
		"North Atlantic Treaty: review on request after 10 years, "
		"withdrawal after 20 years on one year's notice",
		"North Atlantic Treaty, Washington, 4 April 1949, in force 24 "
		"August 1949.\n"
		"Art. 12: after ten years in force, or at any time "
		"thereafter, review on request.\n"
		"Art. 13: after twenty years in force, a party may cease to "
		"be a party one year\n"
		"after its notice of denunciation to the United States "
		"government.\n",
		false,
		"[treaty]\n"
		"id = north-atlantic-1949\n"
		"name = North Atlantic Treaty\n"
		"entry_into_force = 1949-08-24\n"
		"term = indefinite\n"
		"\n"
		"[review]\n"
		"first = 10y\n"
		"label = Review may be requested (art. 12)\n"
		"\n"
		"[withdrawal]\n"
		"opens = 20y\n"
		"notice = 1y\n"
	},
	{
		"warsaw-pact-1955",
		"Warsaw Pact: 20 years, then 10 more for parties that did not "
		"denounce one year before expiry",
		"Treaty of Friendship, Co-operation and Mutual Assistance, "
		"Warsaw, 14 May 1955,\n"
		"in force 4 June 1955 (some sources: 5 June).  Art. 11: in "
		"force for twenty years;\n"
		"for parties that do not denounce it at least one year before "
		"the period ends,\n"
		"in force for the next ten years.  (Extended again by the "
		"protocol of 26 April\n"
		"1985; dissolved 1 July 1991.)\n",
		false,
		"[treaty]\n"
		"id = warsaw-pact-1955\n"
		"name = Warsaw Pact\n"
		"entry_into_force = 1955-06-04\n"
		"term = 20y\n"
		"\n"
		"[renewal]\n"
		"period = 10y\n"
		"notice = 1y\n"
		"times = 1\n"
	},
	{
		"sino-soviet-1950",
		"Sino-Soviet Treaty of Friendship, Alliance and Mutual "
		"Assistance: 30 years, then 5-year periods",
		"Treaty of 14 February 1950, in force 11 April 1950.  Art. 6: "
		"valid for thirty\n"
		"years; unless a party gives notice one year before expiry, "
		"it remains in force\n"
		"for five more years, and so on.  China gave notice on 3 "
		"April 1979; the treaty\n"
		"expired on 11 April 1980.\n",
		false,
		"[treaty]\n"
		"id = sino-soviet-1950\n"
		"name = Sino-Soviet Treaty of 1950\n"
		"entry_into_force = 1950-04-11\n"
		"term = 30y\n"
		"\n"
		"[renewal]\n"
		"period = 5y\n"
		"notice = 1y\n"
		"times = unlimited\n"
	},
	{
		"npt-1968",
		"Treaty on the Non-Proliferation of Nuclear Weapons: review "
		"conferences, extension conference at 25 years, 3 months' "
		"notice",
		"NPT, 1 July 1968, in force 5 March 1970.  Art. VIII(3): "
		"review conference five\n"
		"years after entry into force, then at intervals of five "
		"years.  Art. X(1):\n"
		"withdrawal on three months' notice.  Art. X(2): a conference "
		"25 years after\n"
		"entry into force decides on extension (1995: extended "
		"indefinitely).\n",
		false,
		"[treaty]\n"
		"id = npt-1968\n"
		"name = Non-Proliferation Treaty\n"
		"entry_into_force = 1970-03-05\n"
		"term = indefinite\n"
		"\n"
		"[review]\n"
		"first = 5y\n"
		"every = 5y\n"
		"label = Review conference\n"
		"\n"
		"[conference]\n"
		"at = 25y\n"
		"label = Extension conference (art. X(2))\n"
		"\n"
		"[withdrawal]\n"
		"notice = 3m\n"
	},
	{
		"abm-1972",
		"Anti-Ballistic Missile Treaty: reviews every 5 years, six "
		"months' notice",
		"ABM Treaty, 26 May 1972, in force 3 October 1972, of "
		"unlimited duration.\n"
		"Art. XIV(2): review five years after entry into force and "
		"every five years\n"
		"thereafter.  Art. XV(2): withdrawal on six months' notice.  "
		"The United States\n"
		"gave notice on 13 December 2001; withdrawal took effect on 13 "
		"June 2002.\n",
		false,
		"[treaty]\n"
		"id = abm-1972\n"
		"name = ABM Treaty\n"
		"entry_into_force = 1972-10-03\n"
		"term = indefinite\n"
		"\n"
		"bilateral = yes\n"
		"\n"
		"[review]\n"
		"first = 5y\n"
		"every = 5y\n"
		"\n"
		"[withdrawal]\n"
		"notice = 6m\n"
		"article = art. XV(2)\n"
	},
	{
		"inf-1987",
		"Intermediate-Range Nuclear Forces Treaty: six months' notice",
		"INF Treaty, 8 December 1987, in force 1 June 1988, of "
		"unlimited duration.\n"
		"Art. XV(2): withdrawal on six months' notice.  The United "
		"States gave notice on\n"
		"2 February 2019; withdrawal took effect on 2 August 2019.\n",
		false,
		"[treaty]\n"
		"id = inf-1987\n"
		"name = INF Treaty\n"
		"entry_into_force = 1988-06-01\n"
		"term = indefinite\n"
		"\n"
		"[withdrawal]\n"
		"notice = 6m\n"
	},
	{
		"open-skies-1992",
		"Treaty on Open Skies: review conferences, six months' notice",
		"Treaty on Open Skies, 24 March 1992, in force 1 January "
		"2002, of unlimited\n"
		"duration.  Art. XVI: review conference within three years of "
		"entry into force,\n"
		"then every five years.  Art. XV(2): withdrawal on six months' "
		"notice.  The\n"
		"United States gave notice on 22 May 2020; withdrawal took "
		"effect on Sunday\n"
		"22 November 2020.\n",
		false,
		"[treaty]\n"
		"id = open-skies-1992\n"
		"name = Open Skies Treaty\n"
		"entry_into_force = 2002-01-01\n"
		"term = indefinite\n"
		"\n"
		"[review]\n"
		"first = 3y\n"
		"every = 5y\n"
		"label = Review conference\n"
		"\n"
		"[withdrawal]\n"
		"notice = 6m\n"
	},
	{
		"new-start-2010",
		"New START: 10 years, extendable by up to 5 years",
		"Treaty on Measures for the Further Reduction and Limitation "
		"of Strategic\n"
		"Offensive Arms, Prague, 8 April 2010, in force 5 February "
		"2011.  Art. XIV(2):\n"
		"in force for ten years, extendable by agreement for up to "
		"five years.  Extended\n"
		"in 2021 until 5 February 2026.\n",
		false,
		"[treaty]\n"
		"id = new-start-2010\n"
		"name = New START\n"
		"entry_into_force = 2011-02-05\n"
		"term = 10y\n"
		"\n"
		"[milestone]\n"
		"label = Expiry if extended by five years (art. XIV(2))\n"
		"at = 15y\n"
		"\n"
		"[withdrawal]\n"
		"notice = 3m\n"
	},
	{
		"hong-kong-1898",
		"Convention for the Extension of Hong Kong Territory: 99 "
		"years, start day counted",
		"Convention between the United Kingdom and China, Peking, 9 "
		"June 1898: the New\n"
		"Territories leased for 99 years from 1 July 1898.  The lease "
		"ended at midnight\n"
		"on 30 June 1997: the first day counts (inclusive "
		"convention).\n",
		false,
		"[treaty]\n"
		"id = hong-kong-1898\n"
		"name = New Territories lease\n"
		"entry_into_force = 1898-07-01\n"
		"term = 99y\n"
		"convention = inclusive\n"
	},
	{
		"unesco-1945",
		"UNESCO Constitution: withdrawal on 31 December of the year "
		"after the notice",
		"Constitution of UNESCO, London, 16 November 1945, in force 4 "
		"November 1946.\n"
		"Art. II(6) (added in 1954): notice \"shall take effect on 31 "
		"December of the\n"
		"year following that during which the notice was given\".  "
		"United States: notice\n"
		"28 December 1983, effective 31 December 1984; notice 12 "
		"October 2017,\n"
		"effective 31 December 2018.\n",
		false,
		"[treaty]\n"
		"id = unesco-1945\n"
		"name = UNESCO Constitution\n"
		"entry_into_force = 1946-11-04\n"
		"term = indefinite\n"
		"\n"
		"[withdrawal]\n"
		"notice = 1y\n"
		"rule = end-of-year\n"
		"article = UNESCO Constitution art. II(6)\n"
		"\n"
		"[notice]\n"
		"received = 2017-10-12\n"
		"party = United States\n"
	},
	{
		"istanbul-2011",
		"Istanbul Convention (CETS 210): three months' notice, the "
		"first of the next month",
		"Council of Europe Convention on preventing and combating "
		"violence against women\n"
		"and domestic violence, Istanbul, 11 May 2011, in force 1 "
		"August 2014.  Art.\n"
		"80(2): denunciation takes effect on \"the first day of the "
		"month following the\n"
		"expiration of a period of three months after the date of "
		"receipt\".  Turkey:\n"
		"notice 22 March 2021, effective 1 July 2021.\n",
		false,
		"[treaty]\n"
		"id = istanbul-2011\n"
		"name = Istanbul Convention\n"
		"entry_into_force = 2014-08-01\n"
		"term = indefinite\n"
		"\n"
		"[withdrawal]\n"
		"notice = 3m\n"
		"rule = first-of-next-month\n"
		"article = CETS 210 art. 80(2)\n"
		"\n"
		"[notice]\n"
		"received = 2021-03-22\n"
		"party = Turkey\n"
	},
	{
		"icsid-1965",
		"ICSID Convention: six months' notice, dated the day after",
		"Convention on the Settlement of Investment Disputes, "
		"Washington, 18 March\n"
		"1965, in force 14 October 1966.  Art. 71: \"The denunciation "
		"shall take effect\n"
		"six months after receipt of such notice\"; the World Bank, "
		"its depositary,\n"
		"dates it the day after the six months.  Bolivia: notice 2 May "
		"2007, effective\n"
		"3 November 2007.\n",
		false,
		"[treaty]\n"
		"id = icsid-1965\n"
		"name = ICSID Convention\n"
		"entry_into_force = 1966-10-14\n"
		"term = indefinite\n"
		"\n"
		"[withdrawal]\n"
		"notice = 6m\n"
		"rule = day-after\n"
		"readings = same-date\n"
		"article = ICSID Convention art. 71\n"
		"\n"
		"[notice]\n"
		"received = 2007-05-02\n"
		"party = Bolivia\n"
	},
	{
		"energy-charter-1994",
		"Energy Charter Treaty: a year's notice, dated the day after",
		"Energy Charter Treaty, Lisbon, 17 December 1994, in force 16 "
		"April 1998.  Art.\n"
		"47: notice after five years; effect \"upon the expiry of one "
		"year after the\n"
		"date of the receipt\", which Portugal, the depositary, dates "
		"the day after.\n"
		"France: notice 7 December 2022, effective 8 December 2023.\n",
		false,
		"[treaty]\n"
		"id = energy-charter-1994\n"
		"name = Energy Charter Treaty\n"
		"entry_into_force = 1998-04-16\n"
		"term = indefinite\n"
		"\n"
		"[withdrawal]\n"
		"opens = 5y\n"
		"notice = 1y\n"
		"rule = day-after\n"
		"readings = same-date\n"
		"article = ECT art. 47\n"
		"\n"
		"[notice]\n"
		"received = 2022-12-07\n"
		"party = France\n"
	},
	{
		"panama-canal-1977",
		"Panama Canal Treaty: in force six months after the exchange, "
		"ends 31 December 1999",
		"Panama Canal Treaty, Washington, 7 September 1977.  Art. II: "
		"in force six\n"
		"calendar months from the exchange of ratifications (effective "
		"1 April 1979 by the\n"
		"Protocol of Exchange of 16 June 1978), so 1 October 1979; "
		"\"shall terminate at\n"
		"noon, Panama time, December 31, 1999\".\n",
		false,
		"[treaty]\n"
		"id = panama-canal-1977\n"
		"name = Panama Canal Treaty\n"
		"entry_into_force = 1979-10-01\n"
		"ends = 1999-12-31\n"
		"bilateral = yes\n"
		"article = art. II(2)\n"
		"\n"
		"[event]\n"
		"name = exchange\n"
		"date = 1979-04-01\n"
		"label = exchange of ratifications\n"
		"\n"
		"[milestone]\n"
		"label = Six calendar months after the exchange (art. II(1))\n"
		"from = exchange\n"
		"at = 6m\n"
		"article = art. II(1)\n"
	},
	{
		"montreux-1936",
		"Montreux Convention: twenty years, then two years after a "
		"denunciation",
		"Convention regarding the Regime of the Straits, Montreux, 20 "
		"July 1936, in\n"
		"force 9 November 1936.  Art. 28: in force for twenty years; a "
		"denunciation\n"
		"takes effect two years after notice, not before the twenty "
		"years end, and\n"
		"ends the Convention for every party.  No notice has been "
		"given.\n",
		false,
		"[treaty]\n"
		"id = montreux-1936\n"
		"name = Montreux Convention\n"
		"entry_into_force = 1936-11-09\n"
		"term = indefinite\n"
		"bilateral = yes\n"
		"\n"
		"[withdrawal]\n"
		"notice = 2y\n"
		"not_before = 20y\n"
		"article = Montreux Convention art. 28\n"
	},
	{
		"mlc-2006",
		"Maritime Labour Convention 2006: denunciation only in the year "
		"after each ten years",
		"Maritime Labour Convention, Geneva, 23 February 2006, in "
		"force 20 August 2013.\n"
		"Art. IX: denunciation within the year following each period "
		"of ten years from\n"
		"entry into force, effective one year after registration.\n",
		false,
		"[treaty]\n"
		"id = mlc-2006\n"
		"name = Maritime Labour Convention, 2006\n"
		"entry_into_force = 2013-08-20\n"
		"term = indefinite\n"
		"horizon = 2054-01-01\n"
		"\n"
		"[withdrawal]\n"
		"opens = 10y\n"
		"window = 1y\n"
		"every = 10y\n"
		"notice = 1y\n"
		"article = MLC 2006 art. IX\n"
	},
};

size_t
tt_preset_count(void)
{
	return TTP_ARRAY_SIZE(presets);
}

const tt_preset *
tt_preset_at(size_t i)
{
	return i < TTP_ARRAY_SIZE(presets) ? &presets[i] : NULL;
}

const tt_preset *
tt_preset_find(const char *name)
{
	for (size_t i = 0; i < TTP_ARRAY_SIZE(presets); i++)
		if (strcmp(presets[i].name, name) == 0)
			return &presets[i];
	return NULL;
}

tt_status
tt_preset_load(const tt_preset *p, tt_spec *spec, tt_error *err)
{
	return tt_spec_parse(spec, p->text, strlen(p->text), err);
}
