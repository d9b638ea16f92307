"""Handlers for relative and bounded periods: weeks, edges of periods, "the rest of", last/next N units,
day ranges, recurrences and vague cues."""
from __future__ import annotations

import datetime as dt
import re

from marsad.times import calendar as cal
from marsad.times.lexicon import lexicon
from marsad.times.resolve import (
    Res, _day, _dir, _month, _num, _year, day_res, month_res, range_res, resolve_day_month, resolve_month,
    unresolved, week_res, year_res,
)
from marsad.times.handlers.common import (
    _UNIT_WORD, _date, _dayno, _g, _hijri_span, period_of, _unit, _wd, bound_kind, future_clause, since_before,
)


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
    """"الربع الثالث من عام 2016", "الربع الأخير من العام", "النصف الأول من 2017": quarters and halves of a year."""
    parts = 4 if m["kind"] == "ربع" else 2
    q = parts if m["q"] in lexicon().last_words else _num(m["q"])
    if q is None or not 1 <= q <= parts:
        return None
    if m["qm"]:
        # "النصف الثاني من يوليو": the month's halves (1-15, 16-end); a quarter of a month is not a usage
        if parts != 2:
            return None
        rd = _day(ref)
        mo = _month(m["qm"])
        y = int(m["qmy"]) if m["qmy"] else (resolve_month(rd, mo, None) if rd else None)
        if y is None:
            return unresolved("range")
        end = cal.month_end(y, mo)
        return range_res(dt.date(y, mo, 1 if q == 1 else 16), dt.date(y, mo, 15) if q == 1 else end)
    if parts == 2 and not (_g(m, "y") or _g(m, "y2") or _g(m, "y3") or _g(m, "yrel")):
        return None  # "النصف الأول" alone is as often a match's first half
    y = _year_ref(m, _day(ref))
    if y is None:
        return unresolved("range")
    q, size = int(q), 12 // parts
    a, b = size * (q - 1) + 1, size * q
    return range_res(dt.date(y, a, 1), cal.month_end(y, b), f"{y}-{a:02d}", f"{y}-{b:02d}")


def h_nth_week(m, ref):
    rd = _day(ref)
    last = m["n"] in lexicon().last_words
    n = None if last else _num(m["n"])
    if not last and (n is None or not 1 <= n <= 5):
        return None
    if m["m"]:
        mo = _month(m["m"])
        if m["my"]:
            y = int(m["my"])
        elif rd is None:
            return unresolved("week")
        else:
            y = resolve_month(rd, mo, None)
        first, end = dt.date(y, mo, 1), cal.month_end(y, mo)
    elif m["y"] or m["yw"]:
        y = _year(m["y"] or m["yw"], rd)
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


# "الأمين العام السابق", "المدير العام السابق": العام is the adjective "general" after a definite noun
_DEFINITE_BEFORE = re.compile(r"(?:^|\s)[وف]?(?:ال|لل|بال|كال)\w+\s+$")


def _general_after_noun(m) -> bool:
    """Does a definite noun come just before the match ("الأمين العام ...": العام is "general")?"""
    return bool(_DEFINITE_BEFORE.search(m.string, max(0, m.start("body") - 25), m.start("body")))


def h_rel_unit(m, ref):
    """"الأسبوع الماضي", "هذا العام", "العقد المقبل"; a bare noun with a direction needs the article."""
    unit = _UNIT_WORD.get(m["u"].removeprefix("ال"))
    if unit is None or not (m["this"] or m["dir"]):
        return None
    if m["this"] is None and not m["u"].startswith("ال"):
        return None
    if m["u"] == "العام" and lexicon().same_post.get(m["dir"]) == -1 and _general_after_noun(m):
        return None  # "الأمين العام السابق": the former secretary-general (السابق, السابقة: anaphora.tsv)
    rd = _day(ref)
    if rd is None:
        return unresolved(unit if unit != "decade" else "range")
    return period_of(rd, unit, _dir(m["dir"]) or 0 if m["dir"] else 0)


