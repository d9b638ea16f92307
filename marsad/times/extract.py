"""Find temporal expressions in normalised text: match every pattern, keep the longest
non-overlapping matches, then join neighbours (date + clock time, "من X إلى Y" ranges)."""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from marsad.times import calendar as cal
from marsad.times.grammar import GATES, IMPLIES, NARROW, NARROW_MIN_LENGTH, Words, blocks, gates, patterns
from marsad.times.handlers import HANDLERS
from marsad.times.handlers.clock import code_hour
from marsad.times.handlers.common import bound_kind, future_clause, period_of
from marsad.times.handlers.periods import cut_edge
from marsad.times.lexicon import alternation, lexicon
from marsad.times.numbers import parse_number
from marsad.times.resolve import Res, _day, day_res, month_res, range_res


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


def _needs(name: str, long: bool) -> frozenset[str]:
    """The gates a pattern needs; on a short text not the narrow ones (the pattern costs no more than they do)."""
    needs = frozenset(GATES[name])
    return needs if long else needs - NARROW


@functools.cache
def _plan(long: bool = True) -> list[tuple[str, re.Pattern, frozenset[str], object]]:
    """(name, pattern, gates it needs, handler), built once."""
    return [(name, pat, _needs(name, long), HANDLERS[name.partition(":")[0]])  # "clock:colon" -> clock
            for name, pat in patterns()]


@functools.cache
def _gate_tiers(long: bool = True):
    """How the gates a text needs are tested: (word gates, word gates a digit opens, base gates, dependent
    gates). Word gates (grammar.Words) all come from one scan of the text (see _scan). A regex gate that every
    pattern needing it needs together with another gate, or that can only match where another does
    (grammar.IMPLIES), is tested only when that one is open, and gates no pattern needs are not tested. Same
    results, fewer searches per text (the gates are most of the stage's time)."""
    g = gates()
    rank = {k: i for i, k in enumerate(g)}  # the cheap one-word gates come first, the narrower ones after
    needs_all = [_needs(name, long) for name in GATES]
    used = {k for needs in needs_all for k in needs}
    used |= {IMPLIES[k] for k in used if k in IMPLIES}
    words = {k for k in used if isinstance(g[k], Words)}
    depends = {}
    for k in sorted(used - words):
        together = [set(needs) - {k} for needs in needs_all if k in needs]
        # the parent is an earlier gate (no cycles), the latest of them: the narrowest one that goes with it
        common = [c for c in set.intersection(*together) if rank[c] < rank[k]]
        if common:
            depends[k] = max(common, key=rank.get)
        elif k in IMPLIES:
            depends[k] = IMPLIES[k]
    # dependent gates are tested in the order of `gates()`, so that a parent is always known before its children
    if any(g[k].digit for k in words):
        used.add("digit")  # the word gates a digit opens need to know
    return (frozenset(words), frozenset(k for k in words if g[k].digit),
            [(k, t) for k, t in g.items() if k in used and k not in words and k not in depends],
            [(k, depends[k], t) for k, t in g.items() if k in depends])


@functools.cache
def _scan() -> tuple[re.Pattern, dict[str, frozenset[str]]]:
    """One regex that finds, at every position, the longest gate word starting there, and for each gate word the
    word gates it opens: those with that word or one of its prefixes (a shorter word starting at the same
    position). A word gate is open iff one of its words occurs in the text, as with its own search."""
    by_word: dict[str, set[str]] = {}
    for name, t in gates().items():
        if isinstance(t, Words):
            for w in t.words:
                by_word.setdefault(w, set()).add(name)
    opens = {w: frozenset(n for v, names in by_word.items() if w.startswith(v) for n in names) for w in by_word}
    # a lookahead finds overlapping words: "عام" inside "الأعوام"... is found at its own position
    return re.compile(f"(?=({alternation(by_word)}))"), opens


@functools.lru_cache(maxsize=4096)
def _runnable(open_gates: frozenset, long: bool = True) -> list:
    """The patterns whose gates are all open (cached per set of open gates: texts repeat them a lot)."""
    return [(n, p, h) for n, p, needs, h in _plan(long) if needs <= open_gates]


def candidates(norm: str, ref) -> list[Hit]:
    """Every accepted match of every pattern whose gates are open for this text."""
    hits: list[Hit] = []
    long = len(norm) >= NARROW_MIN_LENGTH
    words, digit_words, base, dependent = _gate_tiers(long)
    scan, opens = _scan()
    open_gates = set().union(*map(opens.__getitem__, set(scan.findall(norm)))) & words
    open_gates.update(g for g, test in base if test.search(norm))
    if "digit" in open_gates:
        open_gates |= digit_words
    # gates only ever needed together with another one are tested only when that one is open (parents first)
    for g, parent, test in dependent:
        if parent in open_gates and test.search(norm):
            open_gates.add(g)
    open_gates = frozenset(open_gates)
    for name, pat, handler in _runnable(open_gates, long):
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


