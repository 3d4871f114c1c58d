"""The attract-mode deck: slides generated from the database, and the order they are shown in.

Plain Python (no Qt), so the rules are unit-tested on their own: a title slide, one slide per city, timeline
events and figures where the database has them, curators' slides (disabled and broken ones never), and
«В этот день» leading the loop on a date whose day and month match an event. A new database brings new slides
with no other work.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kiosk.data.attract import slides as slide_rules

if TYPE_CHECKING:
    from kiosk.data.store.repository import Repository

log = logging.getLogger("kiosk.deck")

# What QML lays out differently; the words visitors read for these kinds live in QML (qsTr).
TITLE, CITY, EVENT, FIGURE, CURATOR = "title", "city", "event", "figure", "curator"


@dataclass(frozen=True, slots=True)
class Slide:
    key: str  # unique in a deck, e.g. "city:12"
    kind: str
    title: str
    text: str = ""
    subtitle: str = ""  # a city's region, a figure's unit
    date: str = ""  # an event's ISO date ("1941-07-26", "1942-10", "1941"): the screen words it in its language
    date_end: str = ""  # …the end of an event that spans a time
    when: str = ""  # …or the source's own words for it («первый месяц войны»)
    year: int = 0  # a city's year of title (badge)
    icons: tuple[str, ...] = ()  # qtawesome names (a city's tags)
    labels: tuple[str, ...] = ()  # the tags' Russian labels, same order as icons
    image: int = 0  # a curator slide's picture: its first image's id in the images table (0 = none)
    lat: float | None = None
    lon: float | None = None
    count: int = 0  # the title slide: number of cities
    city_id: int = 0  # a city slide's city (its place on a locator map)
    today: bool = False  # «В этот день»: this event's day and month are today's
    duration: float = 0.0  # seconds on screen; 0 = the kiosk's slide_duration
    editorial: bool = False  # a city slide whose headline is from the exhibition's own text (a city the list lacks)
    title_en: str = ""  # a curator slide's optional English, shown under the Russian for foreign passers-by
    text_en: str = ""


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """A timeline event as the deck needs it (adapted from the Novokuznetsk section's records)."""

    key: str
    title: str
    text: str = ""
    date: str = ""  # ISO: "1941-07-26", "1942-10", "1941"
    end: str = ""  # the end of a span, ISO
    when: str = ""  # how the source names the time, if it does
    day: dt.date | None = None  # only for events dated to the day: they can be «В этот день»
    year: int = 0


@dataclass(frozen=True, slots=True)
class Figure:
    key: str
    value: str  # e.g. «64»
    unit: str  # «тысячи человек»
    caption: str  # what the number counts, as the source words it


@dataclass(frozen=True, slots=True)
class Deck:
    slides: tuple[Slide, ...]  # every slide of a cycle; the leads are among them
    lead: tuple[int, ...] = ()  # indexes of «В этот день» slides, shown first in every cycle

    def __len__(self) -> int:
        return len(self.slides)


def city_slides(cities: Iterable[Any], tags: Iterable[Any]) -> list[Slide]:
    by_id = {t.id: t for t in tags}
    out = []
    for c in cities:
        known = [by_id[t] for t in c.tags if t in by_id]
        out.append(
            Slide(
                key=f"city:{c.id}",
                kind=CITY,
                city_id=c.id,
                title=c.name,
                text=c.headline,
                subtitle=c.region,
                year=c.year,
                icons=tuple(t.icon for t in known),
                labels=tuple(t.label_ru for t in known),
                lat=c.lat,
                lon=c.lon,
                editorial=c.editorial,
            )
        )
    return out


def curator_slides(
    stored: Iterable[slide_rules.CuratorSlide],
    images_of: Callable[[str, object], Sequence[Any]] = lambda owner_type, owner_id: (),
) -> list[Slide]:
    """Enabled slides that meet the rules; a broken one is skipped (its duration clamped) with a log line."""
    out = []
    for s in stored:
        if not s.enabled:
            continue
        found = dict(slide_rules.problems(s))
        duration_only = set(found) == {"duration"}
        if found and not duration_only:
            log.warning("curator slide %s skipped: %s", s.id, "; ".join(f"{fld}: {why}" for fld, why in found.items()))
            continue
        duration = slide_rules.clamp_duration(s.duration, 0.0)
        if duration_only:
            log.warning(
                "curator slide %s: duration %r clamped to %s",
                s.id,
                s.duration,
                f"{duration:g} s" if duration else "the default",
            )
        pictures = images_of("slide", s.id)
        out.append(
            Slide(
                key=f"curator:{s.id}",
                kind=CURATOR,
                title=s.title,
                text=s.text,
                image=pictures[0].id if pictures else 0,
                duration=duration,
                title_en=s.title_en or "",
                text_en=s.text_en or "",
            )
        )
    return out


def event_slides(events: Iterable[DatedEvent], today: dt.date) -> list[Slide]:
    return [
        Slide(
            key=f"event:{e.key}",
            kind=EVENT,
            title=e.title,
            text=e.text,
            date=e.date,
            date_end=e.end,
            when=e.when,
            year=e.year,
            today=e.day is not None and (e.day.day, e.day.month) == (today.day, today.month),
        )
        for e in events
    ]


def figure_slides(figures: Iterable[Figure]) -> list[Slide]:
    return [Slide(key=f"figure:{f.key}", kind=FIGURE, title=f.value, subtitle=f.unit, text=f.caption) for f in figures]


def section_inputs(repo: Repository) -> tuple[list[DatedEvent], list[Figure]]:
    """The Novokuznetsk section's timeline and figures, where the database has that section."""
    section = repo.section() if callable(getattr(repo, "section", None)) else None
    if not section:
        return [], []
    events = []
    for e in getattr(section, "events", ()):
        day = None
        if getattr(e, "precision", "") == "day":
            try:
                day = dt.date.fromisoformat(e.date)
            except ValueError:
                log.warning("timeline event %s: date %r is not a day; not a «В этот день» candidate", e.id, e.date)
        year = int(e.date[:4]) if e.date[:4].isdigit() else 0
        events.append(DatedEvent(e.id, e.title, e.text, e.date, e.end, e.when, day, year))
    figures = [Figure(f.id, f.value_text, f.unit, f.label) for f in getattr(section, "figures", ())]
    return events, figures


def build_deck(
    repo: Repository,
    today: dt.date,
    *,
    events: Sequence[DatedEvent] | None = None,
    figures: Sequence[Figure] | None = None,
) -> Deck:
    """Every slide the database supports, for a kiosk whose clock says `today`."""
    if events is None or figures is None:
        found_events, found_figures = section_inputs(repo)
        events = found_events if events is None else events
        figures = found_figures if figures is None else figures
    cities = repo.cities()
    slides = [Slide(key="title", kind=TITLE, title="", count=len(cities))]
    slides += city_slides(cities, repo.tags())
    slides += event_slides(events, today)
    slides += figure_slides(figures)
    slides += curator_slides(repo.slides(), getattr(repo, "images_of", lambda owner_type, owner_id: ()))
    lead = tuple(i for i, s in enumerate(slides) if s.today)
    return Deck(tuple(slides), lead)


class SlideOrder:
    """Shuffled without repeats until every slide was shown once, then reshuffled so that no slide shows
    twice in a row; the deck's leads open every cycle. Holds one permutation: memory stays flat for weeks."""

    def __init__(self, deck: Deck, rng: random.Random | None = None) -> None:
        self.deck = deck
        self._rng = rng or random.Random()
        self._cycle: list[int] = []
        self._at = 0
        self._last: int | None = None
        self.cycles = 0  # completed-or-started cycles (tests, benchmark)

    def _new_cycle(self) -> None:
        n = len(self.deck)
        lead = [i for i in self.deck.lead if 0 <= i < n]
        rest = [i for i in range(n) if i not in set(lead)]
        self._rng.shuffle(rest)
        cycle = lead + rest
        if len(cycle) > 1 and cycle[0] == self._last:  # only possible without a lead: swap it away
            swap = self._rng.randrange(1, len(cycle))
            cycle[0], cycle[swap] = cycle[swap], cycle[0]
        self._cycle, self._at = cycle, 0
        self.cycles += 1

    def restart(self) -> None:
        """A new attract session: with a «В этот день» slide, begin a fresh cycle so that it leads."""
        if self.deck.lead or not self._cycle:
            self._new_cycle()

    def next(self) -> Slide | None:
        if not len(self.deck):
            return None
        if self._at >= len(self._cycle):
            self._new_cycle()
        index = self._cycle[self._at]
        self._at += 1
        self._last = index
        return self.deck.slides[index]
