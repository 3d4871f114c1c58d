"""What the typographic pass promises, on screen: dates keep with their year, and the map's playback never says
«в 2020–2020 годах»."""

from __future__ import annotations

from tests.helpers.qt import find, wait_until
from tests.ui.test_map import open_map
from tests.ui.test_novokuznetsk import go, here, visitor_in_section

NBSP = "\u00a0"


def test_dates_never_break_from_their_year(make_kiosk, shell_db):
    app, finger = visitor_in_section(make_kiosk, shell_db)
    go(app, finger, "nkTool_timeline", "nkTimelineScreen")
    date = find(here(app, "nkEvent_first-armour-heat"), "nkEventDate").property("text")
    assert date == f"26{NBSP}июля{NBSP}1941{NBSP}г."


def test_the_map_playback_names_one_year_as_one_year(make_kiosk, shell_db):
    app, finger, _view = open_map(make_kiosk, shell_db)
    first = min(c.year for c in app.database.repository.cities())
    finger.tap(find(app.window, f"mapYear_{first}"))
    label = find(app.window, "mapShownCount")
    assert wait_until(
        lambda: f"{first}{NBSP}году" in label.property("text") or f"{first} году" in label.property("text")
    )
    assert f"{first}–{first}" not in label.property("text")
