"""Country of a demonym adjective (أمريكي، الإيرانية، الأمريكيين -> ISO3), for roles and institutions."""
from __future__ import annotations

from marsad.places.demonyms import forms


def demonym_iso3(norm: str) -> str | None:
    """ISO3 for a normalised word that is a demonym form (with or without ال), else None."""
    return forms().get(norm)
