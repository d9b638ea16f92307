"""`marsad evaluate events`: PROTEST/ASSAULT detection and source actors on UniversalPetrarch's Arabic
gold records, plus type and modality accuracy on Marsad's own development sentences.

UniversalPetrarch (peers/universalpetrarch_ar/arabic_gsr_plover_dev.json): 309 sentences, each coded
with one PLOVER event (PROTEST or ASSAULT), its trigger and source/target spans. It is the only public
Arabic set and every sentence holds an event, so it is used as development data: a fixed ~30% is held
out (md5 of "marsad-events-holdout:" + id, first 8 hex digits, modulo 10 < 3) and was never read while
writing the lexicons; the two parts are reported separately.

Sentence-level detection: a sentence counts as predicted TYPE when at least one event of that type
is extracted from it with a modality other than negated or denied (those did not happen). Gold is the sentence's coded type. Precision, recall and F1 per type.
Source-actor accuracy: over gold events whose source_text is given and whose type was detected in the
sentence, the share where the actor of one of the predicted events of that type shares a word with the
gold source_text (words compared without proclitics and without one number/case/gender ending, so
متظاهرون matches المتظاهرين). Source country/sector code: over detected gold events whose coded source
has a country (ISO3, not IGO/IMG) or a CAMEO sector, the share where a predicted actor has that country,
or a sector that maps to that code (marsad/data/events/plover_codes.tsv: civilians/protesters -> CVL ...). "with actor" = share of those where any actor was given.
"""
from __future__ import annotations

import hashlib
import json
import pathlib
from collections import Counter

import click

from marsad.evaluation import shared_data_dir

UP_PATH = "peers/universalpetrarch_ar/arabic_gsr_plover_dev.json"
DEV_PATH = pathlib.Path(__file__).resolve().parents[2] / "data" / "dev" / "events"
TYPES = ("PROTEST", "ASSAULT")
NOT_HAPPENED = ("negated", "denied")  # PLOVER §2.3: negated events are left out of event data


def _sector_codes() -> dict[str, str]:
    from marsad.resources import read_tsv

    return {k: v for kind, k, v in read_tsv("events/plover_codes.tsv") if kind == "sector"}


SECTOR_CODES = _sector_codes()


def held_out(case_id: str) -> bool:
    """The fixed ~30% of UniversalPetrarch cases kept out of lexicon writing."""
    return int(hashlib.md5(("marsad-events-holdout:" + case_id).encode()).hexdigest()[:8], 16) % 10 < 3


def _words(text: str | None) -> set[str]:
    from marsad.text import normalize, tokenize

    if not text:
        return set()
    out = set()
    for t in tokenize(text):
        w = normalize(t.stem)
        if t.kind != "word" or len(w) < 2:
            continue
        # number and case endings: متظاهرون ~ المتظاهرين, أميركية ~ الأميركي
        for suf in ("ون", "ين", "ات", "يه", "ه", "ي", "ا"):
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                w = w[: -len(suf)]
                break
        out.add(w)
    return out


def _analyze(text: str, date: str | None, pipeline):
    import marsad

    published = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if date and len(date) == 8 and date.isdigit() else date
    return marsad.analyze(text, published=published, pipeline=pipeline)


def score_up(cases: list[dict], pipeline) -> dict:
    """Detection counts per type and source-actor agreement on UniversalPetrarch cases."""
    tp, fp, fn = Counter(), Counter(), Counter()
    src_total = src_ok = src_given = 0
    code_total, code_ok = Counter(), Counter()
    for case in cases:
        doc = _analyze(case["text"], case.get("date"), pipeline)
        predicted = {e.type for e in doc.events if e.modality not in NOT_HAPPENED}
        gold = {e["plover"] for e in case["events"]}
        for t in TYPES:
            if t in predicted and t in gold:
                tp[t] += 1
            elif t in predicted:
                fp[t] += 1
            elif t in gold:
                fn[t] += 1
        for g in case["events"]:
            if not g.get("source_text") or g["plover"] not in predicted:
                continue
            src_total += 1
            actors = [e.actor for e in doc.events if e.type == g["plover"] and e.actor and e.modality not in NOT_HAPPENED]
            if actors:
                src_given += 1
            gw = _words(g["source_text"])
            if any(_words(a.text) & gw for a in actors):
                src_ok += 1
        for g in case["events"]:
            # the coded source: "USA MIL", "None CVL" (country, CAMEO sector; "None" = not coded)
            country, _, sector = (g.get("source_code") or "None None").partition(" ")
            if g["plover"] not in predicted:
                continue
            actors = [e.actor for e in doc.events if e.type == g["plover"] and e.actor and e.modality not in NOT_HAPPENED]
            if country not in ("None", "", "IGO", "IMG"):
                code_total["country"] += 1
                code_ok["country"] += any(a.country == country for a in actors)
            if sector not in ("None", ""):
                code_total["sector"] += 1
                code_ok["sector"] += any(SECTOR_CODES.get(a.sector or "") == sector for a in actors)
    return {"tp": tp, "fp": fp, "fn": fn, "src_total": src_total, "src_ok": src_ok, "src_given": src_given,
            "n": len(cases), "code_total": code_total, "code_ok": code_ok}


