"""Kiosk settings (TOML) and every path the kiosk resolves: one place for both.

A config file is optional; each key has a default. Example (all keys shown with their defaults):

    # kiosk.toml
    idle_timeout = 90          # seconds without a touch before «Вы ещё здесь?» (0 = never)
    idle_countdown = 10        # seconds the question stays before the kiosk returns home
    slide_duration = 8         # seconds per slide in slide shows / attract mode (fractions allowed)
    attract_timeout = 120      # seconds without a touch on home before the attract slideshow (0 = never)
    quiet_hours = ""           # e.g. "22:00-08:00": attract shows a black screen then (empty = never)
    default_screen = "home"    # "home" or "cities": where visitors start and idle reset returns
    log_dir = ""               # empty = the per-user log dir (Linux ~/.local/state/labour-valour-kiosk/log)
    db = ""                    # empty = the bundled database
    show_disputed_cities = false  # true = also show rows whose identity is an open question (row 46)
    read_aloud = true          # false = no «Слушать» buttons (docs/read-aloud.md)
    speech_engine = ""         # empty = the platform's (speechd; winrt, then sapi); "mock" is Qt's silent test engine
    admin_pin_hash = "pbkdf2_sha256$200000$…$…"   # make one with: kiosk --hash-pin
    statistics = true          # anonymous visit counts in the state folder (docs/statistics.md); false = none
    status_dir = ""            # a folder shared back to the curator: <kiosk_id>.json is written there (empty = none)
    kiosk_id = ""              # this kiosk's name in the fleet status (empty = the host name)
    status_interval = 300      # seconds between status writes (kiosk-db fleet: stale after three missed)

PIN hash format (salted PBKDF2-SHA256, like Django's):
    pbkdf2_sha256$<iterations>$<salt, urlsafe base64>$<derived key, urlsafe base64>
The first-install PIN is 1945 (DEFAULT_PIN_HASH, kiosk.ui.services.pin); change it before opening the exhibition.

A bad file (unreadable, not TOML, an unknown key, a wrong type or range) raises ConfigError with one line.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path

from kiosk.ui.platform import locations
from kiosk.ui.services.pin import DEFAULT_PIN_HASH, parse_pin_hash

APP_ID = locations.APP_ID

SCREENS = ("home", "cities")
MAX_CONFIG_BYTES = 64 * 1024  # a dozen settings; anything larger is not a kiosk config


class ConfigError(Exception):
    """A config file the kiosk cannot use; str() is one line for the console."""


@dataclass(frozen=True)
class Config:
    idle_timeout: float = 90.0
    idle_countdown: float = 10.0
    slide_duration: float = 8.0
    attract_timeout: float = 120.0
    quiet_hours: str = ""
    admin_pin_hash: str = DEFAULT_PIN_HASH
    default_screen: str = "home"
    log_dir: Path | None = None
    db: Path | None = None
    show_disputed_cities: bool = False  # row 46 (Волгоград in the seed, Вологда in the decree) stays hidden
    statistics: bool = True  # anonymous visit counts in the state folder (docs/statistics.md)
    status_dir: Path | None = None  # the fleet status folder (kiosk.ui.services.fleet_status); None = write nothing
    kiosk_id: str = ""
    status_interval: float = 300.0
    read_aloud: bool = True
    speech_engine: str = ""
    source: Path | None = None  # the file these settings came from (None = defaults)

    def with_overrides(self, **changes) -> Config:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_NUMBERS = {
    "idle_timeout": (0, 86400),
    "idle_countdown": (1, 600),
    "slide_duration": (1, 600),
    "attract_timeout": (0, 86400),
    "status_interval": (10, 86400),
}
_PATHS = ("log_dir", "db", "status_dir")


_HOURS = re.compile(r"^\s*([01]?\d|2[0-3]):([0-5]\d)\s*-\s*([01]?\d|2[0-3]):([0-5]\d)\s*$")


def parse_quiet_hours(text: str) -> tuple[dt.time, dt.time] | None:
    """ "22:00-08:00" → (22:00, 08:00); "" → None; anything else raises ValueError with what is expected."""
    if not text.strip():
        return None
    m = _HOURS.match(text)
    if not m:
        raise ValueError(f'{text!r} is not HH:MM-HH:MM (e.g. "22:00-08:00")')
    start, end = dt.time(int(m[1]), int(m[2])), dt.time(int(m[3]), int(m[4]))
    if start == end:
        raise ValueError(f"{text!r}: start and end are the same time")
    return start, end


def _check(key: str, value, where: str):
    if key in _NUMBERS:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ConfigError(f"{where}: {key} must be a number of seconds, not {value!r}")
        lo, hi = _NUMBERS[key]
        if not lo <= value <= hi:
            raise ConfigError(f"{where}: {key} = {value} is out of range ({lo}…{hi} seconds)")
        return float(value)
    if key in _PATHS:
        if not isinstance(value, str):
            raise ConfigError(f"{where}: {key} must be a path in quotes, not {value!r}")
        return Path(value).expanduser() if value else None
    if key in ("show_disputed_cities", "statistics", "read_aloud"):
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: {key} must be true or false, not {value!r}")
        return value
    if key == "speech_engine":
        if not isinstance(value, str):
            raise ConfigError(f"{where}: speech_engine must be an engine name in quotes, not {value!r}")
        return value
    if key == "kiosk_id":
        if not isinstance(value, str) or len(value) > 100 or any(c in value for c in "/\\\0\n"):
            raise ConfigError(f"{where}: kiosk_id must be a short name in quotes (no slashes), not {value!r}")
        return value.strip()
    if key == "default_screen":
        if value not in SCREENS:
            raise ConfigError(f"{where}: default_screen must be one of {', '.join(SCREENS)}, not {value!r}")
        return value
    if key == "quiet_hours":
        try:
            parse_quiet_hours(value if isinstance(value, str) else "?")
        except ValueError as exc:
            raise ConfigError(f"{where}: quiet_hours: {exc}") from None
        return value
    if key == "admin_pin_hash":
        if not isinstance(value, str) or parse_pin_hash(value) is None:
            raise ConfigError(
                f"{where}: admin_pin_hash is not a pbkdf2_sha256$… hash (make one with: kiosk --hash-pin)"
            )
        return value
    raise ConfigError(f"{where}: unknown setting {key!r}")  # pragma: no cover


def load_config(path: Path | str | None = None) -> Config:
    """Settings from `path`, else from the first kiosk.toml in the search order (kiosk.ui.platform.locations), else the
    defaults."""
    if path is None:
        path = locations.find_config()
        if path is None:
            return Config()
    path = Path(path)
    where = str(path)
    from kiosk.data.errors import DataError
    from kiosk.data.store.snapshot import read_regular

    try:  # a FIFO, a device or a folder is refused before it is read; /dev/zero cannot fill the memory
        raw = read_regular(path, MAX_CONFIG_BYTES, "config file")
    except DataError as exc:
        if not os.path.lexists(path):
            raise ConfigError(f"config file not found: {where}") from None
        raise ConfigError(f"config file {exc}") from None
    import tomllib  # here: most kiosks run without a config file, and start-up is shorter without it

    try:
        # utf-8-sig: Windows' Notepad starts a file with a byte-order mark, which TOML does not allow
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ConfigError(f"{where}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{where}: not valid TOML ({exc})") from None
    except RecursionError:
        raise ConfigError(f"{where}: not valid TOML (arrays or tables nested too deeply)") from None
    known = {f.name for f in fields(Config)} - {"source"}
    values = {}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(f"{where}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
        values[key] = _check(key, value, where)
    # Relative paths in a config file are relative to the file, not to wherever the kiosk was started.
    for key in _PATHS:
        if values.get(key) is not None and not values[key].is_absolute():
            values[key] = (path.parent / values[key]).resolve()
    return Config(**values, source=path)
