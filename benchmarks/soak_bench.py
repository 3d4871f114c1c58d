"""Long-uptime check: a visitor session repeated many times, with the memory and object counts it leaves behind.

Each round: home → cities → type a query and filter → open a city → step to the next → idle-style reset →
a database reload (as when curators replace the file). Prints resident memory, live Python objects and
QObjects under the window after warm-up and then every ROUNDS/5 rounds; a kiosk that leaks shows a steady
climb, one that does not levels off. It prints figures, it does not assert.

    .venv/bin/python benchmarks/soak_bench.py            # ROUNDS=300 by default

Real-window mode (issue 14, "long uptime in a real window"): a fullscreen kiosk in Xvfb at 1920×1080, driven by
seeded random taps, drags and swipes, for both Qt Quick back ends at once (Qt's default OpenGL through Mesa's
llvmpipe, and QT_QUICK_BACKEND=software). RSS is printed every minute (and at rest: home, after each idle reset); the
goal is ≤ 5 MiB of growth in the SOAK_MINUTES after a SOAK_WARMUP-minute warm-up (median of the first five samples
after the warm-up against the median of the last five: one sample lands on whatever screen happens to be open).
Every 50 actions a new visitor enters a screen: cities, the Novokuznetsk section or the map by its tile on home, or a
city page (its locator map); every 200 the visitor leaves: the idle reset, the housekeeping, then a few attract
slides until the next tap wakes the kiosk. The database is reloaded halfway through the warm-up and then every 2000
actions (the first reload's peak is a one-off high-water mark of Python's allocator, not a climb).

    .venv/bin/python benchmarks/soak_bench.py --xvfb     # SOAK_WARMUP=5 SOAK_MINUTES=30 by default
    SOAK_BACKENDS=opengl …                               # one back end only (a quick look)
"""

from __future__ import annotations

import faulthandler
import gc
import os
import resource
import sys
import time
from pathlib import Path

if "--xvfb" not in sys.argv and "--child" not in sys.argv:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
ROUNDS = int(os.environ.get("SOAK_ROUNDS", "300"))


def rss_mib() -> float:
    with Path("/proc/self/statm").open() as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def main() -> int:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    from kiosk.ui.app import KioskApp
    from kiosk.ui.config import Config
    from kiosk.ui.diagnostics.shell_driver import ShellDriver

    db = ROOT / "db" / "kiosk.sqlite"
    if not db.exists():
        raise SystemExit("db/kiosk.sqlite is missing: run `make db` first")
    size = SIZE
    qapp = QGuiApplication.instance() or QGuiApplication(sys.argv)
    if FULL:  # the full session's gallery needs photographs: tap_bench's three, on a copy of the bundled data,
        # added in a process of its own (the curators' tools would stay in this one's memory: ~15 MiB)
        import subprocess
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="soak-photos-"))
        code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
        code += f"from benchmarks.tap_bench import photo_db; photo_db(Path({str(folder)!r}))"
        subprocess.run([sys.executable, "-c", code], check=True)
        db = folder / "kiosk.sqlite"
    app = KioskApp(Config(idle_timeout=0), db_path=db, size=size, watch=True, on_quit=lambda code: None)
    app.window.setProperty("visibility", 2)
    app.window.resize(*size)
    app.window.show()
    driver = ShellDriver(app)
    driver.set_instant(True)
    ids = [c.id for c in app.database.repository.cities()]
    catalog = app.catalog
    peak: list = [0.0, ""]

    def full_session(i: int) -> None:
        """Every screen once more: the section and a chapter, the map zoomed and moved, the quiz, a city's
        gallery and its picture full screen, then the attract slideshow for a few slides."""
        from tests.helpers.qt import Mouse

        mouse = Mouse(app.window)
        steps = [
            ("novokuznetsk", lambda: driver.nav("novokuznetsk", "home", {})),
            ("chapter", lambda: _tap_named(app, mouse, "nkChapter_combine")),
            ("map", lambda: driver.nav("map")),
            ("map zoomed", lambda: [mouse.wheel(driver.item("mapView"), 3) for _ in range(2)]),
            ("quiz", lambda: driver.nav("quiz")),
            ("gallery", lambda: driver.nav("city", photo_city(app))),
            ("viewer", lambda: _tap_named(app, mouse, "galleryThumb_0")),
            ("viewer closed", lambda: _tap_named(app, mouse, "viewerClose")),
        ]
        for name, step in steps:
            step()
            driver.settle(150)
            note(name)
        driver.close_overlays()
        driver.nav("home")
        app.attract.start()
        for _ in range(4):
            QTest.qWait(300)
            app.attract.advance()
            note("slideshow")
        QTest.qWait(1000)
        note("slideshow")
        app.attract.wake()
        driver.settle(50)

    def note(where: str) -> None:
        value = rss_mib()
        if value > peak[0]:
            from benchmarks.bundle_bench import breakdown

            peak[0], peak[1] = value, f"{where}: {breakdown(os.getpid())}"

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
        note("cities")
        if FULL and i % 5 == 0:
            full_session(i)

    def sample(label: str) -> tuple[float, int, int]:
        gc.collect()
        QTest.qWait(20)
        figures = (rss_mib(), len(gc.get_objects()), len(app.window.findChildren(QObject)))
        print(f"  {label:>14}: RSS {figures[0]:7.1f} MiB   Python objects {figures[1]:8d}   QObjects {figures[2]:6d}")
        return figures

    print(
        f"soak: {ROUNDS} visitor rounds on {db.name} (offscreen, software, {size[0]}x{size[1]}"
        f"{', a full session every 5th round' if FULL else ''})"
    )
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
    print(
        f"  growth after warm-up: RSS {last[0] - first[0]:+.1f} MiB, Python objects {last[1] - first[1]:+d}, "
        f"QObjects {last[2] - first[2]:+d}   ({elapsed / (ROUNDS + 20) * 1000:.0f} ms a round)"
    )
    goal = 250 if min(size) >= 2160 else 200
    print(f"  RSS max {peak[0]:.1f} MiB goal {goal} (on: {peak[1]}; {size[0]}x{size[1]}, sampled after every step)")
    app.close()
    return 0


