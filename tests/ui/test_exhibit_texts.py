"""Visitors see the exhibit, editors the workshop: the section's sources page and its «Источник» cards speak in
plain words (no file names, hashes, «Абзац», editors' notes or the machine translation's story), and item cards
read as sentences, each said once. Reached by touch, as a visitor does."""

from __future__ import annotations

import re

from tests.helpers.kiosk import bring_into_view, current_screen, on_screen, texts_in
from tests.helpers.qt import find, maybe, wait_until
from tests.ui.test_novokuznetsk import card_shown, go, here, visitor_in_section

WORKSHOP = re.compile(
    r"\d{3}_[0-9a-f]{16}\.txt|\.txt\b|абзац|машинн|перевод|сверк|редактор|нужна проверка|пересказ|⏎|не цитата",
    re.IGNORECASE,
)


def _workshop(texts: list[str]) -> list[str]:
    return [t for t in texts if WORKSHOP.search(t.replace("\u00a0", " "))]


def test_the_sources_page_speaks_to_visitors(make_kiosk, shell_db):
    app, finger = visitor_in_section(make_kiosk, shell_db)
    go(app, finger, "nkTool_sources", "nkSourcesScreen")
    shown = [t.replace("\u00a0", " ") for t in texts_in(current_screen(app))]  # the interface is typeset
    assert any("Где документы расходятся" in t for t in shown)  # the page was read
    assert any(t.startswith("Показано, как в документе «") for t in shown)
    assert _workshop(shown) == []


def test_a_paragraphs_source_card_names_no_file_and_no_abzats(make_kiosk, shell_db):
    app, finger = visitor_in_section(make_kiosk, shell_db)
    go(app, finger, "nkChapter_combine", "nkChapterScreen")
    paragraph = here(app, "nkParagraph_0")
    source = find(paragraph, "nkParagraphSource_0")
    bring_into_view(finger, source, here(app, "nkChapterText"))
    finger.tap(source)
    assert wait_until(lambda: card_shown(app))
    shown = texts_in(here(app, "nkItemCard"))
    assert any(t.startswith("«") for t in shown)  # the passage is there
    assert _workshop(shown) == []


def test_event_and_figure_cards_read_as_sentences_said_once(make_kiosk, shell_db):
    app, finger = visitor_in_section(make_kiosk, shell_db)
    go(app, finger, "nkTool_figures", "nkFiguresScreen")
    finger.tap(here(app, "nkFigure_to-the-front"))
    assert wait_until(lambda: card_shown(app))
    text = here(app, "nkItemText").property("text")
    assert text.startswith("…") and text[1].islower(), text  # a fragment, marked as an excerpt
    finger.tap(here(app, "nkItemClose"))
    grid = here(app, "nkFiguresGrid")
    tanks = None
    for _ in range(10):
        tanks = maybe(current_screen(app), "nkFigure_tanks-possible")
        if tanks is not None:
            break
        finger.drag(grid.mapToScene(grid.boundingRect().center()), 0, -grid.height() / 2, steps=10, step_ms=30)
        wait_until(lambda: not grid.property("moving"), 3000)
    assert tanks is not None
    bring_into_view(finger, tanks, grid)
    finger.tap(tanks)
    assert wait_until(lambda: card_shown(app))
    title = here(app, "nkItemTitle").property("text")
    assert "танков" in title
    body = here(app, "nkItemText")
    assert not body.isVisible() or "танков" not in body.property("text")  # «50 тысяч танков» once, not twice
    finger.tap(here(app, "nkItemClose"))
    finger.tap(find(app.window, "backButton"))
    assert wait_until(lambda: on_screen(app, "nkHomeScreen"))
