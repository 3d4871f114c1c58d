"""The map's projection: Lambert conformal conic on a sphere, set up for Russia. No Qt here.

Conformal keeps the shapes of coasts and lakes recognisable across eleven time zones; with standard
parallels at 52° and 64° N the scale error stays within a few per cent between the Caspian and the Arctic
coast. The map asset (assets/map/) is projected with these same numbers, so points and coasts agree.

Map-plane coordinates are kilometres, x to the east and y DOWN (screen orientation), with (0, 0) at the
central meridian on the reference parallel.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True, slots=True)
class LambertConic:
    lat1: float = 52.0  # standard parallels, degrees
    lat2: float = 64.0
    lat0: float = 58.0  # reference parallel: y = 0
    lon0: float = 100.0  # central meridian: x = 0, north is straight up
    radius_km: float = EARTH_RADIUS_KM

    @property
    def n(self) -> float:
        p1, p2 = math.radians(self.lat1), math.radians(self.lat2)
        return math.log(math.cos(p1) / math.cos(p2)) / math.log(_t(p2) / _t(p1))

    def _rho(self, lat: float) -> float:
        n = self.n
        p1 = math.radians(self.lat1)
        f = math.cos(p1) * _t(p1) ** n / n
        return float(self.radius_km * f / _t(math.radians(lat)) ** n)

    def project(self, lat: float, lon: float) -> tuple[float, float]:
        """(lat, lon) in degrees → (x, y) in km on the map plane, y pointing south (down)."""
        lat = max(-89.9, min(89.9, lat))
        theta = self.n * math.radians(wrap_lon(lon, self.lon0) - self.lon0)
        rho = self._rho(lat)
        x = rho * math.sin(theta)
        y_north = self._rho(self.lat0) - rho * math.cos(theta)
        return x, -y_north

    def as_dict(self) -> dict[str, Any]:
        """What the asset records about how it was projected."""
        return {
            "name": "lambert_conformal_conic",
            "sphere_radius_km": self.radius_km,
            "lat1": self.lat1,
            "lat2": self.lat2,
            "lat0": self.lat0,
            "lon0": self.lon0,
        }


def _t(phi: float) -> float:
    return math.tan(math.pi / 4 + phi / 2)


def wrap_lon(lon: float, lon0: float) -> float:
    """The longitude's equivalent within 180° of the central meridian (Chukotka's −170° becomes 190°)."""
    return (lon - lon0 + 180.0) % 360.0 - 180.0 + lon0


RUSSIA = LambertConic()


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on the sphere, for checking that the map keeps distances in proportion."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))
