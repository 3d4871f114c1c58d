"""What can wait until the visitor sees the first frame (QML's singleton `Startup`).

The home screen needs little: the city count, whether the Novokuznetsk section exists, three icons. Everything
else (the map's city positions, the search index, the attract slideshow, the overlays) is queued here with
`later()` and runs after the first frame, one task per turn of the event loop, so a touch in between is
handled at once. `ready` turns true when the queue is empty; QML's Loaders of what was put off bind to it.

A visitor may be faster than the queue: every way off the home screen calls `finish()` first, which runs
whatever is left at once, so a tap on «Города» a moment after start shows the cities, not a half-built screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton

from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, instance_for  # noqa: F401 — @QmlNamedElement reads them


@QmlNamedElement("Startup")
@QmlSingleton
class StartupService(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """QML's singleton `Startup` (see the module docstring)."""

    readyChanged = Signal()

    @staticmethod
    def create(engine):  # QML's singleton `Startup`: the instance the app provided
        return instance_for(engine, StartupService)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._tasks: dict[str, Callable[[], None]] = {}  # by name: a task queued twice runs once, with its latest work
        self._begun = False
        self._ready = False
        self._step = QTimer(self)
        self._step.setSingleShot(True)
        self._step.setInterval(0)
        self._step.timeout.connect(self._run_one)

    @Property(bool, notify=readyChanged)
    def ready(self) -> bool:
        """Everything put off at start-up has been done (from then on `later()` runs its task at once)."""
        return self._ready

    def later(self, name: str, task: Callable[[], None]) -> None:
        """Run `task` after the first frame; once ready, at once. A second task of the same name replaces the first."""
        if self._ready:
            task()
            return
        self._tasks[name] = task
        if self._begun:
            self._step.start()

    def begin(self) -> None:
        """The first frame is on screen: work through the queue, one task per turn of the event loop."""
        if not self._begun:
            self._begun = True
            self._step.start()

    @Slot()
    def finish(self) -> None:
        """Run everything still queued, now (a visitor is leaving the home screen)."""
        while self._tasks:
            self._run_next()
        self._set_ready()

    def stop(self) -> None:
        self._step.stop()
        self._tasks.clear()

    def _run_one(self) -> None:
        if self._tasks:
            self._run_next()
        if self._tasks:
            self._step.start()
        else:
            self._set_ready()

    def _run_next(self) -> None:
        name = next(iter(self._tasks))
        self._tasks.pop(name)()  # an exception ends the kiosk for a restart, as anywhere else (kiosk.ui.platform.crash)

    def _set_ready(self) -> None:
        if not self._ready:
            self._ready = True
            self.readyChanged.emit()


__all__ = ["StartupService"]
