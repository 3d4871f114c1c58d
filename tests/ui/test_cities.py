"""The cities screen in the real shell, reached and driven like a visitor: cards, facets, the index strip, the
empty state. The data are the fourteen invented cities (tests/helpers/fake_data.py) built by the real build."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QGuiApplication

from tests.helpers.kiosk import (
    assert_plain_text,
    bring_into_view,
    grab,
    open_cities,
    open_city,
    open_keyboard,
    texts_in,
    type_keys,
)
from tests.helpers.qt import Finger, find, walk, wait_until


@pytest.fixture
def kiosk(make_kiosk, fake_db):
    """The real kiosk, on the cities screen after a tap on the home tile; `.finger` is the visitor's finger."""
    app = make_kiosk(fake_db)
    app.finger = Finger(app.window)
    open_cities(app, app.finger)
    return app


def visible_card_ids(app) -> set[int]:
    grid = find(app.window, "cityGrid")
    top, bottom = grid.property("contentY"), grid.property("contentY") + grid.height()
    out = set()
    for item in walk(grid):
        name = item.objectName()
        if name.startswith("cityCard_") and item.isVisible():
            y = item.mapToItem(grid.property("contentItem"), QPointF(0, 0)).y()
            if y + item.height() > top and y < bottom:
                out.add(int(name.split("_")[1]))
    return out


def all_card_ids(app) -> set[int]:
    grid = find(app.window, "cityGrid")
    return {
        int(i.objectName().split("_")[1])
        for i in walk(grid)
        if i.objectName().startswith("cityCard_") and i.isVisible()
    }


def grid_still(app) -> bool:
    grid = find(app.window, "cityGrid")
    return not grid.property("moving") and not grid.property("flicking")


def test_tap_a_card_opens_the_city(kiosk):
    open_city(kiosk, kiosk.finger, 4)
    assert find(kiosk.window, "cityName").property("text") == "Казань"
    assert find(kiosk.window, "backButton").isVisible()  # the shell's bar leads back to the cities


def test_facets_combine_and_counts_follow(kiosk):
    finger = kiosk.finger
    count = find(kiosk.window, "resultCount")
    assert count.property("text").replace("\u00a0", " ") == "Всего 14 городов"

    finger.tap(find(kiosk.window, "facetYear_2020"))
    assert count.property("text").replace("\u00a0", " ") == "Найдено 4 города из 14"
    finger.tap(find(kiosk.window, "facetYear_2021"))
    assert count.property("text").replace("\u00a0", " ") == "Найдено 8 городов из 14"
    # Уральский is the 6th district in the official order (index 5)
    ural = find(kiosk.window, "facetDistrict_5")
    bring_into_view(finger, ural, find(kiosk.window, "facetPanel"))  # the column scrolls: 28 px labels need room
    assert ural.property("text") == "Уральский"
    assert ural.property("count") == 3  # among 2020 or 2021
    finger.tap(ural)
    assert wait_until(lambda: count.property("text").replace("\u00a0", " ") == "Найдено 3 города из 14")
    assert find(kiosk.window, "filterSummary").property("text").replace("\u00a0", " ") == "2020 или 2021 · Уральский"
    assert wait_until(lambda: all_card_ids(kiosk) == {2, 3, 5})
    # counts reflect the other filters: 2022 has no Ural city, so its chip is dimmed and disabled
    y2022 = find(kiosk.window, "facetYear_2022")
    assert y2022.property("count") == 0 and not y2022.isEnabled()
    metal = find(kiosk.window, "facetTag_metal")
    bring_into_view(finger, metal, find(kiosk.window, "facetPanel"))
    finger.tap(metal)
    assert count.property("text").replace("\u00a0", " ") == "Найдено 2 города из 14"
    assert wait_until(lambda: all_card_ids(kiosk) == {3, 5})

    finger.tap(find(kiosk.window, "clearFilters"))
    assert count.property("text").replace("\u00a0", " ") == "Всего 14 городов"
    assert wait_until(lambda: len(all_card_ids(kiosk)) >= 9)  # the grid shows the whole collection again


def test_index_strip_jumps_the_grid(kiosk):
    finger = kiosk.finger
    grid = find(kiosk.window, "cityGrid")
    assert grid.property("contentY") == pytest.approx(grid.property("originY"), abs=1)
    finger.tap(find(kiosk.window, "letter_Ч"))
    assert wait_until(lambda: grid_still(kiosk) and 3 in visible_card_ids(kiosk))  # Челябинск
    assert grid.property("contentY") > grid.property("originY") + 100
    finger.tap(find(kiosk.window, "letter_А"))
    assert wait_until(lambda: grid_still(kiosk) and 11 in visible_card_ids(kiosk))  # Астрахань
    # letters absent from the current result are disabled, not removed
    finger.tap(find(kiosk.window, "facetYear_2022"))
    assert not find(kiosk.window, "letter_Ч").isEnabled()
    assert find(kiosk.window, "letter_С").isEnabled()


def test_grid_scrolls_kinetically(kiosk):
    grid = find(kiosk.window, "cityGrid")
    start = grid.property("contentY")
    kiosk.finger.swipe(grid, 0, -300)
    assert wait_until(lambda: grid.property("contentY") > start + 150)
    assert wait_until(lambda: grid_still(kiosk), 3000)