def _edge_row(m) -> tuple[str, bool, bool, bool] | None:
    """The edges.tsv row of the matched edge word (which, names, fi, later)."""
    return lexicon().edges.get(" ".join(m["edge"].split()).removeprefix("في "))


def _edge_which(m) -> int:
    """0 early, 1 late, 2 middle."""
    edge = _edge_row(m)
    return ("early", "late", "middle").index(edge[0]) if edge else 2


def h_edge(m, ref):
    rd = _day(ref)
    edge = " ".join(m["edge"].split()).removeprefix("في ")
    if edge == "اول" and m.string[max(0, m.start("body") - 1):m.start("body")] == "ب":
        return None  # "باول": after ب, اول is as often a name (Powell) as "بأول"
    row = _edge_row(m)
    later = bool(row and row[3])  # "في وقت لاحق من هذا الأسبوع": after the publication day
    if m["u"]:
        unit = _UNIT_WORD.get(m["u"].removeprefix("ال"))
        if _g(m, "same") or _g(m, "samepre"):
            # "نهاية العام نفسه", "نهاية الشهر التالي": the edge of the year (the month after) of the last stated
            # date (extract.resolve_same)
            offset = lexicon().same_post.get(" ".join(m["same"].split()), 0) if _g(m, "same") else 0
            return Res(None, "range", kind="same", same=(unit, _edge_which(m), later, offset))
        if rd is None:
            return unresolved("range")
        base = period_of(rd, unit, _dir(m["dir"]) or 0 if m["dir"] else 0)
    elif m["m"]:
        mo = _month(m["m"])
        other = m["m2"] or m["m2b"] or _g(m, "m2c")
        if other and _month(other) != mo:
            return None
        y = int(m["y"]) if m["y"] else (resolve_month(rd, mo, _dir(m["mdir"])) if rd else None)
        if y is None:
            return unresolved("range")
        if not m["y"] and not m["mdir"] and since_before(m) and (y, mo) > (rd.year, rd.month):
            y -= 1  # "منذ منتصف ديسمبر" in July: last December
        base = month_res(y, mo)
    elif m["hm"]:
        # "أواخر رمضان", "منتصف شهر شعبان المقبل": the Hijri month's days, cut like a month's
        if rd is None:
            return unresolved("range")
        span = _hijri_span(m["hm"], m["hdir"], rd, since=since_before(m))
        if span is None:
            return None
        first, last = span
        n = (last - first).days + 1
        a, b = ((1, 15), (16, n), (10, 20))[_edge_which(m)]
        return range_res(first + dt.timedelta(days=a - 1), first + dt.timedelta(days=b - 1))
    else:
        base = year_res(int(m["yy"]))
    return cut_edge(base, later, _edge_which(m), rd)


def cut_edge(base: Res, later: bool, which: int, rd: dt.date | None) -> Res:
    """The early / late / middle part (which = 0 / 1 / 2) of a week, month or year; `later`: a week's
    days after the publication day `rd` ("في وقت لاحق من هذا الأسبوع")."""
    lo, hi = base.lo, base.hi
    # early / late halves and the middle: weeks Mon-Wed / Thu-Sun / Tue-Fri, months 1-15 / 16-end /
    # 10-20, years Jan-Jun / Jul-Dec / Apr-Sep
    cuts = {"week": ((0, 2), (3, 6), (1, 4)), "day": ((0, 0), (0, 0), (0, 0))}
    if base.grain == "week":
        a, b = cuts["week"][which]
        lo, hi = lo + dt.timedelta(days=a), lo + dt.timedelta(days=b)
        if later and rd:
            lo = max(rd + dt.timedelta(days=1), base.lo)
            hi = base.hi
            if lo > hi:  # said on Sunday, the last day of an ISO week (the first of an Arab one): the days ahead
                hi = lo + dt.timedelta(days=5)
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
    word = m["u"].removeprefix("ال")
    if word in ("يوم", "يومي"):
        # "بقية اليوم": the anchor day (from the anchor's time to 23:59 when it has one)
        if ref is None:
            return unresolved("day")
        if isinstance(ref, dt.datetime):
            t = ref.replace(tzinfo=None, second=0, microsecond=0)
            end = t.replace(hour=23, minute=59)
            return Res(f"{cal.datetime_value(t)}/{cal.datetime_value(end)}", "range", lo=t.date(), hi=t.date(), kind="range")
        return day_res(ref)
    unit = _UNIT_WORD.get(word)
    rd = _day(ref)
    if rd is None or unit is None:
        return unresolved("range")
    base = period_of(rd, unit, 0)
    return range_res(rd, base.hi)


