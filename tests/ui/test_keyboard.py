"""The kiosk's own keyboard in the real shell: ЙЦУКЕН, Latin toggle, backspace, clear, hide; per-keystroke search
in Python. Reached by touch: home tile → cities → the search field."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from tests.helpers.kiosk import open_cities, open_city, open_keyboard, type_keys
from tests.helpers.qt import Finger, find, maybe, walk, wait_until


@pytest.fixture
def app(make_kiosk, fake_db):
    app = make_kiosk(fake_db)
    app.finger = Finger(app.window)
    open_cities(app, app.finger)
    return app


def test_type_kazan_backspace_clear_latin(app):
    finger = app.finger
    open_keyboard(app, finger)
    type_keys(app, finger, "К", "А", "З", "А", "Н")
    assert app.catalog.query == "Казан"
    assert find(app.window, "searchText").property("text") == "Казан"
    assert find(app.window, "resultCount").property("text").replace("\u00a0", " ") == "Найден 1 город из 14"
    assert app.catalog.ids() == [4]

    type_keys(app, finger, "backspace", "backspace")
    assert app.catalog.query == "Каз"
    assert 4 in app.catalog.ids()

    type_keys(app, finger, "clear")
    assert app.catalog.query == ""
    assert app.catalog.count == 14

    type_keys(app, finger, "latin")
    cyrillic = maybe(app.window, "key_Й")
    assert cyrillic is None or not cyrillic.isVisible()
    type_keys(app, finger, "K", "A", "Z", "A", "N")
    assert app.catalog.query == "Kazan"
    assert app.catalog.ids() == [4]
    type_keys(app, finger, "latin")
    assert find(app.window, "key_Й").isVisible()


def test_the_same_key_twice_and_space(app):
    open_keyboard(app, app.finger)
    type_keys(app, app.finger, "Н", "Н", "space", "hyphen")
    assert app.catalog.query == "Нн -"


def test_hide_and_clear_button_in_field(app):
    kb = open_keyboard(app, app.finger)
    type_keys(app, app.finger, "У")
    app.finger.tap(find(app.window, "searchClear"))
    assert app.catalog.query == ""
    type_keys(app, app.finger, "hide")
    assert wait_until(lambda: not kb.isVisible())
    assert not QGuiApplication.inputMethod().isVisible()


def test_opening_a_city_closes_the_keyboard(app):
    kb = open_keyboard(app, app.finger)
    type_keys(app, app.finger, "К", "И")
    open_city(app, app.finger, 7)  # Киров
    assert wait_until(lambda: not kb.isVisible() or kb.y() >= app.window.height() - 1)


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_keys_are_big_enough(make_kiosk, fake_db, size):
    app = make_kiosk(fake_db, size=size)
    finger = Finger(app.window)
    open_cities(app, finger)
    kb = open_keyboard(app, finger)
    scale = min(size) / 1080
    keys = [i for i in walk(kb) if i.objectName().startswith("key_") and i.isVisible()]
    assert len(keys) >= 33 + 5
    for key in keys:
        assert key.width() >= 64 * scale and key.height() >= 64 * scale, key.objectName()
    a, b = find(app.window, "key_Й"), find(app.window, "key_Ц")
    assert b.x() - (a.x() + a.width()) >= 16 * scale
    if size[0] < size[1]:
        assert kb.width() == size[0]  # portrait: full width
        hard = find(app.window, "key_Ъ")
        assert hard.mapToScene(hard.boundingRect().bottomRight()).x() <= size[0]
