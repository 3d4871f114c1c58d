"""The standalone bundle schools get: PyInstaller builds it from packaging/kiosk.spec, and the frozen kiosk
passes its own self-test with the database beside the executable, and carries the curators' tool."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_frozen_bundle_self_tests(tmp_path, built_db):
    dist, work = tmp_path / "dist", tmp_path / "build"
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(ROOT / "packaging" / "kiosk.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    exe = dist / "kiosk" / "kiosk"
    assert (dist / "kiosk" / "data" / "kiosk.sqlite").is_file()  # beside the executable, replaceable

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software"}
    run = subprocess.run([str(exe), "--self-test", "--log-dir", str(tmp_path / "log")],
                         capture_output=True, text=True, timeout=180, env=env)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "self-test passed" in run.stdout

    check = subprocess.run([str(exe), "db", "validate", str(dist / "kiosk" / "data" / "kiosk.sqlite")],
                           capture_output=True, text=True, timeout=60, env=env)
    assert check.returncode == 0 and ": OK (70 cities" in check.stdout, check.stdout + check.stderr
