"""The map's projection keeps true relations: west stays west, north stays north, distances in proportion."""

from __future__ import annotations

import itertools

import pytest

from kiosk.data.map.projection import RUSSIA, great_circle_km, wrap_lon

PLACES = {  # (lat, lon)
    "Калининград": (54.71, 20.51),
    "Владивосток": (43.12, 131.89),
    "Мурманск": (68.97, 33.07),
    "Астрахань": (46.35, 48.04),
    "Москва": (55.76, 37.62),
    "Новосибирск": (55.02, 82.93),
    "Екатеринбург": (56.86, 60.62),
    "Магадан": (59.56, 150.80),
    "Анадырь": (64.73, 177.51),
    "Уэлен": (66.16, -169.81),
    "Якутск": (62.03, 129.72),
    "Каспийск": (42.88, 47.64),
}


def xy(name):
    return RUSSIA.project(*PLACES[name])


def test_kaliningrad_is_west_of_vladivostok():
    assert xy("Калининград")[0] < xy("Владивосток")[0]


def test_murmansk_is_north_of_astrakhan():
    assert xy("Мурманск")[1] < xy("Астрахань")[1]  # y points down


def test_west_to_east_order_holds_across_the_country_and_the_antimeridian():
    order = ["Калининград", "Москва", "Екатеринбург", "Новосибирск", "Якутск", "Магадан", "Анадырь", "Уэлен"]
    xs = [xy(n)[0] for n in order]
    assert xs == sorted(xs)


def test_central_meridian_points_straight_north():
    x_south, y_south = RUSSIA.project(50.0, 100.0)
    x_north, y_north = RUSSIA.project(70.0, 100.0)
    assert x_south == pytest.approx(0.0, abs=1e-6) and x_north == pytest.approx(0.0, abs=1e-6)
    assert y_north < y_south


@pytest.mark.parametrize("a,b", list(itertools.combinations(sorted(PLACES), 2)))
def test_distances_stay_in_proportion(a, b):
    """Conformal conic with standard parallels 52° and 64°: scale within about +9 % from 42° to 70° N."""
    on_map = ((xy(a)[0] - xy(b)[0]) ** 2 + (xy(a)[1] - xy(b)[1]) ** 2) ** 0.5
    true = great_circle_km(*PLACES[a], *PLACES[b])
    assert 0.97 < on_map / true < 1.10, (a, b, on_map, true)


def test_moscow_novosibirsk_on_the_map_is_about_the_real_2800_km():
    d = ((xy("Москва")[0] - xy("Новосибирск")[0]) ** 2 + (xy("Москва")[1] - xy("Новосибирск")[1]) ** 2) ** 0.5
    assert 2700 < d < 2950


def test_wrap_lon_brings_the_far_east_next_to_the_rest():
    assert wrap_lon(-170.0, 100.0) == 190.0
    assert wrap_lon(20.0, 100.0) == 20.0
