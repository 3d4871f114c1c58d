"""Issue 22 item 1 in a real X window (Xvfb 1280×800, windowed and in kiosk mode): the five everyday tasks with
key events alone.

xdotool types on the X server's keyboard, as a school PC's keyboard would; the kiosk runs windowed on xcb
(tests/helpers/kiosk_probe.py) and reports what its screen shows after each step, which the test checks: the
screen on top, the city's name, the search and its result count, and that the keyboard focus is drawn.
"""

from __future__ import annotations

import pytest

from tests.helpers.kiosk_probe import TITLE, ProbedKiosk
from tests.helpers.xsession import XSession, missing_tools

pytestmark = pytest.mark.skipif(bool(missing_tools()), reason=f"needs {' and '.join(missing_tools())}")


@pytest.fixture(params=["windowed", "kiosk"])
def kiosk(request, built_db, tmp_path):
    """Windowed (a school PC) and in kiosk mode (fullscreen on the 1280×800 screen, its lockdown on)."""
    with XSession(1280, 800) as session:
        k = ProbedKiosk(session, built_db, tmp_path, kiosk_mode=request.param == "kiosk")
        try:
            yield k
        finally:
            err = k.close()
        problems = [line for line in err.splitlines() if "Traceback" in line or ".qml:" in line]
        assert problems == [], err


def test_five_everyday_tasks_by_keyboard_alone(kiosk):
    k = kiosk
    # 1. Open a city: Tab to «Города» (after РУС, ENG, Aa), Enter; ↓ into the cities, Enter on the first card.
    k.keys("Tab", "Tab", "Tab", "Tab")
    assert k.focus_on("tileCities"), k.said()
    k.keys("Return")
    assert k.wait(lambda s: s["screen"] == "citiesScreen"), k.said()
    k.keys("Down")
    assert k.wait(lambda s: s["focus"].startswith("cityCard_") and s["ring"]), k.said()
    first = k.state["focus"]
    k.keys("Right")
    assert k.wait(lambda s: s["focus"].startswith("cityCard_") and s["focus"] != first), k.said()
    chosen = k.state["focus_text"]
    k.keys("space")
    assert k.wait(lambda s: s["screen"] == "cityScreen" and s["city"] == chosen), (chosen, k.said())
    k.keys("Next", "Next", "End", "Home")  # PgDn, End, Home scroll the story (no error, the page stays)
    assert k.wait(lambda s: s["screen"] == "cityScreen"), k.said()

    # 2. Go back: Escape returns to the list, the focus on the card that was opened.
    k.keys("Escape")
    assert k.wait(lambda s: s["screen"] == "citiesScreen" and s["focus_text"] == chosen), k.said()

    # 3. Search: letters typed anywhere on the screen go into the search and filter; ↓ Enter opens the city.
    k.type("kazan")
    assert k.wait(lambda s: s["query"] == "kazan" and s["count"].startswith("Найден 1 город")), k.said()
    k.keys("BackSpace", "BackSpace", "BackSpace", "BackSpace", "BackSpace")
    assert k.wait(lambda s: s["query"] == ""), k.said()
    k.type("казань")
    assert k.wait(lambda s: s["query"] == "казань" and s["count"].startswith("Найден 1 город")), k.said()
    k.keys("Down")
    assert k.wait(lambda s: s["focus"].startswith("cityCard_") and s["focus_text"] == "Казань"), k.said()
    k.keys("Return")
    assert k.wait(lambda s: s["screen"] == "cityScreen" and s["city"] == "Казань"), k.said()

    # Escape goes back, never past home: a third Escape leaves the kiosk where it is.
    k.keys("Escape", "Escape", "Escape")
    assert k.wait(lambda s: s["screen"] == "homeScreen" and s["depth"] == 1), k.said()

    # 4. Open «Новокузнецк»: its tile, then the first chapter.
    assert k.tab_to("tileNovokuznetsk"), k.said()
    k.keys("Return")
    assert k.wait(lambda s: s["screen"] == "nkHomeScreen"), k.said()
    k.keys("Tab", "Return")
    assert k.wait(lambda s: s["screen"] == "nkChapterScreen" and s["title"] != ""), k.said()
    k.keys("BackSpace", "BackSpace")  # Backspace goes back as Escape does
    assert k.wait(lambda s: s["screen"] == "homeScreen"), k.said()

    # 5. Open the map; Tab reaches its cities, arrows step through them, Enter opens one.
    assert k.tab_to("tileMap"), k.said()
    k.keys("Return")
    assert k.wait(lambda s: s["screen"] == "mapScreen"), k.said()
    k.keys("Tab")
    assert k.wait(lambda s: s["focus"].startswith("mapCity_")), k.said()
    k.keys("Right")
    assert k.wait(lambda s: s["focus"].startswith("mapCity_")), k.said()
    k.keys("Return")
    assert k.wait(lambda s: s["screen"] == "cityScreen" and s["city"] != ""), k.said()

    # No key combination leaves the kiosk: Escape stops at home, the window stays.
    k.keys("alt+F4", "ctrl+q", "ctrl+w", "Escape", "BackSpace", "Escape", "Escape", "Escape")
    assert k.wait(lambda s: s["screen"] == "homeScreen" and s["depth"] == 1), k.said()
    assert k.proc.poll() is None and k.session.find_window(TITLE, timeout=3)
