"""Build marsad/data/ner/gazetteer.tsv: which words begin (B) or continue (I) a known PER/LOC/ORG name.

Sources: ../shared/data/gazetteer/names/anergazet (Benajiba's ANERgazet) and names/anetac (ANETAC
English-Arabic named entities, Arabic side). Words are keyed by marsad.entities.features.word_key.
Usage: python scripts/build_ner_gazetteer.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import collections
import itertools
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from marsad.entities.bio import bio_spans  # noqa: E402
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


def corpus_names(data: pathlib.Path):
    """(type, [words]) for every name annotated in WikiFANEGold and the Wojood sample (Wikipedia and
    recent Palestinian news; read with train_ner's readers, so classes are mapped the same way)."""
    from train_ner import read_wikifane, read_wojood

    sents = read_wikifane(data / "ner/fane_gold/WikiFANE_Gold_2014_500K.txt")
    sents += read_wojood(data / "ner/wojood_sample/train.txt")
    for words, tags in sents:
        for a, b, typ in bio_spans(tags):
            if typ in ("PER", "LOC", "ORG"):
                yield typ, words[a:b]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=str(ROOT.parent / "shared/data"))
    ap.add_argument("--out", default=str(ROOT / "marsad/data/ner/gazetteer.tsv"))
    ap.add_argument("--corpus-names", action="store_true",
                    help="also the names annotated in WikiFANEGold and the Wojood sample (never ANERcorp's)")
    args = ap.parse_args()
    flags: dict[str, set[str]] = collections.defaultdict(set)
    sources = names(pathlib.Path(args.data))
    if args.corpus_names:
        sources = itertools.chain(sources, corpus_names(pathlib.Path(args.data)))
    for typ, words in sources:
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
