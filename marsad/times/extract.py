"""Find temporal expressions in normalised text: match every pattern, keep the longest
non-overlapping matches, then join neighbours (date + clock time, "من X إلى Y" ranges)."""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from marsad.times import calendar as cal
from marsad.times.grammar import GATES, gates, patterns
from marsad.times.handlers import HANDLERS
from marsad.times.handlers.clock import code_hour
from marsad.times.resolve import Res, range_res


@dataclass(slots=True)
class Hit:
    """A match in the normalised text with its resolution."""

    start: int
    end: int
    res: Res
    rule: str


_DATE_CLOCK_GAP = re.compile(r"[\s,،-]*(?:(?:في|عند|على|حوالي|نحو|يوم|تمام)\s+)*")
# "الأحد 28 يونيو", "يوم الأحد الموافق 28 يونيو", "15 رمضان 1436 الموافق 2 يوليو 2015"
_APPOSITION_GAP = re.compile(r"[\s,،]*(?:(?P<equal>(?:ال)?موافق)(?:\s*ل)?[\s,،]*)?")
# rules whose day is written out (not "بعد يوم", which is another day)
_STATED_DATES = frozenset({"dmy", "mdy", "num_ymd", "num_dmy", "num_mdy", "num_dm", "hijri_date", "weekday_day"})
_RANGE_GAP = re.compile(r"\s*(?:-|–|(?:و\s*)?(?:الي|حتي)|ل|و)\s*(?:يوم\s+)?")
# the head of a range, with the noun of its ends: "بين عامي 2010 و2015", "من يوم الاثنين حتى يوم الجمعة"
_RANGE_HEAD = re.compile(r"(?<!\w)(?:(?:من|بين|منذ)\s+(?:(?:عامي|سنتي|العامين|السنتين|شهري|الشهرين|يومي|اليومين|يوم)\s+)?"
                         r"|(?P<dual>عامي|سنتي|شهري|يومي)\s+)$")


@functools.cache
def _plan() -> list[tuple[str, re.Pattern, frozenset[str], object]]:
    """(name, pattern, gates it needs, handler), built once."""
    return [(name, pat, frozenset(GATES[name]), HANDLERS[name.partition(":")[0]])  # "clock:colon" -> clock
            for name, pat in patterns()]


def candidates(norm: str, ref) -> list[Hit]:
    """Every accepted match of every pattern whose gates are open for this text."""
    hits: list[Hit] = []
    open_gates = {g for g, test in gates().items() if test.search(norm)}
    for name, pat, needs, handler in _plan():
        if not needs <= open_gates:
            continue
        for m in pat.finditer(norm):
            try:
                res = handler(m, ref)
            except (ValueError, OverflowError):
                res = None  # calendar arithmetic out of range ("قبل 500 ألف سنة"): not a usable date
            if res is not None:
                s, e = m.span("body")
                hits.append(Hit(s, e, res, name))
    return hits


@functools.cache
def _order() -> dict[str, int]:
    return {name: i for i, (name, _) in reversed(list(enumerate(patterns())))}


def select(hits: list[Hit]) -> list[Hit]:
    """Longest first (ties: the earlier pattern), no overlaps; returned in text order."""
    order = _order()
    chosen: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for h in sorted(hits, key=lambda h: (-(h.end - h.start), order[h.rule], h.start)):
        if any(h.start < e and s < h.end for s, e in taken):
            continue
        chosen.append(h)
        taken.append((h.start, h.end))
    return sorted(chosen, key=lambda h: h.start)


def _clock_of(hit: Hit, day: Hit) -> tuple[int, int, int] | None:
    """The clock time of a hit: a clock, or after a part of a day a bare "في 7" ("الليلة في 7")."""
    if hit.res.kind == "clock":
        return hit.res.clock
    if hit.rule == "day_only" and day.res.grain == "part_of_day" and hit.res.lo and hit.res.lo.day <= 12:
        return hit.res.lo.day, 0, 0
    return None


def _merge_date_clock(a: Hit, b: Hit) -> Hit | None:
    if b.res.kind in ("clock", "clock_range"):
        day, clock = a, b
    elif a.res.kind in ("clock", "clock_range"):
        day, clock = b, a
    elif b.rule == "day_only":  # "الليلة في 7"
        day, clock = a, b
    else:
        return None
    if day.res.grain not in ("day", "part_of_day") or day.res.lo is None:
        return None
    d = day.res.lo
    if clock.res.kind == "clock_range":  # "غدا بين الساعة 8 صباحا و 2 مساء"
        h1, m1, s1, h2, m2, s2 = clock.res.clock
        t1, t2 = dt.datetime(d.year, d.month, d.day, h1, m1, s1), dt.datetime(d.year, d.month, d.day, h2, m2, s2)
        value = f"{cal.datetime_value(t1)}/{cal.datetime_value(t2)}"
        return Hit(a.start, b.end, Res(value, "range", lo=d, hi=d, kind="range"), "date_clock")
    hms = _clock_of(clock, day)
    if hms is None:
        return None
    h, mi, sec = hms
    if day.res.grain == "part_of_day" and not clock.res.part:
        # the day's part sets the half of the clock: "مساء أمس الساعة 7", "الليلة في 7" -> 19:00
        h = code_hour(h, day.res.value.rsplit("T", 1)[1])
    t = dt.datetime(d.year, d.month, d.day, h, mi, sec)
    res = Res(cal.datetime_value(t), "datetime", lo=d, hi=d, clock=(h, mi, sec), kind="date")
    return Hit(a.start, b.end, res, "date_clock")


