"""UI test helpers: any Qt/QML warning fails the test; visitors are simulated with real touch events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QtMsgType, qInstallMessageHandler
from PySide6.QtTest import QTest

_messages: list[str] = []


def _handler(mode, context, message):
    if mode in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        _messages.append(f"{mode.name}: {message} ({context.file}:{context.line})")


@pytest.fixture(autouse=True)
def fail_on_qt_warnings(qapp):
    """Works under `pytest -s` too, unlike pytest-qt's own log capture."""
    _messages.clear()
    previous = qInstallMessageHandler(_handler)
    yield _messages
    qInstallMessageHandler(previous)
    if _messages:
        found = "\n".join(_messages)
        _messages.clear()
        pytest.fail(f"Qt/QML warnings during the test:\n{found}")


class Finger:
    """One finger on a window: tap, long press, drag and swipe with real QTouchEvents."""

    def __init__(self, window):
        self.window = window
        self.device = QTest.createTouchDevice()

    def _point(self, item_or_point, dx=0.0, dy=0.0) -> QPoint:
        if isinstance(item_or_point, (QPoint, QPointF)):
            p = QPointF(item_or_point)
        elif isinstance(item_or_point, tuple):
            p = QPointF(*item_or_point)
        else:  # a QQuickItem: its centre in window coordinates
            item = item_or_point
            p = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        return QPoint(round(p.x() + dx), round(p.y() + dy))

    def tap(self, target, wait_ms: int = 30):
        p = self._point(target)
        QTest.touchEvent(self.window, self.device).press(0, p, self.window).commit()
        QTest.qWait(wait_ms)
        QTest.touchEvent(self.window, self.device).release(0, p, self.window).commit()
        QTest.qWait(wait_ms)

    def long_press(self, target, ms: int):
        p = self._point(target)
        QTest.touchEvent(self.window, self.device).press(0, p, self.window).commit()
        # Keep the point alive with stationary updates, as a real panel does.
        waited = 0
        while waited < ms:
            QTest.qWait(50)
            waited += 50
            QTest.touchEvent(self.window, self.device).stationary(0).commit()
        QTest.touchEvent(self.window, self.device).release(0, p, self.window).commit()
        QTest.qWait(30)

    def drag(self, start, dx: float, dy: float, steps: int = 12, step_ms: int = 16):
        p0 = self._point(start)
        QTest.touchEvent(self.window, self.device).press(0, p0, self.window).commit()
        for i in range(1, steps + 1):
            QTest.qWait(step_ms)
            p = QPoint(round(p0.x() + dx * i / steps), round(p0.y() + dy * i / steps))
            QTest.touchEvent(self.window, self.device).move(0, p, self.window).commit()
        QTest.touchEvent(self.window, self.device).release(0, p, self.window).commit()
        QTest.qWait(30)

    def swipe(self, start, dx: float, dy: float = 0.0):
        # A quick flick: few steps, short intervals.
        self.drag(start, dx, dy, steps=6, step_ms=10)


def find(root, name: str):
    """The QML item with this objectName, or a clear failure."""
    from PySide6.QtQuick import QQuickItem

    item = root.findChild(QQuickItem, name) if hasattr(root, "findChild") else None
    if item is None:  # Repeater/ListView delegates are visual children only: walk the item tree
        start = root.contentItem() if hasattr(root, "contentItem") else root
        todo = [start] if isinstance(start, QQuickItem) else []
        while todo and item is None:
            node = todo.pop()
            if node.objectName() == name:
                item = node
            todo.extend(node.childItems())
    if item is None:
        pytest.fail(f"no QML item named {name!r}")
    return item


def wait_until(predicate, timeout_ms: int = 3000, step_ms: int = 20) -> bool:
    waited = 0
    while waited <= timeout_ms:
        if predicate():
            return True
        QTest.qWait(step_ms)
        waited += step_ms
    return False


# ---- the real application shell (kiosk/ui/app.py) -----------------------------------------------------------

FIXTURE_SOURCES = __import__("pathlib").Path(__file__).resolve().parents[1] / "unit" / "fixtures" / "sources"


@pytest.fixture(scope="session")
def shell_db(request, tmp_path_factory):
    """A good database for the shell tests: the built one (`built_db`), or, while db/sources does not build,
    one built from the small fixture sources (the data-layer tests report the real build's problems)."""
    try:
        return request.getfixturevalue("built_db")
    except Exception as exc:  # noqa: BLE001 - DataError from an unfinished db/sources
        import warnings

        from kiosk.data.build import build_database

        warnings.warn(f"db/sources does not build ({str(exc)[:120]}); shell tests use the fixture sources")
        return build_database(FIXTURE_SOURCES, tmp_path_factory.mktemp("shell-db") / "kiosk.sqlite")


@pytest.fixture()
def make_kiosk(qapp, tmp_path):
    """Build the real app (kiosk.ui.app.KioskApp) offscreen: make_kiosk(db=PATH, windowed=False, **config).

    Returns the KioskApp with `.quit_codes` (what the admin exit asked for) and `.driver` (ShellDriver).
    Every app is closed after the test.
    """
    from PySide6.QtTest import QTest

    from kiosk.ui.app import KioskApp
    from kiosk.ui.config import Config
    from kiosk.ui.selftest import ShellDriver

    apps = []

    def factory(db, *, windowed=False, size=(1920, 1080), watch=True, **settings):
        quit_codes: list[int] = []
        settings.setdefault("idle_timeout", 0)  # no idle question unless a test asks for it
        app = KioskApp(Config(**settings), db_path=db, windowed=windowed, size=size, watch=watch,
                       log_path=tmp_path / "kiosk.log", on_quit=quit_codes.append)
        app.quit_codes = quit_codes
        apps.append(app)
        window = app.window
        if not windowed:  # offscreen "fullscreen" is the platform's small virtual screen: use a kiosk size
            window.setProperty("visibility", 2)  # QWindow.Windowed
        window.resize(*size)
        window.show()
        assert wait_until(lambda: window.isExposed() and app.first_frame_ms is not None, 5000)
        app.driver = ShellDriver(app)
        QTest.qWait(20)
        return app

    yield factory
    for app in apps:
        app.close()
