"""QML image providers: image://icon/… (qtawesome icons) and image://qr/… (QR codes made offline)."""

from __future__ import annotations

import collections
import logging
import re
from urllib.parse import unquote

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtQuick import QQuickImageProvider

from kiosk.ui.icon_font import IconFonts

log = logging.getLogger("kiosk.images")

_COLOR = re.compile(r"^[0-9a-fA-F]{6}$")


class IconProvider(QQuickImageProvider):
    """image://icon/<qtawesome name>/<rrggbb> → the icon at the requested size, drawn from qtawesome's fonts
    (kiosk.ui.icon_font: no QtWidgets). Nothing cached here: the QML engine's own pixmap cache is bounded;
    unknown names log once (bounded set) and draw nothing."""

    def __init__(self):
        # Pixmap: always called on the GUI thread (fonts are registered there; an Image provider may be called
        # from QML's loader threads).
        super().__init__(QQuickImageProvider.ImageType.Pixmap)
        self._fonts = IconFonts()
        self._reported: collections.OrderedDict[str, None] = collections.OrderedDict()

    def requestPixmap(self, id_: str, size: QSize, requested: QSize) -> QPixmap:
        name, _, color = id_.rpartition("/")
        if not name or not _COLOR.match(color):
            name, color = id_, "efe7d6"
        w = requested.width() if requested.width() > 0 else 64
        h = requested.height() if requested.height() > 0 else w
        try:
            return QPixmap.fromImage(self._fonts.image(name, "#" + color, w, h))
        except Exception as exc:  # an unknown icon must never break a screen
            if name not in self._reported:
                log.warning("unknown icon %r (%s)", name, exc)
                self._reported[name] = None
                while len(self._reported) > 200:
                    self._reported.popitem(last=False)
            pixmap = QPixmap(w, h)
            pixmap.fill(QColor(0, 0, 0, 0))  # transparent
            return pixmap


def _import_segno():
    """segno, without what its import drags in for writers the kiosk never calls: its SVG writer imports
    xml.sax.saxutils, which imports urllib.request and with it http, email and hashlib, i.e. OpenSSL's
    libcrypto (~5 MiB resident for weeks, after the first memorial card with a QR code)."""
    import types

    from kiosk.stand_in import standing_in

    with standing_in("urllib.request", types.ModuleType("urllib.request")):
        import segno
    return segno


class QrProvider(QQuickImageProvider):
    """image://qr/<percent-encoded text> → a QR code made offline (segno): graphite on paper, 4-module
    quiet zone, whole-pixel modules, centred in the requested size."""

    DARK = QColor("#1d1f21")
    LIGHT = QColor("#efe7d6")

    def __init__(self):
        super().__init__(QQuickImageProvider.ImageType.Image)

    def requestImage(self, id_: str, size: QSize, requested: QSize) -> QImage:
        text = unquote(id_)
        side = max(requested.width(), requested.height(), 0) or 256
        image = QImage(side, side, QImage.Format.Format_RGB32)
        image.fill(self.LIGHT)
        try:
            segno = _import_segno()
            matrix = segno.make(text, error="m", micro=False).matrix
        except Exception as exc:  # too long or empty text: a blank square, one log line
            log.warning("cannot make a QR code for %r (%s)", text[:80], exc)
            return image
        n = len(matrix)
        modules = n + 8  # quiet zone of 4 on each side
        scale = max(1, side // modules)
        offset = (side - scale * n) // 2
        # One byte per module (index 0 = dark, 1 = light), rows padded to 4 bytes, scaled once: a few Qt calls
        # instead of one per module (thousands of tiny calls also trip a PySide refcount bug on Python 3.11).
        stride = (n + 3) & ~3
        data = bytearray(b"\x01" * (stride * n))
        for y, row in enumerate(matrix):
            base = y * stride
            for x, dark in enumerate(row):
                if dark:
                    data[base + x] = 0
        modules_image = QImage(bytes(data), n, n, stride, QImage.Format.Format_Indexed8).copy()
        modules_image.setColorTable([self.DARK.rgb(), self.LIGHT.rgb()])
        from PySide6.QtCore import Qt  # not at the top: the icons above are drawn before the first frame

        scaled = modules_image.scaled(
            n * scale, n * scale, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation
        )
        painter = QPainter(image)
        painter.drawImage(offset, offset, scaled)
        painter.end()
        return image
