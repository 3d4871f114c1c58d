"""`kiosk`: the museum kiosk. Fullscreen and locked down by default; `--windowed` for schools.

Exit codes: 0 normal (admin exit, window closed in windowed mode, self-test passed), 1 self-test failed or
the display cannot be opened, 2 bad command line or config.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
import time
from pathlib import Path

import kiosk

log = logging.getLogger("kiosk.main")


def _size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{2,5})\s*[x×X]\s*(\d{2,5})\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, e.g. 1280x800, not {text!r}")
    w, h = int(m.group(1)), int(m.group(2))
    if not (200 <= w <= 16384 and 200 <= h <= 16384):
        raise argparse.ArgumentTypeError(f"window size {w}x{h} is out of range")
    return w, h


def _seconds_within(lo: float, hi: float, note: str = ""):
    """An argparse type: seconds as a number (fractions allowed) within lo…hi."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected seconds, not {text!r}") from None
        if not lo <= value <= hi:
            raise argparse.ArgumentTypeError(f"must be {lo:g}…{hi:g} seconds{note}")
        return value

    return parse


_seconds = _seconds_within(0, 86400, " (0 = never)")
_slide_seconds = _seconds_within(0.05, 600)


def build_parser() -> argparse.ArgumentParser:
    # While it builds a parser argparse asks gettext for its own labels ("options", "show this help message and
    # exit"): a search for a message catalogue that no system ships, with `locale` imported for it, ~2 ms of
    # start-up for the same English labels. Parsing (and its error messages) still goes through gettext.
    translate = argparse._  # type: ignore[attr-defined]
    argparse._ = str  # type: ignore[attr-defined]
    try:
        return _build_parser()
    finally:
        argparse._ = translate  # type: ignore[attr-defined]


def _build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="kiosk",
        description="Музейный киоск «Города трудовой доблести». Fullscreen kiosk by default; "
        "staff exit: hold the top-left corner for 3 s, then enter the PIN.",
    )
    p.add_argument("--version", action="version", version=f"kiosk {kiosk.__version__}")
    p.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="database file (default: kiosk.sqlite beside the program, in the user's or the machine's "
        "config folder, else the bundled one)",
    )
    p.add_argument(
        "--config",
        type=Path,
        metavar="PATH",
        help="TOML settings (default: kiosk.toml beside the program, in the user's or the machine's config folder)",
    )
    p.add_argument(
        "--windowed", action="store_true", help="school mode: an ordinary closable window with a visible cursor"
    )
    p.add_argument("--size", type=_size, metavar="WxH", help="window size with --windowed (default 1280x800)")
    p.add_argument(
        "--idle-timeout",
        type=_seconds,
        metavar="SECONDS",
        help="seconds without a touch before returning home (overrides the config; 0 = never)",
    )
    p.add_argument(
        "--attract-timeout",
        type=_seconds,
        metavar="SECONDS",
        help="seconds without a touch on home before the attract slideshow (0 = never; default 120)",
    )
    p.add_argument(
        "--slide-seconds",
        type=_slide_seconds,
        metavar="SECONDS",
        help="seconds per attract slide, fractions allowed (overrides slide_duration; default 8)",
    )
    p.add_argument(
        "--log-dir",
        type=Path,
        metavar="DIR",
        help="where kiosk.log goes (default: the user's log folder, on Linux ~/.local/state/labour-valour-kiosk/log)",
    )
    p.add_argument(
        "--status-dir",
        type=Path,
        metavar="DIR",
        help="write this kiosk's fleet status file there (overrides status_dir; see kiosk-db fleet)",
    )
    p.add_argument(
        "--self-test",
        action="store_true",
        help="open the database, visit every screen offscreen, print a summary, exit 0 or 1",
    )
    p.add_argument("--screenshots", type=Path, metavar="DIR", help="with --self-test: a PNG per screen and size")
    p.add_argument(
        "--fit-check",
        choices=("full", "quick", "off"),
        default="full",
        help="with --self-test: every text whole on every screen at five sizes, both languages and text sizes "
        "(full, minutes); a sample of screens (quick); or not at all",
    )
    p.add_argument(
        "--proof",
        type=Path,
        metavar="DIR",
        help="proof sheets: every page at 1920x1080 and 1080x1920 as PNGs and DIR/proof.pdf, then exit",
    )
    p.add_argument(
        "--exit-after-first-frame",
        action="store_true",
        help="quit after the first frame is shown (start-up timing); prints the ms to stderr",
    )
    p.add_argument(
        "--hash-pin",
        action="store_true",
        help="read a new admin PIN from stdin and print the admin_pin_hash line for the config",
    )
    return p


