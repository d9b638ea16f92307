"""Calendar arithmetic and the ISO value formats of TimeExpression (see docs/evaluation/times.md)."""
from __future__ import annotations

import calendar as _cal
import datetime as dt
import functools

from hijridate import Gregorian, Hijri

UNIT_ORDER = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "century")


def add_months(d: dt.date, n: int) -> dt.date:
    """d shifted by n calendar months, the day clipped to the month's length."""
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return d.replace(year=year, month=month, day=min(d.day, _cal.monthrange(year, month)[1]))


def shift(d: dt.date | dt.datetime, unit: str, n: float) -> dt.date | dt.datetime:
    """d moved by n units (negative = back in time); fractions of months/years fall back to days."""
    if unit in ("second", "minute", "hour"):
        if not isinstance(d, dt.datetime):
            d = dt.datetime(d.year, d.month, d.day)
        return d + dt.timedelta(seconds=n * {"second": 1, "minute": 60, "hour": 3600}[unit])
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    months = {"month": 1, "year": 12, "decade": 120, "century": 1200}[unit] * n
    if months == int(months):
        return add_months(d, int(months))
    return d + dt.timedelta(days=round(months * 30.4375))


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, _cal.monthrange(year, month)[1])


def week_value(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def week_start(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def date_value(d: dt.date) -> str:
    return d.isoformat() if not isinstance(d, dt.datetime) else d.date().isoformat()


def datetime_value(d: dt.datetime) -> str:
    """2020-03-25T14:00, with seconds only when they are stated (19:56:30)."""
    return d.strftime("%Y-%m-%dT%H:%M:%S" if d.second else "%Y-%m-%dT%H:%M")


def duration_value(parts: list[tuple[float, str]]) -> str:
    """ISO 8601 duration from (count, unit) pairs: [(1, 'year'), (21, 'day')] -> P1Y21D."""
    date_codes = {"century": ("Y", 100), "decade": ("Y", 10), "year": ("Y", 1), "month": ("M", 1), "week": ("W", 1), "day": ("D", 1)}
    time_codes = {"hour": "H", "minute": "M", "second": "S"}
    total: dict[str, float] = {}
    for n, unit in parts:
        code = date_codes[unit][0] if unit in date_codes else "T" + time_codes[unit]
        total[code] = total.get(code, 0) + n * (date_codes[unit][1] if unit in date_codes else 1)

    def fmt(x: float) -> str:
        return str(int(x)) if float(x).is_integer() else f"{x:g}"

    out = "P" + "".join(fmt(total[c]) + c for c in "YMWD" if c in total)
    times = "".join(fmt(total["T" + c]) + c for c in "HMS" if "T" + c in total)
    return out + ("T" + times if times else "")


@functools.lru_cache(maxsize=4096)
def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """Umm al-Qura conversion (hijridate); None outside its range (1343-1500 AH) or for a bad day."""
    try:
        return dt.date(*Hijri(year, month, day).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


@functools.lru_cache(maxsize=4096)
def hijri_month_span(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """First and last Gregorian day of a Hijri month."""
    try:
        h = Hijri(year, month, 1)
        first = dt.date(*h.to_gregorian().datetuple())
        return first, first + dt.timedelta(days=h.month_length() - 1)
    except (ValueError, OverflowError):
        return None


@functools.lru_cache(maxsize=4096)
def gregorian_to_hijri(d: dt.date) -> tuple[int, int, int] | None:
    try:
        h = Gregorian(d.year, d.month, d.day).to_hijri()
        return h.year, h.month, h.day
    except (ValueError, OverflowError):
        return None
