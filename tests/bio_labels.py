"""Helpers for tests of BIO-label passes: labels from a dict of names, names from labels."""
from __future__ import annotations

from marsad.entities.bio import bio_spans


def labels_for(words: list[str], names: dict[str, str]) -> list[str]:
    """BIO labels giving each listed word sequence (space-joined) its type."""
    labs = ["O"] * len(words)
    for name, typ in names.items():
        parts = name.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i:i + len(parts)] == parts:
                labs[i:i + len(parts)] = [f"B-{typ}"] + [f"I-{typ}"] * (len(parts) - 1)
    return labs


def names_in(words: list[str], labs: list[str]) -> list[tuple[str, str]]:
    """(name, type) of every span the labels mark."""
    return [(" ".join(words[a:b]), t) for a, b, t in bio_spans(labs)]
