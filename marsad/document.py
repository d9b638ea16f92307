"""The document model: one `Document` owns the clean text; every fact points into it by offset.

Modelled on spaCy's Doc/Span: spans store character offsets (`start`, `end`) into
`Document.text` and derive their surface text from it, so any fact can be shown highlighted
in its sentence. `Document.to_dict()` produces schema v1 (see docs/schema.md).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1


@dataclass(slots=True)
class Token:
    """A word or punctuation mark; `prefix_end` marks where its proclitics (و ف ب ل ك س ال) stop."""

    i: int
    start: int
    end: int
    text: str
    norm: str  # normalised form of the whole token (see marsad.text.normalize)
    kind: str  # word | number | punct | latin | symbol
    prefix_end: int  # == start when the token has no proclitic
    sent: int = 0  # index of the sentence holding it

    @property
    def stem(self) -> str:
        """The token without its proclitics, original spelling."""
        return self.text[self.prefix_end - self.start:]

    @property
    def prefix(self) -> str:
        return self.text[: self.prefix_end - self.start]


@dataclass(slots=True)
class Sentence:
    i: int
    start: int
    end: int
    token_start: int  # index of first token
    token_end: int  # index after last token


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Entity:
    """A named thing mentioned one or more times (PER, ORG, GPE, LOC, FAC, MISC)."""

    id: str
    type: str
    name: str
    name_en: str | None = None
    # where name_en comes from: "actor" (curated table), "institution" (head + country template), "place"
    # (gazetteer), "list" (every word in a spelling list, or a listed club), "gloss" (an organisation's name
    # rendered word by word: "Supreme Hajj Committee"), "guess" (a word spelt by rule or by consonant skeleton)
    name_en_source: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # e.g. "الرئيس الأمريكي", stated in the text
    affiliation: str | None = None  # ISO3 country or organisation name
    # person | government | armed_group | international | media | party | platform | organization | company
    # (from the curated actor table; None for names only the tagger found)
    kind: str | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "name_en": self.name_en,
            "name_en_source": self.name_en_source,
            "kind": self.kind,
            "roles": list(self.roles),
            "affiliation": self.affiliation,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(slots=True)
class Place:
    """A resolved location with its gazetteer record and every mention in the text."""

    id: str
    name: str
    name_en: str | None
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    level: str  # country | admin1 | admin2 | city | site | region
    lat: float | None
    lon: float | None
    mentions: list[Mention] = field(default_factory=list)
    qualifiers: list[str] = field(default_factory=list)  # e.g. "south" from "جنوب كركوك"
    gazetteer_id: str | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "name_en": self.name_en,
            "country": self.country,
            "admin1": self.admin1,
            "level": self.level,
            "lat": self.lat,
            "lon": self.lon,
            "qualifiers": list(self.qualifiers),
            "gazetteer_id": self.gazetteer_id,
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(slots=True)
class TimeExpression:
    """A temporal expression; `value` is ISO (date, week, month, year, datetime, duration) or None."""

    start: int
    end: int
    text: str
    value: str | None
    grain: str  # day | week | month | year | datetime | duration | vague | ...
    vague: bool = False

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "grain": self.grain,
            "vague": self.vague,
        }


@dataclass(slots=True)
class Speaker:
    text: str
    kind: str  # named_person | role | anonymous | organization | media | document | collective
    entity: str | None = None  # entity id
    affiliation: str | None = None  # ISO3 or organisation name
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "entity": self.entity,
            "kind": self.kind,
            "affiliation": self.affiliation,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Statement:
    start: int
    end: int
    text: str
    cue: str
    direct: bool
    stance: str | None = None  # says | confirms | warns | denies | accuses | demands | reveals | announces ...
    medium: str | None = None  # tweet | interview | statement | press_conference | report ...
    cue_start: int | None = None
    cue_end: int | None = None
    # the outlet of an interview or broadcast ("خلال لقاء على شبكة سي إن إن" -> CNN), and the outlets
    # this one statement was relayed through (a source's `via` is the union over its statements)
    channel: str | None = None
    via: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "cue": self.cue,
            "direct": self.direct,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "stance": self.stance,
            "medium": self.medium,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "channel": self.channel,
            "via": list(self.via),
        }


@dataclass(slots=True)
class Source:
    """One distinct speaker with the statements the article attributes to it."""

    id: str
    speaker: Speaker
    via: list[str] = field(default_factory=list)  # relaying outlets, innermost first
    statements: list[Statement] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "speaker": self.speaker.to_dict(),
            "via": list(self.via),
            "statements": [s.to_dict() for s in self.statements],
        }


@dataclass(slots=True)
class Participant:
    """An event's actor or target."""

    text: str
    country: str | None = None  # ISO3
    entity: str | None = None
    sector: str | None = None  # government | military | militia | police | civilians | ...
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "country": self.country,
            "entity": self.entity,
            "sector": self.sector,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Event:
    id: str
    type: str  # PLOVER type
    trigger: Mention
    modality: str  # asserted | future | hypothetical | negated | denied
    actor: Participant | None = None
    target: Participant | None = None
    place: str | None = None  # place id
    time: str | None = None  # ISO value
    source: str | None = None  # source id
    mode: str | None = None  # PLOVER mode, e.g. aerial, visit
    killed: int | None = None
    wounded: int | None = None
    sentence: int | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "trigger": self.trigger.to_dict(),
            "actor": self.actor.to_dict() if self.actor else None,
            "target": self.target.to_dict() if self.target else None,
            "place": self.place,
            "time": self.time,
            "modality": self.modality,
            "source": self.source,
            "killed": self.killed,
            "wounded": self.wounded,
        }


def content_id(text: str) -> str:
    """Stable id of a document's clean text: identical content is stored once."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Document:
    """An article: metadata, clean text, the Arabic text layer, and every extracted fact."""

    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | dt.datetime | None = None
    id: str | None = None  # caller's id (e.g. a JSONL record's); defaults to the content id
    origin: str | None = None  # file path or "<stdin>:LINE"
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Mentions found by the tagger before they are grouped into entities: (start, end, type)
    entity_spans: list[tuple[int, int, str]] = field(default_factory=list)
    # Demonym/nisba hits (start, end, ISO3) found by the places stage, for affiliations.
    demonyms: list[tuple[int, int, str]] = field(default_factory=list)
    user_data: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.content_id = content_id(self.text)
        if not self.id:
            self.id = self.content_id

    # -- navigation helpers, used by every extractor -------------------------------------
    def span_text(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a character offset (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def sentence_tokens(self, sent: Sentence) -> list[Token]:
        return self.tokens[sent.token_start:sent.token_end]

    def token_at(self, offset: int) -> Token | None:
        lo, hi = 0, len(self.tokens) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            t = self.tokens[mid]
            if offset < t.start:
                hi = mid - 1
            elif offset >= t.end:
                lo = mid + 1
            else:
                return t
        return None

    def entity_by_id(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity one of whose mentions overlaps [start, end)."""
        for e in self.entities:
            for m in e.mentions:
                if m.start < end and start < m.end:
                    return e
        return None

    def published_iso(self) -> str | None:
        return self.published.isoformat() if self.published else None

    def to_dict(self) -> dict:
        """Schema v1 (docs/schema.md)."""
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published_iso(),
            "text": self.text,
            "entities": [e.to_dict() for e in self.entities],
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "sources": [s.to_dict() for s in self.sources],
            "events": [e.to_dict() for e in self.events],
        }
