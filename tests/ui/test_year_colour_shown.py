"""A year the code has never seen (a 2026 title) gets its own colour, the same on the filter chip and on the
city's badge: the colours come from the data (kiosk/ui/models/year_colors.py), not from a table in QML."""

from __future__ import annotations

import shutil
import sqlite3

from PySide6.QtGui import QColor

from tests.helpers.kiosk import open_cities, open_city
from tests.helpers.qt import Finger, find, walk, wait_until


def test_a_new_year_gets_a_colour_shared_by_filter_and_badge(make_kiosk, shell_db, tmp_path):
    db = tmp_path / "kiosk.sqlite"
    shutil.copy(shell_db, db)
    with sqlite3.connect(db) as con:
        (city_id,) = con.execute("SELECT id FROM cities ORDER BY id LIMIT 1").fetchone()
        con.execute("UPDATE cities SET year = 2026 WHERE id = ?", (city_id,))
        years = [y for (y,) in con.execute("SELECT DISTINCT year FROM cities WHERE year < 2026")]
    app = make_kiosk(db)
    finger = Finger(app.window)

    open_cities(app, finger)
    chip = find(app.window, "facetYear_2026")
    swatch = QColor(chip.property("swatch")).name()
    others = {QColor(find(app.window, f"facetYear_{y}").property("swatch")).name() for y in years}
    assert swatch == "#d55e00"  # the sequence's seventh colour, not the fallback gold
    assert swatch not in others and len(others) == len(years)

    finger.tap(chip)  # only the 2026 city is left
    assert wait_until(lambda: app.catalog.count == 1)
    open_city(app, finger, city_id)
    badge = find(app.window, "cityYear")
    assert badge.property("year") == 2026
    dot = next(i for i in walk(badge) if i is not badge and i.inherits("QQuickRectangle"))
    assert QColor(dot.property("color")).name() == swatch  # the badge's year dot
