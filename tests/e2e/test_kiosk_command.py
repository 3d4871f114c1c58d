"""`kiosk` as a subprocess: version, self-test on good and broken databases, first frame, bad config, PIN hash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def kiosk(*args, env=None, stdin=None, timeout=120):
    environment = dict(os.environ)
    environment.update({"QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software"})
    environment.update(env or {})
    environment = {k: v for k, v in environment.items() if v is not None}
    return subprocess.run(
        [sys.executable, "-m", "kiosk.cli", *args],
        cwd=ROOT,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_version():
    import kiosk as pkg

    r = kiosk("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"kiosk {pkg.__version__}"


def test_self_test_passes_on_the_built_database(built_db, tmp_path):
    shots = tmp_path / "shots"
    r = kiosk(
        "--self-test",
        "--db",
        str(built_db),
        "--screenshots",
        str(shots),
        "--log-dir",
        str(tmp_path / "log"),
        "--fit-check",
        "quick",  # the full sweep takes ~25 minutes: make fit-sweep
        timeout=420,  # every screen at two sizes, the quiz's kinds, the fit check: ~100 s here, more under load
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "self-test passed" in r.stdout
    assert len(r.stdout.splitlines()) <= 20  # one screen
    names = {p.name for p in shots.glob("*.png")}
    for screen in ("home", "cities", "city", "pinpad", "admin", "idle", "unavailable"):
        assert f"{screen}-1920x1080.png" in names and f"{screen}-1080x1920.png" in names


@pytest.mark.parametrize(
    "content",
    [None, b"", b"SQLite format 3\x00" + b"\x00" * 100, b"garbage" * 100],
    ids=["missing", "empty", "truncated", "garbage"],
)
def test_self_test_fails_in_one_line_on_broken_databases(tmp_path, content):
    db = tmp_path / "kiosk.sqlite"
    if content is not None:
        db.write_bytes(content)
    r = kiosk("--self-test", "--db", str(db), "--log-dir", str(tmp_path / "log"))
    assert r.returncode == 1
    lines = r.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("self-test FAILED: database unavailable: ")
    assert str(db) in lines[0]


def test_exit_after_first_frame(built_db, tmp_path):
    r = kiosk("--db", str(built_db), "--exit-after-first-frame", "--log-dir", str(tmp_path / "log"))
    assert r.returncode == 0, r.stderr
    assert "first frame after" in r.stderr
    assert (tmp_path / "log" / "kiosk.log").exists()


def test_windowed_with_size_exits_after_first_frame(built_db, tmp_path):
    r = kiosk(
        "--db",
        str(built_db),
        "--windowed",
        "--size",
        "1024x768",
        "--exit-after-first-frame",
        "--log-dir",
        str(tmp_path / "log"),
    )
    assert r.returncode == 0, r.stderr


def test_bad_config_is_one_line_and_exit_2(tmp_path):
    cfg = tmp_path / "kiosk.toml"
    cfg.write_text("idle_timeout = 'soon'\n", encoding="utf-8")
    r = kiosk("--config", str(cfg))
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "idle_timeout" in r.stderr


def test_bad_options_exit_2():
    assert kiosk("--size", "big", "--windowed").returncode == 2
    assert kiosk("--screenshots", "/tmp/x").returncode == 2


def test_no_display_is_one_clear_line(tmp_path):
    r = kiosk("--log-dir", str(tmp_path), env={"QT_QPA_PLATFORM": None, "DISPLAY": None, "WAYLAND_DISPLAY": None})
    assert r.returncode == 1
    assert r.stderr.strip().count("\n") == 0 and "DISPLAY" in r.stderr


def test_preflight_module(tmp_path):
    env = dict(os.environ)
    for k in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(k, None)
    r = subprocess.run(
        [sys.executable, "-m", "kiosk.ui.platform.preflight"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert r.returncode == 1 and "DISPLAY" in r.stderr
    env["QT_QPA_PLATFORM"] = "offscreen"
    r = subprocess.run(
        [sys.executable, "-m", "kiosk.ui.platform.preflight"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert r.returncode == 0, r.stderr


def test_preflight_names_missing_libraries(monkeypatch):
    from kiosk.ui.platform import preflight

    monkeypatch.setattr(preflight, "_loads", lambda so: so != "libxcb-cursor.so.0")
    problem = preflight.check({"DISPLAY": ":0"})
    assert problem and "libxcb-cursor0" in problem and "apt-get install" in problem
    assert preflight.check({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_hash_pin_from_stdin():
    from kiosk.ui.services.pin import verify_pin

    r = kiosk("--hash-pin", stdin="7351\n")
    assert r.returncode == 0
    assert verify_pin("7351", r.stdout.strip().split('"')[1])
