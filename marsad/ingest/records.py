"""The unit that ingest hands to the pipeline: one article's clean text and metadata."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(slots=True)
class RawArticle:
    text: str
    origin: str  # file path, "path:LINE" for JSON Lines, or "<stdin>:LINE"
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: dt.date | dt.datetime | None = None
    id: str | None = None
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
