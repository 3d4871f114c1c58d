"""One city as the city screen shows it, typed for QML: `CityRecord { catalog: Catalog; cityId: … }`.

Every field is a declared property (and the tags a model with declared roles), so qmllint checks each use
and a renamed field is an error, not a silent `undefined`. The record follows its catalog: a reload refreshes
the fields, a new filter order refreshes the neighbours (previous/next in the current result).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Property, QAbstractListModel, QByteArray, QModelIndex, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.ui.models.catalog import Catalog
from kiosk.ui.models.roles import DISPLAY_ROLE, USER_ROLE
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, forget_when_destroyed  # noqa: F401 — @QmlElement reads them

if TYPE_CHECKING:  # made on the first city page, not at start-up (city_detail.py)
    from kiosk.ui.models.city_detail import CityDetail, MemorialDetail, TagLabel
    from kiosk.ui.models.city_images import ImageRecord


@QmlElement
@QmlUncreatable("a CityRecord's memorial")
class MemorialRecord(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """The memorial of a CityRecord (`present` is false for a city without one)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._m: MemorialDetail | None = None

    def set(self, memorial: MemorialDetail | None) -> None:
        if memorial != self._m:
            self._m = memorial
            self.changed.emit()

    @Property(bool, notify=changed)
    def present(self) -> bool:
        return self._m is not None

    @Property(str, notify=changed)
    def kind(self) -> str:
        return self._m.kind if self._m else ""

    @Property(str, notify=changed)
    def title(self) -> str:
        return self._m.title if self._m else ""

    @Property(str, notify=changed)
    def address(self) -> str:
        return self._m.address if self._m else ""

    @Property(str, notify=changed)
    def url(self) -> str:
        return self._m.url if self._m else ""

    @Property(bool, notify=changed)
    def hasQrCode(self) -> bool:
        return bool(self._m and self._m.url and self._m.has_qr_code)


@QmlElement
@QmlUncreatable("a CityRecord's tags")
class TagListModel(QAbstractListModel):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """A city's contribution tags; delegates declare `required property string tagId / label / icon`."""

    _ROLES: ClassVar[dict[int, bytes]] = {
        USER_ROLE + 1: b"tagId",
        USER_ROLE + 2: b"label",
        USER_ROLE + 3: b"icon",
    }

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: tuple[TagLabel, ...] = ()

    def set_rows(self, rows: tuple[TagLabel, ...]) -> None:
        if rows != self._rows:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def roleNames(self):
        return {k: QByteArray(v) for k, v in self._ROLES.items()}

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=DISPLAY_ROLE):
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or role not in self._ROLES:
            return None
        tag = self._rows[index.row()]
        return {b"tagId": tag.id, b"label": tag.label, b"icon": tag.icon}[self._ROLES[role]]


