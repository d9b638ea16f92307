"""Geoparser evaluation on IDRISI (Arabic disaster tweets): recognition (LMR) and resolution (LMD).

LMR: precision/recall/F1 of place mentions against the gold spans, exact and overlapping.
LMD: share of gold mentions whose resolved coordinates lie within 161 km of the gold OSM point
(Mordecai3's measure), end to end (our own mention must overlap the gold one) and given the gold
span (resolve_span), overall and per mention type; plus speed.

IDRISI's released Arabic data are train splits; Marsad uses them as a development set. A fixed
random fifth of the tweets (by a hash of the tweet id) is held out: `--split holdout` reports it.

    marsad evaluate places [--split dev|holdout|all] [--no-entities] [--data DIR] [--errors N]
"""
from __future__ import annotations

import glob
import hashlib
import json
import pathlib
import time
from collections import Counter, defaultdict

import click

from marsad.evaluation import shared_data_dir

RADIUS_KM = 161.0
_LMR_TYPES = {"CTRY": "Country", "PROV": "Province", "DIST": "District", "CITY": "City/town",
              "HPOI": "Human-made Point-of-Interest", "NPOI": "Natural Point-of-Interest",
              "ST": "Road/street", "NBHD": "Neighborhood", "OTHR": "Other locations"}
_COARSE = ("Country", "Province", "District", "City/town")


def in_split(tweet_id: str, split: str) -> bool:
    """Deterministic 80/20 dev/holdout split by tweet id."""
    if split == "all":
        return True
    held = int(hashlib.sha1(tweet_id.encode()).hexdigest(), 16) % 5 == 0
    return held if split == "holdout" else not held


def load(pattern: str, split: str) -> list[dict]:
    rows = []
    for path in sorted(glob.glob(pattern)):
        event = pathlib.Path(path).parent.name
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if in_split(str(d["tweet_id"]), split):
                    d["event"] = event
                    rows.append(d)
    return rows


def _pipeline(entities: bool = True):
    """The default stages up to and including places (the entity tagger optional)."""
    from marsad.pipeline import DEFAULT_STAGES, Pipeline

    keep = {"text", "places"} | ({"entities"} if entities else set())
    return Pipeline(stages=[s for s in DEFAULT_STAGES if s.name in keep])


def _analyze(pipe, text: str):
    from marsad.document import Document

    return pipe(Document(text=text))


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate_lmr(rows: list[dict], pipe, errors: int) -> dict:
    exact = overlap_p = overlap_r = npred = ngold = 0
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    shown = 0
    for d in rows:
        doc = _analyze(pipe, d["text"])
        pred = {(m.start, m.end) for p in doc.places for m in p.mentions}
        gold = {(m["startIdx"], m["endIdx"]): m["type"] for m in d["location_mentions"]}
        npred += len(pred)
        ngold += len(gold)
        exact += len(pred & set(gold))
        overlap_p += sum(1 for s, e in pred if any(s < ge and gs < e for gs, ge in gold))
        for (gs, ge), t in gold.items():
            hit = any(s < ge and gs < e for s, e in pred)
            overlap_r += hit
            by_type[_LMR_TYPES.get(t, t)][0] += hit
            by_type[_LMR_TYPES.get(t, t)][1] += 1
        if errors and shown < errors and pred != set(gold):
            shown += 1
            click.echo(f"  LMR {d['event']}: gold={[d['text'][s:e] for s, e in gold]} "
                       f"pred={[d['text'][s:e] for s, e in sorted(pred)]}", err=True)
    p, r, f = _prf(exact, npred, ngold)
    po, _, _ = _prf(overlap_p, npred, ngold)
    _, ro, _ = _prf(overlap_r, npred, ngold)
    fo = 2 * po * ro / (po + ro) if po + ro else 0.0
    return {"tweets": len(rows), "gold": ngold, "pred": npred, "exact": (p, r, f), "overlap": (po, ro, fo),
            "recall_by_type": {t: (h / n, n) for t, (h, n) in sorted(by_type.items(), key=lambda x: -x[1][1])}}


