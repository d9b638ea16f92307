"""GeoJSON export: points with their place record, the admin1 polygon they fall in, and their events."""
from __future__ import annotations

from marsad.document import Document, Event, Mention
from marsad.places import Geoparser
from marsad.places.geojson import to_geojson
from marsad.text import TextLayer


def test_points_and_admin1_polygons():
    doc = Geoparser()(TextLayer()(Document(text="قصفت الطائرات مواقع في ديالى وقرب طهران في إيران", id="d1")))
    diyala = next(p for p in doc.places if p.name_en == "Diyala")
    doc.events.append(Event("E1", "ASSAULT", Mention(0, 4, "قصفت"), "asserted", place=diyala.id))
    fc = to_geojson([doc])
    assert fc["type"] == "FeatureCollection"
    points = [f for f in fc["features"] if f["properties"]["kind"] == "place"]
    polys = {f["id"]: f for f in fc["features"] if f["properties"]["kind"] == "admin1"}
    by_name = {f["properties"]["name_en"]: f for f in points}
    assert by_name["Diyala"]["geometry"]["coordinates"] == [diyala.lon, diyala.lat]
    assert [e["type"] for e in by_name["Diyala"]["properties"]["events"]] == ["ASSAULT"]
    # Diyala's point lies in the Diyala polygon; Tehran's in Tehran province
    assert polys[by_name["Diyala"]["properties"]["admin1_id"]]["properties"]["country"] == "IQ"
    assert polys[by_name["Tehran"]["properties"]["admin1_id"]]["properties"]["name_en"] == "Tehran"
    # a country's point gets no governorate polygon
    assert by_name["Iran"]["properties"]["admin1_id"] is None


def test_accepts_schema_dicts():
    doc = Geoparser()(TextLayer()(Document(text="انفجار في مرفأ بيروت")))
    fc = to_geojson([doc.to_dict()])
    assert [f["properties"]["name_en"] for f in fc["features"] if f["properties"]["kind"] == "place"] == ["Beirut"]
