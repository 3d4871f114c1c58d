"""The Novokuznetsk section, driven like a visitor on the real app: taps, touch drags, mouse drags, the wheel.

Home → section → chapter → a reference's card and its «Источник» → timeline (scrolled by touch, mouse and
wheel) → an event → people → a person → home; the figures count up once; the idle reset clears the section.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtTest import QTest

from tests.helpers.kiosk import bring_into_view, current_screen, on_screen
from tests.helpers.qt import Finger, Mouse, find, wait_until
import itertools

SIZES = ((1920, 1080), (1080, 1920), (1280, 800), (3840, 2160))


def _plain(text: str) -> str:
    """Shown text with the display typography's non-breaking spaces read as spaces."""
    return text.replace("\u00a0", " ")


def here(app, name: str):
    """The item with this objectName on the screen on top (screens below keep theirs on the stack)."""
    return find(current_screen(app), name)


def rect(item):
    p = item.mapToScene(QPointF(0, 0))
    return (p.x(), p.y(), p.x() + item.width(), p.y() + item.height())


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def visible_in(item, window) -> bool:
    x0, y0, x1, y1 = rect(item)
    return item.isVisible() and x0 >= 0 and y0 >= 0 and x1 <= window.width() and y1 <= window.height()


def tap_on_section_home(app, finger, name: str):
    """Tap an entry of the section's home, scrolling it into view by touch first if it is below the fold."""
    item = here(app, name)
    bring_into_view(finger, item, here(app, "nkHomeFlick"))
    finger.tap(item)


def card_shown(app) -> bool:
    """The item card is open and has finished fading in (what the visitor sees before tapping on it)."""
    return here(app, "nkItemCard").isVisible() and here(app, "nkItemPanel").property("opacity") == 1.0


def open_section(app, finger):
    finger.tap(find(app.window, "tileNovokuznetsk"))
    assert wait_until(lambda: on_screen(app, "nkHomeScreen"))


def visitor_in_section(make_kiosk, db, **settings):
    """The real kiosk, a finger, and the visitor on the section's home (reached from Home by touch)."""
    app = make_kiosk(db, **settings)
    finger = Finger(app.window)
    open_section(app, finger)
    return app, finger


def go(app, finger, entry: str, screen: str):
    """Tap an entry of the section's home and arrive on `screen`."""
    tap_on_section_home(app, finger, entry)
    assert wait_until(lambda: on_screen(app, screen)), f"on {app.driver.current_name()!r}"


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("with_map", [False, True], ids=["two-tiles", "three-tiles"])
def test_home_lays_out_without_overlap(make_kiosk, shell_db, size, with_map):
    app = make_kiosk(shell_db, size=size, windowed=size == (1280, 800))
    home = find(app.window, "homeScreen")
    home.setProperty("showMap", with_map)
    QTest.qWait(50)
    texts = [find(app.window, n) for n in ("homeKicker", "homeTitle", "homeSubtitle", "homeQuote")]
    tiles = [find(app.window, n) for n in ("tileCities", "tileNovokuznetsk", "tileMap", "tileQuiz")]
    tiles = [t for t in tiles if t.isVisible()]
    assert len(tiles) == (4 if with_map else 3)
    w, h = app.window.width(), app.window.height()
    for item in texts + tiles:
        x0, y0, x1, y1 = rect(item)
        assert x0 >= 0 and y0 >= 0 and x1 <= w and y1 <= h, f"{item.objectName()} leaves the window: {rect(item)}"
        assert item.height() > 0
    for text in texts:
        for tile in tiles:
            assert not overlaps(rect(text), rect(tile)), f"{tile.objectName()} over {text.objectName()}"
    for a, b in itertools.pairwise(tiles):
        assert not overlaps(rect(a), rect(b))
    scale = min(w, h) / 1080
    for tile in tiles:
        assert tile.height() >= 64 * scale and tile.width() >= 2 * tile.height()
        for part in ("tileTitle", "tileCaption")[: 1 if tile.objectName() == "tileQuiz" else 2]:  # nothing cut off
            assert not find(tile, part).property("truncated"), f"{tile.objectName()}: {part} is cut"
    # The two entries are equally prominent.
    assert tiles[0].width() == tiles[1].width() and tiles[0].height() == tiles[1].height()


