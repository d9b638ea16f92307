"""Build marsad/data/names_translit.tsv.gz: Arabic person-name word -> English spelling, from ANETAC.

Reads ../shared/data/gazetteer/names/anetac/EN-AR_Named-entities.txt (lines "PERSON English Arabic",
one word each) and keeps, for every normalised Arabic word, the English spelling seen most often
(ties: shortest, then alphabetical). Deterministic. Usage:
    .venv/bin/python scripts/build_names_translit.py [--src PATH] [--out PATH]
"""
from __future__ import annotations

import argparse
import collections
import gzip
import pathlib
import re

from marsad.text.normalize import normalize

ROOT = pathlib.Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared/data/gazetteer/names/anetac/EN-AR_Named-entities.txt"
OUT = ROOT / "marsad/data/names_translit.tsv.gz"

HEADER = (
    "# Arabic person-name word (normalised with marsad.text.normalize) -> English spelling.\n"
    "# Derived by scripts/build_names_translit.py from ANETAC (Hadj Ameur, Meziane, Guessoum 2019,\n"
    "# arXiv:1907.03110; github MohamedHadjAmeur/ANETAC @ 7984b91a, PERSON entries). The source has no\n"
    "# licence file and asks for citation: research use only until its licence is clarified.\n"
    "arabic\tenglish\n"
)


_TRIPLED = re.compile(r"(.)\1\1")


def build(src: pathlib.Path) -> list[tuple[str, str]]:
    """(normalised Arabic, English) pairs, one per Arabic word."""
    seen: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for line in src.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 3 or parts[0] != "PERSON":
            continue
        _, en, ar = parts
        key = normalize(ar)
        # keep Arabic-letter words and capitalised Latin spellings only; a letter three times running is
        # the source's noise ("Wiiiiamson" for Williamson, "Mmmmmmm")
        if not key or not all("\u0621" <= c <= "\u064a" for c in key) or not en[:1].isupper() \
                or _TRIPLED.search(en.lower()):
            continue
        seen[key][en] += 1
    out = []
    for key in sorted(seen):
        en = min(seen[key].items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0]
        out.append((key, en))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=pathlib.Path, default=SRC)
    ap.add_argument("--out", type=pathlib.Path, default=OUT)
    args = ap.parse_args()
    pairs = build(args.src)
    body = HEADER + "".join(f"{a}\t{e}\n" for a, e in pairs)
    # mtime=0 keeps the gzip bytes identical between runs
    with open(args.out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(body.encode("utf-8"))
    print(f"{len(pairs)} names -> {args.out}")


if __name__ == "__main__":
    main()