def photo_city(app) -> int:
    repo = app.database.repository
    return next(c.id for c in repo.cities() if repo.images_of("city", c.id))


def _tap_named(app, mouse, name: str) -> None:
    from kiosk.ui.diagnostics.shell_driver import wait

    for _ in range(50):
        todo = [app.window.contentItem()]
        while todo:
            item = todo.pop()
            if item.objectName() == name and item.isVisible():
                mouse.click(item)
                return
            todo.extend(item.childItems())
        wait(20)
    raise SystemExit(f"soak: no visible {name!r}")


def _size_arg() -> tuple[int, int]:
    if "--size" in sys.argv:
        w, h = sys.argv[sys.argv.index("--size") + 1].lower().split("x")
        return int(w), int(h)
    return 1920, 1080


SIZE = _size_arg()
FULL = "--size" in sys.argv or "--full" in sys.argv  # every screen, the map zoomed, a gallery and the slideshow


# ---- real window under Xvfb ---------------------------------------------------------------------------------

BACKENDS = {"opengl": {}, "software": {"QT_QUICK_BACKEND": "software"}}
GOAL_MIB = 5.0
VISIT_ACTIONS = 200  # then the visitor leaves: the kiosk's own idle reset runs, as between real visitors
ATTRACT_SLIDE_S, ATTRACT_SLIDES = 2.0, 4  # after each reset, the attract slideshow shows about four slides
RELOAD_ACTIONS = 2000  # a database reload (curators replaced the file) every so many actions
HANG_S = 180  # one step (a tap, a drag, a walk-away) never takes this long unless the kiosk hangs


_MALLINFO2 = None


def heap_mib() -> tuple[float, float]:
    """(C heap in use, C heap held from the system) in MiB from glibc's mallinfo2: the gap is freed memory
    glibc has not given back (fragmentation), the in-use part is what live objects hold. The ctypes types are
    made once: a new Structure class per sample would itself show up as a slow climb of Python objects."""
    import ctypes

    global _MALLINFO2
    if _MALLINFO2 is None:

        class MallInfo2(ctypes.Structure):
            _fields_ = [
                (name, ctypes.c_size_t)
                for name in (
                    "arena",
                    "ordblks",
                    "smblks",
                    "hblks",
                    "hblkhd",
                    "usmblks",
                    "fsmblks",
                    "uordblks",
                    "fordblks",
                    "keepcost",
                )
            ]

        try:
            function = ctypes.CDLL("libc.so.6").mallinfo2
        except (OSError, AttributeError):
            return 0.0, 0.0
        function.restype = MallInfo2
        _MALLINFO2 = function
    info = _MALLINFO2()
    return (info.uordblks + info.hblkhd) / 2**20, (info.arena + info.hblkhd) / 2**20


