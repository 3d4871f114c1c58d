"""Deployment: the systemd units pass `systemd-analyze verify` (no warning either), and the kiosk reaches its
first frame under Wayland, in Weston's headless compositor. Each skips cleanly where its tool is absent."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "packaging" / "linux"


def _verify(unit: Path, tmp_path: Path, *, user: bool = False) -> subprocess.CompletedProcess:
    fake = tmp_path / "fake-exe"  # the unit's programs (/usr/bin/cage, /opt/kiosk/kiosk) need not exist here
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    text = unit.read_text(encoding="utf-8").replace("/usr/bin/cage", str(fake)).replace("/opt/kiosk/kiosk", str(fake))
    copy = tmp_path / unit.name.replace("@.", "@tty1.")
    copy.write_text(text, encoding="utf-8")
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime))
    return subprocess.run(
        ["systemd-analyze", "verify", *(["--user"] if user else []), str(copy)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
@pytest.mark.parametrize(("name", "user"), [("kiosk@.service", False), ("kiosk-session.service", True)])
def test_units_verify(tmp_path, name, user):
    text = (UNITS / name).read_text(encoding="utf-8")
    for line in ("Restart=always", "Type=notify", "WatchdogSec="):
        assert line in text
    r = _verify(UNITS / name, tmp_path, user=user)
    assert r.returncode == 0 and not r.stderr.strip(), r.stderr


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_verify_catches_a_broken_unit(tmp_path):
    broken = tmp_path / "src" / "kiosk@.service"
    broken.parent.mkdir()
    broken.write_text(
        (UNITS / "kiosk@.service").read_text(encoding="utf-8").replace("WatchdogSec=30", "WatchdogSec=thirty")
    )
    r = _verify(broken, tmp_path)
    assert "WatchdogSec" in r.stderr or "thirty" in r.stderr


@pytest.mark.skipif(shutil.which("weston") is None, reason="weston not installed (Debian: apt-get install weston)")
def test_first_frame_under_wayland(tmp_path, built_db):
    runtime = tmp_path / "xdg-runtime"
    runtime.mkdir(mode=0o700)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM", "QT_QUICK_BACKEND")}
    env["XDG_RUNTIME_DIR"] = str(runtime)
    weston = subprocess.Popen(
        [
            "weston",
            "--backend=headless-backend.so",
            "--socket=kiosk-test",
            "--idle-time=0",
            "--width=1920",
            "--height=1080",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while not (runtime / "kiosk-test").exists():  # the socket appears when Weston is ready
            if weston.poll() is not None or time.monotonic() > deadline:
                pytest.skip(f"weston did not start: {weston.stderr.read()[-500:] if weston.stderr else ''}")
            time.sleep(0.1)
        kiosk_env = dict(env, WAYLAND_DISPLAY="kiosk-test", QT_QPA_PLATFORM="wayland", QT_QUICK_BACKEND="software")
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "kiosk.cli",
                "--db",
                str(built_db),
                "--exit-after-first-frame",
                "--log-dir",
                str(tmp_path / "log"),
            ],
            cwd=ROOT,
            env=kiosk_env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert r.returncode == 0, r.stderr[-2000:]
        assert "first frame after" in r.stderr
        log = (tmp_path / "log" / "kiosk.log").read_text(encoding="utf-8")
        assert "kiosk mode" in log and "platform wayland)" in log, log[-2000:]
    finally:
        weston.terminate()
        weston.wait(timeout=30)
