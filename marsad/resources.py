"""Package data, loaded once per process and shared by every document (importlib.resources)."""
from __future__ import annotations

import functools
import gzip
import json
from importlib import resources


def data_path(name: str):
    """A file shipped in marsad/data."""
    return resources.files("marsad") / "data" / name


def read_lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    text = data_path(name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file (comments and blank lines skipped; header kept)."""
    return [ln.split("\t") for ln in read_lines(name)]


def read_json(name: str):
    return json.loads(data_path(name).read_text(encoding="utf-8"))


# News occurrences above which a word is a common word, not a name ("الذي", "الدولي"; الجعفري has 146).
COMMON_WORD_COUNT = 2500
# A given name used more often than this is as often a plain word ("أمل" hope, "سعيد" happy, "حسن" good):
# it is not taken for a person's first name on its own.
GIVEN_NAME_COUNT = 1000


@functools.cache
def word_freq() -> dict[str, int]:
    """Normalised word -> count in the news corpora (scripts/build_wordfreq.py)."""
    with data_path("wordfreq.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        out = {}
        for line in fh:
            w, _, c = line.rstrip("\n").partition("\t")
            out[w] = int(c)
        return out


@functools.cache
def name_words() -> dict[str, dict[str, int]]:
    """Label (PER, LOC, ORG, MISC) -> normalised word, proclitics and all -> how often the shipped tagger finds it
    inside a name with that label in the news corpora (scripts/build_name_words.py)."""
    with data_path("ner/name_words.tsv.gz").open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        labels = fh.readline().rstrip("\n").split("\t")[1:]
        out: dict[str, dict[str, int]] = {label: {} for label in labels}
        for line in fh:
            word, *counts = line.rstrip("\n").split("\t")
            for label, c in zip(labels, counts):
                if c != "0":
                    out[label][word] = int(c)
        return out


@functools.cache
def keep_whole() -> frozenset[str]:
    """Words never split into proclitic + stem (data/tokenizer_keep.txt)."""
    from marsad.text.normalize import normalize

    return frozenset(normalize(w) for w in read_lines("tokenizer_keep.txt"))
