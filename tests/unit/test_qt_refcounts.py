"""Guard for the pinned PySide6: no reference lost to None/True/False on everyday calls.

PySide6 6.12.0 took one reference away from None on every call of a void C++ function and from True on every
signal emit. On Python 3.11 (where those objects are not immortal) the kiosk aborted with "Fatal Python
error: none_dealloc" after a few thousand touches. If a dependency bump brings such a bug back, this fails
here rather than on a museum floor weeks later.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QImage, QPainter

N = 3000


class _Emitter(QObject):
    plain = Signal()
    flag = Signal(bool)


def _refs():
    return sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)


def test_void_calls_and_emits_keep_their_references(qapp):
    app = qapp
    emitter = _Emitter()
    emitter.plain.connect(lambda: None)
    emitter.flag.connect(lambda _v: None)
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    colour = QColor("#000000")
    try:
        before = _refs()
        for i in range(N):
            painter.fillRect(0, 0, 1, 1, colour)  # a void C++ call
            emitter.plain.emit()
            emitter.flag.emit(i % 2 == 0)
            app.processEvents()
        after = _refs()
    finally:
        painter.end()
    lost = [b - a for b, a in zip(before, after)]
    assert all(x < N // 10 for x in lost), f"references lost per {N} calls (None, True, False): {lost}"
