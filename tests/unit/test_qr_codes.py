"""The memorials' QR codes are drawn when a database is written (build, import) and stored as PNG: every address
a memorial card shows has one, `validate` says which is missing, and the kiosk never needs an encoder."""

from __future__ import annotations

import io
import json
import sqlite3

from PIL import Image

from kiosk.data.curation import export
from kiosk.data import qr_codes
from kiosk.data.curation.cli import main
from kiosk.data.curation.importer import import_database
from kiosk.data.store.validate import check_file
from tests.helpers.data import run_sql


def _codes(path):
    conn = sqlite3.connect(path)
    try:
        urls = {u for (u,) in conn.execute("SELECT url FROM memorials WHERE url IS NOT NULL AND url != ''")}
        return urls, dict(conn.execute("SELECT url, png FROM qr_codes"))
    finally:
        conn.close()


def test_the_build_draws_one_code_per_address_with_its_quiet_zone(fixture_db):
    urls, codes = _codes(fixture_db)
    assert urls and set(codes) == urls
    for url, data in codes.items():
        assert data == qr_codes.png(url)
        with Image.open(io.BytesIO(data)) as im:
            side = im.width
            assert im.size == (side, side) and (side - 2 * qr_codes.QUIET_ZONE - 17) % 4 == 0  # a QR version's size
            assert all(im.convert("L").getpixel((x, 1)) == 255 for x in range(side))  # the quiet zone is light


def test_an_import_draws_the_code_of_an_address_a_curator_changed(fixture_db, tmp_path):
    folder = tmp_path / "csv"
    export.write_csv(fixture_db, folder)
    memorials = folder / "memorials.csv"
    text = memorials.read_text(encoding="utf-8-sig")
    old = sorted(_codes(fixture_db)[0])[0]
    memorials.write_text(text.replace(old, old + "&z=17"), encoding="utf-8-sig")
    out, _notes = import_database(folder, tmp_path / "again.sqlite")
    urls, codes = _codes(out)
    assert old + "&z=17" in codes and old not in codes and set(codes) == urls
    assert codes[old + "&z=17"] == qr_codes.png(old + "&z=17")


def test_an_address_edited_by_hand_is_reported_and_a_code_that_is_not_a_png_refused(db_copy, capsys):
    url = sorted(_codes(db_copy)[0])[0]
    run_sql(db_copy, f"UPDATE memorials SET url = '{url}&z=12' WHERE url = '{url}'")
    assert check_file(db_copy) == []  # the card shows no code; the rest of the file is good
    assert main(["report", str(db_copy), "--json"]) == 0
    missing = [f for f in json.loads(capsys.readouterr().out) if f["check"] == "qr_missing"]
    assert [(f["table"], f["field"], f["evidence"]) for f in missing] == [("memorials", "url", f"{url}&z=12")]
    run_sql(db_copy, f"UPDATE qr_codes SET png = X'00' WHERE url = '{url}'")
    problems = [str(p) for p in check_file(db_copy)]
    assert any(f"qr_codes[{url}].png: not a PNG picture" in p for p in problems), problems
