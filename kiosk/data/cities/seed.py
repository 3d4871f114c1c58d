"""Read the seed list of the 70 «Города трудовой доблести» (db/seeds/003_*.txt). No Qt.

The seed is a DOCX table exported as text:

* a record starts with a line ``\\t<N>.`` (N = 1..70, maybe a trailing space);
* every cell starts with a line that begins with a TAB; continuation lines of a
  multi-line cell do not (blank lines may sit inside and between cells);
* cells, in order: name, region, year, contribution text, memorial cell, and a
  7th (empty, "political situation") cell that record 70 lacks.

Values are returned exactly as the seed has them: the cell's leading TAB is
removed and the cell as a whole is stripped of leading/trailing whitespace
(which also drops surrounding blank lines); inner lines are kept byte-for-byte,
paragraphs stay "\\n"-separated and inner blank lines stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SEED_GLOB = "003_*.txt"
_RECORD_START = re.compile(r"^\t(\d+)\.\s*$")


@dataclass(frozen=True, slots=True)
class SeedRow:
    number: int  # the row number in the seed, 1..70
    name: str
    region: str
    year_text: str  # as written, e.g. "2020"
    text: str  # contribution text, verbatim
    memorial_cell: str  # «Нет» or the memorial description, verbatim


def _cells(lines: list[str]) -> list[str]:
    """Split a record's lines (without the number line) into stripped cells."""
    cells: list[list[str]] = []
    for line in lines:
        if line.startswith("\t"):
            cells.append([line[1:]])
        elif cells:
            cells[-1].append(line)
        elif line.strip():
            raise ValueError(f"text before the first cell: {line!r}")
    return ["\n".join(cell).strip() for cell in cells]


def parse_seed(path: str | Path) -> list[SeedRow]:
    """Parse the seed file into rows, in seed order. Raises ValueError on a malformed record."""
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    records: list[tuple[int, list[str]]] = []
    for line in lines:
        m = _RECORD_START.match(line)
        if m:
            records.append((int(m.group(1)), []))
        elif records:
            records[-1][1].append(line)
    rows: list[SeedRow] = []
    for number, body in records:
        cells = _cells(body)
        if len(cells) not in (5, 6):
            raise ValueError(f"record {number}: expected 5 or 6 cells after the number, got {len(cells)}")
        name, region, year_text, text, memorial = cells[:5]
        rows.append(SeedRow(number, name, region, year_text, text, memorial))
    numbers = [r.number for r in rows]
    if numbers != list(range(1, len(rows) + 1)):
        raise ValueError(f"record numbers are not 1..{len(rows)} in order: {numbers}")
    return rows


def find_seed_file(dirs: Iterable[str | Path]) -> Path:
    """Return the first ``003_*.txt`` found in `dirs` (searched in order)."""
    tried = []
    for d in dirs:
        d = Path(d)
        tried.append(str(d))
        hits = sorted(d.glob(SEED_GLOB))
        if hits:
            return hits[0]
    raise FileNotFoundError(f"no {SEED_GLOB} in: {', '.join(tried)}")
