"""The real kiosk in a real window, saying where the visitor is: for tests that drive it from outside the
process (xdotool key events in Xvfb) and must check what is on screen.

    python -m tests.helpers.kiosk_probe DB LOG_DIR [WIDTHxHEIGHT]

Runs the kiosk windowed (idle and attract off) and prints one JSON line to stdout each time what the screen shows
changes: the screen on top, the stack's depth, the search query, the result count, the heading of the screen
(a city's name, a chapter's title), the keyboard focus (its accessible name) and whether the focus ring shows.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


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
                return str(item.property("text"))
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
    from kiosk.ui.qapp import make_qapp
    from kiosk.ui.shell_driver import ShellDriver

    db, log_dir = Path(argv[0]), Path(argv[1])
    width, height = (int(v) for v in (argv[2] if len(argv) > 2 else "1280x800").split("x"))
    qapp = make_qapp()
    app = KioskApp(
        Config(idle_timeout=0, attract_timeout=0),
        db_path=db,
        windowed=True,
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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
