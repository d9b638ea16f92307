"""Build marsad/data/wordfreq.tsv.gz: normalised word counts from ../shared/data/news.

Used by the tokenizer to decide whether a leading و/ف/ب/ل/ك/س/ال is a proclitic
(وزير stays whole, وديالى splits) and by the NER features. Reproducible: same input, same file.
Usage: python scripts/build_wordfreq.py [--news DIR] [--min-count N]
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from marsad.text.normalize import normalize  # noqa: E402

WORD = re.compile(r"[\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u064B-\u065F\u0640]+")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--news", default=str(pathlib.Path(__file__).resolve().parents[2] / "shared/data/news"))
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--out", default=str(pathlib.Path(__file__).resolve().parents[1] / "marsad/data/wordfreq.tsv.gz"))
    args = ap.parse_args()
    counts: collections.Counter[str] = collections.Counter()
    for path in sorted(pathlib.Path(args.news).glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                text = (rec.get("title") or "") + "\n" + (rec.get("text") or "")
                counts.update(normalize(w) for w in WORD.findall(text))
    rows = sorted(((w, c) for w, c in counts.items() if c >= args.min_count), key=lambda x: (-x[1], x[0]))
    with gzip.GzipFile(args.out, "wb", mtime=0) as fh:
        fh.write("".join(f"{w}\t{c}\n" for w, c in rows).encode("utf-8"))
    print(f"{len(rows)} words (of {len(counts)} types) -> {args.out}")


if __name__ == "__main__":
    main()
