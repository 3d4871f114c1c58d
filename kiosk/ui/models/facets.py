"""Facets for the city catalogue: year of title, federal district, contribution tag.

The rule is deliberately simple, so the screen can say it in words:
  * within one kind, ticked values combine with OR («2021 или 2022»);
  * different kinds combine with AND («2021 · Уральский · Танки»).
A value's count is the number of cities the visitor would see among the current search result and the
*other* kinds' filters if that value were (also) ticked — so counts never lie about what a tap will show.

`FacetFilter` is plain Python (tested without a GUI); `FacetModel` presents one kind to QML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Iterable
from typing import ClassVar

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QObject, Signal

from kiosk.data.store.records import City
from kiosk.ui.models.roles import DISPLAY_ROLE, USER_ROLE

YEAR = "year"
DISTRICT = "district"
TAG = "tag"
KINDS = (YEAR, DISTRICT, TAG)

# The official order of the federal districts (as on the government's own lists); unknown names follow
# alphabetically, so a data update never hides a district.
DISTRICT_ORDER = (
    "Центральный",
    "Северо-Западный",
    "Южный",
    "Северо-Кавказский",
    "Приволжский",
    "Уральский",
    "Сибирский",
    "Дальневосточный",
)

UNSET_PREFIX = "Федеральный округ "  # the sources' wording for a district not established


def district_short(name: str) -> str:
    """«Приволжский федеральный округ» → «Приволжский» (the facet's heading says «Федеральный округ»);
    «Федеральный округ не установлен» (ДНР, ЛНР: no official act found, db/sources/SOURCES.md) → «не установлен»."""
    short = name.strip()
    if short.lower().startswith(UNSET_PREFIX.lower()):
        return short[len(UNSET_PREFIX) :].strip() or name
    for suffix in (" федеральный округ", " ФО"):
        if short.lower().endswith(suffix.lower()):
            short = short[: -len(suffix)].strip()
    return short or name


def district_sort_key(name: str) -> tuple[int, str]:
    short = district_short(name)
    try:
        return (DISTRICT_ORDER.index(short), short)
    except ValueError:
        return (len(DISTRICT_ORDER), short)


def _values(city: City, kind: str) -> Iterable:
    if kind == YEAR:
        return (city.year,)
    if kind == DISTRICT:
        return (city.federal_district,)
    return city.tags


@dataclass
class FacetFilter:
    """The ticked values of every kind, and the arithmetic of matching and counting."""

    selected: dict[str, set] = field(default_factory=lambda: {k: set() for k in KINDS})

    def toggle(self, kind: str, value) -> bool:
        """Tick or untick; returns the new state."""
        chosen = self.selected[kind]
        if value in chosen:
            chosen.discard(value)
            return False
        chosen.add(value)
        return True

    def clear(self) -> None:
        for chosen in self.selected.values():
            chosen.clear()

    @property
    def active(self) -> bool:
        return any(self.selected.values())

    def retain(self, kind: str, existing: set) -> None:
        """Forget ticks for values that no longer exist (after a database reload)."""
        self.selected[kind] &= existing

    def _passes(self, city: City, kind: str) -> bool:
        chosen = self.selected[kind]
        return not chosen or any(v in chosen for v in _values(city, kind))

    def matches(self, city: City, *, ignore: str | None = None) -> bool:
        return all(self._passes(city, k) for k in KINDS if k != ignore)

    def apply(self, cities: Iterable[City]) -> list[City]:
        return [c for c in cities if self.matches(c)]

    def counts(self, cities: Iterable[City], kind: str) -> dict:
        """value → how many of `cities` have it and pass the other kinds' filters."""
        out: dict = {}
        for city in cities:
            if self.matches(city, ignore=kind):
                for value in _values(city, kind):
                    out[value] = out.get(value, 0) + 1
        return out


class FacetModel(QAbstractListModel):
    """One facet kind for QML: a stable list of values with live counts and ticks.

    Roles: value (int year or str), key (str, for objectNames), label, count, checked, available
    (count > 0 or ticked: a chip that would show nothing is drawn disabled, never hidden, so chips do not jump),
    icon (qtawesome name, tags only), index.
    """

    ValueRole = USER_ROLE + 1
    KeyRole = ValueRole + 1
    LabelRole = ValueRole + 2
    CountRole = ValueRole + 3
    CheckedRole = ValueRole + 4
    AvailableRole = ValueRole + 5
    IconRole = ValueRole + 6
    IndexRole = ValueRole + 7

    _ROLE_NAMES: ClassVar[dict[int, bytes]] = {
        ValueRole: b"value",
        KeyRole: b"key",
        LabelRole: b"label",
        CountRole: b"count",
        CheckedRole: b"checked",
        AvailableRole: b"available",
        IconRole: b"icon",
        IndexRole: b"index",
    }

    changed = Signal()

    def __init__(self, kind: str, parent: QObject | None = None):
        super().__init__(parent)
        self.kind = kind
        self._items: list[dict] = []  # {value, label, icon, count, checked}

    # -- Qt model API --------------------------------------------------------------------------------------
    def roleNames(self):
        return {k: QByteArray(v) for k, v in self._ROLE_NAMES.items()}

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._items)

    def data(self, index, role=DISPLAY_ROLE):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (self.LabelRole, DISPLAY_ROLE):
            return item["label"]
        if role == self.ValueRole:
            return item["value"]
        if role == self.KeyRole:
            return str(item["value"])
        if role == self.CountRole:
            return item["count"]
        if role == self.CheckedRole:
            return item["checked"]
        if role == self.AvailableRole:
            return item["count"] > 0 or item["checked"]
        if role == self.IconRole:
            return item["icon"]
        if role == self.IndexRole:
            return index.row()
        return None

    # -- Python API ----------------------------------------------------------------------------------------
    def set_values(self, values: list[tuple]) -> None:
        """[(value, label, icon)] in display order; resets the model only when the values change."""
        new = [{"value": v, "label": label, "icon": icon, "count": 0, "checked": False} for v, label, icon in values]
        if [i["value"] for i in new] == [i["value"] for i in self._items] and [
            (i["label"], i["icon"]) for i in new
        ] == [(i["label"], i["icon"]) for i in self._items]:
            return
        self.beginResetModel()
        self._items = new
        self.endResetModel()
        self.changed.emit()

    def update_state(self, counts: dict, checked: set) -> None:
        """New counts and ticks; only rows that changed are announced, so the chips stay where they are."""
        for row, item in enumerate(self._items):
            count = counts.get(item["value"], 0)
            tick = item["value"] in checked
            if count != item["count"] or tick != item["checked"]:
                item["count"], item["checked"] = count, tick
                ix = self.index(row, 0)
                self.dataChanged.emit(ix, ix, [self.CountRole, self.CheckedRole, self.AvailableRole])
        self.changed.emit()

    def values(self) -> list:
        return [i["value"] for i in self._items]

    def items(self) -> list[dict]:
        return [dict(i) for i in self._items]

    def label_of(self, value) -> str:
        for item in self._items:
            if item["value"] == value:
                return item["label"]
        return str(value)
