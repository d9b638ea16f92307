"""HTML pages through trafilatura: main text, title, author, date, site name."""
from __future__ import annotations

import re

import trafilatura

from marsad.errors import E
from marsad.ingest.dates import parse_published

_CLOSED = re.compile(r"</(html|body)\s*>", re.I)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or ("<body" in head or "<head" in head or "<div" in head)


def extract_html(html: str, url: str | None = None) -> dict:
    """Return {text, title, author, published, outlet, url, warnings}; raises ValueError if no text."""
    warnings = []
    if not _CLOSED.search(html[-5000:]):
        warnings.append("HTML looks truncated (no closing </body> or </html>)")
    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if doc is None or not (doc.text or "").strip():
        detail = " (the page looks truncated)" if warnings else " in the HTML"
        raise ValueError(E.NO_TEXT.format(detail=detail))
    published = None
    if doc.date:
        try:
            published = parse_published(doc.date)
        except ValueError:
            warnings.append(f"ignored page date {doc.date!r}")
    return {
        "text": doc.text,
        "title": doc.title,
        "author": doc.author,
        "published": published,
        "outlet": doc.sitename,
        "url": doc.url or url,
        "warnings": warnings,
    }
