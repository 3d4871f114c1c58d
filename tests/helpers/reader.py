"""A screen reader's view of the kiosk, for tests: a private dbus session with an AT-SPI bus, the kiosk on it,
and Debian's pyatspi (system Python) walking the tree and pressing items (tests/helpers/atspi_walk.py).

Skips cleanly where a part is missing (packaging/ensure-syslibs.sh installs them: at-spi2-core, dbus,
python3-pyatspi).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
WALKER = Path(__file__).with_name("atspi_walk.py")
APP_NAME = "labour-valour-kiosk"


def missing_parts() -> list[str]:
    missing = [tool for tool in ("Xvfb", "dbus-daemon", "dbus-send") if shutil.which(tool) is None]
    if not Path(BUS_LAUNCHER).exists():
        missing.append("at-spi2-core")
    if (
        not Path(SYSTEM_PYTHON).exists()
        or subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=30).returncode
    ):
        missing.append("python3-pyatspi")
    return missing


class ReaderBus:
    """dbus-daemon --session and the AT-SPI bus launcher, in a runtime folder of their own (so parallel tests and
    a desktop's own bus never meet); `env` is what the kiosk and the walker need to find them."""

    def __init__(self, runtime_dir: Path, display_env: dict):
        runtime_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        base = dict(display_env, XDG_RUNTIME_DIR=str(runtime_dir), HOME=str(runtime_dir))
        self.daemon = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
            env=base,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        assert self.daemon.stdout is not None
        address = self.daemon.stdout.readline().strip()
        if not address:
            self.close()
            raise RuntimeError("dbus-daemon gave no address")
        self.env = dict(base, DBUS_SESSION_BUS_ADDRESS=address, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
        # The launcher starts the accessibility bus and the registry; its process group is ended with it.
        self.launcher = subprocess.Popen(
            [BUS_LAUNCHER, "--launch-immediately"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            done = subprocess.run(
                ["dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus", "/org/a11y/bus",
                 "org.freedesktop.DBus.Properties.Set", "string:org.a11y.Status", "string:IsEnabled",
                 "variant:boolean:true"],
                env=self.env, capture_output=True, timeout=10,
            )  # fmt: skip
            if done.returncode == 0:
                return
            time.sleep(0.2)
        self.close()
        raise RuntimeError("the AT-SPI bus did not start")

    def walk(self, *args: str) -> dict:
        done = subprocess.run(
            [SYSTEM_PYTHON, str(WALKER), args[0], APP_NAME, *args[1:]],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if done.returncode != 0 or not done.stdout.strip():
            return {"error": done.stderr.strip()[-500:] or done.stdout.strip()}
        return json.loads(done.stdout)

    def close(self) -> None:
        for proc in (getattr(self, "launcher", None), self.daemon):
            if proc is not None and proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)  # the group this object started, and only that
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(5)


def nodes(tree: dict):
    """Every node of a tree dumped by atspi_walk.py, depth first."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        todo.extend(reversed(node["children"]))


def plain(text: str) -> str:
    """Text as a reader compares it: no-break spaces as spaces, runs of white space as one."""
    return " ".join(text.replace("\u00a0", " ").split())
