"""Registered schema migrations, applied in order and recorded in the `_migrations` table."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable

MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = []


def migration(fn: Callable[[sqlite3.Connection], None]):
    MIGRATIONS.append((fn.__name__, fn))
    return fn


@migration
def m001_initial(c: sqlite3.Connection) -> None:
    c.executescript(
        """
        CREATE TABLE documents (
            rowid INTEGER PRIMARY KEY,
            content_id TEXT NOT NULL UNIQUE,  -- sha1 of title + clean text: the document id
            ext_id TEXT,                      -- the id the input record carried, if any
            title TEXT, outlet TEXT, url TEXT,
            published TEXT,                   -- ISO date or datetime
            text TEXT NOT NULL,               -- clean text: every offset points into it
            origin TEXT, ingested_at TEXT,
            json TEXT NOT NULL                -- the schema-v1 document
        );
        CREATE INDEX documents_ext_id ON documents(ext_id);
        CREATE INDEX documents_published ON documents(published);
        CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, tokenize = 'unicode61');
        CREATE TABLE entities (doc_id TEXT NOT NULL REFERENCES documents(content_id), id TEXT, type TEXT, kind TEXT,
                               name TEXT, name_en TEXT, affiliation TEXT, roles TEXT);
        CREATE TABLE places (doc_id TEXT NOT NULL REFERENCES documents(content_id), id TEXT, name TEXT, name_en TEXT,
                             country TEXT, admin1 TEXT, level TEXT, lat REAL, lon REAL, qualifiers TEXT,
                             gazetteer_id TEXT);
        CREATE TABLE mentions (doc_id TEXT NOT NULL REFERENCES documents(content_id), kind TEXT, fact_id TEXT,
                               start INTEGER, end INTEGER, text TEXT);
        CREATE TABLE times (doc_id TEXT NOT NULL REFERENCES documents(content_id), start INTEGER, end INTEGER,
                            text TEXT, value TEXT, grain TEXT, vague INTEGER);
        CREATE TABLE sources (doc_id TEXT NOT NULL REFERENCES documents(content_id), id TEXT, speaker TEXT, kind TEXT,
                              entity TEXT, affiliation TEXT, via TEXT);
        CREATE TABLE statements (doc_id TEXT NOT NULL REFERENCES documents(content_id), source_id TEXT,
                                 start INTEGER, end INTEGER, text TEXT, cue TEXT, direct INTEGER, stance TEXT,
                                 medium TEXT, channel TEXT, via TEXT);
        CREATE TABLE events (doc_id TEXT NOT NULL REFERENCES documents(content_id), id TEXT, type TEXT, mode TEXT,
                             trigger TEXT, start INTEGER, end INTEGER, actor TEXT, actor_country TEXT, target TEXT,
                             target_country TEXT, place_id TEXT, time TEXT, modality TEXT, source_id TEXT,
                             killed INTEGER, wounded INTEGER);
        CREATE INDEX entities_doc ON entities(doc_id);
        CREATE INDEX entities_name_en ON entities(name_en);
        CREATE INDEX places_doc ON places(doc_id);
        CREATE INDEX places_admin1 ON places(country, admin1);
        CREATE INDEX mentions_doc ON mentions(doc_id, kind, fact_id);
        CREATE INDEX times_doc ON times(doc_id);
        CREATE INDEX sources_doc ON sources(doc_id);
        CREATE INDEX statements_doc ON statements(doc_id, source_id);
        CREATE INDEX events_doc ON events(doc_id);
        CREATE INDEX events_type ON events(type, modality);
        """
    )


@migration
def m002_entity_name_source(c: sqlite3.Connection) -> None:
    """Where an entity's English name comes from (actor, institution, place, list, guess); NULL for older rows."""
    c.execute("ALTER TABLE entities ADD COLUMN name_en_source TEXT")


def migrate(c: sqlite3.Connection) -> list[str]:
    """Apply pending migrations; returns the names applied."""
    c.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT DEFAULT CURRENT_TIMESTAMP)")
    done = {r[0] for r in c.execute("SELECT name FROM _migrations")}
    applied = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        with c:
            fn(c)
            c.execute("INSERT INTO _migrations (name) VALUES (?)", (name,))
        applied.append(name)
    return applied
