"""Handlers for dates and named periods: numeric and written dates, months, years, Hijri, seasons,
decades, holidays, weekdays and relative days."""
from __future__ import annotations

import datetime as dt
import functools
import re

from marsad.times import calendar as cal
from marsad.times.lexicon import lexicon
from marsad.times.numbers import parse_number
from marsad.times.resolve import (
    Res, _day, _dir, _month, _num, _year, day_res, month_res, range_res, resolve_day_month, resolve_month,
    resolve_weekday, unresolved, year_res,
)
from marsad.times.handlers.common import (
    HIJRI_NUMERIC_YEARS, _after_prep, _date, _dayno, _g, _hijri_span, _wd, _with_part, future_clause, since_before,
)


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
    if _g(m, "ydir"):
        if rd is None:
            return unresolved("day")
        y = rd.year + (_dir(m["ydir"].split(None, 1)[1]) or 0)
    if y is not None:
        g = _date(y, mo, d)
        return day_res(g) if g else None
    if rd is None:
        return unresolved("day")
    if direction is None and since_before(m):
        direction = -1  # "منذ 25 ديسمبر": the latest 25 December not after the anchor
    g = resolve_day_month(rd, mo, d, direction)
    return day_res(g) if g else None


def h_dmy(m, ref):
    d, mo = _dayno(m["d"]), _month(m["m"])
    other = m["m2"] or m["m2b"] or _g(m, "m2c")
    if d is None or mo is None or (other and _month(other) != mo):
        return None
    if m["every"]:
        return Res(f"XXXX-{mo:02d}-{d:02d}", "set", kind="set")  # "15 أبريل من كل عام": every 15 April
    return _day_month(m, ref, d, mo, _dir(m["dir"]))


def h_mdy(m, ref):
    d, mo = _dayno(m["d"]), _month(m["m"])
    if d is None or mo is None:
        return None
    return _day_month(m, ref, d, mo, None)


def h_month(m, ref):
    mo = _month(m["m"])
    other = m["m2"] or m["m2b"] or _g(m, "m2c")
    if mo is None or (other and _month(other) != mo):
        return None
    name = " ".join(m["m"].split())
    if _g(m, "every"):
        return Res(f"XXXX-{mo:02d}", "set", kind="set")  # "في يوليو من كل عام": every July
    if name not in lexicon().months_bare and not (m["y"] or other or m["this"] or m["body"].startswith("شهر") or _after_prep(m)
                                                  or _month_before(m)):
        return None  # ambiguous word (آب "father", نيسان "Nissan") without a year, شهر or its paired name
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
        if direction is None and since_before(m):
            # "منذ كانون الأول" in July 2015: the latest December begun by the anchor (2014)
            y = rd.year if mo <= rd.month else rd.year - 1
        else:
            y = resolve_month(rd, mo, direction)
    return month_res(y, mo)


@functools.cache
def _pair_before() -> re.Pattern:
    from marsad.times.grammar import blocks
    return re.compile(rf"{blocks()['MONTH']}\s*[-/]\s*$")


def _month_before(m) -> bool:
    """"أبريل - نيسان": an ambiguous name right after its pair in the other system."""
    return _pair_before().search(m.string, max(0, m.start("body") - 20), m.start("body")) is not None


def h_year(m, ref):
    y = int(m["y"])
    if not m["kw"] and not (1900 <= y <= 2100):
        return None
    return year_res(y)


def h_year_words(m, ref):
    """"عام ألفين وخمسة عشر"; from 1100 on ("التعليم العام ألف معاذ" is not the year 1000)."""
    y = _year(m["y"], _day(ref))
    return year_res(y) if y and y >= 1100 else None


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
        span = cal.hijri_month_span(int(m["y"]), hm)
        return range_res(*span) if span else None
    rd = _day(ref)
    if rd is None:
        return unresolved("range")
    span = _hijri_span(name, _g(m, "dir"), rd, since=since_before(m))
    return range_res(*span) if span else None


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


