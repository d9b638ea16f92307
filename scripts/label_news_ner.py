"""Silver NER data: news sentences tagged by a trained model, for self-training (train_ner.py --silver).

Reads ../shared/data/news/*.jsonl.gz (article bodies, identical ones once), draws articles at random (fixed seed, identical texts once), splits
them with marsad's own text layer (the words the tagger sees in the product), keeps sentences of 6-50
words, tags them with the given model and writes `word TAG` lines, a blank line between sentences.
With --document, every sentence of an article is tagged and the product's document pass (context rules
and consistency, marsad.entities.tagger.document_pass) runs over the article before its sentences are kept:
the labels then carry what the whole article tells about a name.
For a dev run, label with a model trained WITHOUT the dev split (e.g. the dev-run ensemble), so that
no knowledge of dev sentences reaches training through the silver labels.
Usage: OMP_NUM_THREADS=1 python scripts/label_news_ner.py --model PREFIX --sentences 6000 --out FILE
       (PREFIX: weights without .npz/.json, e.g. marsad/data/ner/bilstm)
"""
from __future__ import annotations

import argparse
import pathlib
import random
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from marsad.document import Document  # noqa: E402
from marsad.entities.neural import BiLstmCrf  # noqa: E402
from marsad.entities.tagger import document_pass  # noqa: E402
from marsad.text import TextLayer  # noqa: E402
from news_corpus import distinct_texts  # noqa: E402

MIN_WORDS, MAX_WORDS = 6, 50


def news_texts(news: pathlib.Path) -> list[str]:
    """Every distinct article body of the news corpora, in file order."""
    return list(distinct_texts(news, lambda rec: rec.get("text") or ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--news", default=str(ROOT.parent / "shared/data/news"))
    ap.add_argument("--model", default=str(ROOT / "marsad/data/ner/bilstm"))
    ap.add_argument("--emb", default=str(ROOT / "marsad/data/ner/embeddings.npz"))
    ap.add_argument("--sentences", type=int, default=6000)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", required=True)
    ap.add_argument("--document", action="store_true", help="label whole articles with the document pass")
    args = ap.parse_args()
    prefix = pathlib.Path(args.model)
    model = BiLstmCrf(prefix.with_suffix(".npz"), prefix.with_suffix(".json"), pathlib.Path(args.emb))
    texts = news_texts(pathlib.Path(args.news))
    random.Random(args.seed).shuffle(texts)
    layer = TextLayer()
    sents: list[list[str]] = []
    labels: list[list[str]] = []
    for text in texts:
        doc = layer(Document(text=text))
        words = [[t.text for t in doc.tokens[s.token_start:s.token_end]] for s in doc.sentences]
        keep = [i for i, w in enumerate(words) if MIN_WORDS <= len(w) <= MAX_WORDS]
        if args.document and keep:
            tags = document_pass(words, model.tag_sentences(words))
            labels += [tags[i] for i in keep]
        sents += [words[i] for i in keep]
        if len(sents) >= args.sentences:
            break
    sents = sents[: args.sentences]
    labels = labels[: args.sentences] if args.document else model.tag_sentences(sents)
    names = 0
    with open(args.out, "w", encoding="utf-8") as fh:
        for words, tags in zip(sents, labels):
            names += sum(t.startswith("B-") for t in tags)
            fh.write("".join(f"{w} {t}\n" for w, t in zip(words, tags)) + "\n")
    print(f"{len(sents)} sentences, {sum(map(len, sents))} words, {names} names -> {args.out}")


if __name__ == "__main__":
    main()
