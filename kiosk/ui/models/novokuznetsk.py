"""The Novokuznetsk section as QML sees it: plain lists and maps built once per database, and the little
visitor state the section keeps (which figures have counted up), cleared when the kiosk returns to idle.

Python owns the data and the arithmetic (timeline positions and lanes, date labels, how a number is split
for its count-up); the screens only present them. Nothing of seed 002 reaches QML: not its document card, not
a question resting on one of its readings (editors find those in `kiosk-db report`), never a passage of it.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, replace
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import Property, QCoreApplication, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton

from kiosk.data.text.typography import typeset
from kiosk.ui.models.city_images import ImageRecord, Retired, owner_images
from kiosk.ui.models.dates import date_label, visitor_code, visitor_locale
from kiosk.ui.models.nk_section_records import (
    NkChapterRecord,
    NkCorrectionRecord,
    NkEventRecord,
    NkFigureRecord,
    NkHonourRecord,
    NkPersonRecord,
    NkQuestionRecord,
    NkSeedRecord,
    NkYearMarkRecord,
    SectionChapter,
    SectionCorrection,
    SectionFigure,
    SectionHonour,
    SectionPerson,
    SectionQuestion,
    SectionSeed,
    TimelineEvent,
    YearMark,
)
from kiosk.ui.models.excerpt import as_excerpt, repeats, without_repeats
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, instance_for  # noqa: F401 — @QmlNamedElement reads them

log = logging.getLogger(__name__)

# The timeline: the war years wide, the decades after narrow (events are placed by date on both).
TIMELINE_FIRST, TIMELINE_LAST = 1941, 2021  # marks from 1941 to 2020 inclusive
WAR_END = 1946  # 1941–1945 take the wide part
WAR_PX_PER_YEAR = 1400  # at 1080p
LATER_PX_PER_YEAR = 44
CITY_NAME = "Новокузнецк"  # the section's city in the list of 70: its card and the section link each other
CARD_WIDE = 520  # px an event's card occupies along a horizontal strip (landscape), for lane assignment
CARD_TALL = 210  # …and along a vertical strip (portrait), where the card is as tall as this
TALL_LANES = 2  # portrait: two columns of cards; a card that would overlap moves down (a line shows its date)

# Item kinds (their refs' prefix) whose images curators add with `kiosk-db add-image --owner nk_<kind>:ID`.
IMAGE_KINDS = ("chapter", "event", "person", "award", "unit")

# What _build reads of a Section, before the first load (the records' module is imported after the first frame).
_NOTHING_YET = SimpleNamespace(
    **dict.fromkeys(
        ("seeds", "chapters", "events", "figures", "people", "awards", "units", "corrections", "questions"), ()
    ),
    labels_en={},
    summaries_en={},
)

_NUMBER = re.compile(r"\d[\d\s\u00a0]*(?:,\d+)?")


@dataclass(frozen=True, slots=True)
class RefChip:
    """An item a chapter's paragraph names, as a chip that opens its card."""

    ref: str
    kind: str
    label: str


@dataclass(frozen=True, slots=True)
class ChapterParagraph:
    ref: str  # "paragraph:ID": its sources
    text: str  # typeset for the screen
    refs: tuple[RefChip, ...]


@dataclass(frozen=True, slots=True)
class ChapterPage:
    """A chapter as its page shows it (QML reads it through NkChapterPageRecord)."""

    id: str
    title: str
    lead: str
    title_en: str
    summary_en: str
    images: tuple[ImageRecord, ...]
    paragraphs: tuple[ChapterParagraph, ...]  # without repeats


@dataclass(frozen=True, slots=True)
class ItemCard:
    """One item of the section as its card shows it (QML reads it through NkItemRecord's typed properties)."""

    ref: str  # "person:chalkov"
    kind: str  # person, figure, event, award, unit or paragraph (a paragraph's card shows only its sources)
    kind_label: str  # what the card calls the kind, in the visitor's language
    label_en: str = ""  # the exhibition's English heading, if curators wrote one
    title: str = ""
    subtitle: str = ""  # a person's role, a figure's caption, an event's date, an award's recipient, a unit's kind
    meta: str = ""  # a person's years, an award's date and who gave it
    text: str = ""  # typeset for the screen
    chip: str = ""  # how a chapter's paragraph names the item
    images: tuple[ImageRecord, ...] = ()  # for ImageGallery / ImageViewer (kiosk.ui.models.city_images)


