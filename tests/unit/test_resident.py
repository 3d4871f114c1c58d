"""What the running kiosk keeps resident for weeks: no library only staff tools or unused writers need.

OpenSSL's libcrypto (~3.5 MiB resident) comes with hashlib: the PIN pad imports it when staff type a PIN, and
nothing on the visitor's path may. urllib.request (http, email, hashlib) came with segno's SVG writer (the QR
codes are drawn by kiosk-db build and import now: segno never loads), and sqlite-utils (click, dateutil, hashlib:
~10 MiB of Python heap) with the first photograph, through a constant of the curators' image module."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NEVER = (
    *("_hashlib", "hashlib", "hmac", "urllib.request", "http.client", "email", "sqlite_utils", "click"),
    "snowballstemmer.german_stemmer",  # the search stems Russian and English only
    *("openpyxl", "kiosk.data.curation"),  # the statistics reports are the curators' (kiosk-db stats)
    "segno",  # the QR codes are drawn by kiosk-db build and import (kiosk.data.qr_codes)
)


def test_a_visit_with_a_qr_code_and_a_photograph_loads_no_crypto_http_nor_curator_tools(built_db, tmp_path):
    script = textwrap.dedent(f"""
        import sys
        from urllib.parse import quote
        from PySide6.QtCore import QSize
        from kiosk.ui.platform.qapp import make_qapp
        from kiosk.ui.app import KioskApp
        from kiosk.ui.config import Config
        from kiosk.ui.providers.image_providers import QrProvider
        app = make_qapp()
        kiosk = KioskApp(Config(), db_path={str(built_db)!r}, windowed=True, watch=False)
        kiosk.firstFrame.connect(lambda _ms: app.exit(0))
        app.exec()
        url = next(c.memorial.url for c in kiosk.database.repository.cities() if c.memorial and c.memorial.url)
        qr = QrProvider(lambda: kiosk.database.repository).requestImage(quote(url, safe=""), QSize(), QSize(200, 200))
        dark = sum(qr.pixelColor(x, y).lightness() < 100 for x in range(0, 200, 4) for y in range(0, 200, 4))
        print("DARK", dark > 50)
        import io
        from PIL import Image
        from kiosk.ui.providers.db_images import decode
        jpeg = io.BytesIO()
        Image.new("RGB", (640, 480), (150, 40, 30)).save(jpeg, "JPEG")
        print("PHOTO", decode(jpeg.getvalue(), (320, 320)).width())
        kiosk.quiz.start(False)  # a quiz round: its report flags read the place names once, then let them go
        print("QUIZ", kiosk.quiz.property("total"))
        print("LOADED", sorted(m for m in {NEVER!r} if m in sys.modules))
        kiosk.close()
    """)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_QUICK_BACKEND": "software",
        "XDG_STATE_HOME": str(tmp_path),
    }
    r = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert "DARK True" in r.stdout, r.stdout + r.stderr
    assert "PHOTO 320" in r.stdout, r.stdout + r.stderr
    assert "QUIZ 10" in r.stdout, r.stdout + r.stderr
    assert "LOADED []" in r.stdout, r.stdout + r.stderr


def test_the_pin_still_hashes_and_verifies():
    from kiosk.ui.services.pin import hash_pin, verify_pin

    encoded = hash_pin("2468", iterations=1_000)
    assert verify_pin("2468", encoded) and not verify_pin("1357", encoded)


def test_glibc_shares_two_heaps_among_the_threads():
    import sys

    from kiosk.ui.platform.allocator import limit_arenas

    assert limit_arenas() is sys.platform.startswith("linux")


def test_the_map_keeps_one_window_sized_picture_beside_a_locator_map(monkeypatch):
    import collections

    from PySide6.QtGui import QImage

    from kiosk.ui.providers import map_canvas

    monkeypatch.setattr(map_canvas, "_pictures", collections.OrderedDict())

    def picture(w: int, h: int) -> QImage:
        return QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)

    map_canvas.keep_picture(("map", 1), picture(1920, 960))
    map_canvas.keep_picture(("locator", 1), picture(576, 346))
    assert list(map_canvas._pictures) == [("map", 1), ("locator", 1)]  # a reopened map and attract: both blit
    map_canvas.keep_picture(("map", 2), picture(1920, 960))  # the visitor panned: the older view goes
    assert list(map_canvas._pictures) == [("locator", 1), ("map", 2)]
    map_canvas.keep_picture(("map", 3), picture(1920, 960))  # and again: never two map views
    assert list(map_canvas._pictures) == [("map", 3)]
