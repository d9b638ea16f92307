"""Point-in-polygon for GeoJSON (Multi)Polygons, and the shipped admin1 polygons (loaded once)."""
from __future__ import annotations

import functools

from marsad.resources import read_json


def _in_ring(x: float, y: float, ring: list) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def contains(geometry: dict, lat: float, lon: float) -> bool:
    """Does a GeoJSON Polygon/MultiPolygon contain the point (holes respected)?"""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return any(_in_ring(lon, lat, p[0]) and not any(_in_ring(lon, lat, h) for h in p[1:]) for p in polys)


def _bbox(geometry: dict) -> tuple[float, float, float, float]:
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    xs = [pt[0] for p in polys for pt in p[0]]
    ys = [pt[1] for p in polys for pt in p[0]]
    return min(xs), min(ys), max(xs), max(ys)


@functools.cache
def admin1_polygons() -> list[tuple[tuple[float, float, float, float], dict]]:
    """(bbox, feature) for the admin1 regions of the 25 Arab-world/Middle East countries (WOF)."""
    fc = read_json("gazetteer/admin1.geojson")
    return [(_bbox(f["geometry"]), f) for f in fc["features"]]


def admin1_feature(lat: float, lon: float, country: str | None = None) -> dict | None:
    """The admin1 polygon feature containing a point, if the shipped polygons cover it."""
    for (x0, y0, x1, y1), f in admin1_polygons():
        if country and f["properties"]["country"] != country:
            continue
        if x0 <= lon <= x1 and y0 <= lat <= y1 and contains(f["geometry"], lat, lon):
            return f
    return None
