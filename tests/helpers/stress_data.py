"""A stress database for the fit checker: the bundled data pushed to the limits curators can reach.

- every city gets the longest region in the data, and a few cities the longest names in it (one each, so the
  order and the neighbours' buttons carry them too);
- a curator slide at the maximum lengths (kiosk.data.attract.slides: 120-character title, 600-character text, the same
  in English) with a picture;
- photographs of extreme aspect ratios (a 12:1 panorama, a 1:8 strip, a square) on the first cities, with long
  captions and credits, and on the curator slide.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from kiosk.data.attract import slides as slide_rules
from kiosk.data.curation.images import add_image

LONG_CAPTION = (
    "Рабочие мартеновского цеха Кузнецкого металлургического комбината у печи № 3 после выдачи плавки броневой "
    "стали для танков Т-34, январь 1942 года"
)
LONG_CREDIT = "Фото: И. Петров, 2021, из собрания Новокузнецкого краеведческого музея, лицензия CC BY-SA 4.0"
SHAPES = ((2400, 200), (200, 1600), (900, 900))  # panorama, strip, square


def _words(seed: str, limit: int) -> str:
    """Text of exactly `limit` characters, in words (what a curator at the limit writes)."""
    out = ""
    while len(out) < limit:
        out += (" " if out else "") + seed
    cut = out[: limit - 1]
    return (cut[:-1] + "я" if cut.endswith(" ") else cut) + "."


def _picture(path: Path, size: tuple[int, int]) -> Path:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (90, 84, 76))
    draw = ImageDraw.Draw(image)
    for x in range(0, size[0], 40):
        draw.line((x, 0, x, size[1]), fill=(150, 140, 120), width=3)
    image.save(path, "JPEG", quality=70)
    return path


def build_stress_db(source: Path, target: Path) -> Path:
    """A copy of `source` (a built kiosk database) at the limits; returns `target`."""
    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM cities ORDER BY length(name) DESC LIMIT 3")]
        (region,) = conn.execute("SELECT region FROM cities ORDER BY length(region) DESC LIMIT 1").fetchone()
        conn.execute("UPDATE cities SET region = ?", (region,))
        ids = [r[0] for r in conn.execute("SELECT id FROM cities ORDER BY id LIMIT 6")]
        # Neighbours 2..4 in the list order take the longest names (swapped with their holders: names stay unique).
        for city_id, name in zip(ids[1:4], names, strict=False):
            (old,) = conn.execute("SELECT name FROM cities WHERE id = ?", (city_id,)).fetchone()
            conn.execute("UPDATE cities SET name = ? WHERE name = ?", (f"{old}\u2060", name))
            conn.execute("UPDATE cities SET name = ? WHERE id = ?", (name, city_id))
        conn.execute("DELETE FROM slides")
        conn.execute(
            "INSERT INTO slides (id, title, text, duration, position, enabled, source, title_en, text_en) "
            "VALUES (1, ?, ?, NULL, 1, 1, 'stress test', ?, ?)",
            (
                _words("Кузница Победы: сталь, чугун и прокат для фронта", slide_rules.TITLE_MAX),
                _words(
                    "Город Сталинск вошёл в историю как город трудовой и боевой славы, кузница Победы; из его "
                    "стали сделана каждая вторая танковая броня.",
                    slide_rules.TEXT_MAX,
                ),
                _words("The Forge of Victory: steel, iron and rolled metal for the front", slide_rules.TITLE_MAX),
                _words("Stalinsk went down in history as a city of labour and military glory.", slide_rules.TEXT_MAX),
            ),
        )
        conn.commit()
    finally:
        conn.close()
    pictures = target.parent / "stress-pictures"
    pictures.mkdir(exist_ok=True)
    for n, size in enumerate(SHAPES):
        file = _picture(pictures / f"shape-{n}.jpg", size)
        for city_id in ids[:2]:
            add_image(target, "city", str(city_id), file, caption=LONG_CAPTION, credit=LONG_CREDIT)
    add_image(target, "slide", "1", pictures / "shape-0.jpg", caption=LONG_CAPTION, credit=LONG_CREDIT)
    return target
