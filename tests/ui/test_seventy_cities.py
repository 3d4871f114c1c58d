"""Issue 23 on the real app, reached by touch: visitors see 70 cities everywhere (home, the list, the map, the
slideshow), Вологда among them with the note that its text is the exhibition's own; row 46 («Волгоград») and seed
002 (the machine translation) reach no visitor."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtTest import QTest

from tests.helpers.kiosk import current_screen, on_screen, open_cities, open_city, texts_in
from tests.helpers.qt import Finger, find, maybe, wait_until, walk
from tests.ui.test_novokuznetsk import go, visitor_in_section

VOLOGDA, VOLGOGRAD = 71, 46
SEED_002 = next((Path(__file__).resolve().parents[2] / "db" / "seeds").glob("002_*.txt"))


def _home(app, finger):
    finger.tap(find(app.window, "homeButton"))
    assert wait_until(lambda: on_screen(app, "homeScreen"))


def test_seventy_cities_on_home_list_and_map(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    assert "70 городов" in find(app.window, "homeSubtitle").property("text").replace("\u00a0", " ")
    assert "Все 70 городов" in find(app.window, "tileCities").property("caption").replace("\u00a0", " ")

    open_cities(app, finger)
    assert find(app.window, "resultCount").property("text").replace("\u00a0", " ") == "Всего 70 городов"
    ids = set(app.catalog.ids())
    assert len(ids) == 70 and VOLOGDA in ids and VOLGOGRAD not in ids

    _home(app, finger)
    finger.tap(find(app.window, "tileMap"))
    assert wait_until(lambda: on_screen(app, "mapScreen"))
    names = (i.objectName() for i in walk(app.window.contentItem()))
    dots = {int(n.split("_")[1]) for n in names if re.fullmatch(r"mapCity_\d+", n)}
    assert len(dots) == 70 and VOLOGDA in dots and VOLGOGRAD not in dots
    assert "На карте: 70 городов" in find(app.window, "mapShownCount").property("text").replace("\u00a0", " ")


def test_the_slideshow_offers_the_seventy(make_kiosk, shell_db):
    app = make_kiosk(shell_db, attract_timeout=0.3, slide_duration=30)  # left alone, the slideshow starts by its clock
    assert wait_until(lambda: app.attract.active and app.attract.order is not None, 5000)
    cities = {s.key for s in app.attract.order.deck.slides if s.key.startswith("city:")}
    assert len(cities) == 70 and f"city:{VOLOGDA}" in cities and f"city:{VOLGOGRAD}" not in cities
    editorial = {s.key for s in app.attract.order.deck.slides if s.editorial}
    assert editorial == {f"city:{VOLOGDA}"}  # its slide says the words are the exhibition's


def test_vologda_page_says_its_text_is_the_exhibitions_own(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    open_cities(app, finger)
    open_city(app, finger, VOLOGDA)
    assert wait_until(lambda: find(app.window, "cityName").property("text") == "Вологда")
    note = find(current_screen(app), "cityEditorialNote")
    assert note.isVisible()
    assert "написан экспозицией" in find(note, "editorialNoteText").property("text")
    sources = find(current_screen(app), "cityEditorialSources")  # after the text, by name
    assert sources.isVisible() and "Президент России" in sources.property("text")
    shown = "\n".join(texts_in(current_screen(app))).replace("\u00a0", " ")
    assert "15,8 метра" in shown and "Волгоград" not in shown

    finger.tap(find(app.window, "backButton"))
    assert wait_until(lambda: on_screen(app, "citiesScreen"))
    open_city(app, finger, 1)  # a row of the list: no such note
    assert wait_until(lambda: find(app.window, "cityName").property("text") == "Нижний Новгород")
    assert not find(current_screen(app), "cityEditorialNote").isVisible()
    assert not find(current_screen(app), "cityEditorialSources").isVisible()


def test_nothing_of_seed_002_on_the_sources_screen(make_kiosk, shell_db):
    """002 backs open questions for editors only: no card names it, no question retelling it is shown."""
    app, finger = visitor_in_section(make_kiosk, shell_db)
    go(app, finger, "nkTool_sources", "nkSourcesScreen")
    screen = current_screen(app)
    QTest.qWait(50)
    shown = "\n".join(texts_in(screen)).replace("\u00a0", " ")
    assert "Где документы расходятся" in shown and "Исправленные ошибки документов" in shown  # we did read the screen
    assert maybe(screen, "nkSeed_002") is None and maybe(screen, "nkSeed_000") is not None
    section = app.database.repository.section()
    hidden = [q for q in section.questions if any(r.seed.startswith("002") for r in q.sources)]
    assert hidden  # the rule has something to hide
    for q in hidden:
        assert maybe(screen, f"nkQuestion_{q.id}") is None and q.topic not in shown and q.note not in shown
    assert maybe(screen, "nkQuestion_evacuated-count") is not None  # a question between the shown seeds is shown
    assert not re.search(r"(?<!\d)002(?!\d)", shown)  # «2002» (a book's year) is not the document
    for word in (SEED_002.name, "машинн", "Machine", "Chulkov", "перевод"):
        assert word not in shown, word
