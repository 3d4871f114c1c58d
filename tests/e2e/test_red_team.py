"""Issue 29's red team, replayed against the real executable: from source (`python -m kiosk.cli`) and, when
`make dist` has made one, the frozen `dist/kiosk/kiosk` (skipped otherwise).

Each case is what a careless curator, a tired technician or a hostile file did to the kiosk: a hand-edited file
the full validation refuses (it must give the calm screen, never exit 70 that every restart repeats), the
database's folder closed while running, a killed run's private copies, config files that are not config
files, and a busy folder beside the database. Every wait is bounded; a kiosk left running is killed.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FROZEN = ROOT / "dist" / "kiosk" / "kiosk"
NOBODY = 65534


def _as_nobody() -> bool:
    """Root ignores folder permissions: as root, the kiosk runs as nobody so that a closed folder is closed."""
    return os.geteuid() == 0 and shutil.which("setpriv") is not None


@pytest.fixture(params=["source", "frozen"])
def command(request) -> list[str]:
    if request.param == "frozen":
        if not FROZEN.exists():
            pytest.skip("no dist/kiosk/kiosk (make dist)")
        return [str(FROZEN)]
    return [sys.executable, "-m", "kiosk.cli"]


@pytest.fixture()
def place():
    """A folder every user may read (pytest's own are closed to others), removed afterwards."""
    outer = Path(tempfile.mkdtemp(prefix="kiosk-red-"))
    outer.chmod(0o755)
    yield outer
    for p in outer.rglob("*"):
        if p.is_dir() and not p.is_symlink():
            p.chmod(0o755)
    shutil.rmtree(outer, ignore_errors=True)


class Kiosk:
    """One kiosk process; its log lines are read from its log file (bounded waits, never a hang)."""

    def __init__(self, command: list[str], place: Path, *args: str, nobody: bool = False):
        self.log = place / "log" / "kiosk.log"
        self.state = place / "state"
        for d in (self.log.parent, self.state):
            d.mkdir(exist_ok=True)
            if nobody:
                os.chown(d, NOBODY, NOBODY)
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "QT_QUICK_BACKEND": "software",
            "XDG_STATE_HOME": str(self.state),
            "HOME": str(place),
        }
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] if nobody else []
        self.proc = subprocess.Popen(
            [*prefix, *command, "--windowed", "--log-dir", str(self.log.parent), *args],
            cwd=ROOT if not nobody else place,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def lines(self) -> list[str]:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return []

    def wait_for(self, text: str, seconds: float = 60) -> str:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            found = [line for line in self.lines() if text in line]
            if found:
                return found[0]
            if self.proc.poll() is not None:
                raise AssertionError(f"the kiosk exited with {self.proc.returncode} before «{text}»: {self.stderr()}")
            time.sleep(0.1)
        raise AssertionError(f"no «{text}» in the log within {seconds} s: {self.lines()[-5:]}")

    def alive_for(self, seconds: float) -> bool:
        try:
            self.proc.wait(timeout=seconds)
        except subprocess.TimeoutExpired:
            return True
        return False

    def stderr(self) -> str:
        if self.proc.poll() is None:
            return ""
        return self.proc.stderr.read() if self.proc.stderr else ""

    def kill(self, sig=signal.SIGTERM) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait(timeout=30)


@pytest.fixture()
def kiosks():
    started: list[Kiosk] = []
    yield started
    for k in started:
        k.kill(signal.SIGKILL)


def _readable(path: Path) -> Path:
    for p in (path, *path.parents):
        if p == Path(tempfile.gettempdir()):
            break
        p.chmod(0o755 if p.is_dir() else 0o644)
    return path


def _hand_edited(built_db: Path, folder: Path, statement: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = shutil.copy(built_db, folder / "kiosk.sqlite")
    conn = sqlite3.connect(path)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(cities)")]
    conn.executescript(
        f"ALTER TABLE cities RENAME TO old; CREATE TABLE cities ({', '.join(cols)}); "
        "INSERT INTO cities SELECT * FROM old; DROP TABLE old;"
    )
    conn.execute(statement)
    conn.commit()
    conn.close()
    return _readable(Path(path))


FIRST = "(SELECT min(id) FROM cities)"


@pytest.mark.parametrize(
    "statement",
    [
        f"UPDATE cities SET year = NULL WHERE id = {FIRST}",
        f"UPDATE cities SET year = '2021' WHERE id = {FIRST}",
        f"UPDATE cities SET lat = 'abc' WHERE id = {FIRST}",
        f"UPDATE cities SET name = printf('%.*c', 5000000, 'x') WHERE id = {FIRST}",
        "UPDATE nk_events SET date = 'abc' WHERE rowid = (SELECT min(rowid) FROM nk_events)",
    ],
    ids=["null-year", "text-year", "text-lat", "5M-name", "section-date"],
)
def test_a_refused_file_is_the_calm_screen_not_a_crash_loop(command, built_db, place, kiosks, statement):
    bad = _hand_edited(built_db, place / "db", statement)
    for _restart in range(2):  # as the supervisor would: the second start must not crash either
        k = Kiosk(command, place, "--db", str(bad))
        kiosks.append(k)
        k.wait_for("database unavailable")
        assert k.alive_for(2.0), f"exit {k.proc.returncode}: {k.stderr()[-2000:]}"
        k.kill()
    assert not any("Traceback" in line for line in k.lines())


@pytest.mark.skipif(os.geteuid() == 0 and not shutil.which("setpriv"), reason="as root, needs setpriv to be nobody")
@pytest.mark.parametrize("how", ["mode-000", "swapped-0700"])
def test_a_folder_closed_while_running_is_one_log_line(command, built_db, place, kiosks, how):
    nobody = _as_nobody()
    if how == "swapped-0700" and not nobody:
        pytest.skip("another user's folder needs root to make")
    folder = place / "sync" / "kiosk"
    folder.mkdir(parents=True)
    db = _readable(Path(shutil.copy(built_db, folder / "kiosk.sqlite")))
    k = Kiosk(command, place, "--db", str(db), nobody=nobody)
    kiosks.append(k)
    k.wait_for("cities, built")
    if how == "mode-000":
        folder.chmod(0)
    else:
        folder.rename(place / "sync" / "old")
        folder.mkdir(mode=0o700)  # root's: another user's folder for the kiosk
        shutil.copy(place / "sync" / "old" / "kiosk.sqlite", folder / "kiosk.sqlite")
    (place / "sync" / "poke.txt").write_text("wake the watcher")
    k.wait_for("permission denied", seconds=30)
    assert k.alive_for(3.0), f"exit {k.proc.returncode}: {k.stderr()[-2000:]}"
    assert len([line for line in k.lines() if "permission denied" in line]) == 1
    assert not any("Traceback" in line for line in k.lines())


def test_a_killed_runs_private_copy_is_removed_by_the_next_start(command, built_db, place, kiosks, tmp_path):
    from PIL import Image

    from kiosk.data.curation.images import add_image

    db = Path(shutil.copy(built_db, place / "kiosk.sqlite"))
    Image.new("RGB", (640, 480), (150, 40, 30)).save(tmp_path / "p.jpg", "JPEG")
    conn = sqlite3.connect(db)
    city = conn.execute("SELECT min(id) FROM cities").fetchone()[0]
    conn.close()
    add_image(db, "city", str(city), tmp_path / "p.jpg", caption="Снимок", credit="Фото: архив")

    def copies():
        return sorted((place / "state").rglob("kiosk-snapshot-*"))

    first = Kiosk(command, place, "--db", str(db))
    kiosks.append(first)
    first.wait_for("cities, built")
    # One copy once the late full check (a second, passing copy of its own) is done.
    deadline = time.monotonic() + 30
    while len(copies()) != 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(copies()) == 1 and f"-{first.proc.pid}-" in copies()[0].name  # in the state folder, not /tmp
    first.kill(signal.SIGKILL)  # a hard kill: nothing cleans up
    assert len(copies()) == 1
    second = Kiosk(command, place, "--db", str(db))
    kiosks.append(second)
    second.wait_for("removed a private database copy an earlier run left behind")
    assert copies() and all(f"-{second.proc.pid}-" in c.name for c in copies()), copies()
    assert not list(Path(tempfile.gettempdir()).glob(f"kiosk-snapshot-{first.proc.pid}-*"))


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "nested", "bom"])
def test_config_files_never_hang_or_traceback(command, built_db, place, kind):
    config = place / "kiosk.toml"
    if kind == "fifo":
        os.mkfifo(config)
    elif kind == "dev-zero":
        config = Path("/dev/zero")
    elif kind == "nested":
        config.write_text("a = " + "[" * 30_000 + "]" * 30_000)
    else:
        config.write_bytes("\ufeffidle_timeout = 45\n".encode())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software"}
    args = ["--config", str(config), "--db", str(built_db), "--exit-after-first-frame", "--log-dir", str(place)]
    r = subprocess.run([*command, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in r.stderr
    if kind == "bom":
        assert r.returncode == 0, r.stderr
    else:
        assert r.returncode == 2 and str(config) in r.stderr, r.stderr


def test_a_busy_folder_causes_no_reopen_and_a_real_replacement_does(command, built_db, place, kiosks):
    folder = place / "sync" / "kiosk"
    folder.mkdir(parents=True)
    db = Path(shutil.copy(built_db, folder / "kiosk.sqlite"))
    k = Kiosk(command, place, "--db", str(db))
    kiosks.append(k)
    k.wait_for("cities, built")
    for n in range(25):
        for where in (folder, folder.parent):
            for name in (f"note-{n}.txt", ".syncthing.kiosk.sqlite.tmp", "~syncthing~kiosk.sqlite.tmp"):
                (where / name).write_bytes(b"x" * 1000)
            (where / ".syncthing.kiosk.sqlite.tmp").unlink()
            (where / "~syncthing~kiosk.sqlite.tmp").unlink()
        time.sleep(0.05)
    os.utime(db)  # a touch: the same bytes
    time.sleep(8)  # the debounce, a poll or two
    assert len([line for line in k.lines() if "cities, built" in line]) == 1, "an unchanged file was reopened"
    incoming = folder / ".syncthing.kiosk.sqlite.tmp"
    shutil.copy(db, incoming)
    conn = sqlite3.connect(incoming)
    conn.execute("UPDATE meta SET value = '2031-01-01T00:00:00Z' WHERE key = 'built_at'")
    conn.commit()
    conn.close()
    incoming.replace(db)
    k.wait_for("built 2031-01-01T00:00:00Z", seconds=30)
