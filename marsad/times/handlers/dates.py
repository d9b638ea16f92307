"""Handlers for dates and named periods: numeric and written dates, months, years, Hijri, seasons,
decades, holidays, weekdays and relative days."""
from __future__ import annotations

import datetime as dt
import re

from marsad.times import calendar as cal
from marsad.times.lexicon import lexicon
from marsad.times.numbers import parse_number
from marsad.times.resolve import (
    Res, _day, _dir, _month, _num, _year, day_res, month_res, range_res, resolve_day_month, resolve_month,
    resolve_weekday, unresolved, year_res,
)
from marsad.times.handlers.common import HIJRI_NUMERIC_YEARS, _after_prep, _date, _dayno, _g, _wd, _with_part


def _numeric(y: int, mo: int, d: int, hijri: bool) -> Res | None:
    if mo > 12 and d <= 12:
        mo, d = d, mo  # month/day order (US style 9-18-15)
    if hijri:
        g = cal.hijri_to_gregorian(y, mo, d)
        return day_res(g) if g else None
    g = _date(y, mo, d)
    return day_res(g) if g else None


def h_num_ymd(m, ref):
    y = int(m["y"])
    return _numeric(y, int(m["m"]), int(m["d"]), y in HIJRI_NUMERIC_YEARS)


def h_num_dmy(m, ref):
    y = _year(m["y"], _day(ref))
    if y is None:
        return None
    hijri = m["era"] == "ه" or y in HIJRI_NUMERIC_YEARS
    return _numeric(y, int(m["m"]), int(m["d"]), hijri)


def h_num_mdy(m, ref):
    y = _year(m["y"], _day(ref))
    return _numeric(y, int(m["m"]), int(m["d"]), False) if y else None


def h_num_ym(m, ref):
    return month_res(int(m["y"]), int(m["m"]))


def h_num_dm(m, ref):
    d, mo = int(m["d"]), int(m["m"])
    if mo > 12 and d <= 12:
        d, mo = mo, d
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    rd = _day(ref)
    if rd is None:
        return unresolved("day")
    g = resolve_day_month(rd, mo, d, None)
    return day_res(g) if g else None


def _day_month(m, ref, d, mo, direction):
    """A day and month, with the year written, or resolved against the reference day."""
    rd = _day(ref)
    y = _year(m["y"], rd)
    if m["y"] and y is None:
        return None
    if y is not None:
        g = _date(y, mo, d)
        return day_res(g) if g else None
    if rd is None:
        return unresolved("day")
    g = resolve_day_month(rd, mo, d, direction)
    return day_res(g) if g else None


def h_dmy(m, ref):
    d, mo = _dayno(m["d"]), _month(m["m"])
    other = m["m2"] or m["m2b"]
    if d is None or mo is None or (other and _month(other) != mo):
        return None
    return _day_month(m, ref, d, mo, _dir(m["dir"]))


def h_mdy(m, ref):
    d, mo = _dayno(m["d"]), _month(m["m"])
    if d is None or mo is None:
        return None
    return _day_month(m, ref, d, mo, None)


def h_month(m, ref):
    mo = _month(m["m"])
    other = m["m2"] or m["m2b"]
    if mo is None or (other and _month(other) != mo):
        return None
    name = " ".join(m["m"].split())
    if name not in lexicon().months_bare and not (m["y"] or m["body"].startswith("شهر") or _after_prep(m)):
        return None  # ambiguous word (آب "father") without a year or شهر
    rd = _day(ref)
    y = _year(m["y"], rd)
    if m["y"] and y is None:
        return None
    if y is None and m["ydir"] and rd is not None:
        y = rd.year + (_dir(m["ydir"].split(None, 1)[1]) or 0)
    if y is None:
        if rd is None:
            return unresolved("month")
        direction = _dir(m["dir"])
        if m["this"]:
            direction = 0
        y = resolve_month(rd, mo, direction)
    return month_res(y, mo)


