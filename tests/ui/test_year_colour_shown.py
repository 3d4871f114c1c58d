"""A year the code has never seen (a 2026 title) gets its own colour, the same on the filter chip and on the
city's badge: the colours come from the data (kiosk/ui/year_colors.py), not from a table in QML."""

from __future__ import annotations

import shutil
import sqlite3

from PySide6.QtGui import QColor

from tests.ui.conftest import Finger, find, wait_until


def _top(app) -> str:
    item = app.driver.stack.property("currentItem")
    return item.objectName() if item is not None else ""


def _walk(item):
    todo = [item]
    while todo:
        node = todo.pop(0)
        yield node
        todo.extend(node.childItems())


def test_a_new_year_gets_a_colour_shared_by_filter_and_badge(make_kiosk, shell_db, tmp_path):
    db = tmp_path / "kiosk.sqlite"
    shutil.copy(shell_db, db)
    with sqlite3.connect(db) as con:
        city_id, name = con.execute("SELECT id, name FROM cities ORDER BY id LIMIT 1").fetchone()
        con.execute("UPDATE cities SET year = 2026 WHERE id = ?", (city_id,))
    app = make_kiosk(db)
    finger = Finger(app.window)

    finger.tap(find(app.window, "tileCities"))
    assert wait_until(lambda: _top(app) == "citiesScreen" and not app.driver.stack.property("busy"))
    chip = find(app.window, "facetYear_2026")
    swatch = QColor(chip.property("swatch"))
    with sqlite3.connect(db) as con:
        years = [y for (y,) in con.execute("SELECT DISTINCT year FROM cities WHERE year < 2026")]
    others = {QColor(find(app.window, f"facetYear_{y}").property("swatch")).name() for y in years}
    assert swatch.name() == "#d55e00"  # the sequence's seventh colour, not the fallback gold
    assert swatch.name() not in others and len(others) == len(years)

    finger.tap(chip)  # only the 2026 city is left
    card = f"cityCard_{city_id}"
    assert wait_until(lambda: app.catalog.count == 1)
    finger.tap(find(app.window, card))
    assert wait_until(lambda: _top(app) == "cityScreen" and not app.driver.stack.property("busy"))
    badge = find(app.window, "cityYear")
    assert badge.property("year") == 2026
    dot = next(i for i in _walk(badge) if i is not badge and i.metaObject().className().startswith("QQuickRectangle"))
    assert QColor(dot.property("color")).name() == swatch.name()  # the badge's year dot
