"""English names for the kiosk's English mode, from kiosk/data/reference/english_names.toml (with its sources).

The content stays Russian: only names with an established English form are given here (federal districts and
regions); a name the table lacks comes back empty, and the screen shows the Russian instead.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kiosk.data.cities.reference import official_subject

NAMES = Path(__file__).parents[1] / "reference" / "english_names.toml"


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


def memorial_kind_en(kind: str) -> str:
    """«стела» → «stela» (the table's [memorial_kinds]); '' when the table lacks the kind."""
    return _table()["memorial_kinds"].get((kind or "").strip().lower(), "")


def city_en(name: str) -> str:
    """A city's official English name ([cities]: the Kremlin's English decree texts and TASS); '' when unknown."""
    return _table()["cities"].get((name or "").strip(), "")


def glossary() -> dict[str, tuple[str, ...]]:
    """Translated names the exhibition's English may use → the Russian stems one of which the source must carry."""
    return {en: tuple(stems) if isinstance(stems, list) else (stems,) for en, stems in _table()["glossary"].items()}


_ROMAN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e yo zh z i y k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya".split(),
        strict=True,
    )
)


def romanised(text: str) -> str:
    """The romanisation the Latin names follow (BGN/PCGN without apostrophes: soft and hard signs dropped)."""
    out = []
    for ch in text:
        low = ch.lower()
        latin = _ROMAN.get(low)
        if latin is None:
            out.append(ch)
            continue
        latin = latin.strip("_")
        out.append(latin.capitalize() if ch != low else latin)
    return "".join(out)