def evaluate_lmd(rows: list[dict], pipe, errors: int) -> dict:
    from marsad.places import resolve_span
    from marsad.places.gazetteer import distance_km

    stats: dict[str, Counter] = defaultdict(Counter)
    shown = 0
    for d in rows:
        doc = _analyze(pipe, d["text"])
        for m in d["location_mentions"]:
            osm = m.get("osm_json") or {}
            if "lat" not in osm:
                continue
            glat, glon = float(osm["lat"]), float(osm["lon"])
            gs, ge, t = m["start_offset"], m["end_offset"], m["type"]
            st = stats[t]
            st["n"] += 1
            e2e = next((p for p in doc.places for mm in p.mentions if mm.start < ge and gs < mm.end), None)
            if e2e is not None and distance_km(e2e.lat, e2e.lon, glat, glon) <= RADIUS_KM:
                st["e2e"] += 1
            rec = resolve_span(doc, gs, ge)
            gold_cc = (osm.get("address") or {}).get("country_code", "").upper()
            if rec is not None and rec.country == gold_cc:
                st["country"] += 1
            if rec is None:
                st["unresolved"] += 1
                if errors and shown < errors:
                    shown += 1
                    click.echo(f"  LMD {d['event']} [{t}] {m['text']!r} -> no gazetteer name", err=True)
            else:
                dist = distance_km(rec.lat, rec.lon, glat, glon)
                if dist <= RADIUS_KM:
                    st["given"] += 1
                elif errors and shown < errors:
                    shown += 1
                    click.echo(f"  LMD {d['event']} [{t}] {m['text']!r} -> {rec.name_en} ({rec.country}, "
                               f"{rec.level}) {dist:.0f} km; gold {osm.get('display_name', '')[:60]}", err=True)
    return stats


def _lmd_table(stats: dict[str, Counter]) -> list[str]:
    lines = [f"{'type':32} {'n':>5} {'given span':>11} {'end-to-end':>11} {'country ok':>11} {'no match':>9}"]
    order = sorted(stats, key=lambda t: -stats[t]["n"])
    groups = [("coarse (country/prov/dist/city)", [t for t in order if t in _COARSE]), ("all", order)]
    for t in order:
        s = stats[t]
        lines.append(f"{t:32} {s['n']:5d} {s['given'] / s['n']:11.1%} {s['e2e'] / s['n']:11.1%} "
                     f"{s['country'] / s['n']:11.1%} {s['unresolved']:9d}")
    for name, ts in groups:
        n = sum(stats[t]["n"] for t in ts)
        g = sum(stats[t]["given"] for t in ts)
        e = sum(stats[t]["e2e"] for t in ts)
        u = sum(stats[t]["unresolved"] for t in ts)
        c = sum(stats[t]["country"] for t in ts)
        lines.append(f"{name:32} {n:5d} {g / n:11.1%} {e / n:11.1%} {c / n:11.1%} {u:9d}")
    return lines


@click.command("places")
@click.option("--data", type=click.Path(path_type=pathlib.Path), default=None,
              help="Shared data directory (default: ../shared/data).")
@click.option("--split", type=click.Choice(["dev", "holdout", "all"]), default="dev", show_default=True,
              help="IDRISI tweets to use: the 80% development part, the 20% held out, or all.")
@click.option("--errors", type=int, default=0, help="Print up to N errors of each task to stderr.")
@click.option("--entities/--no-entities", default=True, show_default=True,
              help="Run the entity tagger before the geoparser (its PER/ORG/LOC spans are used).")
def command(data: pathlib.Path | None, split: str, errors: int, entities: bool) -> None:
    """Evaluate the geoparser on IDRISI LMR (recognition) and LMD (resolution within 161 km)."""
    base = (data or shared_data_dir()) / "peers" / "idrisi"
    if not base.exists():
        raise click.ClickException(f"IDRISI not found under {base}")
    pipe = _pipeline(entities)
    lmr_rows = load(str(base / "LMR/data/AR/gold-random-json/*/train.jsonl"), split)
    lmd_rows = load(str(base / "LMD/data/AR/*/train.jsonl"), split)

    t0 = time.perf_counter()
    lmr = evaluate_lmr(lmr_rows, pipe, errors)
    lmr_time = time.perf_counter() - t0
    lmd = evaluate_lmd(lmd_rows, pipe, errors)

    click.echo(f"IDRISI Arabic, split={split}, stages: {' '.join(pipe.names)}")
    click.echo(f"LMR: {lmr['tweets']} tweets, {lmr['gold']} gold mentions, {lmr['pred']} predicted")
    click.echo(f"{'match':10} {'P':>6} {'R':>6} {'F1':>6}")
    for name in ("exact", "overlap"):
        p, r, f = lmr[name]
        click.echo(f"{name:10} {p:6.1%} {r:6.1%} {f:6.1%}")
    click.echo("LMR recall (overlap) by gold type:")
    for t, (rec, n) in lmr["recall_by_type"].items():
        click.echo(f"  {t:32} {n:5d} {rec:6.1%}")
    click.echo(f"LMD: {len(lmd_rows)} tweets; share of gold mentions resolved within {RADIUS_KM:.0f} km")
    for line in _lmd_table(lmd):
        click.echo(line)
    timings = pipe.timings
    total = sum(timings.values())
    docs = len(lmr_rows) + len(lmd_rows)
    click.echo(f"speed: {1000 * lmr_time / max(len(lmr_rows), 1):.2f} ms/tweet for the LMR pass ({' + '.join(pipe.names)}); "
               f"places stage {1000 * timings.get('places', 0) / max(docs, 1):.2f} ms/tweet, "
               f"{100 * timings.get('places', 0) / total if total else 0:.0f}% of those stages")


if __name__ == "__main__":
    command()
