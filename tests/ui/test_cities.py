"""The cities screen, driven like a visitor: real touches on cards, facets, the index strip and the empty state."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from cities_harness import Finger, wait_until, Kiosk, make_catalog

SHOTS = "/tmp"


@pytest.fixture
def kiosk(qtbot):
    k = Kiosk(qtbot, make_catalog())
    yield k
    k.close()


def visible_card_ids(k: Kiosk) -> set[int]:
    grid = k.item("cityGrid")
    top, bottom = grid.property("contentY"), grid.property("contentY") + grid.height()
    out = set()
    for item in k.walk(grid):
        name = item.objectName()
        if name.startswith("cityCard_") and item.isVisible():
            y = item.mapToItem(grid.property("contentItem"), QPointF(0, 0)).y()
            if y + item.height() > top and y < bottom:
                out.add(int(name.split("_")[1]))
    return out


def all_card_ids(k: Kiosk) -> set[int]:
    grid = k.item("cityGrid")
    return {int(i.objectName().split("_")[1]) for i in k.walk(grid) if i.objectName().startswith("cityCard_")
            and i.isVisible()}


def wait_settled(ms=350):
    QTest.qWait(ms)


def bring_into_view(finger, item, flickable):
    """Scroll `flickable` with a finger until `item` is fully inside it, as a visitor would."""
    for _ in range(6):
        top = flickable.mapToScene(QPointF(0, 0)).y()
        bottom = top + flickable.height()
        y = item.mapToScene(QPointF(0, 0)).y()
        if y >= top and y + item.height() <= bottom:
            return
        dy = (bottom - (y + item.height()) - 20) if y + item.height() > bottom else (top - y + 20)
        finger.drag(QPointF(flickable.mapToScene(QPointF(flickable.width() / 2, flickable.height() / 2))),
                    0, max(-flickable.height() / 2, min(flickable.height() / 2, dy)), steps=10, step_ms=30)
        wait_until(lambda: not flickable.property("moving"), 3000)
    raise AssertionError(f"could not scroll {item.objectName()} into view")


def assert_plain_text(k: Kiosk):
    """Every Text on screen shows plain text: markup in the data appears as typed."""
    from PySide6.QtQml import QQmlEngine, QQmlExpression

    texts = [i for i in k.walk() if i.metaObject().className() == "QQuickText" and i.isVisible()]
    assert texts
    rich = []
    for t in texts:
        # A string, not a bool: PySide 6.12 miscounts references to the bools evaluate() returns.
        expr = QQmlExpression(QQmlEngine.contextForObject(t), t, "textFormat === Text.PlainText ? 'plain' : 'rich'")
        value = expr.evaluate()
        value = value[0] if isinstance(value, tuple) else value
        if value != "plain":
            rich.append(t.property("text"))
    assert rich == []


def test_tap_a_card_opens_the_city(kiosk):
    finger = Finger(kiosk.window)
    finger.tap(kiosk.item("cityCard_4"))
    assert wait_until(lambda: kiosk.stack_top().objectName() == "cityScreen")
    assert kiosk.item("cityName").property("text") == "Казань"


def test_facets_combine_and_counts_follow(kiosk):
    finger = Finger(kiosk.window)
    count = kiosk.item("resultCount")
    assert count.property("text") == "Всего 14 городов"

    finger.tap(kiosk.item("facetYear_2020"))
    assert count.property("text") == "Найдено 4 города из 14"
    finger.tap(kiosk.item("facetYear_2021"))
    assert count.property("text") == "Найдено 8 городов из 14"
    # Уральский is the 6th district in the official order (index 5)
    ural = kiosk.item("facetDistrict_5")
    assert kiosk.catalog.districts.get(5)["label"] == "Уральский"
    assert kiosk.catalog.districts.get(5)["count"] == 3  # among 2020 or 2021
    finger.tap(ural)
    wait_settled(100)
    assert count.property("text") == "Найдено 3 города из 14"
    assert kiosk.item("filterSummary").property("text") == "2020 или 2021 · Уральский"
    assert all_card_ids(kiosk) == {2, 3, 5}
    # counts reflect the other filters: 2022 has no Ural city, so its chip is dimmed and disabled
    y2022 = kiosk.item("facetYear_2022")
    assert y2022.property("count") == 0 and not y2022.isEnabled()
    metal = kiosk.item("facetTag_metal")
    bring_into_view(finger, metal, kiosk.item("facetPanel"))
    finger.tap(metal)
    assert count.property("text") == "Найдено 2 города из 14"
    assert all_card_ids(kiosk) == {3, 5}

    finger.tap(kiosk.item("clearFilters"))
    assert count.property("text") == "Всего 14 городов"
    assert len(all_card_ids(kiosk)) >= 9  # the grid shows (and has built) the whole collection again


def test_index_strip_jumps_the_grid(kiosk):
    finger = Finger(kiosk.window)
    grid = kiosk.item("cityGrid")
    assert grid.property("contentY") == pytest.approx(grid.property("originY"), abs=1)
    finger.tap(kiosk.item("letter_Ч"))
    wait_settled()
    assert grid.property("contentY") > grid.property("originY") + 100
    assert 3 in visible_card_ids(kiosk)  # Челябинск
    finger.tap(kiosk.item("letter_А"))
    wait_settled()
    assert 11 in visible_card_ids(kiosk)  # Астрахань
    # letters absent from the current result are disabled, not removed
    finger.tap(kiosk.item("facetYear_2022"))
    assert not kiosk.item("letter_Ч").isEnabled()
    assert kiosk.item("letter_С").isEnabled()


def test_grid_scrolls_kinetically(kiosk):
    finger = Finger(kiosk.window)
    grid = kiosk.item("cityGrid")
    start = grid.property("contentY")
    finger.swipe(grid, 0, -300)
    assert wait_until(lambda: grid.property("contentY") > start + 150)
    assert wait_until(lambda: not grid.property("moving"), 3000)


def test_empty_state_and_one_big_reset(kiosk):
    finger = Finger(kiosk.window)
    finger.tap(kiosk.item("searchField"))
    wait_settled()  # the keyboard slides up
    for key in ("key_Ж", "key_Ж", "key_Щ"):
        finger.tap(kiosk.item(key))
    assert kiosk.catalog.query == "жжщ"
    assert kiosk.item("resultCount").property("text") == "Найдено 0 городов из 14"
    assert kiosk.item("emptyState").isVisible()
    reset = kiosk.item("emptyReset")
    assert reset.height() >= 96
    finger.tap(reset)
    assert kiosk.catalog.query == "" and kiosk.catalog.count == 14
    assert not kiosk.item("emptyState").isVisible()


def test_search_field_is_display_only(kiosk):
    finger = Finger(kiosk.window)
    field = kiosk.item("searchField")
    finger.tap(field)
    wait_settled()
    assert not QGuiApplication.inputMethod().isVisible()
    assert kiosk.window.activeFocusItem() is None or kiosk.window.activeFocusItem().objectName() != "searchText"
    kb = kiosk.item("keyboard")
    assert kb.isVisible() and kb.y() + kb.height() <= kiosk.window.height() + 1


def test_touch_targets(kiosk):
    """≥ 64 px at 1080p, ≥ 16 px between chips."""
    names = ["facetYear_2020", "facetDistrict_0", "facetTag_tanks", "letter_К", "searchField", "cityCard_4"]
    for n in names:
        it = kiosk.item(n)
        assert it.width() >= 64 and it.height() >= 64, n
    a, b = kiosk.item("facetYear_2020"), kiosk.item("facetYear_2021")
    pa, pb = a.mapToScene(QPointF(0, 0)), b.mapToScene(QPointF(0, 0))
    assert pb.x() - (pa.x() + a.width()) >= 16 or pb.y() - (pa.y() + a.height()) >= 16


def test_data_text_is_plain(kiosk):
    assert_plain_text(kiosk)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (3840, 2160)])
def test_screenshots(qtbot, size):
    k = Kiosk(qtbot, make_catalog(), size)
    try:
        wait_settled(300)
        grid = k.item("cityGrid")
        assert grid.width() > 0 and grid.height() > 0
        # nothing of ours under the shell's top bar
        assert k.item("searchField").mapToScene(QPointF(0, 0)).y() >= k.window.property("height") * 0 + _bar(k)
        k.grab(f"{SHOTS}/cities_{size[0]}x{size[1]}.png")
        if size == (1080, 1920):
            Finger(k.window).tap(k.item("filtersToggle"))
            Finger(k.window).tap(k.item("searchField"))
            wait_settled(400)
            k.grab(f"{SHOTS}/cities_{size[0]}x{size[1]}_open.png")
            kb = k.item("keyboard")
            assert kb.width() == size[0]
        if size == (1920, 1080):
            Finger(k.window).tap(k.item("facetYear_2021"))
            Finger(k.window).tap(k.item("searchField"))
            wait_settled()
            Finger(k.window).tap(k.item("key_К"))
            wait_settled(400)
            k.grab(f"{SHOTS}/cities_{size[0]}x{size[1]}_keyboard.png")
    finally:
        k.close()


def _bar(k):
    return k.item("shellBar").height()


@pytest.fixture
def real_catalog(built_db):
    from kiosk.data.repository import Repository
    from kiosk.data.search import SearchEngine
    from kiosk.ui.models.catalog import Catalog

    repo = Repository.open(built_db)
    catalog = Catalog()
    catalog.load(repo, SearchEngine.from_repository(repo))
    return catalog


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_real_database_search_and_screens(qtbot, real_catalog, size):
    k = Kiosk(qtbot, real_catalog, size)
    try:
        finger = Finger(k.window)
        assert k.item("resultCount").property("text") == f"Всего {real_catalog.total} городов"
        k.grab(f"{SHOTS}/real_cities_{size[0]}x{size[1]}.png")
        finger.tap(k.item("searchField"))
        wait_settled()
        for key in ("К", "А", "З", "А", "Н"):
            finger.tap(k.item("key_" + key))
        first = real_catalog.ids()[0]
        assert real_catalog.city(first)["name"] == "Казань"
        finger.tap(k.item(f"cityCard_{first}"))
        assert wait_until(lambda: k.stack_top().objectName() == "cityScreen")
        assert wait_until(lambda: not k.item("stack").property("busy"))
        QTest.qWait(100)
        k.grab(f"{SHOTS}/real_city_{size[0]}x{size[1]}.png")
        assert_plain_text(k)
    finally:
        k.close()
