"""РУС / ENG and «Aa» in the real shell, driven by touch: the screen retranslates in place, the visitor's place
(screen, query, ticks, scroll) stays, and the idle reset brings back Russian and the normal text size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtTest import QTest

from tests.helpers.kiosk import bring_into_view, open_cities, open_city, open_keyboard, settled, type_keys
from tests.helpers.qt import Finger, find, find_all, maybe, wait_until, walk
from tests.ui.test_novokuznetsk import overlaps, rect


@pytest.fixture
def kiosk(make_kiosk, fake_db):
    app = make_kiosk(fake_db)
    app.finger = Finger(app.window)
    return app


def test_english_on_home_then_the_visit_goes_on_in_english(kiosk):
    finger = kiosk.finger
    assert find(kiosk.window, "homeTitle").property("text") == "Города трудовой доблести"
    finger.tap(find(kiosk.window, "langEn"))
    assert wait_until(lambda: find(kiosk.window, "homeTitle").property("text") == "Cities of Labour Valour")
    assert "14 cities" in find(kiosk.window, "homeSubtitle").property("text").replace("\u00a0", " ")
    open_cities(kiosk, finger)
    assert find(kiosk.window, "resultCount").property("text").replace("\u00a0", " ") == "14 cities in all"
    assert find(kiosk.window, "homeButton").property("text") == "Home"
    assert find(kiosk.window, "topLanguageBar").isVisible()
    # Content stays Russian; English shows what exists in English: tag labels, districts, Latin names.
    assert kiosk.catalog.districts.items()[5]["label"] == "Urals"
    open_city(kiosk, finger, 4)
    assert find(kiosk.window, "cityName").property("text") == "Казань"  # the name as the source gives it…
    assert find(kiosk.window, "cityNameLatin").property("text") == "Kazan"  # …with its Latin spelling beside
    assert find(kiosk.window, "russianTextNote").isVisible()


def test_a_curators_english_summary_shows_in_english_only(make_kiosk, tmp_path):
    """cities.summary_en, written in the sources, goes through the build to the city page in English mode."""
    import dataclasses

    from tests.helpers.fake_data import build_fake_db, fake_cities

    summary = "Kazan built aircraft engines and bombers for the front."
    cities = [dataclasses.replace(c, summary_en=summary) if c.id == 4 else c for c in fake_cities(empty_text=False)]
    app = make_kiosk(build_fake_db(tmp_path / "kiosk.sqlite", cities))
    finger = Finger(app.window)
    open_cities(app, finger)
    open_city(app, finger, 4)
    assert not [i for i in find_all(app.window, "citySummaryEn") if i.isVisible()]
    finger.tap(find(app.window, "langEn"))
    assert wait_until(lambda: [i.property("text") for i in find_all(app.window, "citySummaryEn")] == [summary])
    assert find(app.window, "russianTextNote").isVisible()  # the Russian source text still follows


def test_switching_mid_visit_keeps_the_place(kiosk):
    finger = kiosk.finger
    open_cities(kiosk, finger)
    count = find(kiosk.window, "resultCount")
    finger.tap(find(kiosk.window, "facetYear_2020"))
    assert count.property("text").replace("\u00a0", " ") == "Найдено 4 города из 14"
    ural = find(kiosk.window, "facetDistrict_5")
    bring_into_view(finger, ural, find(kiosk.window, "facetPanel"))
    finger.tap(ural)
    assert wait_until(lambda: count.property("text").replace("\u00a0", " ") == "Найдено 2 города из 14")
    summary = find(kiosk.window, "filterSummary")
    assert summary.property("text") == "2020 · Уральский"

    finger.tap(find(kiosk.window, "langEn"))
    assert wait_until(lambda: count.property("text").replace("\u00a0", " ") == "2 cities found of 14")
    assert summary.property("text") == "2020 · Urals"
    assert kiosk.driver.current_name() == "citiesScreen" and kiosk.driver.depth() == 2
    assert find(kiosk.window, "facetYear_2020").property("checked")

    finger.tap(find(kiosk.window, "langRu"))
    assert wait_until(lambda: count.property("text").replace("\u00a0", " ") == "Найдено 2 города из 14")
    assert summary.property("text") == "2020 · Уральский"


def test_switching_on_a_city_page_keeps_the_page_and_the_query(kiosk):
    finger = kiosk.finger
    open_cities(kiosk, finger)
    open_keyboard(kiosk, finger)
    type_keys(kiosk, finger, "К", "А", "З")
    assert wait_until(lambda: kiosk.catalog.property("query") == "Каз")  # as typed
    open_city(kiosk, finger, 4)
    finger.tap(find(kiosk.window, "langEn"))
    assert wait_until(lambda: find(kiosk.window, "backButton").property("text") == "Back")
    assert kiosk.driver.current_name() == "cityScreen" and kiosk.driver.depth() == 3
    assert find(kiosk.window, "cityName").property("text") == "Казань"
    finger.tap(find(kiosk.window, "backButton"))
    assert wait_until(lambda: kiosk.driver.current_name() == "citiesScreen" and settled(kiosk))
    assert kiosk.catalog.property("query") == "Каз"


def test_english_keyboard_starts_latin_and_search_finds_latin_names(kiosk):
    finger = kiosk.finger
    finger.tap(find(kiosk.window, "langEn"))
    open_cities(kiosk, finger)
    open_keyboard(kiosk, finger)
    type_keys(kiosk, finger, "K", "A", "Z", "A", "N")
    assert wait_until(lambda: kiosk.catalog.ids() == [4])


def test_larger_text_grows_the_text_and_not_the_controls(kiosk):
    finger = kiosk.finger
    quote = find(kiosk.window, "homeQuote")
    normal = quote.property("font").pixelSize()
    button = find(kiosk.window, "largeText")
    height = button.height()
    finger.tap(button)
    caption = find(kiosk.window, "tileCaption")
    assert wait_until(lambda: caption.property("font").pixelSize() == round(28 * 1.3))
    assert quote.property("font").pixelSize() >= normal  # it grows as far as the room allows, never shrinks
    assert button.height() == height and button.property("checked")


def test_idle_reset_restores_russian_and_normal_text(make_kiosk, fake_db):
    # Nobody answers «Are you still there?»: asked 4 s after the last touch (well after this visit's quick
    # taps), it counts down 1 s and resets.
    kiosk = make_kiosk(fake_db, idle_timeout=4, idle_countdown=1)
    finger = Finger(kiosk.window)
    quote = find(kiosk.window, "homeQuote")
    normal = quote.property("font").pixelSize()
    finger.tap(find(kiosk.window, "langEn"))
    finger.tap(find(kiosk.window, "largeText"))
    open_cities(kiosk, finger)
    finger.tap(find(kiosk.window, "largeText"))  # the top bar's own control: back to normal…
    assert wait_until(lambda: not kiosk.language.property("large"))
    finger.tap(find(kiosk.window, "largeText"))  # …and large again
    assert wait_until(lambda: kiosk.language.property("large"))
    assert wait_until(lambda: kiosk.idle.asking, 8000)
    assert wait_until(lambda: kiosk.driver.current_name() == "homeScreen", 4000)
    title = find(kiosk.window, "homeTitle")
    assert wait_until(lambda: title.property("text") == "Города трудовой доблести")
    assert find(kiosk.window, "homeQuote").property("font").pixelSize() == normal
    assert not find(kiosk.window, "langEn").property("checked")


@pytest.mark.parametrize(
    "size", [(1920, 1080), (1080, 1920), (3840, 2160), (1280, 800)], ids=lambda s: f"{s[0]}x{s[1]}"
)
def test_home_fits_in_english_and_larger_text(make_kiosk, shell_db, size):
    """With «Aa» (and in English) the home, with all its tiles, still has nothing cut, off the screen or under a
    tile."""
    app = make_kiosk(shell_db, size=size, windowed=size == (1280, 800))
    finger = Finger(app.window)
    finger.tap(find(app.window, "largeText"))
    for language in ("langRu", "langEn"):
        finger.tap(find(app.window, language))
        QTest.qWait(50)
        w, h = app.window.width(), app.window.height()
        texts = [find(app.window, n) for n in ("homeKicker", "homeTitle", "homeSubtitle", "homeQuote")]
        names = ("tileCities", "tileNovokuznetsk", "tileMap", "tileQuiz")
        tiles = [t for t in (find(app.window, n) for n in names) if t.isVisible()]
        bar = find(app.window, "homeLanguageBar")
        assert len(tiles) == 4
        for item in [*texts, *tiles, bar]:
            x0, y0, x1, y1 = rect(item)
            assert x0 >= 0 and y0 >= 0 and x1 <= w and y1 <= h, f"{item.objectName()} leaves the window"
        for text in texts:
            assert not text.property("truncated"), f"{language}: {text.objectName()} is cut"
            assert text.property("contentHeight") <= text.height() * 1.1, f"{language}: {text.objectName()} overflows"
            for other in [*tiles, bar]:
                assert not overlaps(rect(text), rect(other)), f"{other.objectName()} over {text.objectName()}"
        for tile in tiles:
            parts = ("tileTitle",) if tile.objectName() == "tileQuiz" else ("tileTitle", "tileCaption")  # slim tile
            for part in parts:
                assert not find(tile, part).property("truncated"), f"{language}: {tile.objectName()}: {part} is cut"
            inner = find(tile, parts[-1])
            assert rect(tile)[1] <= rect(inner)[1] and rect(inner)[3] <= rect(tile)[3], (
                f"{language}: {tile.objectName()}: {parts[-1]} runs out"
            )


def test_the_section_says_its_documents_are_in_russian(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    finger.tap(find(app.window, "langEn"))
    finger.tap(find(app.window, "tileNovokuznetsk"))
    assert wait_until(lambda: app.driver.current_name() == "nkHomeScreen" and settled(app))
    assert find(app.window, "nkScreenTitle").property("text") == "Novokuznetsk, then called Stalinsk"
    assert find(app.window, "nkRussianNote").isVisible()
    finger.tap(find(app.window, "langRu"))
    assert wait_until(lambda: not find(app.window, "nkRussianNote").isVisible())


def test_timeline_dates_follow_english_in_place(make_kiosk, shell_db):
    """The timeline's dates and an event's card switch to English without the strip losing its scroll."""
    from tests.ui.test_novokuznetsk import card_shown, go, here, visitor_in_section

    app, finger = visitor_in_section(make_kiosk, shell_db)
    go(app, finger, "nkTool_timeline", "nkTimelineScreen")
    strip = here(app, "nkTimelineStrip")
    date = find(here(app, "nkEvent_first-armour-heat"), "nkEventDate")
    assert date.property("text").replace("\u00a0", " ") == "26 июля 1941 г."  # the seeds' form (models/dates.py)
    middle = strip.mapToScene(QPointF(strip.width() / 2, strip.height() / 2))
    finger.drag((middle.x(), middle.y()), -300, 0)
    assert wait_until(lambda: strip.property("contentX") > 100 and not strip.property("moving"))
    scrolled = strip.property("contentX")
    finger.tap(find(app.window, "langEn"))
    assert wait_until(lambda: date.property("text") == "26 July 1941")
    assert strip.property("contentX") == scrolled and app.driver.current_name() == "nkTimelineScreen"
    finger.tap(here(app, "nkEvent_first-armour-heat"))
    assert wait_until(lambda: card_shown(app))
    assert here(app, "nkItemSubtitle").property("text") == "26 July 1941"


def test_figures_use_english_number_format(make_kiosk, shell_db):
    """«6 173,4» (the stored value, shown in Russian) reads «6,173.4» in English, counted up or not."""
    from tests.ui.test_novokuznetsk import go, here, visitor_in_section

    app, finger = visitor_in_section(make_kiosk, shell_db)
    go(app, finger, "nkTool_figures", "nkFiguresScreen")
    cell = here(app, "nkFigure_pig-iron")
    value = find(cell, "nkFigureValue")
    assert wait_until(lambda: not cell.property("counting") and value.property("text") == "6 173,4", 5000)
    finger.tap(find(app.window, "langEn"))
    assert wait_until(lambda: value.property("text") == "6,173.4")
    assert app.driver.current_name() == "nkFiguresScreen"


def test_map_names_turn_latin_in_english_and_the_view_stays(make_kiosk, shell_db):
    """English labels are the Latin names, laid out for their own widths (no overlap, none cut), the zoom is
    kept, and the chooser of a crowded touch lists the Latin names too."""
    import itertools

    from tests.ui.test_map import EKATERINBURG, PYSHMA, dot, names_on_screen, open_map, wheel

    app, finger, view = open_map(make_kiosk, shell_db)
    wheel(app, dot(app, EKATERINBURG), 2)
    zoom = view.property("zoom")
    assert zoom > 1.0 and {"Омск", "Самара"} <= set(names_on_screen(app, view))
    finger.tap(find(app.window, "langEn"))
    assert wait_until(lambda: {"Omsk", "Samara"} <= set(names_on_screen(app, view)))
    assert view.property("zoom") == zoom and app.driver.current_name() == "mapScreen"
    names = names_on_screen(app, view)
    assert len(names) >= 10 and not any(any("а" <= ch <= "я" for ch in n.lower()) for n in names)
    for (a, ra), (b, rb) in itertools.combinations(names.items(), 2):
        apart = ra[0] + ra[2] <= rb[0] or rb[0] + rb[2] <= ra[0] or ra[1] + ra[3] <= rb[1] or rb[1] + rb[3] <= ra[1]
        assert apart, (a, b)
    for node in walk(view):  # each box is as wide as its Latin name needs: nothing cut
        if node.objectName().startswith("mapName_") and node.isVisible() and node.parentItem().isVisible():
            assert node.property("implicitWidth") <= node.width() + 0.5, node.property("text")
    wheel(app, dot(app, EKATERINBURG), -2)
    assert wait_until(lambda: view.property("zoom") == 1.0)
    finger.tap(dot(app, EKATERINBURG))
    assert wait_until(
        lambda: find(app.window, "mapChooser").isVisible() and maybe(app.window, f"mapChoice_{PYSHMA}") is not None
    )
    assert find(app.window, f"mapChoice_{PYSHMA}").property("text") == "Verkhnyaya Pyshma"
