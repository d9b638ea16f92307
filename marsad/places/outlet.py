"""The outlet's country, a weak context vote for the geoparser (data/outlets.tsv, scope column).

Only national outlets vote: a Saudi paper's "المملكة" is Saudi Arabia and its bare village names are
more likely Saudi. Pan-Arab and international outlets (رأي اليوم and عربي21 in London, الجزيرة, العربية,
BBC ...) write about the whole region, so their country says nothing about a place in the text.
"""
from __future__ import annotations

import functools
import re
from urllib.parse import urlparse

from marsad.resources import read_tsv
from marsad.text.normalize import normalize

__all__ = ["outlet_country"]


def _slug(name: str) -> str:
    """A comparable form of a Latin outlet name or domain label: "al-madina" -> "almadina"."""
    return re.sub(r"[^a-z0-9]", "", name.casefold())


def _host(domain: str) -> str:
    return domain.casefold().removeprefix("www.")


@functools.cache
def _table() -> tuple[dict[str, str | None], dict[str, str | None]]:
    """Outlet name (normalised Arabic, Latin slug, alias) -> ISO2 of a national outlet or None; domain -> same."""
    by_name: dict[str, str | None] = {}
    by_domain: dict[str, str | None] = {}
    for row in read_tsv("outlets.tsv"):
        if len(row) < 4 or row[0] == "arabic":
            continue
        arabic, english, domain, country = row[:4]
        vote = country if len(row) > 4 and row[4] == "national" else None
        aliases = row[5].split("|") if len(row) > 5 and row[5] else []
        # the first row of a shared name wins (الجزيرة is Al Jazeera before the Saudi al-Jazirah)
        by_name.setdefault(normalize(arabic), vote)
        for name in (english, domain.split(".")[0], *aliases):
            by_name.setdefault(normalize(name) if re.search(r"[\u0600-\u06ff]", name) else _slug(name), vote)
        by_domain.setdefault(_host(domain), vote)
    return by_name, by_domain


def outlet_country(outlet: str | None, url: str | None = None) -> str | None:
    """ISO2 country of a national outlet named by `outlet` (Arabic or English name, corpus id) or `url`."""
    by_name, by_domain = _table()
    if url:
        host = _host(urlparse(url).netloc)
        for domain, vote in by_domain.items():
            if host == domain or host.endswith("." + domain):
                return vote
    if not outlet:
        return None
    key = normalize(outlet.strip()) if re.search(r"[\u0600-\u06ff]", outlet) else _slug(outlet)
    return by_name.get(key)
