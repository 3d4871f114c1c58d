"""`kiosk-db report`: what curators should look at — open questions, seed corrections, missing memorials and
coordinates."""

from __future__ import annotations

from kiosk.data.nk_report import correction_lines, question_lines
from kiosk.data.repository import Repository


def one_line(value: str, limit: int = 90) -> str:
    """Seed cells can span paragraphs; the report keeps one line per finding."""
    # Spaces are kept as they are when the value is one line: a trailing space can be the very finding.
    flat = " / ".join(ln.strip() for ln in value.splitlines() if ln.strip()) if "\n" in value else value
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def report_text(repo: Repository) -> str:
    meta = repo.meta()
    cities = repo.cities()
    lines = [
        f"Data-quality report: {repo.path}",
        f"Built {meta.get('built_at', '?')} by kiosk {meta.get('app_version', '?')}, "
        f"schema {meta.get('schema_version')},"
        f" sources sha256 {meta.get('sources_sha256', '?')[:12]}",
        f"{len(cities)} cities, {len(repo.tags())} tags",
        "",
    ]
    questions = repo.questions()
    lines.append(f"Open questions for the editor ({len(questions)}):")
    for q in questions:
        city = repo.city(q.city_id)
        lines.append(f"  {city.id:>2} {city.name}: {q.field}: {one_line(q.note, 300)}")
    if not questions:
        lines.append("  none")
    lines.extend(["", *question_lines(repo.section()), ""])
    corrections = repo.corrections()
    lines.append(f"Corrections to the seed ({len(corrections)}):")
    for k in corrections:
        city = repo.city(k.city_id)
        lines.append(f"  {city.id:>2} {city.name}: {k.field}: «{one_line(k.original)}» → «{one_line(k.corrected)}»"
                     f" — {one_line(k.note, 200)}")
    if not corrections:
        lines.append("  none")
    lines.extend(["", *correction_lines(repo.section())])

    def listing(title: str, chosen: list) -> None:
        lines.extend(["", f"{title} ({len(chosen)}):"])
        lines.extend(f"  {c.id:>2} {c.name} ({c.region})" for c in chosen)
        if not chosen:
            lines.append("  none")

    listing("Cities without a memorial", [c for c in cities if c.memorial is None])
    listing("Cities without coordinates", [c for c in cities if c.lat is None or c.lon is None])
    listing("Cities without tags", [c for c in cities if not c.tags])
    return "\n".join(lines) + "\n"