def h_year(m, ref):
    y = int(m["y"])
    if not m["kw"] and not (1900 <= y <= 2100):
        return None
    return year_res(y)


def h_year_words(m, ref):
    y = _year(m["y"], _day(ref))
    return year_res(y) if y else None


def h_year_words_bare(m, ref):
    """A year in words standing alone: only the spoken forms (ألفين, تسعة عشر ثمانية وعشرون) >= 1100."""
    if re.search(r"عشره?\s+و", m["y"]):
        return None  # a year read in pairs has no و after the teen: "أحد عشر وخمسة" is 11:05 or 16
    y, ordinal = parse_number(m["y"])
    if y is None or ordinal or not 1100 <= y <= 2100 or y != int(y):
        return None
    return year_res(int(y))


def h_hijri_date(m, ref):
    d = _dayno(m["d"])
    hm = lexicon().hijri_months.get(" ".join(m["hm"].split()))
    if d is None or hm is None:
        return None
    if m["y"]:
        g = cal.hijri_to_gregorian(int(m["y"]), hm, d)
        return day_res(g) if g else None
    rd = _day(ref)
    if rd is None:
        return unresolved("day")
    h = cal.gregorian_to_hijri(rd)
    if h is None:
        return None
    best = None
    for hy in (h[0] - 1, h[0], h[0] + 1):
        g = cal.hijri_to_gregorian(hy, hm, d)
        if g and (best is None or abs((g - rd).days) < abs((best - rd).days)):
            best = g
    return day_res(best) if best else None


def h_hijri_month(m, ref):
    name = " ".join(m["hm"].split())
    hm = lexicon().hijri_months.get(name)
    if hm is None or (name not in lexicon().hijri_bare and not (m["y"] or m["shahr"] or _after_prep(m))):
        return None
    if m["y"] and int(m["y"]) >= 1900:
        # "رمضان 2020": the Hijri month that starts in that Gregorian year
        gy = int(m["y"])
        approx = round((gy - 622) * 33 / 32)
        spans = [sp for sp in (cal.hijri_month_span(hy, hm) for hy in (approx - 1, approx, approx + 1))
                 if sp and sp[0].year == gy]
        return range_res(*spans[0]) if spans else None
    if m["y"]:
        years = [int(m["y"])]
    else:
        rd = _day(ref)
        h = cal.gregorian_to_hijri(rd) if rd else None
        if h is None:
            return unresolved("range")
        years = [h[0] - 1, h[0], h[0] + 1]
    spans = [s for s in (cal.hijri_month_span(y, hm) for y in years) if s]
    if not spans:
        return None
    rd = _day(ref)
    lo, hi = min(spans, key=lambda s: abs((s[0] - rd).days)) if rd and len(spans) > 1 else spans[0]
    return range_res(lo, hi)


def h_hijri_year(m, ref):
    first = cal.hijri_month_span(int(m["y"]), 1)
    last = cal.hijri_month_span(int(m["y"]), 12)
    return range_res(first[0], last[1]) if first and last else None


def h_season(m, ref):
    """"صيف 2016", "هذا الصيف": value 2016-SU (TIMEX3 season code), grain season; a bare "الصيف" is SU."""
    lex = lexicon()
    code = lex.seasons.get(m["s"])
    rd = _day(ref)
    y = _year(m["y"], rd) if m["y"] else None
    if m["y"] and y is None:
        return None
    if y is None and not (m["this"] or m["dir"] or m["ydir"]):
        # a season named alone is as often generic ("في الصيف ترتفع الحرارة") as this year's: no year
        # is guessed. Names that are also proper names (ربيع) need a year or هذا, and a following
        # adjective makes it something else ("الربيع العربي").
        if m["s"] not in lex.seasons_bare or re.match(r"\s+ال", m.string[m.end("body"):]):
            return None
        return Res(code, "season", kind="season")
    if y is None:
        if rd is None:
            return unresolved("season")
        if m["ydir"]:
            words = m["ydir"].split()
            y = rd.year + (_dir(words[-1]) or 0 if len(words) > 1 and words[0] != "هذا" else 0)
        else:
            y = rd.year + (_dir(m["dir"]) or 0 if m["dir"] else 0)
    return Res(f"{y}-{code}", "season", kind="season")


