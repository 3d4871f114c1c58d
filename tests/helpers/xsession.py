"""A real X display for tests and the soak benchmark: Xvfb at a given size, optionally with a window manager.

Skips cleanly (pytest) or says what is missing (benchmarks) when Xvfb or xdotool is not installed
(Debian: apt-get install xvfb xdotool openbox).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time


def missing_tools(*extra: str) -> list[str]:
    return [tool for tool in ("Xvfb", "xdotool", *extra) if shutil.which(tool) is None]


class XSession:
    """Xvfb on a free display number (Xvfb picks it: -displayfd), and an optional window manager."""

    def __init__(self, width: int, height: int, window_manager: str | list[str] | None = None):
        read, write = os.pipe()
        self.server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            self.server.kill()
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"
        self.env = dict(os.environ, DISPLAY=self.display, QT_QPA_PLATFORM="xcb")
        self.env.pop("WAYLAND_DISPLAY", None)
        self.wm = None
        if window_manager:
            command = [window_manager] if isinstance(window_manager, str) else window_manager  # (with options)
            self.wm = subprocess.Popen(command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(0.5)

    def xdotool(self, *args: str) -> str:
        r = subprocess.run(["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=20)
        return r.stdout.strip()

    def find_window(self, name: str, timeout: float = 30.0, visible_only: bool = True) -> str | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.xdotool("search", *(("--onlyvisible",) if visible_only else ()), "--name", name).split()
            if found:
                return found[-1]
            time.sleep(0.2)
        return None

    def geometry(self, window: str) -> tuple[int, int, int, int]:
        """(x, y, width, height) of a window, from the X server."""
        values = dict(line.split("=", 1) for line in self.xdotool("getwindowgeometry", "--shell", window).split())
        return int(values["X"]), int(values["Y"]), int(values["WIDTH"]), int(values["HEIGHT"])

    def close(self) -> None:
        for proc in (self.wm, self.server):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(5)
                except subprocess.TimeoutExpired:
                    proc.kill()

    def __enter__(self) -> XSession:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
