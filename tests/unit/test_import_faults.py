"""Issue 29, the curators' tools: `import --out` never replaces a file that is not a kiosk database (nor the
input), image names resolve only inside the export's images/ folder, CSV cells are safe to open in Excel and
round-trip unchanged, bombs and oversized inputs are refused in a moment with their place named, and a killed
import's temporary files are removed by the next run."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import zipfile

import pytest

from kiosk.data.curation import export, spreadsheet
from kiosk.data.store import schema
from kiosk.data.curation.cli import main
from kiosk.data.errors import DataError
from kiosk.data.curation.importer import import_database
from kiosk.data.curation.tables import guard_formula, unguard_formula
from tests.unit.test_file_faults import _in_time

FIRST_CITY = "(SELECT min(id) FROM cities)"


def _set(db, sql):
    conn = sqlite3.connect(db)
    conn.execute(sql)
    conn.commit()
    conn.close()


def _value(db, sql):
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


# ---- --out -------------------------------------------------------------------------------------------------


def test_out_never_replaces_the_workbook_being_imported(fixture_db, tmp_path, capsys):
    book = export.write_xlsx(fixture_db, tmp_path / "x")
    before = book.read_bytes()
    for extra in ([], ["--force"]):
        assert main(["import", str(book), "--out", str(book), *extra]) == 1
        assert "is the file being imported" in capsys.readouterr().err
        assert book.read_bytes() == before


def test_out_never_replaces_a_file_of_the_csv_folder(fixture_db, tmp_path, capsys):
    folder = tmp_path / "csv"
    export.write_csv(fixture_db, folder)
    before = (folder / "cities.csv").read_bytes()
    assert main(["import", str(folder), "--out", str(folder / "cities.csv"), "--force"]) == 1
    assert (folder / "cities.csv").read_bytes() == before


def test_out_refuses_a_file_that_is_not_a_kiosk_database_unless_forced(fixture_db, tmp_path, capsys):
    folder = tmp_path / "csv"
    export.write_csv(fixture_db, folder)
    notes = tmp_path / "notes.txt"
    notes.write_text("the curator's notes")
    assert main(["import", str(folder), "--out", str(notes)]) == 1
    assert "is not a kiosk database" in capsys.readouterr().err and notes.read_text() == "the curator's notes"
    assert main(["import", str(folder), "--out", str(notes), "--force"]) == 0
    assert notes.read_bytes().startswith(b"SQLite format 3")


def test_out_replaces_an_earlier_kiosk_database(fixture_db, tmp_path):
    folder = tmp_path / "csv"
    export.write_csv(fixture_db, folder)
    target = shutil.copy(fixture_db, tmp_path / "kiosk.sqlite")
    assert main(["import", str(folder), "--out", str(target)]) == 0


# ---- images/ -----------------------------------------------------------------------------------------------


@pytest.fixture()
def image_export(fixture_db, tmp_path, jpeg_file):
    """A CSV export with one image, whose `data` cell the test rewrites."""
    from kiosk.data.curation.images import add_image

    db = shutil.copy(fixture_db, tmp_path / "with-image.sqlite")
    add_image(db, "city", "3", jpeg_file, caption="Снимок", credit="Фото: архив")
    folder = tmp_path / "csv"
    export.write_csv(db, folder)
    return folder


def _point_data_at(folder, value: str) -> None:
    path = folder / "images.csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rows[0]["data"] = value
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8-sig")


def _import_problems(folder, tmp_path) -> list[str]:
    with pytest.raises(DataError) as info:
        _in_time(lambda: import_database(folder, tmp_path / "out.sqlite"), seconds=20)
    return [str(p) for p in getattr(info.value, "problems", [info.value])]


def test_the_exported_image_name_still_imports(image_export, tmp_path):
    import_database(image_export, tmp_path / "out.sqlite")
    assert _value(tmp_path / "out.sqlite", "SELECT count(*) FROM images") == 1


@pytest.mark.parametrize(
    "name",
    ["{secret}", "../secret.txt", "images/../../secret.txt", "/etc/hostname", "/dev/zero", "images/link.jpeg"],
)
def test_image_names_resolve_only_inside_the_exports_images_folder(image_export, tmp_path, name):
    secret = tmp_path / "secret.txt"
    secret.write_text("x" * 12345)
    (image_export / "images" / "link.jpeg").symlink_to(secret)
    _point_data_at(image_export, name.format(secret=secret))
    problems = _import_problems(image_export, tmp_path)
    assert len(problems) == 1 and "images.csv: row 2" in problems[0] and "«data»" in problems[0], problems
    assert "12345" not in problems[0] and "bytes" not in problems[0]  # nothing told about files outside


def test_a_fifo_or_device_inside_images_is_refused_without_blocking(image_export, tmp_path):
    os.mkfifo(image_export / "images" / "pipe.jpeg")
    _point_data_at(image_export, "images/pipe.jpeg")
    assert "is a FIFO" in _import_problems(image_export, tmp_path)[0]


def test_an_image_file_over_the_limit_is_refused_by_its_size(image_export, tmp_path, monkeypatch):
    monkeypatch.setattr(schema, "MAX_IMAGE_BYTES", 100)
    (problem,) = _import_problems(image_export, tmp_path)
    assert "image file too large" in problem and "at most 100 bytes" in problem


# ---- formula injection -------------------------------------------------------------------------------------

DANGEROUS = ['=HYPERLINK("http://x.invalid","click")', "+1+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0", "'=x", "''"]


@pytest.mark.parametrize("text", [*DANGEROUS, "'quoted'", "обычный текст", "-"])
def test_guard_and_unguard_are_inverse(text):
    assert unguard_formula(guard_formula(text)) == text
    assert not guard_formula(text).startswith(("=", "+", "-", "@"))


def test_the_csv_export_neutralises_formulas_and_the_round_trip_is_identical(fixture_db, tmp_path):
    db = shutil.copy(fixture_db, tmp_path / "in.sqlite")
    formula = DANGEROUS[0].replace(chr(39), chr(39) * 2)
    _set(db, f"UPDATE cities SET text = '{formula}', headline = '{formula}' WHERE id = {FIRST_CITY}")
    _set(db, "UPDATE memorials SET address = '@SUM(A1)' WHERE city_id = (SELECT min(city_id) FROM memorials)")
    _set(db, "UPDATE corrections SET note = '''=x' WHERE id = (SELECT min(id) FROM corrections)")
    folder = tmp_path / "csv"
    export.write_csv(db, folder)
    for path in folder.glob("*.csv"):
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
            for cell in row:
                assert not cell.startswith(("=", "+", "@")), (path.name, cell)
    out = import_database(folder, tmp_path / "out.sqlite")[0]
    assert _value(out, f"SELECT text FROM cities WHERE id = {FIRST_CITY}") == DANGEROUS[0]
    assert (
        _value(out, "SELECT address FROM memorials WHERE city_id = (SELECT min(city_id) FROM memorials)") == "@SUM(A1)"
    )
    assert _value(out, "SELECT note FROM corrections WHERE id = (SELECT min(id) FROM corrections)") == "'=x"


# ---- long texts and limits ---------------------------------------------------------------------------------


def test_a_180000_character_text_round_trips_through_csv(fixture_db, tmp_path):
    db = shutil.copy(fixture_db, tmp_path / "in.sqlite")
    _set(db, f"UPDATE cities SET text = printf('%.*c', 180000, 'ж'), headline = 'жж' WHERE id = {FIRST_CITY}")
    folder = tmp_path / "csv"
    export.write_csv(db, folder)
    out = import_database(folder, tmp_path / "out.sqlite")[0]
    assert _value(out, f"SELECT length(text) FROM cities WHERE id = {FIRST_CITY}") == 180_000


def test_a_name_over_its_limit_is_refused_with_its_place(fixture_db, tmp_path):
    folder = tmp_path / "csv"
    export.write_csv(fixture_db, folder)
    path = folder / "cities.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rows[1][rows[0].index("name")] = "Я" * 5_000_000
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8-sig")
    problems = _import_problems(folder, tmp_path)
    assert "cities.csv: row 2" in problems[0] and "not valid CSV: a cell longer than" in problems[0], problems


def test_a_million_rows_stop_at_the_row_limit_with_few_lines(fixture_db, tmp_path, capsys):
    folder = tmp_path / "csv"
    export.write_csv(fixture_db, folder)
    with (folder / "corrections.csv").open("a", encoding="utf-8", newline="") as f:
        f.write("".join(f"{9000 + i},{9000 + i},x,,,note\r\n" for i in range(1_000_000)))
    started = time.perf_counter()
    assert main(["import", str(folder), "--out", str(tmp_path / "out.sqlite")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert time.perf_counter() - started < 30
    assert len(err) <= schema.MAX_PROBLEMS + 1 and f"more than {schema.MAX_ROWS} rows" in err[0], err[:3]


def test_many_bad_rows_stop_after_a_hundred_with_a_line_that_says_so(fixture_db, tmp_path, capsys):
    folder = tmp_path / "csv"
    export.write_csv(fixture_db, folder)
    with (folder / "corrections.csv").open("a", encoding="utf-8", newline="") as f:
        f.write("".join(f"{9000 + i},nope,x,,,note\r\n" for i in range(500)))
    assert main(["import", str(folder), "--out", str(tmp_path / "out.sqlite")]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == schema.MAX_PROBLEMS + 1 and "stopped after 100 problems" in err[-1]


def test_an_xlsx_cell_bomb_is_refused_by_its_unpacked_size(fixture_db, tmp_path, monkeypatch):
    monkeypatch.setattr(spreadsheet, "XLSX_PART_BYTES", 1024 * 1024)
    book = export.write_xlsx(fixture_db, tmp_path / "x")
    bombed = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(bombed, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                cell = b'<row r="90"><c r="A90" t="inlineStr"><is><t>' + b"x" * 4_000_000 + b"</t></is></c></row>"
                data = data.replace(b"</sheetData>", cell + b"</sheetData>")
            dst.writestr(info, data)
    assert bombed.stat().st_size < 200_000  # it packs small
    problems = _import_problems(bombed, tmp_path)
    assert "xl/worksheets/sheet1.xml unpacks to" in problems[0]


def test_an_xlsx_without_dimension_and_a_far_cell_ends_in_a_moment(fixture_db, tmp_path):
    book = export.write_xlsx(fixture_db, tmp_path / "x")
    crafted = tmp_path / "far.xlsx"
    with zipfile.ZipFile(book) as src, zipfile.ZipFile(crafted, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                import re

                data = re.sub(rb"<dimension[^>]*/>", b"", data)
                data = data.replace(
                    b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'
                )
            dst.writestr(info, data)
    started = time.process_time()
    problems = _import_problems(crafted, tmp_path)
    assert time.process_time() - started < 10
    assert "rows beyond row" in problems[0]


def test_json_nested_too_deeply_is_a_message_with_its_file(tmp_path):
    path = tmp_path / "kiosk.json"
    path.write_text('{"cities": ' + "[" * 100_000 + "]" * 100_000 + "}")
    problems = _import_problems(path, tmp_path)
    assert str(path) in problems[0] and "nested too deeply" in problems[0]


def test_a_json_over_the_size_limit_is_refused_before_it_is_read(fixture_db, tmp_path, monkeypatch):
    monkeypatch.setattr(schema, "MAX_SOURCE_BYTES", 1000)
    path = tmp_path / "kiosk.json"
    path.write_text(json.dumps({"cities": [{"text": "x" * 5000}]}))
    assert "file too large" in _import_problems(path, tmp_path)[0]


# ---- a killed import ---------------------------------------------------------------------------------------


def test_a_killed_imports_temporary_files_are_removed_by_the_next_run(fixture_db, tmp_path):
    folder = tmp_path / "csv"
    export.write_csv(fixture_db, folder)
    out = tmp_path / "kiosk.sqlite"
    left = tmp_path / ".kiosk.sqlite.abc123.tmp"  # what a kill -9 during the write left behind
    left.write_bytes(b"\0" * 100_000)
    other = tmp_path / ".notes.txt.abc123.tmp"  # not our kind
    other.write_text("x")
    # A write in progress in another process holds its file: the next run must leave that one alone.
    busy = tmp_path / ".kiosk.sqlite.busy99.tmp"
    busy.write_bytes(b"")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import fcntl,os,sys,time; fd=os.open({str(busy)!r}, os.O_RDONLY); "
            "fcntl.flock(fd, fcntl.LOCK_EX); print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        import_database(folder, out)
        assert not left.exists() and other.exists() and busy.exists()
    finally:
        holder.kill()
        holder.wait()
