"""Handlers for durations and offsets from the anchor ("لمدة 3 أيام", "قبل ثلاثة أسابيع"), and the duration reader."""
from __future__ import annotations

import datetime as dt
import functools
import re

from marsad.times import calendar as cal
from marsad.times.lexicon import alternation, lexicon
from marsad.times.numbers import parse_number
from marsad.times.grammar import blocks
from marsad.times.resolve import Res, range_res, unresolved
from marsad.times.handlers.common import _g, _unit, future_clause


def parse_duration(text: str) -> list[tuple[float, str]] | None:
    """(count, unit) pairs of a duration phrase, read left to right: numbers then their unit."""
    parts: list[tuple[float, str]] = []
    pending: list[str] = []
    half_next = False
    quarter_next = False
    for w in text.replace(",", " ").split():
        # peel a conjunction و unless the word is itself a number or unit ("واحد")
        whole = w in ("واحد", "واحده", "واحدا") or _unit(w) or parse_number(w)[0] is not None
        bare = "" if w == "و" else w if whole else w.removeprefix("و")
        if not bare or bare in ("كامل", "كامله", "كاملا"):
            continue
        if bare in ("ربع",) and not pending:
            quarter_next = True  # "ربع ساعة", "ربع قرن"
            continue
        if bare in ("نصف", "النصف"):
            if parts and not pending and w.startswith("و"):
                n, u = parts[-1]
                parts[-1] = (n + 0.5, u)
            elif parts and not pending and w == "النصف":
                n, u = parts[-1]
                parts[-1] = (n + 0.5, u)
            else:
                half_next = True
            continue
        if bare in ("واحد", "واحده", "واحدا") and parts and not pending:
            continue  # "عام واحد"
        u = _unit(bare)
        if u:
            unit, implied = u
            if pending:
                n, ordinal = parse_number(" ".join(pending))
                if n is None or ordinal:
                    return None  # "أول أيام العيد" is not a duration
                if n == 2 and not pending[-1][0].isdigit():
                    return None  # two units take the dual ("يومين"): "الاثنان يوم الخميس" is "the two ... on"
            elif not half_next and not implied and bare.removeprefix("ال") in lexicon().plural_units:
                return None  # a plural without a count: "أيام الأسبوع" (the days of the week)
            else:
                n = 0.25 if quarter_next else 0.5 if half_next else (implied or 1)
            parts.append((n, unit))
            pending, half_next, quarter_next = [], False, False
        else:
            pending.append(bare)
    return parts if parts and not pending else None


def _explicit_count(text: str) -> bool:
    """Whether a duration states its size (a number, a dual, كامل, نصف), not just a bare noun."""
    if re.search(r"\d|كامل|نصف|ربع", text):
        return True
    for w in text.split():
        u = _unit(w.removeprefix("و"))
        if u and u[1]:
            return True
        if w not in ("و",) and not u and (parse_number(w)[0] is not None
                                           or parse_number(w.removeprefix("و"))[0] is not None):
            return True  # "ساعة واحدة": واحدة is a number, not و + احدة
    return False


def _bare_plural(text: str) -> bool:
    """"ساعات", "سنوات": a plural unit with no count ("قبل ساعات" is vague, not one hour)."""
    words = text.split()
    return len(words) == 1 and words[0].removeprefix("ال") in lexicon().plural_units


# what follows an offset counted from something other than now: "بعد أسبوع من سقوط ...", "قبل أسبوعين على ..."
_OTHER_ANCHOR = re.compile(r"[\s\"”»]+(?:من\s+(?!(?:ال)?(?:ان|اليوم|الحين|زمن|زمان)(?!\w))|علي\s+(?!(?:غرار|الاقل|التوالي|الرغم|مدي|مدار)(?!\w)))")


def h_offset(m, ref):
    if _bare_plural(m["dur"]):
        return Res(None, "vague", vague=True, kind="vague")
    if m["dur"].startswith("ال") and not _explicit_count(m["dur"]):
        return None  # "بعد اليوم" (from today on) is not an offset
    before = m.string[max(0, m.start("body") - 12):m.start("body")].split()
    if before and before[-1].removesuffix("ا") == m["dur"]:
        return None  # "يوما بعد يوم", "عاما بعد عام": "day after day", not tomorrow
    parts = parse_duration(m["dur"])
    if not parts:
        return None
    if not _explicit_count(m["dur"]) and not _g(m, "pre"):
        return None
    rd = ref
    pre = _g(m, "pre")
    grain = max((u for _, u in parts), key=cal.UNIT_ORDER.index)
    if pre in ("قبل", "بعد", "منذ") and not _g(m, "post") and _OTHER_ANCHOR.match(m.string, m.end("body")) \
            and not (pre == "منذ" and m.string.startswith(" علي", m.end("body"))):
        rd = None  # "بعد يومين من تفجر الفضيحة": counted from a narrated event, not from the publication
    if rd is None:
        return unresolved(grain if grain not in ("hour", "minute", "second") else "datetime")
    sign = 1 if pre == "بعد" else -1
    if not pre and "الان" in (_g(m, "post") or "") and future_clause(m.string, m.start("body")):
        sign = 1  # "سأعود يومين من الآن" is two days on; "غادرت هنا سنتين من الآن" is two years ago
    d = rd
    for n, unit in parts:
        if isinstance(rd, dt.datetime) or unit not in ("hour", "minute", "second"):
            d = cal.shift(d, unit, sign * n)  # hours move a date-only anchor by nothing
    if any(u in ("hour", "minute", "second") for _, u in parts):
        if isinstance(ref, dt.datetime):
            return Res(cal.datetime_value(d), "datetime", lo=d.date(), hi=d.date(), kind="date")
        d, grain = d.date() if isinstance(d, dt.datetime) else d, "day"
    d = d.date() if isinstance(d, dt.datetime) else d
    return Res(cal.date_value(d), grain, lo=d, hi=d, kind="date")


