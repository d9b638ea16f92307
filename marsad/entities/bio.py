"""BIO label sequences: the token ranges of the names they mark."""
from __future__ import annotations


def bio_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """(first, last+1, type) token ranges of a BIO sequence, conlleval style: a stray I- opens an entity."""
    out: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, lab in enumerate(list(labels) + ["O"]):
        bio, _, t = lab.partition("-")
        if typ and (bio != "I" or t != typ):
            out.append((start, i, typ))
            typ = ""
        if bio == "B" or (bio == "I" and not typ):
            start, typ = i, t
    return out
