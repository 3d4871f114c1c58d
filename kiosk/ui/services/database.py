"""The database as the kiosk sees it: open, expose state to QML (`Database`), reload, and watch the file.

- A missing, empty, corrupt or foreign file, or a newer schema, makes the kiosk *unavailable*: visitors see
  a calm screen; the one-line reason goes to the log (and `--self-test` prints it).
- Curators replace the file (ideally atomically: copy beside it, then rename over it). A QFileSystemWatcher on
  the file *and* its directory notices; after a quiet moment (debounce) the new file is opened and checked,
  and only a file that opens cleanly replaces the data on screen. A bad new file leaves the old data showing.
- While unavailable, a slow retry timer also checks the path (directories can appear late, e.g. USB mounts).
"""

from __future__ import annotations

import logging
from typing import Any
from pathlib import Path

from PySide6.QtCore import Property, QFileSystemWatcher, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton

from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, instance_for  # noqa: F401 (@QmlNamedElement reads them)

log = logging.getLogger("kiosk.database")

DEBOUNCE_MS = 600
RETRY_MS = 10_000


def open_database(path: Path):
    """(repository, search engine) for `path`, or the data layer's DataError with a one-line message."""
    from kiosk.data.repository import Repository
    from kiosk.data.search import SearchEngine

    repo = Repository.open(path)
    return repo, SearchEngine.from_repository(repo)


def _meta_get(meta, key: str, default=""):
    if meta is None:
        return default
    if isinstance(meta, dict):
        value = meta.get(key, default)
    else:
        value = getattr(meta, key, default)
    return default if value is None else value


def _signature(path: Path):
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


