"""`kiosk-db export`: the database as JSON (one document), CSV (one file per table) or xlsx (one sheet per table).

CSV is UTF-8 with a BOM and CRLF line ends: without the BOM Excel shows Cyrillic as mojibake; a text starting with
=, +, -, @ gets a leading apostrophe, so Excel never runs it as a formula (OWASP; the import takes it away). Every value
survives a round trip (kiosk-db import reads all three back); NULL becomes an empty cell. Images are written as
files beside the CSV files and the workbook (images/<id>.<format>), and as base64 inside the JSON document.
"""

from __future__ import annotations

import base64
import csv
import io
import json
from pathlib import Path
from typing import Any

from kiosk.data.curation import tables
from kiosk.data.errors import DataError
from kiosk.data.store.repository import Repository

CSV_TABLES = tables.EXPORT_TABLES
LIST_SEPARATOR = tables.LIST_SEPARATOR
CITY_TAGS_COLUMN = tables.CITY_TAGS_COLUMN
META_EXPORTED = ("schema_version", "built_at", "app_version", "sources_sha256")


def to_json_data(repo: Repository) -> dict[str, Any]:
    """Meta fields, then every table; a city nests its `memorial` (or null) and its `tags`."""
    rows = tables.read_rows(repo.path)
    meta = {r["key"]: r["value"] for r in rows.pop("meta")}
    data: dict[str, Any] = {k: meta.get(k) for k in META_EXPORTED}
    data["schema_version"] = repo.schema_version
    memorials = {m["city_id"]: {k: v for k, v in m.items() if k != "city_id"} for m in rows.pop("memorials")}
    data["cities"] = [{**c, "memorial": memorials.get(c["id"])} for c in rows.pop("cities")]
    for name, table_rows in rows.items():
        for col in tables.blob_columns(name):
            for r in table_rows:
                r[col] = None if r[col] is None else base64.b64encode(r[col]).decode("ascii")
        data[name] = table_rows
    return data


def to_json(repo: Repository) -> str:
    return json.dumps(to_json_data(repo), ensure_ascii=False, indent=2) + "\n"


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return value


def _sheet_rows(path: str | Path, out: Path | None) -> dict[str, tuple[list[str], list[list[Any]]]]:
    """Header and cells of every table; blobs written as files under `out` (None: names only)."""
    result = {}
    for name, table_rows in tables.read_rows(path).items():
        if name == "meta":
            continue
        blobs = tables.blob_columns(name)
        for r in table_rows:
            for col in blobs:
                if r[col] is not None:
                    target = tables.blob_file_name(name, r)
                    if out is not None:
                        (out / target).parent.mkdir(parents=True, exist_ok=True)
                        (out / target).write_bytes(r[col])
                    r[col] = target
        cols = tables.columns(name)
        result[name] = (cols, [[_cell(r[c]) for c in cols] for r in table_rows])
    return result


def _csv_rows(rows: list[list[Any]]) -> list[list[Any]]:
    """Texts that a spreadsheet would run as a formula, made inert (tables.guard_formula; the import undoes it)."""
    return [[tables.guard_formula(v) if isinstance(v, str) else v for v in row] for row in rows]


def to_csv(path: str | Path, table: str) -> str:
    cols, rows = _sheet_rows(path, None)[table]
    rows = _csv_rows(rows)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(cols)
    writer.writerows(rows)
    return buf.getvalue()


def write_csv(path: str | Path, out_dir: str | Path) -> list[Path]:
    """One `<table>.csv` per table in out_dir (images in out_dir/images/); returns the CSV files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table, (cols, rows) in _sheet_rows(path, out).items():
        buf = io.StringIO(newline="")
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(cols)
        writer.writerows(_csv_rows(rows))
        target = out / f"{table}.csv"
        target.write_bytes(buf.getvalue().encode("utf-8-sig"))
        written.append(target)
    return written


XLSX_NAME = "kiosk.xlsx"
_EXCEL_CELL_MAX = 32767
_WIDE = 80  # characters: long texts wrap inside a column this wide


def write_xlsx(path: str | Path, out_dir: str | Path) -> Path:
    """One workbook, one sheet per table: bold frozen header, wrapped long texts, widths that read."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import IllegalCharacterError

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    wb.remove(wb.active)
    wrap = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for table, (cols, rows) in _sheet_rows(path, out).items():
        ws = wb.create_sheet(table)
        ws.append(cols)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for r, row in enumerate(rows, start=2):
            for c, value in enumerate(row, start=1):
                if isinstance(value, str) and len(value) > _EXCEL_CELL_MAX:
                    raise DataError(
                        path,
                        f"{len(value)} characters, more than an Excel cell holds "
                        f"({_EXCEL_CELL_MAX}): use --format csv or json",
                        table=table,
                        row_id=row[0],
                        field=cols[c - 1],
                    )
                try:
                    cell = ws.cell(row=r, column=c, value=value)
                except IllegalCharacterError:
                    raise DataError(
                        path,
                        "has a control character Excel cannot store",
                        table=table,
                        row_id=row[0],
                        field=cols[c - 1],
                    ) from None
                if isinstance(value, str):
                    cell.data_type = "s"  # «=…» stays text, never a formula
                    cell.alignment = wrap if ("\n" in value or len(value) > _WIDE) else top
        for c, col in enumerate(cols, start=1):
            longest = max([len(col), *(max((len(x) for x in str(row[c - 1]).split("\n")), default=0) for row in rows)])
            ws.column_dimensions[get_column_letter(c)].width = max(6, min(_WIDE, longest + 2))
    target = out / XLSX_NAME
    tmp = target.with_name(f".{target.name}.tmp")
    wb.save(tmp)
    tmp.replace(target)
    return target


def read_csv(path: str | Path, table: str) -> list[dict[str, Any]]:
    """Rows of one exported CSV, typed back by the schema (kiosk.data.curation.importer reads whole exports)."""
    from kiosk.data.curation.importer import read_table_csv

    return read_table_csv(Path(path), table)
