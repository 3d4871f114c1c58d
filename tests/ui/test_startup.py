"""Start-up shows the home screen first and puts the rest off (kiosk/ui/services/startup.py); a visitor who taps
before the rest is done must not notice."""

from __future__ import annotations

import pytest

from kiosk.ui.services.startup import StartupService
from tests.helpers.kiosk import on_screen, open_cities, open_keyboard, type_keys
from tests.helpers.qt import Finger, find, maybe, wait_until


@pytest.fixture
def held(monkeypatch):
    """Start-up's queue never starts on its own: the visitor's tap comes first, however fast the machine."""
    monkeypatch.setattr(StartupService, "begin", lambda self: None)


def _cities_word(n: int) -> str:
    """Russian, written out here independently of the kiosk's plural rules: 1 город, 3 города, 70 городов."""
    if n % 10 == 1 and n % 100 != 11:
        return "город"
    return "города" if n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14) else "городов"


def test_home_shows_its_real_counts_before_anything_put_off_is_done(make_kiosk, shell_db, held):
    app = make_kiosk(shell_db, startup_done=False)
    assert not app.startup.property("ready")
    count = len(app.database.repository.cities())
    subtitle = find(app.window, "homeSubtitle").property("text").replace("\u00a0", " ")
    assert subtitle.endswith(f" {count} {_cities_word(count)}"), subtitle
    assert find(app.window, "tileNovokuznetsk").isVisible() == bool(app.database.repository.section())
    assert maybe(app.window, "attractScreen") is None  # made after the first frame
    assert app.city_map.cities.count == 0  # the map's data too


def test_a_tap_on_cities_right_after_start_shows_every_city_and_search_works(make_kiosk, shell_db, held):
    app = make_kiosk(shell_db, startup_done=False)
    assert not app.startup.property("ready")
    finger = Finger(app.window)
    open_cities(app, finger)
    total = len(app.database.repository.cities())
    assert find(app.window, "resultCount").property("text").replace("\u00a0", " ") == f"Всего {total} городов"
    assert app.startup.property("ready")  # leaving home finished what start-up had put off
    assert app.city_map.cities.count > 0
    open_keyboard(app, finger)
    type_keys(app, finger, "К", "А", "З", "А", "Н")
    assert app.catalog.city(app.catalog.ids()[0]).name == "Казань"


def test_after_the_first_frame_the_rest_follows_by_itself(make_kiosk, shell_db):
    app = make_kiosk(shell_db, startup_done=False)
    assert wait_until(lambda: app.startup.property("ready"), 5000)
    assert find(app.window, "attractScreen") is not None
    assert app.city_map.cities.count > 0


def test_a_kiosk_that_starts_on_the_cities_screen_has_it_at_once(make_kiosk, shell_db, held):
    """default_screen = "cities": the first frame is the cities screen, so start-up finishes before it."""
    app = make_kiosk(shell_db, default_screen="cities", startup_done=False)
    assert app.driver.current_name() == "citiesScreen"
    assert app.startup.property("ready")
    total = len(app.database.repository.cities())
    assert find(app.window, "resultCount").property("text").replace("\u00a0", " ") == f"Всего {total} городов"


def test_a_tap_on_novokuznetsk_right_after_start_shows_the_whole_section(make_kiosk, shell_db, held):
    """Home shows the section's tile from the first frame; its records are made after it, or at the tap."""
    app = make_kiosk(shell_db, startup_done=False)
    section = app.database.repository.section()
    assert section, "the shell database has the Novokuznetsk section"
    assert app.novokuznetsk.property("chapters") == []  # put off: not made before the first frame
    finger = Finger(app.window)
    finger.tap(find(app.window, "tileNovokuznetsk"))
    assert wait_until(lambda: on_screen(app, "nkHomeScreen"), 5000)
    assert app.startup.property("ready")
    assert [c.property("id") for c in app.novokuznetsk.property("chapters")] == [c.id for c in section.chapters]
    assert find(app.window, f"nkChapter_{section.chapters[0].id}").isVisible()
