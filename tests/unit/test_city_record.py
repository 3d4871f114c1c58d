"""CityRecord: the city screen's typed view of one city, following its catalogue (filters, reloads)."""

from __future__ import annotations

import dataclasses

import pytest

from tests.helpers.fake_data import FakeRepository
from tests.helpers.models import make_catalog


@pytest.fixture
def record(qapp):
    from kiosk.ui.models.city_record import CityRecord

    catalog = make_catalog()
    rec = CityRecord()
    rec.catalog = catalog
    rec.cityId = 4
    yield rec, catalog
    rec.catalog = None


def test_fields_are_the_city(record):
    rec, _ = record
    assert rec.known and rec.name == "Казань" and rec.year == 2020
    assert rec.region == "Республика Татарстан" and rec.federalDistrict == "Приволжский федеральный округ"
    assert len(rec.paragraphs) == 3 and rec.tagCount == rec.tags.rowCount() > 0
    tags = rec.tags
    first = {bytes(name).decode(): tags.data(tags.index(0, 0), role) for role, name in tags.roleNames().items()}
    assert first == {"tagId": "aviation", "label": "Авиация", "icon": "mdi6.airplane"}
    assert rec.hasMemorial and rec.memorial.present and rec.memorial.kind == "Стела"


def test_an_unknown_city_is_empty_not_an_error(record):
    rec, _ = record
    rec.cityId = 12345
    assert not rec.known and rec.name == "" and rec.tagCount == 0 and not rec.memorial.present


def test_neighbours_follow_the_filters(record):
    rec, catalog = record
    everything = rec.count
    catalog.toggleYear(2020)
    assert rec.count == catalog.count < everything  # Казань (2020) steps through the filtered result now


def test_a_reload_refreshes_the_fields(record):
    rec, catalog = record
    changed = []
    rec.changed.connect(lambda: changed.append(rec.name))
    repo = FakeRepository()
    renamed = [dataclasses.replace(c, name="Казань-на-Волге") if c.id == 4 else c for c in repo.cities()]
    catalog.set_data(renamed, list(repo.tags()))
    assert rec.name == "Казань-на-Волге" and changed == ["Казань-на-Волге"]
