"""The database layout, in one place: the build writes it, the repository and `validate` check against it.

Bump SCHEMA_VERSION whenever a table or column changes meaning; a kiosk refuses files newer than it knows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# 3: city_sources (an editorial entry's public sources), the section's English columns; 4: quiz_questions;
# 5: qr_codes (the memorials' QR codes, drawn when the file is written)
SCHEMA_VERSION = 5


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


def _t(name: str, *cols: tuple[Any, ...], pk: Sequence[str], fks: Sequence[tuple[str, str, str]] = ()) -> Table:
    return Table(name, tuple(Column(*c) for c in cols), tuple(pk), tuple(fks))


T, I, R, B = "TEXT", "INTEGER", "REAL", "BLOB"  # noqa: E741 — the column types, short so the tables read as tables

META = _t("meta", ("key", T, True), ("value", T), pk=["key"])
CITIES = _t(
    "cities",
    ("id", I, True),
    ("name", T, True),
    ("name_seed", T, True),
    ("region", T, True),
    ("region_seed", T, True),
    ("federal_district", T, True),
    ("year", I, True),
    ("text", T, True),
    ("headline", T, True),
    ("lat", R),
    ("lon", R),
    ("geonameid", I),
    ("name_latin", T),
    ("summary_en", T),  # optional: curators' English summary for the English mode (the text stays Russian)
    pk=["id"],
)
MEMORIALS = _t(
    "memorials",
    ("city_id", I, True),
    ("kind", T, True),
    ("title", T, True),
    ("address", T),
    ("url", T),
    ("seed_text", T),
    pk=["city_id"],
    fks=[("city_id", "cities", "id")],
)
TAGS = _t(
    "tags",
    ("id", T, True),
    ("label_ru", T, True),
    ("label_en", T, True),
    ("icon", T, True),
    ("position", I, True),
    pk=["id"],
)
CITY_TAGS = _t(
    "city_tags",
    ("city_id", I, True),
    ("tag_id", T, True),
    pk=["city_id", "tag_id"],
    fks=[("city_id", "cities", "id"), ("tag_id", "tags", "id")],
)
CORRECTIONS = _t(
    "corrections",
    ("id", I, True),
    ("city_id", I, True),
    ("field", T, True),
    ("original", T),
    ("corrected", T),
    ("note", T, True),
    pk=["id"],
    fks=[("city_id", "cities", "id")],
)

# The public sources of an editorial entry, a city the list lacks (71, Вологда) whose text the exhibition wrote
# itself: a city with rows here is shown with a note saying so. Rows of the list have none.
CITY_SOURCES = _t(
    "city_sources",
    ("city_id", I, True),
    ("position", I, True),
    ("title", T, True),
    ("url", T, True),
    ("facts", T, True),
    pk=["city_id", "position"],
    fks=[("city_id", "cities", "id")],
)

# Doubts an editor must settle (e.g. a seed row that names the wrong city): shown in the report, never hidden.
QUESTIONS = _t(
    "questions",
    ("id", I, True),
    ("city_id", I, True),
    ("field", T, True),
    ("note", T, True),
    pk=["id"],
    fks=[("city_id", "cities", "id")],
)

# The memorials' QR codes as PNG, one per address (kiosk/data/qr_codes.py), derived like search_terms: written by
# build and import, never exported, so the running kiosk needs no QR encoder.
QR_CODES = _t("qr_codes", ("url", T, True), ("png", B, True), pk=["url"])

# Photographs stored in the database, so the exhibit stays one file (kiosk/data/curation/images.py). One table for every
# kind of owner: IMAGE_OWNERS says which table and key an owner_type points at (add a line for a new owner).
IMAGES = _t(
    "images",
    ("id", I, True),
    ("owner_type", T, True),
    ("owner_id", T, True),
    ("position", I, True),
    ("caption", T),
    ("credit", T),
    ("width", I, True),
    ("height", I, True),
    ("format", T, True),
    ("data", B, True),
    pk=["id"],
)
IMAGE_OWNERS: dict[str, tuple[str, str]] = {
    "city": ("cities", "id"),
    "slide": ("slides", "id"),
    # The Novokuznetsk section's items (kiosk-db add-image --owner nk_person:chalkov …); its screens show them.
    "nk_chapter": ("nk_chapters", "id"),
    "nk_event": ("nk_events", "id"),
    "nk_person": ("nk_people", "id"),
    "nk_award": ("nk_awards", "id"),
    "nk_unit": ("nk_units", "id"),
}

# Curators' own attract-mode slides (db/sources/slides.toml); a slide's picture is its first image (owner_type
# "slide"). Nothing is NOT NULL but the id: a hand-edited bad slide is named by `validate` and skipped by the
# kiosk (kiosk.data.attract.deck), it never takes the whole exhibition down.
SLIDES = _t(
    "slides",
    ("id", I, True),
    ("title", T),
    ("text", T),
    ("duration", R),
    ("position", I),
    ("enabled", I),
    ("source", T),
    ("title_en", T),
    ("text_en", T),  # optional English, written by curators (never machine-translated)
    pk=["id"],
)
# Its rows in display order, in column order (kiosk.data.attract.slides.from_rows makes the records).
SLIDE_ROWS = f"SELECT {', '.join(SLIDES.column_names)} FROM slides ORDER BY position, id"

# Curators' own quiz questions (db/sources/quiz.toml, kiosk.data.quiz.curated): four answers, `correct` names the
# right one (1..4); English optional. Like slides, nothing is NOT NULL but the id: a hand-edited bad question is
# named by `validate` and left out of rounds by the kiosk.
QUIZ = _t(
    "quiz_questions",
    ("id", I, True),
    ("text", T),
    *((f"answer{i}", T) for i in range(1, 5)),
    ("correct", I),
    ("explanation", T),
    ("source", T),
    ("enabled", I),
    ("text_en", T),
    *((f"answer{i}_en", T) for i in range(1, 5)),
    ("explanation_en", T),
    pk=["id"],
)
QUIZ_ROWS = f"SELECT {', '.join(QUIZ.column_names)} FROM quiz_questions ORDER BY id"

# The search index: each city's terms, normalised, stemmed and romanised by kiosk.data.search.textnorm at build time and
# joined by spaces. The kiosk loads them into memory and searches them in Python (kiosk.data.search.engine), which
# gives prefixes while typing, typo tolerance and ranking that SQLite's FTS5 does not offer for Russian. Derived
# data: the exports leave it out, every build writes it anew.
SEARCH_COLUMNS = ("name", "region", "text", "tags")
SEARCH_TERMS = _t(
    "search_terms",
    ("city_id", I, True),
    *((c, T) for c in SEARCH_COLUMNS),
    pk=["city_id"],
    fks=[("city_id", "cities", "id")],
)

# Limits: what one kiosk file may hold at most. Checked before anything is read whole (kiosk.data.store.validate's
# first stages, which the kiosk's quick open runs too; the importer, per file and per cell), so a 5-million-
# character name or a million rows is refused in a moment with its place named, never loaded, shown or frozen on.
MAX_FILE_BYTES = 1 << 30  # the database file (59 MB hold 200 photographs)
MAX_ROWS = 10_000  # per table (70 cities, 153 quotes)
MAX_IMAGE_BYTES = 20 * 1024 * 1024  # one stored photograph (re-encoded to at most 2560 px: a few MB)
MAX_PROBLEMS = 100  # a check stops after this many problems and says so
MAX_SOURCE_BYTES = 256 * 1024 * 1024  # one file an import reads (a CSV, the JSON document, the workbook)
SHORT_TEXT = 200  # names, regions, districts, keys: one line on a card
LABEL_TEXT = 1_000  # titles, labels, captions, credits, addresses
LONG_TEXT = 200_000  # a city's text, a quote, a note: a long chapter (180 000 characters round-trip in CSV)
_SHORT_COLUMNS = {
    *("name", "name_seed", "name_latin", "region", "region_seed", "federal_district", "key", "id", "tag_id"),
    *("kind", "icon", "owner_type", "owner_id", "format", "field", "date", "end_date", "precision", "when_text"),
    *("value_text", "unit", "seed", "item_id", "chapter_id", "shown_seed"),
}
_LABEL_COLUMNS = {
    *("title", "title_en", "label", "label_ru", "label_en", "caption", "credit", "headline", "address", "url"),
    *("role", "recipient", "by_whom", "topic", "lead", "file", "taken"),
}


def max_length(table: str, column: str) -> int:
    """The most characters a TEXT column may hold (the search index is derived: it gets the long limit twice)."""
    if table == "search_terms":
        return 2 * LONG_TEXT
    if column in _SHORT_COLUMNS:
        return SHORT_TEXT
    return LABEL_TEXT if column in _LABEL_COLUMNS else LONG_TEXT


# Ordinary tables in creation order (parents before children).
TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        META,
        CITIES,
        MEMORIALS,
        TAGS,
        CITY_TAGS,
        CITY_SOURCES,
        CORRECTIONS,
        QUESTIONS,
        IMAGES,
        SLIDES,
        QUIZ,
        SEARCH_TERMS,
        QR_CODES,
    )
}

# The Novokuznetsk section (db/sources/novokuznetsk, kiosk.data.novokuznetsk.sources): items carry `text` (what visitors
# read: the quote with the seed corrections applied); their exact passages are in nk_quotes. `label_en`: an
# optional English heading curators may fill (through export → spreadsheet → import) for the English mode.
NK_TABLES = (
    _t(
        "nk_seeds",
        ("id", T, True),
        ("position", I, True),
        ("file", T, True),
        ("title", T, True),
        ("kind", T),
        ("shown", I, True),
        ("taken", T),
        ("text", T, True),
        ("title_en", T),  # the sources page in English mode (editorial English of the exhibition)
        ("kind_en", T),
        ("taken_en", T),
        pk=["id"],
    ),
    _t(
        "nk_chapters",
        ("id", T, True),
        ("position", I, True),
        ("title", T, True),
        ("lead", T),
        ("label_en", T),
        ("summary_en", T),  # the exhibition's English summary of the chapter (editorial)
        pk=["id"],
    ),
    _t(
        "nk_paragraphs",
        ("id", T, True),
        ("chapter_id", T, True),
        ("position", I, True),
        ("text", T, True),
        ("refs", T),
        pk=["id"],
        fks=[("chapter_id", "nk_chapters", "id")],
    ),
    _t(
        "nk_events",
        ("id", T, True),
        ("position", I, True),
        ("date", T, True),
        ("end_date", T),
        ("precision", T, True),
        ("when_text", T),
        ("title", T, True),
        ("text", T, True),
        ("label_en", T),
        pk=["id"],
    ),
    _t(
        "nk_figures",
        ("id", T, True),
        ("position", I, True),
        ("value", R, True),
        ("value_text", T, True),
        ("unit", T, True),
        ("label", T, True),
        ("countable", I, True),
        ("text", T, True),
        ("label_en", T),
        pk=["id"],
    ),
    _t(
        "nk_people",
        ("id", T, True),
        ("position", I, True),
        ("name", T, True),
        ("role", T, True),
        ("when_text", T),
        ("text", T, True),
        ("label_en", T),
        pk=["id"],
    ),
    _t(
        "nk_awards",
        ("id", T, True),
        ("position", I, True),
        ("title", T, True),
        ("recipient", T, True),
        ("date", T),
        ("by_whom", T),
        ("text", T, True),
        ("label_en", T),
        pk=["id"],
    ),
    _t(
        "nk_units",
        ("id", T, True),
        ("position", I, True),
        ("name", T, True),
        ("kind", T, True),
        ("text", T, True),
        ("label_en", T),
        pk=["id"],
    ),
    # Every item's sources: kind is one of kiosk.data.novokuznetsk.records.KINDS, position 0 is the item's own passage.
    _t(
        "nk_quotes",
        ("kind", T, True),
        ("item_id", T, True),
        ("position", I, True),
        ("seed", T, True),
        ("quote", T, True),
        pk=["kind", "item_id", "position"],
    ),
    _t(
        "nk_corrections",
        ("id", I, True),
        ("seed", T, True),
        ("original", T, True),
        ("corrected", T),
        ("note", T, True),
        pk=["id"],
    ),
    _t(
        "nk_questions",
        ("id", T, True),
        ("position", I, True),
        ("topic", T, True),
        ("note", T, True),
        ("shown_seed", T),
        pk=["id"],
    ),
)
TABLES.update({t.name: t for t in NK_TABLES})
NK_TABLE_NAMES = tuple(t.name for t in NK_TABLES)

# What two builds from the same sources must agree on, row for row (meta holds the build time).
CONTENT_TABLES = (
    "cities",
    "memorials",
    "tags",
    "city_tags",
    "city_sources",
    "corrections",
    "questions",
    "images",
    "slides",
    QUIZ.name,
    SEARCH_TERMS.name,
    QR_CODES.name,
    *NK_TABLE_NAMES,
)

META_KEYS = ("schema_version", "built_at", "app_version", "sources_sha256", "sources")
