"""Issue 22 item 1 over an open overlay: Tab and Shift+Tab stay inside the topmost item card or photo viewer
(the page under it is never reached), and Escape or «Назад» closes it and gives the focus back to what opened
it. Keys only, windowed 1280×800 (a school PC)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.helpers.kiosk import visit_city
from tests.helpers.qt import Finger, find, wait_until
from tests.ui.test_city_gallery import gallery_db  # noqa: F401 — a fixture, used by name
from tests.ui.test_keyboard_access import focus, press, tab_to

K = Qt.Key


def windowed(make_kiosk, db):
    app = make_kiosk(db, windowed=True, size=(1280, 800))
    app.window.requestActivate()
    assert wait_until(lambda: app.window.activeFocusItem() is not None)
    return app


def inside(app, overlay) -> bool:
    item = app.window.activeFocusItem()
    while item is not None:
        if item is overlay:
            return True
        item = item.parentItem()
    return False


def assert_tab_stays_in(app, overlay, keys: int = 25) -> set[str]:
    """Tab `keys` times, then Shift+Tab as often: every stop inside `overlay`; the names of the stops."""
    stops = set()
    for key in (K.Key_Tab, K.Key_Backtab):
        for _ in range(keys):
            press(app, key)
            assert inside(app, overlay), f"{key.name} left the overlay for {focus(app)!r}"
            stops.add(focus(app))
    return stops


def test_tab_stays_in_an_item_card_and_escape_returns_to_its_chip(make_kiosk, shell_db):
    app = windowed(make_kiosk, shell_db)
    assert tab_to(app, lambda f: f == "tileNovokuznetsk")
    press(app, K.Key_Return)
    press(app, K.Key_Tab, K.Key_Return)  # the first chapter
    assert tab_to(app, lambda f: f.startswith("nkRef_"))
    chip = focus(app)
    press(app, K.Key_Space)
    card = find(app.window, "nkItemCard")
    assert wait_until(lambda: card.isVisible() and focus(app) == "nkItemClose")
    stops = assert_tab_stays_in(app, card)
    assert {"nkItemClose", "nkItemSourceButton"} <= stops  # the card's own controls are all reachable
    press(app, K.Key_Escape)
    assert wait_until(lambda: not card.isVisible() and focus(app) == chip)
    press(app, K.Key_Tab)  # and the page's chain works again from there
    assert not inside(app, card) and focus(app) != chip


def test_tab_stays_in_the_photo_viewer_and_back_returns_to_the_picture(make_kiosk, gallery_db):  # noqa: F811
    app = windowed(make_kiosk, gallery_db)
    visit_city(app, Finger(app.window), 3)
    assert tab_to(app, lambda f: f == "galleryThumb_0")
    press(app, K.Key_Return)
    viewer = find(app.window, "imageViewer")
    assert wait_until(lambda: viewer.property("opacity") == 1 and inside(app, viewer))
    assert_tab_stays_in(app, viewer)
    Finger(app.window).tap(find(app.window, "backButton"))  # «Назад» closes the viewer, not the page
    assert wait_until(lambda: not viewer.isVisible() and focus(app) == "galleryThumb_0")
    assert find(app.window, "cityScreen").isVisible()


@pytest.mark.parametrize("key", [K.Key_Escape, K.Key_Backspace])
def test_viewer_closes_by_key_back_to_the_picture(make_kiosk, gallery_db, key):  # noqa: F811
    app = windowed(make_kiosk, gallery_db)
    visit_city(app, Finger(app.window), 3)
    assert tab_to(app, lambda f: f == "galleryThumb_1")
    press(app, K.Key_Return)
    viewer = find(app.window, "imageViewer")
    assert wait_until(lambda: viewer.property("opacity") == 1)
    press(app, K.Key_Tab, K.Key_Tab)
    press(app, key)
    assert wait_until(lambda: not viewer.isVisible() and focus(app) == "galleryThumb_1")
