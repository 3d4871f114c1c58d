"""One small generator per kind of question. Each kind has `subjects(facts, lang)`: what it may ask about, and
`make(facts, subject, rng, lang)`: the question with three distractors checked against the same field (None
when the data has no four distinct options for it). Labels come in the round's language; a subject whose
answer has no English form is not a subject in English.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from collections.abc import Callable, Sequence
from typing import Any

from kiosk.data.novokuznetsk.records import Event, Figure
from kiosk.data.map.projection import great_circle_km
from kiosk.data.quiz.facts import Facts
from kiosk.data.quiz.records import OPTIONS, Question, fold
from kiosk.data.store.records import City

_NUMBER = re.compile(r"\d[\d\s\u00a0]*(?:,\d+)?")
MAP_MIN_KM = 700.0  # the four points of a map question lie this far apart: distinct targets on a country map
EVENT_SPREAD = 4  # distractor years of a timeline event: within this many years of it


def _pick(rng: random.Random, pool: Sequence[Any], n: int, fits: Callable[[Any, list[Any]], bool]) -> list[Any] | None:
    """n items of `pool` in random order, each fitting those already taken; None when there are not enough."""
    taken: list[Any] = []
    for item in rng.sample(list(pool), len(pool)):
        if fits(item, taken):
            taken.append(item)
            if len(taken) == n:
                return taken
    return None


def _with_answer(
    rng: random.Random, right: Any, wrong: list[Any], ordered: bool = False
) -> tuple[tuple[Any, ...], int]:
    values = [right, *wrong]
    if ordered:
        values.sort()
    else:
        rng.shuffle(values)
    return tuple(values), values.index(right)


def _cities(facts: Facts, lang: str, fld: str) -> list[City]:
    """Cities with a name in `lang` whose `fld` (and name) the report does not flag."""
    return [
        c
        for c in facts.cities
        if facts.city_name(c, lang) and facts.ok("cities", c.id, fld) and facts.ok("cities", c.id, "name")
    ]


def _names(facts: Facts, ids: Sequence[int], lang: str) -> tuple[str, ...]:
    by_id = {c.id: c for c in facts.cities}
    return tuple(facts.city_name(by_id[i], lang) for i in ids)


def _tags_text(facts: Facts, c: City, lang: str) -> str:
    return ", ".join(facts.tag_label(t, lang) for t in c.tags)


def _rests(table: str, ids: Iterable[object], *fields: str) -> tuple[Any, ...]:
    return tuple((table, i, f) for i in ids for f in fields)


# ---- the year a city was titled ----------------------------------------------------------------------------
def year_subjects(facts: Facts, lang: str) -> list[Any]:
    return [c.id for c in _cities(facts, lang, "year")]


def year_make(facts: Facts, subject: Any, rng: random.Random, lang: str) -> Question | None:
    c = next(c for c in facts.cities if c.id == subject)
    years = sorted({x.year for x in _cities(facts, lang, "year")} - {c.year})
    if len(years) < OPTIONS - 1:
        return None
    values, answer = _with_answer(rng, c.year, rng.sample(years, OPTIONS - 1), ordered=True)
    name = facts.city_name(c, lang)
    return Question(
        "year", c.id, values, answer, lang, name, tuple(str(v) for v in values), (name, str(c.year)),
        f"city:{c.id}", rests_on=_rests("cities", [c.id], "name", "year"),
    )  # fmt: skip


# ---- the region of a city ----------------------------------------------------------------------------------
def region_subjects(facts: Facts, lang: str) -> list[Any]:
    # Not where the region is named after the city (Кемерово, Кемеровская область): the prompt would answer it.
    return [
        c.id for c in _cities(facts, lang, "region")
        if facts.region(c.region, lang) and fold(facts.city_name(c, lang))[:5] not in fold(facts.region(c.region, lang))
    ]  # fmt: skip


def region_make(facts: Facts, subject: Any, rng: random.Random, lang: str) -> Question | None:
    c = next(c for c in facts.cities if c.id == subject)
    others = sorted({x.region for x in _cities(facts, lang, "region") if fold(x.region) != fold(c.region)} - {""})
    others = [r for r in others if facts.region(r, lang)]
    wrong = _pick(rng, others, OPTIONS - 1, lambda r, taken: fold(facts.region(r, lang)) not in {
        fold(facts.region(t, lang)) for t in [c.region, *taken]})  # fmt: skip
    if wrong is None:
        return None
    values, answer = _with_answer(rng, c.region, wrong)
    name, label = facts.city_name(c, lang), facts.region(c.region, lang)
    holders = [x.id for x in facts.cities if x.region in values]
    return Question(
        "region", c.id, values, answer, lang, name, tuple(facts.region(v, lang) for v in values), (name, label),
        f"city:{c.id}", rests_on=_rests("cities", [c.id], "name") + _rests("cities", holders, "region"),
    )  # fmt: skip


# ---- which of four cities made a product -------------------------------------------------------------------
def tag_city_subjects(facts: Facts, lang: str) -> list[Any]:
    cities = _cities(facts, lang, "tags")
    return [
        t for t in facts.tags
        if facts.tag_label(t, lang)
        and any(t in c.tags for c in cities)
        and sum(t not in c.tags for c in cities) >= OPTIONS - 1
    ]  # fmt: skip


def tag_city_make(facts: Facts, subject: Any, rng: random.Random, lang: str) -> Question | None:
    cities = _cities(facts, lang, "tags")
    right = rng.choice([c for c in cities if subject in c.tags])
    wrong = _pick(rng, [c for c in cities if subject not in c.tags], OPTIONS - 1,
                  lambda c, taken: fold(c.name) not in {fold(x.name) for x in [right, *taken]})  # fmt: skip
    if wrong is None:
        return None
    values, answer = _with_answer(rng, right.id, [c.id for c in wrong])
    name = facts.city_name(right, lang)
    return Question(
        "tag_city", subject, values, answer, lang, facts.tag_label(subject, lang), _names(facts, values, lang),
        (name, _tags_text(facts, right, lang)), f"city:{right.id}",
        rests_on=_rests("cities", values, "name", "tags"),
    )  # fmt: skip


# ---- which product a city made -----------------------------------------------------------------------------
def city_tag_subjects(facts: Facts, lang: str) -> list[Any]:
    labelled = [t for t in facts.tags if facts.tag_label(t, lang)]
    return [
        c.id for c in _cities(facts, lang, "tags")
        if any(t in labelled for t in c.tags) and sum(t not in c.tags for t in labelled) >= OPTIONS - 1
    ]  # fmt: skip


def city_tag_make(facts: Facts, subject: Any, rng: random.Random, lang: str) -> Question | None:
    c = next(c for c in facts.cities if c.id == subject)
    labelled = [t for t in facts.tags if facts.tag_label(t, lang)]
    right = rng.choice([t for t in c.tags if t in labelled])
    wrong = rng.sample([t for t in labelled if t not in c.tags], OPTIONS - 1)
    values, answer = _with_answer(rng, right, wrong)
    name = facts.city_name(c, lang)
    return Question(
        "city_tag", c.id, values, answer, lang, name, tuple(facts.tag_label(t, lang) for t in values),
        (name, _tags_text(facts, c, lang)), f"city:{c.id}", rests_on=_rests("cities", [c.id], "name", "tags"),
    )  # fmt: skip


# ---- where a city is: four points on the map ---------------------------------------------------------------
def _placed(facts: Facts, lang: str) -> list[City]:
    return [c for c in _cities(facts, lang, "lat, lon") if c.lat is not None and c.lon is not None]


def _far(a: City, b: City) -> bool:
    return great_circle_km(a.lat, a.lon, b.lat, b.lon) >= MAP_MIN_KM  # type: ignore[arg-type]


def map_subjects(facts: Facts, lang: str) -> list[Any]:
    placed = _placed(facts, lang)
    return [c.id for c in placed if sum(_far(c, o) for o in placed) >= OPTIONS - 1]


def map_make(facts: Facts, subject: Any, rng: random.Random, lang: str) -> Question | None:
    placed = _placed(facts, lang)
    c = next(x for x in placed if x.id == subject)
    wrong = _pick(rng, [o for o in placed if _far(c, o)], OPTIONS - 1,
                  lambda o, taken: all(_far(o, t) for t in taken))  # fmt: skip
    if wrong is None:
        return None
    values, answer = _with_answer(rng, c.id, [o.id for o in wrong])
    by_id = {x.id: x for x in placed}
    name = facts.city_name(c, lang)
    return Question(
        "map", c.id, values, answer, lang, name, _names(facts, values, lang),
        (name, facts.region(c.region, lang)), f"city:{c.id}",
        points=tuple((by_id[i].lat, by_id[i].lon) for i in values),  # type: ignore[misc]
        rests_on=_rests("cities", values, "name", "lat, lon"),
    )  # fmt: skip


# ---- which memorial stands in a city (Russian only: memorials have no English titles) -----------------------
def _memorials(facts: Facts, lang: str) -> list[City]:
    """Cities whose memorial's title is theirs alone and does not give the city away by naming it."""
    if lang != "ru":
        return []
    with_one = [c for c in _cities(facts, lang, "memorial") if c.memorial is not None and c.memorial.title]
    count: dict[str, int] = {}
    for c in with_one:
        count[fold(c.memorial.title)] = count.get(fold(c.memorial.title), 0) + 1  # type: ignore[union-attr]
    return [
        c for c in with_one
        if count[fold(c.memorial.title)] == 1  # type: ignore[union-attr]
        and fold(c.name) not in fold(c.memorial.title)  # type: ignore[union-attr]
        and facts.ok("memorials", c.id, "title") and facts.ok("memorials", c.id, "address")
    ]  # fmt: skip


