"""How soon the map shows after a tap on «Карта», on a warm kiosk, against the cities screen in the same run.

The real kiosk (KioskApp, offscreen, software renderer, 1920×1080 unless MAP_BENCH_SIZE=WxH) is warmed by one
visit to each screen; then, RUNS times each, a synthesized touch on the home tile is timed to the first frame
swapped with that screen on top of the stack (the transition has begun: the visitor sees the map arriving),
and then to the end of the transition. Baseline: the same for the «Города» tile. Prints medians and the ratio.
The goal is the first frame within 100 ms of the tap.

    .venv/bin/python benchmarks/map_bench.py
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RUNS = int(os.environ.get("BENCH_RUNS", "9"))
GOAL_MS = 100.0


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from kiosk.ui.app import KioskApp
    from kiosk.ui.config import Config

    size = tuple(int(v) for v in os.environ.get("MAP_BENCH_SIZE", "1920x1080").split("x"))
    qapp = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    app = KioskApp(
        Config(idle_timeout=0),
        db_path=ROOT / "db" / "kiosk.sqlite",
        windowed=True,
        size=size,
        watch=False,
        on_quit=lambda code: None,
    )
    window = app.window
    window.resize(*size)
    window.show()
    device = QTest.createTouchDevice()
    frames: list[float] = []
    window.frameSwapped.connect(lambda: frames.append(time.perf_counter()))

    def wait(predicate, timeout: float = 10.0) -> None:
        end = time.perf_counter() + timeout
        while not predicate():
            if time.perf_counter() > end:
                raise SystemExit("map_bench: timed out")
            QTest.qWait(1)

    def current() -> str:
        item = app.driver.stack.property("currentItem") if hasattr(app, "driver") else None
        return item.objectName() if item is not None else ""

    from kiosk.ui.diagnostics.shell_driver import ShellDriver

    app.driver = ShellDriver(app)
    wait(lambda: window.isExposed() and app.first_frame_ms is not None)

    def centre(name: str) -> QPoint:
        item = next(i for i in _walk(window.contentItem()) if i.objectName() == name and i.isVisible())
        p = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        return QPoint(round(p.x()), round(p.y()))

    def visit(tile: str, screen: str) -> tuple[float, float]:
        wait(lambda: current() == "homeScreen" and not app.driver.stack.property("busy"))
        QTest.qWait(50)
        p = centre(tile)
        QTest.touchEvent(window, device).press(0, p, window).commit()
        QTest.qWait(20)
        frames.clear()
        t0 = time.perf_counter()
        QTest.touchEvent(window, device).release(0, p, window).commit()  # the tap fires on release
        wait(lambda: current() == screen and any(f > t0 for f in frames))
        first = (min(f for f in frames if f > t0) - t0) * 1000
        wait(lambda: not app.driver.stack.property("busy"))
        settled = (time.perf_counter() - t0) * 1000
        app.driver.nav("home")
        return first, settled

    for tile, screen in (("tileMap", "mapScreen"), ("tileCities", "citiesScreen")):  # warm both
        visit(tile, screen)
    results: dict[str, list[tuple[float, float]]] = {"map": [], "cities": []}
    for _ in range(RUNS):
        results["map"].append(visit("tileMap", "mapScreen"))
        results["cities"].append(visit("tileCities", "citiesScreen"))
    app.close()
    del qapp

    med = {k: (statistics.median(f for f, _ in v), statistics.median(s for _, s in v)) for k, v in results.items()}
    print(f"map screen, {size[0]}×{size[1]}, warm kiosk, median of {RUNS} taps (offscreen, software renderer)")
    print(
        f"  tap → first frame:   map {med['map'][0]:6.1f} ms   cities (baseline) {med['cities'][0]:6.1f} ms"
        f"   ratio {med['map'][0] / med['cities'][0]:.2f}   goal ≤ {GOAL_MS:.0f} ms"
    )
    print(
        f"  tap → transition end: map {med['map'][1]:6.1f} ms   cities (baseline) {med['cities'][1]:6.1f} ms"
        f"   ratio {med['map'][1] / med['cities'][1]:.2f}"
    )
    return 0


def _walk(root):
    todo = [root]
    while todo:
        item = todo.pop()
        yield item
        todo.extend(item.childItems())


if __name__ == "__main__":
    sys.exit(main())
