"""Writing a database file safely: into a temporary file beside the target, checked, then renamed over it.

Every command that writes (build, import, add-image, remove-image) goes through here, so a kiosk that has the old
file open keeps reading it undisturbed, the next open sees the new one, and nothing is written on error.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import sqlite_utils

from kiosk import __version__
from kiosk.data import schema
from kiosk.data.records import City, Tag
from kiosk.data.search import terms_for_city
from kiosk.data.errors import DataError, DataErrors
from kiosk.data.validate import check_file

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
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
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
        with open(tmp, "rb+") as f:  # on disk before it becomes visible under the real name
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; kiosks often run as another user
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out
