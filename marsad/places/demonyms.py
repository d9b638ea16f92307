"""Demonyms and nisba adjectives (data/demonyms.tsv), inflected systematically into every form."""
from __future__ import annotations

import functools

from marsad.resources import read_tsv
from marsad.text.normalize import normalize

# Suffixes added to a masculine nisba in ي: fem. ة, masc. pl. ون/ين, dual ان/تان/تين, fem. pl. ات.
_SUFFIXES = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ات")


def inflect(nisba: str) -> list[str]:
    """Every normalised form of a (possibly two-word) nisba: أمريكي -> امريكي, الامريكيه, ..."""
    words = normalize(nisba).split()
    forms = []
    for suffix in _SUFFIXES:
        for article in ("", "ال"):
            forms.append(" ".join(article + w + suffix for w in words))
    return forms


@functools.cache
def forms() -> dict[str, str]:
    """Normalised demonym form -> ISO3."""
    out: dict[str, str] = {}
    for row in read_tsv("demonyms.tsv")[1:]:
        iso3, nisbas = row[0], row[2]
        plurals = row[3] if len(row) > 3 else ""
        for n in nisbas.split("|"):
            for f in inflect(n):
                out.setdefault(f, iso3)
        for p in filter(None, plurals.split("|")):
            for article in ("", "ال"):
                out.setdefault(article + normalize(p), iso3)
    return out


@functools.cache
def masculine() -> frozenset[str]:
    """The masculine singular nisbas among the forms ("الفرنسي"): they describe a club, a city takes the
    feminine ("موناكو الفرنسي" the club, "ليون الفرنسية" the city)."""
    return frozenset(f for f in forms() if f.endswith("ي"))


@functools.cache
def iso2_of() -> dict[str, str]:
    """ISO3 -> ISO2 for the countries in the demonym table."""
    return {row[0]: row[1] for row in read_tsv("demonyms.tsv")[1:]}
