"""Kiosk mode: the window covers the whole screen it is on, stays raised and focused, and comes back by itself.

Why each part:
- On a bare X session (no window manager) nobody honours "fullscreen": the window keeps its start size (a
  1080×1920 screen shows a black, cut bottom; 3840×2160 a quarter). So the screen's geometry is taken
  explicitly, and again when the screen changes size (xrandr) or the window moves to another screen.
- With a window manager, Alt+Tab, Super+D or Alt+Space → minimise can hide the kiosk; it then restores itself,
  raises itself and asks for the focus again. A slow check catches a window manager that says nothing.
- «Show desktop» (openbox's Super+D) and a switch to another workspace unmap the window without minimising it:
  Qt says nothing but that the window is no longer exposed. The window is then shown anew (unmapped and mapped
  again), which ends the window manager's show-desktop mode and puts the kiosk on the workspace now shown.
The deployment recipe runs the kiosk in a session where such shortcuts do not exist (cage); this is the net
under it. Nothing here runs in windowed (school) mode or on the offscreen platform (tests, self-test).
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtQuick import QQuickWindow
import contextlib

log = logging.getLogger("kiosk.window")

CHECK_MS = 1_000  # the slow net; signals do the fast work
SETTLE_MS = 150  # let a burst of window-manager events pass before acting


class WindowKeeper(QObject):
    def __init__(self, window: QQuickWindow, parent: QObject | None = None, check_ms: int = CHECK_MS):
        super().__init__(parent)
        self._window = window
        self._screen = None
        self._restores = 0
        self._exposed_once = False  # not exposed before the first frame is no reason to act
        self._remapped_at = -1e9
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(SETTLE_MS)
        self._soon.timeout.connect(self.keep)
        self._check = QTimer(self)
        self._check.setInterval(check_ms)
        self._check.timeout.connect(self.keep)
        window.visibilityChanged.connect(self._later)
        window.windowStateChanged.connect(self._later)
        window.activeChanged.connect(self._later)
        window.screenChanged.connect(self._on_screen)
        window.frameSwapped.connect(self._on_frame)  # a hide right after the first frame must count too
        self._on_screen(window.screen())
        self._check.start()
        self.keep()

    @property
    def restores(self) -> int:
        """How many times the window was put right (the first is the start-up placement)."""
        return self._restores

    def _later(self, *_args) -> None:
        self._soon.start()

    def _on_frame(self) -> None:
        self._exposed_once = True
        with contextlib.suppress(RuntimeError, TypeError):
            self._window.frameSwapped.disconnect(self._on_frame)

    def _on_screen(self, screen) -> None:
        if self._screen is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._screen.geometryChanged.disconnect(self._later)
        self._screen = screen
        if screen is not None:
            screen.geometryChanged.connect(self._later)
        self._later()

    def keep(self) -> None:
        """Fullscreen on the current screen, raised, focused: put right whatever is not."""
        from PySide6.QtCore import Qt  # here: importing `Qt` costs ~15 ms, the first keep() comes after the first frame

        window = self._window
        screen = window.screen()
        if screen is None or (not window.isVisible() and window.visibility() != QWindow.Visibility.Minimized):
            return
        geometry = screen.geometry()
        minimized = bool(window.windowStates() & Qt.WindowState.WindowMinimized)
        if window.isExposed():
            self._exposed_once = True
        elif self._exposed_once and not minimized:
            self._restores += 1
            self._remapped_at = time.monotonic()
            log.warning("kiosk window was hidden by the window manager (show desktop, another workspace); showing it")
            window.hide()
            window.setGeometry(geometry)
            window.showFullScreen()
            window.raise_()
            window.requestActivate()
            return
        if minimized or window.visibility() != QWindow.Visibility.FullScreen or window.geometry() != geometry:
            self._restores += 1
            just_remapped = time.monotonic() - self._remapped_at < 2.0  # the same event, already logged
            log.log(
                logging.INFO if self._restores == 1 or just_remapped else logging.WARNING,
                "kiosk window was %s; restoring it fullscreen on %s (%dx%d)",
                "minimised" if minimized else f"{window.width()}x{window.height()}",
                screen.name() or "the screen",
                geometry.width(),
                geometry.height(),
            )
            window.setWindowStates(Qt.WindowState.WindowFullScreen)
            window.setGeometry(geometry)  # a bare X session has nobody to honour "fullscreen"
            window.showFullScreen()
        if not window.isActive():
            window.raise_()
            window.requestActivate()

    def stop(self) -> None:
        self._check.stop()
        self._soon.stop()
        for signal in (self._window.visibilityChanged, self._window.windowStateChanged, self._window.activeChanged):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(self._later)
        with contextlib.suppress(RuntimeError, TypeError):
            self._window.screenChanged.disconnect(self._on_screen)
        self._on_screen(None)
        self._on_frame()
        self._soon.stop()


def wanted(windowed: bool, platform: str) -> bool:
    """Keep the window only in kiosk mode on a real display (not offscreen/minimal: tests and self-test)."""
    return not windowed and platform not in ("offscreen", "minimal")


__all__ = ["WindowKeeper", "wanted"]
