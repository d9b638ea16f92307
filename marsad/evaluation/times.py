"""`marsad evaluate times`: Marsad's time tagger and dateparser's search_dates on the public Arabic suites.

Suites (../shared/data/peers): Recognizers-Text's Arabic DateTime specs (one row per spec file),
dateparser's own Arabic test cases, and three Hijri-Gregorian tables shipped with hijridate.
How a case counts as right is defined per suite in docs/evaluation/times.md. dateparser is a
dev/evaluation-only dependency, imported inside the command.
"""
from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import pathlib
import re
import time
from collections.abc import Callable

import click

from marsad.evaluation import shared_data_dir

RT_DEFAULT_REFERENCE = dt.datetime(2016, 11, 7)  # Recognizers-Text harness default for specs without Context
DP_FRESHNESS_REFERENCE = dt.datetime(2014, 9, 1, 10, 30)  # dateparser's freshness tests
# Hijri month names used to write the hijridate table rows as Arabic text: "1 محرم 1356 هـ"
HIJRI_NAMES = ("محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان",
               "رمضان", "شوال", "ذو القعدة", "ذو الحجة")
_SECONDS = {"Y": 31536000, "M": 2592000, "W": 604800, "D": 86400}  # Recognizers-Text's duration constants
_TSECONDS = {"H": 3600, "M": 60, "S": 1}

# A prediction: (start, end, text, value, grain) with value an ISO string (Marsad) or a datetime (dateparser)
Pred = tuple[int, int, str, object, str]


def held_out(suite: str, text: str) -> bool:
    """The fixed 20% of Recognizers-Text cases kept out of development (never inspected)."""
    return int(hashlib.sha1((suite + "\0" + text).encode()).hexdigest(), 16) % 5 == 0


# -- tools --------------------------------------------------------------------------------------
def marsad_tool() -> Callable[[str, dt.datetime | None], list[Pred]]:
    from marsad.times import find_times, warm_up

    def run(text: str, ref):
        return [(t.start, t.end, t.text, t.value, t.grain) for t in find_times(text, ref)]

    warm_up()  # compile the grammar and load every lexicon outside the timings (as TimeTagger() does)
    return run


def dateparser_tool() -> Callable[[str, dt.datetime | None], list[Pred]]:
    import warnings

    from dateparser.search import search_dates

    warnings.filterwarnings("ignore")
    search_dates("اليوم", languages=["ar"])  # load its language data outside the timings

    def run(text: str, ref):
        settings = {"RELATIVE_BASE": ref} if ref else {}
        try:
            found = search_dates(text, languages=["ar"], settings=settings) or []
        except Exception:  # dateparser raises on some inputs; a crash is a miss
            found = []
        out, pos = [], 0
        for sub, value in found:
            i = text.find(sub, pos)
            i = text.find(sub) if i < 0 else i
            out.append((i, i + len(sub), sub, value, "point"))
            pos = max(pos, i + len(sub)) if i >= 0 else pos
        return out

    return run


# -- value comparison ---------------------------------------------------------------------------
def _first_day(v: str) -> dt.date | None:
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", v)
    wk = re.match(r"(\d{4})-W(\d{2})", v)
    if wk:
        return dt.date.fromisocalendar(int(wk[1]), int(wk[2]), 1)
    if not m:
        return None
    return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))


