"""Build marsad/data/ner/embeddings.npz: word2vec vectors of news-corpus words for the NER tagger.

Reads ../shared/data/news/*.jsonl.gz (title + text, identical texts dropped), splits words like
marsad's tokenizer, keys them with marsad.entities.features.word_key (normalised, digits -> 0),
trains skip-gram word2vec with gensim (dev-only dependency; one worker and a fixed seed so the
result is reproducible), keeps the most frequent --keep words and stores them as int8 rows with a
per-row float16 scale.
With --fasttext the model is gensim FastText (skip-gram plus character n-grams, --min-n..--max-n):
its vectors of rare and unseen words are built from their n-grams, so the file can also hold words
below the training min_count: with --rare-count C every corpus word seen at least C times, and with
--gazetteer every word key of data/ner/gazetteer.tsv (ANERgazet + ANETAC names), up to --keep rows.
Usage: OMP_NUM_THREADS=1 python scripts/build_embeddings.py [--news DIR] [--dim 100] [--keep 100000]
       PYTHONHASHSEED=0 OMP_NUM_THREADS=1 python scripts/build_embeddings.py --fasttext --keep 250000 \
           --rare-count 2 --gazetteer --out /tmp/marsad_rep/emb_ft.npz          (~45 min)
With --fill (needs both saved models) the word2vec vectors stay as they are and only the extra words
(rare corpus words, gazetteer keys) get FastText vectors, mapped into the word2vec space by a linear
least-squares fit on the words both models know.
       PYTHONHASHSEED=0 OMP_NUM_THREADS=1 python scripts/build_embeddings.py --fill --keep 250000 \
           --rare-count 2 --gazetteer --out /tmp/marsad_rep/emb_fill.npz        (~2 min with both models saved)
"""
from __future__ import annotations

import argparse
import collections
import logging
import pathlib
import sys

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from marsad.entities.features import split_words, word_key  # noqa: E402
from marsad.resources import read_tsv  # noqa: E402
from news_corpus import distinct_texts  # noqa: E402


def write_corpus(news: pathlib.Path, out: pathlib.Path) -> None:
    """One article per line, space-separated word keys (the gensim corpus_file format)."""
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for text in distinct_texts(news, lambda rec: (rec.get("title") or "") + "\n" + (rec.get("text") or "")):
            keys = [word_key(w) for w in split_words(text)]
            # gensim cuts corpus_file lines at 10k words; long articles are split here instead
            for i in range(0, len(keys), 5000):
                fh.write(" ".join(keys[i:i + 5000]) + "\n")
            n += 1
    print(f"{n} articles -> {out}")


def fasttext_words(args, corpus: pathlib.Path, work: pathlib.Path):
    """Train (or reload) the FastText model; kept words: its vocabulary, rare corpus words, gazetteer keys."""
    from gensim.models import FastText

    model_path = work / f"ft_{args.dim}_{args.epochs}_{args.min_n}{args.max_n}_{args.bucket}.model"
    if model_path.exists():
        model = FastText.load(str(model_path))
    else:
        model = FastText(corpus_file=str(corpus), vector_size=args.dim, window=5, min_count=5, sg=1, negative=5,
                         epochs=args.epochs, workers=1, seed=13, min_n=args.min_n, max_n=args.max_n,
                         bucket=args.bucket)
        model.save(str(model_path))
    words = list(model.wv.index_to_key)  # sorted by corpus frequency
    seen = set(words)
    if args.rare_count:
        counts = collections.Counter()
        with open(corpus, encoding="utf-8") as fh:
            for line in fh:
                counts.update(line.split())
        # most frequent first, ties in a fixed order (reproducible)
        rare = sorted((w for w, n in counts.items() if n >= args.rare_count and w not in seen),
                      key=lambda w: (-counts[w], w))
        words += rare
        seen.update(rare)
    words = words[: args.keep]
    if args.gazetteer:  # names of the gazetteers take the place of the rarest corpus words
        kept = set(words)
        gaz = list(dict.fromkeys(row[0] for row in read_tsv("ner/gazetteer.tsv") if row and row[0] not in kept))
        words = words[: max(0, args.keep - len(gaz))]
        kept = set(words)
        words += [w for w in dict.fromkeys(row[0] for row in read_tsv("ner/gazetteer.tsv") if row) if w not in kept]
    return words, model


