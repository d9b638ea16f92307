"""Places stage: find place names in the text, resolve them in the gazetteer, collect demonyms.

`Geoparser` fills `doc.places` (one Place per distinct location, with every mention, qualifiers
such as "south" from "جنوب كركوك", country, admin1 and coordinates) and `doc.demonyms`
((start, end, ISO3) for أمريكي, العراقية ... which are affiliations, not places).
"""
from __future__ import annotations

from collections import Counter

from marsad.document import Document, Mention, Place
from marsad.places import clubs, demonyms, gazetteer, matching
from marsad.places.disambiguation import Occurrence, resolve
from marsad.places.outlet import outlet_country
from marsad.text.normalize import normalize

__all__ = ["Geoparser", "geoparse", "resolve_span"]

# Schema v1 levels are country|admin1|admin2|city|site|region: an Iraqi sub-district (nahiya) is
# named after and centred on its town; a neighbourhood is a site within a city.
_SCHEMA_LEVEL = {"admin3": "city", "neighbourhood": "site"}

# Trigger words that begin a gazetteer name itself ("محافظة ديالى"), with the level they ask for.
_TRIGGER_LEVELS = {k: v for k, v in gazetteer.triggers().items() if v not in ("any", "prep")}

# Levels a club's name does not hide ("اتحاد المغرب العربي" is the region).
_CLUB_PROOF = frozenset(("country", "region"))

_TANWIN = frozenset("\u064b\u064c\u064d")

# Entity-tagger types whose spans hold places, and those that veto a place inside them.
_PLACE_TYPES = frozenset(("LOC", "GPE", "FAC"))
# Words before a name that make it part of a person's name (بن سلمان, أبو ظبي is a gazetteer key).
_NAME_LINKS = frozenset(normalize(w) for w in ("بن", "ابن", "بنت", "أبو", "أبي", "أم", "آل"))


def _spans(doc: Document) -> list[tuple[int, int, str]]:
    spans = list(doc.entity_spans)
    for e in doc.entities:
        spans.extend((m.start, m.end, e.type) for m in e.mentions)
    return spans


def _adjectival(hit: matching.Hit, prev: list[str]) -> bool:
    """A one-word adjective agreeing with the noun before it: "المدينة الجنوبية", "مدينة عصرية"."""
    if hit.prefix or " " in hit.key or not prev:
        return False
    if hit.key.startswith("ال") and prev[0].startswith("ال"):
        # "اللون الرمادي", "الوجبة الدسمة": a definite nisba or feminine after a definite noun
        return hit.key.endswith(("يه", "ي")) or (hit.key.endswith("ه") and prev[0].endswith("ه"))
    # "مدينة عصرية", "مناطق أثرية": an indefinite nisba after an indefinite noun. A definite name after
    # a place word or a preposition is a construct or an object ("منطقة الصباحية", "في الإسكندرية"),
    # not an adjective; after another noun it still is one, or a nisba surname ("ليلى العامرية").
    if not hit.key.endswith("يه") or prev[0].startswith("ال"):
        return False
    trigs = gazetteer.triggers()
    return not (hit.key.startswith("ال") and any(w in trigs for w in matching.strip_clitics(prev[0])))


def _in_compound_hashtag(text: str, start: int, end: int) -> bool:
    """A name inside a topic hashtag like #سيول_الكويت tags the post; it is not a mention."""
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    chunk = text[left:right]
    return chunk.startswith("#") and "_" in chunk.strip("_") and "_" in (text[left:start] + text[end:right])


