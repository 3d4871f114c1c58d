"""Opening a database file strictly read-only, with a clear DataError instead of an sqlite3 traceback.

SQLite never touches the curators' file itself: it opens a private snapshot (kiosk.data.store.snapshot), so no lock
of theirs can make us wait, nothing is created beside their file, and a FIFO or device is refused up front.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.data.errors import DataError
from kiosk.data.store.snapshot import Snapshot, take_snapshot

SQLITE_MAGIC = b"SQLite format 3\x00"
_WAL_VERSION = 2  # header bytes 18 and 19: 1 = rollback journal, 2 = WAL


class SnapshotConnection(sqlite3.Connection):
    """A connection to a private snapshot; closing it removes the snapshot."""

    snapshot: Snapshot | None = None

    def close(self) -> None:
        super().close()
        if self.snapshot is not None:
            self.snapshot.discard()
            self.snapshot = None

    def detach_snapshot(self) -> Snapshot | None:
        """Keep the snapshot after close(): the caller now owns it (and discards it)."""
        snapshot, self.snapshot = self.snapshot, None
        return snapshot


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """A connection to a private copy of `path`, after checking it is a regular, complete SQLite file."""
    snap = take_snapshot(path)
    try:
        with Path(snap.path).open("rb") as f:
            header = f.read(100)
        if not header:
            raise DataError(path, "empty file (0 bytes), not an SQLite database")
        if header[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
            raise DataError(path, "not an SQLite database (unexpected file header)")
        wal = len(header) > 19 and header[18] == _WAL_VERSION
        # A WAL-mode copy is opened writable (it is ours) and turned into a plain file, folding in its -wal.
        uri = snap.path.as_uri() + ("" if wal else "?mode=ro")
        try:
            conn = sqlite3.connect(uri, uri=True, factory=SnapshotConnection)
        except sqlite3.Error as e:
            raise DataError(path, f"cannot open: {e}") from None
        conn.snapshot = snap
        try:
            if wal:
                _ = snap.digest  # of the bytes as copied, before the copy becomes a plain file
                conn.execute("PRAGMA journal_mode=DELETE").fetchone()
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as e:
            conn.close()
            kind = "corrupt" if "malformed" in str(e) else "unreadable SQLite database"
            raise DataError(path, f"{kind}: {e}") from None
        return conn
    except BaseException:
        snap.discard()
        raise
