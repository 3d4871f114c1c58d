"""Reading the Novokuznetsk section back from a built database into typed records (for the repository).

In two steps: `read_rows` takes the rows (cheap, inside the repository's one snapshot), `build_section` makes
the records when the section is first asked for; the kiosk's home needs only `has_section`, so the record
classes are not even imported before its first frame."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.data.novokuznetsk.records import Section

# Items whose table has the optional English heading (schema: label_en), by the kind their refs use.
_LABELLED = (
    ("chapter", "nk_chapters"),
    ("event", "nk_events"),
    ("figure", "nk_figures"),
    ("person", "nk_people"),
    ("award", "nk_awards"),
    ("unit", "nk_units"),
)


_QUERIES = {
    "quotes": "SELECT kind, item_id, seed, quote FROM nk_quotes ORDER BY kind, item_id, position",
    "paragraphs": "SELECT id, chapter_id, text, refs FROM nk_paragraphs ORDER BY chapter_id, position",
    "seeds": (
        "SELECT id, file, title, kind, shown, taken, text, title_en, kind_en, taken_en FROM nk_seeds ORDER BY position"
    ),
    "chapters": "SELECT id, title, lead FROM nk_chapters ORDER BY position",
    "events": "SELECT id, date, end_date, precision, when_text, title, text FROM nk_events ORDER BY position",
    "figures": "SELECT id, value, value_text, unit, label, countable, text FROM nk_figures ORDER BY position",
    "people": "SELECT id, name, role, when_text, text FROM nk_people ORDER BY position",
    "awards": "SELECT id, title, recipient, date, by_whom, text FROM nk_awards ORDER BY position",
    "units": "SELECT id, name, kind, text FROM nk_units ORDER BY position",
    "corrections": "SELECT id, seed, original, corrected, note FROM nk_corrections ORDER BY id",
    "questions": "SELECT id, topic, note, shown_seed FROM nk_questions ORDER BY position",
}


NO_ROWS: dict[str, list[tuple[Any, ...]]] = {
    name: [] for name in (*_QUERIES, "labels_en", "summaries_en")
}  # an empty section


def read_rows(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """The section's rows as stored, for build_section."""
    rows = {name: conn.execute(sql).fetchall() for name, sql in _QUERIES.items()}
    rows["labels_en"] = [
        (kind, i, label)
        for kind, table in _LABELLED
        for i, label in conn.execute(f"SELECT id, label_en FROM {table} WHERE trim(coalesce(label_en, '')) != ''")
    ]
    rows["summaries_en"] = conn.execute(
        "SELECT id, summary_en FROM nk_chapters WHERE trim(coalesce(summary_en, '')) != ''"
    ).fetchall()
    return rows


def has_section(rows: dict[str, list[tuple[Any, ...]]]) -> bool:
    """What bool(build_section(rows)) says, without building it."""
    return bool(rows["chapters"] or rows["events"] or rows["figures"])


def build_section(rows: dict[str, list[tuple[Any, ...]]]) -> Section:
    from kiosk.data.novokuznetsk.build import REF_SEPARATOR
    from kiosk.data.novokuznetsk.records import (
        Award,
        Chapter,
        Event,
        Figure,
        Paragraph,
        Person,
        Quote,
        Section,
        SectionQuestion,
        SeedCorrection,
        SeedDoc,
        Unit,
    )

    quotes: dict[tuple[str, str], list[Quote]] = {}
    for kind, item_id, seed, quote in rows["quotes"]:
        quotes.setdefault((kind, item_id), []).append(Quote(seed, quote))

    def src(kind: str, item_id: str) -> tuple[Quote, ...]:
        return tuple(quotes.get((kind, item_id), ()))

    paragraphs: dict[str, list[Paragraph]] = {}
    for pid, chapter_id, text, refs in rows["paragraphs"]:
        paragraphs.setdefault(chapter_id, []).append(
            Paragraph(pid, text, tuple(r for r in (refs or "").split(REF_SEPARATOR) if r), src("paragraph", pid))
        )
    return Section(
        seeds=tuple(
            SeedDoc(i, f, t, k or "", bool(s), tk or "", x, te or "", ke or "", tke or "")
            for i, f, t, k, s, tk, x, te, ke, tke in rows["seeds"]
        ),
        chapters=tuple(
            Chapter(cid, title, lead or "", tuple(paragraphs.get(cid, ()))) for cid, title, lead in rows["chapters"]
        ),
        events=tuple(Event(i, d, e or "", p, w or "", t, x, src("event", i)) for i, d, e, p, w, t, x in rows["events"]),
        figures=tuple(
            Figure(i, v, vt, u, lb, bool(c), x, src("figure", i)) for i, v, vt, u, lb, c, x in rows["figures"]
        ),
        people=tuple(Person(i, n, r, w or "", x, src("person", i)) for i, n, r, w, x in rows["people"]),
        awards=tuple(Award(i, t, r, d or "", b or "", x, src("award", i)) for i, t, r, d, b, x in rows["awards"]),
        units=tuple(Unit(i, n, k, x, src("unit", i)) for i, n, k, x in rows["units"]),
        corrections=tuple(SeedCorrection(i, s, o, c or "", n) for i, s, o, c, n in rows["corrections"]),
        questions=tuple(SectionQuestion(i, t, n, s or "", src("question", i)) for i, t, n, s in rows["questions"]),
        labels_en={f"{kind}:{i}": label.strip() for kind, i, label in rows["labels_en"]},
        summaries_en={i: summary.strip() for i, summary in rows.get("summaries_en", ())},
    )
