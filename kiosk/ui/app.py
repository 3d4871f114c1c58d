"""The kiosk application: QML engine, image providers, QML singletons, Qt messages → logging.

`KioskApp` is what `kiosk`, `--self-test` and the UI tests all build, so tests drive the real thing.
QML reaches Python through the singletons of the `Kiosk` module (see kiosk/ui/qmlmodule.py).
"""

from __future__ import annotations

import collections
import logging
import re
import time
from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import (
    QObject, QCoreApplication, QEvent, QSize, Qt, QtMsgType, QUrl, Signal, Slot,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkRequest
from PySide6.QtQml import QQmlApplicationEngine, QQmlNetworkAccessManagerFactory
from PySide6.QtQuick import QQuickImageProvider, QQuickWindow  # noqa: F401  (types rootObjects() as QQuickWindow)

import kiosk
from kiosk.ui import config as cfg
from kiosk.ui import qmlmodule
from kiosk.ui.config import Config
from kiosk.ui.db_images import DatabaseImageProvider
from kiosk.ui.kiosk_info import KioskInfo
from kiosk.ui.models.catalog import Catalog
from kiosk.ui.models.novokuznetsk import Novokuznetsk
from kiosk.ui.services.admin import AdminService
from kiosk.ui.services.attract import AttractService
from kiosk.ui.services.database import DatabaseService
from kiosk.ui.services.idle import IdleService
from kiosk.ui.services.pin_state import FILE_NAME as PIN_STATE_FILE, PinStateFile
from kiosk.ui.housekeeping import Housekeeping
from kiosk.ui.window_keeper import WindowKeeper, wanted as keeper_wanted

log = logging.getLogger("kiosk.app")
qt_log = logging.getLogger("kiosk.qt")


# ---- Qt messages → Python logging ---------------------------------------------------------------------

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_listeners: list = []
_previous_handler = None


def _qt_message_handler(mode, context, message):
    where = f" ({context.file}:{context.line})" if context.file else ""
    qt_log.log(_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)
    for listener in list(_listeners):
        listener(mode, f"{message}{where}")
    if _previous_handler is not None:  # e.g. the test suite's handler that fails on warnings
        _previous_handler(mode, context, message)


def install_message_handler() -> None:
    """Route Qt's messages to the `kiosk.qt` logger, still passing them on to a handler installed before."""
    global _previous_handler
    previous = qInstallMessageHandler(_qt_message_handler)
    if previous is not _qt_message_handler:
        _previous_handler = previous


def add_message_listener(callback) -> None:
    _listeners.append(callback)


def remove_message_listener(callback) -> None:
    if callback in _listeners:
        _listeners.remove(callback)


# ---- fonts ------------------------------------------------------------------------------------------------

_fonts_loaded: set[str] | None = None


def load_fonts(directory: Path | None = None) -> set[str]:
    """Register the bundled PT Sans / PT Serif once per process; make PT Sans the default font."""
    global _fonts_loaded
    if _fonts_loaded is None:
        families: set[str] = set()
        directory = directory or cfg.fonts_dir()
        for path in sorted(directory.glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("could not load font %s", path)
                continue
            families.update(QFontDatabase.applicationFontFamilies(font_id))
        for wanted in ("PT Sans", "PT Serif"):
            if wanted not in families:
                log.warning("bundled font %r not found in %s; text falls back to a system font", wanted, directory)
        _fonts_loaded = families
    if "PT Sans" in _fonts_loaded:
        font = QFont("PT Sans")
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        QGuiApplication.setFont(font)
    return _fonts_loaded


# ---- image providers --------------------------------------------------------------------------------------

_COLOR = re.compile(r"^[0-9a-fA-F]{6}$")


class IconProvider(QQuickImageProvider):
    """image://icon/<qtawesome name>/<rrggbb> → the icon at the requested size. Nothing cached here: the
    QML engine's own pixmap cache is bounded; unknown names log once (bounded set) and draw nothing."""

    def __init__(self):
        super().__init__(QQuickImageProvider.ImageType.Pixmap)
        self._reported: collections.OrderedDict[str, None] = collections.OrderedDict()

    def requestPixmap(self, id_: str, size: QSize, requested: QSize) -> QPixmap:
        name, _, color = id_.rpartition("/")
        if not name or not _COLOR.match(color):
            name, color = id_, "efe7d6"
        w = requested.width() if requested.width() > 0 else 64
        h = requested.height() if requested.height() > 0 else w
        try:
            import qtawesome as qta  # imported on first use: it loads QtWidgets

            pixmap = qta.icon(name, color="#" + color).pixmap(QSize(w, h))
            if pixmap.isNull():
                raise ValueError("empty pixmap")
            return pixmap
        except Exception as exc:  # noqa: BLE001 - an unknown icon must never break a screen
            if name not in self._reported:
                log.warning("unknown icon %r (%s)", name, exc)
                self._reported[name] = None
                while len(self._reported) > 200:
                    self._reported.popitem(last=False)
            pixmap = QPixmap(w, h)
            pixmap.fill(Qt.GlobalColor.transparent)
            return pixmap


class QrProvider(QQuickImageProvider):
    """image://qr/<percent-encoded text> → a QR code made offline (segno): graphite on paper, 4-module
    quiet zone, whole-pixel modules, centred in the requested size."""

    DARK = QColor("#1d1f21")
    LIGHT = QColor("#efe7d6")

    def __init__(self):
        super().__init__(QQuickImageProvider.ImageType.Image)

    def requestImage(self, id_: str, size: QSize, requested: QSize) -> QImage:
        text = unquote(id_)
        side = max(requested.width(), requested.height(), 0) or 256
        image = QImage(side, side, QImage.Format.Format_RGB32)
        image.fill(self.LIGHT)
        try:
            import segno

            matrix = segno.make(text, error="m", micro=False).matrix
        except Exception as exc:  # noqa: BLE001 - too long or empty text: a blank square, one log line
            log.warning("cannot make a QR code for %r (%s)", text[:80], exc)
            return image
        n = len(matrix)
        modules = n + 8  # quiet zone of 4 on each side
        scale = max(1, side // modules)
        offset = (side - scale * n) // 2
        # One byte per module (index 0 = dark, 1 = light), rows padded to 4 bytes, scaled once: a few Qt calls
        # instead of one per module (thousands of tiny calls also trip a PySide refcount bug on Python 3.11).
        stride = (n + 3) & ~3
        data = bytearray(b"\x01" * (stride * n))
        for y, row in enumerate(matrix):
            base = y * stride
            for x, dark in enumerate(row):
                if dark:
                    data[base + x] = 0
        modules_image = QImage(bytes(data), n, n, stride, QImage.Format.Format_Indexed8).copy()
        modules_image.setColorTable([self.DARK.rgb(), self.LIGHT.rgb()])
        scaled = modules_image.scaled(n * scale, n * scale, Qt.AspectRatioMode.IgnoreAspectRatio,
                                      Qt.TransformationMode.FastTransformation)
        painter = QPainter(image)
        painter.drawImage(offset, offset, scaled)
        painter.end()
        return image


# ---- no network, ever -------------------------------------------------------------------------------------

class RefusingNetworkAccessManager(QNetworkAccessManager):
    """Every request fails at once with an unknown-protocol error; nothing leaves the machine."""

    def __init__(self, recorder, parent=None):
        super().__init__(parent)
        self._recorder = recorder

    def createRequest(self, op, request, data=None):  # noqa: N802 - Qt's name
        url = request.url().toString()
        self._recorder(url)
        return super().createRequest(op, QNetworkRequest(QUrl("refused:")), data)


class RefusingNetworkFactory(QQmlNetworkAccessManagerFactory):
    """Installed on every engine: QML gets only refusing network managers. Requests are recorded (bounded)."""

    def __init__(self):
        super().__init__()
        self.requests: collections.deque[str] = collections.deque(maxlen=100)

    def _record(self, url: str) -> None:
        self.requests.append(url)
        log.warning("refused a network request from QML: %s", url[:200])

    def create(self, parent):
        return RefusingNetworkAccessManager(self._record, parent)


# ---- kiosk mode ------------------------------------------------------------------------------------------

class Lockdown(QObject):
    """Kiosk mode: Escape and Alt+F4 do nothing (close events are refused in Main.qml's onClosing)."""

    def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                return True
            if key == Qt.Key.Key_F4 and event.modifiers() & Qt.KeyboardModifier.AltModifier:
                return True
        return False


# ---- the application ----------------------------------------------------------------------------------------

class KioskApp(QObject):
    """One kiosk: engine, window, services. `close()` tears it down (tests build many in one process)."""

    firstFrame = Signal(float)  # ms since construction

    def __init__(self, config: Config | None = None, *, db_path: Path | None = None, windowed: bool = False,
                 size: tuple[int, int] | None = None, log_path: Path | None = None, on_quit=None,
                 watch: bool = True):
        super().__init__()
        self._t0 = time.perf_counter()
        self.config = config or Config()
        self.windowed = windowed
        self.size = size or ((1280, 800) if windowed else (1920, 1080))
        self.log_path = log_path
        self.on_quit = on_quit or (lambda code: QCoreApplication.exit(code))
        self.first_frame_ms: float | None = None
        self._overridden_cursor = False

        self.qapp = QGuiApplication.instance()
        if self.qapp is None:  # pragma: no cover - main() creates it
            raise RuntimeError("create the QGuiApplication first")
        install_message_handler()  # (again: a test harness may have swapped handlers since)
        load_fonts()

        self.catalog = Catalog()
        self.catalog.setParent(self)
        self.info = KioskInfo(self.config, windowed=windowed, size=self.size, log_path=log_path, parent=self)
        self.admin = AdminService(self.config.admin_pin_hash, parent=self,
                                  state=PinStateFile(cfg.default_state_dir() / PIN_STATE_FILE))
        self.admin.quitRequested.connect(self.quit)
        self.database = DatabaseService(db_path or self.config.db or cfg.default_db_path(), self.catalog,
                                        parent=self, watch=watch)
        self.idle = IdleService(self.config.idle_timeout, self.config.idle_countdown, parent=self)
        self.idle.resetRequested.connect(self.catalog.reset)
        # A checked new database switches in between visits: at rest, at the idle reset (and attract start).
        self.idle.resetRequested.connect(self.database.applyPendingReload)
        self.idle.atRestChanged.connect(lambda: self.database.setVisitorPresent(not self.idle.atRest))
        self.novokuznetsk = Novokuznetsk(self)  # the section follows every database switch; idle clears it
        self.database.infoChanged.connect(self._load_section)
        self.idle.resetRequested.connect(self.novokuznetsk.reset)
        self.database.open()
        self.attract = AttractService(
            self.config.attract_timeout, self.config.slide_duration, self.config.quiet_hours,
            repository=lambda: self.database.repository if self.database.available else None,
            at_rest=lambda: bool(self.idle.property("atRest")),
            before_session=self.database.applyPendingReload, parent=self)
        self.idle.countdownExpired.connect(self.attract.after_idle_reset)
        self.attract.activeChanged.connect(self.idle.poke)  # the waking touch never reached the idle filter

        self.engine = QQmlApplicationEngine()
        self.network = RefusingNetworkFactory()
        self.engine.setNetworkAccessManagerFactory(self.network)
        self.engine.addImageProvider("icon", IconProvider())
        self.engine.addImageProvider("qr", QrProvider())
        self.engine.addImageProvider("dbimage", DatabaseImageProvider(lambda: self.database.repository))
        qmlmodule.provide(self.engine, self.info, self.catalog, self.database, self.admin, self.idle,
                          self.novokuznetsk, self.attract)
        self.engine.loadFromModule(qmlmodule.MODULE, "Main")
        roots = self.engine.rootObjects()
        if not roots:
            raise RuntimeError("Main.qml failed to load (see the log)")
        self.window: QQuickWindow = roots[0]
        self.window.frameSwapped.connect(self._on_frame_swapped)
        self.housekeeping = Housekeeping(self.engine, self.window, self)
        self.idle.resetRequested.connect(self.housekeeping.soon)  # between visits: release caches

        self.qapp.installEventFilter(self.idle)
        self.qapp.installEventFilter(self.attract)  # installed last, so it sees input first: a waking touch stops here
        self._lockdown = None
        if not windowed:
            self._lockdown = Lockdown(self)
            self.window.installEventFilter(self._lockdown)
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
            self._overridden_cursor = True
        keep = keeper_wanted(windowed, QGuiApplication.platformName())
        self.keeper = WindowKeeper(self.window, self) if keep else None
        log.info("kiosk %s started (%s, database %s)", kiosk.__version__,
                 "windowed" if windowed else "kiosk mode", self.database.path)

    # -- lifecycle
    def _load_section(self) -> None:
        self.novokuznetsk.load(self.database.repository)

    def _on_frame_swapped(self) -> None:
        if self.first_frame_ms is None:
            self.first_frame_ms = (time.perf_counter() - self._t0) * 1000
            self.firstFrame.emit(self.first_frame_ms)

    def root(self):
        return self.window

    @Slot()
    def quit(self) -> None:
        self.on_quit(0)

    def close(self) -> None:
        """Tear down in an order that leaves no QML bindings pointing at dead objects. Safe to call twice."""
        if self.engine is None:
            return
        self.qapp.removeEventFilter(self.idle)
        self.qapp.removeEventFilter(self.attract)
        self.attract.shutdown()
        self.idle.stop()
        self.housekeeping.stop()
        self.database.stop()
        if self._overridden_cursor:
            QGuiApplication.restoreOverrideCursor()
            self._overridden_cursor = False
        if self._lockdown is not None:
            self.window.removeEventFilter(self._lockdown)
        if self.keeper is not None:
            self.keeper.stop()
        try:
            self.window.frameSwapped.disconnect(self._on_frame_swapped)
        except (RuntimeError, TypeError):
            pass
        self.window.hide()
        qmlmodule.release(self.engine)
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.engine = None
