"""Navigation that does what it looks like it does, by touch: «Назад» closes the topmost thing first (a picture
full screen, an item card), then goes back one screen; chapters lead onward and back to the section in one
«Назад»; on a city page the tag pills, the year badge and the small map do what they look like they do."""

from __future__ import annotations

from tests.helpers.kiosk import bring_into_view, current_screen, on_screen, visit_city
from tests.helpers.qt import Finger, find, maybe, wait_until
from tests.ui.test_city_gallery import gallery_db  # noqa: F401 — fixture
from tests.ui.test_novokuznetsk import card_shown, go, here, visitor_in_section


def back(app, finger):
    finger.tap(find(app.window, "backButton"))


def test_back_closes_the_photo_viewer_before_leaving_the_city(make_kiosk, gallery_db):  # noqa: F811 — pytest passes the fixture imported above
    app = make_kiosk(gallery_db)
    finger = Finger(app.window)
    visit_city(app, finger, 3)
    viewer = find(app.window, "imageViewer")
    finger.tap(find(app.window, "galleryThumb_0"))
    assert wait_until(lambda: viewer.property("opacity") == 1)
    back(app, finger)
    assert wait_until(lambda: not viewer.isVisible())
    assert on_screen(app, "cityScreen")  # still on the city page
    back(app, finger)
    assert wait_until(lambda: on_screen(app, "citiesScreen"))


def test_back_closes_an_item_card_before_leaving_the_screen(make_kiosk, shell_db):
    app, finger = visitor_in_section(make_kiosk, shell_db)
    go(app, finger, "nkTool_people", "nkPeopleScreen")
    finger.tap(here(app, "nkPerson_chalkov"))
    assert wait_until(lambda: card_shown(app))
    back(app, finger)
    assert wait_until(lambda: not here(app, "nkItemCard").isVisible())
    assert on_screen(app, "nkPeopleScreen")
    back(app, finger)
    assert wait_until(lambda: on_screen(app, "nkHomeScreen"))


def test_chapters_lead_onward_and_back_to_the_section_in_one_step(make_kiosk, shell_db):
    app, finger = visitor_in_section(make_kiosk, shell_db)
    chapters = app.novokuznetsk.property("chapters")
    go(app, finger, f"nkChapter_{chapters[0].property('id')}", "nkChapterScreen")
    for chapter in chapters[1:]:  # «Дальше» to the end
        entry = here(app, "nkNextChapter")
        bring_into_view(finger, entry, here(app, "nkChapterText"))
        finger.tap(entry)
        assert wait_until(
            lambda c=chapter: (
                on_screen(app, "nkChapterScreen") and current_screen(app).property("chapterId") == c.property("id")
            )
        )
    assert maybe(current_screen(app), "nkNextChapter") is None
    depth = app.driver.depth()
    back(app, finger)  # one «Назад» from the last chapter: the section's contents
    assert wait_until(lambda: on_screen(app, "nkHomeScreen"))
    assert app.driver.depth() == depth - 1
    go(app, finger, f"nkChapter_{chapters[-1].property('id')}", "nkChapterScreen")
    entry = here(app, "nkBackToSection")  # the last chapter leads back too
    bring_into_view(finger, entry, here(app, "nkChapterText"))
    finger.tap(entry)
    assert wait_until(lambda: on_screen(app, "nkHomeScreen"))


def test_what_looks_tappable_on_a_city_page_is(make_kiosk, fake_db):
    app = make_kiosk(fake_db)
    finger = Finger(app.window)
    city = next(c for c in app.database.repository.cities() if c.tags and c.lat is not None)
    visit_city(app, finger, city.id)
    pill = find(current_screen(app), f"cityTag_{city.tags[0]}")
    bring_into_view(finger, pill, find(current_screen(app), "cityText"))
    finger.tap(pill)  # the cities with this contribution
    assert wait_until(lambda: on_screen(app, "citiesScreen"))
    assert 0 < app.catalog.property("count") < app.catalog.property("total")
    back(app, finger)
    assert wait_until(lambda: on_screen(app, "cityScreen"))
    finger.tap(find(current_screen(app), "cityYear"))  # the cities of that year
    assert wait_until(lambda: on_screen(app, "citiesScreen"))
    same_year = [c for c in app.database.repository.cities() if c.year == city.year]
    assert 0 < len(same_year) < app.catalog.property("total")  # the fake cities span several years
    assert app.catalog.property("count") == len(same_year)
    back(app, finger)
    assert wait_until(lambda: on_screen(app, "cityScreen"))
    locator = find(current_screen(app), "cityLocator")
    bring_into_view(finger, locator, find(current_screen(app), "cityText"))
    finger.tap(locator)  # the map, on this city
    assert wait_until(lambda: on_screen(app, "mapScreen"))
    assert current_screen(app).property("focused")
