"""image://dbimage/<id>?<stamp> → a photograph stored in the database, decoded at the size QML asks for.

Bounded rather than threaded: Python in Qt's image-loader thread needs the GIL, and the engine joins that thread
on close while Python holds it (a hang seen in tests). So the decode runs where QML asks, bounded: JPEG decodes
straight to about the requested size (Pillow's draft mode, 1/2 to 1/8 of the pixels), never above 2560 px, and
only for pictures on screen (a thumbnail row, or the one picture of the viewer). Nothing is cached here (the
engine's pixmap cache is bounded). A broken or missing image gives a calm placeholder and one log line per
image (bounded set).
"""

from __future__ import annotations

import collections
import io
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtQuick import QQuickImageProvider


if TYPE_CHECKING:
    from kiosk.data.store.repository import Repository

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

    def requestImage(self, id_: str, size: QSize, requested: QSize) -> QImage:
        key = id_.split("?", 1)[0].split("/", 1)[0]
        try:
            repo = self._repository()
            if repo is None:
                raise LookupError("no database open")
            bound = (
                min(requested.width(), MAX_SIDE) if requested.width() > 0 else MAX_SIDE,
                min(requested.height(), MAX_SIDE) if requested.height() > 0 else MAX_SIDE,
            )
            return decode(repo.image_data(int(key)), bound)
        except Exception as exc:  # a broken picture must never break a screen
            self._report(key, f"{type(exc).__name__}: {exc}")
            return placeholder(requested)


def decode(data: bytes, bound: tuple[int, int]) -> QImage:
    """Pillow, not Qt's image plugins: a broken file raises here instead of printing libjpeg warnings on every
    request. JPEG decodes straight to about the bound (draft mode), then scales down to fit it. Pillow and
    is imported here, at the first photograph: not on the way to the first frame. Not kiosk.data.curation.images: its
    sqlite-utils is for the curators' tools (~10 MiB of Python heap, and OpenSSL through hashlib)."""
    from PIL import Image

    from kiosk.data.cities.rules import MAX_PIXELS

    with Image.open(io.BytesIO(data)) as im:
        if im.width * im.height > MAX_PIXELS:
            raise ValueError(f"{im.width}×{im.height} pixels is too large")
        im.draft("RGB", bound)
        im.load()
        rgb = im.convert("RGBA" if im.mode in ("RGBA", "LA", "PA", "P") else "RGB")
        rgb.thumbnail(bound, Image.Resampling.BILINEAR)
        fmt = QImage.Format.Format_RGBA8888 if rgb.mode == "RGBA" else QImage.Format.Format_RGB888
        raw = rgb.tobytes()
        return QImage(raw, rgb.width, rgb.height, rgb.width * len(rgb.mode), fmt).copy()  # copy: own the bytes
