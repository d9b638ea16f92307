"""The time lexicons (marsad/data/time/*.tsv), normalised and loaded once per process."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from marsad.resources import read_lines, read_tsv
from marsad.text.normalize import normalize


def _rows(name: str) -> list[list[str]]:
    """Data rows of a lexicon (header dropped), first column normalised."""
    rows = read_tsv(name)
    return [[normalize(r[0]).strip(), *r[1:]] for r in rows[1:]]


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]  # normalised form -> month (1-12)
    months_bare: frozenset[str]  # forms that may stand alone
    hijri_months: dict[str, int]
    hijri_bare: frozenset[str]
    weekdays: dict[str, int]  # form -> ISO weekday
    numbers: dict[str, tuple[int, str, bool]]  # form -> (value, kind, ordinal)
    units: dict[str, tuple[str, int | None]]  # form -> (unit, implied count)
    plural_units: frozenset[str]  # plural forms (أيام): without a count they are vague
    ambiguous_units: frozenset[str]  # عقد، عقدين ("contract(s)" as often as "decade(s)")
    day_words: dict[str, int]  # relative day phrase -> day offset
    directions: dict[str, int]  # modifier -> -2..2
    last_words: frozenset[str]  # الأخير and its forms
    part_words: dict[str, int]  # الأولى -> 0, الأخيرة -> 1: the first / last N units of a period
    parts: dict[str, tuple[str, int]]  # part of day -> (TIMEX part code, hour shift)
    vague: tuple[str, ...]
    seasons: dict[str, str]  # form -> TIMEX3 season code
    seasons_bare: frozenset[str]  # forms that may stand alone
    holidays: dict[str, tuple[str, str]]  # form -> (calendar, rule)
    set_words: dict[str, str]  # يوميا -> P1D
    bounds: dict[str, str]  # منذ -> since, حتى -> until, نهاية -> end (bounds.tsv)
    same_pre: frozenset[str]  # نفس, ذات (anaphora.tsv)
    same_post: dict[str, int]  # نفسه -> 0, التالي -> +1, الذي سبقه -> -1 ...
    duration_cues: dict[str, tuple[str, ...]]  # kind (not_calendar, approx, of_time) -> forms (duration_cues.tsv)
    # مطلع -> (which: early|late|middle, edges names, after في, later than the publication day) (edges.tsv)
    edges: dict[str, tuple[str, bool, bool, bool]]
    fractions: dict[str, int]  # ثلاثه ارباع -> 45, نصف -> 30 ... minutes of an hour (fractions.tsv), file order
    future_words: frozenset[str]  # سوف, لن, "من المقرر ان" ... (future.tsv)


@functools.cache
def lexicon() -> Lexicon:
    """All time lexicons, normalised (marsad.text.normalize) for matching."""
    months = {r[0]: int(r[1]) for r in _rows("time/months.tsv")}
    hijri = {r[0]: int(r[1]) for r in _rows("time/hijri_months.tsv")}
    rel = _rows("time/relative.tsv")
    return Lexicon(
        months=months,
        months_bare=frozenset(r[0] for r in _rows("time/months.tsv") if r[3] == "1"),
        hijri_months=hijri,
        hijri_bare=frozenset(r[0] for r in _rows("time/hijri_months.tsv") if r[2] == "1"),
        weekdays={r[0]: int(r[1]) for r in _rows("time/weekdays.tsv")},
        numbers={r[0]: (int(r[1]), r[2], r[3] == "1") for r in _rows("time/numbers.tsv")},
        units={r[0]: (r[1], int(r[2]) if len(r) > 2 and r[2].strip() else None) for r in _rows("time/units.tsv")},
        day_words={r[0]: int(r[2]) for r in rel if r[1] == "day"},
        directions={r[0]: int(r[2]) for r in rel if r[1] == "dir"},
        last_words=frozenset(r[0] for r in rel if r[1] == "last"),
        part_words={r[0]: int(r[2]) for r in rel if r[1] == "part"},
        plural_units=frozenset(r[0] for r in _rows("time/units.tsv") if r[3] == "pl"),
        ambiguous_units=frozenset(r[0] for r in _rows("time/units.tsv") if len(r) > 4 and r[4] == "1"),
        seasons={r[0]: r[1] for r in _rows("time/seasons.tsv")},
        seasons_bare=frozenset(r[0] for r in _rows("time/seasons.tsv") if r[2] == "1"),
        holidays={r[0]: (r[1], r[2]) for r in _rows("time/holidays.tsv")},
        set_words={r[0]: r[1] for r in _rows("time/sets.tsv")},
        bounds={r[0]: r[1] for r in _rows("time/bounds.tsv")},
        same_pre=frozenset(r[0] for r in _rows("time/anaphora.tsv") if r[1] == "pre"),
        same_post={r[0]: int(r[2]) for r in _rows("time/anaphora.tsv") if r[1] == "post"},
        duration_cues=_by_kind(_rows("time/duration_cues.tsv")),
        fractions={r[0]: int(r[1]) for r in _rows("time/fractions.tsv")},
        edges={r[0]: (r[1], r[2] == "1", r[3] == "1", r[4] == "1") for r in _rows("time/edges.tsv")},
        parts={r[0]: (r[1], int(r[2])) for r in _rows("time/parts_of_day.tsv")},
        vague=tuple(dict.fromkeys(normalize(x).strip() for x in read_lines("time/vague.tsv"))),
        future_words=frozenset(normalize(w).strip() for w in read_lines("time/future.tsv")),
    )


def _by_kind(rows: list[list[str]]) -> dict[str, tuple[str, ...]]:
    """Rows (form, kind) grouped: kind -> forms in file order."""
    out: dict[str, list[str]] = {}
    for r in rows:
        out.setdefault(r[1], []).append(r[0])
    return {k: tuple(v) for k, v in out.items()}


def unit_forms(*units: str) -> list[str]:
    """The bare singular forms of these units in units.tsv ("week", "month" -> اسبوع, شهر): not the
    accusative (شهرا), the dual or the plural."""
    lex = lexicon()
    return [f for f, (u, n) in lex.units.items()
            if u in units and n is None and f not in lex.plural_units and not f.endswith("ا")]


def alternation(forms) -> str:
    """A regex matching any of the normalised phrases, written as a trie (the re module tries the
    branches of a flat alternation one by one at every position); longer matches are tried first and
    a space in a phrase matches any run of whitespace."""
    trie: dict = {}
    for form in set(forms):
        node = trie
        for ch in " ".join(form.split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        head = r"\s+" if ch == " " else re.escape(ch)
        branches.append(head + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
