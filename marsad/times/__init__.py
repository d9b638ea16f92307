"""Time stage: Arabic temporal expressions resolved to ISO values, anchored on the publication date.

Grammar in marsad.times.grammar (regexes built once from the lexicons in data/time/), one handler
per pattern in marsad.times.handlers, selection and merging in marsad.times.extract.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

from marsad.document import Document, TimeExpression
from marsad.text.normalize import normalize
from marsad.times.extract import extract
from marsad.times.grammar import patterns

# combining marks (tanwin, harakat, shadda, sukun, dagger alef) and tatweel
_TRAILING = frozenset([chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"])

__all__ = ["TimeTagger", "find_times", "warm_up"]


def warm_up() -> None:
    """Load everything the stage uses once (grammar, lexicons, the word frequencies behind the future-tense
    test), so that no document pays for it."""
    from marsad.times.handlers import common, durations

    from marsad.times.extract import _bound_cue, _gate_tiers

    patterns()
    _gate_tiers(True)
    _gate_tiers(False)
    _bound_cue()
    common.bound_before()
    common.word_freq()
    durations._accusatives()
    durations._month_next()
    find_times("اليوم", None)


@functools.cache
def _dropped() -> re.Pattern:
    """The characters normalize() deletes (diacritics, tatweel, format marks)."""
    chars = [chr(c) for c in range(0x0600, 0x0700)] + [chr(c) for c in range(0x2000, 0x2070)] + ["\ufeff"]
    return re.compile("[" + "".join(re.escape(c) for c in chars if not normalize(c)) + "]+")


def _offsets(text: str) -> list[int]:
    """For each normalised character its offset in `text` (same as normalize_with_map, faster)."""
    out: list[int] = []
    prev = 0
    for m in _dropped().finditer(text):
        out.extend(range(prev, m.start()))
        prev = m.end()
    out.extend(range(prev, len(text)))
    return out


def find_times(text: str, published: dt.date | dt.datetime | None = None) -> list[TimeExpression]:
    """Temporal expressions of `text` with offsets into it, resolved against `published`."""
    norm = normalize(text)
    offsets = range(len(text)) if len(norm) == len(text) else _offsets(text)
    out = []
    hits = []
    # paragraph by paragraph: no expression crosses a line break, and the per-pattern gates are
    # far more selective on a paragraph than on a whole article
    start = 0
    for para in norm.split("\n"):
        if para.strip():
            for hit in extract(para, published):
                hit.start += start
                hit.end += start
                hits.append(hit)
        start += len(para) + 1
    for hit in hits:
        start, end = offsets[hit.start], offsets[hit.end - 1] + 1
        # take in the diacritics and tatweel the normaliser dropped at the end ("مؤخراً", "هـ")
        while end < len(text) and text[end] in _TRAILING:
            end += 1
        r = hit.res
        out.append(TimeExpression(start, end, text[start:end], r.value, r.grain, r.vague))
    return out


class TimeTagger:
    """Stage: fill `doc.times`."""

    def __init__(self) -> None:
        warm_up()  # compile the grammar and load the lexicons once, before the first document

    def __call__(self, doc: Document) -> Document:
        doc.times = find_times(doc.text, doc.published)
        return doc
