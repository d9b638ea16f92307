"""Marsad: Arabic news read as intelligence — entities, places, times, sources and events with offsets."""
from __future__ import annotations

import datetime as dt
import os

# The tagger's matrices are small: BLAS threads cost more than they save, and Marsad scales by
# processes, one core each. Set before numpy loads; an explicit setting by the user wins.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from marsad.document import Document
from marsad.pipeline import Pipeline, default_pipeline

__version__ = "0.1.0"
__all__ = ["analyze", "Document", "Pipeline", "__version__"]


def analyze(
    text: str,
    *,
    published: dt.date | dt.datetime | str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    id: str | None = None,
    pipeline: Pipeline | None = None,
) -> Document:
    """Analyse one article's clean text and return its Document (`.to_dict()` gives schema v1)."""
    from marsad.ingest.dates import parse_published

    doc = Document(
        text=text,
        title=title,
        outlet=outlet,
        url=url,
        published=parse_published(published) if isinstance(published, str) else published,
        id=id,
    )
    return (pipeline or default_pipeline())(doc)
