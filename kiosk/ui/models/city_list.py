"""The filtered list of cities the grid shows. Filtering happens in Python (Catalog); this model only presents
the rows it is given, and tells views as little as possible when they change (no reset when nothing moved)."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QObject, Signal, Slot

from kiosk.data.english.names import district_en, region_en
from kiosk.data.store.records import City, Tag
from kiosk.data.text.typography import typeset
from kiosk.ui.models.roles import DISPLAY_ROLE, USER_ROLE


def initial_letter(name: str) -> str:
    """The index-strip letter of a name: first letter, upper case, Ё filed under Е (as Russian indexes do)."""
    for ch in name.strip():
        if ch.isalpha():
            ch = ch.upper()
            return "Е" if ch == "Ё" else ch
    return "#"


class CityListModel(QAbstractListModel):
    CityIdRole = USER_ROLE + 1
    NameRole = CityIdRole + 1
    RegionRole = CityIdRole + 2
    FederalDistrictRole = CityIdRole + 3
    YearRole = CityIdRole + 4
    HeadlineRole = CityIdRole + 5
    TagIdsRole = CityIdRole + 6
    TagIconsRole = CityIdRole + 7
    TagLabelsRole = CityIdRole + 8
    LetterRole = CityIdRole + 9
    HasMemorialRole = CityIdRole + 10
    IndexRole = CityIdRole + 11
    NameLatinRole = CityIdRole + 12

    _ROLE_NAMES: ClassVar[dict[int, bytes]] = {
        CityIdRole: b"cityId",
        NameRole: b"name",
        RegionRole: b"region",
        FederalDistrictRole: b"federalDistrict",
        YearRole: b"year",
        HeadlineRole: b"headline",
        TagIdsRole: b"tagIds",
        TagIconsRole: b"tagIcons",
        TagLabelsRole: b"tagLabels",
        LetterRole: b"letter",
        HasMemorialRole: b"hasMemorial",
        IndexRole: b"index",
        NameLatinRole: b"nameLatin",
    }

    countChanged = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[City] = []
        self._tags: dict[str, Tag] = {}
        self._english = False

    def roleNames(self):
        return {k: QByteArray(v) for k, v in self._ROLE_NAMES.items()}

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index, role=DISPLAY_ROLE):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        c = self._rows[index.row()]
        if role in (self.NameRole, DISPLAY_ROLE):
            return c.name
        if role == self.CityIdRole:
            return c.id
        if role == self.RegionRole:
            return (self._english and region_en(c.region)) or c.region
        if role == self.FederalDistrictRole:
            return (self._english and district_en(c.federal_district)) or c.federal_district
        if role == self.NameLatinRole:
            return c.name_latin
        if role == self.YearRole:
            return c.year
        if role == self.HeadlineRole:
            return typeset(c.headline)
        if role == self.TagIdsRole:
            return [t for t in c.tags if t in self._tags]
        if role == self.TagIconsRole:
            return [self._tags[t].icon for t in c.tags if t in self._tags]
        if role == self.TagLabelsRole:
            return [self._tag_label(self._tags[t]) for t in c.tags if t in self._tags]
        if role == self.LetterRole:
            return initial_letter((self._english and c.name_latin) or c.name)
        if role == self.HasMemorialRole:
            return c.memorial is not None
        if role == self.IndexRole:
            return index.row()
        return None

    def _tag_label(self, tag: Tag) -> str:
        return (tag.label_en or tag.label_ru) if self._english else tag.label_ru

    # -- Python API ----------------------------------------------------------------------------------------
    def set_rows(self, rows: list[City], tags: dict[str, Tag] | None = None) -> None:
        tags_changed = tags is not None and tags != self._tags
        if tags is not None:
            self._tags = dict(tags)
        old_ids = [c.id for c in self._rows]
        new_ids = [c.id for c in rows]
        if old_ids == new_ids:
            if rows != self._rows or tags_changed:  # same order, new content (a database reload)
                self._rows = list(rows)
                if rows:
                    self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, 0))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.countChanged.emit()

    def set_english(self, english: bool) -> None:
        """Regions, districts and tag labels in English where the data has them; rows stay where they are."""
        if english != self._english:
            self._english = english
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def rows(self) -> list[City]:
        return list(self._rows)

    def ids(self) -> list[int]:
        return [c.id for c in self._rows]

    @Slot(int, result=int)
    def cityIdAt(self, row: int) -> int:
        return self._rows[row].id if 0 <= row < len(self._rows) else 0

    @Slot(int, result=int)
    def rowOf(self, city_id: int) -> int:
        for row, c in enumerate(self._rows):
            if c.id == city_id:
                return row
        return -1
