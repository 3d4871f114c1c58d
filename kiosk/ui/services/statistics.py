"""The statistics recorder: what visitors do, as counts, written to the kiosk's own statistics file.

A visit starts at the first touch after rest (leaving home, or waking the slideshow, or changing language or
«Aa» on home) and ends at the idle reset (the question ran out, or the quiet reset after «На главную») or when
the slideshow starts. The recorder listens to the services and the screen stack; the per-visit bookkeeping is
plain Python (kiosk.data.stats.visit), and the file is written on a thread of its own (kiosk.data.stats.store),
so the GUI thread spends a few microseconds per event. Nothing typed is recorded: a search is counted, and
whether it found anything, never its letters.

Other features report through `record(kind)` (Python) or `Statistics.record(kind, key)` (QML): "card" with a
section card's ref is counted by ref; any other kind (e.g. "speech", "quiz") is counted per visit by kind only,
so a key can never carry free text into the file.

Exposed to QML as the singleton `Statistics` (the admin panel's glance: today, this week, top cities).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton

from kiosk.data.stats.visit import VisitBuilder
from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, instance_for  # noqa: F401 — @QmlNamedElement reads them
import contextlib

if TYPE_CHECKING:  # made on first use, after the first frame
    from kiosk.data.stats.store import StatsWriter

log = logging.getLogger("kiosk.statistics")

_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


def now() -> dt.datetime:
    """The kiosk's wall clock, local time (tests replace this function to walk through a week)."""
    return dt.datetime.now()


def monotonic() -> float:
    """What visit lengths are measured with (tests replace this function)."""
    return time.monotonic()


def screen_key(object_name: str) -> str:
    """ "nkChapterScreen" → "nk_chapter"; "homeScreen" → "home"."""
    return _CAMEL.sub("_", object_name.removesuffix("Screen")).lower()


