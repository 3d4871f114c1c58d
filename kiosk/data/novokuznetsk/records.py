"""Typed records of the Novokuznetsk section (db/sources/novokuznetsk). No Qt, no SQL here.

Every item rests on at least one exact passage of a seed document (a Quote); what visitors read (`text`) is
that passage with the recorded seed corrections applied, so the quote itself never changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Kinds of item a quote, a reference or a «Источник» card can point at.
KINDS = ("paragraph", "event", "figure", "person", "award", "unit", "question")
# What a date string like "1941", "1942-10" or "1942-01-29" says, and what a date with an end is.
PRECISIONS = ("day", "month", "year", "span")


@dataclass(frozen=True, slots=True)
class Quote:
    seed: str  # the seed file's name, e.g. "001_610aeaf4860869c5.txt"
    quote: str  # an exact passage of that file


@dataclass(frozen=True, slots=True)
class SeedDoc:
    id: str  # "000", the file name's prefix
    file: str
    title: str
    kind: str  # what the document is
    shown: bool  # False for 002: its sentences are never shown
    taken: str  # what the section took from it
    text: str = field(default="", repr=False)  # the whole document, to check quotes against; never shown
    # the sources page in English mode: the exhibition's English for the three lines above (editorial)
    title_en: str = ""
    kind_en: str = ""
    taken_en: str = ""


@dataclass(frozen=True, slots=True)
class Paragraph:
    id: str  # "<chapter>#<n>", n from 1
    text: str
    refs: tuple[str, ...]  # "figure:pig-iron", "person:chalkov", "event:…", "award:…", "unit:…"
    sources: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Chapter:
    id: str
    title: str
    lead: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: str  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    end: str  # same forms, "" when the event is a point
    precision: str  # one of PRECISIONS
    when: str  # how the seed names the date when it is not a number («первый месяц войны»), else ""
    title: str
    text: str
    sources: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Figure:
    id: str
    value: float  # what the count-up runs to
    value_text: str  # how the number is shown when it has arrived («6 173,4», «¼»)
    unit: str
    label: str
    countable: bool  # False for shares like «¼»: shown, not counted
    text: str
    sources: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str  # as the seed spells it
    role: str
    when: str
    text: str  # the story, from the seed
    sources: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Award:
    id: str
    title: str
    recipient: str
    date: str  # as Event.date, "" when the seed gives none
    by: str  # the decree or order, "" when the seed does not say
    text: str  # the wording, from the seed
    sources: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    name: str
    kind: str
    text: str
    sources: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class SeedCorrection:
    """An error in a seed: the quote keeps `original`, visitors read `corrected`."""

    id: int
    seed: str  # file name
    original: str
    corrected: str
    note: str


@dataclass(frozen=True, slots=True)
class SectionQuestion:
    """Where the seeds disagree: every reading quoted, the one shown named, for the editor to settle."""

    id: str
    topic: str
    note: str
    shown: str  # the seed file whose reading is shown, "" when none is
    sources: tuple[Quote, ...]  # the readings


@dataclass(frozen=True, slots=True)
class Section:
    seeds: tuple[SeedDoc, ...] = ()
    chapters: tuple[Chapter, ...] = ()
    events: tuple[Event, ...] = ()  # in date order
    figures: tuple[Figure, ...] = ()
    people: tuple[Person, ...] = ()
    awards: tuple[Award, ...] = ()
    units: tuple[Unit, ...] = ()
    corrections: tuple[SeedCorrection, ...] = ()
    questions: tuple[SectionQuestion, ...] = ()
    # "kind:id" → the English heading curators gave an item (label_en columns); the English mode shows it
    labels_en: dict[str, str] = field(default_factory=dict, compare=False)
    # chapter id → the exhibition's short English summary of the chapter (editorial, from its quoted passages)
    summaries_en: dict[str, str] = field(default_factory=dict, compare=False)
    _index: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        index = self._index
        for kind, items in (
            ("event", self.events),
            ("figure", self.figures),
            ("person", self.people),
            ("award", self.awards),
            ("unit", self.units),
            ("question", self.questions),
        ):
            for item in items:
                index[f"{kind}:{item.id}"] = item
        for chapter in self.chapters:
            index[f"chapter:{chapter.id}"] = chapter
            for p in chapter.paragraphs:
                index[f"paragraph:{p.id}"] = p

    def __bool__(self) -> bool:
        return bool(self.chapters or self.events or self.figures)

    def item(self, ref: str) -> Any:
        """The item a reference like "person:chalkov" names; KeyError when there is none."""
        return self._index[ref]

    def seed(self, file: str) -> SeedDoc | None:
        return next((s for s in self.seeds if s.file == file), None)


def precision_of(date: str, end: str) -> str:
    """day / month / year from how much of the date is written; span when there is an end."""
    if end:
        return "span"
    return {10: "day", 7: "month", 4: "year"}.get(len(date), "")
