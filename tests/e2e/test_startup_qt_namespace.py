"""The start-up path never builds PySide's `Qt` namespace (15-31 ms before the first frame: see
kiosk/ui/models/roles.py). roles.py and the function-local `Qt` imports are there for this; one top-level import
anywhere on the path (as speech.py had) silently undoes them all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import sys
import PySide6.QtCore as core
from kiosk.ui import app, main

first = []
shown = app.KioskApp._on_frame_swapped


def on_frame(self, *args):
    if not first:
        first.append("Qt" in core.__dict__)  # PySide adds the namespace to the module when it builds it
    return shown(self, *args)


app.KioskApp._on_frame_swapped = on_frame
code = main.main(sys.argv[1:])
print("Qt built by the first frame:", first)
sys.exit(code)
"""


def test_the_first_frame_comes_without_building_the_qt_namespace(built_db, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software")
    args = ["--db", str(built_db), "--windowed", "--exit-after-first-frame", "--log-dir", str(tmp_path)]
    r = subprocess.run(
        [sys.executable, "-c", PROBE, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0, r.stderr[-2000:]
    assert "Qt built by the first frame: [False]" in r.stdout, r.stdout + r.stderr[-2000:]
