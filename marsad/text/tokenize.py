"""Tokens with character offsets, and proclitic segmentation (و ف ب ل ك س ال) that keeps names whole.

A leading و/ف/ب/ك/ل/س/ال is split off only when the remaining stem is an attested word and the
whole form is not far more common than the stem (corpus counts in data/wordfreq.tsv.gz, built by
scripts/build_wordfreq.py): وقال → و+قال, وديالى → و+ديالى, but وزير, واشنطن, فرانكفورت stay whole.
"""
from __future__ import annotations

import functools
import re

from marsad.document import Token
from marsad.resources import keep_whole, word_freq
from marsad.text.normalize import normalize, strip_marks

_TOKEN = re.compile(
    r"(?P<word>[\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u0640\u064B-\u065F\u0670]+)"
    r"|(?P<number>[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[.,٫][0-9\u0660-\u0669\u06F0-\u06F9]+)*)"
    r"|(?P<latin>[A-Za-z\u00C0-\u024F]+(?:['’.-][A-Za-z]+)*)"
    r"|(?P<punct>[^\s\w]|_)"
    r"|(?P<symbol>\w+)"
)

_CONJ = ("و", "ف")
_PREP = ("ب", "ك", "ل")


def _candidates(word: str):
    """Yield (prefix_len, stem, article) for every proclitic combination of a word (marks stripped).

    The word keeps its hamza: the article is written ال, so ألمانيا has no article to split off.
    """
    for c in ("",) + _CONJ:
        if not word.startswith(c):
            continue
        rest1 = word[len(c):]
        # future marker: (و|ف)?س + imperfect verb (سيقول)
        if rest1.startswith("س") and len(rest1) > 3 and rest1[1] in "يتنا":
            yield len(c) + 1, rest1[1:], False
        for p in ("",) + _PREP:
            if not rest1.startswith(p):
                continue
            rest2 = rest1[len(p):]
            if p == "ل" and rest2.startswith("ل") and len(rest2) > 2:
                # لل = ل + ال with the alef dropped (للحكومة)
                yield len(c) + 2, rest2[1:], True
            if rest2.startswith("ال") and len(rest2) > 3:
                yield len(c) + len(p) + 2, rest2[2:], True
            if c or p:
                yield len(c) + len(p), rest2, False


@functools.lru_cache(maxsize=200_000)
def proclitic_length(word: str) -> int:
    """Number of leading letters of a word (diacritics stripped) that are proclitics (0 if none)."""
    norm = normalize(word)
    if len(norm) < 3 or norm in keep_whole():
        return 0
    freq = word_freq()
    whole = freq.get(norm, 0)
    best, best_score = 0, -1.0
    for plen, stem, article in _candidates(word):
        stem = normalize(stem)
        if len(stem) < 2 or (article and "ال" + stem in keep_whole()):
            continue
        if article and plen == 2 and word.startswith("ال"):
            f = whole + 5  # a bare ال before a stem of 2+ letters is the article
        elif article:
            f = max(freq.get(stem, 0), freq.get("ال" + stem, 0))
        else:
            f = freq.get(stem, 0)
        # the stem must be attested and not much rarer than the whole form
        if f < 5 or f * 10 < whole:
            continue
        # prefer the longest split among attested stems, then the most frequent
        score = plen * 1e9 + f
        if score > best_score:
            best, best_score = plen, score
    return best


def orig_prefix_end(text: str, norm_prefix_len: int) -> int:
    """Map a proclitic length in the normalised word back to characters of the original word."""
    if norm_prefix_len == 0:
        return 0
    seen = 0
    for i, ch in enumerate(text):
        if normalize(ch):
            seen += 1
            if seen == norm_prefix_len:
                j = i + 1
                # diacritics or tatweel right after the prefix belong to it
                while j < len(text) and not normalize(text[j]):
                    j += 1
                return j
    return 0


@functools.lru_cache(maxsize=500_000)
def _word_info(surface: str) -> tuple[str, int]:
    """(normalised form, length of the proclitic prefix in original characters) of an Arabic word."""
    norm = normalize(surface)
    plen = proclitic_length(strip_marks(surface)) if norm else 0
    return norm, (orig_prefix_end(surface, plen) if plen else 0)


def is_hashtag_sign(token: Token) -> bool:
    """The "#" of a hashtag ("#بيونغ_يانغ")."""
    return token.text == "#"


def is_hashtag_joiner(token: Token) -> bool:
    """The "_" that joins a hashtag's words ("#بيونغ_يانغ" is read as "بيونغ يانغ")."""
    return bool(token.text) and not token.text.strip("_")


def tokenize(text: str) -> list[Token]:
    """Split text into tokens with offsets; Arabic words carry their proclitic boundary."""
    tokens: list[Token] = []
    append = tokens.append
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "symbol"
        s, e = m.span()
        surface = m.group()
        if kind == "word":
            norm, plen = _word_info(surface)
            if not norm:
                continue  # a lone diacritic or tatweel
            append(Token(len(tokens), s, e, surface, norm, kind, s + plen))
        else:
            append(Token(len(tokens), s, e, surface, surface.lower() if kind == "latin" else normalize(surface),
                         kind, s))
    return tokens


def segments(token: Token) -> list[tuple[int, int]]:
    """Character spans of a token's pieces: each proclitic letter (ال as one), then the stem."""
    if token.prefix_end == token.start:
        return [(token.start, token.end)]
    pieces: list[tuple[int, int]] = []
    i = token.start
    pre = token.text[: token.prefix_end - token.start]
    n = normalize(pre)
    k = 0
    while i < token.prefix_end:
        if n[k:].startswith("ال"):
            step = 2
        elif n[k:] == "لل":
            # ل + (ا)ل: the second ل is the article
            step = 1
        else:
            step = 1
        j = i
        taken = 0
        while j < token.prefix_end and taken < step:
            if normalize(token.text[j - token.start]):
                taken += 1
            j += 1
        while j < token.prefix_end and not normalize(token.text[j - token.start]):
            j += 1
        pieces.append((i, j))
        i = j
        k += step
    pieces.append((token.prefix_end, token.end))
    return pieces
