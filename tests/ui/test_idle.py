"""Idle reset: the question after the timeout, «Продолжить», and the return home with filters cleared."""

from __future__ import annotations

from PySide6.QtTest import QTest

from tests.helpers.kiosk import open_city, open_pin_pad
from tests.helpers.qt import Finger, find, wait_until


def _to_cities(app):
    Finger(app.window).tap(find(app.window, "tileCities"))
    assert wait_until(lambda: app.driver.current_name() == "citiesScreen" and not app.driver.stack.property("busy"))


def test_question_then_reset_home_with_catalog_cleared(make_kiosk, shell_db):
    app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=2)
    _to_cities(app)
    open_city(app, Finger(app.window), app.database.repository.cities()[0].id)
    assert app.driver.depth() == 3
    app.catalog.query = "Каз"
    resets = []
    app.idle.resetRequested.connect(lambda: resets.append(True))

    overlay = find(app.window, "idleOverlay")
    assert wait_until(lambda: app.idle.asking, 2500)
    assert wait_until(lambda: overlay.isVisible() and overlay.opacity() == 1.0, 1000)
    assert "2" in find(app.window, "idleCountdown").property("text")
    assert wait_until(lambda: not app.idle.asking, 3500)
    assert resets
    assert app.driver.depth() == 1 and app.driver.current_name() == "homeScreen"
    assert app.catalog.query == ""
    assert wait_until(lambda: not overlay.isVisible(), 1000)


def test_continue_keeps_the_visitor_where_they_were_and_restarts_the_clock(make_kiosk, shell_db):
    app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=3)
    _to_cities(app)
    overlay = find(app.window, "idleOverlay")
    assert wait_until(lambda: app.idle.asking and overlay.opacity() == 1.0, 2500)
    resets = []
    app.idle.resetRequested.connect(lambda: resets.append(True))
    Finger(app.window).tap(find(app.window, "idleContinue"))
    assert not app.idle.asking
    assert wait_until(lambda: not overlay.isVisible())
    assert app.driver.current_name() == "citiesScreen"
    # The visitor walks away: the clock restarted, so the question comes back by itself and the kiosk goes
    # home. Without the restart it would wait on the cities screen for ever.
    assert wait_until(lambda: app.idle.asking, 2500)
    assert wait_until(lambda: resets and app.driver.current_name() == "homeScreen", 4500)


def test_any_touch_keeps_the_kiosk_awake(make_kiosk, shell_db):
    app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=2)
    _to_cities(app)
    finger = Finger(app.window)
    for _ in range(5):  # 5 × 300 ms of touches: longer than the timeout, never idle
        QTest.qWait(240)
        finger.tap((int(app.window.width() * 0.6), 40))  # the bar's empty middle
    assert not app.idle.asking
    assert app.driver.current_name() == "citiesScreen"


def test_no_question_on_the_home_screen(make_kiosk, shell_db):
    app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=1)
    QTest.qWait(1400)
    assert not app.idle.asking
    assert app.driver.current_name() == "homeScreen"


def test_idle_reset_closes_the_pin_pad(make_kiosk, shell_db):
    app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=1)
    open_pin_pad(app, Finger(app.window))  # someone held the staff corner, then walked away
    assert wait_until(lambda: app.idle.asking, 2500)
    assert wait_until(lambda: not find(app.window, "pinPad").isVisible(), 2500)
    assert app.driver.current_name() == "homeScreen"
