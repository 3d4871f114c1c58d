"""Every piece of the exhibition's editorial English beside the Russian it was written from, for the report,
the spreadsheet import and the tests: the visible cities' `summary_en` (from the city's text) and the
Novokuznetsk section's `label_en` / chapter `summary_en` (from the item's quoted passages and its fields)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kiosk.data.english.names import region_en
from kiosk.data.english.check import problems
from kiosk.data.novokuznetsk.records import Section
from kiosk.data.store.records import City

SUMMARY_MIN, SUMMARY_MAX = 150, 700  # characters; the aim is 300–600, a one-sentence seed allows less


@dataclass(frozen=True, slots=True)
class EnglishText:
    table: str  # cities | nk_chapters | nk_events | …
    id: object
    name: str  # for people: the city's or the item's Russian name
    field: str  # summary_en | label_en
    english: str  # '' when missing
    russian: str  # what it must agree with
    known_names: str = ""  # Latin names shown beside it (the city's own, its region)

    def problems(self) -> list[str]:
        return problems(self.english, self.russian, self.known_names) if self.english else []


_TABLES = {
    "chapter": "nk_chapters",
    "event": "nk_events",
    "figure": "nk_figures",
    "person": "nk_people",
    "award": "nk_awards",
    "unit": "nk_units",
}


def city_texts(cities: Iterable[City]) -> list[EnglishText]:
    return [
        EnglishText(
            "cities",
            c.id,
            c.name,
            "summary_en",
            (c.summary_en or "").strip(),
            c.text,
            f"{c.name_latin} {region_en(c.region)}",
        )
        for c in cities
    ]


def _russian_of(item: object, *fields: str) -> str:
    parts = [str(getattr(item, f, "") or "") for f in fields]
    parts.extend(q.quote for q in getattr(item, "sources", ()))
    return "\n".join(parts)


def section_texts(section: Section) -> list[EnglishText]:
    out: list[EnglishText] = []
    name = "Новокузнецк (раздел)"
    for c in section.chapters:
        russian = "\n".join(
            [c.title, c.lead, *(p.text for p in c.paragraphs), *(q.quote for p in c.paragraphs for q in p.sources)]
        )
        for field, english in (
            ("label_en", section.labels_en.get(f"chapter:{c.id}", "")),
            ("summary_en", section.summaries_en.get(c.id, "")),
        ):
            out.append(EnglishText("nk_chapters", c.id, name, field, english, russian, "Novokuznetsk"))
    for kind, items, fields in (
        ("event", section.events, ("title", "when", "text")),
        ("figure", section.figures, ("value_text", "unit", "label", "text")),
        ("person", section.people, ("name", "role", "when", "text")),
        ("award", section.awards, ("title", "recipient", "by", "text")),
        ("unit", section.units, ("name", "kind", "text")),
    ):
        for it in items:
            out.append(
                EnglishText(
                    _TABLES[kind],
                    it.id,
                    name,
                    "label_en",
                    section.labels_en.get(f"{kind}:{it.id}", ""),
                    _russian_of(it, *fields),
                    "Novokuznetsk",
                )
            )
    return out
