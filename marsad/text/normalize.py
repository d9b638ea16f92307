"""Normalisation for matching: the original text is never changed, only compared in this form.

Every function here maps one character to at most one character (or deletes it), so a
normalised string can be mapped back to offsets in the original with `normalize_with_map`.
"""
from __future__ import annotations

import re

# Diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks) and tatweel are dropped.
_DROP = "".join(chr(c) for c in range(0x0610, 0x061B)) + "".join(
    chr(c) for c in range(0x064B, 0x0660)
) + "\u0670\u0640" + "".join(chr(c) for c in range(0x06D6, 0x06EE)) + "\u200c\u200d\u200e\u200f\u200b\ufeff"

_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي",
    "ة": "ه",
    "ؤ": "و", "ئ": "ي",
    "ک": "ك", "ڪ": "ك", "گ": "ك",
    "ٮ": "ب", "ڤ": "ف", "پ": "ب", "چ": "ج",
    "٬": ",", "،": ",", "؛": ";", "؟": "?",
}
for _i in range(10):
    _MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _MAP[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian) digits

_TABLE = str.maketrans({**_MAP, **{c: None for c in _DROP}})


_MARKS = str.maketrans({c: None for c in _DROP})


def strip_marks(text: str) -> str:
    """Drop diacritics, tatweel and invisible marks only; letters (أ إ آ ى ة) stay as written."""
    return text.translate(_MARKS)


def normalize(text: str) -> str:
    """Fold alef/hamza forms, ى→ي, ة→ه, Persian letters, digits; drop diacritics and tatweel."""
    return text.translate(_TABLE)


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Normalise and return, for each output character, its offset in `text`."""
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        n = ch.translate(_TABLE)
        if n:
            out.append(n)
            offsets.append(i)
    return "".join(out), offsets


_DIGITS = str.maketrans({chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)})


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII, nothing else."""
    return text.translate(_DIGITS)


_AR_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")


def arabic_ratio(text: str) -> float:
    """Share of letters that are Arabic script, to reject non-Arabic input."""
    letters = [c for c in text[:20000] if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if _AR_LETTER.match(c)) / len(letters)
