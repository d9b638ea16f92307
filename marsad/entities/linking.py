"""Group a document's name mentions into entities: curated actors, institutions and tagger names.

Curated actor hits group by actor; "head + demonym" institutions by (institution, country), so that
"الخارجية الإيرانية" joins "وزارة الخارجية الإيرانية". A tagger name joins an entity of its type when it
is the same words or their tail (ترامب in دونالد ترامب, سليماني in قاسم سليماني); tagger spans that
overlap a curated or institution match are dropped there (the curated type and name win).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from marsad.entities.actors import Actor
from marsad.entities.context import context
from marsad.entities.lexicon import Institution, bare_institutions, strip_article
from marsad.resources import GIVEN_NAME_COUNT, word_freq
from marsad.text.normalize import normalize

# Tails shorter than this are not enough to call two person names the same (initials, "بن").
_MIN_TAIL_CHARS = 3
_TAIL_TYPES = frozenset({"PER", "ORG"})


@dataclass(slots=True)
class Candidate:
    """One name mention before grouping."""

    start: int
    end: int
    type: str
    words: tuple[str, ...]  # normalised words of the span
    actor: Actor | None = None
    institution: Institution | None = None
    iso3: str | None = None  # the institution's country
    after_lam: bool = False  # span starts at the ل of لل (the article's alef dropped)
    hyphenated: bool = False  # written against a hyphen ("ميونغ-سو"): part of a longer name

    @property
    def key(self) -> tuple[str, ...]:
        """Words with the first one's article dropped: "لولايات المتحدة" (from "للولايات") = "الولايات المتحدة"."""
        if not self.words:
            return ()
        first = self.words[0][1:] if self.after_lam else strip_article(self.words[0])
        return (first,) + self.words[1:]


@dataclass(slots=True)
class Group:
    """The mentions of one entity, with what the table, the text or transliteration tells about it."""

    type: str
    mentions: list[Candidate] = field(default_factory=list)
    actor: Actor | None = None
    institution: Institution | None = None
    iso3: str | None = None
    roles: list[str] = field(default_factory=list)
    role_mentions: list[tuple[int, int]] = field(default_factory=list)
    head_mentions: list[tuple[int, int]] = field(default_factory=list)  # "الوزارة" after "وزارة الداخلية"
    affiliation: str | None = None

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def fullest(self) -> Candidate:
        """The mention with the most words, then the most characters, then the earliest; for a curated
        actor, mentions holding its name's last word first ("سلمان بن عبدالعزيز" over "خادم الحرمين")."""
        surname = normalize(self.actor.name_ar).split()[-1] if self.actor else ""
        return max(self.mentions, key=lambda m: (surname in "".join(m.words), len(m.words), not m.after_lam,
                                                 m.end - m.start, -m.start))

    def has_tail(self, key: tuple[str, ...], words: tuple[str, ...]) -> bool:
        """The name is one of this entity's mentions, or their last words (a surname, a short form)."""
        for m in self.mentions:
            if m.key == key:
                return True
            if (
                self.type in _TAIL_TYPES
                and len(words) < len(m.words)
                and m.words[-len(words):] == words
                and len(words[-1]) >= _MIN_TAIL_CHARS
            ):
                return True
        return False


def link(curated: list[Candidate], tagged: list[Candidate]) -> list[Group]:
    """Groups for the curated/institution candidates, then each tagger candidate joined or added."""
    groups: list[Group] = []
    by_key: dict[tuple, Group] = {}
    for c in curated:
        if c.actor is not None:
            key: tuple = ("actor", c.actor.id)
        else:
            key = ("inst", c.institution.key if c.institution else None, c.iso3)
        g = by_key.get(key)
        if g is None:
            g = Group(type=c.type, actor=c.actor, institution=c.institution, iso3=c.iso3)
            by_key[key] = g
            groups.append(g)
        g.mentions.append(c)
    # longest names first, so that a surname finds the full name wherever it occurs
    for c in sorted(tagged, key=lambda c: (-len(c.words), c.start)):
        matches = [g for g in groups if g.type == c.type and g.has_tail(c.key, c.words)]
        if not matches and c.type == "ORG":
            matches = _same_institution(groups, c)
        if not matches and c.type == "PER":
            matches = _first_name_of(groups, c)
        if matches:
            g = min(matches, key=lambda g: _distance(g, c))
        else:
            g = Group(type=c.type)
            groups.append(g)
        g.mentions.append(c)
    for g in groups:
        g.mentions.sort(key=lambda m: m.start)
    groups.sort(key=lambda g: g.first)
    return groups


def _first_name_of(groups: list[Group], c: Candidate) -> list[Group]:
    """A one-word person name that begins the longer name of exactly one person in the article
    ("فابيو" after "فابيو كابيلو", "شي" after "شي جين بينغ"); not a particle (أبو, عبد) or a word too
    frequent to be anyone's in particular ("محمد": "النبي محمد" is not Mohammed bin Salman).
    A name written against a hyphen ("ميونغ-سو") is not a first name alone."""
    if len(c.words) != 1 or c.after_lam or c.hyphenated:
        return []
    word = c.words[0]
    if len(word) < 2 or word in _particles() or word_freq().get(word, 0) >= GIVEN_NAME_COUNT:
        return []
    same = [g for g in groups if g.type == "PER" and any(len(m.words) > 1 and m.words[0] == word for m in g.mentions)]
    return same if len(same) == 1 else []


@functools.cache
def _particles() -> frozenset[str]:
    """Name particles, normalised: never a first name on their own."""
    ctx = context()
    return frozenset(normalize(p) for p in ctx.before | ctx.last | ctx.link)


def _same_institution(groups: list[Group], c: Candidate) -> list[Group]:
    """A ministry named without its country ("وزارة الداخلية") joins the one the article names with its
    country ("وزارة الداخلية التونسية"), when there is exactly one."""
    inst = bare_institutions().get(c.words)
    if inst is None:
        return []
    same = [g for g in groups if g.institution is not None and g.institution.key == inst.key]
    return same if len(same) == 1 else []


def _distance(g: Group, c: Candidate) -> int:
    """How far back the group's nearest mention is (mentions after the candidate count as far)."""
    before = [c.start - m.end for m in g.mentions if m.end <= c.start]
    return min(before) if before else 10**9 + min(m.start for m in g.mentions)