# the years of a decade's early, late and middle part (the edge words' classes: edges.tsv)
_DECADE_PART = {"early": (0, 3), "late": (7, 9), "middle": (4, 6)}


def h_decade(m, ref):
    if m["k2000"]:
        y = 2010 if m["teens"] else 2000
    else:
        y = _decade_year(m, _day(ref))
        if y is None:
            return None
    edge = lexicon().edges.get(m["edge"]) if m["edge"] else None
    a, b = _DECADE_PART[edge[0]] if edge else (0, 9)
    return range_res(dt.date(y + a, 1, 1), dt.date(y + b, 12, 31), f"{y + a}", f"{y + b}")


def _decade_year(m, rd) -> int | None:
    """The first year of a named decade ("الثمانينات" -> 1980, "العشرينيات" said in 2016 -> 1920)."""
    tens = {"عشر": 2, "ثلاث": 3, "اربع": 4, "خمس": 5, "ست": 6, "سبع": 7, "ثمان": 8, "تسع": 9}[m["dec"]]
    century = 1900
    if m["cent"]:
        d = _dir(m["cent"])
        n = _num(m["cent"]) if d is None else (rd.year // 100 + 1 + d if rd else None)
        if n is None:
            return None
        century = (int(n) - 1) * 100
    elif rd is not None and 2000 + tens * 10 <= rd.year:
        century = 2000
    return century + tens * 10


def h_now(m, ref):
    """"الآن" after حتى/إلى: the anchor, as a day (only kept as the end of a range)."""
    rd = _day(ref)
    return day_res(rd, kind="now") if rd else None


def h_century(m, ref):
    """"القرن العشرين" -> 1900/1999 (centuries counted like decades, from their 00 year)."""
    n = _num(m["n"].removeprefix("ال").strip())
    if n is None or n != int(n) or not 1 <= n <= 21:
        return None
    y = (int(n) - 1) * 100
    return range_res(dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31), f"{y:04d}", f"{y + 99:04d}")


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


def h_holiday_day(m, ref):
    """"ثالث أيام عيد الفطر": the holiday's nth day."""
    n = _num(m["n"])
    first = h_holiday(m, ref)
    if n is None or first is None or first.lo is None:
        return first
    return day_res(first.lo + dt.timedelta(days=int(n) - 1))


def h_dayword(m, ref):
    word = re.sub(r"^ا+", "ا", " ".join(m["rd"].split()))
    word = " ".join(re.sub(r"^ا+", "ا", w) for w in word.split())
    offset = lexicon().day_words.get(word)
    if offset is None:
        return None
    if word == "اليوم" and not (m["part1"] or m["part2"] or m["wd"] or m["wdp"]) and _QUOTED.match(
            m.string[max(0, m.start("body") - 1):m.end("body") + 1]):
        return None  # «اليوم», (اليوم): the newspaper Al-Yaum, not today
    if word == "اليوم" and not m["wd"] and not m["wdp"] and not m["part2"] and _ORDINAL_NEXT.match(m.string, m.end("body")):
        return None  # "في اليوم الأخير من المؤتمر", "اليوم الثالث": a counted day, not today
    rd = _day(ref)
    part = m["part1"] or m["part2"]
    if rd is None:
        return unresolved("part_of_day" if part else "day")
    d = rd + dt.timedelta(days=offset)
    wd = _wd(m["wd"] or m["wdp"])
    if wd is not None and d.isoweekday() != wd:
        # "اليوم الأربعاء" in an article dated Thursday: written the day before (after-midnight
        # publication); look back up to two days, else forward one for غدا
        for k in (1, 2, -1):
            c = d - dt.timedelta(days=k)
            if c.isoweekday() == wd and (offset <= 0 or k < 0 or k == 1):
                d = c
                break
        else:
            if offset <= 0:
                # the named weekday is the more explicit of the two ("أول من أمس (الخميس)" in an
                # article filed days later): the latest such weekday before the computed day
                d -= dt.timedelta(days=(d.isoweekday() - wd) % 7)
    return _with_part(day_res(d), part)


