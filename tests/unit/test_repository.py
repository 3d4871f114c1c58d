"""Repository: opens read-only, loads typed records once, refuses broken files with a DataError."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
from tests.helpers.data import fingerprint, run_sql

from kiosk.data.errors import DataError, DataErrors
from kiosk.data.cities.rules import current_year
from kiosk.data.store.records import City, Correction, Memorial, SearchTerms, Tag
from kiosk.data.store.repository import Repository, verify_file
from kiosk.data.store.schema import SCHEMA_VERSION


def test_loads_typed_records_in_display_order(fixture_db):
    repo = Repository.open(fixture_db)
    cities = repo.cities()
    assert [c.id for c in cities] == [1, 2, 3]
    assert all(isinstance(c, City) for c in cities)
    nn = repo.city(1)
    assert nn.name == "Нижний Новгород" and nn.year == 2020 and nn.name_latin == "Nizhniy Novgorod"
    assert nn.tags == ("shipbuilding", "aviation", "tanks")  # tags.toml order
    assert nn.lat == pytest.approx(56.32867) and isinstance(nn.lat, float)
    assert nn.memorial == Memorial(
        "памятник",
        "Горьковчанам-доблестным труженикам тыла",
        "Нижний Новгород, Кремль",
        "https://yandex.ru/maps/org/gorkovchanam_doblestnym_truzhenikam_tyla/39823183308/"
        "?ll=44.004434%2C56.327122&z=18",
    )
    assert nn.headline == "43% подводных лодок…"  # cut at a comma: the headline rule (SOURCES.md)
    assert nn.text.startswith("Это один из") and not nn.text.endswith("\n")
    assert repo.city(2).lat is None and repo.city(2).lon is None
    assert repo.city(3).memorial is None
    assert "\n" in repo.city(2).text  # paragraphs kept


def test_tags_meta_corrections_and_search_terms(fixture_db):
    repo = Repository.open(fixture_db)
    assert repo.tags()[0] == Tag("shipbuilding", "Судостроение", "Shipbuilding", "mdi6.ferry")
    assert [t.id for t in repo.tags()] == ["shipbuilding", "aviation", "tanks", "small_arms"]
    meta = repo.meta()
    assert meta["schema_version"] == str(SCHEMA_VERSION) and repo.schema_version == SCHEMA_VERSION
    meta["schema_version"] = "changed"
    assert repo.meta()["schema_version"] == str(SCHEMA_VERSION)  # a copy
    assert repo.corrections() == (
        Correction(
            1,
            3,
            "region",
            "Удмуртская республика ",
            "Удмуртская Республика",
            "Официально «Удмуртская Республика» (Конституция РФ, ст. 65)",
        ),
    )
    terms = repo.search_terms()
    assert [t.city_id for t in terms] == [1, 2, 3] and isinstance(terms[0], SearchTerms)
    assert "izhevsk" in terms[2].name


def test_unknown_city_id_is_a_key_error(fixture_db):
    with pytest.raises(KeyError):
        Repository.open(fixture_db).city(99)


def test_never_writes_and_keeps_no_connection(db_copy):
    before = fingerprint(db_copy)
    repo = Repository.open(db_copy)
    assert len(repo) == 3
    assert fingerprint(db_copy) == before
    assert sorted(p.name for p in db_copy.parent.iterdir()) == [db_copy.name]
    db_copy.replace(db_copy.with_suffix(".moved"))  # nothing holds the file (matters on Windows)


def test_missing_file_is_not_created(tmp_path):
    missing = tmp_path / "kiosk.sqlite"
    with pytest.raises(DataError) as info:
        Repository.open(missing)
    assert str(info.value) == f"{missing}: file not found"
    assert not missing.exists()


def _random(p):
    p.write_bytes(os.urandom(5000))


def _empty(p):
    p.write_bytes(b"")


def _foreign(p):
    p.unlink()
    run_sql(p, "CREATE TABLE t(x)")


def _corrupt(p):
    data = bytearray(p.read_bytes())
    data[4096:8192] = os.urandom(4096)
    p.write_bytes(bytes(data))


BROKEN = [
    (_random, "not an SQLite database"),
    (_empty, "empty file"),
    (_foreign, "not a kiosk database"),
    (_corrupt, "corrupt"),
    (lambda p: run_sql(p, "UPDATE meta SET value='99' WHERE key='schema_version'"), "newer than this program"),
    (lambda p: run_sql(p, "DROP TABLE tags"), "tags: missing table"),
    (lambda p: run_sql(p, "UPDATE cities SET year='2020 г.' WHERE id=1"), "cities[1].year: must be integer"),
]


@pytest.mark.parametrize("breaker, message", BROKEN, ids=[m for _, m in BROKEN])
def test_broken_files_raise_a_data_error_never_sqlite3(db_copy, breaker, message):
    breaker(db_copy)
    with pytest.raises(DataError) as info:
        Repository.open(db_copy)
    assert not isinstance(info.value, sqlite3.Error)
    assert str(info.value).startswith(f"{db_copy}: ")
    assert message in str(info.value)


def test_a_quick_open_refuses_what_it_cannot_load_and_leaves_row_checks_to_verify_file(db_copy):
    """The kiosk's first open checks only what opening needs; verify_file runs the rest after the first frame."""
    run_sql(db_copy, "UPDATE cities SET year = 2019 WHERE id = 1")
    repo = Repository.open(db_copy, full_check=False)
    assert not repo.checked and repo.city(1).year == 2019
    assert "cities[1].year: 2019 is outside" in str(verify_file(db_copy))
    assert Repository.open(run_sql(db_copy, "UPDATE cities SET year = 2020 WHERE id = 1")).checked
    assert verify_file(db_copy) is None
    run_sql(db_copy, "DROP TABLE tags")  # what the unavailable screen depends on is still checked at once
    with pytest.raises(DataError, match="tags: missing table"):
        Repository.open(db_copy, full_check=False)


def test_a_row_that_breaks_a_quick_open_is_named_exactly(db_copy, monkeypatch):
    import kiosk.data.store.repository as repository

    def choke(conn, path):
        raise TypeError("'int' object has no attribute 'split'")  # what a bad row does to the loader

    monkeypatch.setattr(repository, "_load", choke)
    run_sql(db_copy, "UPDATE cities SET year = 2019 WHERE id = 1")
    with pytest.raises(DataError, match=r"cities\[1\]\.year: 2019 is outside"):
        Repository.open(db_copy, full_check=False)


def test_several_problems_come_together(db_copy):
    run_sql(db_copy, "UPDATE cities SET year = 2019", "UPDATE memorials SET url = 'ftp://x'")
    with pytest.raises(DataErrors) as info:
        Repository.open(db_copy)
    assert len(info.value.problems) == 5
    assert str(info.value) == f"{db_copy}: cities[1].year: 2019 is outside 2020..{current_year()} (and 4 more problems)"


def test_reopening_sees_a_replaced_file(fixture_db, tmp_path):
    live = tmp_path / "kiosk.sqlite"
    shutil.copy(fixture_db, live)
    old = Repository.open(live)
    new_version = tmp_path / "incoming.sqlite"
    shutil.copy(fixture_db, new_version)
    run_sql(new_version, "UPDATE cities SET name = 'Горький', name_seed = 'Горький' WHERE id = 1")
    new_version.replace(live)  # the way `kiosk-db build` and careful curators replace it
    assert old.city(1).name == "Нижний Новгород"  # loaded data never changes under the kiosk
    assert Repository.open(live).city(1).name == "Горький"
