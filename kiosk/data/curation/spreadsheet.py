"""Reading what curators bring back: a CSV folder, an xlsx workbook or the JSON document, as raw sheets.

CSV comes as real spreadsheets save it: Russian Excel's «CSV (разделители — запятые)» is cp1251 with
semicolons, «CSV UTF-8» has a BOM, LibreOffice may write commas; the encoding and the delimiter are detected and
line breaks inside quoted cells are kept. Each row remembers where it came from, so every message can say
«file, row as the spreadsheet numbers it, column».

Every file is measured before it is read (schema.MAX_SOURCE_BYTES; a workbook's parts by their unpacked size),
a sheet stops at schema.MAX_ROWS rows and a workbook row at MAX_COLUMNS cells, so a bomb is refused in a moment.
"""

from __future__ import annotations

import base64
import codecs
import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.data.store import schema
from kiosk.data.curation import tables
from kiosk.data.errors import DataError
from kiosk.data.store.snapshot import read_regular, size_text

DELIMITERS = (";", ",", "\t")
MAX_COLUMNS = 200  # cells read per workbook row: every table has far fewer columns
LAST_ROW = schema.MAX_ROWS + 1_000  # the last workbook row read (room for blank lines between the rows)
XLSX_PART_BYTES = 64 * 1024 * 1024  # one unpacked part of a workbook (a sheet, the shared strings)
# The longest CSV cell read at all; longer than any column's limit, so a long text gets its exact message.
CSV_FIELD_LIMIT = 2 * schema.LONG_TEXT


def _read(path: Path) -> bytes:
    return read_regular(path, schema.MAX_SOURCE_BYTES, "file")


def _too_many_rows(sheet: Sheet, n: int) -> DataError:
    return sheet.error(f"more than {schema.MAX_ROWS} rows (the most a table may hold); nothing was read further", n)


@dataclass
class Sheet:
    """One table as read from a file: header and raw values, with row numbers as the file shows them."""

    table: str
    file: Path  # named in every message
    kind: str  # "csv" | "xlsx" | "json"
    header: list[str]
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    base: Path | None = None  # where blob files (images/3.jpeg) are looked up

    def where(self, row: int | None = None, column: str | None = None) -> str:
        if self.kind == "json":
            at = self.table if row is None else f"{self.table}[{row}]"
            return f"{at}.{column}" if column else at
        parts = [f"sheet {self.table}"] if self.kind == "xlsx" else []
        if row is not None:
            parts.append(f"row {row}")
        if column is not None:
            from openpyxl.utils import get_column_letter  # read for a message only, as for the workbooks

            letter = get_column_letter(self.header.index(column) + 1) if column in self.header else None
            parts.append(f"column {letter} «{column}»" if letter else f"column «{column}»")
        return ", ".join(parts)

    def error(self, message: str, row: int | None = None, column: str | None = None) -> DataError:
        return DataError(self.file, message, field=self.where(row, column) or None)


def read_source(path: Path) -> tuple[list[Sheet], list[Path]]:
    """Sheets of an export (folder of CSV files, .xlsx or .json) and the files they came from."""
    if path.is_dir():
        return read_csv_folder(path)
    if not path.exists():
        raise DataError(path, "not found")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return [*read_xlsx(path)], [path]
    if suffix == ".json":
        return read_json(path), [path]
    if suffix == ".csv":
        raise DataError(path, "give the folder that holds the CSV files (one per table), not one file")
    raise DataError(path, "not an export: give a folder of CSV files, a .xlsx workbook or a .json file")


