"""Bad databases: visitors see a calm screen, the reason goes to the log; a good file brings the kiosk back."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from tests.helpers.qt import find, maybe, wait_until


def _visible_texts(window) -> list[str]:
    out, todo = [], [window.contentItem()]
    while todo:
        item = todo.pop()
        if not item.isVisible() or item.opacity() == 0:
            continue
        text = item.property("text")
        if isinstance(text, str) and text and item.inherits("QQuickText"):
            out.append(text)
        todo.extend(item.childItems())
    return out


def _missing(tmp_path, good):
    return tmp_path / "nothing-here.sqlite"


def _empty(tmp_path, good):
    p = tmp_path / "empty.sqlite"
    p.write_bytes(b"")
    return p


def _garbage(tmp_path, good):
    p = tmp_path / "garbage.sqlite"
    p.write_bytes(os.urandom(4096))
    return p


def _foreign(tmp_path, good):
    p = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices VALUES (1, 9.5)")
    conn.commit()
    conn.close()
    return p


def _newer(tmp_path, good):
    p = shutil.copy(good, tmp_path / "newer.sqlite")
    conn = sqlite3.connect(p)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    return p


@pytest.mark.parametrize(
    "make_bad",
    [_missing, _empty, _garbage, _foreign, _newer],
    ids=["missing", "empty", "garbage", "foreign", "newer-schema"],
)
def test_bad_database_shows_the_calm_screen(make_kiosk, shell_db, tmp_path, caplog, make_bad):
    bad = make_bad(tmp_path, shell_db)
    with caplog.at_level(logging.ERROR, logger="kiosk"):
        app = make_kiosk(bad, watch=False)
    assert not app.database.available
    screen = app.window.findChild(QQuickItem, "unavailableScreen")
    assert screen is not None and screen.isVisible()
    assert not find(app.window, "topBar").isVisible()
    texts = _visible_texts(app.window)
    assert "Экспозиция временно недоступна" in texts
    shown = " ".join(texts)
    for technical in ("sqlite", "schema", "Error", str(tmp_path), ".py", "Traceback"):
        assert technical not in shown
    reasons = [r.getMessage() for r in caplog.records if r.name == "kiosk.database"]
    assert reasons and str(bad) in reasons[0]  # the reason, with the file, in the log
    assert "\n" not in app.database.reason


def test_the_admin_corner_still_works_when_unavailable(make_kiosk, tmp_path, shell_db):
    from tests.helpers.qt import Finger

    app = make_kiosk(tmp_path / "missing.sqlite", watch=False)
    Finger(app.window).long_press(find(app.window, "adminCorner"), 3200)
    assert find(app.window, "pinPad").isVisible()


def test_a_good_file_appearing_brings_the_kiosk_back(make_kiosk, shell_db, tmp_path):
    target = tmp_path / "live" / "kiosk.sqlite"
    target.parent.mkdir()
    app = make_kiosk(target)
    assert not app.database.available
    # The curator copies beside the file and renames over it (atomic replace).
    staging = target.with_suffix(".tmp")
    shutil.copy(shell_db, staging)
    staging.replace(target)
    assert wait_until(lambda: app.database.available, 5000)
    QTest.qWait(50)
    assert app.driver.current_name() == "homeScreen"
    assert app.window.findChild(QQuickItem, "unavailableScreen") is None


def test_hot_reload_after_atomic_replace_and_bad_files_are_ignored(make_kiosk, shell_db, tmp_path):
    target = tmp_path / "kiosk.sqlite"
    shutil.copy(shell_db, target)
    app = make_kiosk(target)
    assert app.database.available
    count = app.database.cityCount
    reloads = []
    app.database.reloaded.connect(reloads.append)

    # A broken file replaces the good one: visitors keep the current data.
    staging = tmp_path / "incoming.tmp"
    staging.write_bytes(b"not a database at all")
    staging.replace(target)
    assert wait_until(lambda: reloads == [False], 5000)
    assert app.database.available and app.database.cityCount == count

    # A good, different file: the kiosk switches to it.
    shutil.copy(shell_db, staging)
    conn = sqlite3.connect(staging)
    conn.execute("UPDATE meta SET value = '2030-01-01T00:00:00Z' WHERE key = 'built_at'")
    conn.commit()
    conn.close()
    Path(staging).replace(target)
    assert wait_until(lambda: reloads == [False, True], 5000)
    assert app.database.builtAt == "2030-01-01T00:00:00Z"
    assert app.database.available


def test_watchers_and_timers_stop_on_close(make_kiosk, shell_db, tmp_path):
    from PySide6.QtCore import QFileSystemWatcher, QTimer

    target = tmp_path / "kiosk.sqlite"
    shutil.copy(shell_db, target)
    app = make_kiosk(target, idle_timeout=30)
    db = app.database
    watcher = db.findChild(QFileSystemWatcher)
    assert watcher is not None and watcher.files()
    app.close()
    assert not watcher.files() and not watcher.directories()
    assert not any(t.isActive() for t in db.findChildren(QTimer))
    assert not any(t.isActive() for t in app.idle.findChildren(QTimer))


def test_a_row_problem_found_after_the_first_frame_shows_the_calm_screen(make_kiosk, shell_db, tmp_path, caplog):
    """Start-up opens on the checks opening needs; the row and content checks follow the first frame, and what
    they find makes the kiosk unavailable, as it would have been at the open, with the exact place logged."""
    bad = shutil.copy(shell_db, tmp_path / "bad-row.sqlite")
    conn = sqlite3.connect(bad)
    conn.execute("UPDATE cities SET year = 1812 WHERE id = (SELECT min(id) FROM cities)")
    conn.commit()
    conn.close()
    with caplog.at_level(logging.ERROR, logger="kiosk"):
        app = make_kiosk(bad, watch=False)
        assert wait_until(lambda: not app.database.available, 5000)
    assert wait_until(lambda: maybe(app.window, "unavailableScreen") is not None, 5000)
    assert find(app.window, "unavailableScreen").isVisible()
    reasons = [r.getMessage() for r in caplog.records if r.name == "kiosk.database"]
    assert reasons and str(bad) in reasons[0] and ".year: 1812" in reasons[0]
    assert app.database.property("refusal") == app.database.reason


def test_a_file_replaced_before_the_late_checks_is_left_to_the_watcher(make_kiosk, shell_db, tmp_path, monkeypatch):
    """The late checks judge the file that is showing; one replaced meanwhile is the watcher's to judge in full,
    so the visitor keeps the good data."""
    from kiosk.ui.services.database import DatabaseService
    from kiosk.ui.services.startup import StartupService
    from tests.helpers.kiosk import open_cities
    from tests.helpers.qt import Finger

    monkeypatch.setattr(StartupService, "begin", lambda self: None)  # the late checks wait for the tap below
    outcomes = []
    verified = DatabaseService._verified
    monkeypatch.setattr(
        DatabaseService, "_verified", lambda s, repo, found: (outcomes.append(found), verified(s, repo, found))
    )
    target = shutil.copy(shell_db, tmp_path / "kiosk.sqlite")
    app = make_kiosk(target, watch=False, startup_done=False)
    staging = shutil.copy(shell_db, tmp_path / "incoming.sqlite")
    conn = sqlite3.connect(staging)
    conn.execute("UPDATE cities SET year = 1812 WHERE id = (SELECT min(id) FROM cities)")
    conn.commit()
    conn.close()
    Path(staging).replace(target)
    open_cities(app, Finger(app.window))  # leaving home runs what start-up put off, the late checks too
    assert wait_until(lambda: outcomes, 5000)
    assert outcomes == [False] and app.database.available
    assert app.driver.current_name() == "citiesScreen"
