"""Find gazetteer names, demonyms and blocking phrases in normalised text: Aho-Corasick on word boundaries.

A name matches only as whole words, optionally after the proclitics و ف ب ل (وديالى, بالعراق,
لكركوك) or after ل that swallowed the article's alef (للعراق); never inside a word (no بابل in
البابليون) and never followed by a suffix (العراق does not match inside العراقية).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

import ahocorasick

from marsad.places import demonyms, gazetteer
from marsad.resources import word_freq
from marsad.text.normalize import normalize_with_map
from marsad.text.tokenize import proclitic_length

# Proclitic strings allowed before a name inside the same word (not ك "like": كبيرا is not ك + بيرا).
_PREFIXES = frozenset(("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"))
# Before ل+name-without-alef (للعراق = ل + العراق): the ل preposition, maybe after و/ف.
_LL_PREFIXES = frozenset(("ل", "ول", "فل"))

PLACE, DEMONYM, BLOCK = "place", "demonym", "block"


@dataclass(slots=True)
class Hit:
    """A match in normalised text: [start, end) of the name, plus the proclitics before it."""

    start: int
    end: int
    key: str
    kinds: tuple[str, ...]
    prefix: str  # proclitics inside the same word, e.g. "و" in وديالى


@functools.cache
def automaton() -> ahocorasick.Automaton:
    """Pattern -> readings (pattern length, key, needs ل prefix, kinds). Built once per process."""
    gz = gazetteer.load()
    kinds: dict[str, set[str]] = {}
    for k in gz.keys:
        kinds.setdefault(k, set()).add(PLACE)
    for k in demonyms.forms():
        kinds.setdefault(k, set()).add(DEMONYM)
    for k in gz.blocks:
        kinds.setdefault(k, set()).add(BLOCK)
    patterns: dict[str, list[tuple[int, str, bool, tuple[str, ...]]]] = {}
    for k, ks in kinds.items():
        # a place name that is also a demonym form is read as the place (سورية) unless every
        # place with that name is weak (عراقي is a village in Oman, but first the adjective)
        if PLACE in ks and DEMONYM in ks:
            ks = ks - ({PLACE} if all(w for _, w in gz.keys[k]) else {DEMONYM})  # w = weakness
        kt = tuple(sorted(ks))
        patterns.setdefault(k, []).insert(0, (len(k), k, False, kt))
        if k.startswith("ال") and len(k) > 3:
            patterns.setdefault("ل" + k[2:], []).append((len(k) - 1, k, True, kt))
    a = ahocorasick.Automaton()
    for pattern, values in patterns.items():
        # للبنان is ل + لبنان before it is ل + البنان: the direct reading comes first
        a.add_word(pattern, tuple(values))
    a.make_automaton()
    return a


def match_text(text: str) -> tuple[str, list[int]]:
    """Normalised text (whitespace and _ as spaces, # dropped) and each character's offset in `text`."""
    norm, offsets = normalize_with_map(text)
    # hashtags read as words: "منطقة #الرياض" = "منطقة الرياض", #القصر_العيني = "القصر العيني"
    keep = [i for i, c in enumerate(norm) if c != "#"]
    return "".join(" " if norm[i].isspace() or norm[i] == "_" else norm[i] for i in keep), [offsets[i] for i in keep]


def find(norm: str, lenient: bool = False) -> list[Hit]:
    """All name hits on word boundaries, longest first where they overlap.

    `lenient`: the text is known to name a place (a given span), so و/ف/ب/ل before any name are
    proclitics even where the corpus counts cannot tell (بذيبان, بالشونة الجنوبية).
    """
    hits: list[Hit] = []
    n = len(norm)
    for end, values in automaton().iter(norm):
        if end + 1 < n and norm[end + 1].isalnum():
            continue
        for length, key, needs_l, kinds in values:
            start = end - length + 1
            ws = start
            while ws > 0 and norm[ws - 1].isalnum() and start - ws < 3:
                ws -= 1
            prefix = norm[ws:start]
            if ws > 0 and norm[ws - 1].isalnum():
                continue  # inside a longer word
            if prefix not in (_LL_PREFIXES if needs_l else _PREFIXES):
                continue
            first_word = norm[ws:end + 1].split(" ", 1)[0]
            if prefix and not lenient and not _clitic_ok(first_word, len(prefix), PLACE in kinds and _strong(key)):
                continue
            hits.append(Hit(start, end + 1, key, kinds, prefix))
            break
    # longest non-overlapping, leftmost among equals
    hits.sort(key=lambda h: (-(h.end - h.start), h.start))
    taken: list[Hit] = []
    used = bytearray(n + 1)
    for h in hits:
        if any(used[h.start:h.end]):
            continue
        used[h.start:h.end] = b"\x01" * (h.end - h.start)
        taken.append(h)
    taken.sort(key=lambda h: h.start)
    return taken


def _clitic_ok(word: str, prefix_len: int, strong: bool) -> bool:
    """Is the prefix really proclitics? (لديه is not ل + ديه; كبارا is not ك + بارا.)

    The tokenizer decides from corpus counts; a word it has never seen (بالقيصومة) may still be
    split before a name that is a place wherever it occurs.
    """
    return proclitic_length(word) >= prefix_len or (strong and word_freq().get(word, 0) == 0)


def _strong(key: str) -> bool:
    return any(w == 0 for _, w in gazetteer.load().keys.get(key, ()))


def previous_words(norm: str, pos: int, count: int = 3) -> list[str]:
    """Up to `count` words before `pos`, nearest first, separated by spaces only (no punctuation)."""
    words: list[str] = []
    i = pos
    while len(words) < count:
        j = i
        while j > 0 and norm[j - 1] == " ":
            j -= 1
        if j == i and i != pos:
            break
        if j == i and j > 0 and not norm[j - 1].isalnum():
            break
        k = j
        while k > 0 and norm[k - 1].isalnum():
            k -= 1
        if k == j:
            break
        words.append(norm[k:j])
        i = k
    return words


def next_words(norm: str, pos: int, count: int = 2) -> list[str]:
    """Up to `count` words after `pos`, separated by spaces only (punctuation ends the list)."""
    out: list[str] = []
    i = pos
    while len(out) < count:
        j = i
        while j < len(norm) and norm[j] == " ":
            j += 1
        k = j
        while k < len(norm) and norm[k].isalnum():
            k += 1
        if k == j:
            break
        out.append(norm[j:k])
        i = k
    return out


def strip_clitics(word: str, article: bool = False) -> list[str]:
    """The word and its forms without a leading و/ف, then ب/ل, then (if `article`) ال."""
    out = [word]
    w = word
    if len(w) > 3 and w[0] in "وف":
        w = w[1:]
        out.append(w)
    if len(w) > 3 and w[0] in "بل":
        w = w[1:]
        out.append(w)
    if article and len(w) > 4 and w.startswith("ال"):
        out.append(w[2:])  # المنطقة -> منطقة
    return out

