"""Handlers for relative and bounded periods: weeks, edges of periods, "the rest of", last/next N units,
day ranges, recurrences and vague cues."""
from __future__ import annotations

import datetime as dt

from marsad.times import calendar as cal
from marsad.times.lexicon import lexicon
from marsad.times.resolve import (
    Res, _day, _dir, _month, _num, _year, month_res, range_res, resolve_day_month, resolve_month,
    unresolved, week_res, year_res,
)
from marsad.times.handlers.common import _UNIT_WORD, _date, _dayno, _g, _period, _unit, _wd


def h_vague(m, ref):
    return Res(None, "vague", vague=True, kind="vague")


def h_vague_few(m, ref):
    return Res(None, "vague", vague=True, kind="vague")


def _year_ref(m, rd) -> int | None:
    if _g(m, "y"):
        return _year(m["y"], rd)
    if _g(m, "y2"):
        return int(m["y2"])
    if _g(m, "y3"):
        return _year(m["y3"], rd)
    if rd is None:
        return None
    rel = _g(m, "yrel") or ""
    d = _dir(rel.split()[-1]) if rel and rel.split()[-1] not in ("العام", "عام", "السنه", "سنه") else 0
    return rd.year + (d or 0)


def h_quarter(m, ref):
    q = _num(m["q"])
    if q is None or not 1 <= q <= 4:
        return None
    y = _year_ref(m, _day(ref))
    if y is None:
        return unresolved("range")
    q = int(q)
    lo, hi = dt.date(y, 3 * q - 2, 1), cal.month_end(y, 3 * q)
    return range_res(lo, hi, f"{y}-{3 * q - 2:02d}", f"{y}-{3 * q:02d}")


def h_nth_week(m, ref):
    rd = _day(ref)
    last = m["n"] in lexicon().last_words
    n = None if last else _num(m["n"])
    if not last and (n is None or not 1 <= n <= 5):
        return None
    if m["m"]:
        mo = _month(m["m"])
        if rd is None:
            return unresolved("week")
        y = resolve_month(rd, mo, None)
        first, end = dt.date(y, mo, 1), cal.month_end(y, mo)
    elif m["y"]:
        y = _year(m["y"], rd)
        if y is None:
            return None
        first, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
    else:
        if rd is None:
            return unresolved("week")
        unit = m["rel"].split()[-1].removeprefix("ال")
        d = _dir(m["dir"]) or 0
        if unit == "شهر":
            base = cal.add_months(rd.replace(day=1), d)
            first, end = base, cal.month_end(base.year, base.month)
        else:
            first, end = dt.date(rd.year + d, 1, 1), dt.date(rd.year + d, 12, 31)
    if last:
        start = cal.week_start(end)  # the week starting on the period's last Monday
    elif first.month == 1 and end.month == 12:
        start = dt.date.fromisocalendar(first.year, int(n), 1)  # weeks of a year: ISO weeks
    else:
        # weeks of a month start on its first Monday
        start = first + dt.timedelta(days=(7 - first.weekday()) % 7, weeks=int(n) - 1)
    return week_res(start)


def h_rel_unit(m, ref):
    """"الأسبوع الماضي", "هذا العام", "العقد المقبل"; a bare noun with a direction needs the article."""
    unit = _UNIT_WORD.get(m["u"].removeprefix("ال"))
    if unit is None or not (m["this"] or m["dir"]):
        return None
    if m["this"] is None and not m["u"].startswith("ال"):
        return None
    rd = _day(ref)
    if rd is None:
        return unresolved(unit if unit != "decade" else "range")
    return _period(rd, unit, _dir(m["dir"]) or 0 if m["dir"] else 0)


def h_edge(m, ref):
    rd = _day(ref)
    edge = " ".join(m["edge"].split()).removeprefix("في ")
    # "وقت مبكر من" is early, "وقت لاحق/متأخر من" late
    edge = {"وقت مبكر": "مطلع", "وقت مبكر من": "مطلع", "وقت متاخر": "اواخر", "وقت متاخر من": "اواخر",
            "وقت لاحق": "وقت لاحق من"}.get(edge, edge)
    if m["u"]:
        unit = _UNIT_WORD.get(m["u"].removeprefix("ال"))
        if rd is None:
            return unresolved("range")
        base = _period(rd, unit, _dir(m["dir"]) or 0 if m["dir"] else 0)
    elif m["m"]:
        mo = _month(m["m"])
        y = int(m["y"]) if m["y"] else (resolve_month(rd, mo, None) if rd else None)
        if y is None:
            return unresolved("range")
        base = month_res(y, mo)
    else:
        base = year_res(int(m["yy"]))
    lo, hi = base.lo, base.hi
    # early / late halves and the middle: weeks Mon-Wed / Thu-Sun / Tue-Fri, months 1-15 / 16-end /
    # 10-20, years Jan-Jun / Jul-Dec / Apr-Sep
    cuts = {"week": ((0, 2), (3, 6), (1, 4)), "day": ((0, 0), (0, 0), (0, 0))}
    later = edge.startswith("وقت") or edge.startswith("لاحقا")
    which = 0 if edge in ("مطلع", "بدايه", "اوايل", "اول") else 1 if edge in ("اواخر", "نهايه", "اخر") or later else 2
    if base.grain == "week":
        a, b = cuts["week"][which]
        lo, hi = lo + dt.timedelta(days=a), lo + dt.timedelta(days=b)
        if later and rd:
            lo = max(rd + dt.timedelta(days=1), base.lo)
            hi = base.hi
    elif base.grain == "month":
        a, b = ((1, 15), (16, hi.day), (10, 20))[which]
        lo, hi = lo.replace(day=a), lo.replace(day=b)
    else:
        a, b = ((1, 6), (7, 12), (4, 9))[which]
        lo, hi = lo.replace(month=a), cal.month_end(lo.year, b)
    return range_res(lo, hi)


