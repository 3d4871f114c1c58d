"""The QGuiApplication, configured the same way for the kiosk, the self-test and the benchmarks."""

from __future__ import annotations

import os

import kiosk


def make_qapp(argv0: str = "kiosk"):
    """The one QGuiApplication of this process (made on the first call): high-DPI pass-through, the Basic style."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        from kiosk.ui.platform.allocator import limit_arenas

        limit_arenas()  # before Qt starts its threads
        # Qt 6's default, said explicitly; by environment, since the enum would build PySide's Qt namespace (~15 ms)
        os.environ.setdefault("QT_SCALE_FACTOR_ROUNDING_POLICY", "PassThrough")
        app = QGuiApplication([argv0])
    QCoreApplication.setApplicationName("labour-valour-kiosk")
    QCoreApplication.setApplicationVersion(kiosk.__version__)
    # The only style the bundle ships; by environment, read when QML first imports QtQuick.Controls (the
    # QtQuickControls2 binding, which QQuickStyle.setStyle needs, is one more library to load at start-up).
    os.environ["QT_QUICK_CONTROLS_STYLE"] = "Basic"
    return app
