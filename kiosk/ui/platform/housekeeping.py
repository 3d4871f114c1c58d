"""Between visits, give back what the last visit left behind, so weeks of uptime do not creep upwards.

What grows while visitors tap (measured with `benchmarks/soak_bench.py --xvfb`): the scene graph's glyph
caches and textures of screens no longer shown, the QML engine's compiled components and JavaScript garbage,
the map pictures kept for a reopened view (kiosk.ui.providers.map_canvas), and freed C/C++ heap that glibc keeps instead
of returning to the system. None of it is a leak in the strict sense, but together it climbs for hours. After
the idle reset (the kiosk is home and nobody is there) this releases all of it: a few milliseconds, once per
visit, never while someone is reading.

glibc also raises its mmap threshold each time a large block is freed, after which window-sized images (map
pictures, painted-item buffers) come from the heap and leave holes that malloc_trim cannot return (measured:
~20 MiB held but unused after a few map visits under Xvfb). A fixed threshold keeps every block of 256 KiB and
more in its own mapping, given back the moment it is freed.
"""

from __future__ import annotations

import ctypes
import gc
import logging

from PySide6.QtCore import QObject, QTimer, Slot

from kiosk.ui.platform.allocator import M_MMAP_THRESHOLD, libc, mallopt
from kiosk.ui.providers.map_canvas import release_pictures

log = logging.getLogger("kiosk.housekeeping")

AFTER_RESET_MS = 1_000  # let the reset's screens be deleted first
MMAP_THRESHOLD = 256 * 1024  # bytes: blocks this large get their own mapping (fixed, so glibc never raises it)


def _malloc_trim():
    """glibc's malloc_trim, or None elsewhere (Windows, musl): returns freed heap pages to the system."""
    try:
        trim = libc().malloc_trim
    except AttributeError:  # no libc (None) or not glibc
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def fix_mmap_threshold() -> bool:
    """Keep large blocks in their own mappings for the whole run (see the module docstring); False where there
    is no glibc mallopt (Windows, musl) or it refused."""
    return mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)


class Housekeeping(QObject):
    def __init__(self, engine, window, parent: QObject | None = None):
        super().__init__(parent)
        self._engine = engine
        self._window = window
        self._trim = _malloc_trim()
        fix_mmap_threshold()
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
        release_pictures()
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
