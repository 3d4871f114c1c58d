"""The standalone bundle schools get: PyInstaller builds it from packaging/kiosk.spec, and the frozen kiosk
passes its own self-test with the database beside the executable, and carries the curators' tool."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_frozen_bundle_self_tests(tmp_path, built_db):
    dist, work = tmp_path / "dist", tmp_path / "build"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "packaging" / "kiosk.spec"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    exe = dist / "kiosk" / "kiosk"
    assert (dist / "kiosk" / "data" / "kiosk.sqlite").is_file()  # beside the executable, replaceable

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software"}
    run = subprocess.run(
        [str(exe), "--self-test", "--log-dir", str(tmp_path / "log"), "--fit-check", "off"],  # fit: tests/ui
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "self-test passed" in run.stdout

    check = subprocess.run(
        [str(exe), "db", "validate", str(dist / "kiosk" / "data" / "kiosk.sqlite")],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    # 71 rows: the 70 shown and row 46, kept hidden
    assert check.returncode == 0 and ": OK (71 cities" in check.stdout, check.stdout + check.stderr

    # Where the frozen kiosk finds its files: as from source (docs/deployment.md, "Where the kiosk finds its files").
    env.update(
        XDG_CONFIG_HOME=str(tmp_path / "user-config"),
        XDG_CONFIG_DIRS=str(tmp_path / "site-config"),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )

    def database_used(*args: str) -> str:
        log_dir = tmp_path / f"log-{len(list(tmp_path.glob('log-*')))}"
        r = subprocess.run(
            [str(exe), "--exit-after-first-frame", "--log-dir", str(log_dir), *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert r.returncode == 0 and "first frame after" in r.stderr, r.stderr[-2000:]
        started = [
            line for line in (log_dir / "kiosk.log").read_text(encoding="utf-8").splitlines() if " started (" in line
        ]
        return started[-1].split("database ", 1)[1].split(",")[0]

    assert database_used() == str(dist / "kiosk" / "data" / "kiosk.sqlite")  # the bundled one, last in the order
    beside = dist / "kiosk" / "kiosk.sqlite"
    shutil.copy2(built_db, beside)
    assert database_used() == str(beside)
    named = tmp_path / "named.sqlite"
    shutil.copy2(built_db, named)
    (dist / "kiosk" / "kiosk.toml").write_text(f'db = "{named}"\n', encoding="utf-8")  # config beside the exe
    assert database_used() == str(named)
    explicit = tmp_path / "explicit.sqlite"
    shutil.copy2(built_db, explicit)
    assert database_used("--db", str(explicit)) == str(explicit)
    bad = tmp_path / "bad.toml"
    bad.write_text("idle_timeout = -3\n", encoding="utf-8")
    r = subprocess.run([str(exe), "--config", str(bad)], capture_output=True, text=True, timeout=60, env=env)
    assert r.returncode == 2 and str(bad) in r.stderr and "idle_timeout" in r.stderr, r.stderr