def filled_words(args, corpus: pathlib.Path, work: pathlib.Path):
    """word2vec vectors for its own vocabulary (unchanged), FastText vectors mapped into the word2vec space
    (least squares on the shared vocabulary) for the extra words of fasttext_words (rare corpus words, gazetteer)."""
    from gensim.models import Word2Vec

    w2v = Word2Vec.load(str(work / f"w2v_{args.dim}_{args.epochs}.model"))
    ft_words, ft = fasttext_words(args, corpus, work)
    base = list(w2v.wv.index_to_key)
    shared = [w for w in base if w in ft.wv.key_to_index]
    x = np.stack([ft.wv[w] for w in shared]).astype(np.float64)
    y = np.stack([w2v.wv[w] for w in shared]).astype(np.float64)
    x1 = np.hstack([x, np.ones((len(x), 1))])
    idx = np.random.default_rng(13).permutation(len(x1))
    fit, test = idx[: len(idx) * 9 // 10], idx[len(idx) * 9 // 10:]  # report the fit on a random tenth
    m, *_ = np.linalg.lstsq(x1[fit], y[fit], rcond=None)
    pred = x1[test] @ m
    r2 = 1 - ((pred - y[test]) ** 2).sum() / ((y[test] - y[test].mean(0)) ** 2).sum()
    cos = ((pred * y[test]).sum(1) / np.linalg.norm(pred, axis=1) / np.linalg.norm(y[test], axis=1)).mean()
    m, *_ = np.linalg.lstsq(x1, y, rcond=None)
    print(f"FastText -> word2vec map: R^2 {r2:.3f}, mean cosine {cos:.3f} on a held-out tenth of the shared words")
    kept = set(base)
    extra = [w for w in ft_words if w not in kept][: max(0, args.keep - len(base))]
    xe = np.hstack([np.stack([ft.wv[w] for w in extra]).astype(np.float64), np.ones((len(extra), 1))])
    vecs = np.vstack([np.stack([w2v.wv[w] for w in base]), xe @ m]).astype(np.float32)
    return base + extra, vecs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--news", default=str(ROOT.parent / "shared/data/news"))
    ap.add_argument("--work", default="/tmp/marsad_emb", help="scratch dir for the corpus and full model")
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--window", type=int, default=5, help="word2vec context window (words each side)")
    ap.add_argument("--keep", type=int, default=100_000)
    ap.add_argument("--out", default=str(ROOT / "marsad/data/ner/embeddings.npz"))
    ap.add_argument("--fasttext", action="store_true", help="gensim FastText (sub-word n-grams) instead of word2vec")
    ap.add_argument("--min-n", type=int, default=2)
    ap.add_argument("--max-n", type=int, default=5)
    ap.add_argument("--bucket", type=int, default=500_000, help="FastText n-gram hash buckets")
    ap.add_argument("--rare-count", type=int, default=0,
                    help="with --fasttext: also keep corpus words seen at least this often (below min_count)")
    ap.add_argument("--fill", action="store_true",
                    help="word2vec vectors as before, plus the --fasttext extra words mapped into their space")
    ap.add_argument("--gazetteer", action="store_true",
                    help="with --fasttext: also keep every word key of data/ner/gazetteer.tsv")
    args = ap.parse_args()
    logging.basicConfig(format="%(asctime)s %(message)s", level=logging.INFO)
    from gensim.models import Word2Vec

    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus.txt"
    if not corpus.exists():
        write_corpus(pathlib.Path(args.news), corpus)
    if args.fill:
        words, vecs = filled_words(args, corpus, work)
    elif args.fasttext:
        words, model = fasttext_words(args, corpus, work)
    else:
        suffix = "" if args.window == 5 else f"_w{args.window}"
        model_path = work / f"w2v_{args.dim}_{args.epochs}{suffix}.model"
        if model_path.exists():
            model = Word2Vec.load(str(model_path))
        else:
            model = Word2Vec(corpus_file=str(corpus), vector_size=args.dim, window=args.window, min_count=5, sg=1,
                             negative=5, epochs=args.epochs, workers=1, seed=13)
            model.save(str(model_path))
        words = model.wv.index_to_key[: args.keep]  # sorted by corpus frequency
    if not args.fill:
        vecs = np.stack([model.wv[w] for w in words]).astype(np.float32)
    scale = np.abs(vecs).max(axis=1, keepdims=True) / 127.0
    q = np.round(vecs / scale).astype(np.int8)
    np.savez_compressed(args.out, words=np.array(words), q=q, scale=scale.astype(np.float16))
    print(f"{len(words)} x {args.dim} -> {args.out}")


if __name__ == "__main__":
    main()