# an ordinal or "last" right after a word: "اليوم الأول", "اليوم الأخير", "اليوم الثالث عشر"
_ORDINAL_NEXT = re.compile(r"\s+(?:ال)?(?:اول|اولي|اخير|اخيره|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر|حادي)(?!\w)")


_QUOTED = re.compile(r"[«\"“(][^\s»\"”)]+[»\"”)]")
_BY = re.compile(r"(?:^|\s)[وف]?بحلول\s+(?:يوم\s+)?$")


def _future_weekday(m) -> bool:
    """A bare weekday after a future verb in the same short clause (4 words, no comma), or after بحلول ("by")
    with a future verb right after it ("بحلول يوم الأربعاء سيصل"; "وبحلول الخميس، وصل" is past)."""
    start = m.start("body")
    head = m.string[max(0, start - 40):start]
    if _BY.search(head):
        tail = " ".join(re.split(r"[.!؟?:;\n]", m.string[m.end("body"):m.end("body") + 60])[0].split()[:3])
        if future_clause(tail, len(tail)):
            return True
    clause = re.split(r"[،,.!؟?:;\n]", head)[-1]
    return future_clause(" ".join(clause.split()[-4:]), len(" ".join(clause.split()[-4:])))


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
        direction = _dir(m["dir"])
        if direction is None and not _g(m, "this") and _future_weekday(m):
            # "بحلول يوم الأربعاء", "سيزور الرياض الأربعاء": the coming one (today included)
            d = rd + dt.timedelta(days=(wd - rd.isoweekday()) % 7)
        else:
            d = resolve_weekday(rd, wd, direction, bool(_g(m, "this")))
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


def _month_of(m, rd: dt.date | None) -> tuple[int, int] | None:
    """The (year, month) of an NTH_OF group: a named month (with its year or the nearest), or a relative one."""
    if m["m"]:
        mo = _month(m["m"])
        if _g(m, "y"):
            return int(m["y"]), mo
        return (resolve_month(rd, mo, None), mo) if rd else None
    if rd is None:
        return None
    base = cal.add_months(rd.replace(day=1), _dir(m["dir"]) or 0 if m["dir"] else 0)
    return base.year, base.month


def h_nth_weekday(m, ref):
    """"أول يوم جمعة من يوليو", "الجمعة الأخيرة من الشهر": the nth (or last) weekday of a month."""
    last = m["n"] == "اخر" or m["n"] in lexicon().last_words
    n = None if last else _num(m["n"])
    wd = _wd(m["wd"]) or _wd("ال" + m["wd"])
    if wd is None or (not last and (n is None or not 1 <= n <= 5)):
        return None
    rd = _day(ref)
    ym = _month_of(m, rd)
    if ym is None:
        return unresolved("day")
    y, mo = ym
    if last:
        end = cal.month_end(y, mo)
        return day_res(end - dt.timedelta(days=(end.isoweekday() - wd) % 7))
    first = dt.date(y, mo, 1)
    d = first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (int(n) - 1))
    return day_res(d) if d.month == mo else None


def h_nth_day(m, ref):
    """"اليوم الأول من العام المقبل", "آخر يوم من الشهر", "اليوم الثالث من يونيو": a day counted in a period."""
    word = _g(m, "n") or _g(m, "n2")
    last = word == "اخر" or word in lexicon().last_words
    n = None if last else (1 if word == "اول" else _num(word))
    if not last and (n is None or n != int(n) or not 1 <= n <= 31):
        return None
    rd = _day(ref)
    if _g(m, "rel") == "شهر":
        return None  # "من شهر" without the article names no month
    if _g(m, "hm"):
        span = _hijri_span(m["hm"], _g(m, "hdir"), rd)
        if span is None:
            return unresolved("day") if rd is None else None
        first, end = span
        d = end if last else first + dt.timedelta(days=int(n) - 1)
        return day_res(d) if d <= end else None
    if _g(m, "yy") or _g(m, "yrel"):
        if _g(m, "yy"):
            y = int(m["yy"])
        elif rd is None:
            return unresolved("day")
        else:
            y = rd.year + (_dir(m["ydir"]) or 0 if m["ydir"] else 0)
        first, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
    else:
        ym = _month_of(m, rd)
        if ym is None:
            return unresolved("day")
        first, end = dt.date(*ym, 1), cal.month_end(*ym)
    d = end if last else first + dt.timedelta(days=int(n) - 1)
    return day_res(d) if d <= end else None


