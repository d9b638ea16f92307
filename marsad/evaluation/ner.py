"""`marsad evaluate ner`: entity-level (CoNLL exact span + type) scores of the tagger on ANERcorp test."""
from __future__ import annotations

import pathlib
import time

import click

from marsad.entities.bio import bio_spans
from marsad.evaluation import shared_data_dir

TYPES = ("PER", "LOC", "ORG", "MISC")
_LABEL_MAP = {"PERS": "PER"}  # ANERcorp's PERS is our PER
# ANERcorp marks no article boundaries: for the document-pass table, this many consecutive
# sentences are one document (chosen on the dev split of train: docs/evaluation/ner.md)
CONTEXT_BLOCK = 20


def read_conll(path: pathlib.Path) -> list[tuple[list[str], list[str]]]:
    """Sentences of a `word TAG` per line file (blank line between sentences); tags mapped to ours."""
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        line = line.replace("\u200e", "").strip()
        if not line:
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        word, _, tag = line.rpartition(" ")
        if not word:
            word, tag = tag, "O"
        words.append(word)
        tags.append(map_tag(tag))
    if words:
        sents.append((words, tags))
    return sents


def map_tag(tag: str) -> str:
    """B-PERS -> B-PER; anything outside PER/LOC/ORG/MISC -> O."""
    if tag == "O" or "-" not in tag:
        return "O"
    bio, _, typ = tag.partition("-")
    typ = _LABEL_MAP.get(typ, typ)
    return f"{bio}-{typ}" if typ in TYPES and bio in ("B", "I") else "O"


def score(gold: list[list[str]], pred: list[list[str]]) -> dict[str, tuple[float, float, float, int]]:
    """Per type and overall: (precision, recall, F1, gold count), in percent."""
    tp: dict[str, int] = {}
    ng: dict[str, int] = {}
    np_: dict[str, int] = {}
    for g, p in zip(gold, pred):
        gs, ps = set(bio_spans(g)), set(bio_spans(p))
        for key, spans in (("g", gs), ("p", ps)):
            for s in spans:
                d = ng if key == "g" else np_
                d[s[2]] = d.get(s[2], 0) + 1
                d["ALL"] = d.get("ALL", 0) + 1
        for s in gs & ps:
            tp[s[2]] = tp.get(s[2], 0) + 1
            tp["ALL"] = tp.get("ALL", 0) + 1
    out = {}
    for t in TYPES + ("ALL",):
        c, g_, p_ = tp.get(t, 0), ng.get(t, 0), np_.get(t, 0)
        prec = 100 * c / p_ if p_ else 0.0
        rec = 100 * c / g_ if g_ else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[t] = (prec, rec, f1, g_)
    return out


def format_table(scores: dict[str, tuple[float, float, float, int]]) -> str:
    lines = [f"{'type':<6} {'gold':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for t in TYPES + ("ALL",):
        p, r, f, n = scores[t]
        lines.append(f"{t:<6} {n:>5} {p:6.1f} {r:6.1f} {f:6.1f}")
    return "\n".join(lines)


@click.command()
@click.option("--data", type=click.Path(path_type=pathlib.Path), default=None,
              help="shared data dir (default ../shared/data); reads ner/anercorp/test.txt")
@click.option("--file", "test_file", type=click.Path(path_type=pathlib.Path), default=None,
              help="another `word TAG` file to score instead")
@click.option("--block", type=int, default=CONTEXT_BLOCK, show_default=True,
              help="sentences taken as one document for the document-pass table (0: skip it)")
def command(data: pathlib.Path | None, test_file: pathlib.Path | None, block: int) -> None:
    """Entity-level P/R/F1 per type on ANERcorp test, and tagging speed on one core.

    Two tables: the network on each sentence alone, then with the product's document pass (context
    rules and consistency, marsad.entities.tagger.document_pass) over consecutive blocks of sentences,
    since the file marks no article boundaries while the product tags whole articles."""
    import os

    # one thread, so CPU time is time on one core (numpy's BLAS reads this when it loads)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from marsad.entities.tagger import in_blocks, load_tagger

    path = test_file or (data or shared_data_dir()) / "ner" / "anercorp" / "test.txt"
    sents = read_conll(path)
    words, gold = [w for w, _ in sents], [t for _, t in sents]
    tagger = load_tagger()
    tagger.tag_words(words[0])  # warm-up: load the model before timing
    t0, c0 = time.perf_counter(), time.process_time()
    pred = tagger.tag_sentences(words)
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    ntok = sum(len(w) for w in words)
    click.echo(f"{path}: {len(sents)} sentences, {ntok} tokens")
    click.echo("each sentence alone:")
    click.echo(format_table(score(gold, pred)))
    # CPU seconds of this single-threaded process = time on one core, whatever else the machine runs
    click.echo(f"speed: {ntok / cpu:,.0f} tokens/s on one core ({cpu:.2f} s CPU; "
               f"{ntok / dt:,.0f} tokens/s wall clock, {dt:.2f} s)")
    if block:
        c1 = time.process_time()
        in_context = in_blocks(words, pred, block)
        cpu += time.process_time() - c1
        click.echo(f"\nwith the document pass (context rules, consistency), every {block} consecutive sentences "
                   "taken as one document:")
        click.echo(format_table(score(gold, in_context)))
        click.echo(f"speed: {ntok / cpu:,.0f} tokens/s on one core, document pass included ({cpu:.2f} s CPU)")
