"""Drive the fit checker (kiosk.ui.diagnostics.fit) over the kiosk's screen states, through the shell's navigator.

`sweep(app, sizes, modes, full)` visits, at each window size and in each (language, larger text) mode: home, the
cities grid (scrolled through), every city page (or a sample), each with its photographs open in the viewer, every
screen and chapter of the Novokuznetsk section and its item cards with «Источник» open, the map, the PIN pad, the
admin panel, the idle question, every attract slide kind and the «unavailable» screen. Every scrolling area is
paged through, so lazily made delegates are checked too. Returns the misfits with where they were seen.

`kiosk --self-test` runs it in full; tests/ui/test_fit.py runs a fast subset and (marked slow) the full sweep.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kiosk.ui.diagnostics.fit import Misfit, check_window

SIZES = ((1920, 1080), (1080, 1920), (1366, 768), (1280, 800), (3840, 2160))
MODES = (("ru", False), ("en", False), ("ru", True), ("en", True))
SLIDE_KINDS = ("title", "city", "event", "figure", "curator")
FRAME_MS = 40
SETTLE_MS = 150  # a new screen: its lists measure their delegates over a few frames
MAX_PAGES = 12  # scroll positions per scrolling area: a runaway list still ends
MAX_SETTLE_FRAMES = 30  # frames to wait for a layout at rest: a layout that never rests is checked as it is
FRAME_TIMEOUT_MS = 2000  # one frame, at most: a window that renders no frame (not exposed) is not waited for


@dataclass(frozen=True)
class Seen:
    state: str  # e.g. "1080x1920 en Aa city 12"
    misfit: Misfit

    def __str__(self) -> str:
        return f"{self.state}: {self.misfit}"


def _flickables(item):
    """Visible scrolling areas below `item` that can actually scroll."""
    if item.inherits("QQuickFlickable") and item.isVisible() and item.property("interactive"):
        ch, cw = float(item.property("contentHeight") or 0), float(item.property("contentWidth") or 0)
        if ch > item.height() + 1 or cw > item.width() + 1:
            yield item
    for child in item.childItems():
        yield from _flickables(child)


def next_frame(window, timeout_ms: int = FRAME_TIMEOUT_MS) -> bool:
    """Ask `window` for a frame and run the event loop until it is on screen (frameSwapped): every polish pending
    when it was asked for (positioners, Flows, list views laying out their delegates) has then run. False when no
    frame came within `timeout_ms`."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    swapped: list[bool] = []

    def done() -> None:
        swapped.append(True)
        loop.quit()

    window.frameSwapped.connect(done)
    try:
        QTimer.singleShot(timeout_ms, loop.quit)
        window.update()
        loop.exec()  # not processEvents(): the GIL is released meanwhile (see shell_driver.wait)
    finally:
        window.frameSwapped.disconnect(done)
    return bool(swapped)


def _layout(window) -> list[tuple]:
    """Where every visible text stands, how big it is and what it says: what the fit checker measures."""
    from PySide6.QtCore import QPointF

    from kiosk.ui.diagnostics.fit import _walk

    out = []
    for item in _walk(window.contentItem()):
        if item.inherits("QQuickText") and item.isVisible():
            p = item.mapToScene(QPointF(0, 0))
            out.append(
                (
                    round(p.x(), 1),
                    round(p.y(), 1),
                    round(item.width(), 1),
                    round(item.height(), 1),
                    round(float(item.property("contentHeight") or 0), 1),
                    item.property("text"),
                )
            )
    return out


def settle_layout(window, engine=None, max_frames: int = MAX_SETTLE_FRAMES) -> bool:
    """Wait, frame by frame, until the layout is at rest: no delegate still being made (the engine's incubator),
    a frame rendered, and the texts where the frame before left them. A text-size, size or language change, a new
    page or a scroll leaves polishes pending (a Flow places its chips, a list view its delegates, a Column takes
    the height they give it) that run only with the next frame; under load that frame can come after a fixed wait,
    and the checker then measured chips of a paragraph not yet placed (all at one spot, over paragraph 0). No
    sleeping: frames are asked for and waited on. True when at rest."""
    controller = engine.incubationController() if engine is not None else None
    previous = None
    for _ in range(max_frames):
        rendered = next_frame(window)
        if controller is not None and controller.incubatingObjectCount() > 0:
            previous = None
            continue
        now = _layout(window)
        if rendered and now == previous:
            return True
        previous = now if rendered else None
    return False