def _merge_apposition(a: Hit, b: Hit, equal: bool) -> Hit | None:
    """"اليوم 6 مايو", "الخميس الثاني والعشرين من شهر رمضان", "الأحد الموافق 28 يونيو": a relative day
    or a weekday followed by its date; the stated date wins. After الموافق ("corresponding to") a stated
    date may also follow another: "15 رمضان 1436 الموافق 2 يوليو 2015", "6 أغسطس 2012، الموافق 17 رمضان" (the
    Gregorian one wins: it is the one with a year in news)."""
    if b.res.grain != "day" or b.rule.partition(":")[0] not in _STATED_DATES:
        return None
    if a.rule in ("dayword", "weekday") and a.res.grain == "part_of_day" and equal and b.res.value:
        # "مساء الأحد المقبل الموافق 19 يوليو": the stated day, with the part of the day
        part = a.res.value.rsplit("T", 1)[1] if a.res.value else None
        res = Res(f"{b.res.value}T{part}" if part else b.res.value, "part_of_day", lo=b.res.lo, hi=b.res.hi, kind="date")
        return Hit(a.start, b.end, res, "dayword_date")
    if a.res.grain != "day":
        return None
    if a.rule in ("dayword", "weekday"):
        return Hit(a.start, b.end, b.res, "dayword_date")
    if equal and a.rule.partition(":")[0] in _STATED_DATES | {"dayword_date"}:
        gregorian_first = a.rule.partition(":")[0] != "hijri_date" and b.rule == "hijri_date"
        return Hit(a.start, b.end, a.res if gregorian_first else b.res, "dayword_date")
    return None


def _merge_range(norm: str, a: Hit, b: Hit) -> Hit | None:
    if a.res.lo is None or b.res.hi is None or a.res.vague or b.res.vague or a.res.value is None or b.res.value is None:
        return None
    if a.res.kind in ("clock", "duration") or b.res.kind in ("clock", "duration"):
        return None
    gap = norm[a.end:b.start]
    head = _RANGE_HEAD.search(norm, 0, a.start)
    joiner = gap.split()[0] if gap.split() else gap.strip()
    if joiner in ("والي", "وحتي", "و") and len(gap.split()) > 1 and gap.split()[1] in ("الي", "حتي"):
        joiner = gap.split()[1]  # "و حتى"
    joiner = joiner[1:] if joiner in ("والي", "وحتي") else joiner  # "وحتى الآن"
    if b.rule == "weekday" and a.res.grain == "day" and a.res.lo > b.res.hi and head:
        # "من الاثنين إلى الجمعة": the second weekday is the first one after the first
        b_lo = b.res.lo + dt.timedelta(days=7 * ((a.res.lo - b.res.lo).days // 7 + 1))
        b = Hit(b.start, b.end, Res(b_lo.isoformat(), "day", lo=b_lo, hi=b_lo, kind="date"), b.rule)
    if joiner in ("و",) and not (head and "بين" in head.group(0)):
        # "يومي الاثنين والثلاثاء", "شهري يناير وفبراير": two neighbouring units are one stretch ("عامي
        # 2010 و2015" are two years)
        if not (head and head["dual"] and a.res.hi and b.res.lo == a.res.hi + dt.timedelta(days=1)):
            return None
    if joiner in ("الي", "حتي") and not head and a.res.grain not in ("day", "month", "year"):
        return None
    if joiner == "ل" and not head:
        return None  # "التاسع من يوليو لعام 2015" is of that year; "من 2014 لـ 2018" is a range
    if a.res.lo > b.res.hi:
        return None
    # the span takes in من/بين, but not منذ, nor a bare يوم (weekday spans leave it out: "يوم الجمعة")
    start = head.start() if head and "منذ" not in head.group(0) and not head.group(0).rstrip().endswith(" يوم") else a.start
    if a.res.grain == b.res.grain and a.res.grain in ("day", "month", "year", "week"):
        res = range_res(a.res.lo, b.res.hi, a.res.value, b.res.value)
    else:
        res = range_res(a.res.lo, b.res.hi)
    return Hit(start, b.end, res, "range")


def merge(norm: str, hits: list[Hit]) -> list[Hit]:
    """Join a date with an adjacent clock time, and two dates around من/بين ... إلى/حتى/و/-."""
    out: list[Hit] = []
    for h in hits:
        if out:
            prev = out[-1]
            gap = norm[prev.end:h.start]
            joined = None
            app = _APPOSITION_GAP.fullmatch(gap)
            if app:
                joined = _merge_apposition(prev, h, bool(app["equal"]))
            if joined is None and _DATE_CLOCK_GAP.fullmatch(gap):
                joined = _merge_date_clock(prev, h)
            if joined is None and _RANGE_GAP.fullmatch(gap):
                joined = _merge_range(norm, prev, h)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(h)
    return out


def extract(norm: str, ref: dt.date | dt.datetime | None) -> list[Hit]:
    """Temporal expressions of a normalised text, resolved against `ref` (None: relative ones unresolved)."""
    # "حتى الآن" alone is "so far", not a date: "الآن" only survives as the end of a range
    return [h for h in merge(norm, select(candidates(norm, ref))) if h.res.kind != "now"]
