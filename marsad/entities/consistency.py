"""One name, one label in a document: repeats of a name the tagger found elsewhere in the text get its label.

A news article names a person or a group several times, and the tagger, reading one sentence at a time,
misses some of the repeats ("سليماني" found in one sentence, left untagged in the next). After tagging,
every untagged occurrence of a word sequence that the tagger labelled somewhere in the same document
takes that label (the most frequent one; none on a tie), provided the tagger labelled at least `MIN_SHARE` of the
sequence's occurrences: a word tagged once among many plain uses ("الحكومة") is the tagger's slip, not
a name to spread. Words are compared by their key without proclitics ("وسليماني" = "سليماني").
Longer names are placed first; nothing already labelled is changed. Chosen on the dev split of ANERcorp
train (docs/evaluation/ner.md, "Document consistency").
"""
from __future__ import annotations

import collections

from marsad.entities.features import norm_key, stem_key
from marsad.entities.bio import bio_spans
from marsad.text.normalize import normalize

MIN_SHARE = 0.3


def propagate(sentences: list[list[str]], labels: list[list[str]], min_share: float = MIN_SHARE,
              norms: list[list[str]] | None = None) -> list[list[str]]:
    """BIO labels of one document's sentences, with untagged repeats of tagged names labelled.
    `norms`: the sentences' words already normalised (Token.norm), if the caller has them."""
    if norms is None:
        norms = [[normalize(w) for w in words] for words in sentences]
    keys = [[stem_key(norm_key(n)) for n in ns] for ns in norms]
    typed: dict[tuple[str, ...], collections.Counter] = collections.defaultdict(collections.Counter)
    for ks, labs in zip(keys, labels):
        for a, b, typ in bio_spans(labs):
            typed[tuple(ks[a:b])][typ] += 1
    if not typed:
        return labels
    lengths = sorted({len(k) for k in typed}, reverse=True)
    # how often each tagged name occurs in the document at all (tagged or not)
    seen: collections.Counter = collections.Counter()
    for ks in keys:
        for n in lengths:
            for s in range(len(ks) - n + 1):
                seq = tuple(ks[s:s + n])
                if seq in typed:
                    seen[seq] += 1
    out = [list(labs) for labs in labels]
    for ks, labs in zip(keys, out):
        for n in lengths:
            for s in range(len(ks) - n + 1):
                seq = tuple(ks[s:s + n])
                counts = typed.get(seq)
                if not counts or any(lab != "O" for lab in labs[s:s + n]):
                    continue
                if sum(counts.values()) < min_share * seen[seq]:
                    continue
                (typ, top), *rest = counts.most_common(2)
                if rest and rest[0][1] == top:  # tagged as two types equally often: no call to make
                    continue
                labs[s:s + n] = [f"B-{typ}"] + [f"I-{typ}"] * (n - 1)
    return out

