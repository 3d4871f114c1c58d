"""The map screen, driven like a visitor: touches, two-finger pinches, mouse drags and the wheel."""

from __future__ import annotations

import itertools
import shutil
import sqlite3

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest

from tests.helpers.kiosk import current_screen, on_screen
from tests.helpers.qt import Finger, Mouse, find, maybe, wait_until, walk

EKATERINBURG, PYSHMA, MAGADAN = 2, 64, 27


def open_map(make_kiosk, db, size=(1920, 1080)):
    app = make_kiosk(db, size=size)
    finger = Finger(app.window)
    finger.tap(find(app.window, "tileMap"))
    assert wait_until(lambda: on_screen(app, "mapScreen"))
    return app, finger, find(app.window, "mapView")


def dot(app, city_id: int) -> QPoint:
    item = find(app.window, f"mapCity_{city_id}")
    p = item.mapToScene(QPointF(0, 0))
    return QPoint(round(p.x()), round(p.y()))


def current_city(app) -> int:
    return int(current_screen(app).property("currentId"))


def wheel(app, at: QPoint, notches: int):
    """Mouse wheel over the map: positive zooms in."""
    Mouse(app.window).wheel(at, notches)


def pinch(app, finger: Finger, centre: QPoint, start: float, end: float, steps: int = 10):
    """Two fingers moving apart (end > start) or together, horizontally about `centre`."""
    win, dev = app.window, finger.device

    def points(d):
        return QPoint(round(centre.x() - d / 2), centre.y()), QPoint(round(centre.x() + d / 2), centre.y())

    a, b = points(start)
    QTest.touchEvent(win, dev).press(0, a, win).press(1, b, win).commit()
    for i in range(1, steps + 1):
        QTest.qWait(16)
        a, b = points(start + (end - start) * i / steps)
        QTest.touchEvent(win, dev).move(0, a, win).move(1, b, win).commit()
    QTest.touchEvent(win, dev).release(0, a, win).release(1, b, win).commit()
    QTest.qWait(30)


def test_home_tile_opens_the_map_and_a_touch_on_a_point_opens_that_city(make_kiosk, shell_db):
    app, finger, view = open_map(make_kiosk, shell_db)
    assert view.property("zoom") == 1.0
    finger.tap(dot(app, MAGADAN) + QPoint(6, -5))
    assert wait_until(lambda: on_screen(app, "cityScreen"))
    assert current_city(app) == MAGADAN
    assert find(app.window, "cityLocator").isVisible()


def test_a_touch_in_the_urals_offers_a_chooser_whose_targets_open_the_city(make_kiosk, shell_db):
    app, finger, _view = open_map(make_kiosk, shell_db)
    finger.tap(dot(app, EKATERINBURG))
    chooser = find(app.window, "mapChooser")
    assert wait_until(lambda: chooser.isVisible() and maybe(app.window, f"mapChoice_{PYSHMA}") is not None)
    choice = find(app.window, f"mapChoice_{PYSHMA}")
    assert choice.height() >= 64 and find(app.window, f"mapChoice_{EKATERINBURG}").height() >= 64
    finger.tap(choice)
    assert wait_until(lambda: on_screen(app, "cityScreen"))
    assert current_city(app) == PYSHMA


def test_zoomed_in_a_touch_in_the_crowd_reaches_the_city_itself(make_kiosk, shell_db):
    app, finger, view = open_map(make_kiosk, shell_db)
    wheel(app, dot(app, EKATERINBURG), 30)
    assert view.property("zoom") == pytest.approx(view.property("maxZoom"))
    finger.tap(dot(app, PYSHMA) + QPoint(3, 3))
    assert wait_until(lambda: on_screen(app, "cityScreen"))
    assert current_city(app) == PYSHMA


def test_pinch_zooms_within_bounds_and_drags_pan_within_the_map(make_kiosk, shell_db):
    app, finger, view = open_map(make_kiosk, shell_db)
    centre = view.mapToScene(QPointF(view.width() / 2, view.height() / 2)).toPoint()
    pinch(app, finger, centre, 200, 500)
    zoomed = view.property("zoom")
    assert 1.5 < zoomed <= view.property("maxZoom")
    for _ in range(6):
        pinch(app, finger, centre, 100, 700)
    assert view.property("zoom") == pytest.approx(view.property("maxZoom"))
    for _ in range(8):
        pinch(app, finger, centre, 700, 100)
    assert view.property("zoom") == pytest.approx(1.0)

    wheel(app, centre, 6)
    x0 = view.property("contentX")
    finger.drag(centre, -300, 0)  # touch: the map follows the finger
    assert wait_until(lambda: view.property("contentX") > x0 + 250)
    y0 = view.property("contentY")
    Mouse(app.window).drag(centre, 0, -300)  # the mouse drags the map too (school mode)
    assert wait_until(lambda: view.property("contentY") > y0 + 250)
    # A far fling never takes the view past the map's edge.
    for _ in range(6):
        finger.swipe(centre, 900, 900)
    assert wait_until(lambda: view.property("contentX") == 0 and view.property("contentY") == 0)


def names_on_screen(app, view) -> dict[str, tuple[float, float, float, float]]:
    out = {}
    for node in walk(view):
        if node.objectName().startswith("mapName_") and node.isVisible() and node.parentItem().isVisible():
            p = node.mapToScene(QPointF(0, 0))
            out[node.property("text")] = (p.x(), p.y(), node.width(), node.height())
    return out


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_names_on_screen_never_overlap_at_any_zoom(make_kiosk, shell_db, size):
    app, _finger, view = open_map(make_kiosk, shell_db, size)
    centre = dot(app, EKATERINBURG)
    counts = []
    for _ in range(12):
        names = names_on_screen(app, view)
        counts.append(len(names))
        for (a, ra), (b, rb) in itertools.combinations(names.items(), 2):
            apart = ra[0] + ra[2] <= rb[0] or rb[0] + rb[2] <= ra[0] or ra[1] + ra[3] <= rb[1] or rb[1] + rb[3] <= ra[1]
            assert apart, (view.property("zoom"), a, b)
        wheel(app, centre, 2)
    assert counts[0] >= 15
    assert {"Екатеринбург", "Верхняя Пышма"} <= set(names_on_screen(app, view))


