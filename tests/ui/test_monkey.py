"""A seeded monkey: thousands of random taps, long presses, drags and swipes over every screen.

It passes only if no Python exception escapes (pytest-qt fails the test on one raised inside a Qt
callback), no Qt/QML warning is logged (tests/ui/conftest.py), and the kiosk still answers a visitor at
the end. The seed is fixed, so a failure replays exactly; MONKEY_SEED and MONKEY_STEPS override it.
"""

from __future__ import annotations

import os
import random

import pytest
from PySide6.QtTest import QTest

from kiosk.ui.services.pin import hash_pin
from tests.helpers.qt import Finger, find, wait_until

SEED = int(os.environ.get("MONKEY_SEED", "1945"))
STEPS = int(os.environ.get("MONKEY_STEPS", "2000"))
# Re-enter a screen every so often, so the monkey visits all of them and not just the one it wanders into.
VISIT_EVERY = 150


def _tap(finger, rnd, w, h):
    finger.tap((rnd.uniform(0, w - 1), rnd.uniform(0, h - 1)), wait_ms=rnd.choice((1, 5, 15)))


def _drag(finger, rnd, w, h):
    start = (rnd.uniform(0, w - 1), rnd.uniform(0, h - 1))
    dx, dy = rnd.uniform(-w / 2, w / 2), rnd.uniform(-h / 2, h / 2)
    finger.drag(start, dx, dy, steps=rnd.randint(2, 6), step_ms=rnd.choice((1, 8)))


def _swipe(finger, rnd, w, h):
    start = (rnd.uniform(w * 0.2, w * 0.8), rnd.uniform(h * 0.3, h * 0.8))
    finger.swipe(start, rnd.choice((-1, 1)) * rnd.uniform(w * 0.2, w * 0.5), rnd.uniform(-40, 40))


def _long_press(finger, rnd, w, h):
    finger.long_press((rnd.uniform(0, w - 1), rnd.uniform(0, h - 1)), rnd.choice((300, 600)))


def _visit(app, rnd, city_ids):
    where = rnd.choice(("home", "cities", "city", "pin"))
    if where == "home":
        app.driver.nav("home")
    elif where == "cities":
        app.driver.nav("home")
        app.driver.nav("cities")
    elif where == "city":
        app.driver.nav("city", rnd.choice(city_ids))
    else:
        app.driver.open_pin_pad()  # random digits on it: wrong PINs, the rate limit, the lock
    QTest.qWait(30)


ACTIONS = ((_tap, 72), (_drag, 14), (_swipe, 12), (_long_press, 2))


@pytest.mark.slow
def test_monkey_over_every_screen(make_kiosk, shell_db):
    # A 12-digit PIN nobody types by chance: random taps must never reach the exit.
    app = make_kiosk(shell_db, size=(1920, 1080), admin_pin_hash=hash_pin("739164028517"))
    window = app.window
    finger = Finger(window)
    rnd = random.Random(SEED)
    city_ids = [c.id for c in app.database.repository.cities()] if app.database.repository else [1]
    kinds, weights = zip(*ACTIONS)
    w, h = window.width(), window.height()

    for step in range(STEPS):
        if step == STEPS * 7 // 10:  # the last part in portrait: layouts switch under the monkey's fingers
            window.resize(1080, 1920)
            w, h = 1080, 1920
            QTest.qWait(100)
        if step % VISIT_EVERY == 0:
            _visit(app, rnd, city_ids)
        rnd.choices(kinds, weights)[0](finger, rnd, w, h)

    assert app.quit_codes == [], "random touches must never close the kiosk"

    # Still responsive: close whatever overlay is open, go home, and a visitor's tap opens the cities.
    app.driver.close_overlays()
    app.driver.nav("home")

    def settled():
        return app.driver.current_name() == "homeScreen" and not app.driver.stack.property("busy")

    assert wait_until(settled, 2000)  # StackView ignores touches while a transition runs, by design
    finger.tap(find(window, "tileCities"))
    assert wait_until(lambda: app.driver.current_name() == "citiesScreen", 2000)
