"""A round: ten questions of mixed kinds, no question twice, and unlike the round before it.

The kinds take turns in a shuffled order; each turn takes a fresh subject of its kind. A subject city is asked
about once a round, whatever the kind. Questions of the previous round (`avoid`) come back only when the data
has too few others.
"""

from __future__ import annotations

import random
from typing import Any

from kiosk.data.quiz.facts import Facts
from kiosk.data.quiz.kinds import GENERATORS
from kiosk.data.quiz.records import ROUND, Question

CITY_KINDS = {"year", "region", "city_tag", "map", "memorial"}  # their subject is a city id


def subjects(facts: Facts, lang: str) -> dict[str, list[Any]]:
    """Every kind's subjects in `lang` (kinds with none left out)."""
    found = {kind: subjects_of(facts, lang) for kind, (subjects_of, _make) in GENERATORS.items()}
    return {kind: found[kind] for kind in GENERATORS if found[kind]}


def make_round(
    facts: Facts,
    rng: random.Random,
    lang: str,
    avoid: frozenset[str] | set[str] = frozenset(),
    size: int = ROUND,
    pool: dict[str, list[Any]] | None = None,
) -> list[Question]:
    """Up to `size` questions (fewer only when the data has fewer). `pool`: subjects(facts, lang), if known."""
    pool = subjects(facts, lang) if pool is None else pool
    order = list(pool)
    rng.shuffle(order)
    queues = {kind: rng.sample(items, len(items)) for kind, items in pool.items()}
    out: list[Question] = []
    keys: set[str] = set()
    cities: set[object] = set()
    for strict in (True, False):  # the second pass allows last round's questions back
        progress = True
        while len(out) < size and progress:
            progress = False
            for kind in order:
                if len(out) == size:
                    break
                q = _next(facts, kind, queues[kind], rng, lang, keys, cities, avoid if strict else frozenset())
                if q is not None:
                    out.append(q)
                    keys.add(q.key)
                    if kind in CITY_KINDS:
                        cities.add(q.subject)
                    progress = True
        queues = {kind: rng.sample(items, len(items)) for kind, items in pool.items()}
    return out


def _next(
    facts: Facts,
    kind: str,
    queue: list[Any],
    rng: random.Random,
    lang: str,
    keys: set[str],
    cities: set[object],
    avoid: frozenset[str] | set[str],
) -> Question | None:
    make = GENERATORS[kind][1]
    for subject in queue:
        key = f"{kind}:{subject}"
        if key in keys or key in avoid or (kind in CITY_KINDS and subject in cities):
            continue
        q = make(facts, subject, rng, lang)
        if q is not None:
            queue.remove(subject)
            return q
    return None


def localise(facts: Facts, q: Question, lang: str) -> Question | None:
    """The same question (subject and options) in another language; None when it has no form there."""
    if q.lang == lang:
        return q
    subjects_of, make = GENERATORS[q.kind]
    if q.subject not in subjects_of(facts, lang):
        return None
    # Rebuilt, then given the same options: the generator's labels for the same values.
    fresh = make(facts, q.subject, random.Random(0), lang)
    if fresh is None:
        return None
    labels = _labels(facts, q, lang)
    if labels is None:
        return None
    return Question(
        q.kind, q.subject, q.values, q.answer, lang, fresh.prompt, labels,
        _facts_for(fresh, q, facts, lang), fresh.target if q.kind != "tag_city" else q.target, q.points, q.rests_on,
    )  # fmt: skip


def _labels(facts: Facts, q: Question, lang: str) -> tuple[str, ...] | None:
    by_id = {c.id: c for c in facts.cities}
    if q.kind in ("year", "event"):
        return q.options
    if q.kind == "region":
        labels = tuple(facts.region(v, lang) for v in q.values)
    elif q.kind in ("tag_city", "map"):
        labels = tuple(facts.city_name(by_id[v], lang) if v in by_id else "" for v in q.values)
    elif q.kind == "city_tag":
        labels = tuple(facts.tag_label(v, lang) for v in q.values)
    elif q.kind == "curated":
        cq = next(x for x in facts.curated if x.id == q.subject)
        labels = tuple(cq.answers if lang == "ru" else cq.answers_en)
    else:  # memorial, figure: Russian only
        return None
    return labels if all(labels) else None


def _facts_for(fresh: Question, q: Question, facts: Facts, lang: str) -> tuple[str, ...]:
    if q.kind == "tag_city":  # the explanation names the right city of this question, not of the rebuilt one
        by_id = {c.id: c for c in facts.cities}
        right = by_id[q.values[q.answer]]
        return (facts.city_name(right, lang), ", ".join(facts.tag_label(t, lang) for t in right.tags))
    return fresh.facts
