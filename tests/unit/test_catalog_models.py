"""Catalog, facet and city-list logic (Qt core only, no window)."""

from __future__ import annotations

import sys

import pytest

from kiosk.ui.models.catalog import Catalog, paragraphs_of
from kiosk.ui.models.city_detail import TagLabel
from kiosk.ui.models.city_list import initial_letter
from kiosk.ui.models.facets import FacetFilter, district_short
from tests.helpers.fake_data import TAGS, FakeRepository, engine_for, fake_cities, huge_city
from tests.helpers.models import make_catalog


@pytest.fixture
def catalog(qapp):  # the session's QGuiApplication (tests/conftest.py): one app type per process
    # The kiosk always runs with kiosk_ru.qm installed (LanguageService): Qt's %n forms come from it.
    from PySide6.QtCore import QCoreApplication, QTranslator

    from devtools import translations_tool

    russian = QTranslator()
    assert russian.load(str(translations_tool.qm_path("ru")))
    QCoreApplication.installTranslator(russian)
    yield make_catalog()
    QCoreApplication.removeTranslator(russian)


def names(catalog):
    by_id = {c.id: c.name for c in fake_cities()}
    return [by_id[i] for i in catalog.ids()]


def facet(model, value):
    return next(i for i in model.items() if i["value"] == value)


def test_unfiltered_is_alphabetical_with_yo_under_ye(catalog):
    assert catalog.count == catalog.total == 14
    got = names(catalog)
    assert got[0] == "Астрахань"
    assert got.index("Екатеринбург") < got.index("Ёлкинск") < got.index("Казань")
    assert catalog.alphabet == ["А", "Б", "Е", "К", "Н", "П", "С", "Ч"]
    assert "Ё" not in catalog.alphabet


def test_display_order_can_be_kept(qapp):
    repo = FakeRepository()
    c = Catalog(order="display")
    c.load(repo, engine_for(repo.cities()))
    assert c.ids() == list(range(1, 15))


def test_query_uses_engine_ranking_and_counts(catalog):
    catalog.query = "ка"
    assert names(catalog)[:2] == ["Казань", "Каменск-Уральский"]  # name prefix first, then region hits
    assert catalog.countText.startswith("Найдено")
    catalog.query = "kazan"
    assert names(catalog) == ["Казань"]
    assert catalog.countText.replace("\u00a0", " ") == "Найден 1 город из 14"
    catalog.query = "   "
    assert catalog.count == 14 and catalog.countText.replace("\u00a0", " ") == "Всего 14 городов"


def test_engine_failure_searches_again_with_a_fresh_engine(qapp):
    class Broken:
        def search(self, q):
            raise RuntimeError("no such column: 34")

    repo = FakeRepository()
    c = Catalog()
    c.load(repo, Broken())
    c.query = "Казань"
    assert c.ids() == [4]


def test_facets_and_across_kinds_or_within(catalog):
    catalog.toggleYear(2020)
    assert catalog.count == 4
    catalog.toggleYear(2021)
    assert catalog.count == 8  # OR within years
    catalog.toggleDistrict("Уральский федеральный округ")
    assert sorted(names(catalog)) == ["Екатеринбург", "Каменск-Уральский", "Челябинск"]  # AND across kinds
    assert catalog.filterSummary == "2020 или 2021 · Уральский"
    catalog.toggleTag("metal")
    assert sorted(names(catalog)) == ["Каменск-Уральский", "Челябинск"]
    assert catalog.activeFilterCount == 4
    catalog.clearFilters()
    assert catalog.count == 14 and not catalog.filtersActive


def test_counts_reflect_other_filters_not_own(catalog):
    catalog.toggleDistrict("Уральский федеральный округ")
    years = {i["value"]: i["count"] for i in catalog.years.items()}
    assert years == {2020: 2, 2021: 1, 2022: 0, 2023: 0, 2024: 0, 2025: 1}
    districts = {i["value"]: i["count"] for i in catalog.districts.items()}
    assert districts["Приволжский федеральный округ"] == 3  # own kind ignored: shows what a tap would add
    catalog.toggleYear(2020)
    assert facet(catalog.districts, "Приволжский федеральный округ")["count"] == 2
    assert facet(catalog.years, 2020)["checked"] is True
    catalog.query = "челяб"
    assert facet(catalog.years, 2020)["count"] == 1
    assert facet(catalog.years, 2021)["count"] == 0


