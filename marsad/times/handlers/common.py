"""Helpers shared by the handlers: reading match groups, lexicon look-ups, day parts, calendar periods."""
from __future__ import annotations

import datetime as dt
import re

from marsad.times import calendar as cal
from marsad.times.lexicon import lexicon
from marsad.times.resolve import Res, _num, month_res, range_res, week_res, year_res


# Hijri years written without هـ are recognised in numeric dates within this span (1921-2077 CE).
HIJRI_NUMERIC_YEARS = range(1340, 1501)
# "اسبوعي" (my week) after نهاية/بقية/باقي is the possessive, not the adjective "weekly"
_UNIT_WORD = {"اسبوع": "week", "شهر": "month", "عام": "year", "سنه": "year", "عقد": "decade", "اسبوعي": "week"}


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


def _with_part(res: Res, part: str | None) -> Res:
    """A day with a part of the day: 2020-03-31TEV (TIMEX3 codes MO MI AF EV NI, plus DAWN)."""
    if not part or res.value is None:
        return res
    code = lexicon().parts.get(" ".join(part.split()))
    if not code:
        return res
    return Res(f"{res.value}T{code[0]}", "part_of_day", lo=res.lo, hi=res.hi, kind="date")


def _period(rd: dt.date, unit: str, k: int) -> Res:
    if unit == "week":
        return week_res(rd + dt.timedelta(weeks=k))
    if unit == "month":
        d = cal.add_months(rd.replace(day=1), k)
        return month_res(d.year, d.month)
    if unit == "decade":
        y = (rd.year // 10 + k) * 10
        return range_res(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), f"{y}", f"{y + 9}")
    return year_res(rd.year + k)
