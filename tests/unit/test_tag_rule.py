"""The one tag rule, read from its evidence (db/sources/tag_evidence.toml): a city has a product tag only where its
shown text says it made the product; where the text names a product it only supplied material for, the tag is
withheld. Every quote must be in the city's shown text (seed text with its fixes, or the editorial text)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from kiosk.data.cities.sources import load_sources

ROOT = Path(__file__).resolve().parents[2]
EVIDENCE = tomllib.loads((ROOT / "db" / "sources" / "tag_evidence.toml").read_text(encoding="utf-8"))
CITIES = {cs.city.id: cs.city for cs in load_sources(ROOT / "db" / "sources").cities}
PRODUCTS = {"tanks", "aviation", "arms", "ammunition", "shipbuilding"}


def _plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def test_every_product_tag_of_every_city_has_its_evidence_in_the_text():
    made = {int(cid): quotes for cid, quotes in EVIDENCE["made"].items()}
    for cid, city in CITIES.items():
        tagged = PRODUCTS & set(city.tags)
        assert set(made.get(cid, {})) == tagged, f"{cid} {city.name}: tags {sorted(tagged)}, evidence {made.get(cid)}"
        for tag, quote in made.get(cid, {}).items():
            assert _plain(quote) in _plain(city.text), f"{cid} {city.name}: {tag}: «{quote}» is not in the text"


def test_what_a_city_only_supplied_is_not_its_tag():
    supplied = {int(cid): quotes for cid, quotes in EVIDENCE["supplied"].items()}
    assert {12, 18, 38, 44, 64} <= set(supplied)  # the cases issue 23 found (and 18, 49 of issue 15)
    for cid, quotes in supplied.items():
        city = CITIES[cid]
        for tag, quote in quotes.items():
            assert tag in PRODUCTS and tag not in city.tags, f"{cid} {city.name}: {tag} is set though only supplied"
            assert _plain(quote) in _plain(city.text), f"{cid} {city.name}: «{quote}» is not in the text"


def test_a_text_that_names_what_the_city_made_has_the_tag():
    """The case issue 23 found missing: Красноярск's boats (and Вологда, whose text names no product)."""
    assert "shipbuilding" in CITIES[26].tags
    assert not PRODUCTS & set(CITIES[71].tags)
