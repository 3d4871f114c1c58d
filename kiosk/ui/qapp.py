"""The QGuiApplication, configured the same way for the kiosk, the self-test and the benchmarks."""

from __future__ import annotations

import os

import kiosk


def make_qapp(argv0: str = "kiosk"):
    """The one QGuiApplication of this process (made on the first call): high-DPI pass-through, the Basic style."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        from kiosk.ui.allocator import limit_arenas

        limit_arenas()  # before Qt starts its threads
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QGuiApplication([argv0])
    QCoreApplication.setApplicationName("labour-valour-kiosk")
    QCoreApplication.setApplicationVersion(kiosk.__version__)
    try:
        from PySide6.QtQuickControls2 import QQuickStyle

        QQuickStyle.setStyle("Basic")  # the only style the bundle ships
    except ImportError:  # pragma: no cover
        os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
    return app