def _merge_set_clock(a: Hit, b: Hit) -> Hit | None:
    """"الساعة 3 مساءً كل يوم" -> T15, "كل يوم اثنين الساعة 4 مساءً" -> XXXX-WXX-1T16, "كل صباح في الساعة 9" ->
    T09: a daily or weekly recurrence with its clock time (TIMEX3 set; minutes only when stated)."""
    if a.res.kind == "set" and b.res.kind in ("clock", "clock_range"):
        rec, clock = a, b
    elif b.res.kind == "set" and a.res.kind in ("clock", "clock_range"):
        rec, clock = b, a
    else:
        return None
    v = rec.res.value or ""
    if clock.res.kind == "clock_range":
        # "يومياً من الساعة 9 صباحاً حتى 10 مساءً" -> T09/T22: the same hours every day
        if v != "P1D" and not v.startswith("XXXX-WXX-"):
            return None
        h1, m1, _, h2, m2, _ = clock.res.clock
        head = "" if v == "P1D" else v
        value = f"{head}T{h1:02d}" + (f":{m1:02d}" if m1 else "") + f"/{head}T{h2:02d}" + (f":{m2:02d}" if m2 else "")
        return Hit(a.start, b.end, Res(value, "set", kind="set"), "set_clock")
    h, mi, _ = clock.res.clock
    if v == "P1D" or v.startswith("XXXX-WXX-"):
        head = "" if v == "P1D" else v
    elif v.startswith("T") and v[1:].isalpha():  # "كل صباح": the part sets the half of the day
        head = ""
        if not clock.res.part:
            h = code_hour(h, v[1:])
    else:
        return None
    value = f"{head}T{h:02d}" + (f":{mi:02d}" if mi else "")
    return Hit(a.start, b.end, Res(value, "set", kind="set"), "set_clock")


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
    if joiner == "-" and a.res.grain == b.res.grain == "month" and a.res.value == b.res.value:
        return Hit(a.start, b.end, a.res, a.rule)  # "مارس - آذار": one month in two calendars, not a range
    # the span takes in من/بين/منذ, but not a bare يوم (weekday spans leave it out: "يوم الجمعة")
    start = head.start() if head and not head.group(0).rstrip().endswith(" يوم") else a.start
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
                joined = _merge_date_clock(prev, h) or _merge_set_clock(prev, h)
            if joined is None and _RANGE_GAP.fullmatch(gap):
                joined = _merge_range(norm, prev, h)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(h)
    return out


def _expand_lists(hits: list[Hit]) -> list[Hit]:
    """A list of days that are not neighbours ("يومي 7 و14 أكتوبر") becomes one hit per day."""
    out = []
    for h in hits:
        if h.res.parts:
            out.extend(Hit(s, e, r, "day_list") for s, e, r in h.res.parts)
        else:
            out.append(h)
    return out


# hits that are already ranges with their own ends, or not points in time
_NOT_OPEN = frozenset({"range", "day_range", "month_day_range", "now"})


# the longest span of days an antecedent may have to give the unit's value ("اليوم نفسه" needs a day)
_MAX_DAYS = {"day": 0, "week": 6, "month": 30, "year": 365}


@functools.cache
def _bare_end() -> re.Pattern:
    """"نهاية العام", "آخر الشهر": an end word and a bare period unit, with no direction, هذا or anaphora."""
    return re.compile(rf"\S+\s+ال(?P<u>{blocks()['PERIOD']})")


def _narrated_end(norm: str, h: Hit, start: int, rd: dt.date, ante: Hit | None) -> Res | None:
    """"في عام 2010 اندلعت المعارك واستمرت حتى نهاية العام": after حتى, a bare "نهاية العام/الشهر" in a paragraph
    whose latest stated time lies before the publication's year (month) ends that time's year (month), a past
    day; an antecedent too vague for the unit gives no value. Not in a future clause ("ستستمر حتى نهاية العام")."""
    bare = _bare_end().fullmatch(norm, h.start, h.end)
    if bare is None or ante is None:
        return None
    unit = lexicon().units[bare["u"]][0]
    if ante.res.hi >= period_of(rd, unit, 0).lo or future_clause(norm, start):
        return None
    if (ante.res.hi - ante.res.lo).days > _MAX_DAYS[unit]:
        return Res(None, "day")
    end = period_of(ante.res.lo, unit, 0).hi
    return day_res(end)


