"""QML's singleton `Quiz`: one round at a time, its questions made by kiosk.data.quiz (plain Python).

The service holds the round's state (question, chosen answer, scores), so a visitor can leave for a city page
through «Подробнее» and come back to the same question. The idle reset ends a round; a round in progress is a
visit (the quiz screen is off home, so the kiosk is not at rest and attract mode never starts over it).
Changing the language mid-round keeps the questions that have a form in the other language and replaces the
rest. Nothing about the players is stored.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton

from kiosk.ui.qmlmodule import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME, instance_for  # noqa: F401 — @QmlNamedElement reads them

log = logging.getLogger(__name__)
NOT_CHOSEN = -1


@QmlNamedElement("Quiz")
@QmlSingleton
class QuizService(QObject):  # type: ignore[operator]  # PySide6 stubs: Qml* decorators are callable
    @staticmethod
    def create(engine):  # QML's singleton `Quiz`: the instance the app provided
        return instance_for(engine, QuizService)

    changed = Signal()
    roundStarted = Signal()  # for the visit statistics: a round was played in this visit

    def __init__(self, repository: Callable[[], Any], language: Callable[[], str], parent: QObject | None = None):
        super().__init__(parent)
        self._repository = repository
        self._language = language
        self._facts: Any = None  # kiosk.data.quiz.facts.Facts of the current database, made on the first round
        self._rng = random.Random()
        self._round: list = []
        self._last_keys: frozenset[str] = frozenset()
        self._index = 0
        self._chosen = NOT_CHOSEN
        self._teams = False
        self._scores = [0, 0]
        self._active = False

    # -- data ----------------------------------------------------------------------------------------------
    def forget_data(self) -> None:
        """The database changed: the next round is made from the new one (a round in progress keeps its own)."""
        self._facts = None

    def seed(self, value: int) -> None:
        """Tests and the self-test: rounds from a known sequence."""
        self._rng = random.Random(value)

    def _ensure_facts(self):
        if self._facts is None:
            repo = self._repository()
            if repo is None:
                return None
            from kiosk.data.quiz.facts import Facts

            self._facts = Facts.of(repo)
        return self._facts

    # -- the round -----------------------------------------------------------------------------------------
    @Slot(bool)
    def start(self, teams: bool) -> None:
        """A new round (two teams taking turns, or one player)."""
        from kiosk.data.quiz.rounds import make_round, subjects
        from kiosk.ui.providers.map_canvas import map_asset

        facts = self._ensure_facts()
        if facts is None:
            return
        lang = self._language()
        pool = subjects(facts, lang)
        if map_asset() is None:  # no map to point at (logged where it failed to load)
            pool.pop("map", None)
        self._round = make_round(facts, self._rng, lang, avoid=self._last_keys, pool=pool)
        self._last_keys = frozenset(q.key for q in self._round)
        self._teams = bool(teams)
        self._index, self._chosen, self._scores = 0, NOT_CHOSEN, [0, 0]
        self._active = bool(self._round)
        log.info("quiz round of %d questions (%s)", len(self._round), "two teams" if teams else "one player")
        self.changed.emit()
        if self._active:
            self.roundStarted.emit()

    @Slot(int)
    def choose(self, option: int) -> None:
        """The visitor's answer to the current question; the first one counts."""
        if not self._active or self._chosen != NOT_CHOSEN or self.finished or not 0 <= option < 4:
            return
        self._chosen = option
        if option == self._round[self._index].answer:
            self._scores[self._turn()] += 1
        self.changed.emit()

    @Slot()
    def next(self) -> None:
        if not self._active or self._chosen == NOT_CHOSEN:
            return
        self._index += 1
        self._chosen = NOT_CHOSEN
        self.changed.emit()

    @Slot()
    def end(self) -> None:
        """The round is over without results (the idle reset, «На главную»)."""
        if self._active or self._round:
            self._active, self._round, self._index, self._chosen = False, [], 0, NOT_CHOSEN
            self.changed.emit()

    def relocalise(self) -> None:
        """The visitor switched the language: the round's questions in it, a fresh one where one has no form."""
        if not self._round:
            return
        from kiosk.data.quiz.rounds import localise, make_round

        facts, lang = self._ensure_facts(), self._language()
        if facts is None:
            return
        kept = [localise(facts, q, lang) for q in self._round]
        keys = {q.key for q in kept if q is not None}
        missing = sum(q is None for q in kept)
        fresh = iter(make_round(facts, self._rng, lang, avoid=frozenset(keys), size=missing)) if missing else iter(())
        replaced = [q if q is not None else next(fresh, None) for q in kept]
        self._round = [q for q in replaced if q is not None]
        self._index = min(self._index, len(self._round))
        self.changed.emit()

    # -- the self-test and the proof sheets: a chosen question on screen -----------------------------------
    def preview(self, kind: str, subject: object = None, chosen: int | None = None, teams: bool = False) -> bool:
        """A round whose current question is of `kind` (about `subject`, if given), answered with `chosen`
        (None: not yet; -1: the right answer). False when the data gives no such question."""
        from kiosk.data.quiz.kinds import GENERATORS

        self.start(teams)
        facts = self._ensure_facts()
        if facts is None or kind not in GENERATORS:
            return False
        subjects_of, make = GENERATORS[kind]
        lang = self._language()
        found = [x for x in subjects_of(facts, lang) if subject is None or x == subject]
        q = make(facts, found[0], random.Random(0), lang) if found else None
        if q is None:
            return False
        self._round = [q, *[x for x in self._round if x.key != q.key]][: max(1, len(self._round))]
        self._active, self._index, self._chosen = True, 0, NOT_CHOSEN
        self.changed.emit()
        if chosen is not None:
            self.choose(q.answer if chosen < 0 else chosen)
        return True

    def preview_results(self, scores: tuple[int, int] = (7, 6)) -> None:
        """The results screen of a played round."""
        if not self._round:
            self.start(self._teams)
        self._scores = list(scores)
        self._active, self._index, self._chosen = bool(self._round), len(self._round), NOT_CHOSEN
        self.changed.emit()

    # -- what QML shows ------------------------------------------------------------------------------------
    @Property(bool, notify=changed)
    def active(self) -> bool:
        return self._active

    @Property(bool, notify=changed)
    def teams(self) -> bool:
        return self._teams

    @Property(int, notify=changed)
    def index(self) -> int:
        return self._index

    @Property(int, notify=changed)
    def total(self) -> int:
        return len(self._round)

    @Property(bool, notify=changed)
    def finished(self) -> bool:
        return self._active and self._index >= len(self._round)

    @Property(int, notify=changed)
    def chosen(self) -> int:
        return self._chosen

    def _turn(self) -> int:
        return self._index % 2 if self._teams else 0

    @Property(int, notify=changed)
    def team(self) -> int:
        """Whose turn it is: 0 (Команда 1) or 1 (Команда 2); always 0 for one player."""
        return self._turn()

    @Property("QVariantList", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def scores(self) -> list:
        return list(self._scores)

    @Property("QVariantMap", notify=changed)  # type: ignore[arg-type]  # PySide6 stubs: C++ type names are valid
    def question(self) -> dict:
        """The current question for the screen ({} between rounds and on the results)."""
        if not self._active or self._index >= len(self._round):
            return {}
        q = self._round[self._index]
        return {
            "kind": q.kind,
            "key": q.key,
            "prompt": q.prompt,
            "options": list(q.options),
            "answer": q.answer,
            "facts": list(q.facts),
            "target": q.target,
            "points": self._points(q.points),
        }

    @staticmethod
    def _points(points) -> list:
        """Map questions: each option's place in map km, where the map canvas draws the country."""
        if not points:
            return []
        from kiosk.ui.providers.map_canvas import map_asset

        asset = map_asset()
        if asset is None:
            return []
        out = []
        for lat, lon in points:
            x, y = asset.place(lat, lon)
            out.append({"x": x, "y": y})
        return out
