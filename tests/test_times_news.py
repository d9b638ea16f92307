"""Time expressions in real news sentences (tests/fixtures/times_news_cases.tsv): spans, values, grains."""
from __future__ import annotations

import csv
import datetime as dt
import pathlib

import pytest

from marsad.times import find_times

FIXTURE = pathlib.Path(__file__).parent / "fixtures" / "times_news_cases.tsv"


def _cases() -> list[tuple[str, ...]]:
    with FIXTURE.open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t")]
    return [tuple(r) for r in rows[1:]]


@pytest.mark.parametrize("published,text,span,value,grain", _cases())
def test_times_news_case(published, text, span, value, grain):
    times = find_times(text, dt.date.fromisoformat(published))
    if span == "-":
        assert times == [], times
        return
    hits = [t for t in times if t.text == span]
    assert hits, f"{span!r} not found: {[(t.text, t.value) for t in times]}"
    assert (hits[0].value, hits[0].grain) == (None if value == "None" else value, grain)
