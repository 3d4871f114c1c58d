"""`kiosk-db report`: what curators should look at — seed corrections, missing memorials and coordinates."""

from __future__ import annotations

from kiosk.data.repository import Repository


def report_text(repo: Repository) -> str:
    meta = repo.meta()
    cities = repo.cities()
    lines = [
        f"Data-quality report: {repo.path}",
        f"Built {meta.get('built_at', '?')} by kiosk {meta.get('app_version', '?')}, schema {meta.get('schema_version')},"
        f" sources sha256 {meta.get('sources_sha256', '?')[:12]}",
        f"{len(cities)} cities, {len(repo.tags())} tags",
        "",
    ]
    corrections = repo.corrections()
    lines.append(f"Corrections to the seed ({len(corrections)}):")
    for k in corrections:
        city = repo.city(k.city_id)
        lines.append(f"  {city.id:>2} {city.name}: {k.field}: «{k.original}» → «{k.corrected}» — {k.note}")
    if not corrections:
        lines.append("  none")

    def listing(title: str, chosen: list) -> None:
        lines.extend(["", f"{title} ({len(chosen)}):"])
        lines.extend(f"  {c.id:>2} {c.name} ({c.region})" for c in chosen)
        if not chosen:
            lines.append("  none")

    listing("Cities without a memorial", [c for c in cities if c.memorial is None])
    listing("Cities without coordinates", [c for c in cities if c.lat is None or c.lon is None])
    listing("Cities without tags", [c for c in cities if not c.tags])
    return "\n".join(lines) + "\n"
