"""Build data/dev/events/dev.jsonl: the annotated sentences of annotations.tsv, with their exact text
looked up in ../shared/data/news by document id and sentence prefix (the text is not retyped)."""
from __future__ import annotations

import gzip
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news"
DEV = ROOT / "data" / "dev" / "events"
CORPORA = ("saudinewsnet.jsonl.gz", "ant_multisource_v2.1.jsonl.gz")


def main() -> None:
    wanted = []
    for line in (DEV / "annotations.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        doc_id, prefix, *rest = line.split("\t")
        events = []
        for item in (rest[0] if rest else "").split(";"):
            if item.strip():
                etype, modality, trigger = item.strip().split(":", 2)
                events.append({"type": etype, "modality": modality, "trigger": trigger})
        wanted.append((doc_id, prefix, events))
    ids = {w[0] for w in wanted}
    docs = {}
    for name in CORPORA:
        with gzip.open(NEWS / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in ids:
                    docs[rec["id"]] = rec
    out = []
    for n, (doc_id, prefix, events) in enumerate(wanted):
        rec = docs[doc_id]
        sentences = re.split(r"(?<=[.!؟])\s+|\n+", rec["text"])
        text = next(s.strip() for s in sentences if s.strip().startswith(prefix))
        for e in events:
            assert e["trigger"] in text, (doc_id, e["trigger"])
        out.append({"id": f"evdev-{n:03d}", "doc": doc_id, "outlet": rec.get("outlet"),
                    "published": (rec.get("published") or "")[:10] or None, "text": text, "events": events})
    with open(DEV / "dev.jsonl", "w", encoding="utf-8") as fh:
        for row in out:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(out)} sentences, {sum(len(r['events']) for r in out)} events -> {DEV / 'dev.jsonl'}")


if __name__ == "__main__":
    main()