def h_duration_for(m, ref):
    """After لمدة / مدة / طيلة the bare unit is a duration too: "لمدة ساعة"."""
    if _bare_plural(m["dur"]):
        return Res(None, "vague", vague=True, kind="vague")
    parts = parse_duration(m["dur"])
    return Res(cal.duration_value(parts), "duration", kind="duration") if parts else None


def h_duration(m, ref):
    dur = m["dur"]
    if _NAME_BEFORE.search(m.string, max(0, m.start("body") - 5), m.start("body")):
        return None  # "أبو قرنين" is a family name
    pre = " ".join((_g(m, "pre") or "").split())
    if pre in ("علي مدي", "علي مدار", "في غضون") and dur.startswith("ال"):
        return None  # "على مدى العام الماضي", "على مدار الساعة": not a stated length
    if dur.split()[-1] == "شهر" and _month_next().match(m.string, m.end("body")):
        return None  # "على مدار شهر رمضان": the month named, not "one month"
    if _not_calendar().match(m.string, m.end("body")):
        return None  # "خلال العام المالي الماضي", "العام الدراسي": a fiscal or school year, not a length
    if not _g(m, "pre") and dur.startswith("ال") and len(dur.split()) == 1:
        return None  # "القرنين الخامس عشر والسادس عشر", "اليومين": the dual with the article names, it does not measure
    if _bare_plural(dur):
        return Res(None, "vague", vague=True, kind="vague") if _g(m, "pre") else None
    if not _explicit_count(dur) and not _g(m, "pre") and not _accusative(m):
        return None
    if not _g(m, "pre") and _ambiguous_bare(m):
        return None  # "وقعت عقدين" is two contracts; "أمضى نحو عقدين من الزمن" two decades
    parts = parse_duration(dur)
    if not parts:
        return None
    pre = " ".join((_g(m, "pre") or "").split())
    if pre in ("خلال", "في غضون") and not dur.startswith("ال") and future_clause(m.string, m.start("body")):
        window = _coming_window(parts, ref)
        if window is not None:
            return window
    return Res(cal.duration_value(parts), "duration", kind="duration")


def _coming_window(parts: list[tuple[float, str]], ref) -> Res | None:
    """"ستنسحب القوات خلال أسبوعين": the window from the next day to the anchor plus the duration."""
    if any(u in ("hour", "minute", "second") for _, u in parts):
        return None  # "خلال 48 ساعة" stays a duration: a date anchor cannot place hours
    rd = ref.date() if isinstance(ref, dt.datetime) else ref
    if rd is None:
        return unresolved("range")
    end = rd
    for n, unit in parts:
        end = cal.shift(end, unit, n)
    return range_res(rd + dt.timedelta(days=1), end)


@functools.cache
def _month_next() -> re.Pattern:
    b = blocks()
    return re.compile(rf"\s+(?:{b['MONTH']}|{b['HMONTH']})")


@functools.cache
def _of_time() -> re.Pattern:
    """"من الزمن" after a duration (duration_cues.tsv, kind of_time)."""
    return re.compile(rf"\s+من\s+(?:ال)?{alternation(lexicon().duration_cues['of_time'])}(?!\w)")


@functools.cache
def _approx_before() -> re.Pattern:
    """"نحو", "أكثر من" ending the text before a duration (duration_cues.tsv, kind approx)."""
    return re.compile(rf"(?:^|\s)[وف]?{alternation(lexicon().duration_cues['approx'])}\s+$")


@functools.cache
def _not_calendar() -> re.Pattern:
    """"المالي", "الدراسي" after a year word (duration_cues.tsv, kind not_calendar)."""
    return re.compile(rf"\s+(?:ال)?{alternation(lexicon().duration_cues['not_calendar'])}(?!\w)")


def _ambiguous_bare(m) -> bool:
    """A bare duration whose units are all ambiguous (عقد "contract") without "من الزمن" after it or an
    approximation word before it."""
    units = [w.removeprefix("و") for w in m["dur"].split() if _unit(w.removeprefix("و"))]
    if not units or not all(u in lexicon().ambiguous_units for u in units):
        return False
    return not (_of_time().match(m.string, m.end("body"))
                or _approx_before().search(m.string, max(0, m.start("body") - 20), m.start("body")))


_NAME_BEFORE = re.compile(r"(?<!\w)(?:ابو|ابي|ابن|بن|بنت|ام)\s+$")
@functools.cache
def _accusatives() -> frozenset[str]:
    """Indefinite accusative singular units (أسبوعاً، شهراً، عاماً، قرناً) from units.tsv; not يوماً ("لن
    تتردد يوماً" is "ever")."""
    return frozenset(f for f, (unit, n) in lexicon().units.items()
                     if f.endswith("ا") and n is None and f not in lexicon().plural_units and unit != "day")
_NOT_AFTER_ACCUSATIVE = re.compile(r"\s+(?:ما|بعد|(?!كاملا)\w+ا)(?!\w)")


def _accusative(m) -> bool:
    """"استمر أسبوعاً", "دامت شهراً": an indefinite accusative unit is "a/one unit" (not "عاماً بعد عام", nor
    an object with its adjective: "أنهى أسبوعاً جديداً")."""
    before = m.string[:m.start("body")].rstrip(" \"'“”«»/()")
    return (m["dur"] in _accusatives() and not _NOT_AFTER_ACCUSATIVE.match(m.string, m.end("body"))
            and not before[-1:].isdigit())  # "بلوغه الـ35 عاما": the count is there, glued to its article
