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
