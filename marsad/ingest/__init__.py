"""Ingest: files, directories and JSON Lines streams to RawArticles (clean text + metadata).

Every bad input becomes an IngestError naming its origin and the problem; the batch goes on.
"""
from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import pathlib
import re
import sys
import unicodedata
import zlib
from collections.abc import Iterable, Iterator

from marsad.errors import E, IngestError
from marsad.ingest.dates import parse_published
from marsad.ingest.decode import decode
from marsad.ingest.html import extract_html, looks_like_html
from marsad.ingest.jsonl import read_records
from marsad.ingest.outlets import outlet_from_url
from marsad.ingest.plaintext import clean_text
from marsad.ingest.records import RawArticle
from marsad.text.normalize import arabic_ratio

__all__ = ["RawArticle", "IngestError", "read_path", "iter_inputs", "read_stdin", "tidy"]

MAX_BYTES = 20_000_000  # one text or HTML file; JSON Lines are streamed
MAX_CHARS = 2_000_000  # one article's text
MIN_ARABIC = 0.5
_PRESENTATION = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz")


def tidy(text: str) -> str:
    """Canonical clean text: Unix newlines, no control characters, presentation forms unfolded."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = "\n".join(_SPACES.sub(" ", ln).strip() for ln in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _check(article: RawArticle) -> RawArticle:
    """Final checks shared by every input kind; raises ValueError with a catalogue message."""
    article.text = tidy(article.text)
    if article.title:
        article.title = tidy(article.title)
    if not article.text:
        raise ValueError(E.NO_TEXT.format(detail=""))
    if len(article.text) > MAX_CHARS:
        raise ValueError(E.TOO_LARGE.format(size=len(article.text.encode()), limit=MAX_CHARS))
    ratio = arabic_ratio(article.text)
    if ratio < MIN_ARABIC:
        raise ValueError(E.NOT_ARABIC.format(ratio=ratio))
    if not article.outlet:
        article.outlet = outlet_from_url(article.url)
    return article


def _sidecar(path: pathlib.Path) -> dict:
    """Optional metadata beside a text/HTML file: FILE.meta.json with published/url/outlet/title."""
    meta = path.with_name(path.name + ".meta.json")
    if meta.is_file():
        return json.loads(meta.read_text(encoding="utf-8"))
    return {}


def _read_document_file(path: pathlib.Path, published, max_bytes: int) -> RawArticle:
    size = path.stat().st_size
    if size > max_bytes:
        raise ValueError(E.TOO_LARGE.format(size=size, limit=max_bytes))
    text, encoding = decode(path.read_bytes())
    meta = _sidecar(path)
    if path.suffix.lower() in (".html", ".htm", ".xhtml") or looks_like_html(text):
        page = extract_html(text, url=meta.get("url"))
        article = RawArticle(
            text=page["text"], origin=str(path), title=page["title"], outlet=page["outlet"], url=page["url"],
            author=page["author"], published=page["published"], encoding=encoding, warnings=page["warnings"],
        )
    else:
        title, body, outlet = clean_text(text)
        article = RawArticle(text=body, origin=str(path), title=title, outlet=outlet, encoding=encoding)
    for key in ("title", "outlet", "url"):
        if meta.get(key):
            setattr(article, key, meta[key])
    if meta.get("published"):
        article.published = parse_published(meta["published"])
    if published is not None:
        article.published = published  # --published wins over page metadata
    return _check(article)


def _open_lines(path: pathlib.Path) -> Iterator[str]:
    if path.name.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8-sig", errors="replace") as fh:
            yield from fh
    else:
        with open(path, encoding="utf-8-sig", errors="replace") as fh:
            yield from fh


def _jsonl(lines: Iterable[str], origin: str, published) -> Iterator[RawArticle | IngestError]:
    try:
        for item in read_records(lines, origin):
            if isinstance(item, IngestError):
                yield item
                continue
            if published is not None and item.published is None:
                item.published = published
            try:
                yield _check(item)
            except ValueError as exc:
                yield IngestError(item.origin, str(exc), record_id=item.id)
    except (OSError, EOFError, zlib.error) as exc:
        yield IngestError(origin, E.GZIP.format(detail=exc))


def _json_file(path: pathlib.Path, published) -> Iterator[RawArticle | IngestError]:
    """A .json file holding one record object or a list of them."""
    try:
        data = json.loads(decode(path.read_bytes())[0])
    except (ValueError, json.JSONDecodeError) as exc:
        yield IngestError(str(path), str(exc) if str(exc).startswith("E0") else E.BAD_JSON.format(line=1, detail=exc))
        return
    records = data if isinstance(data, list) else [data]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    yield from _jsonl(lines, str(path), published)


def read_path(path: str | pathlib.Path, published: dt.date | dt.datetime | None = None,
              max_bytes: int = MAX_BYTES) -> Iterator[RawArticle | IngestError]:
    """Articles from one file or directory (recursively, sorted, hidden files and .meta.json skipped)."""
    path = pathlib.Path(path)
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            rel = child.relative_to(path)
            if any(part.startswith(".") for part in rel.parts) or child.name.endswith(".meta.json"):
                continue
            yield from read_path(child, published, max_bytes)
        return
    if not path.exists():
        yield IngestError(str(path), E.NOT_FOUND)
        return
    if path.name.lower().endswith(_JSONL_SUFFIXES):
        yield from _jsonl(_open_lines(path), str(path), published)
        return
    if path.suffix.lower() == ".json":
        yield from _json_file(path, published)
        return
    try:
        yield _read_document_file(path, published, max_bytes)
    except ValueError as exc:
        yield IngestError(str(path), str(exc))
    except OSError as exc:
        yield IngestError(str(path), E.UNREADABLE.format(detail=exc.strerror or exc))


def read_stdin(published=None, stream=None) -> Iterator[RawArticle | IngestError]:
    """JSON Lines records on standard input."""
    stream = stream or io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="replace")
    yield from _jsonl(stream, "<stdin>", published)


def iter_inputs(paths: Iterable[str], published=None, max_bytes: int = MAX_BYTES) -> Iterator[RawArticle | IngestError]:
    """Everything named on a command line; "-" reads JSON Lines from standard input."""
    for p in paths:
        if p == "-":
            yield from read_stdin(published)
        else:
            yield from read_path(p, published, max_bytes)
