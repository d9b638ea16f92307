"""Trigger detection: lexicon patterns matched on clitic-aware token forms, longest match first."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from marsad.document import Token
from marsad.events.lexicon import GAP, GAP_MAX, PROCLITIC_B, TriggerPattern, trigger_index
from marsad.text.normalize import normalize

# Object pronouns and the accusative alef hang off nouns and verbs (يستهدفها، هجوما).
_SUFFIXES = ("هما", "هم", "ها", "هن", "كم", "نا", "ه", "ا")
# Punctuation that ends a clause: gaps never cross it.
CLAUSE_BREAK = frozenset(".;:!?؛؟")


@functools.lru_cache(maxsize=100_000)
def _keys(norm: str, stem: str) -> frozenset[str]:
    keys = {norm, stem}
    if stem.startswith("ال") and len(stem) > 4:
        keys.add(stem[2:])
    for k in list(keys):
        for suf in _SUFFIXES:
            if k.endswith(suf) and len(k) - len(suf) >= 3:
                base = k[: -len(suf)]
                keys.add(base)
                if base.endswith("ت") and suf != "ا":
                    keys.add(base[:-1] + "ه")  # ة is written ت before a pronoun: موافقتها -> موافقه
    keys.discard("")
    keys.add("=" + norm)  # lexicon forms written '=form' match the whole token only
    return frozenset(keys)


def token_keys(tok: Token) -> frozenset[str]:
    """Normalised forms a lexicon entry may match: whole token, without proclitics, without suffix."""
    stem = normalize(tok.stem)
    if tok.prefix_end == tok.start and len(stem) >= 4 and stem[0] in "وف":
        # the tokenizer keeps a rare conjunction+verb whole (وألغت): try it without the conjunction too
        return _keys(tok.norm, stem) | _keys(stem[1:], stem[1:])
    return _keys(tok.norm, stem)


def ordered_keys(tok: Token) -> list[str]:
    """`token_keys`, most specific first (longest, then alphabetical): for lookups where the first match
    wins, so that the answer does not depend on a set's hash order ("القاعده" before "قاعده")."""
    return sorted(token_keys(tok), key=lambda k: (-len(k), k))


def has_proclitic(tok: Token, letter: str) -> bool:
    return letter in normalize(tok.prefix).replace("ال", "")


def is_break(tok: Token) -> bool:
    return tok.kind == "punct" and tok.norm in CLAUSE_BREAK


@dataclass(slots=True)
class TriggerMatch:
    """A pattern matched in one sentence; `tokens` are the matched token indices (gaps excluded)."""

    pattern: TriggerPattern
    tokens: list[int]
    casualty: bool = False  # names the toll (مقتل، إصابة) rather than the act

    @property
    def first(self) -> int:
        return self.tokens[0]

    @property
    def last(self) -> int:
        return self.tokens[-1]

    @property
    def type(self) -> str:
        return self.pattern.type


def _match_from(pattern: TriggerPattern, tokens: list[Token], i: int, end: int) -> list[int] | None:
    """Match `pattern` starting at token i (< end); return matched indices or None."""

    def rec(el: int, pos: int, acc: list[int]) -> list[int] | None:
        if el == len(pattern.elements):
            return acc
        spec = pattern.elements[el]
        if spec == GAP:
            for skip in range(0, GAP_MAX + 1):
                if pos + skip > end or any(is_break(tokens[j]) for j in range(pos, min(pos + skip, end))):
                    break
                got = rec(el + 1, pos + skip, acc)
                if got is not None:
                    return got
            return None
        if pos >= end:
            return None
        tok = tokens[pos]
        if spec == PROCLITIC_B:
            ok = tok.kind == "word" and has_proclitic(tok, "ب")
        else:
            ok = tok.kind == "word" and bool(token_keys(tok) & spec)
        return rec(el + 1, pos + 1, acc + [pos]) if ok else None

    return rec(0, i, [])


def find_triggers(tokens: list[Token], start: int, end: int) -> list[TriggerMatch]:
    """All non-overlapping trigger matches in tokens[start:end] (one sentence), blockers included."""
    index = trigger_index()
    cands: list[TriggerMatch] = []
    for i in range(start, end):
        tok = tokens[i]
        if tok.kind != "word":
            continue
        seen: set[int] = set()
        for key in token_keys(tok):
            for p in index.get(key, ()):
                if p.line in seen:
                    continue
                seen.add(p.line)
                got = _match_from(p, tokens, i, end)
                if got:
                    cands.append(TriggerMatch(p, got))
    # longest span wins; then the earlier start; then the earlier lexicon line
    cands.sort(key=lambda m: (-(m.last - m.first), -len(m.tokens), m.first, m.pattern.line))
    claimed: set[int] = set()
    kept = []
    for m in cands:
        if claimed.intersection(m.tokens):
            continue
        claimed.update(m.tokens)
        kept.append(m)
    kept.sort(key=lambda m: m.first)
    return kept