def h_day_of_month(m, ref):
    """"20 من الشهر المقبل", "في 22 الجاري" (news shorthand for this month): a day of a relative month."""
    d = _dayno(m["d"])
    if d is None:
        return None
    if m["cur"] and not m["d"][0].isdigit():
        return None  # "الثاني الحالي" is "the current second (one)", not a date
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


_LIST_WORD = re.compile(r"\S+")


def _list_days(m) -> list[tuple[int, int, int]] | None:
    """(day, start, end) of each day of a list ("28 و29", "الثامن والعشرين والتاسع والعشرين"): items are split
    at و, and a unit ordinal followed by a ten is one compound day (الثامن والعشرين = 28)."""
    items: list[list] = []  # [text, start, end]
    sep = True
    for w in _LIST_WORD.finditer(m.string, m.start("days"), m.end("days")):
        word, s = w.group(), w.start()
        if word in ("و", ",", "،"):
            sep = True
            continue
        if word.startswith("و") and word not in ("واحد", "واحده") and parse_number(word[1:])[0] is not None:
            word, s, sep = word[1:], s + 1, True
        if sep or not items:
            items.append([word, s, w.end()])
        else:  # "الحادي عشر": one item of two words
            items[-1][0] += " " + word
            items[-1][2] = w.end()
        sep = False
    days = []
    i = 0
    while i < len(items):
        text, s, e = items[i]
        v = _num(text)
        if v is None:
            return None
        nxt = _num(items[i + 1][0]) if i + 1 < len(items) else None
        if not text[0].isdigit() and nxt in (20, 30) and v < 10 and not items[i + 1][0][0].isdigit():
            v, e = v + nxt, items[i + 1][2]
            i += 1
        if v != int(v) or not 1 <= v <= 31:
            return None
        days.append((int(v), s, e))
        i += 1
    return days


def h_day_list(m, ref):
    """"يومي 28 و29 يوليو" (neighbouring days: one range, its span with يومي/أيام), "يومي 7 و14 أكتوبر" (each
    day its own expression, with the month, year and direction stated after the last), "بين يومي 8 و10
    أكتوبر" (a range)."""
    days = _list_days(m)
    if not days or len(days) < 2 or any(b[0] <= a[0] for a, b in zip(days, days[1:])):
        return None
    rd = _day(ref)
    if m["rel"]:
        if rd is None:
            resolved = [unresolved("day") for _ in days]
        else:
            base = cal.add_months(rd.replace(day=1), _dir(m["rdir"]) or 0 if m["rdir"] else 0)
            resolved = [day_res(c) if (c := _date(base.year, base.month, d)) else None for d, _, _ in days]
    else:
        mo = _month(m["m"])
        other = m["m2"] or m["m2b"] or _g(m, "m2c")
        if mo is None or (other and _month(other) != mo):
            return None
        resolved = [_day_month(m, ref, d, mo, _dir(m["dir"])) for d, _, _ in days]
    if any(r is None for r in resolved):
        return None
    between = (m["head"] or "").startswith("بين")
    consecutive = all(b[0] == a[0] + 1 for a, b in zip(days, days[1:]))
    if (consecutive or (between and len(days) == 2)):
        if resolved[0].lo is None:
            return unresolved("range")
        return range_res(resolved[0].lo, resolved[-1].hi)
    # each day its own expression; the last one keeps the month and what follows it
    parts = tuple((s, e, r) for (_, s, e), r in zip(days[:-1], resolved[:-1]))
    parts += ((days[-1][1], m.end("body"), resolved[-1]),)
    return Res(resolved[-1].value, "day", lo=resolved[-1].lo, hi=resolved[-1].hi, kind="list", parts=parts)
