"""The self-test's and the proof sheets' visit to «Викторина»: the start, a question of every kind the data
gives (unanswered for the first and the map, then answered: verdict, explanation, «Подробнее»), the results of
one player and of two teams (screenshots `quiz-*`). The proof sheets' quiz pages: kiosk.ui.diagnostics.proof."""

from __future__ import annotations

WRONG = 1  # the option the self-test picks; where it is the right one, the screen shows «Верно»


def visit_quiz(d, visit, quiz) -> list[str]:
    """d: the ShellDriver; visit(name, expect, …) renders and checks one view; quiz: the QuizService."""
    from kiosk.data.quiz.records import KINDS

    d.nav("reset")
    d.nav("quiz")
    visit("quiz", "quizScreen")
    shown = []
    for kind in KINDS:
        if kind in ("year", "map") and quiz.preview(kind):
            visit(f"quiz-{kind}-asked", "quizScreen")
        if quiz.preview(kind, chosen=WRONG):
            visit(f"quiz-{kind}", "quizScreen")
            shown.append(kind)
    quiz.preview_results()
    visit("quiz-results", "quizScreen")
    quiz.preview("year", teams=True)
    visit("quiz-teams", "quizScreen")
    quiz.preview_results((5, 5))
    visit("quiz-teams-results", "quizScreen")
    quiz.end()
    d.nav("reset")
    return [f"quiz ({len(shown)} kinds, results)"]
