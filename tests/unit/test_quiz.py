"""«Викторина»'s generators (kiosk.data.quiz): every question has four distinct options and exactly one right
answer by the database itself, is never about a hidden or disputed record, and never rests on a field the
report flags; rounds never repeat a question and vary from one to the next; map points are on the map."""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import replace

import pytest

from kiosk.data.map.asset import MapAsset
from kiosk.data.quiz.check import Verifier, check
from kiosk.data.quiz.facts import Facts
from kiosk.data.quiz.kinds import GENERATORS, MAP_MIN_KM
from kiosk.data.quiz.records import KINDS, OPTIONS, ROUND, fold
from kiosk.data.quiz.rounds import localise, make_round, subjects
from kiosk.data.store.repository import Repository
from tests.helpers.data import run_sql

ROUNDS = 1000
CYRILLIC = re.compile(r"[А-Яа-яЁё]")


@pytest.fixture(scope="module")
def repo(built_db):
    return Repository.open(built_db)


@pytest.fixture(scope="module")
def facts(repo):
    return Facts.of(repo)


@pytest.fixture(scope="module")
def verifier(repo):
    return Verifier(repo)


@pytest.fixture(scope="module")
def asset(repo_root):
    return MapAsset.load(repo_root / "assets" / "map" / "land.json")


def test_every_kind_has_questions_in_russian(facts):
    assert set(subjects(facts, "ru")) == set(KINDS)
    # English: the kinds whose answers have an English form (memorials, timeline and figures have none here)
    assert {"year", "region", "tag_city", "city_tag", "map", "curated"} <= set(subjects(facts, "en"))


def test_a_thousand_seeded_rounds(facts, verifier, asset, repo):
    """The property test of the issue: 1 000 rounds, half of them in English."""
    hidden = repo.disputed_city_ids()
    assert hidden, "the bundled database has its disputed row 46"
    fx, fy, fw, fh = asset.focus
    pools = {lang: subjects(facts, lang) for lang in ("ru", "en")}
    previous: set[str] = set()
    overlaps = []
    for seed in range(ROUNDS):
        lang = "en" if seed % 2 else "ru"
        rnd = make_round(facts, random.Random(seed), lang, avoid=frozenset(previous), pool=pools[lang])
        assert len(rnd) == ROUND
        keys = [q.key for q in rnd]
        assert len(set(keys)) == ROUND, f"round {seed} repeats a question: {keys}"
        overlaps.append(len(previous & set(keys)))
        previous = set(keys)
        for q in rnd:
            assert verifier.problems(q) == [], (seed, q)
            assert len(q.options) == OPTIONS and 0 <= q.answer < OPTIONS
            assert q.subject not in hidden or q.kind not in ("year", "region", "city_tag", "map", "memorial")
            if q.kind in ("tag_city", "map", "memorial"):
                assert not set(q.values) & hidden
            if q.kind == "map":
                for lat, lon in q.points:
                    x, y = asset.place(lat, lon)
                    assert asset.contains(x, y) and fx <= x <= fx + fw and fy <= y <= fy + fh, (q.key, lat, lon)
            if q.kind == "region":  # the prompt never gives the answer away (Кемерово → Кемеровская область)
                assert fold(q.prompt)[:5] not in fold(q.options[q.answer]), q
            if lang == "en" and q.kind != "curated":
                assert not CYRILLIC.search(q.prompt + "".join(q.options) + "".join(q.facts)), q
    assert max(overlaps) == 0, "consecutive rounds share questions although the data has plenty"


def test_rounds_mix_the_kinds(facts):
    rnd = make_round(facts, random.Random(7), "ru")
    assert len({q.kind for q in rnd}) >= 8


def test_check_is_clean_on_the_bundled_database(repo):
    count, problems = check(repo)
    assert problems == []
    assert count > 500


# ---- the verifier catches what a careless generator would make -------------------------------------------
def _one(facts, kind, lang="ru"):
    subjects_of, make = GENERATORS[kind]
    return make(facts, subjects_of(facts, lang)[0], random.Random(1), lang)


