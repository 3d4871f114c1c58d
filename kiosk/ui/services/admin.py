"""The admin PIN: salted PBKDF2-SHA256 hashes, a rate limit, and the QObject the PIN pad talks to.

The hash (its format, making and checking one): kiosk.ui.services.pin; make one with ``kiosk --hash-pin``.

Rate limit: three wrong PINs in a row lock the pad for 30 s; every further wrong PIN after a lockout
doubles the lock, up to 5 minutes. A right PIN resets the count. The count survives restarts (pin_state).
While the first-install PIN is in use, the log says so at start and the admin panel shows `defaultPin`.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton

from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, instance_for  # noqa: F401 — @QmlNamedElement reads them
from kiosk.ui.services.pin import DEFAULT_PIN_HASH, MAX_PIN_LENGTH, verify_pin

log = logging.getLogger("kiosk.admin")


class RateLimiter:
    """Wrong-PIN bookkeeping, no Qt: `clock` is injectable for tests."""

    def __init__(self, free_attempts: int = 3, first_lock: float = 30.0, max_lock: float = 300.0, clock=time.monotonic):
        self.free_attempts = free_attempts
        self.first_lock = first_lock
        self.max_lock = max_lock
        self.clock = clock
        self.failures = 0
        self.locked_until = 0.0
        self._lock = 0.0

    def remaining(self) -> float:
        return max(0.0, self.locked_until - self.clock())

    def locked(self) -> bool:
        return self.remaining() > 0

    def failure(self) -> float:
        """Record a wrong PIN; returns the lock in seconds it starts (0 = none)."""
        self.failures += 1
        if self.failures < self.free_attempts:
            return 0.0
        self._lock = self.first_lock if self._lock == 0 else min(self.max_lock, self._lock * 2)
        self.locked_until = self.clock() + self._lock
        return self._lock

    def success(self) -> None:
        self.failures = 0
        self._lock = 0.0
        self.locked_until = 0.0


@QmlNamedElement("Admin")
@QmlSingleton
class AdminService(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """QML's singleton `Admin`. The PIN pad calls tryPin(); QML shows `message` and `lockedSeconds`."""

    @staticmethod
    def create(engine):  # QML's singleton `Admin`: the instance the app provided
        return instance_for(engine, AdminService)

    lockedSecondsChanged = Signal()
    messageChanged = Signal()
    unlocked = Signal()
    quitRequested = Signal()

    def __init__(self, pin_hash: str, parent: QObject | None = None, limiter: RateLimiter | None = None, state=None):
        super().__init__(parent)
        self._hash = pin_hash
        self._limiter = limiter or RateLimiter()
        self._state = state  # a PinStateFile, or None: the count lives in memory only
        if state is not None:
            state.restore(self._limiter)
        self._default_pin = pin_hash == DEFAULT_PIN_HASH
        if self._default_pin:
            log.warning(
                "the admin PIN is still the first-install PIN: set admin_pin_hash in the config "
                "(make one with: kiosk --hash-pin)"
            )
        self._message = ""
        self._locked_seconds = 0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_lock)

    def _set_message(self, text: str) -> None:
        if text != self._message:
            self._message = text
            self.messageChanged.emit()

    def _update_lock(self) -> None:
        seconds = int(-(-self._limiter.remaining() // 1))  # ceil
        if seconds != self._locked_seconds:
            self._locked_seconds = seconds
            self.lockedSecondsChanged.emit()
        if seconds and not self._tick.isActive():
            self._tick.start()  # whoever shows a lock keeps it counting down (also one restored after a restart)
        if seconds == 0:
            self._tick.stop()
            if self._message:
                self._set_message(self.tr("Введите код"))

    @Property(int, constant=True)
    def maxPinLength(self) -> int:
        return MAX_PIN_LENGTH

    @Property(int, notify=lockedSecondsChanged)
    def lockedSeconds(self) -> int:
        return self._locked_seconds

    @Property(bool, constant=True)
    def defaultPin(self) -> bool:
        """The first-install PIN still opens the panel: staff must change it."""
        return self._default_pin

    @Property(str, notify=messageChanged)
    def message(self) -> str:
        return self._message

    @Slot()
    def resetMessage(self) -> None:
        self._set_message("")

    @Slot(str, result=bool)
    def tryPin(self, pin: str) -> bool:
        if self._limiter.locked():
            self._update_lock()
            return False
        if verify_pin(pin, self._hash):
            log.info("admin PIN accepted")
            self._limiter.success()
            self._save_state()
            self._set_message("")
            self.unlocked.emit()
            return True
        lock = self._limiter.failure()
        self._save_state()
        log.warning(
            "wrong admin PIN (%d in a row)%s", self._limiter.failures, f", pad locked for {lock:.0f} s" if lock else ""
        )
        if lock:
            self._set_message(self.tr("Код неверный. Попробуйте ещё раз чуть позже."))
            self._update_lock()
        else:
            self._set_message(self.tr("Код неверный"))
        return False

    def _save_state(self) -> None:
        if self._state is not None:
            self._state.save(self._limiter)

    @Slot()
    def requestQuit(self) -> None:
        log.info("admin asked the kiosk to quit")
        self.quitRequested.emit()
