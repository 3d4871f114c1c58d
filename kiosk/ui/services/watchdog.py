"""Tells systemd the kiosk is up and alive: READY=1 at the first frame, then WATCHDOG=1 from a timer on the GUI
thread's event loop, at half the period systemd asked for. A hung event loop stops the pings, so systemd
restarts a frozen kiosk (`WatchdogSec=` in packaging/linux/kiosk.service), not only a crashed one.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from kiosk.ui.platform import sdnotify

log = logging.getLogger("kiosk.watchdog")


class SystemdWatchdog(QObject):
    def __init__(self, parent: QObject | None = None, env=None):
        super().__init__(parent)
        self._env = env
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.ping)
        period = sdnotify.watchdog_seconds(env)
        if period is not None:
            self._timer.setInterval(max(100, int(period * 1000 / 2)))
            self._timer.start()
            log.info("systemd watchdog: pinging every %.1f s", self._timer.interval() / 1000)

    @property
    def interval_ms(self) -> int | None:
        return self._timer.interval() if self._timer.isActive() else None

    def ready(self, status: str = "") -> None:
        sdnotify.notify("READY=1" + (f"\nSTATUS={status}" if status else ""), self._env)

    def ping(self) -> None:
        sdnotify.notify("WATCHDOG=1", self._env)

    def stop(self) -> None:
        self._timer.stop()
        sdnotify.notify("STOPPING=1", self._env)
