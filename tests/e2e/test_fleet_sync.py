"""Issue 27 end to end: a "curator" and a "kiosk" Syncthing on 127.0.0.1, a real kiosk process on the synced
exhibit folder. A published edition reaches the kiosk, which switches to it at rest; its status file comes back
and `kiosk-db fleet` calls it current; a broken file is refused by `publish` and never syncs.
Skipped where the `syncthing` binary is absent (`make test` installs it on Debian)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.data import stamped
from tests.helpers.syncthing import BINARY, Syncthing

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.skipif(BINARY is None, reason="syncthing is not installed"), pytest.mark.timeout(180)]


def kiosk_db(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kiosk.data.curation.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def wait_for(predicate, timeout: float, what: str, rescan=()):
    """Wait for `predicate`; every 2 s ask the given (instance, folder) pairs to rescan. Syncthing's own file
    watcher needs an inotify instance, and a machine running many watchers (a busy test run) may have none left:
    it then falls back to its rescan interval, an hour here."""
    deadline = time.monotonic() + timeout
    next_scan = time.monotonic() + 2
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= next_scan:
            for instance, folder in rescan:
                instance.scan(folder)
            next_scan = time.monotonic() + 2
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def status_of(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def test_publish_sync_switch_and_status_round_trip(built_db, tmp_path):
    curator = Syncthing(tmp_path / "st-curator", "curator")
    kiosk_st = Syncthing(tmp_path / "st-kiosk", "hall-1")
    c_exhibit, c_status = tmp_path / "curator" / "exhibit", tmp_path / "curator" / "status"
    k_exhibit, k_status = tmp_path / "kiosk" / "exhibit", tmp_path / "kiosk" / "status"
    for folder in (c_exhibit, c_status, k_exhibit, k_status):
        folder.mkdir(parents=True)
    first = stamped(built_db, tmp_path / "edition-1.sqlite", "2030-01-01T00:00:00Z")
    assert kiosk_db("publish", str(first), str(c_exhibit)).returncode == 0
    kiosk_proc = None
    try:
        curator.start()
        kiosk_st.start()
        # Both sides set up by the deployment recipe's own script, as on a museum's PCs.
        recipe = ROOT / "packaging" / "linux" / "fleet-syncthing-config.sh"
        curator.configure(recipe, "curator", kiosk_st, c_exhibit, c_status)
        kiosk_st.configure(recipe, "kiosk", curator, k_exhibit, k_status)
        kiosk_st.configure(recipe, "kiosk", curator, k_exhibit, k_status)  # running it twice changes nothing
        options = kiosk_st.get("/rest/config/options")
        assert not options["globalAnnounceEnabled"] and not options["relaysEnabled"] and not options["natEnabled"]
        assert not options["localAnnounceEnabled"] and options["urAccepted"] == -1
        folders = {f["id"]: f for f in kiosk_st.get("/rest/config/folders")}
        assert (folders["exhibit"]["type"], folders["status"]["type"]) == ("receiveonly", "sendonly")
        assert folders["status"]["fsWatcherEnabled"] and folders["exhibit"]["versioning"]["type"] == ""
        assert [d["deviceID"] for d in folders["exhibit"]["devices"]].count(curator.device_id) == 1
        wait_for(
            lambda: (k_exhibit / "kiosk.sqlite").exists(), 60, "the first edition on the kiosk", ((curator, "exhibit"),)
        )
        wait_for(lambda: curator.completion("exhibit", kiosk_st) == 100, 30, "the first edition complete")

        config = tmp_path / "kiosk.toml"
        config.write_text('kiosk_id = "hall-1"\nstatus_interval = 10\n', encoding="utf-8")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_QUICK_BACKEND": "software"}
        env["XDG_STATE_HOME"] = str(tmp_path / "state")
        kiosk_proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kiosk.cli",
                "--windowed",
                "--config",
                str(config),
                "--log-dir",
                str(tmp_path),
                "--db",
                str(k_exhibit / "kiosk.sqlite"),
                "--status-dir",
                str(k_status),
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        back = c_status / "hall-1.json"
        rescan = ((kiosk_st, "status"), (curator, "exhibit"))
        wait_for(
            lambda: status_of(back).get("exhibit", {}).get("built_at") == "2030-01-01T00:00:00Z",
            60,
            "status back",
            rescan,
        )
        assert kiosk_db("fleet", str(c_status), "--exhibit", str(c_exhibit)).returncode == 0

        t0 = time.monotonic()
        second = stamped(built_db, tmp_path / "edition-2.sqlite", "2031-01-01T00:00:00Z")
        assert kiosk_db("publish", str(second), str(c_exhibit)).returncode == 0
        curator.scan("exhibit")
        wait_for(
            lambda: status_of(back).get("exhibit", {}).get("built_at") == "2031-01-01T00:00:00Z",
            90,
            "the switch",
            ((kiosk_st, "status"), (curator, "exhibit")),
        )
        print(f"publish → kiosk shows it → status back: {time.monotonic() - t0:.1f} s")
        fleet = kiosk_db("fleet", str(c_status), "--exhibit", str(c_exhibit), "--json")
        assert fleet.returncode == 0, fleet.stdout + fleet.stderr
        assert json.loads(fleet.stdout)["kiosks"][0]["current"] is True
        # Nothing but the database (and Syncthing's marker) is in the kiosk's exhibit folder.
        assert sorted(p.name for p in k_exhibit.iterdir() if p.name not in (".stfolder",)) == ["kiosk.sqlite"]

        broken = stamped(built_db, tmp_path / "broken.sqlite", "2032-01-01T00:00:00Z")
        with sqlite3.connect(broken) as conn:
            conn.execute("UPDATE cities SET year = 'x' WHERE id = (SELECT min(id) FROM cities)")
        conn.close()
        refused = kiosk_db("publish", str(broken), str(c_exhibit))
        assert refused.returncode == 1 and "year" in refused.stderr
        curator.scan("exhibit")
        wait_for(lambda: curator.completion("exhibit", kiosk_st) == 100, 30, "the folders in step")
        for folder in (c_exhibit, k_exhibit):  # the refused file reached neither side
            with sqlite3.connect(f"file:{folder / 'kiosk.sqlite'}?mode=ro", uri=True) as conn:
                built = conn.execute("SELECT value FROM meta WHERE key = 'built_at'").fetchone()[0]
            conn.close()
            assert built == "2031-01-01T00:00:00Z"
        assert status_of(back).get("last_refusal") is None
        assert kiosk_proc.poll() is None  # the kiosk kept running throughout
    finally:
        if kiosk_proc is not None and kiosk_proc.poll() is None:
            kiosk_proc.send_signal(signal.SIGTERM)
            try:
                kiosk_proc.wait(10)
            except subprocess.TimeoutExpired:
                kiosk_proc.kill()
                kiosk_proc.wait(5)
        curator.stop()
        kiosk_st.stop()
