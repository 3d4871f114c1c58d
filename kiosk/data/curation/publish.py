"""Writing a database file safely: into a temporary file beside the target, checked, then renamed over it.

Every command that writes (build, import, add-image, remove-image) goes through here, so a kiosk that has the old
file open keeps reading it undisturbed, the next open sees the new one, and nothing is written on error.

The temporary file (`.kiosk.sqlite.<random>.tmp`) is locked while it is written: one that a hard-killed earlier
run left behind is unlocked, and the next write to the same target removes it (`remove_stale_temporaries`).
`check_target` refuses to replace a file that is not a kiosk database (a workbook, notes) unless told to.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import sqlite_utils

from kiosk import __version__
from kiosk.data.store import schema
from kiosk.data.store.records import City, Tag
from kiosk.data.search.engine import terms_for_city
from kiosk.data.errors import DataError, DataErrors
from kiosk.data.store.validate import check_file

_PY_TYPES = {"TEXT": str, "INTEGER": int, "REAL": float, "BLOB": bytes}


def create_schema(db: sqlite_utils.Database) -> None:
    for table in schema.TABLES.values():
        db[table.name].create(
            {c.name: _PY_TYPES[c.type] for c in table.columns},
            pk=table.pk[0] if len(table.pk) == 1 else table.pk,
            not_null={c.name for c in table.columns if c.required},
            foreign_keys=list(table.foreign_keys),
        )


def write_search_terms(db: sqlite_utils.Database, cities: Iterable[City], tags: Mapping[str, Tag]) -> None:
    db[schema.SEARCH_TERMS.name].insert_all(
        {"city_id": c.id, **{col: " ".join(getattr(terms_for_city(c, tags), col)) for col in schema.SEARCH_COLUMNS}}
        for c in cities
    )


def write_qr_codes(db: sqlite_utils.Database, urls: Iterable[str | None]) -> None:
    """A QR code for every address a memorial card shows (kiosk.data.qr_codes)."""
    from kiosk.data import qr_codes

    db[schema.QR_CODES.name].insert_all({"url": u, "png": qr_codes.png(u)} for u in sorted({u for u in urls if u}))


def write_meta(db: sqlite_utils.Database, sources_sha256: str, sources: list[str]) -> None:
    """The meta rows of a new file: schema version, build time, and what it was made from."""
    meta = {
        "schema_version": str(schema.SCHEMA_VERSION),
        "built_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "app_version": __version__,
        "sources_sha256": sources_sha256,
        "sources": json.dumps(sources, ensure_ascii=False),
    }
    db["meta"].insert_all({"key": k, "value": v} for k, v in meta.items())


def _lock(fd: int) -> bool:
    """An exclusive lock on the open file, without waiting; True where the platform has no such locks."""
    try:
        import fcntl
    except ImportError:  # Windows: an open file cannot be removed anyway
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def remove_stale_temporaries(out: Path) -> list[Path]:
    """Remove the temporary files of writes to `out` that no running process holds (a hard kill left them)."""
    removed = []
    for tmp in out.parent.glob(f".{glob.escape(out.name)}.*.tmp"):
        try:
            fd = os.open(tmp, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            continue
        try:
            if stat.S_ISREG(os.fstat(fd).st_mode) and _lock(fd):
                tmp.unlink(missing_ok=True)
                Path(f"{tmp}-journal").unlink(missing_ok=True)
                removed.append(tmp)
        finally:
            os.close(fd)
    return removed


def check_target(out: str | Path, *, force: bool = False, inputs: Iterable[Path] = ()) -> None:
    """DataError unless `out` may be written: it is not one of `inputs` (or inside an input folder as one of its
    files), and it is missing or already a kiosk database (a file whose meta table names a schema version).
    `force` allows any other file; never an input."""
    out = Path(out)
    for source in inputs:
        if _same(out, source):
            raise DataError(out, "is the file being imported: give --out a new name (e.g. kiosk.sqlite)")
        if source.is_dir() and out.parent.resolve() == source.resolve() and out.suffix.lower() == ".csv":
            raise DataError(out, f"is a file of the export being imported ({source}): give --out a new name")
    if force or not os.path.lexists(out):
        return
    if not _is_kiosk_database(out):
        raise DataError(
            out,
            "exists and is not a kiosk database; nothing was written (choose another --out, or add --force to "
            "replace it)",
        )


def _same(a: Path, b: Path) -> bool:
    try:
        return Path(a).samefile(b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)  # noqa: PTH100 — «..» folded, links not followed


def _is_kiosk_database(path: Path) -> bool:
    """A regular SQLite file with a schema version in its meta table (looked at read-only, nothing created)."""
    import sqlite3

    from kiosk.data.store.sqlite_ro import SQLITE_MAGIC

    try:
        if not stat.S_ISREG(Path(path).stat().st_mode):
            return False
        with Path(path).open("rb") as f:
            if f.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
                return False
        conn = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro&immutable=1", uri=True)
        try:
            return conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() is not None
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        return False


def publish(
    out: str | Path,
    fill: Callable[[sqlite_utils.Database], None],
    *,
    start_from: Path | None = None,
    errors_as: Callable[[DataError], DataError] = lambda e: e,
) -> Path:
    """Write `out` with `fill(db)`: on a new empty schema, or on a copy of `start_from`.

    The result is checked like `kiosk-db validate` before it replaces anything; a problem raises DataErrors
    (mapped through `errors_as`, e.g. back to spreadsheet rows) and leaves `out` as it was.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(out)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    _lock(fd)  # held until the end: tells this write from a killed one's leftovers
    tmp = Path(tmp_name)
    try:
        if start_from is not None:
            shutil.copyfile(start_from, tmp)
        db = sqlite_utils.Database(tmp)
        try:
            with db.conn:
                if start_from is None:
                    create_schema(db)
                fill(db)
            db.execute("VACUUM")  # compact, and no leftover free pages from the inserts
        finally:
            db.close()
        # The same checks the kiosk runs on open: nothing is published that the kiosk would refuse.
        problems = check_file(tmp)
        if problems:
            raise DataErrors(
                [errors_as(DataError(out, p.message, table=p.table, row_id=p.row_id, field=p.field)) for p in problems]
            )
        with Path(tmp).open("rb+") as f:  # on disk before it becomes visible under the real name
            os.fsync(f.fileno())
        Path(tmp).chmod(0o644)  # mkstemp makes 0600; kiosks often run as another user
        Path(tmp).replace(out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)
    return out
