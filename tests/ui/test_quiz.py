"""«Викторина» in the real shell, played as a visitor plays it: home tile → start → ten questions by touch (and
a round by mouse, and one by two teams), «Подробнее» to the city page and back to the same question, the
section's card and back, the results and «Ещё раз»; the idle reset ends a round; attract never starts mid-round;
the language switch keeps the round going."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtTest import QTest

from kiosk.data.quiz.facts import Facts
from kiosk.data.quiz.rounds import make_round, subjects
from tests.helpers.kiosk import on_screen
from tests.helpers.qt import Finger, Mouse, find, wait_until


def _seed_with_both_targets(repo) -> int:
    """A round (as the service makes it from this seed) with a question on a city and one on the section."""
    facts = Facts.of(repo)
    pool = subjects(facts, "ru")
    for seed in range(200):
        targets = [q.target for q in make_round(facts, random.Random(seed), "ru", pool=pool)]
        if targets[0].startswith("city:") and any(t.startswith(("event:", "figure:")) for t in targets):
            return seed
    raise AssertionError("no seed gives both kinds of «Подробнее»")


class Player:
    def __init__(self, app, press):
        self.app, self.press, self.quiz = app, press, app.quiz

    def q(self) -> dict:
        return self.quiz.property("question")

    def open_quiz(self):
        self.press(find(self.app.window, "tileQuiz"))
        # The first visit compiles the screen: a generous ceiling on a loaded machine, not a timing.
        assert wait_until(lambda: on_screen(self.app, "quizScreen"), 10000), f"on {self.app.driver.current_name()!r}"

    def answer(self, right: bool) -> None:
        q = self.q()
        option = q["answer"] if right else (q["answer"] + 1) % 4
        name = f"quizPoint_{option}" if q["kind"] == "map" else f"quizOption_{option}"
        if q["kind"] == "map":  # the four points are all on the map, where a finger can reach them
            area = find(self.app.window, "quizMap")
            for i in range(4):
                point = find(self.app.window, f"quizPoint_{i}")
                centre = point.mapToItem(area, QPointF(point.width() / 2, point.height() / 2))
                assert 0 < centre.x() < area.width() and 0 < centre.y() < area.height(), (i, q["key"])
        target = find(self.app.window, name)
        assert target.width() >= 64 and target.height() >= 64, name  # touch targets at 1080p
        self.press(target)
        assert wait_until(lambda: self.quiz.property("chosen") == option, 10000)
        assert find(self.app.window, "quizVerdict").isVisible()
        verdict = find(self.app.window, "quizVerdictText").property("text")
        english = self.app.language.property("code") == "en"
        yes, no = ("Correct!", "Not quite") if english else ("Верно!", "Неверно")
        assert (verdict == yes) if right else verdict.startswith(no), (verdict, q)
        assert find(self.app.window, "quizExplanation").property("text")

    def next(self) -> None:
        index = self.quiz.property("index")
        self.press(find(self.app.window, "quizNext"))
        assert wait_until(lambda: self.quiz.property("index") == index + 1, 10000)


def _play_round(player: Player, with_more: bool) -> int:
    """Answers every question, right on even ones; «Подробнее» on the first city and section questions."""
    app = player.app
    right_count, seen_city, seen_card = 0, False, False
    for i in range(10):
        assert find(app.window, "quizProgress").property("text").replace("\u00a0", " ") == f"Вопрос {i + 1} из 10"
        right = i % 2 == 0
        player.answer(right)
        right_count += right
        target = player.q()["target"]
        if with_more and target.startswith("city:") and not seen_city:
            key = player.q()["key"]
            player.press(find(app.window, "quizMore"))
            assert wait_until(lambda: on_screen(app, "cityScreen"))
            assert app.driver.stack.property("currentItem").property("cityId") == int(target[5:])
            player.press(find(app.window, "backButton"))
            assert wait_until(lambda: on_screen(app, "quizScreen"))
            assert player.q()["key"] == key and player.quiz.property("chosen") >= 0  # the same question, answered
            seen_city = True
        elif with_more and target.startswith(("event:", "figure:")) and not seen_card:
            player.press(find(app.window, "quizMore"))
            card = find(app.window, "nkItemCard")
            assert wait_until(lambda card=card: card.isVisible())
            assert card.property("ref") == target
            player.press(find(app.window, "nkItemClose"))
            assert wait_until(lambda card=card: not card.isVisible())
            seen_card = True
        player.next()
    assert not with_more or (seen_city and seen_card)
    assert find(app.window, "quizResults").isVisible()
    return right_count


@pytest.mark.parametrize("device", ["touch", "mouse"])
def test_a_whole_round(make_kiosk, shell_db, device):
    app = make_kiosk(shell_db)
    press = Finger(app.window).tap if device == "touch" else Mouse(app.window).click
    player = Player(app, press)
    app.quiz.seed(_seed_with_both_targets(app.database.repository))
    player.open_quiz()
    assert find(app.window, "quizIntro").isVisible()
    press(find(app.window, "quizStart"))
    assert wait_until(lambda: app.quiz.property("active"))
    first = [app.quiz._round[i].key for i in range(10)]  # what the next round must not repeat
    right = _play_round(player, with_more=True)
    assert (
        find(app.window, "quizResultText").property("text").replace("\u00a0", " ")
        == f"Правильных ответов: {right} из 10"
    )
    press(find(app.window, "quizAgain"))
    assert wait_until(lambda: app.quiz.property("index") == 0 and not app.quiz.property("finished"))
    again = {app.quiz._round[i].key for i in range(10)}
    assert not again & set(first), "«Ещё раз» repeated questions of the round before"


def test_two_teams_take_turns(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    player = Player(app, finger.tap)
    player.open_quiz()
    finger.tap(find(app.window, "quizStartTeams"))
    assert wait_until(lambda: app.quiz.property("active") and app.quiz.property("teams"))
    for i in range(10):
        assert find(app.window, "quizTurn").property("text").replace("\u00a0", " ") == f"Отвечает команда {i % 2 + 1}"
        player.answer(right=i % 2 == 0 or i == 9)  # team 1 answers all right, team 2 only the last
        player.next()
    assert app.quiz.property("scores") == [5, 1]
    assert find(app.window, "quizResultText").property("text").replace("\u00a0", " ") == "Команда 1: 5 · Команда 2: 1"


def test_the_idle_reset_ends_a_round(make_kiosk, shell_db):
    app = make_kiosk(shell_db, idle_timeout=2, idle_countdown=1, attract_timeout=0.3)
    finger = Finger(app.window)
    player = Player(app, finger.tap)
    player.open_quiz()
    finger.tap(find(app.window, "quizStart"))
    assert wait_until(lambda: app.quiz.property("active"))
    # Mid-round nobody touches: the idle question comes, but no slideshow over the round.
    assert wait_until(lambda: app.idle.asking, 10000)
    assert not app.attract.property("active")
    assert wait_until(lambda: not app.quiz.property("active"), 10000)
    assert wait_until(lambda: app.driver.current_name() == "homeScreen")


def test_attract_waits_while_a_round_is_played(make_kiosk, shell_db):
    app = make_kiosk(shell_db, attract_timeout=0.2)
    finger = Finger(app.window)
    player = Player(app, finger.tap)
    player.open_quiz()
    finger.tap(find(app.window, "quizStart"))
    assert wait_until(lambda: app.quiz.property("active"))
    QTest.qWait(600)  # three attract timeouts: a round in progress is a visit
    assert not app.attract.property("active") and on_screen(app, "quizScreen")


def test_english_keeps_the_round(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    player = Player(app, finger.tap)
    player.open_quiz()
    finger.tap(find(app.window, "quizStart"))
    assert wait_until(lambda: app.quiz.property("active"))
    player.answer(right=True)
    player.next()
    finger.tap(find(app.window, "langEn"))
    assert wait_until(lambda: app.language.property("code") == "en")
    assert app.quiz.property("index") == 1 and app.quiz.property("total") == 10
    assert wait_until(
        lambda: find(app.window, "quizProgress").property("text").replace("\u00a0", " ") == "Question 2 of 10"
    )
    for _ in range(1, 10):
        player.answer(right=True)
        player.next()
    assert find(app.window, "quizResultText").property("text").replace("\u00a0", " ") == "Correct answers: 10 of 10"


def test_keys_answer_and_go_on(make_kiosk, shell_db):
    """A school PC: 1–4 answer, Enter goes on (after the start was tapped)."""
    from PySide6.QtCore import Qt

    app = make_kiosk(shell_db, windowed=True)
    finger = Finger(app.window)
    Player(app, finger.tap).open_quiz()
    finger.tap(find(app.window, "quizStart"))
    assert wait_until(lambda: app.quiz.property("active"))
    QTest.keyClick(app.window, Qt.Key.Key_3)
    assert wait_until(lambda: app.quiz.property("chosen") == 2)
    QTest.keyClick(app.window, Qt.Key.Key_1)  # the first answer counts
    assert app.quiz.property("chosen") == 2
    QTest.keyClick(app.window, Qt.Key.Key_Return)
    assert wait_until(lambda: app.quiz.property("index") == 1 and app.quiz.property("chosen") == -1)
