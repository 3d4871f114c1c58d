"""The shell, driven like a visitor: taps on the real app built from app.py with the built database."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtTest import QTest

from kiosk.ui.models.catalog import name_key
from tests.helpers.kiosk import on_screen, open_cities, open_city
from tests.helpers.qt import Finger, find, wait_until, walk


def top(app) -> str:
    return app.driver.current_name()


def test_home_shows_title_and_count_from_the_data(make_kiosk, shell_db):
    from kiosk.data.store.repository import Repository

    app = make_kiosk(shell_db)
    everything = Repository.open(shell_db)
    count = len(everything.cities()) - len(everything.disputed_city_ids())  # row 46 is hidden (docs/deployment.md)
    assert top(app) == "homeScreen"
    assert find(app.window, "homeTitle").property("text") == "Города трудовой доблести"
    subtitle = find(app.window, "homeSubtitle").property("text")
    assert "1941–1945" in subtitle and str(count) in subtitle
    assert not find(app.window, "topBar").isVisible()  # home needs no way home


def test_tap_opens_cities_and_the_bar_leads_home(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    finger.tap(find(app.window, "tileCities"))
    assert wait_until(lambda: top(app) == "citiesScreen" and not app.driver.stack.property("busy"))
    assert find(app.window, "homeButton").isVisible()
    assert not find(app.window, "backButton").isVisible()  # back would be the same as home here

    open_city(app, finger, app.database.repository.cities()[0].id)
    back = find(app.window, "backButton")
    assert back.isVisible()
    finger.tap(back)
    assert wait_until(lambda: top(app) == "citiesScreen" and not app.driver.stack.property("busy"))

    last = max(app.database.repository.cities(), key=lambda c: name_key(c.name))  # below, the grid only scrolls down
    open_city(app, finger, last.id)
    home = find(app.window, "homeButton")
    home_pos = home.mapToScene(home.boundingRect().center())
    finger.tap(home)
    assert wait_until(lambda: on_screen(app, "homeScreen") and app.driver.depth() == 1)
    # The way home is in the same place on every screen.
    open_cities(app, finger)
    assert home.mapToScene(home.boundingRect().center()) == home_pos


def test_only_the_top_screen_shows_and_a_screen_taken_off_the_stack_is_let_go(make_kiosk, shell_db):
    """The shell's stack (ScreenStack.qml): a covered screen is hidden (no touches reach it) but kept; «На
    главную» fades the cities screen out and destroys it, so weeks of visits leave no screens behind."""
    from PySide6.QtCore import QEvent

    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    home = app.driver.stack.property("currentItem")
    finger.tap(find(app.window, "tileCities"))
    assert app.driver.stack.property("busy")  # a transition, not a cut
    assert wait_until(lambda: top(app) == "citiesScreen" and not app.driver.stack.property("busy"))
    cities = app.driver.stack.property("currentItem")
    assert not home.isVisible() and cities.isVisible() and cities.opacity() == 1 and cities.x() == 0
    gone = []
    cities.destroyed.connect(lambda: gone.append(True))
    finger.tap(find(app.window, "homeButton"))
    assert app.driver.stack.property("busy") and home.isVisible()
    assert app.driver.depth() == 1 and top(app) == "homeScreen"
    assert wait_until(lambda: QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete) or gone)
    assert not app.driver.stack.property("busy") and home.opacity() == 1 and home.x() == 0


def test_a_tap_on_a_screen_that_is_leaving_goes_nowhere(make_kiosk, shell_db):
    """«На главную», then at once a tap on a city card of the cities screen still fading out: home, as asked,
    not that city (the stack takes no touches while screens change, as StackView did)."""
    from tests.helpers.kiosk import open_cities

    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    open_cities(app, finger)
    assert wait_until(lambda: not app.driver.stack.property("busy"))
    card = find(app.window, f"cityCard_{app.catalog.ids()[0]}")
    finger.tap(find(app.window, "homeButton"))
    assert app.driver.stack.property("busy") and card.isVisible()  # still there, fading out under the finger
    finger.tap(card)
    assert wait_until(lambda: top(app) == "homeScreen" and not app.driver.stack.property("busy"))
    assert app.driver.depth() == 1


def test_touch_targets_are_at_least_64px(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    tile = find(app.window, "tileCities")
    assert tile.height() >= 64 and tile.width() >= 64
    open_cities(app, Finger(app.window))
    home = find(app.window, "homeButton")
    assert home.height() >= 64 and home.width() >= 64


# A focused QML item that counts the keys it receives: what any screen would get if Escape or Alt+F4 got through.
_KEY_PROBE = b"""import QtQuick
Item {
    property int escapes: 0
    property int altF4s: 0
    focus: true
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Escape) escapes++
        if (event.key === Qt.Key_F4 && (event.modifiers & Qt.AltModifier)) altF4s++
    }
}
"""


def _key_probe(app):
    from PySide6.QtCore import QUrl
    from PySide6.QtQml import QQmlComponent, QQmlEngine

    component = QQmlComponent(app.engine)
    component.setData(_KEY_PROBE, QUrl.fromLocalFile("/nonexistent/KeyProbe.qml"))
    probe = component.create()
    assert probe is not None, component.errorString()
    QQmlEngine.setObjectOwnership(probe, QQmlEngine.ObjectOwnership.CppOwnership)  # the JS GC must not take it
    probe.setParent(app.window.contentItem())
    probe.setParentItem(app.window.contentItem())
    app.window.requestActivate()
    probe.forceActiveFocus()
    assert wait_until(lambda: probe.hasActiveFocus())
    return probe


def _press_escape_and_alt_f4(window):
    QTest.keyClick(window, Qt.Key.Key_Escape)
    QTest.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    QCoreApplication.processEvents()


def test_kiosk_mode_swallows_alt_f4_and_escape_only_goes_back(make_kiosk, shell_db):
    """Alt+F4 never reaches the kiosk; Escape does (it is «Назад», issue 22), and leaves nothing."""
    app = make_kiosk(shell_db)
    probe = _key_probe(app)
    _press_escape_and_alt_f4(app.window)
    assert (probe.property("escapes"), probe.property("altF4s")) == (1, 0)
    assert app.window.isVisible() and app.quit_codes == []


def test_windowed_mode_lets_keys_through(make_kiosk, shell_db):
    """The same probe in school mode sees both keys: the kiosk-mode test above is not blind."""
    app = make_kiosk(shell_db, windowed=True, size=(1280, 800))
    probe = _key_probe(app)
    _press_escape_and_alt_f4(app.window)
    assert (probe.property("escapes"), probe.property("altF4s")) == (1, 1)


def test_kiosk_mode_refuses_close_events(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    win = app.window
    assert win.flags() & Qt.WindowType.FramelessWindowHint
    assert QGuiApplication.overrideCursor() is not None
    assert QGuiApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor

    event = QCloseEvent()  # what a window manager sends for Alt+F4 or the close button
    QCoreApplication.sendEvent(win, event)
    assert not event.isAccepted()
    assert win.isVisible()
    assert win.close() is False
    assert win.isVisible()
    assert app.quit_codes == []


def test_bundled_fonts_are_what_qt_draws_with(make_kiosk, shell_db):
    """QFontInfo gives the font Qt resolved, not the name asked for (`font.family` echoes any name, loaded or
    not); PT Sans and PT Serif are not installed on the system, only bundled."""
    from PySide6.QtGui import QFontInfo

    app = make_kiosk(shell_db)
    assert QFontInfo(QGuiApplication.font()).family() == "PT Sans"
    title = find(app.window, "homeTitle")
    assert QFontInfo(title.property("font")).family() == "PT Serif"
    tile_texts = [i for i in walk(find(app.window, "tileCities")) if i.inherits("QQuickText")]
    assert tile_texts and {QFontInfo(t.property("font")).family() for t in tile_texts} <= {"PT Sans", "PT Serif"}


def test_icon_provider_draws_known_and_survives_unknown_icons(qapp, caplog):
    from kiosk.ui.providers.image_providers import IconProvider

    provider = IconProvider()
    pixmap = provider.requestPixmap("mdi6.home/c9a54c", QSize(), QSize(48, 48))
    assert pixmap.size() == QSize(48, 48)
    image = pixmap.toImage()
    assert any(image.pixelColor(x, y).alpha() > 0 for x in range(48) for y in range(48))

    with caplog.at_level(logging.WARNING, logger="kiosk"):
        for _ in range(3):
            blank = provider.requestPixmap("mdi6.no-such-icon-anywhere/efe7d6", QSize(), QSize(32, 32))
    assert blank.size() == QSize(32, 32)
    image = blank.toImage()
    assert all(image.pixelColor(x, y).alpha() == 0 for x in range(32) for y in range(32))
    assert sum("no-such-icon-anywhere" in r.getMessage() for r in caplog.records) == 1


class _StoredCodes:
    """A repository's QR codes as the build draws them."""

    def qr_png(self, url):
        from kiosk.data.qr_codes import png

        return png(url)


