"""Quotation spans: paired «» “” "" (and variants) over the whole text, allowed to cross sentences."""
from __future__ import annotations

_PAIRS = {"«": "»", "“": "”", "„": "“", "‹": "›"}
_SYMMETRIC = {'"', "″", "ˮ"}
QUOTE_CHARS = frozenset(_PAIRS) | frozenset(_PAIRS.values()) | _SYMMETRIC


def find_quotes(text: str) -> dict[int, int]:
    """Map each opening quote's offset to its closing quote's offset (quotes never cross paragraphs)."""
    pairs: dict[int, int] = {}
    stack: list[tuple[int, str]] = []  # (offset, expected closer)
    open_sym: int | None = None
    for i, ch in enumerate(text):
        if ch == "\n" and i + 1 < len(text) and text[i + 1] == "\n":
            stack.clear()  # an unclosed quote ends with its paragraph
            open_sym = None
        elif ch in _SYMMETRIC:
            if open_sym is None:
                open_sym = i
            else:
                pairs[open_sym] = i
                open_sym = None
        elif stack and ch == stack[-1][1]:
            pairs[stack.pop()[0]] = i
        elif ch in _PAIRS:
            stack.append((i, _PAIRS[ch]))
    return pairs
