"""A city's photographs, driven like a visitor: thumbnails with caption and credit, a tap opens them full screen,
a swipe (touch or mouse drag) or the arrows move between them, «Закрыть» returns; a broken one is a placeholder."""

from __future__ import annotations

import logging

import pytest
from PIL import Image
from PySide6.QtCore import QPointF

from kiosk.data.curation.build import build_database
from kiosk.data.curation.images import add_image
from tests.helpers.kiosk import FIXTURE_SOURCES, visit_city
from tests.helpers.qt import Finger, Mouse, find, wait_until


@pytest.fixture(scope="module")
def gallery_db(tmp_path_factory):
    """The three fixture cities; Ижевск (3) with three generated photographs, the last one broken later."""
    folder = tmp_path_factory.mktemp("gallery")
    db = build_database(FIXTURE_SOURCES, folder / "kiosk.sqlite")
    for i, (size, colour) in enumerate(
        (((1600, 1000), (150, 40, 30)), ((900, 1400), (30, 90, 150)), ((1200, 900), (90, 120, 60)))
    ):
        path = folder / f"p{i}.jpg"
        Image.new("RGB", size, colour).save(path, "JPEG")
        add_image(db, "city", "3", path, caption=f"Снимок {i + 1}", credit=f"Фото: архив, {1942 + i}")
    return db


def shown_index(app) -> int:
    return int(find(app.window, "viewerStrip").property("currentIndex"))


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_thumbnails_open_full_screen_and_swipe_by_touch(make_kiosk, gallery_db, size):
    app = make_kiosk(gallery_db, size=size)
    finger = Finger(app.window)
    visit_city(app, finger, 3)
    gallery = find(app.window, "cityGallery")
    assert gallery.isVisible()
    thumb = find(app.window, "galleryThumb_0")
    assert thumb.height() >= 64 and thumb.width() >= 64
    viewer = find(app.window, "imageViewer")
    assert not viewer.isVisible()
    finger.tap(find(app.window, "galleryThumb_1"))
    assert wait_until(lambda: viewer.isVisible() and viewer.property("opacity") == 1)
    assert shown_index(app) == 1
    assert find(app.window, "viewerCaption_1").property("text") == "Снимок 2"
    assert find(app.window, "viewerCredit_1").property("text") == "Фото: архив, 1943"
    picture = find(app.window, "viewerImage_1")  # decoded at the size shown (the dbimage provider)
    assert wait_until(lambda: picture.property("progress") == 1.0 and picture.property("paintedWidth") > 0)
    strip = find(app.window, "viewerStrip")
    right = strip.mapToScene(QPointF(strip.width() * 0.85, strip.height() / 2))
    finger.swipe(right, -size[0] * 0.6)  # to the next picture (past half: snaps forward however slow the machine)
    assert wait_until(lambda: shown_index(app) == 2 and not strip.property("moving"))
    finger.swipe(right, -size[0] * 0.6)  # the last one: stays
    assert wait_until(lambda: not strip.property("moving")) and shown_index(app) == 2
    assert find(app.window, "cityName").property("text") == "Ижевск"  # not the next city
    finger.tap(find(app.window, "viewerPrevious"))
    assert wait_until(lambda: shown_index(app) == 1)
    assert find(app.window, "viewerPosition").property("text").replace("\u00a0", " ") == "2 из 3"
    finger.tap(find(app.window, "viewerClose"))
    assert wait_until(lambda: not viewer.isVisible())
    assert app.driver.current_name() == "cityScreen" and find(app.window, "cityName").property("text") == "Ижевск"


def open_viewer_by_mouse(make_kiosk, gallery_db):
    app = make_kiosk(gallery_db)
    visit_city(app, Finger(app.window), 3)
    reading_y = find(app.window, "cityText").property("contentY")
    Mouse(app.window).click(find(app.window, "galleryThumb_0"))
    viewer = find(app.window, "imageViewer")
    assert wait_until(lambda: viewer.property("opacity") == 1)
    return app, reading_y


def test_mouse_clicks_and_wheel_stay_in_the_viewer(make_kiosk, gallery_db):
    app, reading_y = open_viewer_by_mouse(make_kiosk, gallery_db)
    mouse = Mouse(app.window)
    mouse.click(find(app.window, "viewerNext"))
    assert wait_until(lambda: shown_index(app) == 1)
    mouse.wheel(find(app.window, "viewerStrip"), -3)  # the page under the viewer does not scroll
    assert find(app.window, "cityText").property("contentY") == reading_y
    assert find(app.window, "cityName").property("text") == "Ижевск"
    mouse.click(find(app.window, "viewerClose"))
    assert wait_until(lambda: not find(app.window, "imageViewer").isVisible())


def test_mouse_drag_moves_between_pictures(make_kiosk, gallery_db):
    app = make_kiosk(gallery_db)
    finger = Finger(app.window)
    visit_city(app, finger, 3)
    finger.tap(find(app.window, "galleryThumb_0"))
    assert wait_until(lambda: find(app.window, "imageViewer").property("opacity") == 1)
    strip = find(app.window, "viewerStrip")
    mouse = Mouse(app.window)
    mouse.wheel(strip, -2)  # a wheel first (school mode): the drag after it still moves the pictures
    assert shown_index(app) == 0
    # Past half the picture: it snaps forward however slow the machine.
    mouse.drag(strip.mapToScene(QPointF(strip.width() * 0.85, strip.height() / 2)), -strip.width() * 0.6, 0)
    assert wait_until(lambda: shown_index(app) == 1 and not strip.property("moving"))
    assert find(app.window, "cityName").property("text") == "Ижевск"  # the city swipe stayed off


def test_a_broken_picture_is_a_placeholder_and_one_log_line(make_kiosk, gallery_db, caplog, monkeypatch):
    app = make_kiosk(gallery_db, watch=False)
    real = app.database.repository.image_data
    # Bytes that passed validate but do not decode (a bad sector, a buggy writer): only picture 3 is hit.
    monkeypatch.setattr(
        app.database.repository,
        "image_data",
        lambda image_id: b"\xff\xd8\xff\xe0 broken" if image_id == 3 else real(image_id),
    )
    finger = Finger(app.window)
    visit_city(app, finger, 3)
    with caplog.at_level(logging.WARNING, logger="kiosk.images"):
        finger.tap(find(app.window, "galleryThumb_2"))
        picture = find(app.window, "viewerImage_2")
        assert wait_until(lambda: picture.property("progress") == 1.0 and picture.property("paintedWidth") > 0)
        finger.tap(find(app.window, "viewerPrevious"))
        finger.tap(find(app.window, "viewerNext"))  # shown again: still no second line
        assert wait_until(lambda: shown_index(app) == 2)
    lines = [r.getMessage().split(":")[0] for r in caplog.records if r.name in ("kiosk.images", "kiosk.qt")]
    assert lines == ["image 3 cannot be shown"]
    assert find(app.window, "viewerCaption_2").property("text") == "Снимок 3"


def test_cities_without_photographs_show_no_gallery(make_kiosk, gallery_db):
    app = make_kiosk(gallery_db)
    finger = Finger(app.window)
    visit_city(app, finger, 1)
    assert not find(app.window, "cityGallery").isVisible()
