"""Supervision: the kiosk tells systemd it is ready and keeps pinging its watchdog from the event loop (through a
$NOTIFY_SOCKET the test opens), and an unhandled exception is logged with its traceback and exits non-zero."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kiosk.ui.platform import sdnotify

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def notify_socket(tmp_path):
    path = tmp_path / "notify"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(str(path))
    sock.settimeout(30)
    yield sock, str(path)
    sock.close()


def receive_until(sock, wanted: str, limit: int = 20) -> list[str]:
    seen: list[str] = []
    while len(seen) < limit:
        seen.append(sock.recv(4096).decode())
        if wanted in seen[-1]:
            return seen
    raise AssertionError(f"no {wanted!r} among {seen}")


def test_notify_does_nothing_without_a_socket():
    assert sdnotify.notify("READY=1", env={}) is False
    assert sdnotify.watchdog_seconds({}) is None
    assert sdnotify.watchdog_seconds({"WATCHDOG_USEC": "20000000"}) == 20.0
    other = next(pid for pid in range(os.getppid() + 1, os.getppid() + 4) if pid != os.getpid())  # neither us nor cage
    assert sdnotify.watchdog_seconds({"WATCHDOG_USEC": "20000000", "WATCHDOG_PID": str(other)}) is None
    assert sdnotify.watchdog_seconds({"WATCHDOG_USEC": "20000000", "WATCHDOG_PID": str(os.getppid())}) == 20.0


def test_the_running_kiosk_says_ready_and_pings_its_watchdog(notify_socket, built_db, tmp_path):
    sock, path = notify_socket
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_QUICK_BACKEND": "software",
        "NOTIFY_SOCKET": path,
        "WATCHDOG_USEC": "400000",
    }  # a ping every 0.2 s
    proc = subprocess.Popen(
        [sys.executable, "-m", "kiosk.cli", "--db", str(built_db), "--windowed", "--log-dir", str(tmp_path / "log")],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        messages = receive_until(sock, "READY=1")
        assert any("STATUS=database" in m for m in messages)
        pings = 0
        while pings < 3:  # the timer keeps turning, not a single ping at start-up
            pings += sock.recv(4096) == b"WATCHDOG=1"
    finally:
        proc.terminate()
        proc.wait(timeout=60)


def test_a_frozen_event_loop_stops_the_pings(notify_socket, qapp, qtbot):
    from kiosk.ui.services.watchdog import SystemdWatchdog

    sock, path = notify_socket
    dog = SystemdWatchdog(env={"NOTIFY_SOCKET": path, "WATCHDOG_USEC": "200000"})
    sock.setblocking(False)

    def drain() -> int:
        count = 0
        while True:
            try:
                count += sock.recv(64) == b"WATCHDOG=1"
            except BlockingIOError:
                return count

    try:
        assert dog.interval_ms == 100
        pings = [0]
        qtbot.waitUntil(lambda: pings.__setitem__(0, pings[0] + drain()) or pings[0] >= 2, timeout=10000)
        drain()
        time.sleep(0.5)  # the GUI thread hangs: five periods without an event loop must send nothing
        assert drain() == 0
    finally:
        dog.stop()


CRASHER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from kiosk.ui.platform import crash
    from kiosk.ui.platform.logsetup import setup_logging

    setup_logging(Path(sys.argv[1]))
    crash.install()
    app = QGuiApplication([])
    def slot():
        raise ZeroDivisionError("a bug in a slot")
    QTimer.singleShot(0, slot)
    QTimer.singleShot(5000, lambda: app.exit(0))  # reached only if the crash did not end the process
    sys.exit(app.exec())
""")


@pytest.mark.parametrize("where", ["slot", "thread"])
def test_an_unhandled_exception_is_logged_and_exits_for_a_restart(tmp_path, where):
    from kiosk.ui.platform.crash import CRASH_EXIT

    code = (
        CRASHER
        if where == "slot"
        else CRASHER.replace(
            "QTimer.singleShot(0, slot)", "import threading; threading.Thread(target=slot, name='worker').start()"
        )
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    r = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert r.returncode == CRASH_EXIT, r.stderr
    log = (tmp_path / "kiosk.log").read_text(encoding="utf-8")
    assert "CRITICAL" in log and "Traceback" in log and "ZeroDivisionError: a bug in a slot" in log
    assert ("in thread worker" in log) == (where == "thread")
