"""Can Qt open a window here? One line that says what is missing and how to fix it, before Qt aborts.

`python -m kiosk.ui.platform.preflight` (used by `make run`) exits 0 when a window can open, else prints one
line and exits 1. `kiosk` runs the same check before it creates the QGuiApplication.

The list of system libraries is the one in packaging/ensure-syslibs.sh (one list for both); in a frozen
bundle, where that script is not shipped, the xcb platform plugin itself is loaded to find out.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path

HEADLESS = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb", "minimalegl", "vkkhrdisplay"}
_SCRIPT = Path(__file__).resolve().parents[3] / "packaging" / "ensure-syslibs.sh"


def syslib_list(mode: str = "run", script: Path = _SCRIPT) -> list[tuple[str, str]]:
    """(soname, debian package) pairs from ensure-syslibs.sh: `base` for any platform, plus `xcb` for run."""
    try:
        text = script.read_text(encoding="utf-8")
    except OSError:
        return []
    groups = dict(re.findall(r'^(base|xcb)="([^"]*)"', text, flags=re.M))
    wanted = groups.get("base", "") + (" " + groups.get("xcb", "") if mode == "run" else "")
    return [tuple(pair.split(":", 1)) for pair in wanted.split() if ":" in pair]


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
        return True
    except OSError:
        return False


def _xcb_plugin_problem() -> str | None:
    """Load Qt's xcb plugin the way Qt will; the loader names the first missing library."""
    try:
        from PySide6.QtCore import QLibraryInfo

        plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms" / "libqxcb.so"
    except Exception:  # pragma: no cover - PySide6 itself missing is reported elsewhere
        return None
    if not plugin.exists():
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        m = re.search(r"([\w.+-]+\.so[.\d]*): cannot open shared object file", str(exc))
        return m.group(1) if m else str(exc)
    return None


def check(environ: dict | None = None, mode: str = "run") -> str | None:
    """None when Qt can open its window here, else one line: what is missing and how to fix it."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    platform = (env.get("QT_QPA_PLATFORM") or "").split(":")[0].strip().lower()
    headless = platform in HEADLESS
    if not headless:
        has_x = bool(env.get("DISPLAY"))
        has_wayland = bool(env.get("WAYLAND_DISPLAY"))
        if not has_x and not has_wayland:
            return (
                "no display: neither DISPLAY nor WAYLAND_DISPLAY is set; start the kiosk inside the "
                "desktop session (or set QT_QPA_PLATFORM=offscreen for a headless check)"
            )
        if platform.startswith("wayland") or (not platform and not has_x):
            mode = "test"  # Wayland needs no xcb libraries
    pairs = syslib_list("test" if headless else mode)
    missing = [pkg for so, pkg in pairs if not _loads(so)]
    if not headless and mode == "run" and not pairs:
        lib = _xcb_plugin_problem()
        if lib:
            return (
                f"Qt cannot open an X11 window: {lib} is missing; install the xcb libraries "
                "(Debian/Ubuntu: sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 "
                "libxcb-image0 libxcb-render-util0 libxcb-xkb1 libxkbcommon-x11-0)"
            )
    if missing:
        return (
            "missing system libraries Qt needs; install them with: sudo apt-get install "
            + " ".join(dict.fromkeys(missing))
            + "  (or run: sh packaging/ensure-syslibs.sh run as root)"
        )
    return None


def main(argv: list[str] | None = None) -> int:
    problem = check()
    if problem:
        print(f"kiosk: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
