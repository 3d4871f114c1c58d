"""Qt-side test helpers: fail on Qt/QML warnings, synthesized touches and mouse input, finding QML items."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest

_FAILING = (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)


class QtWarnings:
    """Collects Qt warnings while installed; works under `pytest -s` too, unlike pytest-qt's log capture."""

    def __init__(self) -> None:
        self.messages: list[str] = []
        self._previous = None

    def _handler(self, mode, context, message) -> None:
        if mode in _FAILING:
            self.messages.append(f"{mode.name}: {message} ({context.file}:{context.line})")

    def install(self) -> None:
        self.messages.clear()
        self._previous = qInstallMessageHandler(self._handler)

    def uninstall(self) -> None:
        qInstallMessageHandler(self._previous)


@pytest.fixture(autouse=True)
def fail_on_qt_warnings(qapp):
    """Any Qt/QML warning during a test fails it. Yields the list of messages, so a test that provokes a
    warning on purpose can remove the one it expects."""
    warnings = QtWarnings()
    warnings.install()
    yield warnings.messages
    warnings.uninstall()
    if warnings.messages:
        found = "\n".join(warnings.messages)
        pytest.fail(f"Qt/QML warnings during the test:\n{found}")


def _point(target, dx: float = 0.0, dy: float = 0.0) -> QPoint:
    """A window point from a QPoint/QPointF, an (x, y) tuple, or a QQuickItem (its centre)."""
    if isinstance(target, (QPoint, QPointF)):
        p = QPointF(target)
    elif isinstance(target, tuple):
        p = QPointF(*target)
    else:
        p = target.mapToScene(QPointF(target.width() / 2, target.height() / 2))
    return QPoint(round(p.x() + dx), round(p.y() + dy))


class Finger:
    """One finger on a window: tap, long press, drag and swipe with real QTouchEvents.

    Use one Finger per window: a second QTest touch device makes the first one's later gestures go astray.
    """

    def __init__(self, window):
        self.window = window
        self.device = QTest.createTouchDevice()

    def _touch(self):
        return QTest.touchEvent(self.window, self.device)

    def tap(self, target, wait_ms: int = 30):
        p = _point(target)
        self._touch().press(0, p, self.window).commit()
        QTest.qWait(wait_ms)
        self._touch().release(0, p, self.window).commit()
        QTest.qWait(wait_ms)

    def long_press(self, target, ms: int):
        p = _point(target)
        self._touch().press(0, p, self.window).commit()
        # Keep the point alive with stationary updates, as a real panel does.
        waited = 0
        while waited < ms:
            QTest.qWait(50)
            waited += 50
            self._touch().stationary(0).commit()
        self._touch().release(0, p, self.window).commit()
        QTest.qWait(30)

    def hold_until(self, target, done, timeout_ms: int = 8000) -> bool:
        """Press and hold (stationary updates, as a real panel sends) until done() or the timeout; then lift.
        For gestures timed by the kiosk itself (the staff corner): the test waits on their effect, not a time."""
        p = _point(target)
        self._touch().press(0, p, self.window).commit()

        def held() -> bool:
            if done():
                return True
            self._touch().stationary(0).commit()
            return False

        ok = wait_until(held, timeout_ms, 50)
        self._touch().release(0, p, self.window).commit()
        QTest.qWait(30)
        return ok

    def drag(self, start, dx: float, dy: float, steps: int = 12, step_ms: int = 16):
        p0 = _point(start)
        p = p0
        self._touch().press(0, p0, self.window).commit()
        for i in range(1, steps + 1):
            QTest.qWait(step_ms)
            p = QPoint(round(p0.x() + dx * i / steps), round(p0.y() + dy * i / steps))
            self._touch().move(0, p, self.window).commit()
        self._touch().release(0, p, self.window).commit()
        QTest.qWait(30)

    def swipe(self, start, dx: float, dy: float = 0.0):
        # A quick flick: few steps, short intervals.
        self.drag(start, dx, dy, steps=6, step_ms=10)