def test_unused_tags_are_not_offered_and_districts_in_official_order(catalog):
    assert "unused" not in catalog.tags.values()
    assert [district_short(d) for d in catalog.districts.values()] == [
        "Центральный",
        "Северо-Западный",
        "Южный",
        "Северо-Кавказский",
        "Приволжский",
        "Уральский",
        "Сибирский",
        "Дальневосточный",
    ]


def test_letters_and_index(catalog):
    assert catalog.indexOfLetter("К") == names(catalog).index("Казань")
    assert catalog.indexOfLetter("Ё") == names(catalog).index("Екатеринбург")  # Ё is filed under Е
    catalog.toggleYear(2022)
    assert catalog.letters == ["Е", "С"]
    assert catalog.indexOfLetter("К") == -1
    assert catalog.indexOfLetter("С") == 1


def test_city_details(catalog):
    d = catalog.city(4)
    assert d.name == "Казань" and d.year == 2020
    assert d.paragraphs and all(p.strip() == p and p for p in d.paragraphs)
    assert len(d.paragraphs) == 3  # the blank line is dropped
    assert d.tags[0] == TagLabel(id="aviation", label="Авиация", icon="mdi6.airplane")
    assert d.memorial.kind == "Стела" and d.memorial.url.startswith("https://")
    assert catalog.city(5).memorial is None
    assert catalog.city(9).paragraphs == ()
    assert catalog.city(12345) is None


def test_neighbours_follow_filtered_order_and_stop_at_ends(catalog):
    catalog.toggleDistrict("Уральский федеральный округ")
    order = catalog.ids()
    first, second = order[0], order[1]
    n = catalog.neighbours(first)
    assert n.previous == 0 and n.next == second and n.position == 1 and n.count == len(order)
    last = catalog.neighbours(order[-1])
    assert last.next == 0 and last.previous == order[-2]
    outside = catalog.neighbours(4)  # Казань is not in the result: step through everything
    assert outside.count == 14


def test_reset_clears_query_and_facets(catalog):
    catalog.query = "ка"
    catalog.toggleTag("ships")
    catalog.reset()
    assert catalog.query == "" and catalog.count == 14 and not catalog.narrowed


def test_reload_keeps_valid_ticks_and_drops_vanished_values(catalog):
    catalog.toggleYear(2025)
    catalog.toggleTag("tanks")
    fewer = [c for c in fake_cities() if c.year != 2025]
    catalog.set_data(fewer, TAGS, engine_for(fewer))
    assert 2025 not in catalog.years.values()
    assert catalog.filterSummary == "Танки"
    assert catalog.total == 13


def test_paragraphs_and_huge_text():
    assert paragraphs_of("a\n\n  \n b \n") == ["a", "b"]
    assert paragraphs_of("") == []
    paras = paragraphs_of(huge_city().text)
    assert max(len(p) for p in paras) <= 2400
    assert sum(len(p) for p in paras) > 0.95 * len(huge_city().text)  # nothing lost but the line breaks


def test_initial_letter():
    assert initial_letter("ёлки") == "Е"
    assert initial_letter("  «Уфа»") == "У"
    assert initial_letter("") == "#"


def test_facet_filter_plain():
    f = FacetFilter()
    assert f.toggle("year", 2020) is True and f.active
    assert f.toggle("year", 2020) is False and not f.active


def test_model_roles(catalog):
    from PySide6.QtCore import Qt

    m = catalog.cities
    roles = {bytes(v).decode(): k for k, v in m.roleNames().items()}
    ix = m.index(m.rowOf(4), 0)
    assert m.data(ix, roles["name"]) == "Казань"
    assert m.data(ix, roles["tagIcons"]) == ["mdi6.airplane", "mdi6.hospital-box-outline"]
    assert m.data(ix, roles["letter"]) == "К"
    assert m.data(ix, Qt.ItemDataRole.DisplayRole) == "Казань"


def test_many_changes_do_not_eat_the_interpreters_true(catalog):
    """PySide6 6.12.0's Signal.emit() returned a borrowed True, so ~1000 filter taps aborted CPython 3.11
    (we pin 6.11.3)."""
    before = sys.getrefcount(True)
    for _ in range(200):
        catalog.toggleYear(2020)
        catalog.query = "ка" if catalog.query == "" else ""
    assert sys.getrefcount(True) >= before - 5


def test_the_role_numbers_are_qts():
    """kiosk/ui/models/roles.py spells Qt's role numbers out, so the start-up path never builds PySide's `Qt`."""
    from PySide6.QtCore import Qt

    from kiosk.ui.models.roles import DISPLAY_ROLE, USER_ROLE

    assert (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole) == (DISPLAY_ROLE, USER_ROLE)
