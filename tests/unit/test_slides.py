"""Curators' attract-mode slides: slides.toml → `slides` table → validate, report, export; bad slides named."""

from __future__ import annotations

import csv
import io
import json

import pytest
from tests.helpers.data import run_sql

from kiosk.data.curation import export
from kiosk.data.curation.build import build_database
from kiosk.data.curation.cli import main
from kiosk.data.errors import DataErrors
from kiosk.data.report import report_text
from kiosk.data.store.repository import Repository
from kiosk.data.attract.slides import clamp_duration
from kiosk.data.store.validate import check_file

GOOD = """
[[slide]]
id = 1
title = "Первый"
text = "Текст первого слайда."
source = "тест"
duration = 12.5

[[slide]]
id = 2
title = "Выключенный"
text = "Этот слайд не показывают."
source = "тест"
enabled = false
position = 0
"""


def _build(sources, tmp_path, toml: str):
    (sources / "slides.toml").write_text(toml, encoding="utf-8")
    return build_database(sources, tmp_path / "out.sqlite")


def test_slides_travel_from_the_source_to_the_repository(sources_copy, tmp_path):
    repo = Repository.open(_build(sources_copy, tmp_path, GOOD))
    slides = repo.slides()
    assert [s.id for s in slides] == [2, 1]  # by position: the second one says position = 0
    first = slides[1]
    assert (first.title, first.text, first.duration, first.enabled) == ("Первый", "Текст первого слайда.", 12.5, True)
    assert slides[0].enabled is False and slides[0].duration is None


def test_no_slides_file_means_no_slides(fixture_db):
    assert Repository.open(fixture_db).slides() == ()
    assert check_file(fixture_db) == []


@pytest.mark.parametrize(
    "entry, expected",
    [
        ('title = "T"\ntext = ""', "slide[0].text: must not be empty"),
        ('title = "T"\ntext = "' + "б" * 1_000_000 + '"', "slide[0].text: 1000000 characters, at most 600"),
        ('title = "T"\ntext = "<b>жирный</b>"', "slide[0].text: contains markup ('<b>')"),
        ('title = "T&amp;"\ntext = "ok"', "slide[0].title: contains markup ('&amp;')"),
        ('title = "T"\ntext = "ok"\nduration = 0', "slide[0].duration: 0 seconds is outside 2..120"),
        ('title = "T"\ntext = "ok"\nduration = -5', "slide[0].duration: -5 seconds is outside 2..120"),
        ('title = "T"\ntext = "ok"\nduration = "long"', "slide[0].duration: must be a number of seconds"),
        ('title = "T"\ntext = "ok"\nenabled = "yes"', "slide[0].enabled: must be true or false"),
        ('title = "T"\ntext = "ok"\ncolour = "red"', "slide[0].colour: unknown field"),
    ],
)
def test_build_names_a_bad_slide(sources_copy, tmp_path, entry, expected):
    toml = f'[[slide]]\nid = 1\nsource = "тест"\n{entry}\n'
    with pytest.raises(DataErrors) as err:
        _build(sources_copy, tmp_path, toml)
    lines = [str(p) for p in err.value.problems]
    assert any(line.endswith(expected) or expected in line for line in lines), lines
    assert all(line.startswith(str(sources_copy / "slides.toml")) for line in lines)
    assert not (tmp_path / "out.sqlite").exists()


def test_build_wants_a_source_and_unique_ids(sources_copy, tmp_path):
    toml = '[[slide]]\nid = 1\ntitle = "T"\ntext = "ok"\n[[slide]]\nid = 1\ntitle = "U"\ntext = "ok"\nsource = "s"\n'
    with pytest.raises(DataErrors) as err:
        _build(sources_copy, tmp_path, toml)
    text = "\n".join(str(p) for p in err.value.problems)
    assert "slide[0].source: missing" in text and "slide[1].id: duplicate slide id 1" in text


HAND_EDITS = [
    ("UPDATE slides SET text = '' WHERE id = 1", "slides[1].text: must not be empty"),
    ("UPDATE slides SET text = NULL WHERE id = 1", "slides[1].text: must not be empty"),
    (
        "UPDATE slides SET text = printf('%.*c', 1000000, 'x') WHERE id = 1",
        "slides[1].text: 1000000 characters, at most 600",
    ),
    ("UPDATE slides SET text = 'a <i>b</i>' WHERE id = 1", "slides[1].text: contains markup ('<i>')"),
    ("UPDATE slides SET duration = 0 WHERE id = 1", "slides[1].duration: 0 seconds is outside 2..120"),
    ("UPDATE slides SET duration = -5 WHERE id = 1", "slides[1].duration: -5 seconds is outside 2..120"),
    ("UPDATE slides SET title = 'two\nlines' WHERE id = 1", "slides[1].title: must be one line"),
    ("UPDATE slides SET enabled = 7 WHERE id = 1", "slides[1].enabled: must be 0 or 1, got 7"),
]


@pytest.mark.parametrize("statement, expected", HAND_EDITS)
def test_validate_names_a_hand_edited_slide_and_the_kiosk_still_opens(
    sources_copy, tmp_path, capsys, statement, expected
):
    path = run_sql(_build(sources_copy, tmp_path, GOOD), statement)
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}: {expected}" in out, out
    # The kiosk tolerates it (deck.py skips or clamps the slide): the exhibition stays up.
    assert len(Repository.open(path).slides()) == 2


def test_report_says_which_slides_the_kiosk_skips(sources_copy, tmp_path):
    path = run_sql(
        _build(sources_copy, tmp_path, GOOD),
        "UPDATE slides SET duration = -5 WHERE id = 1",
        "UPDATE slides SET text = '' WHERE id = 2",
    )
    report = report_text(Repository.open(path))
    assert "slides[1] Первый: duration: slide_invalid: -5 seconds is outside 2..120 — its duration is clamped" in report
    assert "slides[2] Выключенный: text: slide_invalid: must not be empty — the kiosk skips the slide" in report
    assert "slides[2] Выключенный: enabled: slide_disabled: 0 — not shown in attract mode" in report


def test_export_carries_the_slides(sources_copy, tmp_path):
    path = _build(sources_copy, tmp_path, GOOD)
    data = json.loads(export.to_json(Repository.open(path)))
    assert [s["id"] for s in data["slides"]] == [1, 2]  # by key, like every exported table
    assert data["slides"][0] == {
        "id": 1,
        "title": "Первый",
        "text": "Текст первого слайда.",
        "duration": 12.5,
        "position": 1,
        "enabled": 1,
        "source": "тест",
        "title_en": None,
        "text_en": None,
    }
    files = export.write_csv(path, tmp_path / "csv")
    slides_csv = tmp_path / "csv" / "slides.csv"
    assert slides_csv in files
    rows = list(csv.DictReader(io.StringIO(slides_csv.read_bytes().decode("utf-8-sig"))))
    assert [r["title"] for r in rows] == ["Первый", "Выключенный"]  # by id
    assert rows[0]["duration"] == "12.5" and rows[1]["enabled"] == "0"


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, 8.0),
        (0, 8.0),
        (-5, 8.0),
        (float("nan"), 8.0),
        ("x", 8.0),
        (True, 8.0),
        (1, 2.0),
        (12.5, 12.5),
        (1e9, 120.0),
    ],
)
def test_the_kiosk_clamps_durations(value, expected):
    assert clamp_duration(value, 8.0) == expected
