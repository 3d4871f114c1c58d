"""Idle reset: any touch, click or key restarts the clock; after `timeout` seconds away from home QML shows
«Вы ещё здесь?» with a `countdown`; when it runs out, `resetRequested` fires (QML returns home and clears the
stack, Python resets the catalog's filters and search).

Exposed to QML as the singleton `Idle`. QML tells it whether the kiosk is at rest (`atRest`: the home screen with
nothing open) — then no question is asked, only a quiet reset of filters once.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Property, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton

from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, instance_for  # noqa: F401 — @QmlNamedElement reads them

log = logging.getLogger("kiosk.idle")

_ACTIVITY = frozenset(
    {
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseMove,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
    }
)


@QmlNamedElement("Idle")
@QmlSingleton
class IdleService(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """QML's singleton `Idle` (see the module docstring)."""

    countdownChanged = Signal()
    askingChanged = Signal()
    atRestChanged = Signal()
    resetRequested = Signal()
    countdownExpired = Signal()  # nobody answered «Вы ещё здесь?» (attract mode starts right after the reset)

    @staticmethod
    def create(engine):  # QML's singleton `Idle`: the instance the app provided
        return instance_for(engine, IdleService)

    def __init__(self, timeout: float, countdown: float, parent: QObject | None = None):
        super().__init__(parent)
        self._timeout_ms = int(timeout * 1000)
        self._countdown_total = max(1, round(countdown))
        self._left = 0
        self._asking = False
        self._at_rest = True
        self._quiet_reset_done = True
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self._on_idle)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)
        self.poke()

    # -- QML-facing state
    @Property(int, notify=countdownChanged)
    def countdown(self) -> int:
        return self._left

    @Property(bool, notify=askingChanged)
    def asking(self) -> bool:
        return self._asking

    def _get_at_rest(self) -> bool:
        return self._at_rest

    def _set_at_rest(self, value: bool) -> None:
        if value != self._at_rest:
            self._at_rest = value
            self.atRestChanged.emit()
            if not value:
                self._quiet_reset_done = False

    atRest = Property(bool, _get_at_rest, _set_at_rest, notify=atRestChanged)

    @Property(int, constant=True)
    def timeoutMs(self) -> int:
        return self._timeout_ms

    # -- activity
    def eventFilter(self, obj, event):
        # While the question shows, the overlay itself takes the touch and calls poke(): dismissing it here,
        # before delivery, would hand that touch to whatever lies beneath.
        if not self._asking and event.type() in _ACTIVITY:
            self.poke()
        return False

    @Slot()
    def poke(self) -> None:
        """A visitor is here: restart the clock and drop the question if it was showing."""
        if self._asking:
            self._set_asking(False)
        if self._timeout_ms > 0:
            self._idle.start(self._timeout_ms)

    @Slot()
    def askNow(self) -> None:
        """Show the question at once (self-test, tests)."""
        self._idle.stop()
        self._begin_countdown()

    @Slot()
    def resetNow(self) -> None:
        self._finish()

    def stop(self) -> None:
        self._idle.stop()
        self._tick.stop()

    # -- internals
    def _set_asking(self, value: bool) -> None:
        if not value:
            self._tick.stop()
            self._set_left(0)
        if value != self._asking:
            self._asking = value
            self.askingChanged.emit()

    def _set_left(self, value: int) -> None:
        if value != self._left:
            self._left = value
            self.countdownChanged.emit()

    def _on_idle(self) -> None:
        if self._at_rest:
            if not self._quiet_reset_done:  # filters a visitor left behind go, silently, once
                self._quiet_reset_done = True
                log.info("idle at home: quiet reset")
                self.resetRequested.emit()
            return
        self._begin_countdown()

    def _begin_countdown(self) -> None:
        log.info("idle: asking whether the visitor is still here")
        self._set_left(self._countdown_total)
        self._set_asking(True)
        self._tick.start()

    def _on_tick(self) -> None:
        self._set_left(self._left - 1)
        if self._left <= 0:
            self._finish()
            self.countdownExpired.emit()

    def _finish(self) -> None:
        self._set_asking(False)
        self._quiet_reset_done = True
        log.info("idle: reset to the start screen")
        self.resetRequested.emit()
        if self._timeout_ms > 0:
            self._idle.start(self._timeout_ms)
