"""Curators' own quiz questions: the source file (db/sources/quiz.toml), the rules a question must meet, and the
checks `kiosk-db validate` runs on the `quiz_questions` table. One rule set serves the build (refuses a bad
question), `validate` and `report` (name a hand-edited one exactly) and the kiosk (leaves it out of rounds).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.data.cities import rules
from kiosk.data.store import schema
from kiosk.data.errors import DataError
from kiosk.data.cities.toml_entries import numbered_entries
from kiosk.data.quiz.records import OPTIONS, fold
from kiosk.data.attract.slides import text_problem

TEXT_MAX = 200  # a question read aloud by a teacher in one breath
ANSWER_MAX = 80  # fits a large answer button in two lines
EXPLANATION_MAX = 240  # one or two lines under the answers
SOURCE_KEYS = {
    "id",
    "text",
    "answers",
    "correct",
    "explanation",
    "source",
    "enabled",
    "text_en",
    "answers_en",
    "explanation_en",
}


@dataclass(frozen=True, slots=True)
class CuratedQuestion:
    """A question as stored; values are unchecked (None where missing): `problems()` says what is wrong."""

    id: int
    text: str
    answers: tuple[Any, ...]  # four texts
    correct: int  # which answer is right, 1..4
    explanation: str
    source: str
    enabled: bool = True
    text_en: str = ""  # optional English by curators (never machine-translated): all of it or none
    answers_en: tuple[Any, ...] = ()
    explanation_en: str = ""

    def has_english(self) -> bool:
        return bool(self.text_en and len(self.answers_en) == OPTIONS and all(self.answers_en))


def _answers_problems(answers: tuple[Any, ...], suffix: str, required: bool) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if not required and not any(answers):
        return found
    if len(answers) != OPTIONS:
        return [(f"answers{suffix}", f"must be {OPTIONS} answers, got {len(answers)}")]
    for i, a in enumerate(answers, 1):
        why = text_problem(a, ANSWER_MAX, required=True) or rules.oneline_problem(a)
        if why is not None:
            found.append((f"answer{i}{suffix}", why))
    folded = [fold(a) for a in answers if isinstance(a, str)]
    if not found and len(set(folded)) != len(folded):
        found.append((f"answers{suffix}", "two answers are the same: a question needs four different answers"))
    return found


def problems(q: CuratedQuestion) -> list[tuple[str, str]]:
    """(field, what is wrong) for every rule the question breaks; empty when it may be asked."""
    found = []
    if (why := text_problem(q.text, TEXT_MAX, required=True) or rules.oneline_problem(q.text)) is not None:
        found.append(("text", why))
    found.extend(_answers_problems(tuple(q.answers), "", required=True))
    if isinstance(q.correct, bool) or not isinstance(q.correct, int) or not 1 <= q.correct <= OPTIONS:
        found.append(("correct", f"must say which answer is right, 1..{OPTIONS}, got {q.correct!r}"))
    if (why := text_problem(q.explanation, EXPLANATION_MAX, required=True)) is not None:
        found.append(("explanation", why))
    if not isinstance(q.source, str) or not q.source.strip():
        found.append(("source", "missing: say where the answer comes from"))
    english = (q.text_en, *q.answers_en, q.explanation_en)
    if any(english):
        if (why := text_problem(q.text_en, TEXT_MAX, required=True)) is not None:
            found.append(("text_en", why))
        found.extend(_answers_problems(tuple(q.answers_en), "_en", required=True))
        if (why := text_problem(q.explanation_en, EXPLANATION_MAX, required=False)) is not None:
            found.append(("explanation_en", why))
    return found


# ---- the source file ------------------------------------------------------------------------------------------


def from_source(path: Path, data: dict[str, Any], problems_out: list[DataError]) -> list[CuratedQuestion]:
    """[[question]] entries of quiz.toml; every problem is added as ``FILE: question[i].field: …``."""
    out = []
    for _, entry, qid, bad in numbered_entries(path, data, "question", SOURCE_KEYS, problems_out):
        enabled = entry.get("enabled", True)
        if not isinstance(enabled, bool):
            bad("enabled", f"must be true or false, got {enabled!r}")
            enabled = False
        answers, answers_en = entry.get("answers", []), entry.get("answers_en", [])
        for name, value in (("answers", answers), ("answers_en", answers_en)):
            if not isinstance(value, list):
                bad(name, f"must be a list of {OPTIONS} texts, got {value!r}")
        q = CuratedQuestion(
            qid,
            entry.get("text"),  # type: ignore[arg-type]
            tuple(answers) if isinstance(answers, list) else (),
            entry.get("correct"),  # type: ignore[arg-type]
            entry.get("explanation"),  # type: ignore[arg-type]
            entry.get("source", ""),
            enabled,
            entry.get("text_en") or "",
            tuple(answers_en) if isinstance(answers_en, list) else (),
            entry.get("explanation_en") or "",
        )
        for fld, why in problems(q):
            bad(fld, why)
        out.append(q)
    return out


def to_row(q: CuratedQuestion) -> dict[str, Any]:
    row = {
        "id": q.id,
        "text": q.text,
        "correct": q.correct,
        "explanation": q.explanation,
        "source": q.source,
        "enabled": int(q.enabled),
        "text_en": q.text_en or None,
        "explanation_en": q.explanation_en or None,
    }
    for i in range(OPTIONS):
        row[f"answer{i + 1}"] = q.answers[i] if i < len(q.answers) else None
        row[f"answer{i + 1}_en"] = (q.answers_en[i] or None) if i < len(q.answers_en) else None
    return row


# ---- the database table ---------------------------------------------------------------------------------------


def from_rows(rows: list[tuple[Any, ...]]) -> tuple[CuratedQuestion, ...]:
    """Records of rows as schema.QUIZ_ROWS reads them."""
    out = []
    for row in rows:
        r = dict(zip(schema.QUIZ.column_names, row))
        answers_en = tuple(r[f"answer{i}_en"] or "" for i in range(1, OPTIONS + 1))
        out.append(
            CuratedQuestion(
                r["id"],
                r["text"],
                tuple(r[f"answer{i}"] for i in range(1, OPTIONS + 1)),
                r["correct"],
                r["explanation"],
                r["source"] or "",
                bool(r["enabled"]) if r["enabled"] is not None else True,
                r["text_en"] or "",
                answers_en if any(answers_en) else (),
                r["explanation_en"] or "",
            )
        )
    return tuple(out)


def check_table(conn: sqlite3.Connection, path: str | Path) -> list[DataError]:
    """`validate`'s content rules for curators' questions: ``PATH: quiz_questions[ID].field: what is wrong``."""
    found = []
    for q in from_rows(conn.execute(schema.QUIZ_ROWS).fetchall()):
        for fld, why in problems(q):
            found.append(DataError(path, why, table=schema.QUIZ.name, row_id=q.id, field=fld))
    return found
