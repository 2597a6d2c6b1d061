"""Country outlines for the map, shipped with the package (the map must draw offline).

`countries-110m.json` is world-atlas 2.0.2 (ISC licence, data from Natural Earth, public
domain): TopoJSON keyed by ISO 3166-1 numeric codes.  Decoded here to GeoJSON keyed by
ISO-3 so Plotly draws it from the figure itself, without fetching its own base map.
No Streamlit here.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

TOPOJSON = Path(__file__).with_name("countries-110m.json")


def _arcs(topo: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((round(x * sx + tx, 3), round(y * sy + ty, 3)))
        out.append(pts)
    return out


def _ring(arcs, idxs) -> list[list[float]]:
    ring: list[tuple[float, float]] = []
    for i in idxs:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(pts[1:] if ring else pts)
    return [list(p) for p in ring]


@cache
def world_geojson() -> dict:
    """FeatureCollection of countries, each feature's `id` its ISO-3 code."""
    import pycountry

    topo = json.loads(TOPOJSON.read_text(encoding="utf-8"))
    arcs = _arcs(topo)
    features = []
    for g in topo["objects"]["countries"]["geometries"]:
        c = pycountry.countries.get(numeric=str(g.get("id") or "").zfill(3)) if g.get("id") else None
        if c is None or g.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        if g["type"] == "Polygon":
            coords = [_ring(arcs, r) for r in g["arcs"]]
        else:
            coords = [[_ring(arcs, r) for r in poly] for poly in g["arcs"]]
        features.append({"type": "Feature", "id": c.alpha_3, "properties": {"name": g.get("properties", {}).get("name")},
                         "geometry": {"type": g["type"], "coordinates": coords}})
    return {"type": "FeatureCollection", "features": features}
