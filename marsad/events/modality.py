"""Modality of an event: asserted, future, hypothetical, negated or denied, from cues around its trigger.

Cues come from marsad/data/events/modality.tsv with how far before/after the trigger they reach. Most
cues stop at a comma (they govern their own clause); conditionals may cross one comma ("إذا حدث ذلك،
إيران ستدفع") and denials reach across the whole sentence ("تنفي إيران، وتكرر عدم نيتها مهاجمة").
When several cues apply, the strongest claim about reality wins: denied > negated > hypothetical >
future > asserted.
"""
from __future__ import annotations

import functools

from marsad.document import Token
from marsad.events.lexicon import function_words, modality_cues, word_set
from marsad.events.triggers import has_proclitic, is_break, ordered_keys, token_keys
from marsad.text.normalize import normalize

RANK = {"denied": 4, "negated": 3, "hypothetical": 2, "future": 1, "asserted": 0}
_CONDITIONAL = function_words("conditional")
_COPULA = function_words("copula")
_NOT_NEGATION_NEXT = function_words("not_negation")
_NEGATORS = function_words("negators")
_IMPERFECT = tuple("يتن")


def _matches_at(tokens: list[Token], j: int, seq: tuple[str, ...], lo: int, hi: int, exact: bool = False) -> bool:
    """The cue `seq` starts at token j; `exact` compares whole words only (negators: بعدما is not بعدم)."""
    if j + len(seq) > hi or j < lo:
        return False
    for k, w in enumerate(seq):
        tok = tokens[j + k]
        if tok.kind != "word":
            return False
        if exact:
            if w != tok.norm and w != normalize(tok.stem):
                return False
        elif w not in token_keys(tok) and w != tok.norm:
            return False
    return True


@functools.cache
def _cue_index() -> tuple[dict[str, list], int, int]:
    """Cue forms by their first word, and the longest reach before and after a trigger."""
    index: dict[str, list] = {}
    before = after = 0
    for cue in modality_cues():
        before, after = max(before, cue.before or 0), max(after, cue.after or 0)
        for seq in cue.forms:
            index.setdefault(seq[0], []).append((cue, seq))
    return index, before, after


def _starting_at(tok: Token, index: dict[str, list]) -> list:
    """The (cue, form) pairs whose first word this token may be."""
    if tok.kind != "word":
        return []
    out = []
    for key in dict.fromkeys(ordered_keys(tok) + [tok.norm, normalize(tok.stem)]):
        out += index.get(key, ())
    return out


def _cue_hits(tokens: list[Token], lo: int, hi: int, first: int, last: int, after: bool = True):
    """Yield (modality, cue token index, side, first word) for every cue whose reach covers the trigger.

    The window is walked once, looking up the cues that can start at each token (not every cue at
    every token): most cues stop at a comma, conditionals cross one, denials any number.
    """
    index, max_before, max_after = _cue_index()
    commas = 0
    j = first - 1
    while j >= lo and first - j <= max_before:
        tok = tokens[j]
        if is_break(tok):
            break
        if tok.kind == "punct" and tok.norm in ",،":
            commas += 1
        for cue, seq in _starting_at(tok, index):
            if not cue.before or first - j > cue.before:
                continue
            limit = 99 if cue.modality == "denied" else (1 if seq[0] in _CONDITIONAL else 0)
            if commas > limit:
                continue
            if _matches_at(tokens, j, seq, lo, hi, cue.modality == "negated") and j + len(seq) <= first:
                yield cue.modality, j, "before", seq[0]
        j -= 1
    commas = 0
    j = last + 1
    while j < hi and j - last <= max_after:
        tok = tokens[j]
        if is_break(tok):
            break
        if tok.kind == "punct" and tok.norm in ",،":
            commas += 1
        for cue, seq in _starting_at(tok, index):
            if not cue.after or j - last > cue.after or not (after or cue.modality == "denied"):
                continue
            if commas and cue.modality != "denied":
                continue
            if _matches_at(tokens, j, seq, lo, hi, cue.modality == "negated"):
                yield cue.modality, j, "after", seq[0]
        j += 1


def classify(tokens: list[Token], lo: int, hi: int, first: int, last: int, nominal: bool, after: bool = True,
             fresh: bool = False) -> str:
    """Modality of the trigger tokens[first..last] in the sentence tokens[lo:hi]. `fresh`: the trigger is a
    verb opening a coordinated clause (واتهمت، وأفرجت), so cues of the clause before do not reach it."""
    found: set[str] = set()
    if fresh:
        lo = first
    intent = word_set("intent_verbs.txt")
    for modality, j, side, word in _cue_hits(tokens, lo, hi, first, last, after):
        nxt = tokens[j + 1] if j + 1 < hi else None
        if modality == "negated":
            if nxt is not None and nxt.norm in _NOT_NEGATION_NEXT:
                continue
            # لم يكن الاجتماع دعوة...: the copula's subject is not negated, its predicate is
            if nominal and nxt is not None and nxt.norm in _COPULA:
                continue
        found.add(modality)
    # a negator right before an intent word that governs the trigger: لا يرغب بفتح صراع / عدم نيتها مهاجمة
    for j in range(max(lo, first - 4), first):
        if token_keys(tokens[j]) & intent and j > lo:
            prev = tokens[j - 1]
            if prev.norm in _NEGATORS or normalize(prev.stem) in _NEGATORS:
                found.add("negated")
    # قد + imperfect = may (hypothetical); إن + perfect verb = conditional
    cond = word_set("conditional_verbs.txt")
    for j in range(max(lo, first - 6), min(hi, last + 7) if after else first):
        tok = tokens[j]
        if j + 1 >= hi or tok.kind != "word":
            continue
        nxt = tokens[j + 1]
        if tok.norm == "قد" and j < first and first - j <= 3 and nxt.norm.startswith(_IMPERFECT):
            found.add("hypothetical")
        if tok.norm in ("ان", "وان") and tok.text.startswith(("إن", "وإن", "ان", "وان")) and nxt.norm in cond:
            if _clause_between(tokens, min(j, first), max(j, last)):
                found.add("hypothetical")
    # س+imperfect on the trigger or a verb just before it (ستدفع، سيكون هجوما)
    for j in range(max(lo, first - 3), last + 1):
        tok = tokens[j]
        if tok.kind == "word" and has_proclitic(tok, "س") and tok.prefix_end > tok.start:
            found.add("future")
    if not found:
        return "asserted"
    return max(found, key=RANK.__getitem__)


def _clause_between(tokens: list[Token], a: int, b: int) -> bool:
    """No clause break (or comma) between token a and token b."""
    return not any(is_break(t) or (t.kind == "punct" and t.norm in ",،") for t in tokens[a:b + 1])
