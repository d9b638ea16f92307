"""Outlet and country lookups for speakers, over the shared tables.

`outlets()` reads the media rows of the curated actor table (marsad/data/actors.tsv);
`affiliations()` takes demonyms from the places stage (marsad/places/demonyms.py) and country,
capital and seat-of-power names from marsad/data/attribution/capitals_and_countries.tsv.
"""
from __future__ import annotations

import functools

from marsad.entities.actors import COLUMNS, aliases_of
from marsad.places.demonyms import forms
from marsad.resources import read_tsv
from marsad.text import normalize


def _key(name: str) -> tuple[str, ...]:
    return tuple(normalize(w).lower() for w in name.replace("ـ", " ").split())


@functools.cache
def _outlet_table() -> tuple[dict[tuple[str, ...], tuple[str, str | None]], frozenset[tuple[str, ...]]]:
    rows = read_tsv("actors.tsv")
    assert tuple(rows[0]) == COLUMNS, rows[0]
    table: dict[tuple[str, ...], tuple[str, str | None]] = {}
    firm, strict_keys = set(), set()
    for row in rows[1:]:
        rec = dict(zip(COLUMNS, row))
        if rec["kind"] != "media":
            continue
        for alias, strict in aliases_of(rec["aliases"], rec["name_ar"]):
            key = _key(alias)
            table.setdefault(key, (rec["name_en"], rec["affiliation"] or None))
            (strict_keys if strict else firm).add(key)
    return table, frozenset(strict_keys - firm)


def outlets() -> dict[tuple[str, ...], tuple[str, str | None]]:
    """Normalised outlet name words -> (English name, ISO3 country or None), from the media rows of actors.tsv."""
    return _outlet_table()[0]


def ambiguous_outlets() -> frozenset[tuple[str, ...]]:
    """Outlet names that are also common words ("~" aliases in actors.tsv: الجزيرة، العربية، البيان)."""
    return _outlet_table()[1]


@functools.cache
def outlet_lengths() -> tuple[int, ...]:
    """Word lengths of outlet names, longest first, for greedy matching."""
    return tuple(sorted({len(k) for k in outlets()}, reverse=True))


@functools.cache
def affiliations() -> tuple[dict[str, str], dict[tuple[str, ...], str]]:
    """(normalised demonym form -> ISO3, normalised country/capital words -> ISO3)."""
    demonyms = dict(forms())
    rows = read_tsv("attribution/capitals_and_countries.tsv")
    assert rows[0] == ["type", "arabic", "iso3"], rows[0]
    countries = {_key(arabic): iso3 for _, arabic, iso3 in rows[1:]}
    return demonyms, countries
