"""The time grammar's gates only ever spare patterns that would find nothing, on real news text: every match of
a pattern has its narrow gates open, an implied gate's parent is open wherever it is, and the joint word scan
opens exactly the word gates whose own search matches."""
from __future__ import annotations

import csv
import json
import pathlib

from marsad.text.normalize import normalize
from marsad.times.extract import _scan
from marsad.times.grammar import GATES, IMPLIES, NARROW, Words, gates, patterns

FIXTURES = pathlib.Path(__file__).parent / "fixtures"


def _paragraphs() -> list[str]:
    texts = [(FIXTURES / n).read_text(encoding="utf-8") for n in ("000_41a3ad0639280a39.txt", "004_ae8fdf272db8b2a8.txt")]
    texts += [json.loads(line)["text"] for line in (FIXTURES / "news_sample.jsonl").read_text(encoding="utf-8").splitlines()]
    with (FIXTURES / "times_news_cases.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t"))[1:]
    texts += [r[1] for r in rows]
    return [p for t in texts for p in normalize(t).split("\n") if p.strip()]


def test_narrow_gates_are_open_wherever_their_pattern_matches():
    g = gates()
    checked = set()
    for para in _paragraphs():
        for name, pat in patterns():
            narrow = [k for k in GATES[name] if k in NARROW]
            if narrow and pat.search(para):
                assert all(g[k].search(para) for k in narrow), (name, [k for k in narrow if not g[k].search(para)], para)
                checked.add(name)
    assert {"dmy", "month", "hijri_date", "dayword", "edge", "set", "same_unit", "holiday", "clock_word", "clock_range",
            "last_n:n"} <= checked, checked  # the fixtures reach these


def test_implied_gates_only_match_where_their_parent_does():
    g = gates()
    for para in _paragraphs():
        for child, parent in IMPLIES.items():
            if g[child].search(para):
                assert g[parent].search(para), (child, para)


def test_word_scan_opens_the_word_gates_their_own_search_opens():
    g = gates()
    scan, opens = _scan()
    words = {k for k, t in g.items() if isinstance(t, Words) and not t.digit}
    for para in _paragraphs():
        found = set().union(*map(opens.__getitem__, set(scan.findall(para)))) & words
        assert found == {k for k in words if g[k].search(para)}, para
