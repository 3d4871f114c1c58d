"""Where things live: the kiosk's own files (package, QML, fonts, bundled database; from source or inside the
frozen bundle), and where it finds its config and its database and writes its log and state: one search order,
per OS. The only module that works out paths.

Config (`kiosk.toml`) and database (`kiosk.sqlite`), first found wins:

1. the explicit option (`--config`, `--db`; for the database also `db = …` in the config file);
2. a file beside the executable (the frozen bundle's folder, where a school unpacked it);
3. the per-user configuration folder of the OS;
4. the per-machine configuration folder of the OS;
5. for the database, the bundled default (config: the built-in defaults).

The OS folders are platformdirs' conventions, named by Qt's QStandardPaths (loaded with Qt anyway; importing
platformdirs cost start-up ~2.5 ms): on Linux `~/.config/labour-valour-kiosk` ($XDG_CONFIG_HOME) and
`/etc/xdg/labour-valour-kiosk` (the first of $XDG_CONFIG_DIRS); on Windows `%LOCALAPPDATA%\\labour-valour-kiosk`
and `%PROGRAMDATA%\\labour-valour-kiosk`; on macOS `~/Library/Application Support/…` and `/Library/Application
Support/…`. The log goes to the per-user log folder (Linux `~/.local/state/labour-valour-kiosk/log`, Windows
`%LOCALAPPDATA%\\labour-valour-kiosk\\Logs`).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths

import kiosk

APP_ID = "labour-valour-kiosk"
CONFIG_NAME = "kiosk.toml"
DB_NAME = "kiosk.sqlite"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def package_dir() -> Path:
    """kiosk/ in the source tree; <bundle>/_internal/kiosk in a PyInstaller bundle."""
    return Path(kiosk.__file__).resolve().parent


def resource_root() -> Path:
    """Where assets/ lives: the source checkout, or PyInstaller's _internal dir (qtawesome's fonts are there too)."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return package_dir().parent


def qml_dir() -> Path:
    return package_dir() / "ui" / "qml"


def fonts_dir() -> Path:
    return resource_root() / "assets" / "fonts"


def default_db_path() -> Path:
    """The bundled database: db/kiosk.sqlite in the source tree, data/kiosk.sqlite beside a frozen executable."""
    if is_frozen():
        return Path(sys.executable).resolve().parent / "data" / "kiosk.sqlite"
    return resource_root() / "db" / "kiosk.sqlite"


def executable_dir() -> Path | None:
    """The folder of the frozen executable; None when running from source (the "executable" is Python)."""
    if is_frozen():
        return Path(sys.executable).resolve().parent
    return None


def _qt_dirs(kind: QStandardPaths.StandardLocation) -> list[Path]:
    """The user's folder of this kind first, then the machine's."""
    return [Path(d) for d in QStandardPaths.standardLocations(kind)]


def _config_kind() -> QStandardPaths.StandardLocation:
    # macOS keeps platformdirs' config in Application Support (Qt's "config" there is ~/Library/Preferences).
    L = QStandardPaths.StandardLocation
    return L.GenericDataLocation if sys.platform == "darwin" else L.GenericConfigLocation


def user_config_dir() -> Path:
    return _qt_dirs(_config_kind())[0] / APP_ID


def site_config_dir() -> Path:
    """Linux: the first of $XDG_CONFIG_DIRS (/etc/xdg); Windows: %PROGRAMDATA%; macOS: /Library/Application Support."""
    dirs = _qt_dirs(_config_kind())
    return (dirs[1] if len(dirs) > 1 else Path("/etc/xdg")) / APP_ID


def user_state_dir() -> Path:
    """What the kiosk keeps between runs (the PIN lock-out count, the visit statistics, its snapshots)."""
    if sys.platform in ("win32", "darwin"):
        return user_config_dir()  # %LOCALAPPDATA%, Application Support: as platformdirs
    return _qt_dirs(QStandardPaths.StandardLocation.GenericStateLocation)[0] / APP_ID


def user_log_dir() -> Path:
    if sys.platform == "win32":
        return user_state_dir() / "Logs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / APP_ID
    return user_state_dir() / "log"


def candidates(name: str) -> list[Path]:
    """Where `name` is looked for when no option names it, in order (steps 2–4 above)."""
    found = [d / name for d in (executable_dir(),) if d is not None]
    return [*found, user_config_dir() / name, site_config_dir() / name]


def find_config() -> Path | None:
    """The first kiosk.toml in the search order, or None (built-in defaults)."""
    return next((p for p in candidates(CONFIG_NAME) if p.is_file()), None)


def find_database(explicit: Path | None, bundled: Path) -> Path:
    """The database to open: `explicit` if given (even when missing: the kiosk then says so), else the first
    kiosk.sqlite in the search order, else the bundled one."""
    if explicit is not None:
        return explicit
    return next((p for p in candidates(DB_NAME) if p.is_file()), bundled)