def hash_pin_command(stdin=None) -> int:
    from kiosk.ui.services.pin import MAX_PIN_LENGTH, hash_pin

    stream = stdin or sys.stdin
    if stream.isatty():
        import getpass

        pin = getpass.getpass("New PIN (digits): ")
        again = getpass.getpass("Again: ")
        if pin != again:
            print("kiosk: the two PINs differ; nothing changed", file=sys.stderr)
            return 2
    else:
        pin = stream.readline().strip()
    if not pin.isdigit() or not 4 <= len(pin) <= MAX_PIN_LENGTH:
        print(f"kiosk: a PIN is 4–{MAX_PIN_LENGTH} digits", file=sys.stderr)
        return 2
    print(f'admin_pin_hash = "{hash_pin(pin)}"')
    return 0


def main(argv: list[str] | None = None) -> int:
    t0 = time.perf_counter()
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.screenshots and not args.self_test:
        parser.error("--screenshots goes with --self-test")
    if args.size and not args.windowed and not args.self_test:
        parser.error("--size goes with --windowed")
    if args.hash_pin:
        return hash_pin_command()

    from kiosk.ui.config import ConfigError, load_config

    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        return 2
    config = config.with_overrides(
        idle_timeout=args.idle_timeout,
        log_dir=args.log_dir,
        db=args.db,
        attract_timeout=args.attract_timeout,
        slide_duration=args.slide_seconds,
        status_dir=args.status_dir,
    )
    from kiosk.ui.platform.locations import default_db_path, find_database

    config = config.with_overrides(db=find_database(config.db, default_db_path()))

    if args.proof:
        from kiosk.ui.diagnostics.proof import run_proof

        return run_proof(config, args.proof)

    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from kiosk.ui.diagnostics.selftest import run_self_test

        return run_self_test(config, screenshots=args.screenshots, fit=args.fit_check)

    from kiosk.ui.platform.preflight import check

    problem = check()
    if problem:
        print(f"kiosk: {problem}", file=sys.stderr)
        return 1

    from kiosk.ui.platform.logsetup import setup_logging

    log_path = setup_logging(config.log_dir)
    return run_app(
        config,
        windowed=args.windowed,
        size=args.size,
        log_path=log_path,
        exit_after_first_frame=args.exit_after_first_frame,
        t0=t0,
    )


def run_app(config, *, windowed: bool, size, log_path, exit_after_first_frame: bool = False, t0: float) -> int:
    from PySide6.QtCore import QTimer

    from kiosk.ui.platform import crash
    from kiosk.ui.app import KioskApp
    from kiosk.ui.platform.qapp import make_qapp
    from kiosk.ui.platform.qt_messages import install_message_handler
    from kiosk.ui.services.watchdog import SystemdWatchdog

    crash.install()  # from here on an unhandled exception is logged and ends the kiosk for a restart
    qapp = make_qapp()
    install_message_handler()
    try:
        app = KioskApp(config, db_path=config.db, windowed=windowed, size=size, log_path=log_path)
    except RuntimeError as exc:
        log.error("%s", exc)
        print(f"kiosk: {exc}", file=sys.stderr)
        return 1
    if exit_after_first_frame:

        def done(_ms: float) -> None:
            elapsed = (time.perf_counter() - t0) * 1000
            print(f"first frame after {elapsed:.0f} ms", file=sys.stderr)
            QTimer.singleShot(0, lambda: qapp.exit(0))

        app.firstFrame.connect(done)
    watchdog = SystemdWatchdog(app)  # READY=1 at the first frame, then pings while the event loop turns
    app.firstFrame.connect(lambda _ms: watchdog.ready(f"database {app.database.path}"))
    code = qapp.exec()
    watchdog.stop()
    app.close()
    log.info("kiosk exits with %d", code)
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