def h_last_n(m, ref):
    u = _unit(m["u"])
    if not u:
        return None
    unit, implied = u
    n_text = _g(m, "n") or ""
    if n_text and (_wd(n_text) or _wd("ال" + n_text)):
        return None  # "يوم الاثنين الماضي" is last Monday, not "the past two days"
    if n_text and implied is None and m["u"].removeprefix("ال") not in lexicon().plural_units and not m["u"].endswith("ا") \
            and not (m["u"].endswith("ه") and (_num(n_text) or 0) >= 11):
        # from 11 on the unit is singular: "شهرا", and "24 ساعة" (a ة noun shows no accusative alef)
        return None  # a count takes a plural (or, from 11, the accusative "شهرا"): "عام 2016 المقبل" is a year
    if _g(m, "last") and not _g(m, "n") and not implied:
        return None  # "آخر أسبوع" alone is "the last week (of something)"; a dual states its count
    n = _num(_g(m, "n")) if _g(m, "n") else implied
    if n_text and len(n_text.split()) == 1 and (lexicon().numbers.get(n_text) or (0, ""))[1] == "thousands":
        n = None  # "آلاف السنين القادمة": thousands, not a count of 1000
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


def _split_days(first: str, second: str) -> tuple[int | None, int | None]:
    """"بين الرابع والثاني والعشرين": the regex may split the two days at the wrong و ("الرابع والثاني" +
    "العشرين"); re-split them so that each is a well-formed number (a compound is a unit, و, a ten)."""
    words = []
    for w in (first + " و " + second).split():
        if w.startswith("و") and len(w) > 1 and _num(w) is not None and w not in ("واحد", "واحده", "واحدا"):
            words += ["و", w[1:]]  # "والثاني" -> و + الثاني
        else:
            words.append(w)
    cuts = [i for i, w in enumerate(words) if w == "و"]
    for i in cuts:
        a, b = " ".join(words[:i]), " ".join(words[i + 1:])
        if _well_formed(a) and _well_formed(b):
            return _dayno(a), _dayno(b)
    return _dayno(first), _dayno(second)


def _well_formed(phrase: str) -> bool:
    parts = [p for p in phrase.split(" و ") if p.strip()]
    if len(parts) == 1:
        return True
    values = [_num(p) for p in parts]
    return len(parts) == 2 and None not in values and values[0] < 10 and values[1] % 10 == 0 and values[1] >= 20


def h_day_range(m, ref):
    if m["d1b"] and not m["d1b"][0].isdigit():
        d1, d2 = _split_days(m["d1b"], m["d2"])
    else:
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


_SAME_GRAIN = frozenset({"day", "week", "month", "year"})


def h_same_unit(m, ref):
    """"العام نفسه", "في نفس الشهر", "ذات اليوم", "اليوم التالي", "الشهر الذي سبقه": resolved later from the
    last stated date (extract.resolve_same)."""
    word = (m["u"] or m["u2"]).removeprefix("ال")
    unit = "day" if word == "يوم" else _UNIT_WORD.get(word)
    if unit not in _SAME_GRAIN:
        return None
    offset = lexicon().same_post.get(" ".join(m["post"].split()), 0) if m["post"] else 0
    if word == "عام" and m["u2"] and _general_after_noun(m):
        return None  # "الأمين العام السابق", "النائب العام نفسه": the (former) secretary-general, the attorney general
    return Res(None, unit, kind="same", same=(unit, None, False, offset))


