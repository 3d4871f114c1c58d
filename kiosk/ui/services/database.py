"""The database as the kiosk sees it: open, expose state to QML (`Database`), notice new files, switch between visits.

- A missing, empty, corrupt or foreign file, a FIFO or device, or a newer schema, makes the kiosk *unavailable*:
  visitors see a calm screen; the one-line reason goes to the log (and `--self-test` prints it). The app's first
  open checks only that much; the row and content checks follow the first frame (`verify()`), and a problem
  they find makes the kiosk unavailable the same way.
- Nothing here touches the file system on the GUI thread: opening, checking and even stat() run on a worker
  thread (DbJobs) and come back as a queued signal, so a locked, hung or hostile file never freezes the screen.
- New files are noticed two ways: a QFileSystemWatcher on the path, its folder and the folder above (fast), and
  a slow poll of the path *as a path* that always runs (a replaced folder or a re-pointed `current ->
  release-N` symlink gives a new inode the watcher never sees).
- Only the database file itself counts (`_changed_job`): a note, a photograph or Syncthing's temporary files
  created beside it or in the folder above cost one stat() and nothing more. Its identity (device, inode),
  size and modification time decide; when only the identity or the time changed, the content's checksum
  decides (a `touch`, or the same bytes copied again, is no new file). A folder the kiosk may no longer enter
  (mode 000, another user's) is not watched; the open that follows refuses the path in one log line, and
  the last good data stays.
- A new file that checks out is held as `pendingReload` and switched in *between visits*: when the kiosk is at
  rest (home, nothing open), at the idle reset, or when attract mode starts (`applyPendingReload()`). A file
  that fails keeps the last good data showing; `refusal` says why (the admin panel shows it). The admin
  panel's reload switches at once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QFileSystemWatcher, QObject, QTimer, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton

from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, instance_for  # noqa: F401 — @QmlNamedElement reads them

from kiosk.data.errors import DataError
from kiosk.data.store.snapshot import BusyFile, Signature, content_digest, signature

log = logging.getLogger("kiosk.database")

DEBOUNCE_MS = 600
POLL_MS = 5_000
OPEN_WAIT_S = 10.0  # at start-up, how long the window waits for the first open before showing «unavailable»


def open_database(path: Path, show_disputed: bool = False, search: bool = True, full_check: bool = True):
    """(repository, search engine) for `path`, or the data layer's DataError with a one-line message.
    Cities whose identity is an open question are withheld unless `show_disputed` (config show_disputed_cities).
    With search=False the engine is None: the catalog builds it later, on the GUI thread (start-up does, after
    the first frame: the search module with its stemmer and romaniser is not even imported before).
    With full_check=False the row and content checks are left to `DatabaseService.verify()` (start-up)."""
    from kiosk.data.store.repository import Repository

    repo = Repository.open(path, full_check=full_check)
    if not show_disputed:
        repo.withhold_cities(repo.disputed_city_ids())
    if not search:
        return repo, None
    from kiosk.data.search.engine import SearchEngine

    return repo, SearchEngine.from_repository(repo)


def _meta_get(meta, key: str, default=""):
    if meta is None:
        return default
    value = meta.get(key, default) if isinstance(meta, dict) else getattr(meta, key, default)
    return default if value is None else value


def probe(path: Path) -> Signature | None:
    """The path's signature now (following symlinks), or None when nothing usable is there."""
    try:
        return signature(path.stat())
    except OSError:
        return None


class _OpenFailed(Exception):
    """A file that did not open, with the signature it had then: the same bad file is not judged again until it
    changes."""

    def __init__(self, cause: Exception, signature: Signature | None) -> None:
        super().__init__(str(cause))
        self.cause = cause
        self.signature = signature


