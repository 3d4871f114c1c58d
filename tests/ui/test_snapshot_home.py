"""Issue 29: the private copies of a database with photographs live in the kiosk's own state folder, and what a
killed or crashed earlier run left behind (there or in the temporary folder) is removed by the next start."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from PIL import Image

from kiosk.data.curation.build import build_database
from kiosk.data.curation.images import add_image
from kiosk.data.store.snapshot import PREFIX, remove_leftovers
from kiosk.ui.platform import locations
from tests.helpers.kiosk import FIXTURE_SOURCES
from tests.helpers.qt import wait_until


@pytest.fixture(scope="module")
def photo_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("photos")
    db = build_database(FIXTURE_SOURCES, folder / "kiosk.sqlite")
    Image.new("RGB", (800, 600), (150, 40, 30)).save(folder / "p.jpg", "JPEG")
    add_image(db, "city", "3", folder / "p.jpg", caption="Снимок", credit="Фото: архив, 1942")
    return db


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _leftover(folder: Path, pid: int) -> Path:
    path = folder / f"{PREFIX}{pid}-abcd1234"
    path.mkdir(parents=True)
    (path / "kiosk.sqlite").write_bytes(b"\0" * 100_000)
    return path


def test_the_copy_lives_in_the_state_folder(make_kiosk, photo_db):
    app = make_kiosk(photo_db)
    snapshot = app.database.repository._snapshot
    home = locations.user_state_dir() / "snapshots"
    assert snapshot.path.is_relative_to(home), snapshot.path
    assert snapshot.path.parent.name.startswith(f"{PREFIX}{os.getpid()}-")


def test_an_earlier_runs_leftovers_are_removed(make_kiosk, photo_db):
    home = locations.user_state_dir() / "snapshots"
    dead = _dead_pid()
    in_home = _leftover(home, dead)
    in_tmp = _leftover(Path(tempfile.gettempdir()), dead)
    alive = _leftover(home, os.getppid())  # a kiosk still running (here: pytest's parent) keeps its copy
    try:
        make_kiosk(photo_db)
        assert wait_until(lambda: not in_home.exists() and not in_tmp.exists(), 5000), "leftovers stayed"
        assert alive.exists()
    finally:
        for path in (in_tmp, alive):
            if path.exists():
                import shutil

                shutil.rmtree(path)


def test_only_our_kind_is_removed(tmp_path):
    dead = _dead_pid()
    ours = _leftover(tmp_path, dead)
    theirs = tmp_path / f"other-{dead}"
    theirs.mkdir()
    not_a_pid = tmp_path / f"{PREFIX}x-1"
    not_a_pid.mkdir()
    earlier_version = tmp_path / f"{PREFIX}4rdfoe8c"  # what runs before this change left (57, 113, 169 MB…)
    earlier_version.mkdir()
    os.utime(earlier_version, (time.time() - 7200, time.time() - 7200))
    fresh_earlier = tmp_path / f"{PREFIX}kcwyxlzv"  # perhaps still in use by an older kiosk: left alone
    fresh_earlier.mkdir()
    assert sorted(remove_leftovers(tmp_path)) == sorted([ours, earlier_version])
    assert theirs.exists() and not_a_pid.exists() and fresh_earlier.exists()


def test_a_copy_that_cannot_go_home_goes_to_the_temporary_folder(photo_db, tmp_path):
    from kiosk.data.store import snapshot

    blocked = tmp_path / "a-file"
    blocked.write_text("a file where the state folder should be (or a full or read-only disk)")
    snapshot.set_home(blocked / "snapshots")
    try:
        with snapshot.take_snapshot(photo_db) as snap:
            assert snap.path.parent.parent == Path(tempfile.gettempdir()) and snap.path.exists()
    finally:
        snapshot.set_home(None)


def test_the_late_full_check_reads_the_copy_shown_and_takes_no_second_one(make_kiosk, photo_db, monkeypatch):
    """Issue 28: the row and content checks after the first frame check the private copy already shown; with an
    exhibit of photographs a second copy would be another ~0.5 GB on disk right after every start."""
    from kiosk.data.store import sqlite_ro

    taken: list[str] = []
    take = sqlite_ro.take_snapshot

    def counted(path, *args, **kwargs):
        taken.append(str(path))
        return take(path, *args, **kwargs)

    monkeypatch.setattr(sqlite_ro, "take_snapshot", counted)
    app = make_kiosk(photo_db)
    wait_until(lambda: app.database.repository.checked)
    assert taken == [str(photo_db)], taken
    assert app.database.available


def test_no_large_copy_goes_to_a_folder_held_in_memory(photo_db, tmp_path, monkeypatch):
    """Issue 28: a state folder without room never sends a photograph-sized copy to a RAM-backed /tmp."""
    from kiosk.data.store import snapshot
    from kiosk.data.errors import DataError

    monkeypatch.setattr(snapshot, "IN_MEMORY_MAX_BYTES", 1024)
    monkeypatch.setattr(snapshot, "_fstype", lambda folder: "tmpfs" if "state" not in str(folder) else "ext4")
    monkeypatch.setattr(snapshot, "RESERVE_BYTES", 1 << 62)  # no disk has that much room: the state folder is «full»
    snapshot.set_home(tmp_path / "state")
    try:
        with pytest.raises(DataError, match="held in memory"):
            snapshot.take_snapshot(photo_db)
        monkeypatch.setattr(snapshot, "RESERVE_BYTES", 0)
        with snapshot.take_snapshot(photo_db) as snap:  # with room, the state folder takes it
            assert snap.path.is_relative_to(tmp_path / "state")
    finally:
        snapshot.set_home(None)
