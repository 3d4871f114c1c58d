"""The Novokuznetsk section in `kiosk-db export --format json` (CSV takes its nk_* tables as they are)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from kiosk.data.novokuznetsk.records import Section


def section_json(s: Section) -> dict[str, Any]:
    """Every item with its sources ([{seed, quote}]); seeds without their full text (that stays in the DB)."""

    def items(records: Iterable[Any]) -> list[dict[str, Any]]:
        return [asdict(r) for r in records]

    return {
        "seeds": [{k: v for k, v in asdict(d).items() if k != "text"} for d in s.seeds],
        "chapters": items(s.chapters),
        "events": items(s.events),
        "figures": items(s.figures),
        "people": items(s.people),
        "awards": items(s.awards),
        "units": items(s.units),
        "corrections": items(s.corrections),
        "questions": items(s.questions),
    }
