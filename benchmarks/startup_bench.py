"""Start-up time to the first frame: `kiosk --exit-after-first-frame` against a baseline measured in the
same run — the smallest PySide6 QML program showing 70 names — so the figure means something on any machine.

Both are timed from the outside: from spawning the process to the line it prints at its first frameSwapped.
Offscreen + software rendering (no screen here). Prints medians of RUNS runs; exit 1 if the kiosk is more
than LIMIT times the baseline.

Where the kiosk's extra time goes (measured with -X importtime on the 2-core dev box, ~370 ms vs ~110 ms):
qtawesome's import for the first icon (~100 ms, it pulls in QtWidgets and qtpy), the data layer and search
index (~45 ms), Qt Quick Controls' StackView and the shell's QML (~80 ms). LIMIT guards against regressions.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
LIMIT = 4.0

BASELINE = r'''
import sys, time
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow
app = QGuiApplication(sys.argv)
engine = QQmlApplicationEngine()
names = ", ".join('"Город %d"' % i for i in range(1, 71))
engine.loadData(("""
import QtQuick
Window {
    width: 1920; height: 1080; visible: true; color: "#1d1f21"
    Flow { anchors.fill: parent; anchors.margins: 40; spacing: 16
        Repeater { model: [%s]; Text { text: modelData; color: "#efe7d6"; font.pixelSize: 28 } } }
}""" % names).encode())
win = engine.rootObjects()[0]
def done():
    print("first frame", file=sys.stderr, flush=True)
    QTimer.singleShot(0, app.quit)
win.frameSwapped.connect(done)
sys.exit(app.exec())
'''


def time_to_first_frame(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = None
    for line in proc.stderr:
        if "first frame" in line and elapsed is None:
            elapsed = (time.perf_counter() - start) * 1000
    proc.wait(timeout=60)
    if proc.returncode != 0 or elapsed is None:
        raise SystemExit(f"{' '.join(cmd[:4])}… failed (exit {proc.returncode})")
    return elapsed


def main() -> int:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software")
    db = ROOT / "db" / "kiosk.sqlite"
    if not db.exists():
        print("no db/kiosk.sqlite: run `make db` first")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        baseline_py = Path(tmp) / "baseline.py"
        baseline_py.write_text(BASELINE, encoding="utf-8")
        kiosk_cmd = [
            sys.executable,
            "-m",
            "kiosk.cli",
            "--db",
            str(db),
            "--exit-after-first-frame",
            "--log-dir",
            str(Path(tmp) / "log"),
        ]
        base_cmd = [sys.executable, str(baseline_py)]
        time_to_first_frame(base_cmd, env)  # warm the file cache for both
        time_to_first_frame(kiosk_cmd, env)
        base, kiosk = [], []
        for _ in range(RUNS):  # interleaved, so machine noise hits both alike
            base.append(time_to_first_frame(base_cmd, env))
            kiosk.append(time_to_first_frame(kiosk_cmd, env))
    mb, mk = statistics.median(base), statistics.median(kiosk)
    print(f"start-up to first frame, median of {RUNS} (offscreen, software):")
    print(f"  baseline (QML window, 70 names): {mb:7.0f} ms   [{min(base):.0f}…{max(base):.0f}]")
    print(f"  kiosk (home screen, real data):  {mk:7.0f} ms   [{min(kiosk):.0f}…{max(kiosk):.0f}]")
    print(f"  kiosk / baseline: {mk / mb:.2f}× (limit {LIMIT:.1f}×)")
    return 0 if mk <= LIMIT * mb else 1


if __name__ == "__main__":
    sys.exit(main())
