"""Direct editing with sqlite-utils: validate says exactly what a hand edit broke (issue 14 item 2 among them)."""

from __future__ import annotations

import json

import pytest
import sqlite_utils

from kiosk.data.curation.cli import main
from kiosk.data.report import Finding


def _edit(path, fn):
    db = sqlite_utils.Database(path)
    fn(db)
    db.conn.commit()
    db.close()


def duplicate_city(db):
    db["cities"].transform(pk=None)  # rebuilt without its primary key, as a careless tool does
    db.execute("INSERT INTO cities SELECT * FROM cities WHERE id = 2")


def duplicate_tag(db):
    db["tags"].transform(pk=None)
    db.execute("INSERT INTO tags SELECT * FROM tags WHERE id = 'tanks'")


def dangling_memorial(db):
    db["memorials"].update(2, {"city_id": 99})


def null_required(db):
    db["memorials"].transform(not_null={"title": False})
    db["memorials"].update(1, {"title": None})


def wrong_type(db):
    db["cities"].transform(types={"lon": str})
    db["cities"].update(1, {"lon": "восток"})


def duplicate_city_tag(db):
    db["city_tags"].transform(pk=None)
    db.execute("INSERT INTO city_tags VALUES (1, 'tanks')")


EDITS = [
    ("duplicate city id", duplicate_city, "cities[2].id: duplicate id: 2 rows have it"),
    ("duplicate tag id", duplicate_tag, "tags[tanks].id: duplicate id: 2 rows have it"),
    ("duplicate city tag", duplicate_city_tag, "city_tags[1,tanks].city_id,tag_id: duplicate key: 2 rows have it"),
    ("dangling city id", dangling_memorial, "memorials[99].city_id: unknown city 99"),
    ("NULL in a required field", null_required, "memorials[1].title: missing (NULL)"),
    ("wrong type", wrong_type, "cities[1].lon: must be real, found text 'восток'"),
]


@pytest.mark.parametrize("label, edit, expected", EDITS, ids=[e[0] for e in EDITS])
def test_validate_names_what_the_hand_edit_broke(db_copy, capsys, label, edit, expected):
    _edit(db_copy, edit)
    assert main(["validate", str(db_copy)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith(f"{db_copy}: {expected}") for line in lines), lines


def test_report_json_has_stable_fields(db_copy, capsys):
    _edit(db_copy, lambda db: db["memorials"].update(1, {"url": "https://clck.ru/36B4Y3"}))
    assert main(["report", str(db_copy), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert all(set(f) == set(Finding.__slots__) for f in found)
    severities = [f["severity"] for f in found]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)
    short = next(f for f in found if f["check"] == "link_short")
    assert (short["table"], short["id"], short["field"], short["evidence"]) == (
        "memorials",
        1,
        "url",
        "https://clck.ru/36B4Y3",
    )


def test_report_finds_repeated_passages_and_unofficial_regions(db_copy, capsys):
    passage = "Этот длинный абзац о заводе и его людях повторён в двух городах по ошибке при вёрстке перечня."
    _edit(
        db_copy,
        lambda db: (
            db.execute("UPDATE cities SET text = text || ' ' || ? WHERE id IN (1, 2)", [passage]),
            db["cities"].update(3, {"region": "Удмуртский край"}),
        ),
    )
    assert main(["report", str(db_copy), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    checks = {(f["check"], f["id"]) for f in found}
    assert ("passage_repeated", 2) in checks and ("region_not_official", 3) in checks


def test_the_kiosk_refuses_a_duplicate_city_instead_of_showing_71_cards(db_copy):
    from kiosk.data.errors import DataError
    from kiosk.data.store.repository import Repository

    _edit(db_copy, duplicate_city)
    with pytest.raises(DataError, match=r"cities\[2\]\.id: duplicate id"):
        Repository.open(db_copy)


def test_report_finds_figures_that_disagree_between_two_texts(db_copy, capsys):
    told = "Заводы города дали фронту {} тысяч танковых моторов и почти 20 млн заготовок для боеприпасов."
    _edit(
        db_copy,
        lambda db: (
            db.execute("UPDATE cities SET text = text || ' ' || ? WHERE id = 1", [told.format(50)]),
            db.execute("UPDATE cities SET text = text || ' ' || ? WHERE id = 2", [told.format(40)]),
        ),
    )
    assert main(["report", str(db_copy), "--json"]) == 0
    (found,) = [f for f in json.loads(capsys.readouterr().out) if f["check"] == "figures_disagree"]
    assert found["id"] == 2 and "40 тысяч" in found["evidence"] and "(50, 20)" in found["message"]
