"""Country of a demonym adjective (أمريكي، الإيرانية، الأمريكيين -> ISO3) or of a country's name (روسيا,
الولايات المتحدة), for roles and institutions."""
from __future__ import annotations

import functools

from marsad.places.demonyms import forms
from marsad.resources import read_tsv
from marsad.text.normalize import normalize


def demonym_iso3(norm: str) -> str | None:
    """ISO3 for a normalised word that is a demonym form (with or without ال), else None."""
    return forms().get(norm)


@functools.cache
def country_names() -> dict[tuple[str, ...], str]:
    """Normalised words of a country's name -> ISO3 (the country rows of
    data/attribution/capitals_and_countries.tsv, which the statements stage also reads)."""
    rows = read_tsv("attribution/capitals_and_countries.tsv")[1:]
    return {tuple(normalize(arabic).split()): iso3 for kind, arabic, iso3 in rows if kind == "country"}