def score_dev(rows: list[dict], pipeline) -> dict:
    """Type recall and modality accuracy on Marsad's own annotated sentences."""
    found = typed = modal = total = 0
    spurious = 0
    confusion = Counter()
    by_modality = Counter()  # (gold modality, predicted modality) for events found with the right type
    for row in rows:
        doc = _analyze(row["text"], row.get("published"), pipeline)
        gold_events = row["events"]
        used = set()
        for g in gold_events:
            total += 1
            # the predicted event whose trigger covers the gold trigger word
            cand = [e for e in doc.events if g["trigger"] in e.trigger.text or e.trigger.text in g["trigger"]]
            if not cand:
                confusion[(g["type"], "-")] += 1
                continue
            found += 1
            e = cand[0]
            used.add(e.id)
            if e.type == g["type"]:
                typed += 1
                by_modality[(g["modality"], e.modality)] += 1
                if e.modality == g["modality"]:
                    modal += 1
            confusion[(g["type"], e.type)] += 1
        spurious += sum(1 for e in doc.events if e.id not in used)
    return {"total": total, "found": found, "typed": typed, "modal": modal, "spurious": spurious,
            "confusion": confusion, "sentences": len(rows), "by_modality": by_modality}


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def format_up(name: str, res: dict) -> str:
    lines = [f"UniversalPetrarch Arabic, {name} ({res['n']} sentences)",
             f"{'type':<10}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}"]
    for t in TYPES:
        p, r, f = _prf(res["tp"][t], res["fp"][t], res["fn"][t])
        lines.append(f"{t:<10}{res['tp'][t]:>5}{res['fp'][t]:>5}{res['fn'][t]:>5}{p:>8.3f}{r:>8.3f}{f:>8.3f}")
    n = res["src_total"]
    if n:
        lines.append(f"source actor: {res['src_ok']}/{n} = {res['src_ok'] / n:.3f} match; "
                     f"actor given {res['src_given']}/{n} = {res['src_given'] / n:.3f}")
    for k in ("country", "sector"):
        t = res["code_total"][k]
        if t:
            lines.append(f"source {k} code: {res['code_ok'][k]}/{t} = {res['code_ok'][k] / t:.3f}")
    return "\n".join(lines)


def format_dev(res: dict) -> str:
    t = res["total"] or 1
    lines = [f"Marsad events dev set ({res['sentences']} sentences, {res['total']} gold events)",
             f"trigger found      {res['found']:>4}/{res['total']} = {res['found'] / t:.3f}",
             f"type correct       {res['typed']:>4}/{res['total']} = {res['typed'] / t:.3f}",
             f"type+modality      {res['modal']:>4}/{res['total']} = {res['modal'] / t:.3f}",
             f"modality | type ok {res['modal']:>4}/{res['typed']} = {res['modal'] / (res['typed'] or 1):.3f}",
             f"other events extracted (not annotated): {res['spurious']}"]
    gold_mods = sorted({g for g, _ in res["by_modality"]})
    lines.append("modality (type correct): " + ", ".join(
        f"{m} {res['by_modality'][(m, m)]}/{sum(v for (g, _), v in res['by_modality'].items() if g == m)}"
        for m in gold_mods))
    wrong = [(k, v) for k, v in res["confusion"].items() if k[0] != k[1]]
    if wrong:
        lines.append("type confusions (gold -> predicted): " + ", ".join(
            f"{g}->{p} x{v}" for (g, p), v in sorted(wrong, key=lambda kv: -kv[1])))
    return "\n".join(lines)


@click.command()
@click.option("--data", type=click.Path(file_okay=False, path_type=pathlib.Path), default=None,
              help="Shared data directory (default ../shared/data).")
@click.option("--dev", "dev_dir", type=click.Path(file_okay=False, path_type=pathlib.Path), default=DEV_PATH,
              help="Directory of Marsad's events dev set (*.jsonl).")
@click.option("--split", type=click.Choice(["dev", "heldout", "both"]), default="both",
              help="Which UniversalPetrarch part to score.")
@click.option("--events-only", is_flag=True, help="Run only the text layer and the events stage (no upstream facts).")
def command(data, dev_dir, split, events_only):
    """Score the events stage on UniversalPetrarch Arabic (PROTEST/ASSAULT) and Marsad's dev sentences."""
    from marsad.pipeline import Pipeline

    pipeline = Pipeline(disable=("entities", "places", "times", "statements")) if events_only else None
    base = data or shared_data_dir()
    path = base / UP_PATH
    if not path.exists():
        raise click.ClickException(f"UniversalPetrarch Arabic records not found: {path}")
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    parts = {"dev": [c for c in cases if not held_out(c["id"])], "heldout": [c for c in cases if held_out(c["id"])]}
    for name in ("dev", "heldout"):
        if split in (name, "both"):
            click.echo(format_up(name, score_up(parts[name], pipeline)))
            click.echo()
    rows = []
    for f in sorted(pathlib.Path(dev_dir).glob("*.jsonl")) if dev_dir and pathlib.Path(dev_dir).exists() else []:
        rows += [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    if rows:
        click.echo(format_dev(score_dev(rows, pipeline)))