@QmlElement
class CityRecord(QObject):
    catalogChanged = Signal()
    cityIdChanged = Signal()
    changed = Signal()
    neighboursChanged = Signal()

    def __init__(self, parent: QObject | None = None):
        from kiosk.ui.models.city_detail import Neighbours

        super().__init__(parent)
        self._catalog: Catalog | None = None
        self._city_id = 0
        self._city: CityDetail | None = None
        self._around = Neighbours()
        self._tags = TagListModel(self)
        self._memorial = MemorialRecord(self)
        forget_when_destroyed(self)  # QML creates it per city page

    # -- inputs
    def _get_catalog(self) -> Catalog | None:
        return self._catalog

    def _set_catalog(self, catalog: Catalog | None) -> None:
        if catalog is self._catalog:
            return
        if self._catalog is not None:
            self._catalog.loadedChanged.disconnect(self._refresh)
            self._catalog.resultsChanged.disconnect(self._refresh_neighbours)
            self._catalog.languageChanged.disconnect(self._refresh)
        self._catalog = catalog
        if catalog is not None:
            catalog.loadedChanged.connect(self._refresh)
            catalog.resultsChanged.connect(self._refresh_neighbours)
            catalog.languageChanged.connect(self._refresh)
        self.catalogChanged.emit()
        self._refresh()

    catalog = Property(Catalog, _get_catalog, _set_catalog, notify=catalogChanged)

    def _get_city_id(self) -> int:
        return self._city_id

    def _set_city_id(self, city_id: int) -> None:
        if city_id != self._city_id:
            self._city_id = city_id
            self.cityIdChanged.emit()
            self._refresh()

    cityId = Property(int, _get_city_id, _set_city_id, notify=cityIdChanged)

    # -- following the catalogue
    def _refresh(self) -> None:
        city = self._catalog.city(self._city_id) if self._catalog is not None else None
        self._tags.set_rows(city.tags if city else ())
        self._memorial.set(city.memorial if city else None)
        if city != self._city:
            self._city = city
            self.changed.emit()
        self._refresh_neighbours()

    def _refresh_neighbours(self) -> None:
        from kiosk.ui.models.city_detail import Neighbours

        around = self._catalog.neighbours(self._city_id) if self._catalog is not None else Neighbours()
        if around != self._around:
            self._around = around
            self.neighboursChanged.emit()

    # -- the city
    @Property(bool, notify=changed)
    def known(self) -> bool:
        return self._city is not None

    @Property(str, notify=changed)
    def name(self) -> str:
        return self._city.name if self._city else ""

    @Property(str, notify=changed)
    def nameLatin(self) -> str:
        return self._city.name_latin if self._city else ""

    @Property("QStringList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def summaryEn(self) -> list[str]:
        return list(self._city.summary_en) if self._city else []

    @Property(bool, notify=changed)
    def editorial(self) -> bool:
        """The text is the exhibition's own (a city the list lacks), written from the sources in sourceTitles."""
        return bool(self._city and self._city.source_titles)

    @Property("QStringList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def sourceTitles(self) -> list[str]:
        return list(self._city.source_titles) if self._city else []

    @Property(str, notify=changed)
    def region(self) -> str:
        return self._city.region if self._city else ""

    @Property(str, notify=changed)
    def federalDistrict(self) -> str:
        return self._city.federal_district if self._city else ""

    @Property(int, notify=changed)
    def year(self) -> int:
        return self._city.year if self._city else 0

    @Property(str, notify=changed)
    def headline(self) -> str:
        return self._city.headline if self._city else ""

    @Property("QStringList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def paragraphs(self) -> list[str]:
        return list(self._city.paragraphs) if self._city else []

    @Property(TagListModel, constant=True)
    def tags(self) -> TagListModel:
        return self._tags

    @Property(int, notify=changed)
    def tagCount(self) -> int:
        return len(self._city.tags) if self._city else 0

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def images(self) -> list[ImageRecord]:
        """ImageRecords (QML: list<ImageRecord>), made and kept by the catalog."""
        return list(self._city.images) if self._city else []

    @Property(bool, notify=changed)
    def hasMemorial(self) -> bool:
        return self._city is not None and self._city.memorial is not None

    @Property(MemorialRecord, constant=True)
    def memorial(self) -> MemorialRecord:
        return self._memorial

    # -- previous / next in the current order (0 at the ends)
    @Property(int, notify=neighboursChanged)
    def previousId(self) -> int:
        return self._around.previous

    @Property(int, notify=neighboursChanged)
    def nextId(self) -> int:
        return self._around.next

    @Property(str, notify=neighboursChanged)
    def previousName(self) -> str:
        return self._around.previous_name

    @Property(str, notify=neighboursChanged)
    def nextName(self) -> str:
        return self._around.next_name

    @Property(int, notify=neighboursChanged)
    def position(self) -> int:
        return self._around.position

    @Property(int, notify=neighboursChanged)
    def count(self) -> int:
        return self._around.count