def test_chapter_reference_and_source_by_touch(make_kiosk, shell_db):
    app, finger = visitor_in_section(make_kiosk, shell_db)
    go(app, finger, "nkChapter_combine", "nkChapterScreen")
    assert here(app, "nkScreenTitle").property("text") == "Комбинат и броневая сталь"

    text = here(app, "nkChapterText")
    chip = here(app, "nkRef_figure_pig-iron")
    bring_into_view(finger, chip, text)
    finger.tap(chip)
    card = here(app, "nkItemCard")
    assert wait_until(lambda: card_shown(app))
    assert here(app, "nkItemTitle").property("text") == "6 173,4 тысячи тонн чугуна"
    assert not here(app, "nkItemSources").isVisible()
    finger.tap(here(app, "nkItemSourceButton"))  # «Источник»: one tap
    assert wait_until(lambda: here(app, "nkItemSources").isVisible())
    passage = here(app, "nkSourcePassage").property("text")
    assert "6\u00a0173, 4 тысячи тонн чугуна" in passage and passage.startswith("«С 22 июня 1941")
    finger.tap(here(app, "nkItemClose"))
    assert wait_until(lambda: not card.isVisible())

    finger.tap(find(app.window, "backButton"))
    assert wait_until(lambda: on_screen(app, "nkHomeScreen"))


def test_timeline_scrolls_by_touch_mouse_and_wheel_and_opens_an_event(make_kiosk, shell_db):
    app, finger = visitor_in_section(make_kiosk, shell_db)
    go(app, finger, "nkTool_timeline", "nkTimelineScreen")
    strip = here(app, "nkTimelineStrip")
    assert strip.property("contentX") == 0 and strip.property("contentWidth") > app.window.width() * 3

    event = here(app, "nkEvent_first-armour-heat")
    finger.tap(event)
    card = here(app, "nkItemCard")
    assert wait_until(lambda: card_shown(app))
    assert here(app, "nkItemTitle").property("text") == "Первая плавка броневой стали"
    assert _plain(here(app, "nkItemText").property("text")).startswith("26 июля 1941 г.")
    finger.tap(here(app, "nkItemClose"))
    assert wait_until(lambda: not card.isVisible())

    middle = strip.mapToScene(QPointF(strip.width() / 2, strip.height() / 2))
    finger.drag((middle.x(), middle.y()), -600, 0)  # touch: kinetic
    assert wait_until(lambda: strip.property("contentX") > 400)
    assert wait_until(lambda: not strip.property("moving"))
    after_touch = strip.property("contentX")

    mouse = Mouse(app.window)
    mouse.drag(middle, -500, 0)  # a school PC: the mouse drags the strip too
    assert wait_until(lambda: strip.property("contentX") > after_touch + 300)
    assert wait_until(lambda: not strip.property("moving"))
    after_mouse = strip.property("contentX")

    mouse.wheel(middle, -3)  # …and its wheel, turned down, moves it on in time
    assert wait_until(lambda: strip.property("contentX") > after_mouse + 50)

    finger.tap(find(app.window, "homeButton"))
    assert wait_until(lambda: on_screen(app, "homeScreen") and app.driver.depth() == 1)


def test_timeline_runs_vertically_in_portrait(make_kiosk, shell_db):
    app, finger = visitor_in_section(make_kiosk, shell_db, size=(1080, 1920))
    go(app, finger, "nkTool_timeline", "nkTimelineScreen")
    strip = here(app, "nkTimelineStrip")
    assert strip.property("contentHeight") > app.window.height() * 3
    assert strip.property("contentWidth") == strip.width()
    middle = strip.mapToScene(QPointF(strip.width() / 2, strip.height() / 2))
    finger.drag((middle.x(), middle.y()), 0, -700)
    assert wait_until(lambda: strip.property("contentY") > 400)
    # Later events sit further down the strip.
    first, later = here(app, "nkEvent_first-armour-heat"), here(app, "nkEvent_city-labour-valour")
    assert later.y() > first.y() + 5000


def test_people_card_tells_the_story(make_kiosk, shell_db):
    app, finger = visitor_in_section(make_kiosk, shell_db)
    go(app, finger, "nkTool_people", "nkPeopleScreen")
    finger.tap(here(app, "nkPerson_chalkov"))
    assert wait_until(lambda: card_shown(app))
    assert here(app, "nkItemTitle").property("text") == "Александр Чалков"
    assert "400 автоматов" in _plain(here(app, "nkItemText").property("text"))
    finger.tap(here(app, "nkItemClose"))
    finger.tap(find(app.window, "homeButton"))
    assert wait_until(lambda: on_screen(app, "homeScreen"))


