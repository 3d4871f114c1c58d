"""`kiosk-db quiz PATH --check`: every question the data allows, in both languages, each verified against the
database itself (not against the generators' own reasoning): four distinct options, exactly one right by the
data, nothing about a hidden or disputed record, nothing resting on a field the report flags.
"""

from __future__ import annotations

import random
from typing import Any

from kiosk.data.quiz.facts import Facts, disputed_refs, flagged_fields
from kiosk.data.quiz.kinds import MAP_MIN_KM, GENERATORS, event_year
from kiosk.data.quiz.records import OPTIONS, Question, fold
from kiosk.data.map.projection import great_circle_km
from kiosk.data.store.repository import Repository

LANGUAGES = ("ru", "en")


def all_questions(facts: Facts, lang: str, seed: int = 0) -> list[Question]:
    """One question per subject of every kind (distractors drawn with a seeded generator)."""
    out = []
    for kind, (subjects_of, make) in GENERATORS.items():
        for subject in subjects_of(facts, lang):
            q = make(facts, subject, random.Random(f"{seed}:{kind}:{subject}"), lang)
            if q is not None:
                out.append(q)
    return out


class Verifier:
    """The database's own answer to a question, read from the repository (every row, the disputed too)."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.cities = {c.id: c for c in repo.cities()}
        self.hidden = repo.disputed_city_ids()
        self.flagged = flagged_fields(repo)
        section = repo.section()
        self.events = {e.id: e for e in section.events}
        self.figures = {f.id: f for f in section.figures}
        self.disputed = disputed_refs(section)
        self.curated = {q.id: q for q in repo.quiz_questions()}

    def right(self, q: Question) -> list[int]:
        """Indices of the options the database makes true."""
        subject: Any = q.subject
        c = self.cities.get(subject) if isinstance(subject, int) else None
        v = q.values
        if q.kind == "year":
            return [i for i, y in enumerate(v) if c is not None and y == c.year]
        if q.kind == "region":
            return [i for i, r in enumerate(v) if c is not None and fold(r) == fold(c.region)]
        if q.kind == "tag_city":
            return [i for i, cid in enumerate(v) if cid in self.cities and q.subject in self.cities[cid].tags]
        if q.kind == "city_tag":
            return [i for i, t in enumerate(v) if c is not None and t in c.tags]
        if q.kind == "map":
            return [i for i, cid in enumerate(v) if cid == q.subject]
        if q.kind == "memorial":
            mine = fold(c.memorial.title) if c is not None and c.memorial else None
            return [i for i, cid in enumerate(v) if (m := self.cities[cid].memorial) and fold(m.title) == mine]
        if q.kind == "event":
            e = self.events.get(subject)
            return [i for i, y in enumerate(v) if e is not None and y == event_year(e)]
        if q.kind == "figure":
            f = self.figures.get(subject)
            return [
                i for i, x in enumerate(v) if f is not None and fold(self.figures[x].value_text) == fold(f.value_text)
            ]
        if q.kind == "curated":
            cq = self.curated.get(subject)
            return [cq.correct - 1] if cq is not None and isinstance(cq.correct, int) else []
        return []

    def problems(self, q: Question) -> list[str]:
        found = []
        if (
            len(q.options) != OPTIONS
            or len({fold(o) for o in q.options}) != OPTIONS
            or not all(o.strip() for o in q.options)
        ):
            found.append(f"fewer than {OPTIONS} distinct options: {' | '.join(q.options)}")
        right = self.right(q)
        if len(right) != 1:
            found.append(f"ambiguous: {len(right)} options are right by the data")
        elif right[0] != q.answer:
            found.append(f"the marked answer «{q.options[q.answer]}» is wrong by the data")
        cities: set[Any] = {q.subject} if q.kind in ("year", "region", "city_tag", "map", "memorial") else set()
        if q.kind in ("tag_city", "map", "memorial"):
            cities |= set(q.values)
        if hidden := sorted(cities & self.hidden):
            found.append(f"about a hidden or disputed record: city {', '.join(map(str, hidden))}")
        if q.kind in ("event", "figure"):
            refs = {f"{q.kind}:{q.subject}"} | ({f"figure:{x}" for x in q.values} if q.kind == "figure" else set())
            if bad := sorted(refs & self.disputed):
                found.append(f"about a disputed record: {', '.join(bad)}")
        if flagged := [r for r in q.rests_on if r in self.flagged]:
            found.append("rests on a field the report flags: " + ", ".join(f"{t}[{i}].{f}" for t, i, f in flagged))
        if q.kind == "map":
            pts = q.points
            close = [
                (q.values[i], q.values[j])
                for i in range(len(pts)) for j in range(i + 1, len(pts))
                if great_circle_km(*pts[i], *pts[j]) < MAP_MIN_KM
            ]  # fmt: skip
            if close:
                found.append(f"map points closer than {MAP_MIN_KM:g} km: {close}")
        return found


def describe(q: Question) -> str:
    marked = [f"[{o}]" if i == q.answer else o for i, o in enumerate(q.options)]
    return f"{q.lang} {q.key} «{q.prompt}»: {' | '.join(marked)}"


def check(repo: Repository) -> tuple[int, list[str]]:
    """(questions checked, one line per problem). The curators' broken questions are named too."""
    from kiosk.data.quiz.curated import problems as curated_problems

    verifier = Verifier(repo)
    facts = Facts.of(repo)
    lines: list[str] = []
    count = 0
    for lang in LANGUAGES:
        for q in all_questions(facts, lang):
            count += 1
            lines.extend(f"{describe(q)}: {why}" for why in verifier.problems(q))
    for cq in repo.quiz_questions():
        for fld, why in curated_problems(cq):
            lines.append(f"{repo.path}: quiz_questions[{cq.id}].{fld}: {why} (left out of rounds)")
    return count, lines