@QmlNamedElement("Statistics")
@QmlSingleton
class StatisticsRecorder(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """QML's singleton `Statistics` (see the module docstring)."""

    glanceChanged = Signal()
    _glanceArrived = Signal(object)  # from the writer's thread; queued to the GUI thread
    visitEnded = Signal()  # tests, benchmark

    @staticmethod
    def create(engine):  # QML's singleton `Statistics`: the instance the app provided
        return instance_for(engine, StatisticsRecorder)

    def __init__(
        self,
        path: Path | None,
        *,
        idle_timeout: float = 0.0,
        idle_countdown: float = 0.0,
        attract_timeout: float = 0.0,
        city_name: Callable[[int], str] = lambda _id: "",
        city_names: Callable[[], Iterable[str]] = lambda: (),
        clock: Callable[[], float] | None = None,
        wall: Callable[[], dt.datetime] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._idle_s, self._countdown_s, self._attract_s = idle_timeout, idle_countdown, attract_timeout
        self._city_name, self._city_names = city_name, city_names
        # Looked up at each call, so a test can replace the module's functions.
        self._mono = clock or (lambda: monotonic())
        self._wall = wall or (lambda: now())
        self._visit: VisitBuilder | None = None
        self._asked_at: float | None = None  # when «Вы ещё здесь?» appeared in this visit
        self._stack = None
        self._page = None  # the city page on top, followed while the visitor moves between cities on it
        self._glance: tuple[int, int, list[tuple[str, int]]] = (0, 0, [])
        self._path = path
        # Made at the first visit's end or glance: nothing of it before the first frame.
        self._writer: StatsWriter | None = None
        self._glanceArrived.connect(self._set_glance)
        if path is None:
            log.info("statistics off (statistics = false in the config)")

    @property
    def enabled(self) -> bool:
        return self._path is not None

    @property
    def writer(self) -> StatsWriter | None:
        """The file's writer thread (kiosk.data.stats.store), started on first use; None when recording is off."""
        if self._writer is None and self._path is not None:
            from kiosk.data.stats.store import StatsWriter

            self._writer = StatsWriter(self._path, wall=lambda: self._wall(), on_glance=self._glanceArrived.emit)
        return self._writer

    # -- wiring (the app calls these once)
    def watch(self, *, idle, attract, catalog, language, stack) -> None:
        if not self.enabled:
            return
        idle.atRestChanged.connect(lambda: None if idle.property("atRest") else self._begin())
        idle.askingChanged.connect(lambda: self._on_asking(bool(idle.property("asking"))))
        idle.resetRequested.connect(self._on_idle_reset)
        attract.activeChanged.connect(lambda: self._on_attract(bool(attract.property("active"))))
        catalog.resultsChanged.connect(
            lambda: self._on_results(bool(catalog.property("query").strip()), catalog.property("count") > 0)
        )
        language.languageChanged.connect(lambda: self._on_language(language.property("code")))
        language.largeChanged.connect(lambda: self._on_large(bool(language.property("large"))))
        self._stack = stack
        stack.currentItemChanged.connect(self._on_screen)

    # -- the hook for other features
    @Slot(str)
    @Slot(str, str)
    def record(self, kind: str, key: str = "") -> None:
        """Count `kind` in this visit ("card" counts `key`, a section card's ref; other kinds are counted by
        kind only)."""
        visit = self._current()
        if visit is None:
            return
        if kind == "card":
            visit.card(key)
        else:
            visit.event(kind)

    # -- the glance for the admin panel
    @Slot()
    def refresh(self) -> None:
        """Read today's and this week's figures again (the admin panel opens); they arrive as glanceChanged."""
        if self.writer is not None:
            self.writer.glance()

    def _set_glance(self, glance) -> None:
        if glance != self._glance:
            self._glance = glance
            self.glanceChanged.emit()

    @Property(bool, constant=True)
    def recording(self) -> bool:
        return self.enabled

    @Property(int, notify=glanceChanged)
    def todayVisits(self) -> int:
        return self._glance[0]

    @Property(int, notify=glanceChanged)
    def weekVisits(self) -> int:
        return self._glance[1]

    @Property("QStringList", notify=glanceChanged)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def topCities(self) -> list[str]:
        return [name for name, _n in self._glance[2]]

    @Property("QVariantList", notify=glanceChanged)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def topCityOpens(self) -> list[int]:
        return [n for _name, n in self._glance[2]]

    # -- a visit's life
    def _current(self) -> VisitBuilder | None:
        """The open visit; a first touch at rest (language, «Aa», a search on home) opens one."""
        if self._visit is None and self.enabled:
            self._begin()
        return self._visit

    def _begin(self, from_slideshow: bool = False) -> None:
        if self._visit is not None:
            return
        self._visit = VisitBuilder(from_slideshow=from_slideshow, monotonic=self._mono, wall=self._wall)
        self._asked_at = None
        item = self._stack.property("currentItem") if self._stack is not None else None
        if item is not None and screen_key(item.objectName()) != "home":
            self._show(item)  # woken over a screen other than home: it counts as opened

    def _end(self, idle_s: float) -> None:
        visit, self._visit = self._visit, None
        self._follow(None)
        if visit is None:
            return
        done = visit.finish(idle_s)
        writer = self.writer
        if writer is not None:
            writer.add(done, self._city_names())
        self.visitEnded.emit()

    def _on_asking(self, asking: bool) -> None:
        if self._visit is not None:
            self._asked_at = self._mono() if asking else None

    def _on_idle_reset(self) -> None:
        if self._visit is None:
            return
        # The visit ended at its last touch: the idle timeout (and the question, if it ran out) are not in it.
        idle = self._idle_s + (self._mono() - self._asked_at if self._asked_at is not None else 0.0)
        self._end(idle)

    def _on_attract(self, active: bool) -> None:
        if active:
            self._end(self._attract_s)
        else:
            self._begin(from_slideshow=True)

    def _on_results(self, active: bool, found: bool) -> None:
        visit = self._visit if not active else self._current()
        if visit is not None:
            visit.search(active, found)

    def _on_language(self, code: str) -> None:
        if code != "ru" or self._visit is not None:  # the reset back to Russian opens no visit
            visit = self._current()
            if visit is not None:
                visit.language(code)

    def _on_large(self, large: bool) -> None:
        if large:
            visit = self._current()
            if visit is not None:
                visit.large_text(True)

    # -- screens
    def _on_screen(self) -> None:
        if self._visit is None or self._stack is None:
            return
        item = self._stack.property("currentItem")
        if item is not None:
            self._show(item)

    def _show(self, item) -> None:
        assert self._visit is not None
        name = screen_key(item.objectName())
        city = ""
        if name == "city":
            city = self._city_name(int(item.property("currentId") or 0))
        self._visit.screen(name, city)
        if name == "nk_chapter":
            self._visit.chapter(str(item.property("chapterId") or ""))
        self._follow(item if name == "city" else None)

    def _follow(self, page) -> None:
        """A city page lets the visitor move to a neighbouring city in place: each one counts as opened."""
        if self._page is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._page.currentIdChanged.disconnect(self._on_city_moved)
        self._page = page
        if page is not None:
            page.currentIdChanged.connect(self._on_city_moved)

    def _on_city_moved(self) -> None:
        if self._visit is not None and self._page is not None:
            city = self._city_name(int(self._page.property("currentId") or 0))
            self._visit.screen("city", city)

    # -- lifetime
    def flush(self, timeout: float = 5.0) -> bool:
        return self._writer.flush(timeout) if self._writer is not None else True

    def shutdown(self) -> None:
        """The kiosk quits: the visit in progress is written as it stands, then the writer stops."""
        if self._visit is not None:
            self._end(0.0)
        self._follow(None)
        if self._writer is not None:
            self._writer.stop()
        self._writer = None
        self._path = None  # nothing more is recorded