def _open_range(norm: str, h: Hit, ref, ante: Hit | None = None) -> Hit | None:
    """"منذ أغسطس الماضي", "منذ مطلع العام", "منذ الساعة 8 صباحاً": from the start of a month, year, week,
    period or clock time after منذ to the anchor (a day stays a day: "منذ 25 مارس الماضي"). "حتى نهاية
    الشهر": the period's last day is a cutoff, a range from the anchor to it when it is not past, else that day.
    The span takes in the bound word."""
    if ref is None or h.rule in _NOT_OPEN or h.res.value is None or h.res.vague or h.res.lo is None:
        return None
    bound = bound_kind(norm, h.start)
    if bound is None:
        return None
    kind, start = bound
    rd = _day(ref)
    if kind == "since":
        if h.res.grain in ("month", "year", "week", "range") and h.res.kind != "clock_range":
            if h.res.lo > rd:
                return None
            return Hit(start, h.end, range_res(h.res.lo, rd), "open_range")
        if h.res.grain == "datetime" and h.res.clock:
            t = dt.datetime.fromisoformat(h.res.value)
            if isinstance(ref, dt.datetime) and t > ref.replace(tzinfo=None):
                return None
            end = cal.datetime_value(ref.replace(tzinfo=None)) if isinstance(ref, dt.datetime) else rd.isoformat()
            return Hit(start, h.end, Res(f"{h.res.value}/{end}", "range", lo=t.date(), hi=rd, kind="range"), "open_range")
        return None
    # until: only before an "end" word ("حتى نهاية العام"); "حتى 2016" stays the year
    if h.rule != "edge" or lexicon().bounds.get(norm[h.start:h.end].split()[0]) != "end" or h.res.hi is None:
        return None
    narrated = _narrated_end(norm, h, start, rd, ante)
    if narrated is not None:
        return Hit(start, h.end, narrated, "open_range")
    end = h.res.hi
    res = range_res(rd, end) if end >= rd else Res(end.isoformat(), "day", lo=end, hi=end, kind="date")
    return Hit(start, h.end, res, "open_range")


@functools.cache
def _bound_cue() -> re.Pattern:
    """The last word of every since/until form of bounds.tsv (منذ, حتي, غايه ...): a cheap test per text."""
    return re.compile(alternation({f.split()[-1] for f, k in lexicon().bounds.items() if k in ("since", "until")}))


def open_ranges(norm: str, hits: list[Hit], ref) -> list[Hit]:
    """Apply `_open_range` to every hit (after the joins, so that "منذ 2010 حتى 2014" stays a closed range)."""
    out: list[Hit] = []
    ante = None  # the latest stated time before the hit (as for the units that refer back, resolve_same)
    for h in hits:
        out.append(_open_range(norm, h, ref, ante) or h)
        r = out[-1].res
        if r.value is not None and r.lo is not None and r.hi is not None and not r.vague \
                and r.kind not in ("duration", "set", "clock_range"):
            ante = out[-1]
    return out


_MODIFIES = re.compile(r"\s*[,،]?\s*(?:في|من)?\s*")
_SAME_NEXT_YEAR = re.compile(r"\s+(?:من\s+|ل)")
# "في 24 من نفس الشهر", "في السابع من الشهر نفسه": a day of the month referred back to
_DAY_OF_SAME = re.compile(r"(?:(?<=\s)|(?<=\sو)|^)(?:ال\s*)?(?P<d>[12]\d|3[01]|0?[1-9]|ال\w+(?:\s+و\s*ال\w+)?)\s+من\s+$")


