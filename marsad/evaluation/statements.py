"""`marsad evaluate statements`: attribution scores on the hand-annotated development set.

The set (data/dev/attribution/dev.jsonl, guideline in docs/annotation/attribution_guideline.md) holds
news articles with gold sources and statements. A predicted statement matches a gold one when their
content spans overlap by at least half of the shorter span (one-to-one, best overlap first). On matched
statements we score the speaker (same source: speaker spans overlap, or a named/media/organisation
name shares a word), its kind, its affiliation, the relay chain (`via`, compared as sets of outlets)
and the direct flag.
"""
from __future__ import annotations

import json
import pathlib
from collections import defaultdict

import click

from marsad.text import normalize

DEFAULT_SET = pathlib.Path(__file__).resolve().parents[2] / "data" / "dev" / "attribution" / "dev.jsonl"
_GENERIC = {"صحيفه", "وكاله", "قناه", "شبكه", "موقع", "مجله", "جريده", "شركه", "مجموعه", "دار"}


def _words(text: str) -> set[str]:
    """Content words of a speaker text, normalised, articles and conjunctions stripped."""
    out = set()
    for w in normalize(text).replace("«", " ").replace("»", " ").replace('"', " ").split():
        w = w.strip("،,:؛;()“”")
        for p in ("وال", "بال", "لل", "ال", "و"):
            if w.startswith(p) and len(w) - len(p) >= 3:
                w = w[len(p):]
                break
        if len(w) >= 3 and w not in _GENERIC:
            out.add(w)
    return out


def outlet_key(name: str) -> str:
    """A comparable key for an outlet: its English name when the outlet table knows it."""
    from marsad.statements.lookup import outlets

    table = outlets()
    clean = name.replace("«", "").replace("»", "").replace('"', "").replace("“", "").replace("”", "").strip()
    words = tuple(normalize(w).lower() for w in clean.split())
    for k in range(len(words)):  # skip a leading kind noun: "وكالة رويترز"
        if words[k:] in table:
            return table[words[k:]][0].lower()
    return " ".join(sorted(_words(clean))) or clean.lower()


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / max(1, min(a[1] - a[0], b[1] - b[0])) if inter > 0 else 0.0


def _same_speaker(pred: dict, gold: dict) -> bool:
    if pred["start"] is not None and pred["start"] < gold["end"] and gold["start"] < pred["end"]:
        return True
    named = ("named_person", "media", "organization")
    if pred["kind"] in named or gold["kind"] in named:
        return bool(_words(pred["text"]) & _words(gold["text"]))
    return False


def predicted_sources(doc) -> list[dict]:
    """The document's sources as dicts, with each statement's own relay chain (kept in memory only)."""
    out = []
    for src in doc.sources:
        d = src.to_dict()
        for sd, st in zip(d["statements"], src.statements):
            sd["via"] = list(st.via)
        out.append(d)
    return out


def flatten(sources: list[dict]) -> list[dict]:
    """Statements with their source's speaker and the statement's (or source's) relay chain."""
    out = []
    for src in sources:
        for st in src["statements"]:
            via = st.get("via") if st.get("via") is not None else src.get("via", [])
            out.append({"span": (st["start"], st["end"]), "speaker": src["speaker"], "source": src["id"],
                        "via": {outlet_key(v) for v in via}, "direct": st["direct"]})
    return out


