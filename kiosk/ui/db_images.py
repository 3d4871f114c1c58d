"""image://dbimage/<id>?<stamp> → a photograph stored in the database, decoded at the size QML asks for.

QML loads these with `asynchronous: true`, so Qt calls requestImage on its image-loader thread, never on the GUI
thread; the reader decodes straight to the requested size (JPEG scales while decoding), so a 2560 px photo on
a 300 px thumbnail costs a 300 px decode. Nothing is cached here (the engine's pixmap cache is bounded). A
broken or missing image gives a calm placeholder and one log line per image (bounded set).
"""

from __future__ import annotations

import collections
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPen
from PySide6.QtQuick import QQuickImageProvider

if TYPE_CHECKING:
    from kiosk.data.repository import Repository

log = logging.getLogger("kiosk.images")

PLACEHOLDER_GROUND = QColor("#26292c")
PLACEHOLDER_LINE = QColor("#3d4145")
MAX_SIDE = 2560  # never decode more than the database may hold, whatever the request says


def placeholder(requested: QSize) -> QImage:
    """A quiet frame the size of the request (4:3 when unknown): visitors see an empty picture, not an error."""
    w = requested.width() if requested.width() > 0 else 640
    h = requested.height() if requested.height() > 0 else w * 3 // 4
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(PLACEHOLDER_GROUND)
    painter = QPainter(image)
    painter.setPen(QPen(PLACEHOLDER_LINE, max(2, w // 200)))
    painter.drawRect(image.rect().adjusted(0, 0, -1, -1))
    painter.drawLine(0, 0, w, h)
    painter.drawLine(0, h, w, 0)
    painter.end()
    return image


class DatabaseImageProvider(QQuickImageProvider):
    def __init__(self, repository: Callable[[], Repository | None]):
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._repository = repository
        self._reported: collections.OrderedDict[str, None] = collections.OrderedDict()

    def _report(self, key: str, why: str) -> None:
        if key not in self._reported:
            log.warning("image %s cannot be shown: %s", key, why)
            self._reported[key] = None
            while len(self._reported) > 200:
                self._reported.popitem(last=False)

    def requestImage(self, id_: str, size: QSize, requested: QSize) -> QImage:  # noqa: N802 - Qt's name
        key = id_.split("?", 1)[0].split("/", 1)[0]
        try:
            repo = self._repository()
            if repo is None:
                raise LookupError("no database open")
            data = repo.image_data(int(key))
            buffer = QBuffer()
            buffer.setData(QByteArray(data))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            reader = QImageReader(buffer)
            reader.setAutoTransform(False)  # stored upright (kiosk-db add-image applied the EXIF orientation)
            full = reader.size()
            if not full.isValid() or full.isEmpty():
                raise ValueError(reader.errorString() or "unreadable header")
            bound = QSize(min(requested.width(), MAX_SIDE) if requested.width() > 0 else MAX_SIDE,
                          min(requested.height(), MAX_SIDE) if requested.height() > 0 else MAX_SIDE)
            if full.width() > bound.width() or full.height() > bound.height():
                reader.setScaledSize(full.scaled(bound, Qt.AspectRatioMode.KeepAspectRatio))
            image = reader.read()
            if image.isNull():
                raise ValueError(reader.errorString() or "decoding failed")
            return image
        except Exception as exc:  # noqa: BLE001 - a broken picture must never break a screen
            self._report(key, f"{type(exc).__name__}: {exc}")
            return placeholder(requested)
