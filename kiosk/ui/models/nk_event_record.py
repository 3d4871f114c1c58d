"""One event of the Novokuznetsk timeline, typed for QML (`required property NkEventRecord modelData`): where
its card and bar go on the strip, and what the card says. A renamed field is a qmllint error, not a card at 0.

The section (kiosk.ui.models.novokuznetsk) makes the records once per database and releases them at the next.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Property, QObject
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (@QmlElement reads them)


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
class NkEventRecord(QObject):
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
    def labelEn(self) -> str:  # noqa: N802 - QML's naming
        return self._e.label_en

    @Property(str, constant=True)
    def precision(self) -> str:
        return self._e.precision

    @Property(str, constant=True)
    def date(self) -> str:
        return self._e.date

    @Property(str, constant=True)
    def dateEnd(self) -> str:  # noqa: N802 - QML's naming
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
    def laneTall(self) -> int:  # noqa: N802 - QML's naming
        return self._e.lane_tall

    @Property(float, constant=True)
    def tallAt(self) -> float:  # noqa: N802 - QML's naming
        return self._e.tall_at

    @Property(int, constant=True)
    def bar(self) -> int:
        return self._e.bar
