"""The Arabic text layer: normalisation, tokens with offsets and proclitics, sentences."""
from __future__ import annotations

from marsad.document import Document
from marsad.text.normalize import normalize, normalize_with_map
from marsad.text.sentences import assign_sentences, split_sentences
from marsad.text.tokenize import segments, tokenize

__all__ = ["TextLayer", "normalize", "normalize_with_map", "tokenize", "segments", "split_sentences"]


class TextLayer:
    """Stage: fill `doc.tokens` and `doc.sentences`."""

    def __call__(self, doc: Document) -> Document:
        doc.tokens = tokenize(doc.text)
        doc.sentences = assign_sentences(doc.text, doc.tokens)
        return doc
