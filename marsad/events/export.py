"""Exports of extracted events: PLOVER-style JSON records and ACLED-style rows.

`to_plover(docs)` follows the PLOVER manual's JSON fields (chapter 6: id, date, actor, recipient, event,
mode, eventText, eventLoc, quadCode, size, text/textInfo/citeInfo), adding Marsad's `modality` (PLOVER's
auxiliary modes, §2.3, also listed in `context`) and `attribution` (who the claim rests on).
`to_acled_rows(docs)` gives one dict per event in ACLED's column names (event_date, event_type,
sub_event_type, actor1, actor2, country, admin1, location, latitude, longitude, source, notes,
fatalities); like ACLED it keeps only events reported as having happened (modality "asserted")
unless `include_all=True`, and only types ACLED codes (marsad/data/events/acled_map.tsv).
"""
from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

from marsad.document import Document, Entity, Event, Mention, Participant, Place
from marsad.resources import read_tsv

# PLOVER manual §3.1/§3.7: cooperative acts reported in the future tense are AGREE, announced future
# retreats are CONCEDE. Marsad keeps the planned type with modality "future"; the PLOVER export maps it.
FUTURE_TYPE = {"RETREAT": "CONCEDE", "CONSULT": "AGREE", "SUPPORT": "AGREE", "COOPERATE": "AGREE", "AID": "AGREE"}

ACLED_COLUMNS = (
    "event_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities", "injuries", "plover_type", "plover_mode", "modality", "doc_id",
)


@functools.cache
def _codes() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for kind, key, value in read_tsv("events/plover_codes.tsv"):
        out.setdefault(kind, {})[key] = value
    return out


@functools.cache
def _acled_map() -> tuple[tuple[str, str, str, str], ...]:
    return tuple(tuple(r[:4]) for r in read_tsv("events/acled_map.tsv"))  # type: ignore[misc]


def _as_document(d: Document | dict) -> Document:
    """A Document, or one rebuilt from a schema-v1 dict (what the store gives back) with the fields used here."""
    if isinstance(d, Document):
        return d
    published = d.get("published")
    if isinstance(published, str):
        published = (dt.datetime.fromisoformat(published) if "T" in published
                     else dt.date.fromisoformat(published[:10]))
    doc = Document(text=d.get("text") or "", title=d.get("title"), outlet=d.get("outlet"), url=d.get("url"),
                   published=published, id=d.get("id"))

    def mentions(items):
        return [Mention(m["start"], m["end"], m["text"]) for m in items or ()]

    def participant(p):
        return Participant(**{k: p.get(k) for k in ("text", "country", "entity", "sector", "start", "end")}) if p else None

    doc.entities = [Entity(id=e["id"], type=e["type"], name=e["name"], name_en=e.get("name_en"),
                           name_en_source=e.get("name_en_source"),
                           mentions=mentions(e.get("mentions")), affiliation=e.get("affiliation"))
                    for e in d.get("entities") or ()]
    doc.places = [Place(id=p["id"], name=p["name"], name_en=p.get("name_en"), country=p.get("country"),
                        admin1=p.get("admin1"), level=p.get("level") or "", lat=p.get("lat"), lon=p.get("lon"),
                        mentions=mentions(p.get("mentions")), gazetteer_id=p.get("gazetteer_id"))
                  for p in d.get("places") or ()]
    doc.events = [Event(id=e["id"], type=e["type"], trigger=Mention(**e["trigger"]), modality=e["modality"],
                        actor=participant(e.get("actor")), target=participant(e.get("target")), place=e.get("place"),
                        time=e.get("time"), source=e.get("source"), mode=e.get("mode"), killed=e.get("killed"),
                        wounded=e.get("wounded"))
                  for e in d.get("events") or ()]
    return doc


def _entity(doc: Document, p: Participant | None) -> list[dict]:
    if p is None:
        return []
    ent = doc.entity_by_id(p.entity) if p.entity else None
    item = {"entityText": p.text, "code": p.country, "sector": _codes()["sector"].get(p.sector or "", None)}
    if ent is not None:
        item["identifierText"] = ent.name_en or ent.name
        item["identifierId"] = ent.id
    return [item]


def _place(doc: Document, place_id: str | None) -> Place | None:
    return next((p for p in doc.places if p.id == place_id), None) if place_id else None


def _date(doc: Document, ev: Event) -> str | None:
    """The event's own day when resolved to one, else the publication date (a report date)."""
    if ev.time and len(ev.time) >= 10 and ev.time[4] == "-" and ev.time[7] == "-":
        return ev.time[:10]
    pub = doc.published
    if isinstance(pub, dt.datetime):
        return pub.date().isoformat()
    return pub.isoformat() if pub else None


def _sentence_text(doc: Document, ev: Event) -> tuple[int | None, str]:
    """The sentence holding the event (its index and text); the text itself when not segmented."""
    s = doc.sentences[ev.sentence] if ev.sentence is not None and ev.sentence < len(doc.sentences) \
        else doc.sentence_at(ev.trigger.start)
    if s is None:
        # a document read back from the store has no sentence index: cut at sentence punctuation
        a = max(doc.text.rfind(c, 0, ev.trigger.start) for c in ".!?؟\n") + 1
        ends = [i for i in (doc.text.find(c, ev.trigger.end) for c in ".!?؟\n") if i >= 0]
        return None, doc.text[a:(min(ends) + 1) if ends else len(doc.text)].strip()
    return s.i, doc.text[s.start:s.end]


