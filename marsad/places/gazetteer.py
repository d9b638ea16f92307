"""The shipped gazetteer (data/gazetteer/places.tsv.gz): records and their normalised match keys, loaded once."""
from __future__ import annotations

import functools
import gzip
import math
from dataclasses import dataclass

from marsad.resources import data_path, read_tsv
from marsad.text.normalize import normalize

# Levels a place can have; "region" is a curated supra-national or sub-national area.
LEVELS = ("country", "region", "admin1", "admin2", "admin3", "city", "neighbourhood", "site")


# Key suffixes written by the build: village-type name, also a common word, curated common word,
# anaphor ("المملكة": the kingdom the text names elsewhere).
_WEAKNESS = {"~": 1, "^": 2, "!": 3, "@": 4}
ANAPHOR = 4


@dataclass(frozen=True, slots=True)
class Record:
    """One gazetteer entry (see scripts/build_gazetteer.py for its sources)."""

    id: str
    level: str
    country: str | None
    name_ar: str
    name_en: str
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    source: str

    @property
    def major(self) -> bool:
        """Countries, regions, governorates, curated sites and cities of 100k or more."""
        return self.level in ("country", "region", "admin1") or self.population >= 100_000 or self.id.startswith("cur:")


@dataclass(slots=True)
class Gazetteer:
    records: list[Record]
    keys: dict[str, list[tuple[int, int]]]  # key -> [(record index, weakness 0..3, see disambiguation)]
    blocks: set[str]  # phrases that contain a place name but are not places


@functools.cache
def load() -> Gazetteer:
    """Read places.tsv.gz once per process."""
    records: list[Record] = []
    keys: dict[str, list[tuple[int, int]]] = {}
    blocks: set[str] = set()
    with data_path("gazetteer/places.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        header = None
        for line in fh:
            if line.startswith("#"):
                continue
            f = line.rstrip("\n").split("\t")
            if header is None:
                header = f
                continue
            if f[1] == "block":
                blocks.add(f[10])
                continue
            idx = len(records)
            records.append(Record(
                id=f[0], level=f[1], country=f[2] or None, name_ar=f[3], name_en=f[4], admin1=f[5] or None,
                admin2=f[6] or None, lat=float(f[7]), lon=float(f[8]), population=int(f[9] or 0), source=f[11],
            ))
            for k in f[10].split("|"):
                weakness = _WEAKNESS.get(k[-1], 0)
                keys.setdefault(k.rstrip("~^!@"), []).append((idx, weakness))
    return Gazetteer(records, keys, blocks)


@functools.cache
def country_names_en() -> dict[str, str]:
    """ISO2 -> the English name of the gazetteer's country record ("BH" -> "Bahrain")."""
    return {r.country: r.name_en for r in load().records if r.level == "country" and r.country and r.name_en}


_HOME_LEVELS = frozenset(("city", "admin2", "admin3", "neighbourhood"))


@functools.cache
def containing() -> dict[str, list[int]]:
    """Word sequences inside multi-word keys of towns, districts and neighbourhoods -> records
    ("الواله" -> نزهة الوالة). Built once (the Geoparser stage builds it when it loads)."""
    gz = load()
    index: dict[str, set[int]] = {}
    for key, cands in gz.keys.items():
        if " " not in key:
            continue
        words = key.split(" ")
        cands = [(r, w) for r, w in cands if gz.records[r].level in _HOME_LEVELS]
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                if j - i < len(words):
                    index.setdefault(" ".join(words[i:j]), set()).update(r for r, w in cands if w != ANAPHOR)
    return {k: sorted(v) for k, v in index.items()}


def _word_table(name: str) -> dict[str, str]:
    """A two-column curated table keyed by normalised Arabic (header row skipped)."""
    return {normalize(row[0]): row[1] for row in read_tsv(name)[1:] if len(row) >= 2}


@functools.cache
def qualifiers() -> dict[str, str]:
    """Normalised directional word/phrase -> English qualifier (data/gazetteer/qualifiers.tsv)."""
    return _word_table("gazetteer/qualifiers.tsv")


@functools.cache
def triggers() -> dict[str, str]:
    """Normalised place-introducing word -> preferred level (data/gazetteer/triggers.tsv)."""
    return _word_table("gazetteer/triggers.tsv")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p = math.pi / 180
    a = 0.5 - math.cos((lat2 - lat1) * p) / 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * (1 - math.cos((lon2 - lon1) * p)) / 2
    return 12742 * math.asin(math.sqrt(max(a, 0.0)))
