"""Handlers: turn one pattern match into a resolved value, anchored on the publication date.

Rules for ambiguous references (documented in docs/evaluation/times.md):
- a day and month without a year: the occurrence nearest the anchor (الماضي: latest not after it,
  المقبل/القادم: first after it); a month alone: the nearest month (الماضي: the latest before the
  anchor's month; المقبل: the first after it);
- a bare weekday: the latest such day not after the anchor (news report the past); with اليوم the
  anchor or one of the two days before it (articles dated after midnight); with أمس the day before;
- "قبل/منذ N وحدة": anchor minus N units, as a date, grain = the unit.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from marsad.times import calendar as cal
from marsad.times.lexicon import lexicon
from marsad.times.numbers import parse_number


@dataclass(slots=True)
class Res:
    """A resolved expression; lo/hi are its first and last day when known (for merging)."""

    value: str | None
    grain: str
    vague: bool = False
    lo: dt.date | None = None
    hi: dt.date | None = None
    clock: tuple[int, ...] | None = None  # (hour, minute, second) for clock times
    part: str | None = None  # a clock time's stated part of the day ("مساء"), if any
    kind: str = ""
    parts: tuple | None = None  # a list of days: ((start, end, Res), ...) in the normalised text
    # "العام نفسه", "نهاية الشهر التالي": (unit, edge part 0/1/2 or None, later, unit offset), resolved from the
    # last stated date (extract.resolve_same)
    same: tuple | None = None


def _day(ref) -> dt.date | None:
    if ref is None:
        return None
    return ref.date() if isinstance(ref, dt.datetime) else ref


def _num(text: str | None):
    if not text:
        return None
    return parse_number(text)[0]


def _dir(text: str | None) -> int | None:
    if not text:
        return None
    return lexicon().directions.get(" ".join(text.split()))


def _month(text: str | None) -> int | None:
    return lexicon().months.get(" ".join(text.split())) if text else None


def _year(text: str | None, ref_day: dt.date | None) -> int | None:
    """A year in digits or words; two digits are read in the century nearest the anchor."""
    if not text:
        return None
    y = _num(text)
    if y is None or y != int(y):
        return None
    y = int(y)
    if text.strip().isdigit() and len(text.strip()) == 2:
        base = (ref_day.year if ref_day else 2000) + 10
        y += 2000 if 2000 + y <= base else 1900
    return y if 1000 <= y <= 2200 else None


def day_res(d: dt.date, kind: str = "date") -> Res:
    return Res(cal.date_value(d), "day", lo=d, hi=d, kind=kind)


def month_res(y: int, m: int) -> Res:
    return Res(f"{y:04d}-{m:02d}", "month", lo=dt.date(y, m, 1), hi=cal.month_end(y, m), kind="month")


def year_res(y: int) -> Res:
    return Res(f"{y:04d}", "year", lo=dt.date(y, 1, 1), hi=dt.date(y, 12, 31), kind="year")


def week_res(d: dt.date) -> Res:
    s = cal.week_start(d)
    return Res(cal.week_value(d), "week", lo=s, hi=s + dt.timedelta(days=6), kind="week")


def range_res(lo: dt.date, hi: dt.date, a: str | None = None, b: str | None = None) -> Res:
    """A range 'A/B' of inclusive endpoints (by default both as days)."""
    return Res(f"{a or lo.isoformat()}/{b or hi.isoformat()}", "range", lo=lo, hi=hi, kind="range")


def unresolved(grain: str) -> Res:
    return Res(None, grain)


def resolve_day_month(ref_day: dt.date, month: int, day: int, direction: int | None) -> dt.date | None:
    """The year for a day and month given without one (see module docstring)."""
    cands = []
    for y in (ref_day.year - 1, ref_day.year, ref_day.year + 1):
        try:
            cands.append(dt.date(y, month, day))
        except ValueError:
            pass
    if not cands:
        return None
    if direction is not None and direction < 0:
        past = [c for c in cands if c <= ref_day]
        return max(past) if past else None
    if direction is not None and direction > 0:
        fut = [c for c in cands if c > ref_day]
        return min(fut) if fut else None
    return min(cands, key=lambda c: (abs((c - ref_day).days), c > ref_day))


def resolve_month(ref_day: dt.date, month: int, direction: int | None) -> int:
    """The year of a month named without one."""
    here = ref_day.year * 12 + ref_day.month - 1
    cands = [(y, y * 12 + month - 1) for y in (ref_day.year - 1, ref_day.year, ref_day.year + 1)]
    if direction is not None and direction < 0:
        return max(y for y, k in cands if k < here)
    if direction is not None and direction > 0:
        return min(y for y, k in cands if k > here)
    if direction == 0:
        return ref_day.year
    return min(cands, key=lambda c: (abs(c[1] - here), c[1] > here))[0]


def resolve_weekday(ref_day: dt.date, wd: int, direction: int | None = None, this: bool = False) -> dt.date:
    """The date of a weekday named alone or with الماضي / المقبل / هذا."""
    delta = (ref_day.isoweekday() - wd) % 7
    if direction is not None and direction > 0:  # بعد المقبل (+2) is a week later still
        return ref_day + dt.timedelta(days=((wd - ref_day.isoweekday()) % 7 or 7) + 7 * (direction - 1))
    if direction is not None and direction < 0:
        return ref_day - dt.timedelta(days=(delta or 7) + 7 * (-direction - 1))
    if this or direction == 0:
        return cal.week_start(ref_day) + dt.timedelta(days=wd - 1)
    return ref_day - dt.timedelta(days=delta)
