"""Sports clubs named after places ("ريال مدريد", "انضمامه إلى روما", "العين الإماراتي") are not places.

Word lists in data/gazetteer/clubs.tsv. A name is a club after a club word (ريال، وفاق، نادي ...) or
before one (سيتي، يونايتد); and, in a sentence about sport, before a masculine nisba (a city is
feminine: "ميلانو الإيطالية", a club masculine: "موناكو الفرنسي"), or when it is a well-known club's
name without a locative في/بـ or a place word before it ("في روما" is the city).
"""
from __future__ import annotations

import functools
from collections.abc import Callable

from marsad.places import demonyms, gazetteer, matching
from marsad.resources import read_tsv
from marsad.text.normalize import normalize


@functools.cache
def words() -> dict[str, frozenset[str]]:
    """Kind (prefix|suffix|cue|club|locative|link) -> normalised words."""
    kinds: dict[str, set[str]] = {}
    for row in read_tsv("gazetteer/clubs.tsv")[1:]:
        kinds.setdefault(row[1], set()).add(normalize(row[0]))
    return {k: frozenset(v) for k, v in kinds.items()}


def sporty(sentence_norm: str) -> bool:
    """Does a (normalised) sentence hold a sports word?"""
    cues = words()["cue"]
    return any(w in cues for word in sentence_norm.split() for w in matching.strip_clitics(word))


def place_word(word: str) -> bool:
    """Does this word (proclitics removed) say that a place name follows: a locative preposition (في، قرب)
    or a place noun (مدينة، منطقة)? After it a club's city is the city."""
    return word in words()["locative"] or gazetteer.triggers().get(word) not in (None, "prep")


def in_place_list(norm: str, hits: list[matching.Hit], n: int) -> bool:
    """Is hits[n] next to a town that is no club's name, in a list or a route ("أبوظبي والعين ودبي")?"""
    gz = gazetteer.load()
    for m in (n - 1, n + 1):
        if not 0 <= m < len(hits):
            continue
        first, second = sorted((hits[m], hits[n]), key=lambda h: h.start)
        link = norm[first.end:second.start].replace(" ", "")
        if (link and link not in words()["link"]) or hits[m].key in words()["club"]:
            continue
        if any(w == 0 and gz.records[i].level not in ("country", "region") for i, w in gz.keys.get(hits[m].key, ())):
            return True
    return False


def is_club(norm: str, hit: matching.Hit, sentence_norm: Callable[[], str],
            listed_with_towns: Callable[[], bool] = lambda: False) -> bool:
    """Is this name hit (in normalised text) part of or the whole of a sports club's name?

    `sentence_norm` returns the normalised sentence around the hit, `listed_with_towns` whether the
    name stands in a list of towns (see `in_place_list`); both are asked only when needed.
    """
    kinds = words()
    prev = matching.previous_words(norm, hit.start - len(hit.prefix), 1)
    if not hit.prefix and prev and any(w in kinds["prefix"] for w in matching.strip_clitics(prev[0])):
        return True  # "ريال مدريد", "وفاق سطيف", "نادي نجران"
    nxt = matching.next_words(norm, hit.end, 2)
    if nxt and (nxt[0] in kinds["suffix"] or " ".join(nxt) in kinds["suffix"]):
        return sporty(sentence_norm())  # "مانشستر سيتي", not "القطيف سيتي مول"
    if nxt and nxt[0] in demonyms.masculine():
        return sporty(sentence_norm())  # "العين الإماراتي", "موناكو الفرنسي": the nisba describes a club
    if hit.key not in kinds["club"] or "ب" in hit.prefix:
        return False
    before = matching.strip_clitics(prev[0]) if prev else []
    if any(place_word(w) for w in before):
        return False  # "في روما", "مدينة برشلونة"
    return sporty(sentence_norm()) and not listed_with_towns()  # not "أربع مدن وهي أبوظبي والعين ودبي"
