"""Build data/dev/attribution/dev.jsonl from the hand annotations (annotations.txt) and article texts.

annotations.txt is written by hand (format in its header); article texts come from candidates.jsonl,
made by scripts/select_attribution_dev.py. Content anchors "start ... end" and speaker texts are
located in the article text; a missing anchor is an error, so every gold offset is checked.
Usage: python scripts/build_attribution_dev.py [DIR]   (default data/dev/attribution)
"""
from __future__ import annotations

import json
import pathlib
import sys


def _find(text: str, anchor: str, at: int) -> tuple[int, int]:
    """Offsets of an anchor ("exact" or "start ... end") at or after `at` (else anywhere)."""
    if " ... " in anchor:
        a, b = anchor.split(" ... ", 1)
        s = text.find(a, at)
        if s < 0:
            s = text.find(a)
        e = text.find(b, s + len(a)) if s >= 0 else -1
        if s < 0 or e < 0:
            raise ValueError(f"anchor not found: {anchor!r}")
        return s, e + len(b)
    s = text.find(anchor, at)
    if s < 0:
        s = text.find(anchor)
    if s < 0:
        raise ValueError(f"anchor not found: {anchor!r}")
    return s, s + len(anchor)


def parse(path: pathlib.Path) -> dict[str, dict]:
    """Article id -> {"prefilled": bool, "sources": [...]} as written in annotations.txt."""
    out: dict[str, dict] = {}
    cur = None
    for ln in path.read_text(encoding="utf-8").splitlines():
        if not ln.strip() or ln.startswith("# "):
            continue
        if ln.startswith("## "):
            parts = ln[3:].split()
            cur = out.setdefault(parts[0], {"prefilled": "prefilled" in parts, "sources": []})
        elif ln.startswith("S |"):
            _, speaker, kind, aff = [p.strip() for p in ln.split("|")]
            cur["sources"].append({"speaker": speaker, "kind": kind, "affiliation": None if aff == "-" else aff,
                                   "statements": []})
        elif ln.startswith("+ "):
            d, via, content = [p.strip() for p in ln[2:].split(" | ", 2)]
            cur["sources"][-1]["statements"].append(
                {"direct": d == "D", "via": [] if via == "-" else via.split(";"), "content": content})
    return out


def main() -> None:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "data/dev/attribution")
    texts = {json.loads(ln)["id"]: json.loads(ln) for ln in (root / "candidates.jsonl").open(encoding="utf-8")}
    records = []
    for art_id, ann in parse(root / "annotations.txt").items():
        art = texts[art_id]
        text = art["text"]
        sources, at = [], 0
        for n, src in enumerate(ann["sources"], 1):
            sp = src["speaker"]
            if " @ " in sp:  # "speaker @ context": the speaker inside the first occurrence of context
                sp, ctx = sp.split(" @ ")
                cs, _ = _find(text, ctx, 0)
                s, e = _find(text, sp, cs)
            else:
                s, e = _find(text, sp, at)
            stmts = []
            for st in src["statements"]:
                cs, ce = _find(text, st["content"], 0)
                stmts.append({"start": cs, "end": ce, "text": text[cs:ce], "direct": st["direct"], "via": st["via"]})
            stmts.sort(key=lambda x: x["start"])
            sources.append({"id": f"g{n}", "speaker": {"text": sp, "kind": src["kind"],
                                                        "affiliation": src["affiliation"], "start": s, "end": e},
                            "statements": stmts})
        records.append({"id": art_id, "corpus": art["corpus"], "outlet": art["outlet"], "title": art["title"],
                        "published": art["published"], "prefilled": ann["prefilled"], "text": text,
                        "sources": sources})
    with (root / "dev.jsonl").open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_st = sum(len(s["statements"]) for r in records for s in r["sources"])
    print(f"{len(records)} articles, {sum(len(r['sources']) for r in records)} sources, {n_st} statements")


if __name__ == "__main__":
    main()
