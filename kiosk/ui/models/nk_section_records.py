"""The Novokuznetsk section's lists, typed for QML (`required property NkEventRecord modelData`): the timeline's
events (where a card and its bar go on the strip, and what the card says), the people, the figures. A renamed
field is a qmllint error, not a blank card or a card at 0.

The section (kiosk.ui.models.novokuznetsk) makes the records once per database and releases them at the next.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Property, QObject
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 — @QmlElement reads them


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    id: str
    title: str
    label_en: str  # the exhibition's English heading, if any
    precision: str  # day, month, year or span
    date: str  # ISO; the screen words it in the visitor's language (Novokuznetsk.dateText)
    date_end: str
    when: str  # the source's own words for the time, if any
    start: float  # along the strip at 1080p: where the event begins…
    end: float  # …and ends
    lane: int = 0  # landscape: the card's lane
    lane_tall: int = 0  # portrait: the card's column…
    tall_at: float = 0.0  # …and where along the strip it stands (moved down to make room)
    bar: int = 0  # the bar's lane in the gutter


@QmlElement
@QmlUncreatable("the section's timeline events")
class NkEventRecord(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    def __init__(self, event: TimelineEvent, parent: QObject | None = None):
        super().__init__(parent)
        self._e = event

    @property
    def record(self) -> TimelineEvent:  # not `event`: that is QObject's
        return self._e

    @Property(str, constant=True)
    def id(self) -> str:
        return self._e.id

    @Property(str, constant=True)
    def ref(self) -> str:
        """What the item card opens: "event:ID"."""
        return f"event:{self._e.id}"

    @Property(str, constant=True)
    def title(self) -> str:
        return self._e.title

    @Property(str, constant=True)
    def labelEn(self) -> str:
        return self._e.label_en

    @Property(str, constant=True)
    def precision(self) -> str:
        return self._e.precision

    @Property(str, constant=True)
    def date(self) -> str:
        return self._e.date

    @Property(str, constant=True)
    def dateEnd(self) -> str:
        return self._e.date_end

    @Property(str, constant=True)
    def when(self) -> str:
        return self._e.when

    @Property(float, constant=True)
    def start(self) -> float:
        return self._e.start

    @Property(float, constant=True)
    def end(self) -> float:
        return self._e.end

    @Property(int, constant=True)
    def lane(self) -> int:
        return self._e.lane

    @Property(int, constant=True)
    def laneTall(self) -> int:
        return self._e.lane_tall

    @Property(float, constant=True)
    def tallAt(self) -> float:
        return self._e.tall_at

    @Property(int, constant=True)
    def bar(self) -> int:
        return self._e.bar


@dataclass(frozen=True, slots=True)
class SectionPerson:
    id: str
    name: str  # as the seed spells it
    role: str
    when: str
    label_en: str  # the exhibition's English heading, if any


@QmlElement
@QmlUncreatable("the section's people")
class NkPersonRecord(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    def __init__(self, person: SectionPerson, parent: QObject | None = None):
        super().__init__(parent)
        self._p = person

    @Property(str, constant=True)
    def id(self) -> str:
        return self._p.id

    @Property(str, constant=True)
    def ref(self) -> str:
        """What the item card opens: "person:ID"."""
        return f"person:{self._p.id}"

    @Property(str, constant=True)
    def name(self) -> str:
        return self._p.name

    @Property(str, constant=True)
    def role(self) -> str:
        return self._p.role

    @Property(str, constant=True)
    def when(self) -> str:
        return self._p.when

    @Property(str, constant=True)
    def labelEn(self) -> str:
        return self._p.label_en


@dataclass(frozen=True, slots=True)
class SectionFigure:
    id: str
    value: float  # what the count-up runs to
    value_text: str  # how the number is shown when it has arrived («6 173,4», «¼»)
    unit: str
    label: str  # what the number counts, as the source words it
    label_en: str
    countable: bool  # False for shares like «¼»: shown, not counted
    prefix: str  # the stored value around its number, for the count-up (novokuznetsk.split_number)
    suffix: str
    decimals: int


@QmlElement
@QmlUncreatable("the section's figures")
class NkFigureRecord(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    def __init__(self, figure: SectionFigure, parent: QObject | None = None):
        super().__init__(parent)
        self._f = figure

    @Property(str, constant=True)
    def id(self) -> str:
        return self._f.id

    @Property(str, constant=True)
    def ref(self) -> str:
        """What the item card opens: "figure:ID"."""
        return f"figure:{self._f.id}"

    @Property(float, constant=True)
    def value(self) -> float:
        return self._f.value

    @Property(str, constant=True)
    def valueText(self) -> str:
        return self._f.value_text

    @Property(str, constant=True)
    def unit(self) -> str:
        return self._f.unit

    @Property(str, constant=True)
    def label(self) -> str:
        return self._f.label

    @Property(str, constant=True)
    def labelEn(self) -> str:
        return self._f.label_en

    @Property(bool, constant=True)
    def countable(self) -> bool:
        return self._f.countable

    @Property(str, constant=True)
    def prefix(self) -> str:
        return self._f.prefix

    @Property(str, constant=True)
    def suffix(self) -> str:
        return self._f.suffix

    @Property(int, constant=True)
    def decimals(self) -> int:
        return self._f.decimals


@dataclass(frozen=True, slots=True)
class SectionChapter:
    id: str
    title: str
    lead: str
    paragraphs: int  # how many (the chapter's page reads them: Novokuznetsk.chapter)
    title_en: str
    summary_en: str


@QmlElement
@QmlUncreatable("the section's chapters")
class NkChapterRecord(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """A chapter as the section's home lists it."""

    def __init__(self, chapter: SectionChapter, parent: QObject | None = None):
        super().__init__(parent)
        self._c = chapter

    @Property(str, constant=True)
    def id(self) -> str:
        return self._c.id

    @Property(str, constant=True)
    def title(self) -> str:
        return self._c.title

    @Property(str, constant=True)
    def lead(self) -> str:
        return self._c.lead

    @Property(int, constant=True)
    def paragraphs(self) -> int:
        return self._c.paragraphs

    @Property(str, constant=True)
    def titleEn(self) -> str:
        return self._c.title_en

    @Property(str, constant=True)
    def summaryEn(self) -> str:
        return self._c.summary_en


