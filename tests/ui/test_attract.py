"""Attract mode in the real shell, driven by touches, clicks and keys as a visitor (or nobody) would."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.data.curation.build import build_database
from kiosk.data.text.typography import typeset
from tests.helpers.kiosk import FIXTURE_SOURCES, on_screen, pause_for_frames, texts_in
from tests.helpers.qt import Finger, find, find_all, wait_until

SLIDES_TOML = """
[[slide]]
id = 1
title = "Показываемый"
text = "Этот слайд в петле."
source = "тест"
title_en = "Shown"
text_en = "This slide is in the loop."

[[slide]]
id = 2
title = "Выключенный"
text = "Этот слайд не показывают."
source = "тест"
enabled = false

[[slide]]
id = 3
title = "Пустой"
text = "Текст."
source = "тест"
"""


@pytest.fixture(scope="module")
def slides_db(tmp_path_factory):
    """The fixture sources plus curator slides, a picture for slide 1; slide 3 is then broken by hand."""
    root = tmp_path_factory.mktemp("attract")
    sources = shutil.copytree(FIXTURE_SOURCES, root / "sources")
    (sources / "slides.toml").write_text(SLIDES_TOML, encoding="utf-8")
    path = build_database(sources, root / "kiosk.sqlite")
    from PIL import Image

    from kiosk.data.curation.images import add_image

    Image.new("RGB", (320, 200), (150, 40, 30)).save(root / "photo.jpg", "JPEG")
    add_image(path, "slide", "1", root / "photo.jpg", caption="Фото")
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("UPDATE slides SET text = '' WHERE id = 3")
    conn.commit()
    conn.close()
    return path


def _attract_on(app):
    screen = find(app.window, "attractScreen")
    return app.attract.active and screen.isVisible() and screen.opacity() == 1.0


def _front(app):
    """The slide on the card in front."""
    return app.attract.slideA if app.attract.front == 0 else app.attract.slideB


def _collect(app):
    shown: list[str] = []
    app.attract.slideShown.connect(shown.append)
    return shown


def test_a_touch_on_a_tile_under_the_slideshow_only_wakes_and_the_next_one_opens(make_kiosk, shell_db):
    # The slideshow comes by the clock: nobody answers «Вы ещё здесь?», the reset starts it at once. Its own
    # wait (60 s) is far longer than this test, so once awake it cannot come back before the second tap.
    app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=1, attract_timeout=60, slide_duration=30)
    finger = Finger(app.window)
    finger.tap(find(app.window, "tileCities"))
    assert wait_until(lambda: on_screen(app, "citiesScreen"))
    assert wait_until(lambda: _attract_on(app), 5000)
    assert on_screen(app, "homeScreen")
    tile = find(app.window, "tileCities")  # the reset built Home anew
    finger.tap(tile)  # where the «Города» tile lies under the slideshow
    assert wait_until(lambda: not find(app.window, "attractScreen").isVisible(), 1000)
    pause_for_frames(100)
    assert app.driver.depth() == 1 and app.driver.current_name() == "homeScreen"  # nothing opened
    finger.tap(tile)  # awake now: an ordinary tap
    assert wait_until(lambda: app.driver.current_name() == "citiesScreen", 1000)


@pytest.mark.parametrize("how", ["mouse", "key", "wheel"])
def test_mouse_keys_and_wheel_wake_too(make_kiosk, shell_db, how):
    app = make_kiosk(shell_db, attract_timeout=0.2, slide_duration=30)
    assert wait_until(lambda: _attract_on(app), 3000)
    tile = find(app.window, "tileCities")
    centre = tile.mapToScene(tile.boundingRect().center()).toPoint()
    if how == "mouse":
        QTest.mouseClick(app.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    elif how == "key":
        QTest.keyClick(app.window, Qt.Key.Key_Space)
    else:
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QWheelEvent

        event = QWheelEvent(
            QPointF(centre),
            QPointF(centre),
            QPoint(0, 0),
            QPoint(0, -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        app.qapp.sendEvent(app.window, event)
    assert wait_until(lambda: not app.attract.active, 1000)
    QTest.qWait(100)
    assert app.driver.current_name() == "homeScreen" and app.driver.depth() == 1


def test_every_city_appears_within_one_cycle(make_kiosk, shell_db):
    app = make_kiosk(shell_db, attract_timeout=0.6, slide_duration=0.05)
    shown = _collect(app)
    cities = {f"city:{c.id}" for c in app.database.repository.cities()}
    assert wait_until(lambda: app.attract.order is not None and len(shown) >= len(app.attract.order.deck), 30000, 50)
    n = len(app.attract.order.deck)
    first_cycle = shown[:n]
    assert cities <= set(first_cycle)
    assert len(set(first_cycle)) == n  # no repeats within the cycle
    assert "title" in first_cycle and "curator:1" in first_cycle  # db/sources/slides.toml has one


def test_curator_slides_shown_disabled_and_broken_ones_not(make_kiosk, slides_db):
    app = make_kiosk(slides_db, attract_timeout=0.6, slide_duration=0.05)
    shown = _collect(app)
    assert wait_until(lambda: len(shown) >= 15, 20000, 50)  # three cycles of title + 3 cities + 1 slide
    assert "curator:1" in shown
    assert "curator:2" not in shown and "curator:3" not in shown
    assert set(shown) == {"title", "city:1", "city:2", "city:3", "curator:1"}


def test_the_curator_slide_on_screen(make_kiosk, slides_db):
    app = make_kiosk(slides_db, attract_timeout=0.1, slide_duration=0.3)
    assert wait_until(lambda: app.attract.active)
    assert wait_until(lambda: _front(app).key == "curator:1", 10000, 20)  # in front, not merely behind
    composition = find(app.window, "attractComposition")
    assert wait_until(lambda: typeset("Этот слайд в петле.") in texts_in(composition), 10000, 20)
    assert {"Показываемый", "Коснитесь экрана"} <= set(texts_in(composition))
    assert "Shown — This slide is in the loop." in texts_in(composition)  # the curators' English, under it
    # Its picture from the images table, decoded off the GUI thread at the size shown.
    pictures = [p for p in find_all(app.window, "attractPicture") if "dbimage" in p.property("source").toString()]
    assert pictures and wait_until(lambda: pictures[0].property("implicitWidth") > 0, 3000)  # decoded
    assert pictures[0].property("implicitWidth") / pictures[0].property("implicitHeight") == 320 / 200


def test_zero_timeout_means_never_and_options_are_honoured(make_kiosk, shell_db, fake_db):
    app = make_kiosk(shell_db, attract_timeout=0, slide_duration=3.5)
    QTest.qWait(600)
    assert not app.attract.active and not find(app.window, "attractScreen").isVisible()
    assert app.attract.timeout_ms == 0
    app2 = make_kiosk(fake_db, attract_timeout=0.1, slide_duration=3.5)  # no curator slide with its own time
    assert wait_until(lambda: app2.attract.active)
    assert app2.attract.property("slideMs") == 3500


def test_not_while_a_visitor_is_away_from_home(make_kiosk, shell_db):
    # A kiosk that starts on the cities screen (default_screen) is away from Home from its first frame: no race
    # between a first tap and a short attract timeout.
    app = make_kiosk(shell_db, attract_timeout=0.3, default_screen="cities")
    assert on_screen(app, "citiesScreen")
    pause_for_frames(700)  # more than twice the timeout, untouched
    assert not app.attract.active
    Finger(app.window).tap(find(app.window, "homeButton"))
    assert wait_until(lambda: _attract_on(app), 3000)  # at rest on Home, the same clock starts it


def test_idle_reset_goes_straight_to_attract(make_kiosk, shell_db):
    app = make_kiosk(shell_db, idle_timeout=0.5, idle_countdown=1, attract_timeout=60)
    Finger(app.window).tap(find(app.window, "tileCities"))
    assert wait_until(lambda: app.driver.current_name() == "citiesScreen")
    assert wait_until(lambda: app.idle.asking, 3000)
    assert wait_until(lambda: _attract_on(app), 4000)
    assert app.driver.current_name() == "homeScreen" and app.driver.depth() == 1


def test_on_this_day_leads_with_a_fixed_clock(make_kiosk, shell_db, monkeypatch):
    import datetime as dt

    from kiosk.ui.services import attract as attract_service

    monkeypatch.setattr(attract_service, "now", lambda: dt.datetime(2026, 7, 26, 12, 0))
    app = make_kiosk(shell_db, attract_timeout=0.3, slide_duration=30)
    events = [e for e in app.database.repository.section().events if e.date.endswith("-07-26")]
    if not events:
        pytest.skip("this database has no timeline event on 26 July")
    assert wait_until(lambda: _attract_on(app), 3000)
    front = _front(app)
    assert front.key == f"event:{events[0].id}" and front.today
    composition = find(app.window, "attractComposition")
    # Its date in the same words as the section's timeline («26 июля 1941 г.»: kiosk.ui.models.dates).
    on_this_day = f"В этот день  ·  26 июля {events[0].date[:4]} г."
    assert wait_until(lambda: on_this_day in [t.replace("\u00a0", " ") for t in texts_in(composition)], 3000)
    assert typeset(events[0].title) in texts_in(composition)


def test_a_city_slide_shows_its_place_on_the_map(make_kiosk, shell_db):
    app = make_kiosk(shell_db, attract_timeout=0.3, slide_duration=1.5)
    placed = {c.id for c in app.database.repository.cities() if c.lat is not None}
    assert wait_until(lambda: _attract_on(app), 3000)

    def a_placed_city_in_front_with_its_locator() -> bool:
        front = _front(app)
        if front.kind != "city" or front.cityId not in placed:
            return False
        return any(m.property("cityId") == front.cityId for m in find_all(app.window, "attractLocator"))

    assert wait_until(a_placed_city_in_front_with_its_locator, 20000)  # the loop is mostly cities


def test_a_crossfade_fades_the_outgoing_card_over_the_whole_incoming_one(make_kiosk, shell_db):
    """The outgoing card fades out on top; the incoming one is already whole beneath. No card is drawn into a
    layer: under the software renderer each costs two card-sized images (~13 MiB at 1080p) while it fades."""
    from PySide6.QtQml import QQmlProperty

    app = make_kiosk(shell_db, attract_timeout=0.3, slide_duration=1)
    assert wait_until(lambda: _attract_on(app), 3000)
    cards = [find(app.window, "attractCardA"), find(app.window, "attractCardB")]
    assert wait_until(lambda: any(0 < c.opacity() < 1 for c in cards), 4000, 5)
    outgoing = next(c for c in cards if 0 < c.opacity() < 1)
    incoming = next(c for c in cards if c is not outgoing)
    assert incoming.opacity() == 1.0 and incoming.isVisible() and outgoing.z() > incoming.z()
    assert find(app.window, "attractBand").z() > outgoing.z()  # the red band stays over both
    assert not any(QQmlProperty.read(c, "layer.enabled") for c in cards)
