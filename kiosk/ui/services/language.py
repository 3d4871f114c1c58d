"""The visitor's language and text size for one visit: QML's singleton `Language`.

Russian is the source language of every qsTr()/tr() string. English comes from kiosk/ui/translations/kiosk_en.qm;
kiosk_ru.qm holds the Russian plural forms of the %n strings (lupdate -pluralonly), which Qt cannot guess
from one source string, and every string the typographic pass changes (translations_tool.py). Switching
installs the other translator, makes its locale the default (numbers and dates in QML follow `Qt.locale()`),
and asks the engine to retranslate every binding in place, so the screen and the visitor's place in it stay.
`large` makes the Theme's text about 130 %. The idle reset returns both.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Property, QCoreApplication, QLocale, QObject, QTranslator, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine

from kiosk.ui.platform import locations
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, instance_for  # noqa: F401 — @QmlNamedElement reads them

log = logging.getLogger("kiosk.language")

LARGE_TEXT = 1.3  # «Aa»: about 130 %
_LOCALES = {
    "ru": QLocale(QLocale.Language.Russian, QLocale.Country.Russia),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def translations_dir() -> Path:
    return locations.package_dir() / "ui" / "translations"


@QmlNamedElement("Language")
@QmlSingleton
class LanguageService(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """QML's singleton `Language` (see the module docstring)."""

    languageChanged = Signal()
    largeChanged = Signal()

    @staticmethod
    def create(engine):  # QML's singleton `Language`: the instance the app provided
        return instance_for(engine, LanguageService)

    def __init__(self, parent: QObject | None = None, directory: Path | None = None):
        super().__init__(parent)
        self._dir = directory or translations_dir()
        self._code = "ru"
        self._large = False
        self._engine: QQmlEngine | None = None
        # Two translators made once and swapped: nothing grows however often visitors switch.
        self._translators: dict[str, QTranslator] = {}
        for code in _LOCALES:
            translator = QTranslator(self)
            path = self._dir / f"kiosk_{code}.qm"
            if translator.load(str(path)):
                self._translators[code] = translator
            else:
                log.warning("translation %s could not be loaded; %s stays untranslated", path, code)

        self._apply()

    def attach(self, engine: QQmlEngine) -> None:
        """The engine to retranslate on a switch (made after this service)."""
        self._engine = engine

    def detach(self) -> None:
        """Back to Russian for whatever runs next in this process (tests build many kiosks)."""
        self._engine = None
        for translator in self._translators.values():
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(_LOCALES["ru"])

    # -- QML-facing state
    @Property(str, notify=languageChanged)
    def code(self) -> str:
        return self._code

    @Property(bool, notify=languageChanged)
    def english(self) -> bool:
        return self._code == "en"

    @Property(bool, notify=largeChanged)
    def large(self) -> bool:
        return self._large

    @Property(float, notify=largeChanged)
    def textScale(self) -> float:
        return LARGE_TEXT if self._large else 1.0

    @Slot(str)
    def setLanguage(self, code: str) -> None:
        if code not in _LOCALES or code == self._code:
            return
        self._code = code
        self._apply()
        log.info("language: %s", code)
        self.languageChanged.emit()  # Python's models first (the catalog's labels and plural rule)…
        if self._engine is not None:
            self._engine.retranslate()  # …then every qsTr binding, in place

    @Slot()
    def toggleLanguage(self) -> None:
        self.setLanguage("ru" if self._code == "en" else "en")

    @Slot(bool)
    def setLarge(self, value: bool) -> None:
        if value != self._large:
            self._large = value
            log.info("text size: %s", "large" if value else "normal")
            self.largeChanged.emit()

    @Slot()
    def toggleLarge(self) -> None:
        self.setLarge(not self._large)

    @Slot()
    def reset(self) -> None:
        """The idle reset: the next visitor starts in Russian, at the normal size."""
        self.setLanguage("ru")
        self.setLarge(False)

    # -- internals
    def _apply(self) -> None:
        for code, translator in self._translators.items():
            if code != self._code:
                QCoreApplication.removeTranslator(translator)
        if self._code in self._translators:
            QCoreApplication.installTranslator(self._translators[self._code])
        QLocale.setDefault(_LOCALES[self._code])
