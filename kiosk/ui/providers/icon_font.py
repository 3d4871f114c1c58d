"""qtawesome's icons drawn without importing qtawesome.

qtawesome imports QtWidgets (via qtpy) to make QIcons; that import cost ~100 ms of start-up and 14 MB of the
bundle, and the kiosk, a QGuiApplication, only ever needs a picture of one glyph. So this module reads
qtawesome's own font files and charmaps (the same fonts, so icons look the same and stay vector-sharp at 4K)
and paints the glyph as qtawesome's CharIconPainter does: the glyph at 0.875 of the height, centred.

FONTS mirrors qtawesome's `_BUNDLED_FONTS` for the pinned version; tests/unit/test_icon_font.py checks it.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPainter

from kiosk.ui.platform import locations

# prefix → (font file, charmap) in qtawesome/fonts (qtawesome 1.4.2)
FONTS: dict[str, tuple[str, str]] = {
    "fa5": ("fontawesome5-regular-webfont-5.15.4.ttf", "fontawesome5-regular-webfont-charmap-5.15.4.json"),
    "fa5s": ("fontawesome5-solid-webfont-5.15.4.ttf", "fontawesome5-solid-webfont-charmap-5.15.4.json"),
    "fa5b": ("fontawesome5-brands-webfont-5.15.4.ttf", "fontawesome5-brands-webfont-charmap-5.15.4.json"),
    "fa6": ("fontawesome6-regular-webfont-6.7.2.ttf", "fontawesome6-regular-webfont-charmap-6.7.2.json"),
    "fa6s": ("fontawesome6-solid-webfont-6.7.2.ttf", "fontawesome6-solid-webfont-charmap-6.7.2.json"),
    "fa6b": ("fontawesome6-brands-webfont-6.7.2.ttf", "fontawesome6-brands-webfont-charmap-6.7.2.json"),
    "ei": ("elusiveicons-webfont-2.0.ttf", "elusiveicons-webfont-charmap-2.0.json"),
    "mdi": ("materialdesignicons5-webfont-5.9.55.ttf", "materialdesignicons5-webfont-charmap-5.9.55.json"),
    "mdi6": ("materialdesignicons6-webfont-6.9.96.ttf", "materialdesignicons6-webfont-charmap-6.9.96.json"),
    "ph": ("phosphor-1.3.0.ttf", "phosphor-charmap-1.3.0.json"),
    "ri": ("remixicon-2.5.0.ttf", "remixicon-charmap-2.5.0.json"),
    "msc": ("codicon-0.0.36.ttf", "codicon-charmap-0.0.36.json"),
}

MAX_REMEMBERED = 512  # icon names whose code point is kept (a search of the charmap's text costs ~0.1 ms)
GLYPH_SCALE = 0.875  # qtawesome's: the glyph is smaller than the icon, for the font's bearings
# Qt.AlignmentFlag.AlignCenter as a number: the home screen's icons are drawn before the first frame, and PySide
# builds its whole Qt namespace (~15 ms) the first time `Qt` is imported (kiosk/ui/models/roles.py).
ALIGN_CENTER = 0x0084


def fonts_dir() -> Path:
    """qtawesome/fonts, from source (found without importing the package) or inside the frozen bundle."""
    if locations.is_frozen():
        return locations.resource_root() / "qtawesome" / "fonts"
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or not spec.submodule_search_locations:
        raise LookupError("qtawesome is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "fonts"


class IconFonts:
    """Loads a prefix's font and charmap on first use. At most len(FONTS) entries, so it cannot grow."""

    def __init__(self, directory: Path | None = None):
        self._dir = directory
        self._loaded: dict[str, tuple[str, str]] = {}
        self._codes: dict[str, int] = {}  # the icons asked for (the QML's fixed set; capped all the same)

    def _load(self, prefix: str) -> tuple[str, str]:
        if prefix not in self._loaded:
            if prefix not in FONTS:
                raise KeyError(f"unknown icon font prefix {prefix!r}")
            ttf, charmap = FONTS[prefix]
            directory = self._dir or fonts_dir()
            font_id = QFontDatabase.addApplicationFont(str(directory / ttf))
            families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            if not families:
                raise OSError(f"cannot load icon font {directory / ttf}")
            # The charmap's text, searched per icon: a flat {"name": "0xf01c9", …} object, so no JSON parser is
            # needed (importing json and parsing Material Design's 250 kB for three icons cost the first frame ~2 ms).
            self._loaded[prefix] = (families[0], (directory / charmap).read_text(encoding="utf-8"))
        return self._loaded[prefix]

    def char(self, name: str) -> tuple[str, str, str]:
        """'mdi6.tank' → (prefix, font family, character); KeyError for an unknown prefix or icon."""
        prefix, _, icon = name.partition(".")
        family, charmap = self._load(prefix)
        code = self._codes.get(name)
        if code is None:
            code = _code_point(charmap, icon)
            if code is None:
                raise KeyError(f"no icon {icon!r} in {prefix}")
            if len(self._codes) >= MAX_REMEMBERED:
                self._codes.clear()
            self._codes[name] = code
        return prefix, family, chr(code)

    def image(self, name: str, color: str, width: int, height: int) -> QImage:
        prefix, family, char = self.char(name)
        # A transparent image from zero bytes: QImage.fill() and QPainter.setPen() would make PySide build its
        # whole Qt namespace (~15 ms, see ALIGN_CENTER) while it picks an overload, and the first icons are
        # drawn for the first frame. So the glyph is drawn with the default (opaque black) pen, which leaves
        # its coverage in the alpha channel, and coloured afterwards with the raster engine's own arithmetic.
        image = QImage(bytes(width * height * 4), width, height, QImage.Format.Format_ARGB32_Premultiplied)
        font = QFont(family)
        font.setPixelSize(max(1, round(GLYPH_SCALE * height)))
        if prefix.endswith("s"):  # Font Awesome's solid style shares its family with the regular one
            font.setStyleName("Solid")
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(font)
        painter.drawText(QRect(0, 0, width, height), ALIGN_CENTER, char)
        painter.end()
        return _coloured(image, QColor(color))


