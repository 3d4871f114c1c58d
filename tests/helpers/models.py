"""The catalog facade over invented records, for model tests that need no window."""

from __future__ import annotations

from tests.helpers.fake_data import FakeRepository, engine_for


def make_catalog(cities=None, tags=None):
    from kiosk.ui.models.catalog import Catalog

    repo = FakeRepository(cities, tags)
    catalog = Catalog()
    catalog.load(repo, engine_for(repo.cities()))
    return catalog
