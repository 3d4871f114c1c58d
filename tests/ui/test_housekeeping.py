"""Long uptime: after the idle reset the kiosk releases what the visit left behind, and still works."""

from __future__ import annotations

import gc
import sys

import pytest
import shiboken6
from PySide6.QtCore import QPointF, QSizeF, SignalInstance

from tests.helpers.kiosk import visit_city
from tests.helpers.qt import Finger, Mouse, find, wait_until


def test_caches_are_released_between_visits_and_the_kiosk_still_answers(make_kiosk, shell_db):
    app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=1)
    finger = Finger(app.window)
    finger.tap(find(app.window, "tileCities"))
    assert wait_until(lambda: app.driver.current_name() == "citiesScreen")
    # The visitor walks away: the question, the countdown, the reset, then the housekeeping.
    assert wait_until(lambda: app.housekeeping.runs == 1, 6000)
    assert app.driver.current_name() == "homeScreen"
    finger.tap(find(app.window, "tileCities"))  # the next visitor
    assert wait_until(lambda: app.driver.current_name() == "citiesScreen")


def test_map_pictures_kept_for_a_visit_are_released_at_the_idle_reset(make_kiosk, shell_db):
    from kiosk.ui.providers import map_canvas

    app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=1)
    Finger(app.window).tap(find(app.window, "tileMap"))
    assert wait_until(lambda: app.driver.current_name() == "mapScreen")
    app.window.grabWindow()  # one rendered frame: the map draws its picture and keeps it for a reopened view
    assert map_canvas._pictures
    assert wait_until(lambda: app.housekeeping.runs == 1, 6000)
    assert not map_canvas._pictures  # a window-sized image each (up to ~45 MiB at 4K) goes between visits


def test_the_map_screen_keeps_only_its_opening_view_when_it_goes(make_kiosk, shell_db):
    """Window-sized pictures (7 MiB each at 1080p, 28 at 4K) kept until the idle reset weighed on every screen
    the visitor opened after the map; but the whole-country view the map opens on stays, so the next tap on
    «Карта» shows it without drawing it again (~0.25 s at 1080p, benchmarks/map_bench.py)."""
    from kiosk.ui.providers import map_canvas

    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    quarter = app.window.width() * app.window.height() / 4

    def large() -> dict:  # (width, height, the view…) of the window-sized pictures kept → the picture
        return {key: picture for key, picture in map_canvas._pictures.items() if key[0] * key[1] > quarter}

    def visit_map():
        finger.tap(find(app.window, "tileMap"))
        assert wait_until(lambda: app.driver.current_name() == "mapScreen")
        app.window.grabWindow()  # one rendered frame: the map draws its picture or blits the kept one
        return find(app.window, "mapView")

    def go_home():
        finger.tap(find(app.window, "homeButton"))
        assert wait_until(lambda: app.driver.current_name() == "homeScreen")
        app.driver.settle()  # the map screen's deferred delete

    visit_map()
    opening = large()
    assert len(opening) == 1
    go_home()
    assert wait_until(lambda: large() == opening)  # the opening view stays for the next visitor
    view = visit_map()
    assert [id(p) for p in large().values()] == [id(p) for p in opening.values()]  # shown, not drawn again
    centre = view.mapToScene(QPointF(view.width() / 2, view.height() / 2)).toPoint()
    Mouse(app.window).wheel(centre, 6)  # the visitor zooms in and pans: a new view
    x0 = view.property("contentX")
    finger.drag(centre, -300, 0)
    assert wait_until(lambda: view.property("contentX") > x0 + 250)
    assert wait_until(lambda: not view.property("moving"))

    def drawn_anew() -> bool:  # the new view is drawn once it has been still a moment (map_canvas.SETTLE_MS)
        app.window.grabWindow()
        return large().keys() != opening.keys()

    assert wait_until(drawn_anew)
    assert len(large()) == 1  # never two window-sized views
    go_home()
    assert wait_until(lambda: not large()), large()  # the panned view goes with the screen
    assert app.housekeeping.runs == 0  # released by the screen itself, not by the idle reset


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallinfo2")
def test_the_map_screen_shows_its_picture_without_a_second_window_sized_buffer(make_kiosk, shell_db):
    """The kept picture is the canvas's texture: a QQuickPaintedItem copied it into a paint buffer of its own,
    a second window-sized image (7.9 MiB at 1080p, 32 at 4K) for as long as the map screen was open."""
    app = make_kiosk(shell_db)
    app.window.grabWindow()
    gc.collect()
    home = _c_heap_in_use()
    Finger(app.window).tap(find(app.window, "tileMap"))
    assert wait_until(lambda: app.driver.current_name() == "mapScreen")
    app.driver.settle()
    app.window.grabWindow()  # a rendered frame: the picture drawn, kept and shown (the grab's image is freed)
    gc.collect()
    window_sized = app.window.width() * app.window.height() * 4
    cost = _c_heap_in_use() - home
    assert cost < 2 * window_sized, f"map screen +{cost / 2**20:.1f} MiB; a picture is {window_sized / 2**20:.1f}"


