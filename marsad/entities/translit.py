"""English spellings for Arabic person names the actor table lacks.

Word by word: data/names_en.tsv (common names, hand-written) first, then data/names_translit.tsv.gz
(derived from ANETAC by scripts/build_names_translit.py), then the same consonant skeleton.
"""
from __future__ import annotations

import functools
import gzip

from marsad.resources import data_path, read_tsv
from marsad.text.normalize import normalize

_VOWELS = set("اويء")
# Consonant skeletons collide more on short words; below this length only exact spellings are used.
_MIN_SKELETON = 5


def skeleton(word: str) -> str:
    """The word without its long vowels after the first letter: ثورنبيري and ثورنبري -> ثرنبر."""
    return word[:1] + "".join(c for c in word[1:] if c not in _VOWELS)


@functools.cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, list[tuple[str, str]]]]:
    """(hand-written common names, ANETAC list, ANETAC by consonant skeleton)."""
    exact: dict[str, str] = {}
    skel: dict[str, list[tuple[str, str]]] = {}
    with data_path("names_translit.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("arabic\t"):
                continue
            ar, _, en = line.rstrip("\n").partition("\t")
            exact[ar] = en
            if len(ar) >= _MIN_SKELETON:
                skel.setdefault(skeleton(ar), []).append((ar, en))
    common = {normalize(ar): en for ar, en in read_tsv("names_en.tsv")[1:]}
    return common, exact, skel


def word_en(word: str) -> tuple[str, str] | None:
    """(English spelling, source) of one normalised name word; source is "common", "list" or "skeleton"."""
    common, exact, skel = _tables()
    if word in common:
        return common[word], "common"
    if word in exact:
        return exact[word], "list"
    if len(word) >= _MIN_SKELETON and skeleton(word) in skel:
        # among spellings with the same skeleton, the one closest in length (then the first)
        return min(skel[skeleton(word)], key=lambda p: abs(len(p[0]) - len(word)))[1], "skeleton"
    if word.startswith("ال") and len(word) > 4:
        rest = word_en(word[2:])
        return (f"al-{rest[0]}", rest[1]) if rest else None
    return None


def transliterate(name: str) -> str | None:
    """English form of a person name when every word is known ("ماك ثورنبيري" -> "Mac Thornberry").

    A skeleton guess is trusted once per name, and only beside a common given name: "فيروس كورونا"
    (a tagger error) gets no English name.
    """
    found = [word_en(w) for w in normalize(name).split()]
    if not found or None in found:
        return None
    sources = [src for _, src in found]
    if sources.count("skeleton") > 1 or ("skeleton" in sources and "common" not in sources):
        return None
    return " ".join(en for en, _ in found)
