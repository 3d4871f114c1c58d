"""The real kiosk in a real window, saying where the visitor is: for tests that drive it from outside the
process (xdotool key events in Xvfb) and must check what is on screen.

    python -m tests.helpers.kiosk_probe DB LOG_DIR [WIDTHxHEIGHT] [kiosk]

Runs the kiosk windowed, or in kiosk mode (fullscreen, the lockdown on) with `kiosk`, idle and attract off,
and prints one JSON line to stdout each time what the screen shows changes: the screen on top, the stack's
depth, the search query, the result count, the heading of the screen (a city's name, a chapter's title), the
keyboard focus (its accessible name) and whether the focus ring shows.
`ProbedKiosk` is the tests' side: it starts this module and reads what it says.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Города трудовой доблести"


def _focus(window) -> dict:
    from PySide6.QtQuick import QQuickItem

    item = window.activeFocusItem()
    if item is None:
        return {"focus": "", "ring": False}
    rings = [c for c in item.childItems() if c.metaObject().className().startswith("FocusRing")]
    name = item.objectName()
    text = ""
    for child in item.findChildren(QQuickItem):  # the first text inside: what the control shows
        if child.inherits("QQuickText") and child.isVisible() and child.property("text"):
            text = child.property("text")
            break
    return {"focus": name, "focus_text": text, "ring": any(r.isVisible() for r in rings)}


def _state(app, driver) -> dict:
    from PySide6.QtQuick import QQuickItem

    screen = driver.stack.property("currentItem")

    def text_of(name: str) -> str:
        if screen is None:
            return ""
        for item in screen.findChildren(QQuickItem, name):
            if item.isVisible():
                return str(item.property("text")).replace(
                    "\u00a0", " "
                )  # the typeset interface: plain spaces to compare
        return ""

    return {
        "screen": driver.current_name(),
        "depth": driver.depth(),
        "query": app.catalog.property("query"),
        "count": text_of("resultCount"),
        "city": text_of("cityName"),
        "title": text_of("nkScreenTitle"),
        **_focus(app.window),
    }


def main(argv: list[str]) -> int:
    from PySide6.QtCore import QTimer

    from kiosk.ui.app import KioskApp
    from kiosk.ui.config import Config
    from kiosk.ui.platform.qapp import make_qapp
    from kiosk.ui.diagnostics.shell_driver import ShellDriver

    db, log_dir = Path(argv[0]), Path(argv[1])
    width, height = (int(v) for v in (argv[2] if len(argv) > 2 else "1280x800").split("x"))
    qapp = make_qapp()
    app = KioskApp(
        Config(idle_timeout=0, attract_timeout=0),
        db_path=db,
        windowed="kiosk" not in argv[3:],
        size=(width, height),
        log_path=log_dir / "kiosk.log",
    )
    driver = ShellDriver(app)
    last: list[str] = [""]

    def report() -> None:
        if driver.stack.property("busy"):
            return
        line = json.dumps(_state(app, driver), ensure_ascii=False)
        if line != last[0]:
            last[0] = line
            print(line, flush=True)

    timer = QTimer()
    timer.timeout.connect(report)
    timer.start(50)
    code = qapp.exec()
    app.close()
    return code


class ProbedKiosk:
    """The client side: this module run as the kiosk in an X session (`XSession`), the last state it reported,
    and keys typed with xdotool. `env`: more environment for the kiosk (an AT-SPI bus)."""

    def __init__(self, session, db: Path, log_dir: Path, env: dict | None = None, kiosk_mode: bool = False):
        self.session = session
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.kiosk_probe", str(db), str(log_dir), "1280x800"]
            + (["kiosk"] if kiosk_mode else []),
            cwd=ROOT,
            env={**session.env, **(env or {}), "QT_QUICK_BACKEND": "software"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[dict] = queue.Queue()
        self.state: dict = {}
        threading.Thread(target=self._read, daemon=True).start()
        self.window = session.find_window(TITLE)
        assert self.window, f"the kiosk window never appeared: {self.close()[-2000:]}"
        session.xdotool("windowfocus", "--sync", self.window)
        assert self.wait(lambda s: s.get("screen") == "homeScreen"), self.state

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.startswith("{"):
                self.lines.put(json.loads(line))

    def wait(self, predicate, timeout: float = 15.0) -> bool:
        """Until the kiosk reports a state for which `predicate` holds (the latest state counts)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                while True:
                    self.state = self.lines.get_nowait()
            except queue.Empty:
                pass
            if self.state and predicate(self.state):
                return True
            if time.monotonic() > deadline or self.proc.poll() is not None:
                return False
            time.sleep(0.05)

    def keys(self, *names: str) -> None:
        for name in names:
            self.session.xdotool("key", "--clearmodifiers", name)
            time.sleep(0.15)  # one key at a time, as a hand types; the checks below wait on what the screen shows

    def type(self, text: str) -> None:
        self.session.xdotool("type", "--delay", "120", text)

    def said(self) -> str:
        return json.dumps(self.state, ensure_ascii=False)

    def tab_to(self, name: str, most: int = 12) -> bool:
        """Tab until the focus (drawn) is on `name`, as a visitor would, at most `most` times."""
        for _ in range(most):
            self.keys("Tab")
            if self.wait(lambda s: s["ring"], 3) and self.state["focus"] == name:
                return True
        return False

    def focus_on(self, name: str) -> bool:
        return self.wait(lambda s: s["focus"] == name and s["ring"])

    def close(self) -> str:
        self.proc.terminate()
        try:
            _, err = self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        return err or ""


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
