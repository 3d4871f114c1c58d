"""Shared test setup. Qt runs offscreen with the software scene graph: there is no screen here.

`tests` is a package (tests/__init__.py), so pytest puts the checkout on sys.path and tests import their shared
helpers as `tests.helpers.…`; fixtures live there too and the conftest files only name them.
"""

from __future__ import annotations

import os
from pathlib import Path

# Must be set before anything imports Qt.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_QUICK_BACKEND"] = "software"
os.environ.setdefault("QT_QUICK_CONTROLS_STYLE", "Basic")
# No kiosk a test starts (in this process or a child) talks to, or spawns, the machine's speech-dispatcher:
# read-aloud's tests use Qt's mock engine, and the one real-engine test lifts this (tests/ui/test_read_aloud.py).
os.environ["SPEECHD_ADDRESS"] = "unix_socket:/nonexistent/kiosk-tests/speechd.sock"

import pytest

ROOT = Path(__file__).resolve().parents[1]

BUNDLED_DB = ROOT / "db" / "kiosk.sqlite"


@pytest.fixture(autouse=True)
def private_state_dir(tmp_path, monkeypatch):
    """Each test keeps its state (PIN lock-out count, default log) in its own folder, never the user's."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture(scope="session")
def qapp_cls():
    """The kiosk is a QGuiApplication (no widgets). One class for the whole session: a test process that
    first made a QCoreApplication would crash later in QFontDatabase, so no test makes its own."""
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """The database built from db/sources (`make test` builds db/kiosk.sqlite first)."""
    if BUNDLED_DB.exists():
        return BUNDLED_DB
    from kiosk.data.curation.build import build_database

    out = tmp_path_factory.mktemp("db") / "kiosk.sqlite"
    build_database(ROOT / "db" / "sources", out)
    return out
