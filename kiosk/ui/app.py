"""The kiosk application: one QML engine with the `Kiosk` module, its Python singletons and services, one window.

`KioskApp` is what `kiosk`, `--self-test` and the UI tests all build, so tests drive the real thing. The parts
it wires together each live in their own module: qt_messages (Qt → logging), fonts, image_providers,
network_refusal, lockdown, qmlmodule (how QML reaches the Python singletons).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

import kiosk
from kiosk.data.store import snapshot
from kiosk.ui import engine as qml_engine
from kiosk.ui.platform import locations
from kiosk.ui import qmlmodule
from kiosk.ui.config import Config
from kiosk.ui.providers.db_images import DatabaseImageProvider
from kiosk.ui.providers.fonts import load_fonts
from kiosk.ui.providers.image_providers import IconProvider, QrProvider
from kiosk.ui.services.kiosk_info import KioskInfo
from kiosk.ui.platform.lockdown import Lockdown
from kiosk.ui.models.catalog import Catalog
from kiosk.ui.models.novokuznetsk import Novokuznetsk
from kiosk.ui.platform.network_refusal import RefusingNetworkFactory
from kiosk.ui.platform.qt_messages import install_message_handler
from kiosk.ui.models.map_model import MapModel
from kiosk.ui.services.admin import AdminService
from kiosk.ui.services.attract import AttractService
from kiosk.ui.services.database import DatabaseService, open_database
from kiosk.ui.services.idle import IdleService
from kiosk.ui.services.language import LanguageService
from kiosk.ui.services.speech import SpeechService
from kiosk.ui.services.pin_state import FILE_NAME as PIN_STATE_FILE, PinStateFile
from kiosk.ui.services.quiz import QuizService
from kiosk.ui.services.startup import StartupService
from kiosk.ui.services.statistics import StatisticsRecorder
from kiosk.ui.platform.housekeeping import Housekeeping
from kiosk.ui.platform.window_keeper import WindowKeeper, wanted as keeper_wanted
import contextlib

log = logging.getLogger("kiosk.app")


def _screen_size() -> tuple[int, int]:
    """Kiosk mode's first layout at the size the window will have (it covers the screen): laid out at
    1920×1080 first, a portrait or 4K screen made Qt lay out, and draw the icons, twice before the first frame."""
    screen = QGuiApplication.primaryScreen()
    size = screen.size() if screen is not None else None
    return (size.width(), size.height()) if size is not None and not size.isEmpty() else (1920, 1080)


class KioskApp(QObject):
    """One kiosk: engine, window, services. `close()` tears it down (tests build many in one process)."""

    firstFrame = Signal(float)  # ms since construction

    def __init__(
        self,
        config: Config | None = None,
        *,
        db_path: Path | None = None,
        windowed: bool = False,
        size: tuple[int, int] | None = None,
        log_path: Path | None = None,
        on_quit=None,
        watch: bool = True,
    ):
        super().__init__()
        self._t0 = time.perf_counter()
        self.config = config or Config()
        self.windowed = windowed
        self.size = size or ((1280, 800) if windowed else _screen_size())
        self.log_path = log_path
        self.on_quit = on_quit or (lambda code: QCoreApplication.exit(code))
        self.first_frame_ms: float | None = None
        self._overridden_cursor = False

        qapp = QGuiApplication.instance()
        if qapp is None:  # pragma: no cover - main() creates it
            raise RuntimeError("create the QGuiApplication first")
        self.qapp: QCoreApplication = qapp
        install_message_handler()  # (again: a test harness may have swapped handlers since)
        load_fonts()

        self.startup = StartupService(self)  # what waits until the first frame is on screen
        self.catalog = Catalog()
        self.catalog.setParent(self)
        self.info = KioskInfo(self.config, windowed=windowed, size=self.size, log_path=log_path, parent=self)
        self.admin = AdminService(
            self.config.admin_pin_hash, parent=self, state=PinStateFile(locations.user_state_dir() / PIN_STATE_FILE)
        )
        self.admin.quitRequested.connect(self.quit)
        self._opened_once = False
        snapshot.set_home(locations.user_state_dir() / "snapshots")  # not /tmp: often RAM, and shared with the system
        self.database = DatabaseService(
            db_path or self.config.db or locations.default_db_path(),
            self.catalog,
            parent=self,
            watch=watch,
            opener=self._open_database,
            later=self.startup.later,  # the first open's row and content checks: after the first frame
        )
        self.idle = IdleService(self.config.idle_timeout, self.config.idle_countdown, parent=self)
        self.idle.resetRequested.connect(self.catalog.reset)
        # A checked new database switches in between visits: at rest, at the idle reset (and attract start).
        self.idle.resetRequested.connect(self.database.applyPendingReload)
        self.idle.atRestChanged.connect(lambda: self.database.setVisitorPresent(not self.idle.atRest))
        # Language and text size belong to the visit: the idle reset brings back Russian and normal text.
        self.language = LanguageService(self)
        self.idle.resetRequested.connect(self.language.reset)
        self.language.languageChanged.connect(lambda: self.catalog.set_language(self.language.property("code")))
        self.novokuznetsk = Novokuznetsk(self)  # the section follows every database switch; idle clears it
        self.database.infoChanged.connect(self._load_section)
        self.idle.resetRequested.connect(self.novokuznetsk.reset)
        self.city_map = MapModel(self)
        # The map's city positions need the map asset (~20 ms to read): home shows no map, so after the first frame.
        self.database.infoChanged.connect(
            lambda: self.startup.later(
                "map", self.database.guarded("map", lambda: self.city_map.load(self.database.repository))
            )
        )
        # The quiz: its round belongs to the visit (the idle reset ends it); its questions follow the database.
        self.quiz = QuizService(
            lambda: self.database.repository if self.database.available else None,
            lambda: self.language.property("code"),
            self,
        )
        self.idle.resetRequested.connect(self.quiz.end)
        self.database.infoChanged.connect(self.quiz.forget_data)
        self.language.languageChanged.connect(self.quiz.relocalise)
        self.database.open()
        # Only kiosks in a fleet write a status; after the open, so the first record says what shows.
        self.fleet_status = None
        if self.config.status_dir is not None:
            from kiosk.ui.services.fleet_status import FleetStatusService

            self.fleet_status = FleetStatusService(
                self.config.status_dir,
                self.database,
                kiosk_id=self.config.kiosk_id,
                interval_s=self.config.status_interval,
                state_dir=locations.user_state_dir(),
                visits_today=self._visits_today,
                parent=self,
            )
        self.startup.later("search", self.database.guarded("search", self.catalog.warm_search))
        self.attract = AttractService(
            self.config.attract_timeout,
            self.config.slide_duration,
            self.config.quiet_hours,
            repository=lambda: self.database.repository if self.database.available else None,
            at_rest=lambda: bool(self.idle.property("atRest")),
            before_session=self.database.applyPendingReload,
            parent=self,
        )
        self.idle.countdownExpired.connect(self.attract.after_idle_reset)
        # Read-aloud stops at the idle reset and when attract mode starts; a visitor listening is still here.
        self.speech = SpeechService(self.config.read_aloud, self.config.speech_engine, parent=self)
        self.idle.resetRequested.connect(self.speech.stopAll)
        self.attract.activeChanged.connect(lambda: self.attract.property("active") and self.speech.stopAll())
        self.speech.utterance.connect(self.idle.poke)
        self.startup.later("speech", self.speech.start)  # the engine starts on its own thread
        self.attract.activeChanged.connect(self.idle.poke)  # the waking touch never reached the idle filter
        self.statistics = self._make_recorder()
        self.quiz.roundStarted.connect(lambda: self.statistics.record("quiz"))
        self.speech.speakingChanged.connect(lambda: self.speech.speakingToken and self.statistics.record("speech"))

        self.engine: QQmlApplicationEngine | None = qml_engine.new_engine()  # None once closed
        self.network = RefusingNetworkFactory()
        self.engine.setNetworkAccessManagerFactory(self.network)
        self.engine.addImageProvider("icon", IconProvider())
        self.engine.addImageProvider("qr", QrProvider(lambda: self.database.repository))
        self.engine.addImageProvider("dbimage", DatabaseImageProvider(lambda: self.database.repository))
        qmlmodule.provide(
            self.engine,
            self.info,
            self.catalog,
            self.database,
            self.admin,
            self.idle,
            self.novokuznetsk,
            self.attract,
            self.city_map,
            self.language,
            self.startup,
            self.statistics,
            self.quiz,
            self.speech,
        )
        self.language.attach(self.engine)
        self.engine.loadFromModule(qmlmodule.MODULE, "Main")
        roots = self.engine.rootObjects()
        if not roots:
            raise RuntimeError("Main.qml failed to load (see the log)")
        window = roots[0]
        if not isinstance(window, QQuickWindow):
            raise RuntimeError(f"Main.qml's root is a {type(window).__name__}, not a window")
        self.window = window
        self.window.frameSwapped.connect(self._on_frame_swapped)
        self.statistics.watch(
            idle=self.idle,
            attract=self.attract,
            catalog=self.catalog,
            language=self.language,
            stack=self.window.findChild(QObject, "stack"),
        )
        self.housekeeping = Housekeeping(self.engine, self.window, self)
        self.idle.resetRequested.connect(self.housekeeping.soon)  # between visits: release caches

        self._lockdown = Lockdown(self) if not windowed else None
        if not windowed:
            self.startup.later("cursor", self._hide_cursor)  # `Qt` (its enums) costs the first frame ~15 ms
        keep = keeper_wanted(windowed, QGuiApplication.platformName())
        self.keeper = WindowKeeper(self.window, self) if keep else None
        log.info(
            "kiosk %s started (%s, database %s, platform %s)",
            kiosk.__version__,
            "windowed" if windowed else "kiosk mode",
            self.database.path,
            QGuiApplication.platformName(),
        )

    # -- lifecycle
    def _open_database(self, path: Path):
        """The database service's opener (on its worker thread). The first open leaves the search index to the
        catalog, which builds it after the first frame; a reload builds it here, off the GUI thread."""
        first, self._opened_once = not self._opened_once, True
        return open_database(
            path, show_disputed=self.config.show_disputed_cities, search=not first, full_check=not first
        )

    def _make_recorder(self) -> StatisticsRecorder:
        """Visit statistics in the state folder (never the curators' database); off with `statistics = false`."""
        from kiosk.data.stats.store import FILE_NAME

        c = self.config
        return StatisticsRecorder(
            locations.user_state_dir() / FILE_NAME if c.statistics else None,
            idle_timeout=c.idle_timeout,
            idle_countdown=c.idle_countdown,
            attract_timeout=c.attract_timeout,
            city_name=self.catalog.name_of,
            city_names=self.catalog.names,
            parent=self,
        )

    def _visits_today(self) -> int | None:
        """Today's visits for the fleet status, where statistics are recorded (read again for the next status)."""
        stats = getattr(self, "statistics", None)  # the first status is written before the recorder exists
        if stats is None or not stats.enabled:
            return None
        stats.refresh()
        return int(stats.todayVisits)

    def _hide_cursor(self) -> None:
        from PySide6.QtCore import Qt

        QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
        self._overridden_cursor = True

    def _load_section(self) -> None:
        # Home shows only whether there is a section; its records and the model are made after the first frame.
        repository = self.database.repository
        self.novokuznetsk.expect(repository)
        self.startup.later("section", self.database.guarded("section", lambda: self.novokuznetsk.load(repository)))

    def _on_frame_swapped(self) -> None:
        if self.first_frame_ms is None:
            self.first_frame_ms = (time.perf_counter() - self._t0) * 1000
            self._watch_input()
            self.firstFrame.emit(self.first_frame_ms)
            self.startup.begin()
            self.startup.later("leftovers", self._remove_leftovers)

    def _remove_leftovers(self) -> None:
        """Private copies that a killed or crashed earlier run left behind (on a thread: rmtree of a big file)."""
        import threading

        def run() -> None:
            for path in snapshot.remove_leftovers(locations.user_state_dir() / "snapshots", None):
                log.info("removed a private database copy an earlier run left behind: %s", path)

        threading.Thread(target=run, name="kiosk-leftovers", daemon=True).start()

    def _watch_input(self) -> None:
        """The input filters, from the first frame on: before it there is nothing to touch, and every event that a
        Python filter sees is wrapped for Python (the first of each kind builds its wrapper type): ~3.5 ms of the
        first frame's CPU (callgrind, 154 filtered events)."""
        self.qapp.installEventFilter(self.idle)
        self.qapp.installEventFilter(self.attract)  # installed last, so it sees input first: a waking touch stops here
        if self._lockdown is not None:
            self.window.installEventFilter(self._lockdown)

    @Slot()
    def quit(self) -> None:
        self.on_quit(0)

    def close(self) -> None:
        """Tear down in an order that leaves no QML bindings pointing at dead objects. Safe to call twice."""
        if self.engine is None:
            return
        self.qapp.removeEventFilter(self.idle)
        self.qapp.removeEventFilter(self.attract)
        self.startup.stop()
        self.statistics.shutdown()  # the visit in progress is written, the writer's thread ends
        self.attract.shutdown()
        self.speech.shutdown()
        self.idle.stop()
        self.housekeeping.stop()
        if self.fleet_status is not None:
            self.fleet_status.stop()
        self.database.stop()
        if self._overridden_cursor:
            QGuiApplication.restoreOverrideCursor()
            self._overridden_cursor = False
        if self._lockdown is not None:
            self.window.removeEventFilter(self._lockdown)
        if self.keeper is not None:
            self.keeper.stop()
        with contextlib.suppress(RuntimeError, TypeError):
            self.window.frameSwapped.disconnect(self._on_frame_swapped)
        self.window.hide()
        self.language.detach()
        qmlmodule.release(self.engine)
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.engine = None
