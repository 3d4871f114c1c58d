"""Where config and database are found: explicit option, beside the executable, the user's and the machine's
config folders (platformdirs' conventions, through QStandardPaths), then the bundled default; and where the log goes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kiosk.ui.platform import locations
from kiosk.ui.config import load_config


@pytest.fixture
def places(tmp_path, monkeypatch):
    """A frozen kiosk in tmp/app, with the OS folders moved into tmp (Qt honours the XDG variables)."""
    app = tmp_path / "app"
    app.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app / "kiosk"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user"))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "site"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    dirs = {"exe": app, "user": tmp_path / "user" / locations.APP_ID, "site": tmp_path / "site" / locations.APP_ID}
    for d in dirs.values():
        d.mkdir(parents=True, exist_ok=True)
    return dirs


def put(directory: Path, name: str, text: str = "") -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG layout")
def test_the_os_folders_on_linux(places, tmp_path):
    assert locations.user_config_dir() == places["user"]
    assert locations.site_config_dir() == places["site"]
    assert locations.user_log_dir() == tmp_path / "state" / locations.APP_ID / "log"


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG layout")
def test_the_xdg_defaults_and_the_first_machine_folder(tmp_path, monkeypatch):
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CONFIG_DIRS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert locations.user_config_dir() == tmp_path / ".config" / locations.APP_ID
    assert locations.site_config_dir() == Path("/etc/xdg") / locations.APP_ID
    assert locations.user_log_dir() == tmp_path / ".local" / "state" / locations.APP_ID / "log"
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{tmp_path / 'a'}:{tmp_path / 'b'}")
    assert locations.site_config_dir() == tmp_path / "a" / locations.APP_ID


def test_database_search_order(places, tmp_path):
    bundled = tmp_path / "bundled.sqlite"
    assert locations.find_database(None, bundled) == bundled
    site = put(places["site"], "kiosk.sqlite")
    assert locations.find_database(None, bundled) == site
    user = put(places["user"], "kiosk.sqlite")
    assert locations.find_database(None, bundled) == user
    beside = put(places["exe"], "kiosk.sqlite")
    assert locations.find_database(None, bundled) == beside
    explicit = tmp_path / "given.sqlite"  # named explicitly: used even before it exists (the kiosk says so)
    assert locations.find_database(explicit, bundled) == explicit


def test_config_search_order(places):
    assert load_config(None).source is None  # nothing anywhere: the defaults
    put(places["site"], "kiosk.toml", "idle_timeout = 30\n")
    assert load_config(None).idle_timeout == 30
    put(places["user"], "kiosk.toml", "idle_timeout = 40\n")
    assert load_config(None).idle_timeout == 40
    beside = put(places["exe"], "kiosk.toml", "idle_timeout = 50\n")
    assert load_config(None).idle_timeout == 50 and load_config(None).source == beside


def test_from_source_there_is_no_executable_folder(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert locations.executable_dir() is None
    assert all(
        p.parent in (locations.user_config_dir(), locations.site_config_dir())
        for p in locations.candidates("kiosk.toml")
    )


def test_the_command_line_resolves_the_database(places, tmp_path, monkeypatch):
    """`kiosk --self-test` without --db opens the kiosk.sqlite found in the user's config folder."""
    from kiosk.ui import main as kiosk_main

    found = []
    monkeypatch.setattr(
        "kiosk.ui.diagnostics.selftest.run_self_test",
        lambda config, screenshots=None, fit="full": found.append(config.db),
    )
    db = put(places["user"], "kiosk.sqlite")
    kiosk_main.main(["--self-test"])
    assert found == [db]