class Mouse:
    """A mouse on a window (school mode): click, drag with the left button, wheel."""

    def __init__(self, window):
        self.window = window

    def click(self, target):
        QTest.mouseClick(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _point(target))
        QTest.qWait(20)

    def drag(self, start, dx: float, dy: float, steps: int = 12, step_ms: int = 16):
        p0 = _point(start)
        p = p0
        QTest.mousePress(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p0)
        for i in range(1, steps + 1):
            p = QPoint(round(p0.x() + dx * i / steps), round(p0.y() + dy * i / steps))
            QTest.mouseMove(self.window, p, step_ms)
        QTest.mouseRelease(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
        QTest.qWait(30)

    def hold(self, target, ms: int):
        """Press, keep the button down `ms` without moving (a slow hand, a touch frame that reports a mouse)."""
        p = _point(target)
        QTest.mousePress(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
        QTest.qWait(ms)
        QTest.mouseRelease(self.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, p)
        QTest.qWait(30)

    def wheel(self, target, notches: int):
        """`notches` wheel steps, 60 ms apart; negative scrolls down (towards the end of the content). Each event
        carries the mouse as its device and a time stamp of its own, on QTest's mouse clock (read from a move of
        the pointer onto the target, as a real mouse makes; no move between notches: that slowed the scrolling).
        A Flickable ignores a second event stamped like the first; stamps far ahead of QTest's clock (as this
        helper once made) stopped every later QTest mouse drag from moving a Flickable in the same process."""
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtGui import QPointingDevice

        p = QPointF(_point(target))
        clock = self._qtest_clock(_point(target))
        for i in range(abs(notches)):
            event = QWheelEvent(
                p,
                self.window.mapToGlobal(p),
                QPoint(0, 0),
                QPoint(0, 120 if notches > 0 else -120),
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
                Qt.ScrollPhase.NoScrollPhase,
                False,
                Qt.MouseEventSource.MouseEventNotSynthesized,
                QPointingDevice.primaryPointingDevice(),
            )
            event.setTimestamp(clock + 1 + 60 * i)
            QCoreApplication.sendEvent(self.window, event)
            QTest.qWait(60)
        # QTest's clock advances only by its own events' delays: move it past the last stamp, or the next QTest
        # drag in this process is stamped before the wheel and a Flickable takes it for no movement at all.
        QTest.mouseMove(self.window, _point(target), 60 * abs(notches) + 30)

    def _qtest_clock(self, at: QPoint) -> int:
        """Move the pointer to `at` with QTest (waiting 60 ms) and return the time stamp QTest gave that move.
        Qt drops a move onto the pointer's own position: then it moves one pixel below."""
        from PySide6.QtCore import QEvent, QObject

        seen: list[int] = []

        class Stamp(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.MouseMove:
                    seen.append(event.timestamp())
                return False

        spy = Stamp()
        self.window.installEventFilter(spy)
        try:
            QTest.mouseMove(self.window, at, 60)
            if not seen:
                QTest.mouseMove(self.window, at + QPoint(0, 1), 60)
        finally:
            self.window.removeEventFilter(spy)
        assert seen, "QTest's pointer move did not reach the window: no clock to stamp the wheel with"
        return max(seen)


def walk(root):
    """Every item in the visual tree below `root` (view delegates are visual children only)."""
    todo = [root]
    while todo:
        item = todo.pop()
        yield item
        todo.extend(reversed(item.childItems()))


def find_all(window, name: str, visible_only: bool = True) -> list:
    return [i for i in walk(window.contentItem()) if i.objectName() == name and (i.isVisible() or not visible_only)]


def maybe(root, name: str):
    """The item with this objectName, visible ones first (a StackView keeps hidden screens), or None."""
    start = root.contentItem() if hasattr(root, "contentItem") else root
    hits = [i for i in walk(start) if i.objectName() == name]
    shown = [i for i in hits if i.isVisible()]
    return (shown or hits or [None])[0]


def find(root, name: str):
    """The QML item with this objectName (a visible one if there are several), or a clear failure."""
    item = maybe(root, name)
    if item is None:
        pytest.fail(f"no QML item named {name!r}")
    return item


def wait_until(predicate, timeout_ms: int = 3000, step_ms: int = 20) -> bool:
    """Process events until `predicate()` holds; False after `timeout_ms` (a generous ceiling, not a timing)."""
    waited = 0
    while waited <= timeout_ms:
        if predicate():
            return True
        QTest.qWait(step_ms)
        waited += step_ms
    return False
