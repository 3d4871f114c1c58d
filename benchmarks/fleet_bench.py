"""What a one-city text change costs a fleet: bytes on the LAN and seconds until every kiosk shows it.

A "curator" and KIOSKS (default 2) real Syncthing instances on 127.0.0.1 (every global service off), each kiosk
instance with a real kiosk process on its synced exhibit folder. Edition A is the bundled data plus PHOTO_MB
(default 100) of photographs; edition B is A after the curators' round trip (`kiosk-db export --format csv`,
one city's text changed in cities.csv, `kiosk-db import`). Both are placed with `kiosk-db publish`. Printed:
the file size, bytes each kiosk received for A and for B (Syncthing's connection counters), the share of B
that travelled, and the seconds from publish to every kiosk's status file showing the new edition.
For 50 kiosks, on paper: the curator sends at most 50× a kiosk's bytes (Syncthing lets kiosks pass blocks on).

    .venv/bin/python benchmarks/fleet_bench.py          # KIOSKS=2 PHOTO_MB=100
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
KIOSKS = int(os.environ.get("KIOSKS", "2"))
PHOTO_MB = float(os.environ.get("PHOTO_MB", "100"))


def kiosk_db(*args: str) -> str:
    r = subprocess.run(
        [sys.executable, "-m", "kiosk.data.curation.cli", *args], cwd=ROOT, capture_output=True, text=True
    )
    if r.returncode != 0:
        raise SystemExit(f"kiosk-db {' '.join(args)}: {r.stderr.strip()}")
    return r.stdout


def with_photos(base: Path, out: Path, megabytes: float) -> int:
    """`base` plus photographs of random texture (incompressible, like real ones), as add-image stores them."""
    import sqlite_utils
    from PIL import Image

    from kiosk.data.curation.images import prepare_image
    from kiosk.data.curation.publish import publish

    rng = random.Random(27)
    prepared = []
    with tempfile.TemporaryDirectory() as tmp:
        total = 0
        while total < megabytes * 1e6:
            noise = Image.frombytes("RGB", (640, 427), rng.randbytes(640 * 427 * 3)).resize((2560, 1707))
            path = Path(tmp) / f"p{len(prepared)}.jpg"
            noise.save(path, quality=95)
            prepared.append(prepare_image(path))
            total += len(prepared[-1].data)

    def fill(db: sqlite_utils.Database) -> None:
        cities = [r[0] for r in db.execute("SELECT id FROM cities ORDER BY id")]
        start = (db.execute("SELECT max(id) FROM images").fetchone()[0] or 0) + 1
        db["images"].insert_all(
            {
                "id": start + i,
                "owner_type": "city",
                "owner_id": str(cities[i % len(cities)]),
                "position": 100 + i,
                "caption": None,
                "credit": None,
                "width": p.width,
                "height": p.height,
                "format": p.format,
                "data": p.data,
            }
            for i, p in enumerate(prepared)
        )

    publish(out, fill, start_from=base)
    return len(prepared)


def one_city_changed(edition: Path, work: Path) -> Path:
    """The curators' route: export to CSV, change one city's text, import."""
    export = work / "export"
    kiosk_db("export", str(edition), "--format", "csv", "--out", str(export))
    cities = export / "cities.csv"
    text = cities.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    rows[len(rows) // 2]["text"] += " Дополнено куратором."
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    cities.write_text(out.getvalue(), encoding="utf-8")
    changed = work / "edition-b.sqlite"
    kiosk_db("import", str(export), "--out", str(changed))
    return changed


def main() -> int:
    from tests.helpers.syncthing import BINARY, Syncthing, pair

    if BINARY is None:
        print("fleet_bench: skipped (syncthing is not installed: apt-get install syncthing)")
        return 0
    work = Path(tempfile.mkdtemp(prefix="fleet-bench-"))
    instances: list[Syncthing] = []
    kiosks: list[subprocess.Popen] = []
    try:
        a = work / "edition-a.sqlite"
        n = with_photos(ROOT / "db" / "kiosk.sqlite", a, PHOTO_MB)
        b = one_city_changed(a, work)
        curator = Syncthing(work / "st-curator", "curator").start()
        instances.append(curator)
        c_exhibit, c_status = work / "curator" / "exhibit", work / "curator" / "status"
        c_exhibit.mkdir(parents=True)
        c_status.mkdir(parents=True)
        kiosk_sts = []
        for i in range(KIOSKS):
            st = Syncthing(work / f"st-kiosk{i}", f"kiosk{i}").start()
            instances.append(st)
            kiosk_sts.append(st)
            pair(curator, st)
        for i, st in enumerate(kiosk_sts):  # kiosks also know each other, as in a hall: blocks may come from a peer
            for other in kiosk_sts[i + 1 :]:
                pair(st, other)
        curator.add_folder("exhibit", c_exhibit, "sendonly", kiosk_sts)
        curator.add_folder("status", c_status, "receiveonly", kiosk_sts)
        for i, st in enumerate(kiosk_sts):
            others = [curator] + [o for o in kiosk_sts if o is not st]
            st.add_folder("exhibit", work / f"kiosk{i}" / "exhibit", "receiveonly", others)
            st.add_folder("status", work / f"kiosk{i}" / "status", "sendonly", [curator])

        def shows(built_at: str) -> bool:
            for i in range(KIOSKS):
                try:
                    data = json.loads((c_status / f"kiosk{i}.json").read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    return False
                if data.get("exhibit", {}).get("built_at") != built_at:
                    return False
            return True

        def built_at(path: Path) -> str:
            import sqlite3

            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                return conn.execute("SELECT value FROM meta WHERE key = 'built_at'").fetchone()[0]
            finally:
                conn.close()

        def round_(edition: Path, label: str) -> None:
            before = [st.bytes_in() for st in kiosk_sts]
            t0 = time.monotonic()
            kiosk_db("publish", str(edition), str(c_exhibit))
            curator.scan("exhibit")
            want = built_at(edition)
            polls = 0
            while not shows(want):
                if time.monotonic() - t0 > 600:
                    raise SystemExit(f"{label}: not every kiosk showed it within 600 s")
                time.sleep(0.2)
                polls += 1
                if polls % 10 == 0:  # where inotify instances ran out, Syncthing's watcher waits for its rescan
                    for st in kiosk_sts:
                        st.scan("status")
            seconds = time.monotonic() - t0
            got = [st.bytes_in() - b0 for st, b0 in zip(kiosk_sts, before, strict=True)]
            size = edition.stat().st_size
            per = ", ".join(f"{g / 1e6:.1f} MB" for g in got)
            print(
                f"{label}: file {size / 1e6:.1f} MB; received per kiosk {per} "
                f"({max(got) / size:.1%} of the file at most); every kiosk shows it after {seconds:.1f} s"
            )
            print(f"  50 kiosks, on paper: the curator's PC sends at most {50 * max(got) / 1e6:.0f} MB for this change")

        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software"}
        # edition A first, then the kiosks start on it
        before = [st.bytes_in() for st in kiosk_sts]
        t0 = time.monotonic()
        kiosk_db("publish", str(a), str(c_exhibit))
        curator.scan("exhibit")
        for i in range(KIOSKS):
            target = work / f"kiosk{i}" / "exhibit" / "kiosk.sqlite"
            while not target.exists() or curator.completion("exhibit", kiosk_sts[i]) < 100:
                if time.monotonic() - t0 > 600:
                    raise SystemExit("edition A did not reach every kiosk within 600 s")
                time.sleep(0.2)
        got = [st.bytes_in() - b0 for st, b0 in zip(kiosk_sts, before, strict=True)]
        print(
            f"edition A ({n} photographs, {a.stat().st_size / 1e6:.1f} MB): received per kiosk "
            + ", ".join(f"{g / 1e6:.1f} MB" for g in got)
            + f"; on every kiosk after {time.monotonic() - t0:.1f} s"
        )
        for i in range(KIOSKS):
            cfg = work / f"kiosk{i}.toml"
            cfg.write_text(f'kiosk_id = "kiosk{i}"\nstatus_interval = 10\n', encoding="utf-8")
            state = {**env, "XDG_STATE_HOME": str(work / f"state{i}")}
            kiosks.append(
                subprocess.Popen(
                    [
                        sys.executable,
                        "-m",
                        "kiosk.cli",
                        "--windowed",
                        "--config",
                        str(cfg),
                        "--log-dir",
                        str(work),
                        "--db",
                        str(work / f"kiosk{i}" / "exhibit" / "kiosk.sqlite"),
                        "--status-dir",
                        str(work / f"kiosk{i}" / "status"),
                    ],
                    cwd=ROOT,
                    env=state,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        round_(b, "one city's text changed (export, edit, import)")
        return 0
    finally:
        for proc in kiosks:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        for st in instances:
            st.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
