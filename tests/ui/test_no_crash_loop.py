"""Issue 29: a file the full validation refuses gives the calm «unavailable» screen at start, exactly as it is
refused at reload; never a traceback and exit 70 that every restart by the supervisor repeats.

The files are what a curator's hand edit makes: a table rebuilt without its constraints, then a NULL, a text
year, a fraction, a blob or a text latitude in a required column; a section date that is not a date; a
5-million-character name (the schema's limits).
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from kiosk.data.store.validate import check_file
from tests.helpers.qt import find, maybe, wait_until


def _loose(path):
    """Rebuild `cities` without types or NOT NULL, as a hand edit in a generic SQLite editor does."""
    conn = sqlite3.connect(path)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(cities)")]
    conn.executescript(
        f"ALTER TABLE cities RENAME TO old; CREATE TABLE cities ({', '.join(cols)}); "
        "INSERT INTO cities SELECT * FROM old; DROP TABLE old;"
    )
    return conn


FIRST = "(SELECT min(id) FROM cities)"
EDITS = {
    "null year": f"UPDATE cities SET year = NULL WHERE id = {FIRST}",
    "text year": f"UPDATE cities SET year = '2021' WHERE id = {FIRST}",
    "fraction year": f"UPDATE cities SET year = 2021.5 WHERE id = {FIRST}",
    "blob year": f"UPDATE cities SET year = x'00' WHERE id = {FIRST}",
    "text latitude": f"UPDATE cities SET lat = 'abc' WHERE id = {FIRST}",
    "5M-character name": f"UPDATE cities SET name = printf('%.*c', 5000000, 'x') WHERE id = {FIRST}",
    "section date": "UPDATE nk_events SET date = 'abc' WHERE rowid = (SELECT min(rowid) FROM nk_events)",
}


def _bad(shell_db, folder, what):
    path = folder / "kiosk.sqlite"
    shutil.copy(shell_db, path)
    conn = _loose(path)
    if what == "section date" and not conn.execute("SELECT count(*) FROM nk_events").fetchone()[0]:
        pytest.skip("this database has no section")
    conn.execute(EDITS[what])
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize("what", list(EDITS))
def test_a_refused_file_at_start_is_the_calm_screen(make_kiosk, shell_db, tmp_path, what):
    bad = _bad(shell_db, tmp_path, what)
    assert check_file(bad), "the full validation must refuse this file"
    app = make_kiosk(bad, watch=False)  # an unhandled exception here fails the test (and was exit 70)
    assert wait_until(lambda: not app.database.available, 5000)
    assert wait_until(lambda: maybe(app.window, "unavailableScreen") is not None, 5000)
    assert find(app.window, "unavailableScreen").isVisible()
    assert wait_until(lambda: str(bad) in app.database.reason, 5000), app.database.reason  # exact, for staff


@pytest.mark.parametrize("what", ["text year", "section date"])
def test_the_same_file_is_refused_at_reload(make_kiosk, shell_db, tmp_path, what):
    live = tmp_path / "live" / "kiosk.sqlite"
    live.parent.mkdir()
    shutil.copy(shell_db, live)
    app = make_kiosk(live)
    bad = _bad(shell_db, tmp_path, what)
    bad.replace(live)
    assert wait_until(lambda: app.database.refusal, 8000)
    assert app.database.available  # the last good data stays at reload
