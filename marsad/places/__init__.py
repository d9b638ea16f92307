"""Places stage: find place names in the text, resolve them in the gazetteer, collect demonyms.

`Geoparser` fills `doc.places` (one Place per distinct location, with every mention, qualifiers
such as "south" from "جنوب كركوك", country, admin1 and coordinates) and `doc.demonyms`
((start, end, ISO3) for أمريكي, العراقية ... which are affiliations, not places).
"""
from __future__ import annotations

from marsad.document import Document, Mention, Place
from marsad.places import demonyms, gazetteer, matching
from marsad.places.disambiguation import Occurrence, resolve
from marsad.text.normalize import normalize

__all__ = ["Geoparser", "geoparse"]

# Entity-tagger types whose spans hold places, and those that veto a place inside them.
_PLACE_TYPES = frozenset(("LOC", "GPE", "FAC"))
# Words before a name that make it part of a person's name (بن سلمان, أبو ظبي is a gazetteer key).
_NAME_LINKS = frozenset(normalize(w) for w in ("بن", "ابن", "بنت", "أبو", "أبي", "أم", "آل"))


def _spans(doc: Document) -> list[tuple[int, int, str]]:
    spans = list(doc.entity_spans)
    for e in doc.entities:
        spans.extend((m.start, m.end, e.type) for m in e.mentions)
    return spans


def _context(occ: Occurrence, norm: str, hit: matching.Hit) -> None:
    """Trigger word, preposition and qualifiers before a hit."""
    quals = gazetteer.qualifiers()
    trigs = gazetteer.triggers()
    occ.prep = bool(hit.prefix) and hit.prefix[-1] in "بلك"
    words = matching.previous_words(norm, hit.start - len(hit.prefix), 4)

    def qualifier_at(i: int) -> tuple[str | None, int]:
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
            for w in matching.strip_clitics(words[i]):
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


def geoparse(doc: Document) -> tuple[list[Place], list[tuple[int, int, str]]]:
    """Places and demonym hits of a document (text layer needed for sentences only)."""
    gz = gazetteer.load()
    forms = demonyms.forms()
    norm, offsets = matching.match_text(doc.text)
    spans = _spans(doc)
    occs: list[Occurrence] = []
    dems: list[tuple[int, int, str]] = []
    for hit in matching.find(norm):
        start, end = offsets[hit.start], offsets[hit.end - 1] + 1
        if matching.BLOCK in hit.kinds:
            continue
        if matching.PLACE not in hit.kinds:
            dems.append((start, end, forms[hit.key]))
            continue
        cands = gz.keys[hit.key]
        over = [t for s, e, t in spans if s < end and start < e]
        if "PER" in over:
            continue
        if "ORG" in over:
            # an organisation named after a place (فيلق القدس) is not that place; a country or
            # governorate inside one (حكومة إقليم كردستان) still says where
            cands = [(i, w) for i, w in cands if gz.records[i].level in ("country", "admin1", "region")]
        prev = matching.previous_words(norm, hit.start - len(hit.prefix), 1)
        if not hit.prefix and prev and prev[0] in _NAME_LINKS:
            continue
        if not cands:
            continue
        sent = doc.sentence_at(start)
        occ = Occurrence(start, end, sent.i if sent else -1, list(cands))
        occ.tagged = any(t in _PLACE_TYPES for t in over)
        _context(occ, norm, hit)
        occs.append(occ)
    resolve(occs, gz.records)

    places: dict[int, Place] = {}
    for occ in occs:
        if occ.choice is None:
            continue
        rec = gz.records[occ.choice]
        place = places.get(occ.choice)
        if place is None:
            place = places[occ.choice] = Place(
                id=f"L{len(places) + 1}", name=rec.name_ar, name_en=rec.name_en, country=rec.country,
                admin1=rec.admin1, level=rec.level, lat=rec.lat, lon=rec.lon, gazetteer_id=rec.id,
            )
        place.mentions.append(Mention(occ.start, occ.end, doc.text[occ.start:occ.end]))
        for q in occ.qualifiers:
            if q not in place.qualifiers:
                place.qualifiers.append(q)
    return list(places.values()), dems


class Geoparser:
    """Stage: fill `doc.places` and `doc.demonyms`. The gazetteer and automaton load once per process."""

    def __init__(self) -> None:
        gazetteer.load()
        matching.automaton()

    def __call__(self, doc: Document) -> Document:
        doc.places, doc.demonyms = geoparse(doc)
        return doc
