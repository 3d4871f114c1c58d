"""The self-test's and the proof sheets' visit to «Викторина»: the start, a question of every kind the data
gives (unanswered for the first and the map, then answered: verdict, explanation, «Подробнее»), the results of
one player and of two teams (screenshots `quiz-*`)."""

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


def quiz_pages(repository) -> list:
    """Proof sheets: every curators' question, answered (the explanation shows), and one question of each kind
    the kiosk makes from this database (a kind the data gives no question of has no page)."""
    import random

    from kiosk.data.quiz.facts import Facts
    from kiosk.data.quiz.kinds import GENERATORS
    from kiosk.ui.proof import ProofPage

    def show(kind, subject=None):
        def go(d):
            d.nav("reset")
            d.nav("quiz")
            d.app.quiz.preview(kind, subject, chosen=-1)

        return go

    facts = Facts.of(repository)
    pages = [
        ProofPage(f"quiz-curated-{q.id:03d}", f"Викторина: вопрос {q.id}", show("curated", q.id)) for q in facts.curated
    ]
    for kind, (subjects_of, make) in GENERATORS.items():
        found = subjects_of(facts, "ru") if kind != "curated" else []
        if found and make(facts, found[0], random.Random(0), "ru") is not None:
            pages.append(ProofPage(f"quiz-{kind}", f"Викторина: {kind}", show(kind)))
    return pages
