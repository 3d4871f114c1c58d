"""Curators' quiz questions: quiz.toml → `quiz_questions` → validate, report, export/import, `kiosk-db quiz
--check`; a broken question is named exactly, and the kiosk leaves it out of rounds."""

from __future__ import annotations

import json
import random

import pytest

from kiosk.data.curation import export
from kiosk.data.curation.build import build_database
from kiosk.data.curation.cli import main
from kiosk.data.errors import DataErrors
from kiosk.data.curation.importer import import_database
from kiosk.data.quiz.facts import Facts
from kiosk.data.quiz.rounds import make_round, subjects
from kiosk.data.report import report_text
from kiosk.data.store.repository import Repository
from tests.helpers.data import run_sql

GOOD = """
[[question]]
id = 1
text = "Сколько ответов у вопроса?"
answers = ["Один", "Два", "Четыре", "Десять"]
correct = 3
explanation = "Четыре: так устроена викторина."
source = "тест"
text_en = "How many answers has a question?"
answers_en = ["One", "Two", "Four", "Ten"]

[[question]]
id = 2
text = "Только по-русски?"
answers = ["Да", "Нет", "Не знаю", "Иногда"]
correct = 1
explanation = "Да: английского текста нет."
source = "тест"
"""


def _build(sources, tmp_path, toml: str):
    (sources / "quiz.toml").write_text(toml, encoding="utf-8")
    return build_database(sources, tmp_path / "out.sqlite")


def test_questions_travel_from_the_source_to_rounds(sources_copy, tmp_path):
    repo = Repository.open(_build(sources_copy, tmp_path, GOOD))
    first, second = repo.quiz_questions()
    assert first.answers == ("Один", "Два", "Четыре", "Десять") and first.correct == 3 and first.has_english()
    assert not second.has_english()
    facts = Facts.of(repo)
    assert subjects(facts, "ru")["curated"] == [1, 2]
    assert subjects(facts, "en")["curated"] == [1]  # no English form: not asked in English
    asked = [q for q in make_round(facts, random.Random(0), "ru", size=40) if q.kind == "curated"]
    assert {q.subject for q in asked} == {1, 2}
    q = next(q for q in asked if q.subject == 1)
    assert q.options[q.answer] == "Четыре" and q.facts == ("Четыре: так устроена викторина.",)


@pytest.mark.parametrize(
    "entry, expected",
    [
        ('answers = ["А", "Б", "В"]\ncorrect = 1', "question[0].answers: must be 4 answers, got 3"),
        ('answers = ["А", "Б", "В", "б"]\ncorrect = 1', "question[0].answers: two answers are the same"),
        ('answers = ["А", "Б", "В", "Г"]\ncorrect = 5', "question[0].correct: must say which answer is right, 1..4"),
        ('answers = ["А", "Б", "В", "Г"]', "question[0].correct: must say which answer is right"),
        ('answers = ["<b>А</b>", "Б", "В", "Г"]\ncorrect = 1', "question[0].answer1: contains markup ('<b>')"),
        (
            'answers = ["А", "Б", "В", "' + "я" * 200 + '"]\ncorrect = 1',
            "question[0].answer4: 200 characters, at most 80",
        ),
        ('answers = ["А", "Б", "В", "Г"]\ncorrect = 1\ntext_en = "Q?"', "question[0].answers_en: must be 4 answers"),
        ('answers = ["А", "Б", "В", "Г"]\ncorrect = 1\nhint = "x"', "question[0].hint: unknown field"),
    ],
)
def test_build_names_a_bad_question(sources_copy, tmp_path, entry, expected):
    toml = f'[[question]]\nid = 1\ntext = "Вопрос?"\nexplanation = "Ответ."\nsource = "тест"\n{entry}\n'
    with pytest.raises(DataErrors) as err:
        _build(sources_copy, tmp_path, toml)
    lines = [str(p) for p in err.value.problems]
    assert any(expected in line for line in lines), lines
    assert all(line.startswith(str(sources_copy / "quiz.toml")) for line in lines)
    assert not (tmp_path / "out.sqlite").exists()


HAND_EDITS = [
    ("UPDATE quiz_questions SET answer2 = 'Один' WHERE id = 1", "quiz_questions[1].answers: two answers are the same"),
    ("UPDATE quiz_questions SET correct = 0 WHERE id = 1", "quiz_questions[1].correct: must say which answer is right"),
    ("UPDATE quiz_questions SET answer4 = NULL WHERE id = 1", "quiz_questions[1].answer4: must not be empty"),
    ("UPDATE quiz_questions SET text = 'a <i>b</i>' WHERE id = 1", "quiz_questions[1].text: contains markup ('<i>')"),
]


@pytest.mark.parametrize("statement, expected", HAND_EDITS)
def test_a_hand_edited_question_is_named_and_left_out(sources_copy, tmp_path, capsys, statement, expected):
    path = run_sql(_build(sources_copy, tmp_path, GOOD), statement)
    assert main(["validate", str(path)]) == 1
    assert f"{path}: {expected}" in capsys.readouterr().out
    # `kiosk-db quiz --check` names it too, and exits 1
    assert main(["quiz", str(path), "--check"]) == 1
    out = capsys.readouterr().out
    assert f"{path}: {expected}" in out and "(left out of rounds)" in out
    # The kiosk opens the file and never asks it
    repo = Repository.open(path)
    assert 1 not in subjects(Facts.of(repo), "ru")["curated"]
    assert "quiz_questions[1]" in report_text(repo) and "quiz_invalid" in report_text(repo)


def test_quiz_check_is_clean_and_report_lists_the_questions(sources_copy, tmp_path, capsys):
    path = _build(sources_copy, tmp_path, GOOD)
    assert main(["quiz", str(path), "--check"]) == 0
    assert "quiz OK" in capsys.readouterr().out
    report = report_text(Repository.open(path))
    assert "quiz_questions[1] Сколько ответов у вопроса?: text: quiz_question: with English — asked in rounds" in report
    assert "quiz_questions[2] Только по-русски?: text: quiz_question: Russian only — asked in rounds" in report


def test_quiz_check_is_clean_on_the_bundled_database(built_db, capsys):
    assert main(["quiz", str(built_db), "--check"]) == 0
    assert "quiz OK" in capsys.readouterr().out


def test_the_questions_go_out_and_come_back(sources_copy, tmp_path):
    path = _build(sources_copy, tmp_path, GOOD)
    data = json.loads(export.to_json(Repository.open(path)))
    assert [q["id"] for q in data["quiz_questions"]] == [1, 2]
    assert data["quiz_questions"][0]["answer3"] == "Четыре" and data["quiz_questions"][0]["correct"] == 3
    for fmt in ("csv", "xlsx", "json"):
        out = tmp_path / fmt
        if fmt == "csv":
            export.write_csv(path, out)
            source = out
        elif fmt == "xlsx":
            source = export.write_xlsx(path, out)
        else:
            out.mkdir()
            source = out / "kiosk.json"
            source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        back, _notes = import_database(source, tmp_path / f"back-{fmt}.sqlite")
        assert Repository.open(back).quiz_questions() == Repository.open(path).quiz_questions(), fmt
