"""Reach into the shell (Main.qml) from Python: its navigator, overlays and stack.

Used by `kiosk --self-test` and the soak benchmark, which visit every screen quickly without touches, and by the
UI tests to read where the visitor is (they reach the screens themselves by touch).
"""

from __future__ import annotations

import time


def wait(ms: int) -> None:
    """Run Qt's event loop for `ms` with the GIL released. QTest.qWait and processEvents() keep the GIL, and with
    Qt's threaded render loop (a real window, OpenGL) the render thread needs it to paint MapCanvas, a Python item,
    while the GUI thread waits for that frame: both then wait forever (seen in the real-window soak)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class ShellDriver:
    """Reach into Main.qml from Python: call the navigator, open overlays, wait for the stack to settle."""

    def __init__(self, app):
        from PySide6.QtCore import QObject

        self.app = app
        self.window = app.window
        self.navigator = self.window.findChild(QObject, "navigator")
        if self.navigator is None:
            raise RuntimeError("Main.qml has no navigator")

    def item(self, name: str):
        from PySide6.QtQuick import QQuickItem

        return self.window.findChild(QQuickItem, name)

    def call(self, obj, method: str, *args):
        from PySide6.QtCore import Q_ARG, QMetaObject, Qt

        QMetaObject.invokeMethod(obj, method, Qt.ConnectionType.DirectConnection, *[Q_ARG("QVariant", a) for a in args])

    def nav(self, method: str, *args) -> None:
        self.call(self.navigator, method, *args)

    def set_instant(self, value: bool) -> None:
        self.navigator.setProperty("instant", value)

    @property
    def stack(self):
        return self.item("stack")

    def depth(self) -> int:
        return int(self.stack.property("depth"))

    def current_name(self) -> str:
        item = self.stack.property("currentItem")
        return item.objectName() if item is not None else ""

    def settle(self, ms: int = 0) -> None:
        """Let pending work (transitions, image loads, deferred deletes) run, then render one frame."""
        from PySide6.QtCore import QCoreApplication, QEvent

        deadline = time.monotonic() + 2.0
        while self.stack.property("busy") and time.monotonic() < deadline:
            wait(10)
        wait(ms)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def grab(self):
        return self.window.grabWindow()

    def open_pin_pad(self) -> None:
        self.call(self.item("pinPad"), "open")

    def close_overlays(self) -> None:
        self.call(self.item("pinPad"), "close")
        self.call(self.item("adminPanel"), "close")

    def open_admin_panel(self) -> None:
        self.call(self.item("adminPanel"), "open")

    def preview_unavailable(self, on: bool) -> None:
        self.window.setProperty("previewUnavailable", on)
