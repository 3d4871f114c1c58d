"""The admin PIN's lock-out counter, kept across restarts in the state folder.

Why: pulling the plug (or a crash and systemd's restart) must not hand a guesser three fresh attempts. The file
holds the count of wrong PINs in a row, the current lock length and when the lock ends (wall-clock time, since
the monotonic clock restarts with the process). An unreadable file counts as no history; a file that cannot be
written is logged once and the kiosk carries on with the count in memory.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

log = logging.getLogger("kiosk.admin")

FILE_NAME = "pin-lockout.json"


class PinStateFile:
    def __init__(self, path: Path, wall_clock=time.time):
        self.path = Path(path)
        self.wall_clock = wall_clock
        self._write_failed = False

    def restore(self, limiter) -> None:
        """Put the saved count and the lock still running into `limiter` (a RateLimiter)."""
        try:
            text = self.path.read_text(encoding="utf-8")
            import json  # here: most kiosks have no lock-out file, and start-up is shorter without json

            data = json.loads(text)
            failures, lock, until = int(data["failures"]), float(data["lock_seconds"]), float(data["locked_until"])
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("ignoring the PIN lock-out file %s (%s)", self.path, exc)
            return
        limiter.failures = max(0, failures)
        limiter._lock = min(max(0.0, lock), limiter.max_lock)
        # A clock set back must not lengthen a lock beyond the longest one.
        remaining = min(max(0.0, until - self.wall_clock()), limiter.max_lock)
        limiter.locked_until = limiter.clock() + remaining if remaining else 0.0
        if limiter.failures:
            log.info("PIN lock-out state restored: %d wrong in a row, %.0f s of lock left", limiter.failures, remaining)

    def save(self, limiter) -> None:
        import json

        data = {
            "failures": limiter.failures,
            "lock_seconds": limiter._lock,
            "locked_until": self.wall_clock() + limiter.remaining(),
        }
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(data), encoding="utf-8")
            Path(tmp).replace(self.path)
            self._write_failed = False
        except OSError as exc:
            if not self._write_failed:
                log.warning(
                    "cannot keep the PIN lock-out count in %s (%s); it lasts until a restart",
                    self.path,
                    exc.strerror or exc,
                )
                self._write_failed = True
