"""The map asset (assets/map/land.json, made by db/tools/make_map.py): land outlines already projected, and the
lakes beside it (assets/map/lakes.json, made by db/tools/make_lakes.py on the same grid; optional).

"Map km" are kilometres from the asset's top-left corner, x east, y down; points and coasts share them:
`MapAsset.place(lat, lon)` puts a city in the same plane the outlines are in. No Qt here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.data.map.projection import LambertConic

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True, slots=True)
class MapAsset:
    projection: LambertConic
    origin_km: tuple[float, float]  # projected km of the top-left corner
    width_km: float
    height_km: float
    land: tuple[Ring, ...]  # closed rings in map km; fill with the even-odd rule
    source: str
    focus: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # the country: x, y, w, h in map km
    lakes: tuple[Ring, ...] = ()  # lakes and their islands in map km; even-odd, drawn over the land as water

    @classmethod
    def load(cls, path: str | Path) -> MapAsset:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != 1:
            raise ValueError(f"{path}: unknown map asset format {data.get('format')!r}")
        p = data["projection"]
        projection = LambertConic(
            lat1=p["lat1"], lat2=p["lat2"], lat0=p["lat0"], lon0=p["lon0"], radius_km=p["sphere_radius_km"]
        )
        unit = float(data["unit_km"])
        width, height = data["size"][0] * unit, data["size"][1] * unit
        focus = tuple(v * unit for v in data.get("focus", (0, 0, data["size"][0], data["size"][1])))
        return cls(
            projection,
            tuple(data["origin_km"]),
            width,
            height,
            tuple(_decode(r, unit) for r in data["land"]),
            data["source"],
            focus,
            _load_lakes(Path(path).with_name(LAKES_FILE), data),
        )

    def place(self, lat: float, lon: float) -> tuple[float, float]:
        """A point's position on the map, in map km (may lie outside the frame for far-away places)."""
        x, y = self.projection.project(lat, lon)
        return x - self.origin_km[0], y - self.origin_km[1]

    def contains(self, x: float, y: float) -> bool:
        return 0 <= x <= self.width_km and 0 <= y <= self.height_km

    def on_edge(self, a: tuple[float, float], b: tuple[float, float]) -> bool:
        """A ring's edge along the map's frame: a cut, not a coast (not to be drawn as one)."""
        w, h = self.width_km, self.height_km
        return any(a[i] == b[i] == v for i, v in ((0, 0.0), (0, w), (1, 0.0), (1, h)))


LAKES_FILE = "lakes.json"


def _load_lakes(path: Path, land: dict[str, Any]) -> tuple[Ring, ...]:
    """The lakes layer, which must sit on the land's grid; no file means a map without lakes."""
    if not path.exists():
        return ()
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("format", "projection", "origin_km", "unit_km"):
        if data.get(key) != land.get(key):
            raise ValueError(f"{path}: {key} {data.get(key)!r} is not the land's {land.get(key)!r}")
    return tuple(_decode(r, float(data["unit_km"])) for r in data["lakes"])


def _decode(flat: list[int], unit: float) -> Ring:
    points, x, y = [], 0, 0
    for i in range(0, len(flat) - 1, 2):
        x, y = x + flat[i], y + flat[i + 1]
        points.append((x * unit, y * unit))
    return tuple(points)
