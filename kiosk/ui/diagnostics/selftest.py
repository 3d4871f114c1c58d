"""`kiosk --self-test [--screenshots DIR]`: open the database, build the real app offscreen, visit every
screen at 1920×1080 and 1080×1920, fail on any Qt/QML warning or Python exception, print a one-screen summary.

Exit 0 when everything passed, 1 otherwise; a database that cannot be used fails in one line with its reason.
It calls the shell's navigator directly (kiosk.ui.diagnostics.shell_driver): it checks that every screen renders, fast.
The UI tests reach screens by touch instead (tests/helpers).
"""

from __future__ import annotations

import itertools
import logging
import os
import sys
import time
import traceback
from pathlib import Path

from kiosk.ui.config import Config
from kiosk.ui.platform.locations import default_db_path
from kiosk.ui.diagnostics.selftest_map import visit_map
from kiosk.ui.diagnostics.selftest_quiz import visit_quiz
from kiosk.ui.diagnostics.shell_driver import ShellDriver

SIZES = ((1920, 1080), (1080, 1920))
# Every screen in both languages and both text sizes: (screenshot prefix, language, larger text).
MODES = (("", "ru", False), ("en-", "en", False), ("large-", "ru", True))
log = logging.getLogger("kiosk.selftest")


def run_self_test(config: Config, screenshots: Path | None = None, sizes=SIZES, out=None, fit: str = "full") -> int:
    """fit: "full" runs the fit checker over every screen state at five sizes and four modes
    (kiosk.ui.diagnostics.fit_sweep); "quick" over a sample of cities and cards; "off" not at all."""
    out = out or sys.stdout
    t0 = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    db_path = Path(config.db or default_db_path())

    from kiosk.ui.platform.logsetup import setup_logging

    log_path = setup_logging(config.log_dir, stderr_level=logging.CRITICAL)

    # The database first: a file the kiosk cannot use fails in one line, before any window.
    from kiosk.ui.services.database import open_database

    try:
        repo, _engine = open_database(db_path)
        city_ids = [c.id for c in repo.cities()]
        # English and «Aa» change the chrome, not the texts: there the first cities and the longest texts will do.
        by_length = sorted(repo.cities(), key=lambda c: len(c.text) + len(c.name), reverse=True)
        city_sample = list(dict.fromkeys([*city_ids[:3], *(c.id for c in by_length[:2])]))
        if not city_ids:
            raise ValueError(f"{db_path}: the database holds no cities")
    except Exception as exc:
        from kiosk.ui.services.database import _one_line

        print(f"self-test FAILED: database unavailable: {_one_line(exc)}", file=out)
        log.error("self-test: database unavailable: %s", _one_line(exc))
        return 1

    from kiosk.ui.platform.qapp import make_qapp

    qapp = make_qapp()
    from kiosk.ui.platform import qt_messages
    from kiosk.ui.app import KioskApp

    problems: list[str] = []

    def on_message(mode, text):
        from PySide6.QtCore import QtMsgType

        if mode in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            problems.append(f"Qt {mode.name[2:-3].lower()}: {text}")

    previous_hook = sys.excepthook

    def on_exception(kind, value, tb):
        problems.append("Python: " + "".join(traceback.format_exception_only(kind, value)).strip())
        log.error("exception during self-test", exc_info=(kind, value, tb))

    qt_messages.install_message_handler()
    qt_messages.add_message_listener(on_message)
    sys.excepthook = on_exception
    rows: list[str] = []
    shots = 0
    kiosk_app = None
    try:
        kiosk_app = KioskApp(
            config.with_overrides(statistics=False),  # a check of the screens is not a visit
            db_path=db_path,
            windowed=True,
            size=sizes[0],
            log_path=log_path,
            watch=False,
            on_quit=lambda code: None,
        )
        if not kiosk_app.database.available:
            print(f"self-test FAILED: database unavailable: {kiosk_app.database.reason}", file=out)
            return 1
        from kiosk.ui.diagnostics.fit_sweep import settle_layout

        d = ShellDriver(kiosk_app)
        d.set_instant(True)
        if screenshots:
            screenshots.mkdir(parents=True, exist_ok=True)

        for (w, h), (prefix, language, large) in itertools.product(sizes, MODES):
            tag = f"{w}x{h}"
            kiosk_app.window.resize(w, h)
            kiosk_app.language.setLanguage(language)
            kiosk_app.language.setLarge(large)
            done: list[str] = []
            start = len(problems)

            def visit(
                name: str,
                expect: str | None = None,
                shot: bool = True,
                wait_ms: int = 0,
                tag: str = tag,
                prefix: str = prefix,
            ):
                nonlocal shots
                d.settle(wait_ms)
                # A screenshot of the page at rest, as the fit check sees it: rows measured after their texts
                # (the people cards with «Aa»), delegates made and placed.
                settle_layout(kiosk_app.window, kiosk_app.engine)
                if expect is not None and d.current_name() != expect:
                    problems.append(f"{prefix}{tag} {name}: expected {expect!r} on top, found {d.current_name()!r}")
                image = d.grab()
                if image.isNull():
                    problems.append(f"{prefix}{tag} {name}: the window rendered nothing")
                elif shot and screenshots:
                    image.save(str(screenshots / f"{prefix}{name}-{tag}.png"))
                    shots += 1

            d.nav("reset")
            visit("home", "homeScreen")
            done.append("home")
            d.nav("cities")
            visit("cities", "citiesScreen")
            done.append("cities")
            pages = city_ids if not prefix else city_sample
            for i, city_id in enumerate(pages):
                d.nav("city", city_id)
                visit("city", "cityScreen", shot=(i == 0))
                d.nav("back")
            done.append(f"{len(pages)} city pages")
            from kiosk.ui.diagnostics.selftest_nk import visit_section

            if section_row := visit_section(d, visit, kiosk_app.novokuznetsk):
                done.append(section_row)
            done += visit_map(d, visit)
            done += visit_quiz(d, visit, kiosk_app.quiz)
            d.open_pin_pad()
            visit("pinpad")
            d.close_overlays()
            d.open_admin_panel()
            visit("admin")
            d.close_overlays()
            done.append("PIN pad, admin panel")
            d.nav("city", city_ids[0])
            kiosk_app.idle.askNow()
            visit("idle", wait_ms=300)
            kiosk_app.idle.poke()
            d.nav("reset")
            done.append("idle question")
            for kind in ("title", "city", "event", "figure", "curator"):  # the kinds this database gives
                if kiosk_app.attract.preview(kind):
                    visit(f"attract-{kind}", wait_ms=kiosk_app.attract.property("crossfadeMs") + 300)
                    done.append(f"attract {kind}")
            kiosk_app.attract.stop("self-test")
            d.preview_unavailable(True)
            visit("unavailable", wait_ms=300)  # the idle question has faded out
            d.preview_unavailable(False)
            done.append("unavailable")
            d.settle()
            mark = "ok" if len(problems) == start else f"{len(problems) - start} problem(s)"
            mode = {"": "Russian", "en-": "English", "large-": "larger text"}[prefix]
            rows.append(f"  {w}×{h} {mode}: {', '.join(done)} — {mark}")
        if fit != "off":
            rows.append(_fit_check(kiosk_app, d, problems, full=fit == "full"))
    except Exception as exc:  # report, never crash the self-test
        problems.append("Python: " + "".join(traceback.format_exception_only(type(exc), exc)).strip())
        log.error("self-test crashed", exc_info=True)
    finally:
        sys.excepthook = previous_hook
        qt_messages.remove_message_listener(on_message)
        if kiosk_app is not None:
            kiosk_app.close()
        del qapp

    elapsed = time.perf_counter() - t0
    if log_path:
        for p in problems:
            if p.startswith("fit: "):
                log.warning("self-test %s", p)
    meta = repo.meta() if hasattr(repo, "meta") else {}
    status = "passed" if not problems else "FAILED"
    print(f"kiosk self-test {status} in {elapsed:.1f} s", file=out)
    print(
        f"  database {db_path}: {len(city_ids)} cities, built {meta.get('built_at', '?')}, "
        f"sources {str(meta.get('sources_sha256', '?'))[:12]}",
        file=out,
    )
    for row in rows:
        print(row, file=out)
    if screenshots:
        print(f"  screenshots: {shots} PNG files in {screenshots}", file=out)
    if log_path:
        print(f"  log: {log_path}", file=out)
    if problems:
        print(f"  {len(problems)} problem(s):", file=out)
        for p in problems[:12]:
            print(f"    {p[:300]}", file=out)
        if len(problems) > 12:
            print(f"    … and {len(problems) - 12} more (see the log)", file=out)
        return 1
    return 0


def _fit_check(kiosk_app, driver, problems: list[str], *, full: bool) -> str:
    """Every visible text whole (kiosk.ui.diagnostics.fit): each misfit is a problem; returns the summary row."""
    from kiosk.ui.diagnostics.fit_sweep import MODES as FIT_MODES
    from kiosk.ui.diagnostics.fit_sweep import SIZES as FIT_SIZES
    from kiosk.ui.diagnostics.fit_sweep import FitSweep

    check = FitSweep(kiosk_app, driver)
    if full:
        check.run(FIT_SIZES, FIT_MODES, full=True)
        scope = f"every screen at {len(FIT_SIZES)} sizes × {len(FIT_MODES)} modes"
    else:  # the main case, and portrait in English with «Aa» (tests/ui/test_fit.py's fast subset)
        check.run([(1920, 1080)], [("ru", False)], full=False)
        check.run([(1080, 1920)], [("en", True)], full=False)
        scope = "a sample of screens at 1920×1080 and 1080×1920 «Aa» English"
    driver.set_instant(True)
    problems += [f"fit: {seen}" for seen in check.found]
    mark = "ok" if not check.found else f"{len(check.found)} misfit(s)"
    return f"  fit check: {scope}, {check.states} states — {mark}"
