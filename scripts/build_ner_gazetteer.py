"""Build marsad/data/ner/gazetteer.tsv: which words begin (B) or continue (I) a known PER/LOC/ORG name.

Sources: ../shared/data/gazetteer/names/anergazet (Benajiba's ANERgazet) and names/anetac (ANETAC
English-Arabic named entities, Arabic side). Words are keyed by marsad.entities.features.word_key.
Usage: python scripts/build_ner_gazetteer.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import collections
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from marsad.entities.features import word_key  # noqa: E402

ARABIC = re.compile(r"[\u0621-\u064A]")
ANETAC = {"PERSON": "PER", "LOCATION": "LOC", "ORGANIZATION": "ORG"}


def names(data: pathlib.Path):
    """(type, [arabic words]) for every gazetteer entry."""
    g = data / "gazetteer/names"
    for typ, fname in (("LOC", "AlignedLocGazetteer.txt"), ("ORG", "AlignedOrgGazetteer.txt"),
                       ("PER", "AlignedPersGazetteer.txt")):
        for line in (g / "anergazet" / fname).read_text(encoding="utf-8").splitlines():
            words = line.split()
            if words and ARABIC.search(line):
                yield typ, words
    for line in (g / "anetac/EN-AR_Named-entities.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts and parts[0] in ANETAC:
            words = [w for w in parts[1:] if ARABIC.search(w)]
            if words:
                yield ANETAC[parts[0]], words


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data"))
    ap.add_argument("--out", default=str(ROOT / "marsad/data/ner/gazetteer.tsv"))
    args = ap.parse_args()
    flags: dict[str, set[str]] = collections.defaultdict(set)
    for typ, words in names(pathlib.Path(args.data)):
        for i, w in enumerate(words):
            flags[word_key(w)].add(f"{typ}-{'B' if i == 0 else 'I'}")
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write("# NER gazetteer flags: word key <TAB> comma-separated TYPE-B/TYPE-I "
                 "(first / later word of a name). Built by scripts/build_ner_gazetteer.py from "
                 "ANERgazet and ANETAC (../shared/data/gazetteer/names).\n")
        for k in sorted(flags):
            if k:
                fh.write(f"{k}\t{','.join(sorted(flags[k]))}\n")
    print(f"{len(flags)} words -> {args.out}")


if __name__ == "__main__":
    main()
