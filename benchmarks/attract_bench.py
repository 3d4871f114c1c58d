"""Attract mode for weeks: 10 000 slides at high speed, then the frame rate of ordinary crossfades.

Software renderer, 1920×1080 offscreen, the real application and database. Prints resident memory and live
QObjects (under the window, and the QML items in the scene) at start, after warm-up and at the end, and the
frames per second while cards crossfade. Goals (issue 7): RSS growth after warm-up ≤ 5 MiB, object counts
flat, ≥ 50 fps. It prints figures; it does not assert.

    .venv/bin/python benchmarks/attract_bench.py          # ATTRACT_SLIDES=10000 by default
"""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from soak_bench import rss_mib  # noqa: E402 — benchmarks/ is this script's folder

SLIDES = int(os.environ.get("ATTRACT_SLIDES", "10000"))
WARM_UP = 500
CROSSFADES = 8


BASELINE_QML = b"""
import QtQuick
Window {
    width: 1920; height: 1080; visible: true; color: "#1d1f21"
    property bool flip: false
    Repeater {
        model: 2
        Rectangle {
            required property int index
            anchors.fill: parent; color: "#1d1f21"
            opacity: (index === 1) === flip ? 1 : 0
            Behavior on opacity { NumberAnimation { duration: 900 } }
            Text { x: 160; y: 300; text: "Baseline " + index; color: "#efe7d6"; font.pixelSize: 150 }
        }
    }
}
"""


def crossfade_fps(window, flip, fade_s: float, rounds: int) -> tuple[float, float]:
    """(median, worst) frames per second while `flip()` starts a crossfade of `fade_s` seconds."""
    from PySide6.QtTest import QTest

    frames: list[float] = []

    def on_frame() -> None:
        frames.append(time.perf_counter())

    window.frameSwapped.connect(on_frame)
    rates = []
    for _ in range(rounds):
        QTest.qWait(400)  # the previous fade and the hidden card's preparation settle
        frames.clear()
        flip()
        t = time.perf_counter()
        QTest.qWait(int(fade_s * 1000))
        rates.append(len([f for f in frames if f - t <= fade_s]) / fade_s)
    window.frameSwapped.disconnect(on_frame)
    rates.sort()
    return rates[len(rates) // 2], rates[0]


def baseline_fps() -> tuple[float, float]:
    """The same measurement on a bare window crossfading two full-screen cards of large type."""
    from PySide6.QtCore import QEvent, QCoreApplication
    from PySide6.QtQml import QQmlApplicationEngine

    engine = QQmlApplicationEngine()
    engine.loadData(BASELINE_QML)
    window = engine.rootObjects()[0]
    window.resize(1920, 1080)
    result = crossfade_fps(window, lambda: window.setProperty("flip", not window.property("flip")), 0.9, CROSSFADES)
    window.hide()
    engine.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return result


def main() -> int:
    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtTest import QTest

    from kiosk.ui.app import KioskApp
    from kiosk.ui.config import Config
    from kiosk.ui.platform.qapp import make_qapp

    db = ROOT / "db" / "kiosk.sqlite"
    if not db.exists():
        raise SystemExit("db/kiosk.sqlite is missing: run `make db` first")
    qapp = make_qapp()
    # Slides of 2 s with the kiosk's own 900 ms crossfade for the frame rate; the 10 000 run calls advance().
    app = KioskApp(
        Config(idle_timeout=0, attract_timeout=0, slide_duration=2.0),
        db_path=db,
        size=(1920, 1080),
        watch=False,
        on_quit=lambda code: None,
    )
    app.window.setProperty("visibility", 2)
    app.window.resize(1920, 1080)
    app.window.show()
    QTest.qWait(300)
    attract = app.attract

    def items() -> int:
        todo, n = [app.window.contentItem()], 0
        while todo:
            node = todo.pop()
            n += 1
            todo.extend(node.childItems())
        return n

    def sample(label: str) -> tuple[float, int, int]:
        if attract.active:
            attract.preview("title")  # the same two cards at every sample: counts compare like with like
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        QTest.qWait(50)
        figures = (rss_mib(), len(app.window.findChildren(QObject)), items())
        print(f"  {label:>16}: RSS {figures[0]:7.1f} MiB   QObjects {figures[1]:6d}   QML items {figures[2]:6d}")
        return figures

    print(f"attract: {SLIDES} slides at high speed, then {CROSSFADES} crossfades (1920x1080, offscreen, software)")
    start = sample("start")
    attract.start()
    deck = len(attract.order.deck)

    def run(n: int) -> None:
        for i in range(n):
            attract.advance()
            qapp.processEvents()  # bindings, image requests, one render when the loop is due
            if i % 50 == 0:
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    t0 = time.perf_counter()
    run(WARM_UP)
    warm = sample(f"after {WARM_UP} warm-up")
    run(SLIDES - WARM_UP)
    elapsed = time.perf_counter() - t0
    end = sample(f"after {SLIDES}")
    print(f"  {SLIDES} slides ({deck} in the deck, {attract.order.cycles} cycles) in {elapsed:.1f} s")
    print(
        f"  growth after warm-up: RSS {end[0] - warm[0]:+.1f} MiB (goal ≤ 5), QObjects {end[1] - warm[1]:+d}, "
        f"QML items {end[2] - warm[2]:+d} (goal: flat)   [from start: RSS {end[0] - start[0]:+.1f} MiB]"
    )

    # Frame rate during ordinary crossfades, against a bare window doing the same in this run.
    fade_s = attract.property("crossfadeMs") / 1000
    median, worst = crossfade_fps(app.window, attract.advance, fade_s, CROSSFADES)
    base_median, base_worst = baseline_fps()
    print(
        f"  crossfade {fade_s * 1000:.0f} ms: {median:.0f} fps median, {worst:.0f} worst of {CROSSFADES} "
        f"(goal ≥ 50); bare window: {base_median:.0f} / {base_worst:.0f} fps; ratio {median / base_median:.2f}"
    )
    attract.stop("benchmark done")
    app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
