"""`kiosk-db build`: sources → database; checks with exact messages; determinism; atomic replacement."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from kiosk.data.store import schema
from kiosk.data.curation.build import build_database
from kiosk.data.errors import DataError, DataErrors
from kiosk.data.cities.sources import load_sources


def rows(path: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid").fetchall()
    finally:
        conn.close()


def test_build_writes_every_table(fixture_db):
    conn = sqlite3.connect(fixture_db)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(schema.TABLES) <= names
    assert conn.execute("SELECT id, name, region, region_seed FROM cities ORDER BY id").fetchall() == [
        (1, "Нижний Новгород", "Нижегородская область", "Нижегородская область"),
        (2, "Екатеринбург", "Свердловская область", "Свердловская область"),
        (3, "Ижевск", "Удмуртская Республика", "Удмуртская республика "),
    ]
    assert conn.execute("SELECT lat, lon, geonameid FROM cities WHERE id = 2").fetchone() == (None, None, None)
    assert [r[0] for r in conn.execute("SELECT city_id FROM memorials ORDER BY city_id")] == [1, 2]
    assert conn.execute("SELECT id, position FROM tags ORDER BY position").fetchall() == [
        ("shipbuilding", 0),
        ("aviation", 1),
        ("tanks", 2),
        ("small_arms", 3),
    ]
    assert conn.execute("SELECT city_id, field, original, corrected FROM corrections").fetchall() == [
        (3, "region", "Удмуртская республика ", "Удмуртская Республика"),
    ]
    # Search terms are stored normalised (ё→е, casefolded) and stemmed.
    name, text = conn.execute("SELECT name, text FROM search_terms WHERE city_id = 1").fetchone()
    assert "нижн" in name.split() and "nizhniy" in name.split()
    assert "самолет" in text.split() and "самолёт" not in text
    conn.close()


def test_meta_describes_the_build(fixture_db, fixture_sources):
    meta = dict(sqlite3.connect(fixture_db).execute("SELECT key, value FROM meta").fetchall())
    assert meta["schema_version"] == str(schema.SCHEMA_VERSION)
    assert meta["built_at"].endswith("Z")
    files = sorted(p for p in fixture_sources.rglob("*.toml"))
    files.sort(key=lambda p: p.relative_to(fixture_sources).as_posix())
    assert json.loads(meta["sources"]) == [p.relative_to(fixture_sources).as_posix() for p in files]
    assert meta["sources_sha256"] == hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()


def test_same_sources_give_the_same_content(fixture_sources, tmp_path):
    a = build_database(fixture_sources, tmp_path / "a.sqlite")
    b = build_database(fixture_sources, tmp_path / "b.sqlite")
    for table in schema.CONTENT_TABLES:
        assert rows(a, table) == rows(b, table), table

    def meta(p):
        return {k: v for _, k, v in rows(p, "meta") if k != "built_at"}

    assert meta(a) == meta(b)


def test_rebuild_replaces_atomically_and_leaves_no_temp_files(fixture_sources, tmp_path):
    out = build_database(fixture_sources, tmp_path / "kiosk.sqlite")
    reader = sqlite3.connect(f"file:{out}?mode=ro", uri=True)
    reader.execute("BEGIN")
    assert reader.execute("SELECT count(*) FROM cities").fetchone() == (3,)
    (fixture_sources_copy := tmp_path / "src").mkdir()
    for p in fixture_sources.rglob("*.toml"):
        target = fixture_sources_copy / p.relative_to(fixture_sources)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(p.read_bytes())
    (fixture_sources_copy / "cities" / "03.toml").unlink()
    build_database(fixture_sources_copy, out)
    # The open reader still sees the old file; a new connection sees the new one.
    assert reader.execute("SELECT count(*) FROM cities").fetchone() == (3,)
    reader.close()
    assert sqlite3.connect(out).execute("SELECT count(*) FROM cities").fetchone() == (2,)
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["kiosk.sqlite"]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


BROKEN_SOURCES = [
    ("cities/01.toml", "year = 2020", "year = 2019", "cities/01.toml: year: 2019 is outside 2020.."),
    ("cities/01.toml", "year = 2020", 'year = "2020"', "cities/01.toml: year: must be a whole number, got '2020'"),
    ("cities/01.toml", 'name = "Нижний Новгород"\n', 'name = ""\n', "cities/01.toml: name: must not be empty"),
    ("cities/01.toml", 'name = "Нижний Новгород"\n', "", "cities/01.toml: name: missing"),
    (
        "cities/01.toml",
        'name = "Нижний Новгород"\n',
        'name = "Нижний\\nНовгород"\n',
        "cities/01.toml: name: must be one line without control characters, got 'Нижний\\nНовгород'",
    ),
    ("cities/01.toml", "lat = 56.32867", "lat = 10", "cities/01.toml: location.lat: 10 is outside Russia"),
    ("cities/01.toml", "lon = 44.00205\n", "", "cities/01.toml: location: lat and lon go together"),
    (
        "cities/01.toml",
        'url = "https://yandex.ru',
        'url = "javascript:alert(1)//yandex.ru',
        "cities/01.toml: memorial.url: malformed link",
    ),
    ("cities/01.toml", '"tanks"]', '"tank"]', "cities/01.toml: tags: unknown tag 'tank' (not in tags.toml)"),
    ("cities/01.toml", 'headline = "43%', 'headline = "44%', "cities/01.toml: headline: is not an excerpt"),
    ("cities/01.toml", "id = 1", "id = 2", "cities/01.toml: id: 2 does not match the file name 01.toml"),
    (
        "cities/01.toml",
        'region = "Нижегородская область"\nfederal',
        'region = "Горьковская область"\nfederal',
        "cities/01.toml: region: 'Горьковская область' is not in regions.toml",
    ),
    (
        "cities/01.toml",
        'federal_district = "Приволжский',
        'federal_district = "Уральский',
        "cities/01.toml: federal_district: 'Уральский федеральный округ', but regions.toml says",
    ),
    (
        "cities/03.toml",
        "[corrections]\nregion =",
        "[corrections]\nregion_note =",
        "cities/03.toml: region: differs from seed.region 'Удмуртская республика ': add a note under [corrections]",
    ),
    ("cities/02.toml", "[seed]", "[seeds]", "cities/02.toml: seed: missing table"),
    ("cities/02.toml", "id = 2", "id = 2\nid = 3", "cities/02.toml: invalid TOML"),
    ("tags.toml", 'id = "tanks"', 'id = "Tanks!"', "tags.toml: tag[2].id: 'Tanks!' must be a lower-case slug"),
]


@pytest.mark.parametrize("file, old, new, expected", BROKEN_SOURCES, ids=[c[3][:60] for c in BROKEN_SOURCES])
def test_broken_sources_are_reported_and_nothing_is_written(sources_copy, tmp_path, file, old, new, expected):
    edit(sources_copy / file, old, new)
    out = tmp_path / "out" / "kiosk.sqlite"
    with pytest.raises(DataError) as info:
        build_database(sources_copy, out)
    file_part, rest = expected.split(": ", 1)
    wanted = f"{sources_copy / file_part}: {rest}"
    lines = [str(p) for p in info.value.problems]
    assert any(line.startswith(wanted) for line in lines), lines
    assert "\n" not in str(info.value)
    assert not out.exists()
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_all_problems_are_listed_at_once(sources_copy):
    edit(sources_copy / "cities/01.toml", "year = 2020", "year = 2099")
    edit(sources_copy / "cities/02.toml", '"tanks"]', '"tank"]')
    with pytest.raises(DataErrors) as info:
        load_sources(sources_copy)
    assert {(Path(p.path).name, p.field) for p in info.value.problems} == {("01.toml", "year"), ("02.toml", "tags")}


def test_a_failed_build_keeps_the_old_database(fixture_sources, sources_copy, tmp_path):
    out = build_database(fixture_sources, tmp_path / "kiosk.sqlite")
    before = out.read_bytes()
    edit(sources_copy / "cities/01.toml", "year = 2020", "year = 1941")
    with pytest.raises(DataError):
        build_database(sources_copy, out)
    assert out.read_bytes() == before


def test_missing_sources_folder(tmp_path):
    with pytest.raises(DataError, match="sources folder not found"):
        build_database(tmp_path / "nowhere", tmp_path / "kiosk.sqlite")


REAL_SOURCES = Path(__file__).resolve().parents[2] / "db" / "sources"


@pytest.mark.skipif(not (REAL_SOURCES / "tags.toml").exists(), reason="db/sources not complete yet")
def test_real_sources_build_and_validate(tmp_path):
    from kiosk.data.store.validate import check_file

    out = build_database(REAL_SOURCES, tmp_path / "kiosk.sqlite")
    assert check_file(out) == []


def test_the_built_file_is_validated_before_it_replaces_anything(fixture_sources, tmp_path, monkeypatch):
    import kiosk.data.curation.build as build

    out = build_database(fixture_sources, tmp_path / "kiosk.sqlite")
    before = out.read_bytes()
    real_write = build._write

    def write_then_spoil(db, src):  # a bug in the writer must not reach the kiosks
        real_write(db, src)
        db.execute("UPDATE cities SET year = 1900 WHERE id = 2")

    monkeypatch.setattr(build, "_write", write_then_spoil)
    with pytest.raises(DataErrors) as info:
        build_database(fixture_sources, out)
    assert str(info.value).startswith(f"{out}: cities[2].year: 1900 is outside")
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kiosk.sqlite"]