def decode(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1251 (Russian Excel's «CSV»)."""
    if raw.startswith(codecs.BOM_UTF8):
        raw, enc = raw[len(codecs.BOM_UTF8) :], "utf-8"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        enc = "utf-16"
    else:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            enc = "cp1251"
    try:
        return raw.decode(enc)
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise DataError(path, f"line {line}: not readable as {enc} (save the file as «CSV UTF-8»)") from None


def sniff_delimiter(text: str) -> str:
    """The delimiter of the header line: the candidate that occurs most often outside quotes."""
    first, quoted = [], False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif ch in "\r\n" and not quoted:
            break
        elif not quoted:
            first.append(ch)
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv_sheet(path: Path, table: str) -> Sheet:
    text = decode(_read(path), path)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    del text
    previous = csv.field_size_limit(CSV_FIELD_LIMIT)  # the default 131 072 refused a 180 000-character text
    try:
        header = [h.strip() for h in next(reader, [])]
        if not header:
            raise DataError(path, "empty file: the first row must name the columns")
        sheet = Sheet(table, path, "csv", header, base=path.parent)
        for n, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
                raise sheet.error(f"{len(cells)} cells, the header has {len(header)} (a stray delimiter or quote?)", n)
            if len(sheet.rows) == schema.MAX_ROWS:
                raise _too_many_rows(sheet, n)
            # A text the export guarded against formula injection (tables.guard_formula) comes back as it was.
            sheet.rows.append((n, {h: tables.unguard_formula(c) for h, c in zip(header, cells)}))
    except csv.Error as e:
        why = f"a cell longer than {CSV_FIELD_LIMIT} characters" if "field larger" in str(e) else str(e)
        raise DataError(path, f"row {reader.line_num}: not valid CSV: {why}") from None
    finally:
        csv.field_size_limit(previous)
    return sheet


def read_csv_folder(folder: Path) -> tuple[list[Sheet], list[Path]]:
    files = {p.stem: p for p in folder.glob("*.csv")}
    if not files:
        raise DataError(folder, "no CSV files here (expected cities.csv, memorials.csv, …)")
    sheets = []
    for name in files:
        if name not in schema.TABLES or name == "meta":
            raise DataError(files[name], f"unknown table {name!r} (known: {', '.join(tables.EXPORT_TABLES)})")
    for name in [*tables.EXPORT_TABLES, *tables.INLINED]:
        if name in files:
            sheets.append(read_csv_sheet(files[name], name))
    return sheets, [files[s.table] for s in sheets]


def _check_xlsx_parts(path: Path) -> None:
    """Refuse a workbook whose parts unpack to more than XLSX_PART_BYTES (a 1 GiB cell packs into 1.1 MB)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if info.file_size > XLSX_PART_BYTES:
                    raise DataError(
                        path,
                        f"{info.filename} unpacks to {size_text(info.file_size)}, at most "
                        f"{size_text(XLSX_PART_BYTES)} (a cell or a sheet far larger than the kiosk's tables)",
                    )
    except (zipfile.BadZipFile, OSError) as e:
        raise DataError(path, f"not an Excel workbook (.xlsx): {e}") from None


def read_xlsx(path: Path) -> list[Sheet]:
    from openpyxl import load_workbook

    _read_size_only(path)
    _check_xlsx_parts(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # zipfile.BadZipFile, KeyError, InvalidFileException… all mean the same to a curator
        raise DataError(path, f"not an Excel workbook (.xlsx): {e}") from None
    try:
        sheets = []
        for ws in wb.worksheets:
            if ws.title not in schema.TABLES or ws.title == "meta":
                raise DataError(path, f"unknown sheet {ws.title!r} (known: {', '.join(tables.EXPORT_TABLES)})")
            # Bounded: without a <dimension> a sheet's width is whatever its widest row claims (up to 16 384).
            it = ws.iter_rows(values_only=True, max_col=MAX_COLUMNS)
            header_row = next(it, None) or ()
            header = [("" if h is None else str(h)).strip() for h in header_row]
            while header and not header[-1]:
                header.pop()
            sheet = Sheet(ws.title, path, "xlsx", header, base=path.parent)
            for n, cells in enumerate(it, start=2):
                if n > LAST_ROW:  # rows claimed far below the data (a crafted sheet): stop, whatever they hold
                    raise sheet.error(f"rows beyond row {LAST_ROW}; a table holds at most {schema.MAX_ROWS}", n)
                cells = list(cells)
                if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
                    continue
                if any(c is not None for c in cells[len(header) :]):
                    raise sheet.error("a value right of the last named column", n)
                if len(sheet.rows) == schema.MAX_ROWS:
                    raise _too_many_rows(sheet, n)
                sheet.rows.append((n, dict(zip(header, cells))))
            sheets.append(sheet)
        return sheets
    finally:
        wb.close()


def _read_size_only(path: Path) -> None:
    """A workbook is read by openpyxl, from the path: only its size and kind are checked here."""
    from kiosk.data.store.snapshot import regular_file_stat

    st = regular_file_stat(path, "workbook")
    if st.st_size > schema.MAX_SOURCE_BYTES:
        raise DataError(path, f"file too large: {size_text(st.st_size)}, at most {size_text(schema.MAX_SOURCE_BYTES)}")


def read_json(path: Path) -> list[Sheet]:
    try:
        data = json.loads(decode(_read(path), path))
    except json.JSONDecodeError as e:
        raise DataError(path, f"line {e.lineno}, column {e.colno}: not valid JSON: {e.msg}") from None
    except RecursionError:
        raise DataError(path, "not valid JSON for an export: arrays or objects nested too deeply") from None
    if not isinstance(data, dict) or not isinstance(data.get("cities"), list):
        raise DataError(path, 'not a kiosk export (no "cities" list)')
    known = {*tables.EXPORT_TABLES, "schema_version", "built_at", "app_version", "sources_sha256"}
    for key in data:
        if key not in known:
            raise DataError(path, f"unknown key {key!r}")
    sheets: dict[str, Sheet] = {}

    def sheet(name: str) -> Sheet:
        if name not in sheets:
            sheets[name] = Sheet(name, path, "json", [], base=path.parent)
        return sheets[name]

    for name in tables.EXPORT_TABLES:
        rows = data.get(name, [])
        if not isinstance(rows, list):
            raise sheet(name).error("must be a list of rows")
        if len(rows) > schema.MAX_ROWS:
            raise _too_many_rows(sheet(name), schema.MAX_ROWS)
        for i, row in enumerate(rows):
            if not isinstance(row, dict):
                raise sheet(name).error("must be an object", i)
            row = dict(row)
            if name == "cities" and "memorial" in row:
                memorial = row.pop("memorial")
                if memorial is not None:
                    if not isinstance(memorial, dict):
                        raise sheet(name).error("must be an object or null", i, "memorial")
                    sheet("memorials").rows.append((i, {"city_id": row.get("id"), **memorial}))
            for col in tables.blob_columns(name):
                if isinstance(row.get(col), str):
                    try:
                        row[col] = base64.b64decode(row[col], validate=True)
                    except ValueError:
                        raise sheet(name).error("not base64 data", i, col) from None
            sheet(name).rows.append((i, row))
    for s in sheets.values():
        s.header = list(dict.fromkeys(k for _, r in s.rows for k in r))
    return [sheets[n] for n in tables.EXPORT_TABLES if n in sheets] or [sheet("cities")]