@QmlNamedElement("Database")
@QmlSingleton
class DatabaseService(QObject):
    """QML's singleton `Database`."""

    @staticmethod
    def create(engine):  # QML's singleton `Database`: the instance the app provided
        return instance_for(engine, DatabaseService)

    availableChanged = Signal()
    infoChanged = Signal()
    reloaded = Signal(bool)  # True when new data is showing

    def __init__(self, path: Path | str, catalog: Any, parent: QObject | None = None, *, watch: bool = True,
                 opener=None):
        super().__init__(parent)
        self._path = Path(path).expanduser().absolute()
        self._catalog = catalog
        self._opener = opener
        self._available = False
        self._reason = "not opened yet"
        self._repository = None
        self._engine = None
        self._meta = None
        self._city_count = 0
        self._loaded_signature = None
        self._watcher: QFileSystemWatcher | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_settled)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._on_settled)
        if watch:
            self._watcher = QFileSystemWatcher(self)
            self._watcher.fileChanged.connect(self._on_changed)
            self._watcher.directoryChanged.connect(self._on_changed)
            self._rewatch()

    # -- QML-facing state
    @Property(bool, notify=availableChanged)
    def available(self) -> bool:
        return self._available

    @Property(str, constant=True)
    def path(self) -> str:
        return str(self._path)

    @Property(int, notify=infoChanged)
    def cityCount(self) -> int:
        return self._city_count

    @Property(str, notify=infoChanged)
    def builtAt(self) -> str:
        return str(_meta_get(self._meta, "built_at"))

    @Property(str, notify=infoChanged)
    def sourcesHash(self) -> str:
        return str(_meta_get(self._meta, "sources_sha256"))

    @Property(str, notify=infoChanged)
    def schemaVersion(self) -> str:
        return str(_meta_get(self._meta, "schema_version"))

    @property
    def reason(self) -> str:
        """Why the database is unavailable (for the log, the admin and --self-test; never for visitors)."""
        return "" if self._available else self._reason

    @property
    def repository(self):
        return self._repository

    @property
    def search_engine(self):
        return self._engine

    # -- opening
    def _try_open(self):
        """(repository, engine, meta, count) or raises; nothing on screen changes here."""
        if not self._path.exists():
            raise FileNotFoundError(f"{self._path}: database file not found")
        repo, engine = (self._opener or open_database)(self._path)
        cities = list(repo.cities())
        if not cities:
            raise ValueError(f"{self._path}: the database holds no cities")
        meta = repo.meta() if hasattr(repo, "meta") else None
        return repo, engine, meta, len(cities)

    def open(self) -> bool:
        """Open the file now; on failure the kiosk becomes unavailable (keeps nothing stale)."""
        signature = _signature(self._path)
        try:
            repo, engine, meta, count = self._try_open()
        except Exception as exc:  # noqa: BLE001 - any failure means "unavailable", with its reason logged
            self._set_unavailable(_one_line(exc))
            return False
        self._switch_to(repo, engine, meta, count, signature)
        return True

    @Slot(result=bool)
    def reload(self) -> bool:
        """From the admin panel: re-read the file. A file that fails keeps the current data on screen."""
        log.info("reload requested")
        return self._reload_if_valid(force=True)

    def _reload_if_valid(self, force: bool = False) -> bool:
        signature = _signature(self._path)
        if not force and self._available and signature == self._loaded_signature:
            return False
        try:
            repo, engine, meta, count = self._try_open()
        except Exception as exc:  # noqa: BLE001
            reason = _one_line(exc)
            if self._available:
                log.warning("the new database file is not usable, keeping the current data: %s", reason)
            else:
                self._set_unavailable(reason, quiet=reason == self._reason)
            self.reloaded.emit(False)
            return False
        self._switch_to(repo, engine, meta, count, signature)
        self.reloaded.emit(True)
        return True

    def _switch_to(self, repo, engine, meta, count, signature) -> None:
        old = self._repository
        self._repository, self._engine, self._meta, self._city_count = repo, engine, meta, count
        self._loaded_signature = signature
        try:
            self._catalog.load(repo, engine)
        except Exception as exc:  # noqa: BLE001 - a broken model must not take the kiosk down
            log.exception("the catalog could not load the database")
            self._set_unavailable(f"catalog: {_one_line(exc)}")
            return
        if old is not None and old is not repo and hasattr(old, "close"):
            try:
                old.close()
            except Exception:  # noqa: BLE001
                log.debug("closing the old repository failed", exc_info=True)
        self._retry.stop()
        log.info("database %s open: %d cities, built %s, sources %s", self._path, count,
                 _meta_get(meta, "built_at", "?"), str(_meta_get(meta, "sources_sha256", "?"))[:12])
        self.infoChanged.emit()
        if not self._available:
            self._available = True
            self._reason = ""
            self.availableChanged.emit()

    def _set_unavailable(self, reason: str, quiet: bool = False) -> None:
        if not quiet:
            log.error("database unavailable: %s", reason)
        self._reason = reason
        if self._watcher is not None and not self._retry.isActive():
            self._retry.start()
        if self._available:
            self._available = False
            self.availableChanged.emit()

    # -- watching
    def _rewatch(self) -> None:
        if self._watcher is None:
            return
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        for candidate in (self._path, self._path.parent):
            if str(candidate) not in watched and candidate.exists():
                self._watcher.addPath(str(candidate))

    def _on_changed(self, _path: str) -> None:
        self._debounce.start()  # restart: wait until the curator's copy has settled

    def _on_settled(self) -> None:
        self._rewatch()  # an atomic rename drops the file from the watch list
        self._reload_if_valid()

    def stop(self) -> None:
        """Stop watching and timers (the app calls this on exit; nothing keeps running afterwards)."""
        self._debounce.stop()
        self._retry.stop()
        if self._watcher is not None:
            paths = self._watcher.files() + self._watcher.directories()
            if paths:
                self._watcher.removePaths(paths)


def _one_line(exc: BaseException) -> str:
    text = str(exc) or exc.__class__.__name__
    text = " ".join(text.split())
    if isinstance(exc, OSError) and exc.filename and exc.strerror:
        text = f"{exc.filename}: {exc.strerror}"
    return text[:300]


__all__ = ["DatabaseService", "open_database"]
