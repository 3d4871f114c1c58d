"""The bundled fonts (PT Sans for controls, PT Serif for long text), registered once per process."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from kiosk.ui.platform import locations

log = logging.getLogger("kiosk.fonts")

_fonts_loaded: set[str] | None = None


def load_fonts(directory: Path | None = None) -> set[str]:
    """Register the bundled PT Sans / PT Serif once per process; make PT Sans the default font."""
    global _fonts_loaded
    if _fonts_loaded is None:
        families: set[str] = set()
        directory = directory or locations.fonts_dir()
        for path in sorted(directory.glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("could not load font %s", path)
                continue
            families.update(QFontDatabase.applicationFontFamilies(font_id))
        for wanted in ("PT Sans", "PT Serif"):
            if wanted not in families:
                log.warning("bundled font %r not found in %s; text falls back to a system font", wanted, directory)
        _fonts_loaded = families
    if "PT Sans" in _fonts_loaded:
        font = QFont("PT Sans")
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        QGuiApplication.setFont(font)
    return _fonts_loaded
