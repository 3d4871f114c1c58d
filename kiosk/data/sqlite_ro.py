"""Opening a database file strictly read-only, with a clear DataError instead of an sqlite3 traceback."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.data.errors import DataError

SQLITE_MAGIC = b"SQLite format 3\x00"


def open_readonly(path: str | Path) -> sqlite3.Connection:
    """A read-only connection to `path`, after checking it is an existing SQLite file.

    mode=ro never creates or writes the file. Not immutable=1: curators replace the file while kiosks run, and
    immutable would let SQLite trust stale pages.
    """
    p = Path(path)
    try:
        if not p.exists():
            raise DataError(path, "file not found")
        if p.is_dir():
            raise DataError(path, "is a folder, not a database file")
        with p.open("rb") as f:
            header = f.read(len(SQLITE_MAGIC))
    except OSError as e:
        raise DataError(path, f"cannot read: {e.strerror or e}") from None
    if not header:
        raise DataError(path, "empty file (0 bytes), not an SQLite database")
    if header != SQLITE_MAGIC:
        raise DataError(path, "not an SQLite database (unexpected file header)")
    try:
        conn = sqlite3.connect(p.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise DataError(path, f"cannot open: {e}") from None
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as e:
        conn.close()
        kind = "corrupt" if "malformed" in str(e) else "unreadable SQLite database"
        raise DataError(path, f"{kind}: {e}") from None
    return conn
