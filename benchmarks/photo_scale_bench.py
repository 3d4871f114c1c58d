"""An exhibit full of photographs: the bundled data plus PHOTOS (1 000) photographs, each against the photo-less
database measured in the same run (issue 28, item 2).

The photographs are stored as `kiosk-db add-image` stores them (kiosk.data.curation.images: prepare_image, then one
atomic rewrite through add_images), ≤ 2560 px, ~0.5 GB in all. The varied source JPEGs and the finished
database are made once and kept in CACHE (default /tmp/kiosk-photo-bench; ~1 GB); later runs reuse them.

Prints one line per figure, `NAME value goal`:
- first_frame_ratio: `kiosk --exit-after-first-frame` on the photo database against the photo-less one
  (medians of RUNS interleaved runs), goal ≤ 1.1;
- switch_s: a new edition renamed over the watched file → its data showing (the watcher's 600 ms settle
  included), goal ≤ 2 s; the photo-less edition's switch in the same process is the baseline;
- switch_private_peak_mb / steady_private_mb: the kiosk's private snapshots on disk (state folder), peak during
  the switch and once settled, against the photographs' size (goal: never a second full copy beside the one
  shown, i.e. peak ≤ 2× and steady ≤ 1× the file);
- switch_rss_peak_mib: the process's peak resident memory during the switch;
- startup_private_peak_mb: the same on the way up (the first open and the late full check after the first frame);
- browse_rss_max_mib (goal ≤ 200 at 1080p), browse_frame_max_ms (goal ≤ 50: the longest frame while a page's
  gallery decodes, after the page's first frame), gallery_decode_max_ms (one thumbnail's decode on the GUI thread).

    .venv/bin/python benchmarks/photo_scale_bench.py            # PHOTOS=1000 RUNS=5 PAGES=100
    PHOTOS=200 .venv/bin/python benchmarks/photo_scale_bench.py # a quicker look
"""

from __future__ import annotations

import contextlib
import itertools
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
PHOTOS = int(os.environ.get("PHOTOS", "1000"))
RUNS = int(os.environ.get("RUNS", "5"))
PAGES = int(os.environ.get("PAGES", "100"))
CACHE = Path(os.environ.get("PHOTO_CACHE", "/tmp/kiosk-photo-bench"))
SHAPES = ((2560, 1707), (2560, 1440), (1707, 2560), (2048, 1536), (1600, 2400), (2400, 1800), (1920, 1280))


def line(name: str, value: float, goal: str, note: str = "") -> None:
    print(f"{name} {value:.2f} {goal}" + (f"   # {note}" if note else ""), flush=True)


