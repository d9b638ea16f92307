"""Arabic numbers in digits or words (cardinal, ordinal, feminine, spoken years "تسعة عشر تسعة وتسعون")."""
from __future__ import annotations

import re

from marsad.times.lexicon import lexicon

_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")


def _lookup(word: str):
    """(value, kind, ordinal) of one normalised word, peeling و and the article ال/لل/ل."""
    nums = lexicon().numbers
    for w in (word, word[1:] if word.startswith("و") else None):
        if not w:
            continue
        for cand in (w, w[2:] if w.startswith("ال") else None, w[2:] if w.startswith("لل") else None,
                     w[1:] if w.startswith("ل") else None):
            if cand and cand in nums:
                return nums[cand]
    return None


def parse_number(text: str) -> tuple[float | int | None, bool]:
    """Value of a number phrase and whether it is an ordinal; (None, False) if it is not one."""
    text = text.strip()
    if _DIGITS.fullmatch(text):
        t = text.replace(",", ".")
        return (float(t) if "." in t else int(t)), False
    items = []
    for w in text.split():
        if w == "و":
            continue
        hit = _lookup(w)
        if hit is None:
            return None, False
        items.append(hit)
    if not items:
        return None, False
    total = cur = 0
    pair_head = None
    ordinal_seen = False
    prev = None
    for value, kind, is_ordinal in items:
        ordinal_seen = ordinal_seen or is_ordinal
        if kind == "ten_marker":
            # عشر after a unit makes a teen (خمسة عشر); alone it is ten
            cur += 10
        elif kind in ("unit", "ten"):
            if prev == "ten_marker" and 11 <= cur <= 19 and total == 0 and pair_head is None and not ordinal_seen:
                # a teen followed by more digits is a year read in pairs: تسعة عشر تسعة وتسعون
                pair_head, cur = cur, value
            else:
                cur += value
        elif kind == "hundred":
            cur = cur * 100 if value == 100 and 0 < cur < 10 else cur + value
        elif kind == "thousand":
            total += (cur or 1) * value if value == 1000 else value
            cur = 0
        elif kind == "thousands":
            total += (cur or 1) * 1000
            cur = 0
        prev = kind
    if pair_head is not None:
        return pair_head * 100 + cur, False
    return total + cur, any(o for _, _, o in items)
