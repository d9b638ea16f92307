"""Linking: tie facts found by different extractors to each other.

Today: an entity that the tagger or actor table found as a location and that the geoparser
resolved gets the place's English name and a finer type (GPE for countries, governorates and
cities, FAC for sites such as bases and airports, LOC for regions), and the place's mentions that
the tagger missed. A place that no entity names becomes an entity of its own, so the entity list
holds every country, governorate, city, base and region the article names; two entities resolved
to one place ("الخليج العربي", "الخليج") are one entity. A name the tagger
found inside a time expression ("اامس", a misspelt أمس, as a person) is not an entity.
"""
from __future__ import annotations

from marsad.document import Document, Entity, Mention

_TYPE_BY_LEVEL = {"country": "GPE", "admin1": "GPE", "admin2": "GPE", "city": "GPE", "site": "FAC", "region": "LOC"}
_GEO_TYPES = {"LOC", "GPE", "FAC"}


class Linker:
    """Stage: give geographic entities the resolved place's English name and type; add unnamed places."""

    def __call__(self, doc: Document) -> Document:
        if doc.times:
            kept = [e for e in doc.entities if not _inside_times(e, doc)]
            if len(kept) < len(doc.entities):
                for n, ent in enumerate(kept, 1):  # ids stay e1..eN (no statement or event refers to them yet)
                    ent.id = f"e{n}"
                doc.entities = kept
        if not doc.places:
            return doc
        spans = sorted((m.start, m.end, p) for p in doc.places for m in p.mentions)
        taken = [(m.start, m.end) for e in doc.entities for m in e.mentions]
        linked: dict[str, Entity] = {}
        merged: list[Entity] = []
        for ent in doc.entities:
            if ent.type not in _GEO_TYPES:
                continue
            place = _overlapping_place(spans, ent)
            if place is None:
                continue
            first = linked.get(place.id)
            if first is not None:
                # two names of one place ("الخليج العربي" ... "الخليج"): one entity, the fuller name
                first.mentions = sorted(first.mentions + ent.mentions, key=lambda m: m.start)
                if len(ent.name) > len(first.name):
                    first.name = ent.name
                merged.append(ent)
                continue
            ent.type = _TYPE_BY_LEVEL.get(place.level, ent.type)
            if not ent.name_en:
                ent.name_en = place.name_en
            linked[place.id] = ent
            if _widen(ent, place):
                ent.name = place.name  # "التاجي" inside "معسكر التاجي": the camp is the entity
                taken = [(m.start, m.end) for e in doc.entities for m in e.mentions]
        if merged:
            doc.entities = [e for e in doc.entities if not any(e is m for m in merged)]
            for k, ent in enumerate(doc.entities, 1):  # ids stay e1..eN (nothing refers to them yet)
                ent.id = f"e{k}"
        n = len(doc.entities)
        for place in doc.places:
            # a place named inside another name ("جامعة بغداد") is not a mention of the place's entity
            free = [m for m in place.mentions if not _overlaps(m, taken)]
            if not free:
                continue
            ent = linked.get(place.id)
            if ent is None:
                n += 1
                ent = Entity(id=f"e{n}", type=_TYPE_BY_LEVEL.get(place.level, "LOC"), name=place.name,
                             name_en=place.name_en)
                doc.entities.append(ent)
            ent.mentions.extend(Mention(m.start, m.end, m.text) for m in free)
            ent.mentions.sort(key=lambda m: m.start)
            taken.extend((m.start, m.end) for m in free)
        return doc


def _overlapping_place(spans, ent):
    """The place with the most mentions overlapping this entity's mentions, if any."""
    votes: dict[str, list] = {}
    for m in ent.mentions:
        for s, e, place in spans:
            if s >= m.end:
                break
            if m.start < e:
                votes.setdefault(place.id, [0, place])[0] += 1
    if not votes:
        return None
    return max(votes.values(), key=lambda v: v[0])[1]


def _overlaps(m, spans: list[tuple[int, int]]) -> bool:
    return any(m.start < e and s < m.end for s, e in spans)


def _widen(ent: Entity, place) -> bool:
    """Replace the entity's mentions that sit inside a longer mention of its place by that mention."""
    widened = False
    for i, m in enumerate(ent.mentions):
        for pm in place.mentions:
            if pm.start <= m.start and m.end <= pm.end and (pm.start, pm.end) != (m.start, m.end):
                ent.mentions[i] = Mention(pm.start, pm.end, pm.text)
                widened = True
                break
    if widened:
        unique = {(m.start, m.end): m for m in ent.mentions}
        ent.mentions = sorted(unique.values(), key=lambda m: m.start)
    return widened


def _inside_times(ent: Entity, doc: Document) -> bool:
    """A tagger-only entity (no curated actor or kind) all of whose mentions lie in time expressions."""
    if ent.kind is not None or not ent.mentions:
        return False
    return all(any(t.start <= m.start and m.end <= t.end for t in doc.times) for m in ent.mentions)