class GilFreeFinger:
    """One finger as tests.helpers.qt.Finger (real QTouchEvents: tap, drag, swipe), but Qt runs with the GIL
    released (kiosk.ui.diagnostics.shell_driver.wait): QTest's qWait and a touch's commit() keep the GIL while
    Qt renders, and
    the threaded render loop then waits forever for MapCanvas's updatePaintNode() (seen: the OpenGL kiosk stopped within
    minutes, at its first map)."""

    def __init__(self, window):
        from PySide6.QtTest import QTest

        self.window = window
        self.device = QTest.createTouchDevice()

    def _send(self, action: str, point) -> None:
        from PySide6.QtCore import QPoint
        from PySide6.QtTest import QTest

        from kiosk.ui.diagnostics.shell_driver import wait

        sequence = QTest.touchEvent(self.window, self.device)
        getattr(sequence, action)(0, QPoint(round(point[0]), round(point[1])), self.window).commit(False)
        wait(0)

    def tap(self, target, wait_ms: int = 30) -> None:
        from kiosk.ui.diagnostics.shell_driver import wait

        point = target if isinstance(target, tuple) else _centre(target)
        self._send("press", point)
        wait(wait_ms)
        self._send("release", point)
        wait(wait_ms)

    def drag(self, start, dx: float, dy: float, steps: int = 6, step_ms: int = 16) -> None:
        from kiosk.ui.diagnostics.shell_driver import wait

        x, y = start
        self._send("press", (x, y))
        for i in range(1, steps + 1):
            wait(step_ms)
            self._send("move", (x + dx * i / steps, y + dy * i / steps))
        self._send("release", (x + dx, y + dy))
        wait(30)

    def swipe(self, start, dx: float) -> None:
        self.drag(start, dx, 0.0, steps=6, step_ms=10)


def _centre(item) -> tuple[float, float]:
    from PySide6.QtCore import QPointF

    p = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
    return p.x(), p.y()


def print_growth(backend: str, what: str, samples: list[tuple[float, float]], warmup_min: float) -> float | None:
    """Median of the first five samples after the warm-up against the median of the last five. One sample lands on
    whatever screen is open (the map alone is +10–20 MiB while shown), so single samples differ by that much."""
    import statistics

    after = [rss for minute, rss in samples if minute >= warmup_min]
    if len(after) < 10:
        print(f"[{backend}] {what}: too few samples after the warm-up ({len(after)})", flush=True)
        return None
    first, last = statistics.median(after[:5]), statistics.median(after[-5:])
    print(
        f"[{backend}] {what}: median {first:.1f} MiB of the first five samples after the warm-up, {last:.1f} MiB "
        f"of the last five: growth {last - first:+.1f} MiB",
        flush=True,
    )
    return last - first


