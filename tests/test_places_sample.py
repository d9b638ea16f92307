"""Acceptance on sample 1 (Rai al-Youm, 2020-04-02): Iraqi governorates, Tehran, Camp Taji, no false places."""
from __future__ import annotations

import pytest

EXPECTED = {
    # surface: (country, admin1, level, approximate lat, lon)
    "العراق": ("IQ", None, "country", 33.0, 43.8),  # countries: mean of GeoNames, HDX and WOF points (docs/evaluation/places.md)
    "طهران": ("IR", "Tehran", "city", 35.7, 51.4),
    "كركوك": ("IQ", "Kirkuk", "admin1", 35.3, 44.2),
    "صلاح الدين": ("IQ", "Salah Al-Din", "admin1", 34.4, 43.6),
    "ديالى": ("IQ", "Diyala", "admin1", 33.9, 45.0),
    "الأنبار": ("IQ", "Al-Anbar", "admin1", 33.1, 41.7),
    "بابل": ("IQ", "Babil", "admin1", 32.5, 44.6),
    "كربلاء": ("IQ", "Kerbala", "admin1", 32.5, 43.8),
    "معسكر التاجي": ("IQ", "Baghdad", "site", 33.5, 44.2),
}


@pytest.fixture(scope="module")
def by_mention(sample1):
    return {m.text: p for p in sample1.places for m in p.mentions}


@pytest.mark.parametrize("surface", sorted(EXPECTED))
def test_sample1_place(by_mention, surface):
    country, admin1, level, lat, lon = EXPECTED[surface]
    place = by_mention[surface]
    assert (place.country, place.admin1, place.level) == (country, admin1, level)
    assert abs(place.lat - lat) < 0.2 and abs(place.lon - lon) < 0.2


def test_sample1_qualifiers(by_mention):
    assert by_mention["كركوك"].qualifiers == ["south"]
    assert by_mention["الأنبار"].qualifiers == ["west"]
    assert by_mention["ديالى"].qualifiers == []


def test_sample1_nothing_else(sample1):
    # Iran appears as إيران; no place from عباس موسوي, دونالد ترامب, مسؤول, كورونا, لتوتر
    assert sorted(p.name_en for p in sample1.places) == sorted(
        ["Iraq", "Tehran", "Camp Taji", "Kirkuk", "Salah Al-Din", "Diyala", "Al-Anbar", "Babil", "Kerbala", "Iran"])


def test_sample1_one_place_per_location(sample1):
    iraq = next(p for p in sample1.places if p.name_en == "Iraq")
    assert len(iraq.mentions) == 9  # every العراق of the body (the title is not in doc.text)
    assert len({p.gazetteer_id for p in sample1.places}) == len(sample1.places)


def test_sample1_demonyms(sample1):
    iso = {c for _, _, c in sample1.demonyms}
    assert iso == {"USA", "IRQ", "IRN"}
    first = min(sample1.demonyms)
    assert sample1.text[first[0]:first[1]] == "عراقي"  # "مصدر أمني عراقي"


def test_sample2_jerusalem_is_not_in_the_quds_force(sample2):
    names = {p.name_en for p in sample2.places}
    assert "Jerusalem" not in names
    assert {"Baghdad", "Erbil", "Tehran", "Iraq", "Iran"} <= names


def test_sample_places_fit_schema_v1(sample1, sample2):
    from marsad.resources import read_json

    levels = read_json("schema_v1.json")["properties"]["places"]["items"]["properties"]["level"]["enum"]
    for doc in (sample1, sample2):
        for place in doc.to_dict()["places"]:
            assert place["level"] in levels
            assert place["country"] is None or len(place["country"]) == 2