_VALUE = re.compile(r'\s*:\s*"(?:0x)?([0-9a-fA-F]+)"')  # what follows a name in the charmap: its code point


def _code_point(charmap: str, icon: str) -> int | None:
    """The code point of `icon` in a charmap's text (a flat {"name": "0xf01c9", …} object), or None."""
    key = f'"{icon}"'
    at = charmap.find(key)
    while at >= 0:
        value = _VALUE.match(charmap, at + len(key))
        if value:  # a name, not a value that happens to read the same
            return int(value.group(1), 16)
        at = charmap.find(key, at + 1)
    return None


def _byte_mul(x: int, a: int) -> int:
    """Qt's BYTE_MUL for one channel: x * a / 255, rounded as the raster engine rounds."""
    t = x * a
    return (t + (t >> 8) + 0x80) >> 8


@functools.lru_cache(maxsize=64)  # a few colours, four channels each: bounded, and each table is 256 bytes
def _times(channel: int) -> bytes:
    """coverage → BYTE_MUL(channel, coverage), as a bytes.translate table."""
    return bytes(_byte_mul(channel, coverage) for coverage in range(256))


def _coloured(mask: QImage, color: QColor) -> QImage:
    """`mask` (a glyph in opaque black: its alpha is the coverage) in `color`, premultiplied as Qt paints a
    glyph in that colour: each channel is BYTE_MUL(channel, coverage) (tests/unit/test_icon_font.py: the same
    pixels as qtawesome)."""
    data = bytes(mask.constBits())
    alpha = data[3::4]
    a = color.alpha()
    r, g, b = (_byte_mul(c, a) for c in (color.red(), color.green(), color.blue()))  # premultiplied
    out = bytearray(len(data))  # little-endian ARGB32: bytes B, G, R, A
    for offset, channel in enumerate((b, g, r, a)):
        out[offset::4] = alpha.translate(_times(channel))
    return QImage(bytes(out), mask.width(), mask.height(), QImage.Format.Format_ARGB32_Premultiplied).copy()
