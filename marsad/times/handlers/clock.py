"""Handlers for clock times, clock ranges and parts of the day."""
from __future__ import annotations

import datetime as dt
import functools

from marsad.times import calendar as cal
from marsad.times.lexicon import lexicon
from marsad.times.numbers import parse_number
from marsad.times.resolve import Res, _day, _dir, _num, day_res, unresolved
from marsad.times.handlers.common import _g, _with_part


def code_hour(h: int, code: str) -> int:
    """24-hour clock from an hour and a TIMEX3 part code: 3 AF -> 15, 12 MO -> 0, 1 NI -> 1, 12 NI -> 0."""
    if code not in ("MO", "DAWN", "") and h < 12 and not (code == "MI" and h >= 11) and not (code == "NI" and h <= 4):
        h += 12
    if code in ("MO", "DAWN", "NI") and h == 12:
        h = 0
    return h % 24


def _part_hour(h: int, part: str | None) -> int:
    """24-hour clock from an hour and a part of the day: 3 عصرا -> 15, 12 صباحا -> 0, 12 ليلا -> 0."""
    if not part:
        return h % 24
    code, shift = lexicon().parts.get(" ".join(part.split()), ("", 0))
    return code_hour(h, code if shift or code in ("MO", "DAWN", "NI") else "")


def _clock_res(ref, h: int, mi: int, sec: int = 0, part: str | None = None) -> Res:
    rd = _day(ref)
    if rd is None:
        return Res(None, "datetime", clock=(h, mi, sec), kind="clock", part=part)
    t = dt.datetime(rd.year, rd.month, rd.day, h, mi, sec)
    return Res(cal.datetime_value(t), "datetime", lo=rd, hi=rd, clock=(h, mi, sec), kind="clock", part=part)


@functools.cache
def _fraction_keys() -> tuple[tuple[str, int], ...]:
    """(keyword, minutes) of the fractions of an hour (fractions.tsv, a form's last word), in file order."""
    return tuple(dict((f.split()[-1], mi) for f, mi in lexicon().fractions.items()).items())


def _fraction_minutes(text: str) -> int | None:
    """Minutes of the first fraction keyword that `text` holds ("والنصف" -> 30), else None."""
    return next((mi for k, mi in _fraction_keys() if k in text), None)


def _ordinal_minutes(frac: str | None) -> bool:
    """Minutes are cardinals ("وعشر دقائق"); "التاسعة والحادية عشرة" is two hours, not 9:11."""
    if not frac or _fraction_minutes(frac) is not None:
        return False
    words = frac.split()
    return parse_number(" ".join(words[:-1]) if words[-1] in ("دقيقه", "دقايق") else frac)[1]


def _minutes(frac: str | None, default: int = 0) -> int:
    if not frac:
        return default
    fm = _fraction_minutes(frac)  # "والنصف", "وثلاثة أرباع"
    if fm is not None:
        return fm
    words = frac.split()
    v = _num(" ".join(words[:-1]) if words[-1] in ("دقيقه", "دقايق") else frac)
    return int(v) if v is not None and v == int(v) and 0 <= v < 60 else default


def _minus(h: int, mi: int, minus: str | None) -> tuple[int, int]:
    """"السابعة إلا ربعا" -> 6:45, "الخامسة والنصف إلا ثلاث دقائق" -> 5:27."""
    if not minus:
        return h, mi
    k = _fraction_minutes(minus)
    if k is None:
        k = int(_num(minus.rsplit(None, 1)[0]) or 0)
    return divmod((h * 60 + mi - k) % 1440, 60)


def h_clock(m, ref):
    h = _num(m["h"])
    if h is None or h != int(h) or not 0 <= h <= 24:
        return None
    if not m["h"][0].isdigit() and not m["h"].startswith("ال") and "الساعه" not in m["body"]:
        return None  # "ساعة واحدة" is a duration; the clock is "الساعة الواحدة"
    h = int(h)
    if _ordinal_minutes(_g(m, "frac")):
        return None
    mi = _minutes(_g(m, "frac") or _g(m, "frac2"), int(m["mi"]) if _g(m, "mi") else 0)
    h, mi = _minus(h, mi, _g(m, "minus"))
    sec = int(m["sec"]) if _g(m, "sec") else 0
    part = _g(m, "part") or _g(m, "part0")
    return _clock_res(ref, _part_hour(h, part), mi, sec, part)


