"""The exhibition's editorial English (issue 24): every visible city and every section item has it, and it says
only what its Russian says (the number-and-name rule); one romanisation for the city names, agreeing with the
region names beside them; one vocabulary for memorial kinds; the spreadsheet carries the English beside the
Russian and warns when the rule breaks."""

from __future__ import annotations

import csv

import pytest

from kiosk.data.english import audit as english_audit
from kiosk.data.curation import export
from kiosk.data import report
from kiosk.data.curation.build import build_database
from kiosk.data.english.names import city_en, memorial_kind_en, region_en, romanised
from kiosk.data.english.check import problems
from kiosk.data.curation.importer import import_database
from kiosk.data.store.repository import Repository


@pytest.fixture(scope="module")
def real_db(tmp_path_factory):
    from kiosk.ui.platform import locations

    return build_database(
        locations.resource_root() / "db" / "sources", tmp_path_factory.mktemp("real") / "kiosk.sqlite"
    )


@pytest.fixture(scope="module")
def repo(real_db):
    return Repository.open(real_db)


def visible(repo):
    hidden = repo.disputed_city_ids()
    return [c for c in repo.cities() if c.id not in hidden]


# ---- the rule itself ---------------------------------------------------------------------------------------


def test_the_rule_accepts_what_the_russian_says():
    russian = "Эшелонами сюда было вывезено 212 предприятий и 719 тысяч человек, 1,5 млн тонн брони, Казань."
    english = "Trains brought 212 enterprises, 719 thousand people and 1.5 million tonnes of armour to Kazan."
    assert problems(english, russian) == []
    assert problems("It counted 719,000 people.", russian) == []  # «719 тысяч» multiplied out


def test_the_rule_names_an_invented_number_and_name():
    russian = "За годы войны в Уфе выпустили 51 тысячу авиационных моторов."
    assert problems("Ufa built 51 thousand aircraft engines.", russian) == []
    found = problems("In 1943 Ufa built 52 thousand engines for Smolensk.", russian)
    assert any("«1943»" in p for p in found) and any("«52 thousand»" in p for p in found)
    assert any("«Smolensk»" in p for p in found)
    # a translated name needs its Russian: the glossary says which («Hermitage» → «эрмитаж»)
    assert problems("The Hermitage was here.", "Здесь хранилась коллекция Эрмитажа.") == []
    assert problems("The Hermitage was here.", "Здесь хранилась коллекция.") != []


# ---- every visible city, every section item ------------------------------------------------------------------


def test_every_visible_city_has_an_english_summary_that_keeps_to_its_russian(repo):
    texts = english_audit.city_texts(visible(repo))
    assert len(texts) >= 69
    assert [t.id for t in texts if not t.english] == []
    assert {t.id: t.problems() for t in texts if t.problems()} == {}
    lengths = {t.id: len(t.english) for t in texts}
    assert {i: n for i, n in lengths.items() if not english_audit.SUMMARY_MIN <= n <= english_audit.SUMMARY_MAX} == {}
    # the aim is 300–600 characters; only a short Russian text (under 400) allows a shorter summary
    short = {t.id: (len(t.english), len(t.russian)) for t in texts if len(t.english) < 300 and len(t.russian) >= 400}
    assert short == {}


def test_every_section_item_has_english_that_keeps_to_its_russian(repo):
    texts = english_audit.section_texts(repo.section())
    kinds = {t.table for t in texts}
    assert kinds == {"nk_chapters", "nk_events", "nk_figures", "nk_people", "nk_awards", "nk_units"}
    assert [(t.table, t.id, t.field) for t in texts if not t.english] == []
    assert {(t.table, t.id, t.field): t.problems() for t in texts if t.problems()} == {}
    section = repo.section()
    assert all(d.title_en and d.kind_en and d.taken_en for d in section.seeds)  # the sources page in English


def test_the_report_lists_no_english_missing_or_unsupported(real_db, repo):
    found = [f for f in report.findings(repo) if f.check.startswith("english_")]
    assert found == []
    n = len(visible(repo))
    assert f"summary_en for {n} of {n} visible cities" in report.report_text(repo)


# ---- names and vocabulary ------------------------------------------------------------------------------------


def test_one_romanisation_for_city_names_that_agrees_with_the_regions(repo):
    for c in repo.cities():
        assert c.name_latin == city_en(c.name), c.name  # the table of official English names
        assert "'" not in c.name_latin and "’" not in c.name_latin, c.name_latin  # no soft-sign apostrophes
        region = region_en(c.region)
        # a region named after its city («Луганская» / «Луганск») spells the city as the city does
        if c.region[:5].lower() == c.name[:5].lower():
            assert region.startswith(c.name_latin[:5]), (c.name_latin, region)
    assert city_en("Нижний Новгород") == "Nizhny Novgorod" and city_en("Лысьва") == "Lysva"
    assert romanised("Лысьва") == "Lysva"


def test_every_memorial_kind_has_its_english_word(repo):
    kinds = {c.memorial.kind.strip().lower() for c in repo.cities() if c.memorial is not None}
    assert {k for k in kinds if not memorial_kind_en(k)} == set()
    assert memorial_kind_en("стела") == "stela" and memorial_kind_en("памятный знак") == "memorial sign"
    assert memorial_kind_en("сквер") == "memorial garden"


# ---- the spreadsheet -----------------------------------------------------------------------------------------


def test_the_spreadsheet_carries_the_english_beside_the_russian_and_warns_on_the_rule(real_db, tmp_path):
    out = tmp_path / "csv"
    export.write_csv(real_db, out)
    with (out / "cities.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    assert header.index("summary_en") == header.index("text") + 1
    with (out / "nk_events.csv").open(encoding="utf-8-sig", newline="") as f:
        events = next(csv.reader(f))
    assert events.index("label_en") == events.index("title") + 1
    col = header.index("summary_en")
    row = next(r for r in rows[1:] if r[0] == "2")
    row[col] = row[col].replace("212", "213")
    with (out / "cities.csv").open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    path, notes = import_database(out, tmp_path / "again.sqlite")
    assert [n for n in notes if "summary_en" in n] == [
        "warning: cities[2] Екатеринбург: summary_en: number «213» is not in the Russian text"
    ]
    assert "213" in Repository.open(path).city(2).summary_en  # a warning: the curator's text is kept


def test_markup_in_the_english_is_refused_like_in_the_russian(real_db, tmp_path):
    from kiosk.data.errors import DataErrors

    out = tmp_path / "csv"
    export.write_csv(real_db, out)
    with (out / "cities.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    col = rows[0].index("summary_en")
    rows[3][col] += " <b>Tanks</b>"
    with (out / "cities.csv").open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows(rows)
    with pytest.raises(DataErrors) as err:
        import_database(out, tmp_path / "again.sqlite")
    assert "plain text only" in str(err.value) and "summary_en" in str(err.value)
