"""Kiosk settings: defaults, a good file, and one clear line for every kind of bad file."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.ui.config import DEFAULT_PIN_HASH, Config, ConfigError, load_config
from kiosk.ui.services.pin import hash_pin, verify_pin


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "kiosk.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_defaults_without_a_file(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "site"))  # no machine-wide file either
    c = load_config(None)
    assert c == Config()
    assert (c.idle_timeout, c.idle_countdown, c.default_screen) == (90, 10, "home")
    assert verify_pin("1945", c.admin_pin_hash) and c.admin_pin_hash == DEFAULT_PIN_HASH


def test_user_config_file_is_found(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "site"))  # no machine-wide file either
    (tmp_path / "labour-valour-kiosk").mkdir()
    (tmp_path / "labour-valour-kiosk" / "kiosk.toml").write_text("idle_timeout = 45\n", encoding="utf-8")
    assert load_config(None).idle_timeout == 45


def test_a_full_file(tmp_path):
    pin = hash_pin("2580")
    c = load_config(
        write(
            tmp_path,
            f"idle_timeout = 120\nidle_countdown = 15\nslide_duration = 6.5\n"
            f'default_screen = "cities"\nlog_dir = "logs"\ndb = "/srv/kiosk.sqlite"\n'
            f'admin_pin_hash = "{pin}"\n',
        )
    )
    assert (c.idle_timeout, c.idle_countdown, c.slide_duration, c.default_screen) == (120, 15, 6.5, "cities")
    assert c.log_dir == (tmp_path / "logs").resolve()  # relative to the config file
    assert c.db == Path("/srv/kiosk.sqlite")
    assert verify_pin("2580", c.admin_pin_hash)


def test_overrides_from_the_command_line():
    c = Config().with_overrides(idle_timeout=5, log_dir=None)
    assert c.idle_timeout == 5 and c.log_dir is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("idle_timeout = ", "not valid TOML"),
        ("idle_timout = 5", "unknown setting 'idle_timout'"),
        ('idle_timeout = "90"', "idle_timeout must be a number"),
        ("idle_timeout = -1", "out of range"),
        ("idle_countdown = true", "idle_countdown must be a number"),
        ('default_screen = "map"', "default_screen must be one of"),
        ('admin_pin_hash = "1945"', "admin_pin_hash is not a pbkdf2_sha256"),
        ("log_dir = 5", "log_dir must be a path"),
    ],
)
def test_bad_files_fail_in_one_line(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert expected in message and str(path) in message and "\n" not in message


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")
    p = tmp_path / "bin.toml"
    p.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(p)


def test_paths_resolve_in_one_place(monkeypatch, tmp_path):
    import sys

    from kiosk.ui import config as cfg

    from kiosk.ui.platform import locations

    root = Path(cfg.__file__).resolve().parents[2]
    assert locations.default_db_path() == root / "db" / "kiosk.sqlite"
    assert (locations.fonts_dir() / "PTS55F.ttf").exists()
    assert (locations.qml_dir() / "Kiosk" / "qmldir").exists()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "kiosk" / "kiosk"))
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "kiosk" / "_internal"), raising=False)
    assert locations.default_db_path() == tmp_path / "kiosk" / "data" / "kiosk.sqlite"
    assert locations.fonts_dir() == tmp_path / "kiosk" / "_internal" / "assets" / "fonts"


def test_log_is_bounded(tmp_path):
    import logging

    from kiosk.ui.platform.logsetup import BACKUPS, MAX_BYTES, setup_logging, shutdown_logging

    path = setup_logging(tmp_path / "log", stderr=False)
    try:
        log = logging.getLogger("kiosk.test")
        for i in range(30000):
            log.info("line %d %s", i, "x" * 100)
        files = list((tmp_path / "log").iterdir())
        assert len(files) <= BACKUPS + 1
        assert all(f.stat().st_size <= MAX_BYTES + 200 for f in files)
        assert path.exists()
    finally:
        shutdown_logging()


def test_the_log_starts_without_the_network_modules_and_they_still_work_later():
    """logging.handlers' socket and pickle are put off (start-up), yet its network handlers stay usable."""
    import subprocess
    import sys

    script = (
        "import sys, kiosk.ui.platform.logsetup, logging.handlers as h\n"
        "print(sorted(m for m in ('socket', 'pickle', 'selectors') if m in sys.modules))\n"
        "print(h.pickle.loads(h.pickle.dumps([1])), h.socket.AF_INET > 0, h.socket is not sys.modules['socket'])\n"
        "import socket; print(socket.socket.__name__)\n"
    )
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert r.stdout.split("\n")[:3] == ["[]", "[1] True True", "socket"], r.stdout + r.stderr


def test_unwritable_log_dir_falls_back_to_stderr(tmp_path):
    from kiosk.ui.platform.logsetup import setup_logging, shutdown_logging

    blocker = tmp_path / "file"
    blocker.write_text("")
    try:
        assert setup_logging(blocker / "log", stderr=False) is None
    finally:
        shutdown_logging()


def test_the_command_line_parser_is_built_without_gettext_and_leaves_it_for_errors(capsys):
    import argparse
    import subprocess
    import sys

    from kiosk.ui.main import build_parser

    translate = argparse._  # type: ignore[attr-defined]
    parser = build_parser()
    assert argparse._ is translate  # type: ignore[attr-defined]
    assert "show this help message and exit" in parser.format_help()
    with pytest.raises(SystemExit):
        parser.parse_args(["--bogus"])
    assert "unrecognized arguments: --bogus" in capsys.readouterr().err
    script = "import sys; from kiosk.ui.main import build_parser; build_parser(); print('locale' in sys.modules)"
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "False", r.stdout + r.stderr
