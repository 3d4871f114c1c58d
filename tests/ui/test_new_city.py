"""A new city (72nd; 71 is Вологда) added by a curator in the workbook (a row + its memorial row) is shown."""

from __future__ import annotations

from openpyxl import load_workbook

from kiosk.data.curation import export
from kiosk.data.curation.importer import import_database
from tests.helpers.kiosk import visit_city
from tests.helpers.qt import Finger, find
from tests.unit.test_import import NEW_CITY, NEW_MEMORIAL


def test_a_new_city_from_the_workbook_is_shown(make_kiosk, built_db, tmp_path):
    book = export.write_xlsx(built_db, tmp_path / "export")
    wb = load_workbook(book)
    for sheet, row in (("cities", NEW_CITY), ("memorials", NEW_MEMORIAL)):
        ws = wb[sheet]
        ws.append([row.get(str(c.value)) for c in ws[1]])
    wb.save(book)
    db, notes = import_database(book, tmp_path / "kiosk.sqlite")
    assert any("Кстово: coordinates" in n for n in notes)
    app = make_kiosk(db, watch=False)
    visit_city(app, Finger(app.window), 72)
    assert find(app.window, "cityName").property("text") == "Кстово"
    assert find(app.window, "memorialCard").isVisible()
