"""GeoJSON export: every place of one or more documents as a point, plus the admin1 polygon it falls in."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from marsad.places.geometry import admin1_feature


def _as_dict(doc: Any) -> dict:
    return doc if isinstance(doc, dict) else doc.to_dict()


def to_geojson(docs: Iterable[Any]) -> dict:
    """A FeatureCollection for documents (Document objects or schema v1 dicts).

    Point features (`properties.kind == "place"`) carry the document id, the place record, its
    mentions and the events located there; each admin1 polygon that holds a point is added once
    (`properties.kind == "admin1"`), and points name it in `properties.admin1_id`.
    """
    points: list[dict] = []
    polygons: dict[str, dict] = {}
    for raw in docs:
        d = _as_dict(raw)
        events_at: dict[str, list[dict]] = {}
        for ev in d.get("events", []):
            if ev.get("place"):
                events_at.setdefault(ev["place"], []).append(
                    {"id": ev["id"], "type": ev["type"], "modality": ev.get("modality"), "time": ev.get("time"),
                     "trigger": (ev.get("trigger") or {}).get("text")})
        for p in d.get("places", []):
            if p.get("lat") is None or p.get("lon") is None:
                continue
            # a country's or region's point lies in some governorate, which says nothing about it
            local = p.get("level") not in ("country", "region")
            poly = admin1_feature(p["lat"], p["lon"], p.get("country")) if local else None
            poly_id = None
            if poly is not None:
                poly_id = poly["properties"]["id"]
                if poly_id not in polygons:
                    polygons[poly_id] = {
                        "type": "Feature",
                        "id": poly_id,
                        "geometry": poly["geometry"],
                        "properties": {"kind": "admin1", **poly["properties"]},
                    }
            points.append({
                "type": "Feature",
                "id": f"{d.get('id')}:{p['id']}",
                "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
                "properties": {
                    "kind": "place",
                    "document": d.get("id"),
                    "title": d.get("title"),
                    "published": d.get("published"),
                    "place": p["id"],
                    "name": p.get("name"),
                    "name_en": p.get("name_en"),
                    "country": p.get("country"),
                    "admin1": p.get("admin1"),
                    "level": p.get("level"),
                    "qualifiers": p.get("qualifiers", []),
                    "gazetteer_id": p.get("gazetteer_id"),
                    "mentions": [m["text"] for m in p.get("mentions", [])],
                    "events": events_at.get(p["id"], []),
                    "admin1_id": poly_id,
                },
            })
    return {"type": "FeatureCollection", "features": list(polygons.values()) + points}
