"""QML image providers: image://icon/… (qtawesome icons) and image://qr/… (the QR codes the database holds)."""

from __future__ import annotations

import collections
import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import unquote

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtQuick import QQuickImageProvider

from kiosk.data.qr_codes import QUIET_ZONE
from kiosk.ui.providers.icon_font import IconFonts

if TYPE_CHECKING:
    from kiosk.data.store.repository import Repository

log = logging.getLogger("kiosk.images")

_COLOR = re.compile(r"^[0-9a-fA-F]{6}$")


class IconProvider(QQuickImageProvider):
    """image://icon/<qtawesome name>/<rrggbb> → the icon at the requested size, drawn from qtawesome's fonts
    (kiosk.ui.providers.icon_font: no QtWidgets). Nothing cached here: the QML engine's own pixmap cache is bounded;
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


class QrProvider(QQuickImageProvider):
    """image://qr/<percent-encoded address> → the memorial's QR code as the build drew it (kiosk.data.qr_codes:
    one pixel per module, quiet zone included), in graphite on paper, whole-pixel modules, centred in the
    requested size. No encoder here: an address without a stored code gives a blank square and one log line."""

    DARK = QColor("#1d1f21")
    LIGHT = QColor("#efe7d6")

    def __init__(self, repository: Callable[[], Repository | None]):
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._repository = repository

    def requestImage(self, id_: str, size: QSize, requested: QSize) -> QImage:
        text = unquote(id_)
        side = max(requested.width(), requested.height(), 0) or 256
        image = QImage(side, side, QImage.Format.Format_RGB32)
        image.fill(self.LIGHT)
        repo = self._repository()
        data = repo.qr_png(text) if repo is not None else None
        stored = QImage.fromData(data) if data else QImage()
        if stored.isNull():
            log.warning("no QR code stored for %r", text[:80])
            return image
        from PySide6.QtCore import Qt  # not at the top: the icons above are drawn before the first frame

        # Black and white become graphite and paper (each pixel the nearer colour of the two), whole-pixel modules
        # scaled once: a few Qt calls, never one per module (thousands of tiny calls trip a PySide refcount bug).
        zone = QUIET_ZONE
        modules = stored.copy(zone, zone, stored.width() - 2 * zone, stored.height() - 2 * zone).convertToFormat(
            QImage.Format.Format_Indexed8, [self.DARK.rgb(), self.LIGHT.rgb()], Qt.ImageConversionFlag.ThresholdDither
        )
        n = modules.width()
        scale = max(1, side // (n + 2 * zone))  # the quiet zone as wide as the standard's, in whole pixels
        offset = (side - scale * n) // 2
        scaled = modules.scaled(
            n * scale, n * scale, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.FastTransformation
        )
        painter = QPainter(image)
        painter.drawImage(offset, offset, scaled)
        painter.end()
        return image
