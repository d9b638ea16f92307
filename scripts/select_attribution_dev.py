"""Select news articles rich in reported speech for the attribution development set (issue 6).

Scores every article of ../shared/data/news by cue verbs (marsad/data/attribution/cues.tsv) and
quotation marks per 100 words, keeps 120-450-word politics/world/news articles, and picks the
top ones round-robin over (corpus, outlet) so outlets and corpora are mixed. Deterministic.
Usage: python scripts/select_attribution_dev.py [--n 36] > data/dev/attribution/candidates.jsonl
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import defaultdict

from marsad.evaluation import shared_data_dir
from marsad.statements.lexicon import lexicon
from marsad.statements.view import bare
from marsad.text import normalize


def score(text: str) -> tuple[float, int]:
    """(reported-speech density, word count) of a text."""
    words = text.split()
    cues = lexicon().cues
    n_cue = sum(1 for w in words if (nw := normalize(w.strip("،,.:\"«»“”"))) in cues or bare(nw) in cues)
    n_quote = sum(text.count(q) for q in "«“\"") // 2
    return (n_cue + n_quote) / max(len(words), 1) * 100, len(words)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=36)
    args = ap.parse_args()
    buckets: dict[tuple[str, str], list[tuple[float, dict]]] = defaultdict(list)
    seen = set()
    for path in sorted((shared_data_dir() / "news").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                text = r.get("text") or ""
                cat = (r.get("category") or "").lower()
                if text in seen or any(c in cat for c in ("sport", "culture", "tech", "health", "art")):
                    continue
                if "رياضي" in (r.get("title") or "") or r.get("outlet") in ("arriyadiyah", "arreyadi"):
                    continue  # sports outlets of SaudiNewsNet
                seen.add(text)
                s, n = score(text)
                if 120 <= n <= 450 and s >= 4:
                    buckets[(r["corpus"], r.get("outlet") or "")].append((s, r))
    for b in buckets.values():
        b.sort(key=lambda x: (-x[0], x[1]["id"]))
    keys = sorted(buckets, key=lambda k: -len(buckets[k]))
    out, rank = [], 0
    while len(out) < args.n and any(rank < len(buckets[k]) for k in keys):
        for k in keys:
            if rank < len(buckets[k]) and len(out) < args.n:
                s, r = buckets[k][rank]
                out.append({"id": r["id"], "corpus": r["corpus"], "outlet": r.get("outlet"), "title": r.get("title"),
                            "published": r.get("published"), "score": round(s, 2), "text": r["text"]})
        rank += 1
    for r in out:
        sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
