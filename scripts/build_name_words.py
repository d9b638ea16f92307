"""Build marsad/data/ner/name_words.tsv.gz: how often each word is part of a name the shipped tagger finds in
../shared/data/news, per label (columns word, PER, LOC, ORG, MISC; words seen at least twice).

Every distinct article body is run through marsad's text layer and the shipped tagger (`Tagger.names`,
document pass included); every token a name covers counts once, keyed by its whole normalised form, proclitics
and all ("لأردوغان", "كاري"). The tagger's `name_start` reads these counts to decide whether a name's first
letters are proclitics: the person "كاري" (Carrie) keeps its ك, "لأردوغان" gives its ل to "أردوغان", and
"فراس" keeps its ف although "راس" is in many place names (راس الخيمة). Reproducible: same corpus and model, same file.
Usage: OMP_NUM_THREADS=1 python scripts/build_name_words.py [--news DIR] [--limit N] [--min-count N]
"""
from __future__ import annotations

import argparse
import collections
import gzip
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from marsad.document import Document  # noqa: E402
from marsad.entities.tagger import load_tagger  # noqa: E402
from marsad.text import TextLayer  # noqa: E402
from news_corpus import distinct_texts  # noqa: E402


LABELS = ("PER", "LOC", "ORG", "MISC")


def name_word_counts(texts, tagger, layer) -> dict[str, collections.Counter[str]]:
    """Label -> normalised word -> times it is a word of a name with that label."""
    counts: dict[str, collections.Counter[str]] = {label: collections.Counter() for label in LABELS}
    for text in texts:
        for toks, names in tagger.names(layer(Document(text=text))):
            for first, last, label in names:
                counts[label].update(t.norm for t in toks[first:last] if t.norm[:1].isalpha())
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--news", default=str(ROOT.parent / "shared/data/news"))
    ap.add_argument("--limit", type=int, default=0, help="first N distinct articles only (a trial run)")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "marsad/data/ner/name_words.tsv.gz"))
    args = ap.parse_args()
    texts = distinct_texts(pathlib.Path(args.news), lambda rec: rec.get("text") or "")
    if args.limit:
        texts = (t for _, t in zip(range(args.limit), texts))
    t0 = time.time()
    counts = name_word_counts(texts, load_tagger(), TextLayer())
    total: collections.Counter[str] = sum(counts.values(), collections.Counter())
    rows = sorted((w for w, c in total.items() if c >= args.min_count), key=lambda w: (-total[w], w))
    lines = ["word\t" + "\t".join(LABELS)] + [w + "".join(f"\t{counts[lab][w]}" for lab in LABELS) for w in rows]
    with open(args.out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))  # no name or time in the header: same bytes each build
    print(f"{len(rows)} words (of {len(total)} in names) -> {args.out} in {time.time() - t0:.0f} s")


if __name__ == "__main__":
    main()
