"""The city screen in the real shell: reading, the memorial's QR code, and stepping through the current filtered
order by swipe or button. Every screen is reached by touch; every wait is on a condition, never on the clock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from tests.helpers.fake_data import MARKUP_HEADLINE, SHORT_TEXT, build_fake_db, fake_cities, huge_city
from tests.helpers.kiosk import (
    assert_plain_text,
    bring_into_view,
    grab,
    on_screen,
    open_cities,
    open_city,
    texts_in,
    visit_city,
)
from tests.helpers.qt import Finger, find, maybe, wait_until


@pytest.fixture
def app(make_kiosk, fake_db):
    app = make_kiosk(fake_db)
    app.finger = Finger(app.window)
    return app


def shown_name(app) -> str:
    return find(app.window, "cityName").property("text")


def current_id(screen) -> int:
    return screen.property("currentId")


def shows(app, screen, city_id: int, name: str) -> bool:
    """The screen has stepped to `city_id` and its heading has caught up (a short cross-fade)."""
    return current_id(screen) == city_id and shown_name(app) == name


def test_detail_shows_city_and_memorial_qr(app):
    screen = visit_city(app, app.finger, 4)
    assert shown_name(app) == "Казань"
    assert find(app.window, "cityRegion").property("text") == "Республика Татарстан · Приволжский федеральный округ"
    card = find(app.window, "memorialCard")
    qr = find(app.window, "memorialQr")
    url = app.catalog.city(4).memorial.url
    assert qr.property("source").toString().startswith("image://qr/https%3A%2F%2Fyandex.ru")
    assert qr.width() >= 200 and card.isVisible()
    texts = texts_in(screen)
    assert "Наведите камеру телефона, чтобы открыть место на карте" in [t.replace("\u00a0", " ") for t in texts]
    assert not any(url in (t or "") or "http" in (t or "") for t in texts)  # the link is never shown
    no_memorial = maybe(app.window, "noMemorial")
    assert no_memorial is None or not no_memorial.isVisible()
    assert find(app.window, "cityText").width() <= 1180 + 40  # a comfortable measure
    assert_plain_text(app.window)


def test_an_address_without_a_stored_code_shows_the_memorial_without_a_qr_code(make_kiosk, fake_db, tmp_path):
    import shutil

    from tests.helpers.data import run_sql

    db = shutil.copy(fake_db, tmp_path / "kiosk.sqlite")
    run_sql(db, "UPDATE memorials SET url = url || '&z=12' WHERE city_id = 4")  # edited by hand: no code drawn
    app = make_kiosk(db)
    visit_city(app, Finger(app.window), 4)
    assert find(app.window, "memorialCard").isVisible()
    qr = maybe(app.window, "memorialQr")
    assert qr is None or not qr.isVisible()


def test_no_memorial_state(app):
    visit_city(app, app.finger, 5)  # Каменск-Уральский: no memorial yet
    assert find(app.window, "noMemorial").isVisible()
    qr = maybe(app.window, "memorialQr")
    assert qr is None or not qr.isVisible()


def test_swipe_and_buttons_follow_the_filtered_order(app):
    finger = app.finger
    open_cities(app, finger)
    bring_into_view(finger, find(app.window, "facetDistrict_5"), find(app.window, "facetPanel"))
    finger.tap(find(app.window, "facetDistrict_5"))  # Уральский
    assert app.catalog.ids() == [2, 5, 14, 3]  # Екатеринбург, Каменск-Уральский, Курган, Челябинск
    screen = open_city(app, finger, 2)
    assert not find(app.window, "prevCity").isEnabled()  # first in the order: stop, do not wrap
    assert find(app.window, "cityPosition").property("text").replace("\u00a0", " ") == "1 из 4"

    reading = find(app.window, "cityText")
    finger.swipe(reading, -400, 0)
    assert wait_until(lambda: shows(app, screen, 5, "Каменск-Уральский"))
    finger.tap(find(app.window, "nextCity"))
    assert wait_until(lambda: shows(app, screen, 14, "Курган"))
    finger.swipe(reading, 400, 0)  # right: back
    assert wait_until(lambda: shows(app, screen, 5, "Каменск-Уральский"))
    finger.tap(find(app.window, "nextCity"))
    assert wait_until(lambda: shows(app, screen, 14, "Курган"))
    finger.tap(find(app.window, "nextCity"))
    assert wait_until(lambda: shows(app, screen, 3, "Челябинск"))
    assert find(app.window, "cityPosition").property("text").replace("\u00a0", " ") == "4 из 4"
    assert not find(app.window, "nextCity").isEnabled()
    finger.swipe(reading, -400, 0)  # at the end: nothing happens
    finger.tap(find(app.window, "prevCity"))  # …while the button still answers
    assert wait_until(lambda: shows(app, screen, 14, "Курган"))
    assert app.driver.depth() == 3  # home, cities, city: stepping never pushes screens


def test_vertical_scroll_is_not_a_swipe(app):
    screen = visit_city(app, app.finger, 1)
    reading = find(app.window, "cityText")
    y0 = reading.property("contentY")
    app.finger.drag(reading, 30, -300, steps=12, step_ms=16)
    assert wait_until(lambda: reading.property("contentY") > y0 + 100)
    assert wait_until(lambda: not reading.property("moving"))
    assert current_id(screen) == 1


def test_markup_in_the_data_shows_as_typed(app):
    visit_city(app, app.finger, 13)  # Подольск: markup in the data
    # The page has no headline (it would repeat the text, issue 11): the markup shows as typed in the text.
    assert maybe(app.window, "cityHeadline") is None
    assert any(t.replace("\u00a0", " ").startswith(MARKUP_HEADLINE) for t in texts_in(find(app.window, "cityText")))
    assert_plain_text(app.window)


def test_the_shortest_text_is_shown_once(app):
    visit_city(app, app.finger, 9)  # Ёлкинск: one short sentence
    shown = texts_in(find(app.window, "cityText"))
    assert sum(SHORT_TEXT in t for t in shown) == 1
    assert find(app.window, "nextCity").isEnabled()


@pytest.fixture(scope="module")
def huge_db(tmp_path_factory):
    return build_fake_db(
        tmp_path_factory.mktemp("huge") / "kiosk.sqlite", [*fake_cities(empty_text=False), huge_city(99)]
    )


def test_the_longest_allowed_text_stays_usable(make_kiosk, huge_db, tmp_path):
    app = make_kiosk(huge_db)
    finger = Finger(app.window)
    open_cities(app, finger)
    # Мегабайтск sorts among the М cities: the index strip takes the visitor there.
    finger.tap(find(app.window, "letter_М"))
    open_city(app, finger, 99)
    reading = find(app.window, "cityText")
    y0 = reading.property("contentY")
    finger.swipe(reading, 0, -500)
    assert wait_until(lambda: reading.property("contentY") > y0 + 300)
    assert find(app.window, "nextCity").height() >= 64
    finger.tap(find(app.window, "homeButton"))  # and the way home still answers
    assert wait_until(lambda: on_screen(app, "homeScreen"))
    grab(app, tmp_path / "home_after_huge.png")


@pytest.mark.parametrize("size,city", [((1920, 1080), 1), ((1080, 1920), 1), ((3840, 2160), 6), ((1920, 1080), 5)])
def test_layout_at_every_kiosk_size(make_kiosk, fake_db, size, city, tmp_path):
    app = make_kiosk(fake_db, size=size)
    visit_city(app, Finger(app.window), city)
    top = find(app.window, "cityName").mapToScene(QPointF(0, 0)).y()
    assert top >= find(app.window, "topBar").height()
    grab(app, tmp_path / f"city_{city}_{size[0]}x{size[1]}.png")