def match(pred: list[dict], gold: list[dict], threshold: float = 0.5) -> list[tuple[dict, dict]]:
    """One-to-one matches between predicted and gold statements, best overlap first."""
    cands = sorted(((_overlap(p["span"], g["span"]), i, j) for i, p in enumerate(pred) for j, g in enumerate(gold)),
                   reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for ov, i, j in cands:
        if ov < threshold:
            break
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((pred[i], gold[j]))
    return pairs


def evaluate(records: list[dict], analyze) -> dict[str, dict[str, float]]:
    """Scores per subset ("all", "annotated blind", "pre-filled")."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for rec in records:
        doc = analyze(rec)
        pred = flatten(predicted_sources(doc))
        gold = flatten(rec["sources"])
        pairs = match(pred, gold)
        for subset in ("all", "pre-filled" if rec.get("prefilled") else "blind"):
            c = counts[subset]
            c["articles"] += 1
            c["pred"] += len(pred)
            c["gold"] += len(gold)
            c["matched"] += len(pairs)
            for p, g in pairs:
                c["speaker"] += _same_speaker(p["speaker"], g["speaker"])
                c["kind"] += p["speaker"]["kind"] == g["speaker"]["kind"]
                c["affiliation"] += p["speaker"]["affiliation"] == g["speaker"]["affiliation"]
                c["via"] += p["via"] == g["via"]
                c["direct"] += p["direct"] == g["direct"]
    table = {}
    for subset, c in counts.items():
        m = max(c["matched"], 1)
        prec, rec_ = c["matched"] / max(c["pred"], 1), c["matched"] / max(c["gold"], 1)
        table[subset] = {
            "articles": c["articles"], "gold": c["gold"], "pred": c["pred"], "matched": c["matched"],
            "P": prec, "R": rec_, "F1": 2 * prec * rec_ / (prec + rec_) if prec + rec_ else 0.0,
            "speaker": c["speaker"] / m, "kind": c["kind"] / m, "affiliation": c["affiliation"] / m,
            "via": c["via"] / m, "direct": c["direct"] / m,
        }
    return table


def format_table(table: dict[str, dict[str, float]]) -> str:
    cols = ["articles", "gold", "pred", "matched", "P", "R", "F1", "speaker", "kind", "affiliation", "via", "direct"]
    rows = [["subset"] + cols]
    for subset in ("all", "blind", "pre-filled"):
        if subset in table:
            t = table[subset]
            rows.append([subset] + [str(t[c]) if isinstance(t[c], int) else f"{t[c]:.3f}" for c in cols])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.rjust(w) if i else cell.ljust(w) for i, (cell, w) in enumerate(zip(r, widths)))
                     for r in rows)


@click.command()
@click.option("--data", "data", type=click.Path(exists=True, path_type=pathlib.Path), default=None,
              help="dev.jsonl file or a directory holding it (default: data/dev/attribution/dev.jsonl).")
@click.option("--show-errors", is_flag=True, help="Print unmatched gold and predicted statements.")
def command(data: pathlib.Path | None, show_errors: bool) -> None:
    """Score statements, speakers, kinds, affiliations and relay chains on the attribution dev set."""
    import marsad

    path = data or DEFAULT_SET
    if path.is_dir():
        path = path / "dev.jsonl"
    if not path.is_file():
        raise click.ClickException(f"no development set at {path}")
    records = [json.loads(ln) for ln in path.open(encoding="utf-8") if ln.strip()]

    def analyze(rec):
        doc = marsad.analyze(rec["text"], title=rec.get("title"), outlet=rec.get("outlet"))
        if show_errors:
            _show(rec, doc)
        return doc

    click.echo(f"attribution dev set: {path} ({len(records)} articles)")
    click.echo(format_table(evaluate(records, analyze)))


def _show(rec: dict, doc) -> None:
    """Print a record's misses and false alarms, and matched statements with a wrong speaker."""
    pred = flatten(predicted_sources(doc))
    gold = flatten(rec["sources"])
    pairs = match(pred, gold)
    mp = {id(p) for p, _ in pairs}
    mg = {id(g) for _, g in pairs}
    click.echo(f"--- {rec['id']}")
    t = rec["text"]
    for g in gold:
        if id(g) not in mg:
            click.echo(f"  MISS  [{g['speaker']['text']}] {t[g['span'][0]:g['span'][1]][:80]}")
    for p in pred:
        if id(p) not in mp:
            click.echo(f"  FALSE [{p['speaker']['text']}] {t[p['span'][0]:p['span'][1]][:80]}")
    for p, g in pairs:
        bad = [k for k, ok in (("speaker", _same_speaker(p["speaker"], g["speaker"])),
                               ("kind", p["speaker"]["kind"] == g["speaker"]["kind"]),
                               ("aff", p["speaker"]["affiliation"] == g["speaker"]["affiliation"]),
                               ("via", p["via"] == g["via"])) if not ok]
        if bad:
            click.echo(f"  WRONG {bad} pred=[{p['speaker']['text']}|{p['speaker']['kind']}|"
                       f"{p['speaker']['affiliation']}|{sorted(p['via'])}] gold=[{g['speaker']['text']}|"
                       f"{g['speaker']['kind']}|{g['speaker']['affiliation']}|{sorted(g['via'])}]")