def h_first_n(m, ref):
    """"الأشهر الخمسة الأولى من العام الحالي" -> 2015-01/2015-05, "الأيام العشرة الأخيرة من رمضان": the first or
    last N days, weeks or months of a year, a month or a Hijri month (no count: vague)."""
    u = _unit(m["u"])
    if not u or u[0] not in ("day", "week", "month"):
        return None
    unit, implied = u
    if m["n0"] and m["n"]:
        return None
    n = _num(m["n"] or m["n0"]) if (m["n"] or m["n0"]) else implied
    if n is None and m["u"].removeprefix("ال") not in lexicon().plural_units:
        return None
    if n is not None and (n != int(n) or n < 1):
        return None
    rd = _day(ref)
    if m["y"]:
        first, end = dt.date(int(m["y"]), 1, 1), dt.date(int(m["y"]), 12, 31)
    elif m["m"]:
        mo = _month(m["m"])
        y = int(m["my"]) if m["my"] else (resolve_month(rd, mo, None) if rd else None)
        if y is None:
            return unresolved("range")
        first, end = dt.date(y, mo, 1), cal.month_end(y, mo)
    elif m["hm"]:
        if rd is None:
            return unresolved("range")
        span = _hijri_span(m["hm"], m["hdir"], rd)
        if span is None:
            return None
        first, end = span
    else:
        if rd is None:
            return unresolved("range")
        y = rd.year + (_dir(m["ydir"]) or 0 if m["ydir"] else 0)
        first, end = dt.date(y, 1, 1), dt.date(y, 12, 31)
    if n is None:
        # "الأشهر الأولى من العام": no count, the period's early (or late) part, like "مطلع العام"
        which = lexicon().part_words[m["which"]]
        if (end - first).days > 40:
            a, b = ((1, 6), (7, 12))[which]
            return range_res(first.replace(month=a), cal.month_end(first.year, b), f"{first.year}-{a:02d}", f"{first.year}-{b:02d}")
        half = (end - first).days // 2
        return range_res(first, first + dt.timedelta(days=half)) if which == 0 else range_res(first + dt.timedelta(days=half + 1), end)
    if lexicon().part_words[m["which"]] == 0:
        lo, hi = first, cal.shift(first, unit, int(n)) - dt.timedelta(days=1)
    else:
        lo, hi = cal.shift(end + dt.timedelta(days=1), unit, -int(n)), end
    if hi > end or lo < first:
        return None
    if unit == "month" and lo.day == 1 and hi == cal.month_end(hi.year, hi.month):
        return range_res(lo, hi, f"{lo.year}-{lo.month:02d}", f"{hi.year}-{hi.month:02d}")
    return range_res(lo, hi)


def h_day_end(m, ref):
    """"بحلول نهاية اليوم", "مع نهاية اليوم", "ستنتهي المهلة نهاية اليوم": a deadline, 23:59 of the anchor day
    (Recognizers-Text's reading); without such a word or a future clause ("في نهاية اليوم") it is the end of a narrated day or "after all": dropped, and the
    "اليوم" inside is not today either."""
    if m["other"] or not (bound_kind(m.string, m.start("body"), ("until", "by")) or future_clause(m.string, m.start("body"))):
        return Res(None, "day", kind="drop")
    rd = _day(ref)
    if rd is None:
        return unresolved("datetime")
    t = dt.datetime(rd.year, rd.month, rd.day, 23, 59)
    return Res(cal.datetime_value(t), "datetime", lo=rd, hi=rd, clock=(23, 59, 0), kind="date")