def _last_day(v: str) -> dt.date | None:
    wk = re.match(r"(\d{4})-W(\d{2})$", v)
    if wk:
        return dt.date.fromisocalendar(int(wk[1]), int(wk[2]), 7)
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", v)
    if not m:
        return None
    y = int(m[1])
    if m[3]:
        return dt.date(y, int(m[2]), int(m[3]))
    if m[2]:
        nxt = dt.date(y + (m[2] == "12"), int(m[2]) % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(y, 12, 31)


def interval(value: str) -> tuple[dt.date, set[dt.date]] | None:
    """First day and the accepted end days (inclusive last day, exclusive next day, or the start of B in A/B)."""
    we = re.fullmatch(r"(\d{4})-W(\d{2})-WE", value)
    if we:  # TIMEX3 weekend: Saturday-Sunday of the ISO week
        sat = dt.date.fromisocalendar(int(we[1]), int(we[2]), 6)
        return sat, {sat + dt.timedelta(days=1), sat + dt.timedelta(days=2)}
    a, _, b = value.partition("/")
    b = b or a
    lo, first_b, last_b = _first_day(a), _first_day(b), _last_day(b)
    if lo is None or last_b is None:
        return None
    return lo, {last_b, last_b + dt.timedelta(days=1), first_b}


def duration_seconds(value: str) -> float | None:
    m = re.fullmatch(r"P((?:[\d.]+[YMWD])*)(?:T((?:[\d.]+[HMS])*))?", value)
    if not m:
        return None
    total = sum(float(n) * _SECONDS[u] for n, u in re.findall(r"([\d.]+)([YMWD])", m[1] or ""))
    total += sum(float(n) * _TSECONDS[u] for n, u in re.findall(r"([\d.]+)([HMS])", m[2] or ""))
    return total


# TIMEX3 part-of-day codes as Recognizers-Text resolves them (start, end)
PART_WINDOWS = {"MO": ("08:00:00", "12:00:00"), "AF": ("12:00:00", "16:00:00"), "EV": ("16:00:00", "20:00:00"),
                "NI": ("20:00:00", "23:59:59")}


def _clock_text(t: str) -> str:
    """'19:56' -> '19:56:00'; '19:56:30' stays."""
    return t if t.count(":") == 2 else t[:5] + ":00"


def _dt_text(v: str) -> str:
    d, _, t = v.partition("T")
    return f"{d} {_clock_text(t)}" if t and t[0].isdigit() else v


def _time_range(v: str) -> tuple[str, str] | None:
    """Clock range 'A/B' (datetimes) or a part-of-day code ('TMO', '2016-11-07TMO') as (start, end) times."""
    if "/" in v:
        a, _, b = v.partition("/")
        if "T" in a and "T" in b:
            return _clock_text(a.split("T")[1]), _clock_text(b.split("T")[1])
        return None
    code = v.rsplit("T", 1)[-1] if "T" in v else ""
    return PART_WINDOWS.get(code)


def expected_values(item: dict) -> list[dict]:
    """The resolutions a case accepts (future and past anchorings, or the model's value list)."""
    if "resolution" in item:
        res = item["resolution"]
        return [v for v in res.get("values", []) if isinstance(v, dict)] if isinstance(res, dict) else []
    out = []
    for key in ("future_resolution", "past_resolution"):
        r = item.get(key)
        if r:
            out.append(r)
    return out


def matches(pred_value, grain: str, exp: dict) -> bool:
    """Whether one predicted value equals one expected resolution."""
    if pred_value is None:
        return False
    if isinstance(pred_value, dt.datetime):  # dateparser: a point in time
        if "date" in exp:
            return pred_value.date().isoformat() == exp["date"]
        if "time" in exp:
            return pred_value.strftime("%H:%M:%S") == exp["time"]
        if "dateTime" in exp:
            return pred_value.strftime("%Y-%m-%d %H:%M:%S") == exp["dateTime"]
        if exp.get("type") in ("date", "time", "datetime") and "value" in exp:
            return exp["value"] in (pred_value.date().isoformat(), pred_value.strftime("%H:%M:%S"),
                                    pred_value.strftime("%Y-%m-%d %H:%M:%S"))
        return False
    v = str(pred_value)
    if "set" in exp:
        return v == exp["set"].removeprefix("Set: ")
    if "startTime" in exp:
        return _time_range(v) == (exp["startTime"], exp["endTime"])
    if "startDateTime" in exp:
        part = re.fullmatch(r"(\d{4}-\d\d-\d\d)T([A-Z]+)", v)
        if part and part[2] in PART_WINDOWS:  # a part of a day: its TIMEX3 window
            w = PART_WINDOWS[part[2]]
            return (f"{part[1]} {w[0]}", f"{part[1]} {w[1]}") == (exp["startDateTime"], exp["endDateTime"])
        a, _, b = v.partition("/")
        return bool(b) and (_dt_text(a), _dt_text(b)) == (exp["startDateTime"], exp["endDateTime"])
    if "date" in exp:
        return v == exp["date"]
    if "startDate" in exp:
        iv = interval(v)
        return bool(iv) and iv[0].isoformat() == exp["startDate"] and exp["endDate"] in {d.isoformat() for d in iv[1]}
    if "duration" in exp:
        s = duration_seconds(v)
        return s is not None and abs(s - float(exp["duration"])) < 1e-6
    if "time" in exp:
        return "T" in v and _clock_text(v.split("T")[1]) == exp["time"]
    if "dateTime" in exp:
        return _dt_text(v) == exp["dateTime"]
    if "type" in exp:  # DateTimeModel / MergedParser value lists
        t = exp["type"]
        if t in ("date",):
            return v == exp.get("value")
        if t in ("daterange",) and "start" in exp:
            return matches(v, grain, {"startDate": exp["start"], "endDate": exp.get("end", "")})
        if t == "duration":
            return matches(v, grain, {"duration": exp.get("value", "")})
        if t == "time":
            return matches(v, grain, {"time": exp.get("value", "")})
        if t == "datetime":
            return matches(v, grain, {"dateTime": exp.get("value", "")})
    return False


def _overlaps(p: Pred, item: dict) -> bool:
    s = item.get("start", -1)
    if s is None or s < 0:
        return True
    e = item["end"] + 1 if "end" in item and "length" not in item else s + item.get("length", len(item["text"]))
    return p[0] < e and s < p[1]


def _clean(s: str) -> str:
    return " ".join(s.split()).strip(" .,،")


def rt_case_right(case: dict, preds: list[Pred]) -> bool:
    """Extractor: the predicted spans' texts equal the expected ones. Parser: every expected item has an
    overlapping prediction whose value equals its future or past resolution (timex when there is none)."""
    expected = case["expected"]
    if case["suite"].endswith("Extractor"):
        return sorted(_clean(p[2]) for p in preds) == sorted(_clean(e["text"]) for e in expected)
    for item in expected:
        cands = [p for p in preds if _overlaps(p, item)]
        exps = [e for e in expected_values(item) if e and e.get("date") != "0001-01-01"]
        if not exps:
            timex = item.get("timex")
            if timex:
                ok = any(str(p[3]) == timex for p in cands)
            else:  # no resolution at all: the span must be found
                ok = any(_clean(p[2]) == _clean(item["text"]) for p in cands)
        else:
            ok = any(matches(p[3], p[4], e) for p in cands for e in exps)
        if not ok:
            return False
    return True


# -- suites -------------------------------------------------------------------------------------
def rt_suites(data: pathlib.Path) -> dict[str, list[dict]]:
    doc = json.loads((data / "peers/recognizers_text_ar/recognizers_datetime_ar_cases.json").read_text(encoding="utf-8"))
    suites: dict[str, list[dict]] = {}
    for c in doc["cases"]:
        suites.setdefault(c["suite"], []).append(c)
    return suites


def _parse_ref(s: str | None) -> dt.datetime:
    if not s:
        return RT_DEFAULT_REFERENCE
    return dt.datetime.fromisoformat(s[:19])


_EN_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december"), 1)}
_EN_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "TH", "minute": "TM"}


