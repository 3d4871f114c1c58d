"""Issue 21 item 6 in a real X session (Xvfb + openbox): «show desktop» (Super+D) and a switch to another
workspace unmap the kiosk without minimising it; it must be back, raised and focused, within about a second,
and say so in its log. With openbox's default config the desktop's right-click menu (which offers a terminal)
can still be opened in that second, so exhibition PCs run the cage session, or openbox with
packaging/openbox/kiosk-rc.xml, whose lack of bindings this file checks too."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.helpers.xsession import XSession, missing_tools

ROOT = Path(__file__).resolve().parents[2]
TITLE = "Города трудовой доблести"
KIOSK_RC = ROOT / "packaging" / "openbox" / "kiosk-rc.xml"
BACK_WITHIN_S = 1.5  # the promise is «about a second»; the slack is for a loaded test machine

pytestmark = pytest.mark.skipif(bool(missing_tools("openbox", "xwininfo")), reason="needs openbox and xwininfo")


class Kiosk:
    def __init__(self, session: XSession, db: Path, log_dir: Path):
        self.session = session
        self.log = log_dir / "kiosk.log"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kiosk.cli", "--db", str(db), "--log-dir", str(log_dir)],
            cwd=ROOT,
            env=dict(session.env, QT_QUICK_BACKEND="software"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.window = session.find_window(TITLE)
        assert self.window, "the kiosk window never appeared"
        assert self._until(self.shown, 15), "the kiosk never became the focused fullscreen window"

    def shown(self) -> bool:
        visible = self.session.xdotool("search", "--onlyvisible", "--name", TITLE).split()
        return self.window in visible and self.session.xdotool("getactivewindow") == self.window

    def hidden_lines(self) -> list[str]:
        return [line for line in self.log.read_text(encoding="utf-8").splitlines() if "hidden by the window" in line]

    @staticmethod
    def _until(predicate, seconds: float) -> bool:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if predicate():
                return True
            time.sleep(0.05)
        return predicate()

    def back_after(self, *keys: str) -> float:
        """Press `keys`; seconds until the kiosk is visible and focused again (inf: never within 10 s)."""
        started = time.monotonic()
        self.session.xdotool("key", *keys)
        self._until(lambda: not self.shown() or self.hidden_lines(), 3)  # the window manager has acted
        if not self._until(self.shown, 10):
            return float("inf")
        return time.monotonic() - started

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait(10)


def _popups(session: XSession) -> list[str]:
    """Mapped top-level windows other than openbox's 1×1 helpers and full-screen ones: a menu, a dialog."""
    out = subprocess.run(["xwininfo", "-root", "-children"], env=session.env, capture_output=True, text=True).stdout
    found = []
    for line in (part.strip() for part in out.splitlines()):
        if not line.startswith("0x") or " 1x1+" in line or "1920x1080" in line:
            continue
        stats = subprocess.run(
            ["xwininfo", "-id", line.split()[0], "-stats"], env=session.env, capture_output=True, text=True
        ).stdout
        if "IsViewable" in stats:
            found.append(line)
    return found


@pytest.mark.parametrize(
    "keys", [("super+d",), ("super+F2",), ("ctrl+alt+Right",)], ids=["show-desktop", "workspace-2", "workspace-right"]
)
def test_hidden_by_openbox_it_is_back_within_a_second_and_logged(built_db, tmp_path, keys):
    with XSession(1920, 1080, window_manager="openbox") as session:
        kiosk = Kiosk(session, built_db, tmp_path)
        try:
            seconds = kiosk.back_after(*keys)
            print(f"{'+'.join(keys)}: back after {seconds:.2f} s", kiosk.log.read_text(encoding="utf-8")[-600:])
            assert seconds <= BACK_WITHIN_S, f"the kiosk was away {seconds:.2f} s"
            assert kiosk._until(lambda: len(kiosk.hidden_lines()) == 1, 5), kiosk.hidden_lines()
            if keys == ("super+d",):
                showing = subprocess.run(
                    ["xprop", "-root", "_NET_SHOWING_DESKTOP"], env=session.env, capture_output=True, text=True
                ).stdout
                assert showing.strip().endswith("= 0"), showing  # openbox left show-desktop mode
        finally:
            kiosk.close()


def test_with_the_kiosk_config_there_is_no_desktop_menu_and_nothing_hides_it(built_db, tmp_path):
    with XSession(1920, 1080, window_manager=["openbox", "--config-file", str(KIOSK_RC)]) as session:
        kiosk = Kiosk(session, built_db, tmp_path)
        try:
            for keys in (("super+d",), ("super+F2",), ("ctrl+alt+Right",), ("alt+Tab",)):
                session.xdotool("key", *keys)
            session.xdotool("mousemove", "900", "500", "click", "3")  # over the kiosk, and nothing else is there
            time.sleep(1.0)
            assert kiosk.shown()
            assert kiosk.hidden_lines() == []
            assert _popups(session) == []  # no menu, no «syntax error» dialog about the config
        finally:
            kiosk.close()