def test_qr_provider_shows_the_stored_code_with_a_quiet_zone(qapp):
    from urllib.parse import quote

    from kiosk.ui.providers.image_providers import QrProvider

    image = QrProvider(_StoredCodes).requestImage(
        quote("https://yandex.ru/maps/?ll=44.0,56.3&z=16", safe=""), QSize(), QSize(300, 300)
    )
    assert image.size() == QSize(300, 300)
    dark = [(x, y) for y in range(300) for x in range(300) if image.pixelColor(x, y).lightness() < 80]
    assert dark, "no modules drawn"
    xs = [x for x, _ in dark]
    assert min(xs) >= 4 * (300 // 41) - 1  # at least the quiet zone (version ≤ 6 has ≤ 41 modules)
    assert image.pixelColor(2, 2).lightness() > 200


def test_qml_messages_go_to_python_logging(make_kiosk, shell_db, caplog, fail_on_qt_warnings):
    from PySide6.QtQml import QQmlComponent

    app = make_kiosk(shell_db)
    with caplog.at_level(logging.INFO, logger="kiosk.qt"):
        component = QQmlComponent(app.engine)
        component.setData(
            b'import QtQml\nQtObject { Component.onCompleted: console.warn("shell-log-check") }', "inline.qml"
        )
        obj = component.create()
        assert obj is not None
    assert any("shell-log-check" in r.getMessage() for r in caplog.records if r.name == "kiosk.qt")
    fail_on_qt_warnings[:] = [m for m in fail_on_qt_warnings if "shell-log-check" not in m]


def test_first_frame_is_reported(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    assert app.first_frame_ms is not None and app.first_frame_ms > 0


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (3840, 2160)])
def test_home_fits_every_kiosk_size(make_kiosk, shell_db, size, tmp_path):
    app = make_kiosk(shell_db, size=size)
    tile = find(app.window, "tileCities")
    title = find(app.window, "homeTitle")
    for item in (tile, title):
        r = item.mapRectToScene(item.boundingRect())
        assert r.left() >= 0 and r.top() >= 0 and r.right() <= size[0] and r.bottom() <= size[1]
    # Tiles never cover the heading (below it in portrait, beside it in landscape: test_novokuznetsk.py).
    assert not tile.mapRectToScene(tile.boundingRect()).intersects(title.mapRectToScene(title.boundingRect()))
    assert app.window.grabWindow().save(str(tmp_path / f"home-{size[0]}x{size[1]}.png"))