def test_empty_state_and_one_big_reset(kiosk):
    finger = kiosk.finger
    open_keyboard(kiosk, finger)
    type_keys(kiosk, finger, "Ж", "Ж", "Щ")
    assert kiosk.catalog.query == "Жжщ"
    assert find(kiosk.window, "resultCount").property("text").replace("\u00a0", " ") == "Найдено 0 городов из 14"
    assert wait_until(lambda: find(kiosk.window, "emptyState").isVisible())
    reset = find(kiosk.window, "emptyReset")
    assert reset.height() >= 96
    finger.tap(reset)
    assert kiosk.catalog.query == "" and kiosk.catalog.count == 14
    assert not find(kiosk.window, "emptyState").isVisible()


def test_search_field_is_display_only(kiosk):
    kb = open_keyboard(kiosk, kiosk.finger)
    assert not QGuiApplication.inputMethod().isVisible()
    focus = kiosk.window.activeFocusItem()
    assert focus is None or focus.objectName() != "searchText"
    assert kb.isVisible() and kb.y() + kb.height() <= kiosk.window.height() + 1


def test_touch_targets(kiosk):
    """≥ 64 px at 1080p, ≥ 16 px between chips."""
    for name in ("facetYear_2020", "facetDistrict_0", "facetTag_tanks", "letter_К", "searchField", "cityCard_4"):
        item = find(kiosk.window, name)
        assert item.width() >= 64 and item.height() >= 64, name
    a, b = find(kiosk.window, "facetYear_2020"), find(kiosk.window, "facetYear_2021")
    pa, pb = a.mapToScene(QPointF(0, 0)), b.mapToScene(QPointF(0, 0))
    assert pb.x() - (pa.x() + a.width()) >= 16 or pb.y() - (pa.y() + a.height()) >= 16


def test_data_text_is_plain(kiosk):
    assert_plain_text(kiosk.window)
    assert "<b>Стела</b> & знак" not in texts_in(kiosk.window.contentItem())  # cards show no memorial title


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (3840, 2160)])
def test_layout_at_every_kiosk_size(make_kiosk, fake_db, size, tmp_path):
    app = make_kiosk(fake_db, size=size)
    finger = Finger(app.window)
    open_cities(app, finger)
    grid = find(app.window, "cityGrid")
    assert grid.width() > 0 and grid.height() > 0
    # nothing of ours under the shell's top bar
    assert find(app.window, "searchField").mapToScene(QPointF(0, 0)).y() >= find(app.window, "topBar").height()
    grab(app, tmp_path / f"cities_{size[0]}x{size[1]}.png")
    if size == (1080, 1920):
        finger.tap(find(app.window, "filtersToggle"))
        kb = open_keyboard(app, finger)
        assert kb.width() == size[0]
        grab(app, tmp_path / f"cities_{size[0]}x{size[1]}_open.png")
    if size == (1920, 1080):
        finger.tap(find(app.window, "facetYear_2021"))
        open_keyboard(app, finger)
        type_keys(app, finger, "К")
        assert app.catalog.query == "К"
        grab(app, tmp_path / f"cities_{size[0]}x{size[1]}_keyboard.png")


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_real_database_kazan_typed_on_the_keyboard(make_kiosk, shell_db, size, tmp_path):
    app = make_kiosk(shell_db, size=size)
    finger = Finger(app.window)
    open_cities(app, finger)
    total = len(app.database.repository.cities())
    assert find(app.window, "resultCount").property("text").replace("\u00a0", " ") == f"Всего {total} городов"
    open_keyboard(app, finger)
    type_keys(app, finger, "К", "А", "З", "А", "Н")
    first = app.catalog.ids()[0]
    assert app.catalog.city(first).name == "Казань"
    open_city(app, finger, first)
    assert find(app.window, "cityName").property("text") == "Казань"
    assert_plain_text(app.window)
    grab(app, tmp_path / f"real_city_{size[0]}x{size[1]}.png")


def test_school_mode_mouse_wheel_and_click(make_kiosk, fake_db):
    """School mode has a mouse: the wheel scrolls the grid and a click opens a city."""
    from tests.helpers.qt import Mouse

    app = make_kiosk(fake_db, windowed=True, size=(1280, 800))
    mouse = Mouse(app.window)
    mouse.click(find(app.window, "tileCities"))
    assert wait_until(lambda: app.driver.current_name() == "citiesScreen" and grid_still(app))
    grid = find(app.window, "cityGrid")
    start = grid.property("contentY")
    mouse.wheel(grid, -3)
    assert wait_until(lambda: grid.property("contentY") > start + 50 and grid_still(app))
    top, bottom = grid.mapToScene(QPointF(0, 0)).y(), grid.mapToScene(QPointF(0, grid.height())).y()

    def centre_y(cid):
        item = find(app.window, f"cityCard_{cid}")
        return item.mapToScene(QPointF(0, item.height() / 2)).y()

    card = min((cid for cid in visible_card_ids(app) if top < centre_y(cid) < bottom), key=centre_y)
    mouse.click(find(app.window, f"cityCard_{card}"))
    assert wait_until(lambda: app.driver.current_name() == "cityScreen")
    assert find(app.window, "cityName").property("text") == app.catalog.city(card).name
