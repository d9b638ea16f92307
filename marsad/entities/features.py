"""Word keys shared by the embedding builder, the NER trainer and the tagger (one definition, no drift)."""
from __future__ import annotations

import re

from marsad.text.normalize import normalize
from marsad.text.tokenize import proclitic_length

_DIGIT = re.compile(r"[0-9]")
_TOKEN = re.compile(
    r"[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u0640\u064B-\u065F\u0670]+"
    r"|[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,٫][0-9\u0660-\u0669\u06F0-\u06F9]+)*"
    r"|[A-Za-z\u00C0-\u024F]+(?:['’.-][A-Za-z]+)*"
    r"|[^\s\w]|_|\w+"
)


def word_key(word: str) -> str:
    """Embedding key of a surface word: normalised Arabic, lower-cased Latin, every digit 0."""
    return norm_key(normalize(word))


def norm_key(norm: str) -> str:
    """`word_key` of a word already normalised (a Token's `norm`)."""
    return _DIGIT.sub("0", norm.lower())


def split_words(text: str) -> list[str]:
    """Surface words of a raw text, split like marsad.text.tokenize (for corpus building)."""
    return _TOKEN.findall(text)


def stem_key(key: str) -> str:
    """The key without its proclitics (و ف ب ل ك س ال), by the tokenizer's own rule."""
    n = proclitic_length(key)
    return key[n:] if n else key