class FitSweep:
    def __init__(self, app, driver, report: Callable[[Seen], None] | None = None):
        self.app = app
        self.d = driver
        self.found: list[Seen] = []
        self.states = 0
        self.unsettled = 0  # states checked with their layout still moving after MAX_SETTLE_FRAMES frames
        self._report = report

    # ---- one state ------------------------------------------------------------------------------------------

    def check(self, state: str, wait_ms: int = 0, scroll: bool = True) -> None:
        """Check the screen as it is, then every position of its scrolling areas (restored afterwards)."""
        self.d.settle(max(wait_ms, SETTLE_MS))
        self._record(state)
        if not scroll:
            return
        root = self.d.stack.property("currentItem")
        overlay = self._open_overlay()
        for flick in list(_flickables(overlay if overlay is not None else root)) if root is not None else []:
            self._page_through(state, flick)

    def _open_overlay(self):
        from kiosk.ui.diagnostics.fit import _open_overlay

        return _open_overlay(self.app.window.contentItem())

    def _page_through(self, state: str, flick) -> None:
        vertical = float(flick.property("contentHeight") or 0) > flick.height() + 1
        axis, size, extent, origin = (
            ("contentY", flick.height(), "contentHeight", "originY")
            if vertical
            else ("contentX", flick.width(), "contentWidth", "originX")
        )
        start = float(flick.property(axis))
        first = float(flick.property(origin) or 0)
        end = first + float(flick.property(extent)) - size
        pos = first
        for _ in range(MAX_PAGES):
            pos = min(end, pos + size * 0.8)
            flick.setProperty(axis, pos)
            self.d.settle(FRAME_MS)  # a frame: lists place the delegates they made for the new position
            self._record(f"{state} ({flick.objectName() or 'scrolled'} at {pos - first:.0f})")
            if pos >= end - 1:
                break
        flick.setProperty(axis, start)

    def _record(self, state: str) -> None:
        self.states += 1
        if not settle_layout(self.app.window, getattr(self.app, "engine", None)):
            self.unsettled += 1
        seen_here = set()
        for misfit in check_window(self.app.window):
            key = (misfit.kind, misfit.where, misfit.text)
            if key in seen_here:
                continue
            seen_here.add(key)
            seen = Seen(state, misfit)
            self.found.append(seen)
            if self._report:
                self._report(seen)

    # ---- the states -----------------------------------------------------------------------------------------

    def run(self, sizes: Iterable[tuple[int, int]], modes: Iterable[tuple[str, bool]], *, full: bool) -> list[Seen]:
        for w, h in sizes:
            self.app.window.resize(w, h)
            for language, large in modes:
                self.app.language.setLanguage(language)
                self.app.language.setLarge(large)
                self.d.settle(400)  # what slides with the window's size (the keyboard) comes to rest
                self.mode(f"{w}x{h} {language}{' Aa' if large else ''}", full=full)
        self.app.language.setLarge(False)
        self.app.language.setLanguage("ru")
        return self.found

    def mode(self, tag: str, *, full: bool) -> None:
        d = self.d
        d.nav("reset")
        self.check(f"{tag} home")
        d.nav("cities")
        self.check(f"{tag} cities")
        for city_id in self.city_ids(full):
            d.nav("city", city_id)
            self.check(f"{tag} city {city_id}")
            self.viewer(f"{tag} city {city_id}")
            d.nav("back")
        self.section(tag, full=full)
        d.nav("map")
        self.check(f"{tag} map", scroll=False)
        d.nav("back")
        if full:
            self.staff(tag)
            d.nav("city", self.city_ids(False)[0])
            self.app.idle.askNow()
            self.check(f"{tag} idle question", wait_ms=300)
            self.app.idle.poke()
            d.nav("reset")
        self.slides(tag)
        if full:
            d.preview_unavailable(True)
            self.check(f"{tag} unavailable", wait_ms=300)
            d.preview_unavailable(False)
        d.nav("reset")
        d.settle()

    def staff(self, tag: str) -> None:
        """The PIN pad and the admin panel (tests/ui/test_fit.py runs these alone, at every size with «Aa»)."""
        self.d.open_pin_pad()
        self.check(f"{tag} PIN pad")
        self.d.close_overlays()
        self.d.open_admin_panel()
        self.check(f"{tag} admin panel")
        self.d.close_overlays()

    def city_ids(self, full: bool) -> list[int]:
        repo = self.app.database.repository
        cities = list(repo.cities()) if repo is not None else []
        if full:
            return [c.id for c in cities]
        # The longest names, regions and texts, and the cities with pictures: where a misfit shows first.
        longest = sorted(cities, key=lambda c: len(c.name) + len(c.region), reverse=True)[:2]
        wordy = sorted(cities, key=lambda c: len(c.text), reverse=True)[:1]
        return list(dict.fromkeys(c.id for c in [*longest, *wordy]))

    def viewer(self, state: str) -> None:
        """The page's photographs full screen, each one (captions and credits whole)."""
        screen = self.d.stack.property("currentItem")
        viewer = _find(screen, "imageViewer") if screen is not None else None
        if viewer is None or int(viewer.property("count") or 0) == 0:
            return
        for i in range(int(viewer.property("count"))):
            self.d.call(viewer, "open", i)
            self.check(f"{state} photo {i + 1}", wait_ms=250, scroll=False)
        self.d.call(viewer, "close")
        self.d.settle(250)

    def section(self, tag: str, *, full: bool) -> None:
        from kiosk.ui.diagnostics.selftest_nk import CARDS, PAGES

        d = self.d
        section = self.app.novokuznetsk
        if not section.property("available"):
            return
        for name, page, props, _expect in PAGES:
            d.nav("novokuznetsk", page, props)
            self.check(f"{tag} section {name}", wait_ms=1200 if page == "figures" else 0)
            d.nav("back")
        self.chapters(tag)
        cards = list(CARDS)
        if full:
            cards += [("person", "people", p.property("ref")) for p in section.property("people")]
            cards += [("event", "timeline", e.property("ref")) for e in section.property("events")]
        for _name, page, ref in dict.fromkeys(cards):
            d.nav("novokuznetsk", page, {})
            d.settle()
            card = d.item("nkItemCard")
            d.call(card, "open", ref, True)
            self.check(f"{tag} card {ref}", wait_ms=300)
            d.call(card, "close")
            d.nav("back")

    def chapters(self, tag: str) -> None:
        """Every chapter page (alone: tests/ui/test_fit.py runs these at every size and mode, under load)."""
        d = self.d
        for chapter in [c.property("id") for c in self.app.novokuznetsk.property("chapters")]:
            d.nav("novokuznetsk", "chapter", {"chapterId": chapter})
            self.check(f"{tag} chapter {chapter}")
            d.nav("back")

    def slides(self, tag: str) -> None:
        attract = self.app.attract
        for kind in SLIDE_KINDS:
            if attract.preview(kind):
                self.check(f"{tag} slide {kind}", wait_ms=int(attract.property("crossfadeMs")) + 300, scroll=False)
        attract.stop("fit check")
        self.d.settle(300)


def _find(item, name: str):
    if item.objectName() == name:
        return item
    for child in item.childItems():
        if (hit := _find(child, name)) is not None:
            return hit
    return None


def sweep(app, driver, sizes=SIZES, modes=MODES, *, full: bool = True, report=None) -> list[Seen]:
    """Every misfit seen over the states; the driver is put in instant mode (no transitions) meanwhile."""
    driver.set_instant(True)
    try:
        return FitSweep(app, driver, report).run(sizes, modes, full=full)
    finally:
        driver.set_instant(False)
