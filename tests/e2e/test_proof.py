"""`kiosk --proof DIR`: every city page at both orientations as PNGs and one PDF, long texts screen by screen."""

from __future__ import annotations

from PySide6.QtGui import QImage

from kiosk.data.build import build_database
from tests.e2e.test_kiosk_command import kiosk
from tests.unit.conftest import FIXTURE_SOURCES


def test_proof_sheets_of_every_city(tmp_path):
    db = build_database(FIXTURE_SOURCES, tmp_path / "kiosk.sqlite")  # three cities keep it quick
    out = tmp_path / "proof"
    r = kiosk("--db", str(db), "--proof", str(out), "--log-dir", str(tmp_path / "log"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "3 pages at 1920×1080, 1080×1920" in r.stdout
    for city in ("01", "02", "03"):
        for size in ("1920x1080", "1080x1920"):
            first = QImage(str(out / f"city-{city}-{size}-1.png"))
            assert (first.width(), first.height()) == tuple(map(int, size.split("x")))
    pdf = (out / "proof.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + \
        pdf.count(b"/Type/Page") >= 6


def test_proof_of_a_broken_database_is_one_line(tmp_path):
    bad = tmp_path / "kiosk.sqlite"
    bad.write_bytes(b"garbage")
    r = kiosk("--db", str(bad), "--proof", str(tmp_path / "proof"), "--log-dir", str(tmp_path / "log"))
    assert r.returncode == 1 and len(r.stdout.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert not (tmp_path / "proof").exists()


def test_proof_lists_every_novokuznetsk_screen_and_chapter(built_db):
    from kiosk.data.repository import Repository
    from kiosk.ui.proof import PROOF_SOURCES
    from kiosk.ui.selftest_nk import PAGES

    repo = Repository.open(built_db)
    names = [p.name for source in PROOF_SOURCES for p in source(repo)]
    assert names[:70] == [f"city-{c.id:02d}" for c in repo.cities()]
    assert {f"novokuznetsk-{name}" for name, *_ in PAGES} <= set(names)
    assert {f"novokuznetsk-chapter-{c.id}" for c in repo.section().chapters} <= set(names)
