"""Writing the Novokuznetsk section into the database (part of `kiosk-db build`)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the kiosk reads REF_SEPARATOR on its way to the first frame: no sqlite-utils import there
    import sqlite_utils

from kiosk.data.novokuznetsk.records import Quote, Section

REF_SEPARATOR = ";"


def _quotes(kind: str, item_id: str, sources: tuple[Quote, ...]) -> Iterator[dict[str, object]]:
    return (
        {"kind": kind, "item_id": item_id, "position": i, "seed": q.seed, "quote": q.quote}
        for i, q in enumerate(sources)
    )


def write_section(db: sqlite_utils.Database, s: Section) -> None:
    def en(ref: str) -> str | None:
        return s.labels_en.get(ref) or None

    db["nk_seeds"].insert_all(
        {
            "id": d.id,
            "position": i,
            "file": d.file,
            "title": d.title,
            "kind": d.kind,
            "shown": int(d.shown),
            "taken": d.taken,
            "text": d.text,
            "title_en": d.title_en or None,
            "kind_en": d.kind_en or None,
            "taken_en": d.taken_en or None,
        }
        for i, d in enumerate(s.seeds)
    )
    db["nk_chapters"].insert_all(
        {
            "id": c.id,
            "position": i,
            "title": c.title,
            "lead": c.lead,
            "label_en": en(f"chapter:{c.id}"),
            "summary_en": s.summaries_en.get(c.id) or None,
        }
        for i, c in enumerate(s.chapters)
    )
    db["nk_paragraphs"].insert_all(
        {"id": p.id, "chapter_id": c.id, "position": i, "text": p.text, "refs": REF_SEPARATOR.join(p.refs)}
        for c in s.chapters
        for i, p in enumerate(c.paragraphs)
    )
    db["nk_events"].insert_all(
        {
            "id": e.id,
            "position": i,
            "date": e.date,
            "end_date": e.end or None,
            "precision": e.precision,
            "when_text": e.when or None,
            "title": e.title,
            "text": e.text,
            "label_en": en(f"event:{e.id}"),
        }
        for i, e in enumerate(s.events)
    )
    db["nk_figures"].insert_all(
        {
            "id": f.id,
            "position": i,
            "value": f.value,
            "value_text": f.value_text,
            "unit": f.unit,
            "label": f.label,
            "countable": int(f.countable),
            "text": f.text,
            "label_en": en(f"figure:{f.id}"),
        }
        for i, f in enumerate(s.figures)
    )
    db["nk_people"].insert_all(
        {
            "id": p.id,
            "position": i,
            "name": p.name,
            "role": p.role,
            "when_text": p.when or None,
            "text": p.text,
            "label_en": en(f"person:{p.id}"),
        }
        for i, p in enumerate(s.people)
    )
    db["nk_awards"].insert_all(
        {
            "id": a.id,
            "position": i,
            "title": a.title,
            "recipient": a.recipient,
            "date": a.date or None,
            "by_whom": a.by or None,
            "text": a.text,
            "label_en": en(f"award:{a.id}"),
        }
        for i, a in enumerate(s.awards)
    )
    db["nk_units"].insert_all(
        {"id": u.id, "position": i, "name": u.name, "kind": u.kind, "text": u.text, "label_en": en(f"unit:{u.id}")}
        for i, u in enumerate(s.units)
    )
    db["nk_corrections"].insert_all(
        {"id": k.id, "seed": k.seed, "original": k.original, "corrected": k.corrected, "note": k.note}
        for k in s.corrections
    )
    db["nk_questions"].insert_all(
        {"id": q.id, "position": i, "topic": q.topic, "note": q.note, "shown_seed": q.shown or None}
        for i, q in enumerate(s.questions)
    )
    quotes = [
        *(row for c in s.chapters for p in c.paragraphs for row in _quotes("paragraph", p.id, p.sources)),
        *(
            row
            for kind, items in (
                ("event", s.events),
                ("figure", s.figures),
                ("person", s.people),
                ("award", s.awards),
                ("unit", s.units),
                ("question", s.questions),
            )
            for item in items
            for row in _quotes(kind, item.id, item.sources)
        ),
    ]
    db["nk_quotes"].insert_all(quotes)
