"""The pipeline: named stages, each a `Document -> Document` callable with one responsibility.

Stages are built once (their models and gazetteers load in `__init__`) and reused for every
document. The order is the one direction a document flows in:
text layer -> entities -> places -> times -> linking -> statements -> events.
"""
from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from marsad.document import Document

Stage = Callable[[Document], Document]


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: str  # "module:attribute", a class or function returning the stage callable
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


DEFAULT_STAGES: tuple[StageSpec, ...] = (
    StageSpec("text", "marsad.text:TextLayer", (), ("tokens", "sentences")),
    StageSpec("entities", "marsad.entities:EntityRecognizer", ("tokens", "sentences"), ("entity_spans", "entities")),
    StageSpec("places", "marsad.places:Geoparser", ("tokens", "entities"), ("places", "demonyms")),
    StageSpec("times", "marsad.times:TimeTagger", ("tokens",), ("times",)),
    StageSpec("linking", "marsad.linking:Linker", ("entities", "places", "times"), ("entities",)),
    StageSpec("statements", "marsad.statements:AttributionExtractor", ("entities", "demonyms"), ("sources",)),
    StageSpec("events", "marsad.events:EventExtractor", ("entities", "places", "times", "sources"), ("events",)),
)


def _build(spec: StageSpec) -> Stage:
    module, _, attr = spec.factory.partition(":")
    return getattr(importlib.import_module(module), attr)()


class Pipeline:
    """Runs the stages in order; keeps per-stage timings for the benchmark."""

    def __init__(self, stages: Iterable[StageSpec] = DEFAULT_STAGES, disable: Iterable[str] = ()):
        skip = set(disable)
        self.specs = [s for s in stages if s.name not in skip]
        self.stages: list[tuple[str, Stage]] = [(s.name, _build(s)) for s in self.specs]
        self.timings: dict[str, float] = {name: 0.0 for name, _ in self.stages}

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.stages]

    def __call__(self, doc: Document) -> Document:
        for name, stage in self.stages:
            t0 = time.perf_counter()
            doc = stage(doc)
            self.timings[name] += time.perf_counter() - t0
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterable[Document]:
        for doc in docs:
            yield self(doc)


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The process-wide pipeline, built on first use."""
    global _default
    if _default is None:
        _default = Pipeline()
    return _default
