"""An unhandled exception ends the kiosk: its traceback goes to the bounded log, never to the screen, and the
process exits with CRASH_EXIT so the supervisor (systemd's Restart=always, Windows' Shell Launcher) starts a
fresh kiosk instead of leaving visitors with a half-working one.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

CRASH_EXIT = 70  # EX_SOFTWARE: an internal error, not a bad command line (2) or a missing display (1)

log = logging.getLogger("kiosk.crash")


def _log_and_exit(exc_type, exc, tb, where: str) -> None:
    try:
        log.critical(
            "unhandled exception %s; exiting with %d for a restart", where, CRASH_EXIT, exc_info=(exc_type, exc, tb)
        )
        logging.shutdown()  # flush the file before the hard exit
    finally:
        # os._exit: no Qt teardown that could raise again or hang behind a wedged event loop.
        os._exit(CRASH_EXIT)


def install() -> None:
    """Route every unhandled exception (Qt slots and QML callbacks call sys.excepthook; threads their own hook)
    to the log and a non-zero exit."""
    sys.excepthook = lambda t, e, tb: _log_and_exit(t, e, tb, "on the main thread")
    threading.excepthook = lambda a: _log_and_exit(
        a.exc_type, a.exc_value, a.exc_traceback, f"in thread {a.thread.name if a.thread else '?'}"
    )