def memorial_subjects(facts: Facts, lang: str) -> list[Any]:
    found = _memorials(facts, lang)
    return [c.id for c in found] if len(found) >= OPTIONS else []


def memorial_make(facts: Facts, subject: Any, rng: random.Random, lang: str) -> Question | None:
    found = _memorials(facts, lang)
    c = next(x for x in found if x.id == subject)
    wrong = rng.sample([x for x in found if x.id != c.id], OPTIONS - 1)
    values, answer = _with_answer(rng, c.id, [x.id for x in wrong])
    by_id = {x.id: x for x in found}
    m = c.memorial
    return Question(
        "memorial", c.id, values, answer, lang, c.name,
        tuple(by_id[i].memorial.title for i in values),  # type: ignore[union-attr]
        (c.name, m.title, m.address or ""), f"city:{c.id}",  # type: ignore[union-attr]
        rests_on=_rests("memorials", values, "title", "address") + _rests("cities", [c.id], "name"),
    )  # fmt: skip


# ---- when an event of the Novokuznetsk timeline happened ---------------------------------------------------
def event_year(e: Event) -> int | None:
    """The year of an event that is one point in time; None for spans (any year inside one would be right)."""
    return int(e.date[:4]) if not e.end and e.date[:4].isdigit() else None


def _events(facts: Facts, lang: str) -> list[Event]:
    return [
        e for e in facts.events
        if event_year(e) is not None and facts.section_ok(f"event:{e.id}")
        and facts.section_label(f"event:{e.id}", e.title, lang)
    ]  # fmt: skip


