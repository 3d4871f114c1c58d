"""Visit statistics: what recording costs the GUI thread, and how big the file grows in a year.

1. The real application (offscreen, software renderer, the bundled database). The GUI thread's cost of each kind
   of recorded event (a screen shown, a search result, a section card, a visit's end handed to the writer's
   thread) is timed over many calls, and printed as a ratio to the handling of one tap on the «РУС» button (a
   synthesized touch press and release, delivered to the window) timed in the same run. Goal (issue 25):
   ≤ 0.5 ms per event, far below a tap.
2. A simulated year: 200 visits a day for 365 days (cities, chapters, cards, searches, as a busy kiosk would
   see them) written through the kiosk's own StatsFile, one transaction a day; prints the file's size.

    .venv/bin/python benchmarks/stats_bench.py
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics as st
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ROUNDS = 5
CALLS = 2000


def gui_thread_costs() -> None:
    from PySide6.QtCore import QObject, QPoint, QPointF
    from PySide6.QtQuick import QQuickItem
    from PySide6.QtTest import QTest

    from kiosk.ui.app import KioskApp
    from kiosk.ui.config import Config
    from kiosk.ui.platform.qapp import make_qapp

    db = ROOT / "db" / "kiosk.sqlite"
    if not db.exists():
        raise SystemExit("db/kiosk.sqlite is missing: run `make db` first")
    make_qapp()
    app = KioskApp(
        Config(idle_timeout=0, attract_timeout=0), db_path=db, size=(1920, 1080), watch=False, on_quit=lambda code: None
    )
    app.window.setProperty("visibility", 2)
    app.window.resize(1920, 1080)
    app.window.show()
    QTest.qWait(500)
    rec = app.statistics
    window = app.window
    button = window.findChild(QQuickItem, "langRu")
    p = button.mapToScene(QPointF(button.width() / 2, button.height() / 2))
    point = QPoint(round(p.x()), round(p.y()))
    device = QTest.createTouchDevice()

    def tap() -> None:
        QTest.touchEvent(window, device).press(0, point, window).commit()
        QTest.touchEvent(window, device).release(0, point, window).commit()

    stack = window.findChild(QObject, "stack")
    home = stack.property("currentItem")
    rec._begin()

    def per_call_ms(fn, calls: int) -> float:
        t0 = time.perf_counter()
        for _ in range(calls):
            fn()
        return (time.perf_counter() - t0) * 1000 / calls

    def visit_end() -> None:
        rec._end(0.0)
        rec._begin()

    kinds = {
        "screen shown": lambda: rec._show(home),
        "search result": lambda: rec._on_results(True, False),
        "section card": lambda: rec.record("card", "person:1"),
        "other feature's record()": lambda: rec.record("speech"),
        "visit end (to the writer)": visit_end,
    }
    taps, costs = [], {k: [] for k in kinds}
    for _ in range(ROUNDS):
        taps.append(per_call_ms(tap, 50))
        QTest.qWait(20)
        for name, fn in kinds.items():
            costs[name].append(per_call_ms(fn, CALLS if "end" not in name else 200))
        rec.flush(30)
    tap_ms = st.median(taps)
    print(
        f"GUI thread, medians of {ROUNDS} rounds; baseline: one tap on «РУС» (touch press and release delivered"
        f" and processed, with the frame it causes) {tap_ms:.3f} ms"
    )
    for name, values in costs.items():
        ms = st.median(values)
        print(f"  {name:<28} {ms * 1000:8.1f} µs per event   1/{tap_ms / ms:,.0f} of a tap   (goal ≤ 0.5 ms)")
    rec.shutdown()
    app.close()


def simulated_year(folder: Path) -> None:
    from kiosk.data.stats.store import FILE_NAME, StatsFile
    from kiosk.data.stats.visit import Visit

    rng = random.Random(25)
    cities = [f"Город {i:02d}" for i in range(70)]
    weights = [1 / (i + 1) for i in range(70)]  # a few cities far more popular than others
    chapters = [f"chapter{i}" for i in range(8)]
    day0 = dt.date(2026, 1, 1)
    day = [day0]
    f = StatsFile(folder / FILE_NAME, wall=lambda: dt.datetime.combine(day[0], dt.time(18)))
    f.open()
    t0 = time.perf_counter()
    for d in range(365):
        day[0] = day0 + dt.timedelta(days=d)
        visits = []
        for _ in range(200):
            v = Visit(day=day[0].isoformat(), hour=rng.randint(9, 19), seconds=int(rng.expovariate(1 / 90)))
            v.from_slideshow = rng.random() < 0.3
            v.english = rng.random() < 0.1
            v.large_text = rng.random() < 0.05
            v.screens["cities"] = rng.randint(0, 3)
            for name in rng.choices(cities, weights, k=rng.randint(0, 4)):
                entry = v.cities.setdefault(name, [0, 0])
                entry[0] += 1
                entry[1] += rng.randint(5, 120)
                v.screens["city"] += 1
            if rng.random() < 0.3:
                v.screens["nk_home"] += 1
                v.chapters[rng.choice(chapters)] += 1
                v.cards[f"person:{rng.randint(1, 40)}"] += 1
            if rng.random() < 0.15:
                v.screens["map"] += 1
            v.searches = rng.choice((0, 0, 0, 1, 2))
            v.searches_empty = min(v.searches, rng.choice((0, 0, 1)))
            visits.append(v)
        f.add(visits, cities)
        f.prune(day[0])
    f.con.execute("VACUUM")
    try:  # how much is the 90 days of visits, how much the daily counts that grow year on year
        parts = dict(f.con.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"))
    except Exception:  # SQLite built without dbstat
        parts = {}
    f.close()
    size = (folder / FILE_NAME).stat().st_size
    print(
        f"A simulated year (365 days × 200 visits, 70 cities; visits kept 90 days): {size / 2**20:.2f} MiB"
        f" ({size // 365:,} bytes a day), written in {time.perf_counter() - t0:.1f} s"
    )
    if parts:
        rows = parts.get("visits", 0) + parts.get("visits_day", 0)
        print(
            f"  daily counts {parts.get('counts', 0) / 2**20:.2f} MiB (what grows each further year);"
            f" visit rows and their index {rows / 2**20:.2f} MiB (bounded: the last 90 days)"
        )


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_STATE_HOME"] = str(Path(tmp) / "state")  # never the user's own statistics
        gui_thread_costs()
        simulated_year(Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
