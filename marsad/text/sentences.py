"""Sentence splitting that does not break at the Arabic comma and keeps quotations whole.

Boundaries: . ! ? ؟ … and line breaks. Never inside «» “” or "" (a quotation spanning several
sentences stays in one), never between digits (3.5). An unbalanced quote is closed at the end of
its paragraph so that one stray mark cannot swallow an article.
"""
from __future__ import annotations

import re

from marsad.document import Sentence, Token

_END = set(".!?؟…")
_OPEN_CLOSE = {"«": "»", "“": "”", "„": "“"}
_CLOSERS = set(_OPEN_CLOSE.values())
_TRAILING = set("»”\"')]")


_SPECIAL = re.compile(r'[\n.!?؟…«»“”„"]')


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of sentences (leading/trailing whitespace excluded)."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    depth = 0
    straight_open = False
    skip_to = 0

    def push(s: int, e: int) -> None:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))

    # only the characters that can open, close or end something are visited
    for m in _SPECIAL.finditer(text):
        i = m.start()
        if i < skip_to:
            continue
        ch = text[i]
        if ch == "\n":
            push(start, i)
            start = i + 1
            depth = 0
            straight_open = False
        elif ch in _OPEN_CLOSE and not (ch == "“" and depth):
            depth += 1
        elif ch in _CLOSERS and depth:
            depth -= 1
        elif ch == '"':
            straight_open = not straight_open
        elif ch in _END and depth == 0 and not straight_open:
            if ch == "." and 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                continue
            j = i + 1
            while j < n and (text[j] in _END or text[j] in _TRAILING):
                j += 1
            if j >= n or text[j].isspace():
                push(start, j)
                start = j
                skip_to = j
    push(start, n)
    return spans


def assign_sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    """Build Sentence records and set each token's `sent` index."""
    sentences: list[Sentence] = []
    ti = 0
    for si, (s, e) in enumerate(split_sentences(text)):
        first = ti
        while ti < len(tokens) and tokens[ti].start < e:
            tokens[ti].sent = si
            ti += 1
        sentences.append(Sentence(si, s, e, first, ti))
    return sentences
