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
from marsad.entities.affiliation import demonym_iso3
from marsad.text.normalize import normalize

_TYPE_BY_LEVEL = {"country": "GPE", "admin1": "GPE", "admin2": "GPE", "city": "GPE", "site": "FAC", "region": "LOC"}
_GEO_TYPES = {"LOC", "GPE", "FAC"}


class Linker:
    """Stage: give geographic entities the resolved place's English name and type; add unnamed places."""

    def __call__(self, doc: Document) -> Document:
        if doc.times:
            doc.entities = [e for e in doc.entities if not _inside_times(e, doc)]
        if doc.places:
            self._link_places(doc)
        # ids e1..eN in order of first mention (no statement or event refers to them yet)
        doc.entities.sort(key=lambda e: e.mentions[0].start if e.mentions else len(doc.text))
        for k, ent in enumerate(doc.entities, 1):
            ent.id = f"e{k}"
        return doc

    @staticmethod
    def _link_places(doc: Document) -> None:
        spans = sorted((m.start, m.end, p) for p in doc.places for m in p.mentions)
        exact = {(s, e) for s, e, _ in spans}
        entities: list[Entity] = []
        for ent in doc.entities:
            if ent.type == "PER" and _person_is_place(ent, exact):
                # typed and named from its place below (a person spelling, "Abu Zabi", is dropped)
                ent.type, ent.roles, ent.affiliation, ent.name_en, ent.name_en_source = "LOC", [], None, None, None
            entities += _split_by_place(ent, spans, doc.text) if ent.type in _GEO_TYPES else [ent]
        linked: dict[str, Entity] = {}
        namesakes: dict[tuple, Entity] = {}  # a city and its governorate of one name ("الحديدة") are one entity
        doc.entities = []
        for ent in entities:
            place = _overlapping_place(spans, ent, doc.text) if ent.type in _GEO_TYPES else None
            first = (linked.get(place.id) or namesakes.get(_namesake_key(place))) if place is not None else None
            if first is not None:
                # two names of one place ("الخليج العربي" ... "الخليج"): one entity, the fuller name
                first.mentions = sorted(first.mentions + ent.mentions, key=lambda m: m.start)
                if len(ent.name) > len(first.name):
                    first.name = ent.name
                continue
            doc.entities.append(ent)
            if place is None:
                continue
            ent.type = _TYPE_BY_LEVEL.get(place.level, ent.type)
            if not ent.name_en and place.name_en:
                ent.name_en, ent.name_en_source = place.name_en, "place"
            linked[place.id] = ent
            namesakes.setdefault(_namesake_key(place), ent)
            if _widen(ent, place):
                ent.name = place.name  # "التاجي" inside "معسكر التاجي": the camp is the entity
        taken = [(m.start, m.end) for e in doc.entities for m in e.mentions]
        for place in doc.places:
            # a place named inside another name ("جامعة بغداد") is not a mention of the place's entity
            free = [m for m in place.mentions if not _overlaps(m, taken)]
            if not free:
                continue
            ent = linked.get(place.id) or namesakes.get(_namesake_key(place))
            if ent is None:
                ent = Entity(id="", type=_TYPE_BY_LEVEL.get(place.level, "LOC"), name=place.name,
                             name_en=place.name_en, name_en_source="place" if place.name_en else None)
                doc.entities.append(ent)
                namesakes.setdefault(_namesake_key(place), ent)
            ent.mentions.extend(Mention(m.start, m.end, m.text) for m in free)
            ent.mentions.sort(key=lambda m: m.start)
            taken.extend((m.start, m.end) for m in free)


def _split_by_place(ent: Entity, spans, text: str) -> list[Entity]:
    """An entity whose mentions name different places ("ريف دمشق" and "دمشق", merged as name and tail by
    the entities stage) becomes one entity per place: the entity keeps the place of its longest
    mention (and the mentions that name no place); each other place gets a new entity of its own."""
    groups: dict[str | None, list[Mention]] = {}
    places = {}
    for m in ent.mentions:
        place = next((p for s, e, p in spans if s < m.end and m.start < e and _names_place(m, s, e, text)), None)
        key = place.id if place is not None else None
        groups.setdefault(key, []).append(m)
        if place is not None:
            places[key] = place
    if len(places) <= 1:
        return [ent]
    keep = max(places, key=lambda k: max(len(m.text) for m in groups[k]))
    out = [ent]
    ent.mentions = sorted(groups[keep] + groups.get(None, []), key=lambda m: m.start)
    for key, place in places.items():
        if key != keep:
            out.append(Entity(id="", type=_TYPE_BY_LEVEL.get(place.level, "LOC"), name=place.name,
                              name_en=place.name_en, name_en_source="place" if place.name_en else None,
                              mentions=groups[key]))
    return out


def _namesake_key(place) -> tuple:
    """Places that share it are one entity: same name, country and governorate (a city and the governorate
    named after it, "الحديدة" and "محافظة الحديدة"); the places themselves stay apart."""
    return (normalize(place.name), place.country, place.admin1)


def _person_is_place(ent: Entity, place_spans: set[tuple[int, int]]) -> bool:
    """Is a name only the tagger calls a person mentioned, every time, exactly as a place the geoparser
    resolved? It resolves such names only on firm evidence ("إلى أبو ظبي", "محافظة صلاح الدين")."""
    return ent.kind is None and bool(ent.mentions) and all((m.start, m.end) in place_spans for m in ent.mentions)


def _overlapping_place(spans, ent, text: str):
    """The place with the most mentions overlapping this entity's mentions, if any."""
    votes: dict[str, list] = {}
    for m in ent.mentions:
        for s, e, place in spans:
            if s >= m.end:
                break
            if m.start < e and _names_place(m, s, e, text):
                votes.setdefault(place.id, [0, place])[0] += 1
    if not votes:
        return None
    return max(votes.values(), key=lambda v: v[0])[1]


def _names_place(m, s: int, e: int, text: str) -> bool:
    """Does the entity mention m name the place mentioned at [s, e)? It does when it lies inside the place
    mention ("التاجي" in "معسكر التاجي"), or adds only demonyms ("الولايات المتحدة الأمريكية"); a longer
    name holding the place names something else ("أمريكا الجنوبية", "ميناء عدن", "جامعة بغداد")."""
    if s <= m.start and m.end <= e:
        return True
    extra = normalize(text[m.start:max(m.start, s)] + " " + text[min(m.end, e):m.end]).split()
    return all(demonym_iso3(w) for w in extra)


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
