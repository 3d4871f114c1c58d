"""Curators' own attract-mode slides: the source file (db/sources/slides.toml), the rules a slide must meet,
and the checks `kiosk-db validate` runs on the `slides` table.

One rule set serves all three: the build refuses a bad slide, `validate` names a hand-edited one exactly, and
the kiosk (kiosk.data.attract.deck) skips or clamps it with a log line instead of taking the exhibition down.
"""

from __future__ import annotations

import math
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.data.cities import rules
from kiosk.data.store import schema
from kiosk.data.errors import DataError
from kiosk.data.cities.toml_entries import numbered_entries

TITLE_MAX = 120  # one or two lines of display type
TEXT_MAX = 600  # what a passer-by reads in one slide's time, at 1.5 m
DURATION_MIN, DURATION_MAX = 2.0, 120.0  # seconds; shorter cannot be read, longer stalls the loop
# Slides are drawn as plain text: tags or entities would show as literal «<b>» and «&amp;».
_MARKUP = re.compile(r"<\s*/?\s*[A-Za-z][^<>]*>|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
SOURCE_KEYS = {"id", "title", "text", "duration", "position", "enabled", "source", "title_en", "text_en"}


@dataclass(frozen=True, slots=True)
class CuratorSlide:
    """A slide as stored; values are unchecked (the deck applies `problems()` and clamps the duration).

    Its picture, if any, is its first image in the images table (owner_type "slide", `kiosk-db add-image`).
    """

    id: int
    title: str
    text: str
    duration: float | None  # seconds; None = the kiosk's slide_duration
    position: int
    enabled: bool
    source: str = ""  # where the slide's facts come from (shown to editors, not to visitors)
    title_en: str = ""  # optional English by curators (never machine-translated)
    text_en: str = ""


def text_problem(value: object, limit: int, *, required: bool) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return "must not be empty" if required else None
    if not isinstance(value, str):
        return f"must be text, got {value!r}"
    if len(value) > limit:
        return f"{len(value)} characters, at most {limit}"
    if markup := _MARKUP.search(value):
        return f"contains markup ({markup.group(0)[:40]!r}); slides show plain text"
    return None


def duration_problem(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        return f"must be a number of seconds, got {value!r}"
    if not DURATION_MIN <= value <= DURATION_MAX:
        return f"{value:g} seconds is outside {DURATION_MIN:g}..{DURATION_MAX:g}"
    return None


def problems(slide: CuratorSlide) -> list[tuple[str, str]]:
    """(field, what is wrong) for every rule the slide breaks; empty when it may be shown."""
    found = []
    why = text_problem(slide.title, TITLE_MAX, required=True)
    if why is None:
        why = rules.oneline_problem(slide.title)
    if why is not None:
        found.append(("title", why))
    if (why := text_problem(slide.text, TEXT_MAX, required=True)) is not None:
        found.append(("text", why))
    if (why := duration_problem(slide.duration)) is not None:
        found.append(("duration", why))
    if (why := text_problem(slide.title_en, TITLE_MAX, required=False)) is not None:
        found.append(("title_en", why))
    if (why := text_problem(slide.text_en, TEXT_MAX, required=False)) is not None:
        found.append(("text_en", why))
    return found


def clamp_duration(value: object, default: float) -> float:
    """The seconds a slide stays: the default for a missing or nonsensical value, else within the limits."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value) or value <= 0:
        return default
    return min(max(float(value), DURATION_MIN), DURATION_MAX)


# ---- the source file ------------------------------------------------------------------------------------------


def from_source(path: Path, data: dict[str, Any], problems_out: list[DataError]) -> list[CuratorSlide]:
    """[[slide]] entries of slides.toml; every problem is added as ``FILE: slide[i].field: …``."""
    slides = []
    for i, entry, slide_id, bad in numbered_entries(path, data, "slide", SOURCE_KEYS, problems_out):
        position = entry.get("position", i + 1)
        if not isinstance(position, int) or isinstance(position, bool):
            bad("position", f"must be a whole number, got {position!r}")
            position = i + 1
        enabled = entry.get("enabled", True)
        if not isinstance(enabled, bool):
            bad("enabled", f"must be true or false, got {enabled!r}")
            enabled = False
        source = entry.get("source", "")
        if not isinstance(source, str):
            bad("source", f"must be text, got {source!r}")
            source = ""
        # As stored, unchecked (None where a key is missing): problems() below says what is wrong.
        slide = CuratorSlide(
            slide_id,
            entry.get("title"),  # type: ignore[arg-type]
            entry.get("text"),  # type: ignore[arg-type]
            entry.get("duration"),
            position,
            enabled,
            source,
            entry.get("title_en") or "",
            entry.get("text_en") or "",
        )
        for fld, why in problems(slide):
            bad(fld, why)
        if not source.strip():
            bad("source", "missing: say where the slide's facts come from")
        slides.append(slide)
    return slides


# ---- the database table ---------------------------------------------------------------------------------------


def read_all(conn: sqlite3.Connection) -> tuple[CuratorSlide, ...]:
    """Every row as it is, in display order (disabled and broken ones included)."""
    return from_rows(conn.execute(schema.SLIDE_ROWS).fetchall())


def from_rows(rows: list[tuple[Any, ...]]) -> tuple[CuratorSlide, ...]:
    """Records of rows as schema.SLIDE_ROWS reads them (the repository reads them at open, makes these later)."""
    return tuple(
        CuratorSlide(
            sid,
            title,
            text,
            duration,
            position if isinstance(position, int) else 0,
            bool(enabled),
            source or "",
            title_en or "",
            text_en or "",
        )
        for sid, title, text, duration, position, enabled, source, title_en, text_en in rows
    )


def check_table(conn: sqlite3.Connection, path: str | Path) -> list[DataError]:
    """`validate`'s content rules for curator slides: ``PATH: slides[ID].field: what is wrong``."""
    found = []
    for slide in read_all(conn):
        for fld, why in problems(slide):
            found.append(DataError(path, why, table="slides", row_id=slide.id, field=fld))
    for sid, enabled in conn.execute("SELECT id, enabled FROM slides WHERE enabled NOT IN (0, 1)"):
        found.append(DataError(path, f"must be 0 or 1, got {enabled!r}", table="slides", row_id=sid, field="enabled"))
    return found
