"""Arabic full-text search: index normalised stems, query the same way, highlight in the original text.

"ايران" finds "إيران", "خارجية" finds "الخارجية", and text with diacritics is found by plain queries,
because the index holds each token's normalised stem (proclitics and diacritics removed) and the
query goes through the same text layer. Snippets are cut from the original clean text.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from marsad.text.normalize import normalize
from marsad.text.tokenize import tokenize

_FTS_SAFE = re.compile(r"[^\w]", re.UNICODE)


def _stem_norm(tok) -> str:
    return normalize(tok.stem) if tok.kind == "word" else tok.norm


def index_terms(text: str, tokens=None) -> str:
    """The indexed form of a text: one normalised stem per word or number token.

    Pass the document's tokens when it has them, so the text is not tokenised twice.
    """
    toks = tokens if tokens else tokenize(text)
    return " ".join(_stem_norm(t) for t in toks if t.kind != "punct")


@dataclass
class Hit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    highlights: list[tuple[int, int]]  # offsets in the document text

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "outlet": self.outlet, "published": self.published,
                "snippet": self.snippet, "highlights": [list(h) for h in self.highlights]}


def parse_query(query: str) -> tuple[str, list[list[str]]]:
    """An FTS5 MATCH expression and the stem sequences to highlight. Quoted text is a phrase."""
    parts = re.findall(r'"([^"]+)"|(\S+)', query)
    clauses, phrases = [], []
    for phrase, word in parts:
        raw = phrase or word
        if not phrase and word.upper() in ("OR", "AND", "NOT"):
            clauses.append(word.upper())
            continue
        stems = [_FTS_SAFE.sub("", _stem_norm(t)) for t in tokenize(raw) if t.kind != "punct"]
        stems = [s for s in stems if s]
        if not stems:
            continue
        phrases.append(stems)
        clauses.append('"' + " ".join(stems) + '"')
    return " ".join(clauses), phrases


def find_highlights(text: str, phrases: list[list[str]]) -> list[tuple[int, int]]:
    """Offsets of every occurrence of the query's stem sequences in the original text."""
    toks = [t for t in tokenize(text) if t.kind != "punct"]
    stems = [_stem_norm(t) for t in toks]
    out = []
    for ph in phrases:
        n = len(ph)
        for i in range(len(stems) - n + 1):
            if stems[i:i + n] == ph:
                out.append((toks[i].start, toks[i + n - 1].end))
    return sorted(set(out))


def make_snippet(text: str, highlights: list[tuple[int, int]], width: int = 80, mark=("[", "]")) -> str:
    """Up to `width` characters either side of the first hit, hits marked."""
    if not highlights:
        return text[: 2 * width] + ("…" if len(text) > 2 * width else "")
    first = highlights[0][0]
    lo, hi = max(0, first - width), min(len(text), highlights[0][1] + width)
    out, pos = [], lo
    for s, e in highlights:
        if s < lo or e > hi:
            continue
        out += [text[pos:s], mark[0], text[s:e], mark[1]]
        pos = e
    out.append(text[pos:hi])
    snippet = "".join(out).replace("\n", " ")
    return ("…" if lo else "") + snippet + ("…" if hi < len(text) else "")


def search(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[Hit]:
    match, phrases = parse_query(query)
    if not phrases:
        return []
    rows = conn.execute(
        "SELECT d.content_id, d.title, d.outlet, d.published, d.text FROM documents_fts f"
        " JOIN documents d ON d.rowid = f.rowid WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts) LIMIT ?",
        (match, limit),
    ).fetchall()
    hits = []
    for cid, title, outlet, published, text in rows:
        hl = find_highlights(text, phrases)
        hits.append(Hit(cid, title, outlet, published, make_snippet(text, hl), hl))
    return hits
