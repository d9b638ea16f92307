"""The outlet's country, a weak context vote for the geoparser (data/outlets.tsv, scope column).

Only national outlets vote: a Saudi paper's "المملكة" is Saudi Arabia and its bare village names are
more likely Saudi. Pan-Arab and international outlets (رأي اليوم and عربي21 in London, الجزيرة, العربية,
BBC ...) write about the whole region, so their country says nothing about a place in the text.
"""
from __future__ import annotations

import functools
import re

from marsad.ingest.outlets import host_of, outlets
from marsad.text.normalize import normalize

__all__ = ["outlet_country"]


_ARABIC = re.compile(r"[\u0600-\u06ff]")


def _name_key(name: str) -> str:
    """A comparable form of an outlet name: normalised Arabic, or a Latin slug ("al-madina" -> "almadina")."""
    return normalize(name.strip()) if _ARABIC.search(name) else re.sub(r"[^a-z0-9]", "", name.casefold())


@functools.cache
def _table() -> tuple[dict[str, str | None], dict[str, str | None]]:
    """Outlet name (Arabic, English, domain label, alias) -> ISO2 of a national outlet or None; domain -> same."""
    by_name: dict[str, str | None] = {}
    by_domain: dict[str, str | None] = {}
    for o in outlets():
        vote = o.country if o.national else None
        # the first row of a shared name wins (الجزيرة is Al Jazeera before the Saudi al-Jazirah)
        for name in (o.arabic, o.english, o.domain.split(".")[0], *o.aliases):
            by_name.setdefault(_name_key(name), vote)
        by_domain.setdefault(o.domain.casefold().removeprefix("www."), vote)
    return by_name, by_domain


def outlet_country(outlet: str | None, url: str | None = None) -> str | None:
    """ISO2 country of a national outlet named by `outlet` (Arabic or English name, corpus id) or `url`."""
    by_name, by_domain = _table()
    if url:
        host = host_of(url)
        for domain, vote in by_domain.items():
            if host == domain or host.endswith("." + domain):
                return vote
    if not outlet:
        return None
    return by_name.get(_name_key(outlet))
