"""`kiosk-db validate`: one precise line per problem, never a traceback, never a change to the file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from tests.helpers.data import fingerprint, run_sql

from kiosk.data.cities import rules
from kiosk.data.curation.cli import main
from kiosk.data.store.validate import check_file
from kiosk.data.store.schema import SCHEMA_VERSION

NOW = rules.current_year()


def random_bytes(p: Path) -> None:
    p.write_bytes(os.urandom(8192))


def empty(p: Path) -> None:
    p.write_bytes(b"")


def truncated(p: Path) -> None:
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 3])


def corrupted_page(p: Path) -> None:
    """Garbage over the middle of every page after the first: the header still says SQLite."""
    data = bytearray(p.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    for start in range(page, len(data), page):
        data[start + 8 : start + 200] = os.urandom(192)
    p.write_bytes(bytes(data))


def foreign(p: Path) -> None:
    p.unlink()
    run_sql(p, "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes VALUES (1, 'hi')")


def sql(*statements: str):
    return lambda p: run_sql(p, *statements)


def null_name(p: Path) -> None:
    import sqlite_utils

    db = sqlite_utils.Database(p)
    db["cities"].transform(not_null={"name": False})
    db.execute("UPDATE cities SET name = NULL WHERE id = 2")
    db.conn.commit()
    db.close()


CASES = [
    ("random bytes", random_bytes, ": not an SQLite database (unexpected file header)"),
    ("empty file", empty, ": empty file (0 bytes), not an SQLite database"),
    ("truncated", truncated, ": corrupt"),
    ("corrupted pages", corrupted_page, ": corrupt"),
    ("foreign SQLite", foreign, ": not a kiosk database (no meta table)"),
    (
        "schema 99",
        sql("UPDATE meta SET value = '99' WHERE key = 'schema_version'"),
        f": meta[schema_version].value: schema version 99 is newer than this program understands ({SCHEMA_VERSION})",
    ),
    (
        "schema 0",
        sql("UPDATE meta SET value = '0' WHERE key = 'schema_version'"),
        ": meta[schema_version].value: schema version 0 is not supported",
    ),
    ("no schema version", sql("DELETE FROM meta WHERE key = 'schema_version'"), ": meta[schema_version]: missing"),
    ("missing table", sql("DROP TABLE corrections"), ": corrections: missing table"),
    ("missing search terms", sql("DROP TABLE search_terms"), ": search_terms: missing table"),
    ("missing column", sql("ALTER TABLE cities DROP COLUMN headline"), ": cities.headline: missing column"),
    ("NULL name", null_name, ": cities[2].name: missing (NULL)"),
    ("blank region", sql("UPDATE cities SET region = '  ' WHERE id = 1"), ": cities[1].region: must not be empty"),
    (
        "name on two lines",
        sql("UPDATE cities SET name = 'Ленинск-' || char(10) || 'Кузнецкий' WHERE id = 1"),
        ": cities[1].name: must be one line without control characters",
    ),
    (
        "title with stray space",
        sql("UPDATE memorials SET title = title || ' ' WHERE city_id = 2"),
        ": memorials[2].title: has spaces at the start or end",
    ),
    (
        "text year",
        sql("UPDATE cities SET year = 'двадцатый' WHERE id = 1"),
        ": cities[1].year: must be integer, found text 'двадцатый'",
    ),
    ("text lat", sql("UPDATE cities SET lat = 'north' WHERE id = 1"), ": cities[1].lat: must be real, found text"),
    ("year 2019", sql("UPDATE cities SET year = 2019 WHERE id = 1"), f": cities[1].year: 2019 is outside 2020..{NOW}"),
    ("year 2099", sql("UPDATE cities SET year = 2099 WHERE id = 3"), f": cities[3].year: 2099 is outside 2020..{NOW}"),
    (
        "lat 10",
        sql("UPDATE cities SET lat = 10 WHERE id = 1"),
        ": cities[1].lat: 10.0 is outside Russia (latitude 41..82)",
    ),
    ("lon 0", sql("UPDATE cities SET lon = 0 WHERE id = 1"), ": cities[1].lon: 0.0 is outside Russia"),
    (
        "lat without lon",
        sql("UPDATE cities SET lon = NULL WHERE id = 1"),
        ": cities[1].lon: lat and lon go together: both or neither",
    ),
    (
        "javascript url",
        sql("UPDATE memorials SET url = 'javascript:alert(1)' WHERE city_id = 1"),
        ": memorials[1].url: malformed link 'javascript:alert(1)'",
    ),
    (
        "url without host",
        sql("UPDATE memorials SET url = 'https:///path' WHERE city_id = 2"),
        ": memorials[2].url: malformed link",
    ),
    (
        "unknown tag",
        sql("INSERT INTO city_tags VALUES (2, 'zeppelins')"),
        ": city_tags[2,zeppelins].tag_id: unknown tag 'zeppelins'",
    ),
    (
        "headline not in text",
        sql("UPDATE cities SET headline = 'Выдумка' WHERE id = 2"),
        ": cities[2].headline: is not an excerpt of the text",
    ),
    (
        "headline too long",
        sql("UPDATE cities SET headline = substr(text, 1, 141) WHERE id = 3"),
        ": cities[3].headline: 141 characters, at most 140",
    ),
    (
        "city without terms",
        sql("DELETE FROM search_terms WHERE city_id = 2"),
        ": search_terms[2]: no search terms for this city",
    ),
]


@pytest.mark.parametrize("label, breaker, expected", CASES, ids=[c[0] for c in CASES])
def test_each_problem_is_reported_precisely(db_copy, label, breaker, expected):
    breaker(db_copy)
    before = fingerprint(db_copy)
    problems = [str(p) for p in check_file(db_copy)]
    assert any(p.startswith(f"{db_copy}{expected}") for p in problems), problems
    assert fingerprint(db_copy) == before  # bytes and mtime: validate never writes


@pytest.mark.parametrize("label, breaker, expected", CASES, ids=[c[0] for c in CASES])
def test_cli_exits_1_with_one_line_per_problem(db_copy, capsys, label, breaker, expected):
    breaker(db_copy)
    before = fingerprint(db_copy)
    assert main(["validate", str(db_copy)]) == 1
    out, err = capsys.readouterr()
    assert f"{db_copy}{expected}" in out
    assert "Traceback" not in out + err
    assert all(line.startswith(str(db_copy)) for line in out.splitlines())
    assert fingerprint(db_copy) == before
    assert sorted(p.name for p in db_copy.parent.iterdir()) == [db_copy.name]  # no -journal, -wal, -shm left


def test_good_file_is_ok_and_untouched(db_copy, capsys):
    before = fingerprint(db_copy)
    assert check_file(db_copy) == []
    assert main(["validate", str(db_copy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{db_copy}: OK (3 cities, 4 tags, schema {SCHEMA_VERSION}")
    assert fingerprint(db_copy) == before


def test_missing_file_is_reported_and_not_created(tmp_path):
    missing = tmp_path / "nope.sqlite"
    assert [str(p) for p in check_file(missing)] == [f"{missing}: file not found"]
    assert not missing.exists()


def test_a_folder_is_not_a_database(tmp_path):
    assert [str(p) for p in check_file(tmp_path)] == [f"{tmp_path}: is a folder, not a database file"]


def test_odd_characters_in_the_path(fixture_db, tmp_path):
    odd = tmp_path / "кио ск?#%20.sqlite"
    odd.write_bytes(fixture_db.read_bytes())
    assert check_file(odd) == []


def test_all_problems_of_a_file_are_listed(db_copy):
    run_sql(db_copy, "UPDATE cities SET year = 2019 WHERE id = 1", "UPDATE cities SET lat = 90 WHERE id = 3")
    problems = check_file(db_copy)
    assert [(p.table, p.row_id, p.field) for p in problems] == [("cities", 1, "year"), ("cities", 3, "lat")]


def test_a_locked_database_still_validates(db_copy):
    writer = sqlite3.connect(db_copy)
    writer.execute("BEGIN IMMEDIATE")  # a curator tool in the middle of something
    try:
        assert check_file(db_copy) == []
    finally:
        writer.rollback()
        writer.close()
