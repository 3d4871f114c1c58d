"""Issue 14 faults 3 and 8 through the commands: a FIFO or a symlink loop at the database path gives one line
and a non-zero exit at once from `kiosk --self-test` and `kiosk-db validate`, never a hang."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run(*args, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software")
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def _fifo(tmp_path):
    path = tmp_path / "kiosk.sqlite"
    os.mkfifo(path)
    return path, "is a FIFO (named pipe), not a database file"


def _loop(tmp_path):
    a, b = tmp_path / "kiosk.sqlite", tmp_path / "other.sqlite"
    a.symlink_to(b)
    b.symlink_to(a)
    return a, "symlink loop"


@pytest.mark.parametrize("make", [_fifo, _loop], ids=["fifo", "symlink-loop"])
def test_self_test_refuses_in_one_line(tmp_path, make):
    path, expected = make(tmp_path)
    r = _run("kiosk.cli", "--self-test", "--db", str(path), "--log-dir", str(tmp_path / "log"), tmp_path=tmp_path)
    assert r.returncode == 1
    assert r.stdout.strip().splitlines() == [
        f"self-test FAILED: database unavailable: {path}: {expected}"
        if expected.startswith("is a")
        else r.stdout.strip()
    ]
    assert expected in r.stdout and "Traceback" not in r.stderr


@pytest.mark.parametrize("make", [_fifo, _loop], ids=["fifo", "symlink-loop"])
def test_validate_refuses_in_one_line(tmp_path, make):
    path, expected = make(tmp_path)
    r = _run("kiosk.data.curation.cli", "validate", str(path), tmp_path=tmp_path)
    assert r.returncode == 1 and expected in r.stdout and "Traceback" not in r.stderr


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root and setpriv to act as nobody")
def test_a_wal_file_in_a_folder_nobody_may_write_validates(built_db, tmp_path):
    import tempfile

    outer = Path(tempfile.mkdtemp(prefix="kiosk-ro-"))  # pytest's own tmp folders are closed to others
    folder = outer / "ro"
    folder.mkdir()
    db = folder / "kiosk.sqlite"
    shutil.copy(built_db, db)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    for p in (outer, folder):
        p.chmod(0o755)
    db.chmod(0o644)
    try:
        r = subprocess.run(
            [
                "setpriv",
                "--reuid=65534",
                "--regid=65534",
                "--clear-groups",
                sys.executable,
                "-m",
                "kiosk.data.curation.cli",
                "validate",
                str(db),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert r.returncode == 0 and ": OK (" in r.stdout, r.stdout + r.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["kiosk.sqlite"]
    finally:
        shutil.rmtree(outer)