def resolve_same(norm: str, hits: list[Hit], ref=None) -> list[Hit]:
    """"العام نفسه", "في نفس الشهر", "نهاية العام نفسه": the unit of the latest stated date before it in the
    paragraph; "الشهر نفسه من العام الماضي" is that month in the following year. Without one: no value."""
    out: list[Hit] = []
    ante: Res | None = None
    before: Res | None = None  # the antecedent before `ante`
    ante_hit: Hit | None = None
    skip = -1
    for i, h in enumerate(hits):
        if i == skip:
            continue
        if h.res.kind != "same":
            out.append(h)
            if h.res.value is not None and h.res.lo is not None and h.res.kind not in ("duration", "set", "clock_range"):
                before, ante, ante_hit = ante, h.res, h
            continue
        unit, which, later, offset = h.res.same
        modified = None
        if ante_hit is not None and unit == "year" and which is None and _MODIFIES.fullmatch(norm[ante_hit.end:h.start]) \
                and not re.search(r"\d{4}", norm[ante_hit.start:ante_hit.end]):
            # "في نهاية شهر أغسطس من العام نفسه", "في الأول من شهر مايو في العام التالي": the unit gives the year of
            # the date right before it (re-dated below), it does not refer to it
            modified, ante = ante_hit, before
        lo = ante.lo if ante else None
        span_days = (ante.hi - ante.lo).days if ante and ante.hi else 0
        # the antecedent must be at least as precise as the unit: a day for "اليوم نفسه", a month for "الشهر نفسه"
        precise = ante is not None and span_days <= _MAX_DAYS[unit]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        end = h.end
        if precise and unit == "month" and ante_hit is not None and ante_hit.rule.startswith("hijri"):
            precise = False  # "من أول رجب عام 1388 وحتى الشهر ذاته": a Hijri month, not the Gregorian one of its day
        if unit in ("month", "day") and offset == 0 and nxt is not None and nxt.res.grain == "year" and nxt.res.lo and \
                _SAME_NEXT_YEAR.fullmatch(norm[h.end:nxt.start]):
            # "الشهر نفسه من العام الماضي", "في نفس اليوم من عام 2016": that month (day) in the year stated next
            if precise:
                try:
                    lo = lo.replace(year=nxt.res.lo.year) if unit == "day" else dt.date(nxt.res.lo.year, lo.month, 1)
                except ValueError:
                    precise = False  # 29 February
            end, skip = nxt.end, i + 1
        start = h.start
        dm = _DAY_OF_SAME.search(norm, max(0, h.start - 30), h.start) if unit == "month" and which is None else None
        day_no = None
        if dm is not None:
            v, ordinal = parse_number(dm["d"])
            if v is not None and v == int(v) and 1 <= v <= 31 and (ordinal or dm["d"].isdigit()):
                day_no = int(v)
            else:
                dm = None
        if dm is not None:
            start = dm.start()
        # "العام السابق" with no stated date at all before it: the year before the publication's; "سأعود في اليوم
        # التالي", "سيعود في اليوم التالي": tomorrow (in a past clause the narrated day is unknown: no value). An
        # antecedent too vague for the unit ("في عام 2010 ... اليوم السابق") says the text narrates another time:
        # no value, not the publication's
        fallback = ante is None and ref is not None and (
            offset < 0 or (offset > 0 and future_clause(norm, h.start, first_person=True)))
        rd = _day(ref)
        if dm is not None:
            # "في 7 من الشهر الذي يليه": that day of the antecedent's month moved by the offset
            base = lo if precise and lo is not None else (rd if fallback else None)
            try:
                res = day_res(cal.add_months(dt.date(base.year, base.month, 1), offset).replace(day=day_no)) \
                    if base is not None else Res(None, "day")
            except ValueError:
                res = Res(None, "day")
        elif precise and lo is not None:
            res = _unit_from(lo, unit, offset, later, which)
        elif fallback:
            res = _unit_from(rd, unit, offset, later, which)  # "نهاية العام السابق": the late half of last year
        else:
            res = Res(None, h.res.grain if which is None else "range")
        if modified is not None and out and out[-1] is modified:
            redated = _in_year(modified.res, res.lo.year) if res.value is not None else None
            if redated is not None:
                out[-1] = Hit(modified.start, end, redated, modified.rule)
                ante, ante_hit = redated, out[-1]
                continue
        out.append(Hit(start, end, res, h.rule))
    return out


def _unit_from(base: dt.date, unit: str, offset: int, later: bool, which) -> Res:
    """The day, week, month or year `offset` units from the one holding `base`, cut to its edge if one is named."""
    if unit == "day":
        return day_res(base + dt.timedelta(days=offset))
    res = period_of(base, unit, offset)
    return res if which is None else cut_edge(res, later, which, None)


def _in_year(res: Res, year: int) -> Res | None:
    """A day, a month or a range of days within one year moved to `year` (None for anything else)."""
    try:
        if res.grain == "day":
            return day_res(res.lo.replace(year=year))
        if res.grain == "month":
            return month_res(year, res.lo.month)
        if res.grain == "range" and res.lo.year == res.hi.year and res.value and len(res.value) == 21:
            return range_res(res.lo.replace(year=year), res.hi.replace(year=year))
    except ValueError:
        return None
    return None


def extract(norm: str, ref: dt.date | dt.datetime | None) -> list[Hit]:
    """Temporal expressions of a normalised text, resolved against `ref` (None: relative ones unresolved)."""
    # "حتى الآن" alone is "so far", not a date: "الآن" only survives as the end of a range
    hits = select(candidates(norm, ref))
    # the passes below only run when their cue can be there (most texts have none)
    if any(h.res.parts or h.res.same for h in hits):
        hits = resolve_same(norm, _expand_lists(hits), ref)
    hits = [h for h in merge(norm, hits) if h.res.kind not in ("now", "drop")]
    return open_ranges(norm, hits, ref) if hits and _bound_cue().search(norm) else hits
