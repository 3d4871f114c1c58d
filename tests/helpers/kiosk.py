"""The real application for UI tests, and the routes a visitor takes through it (by touch, never by slots)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtTest import QTest

from tests.helpers.qt import Finger, find, maybe, walk, wait_until

FIXTURE_SOURCES = Path(__file__).resolve().parents[1] / "unit" / "fixtures" / "sources"


@pytest.fixture(scope="session")
def shell_db(request, tmp_path_factory):
    """A good database for the shell tests: the built one (`built_db`), or, while db/sources does not build,
    one built from the small fixture sources (the data-layer tests report the real build's problems)."""
    try:
        return request.getfixturevalue("built_db")
    except Exception as exc:  # DataError from an unfinished db/sources
        import warnings

        from kiosk.data.curation.build import build_database

        warnings.warn(
            f"db/sources does not build ({str(exc)[:120]}); shell tests use the fixture sources", stacklevel=1
        )
        return build_database(FIXTURE_SOURCES, tmp_path_factory.mktemp("shell-db") / "kiosk.sqlite")


@pytest.fixture(scope="session")
def fake_db(tmp_path_factory) -> Path:
    """The fourteen invented cities (tests/helpers/fake_data.py), built by the real build. Do not modify."""
    from tests.helpers.fake_data import build_fake_db

    return build_fake_db(tmp_path_factory.mktemp("fake-db") / "kiosk.sqlite")


@pytest.fixture()
def make_kiosk(qapp, tmp_path):
    """Build the real app (kiosk.ui.app.KioskApp) offscreen: make_kiosk(db=PATH, windowed=False, **config).
    It returns once the first frame is shown and (unless startup_done=False) what start-up put off is done.

    Returns the KioskApp with `.quit_codes` (what the admin exit asked for) and `.driver` (ShellDriver, to read
    where the visitor is). Every app is closed after the test.
    """
    from kiosk.ui.app import KioskApp
    from kiosk.ui.config import Config
    from kiosk.ui.diagnostics.shell_driver import ShellDriver

    apps = []

    def factory(db, *, windowed=False, size=(1920, 1080), watch=True, startup_done=True, **settings):
        quit_codes: list[int] = []
        settings.setdefault("idle_timeout", 0)  # no idle question unless a test asks for it
        settings.setdefault("attract_timeout", 0)  # no slideshow over the screen under test either
        app = KioskApp(
            Config(**settings),
            db_path=db,
            windowed=windowed,
            size=size,
            watch=watch,
            log_path=tmp_path / "kiosk.log",
            on_quit=quit_codes.append,
        )
        app.quit_codes = quit_codes
        apps.append(app)
        window = app.window
        if not windowed:  # offscreen "fullscreen" is the platform's small virtual screen: use a kiosk size
            window.setProperty("visibility", 2)  # QWindow.Windowed
        window.resize(*size)
        window.show()
        assert wait_until(lambda: window.isExposed() and app.first_frame_ms is not None, 5000)
        if startup_done:  # what start-up put off until after the first frame (the attract screen, the map's data)
            assert wait_until(lambda: app.startup.property("ready"), 5000)
        app.driver = ShellDriver(app)
        assert wait_until(lambda: settled(app), 5000)
        return app

    yield factory
    for app in apps:
        app.close()
    apps.clear()
    # Free the Python wrappers of this app's items now: a stale wrapper whose C++ object is gone can be handed
    # back for a new item allocated at the same address in the next test.
    gc.collect()


# ---- where the visitor is ---------------------------------------------------------------------------------


def settled(app) -> bool:
    """No screen transition running (StackView ignores touches during one, by design)."""
    return not app.driver.stack.property("busy")


def on_screen(app, name: str) -> bool:
    return app.driver.current_name() == name and settled(app)


def current_screen(app):
    return app.driver.stack.property("currentItem")


# ---- routes, by touch -------------------------------------------------------------------------------------


def open_cities(app, finger: Finger):
    """Home → «Города» tile → the cities screen."""
    finger.tap(find(app.window, "tileCities"))
    assert wait_until(lambda: on_screen(app, "citiesScreen")), f"on {app.driver.current_name()!r}"
    return current_screen(app)


def bring_into_view(finger: Finger, item, flickable):
    """Scroll `flickable` with a finger until `item` is fully inside it, as a visitor would."""
    for _ in range(8):
        top = flickable.mapToScene(QPointF(0, 0)).y()
        bottom = top + flickable.height()
        y = item.mapToScene(QPointF(0, 0)).y()
        if y >= top and y + item.height() <= bottom:
            return
        dy = (bottom - (y + item.height()) - 20) if y + item.height() > bottom else (top - y + 20)
        centre = flickable.mapToScene(QPointF(flickable.width() / 2, flickable.height() / 2))
        finger.drag(centre, 0, max(-flickable.height() / 2, min(flickable.height() / 2, dy)), steps=10, step_ms=30)
        wait_until(lambda: not flickable.property("moving"), 3000)
    raise AssertionError(f"could not scroll {item.objectName()} into view")


def open_city(app, finger: Finger, city_id: int):
    """From the cities screen: scroll the grid to the card and tap it. Returns the city screen."""
    grid = find(app.window, "cityGrid")
    for _ in range(40):  # the grid builds a card only when it comes into view (cacheBuffer 0): scroll down to it
        if maybe(app.window, f"cityCard_{city_id}") is not None or grid.property("atYEnd"):
            break
        finger.drag(
            grid.mapToScene(QPointF(grid.width() / 2, grid.height() * 0.75)),
            0,
            -grid.height() / 2,
            steps=10,
            step_ms=30,
        )
        wait_until(lambda: not grid.property("moving"), 3000)
    card = find(app.window, f"cityCard_{city_id}")
    bring_into_view(finger, card, grid)
    finger.tap(card)
    assert wait_until(lambda: on_screen(app, "cityScreen")), f"on {app.driver.current_name()!r}"
    return current_screen(app)


def visit_city(app, finger: Finger, city_id: int):
    """Home → cities → the city's card."""
    open_cities(app, finger)
    return open_city(app, finger, city_id)


def open_keyboard(app, finger: Finger):
    """Tap the search field; the kiosk's keyboard slides up to the bottom edge."""
    finger.tap(find(app.window, "searchField"))
    kb = find(app.window, "keyboard")
    assert wait_until(lambda: kb.isVisible() and abs(kb.y() + kb.height() - app.window.height()) < 1)
    return kb


def type_keys(app, finger: Finger, *keys: str) -> None:
    for key in keys:
        finger.tap(find(app.window, "key_" + key))


# ---- what the visitor sees ----------------------------------------------------------------------------------


def texts_in(root) -> list[str]:
    """The text of every visible Text item below `root`."""
    return [i.property("text") for i in walk(root) if i.inherits("QQuickText") and i.isVisible()]


def assert_plain_text(window) -> None:
    """Every visible Text shows plain text: markup in the data appears as typed."""
    from PySide6.QtQml import QQmlEngine, QQmlExpression

    texts = [i for i in walk(window.contentItem()) if i.inherits("QQuickText") and i.isVisible()]
    assert texts
    rich = []
    for t in texts:
        # A string, not a bool: PySide 6.12 miscounts references to the bools evaluate() returns.
        expr = QQmlExpression(QQmlEngine.contextForObject(t), t, "textFormat === Text.PlainText ? 'plain' : 'rich'")
        value = expr.evaluate()
        value = value[0] if isinstance(value, tuple) else value
        if value != "plain":
            rich.append(t.property("text"))
    assert rich == []


def grab(app, path: Path) -> Path:
    """Save the window as PNG (look at what you built); the picture must not be empty."""
    image = app.window.grabWindow()
    assert not image.isNull() and image.save(str(path))
    return path


def pause_for_frames(ms: int = 50) -> None:
    """Let a few frames render (a picture or a layout pass), not a wait for behaviour."""
    QTest.qWait(ms)


# ---- the staff's way in: the hidden corner, then the PIN ----------------------------------------------------


def open_pin_pad(app, finger: Finger):
    """Hold the top-left corner (the kiosk's own 3 s timer) until the PIN pad shows. Returns the pad."""
    pad = find(app.window, "pinPad")
    assert finger.hold_until(find(app.window, "adminCorner"), pad.isVisible), "the corner hold opened no PIN pad"
    return pad


def enter_pin(app, finger: Finger, pin: str) -> None:
    for digit in pin:
        finger.tap(find(app.window, f"pinKey{digit}"), wait_ms=10)
    finger.tap(find(app.window, "pinOk"), wait_ms=10)


def open_admin_panel(app, finger: Finger, pin: str = "1945"):
    """Corner hold, then the PIN (default: the documented first-install one). Returns the admin panel."""
    open_pin_pad(app, finger)
    enter_pin(app, finger, pin)
    panel = find(app.window, "adminPanel")
    assert wait_until(panel.isVisible, 2000), "the PIN opened no admin panel"
    return panel
