"""`kiosk-db export`: the database as JSON (one document) or CSV (one file per table) for spreadsheets.

CSV is UTF-8 with a BOM and CRLF line ends: without the BOM Excel shows Cyrillic as mojibake. Every value
survives a round trip through the csv module; NULL numbers become empty cells and come back as None.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from kiosk.data import schema
from kiosk.data.nk_export import section_json
from kiosk.data.repository import Repository
from kiosk.data.sqlite_ro import open_readonly

CSV_TABLES = ("cities", "memorials", "tags", "city_tags", "corrections", "questions", *schema.NK_TABLE_NAMES)
LIST_SEPARATOR = ";"
# cities.csv carries the city's tags as one «a;b;c» cell, the easy way to edit them in a spreadsheet.
CITY_TAGS_COLUMN = "tags"


def to_json_data(repo: Repository) -> dict:
    meta = repo.meta()
    return {
        "schema_version": repo.schema_version,
        "built_at": meta.get("built_at"),
        "app_version": meta.get("app_version"),
        "sources_sha256": meta.get("sources_sha256"),
        "cities": [
            {
                "id": c.id, "name": c.name, "name_latin": c.name_latin, "region": c.region,
                "federal_district": c.federal_district, "year": c.year, "headline": c.headline, "text": c.text,
                "tags": list(c.tags), "lat": c.lat, "lon": c.lon,
                "memorial": None if c.memorial is None else {
                    "kind": c.memorial.kind, "title": c.memorial.title, "address": c.memorial.address,
                    "url": c.memorial.url,
                },
            }
            for c in repo.cities()
        ],
        "tags": [{"id": t.id, "label_ru": t.label_ru, "label_en": t.label_en, "icon": t.icon} for t in repo.tags()],
        "corrections": [
            {"city_id": k.city_id, "field": k.field, "original": k.original, "corrected": k.corrected, "note": k.note}
            for k in repo.corrections()
        ],
        "questions": [{"city_id": q.city_id, "field": q.field, "note": q.note} for q in repo.questions()],
        "novokuznetsk": section_json(repo.section()),
    }


def to_json(repo: Repository) -> str:
    return json.dumps(to_json_data(repo), ensure_ascii=False, indent=2) + "\n"


def _table_rows(path: str | Path, table: str) -> tuple[list[str], list[tuple]]:
    cols = list(schema.TABLES[table].column_names)
    order = ", ".join(schema.TABLES[table].pk)
    conn = open_readonly(path)
    try:
        rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}").fetchall()
        if table == "cities":
            tags: dict[int, list[str]] = {}
            for cid, tag in conn.execute(
                "SELECT ct.city_id, ct.tag_id FROM city_tags ct LEFT JOIN tags t ON t.id = ct.tag_id "
                "ORDER BY ct.city_id, t.position, ct.tag_id"
            ):
                tags.setdefault(cid, []).append(tag)
            cols.append(CITY_TAGS_COLUMN)
            rows = [(*r, LIST_SEPARATOR.join(tags.get(r[0], []))) for r in rows]
    finally:
        conn.close()
    return cols, rows


def to_csv(path: str | Path, table: str) -> str:
    cols, rows = _table_rows(path, table)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(cols)
    writer.writerows(["" if v is None else v for v in r] for r in rows)
    return buf.getvalue()


def write_csv(path: str | Path, out_dir: str | Path) -> list[Path]:
    """One `<table>.csv` per table in out_dir; returns the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in CSV_TABLES:
        target = out / f"{table}.csv"
        target.write_bytes(to_csv(path, table).encode("utf-8-sig"))
        written.append(target)
    return written


def read_csv(path: str | Path, table: str) -> list[dict]:
    """Rows of one exported CSV, typed back by the schema (the start of the spreadsheet import)."""
    types = {c.name: c.type for c in schema.TABLES[table].columns}
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        for key, value in row.items():
            kind = types.get(key)
            if key == CITY_TAGS_COLUMN and table == "cities":
                row[key] = [t for t in value.split(LIST_SEPARATOR) if t]
            elif kind in ("INTEGER", "REAL"):
                row[key] = None if value == "" else (int(value) if kind == "INTEGER" else float(value))
    return rows
