"""Issue 21 item 5 and issue 29: the watcher reopens only when the database file itself changed.

A busy folder (notes, photographs, Syncthing's temporary files beside the database or in the folder above) must
cause no reopen; a `touch` or the same bytes copied again neither; a real replacement still switches. A folder
the kiosk may no longer enter gives one log line, never an exception on the GUI thread.
"""

from __future__ import annotations

import logging
import os
import shutil
import stat

import pytest

import kiosk.ui.services.database as database_service
from tests.helpers.qt import wait_until
from tests.ui.test_hot_reload import _stamped

SETTLE_MS = 4 * database_service.DEBOUNCE_MS  # long enough for a debounced check and its job to have run


@pytest.fixture(autouse=True)
def fast_poll(monkeypatch):
    monkeypatch.setattr(database_service, "POLL_MS", 300, raising=False)


def _counting(app) -> list:
    """The paths the service opened from now on (each open is a snapshot copy and a full check)."""
    opened: list = []
    real = app.database._opener

    def opener(path):
        opened.append(path)
        return real(path)

    app.database._opener = opener
    return opened


def _quiet_for(ms: int) -> None:
    from PySide6.QtTest import QTest

    QTest.qWait(ms)


@pytest.fixture()
def live(shell_db, tmp_path):
    folder = tmp_path / "sync" / "kiosk"
    folder.mkdir(parents=True)
    return _stamped(shell_db, folder / "kiosk.sqlite", "2030-01-01T00:00:00Z")


def test_unrelated_and_syncthing_temporary_files_cause_no_reload(make_kiosk, live):
    app = make_kiosk(live)
    opened = _counting(app)
    folder, above = live.parent, live.parent.parent
    for n in range(3):
        for where in (folder, above):
            (where / f"notes-{n}.txt").write_text("curator's notes")
            (where / ".syncthing.kiosk.sqlite.tmp").write_bytes(b"\0" * 4096)  # Syncthing >= 1.x
            (where / "~syncthing~kiosk.sqlite.tmp").write_bytes(b"\0" * 4096)  # its Windows-safe name
            (where / f"photo-{n}.jpg").write_bytes(b"\xff\xd8" + b"\0" * 1000)
        _quiet_for(200)
        for where in (folder, above):
            for name in (".syncthing.kiosk.sqlite.tmp", "~syncthing~kiosk.sqlite.tmp", f"photo-{n}.jpg"):
                (where / name).unlink()
    _quiet_for(SETTLE_MS + 600)  # and a poll or two
    assert opened == [], f"{len(opened)} reopen(s) of an unchanged file"
    assert app.database.available and app.database.builtAt == "2030-01-01T00:00:00Z"


def test_a_touch_or_the_same_bytes_copied_again_cause_no_reload(make_kiosk, live, tmp_path):
    app = make_kiosk(live)
    opened = _counting(app)
    os.utime(live, ns=(1, 1))  # `touch`: a new time, the same bytes
    _quiet_for(SETTLE_MS)
    copy = live.with_name(".syncthing.kiosk.sqlite.tmp")
    shutil.copyfile(live, copy)
    copy.replace(live)  # Syncthing's atomic rename of an identical file: a new inode, the same bytes
    _quiet_for(SETTLE_MS + 600)
    assert opened == [], f"{len(opened)} reopen(s) of a file whose bytes did not change"


def test_a_real_replacement_still_switches(make_kiosk, live, shell_db, tmp_path):
    app = make_kiosk(live)
    opened = _counting(app)
    (live.parent / "notes.txt").write_text("noise first")
    incoming = _stamped(shell_db, live.with_name(".syncthing.kiosk.sqlite.tmp"), "2031-01-01T00:00:00Z")
    incoming.replace(live)
    assert wait_until(lambda: app.database.builtAt == "2031-01-01T00:00:00Z", 8000)
    assert len(opened) == 1


def test_same_size_new_content_is_a_new_file(make_kiosk, live, shell_db, tmp_path):
    """The checksum decides when the size cannot: one changed byte of the same length is a new file."""
    app = make_kiosk(live)
    before = live.stat()
    incoming = _stamped(shell_db, tmp_path / "incoming.sqlite", "2031-01-01T00:00:00Z")  # same length of stamp
    assert incoming.stat().st_size == before.st_size
    incoming.replace(live)
    assert wait_until(lambda: app.database.builtAt == "2031-01-01T00:00:00Z", 8000)


def _deny(folder, monkeypatch):
    """Make `folder` one the kiosk may not enter: mode 000 for an ordinary user; as root (who may enter anything)
    the stat() the watcher makes fails the way it does for an ordinary user."""
    if os.geteuid() != 0:
        folder.chmod(0)
        return lambda: folder.chmod(stat.S_IRWXU)
    real_stat = os.stat

    def stat_as_user(path, *args, **kwargs):
        if str(path).startswith(str(folder)):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(database_service.os, "stat", stat_as_user)
    return lambda: monkeypatch.setattr(database_service.os, "stat", real_stat)


@pytest.mark.parametrize("how", ["mode 000", "swapped for another user's 0700 folder"])
def test_a_folder_the_kiosk_may_not_enter_is_logged_once(make_kiosk, live, tmp_path, monkeypatch, caplog, how):
    app = make_kiosk(live)
    folder = live.parent
    if how.startswith("swapped"):
        folder.rename(tmp_path / "old")
        folder.mkdir(mode=0o700)
        shutil.copy(tmp_path / "old" / "kiosk.sqlite", folder / "kiosk.sqlite")
    restore = _deny(folder, monkeypatch)
    try:
        with caplog.at_level(logging.WARNING, logger="kiosk.database"):
            (folder.parent / "poke.txt").write_text("a change in the folder above wakes the watcher")
            assert wait_until(lambda: app.database.refusal, 8000)
            (folder.parent / "poke.txt").write_text("and every later change: still one line")
            _quiet_for(SETTLE_MS + 600)
    finally:
        restore()
    lines = [r.getMessage() for r in caplog.records if r.name == "kiosk.database" and r.levelno >= logging.WARNING]
    assert len(lines) == 1 and "permission denied" in lines[0], lines
    assert app.database.builtAt == "2030-01-01T00:00:00Z"  # the last good data stays