def test_a_distractor_city_with_the_tag_is_ambiguous(facts, verifier, repo):
    q = _one(facts, "tag_city")
    having = [c.id for c in repo.cities() if q.subject in c.tags and c.id != q.values[q.answer]]
    broken = replace(q, values=tuple(having[0] if i != q.answer and i == (q.answer + 1) % 4 else v
                                     for i, v in enumerate(q.values)))  # fmt: skip
    assert any("ambiguous: 2 options" in p for p in verifier.problems(broken))


def test_two_options_with_the_same_year(facts, verifier):
    q = _one(facts, "year")
    other = (q.answer + 1) % 4
    broken = replace(q, options=tuple(q.options[q.answer] if i == other else o for i, o in enumerate(q.options)))
    assert any("fewer than 4 distinct options" in p for p in verifier.problems(broken))


def test_a_question_about_the_disputed_row_is_named(facts, verifier, repo):
    q = _one(facts, "year")
    disputed = sorted(repo.disputed_city_ids())[0]
    year = next(c.year for c in repo.cities() if c.id == disputed)
    values = tuple(sorted({year, *(y for y in (2020, 2021, 2022, 2023, 2024, 2025) if y != year)})[:4])
    if year not in values:
        values = (year, *values[1:])
    broken = replace(q, subject=disputed, values=values, answer=values.index(year))
    assert any("hidden or disputed record: city 46" in p for p in verifier.problems(broken))


def test_map_points_too_close(facts, verifier, repo):
    q = _one(facts, "map")
    near = replace(q, points=(q.points[0], q.points[0], *q.points[2:]))
    assert any("closer than" in p for p in verifier.problems(near))
    assert MAP_MIN_KM >= 500


def test_a_flagged_field_is_never_asked(built_db, tmp_path):
    """A year the report flags (two sources disagree) is left out by the generator, and named by the check."""
    db = shutil.copy(built_db, tmp_path / "k.sqlite")
    run_sql(
        db,
        "INSERT INTO corrections (id, city_id, field, original, corrected, note) "
        "VALUES (999, 12, 'year', '2021', '2020', 'two sources disagree')",
    )
    repo = Repository.open(db)
    facts = Facts.of(repo)
    assert 12 not in subjects(facts, "ru")["year"]
    # A generator that ignored the flag: the check names it.
    q = GENERATORS["year"][1](facts, 12, random.Random(0), "ru")
    assert any("rests on a field the report flags: cities[12].year" in p for p in Verifier(repo).problems(q))


def test_a_question_changes_language_with_its_options(facts):
    subjects_of, make = GENERATORS["region"]
    both = [x for x in subjects_of(facts, "ru") if x in subjects_of(facts, "en")]
    q = make(facts, both[0], random.Random(1), "ru")
    en = localise(facts, q, "en")
    assert en is not None and en.key == q.key and en.values == q.values and en.answer == q.answer
    assert not CYRILLIC.search("".join(en.options))
    assert localise(facts, _one(facts, "memorial"), "en") is None  # no English form: replaced in the round
    # Нижний Новгород's region gives nothing away in Russian, «Nizhny Novgorod Region» would in English
    only_ru = [x for x in subjects_of(facts, "ru") if x not in subjects_of(facts, "en")]
    assert only_ru and localise(facts, make(facts, only_ru[0], random.Random(1), "ru"), "en") is None


def test_the_cli_names_a_generated_question_that_is_ambiguous(built_db, monkeypatch, capsys):
    """`kiosk-db quiz --check` with a careless generator (a distractor city that has the tag): exit 1, named."""
    from kiosk.data.curation import cli
    from kiosk.data.quiz import kinds

    subjects_of, make = kinds.GENERATORS["tag_city"]

    def careless(facts, subject, rng, lang):
        q = make(facts, subject, rng, lang)
        if q is None:
            return q
        holders = [c.id for c in facts.cities if subject in c.tags and c.id != q.values[q.answer]]
        if not holders:
            return q
        wrong = (q.answer + 1) % 4
        return replace(q, values=tuple(holders[0] if i == wrong else v for i, v in enumerate(q.values)))

    monkeypatch.setitem(kinds.GENERATORS, "tag_city", (subjects_of, careless))
    assert cli.main(["quiz", str(built_db), "--check"]) == 1
    out = capsys.readouterr()
    assert "tag_city:" in out.out and "ambiguous: 2 options are right by the data" in out.out
    assert "problem(s) in" in out.err
