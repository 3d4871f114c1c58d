"""Offline place look-up for the import: coordinates of a city a curator added without them.

The table (kiosk/data/reference/geonames_ru.tsv, from db/tools/extract_geonames.py) holds the Russian places of
GeoNames with ≥ 1000 inhabitants and their Cyrillic names; it ships in the bundle (about 0.5 MB).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kiosk.data.text.folding import folded

TABLE = Path(__file__).parents[1] / "reference" / "geonames_ru.tsv"
# Several places share a name («Киров»): the largest is taken only when it dwarfs the others.
DOMINANT = 5


@dataclass(frozen=True, slots=True)
class Place:
    geonameid: int
    lat: float
    lon: float
    country: str
    population: int
    name: str  # GeoNames' own (Latin) name


def norm(name: str) -> str:
    return " ".join(folded(name).replace("‑", "-").split())


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Place, ...]]:
    index: dict[str, list[Place]] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        gid, lat, lon, country, _admin1, pop, name, names = line.split("\t")
        place = Place(int(gid), float(lat), float(lon), country, int(pop or 0), name)
        for n in {norm(x) for x in names.split("|")}:
            index.setdefault(n, []).append(place)
    return {k: tuple(v) for k, v in index.items()}


def release() -> None:
    """Forget the index (~3 MiB of Python objects): the kiosk reads it once, for the quiz's report flags."""
    _index.cache_clear()


def candidates(name: str) -> tuple[Place, ...]:
    return _index().get(norm(name), ())


def lookup(name: str) -> Place | None:
    """The place called `name`, or None when there is none or the name is ambiguous."""
    hits = sorted(candidates(name), key=lambda p: (p.country != "RU", -p.population))
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1 and hits[0].population >= DOMINANT * max(hits[1].population, 1):
        return hits[0]
    return None


def is_known_place(name: str) -> bool:
    return bool(candidates(name))
