"""`kiosk-db validate`: every problem in a database file, one line each, without ever changing the file.

The repository runs the same checks before it hands data to the kiosk, so «validate says OK» means «the kiosk
will open it» (at start-up the kiosk runs the row and content checks just after its first frame).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from kiosk.data.cities import rules
from kiosk.data.store import schema
from kiosk.data.errors import DataError, stop_line
from kiosk.data.store.sqlite_ro import open_readonly

_HEAD, _TAIL = 16 << 10, 256  # of a stored JPEG: its markers up to the scan (no metadata is stored), its end marker

# Shown on a single line (text and seed copies may have paragraphs).
ONE_LINE = (
    {("cities", c) for c in ("name", "region", "federal_district", "headline", "name_latin")}
    | {("memorials", c) for c in ("kind", "title", "address", "url")}
    | {("tags", c) for c in ("id", "label_ru", "label_en", "icon")}
)
_TYPEOF_OK = {"TEXT": {"text"}, "INTEGER": {"integer"}, "REAL": {"real", "integer"}, "BLOB": {"blob"}}
# Names in messages about references: «unknown city 71».
_SINGULAR = {"cities": "city", "tags": "tag"}


def check_file(path: str | Path) -> list[DataError]:
    """All problems found in the file at `path` (empty list: the file is good)."""
    try:
        conn = open_readonly(path)
    except DataError as e:
        return [e]
    try:
        found = check_connection(conn, path)
        # Curator slides and quiz questions: named here, but the kiosk opens the file anyway and skips the bad one.
        return found or _tolerated(conn, path)
    finally:
        conn.close()


def _tolerated(conn: sqlite3.Connection, path: str | Path) -> list[DataError]:
    from kiosk.data.attract import slides  # not on the kiosk's way to its first frame
    from kiosk.data.quiz import curated

    found = []
    for table, check in (("slides", slides.check_table), (schema.QUIZ.name, curated.check_table)):
        try:
            found.extend(check(conn, path))
        except sqlite3.Error as e:
            found.append(DataError(path, f"unreadable: {e}", table=table))
    return found


def check_connection(conn: sqlite3.Connection, path: str | Path, full: bool = True) -> list[DataError]:
    """Every problem (at most schema.MAX_PROBLEMS, then a line saying it stopped); with full=False only what
    decides whether the file can be opened and shown at all (SQLite intact, a kiosk database of this schema
    version, every table and column there, every value of its column's type and within the schema's limits):
    the kiosk's start-up runs the row and content checks after the first frame."""
    try:
        return _Check(conn, path).run(full)
    except sqlite3.Error as e:  # a page that quick_check missed, a locked or vanished file…
        return [DataError(path, f"unreadable: {e}")]


def schema_version_problem(value: object) -> str | None:
    try:
        version = int(str(value).strip())
    except ValueError:
        return f"schema version {value!r} is not a number"
    if version > schema.SCHEMA_VERSION:
        return (
            f"schema version {version} is newer than this program understands ({schema.SCHEMA_VERSION}): "
            "update the kiosk software"
        )
    if version != schema.SCHEMA_VERSION:
        return f"schema version {version} is not supported (this program reads {schema.SCHEMA_VERSION})"
    return None


class _TooMany(Exception):
    pass


