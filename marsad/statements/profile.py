"""The sourcing profile of an article: how much rests on named, official, anonymous or relayed sources."""
from __future__ import annotations

from collections import Counter

from marsad.document import Document

KINDS = ("named_person", "role", "anonymous", "organization", "media", "document", "collective")


def sourcing_profile(doc: Document | dict) -> dict:
    """Counts of sources and statements by speaker kind, plus relayed, direct and anonymous shares.

    Takes a Document or its schema-v1 dictionary (as stored), so `marsad show` can profile stored articles.
    """
    srcs = doc["sources"] if isinstance(doc, dict) else [s.to_dict() for s in doc.sources]
    sources = Counter(s["speaker"]["kind"] for s in srcs)
    statements = Counter()
    for s in srcs:
        statements[s["speaker"]["kind"]] += len(s["statements"])
    n_statements = sum(statements.values())
    relayed = sum(len(s["statements"]) for s in srcs if s["via"])
    direct = sum(1 for s in srcs for st in s["statements"] if st["direct"])
    return {
        "sources": len(srcs),
        "statements": n_statements,
        "sources_by_kind": {k: sources.get(k, 0) for k in KINDS},
        "statements_by_kind": {k: statements.get(k, 0) for k in KINDS},
        "named": statements.get("named_person", 0),
        "role": statements.get("role", 0),
        "anonymous": statements.get("anonymous", 0),
        "media": statements.get("media", 0),
        "relayed": relayed,
        "relayed_sources": sum(1 for s in srcs if s["via"]),
        "direct": direct,
        "anonymous_share": round(statements.get("anonymous", 0) / n_statements, 2) if n_statements else 0.0,
        "relays": sorted({o for s in srcs for o in s["via"]}),
        "media_speakers": [s["speaker"]["text"] for s in srcs if s["speaker"]["kind"] == "media"],
    }