def h_clock_word(m, ref):
    """An hour in words counts as a clock time only with a fraction, "إلا ..." or a part of the day."""
    if not (m["frac"] or m["part"] or m["minus"]):
        return None
    frac = m["frac"] or m["frac2"] or ""
    if frac and not m["part"] and _fraction_minutes(frac) is None and not any(k in frac for k in ("دقيقه", "دقايق")):
        return None  # "الذكرى الخامسة والعشرين" is the 25th, not 05:20
    h = _num(m["h"])
    if h is None or not 1 <= h <= 12 or _ordinal_minutes(frac):
        return None
    h, mi = _minus(int(h), _minutes(frac), m["minus"])
    return _clock_res(ref, _part_hour(h, m["part"]), mi, 0, m["part"])


def h_clock_range(m, ref):
    """"من 5 إلى 6 مساءً": needs a clock cue (الساعة, a part of the day or minutes) on one side; joined
    by و only after بين ("الثالثة بعد الظهر والرابعة والنصف" is a list of times)."""
    if m["j"] == "و" and m["head"] != "بين":
        return None
    if not (m["k1"] or m["k2"] or m["p1"] or m["p2"] or m["m1"] or m["m2"] or m["f1"] or m["f2"]):
        return None
    if "." in ((m["sep1"] or "") + (m["sep2"] or "")) and not (m["k1"] or m["k2"] or m["p1"] or m["p2"]):
        return None  # "4.30 - 5.45" are numbers unless الساعة or a part of the day says they are times
    h1, h2 = _num(m["h1"]), _num(m["h2"])
    if h1 is None or h2 is None:
        return None
    p1, p2 = m["p1"] or None, m["p2"] or None
    a = _part_hour(int(h1), p1 or (p2 if int(h1) <= int(h2) else None))
    b = _part_hour(int(h2), p2 or p1)
    if p1 and not p2 and b < a:
        b = _part_hour(int(h2), "مساء")
    mi1 = int(m["m1"]) if m["m1"] else _minutes(m["f1"])
    mi2 = int(m["m2"]) if m["m2"] else _minutes(m["f2"])
    rd = _day(ref)
    if rd is None:
        return Res(None, "range", clock=(a, mi1, 0, b, mi2, 0), kind="clock_range")
    t1 = dt.datetime(rd.year, rd.month, rd.day, a, mi1)
    t2 = dt.datetime(rd.year, rd.month, rd.day, b, mi2)
    if t2 < t1:
        return None
    return Res(f"{cal.datetime_value(t1)}/{cal.datetime_value(t2)}", "range", lo=rd, hi=rd,
               clock=(a, mi1, 0, b, mi2, 0), kind="clock_range")


def h_this_part(m, ref):
    """"هذا المساء" (today), "الليلة" (tonight), "الليلة الماضية" (last night)."""
    if not (m["this"] or m["dir"] or m["part"] == "الليله"):
        return None
    rd = _day(ref)
    if rd is None:
        return unresolved("part_of_day")
    d = _dir(m["dir"]) or 0 if m["dir"] else 0
    return _with_part(day_res(rd + dt.timedelta(days=d)), m["part"])


def h_part_alone(m, ref):
    """"في الصباح", "بعد الظهر": TIMEX3 part-of-day code without a date (value TMO, TAF ...)."""
    word = " ".join(m["part"].split())
    if word in ("منتصف الليل",):
        return Res("T00:00", "time", kind="time")
    if word in ("منتصف النهار", "الظهيره", "ظهيره", "الظهر", "ظهر"):
        return Res("T12:00", "time", kind="time")
    code = lexicon().parts.get(word) or lexicon().parts.get(word.removeprefix("ال"))
    if not code:
        return None
    return Res("T" + code[0], "part_of_day", kind="time")
