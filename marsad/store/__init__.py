"""The embedded store: SQLite in WAL mode, one row per document plus a table per kind of fact.

Documents are keyed by the hash of their clean text, so the same content ingested twice is stored
once. Every fact table carries `doc_id` and character offsets, so SQL can reach any fact and show
it in its sentence. Arabic full-text search indexes the normalised stems (proclitics removed), see
marsad/store/search.py. Schema changes are registered migrations recorded in the database.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import pathlib
import sqlite3
from collections.abc import Iterator

from marsad.document import Document
from marsad.store.migrations import migrate
from marsad.store.search import index_terms

DEFAULT_DB = "marsad.db"


def default_db_path() -> str:
    """$MARSAD_DB, else marsad.db in the working directory."""
    return os.environ.get("MARSAD_DB", DEFAULT_DB)


class Store:
    """One SQLite database of analysed documents. One writer; readers may come and go (WAL)."""

    def __init__(self, path: str | os.PathLike = ":memory:"):
        self.path = str(path)
        if self.path != ":memory:":
            pathlib.Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.path)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        migrate(self.conn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------
    def has_content(self, content_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE content_id = ?", (content_id,)).fetchone() is not None

    def add(self, doc: Document, origin: str | None = None) -> bool:
        """Store a document and its facts in one transaction; False if its content is already stored."""
        if self.has_content(doc.content_id):
            return False
        data = doc.to_dict()
        with self.conn:
            self._insert(doc, data, origin)
        return True

    def _insert(self, doc: Document, data: dict, origin: str | None) -> None:
        c = self.conn
        cur = c.execute(
            "INSERT INTO documents (content_id, ext_id, title, outlet, url, published, text, origin, ingested_at, json)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            (doc.content_id, doc.id if doc.id != doc.content_id else None, doc.title, doc.outlet, doc.url,
             data["published"], doc.text, origin or doc.origin,
             dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), json.dumps(data, ensure_ascii=False)),
        )
        rowid = cur.lastrowid
        did = doc.content_id
        c.execute("INSERT INTO documents_fts (rowid, title, body) VALUES (?,?,?)",
                  (rowid, index_terms(doc.title or ""), index_terms(doc.text, doc.tokens)))
        mentions = []
        for e in data["entities"]:
            c.execute("INSERT INTO entities (doc_id, id, type, kind, name, name_en, affiliation, roles, name_en_source)"
                      " VALUES (?,?,?,?,?,?,?,?,?)",
                      (did, e["id"], e["type"], e.get("kind"), e["name"], e["name_en"], e.get("affiliation"),
                       json.dumps(e.get("roles", []), ensure_ascii=False), e.get("name_en_source")))
            mentions += [(did, "entity", e["id"], m["start"], m["end"], m["text"]) for m in e["mentions"]]
        for p in data["places"]:
            c.execute("INSERT INTO places (doc_id, id, name, name_en, country, admin1, level, lat, lon, qualifiers,"
                      " gazetteer_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                      (did, p["id"], p["name"], p["name_en"], p["country"], p["admin1"], p["level"], p["lat"], p["lon"],
                       json.dumps(p.get("qualifiers", []), ensure_ascii=False), p.get("gazetteer_id")))
            mentions += [(did, "place", p["id"], m["start"], m["end"], m["text"]) for m in p["mentions"]]
        c.executemany("INSERT INTO mentions (doc_id, kind, fact_id, start, end, text) VALUES (?,?,?,?,?,?)", mentions)
        c.executemany("INSERT INTO times (doc_id, start, end, text, value, grain, vague) VALUES (?,?,?,?,?,?,?)",
                      [(did, t["start"], t["end"], t["text"], t["value"], t["grain"], int(bool(t.get("vague"))))
                       for t in data["times"]])
        for s in data["sources"]:
            sp = s["speaker"]
            c.execute("INSERT INTO sources (doc_id, id, speaker, kind, entity, affiliation, via) VALUES (?,?,?,?,?,?,?)",
                      (did, s["id"], sp["text"], sp["kind"], sp["entity"], sp["affiliation"],
                       json.dumps(s["via"], ensure_ascii=False)))
            c.executemany(
                "INSERT INTO statements (doc_id, source_id, start, end, text, cue, direct, stance, medium, channel, via)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(did, s["id"], st["start"], st["end"], st["text"], st["cue"], int(st["direct"]), st.get("stance"),
                  st.get("medium"), st.get("channel"), json.dumps(st.get("via", []), ensure_ascii=False))
                 for st in s["statements"]])
        for e in data["events"]:
            a, t = e["actor"] or {}, e["target"] or {}
            c.execute(
                "INSERT INTO events (doc_id, id, type, mode, trigger, start, end, actor, actor_country, target,"
                " target_country, place_id, time, modality, source_id, killed, wounded)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (did, e["id"], e["type"], e.get("mode"), e["trigger"]["text"], e["trigger"]["start"],
                 e["trigger"]["end"], a.get("text"), a.get("country"), t.get("text"), t.get("country"), e["place"],
                 e["time"], e["modality"], e["source"], e.get("killed"), e.get("wounded")))

    # -- reading ------------------------------------------------------------------------
    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]

    def resolve_id(self, ident: str) -> str | None:
        """A content id from a full id, a unique prefix of it, or a record's own id."""
        row = self.conn.execute("SELECT content_id FROM documents WHERE content_id = ? OR ext_id = ?",
                                (ident, ident)).fetchone()
        if row:
            return row[0]
        rows = self.conn.execute("SELECT content_id FROM documents WHERE content_id LIKE ? LIMIT 2",
                                 (ident + "%",)).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def get(self, ident: str) -> dict | None:
        """The stored schema-v1 dictionary of a document."""
        cid = self.resolve_id(ident)
        if cid is None:
            return None
        row = self.conn.execute("SELECT json FROM documents WHERE content_id = ?", (cid,)).fetchone()
        return json.loads(row[0])

    def iter_documents(self, content_ids: set[str] | None = None) -> Iterator[dict]:
        """Stored schema-v1 documents in ingestion order, optionally only the given content ids."""
        for cid, blob in self.conn.execute("SELECT content_id, json FROM documents ORDER BY rowid"):
            if content_ids is None or cid in content_ids:
                yield json.loads(blob)

    def search(self, query: str, limit: int = 20):
        from marsad.store.search import search

        return search(self.conn, query, limit)
