"""English mode tells the story (issue 24), driven by touch on the real data: a city page leads with the
exhibition's English summary and names its memorial's kind in English; the A–Z strip is Latin and jumps by
the Latin name; «tanks» finds the tank-making cities; the Novokuznetsk section's chapter, timeline card and
sources page read in English."""

from __future__ import annotations

import pytest

from kiosk.data.store.repository import Repository
from kiosk.data.text.typography import typeset
from tests.helpers.kiosk import open_cities, open_city, open_keyboard, type_keys
from tests.helpers.qt import Finger, find, find_all, wait_until
from tests.ui.test_cities import grid_still, visible_card_ids
from tests.ui.test_novokuznetsk import card_shown, go, here, visitor_in_section


@pytest.fixture
def english(make_kiosk, shell_db):
    """The real kiosk on the built data, switched to English on Home by a tap, then on the cities screen."""
    app = make_kiosk(shell_db)
    app.finger = Finger(app.window)
    app.finger.tap(find(app.window, "langEn"))
    assert wait_until(lambda: find(app.window, "homeTitle").property("text") == "Cities of Labour Valour")
    open_cities(app, app.finger)
    app.repo = Repository.open(shell_db)
    return app


def test_a_city_page_leads_with_the_english_summary_and_the_memorials_kind_in_english(english):
    samara = english.repo.city(4)
    assert samara.memorial is not None and samara.memorial.kind.lower() == "стела"
    open_city(english, english.finger, 4)
    shown = [typeset(samara.summary_en)]  # as the page sets all text (non-breaking spaces, quotes)
    assert wait_until(lambda: [i.property("text") for i in find_all(english.window, "citySummaryEn")] == shown)
    assert find(english.window, "citySummaryNote").isVisible()  # marked as the exhibition's own English
    assert find(english.window, "russianTextNote").isVisible()  # the Russian text follows, with its note
    kinds = [i for i in find_all(english.window, "memorialKind") if i.isVisible()]
    assert [k.property("text") for k in kinds] == ["Stela"]
    english.finger.tap(find(english.window, "langRu"))
    assert wait_until(lambda: [k.property("text") for k in kinds] == ["Стела"])
    assert not [i for i in find_all(english.window, "citySummaryEn") if i.isVisible()]


def test_the_latin_strip_jumps_by_the_latin_names_first_letter(english):
    strip = find(english.window, "alphabetStrip")
    letters = english.catalog.property("alphabet")
    assert letters and all("A" <= ch <= "Z" for ch in letters), letters  # no Cyrillic in English mode
    assert wait_until(lambda: find(strip, "letter_Y").isVisible())
    grid = find(english.window, "cityGrid")
    assert 33 in visible_card_ids(english)  # Aldan: A–Z by the Latin names
    english.finger.tap(find(strip, "letter_Y"))
    # Yakutsk (51) is the first Y; Russian order files it under Я, at the very end, apart from Yekaterinburg (Е)
    assert wait_until(lambda: grid_still(english) and 51 in visible_card_ids(english))
    assert {2, 11} & visible_card_ids(english)  # Yaroslavl, Yekaterinburg: the Y cities stand together
    assert grid.property("contentY") > grid.property("originY") + 100
    english.finger.tap(find(strip, "letter_C"))
    assert wait_until(lambda: grid_still(english) and 32 in visible_card_ids(english))  # Cheboksary, first C


def test_search_tanks_finds_the_tank_making_cities_first(english):
    hidden = english.repo.disputed_city_ids()
    tank_makers = {c.id for c in english.repo.cities() if "tanks" in c.tags and c.id not in hidden}
    assert len(tank_makers) >= 5
    open_keyboard(english, english.finger)
    type_keys(english, english.finger, "T", "A", "N", "K", "S")
    assert wait_until(lambda: english.catalog.property("query").lower() == "tanks")
    assert wait_until(lambda: set(english.catalog.ids()[: len(tank_makers)]) == tank_makers)
    # and by a word only the English summaries use: «helmets» finds Lysva, the city of the army's helmets
    for _ in range(5):
        english.finger.tap(find(english.window, "key_backspace"))
    type_keys(english, english.finger, "H", "E", "L", "M", "E", "T", "S")
    assert wait_until(lambda: english.catalog.ids()[:1] == [39])


