"""The `[[table]]` entries of a curators' TOML source (slides.toml's slides, quiz.toml's questions), each with a
positive whole-number id of its own: what every such file checks first, in one place. A problem is added as
``FILE: table[i].field: …``; an entry whose id is unusable is left out."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kiosk.data.errors import DataError

Bad = Callable[..., None]  # bad(field, why): a problem in this entry's field


def numbered_entries(
    path: Path, data: dict[str, Any], table: str, known: set[str] | frozenset[str], problems_out: list[DataError]
) -> Iterator[tuple[int, dict[str, Any], int, Bad]]:
    """(index, entry, id, bad) for every usable `[[table]]` entry of `data`."""
    entries = data.get(table, [])
    if not isinstance(entries, list):
        problems_out.append(DataError(path, f"must be [[{table}]] entries", field=table))
        return
    seen: set[int] = set()
    for i, entry in enumerate(entries):
        where = f"{table}[{i}]"

        def bad(fld: str, why: str, where: str = where) -> None:
            problems_out.append(DataError(path, why, field=f"{where}.{fld}"))

        if not isinstance(entry, dict):
            problems_out.append(DataError(path, "must be a table", field=where))
            continue
        for key in sorted(set(entry) - known):
            bad(key, f"unknown field (known: {', '.join(sorted(known))})")
        entry_id = entry.get("id")
        if not isinstance(entry_id, int) or isinstance(entry_id, bool) or entry_id < 1:
            bad("id", f"must be a positive whole number, got {entry_id!r}")
            continue
        if entry_id in seen:
            bad("id", f"duplicate {table} id {entry_id}")
        seen.add(entry_id)
        yield i, entry, entry_id, bad
