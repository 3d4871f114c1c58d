"""What may be asked of one database: the records a question may rest on, in Russian and in English.

Left out, always: a city whose identity is disputed (row 46), and every field the data-quality report flags as
an error or a warning (an open question, two sources giving other figures, coordinates looked up by name, a
memorial whose address lies in another town, a section item whose seeds disagree). `kiosk-db quiz --check`
verifies the questions against the report again, independently of this module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kiosk.data.english.names import region_en
from kiosk.data.novokuznetsk.records import Event, Figure, Quote, Section
from kiosk.data.store.records import City, Tag
from kiosk.data.store.repository import Repository

SERIOUS = ("error", "warning")


def flagged_fields(repo: Repository) -> set[tuple[str, object, str]]:
    """(table, record id, field) of every value the report flags as an error or a warning. Open questions and
    disagreeing figures are named by the city they concern; a section question by the items it quotes."""
    from kiosk.data.cities import geonames
    from kiosk.data.report import findings  # the report's own checks, not a copy of them

    flagged: set[tuple[str, object, str]] = set()
    questions = {q.id: q for q in repo.questions()}
    corrections = {k.id: k for k in repo.corrections()}
    found = findings(repo)
    geonames.release()  # a running kiosk needs the place names once, not for weeks
    for f in found:
        if f.severity not in SERIOUS:
            continue
        if f.table == "questions" and f.id in questions:
            q = questions[f.id]
            flagged.add(("cities", q.city_id, q.field))
        elif f.table == "corrections" and f.id in corrections:
            k = corrections[f.id]
            flagged.add(("cities", k.city_id, k.field))
        elif f.table == "nk_questions":
            flagged.update(("nk", ref, "*") for ref in disputed_refs(repo.section(), str(f.id)))
        else:
            flagged.add((f.table, f.id, f.field))
    return flagged


def disputed_refs(section: Section, question_id: str | None = None) -> set[str]:
    """Events and figures resting on a passage the section's open questions quote (or `question_id`'s only)."""
    out = set()
    for q in section.questions:
        if question_id is not None and q.id != question_id:
            continue
        for kind, items in (("event", section.events), ("figure", section.figures)):
            for item in items:
                if any(_overlap(r, s) for r in q.sources for s in item.sources):
                    out.add(f"{kind}:{item.id}")
    return out


def _overlap(a: Quote, b: Quote) -> bool:
    return a.seed == b.seed and (a.quote in b.quote or b.quote in a.quote)


@dataclass
class Facts:
    """The askable records of one repository (what the kiosk shows, less the disputed and the flagged)."""

    cities: tuple[City, ...]
    tags: dict[str, Tag]
    events: tuple[Event, ...]
    figures: tuple[Figure, ...]
    labels_en: dict[str, str]
    flagged: set[tuple[str, object, str]]
    curated: tuple[Any, ...] = ()  # kiosk.data.quiz.curated.CuratedQuestion, the valid and enabled ones
    hidden: set[int] = field(default_factory=set)  # city ids never asked about nor offered

    @classmethod
    def of(cls, repo: Repository) -> Facts:
        from kiosk.data.quiz import curated

        section = repo.section()
        flagged = flagged_fields(repo)
        hidden = set(repo.disputed_city_ids())
        return cls(
            cities=tuple(c for c in repo.cities() if c.id not in hidden),
            tags={t.id: t for t in repo.tags()},
            events=section.events,
            figures=section.figures,
            labels_en=dict(section.labels_en),
            flagged=flagged,
            curated=tuple(q for q in repo.quiz_questions() if not curated.problems(q)),
            hidden=hidden,
        )

    def ok(self, table: str, rid: object, fld: str) -> bool:
        return (table, rid, fld) not in self.flagged

    def section_ok(self, ref: str) -> bool:
        return ("nk", ref, "*") not in self.flagged

    # -- labels in a language ('' where the data has no English form: the question is skipped in English)
    def city_name(self, c: City, lang: str) -> str:
        return c.name if lang == "ru" else c.name_latin

    def region(self, name: str, lang: str) -> str:
        return name if lang == "ru" else region_en(name)

    def tag_label(self, tag_id: str, lang: str) -> str:
        t = self.tags.get(tag_id)
        return "" if t is None else (t.label_ru if lang == "ru" else t.label_en)

    def section_label(self, ref: str, ru: str, lang: str) -> str:
        return ru if lang == "ru" else self.labels_en.get(ref, "")
