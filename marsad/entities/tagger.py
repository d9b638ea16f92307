"""Named-entity tagger (PER, ORG, LOC, MISC): BIO labels for words, character spans for a Document."""
from __future__ import annotations

import functools

from marsad.document import Document, Token
from marsad.entities.bio import bio_spans
from marsad.entities.consistency import propagate
from marsad.entities.context import context, refine
from marsad.entities.lexicon import cues
from marsad.entities.neural import BiLstmCrf, load_model
from marsad.resources import name_words, word_freq
from marsad.text.normalize import normalize, strip_marks
from marsad.text.tokenize import is_hashtag_joiner, is_hashtag_sign, orig_prefix_end

LABELS = ("PER", "ORG", "LOC", "MISC")


class Tagger:
    """Wraps a BIO model; turns its labels into spans over a Document's tokens."""

    def __init__(self, model: BiLstmCrf) -> None:
        self.model = model

    def tag_sentences(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels (B-PER, I-ORG, O ...) for each sentence of surface words."""
        return self.model.tag_sentences(sentences)

    def tag_words(self, words: list[str]) -> list[str]:
        """BIO labels for one sentence of surface words."""
        return self.tag_sentences([words])[0]

    def names(self, doc: Document) -> list[tuple[list[Token], list[tuple[int, int, str]]]]:
        """Each sentence's tokens with its names as token ranges (first, last + 1, label), after the document
        pass (`document_pass`); hashtag marks are left out of the tokens."""
        sents = [doc.tokens[s.token_start:s.token_end] for s in doc.sentences] or [doc.tokens]
        # a hashtag's marks are no words: "#بيونغ_يانغ" is read as "بيونغ يانغ" (the span keeps the "_")
        sents = [[t for t in toks if not (is_hashtag_sign(t) or is_hashtag_joiner(t))] for toks in sents]
        words = [[t.text for t in toks] for toks in sents]
        labels = document_pass(words, self.tag_sentences(words), [[t.norm for t in toks] for toks in sents])
        return [(toks, bio_spans(labs)) for toks, labs in zip(sents, labels)]

    def tag(self, doc: Document) -> list[tuple[int, int, str]]:
        """Character spans (start, end, label) of the names in doc.text, proclitics excluded, after the
        document pass (`document_pass`)."""
        found = self.names(doc)
        # words seen whole inside a name ("غافن ويليامسون"): the same word first in a name keeps its
        # letters ("ويليامسون" alone is not و + يليامسون)
        inner = {t.norm for toks, names in found for first, last, _ in names for t in toks[first + 1:last]}
        spans: list[tuple[int, int, str]] = []
        for toks, names in found:
            for first, last, typ in names:
                tok = toks[first]
                # a name's own particle is no proclitic + stem ("فان در كلاوو", not ف + ان)
                whole = (tok.norm in inner or strip_marks(tok.text) in context().before
                         or (last - first > 1 and tok.norm in cues().name_heads))  # وادي اليرموك, not ادي
                start = tok.start if whole else name_start(tok, typ)
                spans += _split_at_hashtags(doc.text, start, toks[last - 1].end, typ)
        return spans


def _split_at_hashtags(text: str, start: int, end: int, typ: str) -> list[tuple[int, int, str]]:
    """A name read across a "#" is two names: "هوليوود #ليوناردو دي كابريو" (the marks are hidden from the
    network)."""
    out = []
    for piece_start, piece in _pieces(text, start, end):
        lead = len(piece) - len(piece.lstrip(" _\n"))
        piece = piece.strip(" _\n")
        if piece:
            out.append((piece_start + lead, piece_start + lead + len(piece), typ))
    return out


def _pieces(text: str, start: int, end: int):
    pos = start
    for part in text[start:end].split("#"):
        yield pos, part
        pos += len(part) + 1


def document_pass(sentences: list[list[str]], labels: list[list[str]],
                  norms: list[list[str]] | None = None) -> list[list[str]]:
    """One document's BIO labels after the network: the context rules (marsad.entities.context), then
    repeats of a name tagged elsewhere in the document get its label (marsad.entities.consistency).
    `norms`: the words normalised (Token.norm), if the caller has them; else they are computed once here."""
    if norms is None:
        norms = [[normalize(w) for w in words] for words in sentences]
    return propagate(sentences, refine(sentences, labels, norms), norms=norms)


def in_blocks(sentences: list[list[str]], labels: list[list[str]], block: int) -> list[list[str]]:
    """`document_pass` over consecutive blocks of `block` sentences taken as documents (for files of
    sentences with no article boundaries, such as ANERcorp)."""
    out: list[list[str]] = []
    for i in range(0, len(sentences), block):
        out += document_pass(sentences[i:i + block], labels[i:i + block])
    return out


# Times a reading of a name's first word must be a name in the news corpora before the counts decide the split.
NAME_EVIDENCE = 3
# A shorter stem wins when it is at least this many times as often a name as the longer reading. Names whose
# first letters only look like proclitics have stems that are rarely names ("كاري" 81, "اري" 2; "فراس" 50,
# "راس" 43); places are named after ب/و/ل far more often than persons ("بسوسة" 504, "سوسة" 802: in Sousse),
# persons' names more often begin with those letters ("وسام" 57: Wisam, or و + Sam, "سام" 88).
# Chosen on the spans whose start a margin of 2 for every label changed in 2,100 news articles (366; places lost
# their ب, "بسوسة"); with these margins 278 change (/work/notes/s7).
STEM_MARGIN = {"PER": 1.5}
OTHER_MARGIN = 1.0


@functools.cache
def _name_words() -> frozenset[str]:
    """Word keys that begin a listed name: the shipped tagger's gazetteer flags (ANERgazet, ANETAC)."""
    return frozenset(k for k, flags in load_model().feat.gaz.items() if any(f.endswith("-B") for f in flags))


def _name_proclitics(tok: Token, prefix: str, label: str) -> str:
    """The tokenizer's proclitics of a name's first word, cut back when they eat its first letters.

    The tokenizer prefers the longest split into attested parts, so "كاري" (Carrie) splits as ك + اري,
    "فراس" as ف + راس and "ولويس" (and Luis) as ول + ويس. Two signals give letters back:
    - how often each reading is itself in a name of this label in the news corpora (`resources.name_words`,
      counted with the shipped tagger): the person "فراس" 50 times, "راس" 43 (it is mostly in place names);
      "لأردوغان" 150, "أردوغان" 3,227. A shorter stem wins when it is at least STEM_MARGIN times (1.5 for
      persons, 1 for others) as often a name as the longer reading (not after the article: "للأمم" keeps
      the convention of starting at the stem);
    - the same with names of any label when this label's are too few ("بلدية", tagged a person, keeps its ب);
    - else a listed name more frequent than the tokenizer's stem ("لويس": 1,016 news occurrences against 18).
    """
    norm = tok.norm
    if not prefix.endswith(("ال", "لل")):
        for count in (_name_count(label), _name_count(None)):  # this label's names, else any name's
            if max(count(norm[k:]) for k in range(len(prefix) + 1)) >= NAME_EVIDENCE:
                best = 0
                for k in range(1, len(prefix) + 1):
                    if count(norm[k:]) >= STEM_MARGIN.get(label, OTHER_MARGIN) * count(norm[best:]):
                        best = k
                return prefix[:best]
    freq = word_freq()
    stem_freq = freq.get(norm[len(prefix):], 0)
    for k in range(len(prefix) - 1, -1, -1):
        rest = norm[k:]
        if rest in _name_words() and freq.get(rest, 0) > stem_freq:
            return prefix[:k]
    return prefix


@functools.cache
def _name_count(label: str | None):
    """word -> times it is inside a name with this label (any label for None) in the news corpora."""
    tables = [name_words().get(label, {})] if label is not None else list(name_words().values())
    return lambda word: sum(t.get(word, 0) for t in tables)


def name_start(tok: Token, label: str = "PER") -> int:
    """Where a name with this label begins in its first token: after و ف ب ل ك س, but keeping the article ال
    and the name's own first letters ("ولويس" → "لويس", "فراس" → "فراس")."""
    if tok.prefix_end == tok.start:
        return tok.start
    prefix = normalize(tok.text[: tok.prefix_end - tok.start])
    kept = _name_proclitics(tok, prefix, label)
    if kept != prefix:
        return tok.start + orig_prefix_end(tok.text, len(kept))
    if prefix.endswith("ال") and not prefix.endswith("لل"):
        # walk back over the two article letters (and any diacritics between them) in the original
        i, seen = tok.prefix_end, 0
        while i > tok.start and seen < 2:
            i -= 1
            if normalize(tok.text[i - tok.start]):
                seen += 1
        return i
    return tok.prefix_end


@functools.cache
def load_tagger() -> Tagger:
    """The shipped NER model (marsad.entities.neural), loaded once per process; no network."""
    return Tagger(load_model())