class _Check:
    def __init__(self, conn: sqlite3.Connection, path: str | Path) -> None:
        self.conn, self.path = conn, path
        self.problems: list[DataError] = []

    def bad(self, message: str, table: str | None = None, row_id: object = None, field: str | None = None) -> None:
        if len(self.problems) >= schema.MAX_PROBLEMS:
            raise _TooMany
        self.problems.append(DataError(self.path, message, table=table, row_id=row_id, field=field))

    def run(self, full: bool = True) -> list[DataError]:
        # Each stage needs the previous one to hold: no point checking rows of a corrupt or foreign file.
        stages = (self.integrity, self.version, self.structure, self.shape)
        try:
            for stage in (*stages, self.rows, self.content) if full else stages:
                stage()
                if self.problems:
                    break
        except _TooMany:
            self.problems.append(stop_line(self.path))
        return self.problems

    def integrity(self) -> None:
        try:
            result = [r[0] for r in self.conn.execute("PRAGMA quick_check").fetchall()]
        except sqlite3.DatabaseError as e:
            self.bad(f"corrupt: {e}")
            return
        if result != ["ok"]:
            # SQLite packs several findings into one row, each on its own line, after a "*** in database" title.
            lines = [ln for r in result for ln in str(r).splitlines() if ln.strip() and not ln.startswith("***")]
            lines = lines or ["quick_check failed"]
            more = f" (and {len(lines) - 1} more)" if len(lines) > 1 else ""
            self.bad(f"corrupt: {lines[0]}{more}")

    def version(self) -> None:
        names = self._tables()
        if "meta" not in names:
            self.bad("not a kiosk database (no meta table)")
            return
        cols = self._columns("meta")
        if not {"key", "value"} <= cols:
            self.bad("not a kiosk database (meta table without key/value columns)", "meta")
            return
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self.bad("missing", "meta", "schema_version")
        elif (why := schema_version_problem(row[0])) is not None:
            self.bad(why, "meta", "schema_version", "value")

    def structure(self) -> None:
        names = self._tables()
        for table in schema.TABLES.values():
            if table.name not in names:
                self.bad("missing table", table.name)
                continue
            have = self._columns(table.name)
            for col in table.columns:
                if col.name not in have:
                    self.bad("missing column", table.name, field=col.name)
        keys = {r[0] for r in self.conn.execute("SELECT key FROM meta")}
        for key in schema.META_KEYS:
            if key not in keys:
                self.bad("missing", "meta", key)

    def shape(self) -> None:
        """Row counts, every value's type, NULLs and lengths, asked of SQLite (nothing large is read into Python):
        what the kiosk's quick open needs, so no record of the wrong type or size ever reaches the screens."""
        for table in schema.TABLES.values():
            (count,) = self.conn.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()
            if count > schema.MAX_ROWS:
                self.bad(f"{count} rows, at most {schema.MAX_ROWS}", table.name)
                continue
            if table.name == "slides":
                continue  # a bad slide is named (_tolerated) and skipped by the kiosk's deck, never refused
            pk = ", ".join(f'"{k}"' for k in table.pk)
            picks, wrong = [], []
            for col in table.columns:
                c = f'"{col.name}"'
                ok = ", ".join(
                    f"'{t}'" for t in sorted(_TYPEOF_OK[col.type] | ({"null"} if not col.required else set()))
                )
                limit = schema.max_length(table.name, col.name) if col.type == "TEXT" else schema.MAX_IMAGE_BYTES
                sized = "text" if col.type == "TEXT" else "blob"
                picks.append(
                    f"typeof({c}), length({c}), CASE WHEN typeof({c}) = 'text' THEN substr({c}, 1, 40) "
                    f"WHEN typeof({c}) = 'blob' THEN NULL ELSE {c} END"
                )
                wrong.append(f"typeof({c}) NOT IN ({ok}) OR (typeof({c}) = '{sized}' AND length({c}) > {limit})")
            query = f'SELECT {pk}, {", ".join(picks)} FROM "{table.name}" WHERE {" OR ".join(wrong)}'
            for row in self.conn.execute(query):
                row_id = ",".join(str(v) for v in row[: len(table.pk)])
                cells = row[len(table.pk) :]
                for i, col in enumerate(table.columns):
                    typ, length, value = cells[3 * i : 3 * i + 3]
                    limit = schema.max_length(table.name, col.name) if col.type == "TEXT" else schema.MAX_IMAGE_BYTES
                    if typ == "blob" and col.type != "BLOB":
                        self.bad(f"must be {col.type.lower()}, found a blob", table.name, row_id, col.name)
                    elif typ == "null":
                        if col.required:
                            self.bad("missing (NULL)", table.name, row_id, col.name)
                    elif typ not in _TYPEOF_OK[col.type]:
                        shown = repr(value) + ("…" if typ == "text" and length > 40 else "")
                        self.bad(f"must be {col.type.lower()}, found {typ} {shown}", table.name, row_id, col.name)
                    elif col.type == "TEXT" and length > limit:
                        self.bad(f"{length} characters, at most {limit}", table.name, row_id, col.name)
                    elif col.type == "BLOB" and length > limit:
                        self.bad(f"{length} bytes, at most {limit}", table.name, row_id, col.name)

    def rows(self) -> None:
        self.keys()
        for table in schema.TABLES.values():
            cols = table.column_names
            # A blob's bytes are not needed to judge its type (images() looks at the pictures): 0.5 GB of photographs
            # read into Python only to be dropped was half a second of a hot reload.
            select = ", ".join(
                [
                    *(
                        f'CASE WHEN typeof("{c.name}") = \'blob\' THEN NULL ELSE "{c.name}" END'
                        if c.type == "BLOB"
                        else f'"{c.name}"'
                        for c in table.columns
                    ),
                    *(f'typeof("{c}")' for c in cols),
                ]
            )
            for row in self.conn.execute(f'SELECT {select} FROM "{table.name}"'):
                values, types = row[: len(cols)], row[len(cols) :]
                row_id = ",".join(str(values[cols.index(k)]) for k in table.pk)
                for col, value, typ in zip(table.columns, values, types):
                    if typ == "blob" and col.type != "BLOB":
                        self.bad(f"must be {col.type.lower()}, found a blob", table.name, row_id, col.name)
                    elif typ == "null":
                        if col.required:
                            self.bad("missing (NULL)", table.name, row_id, col.name)
                    elif typ not in _TYPEOF_OK[col.type]:
                        shown = f"{len(value)} bytes" if isinstance(value, bytes) else repr(value)
                        self.bad(f"must be {col.type.lower()}, found {typ} {shown}", table.name, row_id, col.name)
                    elif col.required and typ == "text" and not value.strip():
                        self.bad("must not be empty", table.name, row_id, col.name)
                    elif (table.name, col.name) in ONE_LINE and (why := rules.oneline_problem(value)):
                        self.bad(why, table.name, row_id, col.name)

    def content(self) -> None:
        q = self.conn.execute
        city_ids = {r[0] for r in q("SELECT id FROM cities")}
        if not city_ids:
            self.bad("no cities", "cities")
        for cid, year, lat, lon, headline, text in q("SELECT id, year, lat, lon, headline, text FROM cities"):
            if (why := rules.year_problem(year)) is not None:
                self.bad(why, "cities", cid, "year")
            if (lat is None) != (lon is None):
                self.bad("lat and lon go together: both or neither", "cities", cid, "lat" if lat is None else "lon")
            if lat is not None and (why := rules.lat_problem(lat)):
                self.bad(why, "cities", cid, "lat")
            if lon is not None and (why := rules.lon_problem(lon)):
                self.bad(why, "cities", cid, "lon")
            if (why := rules.headline_problem(headline, text)) is not None:
                self.bad(why, "cities", cid, "headline")
        for cid, summary in q("SELECT id, summary_en FROM cities WHERE summary_en IS NOT NULL"):
            if (why := rules.english_problem(summary)) is not None:
                self.bad(why, "cities", cid, "summary_en")
        for cid, url in q("SELECT city_id, url FROM memorials"):
            if url and (why := rules.url_problem(url)):
                self.bad(why, "memorials", cid, "url")
        self.references()
        self.images()
        from kiosk.data.novokuznetsk.validate import section_problems  # its imports only where the content is checked

        for message, table, row_id, fld in section_problems(self.conn):
            self.bad(message, table, row_id, fld)
        indexed = {r[0] for r in q(f"SELECT city_id FROM {schema.SEARCH_TERMS.name}")}
        for cid in sorted(city_ids - indexed):
            self.bad("no search terms for this city (rebuild the database)", schema.SEARCH_TERMS.name, cid)
        self.qr_codes()

    def qr_codes(self) -> None:
        """Each stored QR code is a PNG (drawn by build and import). An address without one is the report's
        warning, not a refusal: the card then shows no code (a hand-edited address)."""
        from kiosk.data.qr_codes import png_problem

        for url, data in self.conn.execute(f"SELECT url, png FROM {schema.QR_CODES.name}"):
            if (why := png_problem(data)) is not None:
                self.bad(why, schema.QR_CODES.name, url, "png")

    def keys(self) -> None:
        """Every primary key unique, also after a hand edit rebuilt a table without its PRIMARY KEY."""
        for table in schema.TABLES.values():
            cols = ", ".join(f'"{c}"' for c in table.pk)
            for *key, n in self.conn.execute(
                f'SELECT {cols}, count(*) FROM "{table.name}" GROUP BY {cols} HAVING count(*) > 1'
            ):
                self.bad(
                    f"duplicate {'id' if len(key) == 1 else 'key'}: {n} rows have it "
                    f"(was the table rebuilt without its primary key?)",
                    table.name,
                    ",".join(map(str, key)),
                    ",".join(table.pk),
                )

    def references(self) -> None:
        """Every foreign key of the schema points at an existing row (city ↔ memorial, city ↔ tag, …)."""
        for table in schema.TABLES.values():
            row_id = " || ',' || ".join(f'"{c}"' for c in table.pk)
            for col, other, other_col in table.foreign_keys:
                what = _SINGULAR.get(other, f"{other} row")
                for rid, value in self.conn.execute(
                    f'SELECT {row_id}, "{col}" FROM "{table.name}" WHERE "{col}" IS NOT NULL '
                    f'AND "{col}" NOT IN (SELECT "{other_col}" FROM "{other}")'
                ):
                    self.bad(f"unknown {what} {value!r}", table.name, rid, col)

    def images(self) -> None:
        """Each image belongs to an existing owner, and its bytes are a picture the kiosk can show."""
        rows = self.conn.execute("SELECT rowid, id, owner_type, owner_id, width, height, format FROM images").fetchall()
        if not rows:
            return
        # Pillow only when there are images to look at.
        from kiosk.data.store.image_check import blob_problem, jpeg_ends_problem

        owners: dict[str, set[str]] = {}
        for kind, (table, key) in schema.IMAGE_OWNERS.items():
            owners[kind] = {str(r[0]) for r in self.conn.execute(f'SELECT "{key}" FROM "{table}"')}
        for rowid, rid, kind, owner, width, height, fmt in rows:
            if kind not in owners:
                self.bad(
                    f"unknown owner type {kind!r} (known: {', '.join(sorted(owners))})", "images", rid, "owner_type"
                )
            elif str(owner) not in owners[kind]:
                self.bad(f"{kind} {owner!r} does not exist", "images", rid, "owner_id")
            if fmt == "jpeg" and self._jpeg_ends(rowid, width, height, jpeg_ends_problem):
                continue
            (data,) = self.conn.execute("SELECT data FROM images WHERE id = ?", (rid,)).fetchone()
            if (why := blob_problem(data, width, height, fmt)) is not None:
                self.bad(why, "images", rid, "data")

    def _jpeg_ends(
        self, rowid: int, width: object, height: object, problem: Callable[[bytes, bytes, object, object], str | None]
    ) -> bool:
        """True when a JPEG's head and tail, read in place, show everything blob_problem looks at in a JPEG (its
        header, size and end marker; Pillow's verify() reads nothing more of a JPEG). Any doubt: False, and the
        whole blob is judged as before. A thousand photographs: 0.1 s instead of 1.7 s."""
        try:
            with self.conn.blobopen("images", "data", rowid, readonly=True) as blob:
                size = len(blob)
                if size <= _HEAD + _TAIL:
                    return False
                head = blob.read(_HEAD)
                blob.seek(size - _TAIL)
                tail = blob.read(_TAIL)
        except (sqlite3.Error, ValueError, TypeError, AttributeError):
            return False
        return problem(head, tail, width, height) is None

    def _tables(self) -> set[str]:
        return {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}

    def _columns(self, table: str) -> set[str]:
        return {r[1] for r in self.conn.execute(f'PRAGMA table_info("{table}")')}
