"""What a page needs to know about its images (a city's photographs, a Novokuznetsk chapter's or item's):
typed records for QML (`ImageRecord`: a renamed field is a qmllint error in the gallery and viewer, not a
blank caption), sources for the dbimage provider.

The records are made once per database by the model that shows them (Catalog, Novokuznetsk) and released at
the next load, so nothing grows however often pages open.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Property, QObject
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 — @QmlElement reads them


@QmlElement
@QmlUncreatable("one of a page's images, made by its model")
class ImageRecord(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """One image: `source` for an Image, `caption` and `credit` beneath it (both as stored)."""

    def __init__(self, image_id: int, source: str, caption: str, credit: str, parent: QObject | None = None):
        super().__init__(parent)
        self._image_id, self._source, self._caption, self._credit = image_id, source, caption, credit

    @Property(int, constant=True)
    def imageId(self) -> int:
        return self._image_id

    @Property(str, constant=True)
    def source(self) -> str:
        """image://dbimage/ID?STAMP: the build stamp keeps a replaced database's picture out of the cache."""
        return self._source

    @Property(str, constant=True)
    def caption(self) -> str:
        return self._caption

    @Property(str, constant=True)
    def credit(self) -> str:
        return self._credit


def build_stamp(repository: Any) -> str:
    """Letters and digits of the file's build time and sources hash: put into image sources so that a replaced
    database never shows a cached picture of the old one under the same id."""
    meta = repository.meta() if hasattr(repository, "meta") else {}
    return "".join(ch for ch in f"{meta.get('built_at', '')}{meta.get('sources_sha256', '')[:12]}" if ch.isalnum())


def owner_images(repository: Any, owner_type: str, parent: QObject | None = None) -> dict[str, list[ImageRecord]]:
    """Owner id (as stored: text) → its images in page order, for one owner type of schema.IMAGE_OWNERS; the
    records are children of `parent` (Retired: deleted a load later)."""
    if not hasattr(repository, "images"):
        return {}
    stamp = build_stamp(repository)
    out: dict[str, list[ImageRecord]] = {}
    for im in repository.images():
        if im.owner_type != owner_type:
            continue
        record = ImageRecord(im.id, f"image://dbimage/{im.id}?{stamp}", im.caption, im.credit, parent)
        out.setdefault(im.owner_id, []).append(record)
    return out


def city_images(repository: Any, parent: QObject | None = None) -> dict[int, list[ImageRecord]]:
    """City id → its photographs (as owner_images gives them)."""
    found = owner_images(repository, "city", parent)
    return {int(owner): images for owner, images in found.items() if owner.isdigit()}


class Retired:
    """The records of the previous database, kept one load longer and then deleted: a screen still showing
    them when a new database arrives (a delegate about to go) never reads a deleted one, and no more than two
    databases' records live at once."""

    def __init__(self) -> None:
        self._held: list[QObject] = []

    def retire(self, records: Iterable[QObject], *, keep_held: bool = False) -> None:
        """Hold `records`; delete what an earlier load held (unless `keep_held`: a second part of one load)."""
        if not keep_held:
            for record in self._held:
                record.deleteLater()
            self._held = []
        self._held.extend(records)