def plover_record(doc: Document, ev: Event) -> dict:
    """One event as a PLOVER JSON record."""
    place = _place(doc, ev.place)
    seq, sentence = _sentence_text(doc, ev)
    rec = {
        "id": f"{doc.id}-{ev.id}",
        "date": _date(doc, ev),
        "time": ev.time,
        "actor": _entity(doc, ev.actor),
        "recipient": _entity(doc, ev.target),
        "event": FUTURE_TYPE.get(ev.type, ev.type) if ev.modality == "future" else ev.type,
        "plannedEvent": ev.type if ev.modality == "future" and ev.type in FUTURE_TYPE else None,
        "mode": [ev.mode] if ev.mode else [],
        "context": [] if ev.modality == "asserted" else [ev.modality],
        "modality": ev.modality,
        "eventText": [ev.trigger.text],
        "quadCode": None,
        "size": {"dead": ev.killed, "injured": ev.wounded},
        "eventLoc": None if place is None else {
            "placeName": place.name, "placeNameEn": place.name_en, "admin1": place.admin1,
            "countryCode": place.country, "lat": place.lat, "lon": place.lon, "placeId": place.id,
            "geonamesId": place.gazetteer_id,
        },
        "attribution": ev.source,
        "text": sentence,
        "textInfo": {"sequence": seq, "start": ev.trigger.start, "end": ev.trigger.end},
        "citeInfo": {"corpus": doc.outlet, "url": doc.url, "docId": doc.id, "published": doc.published_iso()},
        "coder": "marsad",
    }
    rec["quadCode"] = int(_codes()["quad"].get(rec["event"], 0)) or None
    return rec


def to_plover(docs: Iterable[Document | dict]) -> list[dict]:
    """PLOVER-style JSON records (one per event) for Documents or stored schema-v1 dicts."""
    return [plover_record(doc, ev) for doc in map(_as_document, docs) for ev in doc.events]


def _acled_type(ev: Event) -> tuple[str, str] | None:
    for ptype, mode, etype, sub in _acled_map():
        if ptype == ev.type and (mode == "*" or mode == ev.mode):
            target_sector = ev.target.sector if ev.target else None
            if ev.type == "ASSAULT" and etype == "Battles" and target_sector in ("civilians", "students", "labor"):
                return "Violence against civilians", "Attack"
            if ev.type == "ASSAULT" and target_sector == "protesters":
                return "Protests", "Excessive force against protesters"
            return etype, sub
    return None


def _country_name(doc: Document, code: str) -> str:
    """ACLED names the country: the English name of the document's country-level place with that code, else
    the ISO 3166 alpha-2 code."""
    named = next((p.name_en for p in doc.places if p.level == "country" and p.country == code and p.name_en), None)
    return named or code


def _precision(ev: Event) -> int:
    """ACLED time_precision: 1 a known day, 2 a week, 3 a month or vaguer (the report date)."""
    if ev.time and len(ev.time) >= 10 and ev.time[4] == "-" and ev.time[7] == "-":
        return 1
    if ev.time and "W" in ev.time:
        return 2
    return 3


def acled_row(doc: Document, ev: Event) -> dict | None:
    kind = _acled_type(ev)
    if kind is None:
        return None
    place = _place(doc, ev.place)
    _, sentence = _sentence_text(doc, ev)
    geo = None
    if place is not None:
        geo = 1 if place.level in ("city", "site", "admin2") else 2 if place.level == "admin1" else 3
    return {
        "event_id": f"{doc.id}-{ev.id}",
        "event_date": _date(doc, ev),
        "time_precision": _precision(ev),
        "event_type": kind[0],
        "sub_event_type": kind[1],
        "actor1": ev.actor.text if ev.actor else "",
        "actor2": ev.target.text if ev.target else "",
        "country": _country_name(doc, place.country) if place and place.country else "",
        "admin1": (place.admin1 or "") if place else "",
        "location": (place.name_en or place.name) if place else "",
        "latitude": round(place.lat, 4) if place and place.lat is not None else "",
        "longitude": round(place.lon, 4) if place and place.lon is not None else "",
        "geo_precision": geo or "",
        "source": doc.outlet or "",
        "notes": sentence.strip(),
        "fatalities": ev.killed if ev.killed is not None else 0,
        "injuries": ev.wounded if ev.wounded is not None else "",
        "plover_type": ev.type,
        "plover_mode": ev.mode or "",
        "modality": ev.modality,
        "doc_id": doc.id,
    }


def to_acled_rows(docs: Iterable[Document | dict], include_all: bool = False) -> list[dict]:
    """ACLED-style rows (dicts keyed by ACLED_COLUMNS) for events reported as having happened."""
    rows = []
    for doc in map(_as_document, docs):
        for ev in doc.events:
            if not include_all and ev.modality != "asserted":
                continue
            row = acled_row(doc, ev)
            if row is not None:
                rows.append(row)
    return rows
