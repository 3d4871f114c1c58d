"""Name placement and touch resolution on the map, with the real 70 cities at the kiosk's sizes."""

from __future__ import annotations

import itertools
import tomllib
from pathlib import Path

import pytest

from kiosk.data.map.asset import MapAsset
from kiosk.data.map.layout import Anchor, hit, level_for, max_zoom, overlap, place_names, screen_boxes, zoom_ladder

ROOT = Path(__file__).resolve().parents[2]
ASSET = MapAsset.load(ROOT / "assets" / "map" / "land.json")
CITIES = {}
for path in sorted((ROOT / "db" / "sources" / "cities").glob("*.toml")):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    if "lat" in data.get("location", {}):
        CITIES[data["id"]] = (data["name"], data["location"]["lat"], data["location"]["lon"])
BY_NAME = {name: cid for cid, (name, _, _) in CITIES.items()}
DOT, GAP = 10.0, 6.0


def fit(width: int, height: int) -> float:
    return min(width / ASSET.focus[2], height / ASSET.focus[3])


def first_view(width: int, height: int):
    """What zoom 1 shows: the country centred."""
    scale, f = fit(width, height), ASSET.focus
    return ((f[0] + f[2] / 2) * scale - width / 2, (f[1] + f[3] / 2) * scale - height / 2, width, height)


def layout(width: int, height: int):
    scale = fit(width, height)
    anchors = [Anchor(cid, *(v * scale for v in ASSET.place(lat, lon))) for cid, (_, lat, lon) in CITIES.items()]
    sizes = {cid: (15.0 * len(name) + 8, 36.0) for cid, (name, _, _) in CITIES.items()}
    zooms = zoom_ladder(max_zoom(scale, min(width, height) / 1000))
    return anchors, zooms, place_names(anchors, sizes, zooms, DOT, GAP, first_view(width, height)), (width, height)


@pytest.fixture(scope="module", params=[(1920, 1000), (1080, 1700), (3840, 2000)], ids=str)
def placed(request):
    return layout(*request.param)


def sampled_zooms(zooms):
    """Every rung, just below the next rung, and points in between."""
    out = []
    for k, z in enumerate(zooms):
        top = zooms[k + 1] if k + 1 < len(zooms) else z
        out += [z + (top - z) * t for t in (0, 0.25, 0.5, 0.75, 0.999)]
    return out


def test_names_never_overlap_each_other_or_a_dot_at_any_zoom(placed):
    anchors, zooms, levels, _ = placed
    for zoom in sampled_zooms(zooms):
        boxes = screen_boxes(anchors, levels[level_for(zooms, zoom)], zoom)
        for (a, ra), (b, rb) in itertools.combinations(boxes.items(), 2):
            assert not overlap(ra, rb), (zoom, CITIES[a][0], CITIES[b][0])
        for a, ra in boxes.items():
            for p in anchors:
                dot = (p.x * zoom - DOT, p.y * zoom - DOT, 2 * DOT, 2 * DOT)
                assert not overlap(ra, dot), (zoom, CITIES[a][0], "covers the dot of", CITIES[p.id][0])


def test_a_readable_subset_zoomed_out_and_every_name_zoomed_in(placed):
    _anchors, _zooms, levels, _ = placed
    assert 15 <= len(levels[0]) < len(CITIES)
    middle = levels[len(levels) // 2]
    assert BY_NAME["Нижний Новгород"] in middle and BY_NAME["Екатеринбург"] in middle
    assert set(levels[-1]) == set(CITIES)
    counts = [len(level) for level in levels]
    assert counts == sorted(counts)


def test_names_zoomed_out_stay_whole_on_the_screen(placed):
    anchors, _zooms, levels, size = placed
    x0, y0, w, h = first_view(*size)
    for cid, (x, y, bw, bh) in screen_boxes(anchors, levels[0], 1.0).items():
        assert x0 <= x and x + bw <= x0 + w and y0 <= y and y + bh <= y0 + h, CITIES[cid][0]


def test_zoom_ladder_ends_at_the_maximum():
    assert zoom_ladder(8.0) == [1.0, 1.5, 2.25, 3.375, 5.0625, 7.59375, 8.0]
    assert max_zoom(0.5, 1.0) == 6.0 and max_zoom(2.0, 1.0) == 4.0
    assert level_for([1.0, 2.0, 4.0], 0.5) == 0 and level_for([1.0, 2.0, 4.0], 3.9) == 1
    assert level_for([1.0, 2.0, 4.0], 4.0) == 2


def points_at(width, height, zoom):
    scale = min(width / ASSET.width_km, height / ASSET.height_km) * zoom
    return [(cid, *(v * scale for v in ASSET.place(lat, lon))) for cid, (_, lat, lon) in CITIES.items()]


def where(points, name):
    return next((x, y) for cid, x, y in points if cid == BY_NAME[name])


@pytest.mark.parametrize("name", ["Магадан", "Норильск", "Якутск", "Омск"])
def test_a_touch_on_a_lone_city_means_that_city(name):
    points = points_at(1920, 1000, 1.0)
    x, y = where(points, name)
    assert hit(points, x + 8, y - 8, reach=32).city_id == BY_NAME[name]


def test_a_touch_in_the_urals_zoomed_out_offers_a_chooser_with_the_city():
    points = points_at(1920, 1000, 1.0)
    x, y = where(points, "Екатеринбург")
    result = hit(points, x, y, reach=32)
    assert result.city_id is None
    assert {BY_NAME["Екатеринбург"], BY_NAME["Верхняя Пышма"]} <= set(result.choices)


@pytest.mark.parametrize(
    "name",
    [
        "Екатеринбург",
        "Верхняя Пышма",
        "Прокопьевск",
        "Новокузнецк",
        "Подольск",
        "Зеленодольск",
        "Казань",
        "Миасс",
        "Златоуст",
    ],
)
def test_zoomed_in_a_touch_in_a_crowd_reaches_the_city_meant(name):
    points = points_at(1920, 1000, max_zoom(fit(1920, 1000), 1.0))
    x, y = where(points, name)
    assert hit(points, x + 4, y + 4, reach=32).city_id == BY_NAME[name]


def test_a_touch_on_empty_land_means_nothing():
    assert hit(points_at(1920, 1000, 1.0), 5, 5, reach=32) == hit([], 0, 0, reach=32)


@pytest.mark.parametrize(
    "second, meant",
    [
        (20.0, 1),  # the next city 16 px (half the reach) farther than the nearest: the nearest is clear
        (19.9, None),  # just under half the reach: a fingertip cannot tell them apart, so a chooser
        (12.0, None),  # 8 px farther (a quarter of the reach): a chooser
    ],
)
def test_the_nearest_city_is_meant_only_by_half_the_reach_or_more(second, meant):
    """The margin that decides between a city and the chooser is half the reach (32 px here → 16 px)."""
    result = hit([(1, 4.0, 0.0), (2, second, 0.0)], 0.0, 0.0, reach=32)
    assert result.city_id == meant
    assert result.choices == (() if meant else (1, 2))
