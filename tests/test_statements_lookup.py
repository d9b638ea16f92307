"""The shared tables behind speakers: outlets from actors.tsv, demonyms from the places stage, ISO codes."""
from __future__ import annotations

import functools

import pytest

from marsad.countries import iso3_from_iso2
from marsad.document import Document
from marsad.pipeline import Pipeline
from marsad.statements.lookup import affiliations, ambiguous_outlets, outlets


@functools.cache
def _pipeline() -> Pipeline:
    return Pipeline(disable=("times", "events"))


def _speakers(text: str) -> list[tuple[str, str | None, list[str]]]:
    doc = _pipeline()(Document(text))
    return [(src.speaker.kind, src.speaker.affiliation, list(src.via)) for src in doc.sources]


def test_outlets_are_the_media_rows_of_the_actor_table():
    table = outlets()
    assert table[("رويترز",)] == ("Reuters", "GBR")
    assert table[("انترفاكس",)] == ("Interfax", "RUS")  # merged from the old attribution fallback
    assert table[("هسبريس",)] == ("Hespress", "MAR")  # merged from the ingest outlet list
    assert ("الجزيره",) in ambiguous_outlets() and ("البيان",) in ambiguous_outlets()
    assert ("رويترز",) not in ambiguous_outlets()


def test_affiliations_use_the_places_demonyms_and_the_capitals_table():
    demonyms, countries = affiliations()
    assert demonyms["الايرانيه"] == "IRN" and demonyms["الامريكيين"] == "USA"
    assert demonyms["الكوري"] == "KOR"  # pending row until demonyms.tsv has a bare كوري
    assert countries[("طهران",)] == "IRN" and countries[("البيت", "الابيض")] == "USA"


def test_iso3_from_iso2():
    assert iso3_from_iso2("gb") == "GBR" and iso3_from_iso2(" IQ ") == "IRQ"
    assert iso3_from_iso2("XX") is None and iso3_from_iso2(None) is None


@pytest.mark.parametrize("text, expected", [
    # real sentences (ANT / SaudiNewsNet news): a common-word outlet name after an outlet noun names it ...
    ('وقال مصدر طبي لوكالة الأنباء الفرنسية إنه تم خلال أسبوع "إجلاء نحو 1800 شخص بينهم 375 مريضا".',
     ("anonymous", None, ["Agence France-Presse"])),
    ("وذكرت وكالة الأنباء الفرنسية أن الزوج يدعى محمد فضل أكرم ويبلغ من العمر 73 عاما.",
     ("media", "FRA", [])),
    # ... but not where the word is a speaker noun or a capital
    ("وقال البيان إن ضربة دمرت مصنعاً للمواد الناسفة في الحويجة.", ("document", None, [])),
    ("وقالت الرياض في وقت سابق إن جنديين سعوديين قتلا في معارك ضد الحوثيين.", ("organization", "SAU", [])),
    # and a reporting verb licenses it: ونقلت العربية عن ...
    ("ونقلت العربية عن مصادر أن الاجتماع تأجل.", ("anonymous", None, ["Al Arabiya"])),
])
def test_common_word_outlets_count_in_reporting_slots(text, expected):
    assert expected in _speakers(text)