def test_the_section_reads_in_english(make_kiosk, shell_db):
    app, finger = visitor_in_section(make_kiosk, shell_db)
    finger.tap(find(app.window, "langEn"))
    go(app, finger, "nkChapter_combine", "nkChapterScreen")
    assert here(app, "nkScreenTitle").property("text") == "The combine and its armour steel"
    summary = here(app, "nkSummaryEn")
    assert summary.isVisible() and summary.property("text").startswith("Built in a thousand days")
    assert here(app, "nkRussianNote").isVisible()  # the quoted documents follow in Russian
    finger.tap(find(app.window, "langRu"))
    assert wait_until(lambda: here(app, "nkScreenTitle").property("text") == "Комбинат и броневая сталь")
    assert not here(app, "nkSummaryEn").isVisible()


def test_a_timeline_card_reads_in_english(make_kiosk, shell_db):
    app, finger = visitor_in_section(make_kiosk, shell_db)
    finger.tap(find(app.window, "langEn"))
    go(app, finger, "nkTool_timeline", "nkTimelineScreen")
    event = here(app, "nkEvent_first-armour-heat")
    assert wait_until(lambda: find(event, "nkEventTitle").property("text") == "The first heat of armour steel")
    finger.tap(event)
    assert wait_until(lambda: card_shown(app))
    assert here(app, "nkItemTitleEn").property("text") == "The first heat of armour steel"
    assert here(app, "nkItemTitle").property("text") == "Первая плавка броневой стали"  # the Russian stays


def test_the_sources_page_reads_in_english(make_kiosk, shell_db):
    app, finger = visitor_in_section(make_kiosk, shell_db)
    finger.tap(find(app.window, "langEn"))
    go(app, finger, "nkTool_sources", "nkSourcesScreen")
    titles = [t.property("text") for t in find_all(app.window, "nkSeedTitle")]
    assert "A note on the city of Stalinsk (Novokuznetsk) and its combine in the war years" in titles
    assert not [t for t in titles if any("а" <= ch <= "я" for ch in t.lower())], titles
    finger.tap(find(app.window, "langRu"))
    assert wait_until(
        lambda: (
            "Справка о городе Сталинске (Новокузнецке) и комбинате в годы войны"
            in [t.property("text") for t in find_all(app.window, "nkSeedTitle")]
        )
    )


@pytest.mark.parametrize("n, russian, english", [(1, "1 город", "1 city"), (2, "2 города", "2 cities")])
def test_home_counts_the_cities_in_english_as_a_visitor_reads_it(make_kiosk, tmp_path, n, russian, english):
    """«1 city», «2 cities»: the count under Home's title, in English, for a one-city and a two-city database
    (what the screen shows, however the plural is made)."""
    from tests.helpers.fake_data import build_fake_db, fake_cities

    app = make_kiosk(build_fake_db(tmp_path / "kiosk.sqlite", fake_cities(empty_text=False)[:n]))
    finger = Finger(app.window)
    subtitle = find(app.window, "homeSubtitle")

    def shown(item) -> str:  # the interface's typeset text with plain spaces («1\u00a0city» reads «1 city»)
        return item.property("text").replace("\u00a0", " ")

    assert shown(subtitle).endswith(" " + russian), shown(subtitle)
    finger.tap(find(app.window, "langEn"))
    assert wait_until(lambda: find(app.window, "homeTitle").property("text") == "Cities of Labour Valour")
    assert shown(subtitle).endswith(" " + english), shown(subtitle)
    finger.tap(find(app.window, "langRu"))  # Qt's translator is the process's: leave it Russian for the next kiosk
    assert wait_until(lambda: shown(subtitle).endswith(" " + russian))