def _context(occ: Occurrence, norm: str, hit: matching.Hit) -> None:
    """Trigger word, preposition and qualifiers before a hit."""
    quals = gazetteer.qualifiers()
    trigs = gazetteer.triggers()
    occ.prep = bool(hit.prefix) and hit.prefix[-1] in "بل"  # ك is "like", not "in" or "to"
    occ.joined = hit.prefix == "و"
    if hit.prefix:
        return  # "المنطقة لتوتر": a trigger or qualifier is followed by the bare name
    words = matching.previous_words(norm, hit.start, 4)
    definite = hit.key.startswith("ال")

    def qualifier_at(i: int) -> tuple[str | None, int]:
        # "الوسط" or "الضواحي" with the article describe a noun; only bare جنوب, شمال ... qualify
        if i + 1 < len(words):
            for w in matching.strip_clitics(words[i + 1]):
                q = quals.get(w + " " + words[i])
                if q:
                    return q, i + 2
        if i < len(words):
            for w in matching.strip_clitics(words[i]):
                if w in quals:
                    return quals[w], i + 1
        return None, i

    def trigger_at(i: int) -> str | None:
        if i < len(words):
            # "المنطقة الشرقية" agrees in definiteness; "المنطقة توتر" is not a trigger + name
            for w in matching.strip_clitics(words[i], article=definite):
                if w in trigs:
                    return trigs[w]
        return None

    q, nxt = qualifier_at(0)
    if q:
        occ.qualifiers.append(q)
        t = trigger_at(nxt)
    else:
        t = trigger_at(0)
        if t and t != "prep":
            q, _ = qualifier_at(1)
            if q:
                occ.qualifiers.append(q)
    if t == "prep":
        occ.prep = True
    elif t:
        occ.trigger = t


def find_occurrences(doc: Document) -> tuple[list[Occurrence], list[tuple[int, int, str]]]:
    """Place-name occurrences with their context (unresolved), and demonym hits."""
    gz = gazetteer.load()
    forms = demonyms.forms()
    norm, offsets = matching.match_text(doc.text)
    spans = _spans(doc)
    occs: list[Occurrence] = []
    dems: list[tuple[int, int, str]] = []
    hits = matching.find(norm)
    for n, hit in enumerate(hits):
        start, end = offsets[hit.start], offsets[hit.end - 1] + 1
        if matching.BLOCK in hit.kinds:
            continue
        if matching.PLACE not in hit.kinds:
            dems.append((start, end, forms[hit.key]))
            continue
        if _TANWIN.intersection(doc.text[start:end + 1]):
            continue  # tanwin marks a common noun or adverb (دوماً "always", تامًا), never a place name
        # "#امطار_الكويت" is not a mention, but it says which country the post is about
        context_only = _in_compound_hashtag(doc.text, start, end)
        cands = gz.keys[hit.key]
        first, _, rest = hit.key.partition(" ")
        whole: frozenset[int] = frozenset()
        facility = _TRIGGER_LEVELS.get(first) == "site" and any(gz.records[i].level == "site" for i, _ in cands)
        if first in _TRIGGER_LEVELS and rest in gz.keys and not facility:
            # "مدينة الرياض" is a site in Abu Dhabi's gazetteer and, first, the city الرياض; but a known
            # facility is that facility ("مطار الكويت" is the airport, not Kuwait)
            whole = frozenset(i for i, _ in cands)
            cands = cands + [c for c in gz.keys[rest] if c not in cands]
        over = [t for s, e, t in spans if s < end and start < e]
        if "ORG" in over and "PER" not in over:
            # an organisation named after a place (فيلق القدس) is not that place; a country or
            # governorate inside one (حكومة إقليم كردستان) still says where
            cands = [(i, w) for i, w in cands if gz.records[i].level in ("country", "admin1", "region")]
        prev = matching.previous_words(norm, hit.start - len(hit.prefix), 1)
        if not hit.prefix and prev and prev[0] in _NAME_LINKS:
            continue
        sent = doc.sentence_at(start)
        listed = hit.key in clubs.words()["club"]
        if (listed or any(gz.records[i].level not in _CLUB_PROOF for i, _ in cands)) and clubs.is_club(
                norm, hit, lambda: normalize(doc.text[sent.start:sent.end]) if sent else "",
                lambda: clubs.in_place_list(norm, hits, n)):
            # "ريال مدريد", "انضمامه إلى روما": a club; "اتحاد المغرب العربي" still names the region,
            # but a listed club is the club even when a country has its name ("موناكو الفرنسي")
            cands = [(i, w) for i, w in cands if gz.records[i].level in _CLUB_PROOF and not listed]
        if not cands:
            continue
        occ = Occurrence(start, end, sent.i if sent else -1, list(cands), whole=whole, key=hit.key)
        occ.tagged = any(t in _PLACE_TYPES for t in over)
        occ.person = "PER" in over
        _context(occ, norm, hit)
        if not occ.trigger and rest and first in _TRIGGER_LEVELS:
            occ.trigger = _TRIGGER_LEVELS[first]  # "محافظة أربيل" as one gazetteer name
        occ.adjectival = _adjectival(hit, prev)
        occ.context_only = context_only
        occ.hashtag = not hit.prefix and doc.text[start - 1:start] == "#"
        occs.append(occ)
    return occs, dems


