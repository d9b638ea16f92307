"""Batch analysis: inputs -> pipeline -> store, with per-input errors collected, never fatal."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from marsad.document import Document
from marsad.errors import IngestError
from marsad.ingest import RawArticle
from marsad.pipeline import Pipeline, default_pipeline
from marsad.store import Store


@dataclass
class BatchResult:
    analysed: int = 0
    stored: int = 0
    duplicates: int = 0
    errors: list[IngestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)  # kept only when asked (small batches)
    duplicate_ids: list[str] = field(default_factory=list)  # content ids already stored (first ones)

    @property
    def exit_code(self) -> int:
        """0 all good, 1 some inputs failed, 126 every input failed (trafilatura's convention)."""
        if not self.errors:
            return 0
        return 126 if self.analysed == 0 else 1


def to_document(article: RawArticle) -> Document:
    return Document(text=article.text, title=article.title, outlet=article.outlet, url=article.url,
                    published=article.published, id=article.id, origin=article.origin)


def run_batch(
    items: Iterable[RawArticle | IngestError],
    pipeline: Pipeline | None = None,
    store: Store | None = None,
    on_document: Callable[[Document], None] | None = None,
    on_error: Callable[[IngestError], None] | None = None,
    keep_documents: int = 0,
) -> BatchResult:
    """Analyse every article; store it (content seen before is skipped); report bad inputs and go on."""
    pipeline = pipeline or default_pipeline()
    result = BatchResult()
    for item in items:
        if isinstance(item, IngestError):
            result.errors.append(item)
            if on_error:
                on_error(item)
            continue
        result.warnings += [f"{item.origin}: {w}" for w in item.warnings]
        doc = to_document(item)
        if store is not None and store.has_content(doc.content_id):
            result.duplicates += 1
            if len(result.duplicate_ids) < keep_documents:
                result.duplicate_ids.append(doc.content_id)
            continue
        try:
            doc = pipeline(doc)
        except Exception as exc:  # an extractor bug must not lose the batch: report it with the input
            err = IngestError(item.origin, f"E100 analysis failed: {type(exc).__name__}: {exc}", record_id=item.id)
            result.errors.append(err)
            if on_error:
                on_error(err)
            continue
        result.analysed += 1
        if store is not None:
            if store.add(doc, item.origin):
                result.stored += 1
            else:
                result.duplicates += 1
        if on_document:
            on_document(doc)
        if len(result.documents) < keep_documents:
            result.documents.append(doc)
    return result
