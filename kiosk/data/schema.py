"""The database layout, in one place: the build writes it, the repository and `validate` check against it.

Bump SCHEMA_VERSION whenever a table or column changes meaning; a kiosk refuses files newer than it knows.
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 2


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # "TEXT" | "INTEGER" | "REAL" | "BLOB"
    required: bool = False  # NOT NULL and, for TEXT, not blank


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    pk: tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()  # (column, other table, other column)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _t(name, *cols, pk, fks=()):
    return Table(name, tuple(Column(*c) for c in cols), tuple(pk), tuple(fks))


T, I, R, B = "TEXT", "INTEGER", "REAL", "BLOB"

META = _t("meta", ("key", T, True), ("value", T), pk=["key"])
CITIES = _t(
    "cities",
    ("id", I, True), ("name", T, True), ("name_seed", T, True), ("region", T, True), ("region_seed", T, True),
    ("federal_district", T, True), ("year", I, True), ("text", T, True), ("headline", T, True),
    ("lat", R), ("lon", R), ("geonameid", I), ("name_latin", T),
    pk=["id"],
)
MEMORIALS = _t(
    "memorials",
    ("city_id", I, True), ("kind", T, True), ("title", T, True), ("address", T), ("url", T), ("seed_text", T),
    pk=["city_id"], fks=[("city_id", "cities", "id")],
)
TAGS = _t(
    "tags",
    ("id", T, True), ("label_ru", T, True), ("label_en", T, True), ("icon", T, True), ("position", I, True),
    pk=["id"],
)
CITY_TAGS = _t(
    "city_tags", ("city_id", I, True), ("tag_id", T, True),
    pk=["city_id", "tag_id"], fks=[("city_id", "cities", "id"), ("tag_id", "tags", "id")],
)
CORRECTIONS = _t(
    "corrections",
    ("id", I, True), ("city_id", I, True), ("field", T, True), ("original", T), ("corrected", T), ("note", T, True),
    pk=["id"], fks=[("city_id", "cities", "id")],
)

# Doubts an editor must settle (e.g. a seed row that names the wrong city): shown in the report, never hidden.
QUESTIONS = _t(
    "questions",
    ("id", I, True), ("city_id", I, True), ("field", T, True), ("note", T, True),
    pk=["id"], fks=[("city_id", "cities", "id")],
)

# Photographs stored in the database, so the exhibit stays one file (kiosk/data/images.py). One table for every
# kind of owner: IMAGE_OWNERS says which table and key an owner_type points at (add a line for a new owner).
IMAGES = _t(
    "images",
    ("id", I, True), ("owner_type", T, True), ("owner_id", T, True), ("position", I, True), ("caption", T),
    ("credit", T), ("width", I, True), ("height", I, True), ("format", T, True), ("data", B, True),
    pk=["id"],
)
IMAGE_OWNERS: dict[str, tuple[str, str]] = {"city": ("cities", "id")}

# Ordinary tables in creation order (parents before children).
TABLES: dict[str, Table] = {
    t.name: t for t in (META, CITIES, MEMORIALS, TAGS, CITY_TAGS, CORRECTIONS, QUESTIONS, IMAGES)
}

# Search terms, already normalised and stemmed by kiosk.data.textnorm; rowid = city id. Terms are joined by
# spaces, so FTS5's own tokenizer only has to split on spaces.
FTS_TABLE = "cities_fts"
FTS_COLUMNS = ("name", "region", "text", "tags")
FTS_CREATE_SQL = (
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5({', '.join(FTS_COLUMNS)}, tokenize = 'unicode61')"
)

# What two builds from the same sources must agree on, row for row (meta holds the build time).
CONTENT_TABLES = ("cities", "memorials", "tags", "city_tags", "corrections", "questions", "images", FTS_TABLE)

META_KEYS = ("schema_version", "built_at", "app_version", "sources_sha256", "sources")
