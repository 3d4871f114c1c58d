"""A chapter of the Novokuznetsk section as its page shows it, typed for QML:
`NkChapterPageRecord { section: Novokuznetsk; chapterId: "combine"; language: Language.code }`.

Its paragraphs and their chips are records too (`required property NkParagraphRecord modelData`), so a renamed
field is a qmllint error, not a blank page. The record follows its inputs: a new chapter, a language switch
(the chips' dates) or a reloaded section refresh it; the paragraphs of the previous state are released.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.ui.models.city_images import ImageRecord
from kiosk.ui.models.novokuznetsk import ChapterPage, ChapterParagraph, Novokuznetsk, RefChip
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, forget_when_destroyed  # noqa: F401 — @QmlElement reads them


@QmlElement
@QmlUncreatable("a chapter paragraph's chip")
class NkRefRecord(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    changed = Signal()

    def __init__(self, chip: RefChip, parent: QObject | None = None):
        super().__init__(parent)
        self._c = chip

    def set(self, chip: RefChip) -> None:
        """The same item in another language (its date in the label): updated in place, the chip stays."""
        if chip != self._c:
            self._c = chip
            self.changed.emit()

    @Property(str, notify=changed)
    def ref(self) -> str:
        return self._c.ref

    @Property(str, notify=changed)
    def kind(self) -> str:
        return self._c.kind

    @Property(str, notify=changed)
    def label(self) -> str:
        return self._c.label


@QmlElement
@QmlUncreatable("a chapter's paragraph")
class NkParagraphRecord(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    def __init__(self, paragraph: ChapterParagraph, parent: QObject | None = None):
        super().__init__(parent)
        self._p = paragraph
        self._refs = [NkRefRecord(chip, self) for chip in paragraph.refs]

    @Property(str, constant=True)
    def ref(self) -> str:
        return self._p.ref

    @Property(str, constant=True)
    def text(self) -> str:
        return self._p.text

    def same_shape(self, paragraph: ChapterParagraph) -> bool:
        """The same paragraph naming the same items (a language switch changes only the chips' labels)."""
        return (paragraph.ref, paragraph.text, [c.ref for c in paragraph.refs]) == (
            self._p.ref,
            self._p.text,
            [c.ref for c in self._p.refs],
        )

    def relabel(self, paragraph: ChapterParagraph) -> None:
        self._p = paragraph
        for record, chip in zip(self._refs, paragraph.refs, strict=True):
            record.set(chip)

    @Property("QVariantList", constant=True)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def refs(self) -> list[NkRefRecord]:
        """The items it names (QML: list<NkRefRecord>)."""
        return self._refs


@QmlElement
class NkChapterPageRecord(QObject):
    sectionChanged = Signal()
    chapterIdChanged = Signal()
    languageChanged = Signal()
    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._section: Novokuznetsk | None = None
        self._chapter_id = ""
        self._language = ""
        self._page: ChapterPage | None = None
        self._paragraphs: list[NkParagraphRecord] = []
        forget_when_destroyed(self)  # QML creates it with each chapter page

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

    def _get_chapter_id(self) -> str:
        return self._chapter_id

    def _set_chapter_id(self, chapter_id: str) -> None:
        if chapter_id != self._chapter_id:
            self._chapter_id = chapter_id
            self.chapterIdChanged.emit()
            self._refresh()

    chapterId = Property(str, _get_chapter_id, _set_chapter_id, notify=chapterIdChanged)

    def _get_language(self) -> str:
        return self._language

    def _set_language(self, code: str) -> None:
        if code != self._language:
            self._language = code
            self.languageChanged.emit()
            self._refresh()

    language = Property(str, _get_language, _set_language, notify=languageChanged)  # «ru» / «en»: chips' dates

    def _refresh(self) -> None:
        page = None
        if self._section is not None and self._chapter_id:
            page = self._section.chapter(self._chapter_id, self._language)
        if page == self._page:
            return
        old, self._page = self._paragraphs, page
        new = page.paragraphs if page else ()
        if len(new) == len(old) and all(r.same_shape(p) for r, p in zip(old, new, strict=True)):
            # A language switch: the chips keep their delegates and take the new labels (no record is deleted
            # while a delegate still shows it).
            for record, paragraph in zip(old, new, strict=True):
                record.relabel(paragraph)
            self.changed.emit()
            return
        self._paragraphs = [NkParagraphRecord(p, self) for p in new]
        self.changed.emit()
        for record in old:
            record.deleteLater()  # another chapter or database: after QML has moved to the new ones

    # -- the chapter
    @Property(bool, notify=changed)
    def known(self) -> bool:
        return self._page is not None

    @Property(str, notify=changed)
    def id(self) -> str:
        return self._page.id if self._page else ""

    @Property(str, notify=changed)
    def title(self) -> str:
        return self._page.title if self._page else ""

    @Property(str, notify=changed)
    def lead(self) -> str:
        return self._page.lead if self._page else ""

    @Property(str, notify=changed)
    def titleEn(self) -> str:
        return self._page.title_en if self._page else ""

    @Property(str, notify=changed)
    def summaryEn(self) -> str:
        return self._page.summary_en if self._page else ""

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def images(self) -> list[ImageRecord]:
        return list(self._page.images) if self._page else []

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def paragraphs(self) -> list[NkParagraphRecord]:
        """Without repeats (QML: list<NkParagraphRecord>)."""
        return self._paragraphs
