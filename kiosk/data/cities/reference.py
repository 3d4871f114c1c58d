"""Reference lists the data-quality report checks against, kept in the repo with their sources.

Federal subjects: kiosk/data/reference/federal_subjects.toml (Constitution of the Russian Federation, art. 65).
Place names: the GeoNames table of kiosk.data.cities.geonames.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

SUBJECTS = Path(__file__).parents[1] / "reference" / "federal_subjects.toml"


def _fold(name: str) -> str:
    return " ".join(name.replace("–", "—").replace(" - ", " — ").split())


@lru_cache(maxsize=1)
def federal_subjects() -> dict[str, str]:
    """Every accepted spelling → the official name of art. 65."""
    import tomllib  # here, not at the top: the kiosk imports this module at start-up without reading it

    data = tomllib.loads(SUBJECTS.read_text(encoding="utf-8"))
    official = {_fold(n): n for group in data["subjects"].values() for n in group}
    official.update({_fold(alias): name for alias, name in data["aliases"].items()})
    return official


def subject_source() -> str:
    import tomllib

    return str(tomllib.loads(SUBJECTS.read_text(encoding="utf-8"))["source"]["law"])


def official_subject(region: str) -> str | None:
    """The official name a region spelling stands for, or None when it is not a federal subject."""
    return federal_subjects().get(_fold(region))
