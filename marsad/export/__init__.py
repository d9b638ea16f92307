"""Exports of stored documents: schema-v1 JSON Lines, CSV tables, GeoJSON, PLOVER records, ACLED-style CSV."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from marsad.store import Store

FORMATS = ("jsonl", "csv", "geojson", "plover", "acled")
TABLES = ("documents", "entities", "places", "times", "sources", "statements", "events", "mentions")


def write_jsonl(docs: Iterable[dict], out: TextIO) -> None:
    for d in docs:
        out.write(json.dumps(d, ensure_ascii=False) + "\n")


def write_table_csv(store: Store, table: str, out: TextIO, content_ids: set[str] | None = None) -> None:
    """One stored table as CSV (the documents' JSON column left out), optionally for some documents only."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; choose from {', '.join(TABLES)}")
    cur = store.conn.execute(f"SELECT * FROM {table}")  # noqa: S608 - table is from the fixed list above
    cols = [c[0] for c in cur.description if c[0] != "json"]
    key = "content_id" if table == "documents" else "doc_id"
    writer = csv.writer(out)
    writer.writerow(cols)
    for row in cur:
        if content_ids is None or row[key] in content_ids:
            writer.writerow([row[c] for c in cols])


def export(store: Store, fmt: str, out: TextIO, table: str = "documents", query: str | None = None) -> None:
    """Write the store's documents (or those matching a search query) in one of FORMATS."""
    ids = {h.id for h in store.search(query, limit=10_000_000)} if query else None
    docs = store.iter_documents(ids)
    if fmt == "jsonl":
        write_jsonl(docs, out)
    elif fmt == "csv":
        write_table_csv(store, table, out, ids)
    elif fmt == "geojson":
        from marsad.places.geojson import to_geojson

        out.write(json.dumps(to_geojson(list(docs)), ensure_ascii=False) + "\n")
    elif fmt == "plover":
        from marsad.events.export import to_plover

        write_jsonl(to_plover(docs), out)
    elif fmt == "acled":
        from marsad.events.export import ACLED_COLUMNS, to_acled_rows

        writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        writer.writerows(to_acled_rows(docs))
    else:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
