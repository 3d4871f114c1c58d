"""The question record: what a quiz screen shows and how the checks verify it. No Qt, no SQL here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from kiosk.data.text.folding import folded

OPTIONS = 4  # answers per question
ROUND = 10  # questions per round

# The kinds, in the order a round's first questions take them (kinds.py has one generator each).
KINDS = ("year", "region", "tag_city", "city_tag", "map", "memorial", "event", "figure", "curated")


@dataclass(frozen=True, slots=True)
class Question:
    """One question in one language. `values` are the options as data (years, region names, city ids, tag ids,
    figure ids…): the checks compare them with the database; `options` are their labels for the screen."""

    kind: str  # one of KINDS
    subject: object  # what is asked about: a city id, a tag id, an event or figure id, a curated question's id
    values: tuple[Any, ...]  # the four options as data
    answer: int  # index of the right option
    lang: str  # "ru" | "en"
    prompt: str  # the subject's label, put into the kind's sentence by the screen (the whole text when curated)
    options: tuple[str, ...]  # the four labels (map questions: the cities' names, not shown before answering)
    facts: tuple[str, ...] = ()  # the explanation's parts, put into the kind's sentence by the screen
    target: str = ""  # what «Подробнее» opens: "city:12", "event:<id>", "figure:<id>"; "" for nothing
    points: tuple[tuple[float, float], ...] = ()  # map questions: (lat, lon) of each option
    rests_on: tuple[tuple[str, object, str], ...] = ()  # (table, record id, field) of every value used

    @property
    def key(self) -> str:
        """Same question, whatever its distractors or language: a round never has one key twice."""
        return f"{self.kind}:{self.subject}"


_FOLD = re.compile(r"[«»\"'“”„.,:;!?()\-–—\s]+")


def fold(text: str) -> str:
    """Two labels that fold alike are the same answer («Стела Город трудовой доблести» ~ «стела «Город…»»)."""
    return _FOLD.sub(" ", folded(text)).strip()
