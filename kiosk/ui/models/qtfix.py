"""Work around a PySide6 6.12.0 reference-count bug: `SignalInstance.emit()` returns `True` without taking a
reference. Every discarded result then takes one reference away from the interpreter's `True`, and after
enough emissions (a few hundred filter changes, or a kiosk left running for a day) CPython aborts with
"Fatal Python error: bool_dealloc". Checked with a bare QObject/Signal:
sys.getrefcount(True) drops by exactly one per `emit()`.

Use `emit(signal, *args)` instead of `signal.emit(*args)`. The compensation is harmless on a fixed PySide:
an extra reference to `True`/`False` only keeps an immortal-in-practice object alive.
"""

from __future__ import annotations

import ctypes

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


def emit(signal, *args) -> None:
    result = signal.emit(*args)
    if result is True or result is False:
        _incref(result)
