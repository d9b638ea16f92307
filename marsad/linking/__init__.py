"""Linking: tie facts found by different extractors to each other.

Today: an entity that the tagger or actor table found as a location and that the geoparser
resolved gets the place's English name and a finer type (GPE for countries, governorates and
cities, FAC for sites such as bases and airports, LOC for regions).
"""
from __future__ import annotations

from marsad.document import Document

_TYPE_BY_LEVEL = {"country": "GPE", "admin1": "GPE", "admin2": "GPE", "city": "GPE", "site": "FAC", "region": "LOC"}
_GEO_TYPES = {"LOC", "GPE", "FAC"}


class Linker:
    """Stage: give geographic entities the resolved place's English name and type."""

    def __call__(self, doc: Document) -> Document:
        if not doc.places or not doc.entities:
            return doc
        spans = sorted((m.start, m.end, p) for p in doc.places for m in p.mentions)
        for ent in doc.entities:
            if ent.type not in _GEO_TYPES:
                continue
            place = _overlapping_place(spans, ent)
            if place is None:
                continue
            ent.type = _TYPE_BY_LEVEL.get(place.level, ent.type)
            if not ent.name_en:
                ent.name_en = place.name_en
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