class DbJobs:
    """One long-lived worker thread for file-system jobs, at most one job queued or running at a time;
    `done(kind, token, result)` is called on that thread (the service turns it into a queued signal). A hung
    job holds back later ones instead of piling up threads, and no thread is made per poll (long uptime)."""

    def __init__(self, done):
        self._done = done
        self._busy = threading.Lock()
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="kiosk-db", daemon=True)
        self._thread.start()

    def busy(self) -> bool:
        return self._busy.locked()

    def start(self, kind: str, token, fn) -> threading.Event | None:
        if not self._busy.acquire(blocking=False):
            return None
        finished = threading.Event()
        self._queue.put((kind, token, fn, finished))
        return finished

    def stop(self) -> None:
        self._queue.put(None)

    def _run(self) -> None:
        while (job := self._queue.get()) is not None:
            kind, token, fn, finished = job
            try:
                result = ("ok", fn())
            except Exception as exc:  # every failure is a reason to show, never a traceback
                result = ("error", exc)
            del fn
            self._busy.release()  # before the result is delivered, so its handler may start the next job
            self._done(kind, token, result)
            del result
            finished.set()


@QmlNamedElement("Database")
@QmlSingleton
class DatabaseService(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    """QML's singleton `Database`."""

    @staticmethod
    def create(engine):  # QML's singleton `Database`: the instance the app provided
        return instance_for(engine, DatabaseService)

    availableChanged = Signal()
    infoChanged = Signal()
    reloaded = Signal(bool)  # True when new data is showing (or, for a watched file, is waiting to show)
    pendingReloadChanged = Signal()
    refusalChanged = Signal()
    _jobDone = Signal(str, object, object)  # from the worker thread, queued to this object's thread

    def __init__(
        self,
        path: Path | str,
        catalog: Any,
        parent: QObject | None = None,
        *,
        watch: bool = True,
        opener=None,
        poll_ms: int | None = None,
        later=None,
    ):
        super().__init__(parent)
        # abspath: absolute and «..» folded, without following links (Path has absolute() or resolve(), not both).
        self._path = Path(os.path.abspath(Path(path).expanduser()))  # noqa: PTH100 — see the line above
        self._catalog = catalog
        self._opener = opener or open_database
        # Where verify() of a quickly opened file is queued (start-up's `later`: after the first frame).
        self._later = later or (lambda _name, task: task())
        self._available = False
        self._reason = "not opened yet"
        self._refusal = ""
        self._repository: Any = None
        self._engine = None
        self._meta = None
        self._city_count = 0
        self._loaded_signature = None
        # The last file we judged (good or bad): not judged again until it changes.
        self._seen_signature: Signature | None = None
        self._seen_digest: Any = None  # () -> its content's checksum (good files; read on the worker when needed)
        self._unwatchable: set[str] = set()  # folders we could not look into (logged once each)
        self._pending = None
        self._visitor_present = False
        self._force_next = False
        self._again = False
        self._verify_again = False
        self._stopped = False
        self._jobs = DbJobs(self._emit_done)
        self._jobDone.connect(self._on_job_done)
        self._watcher: QFileSystemWatcher | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._check)
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms or POLL_MS)
        self._poll.timeout.connect(self._on_poll)
        if watch:
            self._watcher = QFileSystemWatcher(self)
            self._watcher.fileChanged.connect(self._on_changed)
            self._watcher.directoryChanged.connect(self._on_changed)
            self._rewatch()
            self._poll.start()

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

    @Property(bool, notify=pendingReloadChanged)
    def pendingReload(self) -> bool:
        """A new, checked file waits for the end of the current visit."""
        return self._pending is not None

    @Property(str, notify=refusalChanged)
    def refusal(self) -> str:
        """Why the last new file was refused (one line, for staff); empty after a good file."""
        return self._refusal

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

    # -- opening (worker thread)
    def _open_job(self):
        """(repository, engine, meta, count, signature) or raises; runs off the GUI thread."""
        before = probe(self._path)
        try:
            repo, engine = self._opener(self._path)
            cities = list(repo.cities())
            if not cities:
                raise ValueError(f"{self._path}: the database holds no cities")
        except Exception as exc:
            raise _OpenFailed(exc, before) from exc
        meta = repo.meta() if hasattr(repo, "meta") else None
        return repo, engine, meta, len(cities), before

    def _emit_done(self, kind: str, token, result) -> None:
        with contextlib.suppress(RuntimeError):  # the service was deleted while the job ran (the app closed)
            self._jobDone.emit(kind, token, result)

    def open(self, wait_s: float = OPEN_WAIT_S) -> bool:
        """Open the file at start-up. Waits (bounded) so the first frame shows data; a file that takes longer
        shows «unavailable» meanwhile and switches in when it is ready."""
        finished = self._start_open(force=True)
        if finished is not None and finished.wait(wait_s):
            from PySide6.QtCore import QCoreApplication, QEvent

            QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)  # deliver the result now
        if not self._available and self._reason == "not opened yet":
            self._set_unavailable(f"{self._path}: still opening after {wait_s:.0f} s")
        return self._available

    def verify(self) -> None:
        """Run the checks a quick open left out (Repository.open(full_check=False)), on the worker thread, on
        the file as it is now. A problem makes the kiosk unavailable, as it would have at the open; a file that
        changed meanwhile is left to the watcher, which judges the new file in full."""
        self._verify_again = False
        repo, sig = self._repository, self._loaded_signature
        if self._stopped or repo is None or getattr(repo, "checked", True):
            return
        path = self._path

        def job():
            """The problem found, None for none, or False when the file is no longer the one shown."""
            from kiosk.data.store.repository import verify_file

            if probe(path) != sig:
                return False
            try:  # the snapshot shown is this very file: checked in place, not copied a second time
                return verify_file(path, repo.snapshot_path if hasattr(repo, "snapshot_path") else None)
            except DataError:  # gone or being replaced: the watcher judges whatever comes, in full
                return False

        self._verify_again = self._jobs.start("verify", repo, job) is None  # busy: again when that job is done

    def guarded(self, what: str, task):
        """`task` (a model loading the data shown: the section, the map…) made safe: a value it cannot use makes
        the kiosk unavailable, as a refused file would, instead of a crash that every restart repeats. Only a
        file the full checks have not seen yet gets this far (start-up's quick open); `verify()` then names the
        exact table, row and field."""

        def run() -> None:
            try:
                task()
            except Exception as exc:
                if self._available and getattr(self._repository, "checked", True):
                    raise  # the full checks passed this file: a bug, which ends the kiosk like any other
                log.debug("%s failed on the database", what, exc_info=True)  # a bad value: no crash loop
                self._set_unavailable(f"{what}: {_one_line(exc)}")

        return run

    @Slot()
    def reload(self) -> None:
        """From the admin panel: re-read the file now and switch at once; `reloaded` tells how it went."""
        log.info("reload requested")
        self._start_open(force=True)

    def _start_open(self, force: bool):
        if self._stopped:
            return None
        self._force_next = self._force_next or force
        finished = self._jobs.start("open", self._force_next, self._open_job)
        if finished is None:
            self._again = True  # a job is running: check again when it is done
        else:
            self._force_next = False
            # A file still waiting is superseded by the one being read now: its private copy goes first, so at most
            # the copy shown and the one being made are on disk at once (with photographs, ~0.5 GB each).
            self._drop_pending()
        return finished

    @Slot(str, object, object)
    def _on_job_done(self, kind: str, token, result) -> None:
        if self._stopped:
            return
        status, value = result
        if kind in ("probe", "check"):
            changed = self._file_changed(value) if status == "ok" else True
            if changed and kind == "check":
                self._rewatch()  # an atomic rename drops the file from the watch list
                self._start_open(force=False)
            elif changed and not self._debounce.isActive():
                self._rewatch()
                self._debounce.start()  # let the copy settle, then check again
        elif kind == "verify":
            self._verified(token, value if status == "ok" else False)
        elif kind == "digest":
            pass  # the checksum is kept by the repository it was read for
        elif status == "ok":
            self._accept(value, force=bool(token))
        else:
            cause, signature = (value.cause, value.signature) if isinstance(value, _OpenFailed) else (value, None)
            self._refuse(cause, transient=isinstance(cause, BusyFile), signature=signature)
        if self._again and not self._jobs.busy():
            self._again = False
            self._start_open(force=False)
        if kind == "open" and status == "ok" and self._seen_digest is not None and not self._jobs.busy():
            # While nothing else runs: the checksum of the file just read, from its private copy (with photographs
            # ~1 s), so that a same-size file arriving later costs one read of that file, not two.
            self._jobs.start("digest", None, self._seen_digest)
        if self._verify_again and not self._jobs.busy():
            self.verify()

    def _verified(self, repo, problem) -> None:
        if repo is not self._repository or problem is False:
            return  # another file is showing by now, or on its way (and is checked in full when it is opened)
        repo.checked = True
        if problem is not None:
            reason = _one_line(problem)
            self._set_refusal(reason)
            self._set_unavailable(reason)

    def _accept(self, opened, force: bool) -> None:
        self._seen_signature = opened[4]
        self._seen_digest = _digest_getter(opened[0])
        self._set_refusal("")
        if force or not self._available or not self._visitor_present:
            self._drop_pending()
            self._switch_to(*opened)
            self.reloaded.emit(True)
            return
        self._drop_pending()
        self._pending = opened
        log.info("a new database file is checked and waits for the end of the visit")
        self.pendingReloadChanged.emit()
        self.reloaded.emit(True)

    def _refuse(self, exc: BaseException, transient: bool, signature: Signature | None) -> None:
        reason = _one_line(exc)
        # A write in progress is looked at again by the next poll; a bad file only once it changes.
        self._seen_signature = None if transient else signature
        self._seen_digest = None
        if self._available:
            if reason != self._refusal:
                log.warning("the new database file is not usable, keeping the current data: %s", reason)
        else:
            self._set_unavailable(reason, quiet=reason == self._reason)
        self._set_refusal(reason)
        self.reloaded.emit(False)

    def _set_refusal(self, reason: str) -> None:
        if reason != self._refusal:
            self._refusal = reason
            self.refusalChanged.emit()

    # -- switching between visits
    def setVisitorPresent(self, present: bool) -> None:
        """The app says whether someone is mid-visit (not at rest); when the visit ends, a pending file switches."""
        self._visitor_present = bool(present)
        if not present:
            self.applyPendingReload()

    @Slot()
    def applyPendingReload(self) -> None:
        """Switch to the checked new file, if one waits (idle reset, attract mode start, end of a visit)."""
        if self._pending is not None:
            opened, self._pending = self._pending, None
            self.pendingReloadChanged.emit()
            self._switch_to(*opened)

    def _drop_pending(self) -> None:
        if self._pending is not None:
            repo, self._pending = self._pending[0], None
            if hasattr(repo, "close"):
                repo.close()  # its private snapshot goes with it
            self.pendingReloadChanged.emit()

    def _switch_to(self, repo, engine, meta, count, sig) -> None:
        old = self._repository
        self._repository, self._engine, self._meta, self._city_count = repo, engine, meta, count
        self._loaded_signature = sig
        try:
            self._catalog.load(repo, engine)
        except Exception as exc:  # a broken model must not take the kiosk down
            log.exception("the catalog could not load the database")
            self._set_unavailable(f"catalog: {_one_line(exc)}")
            return
        if old is not None and old is not repo and hasattr(old, "close"):
            try:
                old.close()
            except Exception:
                log.debug("closing the old repository failed", exc_info=True)
        if not getattr(repo, "checked", True):
            self._later("verify", self.verify)
        log.info(
            "database %s open: %d cities, built %s, sources %s",
            self._path,
            count,
            _meta_get(meta, "built_at", "?"),
            str(_meta_get(meta, "sources_sha256", "?"))[:12],
        )
        self.infoChanged.emit()
        if not self._available:
            self._available = True
            self._reason = ""
            self.availableChanged.emit()

    def _set_unavailable(self, reason: str, quiet: bool = False) -> None:
        if not quiet:
            log.error("database unavailable: %s", reason)
        self._reason = reason
        if self._available:
            self._available = False
            self.availableChanged.emit()

    # -- watching
    def _rewatch(self) -> None:
        """Watch the path, its folder and the folder above as they are *now* (a replaced folder or re-pointed
        symlink drops the old watches; inotify follows inodes, not names)."""
        if self._watcher is None:
            return
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        for candidate in map(str, (self._path, self._path.parent, self._path.parent.parent)):
            try:
                Path(candidate).stat()  # (Path.exists() raises PermissionError for a folder we may not enter)
                if not os.access(candidate, os.R_OK):  # inotify needs read access (else a Qt warning each time)
                    raise PermissionError(13, "Permission denied", candidate)
            except PermissionError as exc:
                if candidate not in self._unwatchable:  # the open that follows says it once, for staff
                    self._unwatchable.add(candidate)
                    log.debug("cannot watch %s (%s)", candidate, exc.strerror or exc)
                continue
            except OSError:
                continue
            self._unwatchable.discard(candidate)
            self._watcher.addPath(candidate)

    def _on_changed(self, _path: str) -> None:
        self._debounce.start()  # restart: wait until the curator's copy has settled

    def _on_poll(self) -> None:
        if not self._jobs.busy():
            self._jobs.start("probe", None, self._changed_job)

    def _check(self) -> None:
        """Something changed in a watched folder, and has settled: look at the database file (off this thread)."""
        if self._jobs.start("check", None, self._changed_job) is None:
            self._debounce.start()  # a job is running: look again a little later

    def _changed_job(self):
        """(signature, digest or None) of the file at the path now; None when nothing usable is there. Runs on
        the worker thread. The checksum is read only when size and time cannot tell (same size, new identity
        or time), so a busy folder costs a stat() per event."""
        sig, seen = probe(self._path), self._seen_signature
        seen_digest = self._seen_digest
        if sig is None or seen is None or sig == seen or sig[2] != seen[2] or seen_digest is None:
            return sig, None
        try:  # the file shown's checksum is read from its private copy the first time (with photographs, ~1 s)
            known = seen_digest()
            return (sig, None) if known is None else (sig, (content_digest(self._path), known))
        except DataError:
            return sig, None

    def _file_changed(self, found) -> bool:
        """Whether `found` (from _changed_job) is another file than the one last judged; the same bytes under a
        new identity or time are adopted as seen (and the watches renewed: the old inode's watch is gone)."""
        sig, digests = found
        if sig == self._seen_signature:
            return False
        if sig is not None and digests is not None and digests[0] == digests[1]:
            if self._loaded_signature == self._seen_signature:
                self._loaded_signature = sig
            self._seen_signature = sig
            self._rewatch()
            log.info("the database file was touched or copied again with the same content; nothing to reload")
            return False
        return True

    def stop(self) -> None:
        """Stop watching and timers (the app calls this on exit; nothing keeps running afterwards)."""
        self._stopped = True
        self._jobs.stop()
        self._debounce.stop()
        self._poll.stop()
        self._drop_pending()
        if self._watcher is not None:
            paths = self._watcher.files() + self._watcher.directories()
            if paths:
                self._watcher.removePaths(paths)


def _digest_getter(repo):
    """() -> the checksum of the file `repo` was read from, without keeping `repo` alive; None when there is none.
    With photographs the checksum is read from the private copy the first time: call it on the worker thread."""
    import weakref

    try:
        ref = weakref.ref(repo)
    except TypeError:  # a stand-in without weak references (tests): its checksum as it is now
        value = getattr(repo, "content_digest", None)
        return None if value is None else lambda: value

    def get() -> int | None:
        target = ref()
        if target is None:
            return None
        digest = getattr(target, "digest", None)
        return digest() if callable(digest) else getattr(target, "content_digest", None)

    return get


def _one_line(exc: BaseException) -> str:
    text = str(exc) or exc.__class__.__name__
    text = " ".join(text.split())
    if isinstance(exc, OSError) and exc.filename and exc.strerror:
        text = f"{exc.filename}: {exc.strerror}"
    return text[:300]


__all__ = ["DatabaseService", "open_database"]
