"""The kiosk's status file for the fleet: `<status_dir>/<kiosk_id>.json`, written when the kiosk starts, switches
to a new edition, refuses a file or becomes unavailable, and every `status_interval` seconds.

The folder is shared back to the curator (Syncthing, send-only on the kiosk), where `kiosk-db fleet` reads it.
Writing happens on one worker thread: a slow or vanished network folder never holds up the GUI thread, and a
folder that cannot be written costs one log line (and one more when it works again), never the exhibit.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

import kiosk
from kiosk.data.fleet.status import Exhibit, KioskStatus, Refusal, file_name, iso, utc_now, write_atomic
import contextlib

log = logging.getLogger("kiosk.fleet")

LAST_RUN_FILE = "last-run.json"  # in the state folder: did the previous run end cleanly?
# Our own temporary files stay out of the sync (the same rule `kiosk-db publish` gives the exhibit folder).
STIGNORE = "(?d).*.tmp\n"


def default_kiosk_id() -> str:
    return socket.gethostname() or "kiosk"


def previous_run(state_dir: Path) -> str:
    """How the previous run ended, from the marker it left, and a new marker for this run."""
    marker = state_dir / LAST_RUN_FILE
    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
        ended = "clean exit" if data.get("clean") is True else "no clean exit (a crash, a kill or power loss)"
    except FileNotFoundError:
        ended = ""
    except (OSError, ValueError, AttributeError):
        ended = "unknown"
    _mark_run(state_dir, clean=False)
    return ended


def _mark_run(state_dir: Path, *, clean: bool) -> None:
    try:
        write_atomic(state_dir / LAST_RUN_FILE, json.dumps({"clean": clean, "pid": os.getpid()}))
    except OSError as exc:
        log.warning("cannot write %s in %s: %s", LAST_RUN_FILE, state_dir, exc.strerror or exc)


class _Writer:
    """One background thread that writes the newest record it was given (older ones it had not reached are
    dropped: only the latest state matters)."""

    def __init__(self, path: Path):
        self.path = path
        self._pending: str | None = None
        self._wake = threading.Condition()
        self._stop = False
        self._failing = False
        self._thread = threading.Thread(target=self._run, name="fleet-status", daemon=True)
        self._thread.start()

    def submit(self, text: str) -> None:
        with self._wake:
            self._pending = text
            self._wake.notify()

    def close(self, timeout: float = 2.0) -> None:
        with self._wake:
            self._stop = True
            self._wake.notify()
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            with self._wake:
                while self._pending is None and not self._stop:
                    self._wake.wait()
                text, self._pending = self._pending, None
                stop = self._stop
            if text is not None:
                self._write(text)
            if stop:
                return

    def _write(self, text: str) -> None:
        try:
            folder = self.path.parent
            folder.mkdir(parents=True, exist_ok=True)
            ignore = folder / ".stignore"
            if not ignore.exists():
                ignore.write_text(STIGNORE, encoding="utf-8")
            write_atomic(self.path, text)
        except OSError as exc:
            if not self._failing:
                log.warning("cannot write the fleet status file %s: %s", self.path, exc.strerror or exc)
            self._failing = True
            return
        if self._failing:
            log.info("the fleet status file %s is written again", self.path)
        self._failing = False


class FleetStatusService(QObject):
    def __init__(
        self,
        folder: Path,
        database,
        *,
        kiosk_id: str = "",
        interval_s: float = 300.0,
        state_dir: Path | None = None,
        visits_today: Callable[[], int | None] = lambda: None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.kiosk_id = kiosk_id or default_kiosk_id()
        self.path = Path(folder) / file_name(self.kiosk_id)
        self.interval_s = interval_s
        self._database = database
        self._visits_today = visits_today
        self._state_dir = state_dir
        self._started = utc_now()
        self._t0 = time.monotonic()  # uptime: the wall clock may jump (a PC without a battery boots in 1970)
        self._showing_since = ""
        self._last_refusal: Refusal | None = None
        self._last_restart = previous_run(state_dir) if state_dir is not None else ""
        self._writer = _Writer(self.path)
        database.infoChanged.connect(self._on_switch)
        database.availableChanged.connect(self.write)
        database.refusalChanged.connect(self._on_refusal)
        self._timer = QTimer(self)
        self._timer.setInterval(int(interval_s * 1000))
        self._timer.timeout.connect(self.write)
        self._timer.start()
        if database.available:
            self._showing_since = iso(self._started)
        self.write()
        log.info("fleet status: %s every %.0f s", self.path, interval_s)

    def _on_switch(self) -> None:
        self._showing_since = iso(utc_now())
        self.write()

    def _on_refusal(self) -> None:
        reason = self._database.refusal
        if reason:
            self._last_refusal = Refusal(file=self._database.path, reason=reason, at=iso(utc_now()))
        self.write()

    def record(self) -> KioskStatus:
        db = self._database
        visits = None
        try:
            visits = self._visits_today()
        except Exception:  # statistics are a nicety here; the status must still be written
            log.exception("visits for the fleet status")
        return KioskStatus(
            kiosk_id=self.kiosk_id,
            app_version=kiosk.__version__,
            written_at=iso(utc_now()),
            interval_s=self.interval_s,
            started_at=iso(self._started),
            uptime_s=round(time.monotonic() - self._t0, 1),
            available=bool(db.available),
            exhibit=Exhibit(db.builtAt, db.sourcesHash, db.schemaVersion) if db.available else Exhibit(),
            showing_since=self._showing_since if db.available else "",
            unavailable_reason="" if db.available else db.reason,
            last_refusal=self._last_refusal,
            last_restart=self._last_restart,
            visits_today=visits,
        )

    def write(self) -> None:
        self._writer.submit(self.record().to_json())

    def stop(self) -> None:
        """At a clean exit: a last record, then the marker that says the run ended cleanly."""
        self._timer.stop()
        for signal, slot in (
            (self._database.infoChanged, self._on_switch),
            (self._database.availableChanged, self.write),
            (self._database.refusalChanged, self._on_refusal),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        self._writer.submit(self.record().to_json())
        self._writer.close()
        if self._state_dir is not None:
            _mark_run(self._state_dir, clean=True)