@dataclass(frozen=True, slots=True)
class SectionSeed:
    """A seed document as visitors see it («Источники»): never 002, the machine translation."""

    id: str
    file: str
    title: str
    kind: str
    taken: str
    title_en: str
    kind_en: str
    taken_en: str
    items: int  # passages of the section resting on it


@QmlElement
@QmlUncreatable("the section's documents")
class NkSeedRecord(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    def __init__(self, seed: SectionSeed, parent: QObject | None = None):
        super().__init__(parent)
        self._d = seed

    @Property(str, constant=True)
    def id(self) -> str:
        return self._d.id

    @Property(str, constant=True)
    def file(self) -> str:
        return self._d.file

    @Property(str, constant=True)
    def title(self) -> str:
        return self._d.title

    @Property(str, constant=True)
    def kind(self) -> str:
        return self._d.kind

    @Property(str, constant=True)
    def taken(self) -> str:
        return self._d.taken

    @Property(str, constant=True)
    def titleEn(self) -> str:
        return self._d.title_en

    @Property(str, constant=True)
    def kindEn(self) -> str:
        return self._d.kind_en

    @Property(str, constant=True)
    def takenEn(self) -> str:
        return self._d.taken_en

    @Property(int, constant=True)
    def items(self) -> int:
        return self._d.items


@dataclass(frozen=True, slots=True)
class SectionCorrection:
    original: str  # as the seed has it, its broken lines joined
    corrected: str
    note: str


@QmlElement
@QmlUncreatable("the section's corrections")
class NkCorrectionRecord(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    def __init__(self, correction: SectionCorrection, parent: QObject | None = None):
        super().__init__(parent)
        self._k = correction

    @Property(str, constant=True)
    def original(self) -> str:
        return self._k.original

    @Property(str, constant=True)
    def corrected(self) -> str:
        return self._k.corrected

    @Property(str, constant=True)
    def note(self) -> str:
        return self._k.note


@dataclass(frozen=True, slots=True)
class SectionQuestion:
    id: str
    topic: str
    shown_title: str  # the document whose reading is shown ("" for none)


@QmlElement
@QmlUncreatable("the section's open questions")
class NkQuestionRecord(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    def __init__(self, question: SectionQuestion, parent: QObject | None = None):
        super().__init__(parent)
        self._q = question

    @Property(str, constant=True)
    def id(self) -> str:
        return self._q.id

    @Property(str, constant=True)
    def topic(self) -> str:
        return self._q.topic

    @Property(str, constant=True)
    def shownTitle(self) -> str:
        return self._q.shown_title


@dataclass(frozen=True, slots=True)
class SectionHonour:
    """A row of «Награды, звания и воинские части»: an award or title, or a military unit."""

    id: str
    unit: bool  # a military unit (ref "unit:ID"), else an award or title (ref "award:ID")
    title: str  # the award's wording, or the unit's name
    label_en: str  # the exhibition's English heading, if any
    date: str  # an award's date, ISO ("" for a unit); the screen words it (Novokuznetsk.dateText)
    detail: str  # an award's recipient and who gave it («…· …»), or a unit's kind


@QmlElement
@QmlUncreatable("the section's awards and units")
class NkHonourRecord(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    def __init__(self, honour: SectionHonour, parent: QObject | None = None):
        super().__init__(parent)
        self._h = honour

    @Property(str, constant=True)
    def id(self) -> str:
        return self._h.id

    @Property(str, constant=True)
    def ref(self) -> str:
        """What the item card opens: "award:ID" or "unit:ID"."""
        return f"{'unit' if self._h.unit else 'award'}:{self._h.id}"

    @Property(bool, constant=True)
    def unit(self) -> bool:
        return self._h.unit

    @Property(str, constant=True)
    def title(self) -> str:
        return self._h.title

    @Property(str, constant=True)
    def labelEn(self) -> str:
        return self._h.label_en

    @Property(str, constant=True)
    def date(self) -> str:
        return self._h.date

    @Property(str, constant=True)
    def detail(self) -> str:
        return self._h.detail


@dataclass(frozen=True, slots=True)
class YearMark:
    year: int
    pos: float  # along the strip at 1080p
    major: bool  # a long tick: the war years and each decade
    labelled: bool  # its year written beside it


@QmlElement
@QmlUncreatable("the timeline's year marks")
class NkYearMarkRecord(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    def __init__(self, mark: YearMark, parent: QObject | None = None):
        super().__init__(parent)
        self._m = mark

    @Property(int, constant=True)
    def year(self) -> int:
        return self._m.year

    @Property(float, constant=True)
    def pos(self) -> float:
        return self._m.pos

    @Property(bool, constant=True)
    def major(self) -> bool:
        return self._m.major

    @Property(bool, constant=True)
    def labelled(self) -> bool:
        return self._m.labelled
