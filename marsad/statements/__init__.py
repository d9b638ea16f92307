"""Stage: who said what, and how we know — statements, speakers, anonymity and relay chains.

Rules over the Arabic text layer (lexicons in marsad/data/attribution/): cue verbs with their
stance, quotations (also across sentences), source phrases (بحسب، نقلاً عن), speaker phrases
classified by kind, continuations and back-references, and the outlets a statement passed through.
"""
from __future__ import annotations

from marsad.document import Document
from marsad.statements.extract import find_attributions
from marsad.statements.lexicon import lexicon
from marsad.statements.lookup import affiliations, outlets
from marsad.statements.profile import sourcing_profile
from marsad.statements.sources import group_sources

__all__ = ["AttributionExtractor", "sourcing_profile"]


class AttributionExtractor:
    """Fill `doc.sources`: one Source per distinct speaker with its statements."""

    def __init__(self) -> None:
        lexicon()
        outlets()
        affiliations()

    def __call__(self, doc: Document) -> Document:
        doc.sources = group_sources(doc, find_attributions(doc))
        return doc
