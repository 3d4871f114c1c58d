"""The Novokuznetsk section's part of `kiosk-db report`: its open questions and seed corrections."""

from __future__ import annotations

from kiosk.data.nk_records import Section


def _flat(value: str, limit: int) -> str:
    flat = " / ".join(ln.strip() for ln in value.splitlines() if ln.strip())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def question_lines(section: Section) -> list[str]:
    """Open questions of the section, for the report's first block beside the city list's."""
    lines = [f"Open questions in the Novokuznetsk section ({len(section.questions)}):"]
    for q in section.questions:
        shown = f" [shown: {q.shown}]" if q.shown else ""
        readings = ", ".join(sorted({s.seed.split("_", 1)[0] for s in q.sources}))
        lines.append(f"  {q.id} ({readings}){shown}: {q.topic}: {_flat(q.note, 300)}")
    if not section.questions:
        lines.append("  none")
    return lines


def correction_lines(section: Section) -> list[str]:
    lines = [f"Corrections to the Novokuznetsk seeds ({len(section.corrections)}):"]
    for k in section.corrections:
        lines.append(f"  {k.seed}: «{_flat(k.original, 60)}» → «{_flat(k.corrected, 60)}» — {_flat(k.note, 200)}")
    if not section.corrections:
        lines.append("  none")
    counts = (f"{len(section.chapters)} chapters, {len(section.events)} events, {len(section.figures)} figures, "
              f"{len(section.people)} people, {len(section.awards)} awards, {len(section.units)} units")
    return [*lines, "", f"Novokuznetsk section: {counts}"]
