"""Group attributions into sources: resolve implicit subjects, back-references and relaying outlets."""
from __future__ import annotations

from dataclasses import dataclass, field

from marsad.document import Document, Source, Speaker, Statement
from marsad.statements.extract import Attribution, ViaRef, via_ref
from marsad.statements.speakers import SpeakerPhrase
from marsad.text import normalize


@dataclass
class _Group:
    """A source being built: its speaker phrases, statements and relaying outlets."""

    kind: str
    speaker: Speaker
    key: str
    family: str = ""
    role: str | None = None
    name_words: tuple[str, ...] = ()
    affiliation: str | None = None
    via: list[str] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


def _words(text: str | None) -> tuple[str, ...]:
    return tuple(normalize(w) for w in (text or "").split())


class _Resolver:
    """Walks attributions in text order, keeping the speakers and outlets seen so far."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.groups: list[_Group] = []
        self.outlets: list[ViaRef] = []  # outlets named so far, in text order
        self.last: _Group | None = None
        self.last_via: list[str] = []

    def _resolve(self, ref: ViaRef) -> ViaRef | None:
        """The outlet a reference names; "الصحيفة" is the last outlet mentioned (same noun preferred)."""
        if ref.name:
            self.outlets.append(ref)
            return ref
        same = [o for o in self.outlets if o.head == ref.head]
        pool = same or self.outlets
        return pool[-1] if pool else None

    def _outlet(self, ref: ViaRef) -> str | None:
        hit = self._resolve(ref)
        return hit.name if hit else None

    def _speaker(self, att: Attribution, sp: SpeakerPhrase) -> Speaker:
        v = att.view
        s, e = v.tokens[sp.start].start, v.tokens[sp.end - 1].end
        if sp.kind in ("named_person", "organization", "media") and sp.name_start is not None:
            s, e = v.tokens[sp.name_start].start, v.tokens[sp.name_end - 1].end
        return Speaker(self.doc.text[s:e], sp.kind, sp.entity, sp.affiliation, s, e)

    def _find(self, att: Attribution, sp: SpeakerPhrase, via: list[str]) -> _Group | None:
        """An earlier source this speaker phrase refers to, if any."""
        rev = list(reversed(self.groups))
        if sp.entity:
            hit = next((g for g in rev if g.speaker.entity == sp.entity), None)
            if hit:
                return hit
        if sp.kind == "named_person":
            words = _words(sp.name)
            for g in rev:
                if g.kind == "named_person" and words and g.name_words and (
                        words[-1] == g.name_words[-1] or set(words) <= set(g.name_words)):
                    return g
            return None
        if sp.kind == "media":
            name = sp.name or (self._outlet(ViaRef(None, sp.head)) if sp.definite else None)
            return next((g for g in rev if g.kind == "media" and g.key == f"media:{name}"), None) if name else None
        if sp.kind == "role":
            role = sp.role or ""
            for g in rev:
                if g.role and (g.role == role or role and role in g.role):
                    return g
            return None
        if sp.kind == "anonymous":
            if sp.definite:
                return next((g for g in rev if g.kind == "anonymous" and g.family == sp.family), None)
            key = f"anonymous:{sp.family}:{sp.affiliation}:{'/'.join(via)}"
            return next((g for g in rev if g.key == key), None)
        key = f"{sp.kind}:{' '.join(_words(sp.name or self._speaker(att, sp).text))}"
        return next((g for g in rev if g.key == key), None)

    def _new(self, att: Attribution, sp: SpeakerPhrase, via: list[str]) -> _Group:
        speaker = self._speaker(att, sp)
        if sp.kind == "media":
            ref = self._resolve(ViaRef(None, sp.head)) if sp.definite and not sp.name else None
            name = sp.name or (ref.name if ref else None)
            if ref is not None and ref.text:  # "بحسب الصحيفة": the source is the outlet named earlier
                speaker = Speaker(ref.text, "media", None, ref.iso3, ref.start, ref.end)
            key = f"media:{name or ' '.join(_words(speaker.text))}"
        elif sp.kind == "anonymous":
            key = f"anonymous:{sp.family}:{sp.affiliation}:{'/'.join(via)}"
        else:
            key = f"{sp.kind}:{sp.entity or ' '.join(_words(sp.name or speaker.text))}"
        g = _Group(sp.kind, speaker, key, sp.family, sp.role, _words(sp.name), sp.affiliation)
        self.groups.append(g)
        return g

    def add(self, att: Attribution) -> None:
        via = [name for name in (self._outlet(r) for r in att.via) if name]
        sp = att.speaker
        if sp is not None and sp.kind == "media":
            via = [name for name in via if name != sp.name]  # an outlet does not relay itself
        if sp is None:
            group = self.last
            if group is None:
                return
        else:
            if sp.kind == "media" and sp.name:
                self.outlets.append(via_ref(sp, att.view))
            group = self._find(att, sp, via) or self._new(att, sp, via)
            group.affiliation = group.affiliation or sp.affiliation
            if sp.role and not group.role:
                group.role = sp.role
            if group.kind == "role" and sp.kind == "named_person":  # the office-holder is named later
                group.kind, group.speaker, group.name_words = "named_person", self._speaker(att, sp), _words(sp.name)
        for name in via:
            if name not in group.via:
                group.via.append(name)
        if not via and (sp is None or sp.definite or sp.kind == "anonymous"):
            via = list(group.via)  # "وأضاف المسؤول": the same relayed official
        elif not via and self.last is group and self.last_via:
            via = list(self.last_via)  # "وأضاف بيل" right after his relayed quote
        text = self.doc.text
        group.statements.append(Statement(att.start, att.end, text[att.start:att.end], att.cue, att.direct,
                                          att.stance, att.medium, att.cue_start, att.cue_end,
                                          channel=att.channel, via=via))
        self.last = group
        self.last_via = via

    def sources(self) -> list[Source]:
        out = []
        for n, g in enumerate((g for g in self.groups if g.statements), 1):
            g.speaker.affiliation = g.speaker.affiliation or g.affiliation
            g.statements.sort(key=lambda s: s.start)
            out.append(Source(f"s{n}", g.speaker, list(g.via), g.statements))
        return out


def group_sources(doc: Document, attributions: list[Attribution]) -> list[Source]:
    """One Source per distinct speaker, with its statements in text order; ids s1, s2 ..."""
    resolver = _Resolver(doc)
    for att in attributions:
        resolver.add(att)
    return resolver.sources()