def h_decade(m, ref):
    tens = {"عشر": 2, "ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "تسع": 9}[m["dec"]]
    rd = _day(ref)
    century = 1900
    if m["cent"]:
        d = _dir(m["cent"])
        n = _num(m["cent"]) if d is None else (rd.year // 100 + 1 + d if rd else None)
        if n is None:
            return None
        century = (int(n) - 1) * 100
    elif rd is not None and 2000 + tens * 10 <= rd.year:
        century = 2000
    y = century + tens * 10
    return range_res(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), f"{y}", f"{y + 9}")


def h_holiday(m, ref):
    """A holiday: its date in the given year, else the occurrence nearest the anchor."""
    cal_kind, rule = lexicon().holidays[" ".join(m["hol"].split())]
    rd = _day(ref)
    if m["y"]:
        years = [int(m["y"])]
    elif m["ydir"]:
        if rd is None:
            return unresolved("day")
        years = [rd.year + (_dir(m["ydir"].split(None, 1)[1]) or 0)]
    elif rd is None:
        return unresolved("day")
    else:
        years = [rd.year - 1, rd.year, rd.year + 1]
    dates = []
    for y in years:
        if cal_kind == "gregorian":
            mo, d = map(int, rule.split("-"))
            dates.append(_date(y, mo, d))
        elif cal_kind == "nth_weekday":
            mo, wd, n = map(int, rule.split("-"))
            first = dt.date(y, mo, 1)
            dates.append(first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1)))
        else:
            hm, hd = map(int, rule.split("-"))
            h = cal.gregorian_to_hijri(dt.date(y, 6, 30))
            for hy in ({h[0] - 1, h[0], h[0] + 1} if h else ()):
                g = cal.hijri_to_gregorian(hy, hm, hd)
                if g and g.year == y:
                    dates.append(g)
    dates = [d for d in dates if d]
    if not dates:
        return None
    best = min(dates, key=lambda d: abs((d - rd).days)) if rd and len(dates) > 1 else dates[0]
    return day_res(best)


def h_dayword(m, ref):
    word = re.sub(r"^ا+", "ا", " ".join(m["rd"].split()))
    word = " ".join(re.sub(r"^ا+", "ا", w) for w in word.split())
    offset = lexicon().day_words.get(word)
    if offset is None:
        return None
    rd = _day(ref)
    part = m["part1"] or m["part2"]
    if rd is None:
        return unresolved("part_of_day" if part else "day")
    d = rd + dt.timedelta(days=offset)
    wd = _wd(m["wd"])
    if wd is not None and d.isoweekday() != wd:
        # "اليوم الأربعاء" in an article dated Thursday: written the day before (after-midnight
        # publication); look back up to two days, else forward one for غدا
        for k in (1, 2, -1):
            c = d - dt.timedelta(days=k)
            if c.isoweekday() == wd and (offset <= 0 or k < 0 or k == 1):
                d = c
                break
    return _with_part(day_res(d), part)


def h_weekday(m, ref):
    wd = _wd(m["wd"]) or _wd("ال" + m["wd"]) if m["wd"] else None
    if wd is None:
        return None
    rd = _day(ref)
    if rd is None:
        return unresolved("day")
    if _g(m, "ord"):
        # "الأحد الثاني": the nth such weekday of the anchor's month
        n = _num(m["ord"])
        if n is None or not 1 <= n <= 5:
            return None
        first = rd.replace(day=1)
        d = first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (int(n) - 1))
        if d.month != rd.month:
            return None
        return _with_part(day_res(d), _g(m, "part1"))
    if _g(m, "wkdir"):
        k = _dir(m["wkdir"].split(None, 1)[1]) or 0
        d = cal.week_start(rd) + dt.timedelta(days=7 * k + wd - 1)
    else:
        d = resolve_weekday(rd, wd, _dir(m["dir"]), bool(_g(m, "this")))
    return _with_part(day_res(d), _g(m, "part1") or _g(m, "part2"))


