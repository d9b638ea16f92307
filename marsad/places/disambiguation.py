"""Choose one gazetteer record per name hit from the document's context.

Score = a prior from the record's level and population, plus context: the countries other hits in
the document point to, the governorates (admin1) already mentioned, the level a trigger word asks
for ("محافظة X" -> admin1), and lists of governorates ("جنوب كركوك وشرق صلاح الدين وديالى" names
governorates, so كركوك is the governorate, not the city).

Names carry a weakness from the build (scripts/build_gazetteer.py): 0 a place wherever it occurs;
1 a village or neighbourhood (fires after a trigger word, a direction, inside a LOC/GPE tag, or after
a preposition when its governorate is in the text); 2 also a common word (trigger, direction or tag);
3 a curated common word such as كورونا or العاصمة (trigger or direction only); 4 an anaphor
("المملكة"), which resolves only to a country the text names or implies by a demonym, or to the
kingdom of a national outlet (marsad.places.outlet: a Saudi paper's "المملكة"). A village
written as a hashtag of its own (#الجفر) fires in a text about its country.

When the chosen record is a minor place in a country no other name points to while the text is
about another country, a place of that country whose longer name holds the name is taken instead
(الوالة in a Jordanian text -> نزهة الوالة, Madaba, not a Yemeni hamlet).
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from marsad.entities.translit import common_name_words
from marsad.places import gazetteer
from marsad.places.gazetteer import ANAPHOR, Record

_PRIOR = {"country": 10.0, "region": 8.0, "admin1": 6.0, "admin2": 4.5, "admin3": 3.5, "neighbourhood": 2.0, "site": 4.0}
# Levels a trigger word may introduce, for names that need one ("حي X" is not a village X).
_COMPATIBLE = {
    "country": {"country"},
    "admin1": {"admin1", "region"},
    "admin2": {"admin2", "admin3", "city"},
    "admin3": {"admin3", "admin2", "city"},
    "city": {"city", "admin2", "admin3"},
    "neighbourhood": {"neighbourhood"},
    "site": {"site", "city", "neighbourhood"},
}
# A national outlet's "المملكة" is its own kingdom unless the text names another kingdom at least
# three times more often than its own (each name +2): a Saudi paper's "سفارة المملكة لدى قطر" beside
# "المغرب" twice is Saudi Arabia; Al-Weeam's "الشؤون الداخلية للمملكة" beside البحرين ×12 is Bahrain.
_HOME_KINGDOM = 6.0
METROPOLIS = 1_000_000  # people: a city this large is the place even where the tagger reads a person
# Directions say "a place follows"; "near" or "around" (محيط, قرب) are ordinary nouns too.
DIRECTIONS = frozenset(("north", "south", "east", "west", "central", "northeast", "northwest", "southeast", "southwest"))


@dataclass(slots=True)
class Occurrence:
    """One place-name hit in the text with what surrounds it."""

    start: int  # offsets in the original text
    end: int
    sentence: int
    candidates: list[tuple[int, int]]  # (record index, weakness 0..4)
    trigger: str | None = None  # level asked for by a trigger word ("any" for منطقة)
    prep: bool = False  # after a preposition (في, بـ, لـ ...)
    joined: bool = False  # written with و ("أبوظبي والعين")
    qualifiers: list[str] = field(default_factory=list)
    tagged: bool = False  # inside a LOC/GPE/FAC span of the entity tagger
    adjectival: bool = False  # "الاستخبارات الغربية": an ال-nisba after a definite noun
    person: bool = False  # inside a PER span of the entity tagger
    whole: frozenset[int] = frozenset()  # records named by the whole hit ("منطقة الرياض") when its tail is a name too
    context_only: bool = False  # inside a topic hashtag (#امطار_الكويت): votes for its country, is no mention
    key: str = ""  # the normalised gazetteer key that matched
    hashtag: bool = False  # written as a hashtag of its own (#الوالة): the post says it is about it
    fired: list[int] = field(default_factory=list)
    choice: int | None = None


def prior(rec: Record) -> float:
    if rec.level == "city":
        return 3.0 + 0.5 * min(math.log10(rec.population + 1), 7.0) + (1.0 if rec.population >= 300_000 else 0.0)
    if rec.level == "site" and rec.id.startswith("cur:"):
        return 8.0
    return _PRIOR.get(rec.level, 2.0)


def _fires(occ: Occurrence, rec: Record, weakness: int, countries: Counter, home: str | None = None) -> bool:
    if occ.context_only:
        return not weakness  # a hashtag has no trigger or preposition to license a weak name
    if weakness == ANAPHOR:
        # "المملكة" is a kingdom the text names, or a national outlet's own (a Saudi paper's "المملكة")
        return countries[rec.country] > 0 or rec.country == home
    if occ.adjectival and rec.level != "country":
        # "المدينة الجنوبية", "مدينة عصرية": an adjective, whatever noun precedes it
        return weakness <= 2 and (occ.tagged or bool(DIRECTIONS.intersection(occ.qualifiers)))
    if not weakness:
        return True
    if occ.trigger and occ.trigger != "any" and rec.level in _COMPATIBLE.get(occ.trigger, ()):
        return True
    if occ.trigger == "any" and countries[rec.country] > 0:
        return True  # "منطقة X" in a text about X's country
    if occ.hashtag and weakness == 1 and countries[rec.country] > 0:
        return True  # "#الجفر #الوالة" in a post about their country: tagged as topics, like "منطقة X"
    if DIRECTIONS.intersection(occ.qualifiers):
        return True
    if weakness <= 2 and occ.tagged:
        return True
    if weakness == 2 and (occ.prep or occ.joined) and rec.level == "city" and rec.major and countries[rec.country] > 0:
        # a big city named like a common word, in a text about its country: "حادث مروري في العين",
        # "أبوظبي والعين ودبي" (elsewhere "إصابة في العين" is the eye)
        return True
    return weakness <= 2 and occ.prep and rec.level in ("country", "admin1", "region")


def _anchors(occs: list[Occurrence], records: list[Record]) -> tuple[Counter, set, dict]:
    """Countries and governorates the fired hits point to unambiguously."""
    countries: Counter = Counter()
    admin1s: set = set()
    own: dict[int, set] = {}
    for n, occ in enumerate(occs):
        cs = {records[i].country for i in occ.fired} - {None}
        if len(cs) == 1:
            countries.update(cs)
            own[n] = cs
        a1 = {(records[i].country, records[i].admin1) for i in occ.fired}
        if len(a1) == 1 and None not in next(iter(a1)):
            admin1s.add(next(iter(a1)))
    return countries, admin1s, own


def _admin1_only(occ: Occurrence, records: list[Record], country: str | None) -> bool:
    recs = [records[i] for i in occ.fired if records[i].country == country]
    return any(r.level == "admin1" for r in recs) and not any(
        r.level == "city" and r.population >= 100_000 for r in recs)


def resolve(occs: list[Occurrence], records: list[Record], demonym_countries: Counter | None = None,
            home: str | None = None) -> None:
    """Set `fired` and `choice` on every occurrence (choice None = not a place here).

    `demonym_countries` (ISO2 counts of أردني, الكويتية ... in the text) add a weaker country vote;
    `home` (ISO2 of a national outlet, see marsad.places.outlet) a still weaker one, for names the
    text gives no country to, and the kingdom of a bare "المملكة".
    """
    demonym_countries = demonym_countries or Counter()
    for occ in occs:
        occ.fired = [i for i, w in occ.candidates if not w]
    countries, admin1s, _ = _anchors(occs, records)
    # "منطقة X" fires in a text about X's country, named or implied by a demonym (الحكومة الأردنية)
    text_countries = countries + demonym_countries
    for occ in occs:
        occ.fired = [i for i, w in occ.candidates if _fires(occ, records[i], w, text_countries, home)]
    countries, admin1s, _ = _anchors(occs, records)
    # villages after a preposition fire when their governorate is named elsewhere in the text
    for occ in occs:
        if not occ.fired and occ.prep:
            occ.fired = [i for i, w in occ.candidates if w == 1 and (records[i].country, records[i].admin1) in admin1s]
    countries, admin1s, own = _anchors(occs, records)

    # sentences naming governorates that are not also big cities (ديالى, الأنبار): a list of
    # governorates, in which كركوك or كربلاء is the governorate too
    admin1_sents: Counter = Counter()
    for occ in occs:
        for c in {records[i].country for i in occ.fired if records[i].level == "admin1"}:
            if _admin1_only(occ, records, c):
                admin1_sents[(occ.sentence, c)] += 1

    def listed(occ: Occurrence, rec: Record) -> bool:
        others = admin1_sents[(occ.sentence, rec.country)] - _admin1_only(occ, records, rec.country)
        return rec.level == "admin1" and others > 0

    for n, occ in enumerate(occs):
        if not occ.fired and (occ.trigger == "any" or occ.hashtag) and countries and not occ.person \
                and all(w <= 2 for _, w in occ.candidates):
            # "منطقة الوالة" in a text about Jordan, where the gazetteer's only الوالة is a Yemeni hamlet
            # (not for a curated common word: "منطقة الشمال" is the north, whatever the text is about)
            occ.choice = _namesake_at_home(occ, records, countries)
            continue
        if occ.person and not (occ.trigger or occ.qualifiers or any(listed(occ, records[i]) for i in occ.fired)
                               or ((occ.prep or _no_given_name(occ.key))
                                   and any(_metropolis(records[i]) for i in occ.fired))):
            # a name the tagger reads as a person (صلاح الدين) is a place only with a direction,
            # a trigger word, in a list of governorates, or when it is a city of a million after a
            # preposition ("إلى أبو ظبي": the tagger took أبو for a person's name) or with a name of
            # two words or more none of which is a given name ("قالت بيونغ يانغ إن", the government)
            occ.choice = None
            continue
        best, best_key = None, None
        mine = own.get(n, set())
        contested = len({records[i].country for i in occ.fired
                         if countries[records[i].country] - (records[i].country in mine) > 0}) > 1
        for i in occ.fired:
            rec = records[i]
            s = prior(rec)
            other_votes = countries[rec.country] - (1 if rec.country in own.get(n, ()) else 0)
            if rec.country and other_votes > 0:
                # enough for Amman (with الأردن in the text) to beat Oman; a weak name (Rome,
                # Georgia) does not outweigh a far bigger namesake (Rome) on country alone
                s += 1.5 if dict(occ.candidates).get(i) else 4.0
                if contested:
                    # between namesakes in two countries the text points to, the one it names more often
                    s += 0.5 * min(other_votes - 1, 3)
            elif rec.country and demonym_countries[rec.country]:
                s += 1.0 if dict(occ.candidates).get(i) else 2.5  # "الحكومة الأردنية" says less than "الأردن"
            elif rec.country and rec.country == home:
                # a Saudi paper's bare namesake is more likely Saudi; weaker than any word of the text
                s += 0.5 if dict(occ.candidates).get(i) else 1.5
            if dict(occ.candidates).get(i) == ANAPHOR:
                s += 2.0 * other_votes  # "المملكة": the kingdom the text names most
                if rec.country == home:
                    s += _HOME_KINGDOM
            if rec.level != "admin1" and (rec.country, rec.admin1) in admin1s:
                s += 1.5
            if occ.trigger and rec.level in _COMPATIBLE.get(occ.trigger, ()):
                s += 3.0
            if i in occ.whole:
                s += 2.0  # "منطقة الرياض" names the region itself, not only the city inside it
            if listed(occ, rec):
                s += 3.0  # listed with other governorates of the same country
            key = (s, rec.population, rec.id)
            if best_key is None or key > best_key:
                best, best_key = i, key
        occ.choice = best
        if best is not None and not records[best].major:
            # a village in a country no other name in the text points to, while the text is about another
            votes = countries + demonym_countries
            for c in own.get(n, ()):
                votes[c] -= 1
            votes = +votes
            if votes and not votes[records[best].country]:
                home = _namesake_at_home(occ, records, votes)
                occ.choice = best if home is None else home


def _metropolis(rec) -> bool:
    return rec.level == "city" and rec.population >= METROPOLIS


def _no_given_name(key: str) -> bool:
    """A name of two words or more with no common given name in it: "بيونغ يانغ", not "أبو ظبي"."""
    words = key.split()
    return len(words) > 1 and not any(w in common_name_words() for w in words)


def _namesake_at_home(occ: Occurrence, records: list[Record], votes: Counter) -> int | None:
    """A place in the country the text is about whose longer name holds this one (الوالة -> نزهة الوالة).

    Used when the only records of the name are minor places in countries the text never mentions:
    the text's own country more likely names the place after the same wadi, dam or farms.
    """
    home = [i for i in gazetteer.containing().get(occ.key, ()) if votes[records[i].country]]
    if not home:
        return None
    return max(home, key=lambda i: (votes[records[i].country], prior(records[i]), records[i].population, records[i].id))