# -- the photographs (made once)
def _source_jpeg(i: int) -> Path:
    """A varied photograph-like JPEG: a smooth random scene with fine grain, ~0.4–0.6 MB once stored."""
    from PIL import Image, ImageFilter

    path = CACHE / "src" / f"{i:04d}.jpg"
    if path.exists():
        return path
    rnd = random.Random(i)
    w, h = SHAPES[i % len(SHAPES)]
    small = Image.merge("RGB", [Image.effect_noise((w // 48 + 1, h // 48 + 1), rnd.uniform(40, 90)) for _ in range(3)])
    scene = small.resize((w, h), Image.Resampling.BICUBIC).filter(ImageFilter.GaussianBlur(3))
    grain = Image.effect_noise((w, h), rnd.uniform(10, 22)).convert("RGB")
    Image.blend(scene, grain, 0.14).save(path, "JPEG", quality=92)
    return path


def _prepared(i: int):
    from kiosk.data.curation.images import prepare_image

    return prepare_image(_source_jpeg(i))


def photo_db(plain: Path) -> Path:
    """The bundled data plus PHOTOS photographs spread over the shown cities, as add-image stores them."""
    import sqlite3
    from multiprocessing import Pool

    from kiosk.data.curation.images import add_images

    key = f"{zlib.crc32(plain.read_bytes()):08x}"
    db = CACHE / f"photos-{PHOTOS}-{key}.sqlite"
    if db.exists():
        return db
    (CACHE / "src").mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob(f"photos-{PHOTOS}-*.sqlite"):
        old.unlink()
    t0 = time.perf_counter()
    with Pool(2) as pool:
        prepared = pool.map(_prepared, range(PHOTOS), chunksize=8)
    conn = sqlite3.connect(plain)
    ids = [r[0] for r in conn.execute("SELECT id FROM cities ORDER BY id")]
    conn.close()
    items = [
        ("city", str(ids[i % len(ids)]), CACHE / "src" / f"{i:04d}.jpg", f"Снимок {i + 1}", "Фото: генерировано")
        for i in range(PHOTOS)
    ]
    tmp = CACHE / "building.sqlite"
    shutil.copy(plain, tmp)
    add_images(tmp, items, prepared)
    tmp.replace(db)
    print(f"# made {db} in {time.perf_counter() - t0:.0f} s", flush=True)
    return db


def stamped(source: Path, target: Path, built_at: str) -> Path:
    """A copy told apart by its build time: a new edition, as the kiosk sees it."""
    import sqlite3

    shutil.copy(source, target)
    conn = sqlite3.connect(target)
    with conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'built_at'", (built_at,))
    conn.close()
    return target


# -- first frame
def first_frame_ms(db: Path, state: Path) -> float:
    env = dict(os.environ, XDG_STATE_HOME=str(state), XDG_CONFIG_HOME=str(state / "config"))
    cmd = [str(Path(sys.executable).parent / "kiosk"), "--db", str(db), "--windowed", "--exit-after-first-frame"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _out, err = proc.communicate(timeout=120)
    if proc.returncode != 0:
        raise SystemExit(f"kiosk failed on {db}: {err[-500:]}")
    return (time.perf_counter() - start) * 1000


def first_frames(plain: Path, photos: Path) -> None:
    times: dict[str, list[float]] = {"plain": [], "photos": []}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(RUNS + 1):
            for name, db in (
                (("plain", plain), ("photos", photos)) if run % 2 else (("photos", photos), ("plain", plain))
            ):
                ms = first_frame_ms(db, Path(tmp))
                if run:  # the first round warms the disk cache and Qt's QML cache
                    times[name].append(ms)
    p, q = statistics.median(times["plain"]), statistics.median(times["photos"])
    line("first_frame_ratio", q / p, "1.1", f"photos {q:.0f} ms, photo-less {p:.0f} ms (medians of {RUNS})")


# -- in-process: the switch and browsing
def private_bytes(folder: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for f in files:
            with contextlib.suppress(OSError):
                total += (Path(dirpath) / f).stat().st_blocks * 512
    return total


class Sampler:
    """Peak of the private snapshots' bytes on disk, sampled every 5 ms on a thread of its own."""

    def __init__(self, folder: Path):
        self.folder, self.peak, self._stop = folder, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, private_bytes(self.folder))
            time.sleep(0.005)

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def reset_peak_rss() -> None:
    with Path("/proc/self/clear_refs").open("w") as f:  # "5": reset the peak resident set size (VmHWM)
        f.write("5")


def peak_rss_mib() -> float:
    with Path("/proc/self/status").open() as f:
        for text in f:
            if text.startswith("VmHWM:"):
                return int(text.split()[1]) / 1024
    return 0.0


def rss_mib() -> float:
    with Path("/proc/self/statm").open() as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20


def in_process(plain: Path, photos: Path) -> None:
    from PySide6.QtGui import QGuiApplication
    import kiosk.ui.providers.db_images as db_images
    from kiosk.ui.diagnostics.shell_driver import wait as release_wait

    decodes: list[float] = []
    decode = db_images.decode

    def timed_decode(data, bound):
        t0 = time.perf_counter()
        try:
            return decode(data, bound)
        finally:
            decodes.append((time.perf_counter() - t0) * 1000)

    db_images.decode = timed_decode
    qapp = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    from kiosk.ui.app import KioskApp
    from kiosk.ui.config import Config
    from kiosk.ui.diagnostics.shell_driver import ShellDriver

    size_mb = photos.stat().st_size / 1e6
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        state = Path(tmp) / "state"
        os.environ["XDG_STATE_HOME"] = str(state)
        snapshots = state / "labour-valour-kiosk" / "snapshots"
        live = Path(tmp) / "live"
        live.mkdir()
        target = live / "kiosk.sqlite"
        stamped(photos, target, "2026-01-01T00:00:00")
        # photographs → photographs (the worst case: the old copy shown while the new one is made), then
        # photo-less → photo-less (the baseline), then back to photographs
        editions = [
            stamped(photos, live / ".next-photos-1", "2026-02-01T00:00:00"),
            stamped(plain, live / ".next-plain-1", "2026-03-01T00:00:00"),
            stamped(plain, live / ".next-plain-2", "2026-04-01T00:00:00"),
            stamped(photos, live / ".next-photos-2", "2026-05-01T00:00:00"),
        ]

        def wait(predicate, timeout=60.0) -> None:
            """With the GIL released while Qt waits (QTest.qWait keeps it: the kiosk's worker thread, which copies and
            checks the new file, then crawled: 26 s for a 5 s switch)."""
            end = time.perf_counter() + timeout
            while not predicate():
                if time.perf_counter() > end:
                    raise SystemExit("photo_scale_bench: timed out")
                release_wait(2)

        reset_peak_rss()
        with Sampler(snapshots) as up:
            app = KioskApp(
                Config(idle_timeout=0, attract_timeout=0, statistics=False),
                db_path=target,
                windowed=True,
                size=(1920, 1080),
                watch=True,
                on_quit=lambda code: None,
            )
            window = app.window
            window.resize(1920, 1080)
            window.show()
            wait(lambda: app.first_frame_ms is not None and app.startup.property("ready"))
            wait(lambda: getattr(app.database.repository, "checked", False))
            release_wait(300)
        line(
            "startup_private_peak_mb",
            up.peak / 1e6,
            f"{2 * size_mb:.0f}",
            f"file {size_mb:.0f} MB; first open and late full check",
        )
        driver = ShellDriver(app)
        switches: dict[str, list[float]] = {"plain": [], "photos": []}
        for edition in editions:
            kind = "photos" if "photos" in edition.name else "plain"
            built = edition.name
            before = app.database.property("builtAt")
            release_wait(200)
            reset_peak_rss()
            with Sampler(snapshots) as during:
                t0 = time.perf_counter()
                Path(edition).replace(target)
                wait(lambda b=before: app.database.property("builtAt") != b)
                switches[kind].append(time.perf_counter() - t0)
            release_wait(300)
            if kind == "photos":
                line(
                    "switch_private_peak_mb",
                    during.peak / 1e6,
                    f"{2 * size_mb:.0f}",
                    f"{built}; file {size_mb:.0f} MB; peak RSS {peak_rss_mib():.0f} MiB",
                )
                line("switch_rss_peak_mib", peak_rss_mib(), "-", "during the switch")
                line("steady_private_mb", private_bytes(snapshots) / 1e6, f"{size_mb:.0f}", "settled after the switch")
        sp, sq = statistics.median(switches["plain"]), max(switches["photos"])
        line("switch_s", sq, "2", f"photo-less edition {sp:.2f} s in the same process; watcher settle 0.6 s included")

        # browsing: PAGES city pages with their galleries, at 1080p, pushed as a visitor's tap would
        frames: list[float] = []
        window.frameSwapped.connect(lambda: frames.append(time.perf_counter()))
        ids = [c.id for c in app.database.repository.cities() if app.database.repository.images_of("city", c.id)]
        worst_frame, worst_rss = 0.0, 0.0
        decodes.clear()
        for page in range(PAGES):
            driver.nav("home")
            wait(lambda: driver.current_name() == "homeScreen" and not driver.stack.property("busy"))
            release_wait(30)
            frames.clear()
            driver.nav("city", ids[page % len(ids)])
            wait(lambda: driver.current_name() == "cityScreen" and not driver.stack.property("busy"))
            wait(lambda: _gallery_ready(window), 20)
            release_wait(50)
            gaps = [(b - a) * 1000 for a, b in itertools.pairwise(frames)]
            worst_frame = max([worst_frame, *gaps])
            worst_rss = max(worst_rss, rss_mib())
        line("browse_rss_max_mib", worst_rss, "200", f"{PAGES} city pages with galleries, 1920x1080")
        line(
            "browse_frame_max_ms", worst_frame, "50", "longest frame after the page's first, while its gallery decodes"
        )
        if decodes:
            line(
                "gallery_decode_max_ms",
                max(decodes),
                "-",
                f"median {statistics.median(decodes):.1f} ms over {len(decodes)} thumbnails, on the GUI thread",
            )
        driver.nav("home")
        wait(lambda: driver.current_name() == "homeScreen" and not driver.stack.property("busy"))
        app.close()
    del qapp


def _gallery_ready(window) -> bool:
    todo = [window.contentItem()]
    pending = 0
    while todo:
        item = todo.pop()
        todo.extend(item.childItems())
        if item.objectName().startswith("galleryThumb_") and item.isVisible():
            for child in _images_in(item):
                if child.property("progress") < 1.0:
                    pending += 1
    return pending == 0


def _images_in(item):
    todo = list(item.childItems())
    while todo:
        child = todo.pop()
        todo.extend(child.childItems())
        if child.metaObject().className().startswith("QQuickImage"):
            yield child


def main() -> int:
    plain = ROOT / "db" / "kiosk.sqlite"
    if not plain.exists():
        raise SystemExit("db/kiosk.sqlite is missing: run `make db` first")
    photos = photo_db(plain)
    print(
        f"# {PHOTOS} photographs, {photos.stat().st_size / 1e6:.0f} MB against {plain.stat().st_size / 1e6:.1f} MB; "
        f"offscreen, software scene graph; load {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    if "--make-only" in sys.argv:
        return 0
    if "--no-first-frame" not in sys.argv:
        first_frames(plain, photos)
    in_process(plain, photos)
    return 0


if __name__ == "__main__":
    sys.exit(main())
