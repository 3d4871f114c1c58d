"""One item of the Novokuznetsk section as its card shows it, typed for QML:
`NkItemRecord { section: Novokuznetsk; ref: "person:chalkov"; language: Language.code }`.

Every field is a declared property, so qmllint checks each use and a renamed field is an error, not a blank
line on the card. The record follows its inputs: a new ref, a language switch or a reloaded section refresh it.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement

from kiosk.ui.models.city_images import ImageRecord
from kiosk.ui.models.novokuznetsk import ItemCard, Novokuznetsk
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, forget_when_destroyed  # noqa: F401 — @QmlElement reads them


@QmlElement
class NkItemRecord(QObject):
    sectionChanged = Signal()
    refChanged = Signal()
    languageChanged = Signal()
    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._section: Novokuznetsk | None = None
        self._ref = ""
        self._language = ""
        self._card: ItemCard | None = None
        forget_when_destroyed(self)  # QML creates it with each item card

    # -- inputs
    def _get_section(self) -> Novokuznetsk | None:
        return self._section

    def _set_section(self, section: Novokuznetsk | None) -> None:
        if section is self._section:
            return
        if self._section is not None:
            self._section.changed.disconnect(self._refresh)
        self._section = section
        if section is not None:
            section.changed.connect(self._refresh)
        self.sectionChanged.emit()
        self._refresh()

    section = Property(Novokuznetsk, _get_section, _set_section, notify=sectionChanged)

    def _get_ref(self) -> str:
        return self._ref

    def _set_ref(self, ref: str) -> None:
        if ref != self._ref:
            self._ref = ref
            self.refChanged.emit()
            self._refresh()

    ref = Property(str, _get_ref, _set_ref, notify=refChanged)

    def _get_language(self) -> str:
        return self._language

    def _set_language(self, code: str) -> None:
        if code != self._language:
            self._language = code
            self.languageChanged.emit()
            self._refresh()

    language = Property(str, _get_language, _set_language, notify=languageChanged)  # «ru» / «en»: dates, numbers

    def _refresh(self) -> None:
        card = self._section.card(self._ref, self._language) if self._section is not None and self._ref else None
        if card != self._card:
            self._card = card
            self.changed.emit()

    # -- the item
    @Property(bool, notify=changed)
    def known(self) -> bool:
        return self._card is not None

    @Property(str, notify=changed)
    def kind(self) -> str:
        """person, figure, event, award, unit or paragraph (a paragraph's card shows only its sources)."""
        return self._card.kind if self._card else ""

    @Property(str, notify=changed)
    def kindLabel(self) -> str:
        return self._card.kind_label if self._card else ""

    @Property(str, notify=changed)
    def title(self) -> str:
        return self._card.title if self._card else ""

    @Property(str, notify=changed)
    def labelEn(self) -> str:
        """The exhibition's English heading, if curators wrote one."""
        return self._card.label_en if self._card else ""

    @Property(str, notify=changed)
    def subtitle(self) -> str:
        return self._card.subtitle if self._card else ""

    @Property(str, notify=changed)
    def meta(self) -> str:
        return self._card.meta if self._card else ""

    @Property(str, notify=changed)
    def text(self) -> str:
        return self._card.text if self._card else ""

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def images(self) -> list[ImageRecord]:
        """ImageRecords (QML: list<ImageRecord>), made and kept by the section."""
        return list(self._card.images) if self._card else []
