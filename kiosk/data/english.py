"""English names for the kiosk's English mode, from kiosk/data/reference/english_names.toml (with its sources).

The content stays Russian: only names with an established English form are given here (federal districts and
regions); a name the table lacks comes back empty, and the screen shows the Russian instead.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kiosk.data.reference import official_subject

NAMES = Path(__file__).parent / "reference" / "english_names.toml"


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    import tomllib  # here, not at the top: the kiosk imports this module at start-up and reads it in English only

    return tomllib.loads(NAMES.read_text(encoding="utf-8"))


def district_en(name: str) -> str:
    """«Приволжский федеральный округ» → «Volga Federal District»; '' when unknown."""
    return _table()["federal_districts"].get((name or "").strip(), "")


def region_en(name: str) -> str:
    """A region as the database spells it (official name or a known alias) → its English name; '' when unknown."""
    regions = _table()["regions"]
    name = (name or "").strip()
    return regions.get(name) or regions.get(official_subject(name) or "", "")


def sources() -> dict[str, str]:
    return dict(_table()["source"])