def h_weekend(m, ref):
    """"عطلة نهاية الأسبوع": TIMEX3 weekend of an ISO week, 2016-W45-WE (the days vary by country)."""
    rd = _day(ref)
    if rd is None:
        return unresolved("weekend")
    d = rd + dt.timedelta(weeks=_dir(m["dir"]) or 0 if m["dir"] else 0)
    s = cal.week_start(d)
    return Res(cal.week_value(d) + "-WE", "weekend", lo=s + dt.timedelta(days=5), hi=s + dt.timedelta(days=6), kind="range")


def h_week_of(m, ref):
    """"أسبوع 16 سبتمبر": the week holding a date."""
    d, mo = _dayno(m["d"]), _month(m["m"])
    rd = _day(ref)
    if d is None or mo is None:
        return None
    if m["y"]:
        c = _date(int(m["y"]), mo, d)
    elif rd is None:
        return unresolved("week")
    else:
        c = resolve_day_month(rd, mo, d, None)
    return week_res(c) if c else None


def h_week_weekdays(m, ref):
    """"الأسبوع المقبل بين الأربعاء والجمعة": two weekdays of one week."""
    w1, w2 = _wd(m["w1"]), _wd(m["w2"])
    rd = _day(ref)
    if w1 is None or w2 is None or w1 >= w2:
        return None
    if rd is None:
        return unresolved("range")
    s = cal.week_start(rd) + dt.timedelta(weeks=_dir(m["dir"]) or 0 if m["dir"] else 0)
    return range_res(s + dt.timedelta(days=w1 - 1), s + dt.timedelta(days=w2 - 1))


def h_rest_of(m, ref):
    unit = _UNIT_WORD.get(m["u"].removeprefix("ال"))
    rd = _day(ref)
    if rd is None or unit is None:
        return unresolved("range")
    base = _period(rd, unit, 0)
    return range_res(rd, base.hi)


def h_last_n(m, ref):
    u = _unit(m["u"])
    if not u:
        return None
    unit, implied = u
    n = _num(_g(m, "n")) if _g(m, "n") else implied
    if n is None:
        if m["u"].removeprefix("ال") in lexicon().plural_units:
            return Res(None, "vague", vague=True, kind="vague")  # "الأيام الأخيرة": no count, not guessed
        return None  # a singular unit: "الأسبوع القادم" is a relative unit, not a count
    rd = _day(ref)
    if rd is None:
        return unresolved("range")
    direction = -1 if _g(m, "last") or m["dir"] in lexicon().last_words else (_dir(m["dir"]) or 0)
    if direction == 0:
        return None
    if unit in ("hour", "minute", "second"):
        dur = cal.duration_value([(n, unit)])
        return Res(dur, "duration", kind="duration")
    if direction < 0:
        if unit == "decade":
            y = (rd.year // 10 - int(n)) * 10
            return range_res(dt.date(y, 1, 1), dt.date(y + 10 * int(n) - 1, 12, 31), f"{y}", f"{y + 10 * int(n) - 1}")
        return range_res(cal.shift(rd, unit, -n), rd)
    return range_res(rd + dt.timedelta(days=1), cal.shift(rd, unit, n))


def h_day_range(m, ref):
    d1, d2 = _dayno(m["d1"] or m["d1b"]), _dayno(m["d2"])
    if d1 is None or d2 is None or d1 >= d2:
        return None
    rd = _day(ref)
    if m["m"]:
        mo = _month(m["m"])
        y = _year(m["y"], rd)
        if m["y"] and y is None:
            return None
        if y is None:
            if rd is None:
                return unresolved("range")
            g = resolve_day_month(rd, mo, d1, None)
            y = g.year if g else rd.year
    else:
        if rd is None:
            return unresolved("range")
        base = cal.add_months(rd.replace(day=1), _dir(m["dir"]) or 0 if m["dir"] else 0)
        y, mo = base.year, base.month
    a, b = _date(y, mo, d1), _date(y, mo, d2)
    return range_res(a, b) if a and b else None


def h_month_day_range(m, ref):
    mo, d1, d2 = _month(m["m"]), _dayno(m["d1"]), _dayno(m["d2"])
    if d1 is None or d2 is None:
        return None
    rd = _day(ref)
    if rd is None:
        return unresolved("range")
    g = resolve_day_month(rd, mo, d1, None)
    if g is None:
        return None
    b = _date(g.year, mo, d2)
    return range_res(g, b) if b and d1 < d2 else None


def h_set(m, ref):
    """Recurrences as TIMEX3 set values: P1D, P2W, XXXX-WXX-1, TMO; grain "set"."""
    if m["w"]:
        return Res(lexicon().set_words[" ".join(m["w"].split())], "set", kind="set")
    if m["u"]:
        u = _unit(m["u"])
        if not u:
            return None
        n = _num(m["n"]) if m["n"] else (u[1] or 1)
        if n is None:
            return None
        return Res(cal.duration_value([(n, u[0])]), "set", kind="set")
    if m["wd"]:
        wd = _wd(m["wd"]) or _wd("ال" + m["wd"])
        return Res(f"XXXX-WXX-{wd}", "set", kind="set") if wd else None
    code = lexicon().parts.get(m["part"]) or lexicon().parts.get(m["part"].removesuffix("ه"))
    return Res("T" + code[0], "set", kind="set") if code else None
