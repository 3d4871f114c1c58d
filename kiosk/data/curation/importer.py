"""`kiosk-db import`: a database built from an export a curator edited (CSV folder, xlsx workbook, JSON).

Generic over schema.TABLES. Values are typed by the schema; a city added as one row gets what can be derived
without inventing anything: seed columns equal to the shown ones, the federal district of another city of its
region, a headline cut from its own text, and coordinates from the offline GeoNames table, recorded as a
correction so the data-quality report says so. Every problem names the file, the row as the spreadsheet numbers
it and the column; nothing is written when there is one (kiosk.data.curation.publish).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from kiosk.data.cities import geonames, rules
from kiosk.data.store import schema
from kiosk.data.curation import tables
from kiosk.data.errors import DataError, DataErrors, stop_line
from kiosk.data.curation.publish import publish, write_meta, write_qr_codes, write_search_terms
from kiosk.data.store.records import City, Tag
from kiosk.data.curation.spreadsheet import Sheet, read_csv_sheet, read_source

# Columns of a new city's row that may stay empty: derive() fills them.
DERIVED = {"cities": {"name_seed", "region_seed", "federal_district", "headline"}}
_INT = re.compile(r"^[+-]?\d+$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s")


@dataclass
class Imported:
    rows: dict[str, list[dict[str, Any]]]
    origin: dict[tuple[str, str], tuple[Sheet, int]]  # (table, key) → where the row came from
    notes: list[str] = field(default_factory=list)  # what the import filled in, for the curator


def _convert(sheet: Sheet, n: int, col: schema.Column, value: object, problems: list[DataError]) -> object:
    def bad(why: str) -> None:
        problems.append(sheet.error(why, n, col.name))

    if isinstance(value, str):
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        if not value.strip() and sheet.kind != "json":  # JSON tells "" from null; a spreadsheet cell does not
            return None
    if value is None:
        return None
    if col.type == "INTEGER":
        if isinstance(value, bool):
            bad(f"must be a whole number, found {value!r}")
            return None
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, int):
            return value
        if isinstance(value, str) and _INT.match(value.strip()):
            return int(value.strip())
        bad(f"must be a whole number, found {value!r}")
        return None
    if col.type == "REAL":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        if isinstance(value, str):
            try:
                number = float(value.strip().replace(",", "."))  # «58,01» from a Russian spreadsheet
                if math.isfinite(number):
                    return number
            except ValueError:
                pass
        bad(f"must be a number, found {value!r}")
        return None
    if col.type == "BLOB":
        if isinstance(value, bytes):
            if len(value) > schema.MAX_IMAGE_BYTES:
                bad(f"{len(value)} bytes, at most {schema.MAX_IMAGE_BYTES}")
                return None
            return value
        return _blob_file(sheet, str(value), bad)
    if isinstance(value, (int, float)) and not isinstance(value, bool):  # a spreadsheet made «2020» a number
        return str(int(value)) if float(value).is_integer() else str(value)
    if not isinstance(value, str):
        bad(f"must be text, found {value!r}")
        return None
    if len(value) > (limit := schema.max_length(sheet.table, col.name)):
        bad(f"{len(value)} characters, at most {limit}")
        return None
    return value


def _blob_file(sheet: Sheet, name: str, bad: Callable[[str], None]) -> bytes | None:
    """The bytes of `name` (as the export writes it: images/3.jpeg), found only inside the export's images/ folder:
    no absolute path, no way out with ../ or a symlink, a regular file only, its size checked before a byte is
    read. The refusal names the cell, never what lies elsewhere on the disk."""
    from kiosk.data.store.snapshot import read_regular

    folder = (sheet.base or Path()) / schema.IMAGES.name
    inside = Path(name)
    if inside.is_absolute() or inside.parts[:1] != (schema.IMAGES.name,) or ".." in inside.parts or inside.drive:
        bad(f"{name!r} is not a file in the export's {schema.IMAGES.name}/ folder (write it as images/<file>)")
        return None
    target = (sheet.base or Path()) / inside
    try:
        real, root = target.resolve(), folder.resolve()
    except (OSError, RuntimeError):
        bad(f"cannot find {name!r} in the export's {schema.IMAGES.name}/ folder")
        return None
    if not real.is_relative_to(root):
        bad(f"{name!r} leads out of the export's {schema.IMAGES.name}/ folder (a link?)")
        return None
    try:
        return read_regular(real, schema.MAX_IMAGE_BYTES, "image file")
    except DataError as e:
        bad(f"{name!r}: {e.message}")
        return None


def _typed(sheet: Sheet, problems: list[DataError]) -> list[tuple[int, dict[str, Any]]]:
    table = schema.TABLES[sheet.table]
    allowed = tables.columns(sheet.table)
    for name in sheet.header:
        if name not in allowed:
            problems.append(
                sheet.error(f"unknown column (known: {', '.join(allowed)})", 1 if sheet.kind != "json" else None, name)
            )
    optional = DERIVED.get(sheet.table, set())
    for col in table.columns:
        if col.required and col.name not in sheet.header and col.name not in optional and sheet.rows:
            problems.append(sheet.error(f"missing column «{col.name}»", 1 if sheet.kind != "json" else None))
    out = []
    for n, raw in sheet.rows:
        if len(problems) > schema.MAX_PROBLEMS:
            break  # load() says it stopped
        before = len(problems)
        row = {c.name: _convert(sheet, n, c, raw.get(c.name), problems) for c in table.columns}
        for c in table.columns:
            if (
                len(problems) == before
                and c.required
                and row[c.name] is None
                and c.name not in optional
                and c.name in sheet.header
            ):
                problems.append(sheet.error("must not be empty", n, c.name))
        if sheet.table == "cities":
            tags = raw.get(tables.CITY_TAGS_COLUMN)
            if isinstance(tags, list):
                row[tables.CITY_TAGS_COLUMN] = [str(t).strip() for t in tags if str(t).strip()]
            else:
                text = "" if tags is None else str(tags)
                row[tables.CITY_TAGS_COLUMN] = [t.strip() for t in text.split(tables.LIST_SEPARATOR) if t.strip()]
        out.append((n, row))
    return out


def _key(table: str, row: dict[str, Any]) -> str:
    return ",".join(str(row[k]) for k in schema.TABLES[table].pk)


def headline_from(text: str) -> str:
    """The text's first sentence when it fits, else its start cut at a word and marked with «…»: an excerpt."""
    first = _SENTENCE_END.split(text.strip(), maxsplit=1)[0].split("\n")[0].strip()
    if len(first) <= rules.HEADLINE_MAX:
        return first
    cut = first[: rules.HEADLINE_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:—-")
    return cut + "…"


def derive(rows: dict[str, list[dict[str, Any]]], notes: list[str]) -> None:
    """Fill what a new city's row may leave empty; coordinates from GeoNames become a recorded correction."""
    cities = rows.get("cities", [])
    district_of = {c["region"]: c["federal_district"] for c in cities if c["region"] and c["federal_district"]}
    corrections = rows.setdefault("corrections", [])
    next_id = max((k["id"] for k in corrections if isinstance(k.get("id"), int)), default=0) + 1
    for c in cities:
        new = not c["name_seed"]  # exported rows carry the seed columns; a row a curator typed does not
        c["name_seed"] = c["name_seed"] or c["name"]
        c["region_seed"] = c["region_seed"] or c["region"]
        if not c["federal_district"] and c["region"] in district_of:
            c["federal_district"] = district_of[c["region"]]
        if not c["headline"] and c["text"]:
            c["headline"] = headline_from(c["text"])
        if new and c["lat"] is None and c["lon"] is None and c["name"]:
            place = geonames.lookup(c["name"])
            if place is None:
                notes.append(
                    f"city {c['id']} {c['name']}: no coordinates, and GeoNames has "
                    f"{'several places' if geonames.candidates(c['name']) else 'no place'} of that name"
                )
                continue
            c["lat"], c["lon"] = place.lat, place.lon
            c["geonameid"] = c["geonameid"] or place.geonameid
            c["name_latin"] = c["name_latin"] or place.name
            corrections.append(
                {
                    "id": next_id,
                    "city_id": c["id"],
                    "field": "lat, lon",
                    "original": None,
                    "corrected": f"{place.lat}, {place.lon}",
                    "note": f"Координат в таблице не было; взяты из GeoNames (geonameid {place.geonameid}, "
                    f"CC BY 4.0) по названию «{c['name']}». Проверьте.",
                }
            )
            next_id += 1
            notes.append(
                f"city {c['id']} {c['name']}: coordinates {place.lat}, {place.lon} from GeoNames ({place.geonameid})"
            )


def load(source: Path) -> tuple[Imported, list[Path]]:
    sheets, files = read_source(source)
    problems: list[DataError] = []
    rows: dict[str, list[dict[str, Any]]] = {}
    located: list[tuple[Sheet, int, dict[str, Any]]] = []
    origin: dict[tuple[str, str], tuple[Sheet, int]] = {}
    by_table = {s.table: s for s in sheets}
    if "cities" not in by_table:
        raise DataError(source, "no cities table (cities.csv or a sheet named «cities»)")
    for name in tables.EXPORT_TABLES:
        if name not in by_table and name in ("memorials", "tags") and source.is_dir():
            problems.append(
                DataError(source, f"missing {name}.csv (an empty table is a file with only the header row)")
            )
    for sheet in sheets:
        typed = _typed(sheet, problems)
        rows[sheet.table] = [r for _, r in typed]
        located.extend((sheet, n, r) for n, r in typed)
        seen: dict[str, int] = {}
        for n, r in typed:
            if any(r[k] is None for k in schema.TABLES[sheet.table].pk):
                continue
            key = _key(sheet.table, r)
            if key in seen:
                problems.append(
                    sheet.error(
                        f"duplicate {'/'.join(schema.TABLES[sheet.table].pk)} {key}: already in row {seen[key]}", n
                    )
                )
            seen[key] = n
            origin[(sheet.table, key)] = (sheet, n)
    if "city_tags" in rows:  # an older export's city_tags.csv; the tags column of cities wins when both exist
        from_rows: dict[int, list[str]] = {}
        for r in rows.pop("city_tags"):
            from_rows.setdefault(r["city_id"], []).append(r["tag_id"])
        if not any(c[tables.CITY_TAGS_COLUMN] for c in rows["cities"]):
            for c in rows["cities"]:
                c[tables.CITY_TAGS_COLUMN] = from_rows.get(c["id"], [])
    if problems:
        raise _capped(problems)
    imported = Imported(rows, origin)
    derive(rows, imported.notes)
    _english_warnings(rows, imported.notes)
    for sheet, n, r in located:  # what derive() could not fill
        for col in schema.TABLES[sheet.table].columns:
            if col.required and r.get(col.name) is None and col.name in DERIVED.get(sheet.table, ()):
                why = (
                    f"empty, and no other city of «{r.get('region')}» gives it"
                    if col.name == "federal_district"
                    else "must not be empty"
                )
                problems.append(sheet.error(why, n, col.name))
    if problems:
        raise _capped(problems)
    return imported, files


def _english_warnings(rows: dict[str, list[dict[str, Any]]], notes: list[str]) -> None:
    """The number-and-name rule, as a warning: a curator's English may say what the Russian does not."""
    from kiosk.data.english.names import region_en
    from kiosk.data.english.check import problems

    for c in rows.get("cities", []):
        english = (c.get("summary_en") or "").strip()
        known = f"{c.get('name_latin') or ''} {region_en(c.get('region') or '')}"
        for why in problems(english, c.get("text") or "", known) if english else ():
            notes.append(f"warning: cities[{c['id']}] {c['name']}: summary_en: {why}")


def _capped(problems: list[DataError]) -> DataErrors:
    """The first MAX_PROBLEMS problems and, when there were more, a line that says the check stopped there."""
    if len(problems) <= schema.MAX_PROBLEMS:
        return DataErrors(problems)
    return DataErrors([*problems[: schema.MAX_PROBLEMS], stop_line(problems[0].path)])


def _remap(imported: Imported, e: DataError) -> DataError:
    """A check on the new file, pointed back at the spreadsheet row it came from."""
    table, key, column = e.table, None if e.row_id is None else str(e.row_id), e.field
    if table == "city_tags" and key:
        table, key, column = "cities", key.split(",")[0], tables.CITY_TAGS_COLUMN
    elif table == schema.SEARCH_TERMS.name and key:
        table, column = "cities", None
    hit = imported.origin.get((table or "", key or ""))
    if hit is None:
        return e
    sheet, n = hit
    where = sheet.where(n, column if column in sheet.header or column == tables.CITY_TAGS_COLUMN else None)
    label = f"{table}[{key}]" + (f".{column}" if column else "")
    return DataError(sheet.file, f"{e.message} ({label})", field=where)


def _fill(imported: Imported, sha: str, files: list[str]) -> Callable[[sqlite_utils.Database], None]:
    def fill(db: sqlite_utils.Database) -> None:
        rows = imported.rows
        for name in schema.TABLES:
            if name in ("meta", *tables.INLINED) or not rows.get(name):
                continue
            cols = schema.TABLES[name].column_names
            db[name].insert_all(({c: r.get(c) for c in cols} for r in rows[name]), batch_size=50)
        db["city_tags"].insert_all(
            {"city_id": c["id"], "tag_id": t} for c in rows["cities"] for t in c[tables.CITY_TAGS_COLUMN]
        )
        tags = {t["id"]: Tag(t["id"], t["label_ru"], t["label_en"], t["icon"]) for t in rows.get("tags", [])}
        write_search_terms(
            db,
            (
                City(
                    id=c["id"],
                    name=c["name"],
                    region=c["region"],
                    federal_district=c["federal_district"] or "",
                    year=c["year"],
                    text=c["text"] or "",
                    headline=c["headline"] or "",
                    lat=c["lat"],
                    lon=c["lon"],
                    name_latin=c["name_latin"] or "",
                    summary_en=c.get("summary_en") or "",
                    tags=tuple(c[tables.CITY_TAGS_COLUMN]),
                )
                for c in rows["cities"]
            ),
            tags,
        )
        write_qr_codes(db, (m.get("url") for m in rows.get("memorials", [])))
        write_meta(db, sha, files)

    return fill


def import_database(source: str | Path, out: str | Path, force: bool = False) -> tuple[Path, list[str]]:
    """Build `out` from an export; returns the file and notes on what was filled in. DataErrors on problems.
    An existing `out` that is not a kiosk database is refused unless `force`; the export itself always is."""
    from kiosk.data.curation.publish import check_target

    source = Path(source)
    check_target(out, force=force, inputs=[source])
    imported, files = load(source)
    h = hashlib.sha256()
    for f in files:
        h.update(f.read_bytes())
    names = [f.name for f in files]
    path = publish(out, _fill(imported, h.hexdigest(), names), errors_as=lambda e: _remap(imported, e))
    return path, imported.notes


def read_table_csv(path: Path, table: str) -> list[dict[str, Any]]:
    """One CSV file typed by the schema (tests and scripts); raises DataErrors on a bad value."""
    problems: list[DataError] = []
    typed = [r for _, r in _typed(read_csv_sheet(path, table), problems)]
    if problems:
        raise DataErrors(problems)
    return typed
