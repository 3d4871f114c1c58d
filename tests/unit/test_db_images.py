"""The dbimage provider: decodes at the requested size, and a broken picture is a placeholder plus one log line."""

from __future__ import annotations

import logging
import shutil

import pytest
from PySide6.QtCore import QSize

from kiosk.data.curation.images import add_image
from kiosk.data.store.repository import Repository
from kiosk.ui.providers.db_images import DatabaseImageProvider
from kiosk.ui.models.city_images import city_images
from tests.helpers.data import run_sql


@pytest.fixture()
def repo_with_image(fixture_db, tmp_path, jpeg_file):
    db = shutil.copy(fixture_db, tmp_path / "k.sqlite")
    add_image(db, "city", "Ижевск", jpeg_file, caption="Цех", credit="Архив")
    return db


def test_decodes_scaled_to_the_request(qapp, repo_with_image):
    repo = Repository.open(repo_with_image)
    provider = DatabaseImageProvider(lambda: repo)
    image = provider.requestImage("1?stamp", QSize(), QSize(160, 160))
    assert (image.width(), image.height()) == (160, 100)  # 320×200 kept its aspect
    (entry,) = city_images(repo)[3]
    assert entry.caption == "Цех" and entry.source.startswith("image://dbimage/1?")


def test_broken_or_missing_is_a_placeholder_and_one_log_line(qapp, repo_with_image, caplog):
    repo = Repository.open(repo_with_image)  # loaded while good; the bytes break afterwards
    # Images are read from the private snapshot the records came from (kiosk.data.store.snapshot): break it there.
    run_sql(repo._snapshot.path, "UPDATE images SET data = x'FFD8FFE000104A464946' WHERE id = 1")
    provider = DatabaseImageProvider(lambda: repo)
    with caplog.at_level(logging.WARNING, logger="kiosk.images"):
        for _ in range(3):
            image = provider.requestImage("1", QSize(), QSize(200, 150))
            assert (image.width(), image.height()) == (200, 150) and not image.isNull()
        assert provider.requestImage("999", QSize(), QSize(0, 0)).width() == 640
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [
        "image 1 cannot be shown",
        "image 999 cannot be shown",
    ]


def test_the_section_model_gives_chapters_and_items_their_images(qapp, built_db, tmp_path, jpeg_file):
    from kiosk.ui.models.novokuznetsk import Novokuznetsk

    db = shutil.copy(built_db, tmp_path / "k.sqlite")
    add_image(db, "nk_chapter", "combine", jpeg_file, caption="Цех", credit="Архив")
    add_image(db, "nk_chapter", "combine", jpeg_file, caption="Мартен", credit="")
    add_image(db, "nk_person", "chalkov", jpeg_file, caption="Портрет", credit="Музей")
    section = Novokuznetsk()
    section.load(Repository.open(db))
    assert [im.caption for im in section.chapter("combine").images] == ["Цех", "Мартен"]
    (portrait,) = section.card("person:chalkov").images
    assert portrait.credit == "Музей" and portrait.source.startswith("image://dbimage/3?")
    assert section.card("person:cheremnov").images == ()  # another person: none of his
    assert section.card("figure:pig-iron").images == ()  # figures have no images of their own
