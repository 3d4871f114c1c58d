"""Issue 29: limits from the schema, checked before anything is read whole, in validate, the kiosk's open and
import; a check stops after the first hundred problems and says so."""

from __future__ import annotations

import sqlite3
import time

import pytest

from kiosk.data.store import schema, snapshot
from kiosk.data.errors import DataError
from kiosk.data.store.repository import Repository
from kiosk.data.store.validate import check_file


def _sql(path, *statements):
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def test_a_huge_name_is_refused_by_its_length_at_the_quick_open_too(db_copy):
    _sql(db_copy, "UPDATE cities SET name = printf('%.*c', 5000000, 'x') WHERE id = (SELECT min(id) FROM cities)")
    started = time.perf_counter()
    problems = [str(p) for p in check_file(db_copy)]
    assert any(f"name: 5000000 characters, at most {schema.SHORT_TEXT}" in p for p in problems), problems
    with pytest.raises(DataError, match="5000000 characters"):
        Repository.open(db_copy, full_check=False)  # the kiosk's first open: never loaded, never shown
    assert time.perf_counter() - started < 10


def test_a_text_over_the_long_limit_is_refused(db_copy):
    n = schema.LONG_TEXT + 1
    _sql(db_copy, f"UPDATE cities SET text = printf('%.*c', {n}, 'x') WHERE id = (SELECT min(id) FROM cities)")
    assert any(f"text: {n} characters" in str(p) for p in check_file(db_copy))


def test_too_many_rows_are_refused_without_reading_them(db_copy):
    _sql(
        db_copy,
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10001) "
        "INSERT INTO corrections (id, city_id, field, note) "
        "SELECT 1000 + i, (SELECT min(id) FROM cities), 'name', 'x' FROM n",
    )
    problems = [str(p) for p in check_file(db_copy)]
    assert problems and f"rows, at most {schema.MAX_ROWS}" in problems[0]


def test_a_hundred_problems_then_a_count_line(db_copy):
    conn = sqlite3.connect(db_copy)
    cols = [r[1] for r in conn.execute("PRAGMA table_info(corrections)")]
    conn.executescript(
        f"ALTER TABLE corrections RENAME TO old; CREATE TABLE corrections ({', '.join(cols)}); "
        "INSERT INTO corrections SELECT * FROM old; DROP TABLE old; "
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) "
        "INSERT INTO corrections (id, city_id, field, note) SELECT 1000 + i, 'bad', 'name', NULL FROM n;"
    )
    conn.close()
    problems = [str(p) for p in check_file(db_copy)]
    assert len(problems) == schema.MAX_PROBLEMS + 1, len(problems)
    assert f"stopped after {schema.MAX_PROBLEMS} problems" in problems[-1]


def test_validate_says_it_stopped_counting(db_copy, capsys):
    from kiosk.data.curation.cli import main

    test_a_hundred_problems_then_a_count_line(db_copy)
    assert main(["validate", str(db_copy)]) == 1
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == schema.MAX_PROBLEMS + 1
    assert err.strip() == f"{db_copy}: more than {schema.MAX_PROBLEMS} problem(s)"


def test_a_file_over_the_size_limit_is_refused_before_it_is_copied(db_copy, monkeypatch):
    monkeypatch.setattr(snapshot, "MAX_FILE_BYTES", 1000)
    size = snapshot.size_text(db_copy.stat().st_size)
    assert [str(p) for p in check_file(db_copy)] == [f"{db_copy}: too large: {size}, at most 1000 bytes"]
