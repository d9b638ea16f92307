"""Helpers shared by the handlers: reading match groups, lexicon look-ups, day parts, calendar periods."""
from __future__ import annotations

import datetime as dt
import functools
import re

from marsad.resources import word_freq
from marsad.times import calendar as cal
from marsad.times.lexicon import alternation, lexicon
from marsad.times.resolve import Res, _dir, _num, month_res, range_res, week_res, year_res


# Hijri years written without هـ are recognised in numeric dates within this span (1921-2077 CE).
HIJRI_NUMERIC_YEARS = range(1340, 1501)
# "اسبوعي" (my week) after نهاية/بقية/باقي is the possessive, not the adjective "weekly"
_UNIT_WORD = {"اسبوع": "week", "شهر": "month", "عام": "year", "سنه": "year", "عقد": "decade", "قرن": "century", "اسبوعي": "week"}


def _g(m: re.Match, name: str) -> str | None:
    return m.groupdict().get(name)


def _wd(text: str | None) -> int | None:
    return lexicon().weekdays.get(text) if text else None


def _date(y: int, mo: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def _dayno(text: str | None) -> int | None:
    v = _num(text)
    return int(v) if v is not None and v == int(v) and 1 <= v <= 31 else None


def _unit(text: str) -> tuple[str, int | None] | None:
    t = text[2:] if text.startswith("ال") and text[2:] in lexicon().units else text
    return lexicon().units.get(t)


_PREP_BEFORE = re.compile(r"(?:^|\s)[وف]?(?:في|خلال|منذ|حتي|مطلع|نهايه|اواخر|اوايل)\s+$")


def _after_prep(m: re.Match) -> bool:
    """An ambiguous month name right after في/خلال/منذ/حتى ("في شعبان", "منذ آب") is the month."""
    return _PREP_BEFORE.search(m.string, max(0, m.start("body") - 12), m.start("body")) is not None


@functools.cache
def bound_before() -> re.Pattern:
    """A bound word (bounds.tsv: منذ, حتى, لغاية ...) right before an expression, with an optional و/ف."""
    return re.compile(rf"(?:^|(?<=[\s(«\"]))[وف]?(?P<w>{alternation(lexicon().bounds)})\s+$")


def bound_kind(text: str, start: int, kinds: tuple[str, ...] = ("since", "until")) -> tuple[str, int] | None:
    """(kind, offset of the word) of a bound word of one of `kinds` ending just before `start`."""
    lo = max(0, start - 16)
    mm = bound_before().search(text, lo, start)
    if mm is None:
        return None
    kind = lexicon().bounds.get(" ".join(mm["w"].split()))
    return (kind, mm.start("w")) if kind in kinds else None


def since_before(m: re.Match) -> bool:
    """Whether منذ ("since") comes right before the match: a month or day named without a year is then the
    latest one not after the anchor ("منذ كانون الأول" in July 2015 is December 2014)."""
    b = bound_kind(m.string, m.start("body"))
    return b is not None and b[0] == "since"


def _with_part(res: Res, part: str | None) -> Res:
    """A day with a part of the day: 2020-03-31TEV (TIMEX3 codes MO MI AF EV NI, plus DAWN)."""
    if not part or res.value is None:
        return res
    code = lexicon().parts.get(" ".join(part.split()))
    if not code:
        return res
    return Res(f"{res.value}T{code[0]}", "part_of_day", lo=res.lo, hi=res.hi, kind="date")


def period_of(rd: dt.date, unit: str, k: int) -> Res:
    if unit == "week":
        return week_res(rd + dt.timedelta(weeks=k))
    if unit == "month":
        d = cal.add_months(rd.replace(day=1), k)
        return month_res(d.year, d.month)
    if unit in ("decade", "century"):
        size = 10 if unit == "decade" else 100
        y = (rd.year // size + k) * size
        return range_res(dt.date(y, 1, 1), dt.date(y + size - 1, 12, 31), f"{y}", f"{y + size - 1}")
    return year_res(rd.year + k)


def _hijri_span(name: str, dir_text: str | None, rd: dt.date | None, since: bool = False) -> tuple[dt.date, dt.date] | None:
    """The Gregorian span of a Hijri month named without a year: nearest the anchor (الماضي / المقبل: the
    latest begun and ended before it / the first begun after it; after منذ: the latest begun by the anchor)."""
    hm = lexicon().hijri_months.get(" ".join(name.split()))
    h = cal.gregorian_to_hijri(rd) if rd else None
    if hm is None or h is None:
        return None
    spans = [s for s in (cal.hijri_month_span(y, hm) for y in (h[0] - 1, h[0], h[0] + 1)) if s]
    direction = _dir(dir_text)
    if direction is not None and direction < 0:
        spans = [s for s in spans if s[1] < rd][-1:]
    elif direction is not None and direction > 0:
        spans = [s for s in spans if s[0] > rd][:1]
    elif direction == 0:
        spans = [s for s in spans if s[0] <= rd <= s[1]] or spans
    elif since:
        spans = [s for s in spans if s[0] <= rd][-1:]
    return min(spans, key=lambda s: abs((s[0] - rd).days)) if spans else None


_CLAUSE_END = re.compile(r"[.!؟?:;\n]")


def future_clause(text: str, start: int, first_person: bool = False) -> bool:
    """Whether the clause before `start` (up to 8 words) is about the future: a marker from future.tsv, or a
    verb with the future prefix س (سيتم, ستنسحب, سنعمل: س + an imperfect that is itself a frequent word;
    1st person سأ is left out: سابق, ساهم are not futures). With `first_person`, also سأ + a frequent
    imperfect among the 4 words before `start` ("سأعود") -- for choosing a fallback, where سابق/ساهم passing
    does no harm."""
    head = text[max(0, start - 80):start]
    cut = max((mm.end() for mm in _CLAUSE_END.finditer(head)), default=0)
    freq = word_freq()
    markers = lexicon().future_words
    for w in head[cut:].split()[-8:]:
        w = w.strip("«»\"'(),،")
        v = w.removeprefix("و").removeprefix("ف")
        if w in markers or v in markers:
            return True
        if len(v) >= 4 and v[0] == "س" and v[1] in "يتن" and freq.get(v[1:], 0) >= 20:
            return True
    if first_person:
        words = re.split(r"[.!؟?:;،,\n]", text[max(0, start - 60):start])[-1].split()[-4:]
        return any(len(w) >= 4 and w.startswith("سا") and freq.get(w[1:], 0) >= 20 for w in words)
    return False
