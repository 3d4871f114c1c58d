"""The kiosk's own keyboard: ЙЦУКЕН, Latin toggle, backspace, clear, hide; per-keystroke search in Python."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from cities_harness import Finger, wait_until, Kiosk, make_catalog


@pytest.fixture
def kiosk(qtbot):
    k = Kiosk(qtbot, make_catalog())
    yield k
    k.close()


def open_keyboard(k, finger):
    finger.tap(k.item("searchField"))
    kb = k.item("keyboard")
    assert wait_until(lambda: abs(kb.y() + kb.height() - k.window.height()) < 1)
    QTest.qWait(50)
    return kb


def type_keys(k, finger, *keys):
    for key in keys:
        finger.tap(k.item("key_" + key))


def test_type_kazan_backspace_clear_latin(kiosk):
    finger = Finger(kiosk.window)
    open_keyboard(kiosk, finger)
    type_keys(kiosk, finger, "К", "А", "З", "А", "Н")
    assert kiosk.catalog.query == "казан"
    assert kiosk.item("searchText").property("text") == "казан"
    assert kiosk.item("resultCount").property("text") == "Найден 1 город из 14"
    assert kiosk.catalog.ids() == [4]

    type_keys(kiosk, finger, "backspace", "backspace")
    assert kiosk.catalog.query == "каз"
    assert 4 in kiosk.catalog.ids()

    type_keys(kiosk, finger, "clear")
    assert kiosk.catalog.query == ""
    assert kiosk.catalog.count == 14

    type_keys(kiosk, finger, "latin")
    assert kiosk.maybe("key_Й") is None or not kiosk.maybe("key_Й").isVisible()
    type_keys(kiosk, finger, "K", "A", "Z", "A", "N")
    assert kiosk.catalog.query == "kazan"
    assert kiosk.catalog.ids() == [4]
    type_keys(kiosk, finger, "latin")
    assert kiosk.item("key_Й").isVisible()


def test_the_same_key_twice_and_space(kiosk):
    finger = Finger(kiosk.window)
    open_keyboard(kiosk, finger)
    type_keys(kiosk, finger, "Н", "Н", "space", "hyphen")
    assert kiosk.catalog.query == "нн -"


def test_hide_and_clear_button_in_field(kiosk):
    finger = Finger(kiosk.window)
    kb = open_keyboard(kiosk, finger)
    type_keys(kiosk, finger, "У")
    finger.tap(kiosk.item("searchClear"))
    assert kiosk.catalog.query == ""
    type_keys(kiosk, finger, "hide")
    assert wait_until(lambda: not kb.isVisible())
    assert not QGuiApplication.inputMethod().isVisible()


def test_opening_a_city_closes_the_keyboard(kiosk):
    finger = Finger(kiosk.window)
    kb = open_keyboard(kiosk, finger)
    type_keys(kiosk, finger, "К", "И")
    finger.tap(kiosk.item("cityCard_7"))  # Киров
    assert wait_until(lambda: kiosk.stack_top().objectName() == "cityScreen")
    assert not kb.isVisible() or kb.y() >= kiosk.window.height() - 1 or wait_until(lambda: not kb.isVisible())


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_keys_are_big_enough(qtbot, size):
    k = Kiosk(qtbot, make_catalog(), size)
    try:
        finger = Finger(k.window)
        kb = open_keyboard(k, finger)
        scale = min(size) / 1080
        keys = [i for i in k.walk(kb) if i.objectName().startswith("key_") and i.isVisible()]
        assert len(keys) >= 33 + 5
        for key in keys:
            assert key.width() >= 64 * scale and key.height() >= 64 * scale, key.objectName()
        a, b = k.item("key_Й"), k.item("key_Ц")
        assert b.x() - (a.x() + a.width()) >= 16 * scale
        if size[0] < size[1]:
            assert kb.width() == size[0]  # portrait: full width
            assert k.item("key_Ъ").mapToScene(k.item("key_Ъ").boundingRect().bottomRight()).x() <= size[0]
    finally:
        k.close()
