"""The news corpora of ../shared/data/news, read once per script: every distinct article text, in file order.

Shared by scripts/build_embeddings.py and scripts/label_news_ner.py (development scripts; the product reads
news through marsad.ingest).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import pathlib
from collections.abc import Callable, Iterator


def distinct_texts(news: pathlib.Path, text_of: Callable[[dict], str]) -> Iterator[str]:
    """`text_of(record)` for every record of news/*.jsonl.gz (files in name order) whose text is not empty
    and not identical to an earlier one."""
    seen: set[bytes] = set()
    for path in sorted(news.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as src:
            for line in src:
                text = text_of(json.loads(line))
                h = hashlib.sha1(text.encode("utf-8")).digest()
                if text and h not in seen:
                    seen.add(h)
                    yield text