def h_week_weekday(m, ref):
    wd = _wd(m["wd"])
    rd = _day(ref)
    if wd is None:
        return None
    if rd is None:
        return unresolved("day")
    k = _dir(m["wkd"]) or 0
    return day_res(cal.week_start(rd) + dt.timedelta(days=7 * k + wd - 1))


def h_weekday_day(m, ref):
    wd, d = _wd(m["wd"]), _dayno(m["d"])
    if wd is None or d is None or not (m["d"][0].isdigit() or m["d"].startswith("ال") or " في " in m["body"]):
        return None  # a day in words takes the article or في: "الخميس في الحادي والعشرين"
    rd = _day(ref)
    if rd is None:
        return unresolved("day")
    cands = []
    for k in (0, -1, 1, -2, 2):
        base = cal.add_months(rd.replace(day=1), k)
        c = _date(base.year, base.month, d)
        if c and c.isoweekday() == wd:
            cands.append(c)
    if not cands:
        c = _date(rd.year, rd.month, d)
        return day_res(c) if c else None
    return day_res(min(cands, key=lambda c: abs((c - rd).days)))


def h_nth_weekday(m, ref):
    """"أول يوم جمعة من يوليو": the nth weekday of a month."""
    n = _num(m["n"])
    wd = _wd(m["wd"]) or _wd("ال" + m["wd"])
    if n is None or wd is None or not 1 <= n <= 5:
        return None
    rd = _day(ref)
    if rd is None:
        return unresolved("day")
    if m["m"]:
        mo = _month(m["m"])
        y = resolve_month(rd, mo, None)
    else:
        base = cal.add_months(rd.replace(day=1), _dir(m["dir"]) or 0 if m["dir"] else 0)
        y, mo = base.year, base.month
    first = dt.date(y, mo, 1)
    d = first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (int(n) - 1))
    return day_res(d) if d.month == mo else None


def h_day_of_month(m, ref):
    """"20 من الشهر المقبل": a day of a relative month."""
    d = _dayno(m["d"])
    if d is None:
        return None
    rd = _day(ref)
    if rd is None:
        return unresolved("day")
    base = cal.add_months(rd.replace(day=1), _dir(m["dir"]) or 0 if m["dir"] else 0)
    c = _date(base.year, base.month, d)
    return day_res(c) if c else None


def h_day_only(m, ref):
    d = int(m["d"])
    rd = _day(ref)
    if rd is None:
        return unresolved("day")
    c = _date(rd.year, rd.month, d)
    return day_res(c) if c else None


def h_day_ordinal(m, ref):
    """"في الثاني والعشرين": a day (11th-31st) of the anchor's month as a masculine ordinal (يوم is masculine).

    Feminine ordinals are clock hours, ages and rounds ("في الثانية عشرة", "في الخامسة عشرة من عمرها");
    ordinals below 11 are too often "the second one" ("بالنسبة للثاني", "سيميل إلى الثاني"), and after
    another ordinal the noun is elided ("من القرن الثامن وحتى الخامس عشر")."""
    v, ordinal = parse_number(m["d"])
    if v is None or v != int(v) or not 11 <= v <= 31 or not (ordinal or v in (20, 30)):
        return None
    if any(w.endswith("ه") for w in m["d"].split()):
        return None
    # an ordinal shortly before gives the elided noun: "من القرن الثامن وحتى الخامس عشر" (a century)
    before = m.string[max(0, m.start("body") - 40):m.start("body")].split()[:-1]
    if any(parse_number(w)[1] for w in before if len(w) > 3):
        return None
    rd = _day(ref)
    if rd is None:
        return unresolved("day")
    c = _date(rd.year, rd.month, int(v))
    return day_res(c) if c else None
