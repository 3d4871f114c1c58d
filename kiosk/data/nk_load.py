"""Reading the Novokuznetsk section back from a built database into typed records (for the repository)."""

from __future__ import annotations

import sqlite3

from kiosk.data.nk_build import REF_SEPARATOR
from kiosk.data.nk_records import (
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

# Items whose table has the optional English heading (schema: label_en), by the kind their refs use.
_LABELLED = (
    ("chapter", "nk_chapters"),
    ("event", "nk_events"),
    ("figure", "nk_figures"),
    ("person", "nk_people"),
    ("award", "nk_awards"),
    ("unit", "nk_units"),
)


def load_section(conn: sqlite3.Connection) -> Section:
    q = conn.execute
    quotes: dict[tuple[str, str], list[Quote]] = {}
    for kind, item_id, seed, quote in q(
        "SELECT kind, item_id, seed, quote FROM nk_quotes ORDER BY kind, item_id, position"
    ):
        quotes.setdefault((kind, item_id), []).append(Quote(seed, quote))

    def src(kind: str, item_id: str) -> tuple[Quote, ...]:
        return tuple(quotes.get((kind, item_id), ()))

    paragraphs: dict[str, list[Paragraph]] = {}
    for pid, chapter_id, text, refs in q(
        "SELECT id, chapter_id, text, refs FROM nk_paragraphs ORDER BY chapter_id, position"
    ):
        paragraphs.setdefault(chapter_id, []).append(
            Paragraph(pid, text, tuple(r for r in (refs or "").split(REF_SEPARATOR) if r), src("paragraph", pid))
        )
    return Section(
        seeds=tuple(
            SeedDoc(i, f, t, k or "", bool(s), tk or "", x)
            for i, f, t, k, s, tk, x in q(
                "SELECT id, file, title, kind, shown, taken, text FROM nk_seeds ORDER BY position"
            )
        ),
        chapters=tuple(
            Chapter(cid, title, lead or "", tuple(paragraphs.get(cid, ())))
            for cid, title, lead in q("SELECT id, title, lead FROM nk_chapters ORDER BY position")
        ),
        events=tuple(
            Event(i, d, e or "", p, w or "", t, x, src("event", i))
            for i, d, e, p, w, t, x in q(
                "SELECT id, date, end_date, precision, when_text, title, text FROM nk_events ORDER BY position"
            )
        ),
        figures=tuple(
            Figure(i, v, vt, u, lb, bool(c), x, src("figure", i))
            for i, v, vt, u, lb, c, x in q(
                "SELECT id, value, value_text, unit, label, countable, text FROM nk_figures ORDER BY position"
            )
        ),
        people=tuple(
            Person(i, n, r, w or "", x, src("person", i))
            for i, n, r, w, x in q("SELECT id, name, role, when_text, text FROM nk_people ORDER BY position")
        ),
        awards=tuple(
            Award(i, t, r, d or "", b or "", x, src("award", i))
            for i, t, r, d, b, x in q(
                "SELECT id, title, recipient, date, by_whom, text FROM nk_awards ORDER BY position"
            )
        ),
        units=tuple(
            Unit(i, n, k, x, src("unit", i))
            for i, n, k, x in q("SELECT id, name, kind, text FROM nk_units ORDER BY position")
        ),
        corrections=tuple(
            SeedCorrection(i, s, o, c or "", n)
            for i, s, o, c, n in q("SELECT id, seed, original, corrected, note FROM nk_corrections ORDER BY id")
        ),
        questions=tuple(
            SectionQuestion(i, t, n, s or "", src("question", i))
            for i, t, n, s in q("SELECT id, topic, note, shown_seed FROM nk_questions ORDER BY position")
        ),
        labels_en={
            f"{kind}:{i}": label.strip()
            for kind, table in _LABELLED
            for i, label in q(f"SELECT id, label_en FROM {table} WHERE trim(coalesce(label_en, '')) != ''")
        },
    )
