"""The SQLite store: deduplication, facts by SQL, Arabic full-text search."""
from __future__ import annotations

import pytest

from marsad.store import Store


@pytest.fixture()
def store(sample1, sample2, tmp_path):
    s = Store(tmp_path / "m.db")
    assert s.add(sample1) and s.add(sample2)
    yield s
    s.close()


def test_wal_mode_and_migrations_recorded(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert [r[0] for r in store.conn.execute("SELECT name FROM _migrations")] == [
        "m001_initial", "m002_entity_name_source"]


def test_identical_content_is_stored_once(store, sample1):
    assert store.add(sample1) is False
    assert store.count() == 2


def test_round_trip_keeps_the_schema_v1_document(store, sample1):
    assert store.get(sample1.content_id) == sample1.to_dict()
    assert store.get(sample1.content_id[:8])["title"] == sample1.title


@pytest.mark.parametrize("query, sample", [
    ("ايران", "both"),            # hamza-less spelling finds إيران
    ("خارجية", "both"),           # finds الخارجية (article is a proclitic)
    ("الْغَارْدِيَان", 2),          # diacritics in the query
    ('"الحشد الشعبي"', 2),        # a phrase
    ("كربلاء", 1),
    ("تويتر", 1),
])
def test_search_finds_normalised_forms(store, sample1, sample2, query, sample):
    ids = {h.id for h in store.search(query)}
    expected = {1: {sample1.content_id}, 2: {sample2.content_id}, "both": {sample1.content_id, sample2.content_id}}
    assert ids == expected[sample]


def test_search_snippet_highlights_the_original_spelling(store, sample1):
    (hit,) = [h for h in store.search("موسوي") if h.id == sample1.content_id]
    s, e = hit.highlights[0]
    assert sample1.text[s:e] == "موسوي"
    assert "[موسوي]" in hit.snippet


def test_search_matches_nothing_for_absent_words(store):
    assert store.search("برشلونة") == []


def test_stored_text_survives_a_later_bad_write(store, sample1):
    """A failing insert rolls back on its own; what is stored stays."""
    import copy

    broken = copy.copy(sample1)
    broken.content_id = "x" * 16
    broken.to_dict = lambda: {"bad": True}  # make the write fail half-way
    with pytest.raises(Exception):
        store.add(broken)
    assert store.count() == 2
    assert store.get(sample1.content_id)["text"] == sample1.text


def test_a_store_from_before_name_en_source_gains_the_column_and_keeps_its_rows(tmp_path, sample1):
    import sqlite3

    from marsad.store.migrations import m001_initial

    path = tmp_path / "old.db"
    c = sqlite3.connect(path)
    c.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT DEFAULT CURRENT_TIMESTAMP)")
    m001_initial(c)
    c.execute("INSERT INTO _migrations (name) VALUES ('m001_initial')")
    c.execute("INSERT INTO entities (doc_id, id, type, name, name_en) VALUES ('old', 'e1', 'PER', 'ترامب', 'Donald Trump')")
    c.commit()
    c.close()
    s = Store(path)
    assert s.add(sample1)
    rows = s.conn.execute("SELECT doc_id, name, name_en_source FROM entities WHERE name IN ('ترامب', 'دونالد ترامب')")
    got = {(r[0] == "old", r[1], r[2]) for r in rows}
    assert (True, "ترامب", None) in got and (False, "دونالد ترامب", "actor") in got
    s.close()
