"""One attract card's slide, typed for QML: `card.slide.title`, `card.slide.cityId` … are declared properties,
so qmllint checks every use and a renamed field is an error, not a blank card.

The attract service keeps two of these (cards A and B) for the kiosk's life and refills them slide by slide:
nothing is created per slide. The words are typeset for the screen here (real dashes, non-breaking spaces;
the stored text stays verbatim) and an event's date is worded in the visitor's language (kiosk.ui.models.dates).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.data.text.typography import typeset
from kiosk.ui.models.dates import date_label, visitor_code
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 — @QmlElement reads them

if TYPE_CHECKING:  # the deck is imported when the slideshow first starts, not at start-up
    from kiosk.data.attract.deck import Slide


@QmlElement
@QmlUncreatable("one of the attract service's two cards")
class SlideRecord(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """The slide one attract card shows; every field empty (kind "") before the first slide."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._slide: Slide | None = None
        self._picture = ""
        self._date = ""

    def show(self, slide: Slide | None, picture: str = "") -> None:
        """Fill the card with `slide` (None: empty); `picture` is its image's URL, "" for none."""
        self._slide, self._picture = slide, picture
        self._date = date_label(slide.date, slide.date_end, slide.when, visitor_code()) if slide else ""
        self.changed.emit()

    @property
    def slide(self) -> Slide | None:
        return self._slide

    @Property(str, notify=changed)
    def key(self) -> str:
        """Unique in a deck, e.g. "city:12" (tests and the benchmark follow the slides by it)."""
        return self._slide.key if self._slide else ""

    @Property(str, notify=changed)
    def kind(self) -> str:
        """title, city, event, figure or curator: what QML lays out differently."""
        return self._slide.kind if self._slide else ""

    @Property(str, notify=changed)
    def title(self) -> str:
        return typeset(self._slide.title or "") if self._slide else ""

    @Property(str, notify=changed)
    def text(self) -> str:
        return typeset(self._slide.text or "") if self._slide else ""

    @Property(str, notify=changed)
    def subtitle(self) -> str:
        """A city's region, a figure's unit."""
        return typeset(self._slide.subtitle or "") if self._slide else ""

    @Property(str, notify=changed)
    def date(self) -> str:
        """An event's date, worded for the visitor («26 июля 1941 г.»)."""
        return self._date

    @Property(int, notify=changed)
    def year(self) -> int:
        return self._slide.year if self._slide else 0

    @Property("QStringList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def icons(self) -> list[str]:
        """A city's tags: qtawesome names, in the order of `labels`."""
        return list(self._slide.icons) if self._slide else []

    @Property("QStringList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def labels(self) -> list[str]:
        return list(self._slide.labels) if self._slide else []

    @Property(str, notify=changed)
    def picture(self) -> str:
        """A curator slide's picture (an image://dbimage URL), "" for none."""
        return self._picture

    @Property(int, notify=changed)
    def count(self) -> int:
        """The title slide: the number of cities."""
        return self._slide.count if self._slide else 0

    @Property(int, notify=changed)
    def cityId(self) -> int:
        return self._slide.city_id if self._slide else 0

    @Property(bool, notify=changed)
    def today(self) -> bool:
        """«В этот день»: the event's day and month are today's."""
        return bool(self._slide and self._slide.today)

    @Property(bool, notify=changed)
    def editorial(self) -> bool:
        """A city slide whose headline is the exhibition's own text (a city the list lacks)."""
        return bool(self._slide and self._slide.editorial)

    @Property(str, notify=changed)
    def titleEn(self) -> str:
        """A curator slide's optional English (curators' own, never machine-translated)."""
        return self._slide.title_en if self._slide else ""

    @Property(str, notify=changed)
    def textEn(self) -> str:
        return self._slide.text_en if self._slide else ""

    @property
    def duration(self) -> float:
        """Seconds on screen; 0 = the kiosk's slide_duration."""
        return self._slide.duration if self._slide else 0.0