def build_places(doc: Document, occs: list[Occurrence]) -> list[Place]:
    """One Place per chosen gazetteer record, with every mention and qualifier."""
    records = gazetteer.load().records
    places: dict[int, Place] = {}
    for occ in occs:
        if occ.choice is None or occ.context_only:
            continue
        rec = records[occ.choice]
        place = places.get(occ.choice)
        if place is None:
            place = places[occ.choice] = Place(
                id=f"L{len(places) + 1}", name=rec.name_ar, name_en=rec.name_en, country=rec.country,
                admin1=rec.admin1, level=_SCHEMA_LEVEL.get(rec.level, rec.level), lat=rec.lat, lon=rec.lon,
                gazetteer_id=rec.id,
            )
        place.mentions.append(Mention(occ.start, occ.end, doc.text[occ.start:occ.end]))
        for q in occ.qualifiers:
            if q not in place.qualifiers:
                place.qualifiers.append(q)
    return list(places.values())


def geoparse(doc: Document) -> tuple[list[Place], list[tuple[int, int, str]]]:
    """Places and demonym hits of a document (uses its sentences and entity spans when present)."""
    occs, dems = find_occurrences(doc)
    resolve(occs, gazetteer.load().records, demonym_countries(dems), outlet_country(doc.outlet, doc.url))
    return build_places(doc, occs), dems


def demonym_countries(dems: list[tuple[int, int, str]]) -> Counter:
    """ISO2 countries named by demonyms ("الحكومة الأردنية"): context for resolution, not places."""
    iso2 = demonyms.iso2_of()
    return Counter(iso2[c] for _, _, c in dems if c in iso2)


def resolve_span(doc: Document, start: int, end: int) -> gazetteer.Record | None:
    """The gazetteer record for a span known to name a place (e.g. a gold mention), in context.

    Looks for the longest gazetteer name inside the span, preferring one that is not an adjective of
    the word before it (so "مدينة #البتراء" finds البتراء, "#الوفره_الجديده" الوفرة), lets
    weak names fire since the span is given, and disambiguates with the rest of the document.
    """
    gz = gazetteer.load()
    occs, dems = find_occurrences(doc)
    norm, offsets = matching.match_text(doc.text[start:end])
    hits = [h for h in matching.find(norm, lenient=True) if matching.PLACE in h.kinds and matching.BLOCK not in h.kinds]
    if not hits:
        return None
    # "الوفرة الجديدة": an adjective after the name it describes is not the name (but may be the only
    # name in the span: "جنوب الصباحية")
    nouns = [h for h in hits if not _adjectival(h, matching.previous_words(norm, h.start - len(h.prefix), 1))]
    hit = max(nouns or hits, key=lambda h: h.end - h.start)
    s, e = start + offsets[hit.start], start + offsets[hit.end - 1] + 1
    others = [o for o in occs if not (o.start < e and s < o.end)]
    sent = doc.sentence_at(s)
    # the span is known to be a place, so weak names fire; an anaphor still needs its country (text or outlet)
    cands = [(i, w if w == gazetteer.ANAPHOR else 0) for i, w in gz.keys[hit.key]]
    occ = Occurrence(s, e, sent.i if sent else -1, cands, key=hit.key)
    full_norm, _ = matching.match_text(doc.text)
    _context(occ, full_norm, _shift(hit, len(matching.match_text(doc.text[:start])[0])))
    resolve(others + [occ], gz.records, demonym_countries(dems), outlet_country(doc.outlet, doc.url))
    return gz.records[occ.choice] if occ.choice is not None else None


def _shift(hit: matching.Hit, by: int) -> matching.Hit:
    return matching.Hit(hit.start + by, hit.end + by, hit.key, hit.kinds, hit.prefix)


class Geoparser:
    """Stage: fill `doc.places` and `doc.demonyms`. The gazetteer and automaton load once per process."""

    def __init__(self) -> None:
        gazetteer.load()
        gazetteer.containing()
        matching.automaton()

    def __call__(self, doc: Document) -> Document:
        doc.places, doc.demonyms = geoparse(doc)
        return doc