def dp_expected(case: dict) -> list[tuple[object, ...]]:
    """Accepted values of a dateparser case: ('dt', datetime, day_only) or ('dur', iso, ref)."""
    exp = case["expected"]
    if "value" in exp:
        v = dt.datetime.fromisoformat(exp["value"])
        out: list[tuple[object, ...]] = [("dt", v, exp.get("period") == "day")]
        ago = exp.get("ago") or {}
        if len(ago) > 1 or (ago and not re.search(r"منذ|قبل|مضت|أمس|امس|اليوم|السابق", case["text"])):
            # the text states only the amount ("1 عام, 1 شهر, ..."): its duration is a right reading too
            codes = {"years": "Y", "months": "M", "weeks": "W", "days": "D"}
            tcodes = {"hours": "H", "minutes": "M", "seconds": "S"}
            iso = "P" + "".join(f"{ago[k]}{c}" for k, c in codes.items() if k in ago)
            t = "".join(f"{ago[k]}{c}" for k, c in tcodes.items() if k in ago)
            out.append(("dur", iso + ("T" + t if t else "")))
        return out
    if "matches" in exp:
        return [("dt", dt.datetime.fromisoformat(v), True) for _, v in exp["matches"]]
    en = exp["normalized_english"]
    ref = DP_FRESHNESS_REFERENCE
    m = re.fullmatch(r"(\d+) (\w+) (\d{4}) (\d\d):(\d\d) (am|pm)", en)
    if m:
        h = int(m[4]) % 12 + (12 if m[6] == "pm" else 0)
        return [("dt", dt.datetime(int(m[3]), _EN_MONTHS[m[2]], int(m[1]), h, int(m[5])), False)]
    m = re.fullmatch(r"(?:ago )?(\d+) (\w+)(?: ago)?", en)
    n, unit = int(m[1]), m[2]
    ago = "ago" in en
    delta = {"day": dt.timedelta(days=n), "hour": dt.timedelta(hours=n), "year": dt.timedelta(days=365 * n)}[unit]
    code = _EN_UNITS[unit]
    iso = f"PT{n}{code[1]}" if code.startswith("T") else f"P{n}{code}"
    if ago:
        return [("dt", ref - delta, unit == "day")]
    # a bare "2 day": the duration, or (dateparser's reading) that long ago
    return [("dur", iso), ("dt", ref - delta, unit == "day")]


