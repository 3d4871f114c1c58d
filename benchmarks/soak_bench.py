"""Long-uptime check: a visitor session repeated many times, with the memory and object counts it leaves behind.

Each round: home → cities → type a query and filter → open a city → step to the next → idle-style reset →
a database reload (as when curators replace the file). Prints resident memory, live Python objects and
QObjects under the window after warm-up and then every ROUNDS/5 rounds; a kiosk that leaks shows a steady
climb, one that does not levels off. It prints figures, it does not assert.

    .venv/bin/python benchmarks/soak_bench.py            # ROUNDS=300 by default
"""

from __future__ import annotations

import gc
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ROUNDS = int(os.environ.get("SOAK_ROUNDS", "300"))


def rss_mib() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def main() -> int:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from kiosk.ui.app import KioskApp
    from kiosk.ui.config import Config
    from kiosk.ui.shell_driver import ShellDriver

    db = ROOT / "db" / "kiosk.sqlite"
    if not db.exists():
        raise SystemExit("db/kiosk.sqlite is missing: run `make db` first")
    qapp = QGuiApplication.instance() or QGuiApplication(sys.argv)
    app = KioskApp(Config(idle_timeout=0), db_path=db, size=(1920, 1080), watch=True, on_quit=lambda code: None)
    app.window.setProperty("visibility", 2)
    app.window.resize(1920, 1080)
    app.window.show()
    driver = ShellDriver(app)
    driver.set_instant(True)
    ids = [c.id for c in app.database.repository.cities()]
    catalog = app.catalog

    def one_round(i: int) -> None:
        driver.nav("home")
        driver.nav("cities")
        catalog.query = ["ниж", "танк", "kazan", "урал", ""][i % 5]
        catalog.toggleYear(2020 + i % 6)
        driver.nav("city", ids[i % len(ids)])
        driver.settle(10)
        driver.nav("home")
        catalog.reset()
        if i % 10 == 0:
            app.database.reload()
        qapp.processEvents()

    def sample(label: str) -> tuple[float, int, int]:
        gc.collect()
        QTest.qWait(20)
        figures = (rss_mib(), len(gc.get_objects()), len(app.window.findChildren(QObject)))
        print(f"  {label:>14}: RSS {figures[0]:7.1f} MiB   Python objects {figures[1]:8d}   QObjects {figures[2]:6d}")
        return figures

    print(f"soak: {ROUNDS} visitor rounds on {db.name} (offscreen, software)")
    t0 = time.perf_counter()
    for i in range(20):
        one_round(i)
    first = sample("after warm-up")
    step = max(1, ROUNDS // 5)
    for i in range(20, 20 + ROUNDS):
        one_round(i)
        if (i - 19) % step == 0:
            last = sample(f"round {i - 19}")
    elapsed = time.perf_counter() - t0
    print(f"  growth after warm-up: RSS {last[0] - first[0]:+.1f} MiB, Python objects {last[1] - first[1]:+d}, "
          f"QObjects {last[2] - first[2]:+d}   ({elapsed / (ROUNDS + 20) * 1000:.0f} ms a round)")
    app.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
