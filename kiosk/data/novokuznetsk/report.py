"""The Novokuznetsk section's line in `kiosk-db report` (its questions and corrections are findings there)."""

from __future__ import annotations

from kiosk.data.novokuznetsk.records import Section


def section_counts(section: Section) -> str:
    return (
        f"Novokuznetsk section: {len(section.chapters)} chapters, {len(section.events)} events, "
        f"{len(section.figures)} figures, {len(section.people)} people, {len(section.awards)} awards, "
        f"{len(section.units)} units, {len(section.corrections)} seed corrections, "
        f"{len(section.questions)} open questions"
    )
