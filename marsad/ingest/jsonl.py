"""JSON Lines records (id, text, title, outlet, url, published, author), optionally gzipped."""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from marsad.errors import E, IngestError
from marsad.ingest.dates import parse_published
from marsad.ingest.records import RawArticle

FIELDS = ("id", "text", "title", "outlet", "url", "published", "author")


def read_records(lines: Iterable[str], origin: str) -> Iterator[RawArticle | IngestError]:
    """One RawArticle per good line; an IngestError (naming origin:line) per bad one."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{origin}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(where, E.BAD_JSON.format(line=n, detail=exc.msg))
            continue
        if not isinstance(rec, dict):
            yield IngestError(where, E.BAD_RECORD.format(line=n, detail="a record must be a JSON object"))
            continue
        rid = rec.get("id")
        text = rec.get("text")
        if not isinstance(text, str) or not text.strip():
            yield IngestError(where, E.BAD_RECORD.format(line=n, detail="missing or empty 'text'"), record_id=rid)
            continue
        warnings = []
        try:
            published = parse_published(rec.get("published") or None)
        except ValueError as exc:
            # the article is still worth analysing; only its relative dates stay unresolved
            published = None
            warnings.append(E.BAD_DATE.format(detail=f"line {n}: {exc}; published left empty"))
        yield RawArticle(
            text=text,
            origin=where,
            title=rec.get("title") or None,
            outlet=rec.get("outlet") or None,
            url=rec.get("url") or None,
            author=rec.get("author") or None,
            published=published,
            id=str(rid) if rid is not None else None,
            warnings=warnings,
        )
