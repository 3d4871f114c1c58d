"""`validate` for the Novokuznetsk section's tables: quotes still in their seed, references that resolve,
dates that are dates, nothing shown that rests on a seed which is never shown.

Yields (message, table, row id, field) so kiosk.data.store.validate reports them like every other problem.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from kiosk.data.novokuznetsk.build import REF_SEPARATOR
from kiosk.data.novokuznetsk.records import KINDS, PRECISIONS, precision_of
from kiosk.data.novokuznetsk.sources import REF_KINDS, valid_date

_ITEM_TABLES = {
    "event": "nk_events",
    "figure": "nk_figures",
    "person": "nk_people",
    "award": "nk_awards",
    "unit": "nk_units",
    "question": "nk_questions",
    "paragraph": "nk_paragraphs",
}


def section_problems(conn: sqlite3.Connection) -> Iterator[tuple[str, str, object, str]]:
    q = conn.execute
    seeds = {file: (text, bool(shown)) for file, text, shown in q("SELECT file, text, shown FROM nk_seeds")}
    ids = {kind: {r[0] for r in q(f"SELECT id FROM {table}")} for kind, table in _ITEM_TABLES.items()}
    quoted: set[tuple[str, str]] = set()
    for kind, item_id, pos, seed, quote in q("SELECT kind, item_id, position, seed, quote FROM nk_quotes"):
        row = f"{kind},{item_id},{pos}"
        quoted.add((kind, item_id))
        if kind not in KINDS:
            yield f"unknown kind {kind!r}", "nk_quotes", row, "kind"
        elif item_id not in ids[kind]:
            yield f"quotes for an unknown {kind}", "nk_quotes", row, "item_id"
        if seed not in seeds:
            yield f"unknown seed {seed!r} (not in nk_seeds)", "nk_quotes", row, "seed"
        elif quote not in seeds[seed][0]:
            yield f"does not occur in {seed}", "nk_quotes", row, "quote"
        elif not seeds[seed][1] and kind != "question":
            yield f"{seed} is never shown, but this {kind} is", "nk_quotes", row, "seed"
    for kind, table in _ITEM_TABLES.items():
        for item_id in sorted(ids[kind]):
            if (kind, item_id) not in quoted:
                yield "no source: every item quotes its seed (nk_quotes)", table, item_id, "id"
    everything = {f"{k}:{i}" for k in REF_KINDS for i in ids[k]}
    chapters = {r[0] for r in q("SELECT id FROM nk_chapters")}
    for pid, chapter_id, refs in q("SELECT id, chapter_id, refs FROM nk_paragraphs"):
        if chapter_id not in chapters:
            yield "paragraph of an unknown chapter", "nk_paragraphs", pid, "chapter_id"
        for ref in (refs or "").split(REF_SEPARATOR):
            if ref and ref not in everything:
                yield f"{ref!r} names no item", "nk_paragraphs", pid, "refs"
    for eid, date, end, precision in q("SELECT id, date, end_date, precision FROM nk_events"):
        if not valid_date(date):
            yield f"{date!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", "nk_events", eid, "date"
        elif end and not valid_date(end):
            yield f"{end!r} is not a date", "nk_events", eid, "end_date"
        elif end and end < date:
            yield f"{end} is before {date}", "nk_events", eid, "end_date"
        elif precision not in PRECISIONS or precision != precision_of(date, end or ""):
            yield f"{precision!r} does not fit the date {date!r}", "nk_events", eid, "precision"
    for aid, date in q("SELECT id, date FROM nk_awards WHERE date IS NOT NULL AND date != ''"):
        if not valid_date(date):
            yield f"{date!r} is not a date", "nk_awards", aid, "date"
    for cid, seed in q("SELECT id, seed FROM nk_corrections"):
        if seed not in seeds:
            yield f"unknown seed {seed!r}", "nk_corrections", cid, "seed"
