"""Issue 21: the map in portrait fills its frame. The map is only as tall as the country is at the screen's width
(before, ~40 % of its height were empty bands), the room under it holds the year control and the cities by
name, and the view's edges fade where they cut the land (no hard line at Chukotka)."""

from __future__ import annotations

import pytest

from kiosk.data.text.folding import folded

from tests.helpers.kiosk import on_screen
from tests.helpers.qt import find, wait_until
from tests.ui.test_map import open_map

MIN_LAND_SHARE = 0.8  # of the map's area covered by the country's frame at zoom 1 (it was ~0.55)


def land_share(app, view) -> float:
    """The country's frame (CityMap.focus) on screen, as a share of the map view's area."""
    x, y, w, h = app.city_map.property("focus")
    scale = view.property("kmScale")
    left, top = x * scale - view.property("contentX"), y * scale - view.property("contentY")
    seen_w = max(0.0, min(view.width(), left + w * scale) - max(0.0, left))
    seen_h = max(0.0, min(view.height(), top + h * scale) - max(0.0, top))
    return seen_w * seen_h / (view.width() * view.height())


@pytest.mark.parametrize("size", [(1080, 1920), (1920, 1080)], ids=["portrait", "landscape"])
def test_the_country_fills_the_map(make_kiosk, shell_db, size):
    app, _finger, view = open_map(make_kiosk, shell_db, size=size)
    assert wait_until(lambda: view.property("kmScale") > 0)
    assert land_share(app, view) >= MIN_LAND_SHARE, f"{land_share(app, view):.2f}"
    for side in ("Left", "Right", "Top", "Bottom"):  # wherever the view cuts through the land, it ends softly
        fade = find(view, "mapFade" + side)
        along, across = (fade.height(), fade.width()) if side in ("Left", "Right") else (fade.width(), fade.height())
        assert (
            fade.isVisible()
            and along == (view.height() if side in ("Left", "Right") else view.width())
            and across >= 20
        ), side


def test_portrait_lists_the_cities_shown_under_the_map(make_kiosk, shell_db):
    app, finger, view = open_map(make_kiosk, shell_db, size=(1080, 1920))
    cities = find(app.window, "mapCityList")
    panel = find(app.window, "mapPanel")
    assert cities.isVisible() and cities.height() >= 200 and cities.property("count") == 70
    assert view.y() + view.height() <= panel.y() + 1  # under the map, not over it
    first = min(c.year for c in app.database.repository.cities())
    finger.tap(find(app.window, f"mapYear_{first}"))  # the year control narrows the list as it does the dots
    assert wait_until(
        lambda: cities.property("count") == sum(c.year == first for c in app.database.repository.cities())
    )
    button = cities.property("contentItem").childItems()[0]
    names = sorted((c.name for c in app.database.repository.cities() if c.year == first), key=folded)
    assert button.property("text") == names[0]  # by name, as a visitor reads a list (ё with е)
    finger.tap(button)
    assert wait_until(lambda: on_screen(app, "cityScreen"))
