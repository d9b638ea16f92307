"""The event stage's language data (marsad/data/events/), parsed and normalised once per process."""
from __future__ import annotations

import functools
from dataclasses import dataclass

from marsad.resources import read_lines, read_tsv
from marsad.text.normalize import normalize

GAP = "*"  # a gap of 0..GAP_MAX tokens inside a pattern
GAP_MAX = 3
PROCLITIC_B = "+ب"  # a token that carries the proclitic ب


@dataclass(frozen=True, slots=True)
class TriggerPattern:
    """One line of triggers.tsv: a token pattern and the event it signals."""

    elements: tuple  # frozenset of forms | GAP | PROCLITIC_B
    type: str  # PLOVER type or NONE (blocker)
    mode: str | None
    role: str  # verb | voice | noun_target | noun_actor | agent | flip | host
    line: int


@dataclass(frozen=True, slots=True)
class ModalityCue:
    forms: tuple[tuple[str, ...], ...]  # each form is a token sequence
    modality: str
    before: int
    after: int


def _forms(cell: str) -> frozenset[str]:
    return frozenset(normalize(f.strip()) for f in cell.split("|") if f.strip())


@functools.cache
def trigger_patterns() -> tuple[TriggerPattern, ...]:
    out = []
    for n, row in enumerate(read_tsv("events/triggers.tsv")):
        row = row + [""] * (4 - len(row))
        pattern, etype, mode, role = (c.strip() for c in row[:4])
        elements = []
        for tok in pattern.split():
            if tok == GAP or tok == PROCLITIC_B:
                elements.append(tok)
            else:
                elements.append(_forms(tok))
        out.append(TriggerPattern(tuple(elements), etype, mode or None, role or "verb", n))
    return tuple(out)


@functools.cache
def trigger_index() -> dict[str, tuple[TriggerPattern, ...]]:
    """First-token form -> patterns starting with it."""
    index: dict[str, list[TriggerPattern]] = {}
    for p in trigger_patterns():
        for form in p.elements[0]:
            index.setdefault(form, []).append(p)
    return {k: tuple(v) for k, v in index.items()}


@functools.cache
def mode_cues() -> dict[str, tuple[tuple[frozenset[str], str], ...]]:
    """type -> ((cue forms, mode), ...) in file order."""
    out: dict[str, list] = {}
    for etype, forms, mode in read_tsv("events/modes.tsv"):
        out.setdefault(etype, []).append((_forms(forms), mode.strip()))
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def modality_cues() -> tuple[ModalityCue, ...]:
    out = []
    for forms, modality, before, after in read_tsv("events/modality.tsv"):
        seqs = tuple(tuple(normalize(w) for w in f.split()) for f in forms.split("|") if f.strip())
        out.append(ModalityCue(seqs, modality, int(before), int(after)))
    return tuple(out)


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """A one-word-per-line list in marsad/data/events/, normalised."""
    return frozenset(normalize(w) for w in read_lines(f"events/{name}"))


@functools.cache
def sectors() -> dict[str, tuple[str, bool]]:
    """Normalised noun -> (sector, usually-a-victim)."""
    out: dict[str, tuple[str, bool]] = {}
    for forms, sector, victim in read_tsv("events/sectors.tsv"):
        for f in _forms(forms):
            out.setdefault(f, (sector, victim.strip() == "1"))
    return out


@functools.cache
def counts_lexicon() -> dict[str, dict[str, int] | frozenset[str]]:
    """kind -> forms (killed, wounded, single) or form -> value (number, vague, dual)."""
    out: dict = {}
    for kind, forms in read_tsv("events/counts.tsv"):
        if kind in ("number", "vague", "dual"):
            table = {}
            for item in forms.split("|"):
                word, _, value = item.partition("=")
                table[normalize(word.strip())] = int(value)
            out[kind] = table
        else:
            out[kind] = _forms(forms)
    return out


@functools.cache
def function_words(kind: str) -> frozenset:
    """Normalised words of one kind in function_words.tsv; multi-token markers come back as tuples."""
    for row in read_tsv("events/function_words.tsv"):
        if row[0] == kind:
            out = set()
            for w in row[1].split("|"):
                parts = tuple(normalize(x) for x in w.split())
                out.add(parts if len(parts) > 1 else parts[0])
            return frozenset(out)
    raise KeyError(kind)