def window_child(backend: str, warmup_min: float, minutes: float) -> int:
    """One kiosk in a real window: random visitor input, RSS printed every minute (runs inside Xvfb)."""
    import random

    from kiosk.ui.app import KioskApp
    from kiosk.ui.config import Config
    from kiosk.ui.platform.qapp import make_qapp
    from kiosk.ui.services.pin import hash_pin
    from kiosk.ui.diagnostics.shell_driver import ShellDriver, wait

    qapp = make_qapp()
    # Random taps never exit (a PIN nobody types); attract slides turn every 2 s, so a walk-away shows several.
    config = Config(idle_timeout=45, admin_pin_hash=hash_pin("739164028517"), slide_duration=ATTRACT_SLIDE_S)
    app = KioskApp(config, db_path=ROOT / "db" / "kiosk.sqlite", on_quit=lambda code: None)
    wait(2000)
    window, driver = app.window, ShellDriver(app)
    finger = GilFreeFinger(window)
    rnd = random.Random(1945)
    ids = [c.id for c in app.database.repository.cities()]
    w, h = window.width(), window.height()
    print(
        f"[{backend}] window {w}x{h}, scene graph {qapp.platformName()}/"
        f"{window.rendererInterface().graphicsApi().name}",
        flush=True,
    )
    t0 = time.monotonic()
    samples: list[tuple[float, float]] = []  # (minute, RSS) once a minute, on whatever screen is open
    at_rest: list[tuple[float, float]] = []  # (minute, RSS) home, after each idle reset and its housekeeping
    next_sample, step, reloads = 0.0, 0, 0
    while True:
        # A hang (e.g. the GUI thread and the scene graph's render thread waiting on each other) prints every
        # thread's Python stack and ends this back end with an error instead of a silent, flat RSS line.
        faulthandler.dump_traceback_later(HANG_S, exit=True)
        elapsed = (time.monotonic() - t0) / 60
        if elapsed >= next_sample:
            gc.collect()
            samples.append((elapsed, rss_mib()))
            in_use, held = heap_mib()
            # No QObject count here: findChildren() makes a Python wrapper for every item it returns, and PySide
            # keeps those, so counting would itself climb by a few hundred objects a minute.
            rest = f"{at_rest[-1][1]:7.1f}" if at_rest else "      –"
            print(
                f"[{backend}] minute {elapsed:5.1f}: RSS {samples[-1][1]:7.1f} MiB (at rest {rest})   C heap in use "
                f"{in_use:6.1f} / held {held:6.1f} MiB   Python objects {len(gc.get_objects()):7d}   actions {step}",
                flush=True,
            )
            next_sample += 1
            if elapsed >= warmup_min + minutes:
                break
        step += 1
        if step % VISIT_ACTIONS == 0:  # the visitor walks away: the idle reset (and its housekeeping) runs,
            app.idle.resetNow()  # then the attract slideshow, until the next tap wakes the kiosk
            wait(1500)
            at_rest.append(((time.monotonic() - t0) / 60, rss_mib()))
            app.attract.after_idle_reset()
            wait(int(ATTRACT_SLIDES * ATTRACT_SLIDE_S * 1000))
        elif step % 50 == 0:  # enter a screen now and then, as a new visitor would: by its tile on home
            where = rnd.choice(("home", "tileCities", "city", "tileMap", "tileNovokuznetsk"))
            driver.nav("home")
            driver.settle()
            if where == "city":
                driver.nav("city", rnd.choice(ids))
            elif where != "home":
                tile = driver.item(where)
                if tile is not None and tile.isVisible():
                    finger.tap(tile)
                del tile  # no wrapper kept from one visit to the next
        # The first reload comes halfway through the warm-up: old and new records live side by side while the
        # kiosk switches, and that first peak leaves Python's allocator a few MiB larger (its 1 MiB arenas), which
        # later reloads reuse (measured: +4 MiB at the first reload, +0.6 and +1.1 at the next ones, flat between).
        if step % RELOAD_ACTIONS == 0 or (reloads == 0 and elapsed >= warmup_min / 2):
            app.database.reload()
            reloads += 1
        kind = rnd.choices(("tap", "drag", "swipe"), (75, 15, 10))[0]
        x, y = rnd.uniform(0, w - 1), rnd.uniform(0, h - 1)
        if kind == "tap":
            finger.tap((x, y), wait_ms=rnd.choice((10, 30)))
        elif kind == "drag":
            finger.drag((x, y), rnd.uniform(-w / 3, w / 3), rnd.uniform(-h / 3, h / 3), steps=6, step_ms=16)
        else:
            finger.swipe((w / 2, h / 2), rnd.choice((-1, 1)) * w / 3)
        wait(rnd.choice((20, 60, 150)))
    growth = print_growth(backend, "RSS", samples, warmup_min)
    print_growth(backend, "RSS at rest", at_rest, warmup_min)
    if growth is not None:
        verdict = "within" if growth <= GOAL_MIB else "OVER"
        print(f"[{backend}] growth {growth:+.1f} MiB: {verdict} the {GOAL_MIB:.0f} MiB goal", flush=True)
    faulthandler.cancel_dump_traceback_later()
    app.close()
    return 0


def window_soak(warmup_min: float, minutes: float) -> int:
    """Both back ends at once, each in its own Xvfb at 1920×1080; their lines interleave, prefixed."""
    import subprocess

    from tests.helpers.xsession import XSession, missing_tools

    missing = missing_tools()
    if missing:
        print(f"soak --xvfb needs {', '.join(missing)} (Debian: apt-get install xvfb xdotool)", file=sys.stderr)
        return 2
    print(f"soak in a real window: {warmup_min:g} min warm-up, then {minutes:g} min; RSS every minute")
    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # so `finally` stops the children and Xvfb
    sessions, children = [], []
    try:
        chosen = os.environ.get("SOAK_BACKENDS", ",".join(BACKENDS)).split(",")
        for backend, extra in ((b, BACKENDS[b]) for b in chosen):
            session = XSession(1920, 1080)
            sessions.append(session)
            env = {k: v for k, v in session.env.items() if k != "QT_QUICK_BACKEND"}
            env.update(extra, LIBGL_ALWAYS_SOFTWARE="1")
            children.append(
                subprocess.Popen([sys.executable, __file__, "--child", backend, str(warmup_min), str(minutes)], env=env)
            )
        return max(child.wait() for child in children)
    finally:
        for child in children:
            if child.poll() is None:
                child.terminate()
        for session in sessions:
            session.close()


if __name__ == "__main__":
    if "--child" in sys.argv:
        i = sys.argv.index("--child")
        sys.exit(window_child(sys.argv[i + 1], float(sys.argv[i + 2]), float(sys.argv[i + 3])))
    if "--xvfb" in sys.argv:
        sys.exit(window_soak(float(os.environ.get("SOAK_WARMUP", "5")), float(os.environ.get("SOAK_MINUTES", "30"))))
    sys.exit(main())
