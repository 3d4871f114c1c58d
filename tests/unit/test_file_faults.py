"""Issue 14, faults 3, 5 and 8 at the data layer: what lies at the database path is checked before SQLite sees
it, and SQLite only ever opens a private copy (no lock waits, nothing created beside the curators' file)."""

from __future__ import annotations

import os
import socket
import sqlite3
import stat
import subprocess
import sys
import threading

import pytest

from kiosk.data.errors import DataError
from kiosk.data.store.repository import Repository
from kiosk.data.store.snapshot import take_snapshot
from kiosk.data.store.validate import check_file


def _in_time(fn, seconds: float = 10.0):
    """Run fn in a thread; a hang fails the test instead of hanging the suite."""
    box: dict = {}

    def run():
        try:
            box["value"] = fn()
        except BaseException as e:
            box["error"] = e

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"{fn} blocked for {seconds} s"
    if "error" in box:
        raise box["error"]
    return box["value"]


def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "kiosk.sqlite"
    os.mkfifo(fifo)
    problems = _in_time(lambda: [str(p) for p in check_file(fifo)])
    assert problems == [f"{fifo}: is a FIFO (named pipe), not a database file"]
    with pytest.raises(DataError, match="FIFO"):
        _in_time(lambda: Repository.open(fifo))


def test_a_device_is_refused(tmp_path):
    link = tmp_path / "kiosk.sqlite"
    link.symlink_to("/dev/zero")  # reading it would never end
    assert [str(p) for p in _in_time(lambda: check_file(link))] == [
        f"{link}: is a character device, not a database file"
    ]


def test_a_socket_is_refused(tmp_path):
    path = tmp_path / "s.sqlite"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(path))
        assert [str(p) for p in _in_time(lambda: check_file(path))] == [f"{path}: is a socket, not a database file"]
    finally:
        sock.close()


def test_a_symlink_loop_is_reported_as_such(tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    a.symlink_to(b)
    b.symlink_to(a)
    assert [str(p) for p in check_file(a)] == [f"{a}: symlink loop (a link that points back to itself)"]


def test_a_broken_symlink_names_its_target(tmp_path):
    link = tmp_path / "current.sqlite"
    link.symlink_to(tmp_path / "release-9.sqlite")
    assert "broken symlink" in str(check_file(link)[0])


def test_validate_cli_refuses_a_fifo_promptly(tmp_path, repo_root):
    fifo = tmp_path / "kiosk.sqlite"
    os.mkfifo(fifo)
    r = subprocess.run(
        [sys.executable, "-m", "kiosk.data.curation.cli", "validate", str(fifo)],
        cwd=repo_root,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert r.returncode == 1
    assert f"{fifo}: is a FIFO" in r.stdout
    assert "Traceback" not in r.stderr


def _to_wal(path):
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
    conn.close()


def test_a_wal_file_leaves_nothing_beside_it(db_copy):
    _to_wal(db_copy)
    assert sorted(p.name for p in db_copy.parent.iterdir()) == [db_copy.name]
    assert check_file(db_copy) == []
    assert len(Repository.open(db_copy).cities()) == 3
    assert sorted(p.name for p in db_copy.parent.iterdir()) == [db_copy.name]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_wal_file_in_a_read_only_folder_opens(db_copy):
    _to_wal(db_copy)
    folder = db_copy.parent
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        assert check_file(db_copy) == []
        assert len(Repository.open(db_copy).cities()) == 3
    finally:
        folder.chmod(stat.S_IRWXU)


def test_committed_changes_still_in_the_wal_are_read(db_copy):
    _to_wal(db_copy)
    editor = sqlite3.connect(db_copy)  # DB Browser left open: its last commit sits in -wal only
    editor.execute("PRAGMA wal_autocheckpoint=0")
    editor.execute("UPDATE cities SET name = 'Горький' WHERE id = 1")
    editor.commit()
    try:
        assert Repository.open(db_copy).city(1).name == "Горький"
    finally:
        editor.close()


def test_a_write_in_progress_is_refused_at_once_as_being_written(db_copy):
    """Rollback-journal mode (the curators' tools' default): the editor's hot journal lies beside the file, so the
    reader refuses it in one message, never with SQLite's 5 s busy wait."""
    editor = sqlite3.connect(db_copy)
    editor.execute("BEGIN EXCLUSIVE")  # a curator's tool holding the write lock
    editor.execute("UPDATE cities SET name = 'X' WHERE id = 1")
    try:
        with pytest.raises(DataError, match="being written"):
            _in_time(lambda: Repository.open(db_copy), seconds=2.0)
    finally:
        editor.rollback()
        editor.close()


def test_a_write_in_progress_in_wal_mode_reads_the_last_commit(db_copy):
    """WAL mode: the uncommitted change sits in the editor's memory or the -wal, not in what a reader sees; the
    reader gets the last committed content, at once."""
    _to_wal(db_copy)
    editor = sqlite3.connect(db_copy)
    editor.execute("BEGIN EXCLUSIVE")
    editor.execute("UPDATE cities SET name = 'X' WHERE id = 1")
    try:
        repo = _in_time(lambda: Repository.open(db_copy), seconds=2.0)
        assert repo.city(1).name != "X"
    finally:
        editor.rollback()
        editor.close()


def test_the_snapshot_is_private_and_removed(db_copy):
    with take_snapshot(db_copy) as snap:
        assert snap.path.read_bytes() == db_copy.read_bytes()
        assert snap.path.parent != db_copy.parent
    assert not snap.path.parent.exists()


def test_a_file_that_changes_while_copied_is_refused(db_copy, monkeypatch):
    import kiosk.data.store.snapshot as snapshot

    real_copy = snapshot._copy

    def copy_then_append(src, target):
        real_copy(src, target)
        if str(src) == str(db_copy):
            with db_copy.open("ab") as f:  # the curator's copy is still running
                f.write(b"\0" * 4096)

    monkeypatch.setattr(snapshot, "_copy", copy_then_append)
    with pytest.raises(DataError, match="changed while it was being read"):
        take_snapshot(db_copy)


def test_images_come_from_the_snapshot_of_the_loaded_file(db_copy, jpeg_file):
    from kiosk.data.curation import images

    images.add_image(db_copy, "city", "1", jpeg_file)
    repo = Repository.open(db_copy)
    ref = repo.images()[0]
    data = repo.image_data(ref.id)
    db_copy.unlink()  # the curators' file is replaced or gone: the records on screen still have their images
    assert repo.image_data(ref.id) == data
    snapshot_folder = repo._snapshot.path.parent
    repo.close()
    assert not snapshot_folder.exists()


def test_no_snapshot_is_kept_without_images(db_copy):
    repo = Repository.open(db_copy)
    assert getattr(repo, "_snapshot", None) is None


def test_a_copy_made_by_the_kernel_has_the_same_checksum_as_one_made_through_python(db_copy, monkeypatch):
    """Issue 28: the private copy is made by the kernel where it can (a block clone, or copy_file_range: 0.5 GB of
    photographs in ~0.7 s instead of ~1.6 s) and its checksum read when first asked for; it must be the checksum
    the copy through Python takes on the way, or the watcher would take a touched file for a new one."""
    from kiosk.data.store import snapshot

    with take_snapshot(db_copy) as fast:
        assert fast.path.read_bytes() == db_copy.read_bytes()
        fast_digest = fast.digest
    monkeypatch.setattr(snapshot, "_kernel_copy", lambda *args: False)
    with take_snapshot(db_copy) as slow:
        assert slow._digest is not None  # taken on the way
        assert fast_digest == slow.digest == snapshot.content_digest(db_copy)
