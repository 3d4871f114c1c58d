"""The cities CityMap shows, as a typed list model: delegates declare the roles they read
(`required property int cityId`, `required property real kmX` …), so a renamed field is a qmllint or load
error, not a dot at 0, 0. The rows are frozen records; the names' layout (label and boxes per zoom rung)
changes with the view's size and language and is sent as a change of those two roles only, so the map's
delegates stay and only their names move.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import Property, QAbstractListModel, QByteArray, QModelIndex, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.data.text.folding import folded
from kiosk.ui.models.roles import DISPLAY_ROLE, USER_ROLE
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 — @QmlElement reads them

Box = list[float]  # [dx, dy, w, h] of a name from its dot, in pixels


@dataclass(frozen=True, slots=True)
class MapCity:
    city_id: int
    name: str
    name_latin: str  # "" when the list has none
    region: str
    year: int
    x: float = 0.0  # map km (0 for a city without a point: those are listed beside the map)
    y: float = 0.0


@QmlElement
@QmlUncreatable("CityMap's cities")
class MapCityList(QAbstractListModel):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """Roles: cityId, name, nameLatin, region, year, kmX, kmY (map km; not x/y, which a delegate has), label
    (the name as placed for the visitor's language) and names (per zoom rung the name's box, or null)."""

    countChanged = Signal()
    labelsChanged = Signal()

    _FIELDS = (b"cityId", b"name", b"nameLatin", b"region", b"year", b"kmX", b"kmY", b"label", b"names")
    _ROLES: ClassVar[dict[int, bytes]] = {USER_ROLE + 1 + i: name for i, name in enumerate(_FIELDS)}
    _LAYOUT_ROLES: ClassVar[list[int]] = [
        USER_ROLE + 1 + _FIELDS.index(b"label"),
        USER_ROLE + 1 + _FIELDS.index(b"names"),
    ]

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: tuple[MapCity, ...] = ()
        self._names: dict[int, tuple[str, list[Box | None]]] = {}  # city id → (label, box per rung)
        self._label_revision = 0

    @property
    def rows(self) -> tuple[MapCity, ...]:
        return self._rows

    def set_rows(self, rows: tuple[MapCity, ...]) -> None:
        self.beginResetModel()
        self._rows, self._names = rows, {}
        self.endResetModel()
        self.countChanged.emit()
        self._labels_changed()

    def set_names(self, names: dict[int, tuple[str, list[Box | None]]]) -> None:
        """A new layout of the names: only the label and names roles change."""
        self._names = names
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), self._LAYOUT_ROLES)
        self._labels_changed()

    def _labels_changed(self) -> None:
        self._label_revision += 1
        self.labelsChanged.emit()

    @Property(int, notify=labelsChanged)
    def labelRevision(self) -> int:
        """Counts the changes of rows or labels: a binding that calls upTo() names it, to be asked again."""
        return self._label_revision

    @Slot(int, int, result="QVariantList")
    def upTo(self, year: int, _revision: int = 0) -> list[dict[str, object]]:
        """The cities titled up to `year` as {cityId, label}, by label (ё read as е): the portrait map's list."""
        shown = [(c.city_id, self._names.get(c.city_id, (c.name, []))[0]) for c in self._rows if c.year <= year]
        return [{"cityId": i, "label": label} for i, label in sorted(shown, key=lambda p: folded(p[1]))]

    @Property(int, notify=countChanged)
    def count(self) -> int:
        return len(self._rows)

    def roleNames(self):
        return {k: QByteArray(v) for k, v in self._ROLES.items()}

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=DISPLAY_ROLE):
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or role not in self._ROLES:
            return None
        c = self._rows[index.row()]
        field = self._ROLES[role]
        if field in (b"label", b"names"):
            label, boxes = self._names.get(c.city_id, (c.name, []))
            return label if field == b"label" else boxes
        return {
            b"cityId": c.city_id,
            b"name": c.name,
            b"nameLatin": c.name_latin,
            b"region": c.region,
            b"year": c.year,
            b"kmX": c.x,
            b"kmY": c.y,
        }[field]
