"""The Novokuznetsk section's images, driven like a visitor: a chapter's images under its heading and an item
card's images (person, event), caption and credit, a tap opens them full screen in the same viewer as a city's
photographs, a swipe (touch or mouse drag) moves between them, «Закрыть» returns; a broken one is a placeholder.

The shipped database has no images (the sources have none): these are generated (Pillow) and added with the
real `kiosk-db add-image --owner …` to a copy of the built database."""

from __future__ import annotations

import logging
import shutil

import pytest
from PIL import Image
from PySide6.QtCore import QPointF

from kiosk.cli import kiosk_db_main
from tests.helpers.kiosk import bring_into_view, on_screen
from tests.helpers.qt import Finger, Mouse, find, wait_until
from tests.ui.test_novokuznetsk import card_shown, go, here, open_section, visitor_in_section

# owner, picture size, colour, file format
PICTURES = (
    ("nk_chapter:combine", (1600, 1000), (150, 40, 30), "JPEG"),
    ("nk_chapter:combine", (900, 1400), (30, 90, 150), "PNG"),
    ("nk_person:chalkov", (1000, 1300), (90, 120, 60), "JPEG"),
    ("nk_event:first-armour-heat", (1400, 900), (120, 100, 40), "PNG"),
)


@pytest.fixture(scope="module")
def nk_images_db(shell_db, tmp_path_factory):
    """A copy of the built database with generated images for a chapter, a person and an event (ids 1…4)."""
    folder = tmp_path_factory.mktemp("nk-images")
    db = folder / "kiosk.sqlite"
    shutil.copyfile(shell_db, db)
    for i, (owner, size, colour, fmt) in enumerate(PICTURES):
        path = folder / f"p{i}.{fmt.lower()}"
        Image.new("RGB", size, colour).save(path, fmt)
        assert (
            kiosk_db_main(
                [
                    "add-image",
                    str(db),
                    "--owner",
                    owner,
                    "--file",
                    str(path),
                    "--caption",
                    f"Снимок {i + 1}",
                    "--credit",
                    f"Фото: архив, {1941 + i}",
                ]
            )
            == 0
        )
    return db


def shown_index(viewer) -> int:
    return int(find(viewer, "viewerStrip").property("currentIndex"))


def open_chapter(make_kiosk, db, **settings):
    app, finger = visitor_in_section(make_kiosk, db, **settings)
    go(app, finger, "nkChapter_combine", "nkChapterScreen")
    return app, finger


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)], ids=["landscape", "portrait"])
def test_chapter_images_open_full_screen_swipe_by_touch_and_mouse(make_kiosk, nk_images_db, size):
    app, finger = open_chapter(make_kiosk, nk_images_db, size=size)
    gallery = here(app, "nkChapterGallery")
    assert gallery.isVisible() and gallery.property("count") == 2
    top = gallery.mapToScene(QPointF(0, 0)).y()  # on arrival, whole under the heading: not below the shell's bar
    assert top >= find(app.window, "topBar").height() and top + gallery.height() <= size[1]
    thumb = find(gallery, "galleryThumb_1")
    assert thumb.width() >= 64 and thumb.height() >= 64
    viewer = here(app, "nkChapterViewer")
    assert not viewer.isVisible()
    finger.tap(thumb)
    assert wait_until(lambda: viewer.isVisible() and viewer.property("opacity") == 1)
    assert shown_index(viewer) == 1
    assert find(viewer, "viewerCaption_1").property("text") == "Снимок 2"
    assert find(viewer, "viewerCredit_1").property("text") == "Фото: архив, 1942"
    picture = find(viewer, "viewerImage_1")
    assert wait_until(lambda: picture.property("progress") == 1.0 and picture.property("paintedWidth") > 0)
    strip = find(viewer, "viewerStrip")
    left = strip.mapToScene(QPointF(strip.width() * 0.15, strip.height() / 2))
    finger.swipe(left, size[0] * 0.6)  # back to the first picture (past half: snaps however slow the machine)
    assert wait_until(lambda: shown_index(viewer) == 0 and not strip.property("moving"))
    right = strip.mapToScene(QPointF(strip.width() * 0.85, strip.height() / 2))
    Mouse(app.window).drag(right, -strip.width() * 0.6, 0)  # a school PC's mouse: on to the second
    assert wait_until(lambda: shown_index(viewer) == 1 and not strip.property("moving"))
    assert find(viewer, "viewerPosition").property("text").replace("\u00a0", " ") == "2 из 2"
    finger.tap(find(viewer, "viewerClose"))
    assert wait_until(lambda: not viewer.isVisible())
    assert on_screen(app, "nkChapterScreen")


