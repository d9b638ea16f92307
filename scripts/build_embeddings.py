"""Build marsad/data/ner/embeddings.npz: word2vec vectors of news-corpus words for the NER tagger.

Reads ../shared/data/news/*.jsonl.gz (title + text, identical texts dropped), splits words like
marsad's tokenizer, keys them with marsad.entities.features.word_key (normalised, digits -> 0),
trains skip-gram word2vec with gensim (dev-only dependency; one worker and a fixed seed so the
result is reproducible), keeps the most frequent --keep words and stores them as int8 rows with a
per-row float16 scale.
Usage: OMP_NUM_THREADS=1 python scripts/build_embeddings.py [--news DIR] [--dim 100] [--keep 100000]
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import pathlib
import sys

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from marsad.entities.features import split_words, word_key  # noqa: E402


def write_corpus(news: pathlib.Path, out: pathlib.Path) -> None:
    """One article per line, space-separated word keys (the gensim corpus_file format)."""
    seen: set[bytes] = set()
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for path in sorted(news.glob("*.jsonl.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as src:
                for line in src:
                    rec = json.loads(line)
                    text = (rec.get("title") or "") + "\n" + (rec.get("text") or "")
                    h = hashlib.sha1(text.encode("utf-8")).digest()
                    if h in seen:
                        continue
                    seen.add(h)
                    keys = [word_key(w) for w in split_words(text)]
                    # gensim cuts corpus_file lines at 10k words; long articles are split here instead
                    for i in range(0, len(keys), 5000):
                        fh.write(" ".join(keys[i:i + 5000]) + "\n")
                    n += 1
    print(f"{n} articles -> {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--news", default=str(ROOT.parent / "shared/data/news"))
    ap.add_argument("--work", default="/tmp/marsad_emb", help="scratch dir for the corpus and full model")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--keep", type=int, default=100_000)
    ap.add_argument("--out", default=str(ROOT / "marsad/data/ner/embeddings.npz"))
    args = ap.parse_args()
    logging.basicConfig(format="%(asctime)s %(message)s", level=logging.INFO)
    from gensim.models import Word2Vec

    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus.txt"
    if not corpus.exists():
        write_corpus(pathlib.Path(args.news), corpus)
    model_path = work / f"w2v_{args.dim}_{args.epochs}.model"
    if model_path.exists():
        model = Word2Vec.load(str(model_path))
    else:
        model = Word2Vec(corpus_file=str(corpus), vector_size=args.dim, window=5, min_count=5, sg=1,
                         negative=5, epochs=args.epochs, workers=1, seed=13)
        model.save(str(model_path))
    words = model.wv.index_to_key[: args.keep]  # sorted by corpus frequency
    vecs = np.stack([model.wv[w] for w in words]).astype(np.float32)
    scale = np.abs(vecs).max(axis=1, keepdims=True) / 127.0
    q = np.round(vecs / scale).astype(np.int8)
    np.savez_compressed(args.out, words=np.array(words), q=q, scale=scale.astype(np.float16))
    print(f"{len(words)} x {args.dim} -> {args.out}")


if __name__ == "__main__":
    main()
