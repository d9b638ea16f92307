"""Gazetteer phrase matching over a document's tokens: one Aho-Corasick pass, clitic-aware.

The document is seen as its tokens' normalised forms joined by single spaces. A phrase matches when it
ends at a token end and starts at a token start, or after proclitics (و ف ب ل ك, e.g. "وفيلق القدس",
"بالحشد"); the mention span then excludes them. A phrase starting with ال also matches after ل with the
alef dropped ("للحشد الشعبي" -> "لحشد الشعبي").
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

import ahocorasick

from marsad.document import Document, Token
from marsad.entities.lexicon import OUTER_PROCLITIC
from marsad.text.normalize import normalize_with_map
from marsad.text.tokenize import is_hashtag_joiner, tokenize

# Below this length a name's first word is only accepted inside a longer token when the tokenizer also
# split a proclitic there: "بريد" is not ب + "ريد".
_SHORT_STEM = 4


def phrase_key(phrase: str) -> str:
    """A phrase normalised and tokenized exactly as document tokens are (so "عربي21" = "عربي 21")."""
    return " ".join(t.norm for t in tokenize(phrase) if t.norm)


@dataclass(slots=True)
class Hit:
    start: int  # character offsets in doc.text (proclitics excluded)
    end: int
    first: int  # token indices [first, last]
    last: int
    key: str
    value: Any
    after_lam: bool = False  # matched as ل + name without its alef ("للحشد" -> "لحشد")


class DocIndex:
    """A document's tokens as one normalised string with token positions, shared by every matcher."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.tokens: list[Token] = doc.tokens
        self.pos: list[int] = []
        parts = []
        p = 0
        for t in self.tokens:
            self.pos.append(p)
            if is_hashtag_joiner(t):
                continue  # "#أنور_قرقاش" is matched as "انور قرقاش"
            parts.append(t.norm)
            p += len(t.norm) + 1
        self.string = " ".join(parts)

    def token_of(self, p: int) -> int:
        return bisect.bisect_right(self.pos, p) - 1

    def char_offset(self, i: int, k: int) -> int:
        """Original character offset of the k-th normalised character of token i."""
        t = self.tokens[i]
        if k == 0:
            return t.start
        if t.kind == "latin":
            return t.start + k
        _, offsets = normalize_with_map(t.text)
        return t.start + offsets[k] if k < len(offsets) else t.end


class PhraseMatcher:
    """Aho-Corasick automaton of normalised phrases; `find` returns clitic-aware hits on token boundaries."""

    def __init__(self) -> None:
        self._auto = ahocorasick.Automaton()
        self._values: dict[str, list[tuple[Any, bool]]] = {}
        self._built = False

    def add(self, phrase: str, value: Any) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        self._add(key, value, False)
        if key.startswith("ال") and len(key.split(" ", 1)[0]) > 3:
            self._add("ل" + key[2:], value, True)

    def _add(self, key: str, value: Any, after_lam: bool) -> None:
        entry = self._values.setdefault(key, [])
        if (value, after_lam) not in entry:
            entry.append((value, after_lam))

    def build(self) -> None:
        for key, entries in self._values.items():
            self._auto.add_word(key, (key, entries))
        if self._values:
            self._auto.make_automaton()
        self._built = True

    def __len__(self) -> int:
        return len(self._values)

    def find(self, index: DocIndex) -> list[Hit]:
        """Every acceptable hit (overlapping hits included; callers choose among them)."""
        if not self._built:
            self.build()
        if not self._values:
            return []
        s = index.string
        hits: list[Hit] = []
        for end, (key, entries) in self._auto.iter(s):
            if end + 1 < len(s) and s[end + 1] != " ":
                continue
            begin = end - len(key) + 1
            i = index.token_of(begin)
            k = begin - index.pos[i]
            j = index.token_of(end)
            for value, after_lam in entries:
                if not self._start_ok(index, i, k, key, after_lam):
                    continue
                start = index.char_offset(i, k)
                hits.append(Hit(start, index.tokens[j].end, i, j, key, value, after_lam))
        return hits

    @staticmethod
    def _start_ok(index: DocIndex, i: int, k: int, key: str, after_lam: bool) -> bool:
        tok = index.tokens[i]
        prefix = tok.norm[:k]
        if after_lam:
            # the ل of لل: the name's article lost its alef after the preposition
            return k > 0 and prefix.endswith("ل") and bool(OUTER_PROCLITIC.fullmatch(prefix[:-1]))
        if k == 0:
            return True
        if not OUTER_PROCLITIC.fullmatch(prefix):
            return False
        first_word = key.split(" ", 1)[0]
        return tok.prefix_end > tok.start or len(first_word) >= _SHORT_STEM


def select_longest(hits: list) -> list:
    """Non-overlapping hits, longest first (then leftmost): "كتائب حزب الله" beats "حزب الله"."""
    chosen: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), h.start)):
        if any(h.start < e and s < h.end for s, e in taken):
            continue
        chosen.append(h)
        taken.append((h.start, h.end))
    return sorted(chosen, key=lambda h: h.start)