def test_city_card_and_section_link_each_other(make_kiosk, shell_db):
    app, finger = visitor_in_section(make_kiosk, shell_db)
    go(app, finger, "nkTool_city", "cityScreen")
    assert here(app, "cityName").property("text") == "Новокузнецк"
    link = here(app, "nkCityLink")
    assert link.isVisible() and link.height() >= 64
    finger.tap(link)
    assert wait_until(lambda: on_screen(app, "nkHomeScreen"))
    assert app.driver.depth() == 4  # home, section, city card, section: «Назад» walks back the same way


def test_figures_count_up_once_and_idle_reset_clears_it(make_kiosk, shell_db):
    # The idle question comes 8 s after the last touch: after the count-up this test watches (≤ 3.5 s untouched).
    app, finger = visitor_in_section(make_kiosk, shell_db, idle_timeout=8, idle_countdown=1)
    go(app, finger, "nkTool_figures", "nkFiguresScreen")
    first = here(app, "nkFigure_to-the-front")
    value = find(first, "nkFigureValue")
    seen = set()
    assert wait_until(lambda: seen.add(value.property("text")) or first.property("counting"), 1000)
    assert wait_until(
        lambda: seen.add(value.property("text")) or (not first.property("counting") and value.property("text") == "64"),
        2500,
    )
    assert len(seen) > 2  # it really counted: intermediate numbers were shown
    counted = app.novokuznetsk.countedCount
    assert counted >= 3

    finger.tap(find(app.window, "backButton"))
    assert wait_until(lambda: on_screen(app, "nkHomeScreen"))
    go(app, finger, "nkTool_figures", "nkFiguresScreen")
    again = here(app, "nkFigure_to-the-front")
    assert not again.property("counting") and find(again, "nkFigureValue").property("text") == "64"
    QTest.qWait(100)
    assert not again.property("counting")

    # Left alone: the idle reset takes the kiosk home and the next visitor sees the count-up again.
    assert wait_until(lambda: app.idle.asking, 10000)  # by the clock: nobody touches
    assert wait_until(lambda: on_screen(app, "homeScreen") and app.driver.depth() == 1, 5000)
    assert app.novokuznetsk.countedCount == 0


def test_no_sentence_of_the_machine_translation_is_on_any_screen(make_kiosk, shell_db):
    """Seed 002 (a poor English machine translation) backs only open questions: none of its sentences, nor any
    English phrase from it, may appear on a section screen or in a card's «Источник»."""
    import re

    from tests.helpers.kiosk import texts_in

    seed = next((Path(__file__).resolve().parents[2] / "db" / "seeds").glob("002_*.txt")).read_text(encoding="utf-8")
    fragments = [f.strip() for f in re.findall(r"[A-Za-z][A-Za-z ,’'-]{16,}", seed)]
    assert len(fragments) > 20
    app, finger = visitor_in_section(make_kiosk, shell_db, size=(1080, 1920))
    shown = texts_in(current_screen(app))
    for entry, screen in (
        ("nkChapter_combine", "nkChapterScreen"),
        ("nkTool_timeline", "nkTimelineScreen"),
        ("nkTool_figures", "nkFiguresScreen"),
        ("nkTool_people", "nkPeopleScreen"),
        ("nkTool_awards", "nkAwardsScreen"),
        ("nkTool_sources", "nkSourcesScreen"),
    ):
        go(app, finger, entry, screen)
        shown += texts_in(current_screen(app))
        if screen == "nkPeopleScreen":  # a card with two sources open
            finger.tap(here(app, "nkPerson_gerasimenko"))
            assert wait_until(lambda: card_shown(app))
            finger.tap(here(app, "nkItemSourceButton"))
            assert wait_until(lambda: here(app, "nkItemSources").isVisible())
            shown += texts_in(current_screen(app))
            finger.tap(here(app, "nkItemClose"))
        finger.tap(find(app.window, "backButton"))
        assert wait_until(lambda: on_screen(app, "nkHomeScreen"))
    everything = "\n".join(shown).replace("\u00a0", " ")
    assert "Герасименко" in everything and "Где документы расходятся" in everything  # we did read the screens
    assert [f for f in fragments if f in everything] == []
