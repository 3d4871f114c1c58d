"""`kiosk-db build`: db/sources (TOML) → one SQLite file, replaced atomically.

The new database is written to a temporary file beside the target and moved over it with os.replace, so a
kiosk that has the old file open keeps reading it undisturbed and the next open sees the new one.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

import sqlite_utils

from kiosk import __version__
from kiosk.data import schema
from kiosk.data.errors import DataError, DataErrors
from kiosk.data.nk_build import write_section
from kiosk.data.search import terms_for_city
from kiosk.data.sources import Sources, load_sources
from kiosk.data.validate import check_file

_PY_TYPES = {"TEXT": str, "INTEGER": int, "REAL": float}


def create_schema(db: sqlite_utils.Database) -> None:
    for table in schema.TABLES.values():
        db[table.name].create(
            {c.name: _PY_TYPES[c.type] for c in table.columns},
            pk=table.pk[0] if len(table.pk) == 1 else table.pk,
            not_null={c.name for c in table.columns if c.required},
            foreign_keys=list(table.foreign_keys),
        )
    db.execute(schema.FTS_CREATE_SQL)


def _write(db: sqlite_utils.Database, src: Sources) -> None:
    tags = {t.id: t for t in src.tags}
    db["tags"].insert_all(
        {"id": t.id, "label_ru": t.label_ru, "label_en": t.label_en, "icon": t.icon, "position": i}
        for i, t in enumerate(src.tags)
    )
    cities = [cs.city for cs in src.cities]
    db["cities"].insert_all(
        {
            "id": c.id, "name": c.name, "name_seed": cs.name_seed, "region": c.region,
            "region_seed": cs.region_seed, "federal_district": c.federal_district, "year": c.year,
            "text": c.text, "headline": c.headline, "lat": c.lat, "lon": c.lon, "geonameid": cs.geonameid,
            "name_latin": c.name_latin,
        }
        for cs, c in zip(src.cities, cities)
    )
    db["memorials"].insert_all(
        {"city_id": c.id, "kind": c.memorial.kind, "title": c.memorial.title, "address": c.memorial.address,
         "url": c.memorial.url, "seed_text": cs.memorial_seed}
        for cs, c in zip(src.cities, cities) if c.memorial is not None
    )
    db["city_tags"].insert_all({"city_id": c.id, "tag_id": t} for c in cities for t in c.tags)
    db["corrections"].insert_all(
        {"id": k.id, "city_id": k.city_id, "field": k.field, "original": k.original, "corrected": k.corrected,
         "note": k.note}
        for k in src.corrections()
    )
    db["questions"].insert_all(
        {"id": q.id, "city_id": q.city_id, "field": q.field, "note": q.note} for q in src.questions()
    )
    for c in cities:
        terms = terms_for_city(c, tags)
        db.execute(
            f"INSERT INTO {schema.FTS_TABLE}(rowid, {', '.join(schema.FTS_COLUMNS)}) VALUES (?, ?, ?, ?, ?)",
            [c.id, *(" ".join(getattr(terms, col)) for col in schema.FTS_COLUMNS)],
        )
    write_section(db, src.section)
    meta = {
        "schema_version": str(schema.SCHEMA_VERSION),
        "built_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "app_version": __version__,
        "sources_sha256": src.sha256(),
        "sources": json.dumps(src.relative_files(), ensure_ascii=False),
    }
    db["meta"].insert_all({"key": k, "value": v} for k, v in meta.items())


def build_database(sources_dir: str | Path, out: str | Path) -> Path:
    """Check the sources and write the database to `out`. Raises DataErrors (nothing written) on problems.

    The new file is checked like `kiosk-db validate` before it replaces the old one.
    """
    src = load_sources(sources_dir)  # raises before anything touches the disk
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        db = sqlite_utils.Database(tmp)
        try:
            with db.conn:
                create_schema(db)
                _write(db, src)
            db.execute("VACUUM")  # compact, and no leftover free pages from the inserts
        finally:
            db.close()
        # The same checks the kiosk runs on open: a build never publishes a file the kiosk would refuse.
        problems = check_file(tmp)
        if problems:
            raise DataErrors([DataError(out, p.message, table=p.table, row_id=p.row_id, field=p.field)
                              for p in problems])
        with open(tmp, "rb+") as f:  # on disk before it becomes visible under the real name
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; kiosks often run as another user
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return out
