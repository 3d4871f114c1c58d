"""Fixtures for the data-layer tests: small TOML sources in the real shape, and databases built from them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.data.curation.build import build_database

FIXTURE_SOURCES = Path(__file__).parent / "fixtures" / "sources"


@pytest.fixture(scope="session")
def fixture_sources() -> Path:
    return FIXTURE_SOURCES


@pytest.fixture()
def sources_copy(tmp_path) -> Path:
    """An editable copy of the fixture sources."""
    return Path(shutil.copytree(FIXTURE_SOURCES, tmp_path / "sources"))


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory) -> Path:
    """A good database built from the fixture sources. Do not modify: use `db_copy`."""
    return build_database(FIXTURE_SOURCES, tmp_path_factory.mktemp("built") / "kiosk.sqlite")


@pytest.fixture()
def db_copy(fixture_db, tmp_path) -> Path:
    return Path(shutil.copy(fixture_db, tmp_path / "copy.sqlite"))


@pytest.fixture()
def jpeg_file(tmp_path) -> Path:
    """A small generated photograph (tests never ship real ones)."""
    from PIL import Image

    path = tmp_path / "photo.jpg"
    Image.new("RGB", (320, 200), (150, 40, 30)).save(path, "JPEG")
    return path
