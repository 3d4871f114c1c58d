"""English-mode data: the reference table names every region and district the sources use, and the curators'
optional English fields travel through the build, the export and the import."""

from __future__ import annotations

import dataclasses
import json
import shutil
import sqlite3

import pytest

from kiosk.data.curation import export
from kiosk.data.curation.build import build_database
from kiosk.data.curation.cli import main
from kiosk.data.english.names import _table, district_en, region_en, sources
from kiosk.data.store.repository import Repository
from tests.helpers.fake_data import build_fake_db, fake_cities


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    from kiosk.ui.platform import locations

    return build_database(
        locations.resource_root() / "db" / "sources", tmp_path_factory.mktemp("real") / "kiosk.sqlite"
    )


def test_every_region_and_district_of_the_exhibition_has_an_english_name(real_db):
    repo = Repository.open(real_db)
    assert [c.region for c in repo.cities() if not region_en(c.region)] == []
    assert [c.federal_district for c in repo.cities() if not district_en(c.federal_district)] == []
    assert region_en("Кемеровская область") == region_en("Кемеровская область — Кузбасс") != ""  # aliases fold
    assert region_en("Тестовая область") == ""  # unknown: the screen shows the Russian


@pytest.mark.parametrize(
    "spelling, english",
    [
        ("Республика Татарстан", "Republic of Tatarstan"),  # the republic's own constitution's name
        ("Чувашская Республика", "Chuvash Republic"),
        ("Кемеровская область - Кузбасс", "Kemerovo Region – Kuzbass"),  # a hyphen typed for the dash
        ("Ханты-Мансийский  автономный округ – Югра", "Khanty-Mansi Autonomous Area – Yugra"),  # en dash, 2 spaces
    ],
)
def test_a_region_spelled_as_the_reference_allows_gets_its_english_name(spelling, english):
    """Spellings the English table lacks but the federal-subject reference accepts (its aliases, another dash,
    extra spaces; the data-quality report lets them through) reach the English name through the reference's fold."""
    assert spelling not in _table()["regions"]
    assert region_en(spelling) == english
    assert sources()["subjects"] and sources()["districts"]


def test_summary_en_goes_through_build_export_and_import(tmp_path):
    summary = "Kazan built aircraft for the front."
    cities = [dataclasses.replace(c, summary_en=summary) if c.id == 4 else c for c in fake_cities(empty_text=False)]
    db = build_fake_db(tmp_path / "kiosk.sqlite", cities)
    assert Repository.open(db).city(4).summary_en == summary
    data = json.loads(export.to_json(Repository.open(db)))
    assert [c["summary_en"] for c in data["cities"] if c["id"] == 4] == [summary]
    source = export.write_xlsx(db, tmp_path / "x")
    assert main(["import", str(source), "--out", str(tmp_path / "again.sqlite")]) == 0
    assert Repository.open(tmp_path / "again.sqlite").city(4).summary_en == summary


def test_a_curator_slides_english_reaches_the_attract_card():
    from kiosk.data.attract.deck import curator_slides
    from kiosk.data.attract.slides import CuratorSlide

    stored = [CuratorSlide(1, "Заголовок", "Текст слайда.", None, 1, True, "тест", "Heading", "The slide's text.")]
    slide = curator_slides(stored)[0]
    assert (slide.title_en, slide.text_en) == ("Heading", "The slide's text.")


def test_a_section_items_english_heading_reaches_its_card(real_db, tmp_path):
    """nk_people.label_en, filled by hand (or through the spreadsheet import), is what the item card offers."""
    from kiosk.ui.models.novokuznetsk import Novokuznetsk

    db = shutil.copy(real_db, tmp_path / "edited.sqlite")
    conn = sqlite3.connect(db)
    person = conn.execute("SELECT id FROM nk_people ORDER BY position LIMIT 1").fetchone()[0]
    conn.execute("UPDATE nk_people SET label_en = 'A steelmaker' WHERE id = ?", (person,))
    conn.commit()
    conn.close()
    repo = Repository.open(db)
    assert repo.section().labels_en[f"person:{person}"] == "A steelmaker"
    section = Novokuznetsk()
    section.load(repo)
    assert section.card(f"person:{person}").label_en == "A steelmaker"
