"""CityMap (kiosk/ui/models/map_model.py) without QML: which cities get a point, counts, and touches."""

from __future__ import annotations

from dataclasses import replace

from kiosk.data.store.records import City
from kiosk.ui.models.map_model import MapModel


class Repo:
    def __init__(self, cities):
        self._cities = cities

    def cities(self):
        return self._cities


def city(cid, name, year, lat, lon):
    return City(id=cid, name=name, region="—", federal_district="—", year=year, text="", headline="", lat=lat, lon=lon)


def test_cities_without_coordinates_or_off_the_map_are_listed_not_placed(qapp):
    model = MapModel()
    model.load(
        Repo(
            [
                city(1, "Новосибирск", 2021, 55.02, 82.93),
                city(2, "Новый город", 2025, None, None),
                city(3, "Буэнос-Айрес", 2024, -34.6, -58.4),
            ]
        )
    )
    assert [c.city_id for c in model.cities.rows] == [1]
    assert [c.city_id for c in model.unplaced.rows] == [2, 3]
    assert model.countUpTo(2021) == 1 and model.countUpTo(2025) == 3 and model.countIn(2025) == 1
    assert model.point(2) is None and model.point(1)["x"] > 0


def test_a_touch_sees_only_the_years_shown(qapp):
    model = MapModel()
    nsk = city(1, "Новосибирск", 2021, 55.02, 82.93)
    model.load(Repo([nsk, replace(nsk, id=2, name="Бердск", year=2025, lat=54.76, lon=83.09)]))
    model.layout(1920, 1000, 1.0, "PT Sans", 26, 11, 6)
    scale = model.fitScale
    x, y = model.cities.rows[0].x * scale, model.cities.rows[0].y * scale
    assert model.touch(x, y, 1.0, 36, 2025)["choices"]  # two cities 30 km apart, zoomed out: a chooser
    assert model.touch(x, y, 1.0, 36, 2021) == {"cityId": 1, "choices": []}
    assert model.touch(x + 500, y, 1.0, 36, 2025) == {"cityId": 0, "choices": []}


def test_the_keyboard_steps_over_cities_the_year_control_hides(qapp):
    model = MapModel()
    nsk = city(1, "Новосибирск", 2021, 55.02, 82.93)
    later = replace(nsk, id=2, name="Бердск", year=2025, lat=54.76, lon=83.09)
    model.load(Repo([nsk, later, replace(nsk, id=3, name="Томск", year=2021, lat=56.5, lon=84.97)]))
    assert model.step(0, 1, 2021) == 2 and model.step(2, 1, 2021) == 0 and model.step(0, -1, 2021) == 2
    assert model.step(0, 1, 2025) == 1
    assert model.cities.count == 3 and model.revision == 1
