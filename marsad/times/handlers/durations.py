"""Handlers for durations and offsets from the anchor ("لمدة 3 أيام", "قبل ثلاثة أسابيع"), and the duration reader."""
from __future__ import annotations

import datetime as dt
import re

from marsad.times import calendar as cal
from marsad.times.lexicon import lexicon
from marsad.times.numbers import parse_number
from marsad.times.resolve import Res, unresolved
from marsad.times.handlers.common import _g, _unit


def parse_duration(text: str) -> list[tuple[float, str]] | None:
    """(count, unit) pairs of a duration phrase, read left to right: numbers then their unit."""
    parts: list[tuple[float, str]] = []
    pending: list[str] = []
    half_next = False
    for w in text.replace(",", " ").split():
        # peel a conjunction و unless the word is itself a number or unit ("واحد")
        whole = w in ("واحد", "واحده") or _unit(w) or parse_number(w)[0] is not None
        bare = "" if w == "و" else w if whole else w.removeprefix("و")
        if not bare or bare in ("كامل", "كامله"):
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
        if bare in ("واحد", "واحده") and parts and not pending:
            continue  # "عام واحد"
        u = _unit(bare)
        if u:
            unit, implied = u
            if pending:
                n, ordinal = parse_number(" ".join(pending))
                if n is None or ordinal:
                    return None  # "أول أيام العيد" is not a duration
            elif not half_next and not implied and bare.removeprefix("ال") in lexicon().plural_units:
                return None  # a plural without a count: "أيام الأسبوع" (the days of the week)
            else:
                n = 0.5 if half_next else (implied or 1)
            parts.append((n, unit))
            pending, half_next = [], False
        else:
            pending.append(bare)
    return parts if parts and not pending else None


def _explicit_count(text: str) -> bool:
    """Whether a duration states its size (a number, a dual, كامل, نصف), not just a bare noun."""
    if re.search(r"\d|كامل|نصف", text):
        return True
    for w in text.split():
        u = _unit(w.removeprefix("و"))
        if u and u[1]:
            return True
        if w not in ("و",) and not u and parse_number(w.removeprefix("و"))[0] is not None:
            return True
    return False


def _bare_plural(text: str) -> bool:
    """"ساعات", "سنوات": a plural unit with no count ("قبل ساعات" is vague, not one hour)."""
    words = text.split()
    return len(words) == 1 and words[0].removeprefix("ال") in lexicon().plural_units


def h_offset(m, ref):
    if _bare_plural(m["dur"]):
        return Res(None, "vague", vague=True, kind="vague")
    if m["dur"].startswith("ال") and not _explicit_count(m["dur"]):
        return None  # "بعد اليوم" (from today on) is not an offset
    parts = parse_duration(m["dur"])
    if not parts:
        return None
    if not _explicit_count(m["dur"]) and not _g(m, "pre"):
        return None
    rd = ref
    pre = _g(m, "pre")
    grain = max((u for _, u in parts), key=cal.UNIT_ORDER.index)
    if rd is None:
        return unresolved(grain if grain not in ("hour", "minute", "second") else "datetime")
    sign = 1 if pre == "بعد" else -1
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
    if _bare_plural(dur):
        return Res(None, "vague", vague=True, kind="vague") if _g(m, "pre") else None
    if not _explicit_count(dur) and not _g(m, "pre"):
        return None
    parts = parse_duration(dur)
    if not parts:
        return None
    return Res(cal.duration_value(parts), "duration", kind="duration")
