"""The attribution lexicons (marsad/data/attribution/*), normalised and loaded once per process."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from marsad.resources import read_lines, read_tsv
from marsad.text import normalize


def norm_word(word: str) -> str:
    """Normalised form of a lexicon word with the article ال removed (matched against token stems)."""
    n = normalize(word.strip())
    return n[2:] if n.startswith("ال") and len(n) > 4 else n


def norm_phrase(phrase: str) -> tuple[str, ...]:
    """Normalised words of a multiword lexicon entry, articles kept (matched against token norms)."""
    return tuple(normalize(w) for w in phrase.split())


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    stance: str
    pos: str  # verb | participle | noun


@dataclass(frozen=True)
class Lexicon:
    cues: dict[str, Cue]  # normalised form -> cue
    source_phrases: dict[tuple[str, ...], bool]  # normalised words -> marks a relay (نقلاً عن)
    anon_heads: frozenset[str]
    anon_markers: tuple[tuple[str, ...], ...]
    nouns: dict[str, str]  # normalised stem -> speaker kind (role, media, document, collective, organization)
    noun_phrases: dict[tuple[str, ...], str]  # multiword nouns (رئيس الوزراء، البيت الأبيض) -> kind
    media_markers: dict[tuple[str, ...], str]  # normalised words -> medium
    function_words: frozenset[str]  # never part of a speaker's name
    pronoun_endings: tuple[str, ...]  # possessive endings: "والدته" is a relative, not a name
    topic_markers: tuple[tuple[str, ...], ...]  # بدوره، من جهته ...


@functools.cache
def lexicon() -> Lexicon:
    """Load every attribution lexicon once."""
    cues: dict[str, Cue] = {}
    for lemma, stance, pos, forms in read_tsv("attribution/cues.tsv"):
        for form in forms.split():
            cues.setdefault(normalize(form), Cue(lemma, stance, pos))
    phrases = {norm_phrase(p): relay == "yes" for p, relay in read_tsv("attribution/source_phrases.tsv")}
    heads, markers = set(), []
    for kind, phrase in read_tsv("attribution/anonymity.tsv"):
        if kind == "head":
            heads.add(norm_word(phrase))
        else:
            markers.append(norm_phrase(phrase))
    nouns, noun_phrases = {}, {}
    for kind, noun in read_tsv("attribution/nouns.tsv"):
        if " " in noun:
            noun_phrases[norm_phrase(noun)] = kind
        else:
            nouns.setdefault(norm_word(noun), kind)
    media = {norm_phrase(p): m for p, m in read_tsv("attribution/media_markers.tsv")}
    function_words = frozenset(normalize(w) for w in read_lines("attribution/function_words.txt"))
    pronoun_endings = tuple(normalize(w) for w in read_lines("attribution/pronoun_endings.txt"))
    topics = tuple(norm_phrase(ln[0]) for ln in read_tsv("attribution/topic_markers.tsv"))
    return Lexicon(cues, phrases, frozenset(heads), tuple(markers), nouns, noun_phrases, media,
                   function_words, pronoun_endings, topics)
