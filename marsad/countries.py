"""ISO 3166-1 country codes shared by every stage (data/countries_iso.tsv, scripts/build_countries_iso.py)."""
from __future__ import annotations

import functools

from marsad.resources import read_tsv


@functools.cache
def _iso3_by_iso2() -> dict[str, str]:
    rows = read_tsv("countries_iso.tsv")
    assert rows[0] == ["iso2", "iso3"], rows[0]  # the header the build script writes
    return {a2: a3 for a2, a3 in rows[1:]}


def iso3_from_iso2(code: str | None) -> str | None:
    """ISO3 for an ISO2 code (any case, surrounding blanks ignored), else None."""
    return _iso3_by_iso2().get((code or "").strip().upper())
