"""Between visits, give back what the last visit left behind, so weeks of uptime do not creep upwards.

What grows while visitors tap (measured with `benchmarks/soak_bench.py --xvfb`): the scene graph's glyph
caches and textures of screens no longer shown, the QML engine's compiled components and JavaScript garbage,
and freed C/C++ heap that glibc keeps instead of returning to the system. None of it is a leak in the strict
sense, but together it climbs for hours. After the idle reset (the kiosk is home and nobody is there) this
releases all of it: a few milliseconds, once per visit, never while someone is reading.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import sys

from PySide6.QtCore import QObject, QTimer, Slot

log = logging.getLogger("kiosk.housekeeping")

AFTER_RESET_MS = 1_000  # let the reset's screens be deleted first


def _malloc_trim():
    """glibc's malloc_trim, or None elsewhere (Windows, musl): returns freed heap pages to the system."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


class Housekeeping(QObject):
    def __init__(self, engine, window, parent: QObject | None = None):
        super().__init__(parent)
        self._engine = engine
        self._window = window
        self._trim = _malloc_trim()
        self.runs = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AFTER_RESET_MS)
        self._timer.timeout.connect(self.run)

    @Slot()
    def soon(self) -> None:
        """Called at the idle reset: tidy up once the reset has settled."""
        self._timer.start()

    @Slot()
    def run(self) -> None:
        gc.collect()
        self._engine.collectGarbage()
        self._engine.trimComponentCache()
        self._window.releaseResources()
        if self._trim is not None:
            self._trim(0)
        self.runs += 1
        log.debug("between visits: caches released")

    def stop(self) -> None:
        self._timer.stop()


__all__ = ["Housekeeping"]