def event_subjects(facts: Facts, lang: str) -> list[Any]:
    return [e.id for e in _events(facts, lang)]


def event_make(facts: Facts, subject: Any, rng: random.Random, lang: str) -> Question | None:
    e = next(x for x in _events(facts, lang) if x.id == subject)
    year = event_year(e)
    assert year is not None
    near = [y for y in range(year - EVENT_SPREAD, year + EVENT_SPREAD + 1) if y != year]
    values, answer = _with_answer(rng, year, rng.sample(near, OPTIONS - 1), ordered=True)
    title = facts.section_label(f"event:{e.id}", e.title, lang)
    return Question(
        "event", e.id, values, answer, lang, title, tuple(str(v) for v in values), (title, str(year)),
        f"event:{e.id}", rests_on=(("nk_events", e.id, "date"),),
    )  # fmt: skip


# ---- a figure of the section: which number is missing ------------------------------------------------------
def _figures(facts: Facts, lang: str) -> list[Figure]:
    if lang != "ru":  # units and labels are Russian; an English label alone would not make the sentence
        return []
    # Numbers only: «каждый второй» or «в 16 раз» among numbers would give itself away.
    return [f for f in facts.figures if facts.section_ok(f"figure:{f.id}") and _NUMBER.fullmatch(f.value_text.strip())]


def figure_subjects(facts: Facts, lang: str) -> list[Any]:
    found = _figures(facts, lang)
    return [f.id for f in found] if len(found) >= OPTIONS else []


def figure_make(facts: Facts, subject: Any, rng: random.Random, lang: str) -> Question | None:
    found = _figures(facts, lang)
    f = next(x for x in found if x.id == subject)
    wrong = _pick(rng, [x for x in found if x.id != f.id], OPTIONS - 1,
                  lambda x, taken: fold(x.value_text) not in {fold(t.value_text) for t in [f, *taken]}
                  and x.value not in {t.value for t in [f, *taken]})  # fmt: skip
    if wrong is None:
        return None
    values, answer = _with_answer(rng, f.id, [x.id for x in wrong])
    by_id = {x.id: x for x in found}
    return Question(
        "figure", f.id, values, answer, lang, f"{f.unit} {f.label}", tuple(by_id[i].value_text for i in values),
        (f.value_text, f.unit, f.label), f"figure:{f.id}", rests_on=_rests("nk_figures", values, "value"),
    )  # fmt: skip


# ---- curators' own questions -------------------------------------------------------------------------------
def curated_subjects(facts: Facts, lang: str) -> list[Any]:
    return [q.id for q in facts.curated if q.enabled and (lang == "ru" or q.has_english())]


def curated_make(facts: Facts, subject: Any, rng: random.Random, lang: str) -> Question | None:
    q = next(x for x in facts.curated if x.id == subject)
    ru = lang == "ru"
    answers = tuple(q.answers if ru else q.answers_en)
    explanation = q.explanation if ru else (q.explanation_en or "")
    return Question(
        "curated", q.id, tuple(range(1, OPTIONS + 1)), q.correct - 1, lang, q.text if ru else q.text_en, answers,
        (explanation,), rests_on=(("quiz_questions", q.id, "correct"),),
    )  # fmt: skip


Subjects = Callable[[Facts, str], list[Any]]
Maker = Callable[[Facts, object, random.Random, str], "Question | None"]
GENERATORS: dict[str, tuple[Subjects, Maker]] = {
    "year": (year_subjects, year_make),
    "region": (region_subjects, region_make),
    "tag_city": (tag_city_subjects, tag_city_make),
    "city_tag": (city_tag_subjects, city_tag_make),
    "map": (map_subjects, map_make),
    "memorial": (memorial_subjects, memorial_make),
    "event": (event_subjects, event_make),
    "figure": (figure_subjects, figure_make),
    "curated": (curated_subjects, curated_make),
}
