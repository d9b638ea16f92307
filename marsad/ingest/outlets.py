"""Outlet names: trailing page signatures and URL domains (data/outlets.tsv)."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlparse

from marsad.resources import read_tsv
from marsad.text.normalize import normalize

_SIGNATURE_NOUNS = ("موقع", "صحيفة", "صحيفه", "جريدة", "جريده", "وكالة", "وكاله", "قناة", "قناه", "شبكة", "شبكه")


@dataclass(frozen=True)
class Outlet:
    """One row of data/outlets.tsv."""
    arabic: str
    english: str
    domain: str
    country: str  # ISO2
    national: bool  # a paper, channel or agency of its country (its country is a context vote for places)
    aliases: tuple[str, ...]  # other names, e.g. the corpus ids of ../shared/data/news


@functools.cache
def outlets() -> tuple[Outlet, ...]:
    """The outlet table, in file order (a name shared by two rows belongs to the first)."""
    out = []
    for row in read_tsv("outlets.tsv"):
        if row[0] == "arabic":
            continue
        row = row + [""] * (6 - len(row))
        out.append(Outlet(row[0], row[1], row[2], row[3], row[4] == "national",
                          tuple(a for a in row[5].split("|") if a)))
    return tuple(out)


def host_of(url: str) -> str:
    """The URL's host without "www.", lower-cased."""
    return urlparse(url).netloc.casefold().removeprefix("www.")


@functools.cache
def _table() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    by_name: dict[str, tuple[str, str]] = {}
    by_domain: dict[str, str] = {}
    for o in outlets():
        by_name.setdefault(normalize(o.arabic), (o.arabic, o.english))  # the first row wins (الجزيرة: Al Jazeera)
        by_domain.setdefault(o.domain, o.english)
    return by_name, by_domain


def outlet_from_signature(line: str) -> str | None:
    """The outlet named by a closing signature line such as "موقع رأي اليوم", else None."""
    s = line.strip().strip("-–—|•*").strip()
    words = s.split()
    if not words or len(words) > 6 or re.search(r"[.!?؟:،,«»“”\"]", s):
        return None
    by_name, _ = _table()
    n = normalize(s)
    if n in by_name:
        return by_name[n][0]
    if normalize(words[0]) in {normalize(w) for w in _SIGNATURE_NOUNS} and 1 < len(words) <= 5:
        rest = " ".join(words[1:])
        return by_name.get(normalize(rest), (rest, ""))[0]
    return None


def outlet_from_url(url: str | None) -> str | None:
    """English outlet name for a known domain."""
    if not url:
        return None
    host = host_of(url)
    _, by_domain = _table()
    for domain, name in by_domain.items():
        if host == domain or host.endswith("." + domain):
            return name
    return None
