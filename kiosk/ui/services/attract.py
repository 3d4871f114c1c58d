"""Attract mode: left alone on the home screen, the kiosk shows a calm slideshow until someone touches it.

- Starts after `attract_timeout` seconds without any input while the kiosk is at rest on home (the idle
  service's `atRest`), and right after an idle reset («Вы ещё здесь?» ran out). 0 = never.
- The first touch, click, wheel or key only wakes: this service filters the application's events and
  swallows the whole waking gesture (press to release), so nothing under the finger is activated.
- Slides come from kiosk.data.attract.deck, rebuilt at the start of a session when the database or the date changed.
  QML shows two recycled cards, A and B: the back card always holds the next slide before it is needed, and
  a slide change only swaps which card is in front (a crossfade). No QML object is created per slide.
- Quiet hours ("22:00-08:00"): the slideshow gives way to a black screen; a touch still wakes the kiosk.

Exposed to QML as the singleton `Attract`.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton

from kiosk.ui.config import parse_quiet_hours
from kiosk.ui.models.city_images import build_stamp
from kiosk.ui.models.slide_record import SlideRecord
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, instance_for  # noqa: F401 — @QmlNamedElement reads them

if TYPE_CHECKING:  # the deck is built when the slideshow first starts, not at start-up
    from kiosk.data.attract.deck import Deck, Slide, SlideOrder
    from kiosk.data.store.repository import Repository

log = logging.getLogger("kiosk.attract")

CROSSFADE_MS = 900  # within the brief's 600–1200 ms
SWALLOW_MAX_S = 3.0  # a waking gesture whose release never arrives stops being swallowed after this long
_WAKE = frozenset(
    {
        QEvent.Type.TouchBegin,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
        QEvent.Type.TabletPress,
    }
)
_GESTURE_REST = frozenset(
    {  # the rest of a waking gesture, swallowed too
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TouchCancel,
        QEvent.Type.MouseMove,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.KeyRelease,
        QEvent.Type.TabletMove,
        QEvent.Type.TabletRelease,
    }
)
_GESTURE_END = frozenset(
    {
        QEvent.Type.TouchEnd,
        QEvent.Type.TouchCancel,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.KeyRelease,
        QEvent.Type.TabletRelease,
    }
)
_ACTIVITY = _WAKE | _GESTURE_REST


def now() -> dt.datetime:
    """The kiosk's clock (tests replace this function to fix the date)."""
    return dt.datetime.now()


def in_quiet_hours(now: dt.time, hours: tuple[dt.time, dt.time] | None) -> bool:
    if hours is None:
        return False
    start, end = hours
    return start <= now < end if start < end else (now >= start or now < end)  # across midnight


