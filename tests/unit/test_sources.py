"""The curated content sources (db/sources) against the seed list. Fast, no Qt."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from kiosk.data.cities import rules
from kiosk.data.cities.seed import SeedRow, find_seed_file, parse_seed
from kiosk.data.text.text_fixes import apply_fixes

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "db" / "sources"
CITY_FILES = sorted((SOURCES / "cities").glob("*.toml"))
BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
KINDS = {
    "стела",
    "памятник",
    "сквер",
    "мемориал",
    "памятный знак",
    "мемориальная доска",
    "площадь",
    "аллея",
    "парк",
    "other",
}
# Cities whose text supports no tag at all (only the decree's general formula), with the reason.
NO_TAGS = {67: "Курган: текст — только общая формула указа"}
UNSET_DISTRICT = "Федеральный округ не установлен"  # ДНР, ЛНР: no official act found (an open question)


def _load(path: Path) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


SEED_PATH = find_seed_file([ROOT / "db" / "seeds"])
ROWS: list[SeedRow] = parse_seed(SEED_PATH)
CITIES: list[dict] = [_load(p) for p in CITY_FILES]
TAG_IDS = [t["id"] for t in _load(SOURCES / "tags.toml")["tag"]]
REGIONS = {r["name"]: r["federal_district"] for r in _load(SOURCES / "regions.toml")["region"]}
PAIRS = list(zip(ROWS, CITIES))
IDS = [f"{r.number:02d}" for r in ROWS]


def _norm(s: str) -> str:
    return " ".join(BOOKMARK.sub("", s).split())


# ------------------------------------------------------------------ the seed parser


def test_seed_has_70_rows_in_order():
    assert [r.number for r in ROWS] == list(range(1, 71))


def test_seed_values_are_stripped_cells():
    first, last = ROWS[0], ROWS[-1]
    assert (first.name, first.region, first.year_text) == ("Нижний Новгород", "Нижегородская область", "2020")
    assert first.memorial_cell.startswith("Памятник\nГорьковчанам-доблестным труженикам тыла\n\n")
    assert last.name == "Салехард" and last.memorial_cell == "Нет"  # record 70 has no 7th cell
    assert ROWS[67].name == "Ленинск-\nКузнецкий"  # inner lines are kept as they are
    assert ROWS[31].region == ""  # an empty cell stays empty
    for r in ROWS:
        for v in (r.name, r.region, r.year_text, r.text, r.memorial_cell):
            assert v == v.strip() and not v.startswith("\t")


def test_seed_parser_on_a_small_table(tmp_path):
    seed = tmp_path / "003_x.txt"
    seed.write_text(
        "header\n\t№\n\tГород\n\n\t1. \n\tА\n\tБ обл\n\t2020\n\tline one\n\nline two \n"
        "\tНет\n\t\n\n\t2.\n\tВ\n\n\tГ\n\t2021\n\tt\n\t Нет\n ",
        encoding="utf-8",
    )
    rows = parse_seed(seed)
    assert rows == [
        SeedRow(1, "А", "Б обл", "2020", "line one\n\nline two", "Нет"),
        SeedRow(2, "В", "Г", "2021", "t", "Нет"),
    ]
    assert find_seed_file([tmp_path / "none", tmp_path]) == seed


# ------------------------------------------------------------------ the city files


def test_seventy_files_with_ids_in_seed_order():
    """One file per row of the list, then 71: Вологда, the city the list lacks (an [editorial] entry)."""
    assert [p.name for p in CITY_FILES] == [f"{i:02d}.toml" for i in range(1, 72)]
    assert [c["id"] for c in CITIES if "seed" in c] == [r.number for r in ROWS]
    assert [(c["id"], c["name"]) for c in CITIES if "seed" not in c] == [(71, "Вологда")]


@pytest.mark.parametrize("row,city", PAIRS, ids=IDS)
def test_seed_table_is_the_seed_verbatim(row: SeedRow, city: dict):
    assert city["seed"] == {
        "name": row.name,
        "region": row.region,
        "year": row.year_text,
        "text": row.text,
        "memorial": row.memorial_cell,
    }


@pytest.mark.parametrize("row,city", PAIRS, ids=IDS)
def test_shown_values_differ_from_seed_only_with_a_note(row: SeedRow, city: dict):
    corrections = city.get("corrections", {})
    for key, seed_value in (("name", row.name), ("region", row.region), ("year", row.year_text)):
        if str(city[key]) != seed_value:
            assert key in corrections, f"{key}: {city[key]!r} != seed {seed_value!r} without a note"
    assert isinstance(city["year"], int)
    for key, note in corrections.items():
        assert isinstance(note, str) and len(note) > 20, key
        assert key in {"name", "region", "year"} or key.startswith("memorial."), key
        if key in {"name", "region", "year"}:
            assert str(city[key]) != {"name": row.name, "region": row.region, "year": row.year_text}[key], (
                f"note for {key} but the value equals the seed"
            )


def shown_text(row: SeedRow, city: dict) -> str:
    """The text visitors read: the seed's, with the city's [[text_fixes]] applied."""
    text, _ = apply_fixes(row.text, city.get("text_fixes"), lambda fld, why: pytest.fail(f"{fld}: {why}"))
    return text


@pytest.mark.parametrize("row,city", PAIRS, ids=IDS)
def test_headline_is_a_verbatim_excerpt(row: SeedRow, city: dict):
    h = city["headline"]
    assert 0 < len(h) <= 140
    assert h == h.strip() and "\n" not in h
    assert rules.is_excerpt(h, shown_text(row, city))


@pytest.mark.parametrize("row,city", PAIRS, ids=IDS)
def test_headline_stands_alone(row: SeedRow, city: dict):
    assert rules.headline_shape_problem(city["headline"], shown_text(row, city)) is None


@pytest.mark.parametrize("row,city", PAIRS, ids=IDS)
def test_tags_come_from_the_vocabulary(row: SeedRow, city: dict):
    tags = city["tags"]
    assert len(tags) == len(set(tags)) and all(t in TAG_IDS for t in tags)
    if row.number in NO_TAGS:
        assert tags == []
    else:
        assert 1 <= len(tags) <= 6


def test_tag_vocabulary():
    tags = _load(SOURCES / "tags.toml")["tag"]
    assert 12 <= len(tags) <= 15
    assert len(TAG_IDS) == len(set(TAG_IDS))
    for t in tags:
        assert set(t) == {"id", "label_ru", "label_en", "icon"}
        assert re.fullmatch(r"[a-z][a-z_]*", t["id"]) and t["icon"].startswith("mdi6.")
    used = {t for c in CITIES for t in c["tags"]}
    assert used == set(TAG_IDS), f"unused tags: {set(TAG_IDS) - used}"


@pytest.mark.parametrize("row,city", PAIRS, ids=IDS)
def test_memorial_matches_the_seed_cell(row: SeedRow, city: dict):
    m = city.get("memorial")
    if row.memorial_cell == "Нет":
        assert m is None
        return
    assert m is not None and set(m) == {"kind", "title", "address", "url"}
    assert m["kind"] in KINDS
    raw = BOOKMARK.sub("", row.memorial_cell)
    corrections = city.get("corrections", {})
    for key in ("title", "address", "url"):
        value = m[key]
        assert value == value.strip() and "\n" not in value
        assert _norm(value) in _norm(row.memorial_cell), f"memorial.{key} not in the seed cell"
        if value not in raw:  # e.g. an address that the cell splits over two lines
            assert f"memorial.{key}" in corrections
    if BOOKMARK.search(row.memorial_cell):
        assert any(k.startswith("memorial.") for k in corrections)
    assert m["title"]
    if m["url"]:
        assert m["url"].startswith("https://")


@pytest.mark.parametrize("row,city", PAIRS, ids=IDS)
def test_region_and_district(row: SeedRow, city: dict):
    assert city["region"] in REGIONS
    assert city["federal_district"] == REGIONS[city["region"]]


def test_regions_file():
    data = _load(SOURCES / "regions.toml")
    assert "Указ" in data["source"]["decree"] and "849" in data["source"]["decree"]
    assert set(REGIONS) == {c["region"] for c in CITIES}, "regions.toml lists exactly the regions in use"
    assert REGIONS["Республика Бурятия"] == REGIONS["Забайкальский край"] == "Дальневосточный федеральный округ"
    assert all(d.endswith(" федеральный округ") or d == UNSET_DISTRICT for d in REGIONS.values())


@pytest.mark.parametrize("row,city", PAIRS, ids=IDS)
def test_coordinates_inside_russia(row: SeedRow, city: dict):
    loc = city["location"]
    if "lat" not in loc:
        assert "lon" not in loc and "geonameid" not in loc
        return
    assert 41 <= loc["lat"] <= 82
    assert 19 <= loc["lon"] <= 180 or -180 <= loc["lon"] <= -168
    assert isinstance(loc["geonameid"], int) and city["name_latin"]


def test_generators_report_no_drift():
    for script in ("seed_to_sources.py", "enrich_locations.py"):
        res = subprocess.run(
            [sys.executable, str(ROOT / "db" / "tools" / script), "--check"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert res.returncode == 0, res.stdout + res.stderr
