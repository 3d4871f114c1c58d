"""The database as plain rows per table: the one shape every export format carries and every import reads.

Generic over schema.TABLES, so a table added to the schema is exported and imported without code here. Two
choices make the files easier to edit: a city's tags travel as one «a;b;c» cell of its row (city_tags is not a
sheet of its own), and blobs (images) travel as files beside the spreadsheet (CSV, xlsx) or base64 (JSON).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.data.store import schema
from kiosk.data.store.sqlite_ro import open_readonly

LIST_SEPARATOR = ";"
CITY_TAGS_COLUMN = "tags"  # cities carry their tags in this column
INLINED = {"city_tags": ("cities", CITY_TAGS_COLUMN)}
# Not exported: meta describes one file, search_terms derives from the cities and qr_codes from the memorials'
# addresses (all three are rebuilt on import), city_tags rides in cities.
DERIVED_TABLES = ("meta", schema.SEARCH_TERMS.name, schema.QR_CODES.name)
EXPORT_TABLES = tuple(t for t in schema.TABLES if t not in DERIVED_TABLES and t not in INLINED)
# Rows in display order where a table has one; otherwise by key.
ORDER = {"tags": ("position", "id")}


# English columns travel beside the Russian they render (a curator edits both at once): column → its neighbour.
BESIDE = {
    "cities": {"summary_en": "text"},
    "nk_chapters": {"label_en": "title", "summary_en": "lead"},
    "nk_events": {"label_en": "title"},
    "nk_figures": {"label_en": "label"},
    "nk_people": {"label_en": "role"},
    "nk_awards": {"label_en": "title"},
    "nk_units": {"label_en": "name"},
    "nk_seeds": {"title_en": "title", "kind_en": "kind", "taken_en": "taken"},
}


def columns(table: str) -> list[str]:
    cols = list(schema.TABLES[table].column_names)
    for col, after in BESIDE.get(table, {}).items():
        cols.remove(col)
        cols.insert(cols.index(after) + 1, col)
    return [*cols, CITY_TAGS_COLUMN] if table == "cities" else cols


def blob_columns(table: str) -> list[str]:
    return [c.name for c in schema.TABLES[table].columns if c.type == "BLOB"]


def blob_file_name(table: str, row: dict[str, Any]) -> str:
    """Where a row's blob goes beside a CSV or xlsx export: images/3.jpeg."""
    key = "-".join(str(row[k]) for k in schema.TABLES[table].pk)
    ext = row.get("format") or "bin"
    return f"{table}/{key}.{ext}"


def read_rows(path: str | Path) -> dict[str, list[dict[str, Any]]]:
    """Every exported table of the file, rows as dicts in key order; cities with a `tags` list."""
    conn = open_readonly(path)
    try:
        out: dict[str, list[dict[str, Any]]] = {}
        for name in EXPORT_TABLES:
            table = schema.TABLES[name]
            cols = list(table.column_names)
            order = ", ".join(f'"{k}"' for k in ORDER.get(name, table.pk))
            sql = f'SELECT {", ".join(f"{chr(34)}{c}{chr(34)}" for c in cols)} FROM "{name}" ORDER BY {order}'
            out[name] = [dict(zip(cols, r)) for r in conn.execute(sql)]
        tags: dict[int, list[str]] = {}
        for cid, tag in conn.execute(
            "SELECT ct.city_id, ct.tag_id FROM city_tags ct LEFT JOIN tags t ON t.id = ct.tag_id "
            "ORDER BY ct.city_id, t.position, ct.tag_id"
        ):
            tags.setdefault(cid, []).append(tag)
        for row in out["cities"]:
            row[CITY_TAGS_COLUMN] = tags.get(row["id"], [])
        out["meta"] = [{"key": k, "value": v} for k, v in conn.execute("SELECT key, value FROM meta ORDER BY key")]
        return out
    finally:
        conn.close()


# CSV formula injection (OWASP): a cell that starts with one of these is run as a formula by Excel and LibreOffice
# when a curator opens the file. The CSV export writes such a text with a leading apostrophe; the import takes
# exactly one away again, so every value round-trips unchanged (a text that itself starts with an apostrophe and
# one of these, or two apostrophes, gets one too).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard_formula(value: str) -> str:
    """The text as the CSV export writes it (see FORMULA_STARTS)."""
    if value.startswith(FORMULA_STARTS) or (value.startswith("'") and value[1:].startswith((*FORMULA_STARTS, "'"))):
        return "'" + value
    return value


def unguard_formula(value: str) -> str:
    """guard_formula undone (the import of a CSV cell)."""
    if value.startswith("'") and value[1:].startswith((*FORMULA_STARTS, "'")):
        return value[1:]
    return value