def dp_case_right(case: dict, preds: list[Pred]) -> bool:
    """Right when every accepted value (all of them for search_dates in running text) is produced."""
    accepted = dp_expected(case)
    need_all = "matches" in case["expected"]

    def hit(acc) -> bool:
        for p in preds:
            v = p[3]
            if acc[0] == "dur":
                if v == acc[1]:
                    return True
                continue
            want, day_only = acc[1], acc[2]
            if isinstance(v, dt.datetime):
                if (v.date() == want.date()) if day_only else (v.replace(second=0, microsecond=0) == want):
                    return True
            elif isinstance(v, str):
                if day_only or (want.hour == 0 and want.minute == 0):
                    if v[:10] == want.date().isoformat() and (len(v) == 10 or day_only):
                        return True
                if v == want.strftime("%Y-%m-%dT%H:%M"):
                    return True
        return False

    return all(hit(a) for a in accepted) if need_all else any(hit(a) for a in accepted)


def hijri_cases(data: pathlib.Path) -> dict[str, list[tuple[str, dt.date]]]:
    out = {}
    for name in ("ummalqura_calendar_website", "ummalqura_newspaper_issues", "kfupm_comparison_calendar"):
        rows = json.loads((data / f"peers/hijridate/{name}.json").read_text(encoding="utf-8"))
        cases = []
        for row in rows:
            (hy, hm, hd), (gy, gm, gd) = row[0]
            cases.append((f"{hd} {HIJRI_NAMES[hm - 1]} {hy} هـ", dt.date(gy, gm, gd)))
        out[name] = cases
    return out


def hijri_right(preds: list[Pred], want: dt.date) -> bool:
    w = want.isoformat()
    return any((isinstance(p[3], dt.datetime) and p[3].date() == want) or p[3] == w for p in preds)


# -- command ------------------------------------------------------------------------------------
def _timed(tool, items) -> tuple[list[list[Pred]], float]:
    """Predictions and the CPU seconds they took (process time: other jobs on the machine don't count)."""
    t0 = time.process_time()
    out = [tool(text, ref) for text, ref in items]
    return out, time.process_time() - t0


@click.command("times")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=pathlib.Path), default=None,
              help="Shared data directory (default ../shared/data).")
@click.option("--no-dateparser", is_flag=True, help="Skip the dateparser comparison.")
@click.option("--failures", type=str, default=None, help="Print Marsad's failures on this suite (development cases only).")
@click.option("--dev-only", is_flag=True,
              help="Development work: print only the development-case scores (no overall or held-out figure).")
