"""Import: the way back from a spreadsheet. Round trips, real curators' CSV dialects, a 72nd city, exact errors."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from openpyxl import load_workbook

from kiosk.data.curation import export, tables
from kiosk.data.curation.cli import main
from kiosk.data.curation.importer import headline_from, import_database
from kiosk.data.store.repository import Repository
from kiosk.data.store.validate import check_file

# A 72nd city (71 is Вологда, an editorial entry) as a curator would type it: no seed columns, no district, no
# coordinates.
NEW_CITY = {
    "id": "72",
    "name": "Кстово",
    "region": "Нижегородская область",
    "year": "2024",
    "text": "В годы войны жители Кстова строили оборонительные рубежи под Горьким. Город снабжал фронт горючим.",
    "tags": "shipbuilding",
}
NEW_MEMORIAL = {
    "city_id": "72",
    "kind": "стела",
    "title": "Кстово — город трудовой доблести",
    "address": "Кстово, площадь Мира",
    "url": "https://yandex.ru/maps/?ll=44.2,56.1",
}


def _exported_content(db, fmt, tmp_path):
    """What an export holds, minus the meta that names one file (build time, input hash)."""
    out = tmp_path / f"content-{fmt}-{db.stem}"
    data = export.to_json_data(Repository.open(db))
    for key in ("built_at", "sources_sha256"):
        data.pop(key)
    if fmt == "json":
        return data
    export.write_csv(db, out)
    return {p.name: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_export_import_export_is_identical(built_db, tmp_path, fmt, capsys):
    out = tmp_path / "export"
    assert main(["export", str(built_db), "--format", fmt, "--out", str(out)]) == 0
    source = {"csv": out, "json": out / "kiosk.json", "xlsx": out / "kiosk.xlsx"}[fmt]
    assert main(["import", str(source), "--out", str(tmp_path / "back.sqlite")]) == 0
    assert "imported 71 cities" in capsys.readouterr().out
    back = tmp_path / "back.sqlite"
    assert _exported_content(back, "json" if fmt == "json" else "csv", tmp_path) == _exported_content(
        built_db, "json" if fmt == "json" else "csv", tmp_path
    )
    again = tmp_path / "again"
    assert main(["export", str(back), "--format", fmt, "--out", str(again)]) == 0
    if fmt == "xlsx":  # same cells (the zip's timestamps differ)

        def cells(p):
            return {ws.title: list(ws.values) for ws in load_workbook(p).worksheets}

        assert cells(again / "kiosk.xlsx") == cells(out / "kiosk.xlsx")


def test_xlsx_is_readable_for_people(built_db, tmp_path):
    target = export.write_xlsx(built_db, tmp_path)
    wb = load_workbook(target)
    assert wb.sheetnames == list(tables.EXPORT_TABLES)
    ws = wb["cities"]
    assert ws.freeze_panes == "A2" and ws["A1"].font.bold
    header = [c.value for c in ws[1]]
    text_col = header.index("text") + 1
    perm = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "Пермь")
    assert "\n" in perm[text_col - 1].value and perm[text_col - 1].alignment.wrap_text  # line breaks in the cell
    widths = {h: ws.column_dimensions[chr(64 + i)].width for i, h in enumerate(header[:26], start=1)}
    assert widths["text"] >= 60 and 5 <= widths["id"] <= 10


def _cp1251_semicolon_folder(fixture_db, tmp_path):
    """The export as Russian Excel saves «CSV (разделители — запятые)»: cp1251, semicolons, CRLF."""
    src = tmp_path / "utf8"
    export.write_csv(fixture_db, src)
    out = tmp_path / "excel"
    out.mkdir()
    for f in src.glob("*.csv"):
        rows = list(csv.reader(io.StringIO(f.read_bytes().decode("utf-8-sig"), newline="")))
        buf = io.StringIO(newline="")
        csv.writer(buf, delimiter=";", lineterminator="\r\n").writerows(rows)
        (out / f.name).write_bytes(buf.getvalue().encode("cp1251"))
    return out


def _append_row(path, row, encoding="utf-8-sig", delimiter=","):
    text = path.read_bytes().decode(encoding)
    header = next(csv.reader(io.StringIO(text), delimiter=delimiter))
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerow([row.get(h, "") for h in header])
    path.write_bytes((text + buf.getvalue()).encode(encoding))


def test_cp1251_semicolon_csv_with_a_new_city(fixture_db, tmp_path, capsys):
    folder = _cp1251_semicolon_folder(fixture_db, tmp_path)
    _append_row(
        folder / "cities.csv", {**NEW_CITY, "id": "4", "text": NEW_CITY["text"] + "\nВторой абзац."}, "cp1251", ";"
    )
    _append_row(folder / "memorials.csv", {**NEW_MEMORIAL, "city_id": "4"}, "cp1251", ";")
    assert main(["import", str(folder), "--out", str(tmp_path / "k.sqlite")]) == 0
    out = capsys.readouterr().out
    assert "city 4 Кстово: coordinates" in out and "from GeoNames" in out
    city = Repository.open(tmp_path / "k.sqlite").city(4)
    assert city.text.endswith("горючим.\nВторой абзац.")  # the line break inside the quoted cell
    assert city.federal_district == "Приволжский федеральный округ"  # from Нижний Новгород, same region
    assert city.lat == pytest.approx(56.15, abs=0.1) and city.memorial.title == NEW_MEMORIAL["title"]
    assert city.headline == "В годы войны жители Кстова строили оборонительные рубежи под Горьким."
    assert main(["report", str(tmp_path / "k.sqlite")]) == 0
    assert "Кстово: lat, lon: coordinates_from_geonames" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_a_72nd_city_through_each_format(built_db, tmp_path, fmt, capsys):
    out = tmp_path / "export"
    export_fn = {"csv": export.write_csv, "xlsx": export.write_xlsx}
    if fmt == "json":
        out.mkdir()
        data = export.to_json_data(Repository.open(built_db))
        city = {k: NEW_CITY.get(k) for k in NEW_CITY}
        city.update(id=72, year=2024, tags=["shipbuilding"], memorial={**NEW_MEMORIAL, "city_id": None})
        city["memorial"].pop("city_id")
        data["cities"].append(city)
        source = out / "kiosk.json"
        source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    elif fmt == "csv":
        export_fn[fmt](built_db, out)
        _append_row(out / "cities.csv", NEW_CITY)
        _append_row(out / "memorials.csv", NEW_MEMORIAL)
        source = out
    else:  # edited with openpyxl, as a curator edits in Excel: a row typed at the bottom of two sheets
        source = export.write_xlsx(built_db, out)
        wb = load_workbook(source)
        for sheet, row in (("cities", NEW_CITY), ("memorials", NEW_MEMORIAL)):
            ws = wb[sheet]
            header = [c.value for c in ws[1]]
            ws.append(
                [(int(row[h]) if h in ("id", "year", "city_id") else row[h]) if h in row else None for h in header]
            )
        wb.save(source)
    assert main(["import", str(source), "--out", str(tmp_path / "k.sqlite")]) == 0, capsys.readouterr()
    assert check_file(tmp_path / "k.sqlite") == []
    repo = Repository.open(tmp_path / "k.sqlite")
    assert len(repo.cities()) == 72
    kstovo = repo.city(72)
    assert kstovo.name == "Кстово" and kstovo.lat is not None and kstovo.memorial is not None
    assert kstovo.tags == ("shipbuilding",)


def test_errors_name_file_row_and_column_and_write_nothing(fixture_db, tmp_path, capsys):
    folder = tmp_path / "csv"
    export.write_csv(fixture_db, folder)
    _append_row(folder / "cities.csv", {**NEW_CITY, "id": "4", "lat": "север", "lon": "44", "year": "давно"})
    target = tmp_path / "k.sqlite"
    target.write_bytes(fixture_db.read_bytes())  # the kiosk database the import would replace
    old = target.read_bytes()
    assert main(["import", str(folder), "--out", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"{folder / 'cities.csv'}: row 5, column K «lat»: must be a number, found 'север'" in err
    assert f"{folder / 'cities.csv'}: row 5, column G «year»: must be a whole number, found 'давно'" in err
    assert target.read_bytes() == old and [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_checks_of_the_new_file_point_back_at_the_row(fixture_db, tmp_path, capsys):
    source = export.write_xlsx(fixture_db, tmp_path / "x")
    wb = load_workbook(source)
    wb["cities"]["G3"] = 1999  # year of Екатеринбург (row 3 of the sheet)
    wb["cities"]["O2"] = "shipbuilding;zeppelins"  # tags of Нижний Новгород
    wb.save(source)
    assert main(["import", str(source), "--out", str(tmp_path / "k.sqlite")]) == 1
    err = capsys.readouterr().err
    assert f"{source}: sheet cities, row 3, column G «year»: 1999 is outside 2020.." in err
    assert f"{source}: sheet cities, row 2, column O «tags»: unknown tag 'zeppelins'" in err
    assert not (tmp_path / "k.sqlite").exists()


def test_duplicate_ids_and_unknown_columns_in_a_sheet(fixture_db, tmp_path, capsys):
    folder = tmp_path / "csv"
    export.write_csv(fixture_db, folder)
    _append_row(folder / "cities.csv", {**NEW_CITY, "id": "2"})
    text = (folder / "tags.csv").read_bytes().decode("utf-8-sig").replace("position", "posiiton", 1)
    (folder / "tags.csv").write_bytes(text.encode("utf-8-sig"))
    assert main(["import", str(folder), "--out", str(tmp_path / "k.sqlite")]) == 1
    err = capsys.readouterr().err
    assert "cities.csv: row 5: duplicate id 2: already in row 3" in err
    assert "tags.csv: row 1, column E «posiiton»: unknown column" in err
    assert "tags.csv: row 1: missing column «position»" in err


def test_utf8_bom_and_libreoffice_commas_with_line_breaks_in_cells(fixture_db, tmp_path):
    folder = tmp_path / "csv"
    export.write_csv(fixture_db, folder)
    for f in folder.glob("*.csv"):  # LibreOffice: UTF-8 without BOM, LF line ends
        f.write_bytes(f.read_bytes().decode("utf-8-sig").replace("\r\n", "\n").encode())
    path, notes = import_database(folder, tmp_path / "k.sqlite")
    assert Repository.open(path).city(2).text.count("\n") == 1 and notes == []


def test_an_unsupported_source_is_one_line(tmp_path, capsys):
    (tmp_path / "x.txt").write_text("hello")
    assert main(["import", str(tmp_path / "x.txt"), "--out", str(tmp_path / "k.sqlite")]) == 1
    assert "not an export" in capsys.readouterr().err
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 broken")
    assert main(["import", str(bad), "--out", str(tmp_path / "k.sqlite")]) == 1
    assert f"{bad}: not an Excel workbook (.xlsx)" in capsys.readouterr().err


def test_headline_is_an_excerpt():
    long = "Слово " * 60
    assert headline_from("Первое предложение. Второе.") == "Первое предложение."
    cut = headline_from(long)
    assert len(cut) <= 140 and cut.endswith("…") and long.startswith(cut[:-1])


def test_images_travel_with_every_format(fixture_db, tmp_path, jpeg_file):
    from kiosk.data.curation.images import add_image

    db = shutil.copy(fixture_db, tmp_path / "with-image.sqlite")
    add_image(db, "city", "Ижевск", jpeg_file, caption="Завод", credit="Архив")
    export.write_csv(db, tmp_path / "csv")
    assert (tmp_path / "csv" / "images" / "1.jpeg").exists()
    for source in (tmp_path / "csv", export.write_xlsx(db, tmp_path / "x")):
        path, _ = import_database(source, tmp_path / "back.sqlite")
        repo = Repository.open(path)
        assert [(i.caption, i.credit) for i in repo.images_of("city", 3)] == [("Завод", "Архив")]
        assert repo.image_data(1) == Repository.open(db).image_data(1)
