"""Export: JSON for machines, CSV (UTF-8 with BOM, CRLF) that spreadsheets open and that reads back intact."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from kiosk.data.curation import export, tables
from kiosk.data.store import schema
from kiosk.data.curation.cli import main
from kiosk.data.store.repository import Repository


def test_json_document(fixture_db):
    data = export.to_json_data(Repository.open(fixture_db))
    assert data["schema_version"] == schema.SCHEMA_VERSION
    assert data["built_at"].endswith("Z")
    assert [c["id"] for c in data["cities"]] == [1, 2, 3]
    nn = data["cities"][0]
    for key in (
        "id",
        "name",
        "region",
        "federal_district",
        "year",
        "text",
        "headline",
        "tags",
        "lat",
        "lon",
        "memorial",
    ):
        assert key in nn
    assert nn["tags"] == ["shipbuilding", "aviation", "tanks"]
    assert nn["memorial"]["title"] == "Горьковчанам-доблестным труженикам тыла"
    assert set(nn["memorial"]) == {"kind", "title", "address", "url", "seed_text"}
    assert data["cities"][1]["lat"] is None and data["cities"][2]["memorial"] is None
    assert [t["id"] for t in data["tags"]] == ["shipbuilding", "aviation", "tanks", "small_arms"]
    assert data["corrections"][0]["field"] == "region"


def test_json_to_stdout_keeps_cyrillic_readable(fixture_db, capsys):
    assert main(["export", str(fixture_db), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "Нижний Новгород" in out  # not \\u escapes
    assert json.loads(out)["cities"][2]["name"] == "Ижевск"


def test_json_to_a_folder(fixture_db, tmp_path, capsys):
    assert main(["export", str(fixture_db), "--format", "json", "--out", str(tmp_path / "x")]) == 0
    assert json.loads((tmp_path / "x" / "kiosk.json").read_text(encoding="utf-8"))["cities"][0]["id"] == 1


def test_csv_files_open_in_spreadsheets(fixture_db, tmp_path, capsys):
    assert main(["export", str(fixture_db), "--format", "csv", "--out", str(tmp_path)]) == 0
    for table in export.CSV_TABLES:
        raw = (tmp_path / f"{table}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), table  # the BOM Excel needs to read UTF-8
        header = raw[3:].split(b"\r\n", 1)[0].decode("utf-8")
        # the schema's columns, English ones beside the Russian they render (tables.BESIDE)
        n = len(schema.TABLES[table].columns)
        assert header.split(",")[:n] == tables.columns(table)[:n]
        assert sorted(header.split(",")[:n]) == sorted(schema.TABLES[table].column_names)
    raw = (tmp_path / "cities.csv").read_bytes()
    assert "Нижний Новгород".encode() in raw
    assert raw.count(b"\r\n") >= 4 and b"\r\n" in raw.split(b"\n")[0] + b"\n"  # rows end in CRLF


def test_csv_round_trips_through_the_csv_module(fixture_db, tmp_path):
    export.write_csv(fixture_db, tmp_path)
    conn = sqlite3.connect(fixture_db)
    conn.row_factory = sqlite3.Row
    for table in export.CSV_TABLES:
        t = schema.TABLES[table]
        order = ", ".join(tables.ORDER.get(table, t.pk))  # tags in display order
        in_db = [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY {order}")]
        read = export.read_csv(tmp_path / f"{table}.csv", table)
        if table == "cities":
            tags: dict[int, list[str]] = {}
            for cid, tag in conn.execute(
                "SELECT city_id, tag_id FROM city_tags JOIN tags ON tags.id = tag_id ORDER BY city_id, position"
            ):
                tags.setdefault(cid, []).append(tag)
            assert [r.pop("tags") for r in read] == [tags.get(r["id"], []) for r in in_db]
        assert read == in_db, table
    # The multi-line text survives with its newlines, the plain csv module agrees.
    with (tmp_path / "cities.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows[1]["text"].count("\n") == 1 and rows[1]["lat"] == ""


def test_csv_needs_a_folder(fixture_db, capsys):
    assert main(["export", str(fixture_db), "--format", "csv"]) == 2
    assert "--out DIR" in capsys.readouterr().err


def test_export_refuses_a_broken_file(tmp_path, capsys):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not a database at all")
    assert main(["export", str(bad), "--format", "csv", "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.strip() == f"{bad}: not an SQLite database (unexpected file header)"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("table", export.CSV_TABLES)
def test_csv_text_is_strict_csv(fixture_db, table):
    text = export.to_csv(fixture_db, table)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len({len(r) for r in rows}) == 1
