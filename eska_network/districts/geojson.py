"""District outlines for the optional map: an uploaded GeoJSON file, checked by size and content."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

GEOJSON_MAX_BYTES = 10_000_000
"""The largest district outline file accepted (a province's kabupaten/kota at fine detail)."""
_GEOMETRIES = frozenset({"Polygon", "MultiPolygon"})


def read_geojson(data: bytes, max_bytes: int = GEOJSON_MAX_BYTES) -> dict:
    """An uploaded file of district outlines, checked by size and content (not by its name).

    Raises
    ------
    ValueError
        Naming what is wrong: too large, not JSON, not a FeatureCollection, or a feature that is
        no polygon.
    """
    if len(data) > max_bytes:
        raise ValueError(
            f"the file is {len(data) / 1e6:.1f} MB; at most {max_bytes / 1e6:.0f} MB is accepted"
        )
    try:
        geojson = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"the file is not GeoJSON text: {error}") from None
    if not isinstance(geojson, dict) or geojson.get("type") != "FeatureCollection":
        raise ValueError("the file is not a GeoJSON FeatureCollection")
    features = geojson.get("features")
    if not isinstance(features, list) or not features:
        raise ValueError("the FeatureCollection holds no features")
    for number, feature in enumerate(features, start=1):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not isinstance(geometry, dict) or geometry.get("type") not in _GEOMETRIES:
            raise ValueError(f"feature {number} is not a Polygon or MultiPolygon")
        if not isinstance(feature.get("properties"), dict):
            raise ValueError(f"feature {number} has no properties")
    return geojson


def name_properties(geojson: Mapping) -> list[str]:
    """The properties every feature has, that could name its district (``name`` first).

    >>> name_properties({"features": [{"properties": {"id": 1, "name": "A"}},
    ...                               {"properties": {"name": "B", "id": 2}}]})
    ['name', 'id']
    """
    features: Sequence[Mapping] = geojson["features"]
    common = [
        key for key in features[0]["properties"] if all(key in f["properties"] for f in features)
    ]
    return sorted(common, key=lambda key: (key != "name", common.index(key)))