def test_item_cards_show_their_images(make_kiosk, nk_images_db):
    app, finger = visitor_in_section(make_kiosk, nk_images_db)
    go(app, finger, "nkTool_people", "nkPeopleScreen")
    finger.tap(here(app, "nkPerson_chalkov"))
    assert wait_until(lambda: card_shown(app))
    gallery = here(app, "nkItemGallery")
    assert gallery.isVisible() and gallery.property("count") == 1
    finger.tap(find(gallery, "galleryThumb_0"))
    viewer = here(app, "nkItemViewer")
    assert wait_until(lambda: viewer.isVisible() and viewer.property("opacity") == 1)
    assert find(viewer, "viewerCaption_0").property("text") == "Снимок 3"
    assert not find(viewer, "viewerPrevious").isVisible()  # one picture: no arrows
    finger.tap(find(viewer, "viewerClose"))
    assert wait_until(lambda: not viewer.isVisible())
    assert card_shown(app)  # back on the card, which the visitor closes
    finger.tap(here(app, "nkItemClose"))
    assert wait_until(lambda: not here(app, "nkItemCard").isVisible())
    other = here(app, "nkPerson_cheremnov")  # a person without images: no gallery
    bring_into_view(finger, other, here(app, "nkPeopleGrid"))
    finger.tap(other)
    assert wait_until(lambda: card_shown(app))
    assert not here(app, "nkItemGallery").isVisible()


def test_an_event_card_shows_its_image(make_kiosk, nk_images_db):
    app, finger = visitor_in_section(make_kiosk, nk_images_db)
    go(app, finger, "nkTool_timeline", "nkTimelineScreen")
    finger.tap(here(app, "nkEvent_first-armour-heat"))
    assert wait_until(lambda: card_shown(app))
    gallery = here(app, "nkItemGallery")
    assert gallery.isVisible()
    finger.tap(find(gallery, "galleryThumb_0"))
    viewer = here(app, "nkItemViewer")
    assert wait_until(lambda: viewer.property("opacity") == 1)
    assert find(viewer, "viewerCaption_0").property("text") == "Снимок 4"


def test_a_broken_chapter_image_is_a_placeholder_and_one_log_line(make_kiosk, nk_images_db, caplog, monkeypatch):
    app = make_kiosk(nk_images_db, watch=False)
    real = app.database.repository.image_data
    # Bytes that passed validate but do not decode: only the chapter's first image (id 1) is hit.
    monkeypatch.setattr(
        app.database.repository, "image_data", lambda image_id: b"\x89PNG broken" if image_id == 1 else real(image_id)
    )
    finger = Finger(app.window)
    with caplog.at_level(logging.WARNING, logger="kiosk.images"):
        open_section(app, finger)
        go(app, finger, "nkChapter_combine", "nkChapterScreen")
        finger.tap(find(here(app, "nkChapterGallery"), "galleryThumb_0"))
        viewer = here(app, "nkChapterViewer")
        picture = find(viewer, "viewerImage_0")
        assert wait_until(lambda: picture.property("progress") == 1.0 and picture.property("paintedWidth") > 0)
        finger.tap(find(viewer, "viewerNext"))
        finger.tap(find(viewer, "viewerPrevious"))  # shown again: still no second line
        assert wait_until(lambda: shown_index(viewer) == 0)
    lines = [r.getMessage().split(":")[0] for r in caplog.records if r.name in ("kiosk.images", "kiosk.qt")]
    assert lines == ["image 1 cannot be shown"]
    assert find(viewer, "viewerCaption_0").property("text") == "Снимок 1"