def test_the_year_control_filters_and_plays_the_waves(make_kiosk, shell_db):
    app, finger, _view = open_map(make_kiosk, shell_db)
    years = {c.id: c.year for c in app.database.repository.cities()}

    def shown() -> set[int]:
        return {cid for cid in years if find(app.window, f"mapCity_{cid}").property("opacity") > 0.99}

    finger.tap(find(app.window, "mapYear_2020"))
    assert wait_until(lambda: shown() == {cid for cid, y in years.items() if y == 2020})
    # A city of a later year is not there to be touched.
    later = next(c.id for c in app.database.repository.cities() if c.name == "Салехард")
    assert years[later] > 2020
    finger.tap(dot(app, later))
    QTest.qWait(50)
    assert on_screen(app, "mapScreen") and not find(app.window, "mapChooser").isVisible()

    screen = current_screen(app)
    finger.tap(find(app.window, "mapPlay"))
    assert screen.property("playing")
    seen = set()
    assert wait_until(lambda: seen.add(screen.property("shownYear")) or not screen.property("playing"), 15000)
    assert seen >= {2021, 2025} and screen.property("shownYear") == max(years.values())
    assert wait_until(lambda: shown() == set(years))


def test_a_city_without_coordinates_is_listed_beside_the_map(make_kiosk, shell_db, tmp_path):
    db = shutil.copy(shell_db, tmp_path / "kiosk.sqlite")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE cities SET lat = NULL, lon = NULL WHERE id = ?", (MAGADAN,))
    conn.close()
    app, finger, _view = open_map(make_kiosk, db)
    listed = find(app.window, f"mapUnplaced_{MAGADAN}")
    assert listed.isVisible() and listed.height() >= 64
    assert maybe(app.window, f"mapCity_{MAGADAN}") is None
    finger.tap(listed)
    assert wait_until(lambda: on_screen(app, "cityScreen"))
    assert current_city(app) == MAGADAN
    assert not find(app.window, "cityLocator").isVisible()


def test_baikal_is_drawn_as_water_beside_irkutsk_on_land(make_kiosk, shell_db):
    from kiosk.ui.providers.map_canvas import map_asset

    app, _finger, view = open_map(make_kiosk, shell_db)
    irkutsk = next(c.id for c in app.database.repository.cities() if c.name == "Иркутск")
    wheel(app, dot(app, irkutsk), 4)
    assert wait_until(lambda: view.property("zoom") > 2.0)
    canvas = find(app.window, "mapCanvas")

    def pixel(lat: float, lon: float):
        x, y = map_asset().place(lat, lon)
        s, ox, oy = (canvas.property(k) for k in ("kmScale", "originX", "originY"))
        p = canvas.mapToScene(QPointF((x - ox) * s, (y - oy) * s))
        return app.window.grabWindow().pixelColor(round(p.x()), round(p.y())).name()

    sea, land = canvas.property("sea").name(), canvas.property("land").name()
    assert wait_until(lambda: pixel(53.5, 108.0) == sea)  # the middle of Baikal
    assert pixel(53.0, 101.0) == land  # west of Irkutsk, clear of its dot and name


def test_a_drag_moves_the_picture_and_draws_the_view_once_it_is_still(make_kiosk, shell_db, monkeypatch):
    """Drawing the map takes ~0.25 s at 1080p on the software back end: drawn at every step, a drag showed a
    frame every half second (tap_bench). While the view moves the picture on screen moves with the finger; the
    new view is drawn once, when it has been still for a moment."""
    from kiosk.ui.providers import map_canvas

    draws: list[int] = []
    draw = map_canvas.MapCanvas._draw

    def counted(self, *args):
        draws.append(1)
        return draw(self, *args)

    monkeypatch.setattr(map_canvas.MapCanvas, "_draw", counted)
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    finger.tap(find(app.window, "tileMap"))
    assert wait_until(lambda: app.driver.current_name() == "mapScreen")
    app.window.grabWindow()
    view = find(app.window, "mapView")
    centre = view.mapToScene(QPointF(view.width() / 2, view.height() / 2))
    Mouse(app.window).wheel(centre.toPoint(), 6)  # zoomed in: room to pan
    app.window.grabWindow()
    draws.clear()
    x0 = view.property("contentX")
    finger.drag(centre, -400, 0, steps=16, step_ms=16)
    assert wait_until(lambda: view.property("contentX") > x0 + 300 and not view.property("moving"))

    def drawn() -> bool:
        app.window.grabWindow()
        return bool(draws)

    assert wait_until(drawn)
    assert len(draws) <= 2, f"{len(draws)} drawings for one drag of 16 steps"


def test_larger_text_places_the_names_again(make_kiosk, shell_db):
    """With «Aa» the names grow: placed for the old size they sat on dots and on each other until the language was
    switched. The map places them again for the size shown."""
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    finger.tap(find(app.window, "tileMap"))
    assert wait_until(lambda: on_screen(app, "mapScreen"))
    placed_for = app.city_map._layout_key[4]  # the names' font size the layout was made for
    finger.tap(find(app.window, "largeText"))
    assert wait_until(lambda: app.city_map._layout_key[4] > placed_for)
    assert app.driver.current_name() == "mapScreen"  # the visitor stays where they were
