"""PLOVER JSON and ACLED-style exports of extracted events."""
from __future__ import annotations

import json

import pytest

from marsad.document import Document, Event, Mention, Participant, Place
from marsad.events.export import ACLED_COLUMNS, to_acled_rows, to_plover


@pytest.fixture()
def doc():
    """A real sentence with hand-set upstream facts, so the export is checked independently of other stages."""
    text = "قتل 20 شخصا واصيب 60 حين انفجرت سيارة مفخخة قرب تقاطع في حي الكرادة بوسط بغداد أمس."
    d = Document(text=text, outlet="aawsat", published=__import__("datetime").date(2008, 1, 3), id="doc1")
    d.places = [Place(id="L1", name="بغداد", name_en="Baghdad", country="IQ", admin1="Baghdad", level="city",
                      lat=33.34034, lon=44.32921, mentions=[Mention(76, 81, "بغداد")])]
    victims = Participant(text="شخصا", sector="civilians", start=8, end=12)
    d.events = [
        Event(id="ev1", type="ASSAULT", trigger=Mention(25, 31, "انفجرت"), modality="asserted", target=victims,
              place="L1", time="2008-01-02", mode="explosives", killed=20, wounded=60, sentence=None),
        Event(id="ev2", type="CONSULT", trigger=Mention(0, 3, "قتل"), modality="future", sentence=None),
        Event(id="ev3", type="ASSAULT", trigger=Mention(0, 3, "قتل"), modality="hypothetical", sentence=None),
    ]
    return d


def test_plover_record_fields(doc):
    rec = to_plover([doc])[0]
    assert rec["id"] == "doc1-ev1"
    assert rec["date"] == "2008-01-02"
    assert rec["event"] == "ASSAULT" and rec["mode"] == ["explosives"] and rec["quadCode"] == 4
    assert rec["size"] == {"dead": 20, "injured": 60}
    assert rec["recipient"] == [{"entityText": "شخصا", "code": None, "sector": "CVL"}]
    assert rec["eventLoc"]["admin1"] == "Baghdad" and rec["eventLoc"]["lat"] == pytest.approx(33.34034)
    assert rec["citeInfo"]["corpus"] == "aawsat"
    json.dumps(rec, ensure_ascii=False)  # serialisable as JSONL


def test_plover_future_cooperation_is_agree(doc):
    rec = to_plover([doc])[1]
    assert rec["event"] == "AGREE" and rec["plannedEvent"] == "CONSULT" and rec["quadCode"] == 1
    assert rec["modality"] == "future" and rec["context"] == ["future"]
    assert rec["date"] == "2008-01-03"  # no resolved event day: the report date


def test_acled_rows_keep_asserted_events_only(doc):
    rows = to_acled_rows([doc])
    assert len(rows) == 1
    row = rows[0]
    assert set(row) == set(ACLED_COLUMNS)
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert (row["event_date"], row["time_precision"]) == ("2008-01-02", 1)
    assert (row["admin1"], row["location"], row["latitude"], row["longitude"]) == ("Baghdad", "Baghdad", 33.3403, 44.3292)
    assert row["country"] == "IQ"  # no country-level place in this document to name it
    assert (row["fatalities"], row["injuries"], row["source"]) == (20, 60, "aawsat")
    assert row["notes"].startswith("قتل 20 شخصا")


def test_acled_include_all_and_unmapped_types(doc):
    rows = to_acled_rows([doc], include_all=True)
    # CONSULT has no ACLED category; the hypothetical ASSAULT is kept with its modality
    assert [(r["plover_type"], r["modality"]) for r in rows] == [("ASSAULT", "asserted"), ("ASSAULT", "hypothetical")]


def test_acled_from_a_real_analysis():
    import marsad
    from marsad.pipeline import Pipeline

    pipe = Pipeline(disable=("entities", "places", "times", "statements"))
    d = marsad.analyze("ورشق مئات المتظاهرين قوات مكافحة الشغب بالحجارة والزجاجات الفارغة في شوارع ضيقة وسط كالكوتا.",
                       pipeline=pipe, outlet="aawsat", published="2008-01-01")
    kinds = {(r["plover_type"], r["event_type"]) for r in to_acled_rows([d])}
    assert ("PROTEST", "Protests") in kinds


def test_exports_accept_stored_schema_v1_dicts(doc):
    """The store gives back schema-v1 dicts; both exporters read them like Documents."""
    stored = doc.to_dict()
    assert to_acled_rows([stored]) == to_acled_rows([doc])
    a, b = to_plover([stored])[0], to_plover([doc])[0]
    assert {k: v for k, v in a.items() if k != "textInfo"} == {k: v for k, v in b.items() if k != "textInfo"}
