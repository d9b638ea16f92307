"""The benchmark harness: the whole pipeline over real articles, with each stage's share of the time."""
from __future__ import annotations

import gzip
import itertools
import os
import pathlib
import resource
import tempfile
import time

from marsad.evaluation import shared_data_dir


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_benchmark(corpus: str | None, limit: int, with_store: bool = True) -> str:
    """Analyse `limit` articles from a JSON Lines corpus on one core; return a printable table."""
    from marsad.batch import to_document
    from marsad.ingest import IngestError
    from marsad.ingest.jsonl import read_records
    from marsad.ingest import _check
    from marsad.pipeline import Pipeline
    from marsad.store import Store

    path = pathlib.Path(corpus) if corpus else shared_data_dir() / "news" / "ant_multisource_v2.1.jsonl.gz"
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        lines = list(itertools.islice(fh, limit))
    rss_start = _rss_mb()
    t0 = time.perf_counter()
    pipeline = Pipeline()
    load_s = time.perf_counter() - t0
    rss_loaded = _rss_mb()
    tmpdir = tempfile.mkdtemp(prefix="marsad-bench-")
    store = Store(os.path.join(tmpdir, "bench.db")) if with_store else None
    timings = {"ingest": 0.0, **{n: 0.0 for n in pipeline.names}, "store": 0.0}
    n_docs = n_tokens = n_chars = bad = 0
    started = time.perf_counter()
    cpu0 = time.process_time()
    for item in read_records(lines, str(path)):
        t = time.perf_counter()
        if not isinstance(item, IngestError):
            try:
                item = _check(item)
            except ValueError:
                item = None
        timings["ingest"] += time.perf_counter() - t
        if item is None or isinstance(item, IngestError):
            bad += 1
            continue
        doc = to_document(item)
        doc = pipeline(doc)
        n_docs += 1
        n_tokens += len(doc.tokens)
        n_chars += len(doc.text)
        if store is not None:
            t = time.perf_counter()
            store.add(doc)
            timings["store"] += time.perf_counter() - t
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu0
    for name in pipeline.names:
        timings[name] = pipeline.timings[name]
    total = sum(timings.values()) or 1e-9
    rows = [
        f"corpus            {path.name} (first {limit:,} records; {bad} rejected)",
        f"articles          {n_docs:,}  ({n_chars / max(n_docs, 1):,.0f} chars, {n_tokens / max(n_docs, 1):,.0f} tokens per article)",
        f"wall time         {wall:.2f} s   (CPU {cpu:.2f} s, one process, one thread)",
        f"articles/s        {n_docs / wall:,.1f}",
        f"tokens/s          {n_tokens / wall:,.0f}",
        f"ms per article    {1000 * wall / max(n_docs, 1):.2f}",
        f"model load        {load_s:.2f} s",
        f"peak memory       {_rss_mb():,.0f} MB (at start {rss_start:,.0f} MB, after loading models {rss_loaded:,.0f} MB)",
        "",
        f"{'stage':<12} {'seconds':>9} {'share':>7} {'ms/article':>11} {'tokens/s':>12}",
    ]
    for name, secs in timings.items():
        rows.append(f"{name:<12} {secs:>9.2f} {100 * secs / total:>6.1f}% {1000 * secs / max(n_docs, 1):>11.2f} "
                    f"{(n_tokens / secs if secs else float('inf')):>12,.0f}")
    if store is not None:
        store.close()
    return "\n".join(rows)
