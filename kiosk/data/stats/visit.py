"""One visit, as counts and ids only: what a visitor opened and for how long, never what they typed.

A `Visit` is built by `VisitBuilder` while the visitor is there (the Qt recorder feeds it) and written when
the visit ends. Lengths come from a monotonic clock, so a clock set back, set forward or a PC that booted in
1970 never makes a visit negative or a year long; the start's day and hour come from the wall clock (local
time), read once at the first touch.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

MAX_VISIT_S = 3 * 3600  # a visit longer than this is a kiosk left on a screen, not a visitor: counted as this
# Ids and event kinds: content ids ("cities", "chapter:war", "12"), never free text. Anything else is refused.
_ID = re.compile(r"^[A-Za-z0-9_:.\-]{1,64}$")
_KIND = re.compile(r"^[a-z][a-z_]{0,23}$")


def is_id(text: str) -> bool:
    return bool(_ID.match(text))


def is_kind(text: str) -> bool:
    return bool(_KIND.match(text))


@dataclass
class Visit:
    """What one visit did. `cities` maps a city's name to [opens, seconds read]; the other maps count opens."""

    day: str  # local date of the first touch, ISO (YYYY-MM-DD)
    hour: int  # local hour of the first touch, 0–23
    seconds: int = 0
    from_slideshow: bool = False
    english: bool = False  # the visitor switched to English at some point
    large_text: bool = False  # «Aa» was on at some point
    searches: int = 0
    searches_empty: int = 0  # searches whose last query found nothing
    screens: Counter[str] = field(default_factory=Counter)  # "cities", "city", "map", "nk_home", "nk_chapter"…
    cities: dict[str, list[int]] = field(default_factory=dict)
    chapters: Counter[str] = field(default_factory=Counter)  # the section's chapters by id
    cards: Counter[str] = field(default_factory=Counter)  # the section's cards (people, figures) by ref
    events: Counter[str] = field(default_factory=Counter)  # other features' record(kind): "speech", "quiz"…

    @property
    def opened_city(self) -> bool:
        return bool(self.cities)

    @property
    def opened_section(self) -> bool:
        return any(name.startswith("nk_") for name in self.screens)

    @property
    def used_map(self) -> bool:
        return "map" in self.screens


class VisitBuilder:
    """Collects one visit. `monotonic` measures lengths; `wall` (local time) only names the start's day and hour."""

    def __init__(
        self,
        *,
        from_slideshow: bool = False,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], dt.datetime] = dt.datetime.now,
    ):
        self._mono = monotonic
        start = wall()
        self.visit = Visit(day=start.date().isoformat(), hour=start.hour, from_slideshow=from_slideshow)
        self._t0 = monotonic()
        self._reading: tuple[str, float] | None = None  # the city on screen and since when
        self._searching = False
        self._last_found = True

    def _elapsed(self, since: float) -> float:
        return max(0.0, self._mono() - since)  # a monotonic clock never runs back; max() for a faulty one

    # -- what the recorder reports
    def screen(self, name: str, city: str = "") -> None:
        """A screen came on top; `city` names the city it shows (city page), if any."""
        self._stop_reading()
        if is_id(name) and name != "home":  # home is where every visit starts and ends, not something opened
            self.visit.screens[name] += 1
        if city:
            entry = self.visit.cities.setdefault(city, [0, 0])
            entry[0] += 1
            self._reading = (city, self._mono())

    def chapter(self, chapter_id: str) -> None:
        if is_id(chapter_id):
            self.visit.chapters[chapter_id] += 1

    def card(self, ref: str) -> None:
        if is_id(ref):
            self.visit.cards[ref] += 1

    def event(self, kind: str) -> None:
        if is_kind(kind):
            self.visit.events[kind] += 1

    def language(self, code: str) -> None:
        if code == "en":
            self.visit.english = True

    def large_text(self, on: bool) -> None:
        if on:
            self.visit.large_text = True

    def search(self, active: bool, found: bool) -> None:
        """The query is non-empty (`active`) and finds something (`found`). A search is one stretch of typing
        from an empty field until it is emptied again or the visit ends; it found nothing when its last query
        did. The query itself never reaches this object."""
        if active and not self._searching:
            self.visit.searches += 1
        if not active and self._searching and not self._last_found:
            self.visit.searches_empty += 1
        self._searching = active
        self._last_found = found if active else True

    def _stop_reading(self) -> None:
        if self._reading is not None:
            city, since = self._reading
            self.visit.cities[city][1] += round(self._elapsed(since))
            self._reading = None

    def finish(self, idle_s: float = 0.0) -> Visit:
        """The visit is over; `idle_s` (the idle timeout and question nobody answered) is not counted in it."""
        self.search(False, True)
        if self._reading is not None:
            city, since = self._reading
            self.visit.cities[city][1] += round(max(0.0, self._elapsed(since) - idle_s))
            self._reading = None
        self.visit.seconds = min(MAX_VISIT_S, round(max(0.0, self._elapsed(self._t0) - idle_s)))
        for entry in self.visit.cities.values():
            entry[1] = min(entry[1], self.visit.seconds)
        return self.visit
