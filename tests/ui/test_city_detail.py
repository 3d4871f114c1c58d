"""The city screen: reading, memorial with QR, and stepping through the current filtered order by swipe or button."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtTest import QTest

from cities_harness import Finger, wait_until, Kiosk, fake_cities, huge_city, make_catalog
from test_cities import assert_plain_text, bring_into_view


@pytest.fixture
def kiosk(qtbot):
    k = Kiosk(qtbot, make_catalog())
    yield k
    k.close()


def open_city(k, city_id, finger=None):
    # One Finger per window: a second QTest touch device makes the first one's later gestures go astray.
    finger = finger or Finger(k.window)
    card = k.item(f"cityCard_{city_id}")
    grid = k.item("cityGrid")
    bring_into_view(finger, card, grid)
    finger.tap(card)
    assert wait_until(lambda: k.stack_top().objectName() == "cityScreen")
    assert wait_until(lambda: not k.item("stack").property("busy"))  # the push transition
    QTest.qWait(50)
    return k.stack_top()


def shown_name(k):
    return k.item("cityName").property("text")


def test_detail_shows_city_and_memorial_qr(kiosk):
    screen = open_city(kiosk, 4)
    assert shown_name(kiosk) == "Казань"
    assert kiosk.item("cityRegion").property("text") == "Республика Татарстан · Приволжский федеральный округ"
    card = kiosk.item("memorialCard")
    qr = kiosk.item("memorialQr")
    url = kiosk.catalog.city(4)["memorial"]["url"]
    assert qr.property("source").toString().startswith("image://qr/https%3A%2F%2Fyandex.ru")
    assert qr.width() >= 200 and card.isVisible()
    texts = [i.property("text") for i in kiosk.walk(screen) if i.metaObject().className() == "QQuickText" and i.isVisible()]
    assert "Наведите камеру телефона, чтобы открыть место на карте" in texts
    assert not any(url in (t or "") or "http" in (t or "") for t in texts)  # the link is never shown
    assert kiosk.maybe("noMemorial") is None or not kiosk.maybe("noMemorial").isVisible()
    reading = kiosk.item("cityText")
    assert reading.width() <= 1180 + 40  # a comfortable measure
    assert_plain_text(kiosk)


def test_no_memorial_state(kiosk):
    open_city(kiosk, 5)  # Каменск-Уральский: no memorial yet
    assert kiosk.item("noMemorial").isVisible()
    assert kiosk.maybe("memorialQr") is None or not kiosk.maybe("memorialQr").isVisible()


def test_swipe_and_buttons_follow_the_filtered_order(kiosk):
    finger = Finger(kiosk.window)
    bring_into_view(finger, kiosk.item("facetDistrict_5"), kiosk.item("facetPanel"))
    finger.tap(kiosk.item("facetDistrict_5"))  # Уральский
    order = kiosk.catalog.ids()
    assert order == [2, 5, 14, 3]  # Екатеринбург, Каменск-Уральский, Курган, Челябинск
    screen = open_city(kiosk, 2, finger)
    assert not kiosk.item("prevCity").isEnabled()  # first in the order: stop, do not wrap
    assert kiosk.item("cityPosition").property("text") == "1 из 4"

    reading = kiosk.item("cityText")
    finger.swipe(reading, -400, 0)
    assert wait_until(lambda: screen.property("currentId") == 5)
    assert wait_until(lambda: shown_name(kiosk) == "Каменск-Уральский")
    QTest.qWait(300)
    finger.tap(kiosk.item("nextCity"))
    assert screen.property("currentId") == 14
    finger.swipe(reading, 400, 0)  # right: back
    assert wait_until(lambda: screen.property("currentId") == 5)
    QTest.qWait(300)
    finger.tap(kiosk.item("nextCity"))
    finger.tap(kiosk.item("nextCity"))
    assert screen.property("currentId") == 3
    assert not kiosk.item("nextCity").isEnabled()
    finger.swipe(reading, -400, 0)  # at the end: nothing happens
    QTest.qWait(300)
    assert screen.property("currentId") == 3
    assert kiosk.item("stack").property("depth") == 2  # stepping never pushes screens


def test_vertical_scroll_is_not_a_swipe(kiosk):
    finger = Finger(kiosk.window)
    screen = open_city(kiosk, 1, finger)
    reading = kiosk.item("cityText")
    y0 = reading.property("contentY")
    finger.drag(reading, 30, -300, steps=12, step_ms=16)
    assert wait_until(lambda: reading.property("contentY") > y0 + 100)
    assert screen.property("currentId") == 1


def test_markup_and_empty_text(kiosk):
    screen = open_city(kiosk, 13)  # Подольск: markup in the data
    assert kiosk.item("cityHeadline").property("text") == "<b>Разметка</b> показывается как набрана"
    assert_plain_text(kiosk)
    screen.setProperty("currentId", 9)  # Ёлкинск: empty text and headline
    QTest.qWait(100)
    assert kiosk.item("cityNoText").isVisible()
    assert not kiosk.item("cityHeadline").isVisible()


def test_megabyte_text_stays_usable(qtbot):
    cities = fake_cities() + [huge_city(99)]
    k = Kiosk(qtbot, make_catalog(cities))
    try:
        t0 = time.perf_counter()
        k.window.property("nav").city(99)
        assert wait_until(lambda: k.stack_top().objectName() == "cityScreen", 8000)
        QTest.qWait(300)
        opened = time.perf_counter() - t0
        reading = k.item("cityText")
        finger = Finger(k.window)
        y0 = reading.property("contentY")
        finger.swipe(reading, 0, -500)
        assert wait_until(lambda: reading.property("contentY") > y0 + 300)
        assert opened < 5.0
        assert k.item("nextCity").height() >= 64
        k.grab("/tmp/city_huge_1920x1080.png")
    finally:
        k.close()


@pytest.mark.parametrize("size,city", [((1920, 1080), 1), ((1080, 1920), 1), ((3840, 2160), 6), ((1920, 1080), 5)])
def test_screenshots(qtbot, size, city):
    k = Kiosk(qtbot, make_catalog(), size, start_city=city)
    try:
        QTest.qWait(400)
        top = k.item("cityName").mapToScene(QPointF(0, 0)).y()
        assert top >= k.item("shellBar").height()
        k.grab(f"/tmp/city_{city}_{size[0]}x{size[1]}.png")
    finally:
        k.close()
