"""Icons are qtawesome's own glyphs, drawn without importing qtawesome (and QtWidgets) on the start-up path:
the same table of fonts, the same pixels as qtawesome draws, sharp at 4K sizes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kiosk.ui.providers.icon_font import FONTS, IconFonts

ROOT = Path(__file__).resolve().parents[2]


def test_the_font_table_is_qtawesomes():
    import qtawesome

    assert {prefix: (ttf, charmap) for prefix, ttf, charmap in qtawesome._BUNDLED_FONTS} == FONTS


@pytest.mark.parametrize("name", ["mdi6.tank", "mdi6.chevron-right", "fa5s.industry", "fa5.star"])
@pytest.mark.parametrize("size", [48, 144])
def test_the_same_pixels_as_qtawesome(qapp, name, size):
    import qtawesome as qta
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage

    ours = IconFonts().image(name, "#efe7d6", size, size)
    theirs = qta.icon(name, color="#efe7d6").pixmap(QSize(size, size)).toImage()
    theirs = theirs.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    assert ours == theirs


def edge_fraction(image) -> float:
    """Share of the drawn pixels that are partly transparent: a glyph drawn at its size has thin edges;
    a small picture scaled up has wide blurry ones."""
    drawn = partial = 0
    for y in range(image.height()):
        for x in range(image.width()):
            a = image.pixelColor(x, y).alpha()
            drawn += a > 0
            partial += 0 < a < 255
    return partial / max(1, drawn)


def test_sharp_at_4k(qapp):
    from PySide6.QtCore import Qt

    fonts = IconFonts()
    big = fonts.image("mdi6.factory", "#efe7d6", 192, 192)  # a 64 px icon at 1080p, on a 3840×2160 screen
    blurry = fonts.image("mdi6.factory", "#efe7d6", 64, 64).scaled(
        192, 192, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    assert edge_fraction(big) < 0.25 < edge_fraction(blurry)


def test_unknown_names_raise_for_the_provider_to_log(qapp):
    fonts = IconFonts()
    with pytest.raises(KeyError):
        fonts.image("mdi6.no-such-icon", "#ffffff", 32, 32)
    with pytest.raises(KeyError):
        fonts.image("nofont.tank", "#ffffff", 32, 32)


def test_the_first_frame_imports_neither_qtawesome_nor_qtwidgets(built_db, tmp_path):
    script = textwrap.dedent(f"""
        import sys
        from kiosk.ui.platform.qapp import make_qapp
        from kiosk.ui.app import KioskApp
        from kiosk.ui.config import Config
        app = make_qapp()
        kiosk = KioskApp(Config(), db_path={str(built_db)!r}, windowed=True, watch=False)
        kiosk.firstFrame.connect(lambda _ms: app.exit(0))
        app.exec()
        heavy = sorted(m for m in sys.modules if m.startswith(("qtawesome", "qtpy", "PySide6.QtWidgets")))
        print("HEAVY", heavy)
        kiosk.close()
    """)
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "QT_QUICK_BACKEND": "software",
        "XDG_STATE_HOME": str(tmp_path),
    }
    r = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert "HEAVY []" in r.stdout, r.stdout + r.stderr


def test_align_center_is_qts():
    from PySide6.QtCore import Qt

    from kiosk.ui.providers.icon_font import ALIGN_CENTER

    assert Qt.AlignmentFlag.AlignCenter == ALIGN_CENTER


def test_every_icon_is_found_as_qtawesomes_charmap_has_it(qapp):
    import json

    from kiosk.ui.providers.icon_font import fonts_dir

    fonts = IconFonts()
    for prefix, (_ttf, charmap) in FONTS.items():
        codes = json.loads((fonts_dir() / charmap).read_text(encoding="utf-8"))
        names = list(codes)[::97] + list(codes)[-2:]  # a sample of every map, its ends included (speed)
        for icon in names:
            assert fonts.char(f"{prefix}.{icon}")[2] == chr(int(codes[icon], 16)), f"{prefix}.{icon}"
        with pytest.raises(KeyError):
            fonts.char(f"{prefix}.{names[0]}-not-an-icon")


def test_a_value_that_reads_like_a_name_is_not_taken_for_it():
    from kiosk.ui.providers.icon_font import _code_point

    charmap = '{\n    "x": "f101",\n    "f101": "0xf102"\n}'
    assert _code_point(charmap, "f101") == 0xF102
    assert _code_point(charmap, "x") == 0xF101
    assert _code_point(charmap, "f10") is None
