"""Where the kiosk finds its config and its database, and where it writes its log: one search order, per OS.

Config (`kiosk.toml`) and database (`kiosk.sqlite`), first found wins:

1. the explicit option (`--config`, `--db`; for the database also `db = …` in the config file);
2. a file beside the executable (the frozen bundle's folder, where a school unpacked it);
3. the per-user configuration folder of the OS;
4. the per-machine configuration folder of the OS;
5. for the database, the bundled default (config: the built-in defaults).

The OS folders come from platformdirs: on Linux `~/.config/labour-valour-kiosk` ($XDG_CONFIG_HOME) and
`/etc/xdg/labour-valour-kiosk` (the first of $XDG_CONFIG_DIRS); on Windows `%LOCALAPPDATA%\\labour-valour-kiosk`
and `%PROGRAMDATA%\\labour-valour-kiosk`; on macOS `~/Library/Application Support/…` and `/Library/Application
Support/…`. The log goes to the per-user log folder (Linux `~/.local/state/labour-valour-kiosk/log`, Windows
`%LOCALAPPDATA%\\labour-valour-kiosk\\Logs`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_ID = "labour-valour-kiosk"
CONFIG_NAME = "kiosk.toml"
DB_NAME = "kiosk.sqlite"


def executable_dir() -> Path | None:
    """The folder of the frozen executable; None when running from source (the "executable" is Python)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def user_config_dir() -> Path:
    return platformdirs.user_config_path(APP_ID, appauthor=False)


def site_config_dir() -> Path:
    return platformdirs.site_config_path(APP_ID, appauthor=False)


def user_log_dir() -> Path:
    return platformdirs.user_log_path(APP_ID, appauthor=False)


def user_state_dir() -> Path:
    """What the kiosk keeps between runs (the PIN lock-out count)."""
    return platformdirs.user_state_path(APP_ID, appauthor=False)


def candidates(name: str) -> list[Path]:
    """Where `name` is looked for when no option names it, in order (steps 2–4 above)."""
    found = [d / name for d in (executable_dir(),) if d is not None]
    return found + [user_config_dir() / name, site_config_dir() / name]


def find_config() -> Path | None:
    """The first kiosk.toml in the search order, or None (built-in defaults)."""
    return next((p for p in candidates(CONFIG_NAME) if p.is_file()), None)


def find_database(explicit: Path | None, bundled: Path) -> Path:
    """The database to open: `explicit` if given (even when missing: the kiosk then says so), else the first
    kiosk.sqlite in the search order, else the bundled one."""
    if explicit is not None:
        return explicit
    return next((p for p in candidates(DB_NAME) if p.is_file()), bundled)