def test_a_city_page_left_keeps_none_of_its_texts(make_kiosk, fake_db):
    """PySide keeps the Python half of every object QML created; the page's CityRecord must not keep the city."""
    from kiosk.ui.providers.map_canvas import MapCanvas
    from kiosk.ui.models.city_record import CityRecord

    app = make_kiosk(fake_db)
    finger = Finger(app.window)
    city_id = app.database.repository.cities()[0].id
    visit_city(app, finger, city_id)
    finger.tap(find(app.window, "homeButton"))
    assert wait_until(lambda: app.driver.current_name() == "homeScreen")
    app.driver.settle()  # the city page's deferred delete
    gc.collect()
    # The Python halves whose Qt objects are gone (live ones, e.g. the attract slides' locator maps, keep theirs).
    left = [o for o in gc.get_objects() if isinstance(o, (CityRecord, MapCanvas)) and not shiboken6.isValid(o)]
    assert left, "the city page's records should have been destroyed by Qt"

    def kept(o) -> dict:  # PySide caches a signal's bound instance on first use: a few bytes, not the city
        return {k: v for k, v in vars(o).items() if not isinstance(v, SignalInstance)}

    assert all(not kept(o) for o in left), [kept(o) for o in left if kept(o)][:1]


def _c_heap_in_use() -> int:
    """glibc's bytes in use (mallinfo2: the main heap and blocks of their own mapping)."""
    import ctypes

    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd")] + [
            (name, ctypes.c_size_t) for name in ("usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")
        ]

    mallinfo2 = ctypes.CDLL("libc.so.6").mallinfo2
    mallinfo2.restype = MallInfo2
    info = mallinfo2()
    return info.uordblks + info.hblkhd


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallinfo2")
def test_a_kept_map_picture_holds_its_pixels_and_not_the_painter_that_drew_it(qapp):
    """An image painted on keeps its raster engine while it lives, and with a coast wider than one pixel (the map
    screen's 1.5 px at 1080p, every map at 4K) the engine holds the stroked outline's buffers: ~7 MiB for each
    kept picture, whatever its size, until the idle reset."""
    from kiosk.ui.providers import map_canvas

    canvas = map_canvas.MapCanvas()
    canvas.setSize(QSizeF(560, 280))
    canvas.setProperty("kmScale", 0.057)
    canvas.setProperty("coastWidth", 1.5)
    map_canvas.release_pictures()
    canvas.picture()
    assert len(map_canvas._pictures) == 1
    gc.collect()
    kept = _c_heap_in_use()
    map_canvas.release_pictures()
    gc.collect()
    cost = kept - _c_heap_in_use()
    pixels = 560 * 280 * 4
    assert cost < pixels * 1.2, f"{cost / 2**20:.1f} MiB kept for a {pixels / 2**20:.1f} MiB picture"
