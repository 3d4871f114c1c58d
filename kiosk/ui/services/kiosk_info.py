"""The facts QML needs about this run (version, window mode and size, log path, start screen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Property, QObject
from PySide6.QtQml import QmlNamedElement, QmlSingleton

import kiosk
from kiosk.ui.config import Config
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, instance_for  # noqa: F401 — @QmlNamedElement reads them


@QmlNamedElement("KioskInfo")
@QmlSingleton
class KioskInfo(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """QML's singleton `KioskInfo`; every property is constant for the run."""

    @staticmethod
    def create(engine):  # QML's singleton `KioskInfo`: the instance the app provided
        return instance_for(engine, KioskInfo)

    def __init__(
        self,
        config: Config,
        *,
        windowed: bool,
        size: tuple[int, int],
        log_path: Path | None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._config = config
        self._windowed = windowed
        self._size = size
        self._log_path = str(log_path) if log_path else ""

    @Property(str, constant=True)
    def version(self) -> str:
        return kiosk.__version__

    @Property(bool, constant=True)
    def windowed(self) -> bool:
        return self._windowed

    @Property(int, constant=True)
    def startWidth(self) -> int:
        return self._size[0]

    @Property(int, constant=True)
    def startHeight(self) -> int:
        return self._size[1]

    @Property(str, constant=True)
    def logPath(self) -> str:
        return self._log_path

    @Property(str, constant=True)
    def defaultScreen(self) -> str:
        return self._config.default_screen
