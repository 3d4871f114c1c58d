"""The map asset and its generator (db/tools/make_map.py): small, pure, reproducible without the network."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from kiosk.data.map_asset import MapAsset
from kiosk.data.projection import RUSSIA

ROOT = Path(__file__).resolve().parents[2]
ASSET = ROOT / "assets" / "map" / "land.json"
TINY = Path(__file__).parent / "fixtures" / "map" / "tiny-topology.json"


def _load_tool():
    spec = importlib.util.spec_from_file_location("make_map", ROOT / "db" / "tools" / "make_map.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


make_map = _load_tool()


def test_the_same_input_gives_the_same_bytes():
    topology = json.loads(TINY.read_text())
    first = make_map.encode(make_map.make_asset(topology))
    second = make_map.encode(make_map.make_asset(json.loads(TINY.read_text())))
    assert first == second
    asset = json.loads(first)
    # The ring over Europe/Siberia (lon 30..50) is kept, the one over South America (lon -80) is not, and the
    # ring across the antimeridian (lon 178..181, lat 65..68) lands east of everything else.
    assert len(asset["land"]) == 2
    assert all(isinstance(v, int) for ring in asset["land"] for v in ring)


def test_the_script_writes_the_file_and_check_then_passes(tmp_path):
    out = tmp_path / "land.json"
    assert make_map.main(["--source", str(TINY), "--out", str(out)]) == 0
    assert make_map.main(["--source", str(TINY), "--out", str(out), "--check"]) == 0
    out.write_bytes(out.read_bytes().replace(b'"format":1', b'"format":1 '))
    assert make_map.main(["--source", str(TINY), "--out", str(out), "--check"]) == 1


def test_unwrap_keeps_a_ring_continuous_across_the_antimeridian():
    ring = [(179.0, 66.0), (-179.0, 66.0), (-179.0, 67.0), (179.0, 67.0)]
    assert make_map.unwrap(ring, 100.0) == [(179.0, 66.0), (181.0, 66.0), (181.0, 67.0), (179.0, 67.0)]


def test_clip_cuts_a_ring_to_the_frame():
    square = [(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)]
    clipped = make_map.clip(square, (0.0, 0.0, 10.0, 10.0))
    assert sorted(clipped) == [(0.0, 0.0), (0.0, 5.0), (5.0, 0.0), (5.0, 5.0)]
    assert make_map.clip(square, (20.0, 20.0, 30.0, 30.0)) == []


def test_simplify_drops_points_within_the_tolerance_only():
    line = [(0.0, 0.0), (1.0, 0.1), (2.0, -0.1), (3.0, 5.0), (4.0, 0.0)]
    assert make_map.simplify(line, 0.5) == [(0.0, 0.0), (2.0, -0.1), (3.0, 5.0), (4.0, 0.0)]
    assert make_map.simplify(line, 10.0) == [(0.0, 0.0), (4.0, 0.0)]


def test_quantize_is_delta_encoded_integers():
    assert make_map.quantize([(1.0, 1.0), (2.0, 1.0), (2.0, 1.1), (2.0, 3.0)], (0.0, 0.0, 9.0, 9.0)) == [
        2, 2, 2, 0, 0, 4]


def test_committed_asset_is_small_and_matches_the_projection_in_code():
    assert ASSET.stat().st_size <= 1_000_000
    asset = MapAsset.load(ASSET)
    assert asset.projection == RUSSIA
    assert 100 < len(asset.land) and all(len(r) >= 3 for r in asset.land)
    # Every city of the list lies inside the frame, away from its edges.
    for lat, lon in [(54.71, 20.51), (43.12, 131.89), (68.97, 33.07), (59.56, 150.80), (42.88, 47.64)]:
        x, y = asset.place(lat, lon)
        assert 200 < x < asset.width_km - 200 and 200 < y < asset.height_km - 200


def _inside(ring, x, y) -> bool:
    inside = False
    for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1]):
        if (ay > y) != (by > y) and x < ax + (y - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


@pytest.mark.parametrize("name,lat,lon,land", [
    ("Новосибирск", 55.02, 82.93, True), ("Москва", 55.76, 37.62, True),
    ("Каспийское море", 42.5, 50.5, False), ("Охотское море", 55.0, 148.0, False),
    ("Баренцево море", 72.0, 40.0, False),
])
def test_land_and_sea_where_they_belong(name, lat, lon, land):
    asset = MapAsset.load(ASSET)
    x, y = asset.place(lat, lon)
    assert sum(_inside(list(r), x, y) for r in asset.land) % 2 == (1 if land else 0), name
