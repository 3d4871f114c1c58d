"""`kiosk --proof DIR`: proof sheets for editors. Every page of the exhibit at 1920×1080 and 1080×1920, as PNGs
and one PDF (Qt's own QPdfWriter), rendered offscreen by the real application.

A page whose text is longer than the screen is photographed screen by screen, scrolled, so nothing goes unread.
Generic over PROOF_SOURCES: a section adds its screens by appending a function repository → [ProofPage].
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.ui.config import Config
from kiosk.ui.platform.locations import default_db_path

SIZES = ((1920, 1080), (1080, 1920))
MAX_SHOTS_PER_PAGE = 8  # a runaway text still ends
PDF_SCALE = 2 / 3
PNG_QUALITY = 60  # Qt maps PNG quality to zlib effort: lossless either way, 60 is much faster than the default
log = logging.getLogger("kiosk.proof")


@dataclass(frozen=True)
class ProofPage:
    name: str  # file name stem: "city-05"
    title: str  # shown in the summary and the PDF outline
    show: Callable[[object], None]  # brings the page up through the shell driver
    scroll: str = ""  # objectName of the Flickable to page through, if the page scrolls


def city_pages(repository) -> list[ProofPage]:
    def show(city_id):
        return lambda d: (d.nav("reset"), d.nav("city", city_id))

    return [ProofPage(f"city-{c.id:02d}", f"{c.id}. {c.name}", show(c.id), "cityText") for c in repository.cities()]


# What scrolls on each Novokuznetsk screen (the timeline scrolls sideways: one screen of it is its proof).
NK_SCROLL = {
    "home": "nkHomeFlick",
    "figures": "nkFiguresGrid",
    "people": "nkPeopleGrid",
    "awards": "nkAwardsList",
    "sources": "nkSourcesFlick",
    "chapter": "nkChapterText",
}


def novokuznetsk_pages(repository) -> list[ProofPage]:
    """Every screen of the section and every chapter (the self-test's list of screens,
    kiosk.ui.diagnostics.selftest_nk)."""
    from kiosk.ui.diagnostics.selftest_nk import PAGES

    section = repository.section() if hasattr(repository, "section") else None
    if section is None or not section.chapters:
        return []

    def show(page, props):
        return lambda d: (d.nav("reset"), d.nav("novokuznetsk", page, props))

    pages = [
        ProofPage(f"novokuznetsk-{name}", f"Новокузнецк: {name}", show(page, props), NK_SCROLL.get(page, ""))
        for name, page, props, _expect in PAGES
    ]
    pages += [
        ProofPage(
            f"novokuznetsk-chapter-{c.id}",
            f"Новокузнецк: {c.title}",
            show("chapter", {"chapterId": c.id}),
            NK_SCROLL["chapter"],
        )
        for c in section.chapters
    ]
    return pages


def quiz_pages(repository) -> list[ProofPage]:
    """Proof sheets: every curators' question, answered (the explanation shows), and one question of each kind
    the kiosk makes from this database (a kind the data gives no question of has no page)."""
    import random

    from kiosk.data.quiz.facts import Facts
    from kiosk.data.quiz.kinds import GENERATORS

    def show(kind, subject=None):
        def go(d):
            d.nav("reset")
            d.nav("quiz")
            d.app.quiz.preview(kind, subject, chosen=-1)

        return go

    facts = Facts.of(repository)
    pages = [
        ProofPage(f"quiz-curated-{q.id:03d}", f"Викторина: вопрос {q.id}", show("curated", q.id)) for q in facts.curated
    ]
    for kind, (subjects_of, make) in GENERATORS.items():
        found = subjects_of(facts, "ru") if kind != "curated" else []
        if found and make(facts, found[0], random.Random(0), "ru") is not None:
            pages.append(ProofPage(f"quiz-{kind}", f"Викторина: {kind}", show(kind)))
    return pages


# Screens of the exhibit, in the order of the proof; a new section adds its function here.
PROOF_SOURCES: list[Callable[[object], list[ProofPage]]] = [city_pages, novokuznetsk_pages, quiz_pages]


def _shots(driver, page: ProofPage):
    """The page's screens: one, or one per screenful of its scrolling text."""
    page.show(driver)
    driver.settle()
    flick = driver.item(page.scroll) if page.scroll else None
    if flick is None:
        yield driver.grab()
        return
    flick.setProperty("contentY", flick.property("originY"))
    driver.settle()
    for _ in range(MAX_SHOTS_PER_PAGE):
        yield driver.grab()
        y, height = float(flick.property("contentY")), float(flick.property("height"))
        end = float(flick.property("originY")) + float(flick.property("contentHeight")) - height
        if y >= end - 1:
            return
        flick.setProperty("contentY", min(end, y + height * 0.9))  # a tenth of overlap keeps lines whole
        driver.settle()