@QmlNamedElement("Attract")
@QmlSingleton
class AttractService(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """QML's singleton `Attract` (see the module docstring)."""

    activeChanged = Signal()
    quietChanged = Signal()
    frontChanged = Signal()
    slideShown = Signal(str)  # the key of the slide now in front (tests, benchmark)

    @staticmethod
    def create(engine):  # QML's singleton `Attract`: the instance the app provided
        return instance_for(engine, AttractService)

    def __init__(
        self,
        timeout: float,
        slide_seconds: float,
        quiet_hours: str = "",
        *,
        repository: Callable[[], Repository | None],
        at_rest: Callable[[], bool],
        before_session: Callable[[], None] | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        rng: random.Random | None = None,
        crossfade_ms: int = CROSSFADE_MS,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._timeout_ms = int(timeout * 1000)
        self._slide_ms = max(50, int(slide_seconds * 1000))
        self._quiet_hours = parse_quiet_hours(quiet_hours)
        self._repository, self._at_rest, self._before_session = repository, at_rest, before_session
        self._clock = clock or (lambda: now())  # looked up at each call, so a test can fix it
        self._rng = rng or random.Random()
        self._active = self._quiet = self._swallowing = False
        self._swallow_until = 0.0
        self._front = 0
        self._cards = (SlideRecord(self), SlideRecord(self))  # refilled slide by slide, never recreated
        self._order: SlideOrder | None = None
        self._deck_source: tuple[object, dt.date] | None = None  # (repository, date) the deck is for
        self._stamp = ""
        self._next_ms = self._slide_ms
        self._crossfade_ms = min(crossfade_ms, self._slide_ms // 2)
        self._wait = QTimer(self)  # no input for `timeout` on home → start
        self._wait.setSingleShot(True)
        self._wait.timeout.connect(self._on_wait)
        self._advance = QTimer(self)  # one slide's time
        self._advance.setSingleShot(True)
        self._advance.timeout.connect(self.advance)
        self._prepare = QTimer(self)  # after a crossfade: load the following slide into the hidden card
        self._prepare.setSingleShot(True)
        self._prepare.timeout.connect(self._prepare_back)
        self.poke()

    # -- QML-facing state
    @Property(bool, notify=activeChanged)
    def active(self) -> bool:
        return self._active

    @Property(bool, notify=quietChanged)
    def quiet(self) -> bool:
        return self._quiet

    @Property(int, notify=frontChanged)
    def front(self) -> int:
        return self._front

    @Property(SlideRecord, constant=True)
    def slideA(self) -> SlideRecord:
        return self._cards[0]

    @Property(SlideRecord, constant=True)
    def slideB(self) -> SlideRecord:
        return self._cards[1]

    @Property(int, constant=True)
    def crossfadeMs(self) -> int:
        return self._crossfade_ms

    @Property(int, notify=frontChanged)
    def slideMs(self) -> int:
        """How long the slide in front stays: QML paces its slow pan/zoom to it."""
        return self._next_ms

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    @property
    def order(self) -> SlideOrder | None:
        return self._order

    # -- input
    def eventFilter(self, obj, event):
        kind = event.type()
        if kind not in _ACTIVITY:
            return False
        if self._swallowing and time.monotonic() > self._swallow_until:
            self._swallowing = False  # a lost release must never leave the kiosk deaf
        if self._swallowing:  # the rest of the gesture that woke us belongs to nobody
            if kind in _GESTURE_END and self._gesture_over(event):
                self._swallowing = False
            return kind in _GESTURE_REST or kind in _WAKE
        if self._active and kind in _WAKE:
            self._swallowing = kind not in (QEvent.Type.Wheel, QEvent.Type.MouseButtonDblClick)
            self._swallow_until = time.monotonic() + SWALLOW_MAX_S
            self.stop("woken by input")
            return True
        self.poke()
        return False

    @staticmethod
    def _gesture_over(event) -> bool:
        points = getattr(event, "points", None)
        if callable(points) and event.type() == QEvent.Type.TouchEnd:
            from PySide6.QtGui import QEventPoint

            return all(p.state() == QEventPoint.State.Released for p in points())
        return True

    @Slot()
    def poke(self) -> None:
        """Input somewhere: the wait for attract starts again."""
        if self._timeout_ms > 0 and not self._active:
            self._wait.start(self._timeout_ms)

    def _on_wait(self) -> None:
        if self._at_rest():
            self.start()
        # elsewhere the idle service asks «Вы ещё здесь?»; its reset calls after_idle_reset()

    @Slot()
    def after_idle_reset(self) -> None:
        """The idle countdown ran out and the kiosk went home: nobody is here, start at once."""
        if self._timeout_ms > 0:
            self.start()

    # -- the session
    @Slot()
    def start(self) -> None:
        if self._active:
            return
        if self._before_session is not None:
            try:
                self._before_session()  # e.g. switch to a new database file between visits
            except Exception:  # a failed switch keeps the old data; attract still runs
                log.exception("switching the database before attract failed")
        if not self._ensure_deck():
            return
        assert self._order is not None  # made by _ensure_deck
        self._wait.stop()
        self._order.restart()
        self._set_quiet(self._quiet_now())
        self._load(self._front, self._order.next())
        self._load(1 - self._front, self._order.next())
        self._active = True
        log.info("attract starts (%d slides%s)", len(self._order.deck), ", quiet hours" if self._quiet else "")
        self.activeChanged.emit()
        self.slideShown.emit(self._cards[self._front].key)
        self._advance.start(self._next_ms)

    def stop(self, why: str = "stopped") -> None:
        self._advance.stop()
        self._prepare.stop()
        if self._active:
            self._active = False
            log.info("attract ends: %s", why)
            self.activeChanged.emit()
        self.poke()

    @Slot()
    def wake(self) -> None:
        """QML's safety net (its overlay takes any input that slipped past the event filter)."""
        self.stop("woken")

    @Slot()
    def advance(self) -> None:
        """Bring the prepared card to the front; the hidden one gets the following slide after the fade."""
        if not self._active:
            return
        quiet = self._quiet_now()
        self._set_quiet(quiet)
        if self._prepare.isActive():  # slides shorter than a crossfade: the hidden card is filled first
            self._prepare.stop()
            self._prepare_back()
        if not quiet:
            self._front = 1 - self._front
            self._next_ms = self._duration_of(self._cards[self._front])
            self.frontChanged.emit()
            self.slideShown.emit(self._cards[self._front].key)
            self._prepare.start(self._crossfade_ms + 50)
        self._advance.start(self._next_ms)

    def preview(self, kind: str) -> bool:
        """Self-test and benchmark: the slideshow held still on the first slide of this kind, in both cards (so
        two samples show the same content); False when the deck has none."""
        if not self._ensure_deck():
            return False
        assert self._order is not None  # made by _ensure_deck
        slide = next((s for s in self._order.deck.slides if s.kind == kind), None)
        if slide is None:
            return False
        if not self._active:
            self.start()
        self._advance.stop()
        self._prepare.stop()
        self._set_quiet(False)
        self._load(1 - self._front, slide)
        self._load(self._front, slide)
        return True

    def _prepare_back(self) -> None:
        if self._active and self._order is not None:
            self._load(1 - self._front, self._order.next())

    def _load(self, card: int, slide: Slide | None) -> None:
        # The build stamp in the source: a replaced database never shows a cached picture of the old one.
        picture = f"image://dbimage/{slide.image}?{self._stamp}" if slide is not None and slide.image else ""
        self._cards[card].show(slide, picture)
        if card == self._front:
            self._next_ms = self._duration_of(self._cards[card])

    def _duration_of(self, card: SlideRecord) -> int:
        seconds = card.duration
        return max(self._crossfade_ms + 100, int(seconds * 1000)) if seconds else self._slide_ms

    def _ensure_deck(self) -> bool:
        repo = self._repository()
        if repo is None:
            return False
        today = self._clock().date()
        source = (repo, today)
        if self._deck_source is None or self._deck_source[0] is not repo or self._deck_source[1] != today:
            try:
                from kiosk.data.attract.deck import SlideOrder, build_deck

                deck: Deck = build_deck(repo, today)
            except Exception:  # no slideshow is better than a crash; home stays
                log.exception("cannot build the attract deck")
                return False
            self._order = SlideOrder(deck, self._rng)
            self._deck_source = source
            self._stamp = build_stamp(repo)
            log.info("attract deck: %d slides, %d leading «В этот день»", len(deck), len(deck.lead))
        return self._order is not None and len(self._order.deck) > 0

    def _quiet_now(self) -> bool:
        return in_quiet_hours(self._clock().time(), self._quiet_hours)

    def _set_quiet(self, value: bool) -> None:
        if value != self._quiet:
            self._quiet = value
            log.info("attract: quiet hours %s", "begin, black screen" if value else "end")
            self.quietChanged.emit()

    def shutdown(self) -> None:
        """Stop every timer (the app calls this on exit)."""
        for timer in (self._wait, self._advance, self._prepare):
            timer.stop()
        self._active = False
