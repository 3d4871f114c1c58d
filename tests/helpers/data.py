"""Database-file helpers for the data-layer tests: change a copy the way a careless tool might."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def run_sql(path: Path, *statements: str) -> Path:
    """Apply statements to a database copy (the way a careless tool might break it)."""
    conn = sqlite3.connect(path)
    try:
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()
    return path


def fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def stamped(source: Path, target: Path, built_at: str) -> Path:
    """A copy of a good database told apart by its build time (an edition, as the kiosk and the fleet see it)."""
    import shutil

    shutil.copy(source, target)
    return run_sql(Path(target), f"UPDATE meta SET value = '{built_at}' WHERE key = 'built_at'")
