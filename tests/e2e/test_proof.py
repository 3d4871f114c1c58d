"""`kiosk --proof DIR`: every city page at both orientations as PNGs and one PDF, long texts screen by screen."""

from __future__ import annotations

from PySide6.QtGui import QImage

from kiosk.data.curation.build import build_database
from tests.e2e.test_kiosk_command import kiosk
from tests.unit.conftest import FIXTURE_SOURCES


def test_proof_sheets_of_every_city(tmp_path):
    db = build_database(FIXTURE_SOURCES, tmp_path / "kiosk.sqlite")  # three cities keep it quick
    out = tmp_path / "proof"
    r = kiosk("--db", str(db), "--proof", str(out), "--log-dir", str(tmp_path / "log"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "4 pages at 1920×1080, 1080×1920" in r.stdout  # the three cities and the one quiz question they allow
    assert QImage(str(out / "quiz-city_tag-1920x1080-1.png")).width() == 1920
    for city in ("01", "02", "03"):
        for size in ("1920x1080", "1080x1920"):
            first = QImage(str(out / f"city-{city}-{size}-1.png"))
            assert (first.width(), first.height()) == tuple(map(int, size.split("x")))
    pdf = (out / "proof.pdf").read_bytes()
    assert (
        pdf.startswith(b"%PDF")
        and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type/Page") >= 6
    )


def test_proof_of_a_broken_database_is_one_line(tmp_path):
    bad = tmp_path / "kiosk.sqlite"
    bad.write_bytes(b"garbage")
    r = kiosk("--db", str(bad), "--proof", str(tmp_path / "proof"), "--log-dir", str(tmp_path / "log"))
    assert r.returncode == 1 and len(r.stdout.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert not (tmp_path / "proof").exists()


def test_proof_lists_every_novokuznetsk_screen_and_chapter(built_db):
    from kiosk.data.store.repository import Repository
    from kiosk.ui.diagnostics.proof import PROOF_SOURCES
    from kiosk.ui.diagnostics.selftest_nk import PAGES

    repo = Repository.open(built_db)
    names = [p.name for source in PROOF_SOURCES for p in source(repo)]
    assert names[: len(repo.cities())] == [f"city-{c.id:02d}" for c in repo.cities()]
    assert {f"novokuznetsk-{name}" for name, *_ in PAGES} <= set(names)
    assert {f"novokuznetsk-chapter-{c.id}" for c in repo.section().chapters} <= set(names)
    # «Викторина»: every curators' question and one question of every kind the data gives
    assert {f"quiz-curated-{q.id:03d}" for q in repo.quiz_questions()} <= set(names)
    assert {
        f"quiz-{kind}" for kind in ("year", "region", "tag_city", "city_tag", "map", "memorial", "event", "figure")
    } <= set(names)


def test_proof_shows_a_chapters_images(built_db, tmp_path, monkeypatch):
    """A chapter with an image (added by the real kiosk-db add-image) shows its thumbnail on the proof sheet."""
    import shutil

    from PIL import Image

    from kiosk.cli import kiosk_db_main
    from kiosk.ui.diagnostics import proof
    from kiosk.ui.config import Config

    db = shutil.copy(built_db, tmp_path / "kiosk.sqlite")
    Image.new("RGB", (1600, 1000), (20, 200, 120)).save(tmp_path / "green.jpg", "JPEG")  # nowhere in the design
    assert (
        kiosk_db_main(
            [
                "add-image",
                str(db),
                "--owner",
                "nk_chapter:combine",
                "--file",
                str(tmp_path / "green.jpg"),
                "--caption",
                "Цех",
                "--credit",
                "Фото: тест",
            ]
        )
        == 0
    )
    only = [lambda repo: [p for p in proof.novokuznetsk_pages(repo) if p.name == "novokuznetsk-chapter-combine"]]
    monkeypatch.setattr(proof, "PROOF_SOURCES", only)
    out = tmp_path / "proof"
    assert proof.run_proof(Config(db=db, log_dir=tmp_path / "log"), out, sizes=((1920, 1080),)) == 0
    sheet = Image.open(out / "novokuznetsk-chapter-combine-1920x1080-1.png").convert("RGB")
    green = sum(n for n, (r, g, b) in sheet.getcolors(1 << 24) if abs(r - 20) + abs(g - 200) + abs(b - 120) < 30)
    assert green > 20_000  # the 280×200 thumbnail, not a placeholder