def command(data: pathlib.Path | None, no_dateparser: bool, failures: str | None, dev_only: bool) -> None:
    """Accuracy and speed of Marsad and dateparser on the Arabic time suites."""
    data = data or shared_data_dir()
    tools = {"marsad": marsad_tool()}
    if not no_dateparser:
        tools["dateparser"] = dateparser_tool()
    # both tools' start-up data (grammar, dateparser's language tables) is moved out of the garbage
    # collector's reach, so that neither tool's timings pay for collecting the other's tables
    gc.collect()
    gc.freeze()
    rows = []
    totals = {name: [0, 0.0] for name in tools}

    def run_suite(label, items, right_fn, split=None):
        row = {"suite": label, "n": len(items)}
        for name, tool in tools.items():
            preds, secs = _timed(tool, [(t, r) for t, r, _ in items])
            ok = [right_fn(p, e) for p, (_, _, e) in zip(preds, items)]
            row[name] = sum(ok) / len(items) if items else 0.0
            row[name + "_cps"] = len(items) / secs if secs else float("inf")
            totals[name][0] += len(items)
            totals[name][1] += secs
            if name == "marsad" and split is not None:
                for part, flag in (("dev", False), ("held", True)):
                    sel = [o for o, s in zip(ok, split) if s == flag]
                    row[part] = (sum(sel) / len(sel), len(sel)) if sel else None
            if name == "marsad" and failures and failures == label:
                for (text, ref, e), p, good, s in zip(items, preds, ok, split or [False] * len(items)):
                    if not good and not s:
                        click.echo(f"FAIL {text} | ref {ref} | got {[(x[2], x[3]) for x in p]} | want {json.dumps(e, ensure_ascii=False)[:300]}")
        rows.append(row)

    for suite, cases in rt_suites(data).items():
        items = [(c["text"], _parse_ref(c["reference_time"]), c) for c in cases]
        split = [held_out(c["suite"], c["text"]) for c in cases]
        run_suite(f"RT {suite}", items, lambda p, c: rt_case_right(c, p), split)

    dp = json.loads((data / "peers/dateparser_ar/dateparser_ar_cases.json").read_text(encoding="utf-8"))
    groups: dict[str, list] = {}
    for c in dp["cases"]:
        key = c["suite"].split(" (")[0].split()[0]
        ref = dt.datetime.fromisoformat(c["reference_time"]) if c.get("reference_time") else DP_FRESHNESS_REFERENCE
        groups.setdefault(key, []).append((c["text"], ref, c))
    for key, items in groups.items():
        run_suite(f"dateparser {key}", items, lambda p, c: dp_case_right(c, p))

    for name, cases in hijri_cases(data).items():
        items = [(text, None, want) for text, want in cases]
        run_suite(f"hijridate {name}", items, hijri_right)

    if dev_only:
        # the overall score would reveal the held-out one: only development scores are shown
        for r in rows:
            click.echo(f"{r['suite']:<40} dev {r['dev'][0]:.1%} ({r['dev'][1]})" if r.get("dev")
                       else f"{r['suite']:<40} {r['marsad']:.1%} ({r['n']})")
        return
    _print_table(rows, list(tools), totals)


def _print_table(rows: list[dict], tools: list[str], totals: dict) -> None:
    head = f"{'suite':<40} {'cases':>5} {'marsad':>7} {'dev':>12} {'held-out':>12}"
    if "dateparser" in tools:
        head += f" {'dateparser':>10}"
    head += f" {'marsad c/s':>11}" + (f" {'dp c/s':>8}" if "dateparser" in tools else "")
    click.echo(head)
    click.echo("-" * len(head))
    for r in rows:
        def part(k):
            return f"{r[k][0]:.1%} ({r[k][1]})" if r.get(k) else "-"
        line = f"{r['suite']:<40} {r['n']:>5} {r['marsad']:>7.1%} {part('dev'):>12} {part('held'):>12}"
        if "dateparser" in tools:
            line += f" {r['dateparser']:>10.1%}"
        line += f" {r['marsad_cps']:>11.0f}" + (f" {r['dateparser_cps']:>8.0f}" if "dateparser" in tools else "")
        click.echo(line)
    click.echo("-" * len(head))
    for name in tools:
        n, secs = totals[name]
        click.echo(f"{name}: {n} cases in {secs:.2f} s = {n / secs:.0f} cases/s")
    if "dateparser" in tools:
        ratio = (totals["marsad"][0] / totals["marsad"][1]) / (totals["dateparser"][0] / totals["dateparser"][1])
        click.echo(f"speed ratio marsad/dateparser: {ratio:.1f}x")