def _kind_label(kind: str) -> str:
    """What an item card calls its kind, in the visitor's language (asked for when the card opens)."""
    labels = {
        "person": QCoreApplication.translate("Novokuznetsk", "Человек"),
        "figure": QCoreApplication.translate("Novokuznetsk", "Цифра"),
        "event": QCoreApplication.translate("Novokuznetsk", "Событие"),
        "award": QCoreApplication.translate("Novokuznetsk", "Награда"),
        "unit": QCoreApplication.translate("Novokuznetsk", "Воинская часть"),
        # A chapter's paragraph opens only its source: the card says so in plain words, not «Абзац».
        "paragraph": QCoreApplication.translate("Novokuznetsk", "Откуда этот текст"),
    }
    return labels.get(kind, "")


def year_fraction(date: str, at_end: bool = False) -> float:
    """A partial ISO date as a fractional year; at_end gives the end of the day/month/year it names."""
    parts = [int(p) for p in date.split("-")]
    year = parts[0]
    if len(parts) == 1:
        return year + (1.0 if at_end else 0.0)
    month = parts[1]
    if len(parts) == 2:
        start = dt.date(year, month, 1)
        end = dt.date(year + (month == 12), month % 12 + 1, 1)
    else:
        start = dt.date(year, month, parts[2])
        end = start + dt.timedelta(days=1)
    day = end if at_end else start
    days = (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
    return day.year + (day - dt.date(day.year, 1, 1)).days / days


def strip_position(year: float) -> float:
    """Where a fractional year sits along the strip, in px at 1080p."""
    if year <= WAR_END:
        return (year - TIMELINE_FIRST) * WAR_PX_PER_YEAR
    return (WAR_END - TIMELINE_FIRST) * WAR_PX_PER_YEAR + (year - WAR_END) * LATER_PX_PER_YEAR


def strip_length() -> float:
    return strip_position(TIMELINE_LAST)


def split_number(value_text: str) -> dict:
    """«в 1,4 раза» → prefix «в », the number 1.4 with 1 decimal, suffix « раза»; for the count-up."""
    m = _NUMBER.search(value_text)
    if not m:
        return {"prefix": value_text, "suffix": "", "decimals": 0}
    number = m.group(0).rstrip()
    decimals = len(number.split(",", 1)[1]) if "," in number else 0
    return {"prefix": value_text[: m.start()], "suffix": value_text[m.start() + len(number) :], "decimals": decimals}


def number_text(value_text: str, code: str = "ru") -> str:
    """The stored value as shown: verbatim in Russian; in English its number in English digits grouping
    («6 173,4» → «6,173.4»), the words around it kept."""
    m = _NUMBER.search(value_text)
    if code != "en" or not m:
        return value_text
    number = m.group(0).rstrip()
    digits = number.replace(" ", "").replace("\u00a0", "")
    decimals = len(digits.split(",", 1)[1]) if "," in digits else 0
    shown = visitor_locale(code).toString(float(digits.replace(",", ".")), "f", decimals)
    return value_text[: m.start()] + shown + value_text[m.start() + len(number) :]


def assign_lanes(spans: list[tuple[float, float]], gap: float = 0.0) -> list[int]:
    """Greedy, in order of start: each (start, end) goes to the first lane free at its start (a new lane when
    none is); `gap` keeps that much room after each end. Lanes never hold two overlapping spans."""
    ends: list[float] = []
    out = []
    for start, end in spans:
        lane = next((i for i, e in enumerate(ends) if e <= start), len(ends))
        if lane == len(ends):
            ends.append(0.0)
        ends[lane] = end + gap
        out.append(lane)
    return out


def pack(starts: list[float], size: float, lanes: int) -> list[tuple[int, float]]:
    """(lane, position) per start: the lane where the card can sit soonest, no earlier than its start."""
    free = [float("-inf")] * lanes
    out = []
    for start in starts:
        lane = min(range(lanes), key=lambda i: (max(start, free[i]), i))
        at = max(start, free[lane])
        free[lane] = at + size
        out.append((lane, at))
    return out


@QmlNamedElement("Novokuznetsk")
@QmlSingleton
class Novokuznetsk(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """QML's singleton `Novokuznetsk`. `load(repository)` on every database switch, `reset()` on idle."""

    changed = Signal()
    countedChanged = Signal()

    @staticmethod
    def create(engine):  # QML's singleton `Novokuznetsk`: the instance the app provided
        return instance_for(engine, Novokuznetsk)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._section: Any = None  # the Section, from the first load()
        self._expected = False  # what `available` says before that (expect())
        self._city_id = 0
        self._counted: set[str] = set()
        self._lanes: dict[str, int] = {}
        self._tall_length = 0.0
        self._images: dict[str, dict[str, list[ImageRecord]]] = {}  # kind → item id → its images (owner_images)
        self._retired = Retired()  # the previous database's records
        self._chapters: list[NkChapterRecord] = []
        self._seeds: list[NkSeedRecord] = []
        self._questions: list[NkQuestionRecord] = []
        self._corrections: list[NkCorrectionRecord] = []
        self._events: list[NkEventRecord] = []
        self._figures: list[NkFigureRecord] = []
        self._people: list[NkPersonRecord] = []
        self._honours: list[NkHonourRecord] = []
        self._build()

    # -- lifecycle
    def expect(self, repository) -> None:
        """Whether the repository has a section, before load() makes it (home's tile, before the first frame)."""
        expected = bool(repository is not None and repository.has_section())  # (a Repository: the app's)
        if expected != self._expected and self._section is None:
            self._expected = expected
            self.changed.emit()

    def load(self, repository) -> None:
        if repository is not None and hasattr(repository, "section"):
            section = repository.section()
        else:
            from kiosk.data.novokuznetsk.records import Section

            section = Section()
        self._section = section
        cities = repository.cities() if repository is not None and hasattr(repository, "cities") else ()
        self._city_id = next((c.id for c in cities if c.name == CITY_NAME), 0)
        self._counted = {c for c in self._counted if any(f.id == c for f in section.figures)}
        self._retired.retire(r for by_item in self._images.values() for rs in by_item.values() for r in rs)
        self._images = (
            {kind: owner_images(repository, f"nk_{kind}", self) for kind in IMAGE_KINDS}
            if repository is not None
            else {}
        )
        self._build()
        self.changed.emit()

    @Slot()
    def reset(self) -> None:
        """Idle: the next visitor sees every figure count up again."""
        if self._counted:
            self._counted.clear()
            self.countedChanged.emit()

    # -- what QML binds to
    def _build(self) -> None:
        s = self._section if self._section is not None else _NOTHING_YET
        self._seeds_by_file = {d.file: d for d in s.seeds}
        en = s.labels_en  # the exhibition's English headings ("kind:id" → text); English mode shows them
        # The previous database's records: kept one load longer (Retired), with its images (load()).
        self._retired.retire(
            [
                *self._chapters,
                *self._seeds,
                *self._questions,
                *self._corrections,
                *self._events,
                *self._figures,
                *self._people,
                *self._honours,
            ],
            keep_held=True,
        )
        self._chapters = [
            NkChapterRecord(
                SectionChapter(
                    c.id,
                    c.title,
                    c.lead,
                    len(c.paragraphs),
                    en.get(f"chapter:{c.id}", ""),
                    s.summaries_en.get(c.id, ""),
                ),
                self,
            )
            for c in s.chapters
        ]
        spans: list[tuple[float, float]] = []
        events: list[TimelineEvent] = []
        for e in s.events:
            start = strip_position(year_fraction(e.date))
            end = strip_position(year_fraction(e.end or e.date, at_end=True))
            spans.append((start, end))
            label_en = en.get(f"event:{e.id}", "")
            events.append(TimelineEvent(e.id, e.title, label_en, e.precision, e.date, e.end, e.when, start, end))
        # Cards: one per event at its start; bars: the event's extent (day, month, year or span) in a gutter.
        lanes = assign_lanes([(a, a + CARD_WIDE) for a, _ in spans])
        tall = pack([a for a, _ in spans], CARD_TALL, TALL_LANES)
        bars = assign_lanes(spans, gap=8)
        events = [
            replace(ev, lane=lane, lane_tall=lane_tall, tall_at=tall_at, bar=bar)
            for ev, lane, (lane_tall, tall_at), bar in zip(events, lanes, tall, bars, strict=True)
        ]
        self._lanes = {
            "lane": 1 + max((ev.lane for ev in events), default=0),
            "laneTall": 1 + max((ev.lane_tall for ev in events), default=0),
            "bar": 1 + max((ev.bar for ev in events), default=0),
        }
        self._tall_length = max([strip_length(), *(ev.tall_at + CARD_TALL for ev in events)])
        self._events = [NkEventRecord(ev, self) for ev in events]
        self._figures = [
            NkFigureRecord(
                SectionFigure(
                    f.id,
                    f.value,
                    f.value_text,
                    f.unit,
                    f.label,
                    en.get(f"figure:{f.id}", ""),
                    f.countable,
                    **split_number(f.value_text),
                ),
                self,
            )
            for f in s.figures
        ]
        self._people = [
            NkPersonRecord(SectionPerson(p.id, p.name, p.role, p.when, en.get(f"person:{p.id}", "")), self)
            for p in s.people
        ]
        awards = [
            SectionHonour(
                a.id,
                False,
                a.title,
                en.get(f"award:{a.id}", ""),
                a.date,
                " · ".join(x for x in (a.recipient, a.by) if x),
            )
            for a in s.awards
        ]
        units = [SectionHonour(u.id, True, u.name, en.get(f"unit:{u.id}", ""), "", u.kind) for u in s.units]
        self._award_count = len(awards)
        self._honours = [NkHonourRecord(h, self) for h in awards + units]
        self._seeds = [
            NkSeedRecord(
                SectionSeed(
                    d.id,
                    d.file,
                    d.title,
                    d.kind,
                    d.taken,
                    d.title_en,
                    d.kind_en,
                    d.taken_en,
                    sum(
                        1
                        for kind in (s.events, s.figures, s.people, s.awards, s.units)
                        for item in kind
                        if any(q.seed == d.file for q in item.sources)
                    )
                    + sum(1 for c in s.chapters for p in c.paragraphs if p.sources and p.sources[0].seed == d.file),
                ),
                self,
            )
            for d in s.seeds
            if d.shown  # 002, the machine translation, is for editors only: visitors see neither it nor its name
        ]
        # Visitors see the exhibit, editors the workshop (`kiosk-db report`): a question is its topic and which
        # document's reading is shown, not the editors' note (the machine translation, what still needs checking);
        # a correction that only joins a broken line changes nothing a visitor could see. A question resting on a
        # reading of a document visitors never see (002) retells it: editors only (kiosk-db report lists it).
        titles = {d.file: d.title for d in s.seeds if d.shown}
        self._questions = [
            NkQuestionRecord(SectionQuestion(q.id, q.topic, titles.get(q.shown, "")), self)
            for q in s.questions
            if all(r.seed in titles for r in q.sources)
        ]
        self._corrections = [
            NkCorrectionRecord(SectionCorrection(" ".join(k.original.split()), k.corrected, k.note), self)
            for k in s.corrections
            if k.seed in titles and " ".join(k.original.split()) != " ".join(k.corrected.split())
        ]
        years = list(range(TIMELINE_FIRST, TIMELINE_LAST))
        if not getattr(self, "_marks", None):  # the same for every database: made once
            self._marks = [
                NkYearMarkRecord(
                    YearMark(
                        y,
                        strip_position(y),
                        y <= WAR_END or y % 10 == 0,
                        y <= WAR_END - 1 or y % 10 == 0 or y == TIMELINE_LAST - 1,
                    ),
                    self,
                )
                for y in years
                if y < WAR_END or y % 5 == 0 or y == TIMELINE_LAST - 1
            ]

    @Property(bool, notify=changed)
    def available(self) -> bool:
        return bool(self._section) if self._section is not None else self._expected

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def chapters(self) -> list:
        return self._chapters

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def events(self) -> list[NkEventRecord]:
        """The timeline, typed (QML: list<NkEventRecord>)."""
        return self._events

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def figures(self) -> list[NkFigureRecord]:
        return self._figures

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def people(self) -> list[NkPersonRecord]:
        return self._people

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def honours(self) -> list[NkHonourRecord]:
        """The awards and titles, then the military units (QML: list<NkHonourRecord>)."""
        return self._honours

    @Property(int, notify=changed)
    def awardCount(self) -> int:
        """How many of `honours` are awards: the units follow them."""
        return self._award_count

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def seeds(self) -> list:
        return self._seeds

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def questions(self) -> list:
        return self._questions

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def corrections(self) -> list:
        return self._corrections

    @Property(int, notify=changed)
    def cityId(self) -> int:
        """The section's city in the list (its card links here); 0 when the list has none."""
        return self._city_id

    @Property(float, notify=changed)
    def stripLengthTall(self) -> float:
        """The vertical strip's length: the last card may sit below the strip's end."""
        return self._tall_length

    @Property(float, notify=changed)
    def scaleBreak(self) -> float:
        """Where the strip changes from the wide war years to the narrow decades after."""
        return strip_position(WAR_END)

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def yearMarks(self) -> list[NkYearMarkRecord]:
        return self._marks

    @Property("QVariantMap", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def laneCounts(self) -> dict:
        """How many card lanes (wide/tall strip) and bar lanes the timeline needs, and the cards' sizes."""
        return {**self._lanes, "cardWide": CARD_WIDE, "cardTall": CARD_TALL}

    @Property(float, notify=changed)
    def stripLength(self) -> float:
        return strip_length()

    def _item(self, ref: str):
        if self._section is None:
            raise KeyError(ref)
        return self._section.item(ref)

    def chapter(self, chapter_id: str, code: str = "") -> ChapterPage | None:
        """A chapter as its page shows it (NkChapterPageRecord); None for an unknown id. Its chips' dates in
        `code`'s language, else in the current one."""
        try:
            c = self._item(f"chapter:{chapter_id}")
        except KeyError:
            return None
        en = self._section.labels_en if self._section else {}
        paragraphs = tuple(
            ChapterParagraph(
                f"paragraph:{p.id}",
                typeset(p.text),
                tuple(chip for chip in (self._ref_chip(ref, code) for ref in p.refs) if chip),
            )
            for p in (c.paragraphs[i] for i in without_repeats([p.text for p in c.paragraphs]))
        )
        return ChapterPage(
            c.id,
            c.title,
            c.lead,
            en.get(f"chapter:{c.id}", ""),
            self._section.summaries_en.get(c.id, "") if self._section else "",
            tuple(self._images_of("chapter", c.id)),
            paragraphs,
        )

    def _images_of(self, kind: str, item_id: str) -> list[ImageRecord]:
        """An item's images for the gallery and viewer ([] for kinds that cannot have any)."""
        return self._images.get(kind, {}).get(item_id, [])

    def _ref_chip(self, ref: str, code: str = "") -> RefChip | None:
        item = self.card(ref, code)
        return RefChip(ref, item.kind, item.chip) if item else None

    @Slot(str, str, str, str, result=str)
    def dateText(self, date: str, end: str, when: str, code: str) -> str:
        """A date in the visitor's language; QML passes Language.code so the label follows a switch in place."""
        return date_label(date, end, when, code)

    @Slot(str, str, result=str)
    def numberText(self, value_text: str, code: str) -> str:
        """A figure's stored value in the visitor's number format (see number_text)."""
        return number_text(value_text, code)

    def card(self, ref: str, code: str = "") -> ItemCard | None:
        """One item as its card shows it (NkItemRecord); None for an unknown ref. Dates and numbers in
        `code`'s language, else in the current one."""
        code = code or visitor_code()
        try:
            it = self._item(ref)
        except KeyError:
            return None
        kind = ref.split(":", 1)[0]
        text = typeset(getattr(it, "text", ""))
        base = {
            "ref": ref,
            "kind": kind,
            "kind_label": _kind_label(kind),
            "label_en": self._section.labels_en.get(ref, ""),  # the exhibition's English heading, if any
            "images": tuple(self._images_of(kind, getattr(it, "id", ""))),
        }
        if kind in ("figure", "event"):  # passages cut from a sentence read as excerpts; none repeats the heading
            title = f"{number_text(it.value_text, code)} {it.unit}" if kind == "figure" else it.title
            excerpt = as_excerpt(text)
            text = "" if repeats(excerpt, title) else excerpt
        if kind == "person":
            return ItemCard(**base, title=it.name, subtitle=it.role, meta=it.when, text=text, chip=it.name)
        if kind == "figure":
            value = f"{number_text(it.value_text, code)} {it.unit}"
            return ItemCard(**base, title=value, subtitle=it.label, text=text, chip=value)
        if kind == "event":
            when = date_label(it.date, it.end, it.when, code)
            return ItemCard(**base, title=it.title, subtitle=when, text=text, chip=f"{when}: {it.title}")
        if kind == "award":
            when = date_label(it.date, code=code)
            meta = " · ".join(x for x in (when, it.by) if x)
            return ItemCard(**base, title=it.title, subtitle=it.recipient, meta=meta, text=text, chip=it.title)
        if kind == "unit":
            return ItemCard(**base, title=it.name, subtitle=it.kind, text=text, chip=it.name)
        if kind == "paragraph":
            return ItemCard(**base, text=text)
        return None

    @Slot(str, result="QVariantList")
    def sources(self, ref: str) -> list:
        """«Источник»: the seed documents and exact passages an item rests on (never a hidden seed's)."""
        try:
            it = self._item(ref)
        except KeyError:
            return []
        out = []
        for q in getattr(it, "sources", ()):
            doc = self._seeds_by_file.get(q.seed)
            if doc is None or not doc.shown:
                continue
            out.append({"file": q.seed, "title": doc.title, "quote": q.quote})
        return out

    # -- the count-up, once per visitor
    @Slot(str, result=bool)
    def counted(self, figure_id: str) -> bool:
        return figure_id in self._counted

    @Slot(str)
    def markCounted(self, figure_id: str) -> None:
        if figure_id not in self._counted:
            self._counted.add(figure_id)
            self.countedChanged.emit()

    @Property(int, notify=countedChanged)
    def countedCount(self) -> int:
        return len(self._counted)
