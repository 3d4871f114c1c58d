"""Logging: a size-bounded rotating file (1 MB × 3 backups) plus stderr. Safe to call more than once."""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path

from kiosk.stand_in import Deferred, standing_in

# logging.handlers imports socket and pickle for its network handlers, which the kiosk never uses: deferred to
# their first use, they leave the rotating file handler cheaper to reach at start-up. Still pays: nothing else loads
# them by the first frame, and `import socket, pickle` takes 6 ms (median of 5 fresh interpreters, dev box).
with standing_in("socket", Deferred("socket")), standing_in("pickle", Deferred("pickle")):
    from logging.handlers import RotatingFileHandler

MAX_BYTES = 1_000_000
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
LOG_NAME = "kiosk.log"

_installed: list[logging.Handler] = []


class QuietOnFailure:
    """Mixin for a log handler: when a record cannot be written (disk full, stderr gone), say so in one line,
    once, instead of logging's 30-line `--- Logging error ---` traceback on every record; the kiosk carries
    on. A later successful write re-arms the report."""

    _failed = False
    _this_record_failed = False

    def handleError(self, record: logging.LogRecord | None) -> None:
        self._this_record_failed = True
        if self._failed:
            return
        self._failed = True
        exc = sys.exc_info()[1]
        where = getattr(self, "baseFilename", None) or "stderr"
        reason = getattr(exc, "strerror", None) or exc or "unknown error"
        try:
            stream = sys.__stderr__
            if stream is not None:
                stream.write(
                    f"kiosk: cannot write the log to {where} ({reason}); further log records are dropped until it can\n"
                )
                stream.flush()
        except Exception:  # stderr itself may be the broken one
            pass

    def emit(self, record: logging.LogRecord) -> None:
        self._this_record_failed = False
        super().emit(record)  # type: ignore[misc]
        if not self._this_record_failed:
            self._failed = False

    def flush(self) -> None:
        try:
            super().flush()  # type: ignore[misc]
        except OSError:
            self.handleError(None)  # a flush failed: no record to name

    def close(self) -> None:
        with contextlib.suppress(OSError):  # the last buffered bytes had nowhere to go; already reported
            super().close()  # type: ignore[misc]


class QuietRotatingFileHandler(QuietOnFailure, RotatingFileHandler):
    pass


class QuietStreamHandler(QuietOnFailure, logging.StreamHandler):
    pass


def setup_logging(
    log_dir: Path | None, *, level: int = logging.INFO, stderr: bool = True, stderr_level: int = logging.WARNING
) -> Path | None:
    """Route the `kiosk` loggers (and Qt's, via the message handler) to a bounded file and stderr.

    Returns the log file path, or None when the directory cannot be written (then stderr only, and
    one warning says why: a kiosk must start even on a read-only disk).
    """
    from kiosk.ui.platform.locations import user_log_dir

    shutdown_logging()
    root = logging.getLogger("kiosk")
    root.setLevel(level)

    if stderr:
        err = QuietStreamHandler(sys.stderr)
        err.setLevel(stderr_level)
        err.setFormatter(logging.Formatter("kiosk: %(levelname)s: %(message)s"))
        root.addHandler(err)
        _installed.append(err)

    directory = Path(log_dir) if log_dir else user_log_dir()
    path = directory / LOG_NAME
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = QuietRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError as exc:
        root.warning("cannot write the log in %s (%s); logging to stderr only", directory, exc.strerror or exc)
        return None
    handler.setLevel(level)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    _installed.append(handler)
    return path


def shutdown_logging() -> None:
    root = logging.getLogger("kiosk")
    for handler in _installed:
        root.removeHandler(handler)
        handler.close()
    _installed.clear()