def run_proof(config: Config, out_dir: Path, sizes=SIZES, out=None) -> int:
    out = out or sys.stdout
    t0 = time.perf_counter()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    db_path = Path(config.db or default_db_path())

    from kiosk.ui.services.database import _one_line, open_database

    try:
        repo, _engine = open_database(db_path)
    except Exception as exc:  # one line, never a traceback
        print(f"kiosk --proof: {_one_line(exc)}", file=out)
        return 1

    from PySide6.QtCore import QMarginsF, QSizeF, Qt
    from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

    from kiosk.ui import app as appmod
    from kiosk.ui.platform.qapp import make_qapp
    from kiosk.ui.diagnostics.shell_driver import ShellDriver

    qapp = make_qapp()
    out_dir.mkdir(parents=True, exist_ok=True)
    pages = [p for source in PROOF_SOURCES for p in source(repo)]
    pdf_path = out_dir / "proof.pdf"
    writer = QPdfWriter(str(pdf_path))
    writer.setTitle(f"Proof: {db_path.name}, built {repo.meta().get('built_at', '?')}")
    writer.setCreator("kiosk --proof")
    writer.setResolution(96)
    painter: QPainter | None = None
    pngs = 0
    kiosk_app = appmod.KioskApp(
        config.with_overrides(statistics=False),  # proof sheets are not visits
        db_path=db_path,
        windowed=True,
        size=sizes[0],
        watch=False,
        on_quit=lambda code: None,
    )
    try:
        driver = ShellDriver(kiosk_app)
        driver.set_instant(True)
        for w, h in sizes:
            kiosk_app.window.resize(w, h)
            for page in pages:
                for n, image in enumerate(_shots(driver, page), start=1):
                    image.save(str(out_dir / f"{page.name}-{w}x{h}-{n}.png"), "PNG", PNG_QUALITY)
                    pngs += 1
                    # One PDF page per screen, the size of the screen at 96 dpi, no margins.
                    layout = QPageLayout(
                        QPageSize(QSizeF(w * 72 / 96, h * 72 / 96), QPageSize.Unit.Point, page.title),
                        QPageLayout.Orientation.Portrait,
                        QMarginsF(0, 0, 0, 0),
                    )
                    writer.setPageLayout(layout)
                    if painter is None:
                        painter = QPainter(writer)
                    else:
                        writer.newPage()
                    # The PDF gets the screen at 2/3 of its pixels (1280 px across a landscape page: sharp on A4);
                    # Qt stores ~0.4 MB per full-size screen, so the whole exhibit would be 120 MB.
                    small = image.scaled(
                        round(w * PDF_SCALE),
                        round(h * PDF_SCALE),
                        Qt.AspectRatioMode.IgnoreAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                    painter.drawImage(painter.viewport(), small)
    finally:
        if painter is not None:
            painter.end()
        kiosk_app.close()
        del qapp
    print(
        f"kiosk --proof: {len(pages)} pages at {', '.join(f'{w}×{h}' for w, h in sizes)}: {pngs} PNG files and "
        f"{pdf_path} in {time.perf_counter() - t0:.1f} s",
        file=out,
    )
    return 0
