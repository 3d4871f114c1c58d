"""Every text colour of the theme against every background it is drawn on: WCAG contrast ratios.

The brief asks 7:1 for body text; secondary text (labels, hints, regions, headings in gold) gets at least 4.5:1.
The colours are read from the Theme singleton itself, so a palette change is checked as it is made.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

QML = Path(__file__).resolve().parents[2] / "kiosk" / "ui" / "qml"
BODY, SECONDARY = 7.0, 4.5

# (text colour, background, minimum, where): every pairing the screens draw text in.
PAIRS = [
    ("paper", "ground", BODY, "reading text, titles, top bar"),
    ("paper", "groundRaised", BODY, "cards, chips, buttons, keyboard keys, memorial card"),
    ("paper", "groundPressed", BODY, "a key or card while pressed, keyboard letter keys"),
    ("paper", "line", BODY, "the keyboard's accent keys"),
    ("ground", "paper", BODY, "a ticked chip, a primary button, a pressed key"),
    ("ground", "gold", BODY, "a checked toggle button"),
    ("paperDim", "ground", SECONDARY, "region, year line, position «2 из 70», top-bar title"),
    ("paperDim", "groundRaised", SECONDARY, "card region, chip counts, memorial address"),
    ("paperDim", "groundPressed", SECONDARY, "a card's region while pressed"),
    ("gold", "ground", SECONDARY, "facet headings"),
    ("gold", "groundRaised", SECONDARY, "the memorial's kind"),
]


def theme_colours() -> dict[str, str]:
    theme = next(QML.rglob("Theme.qml"))
    found = dict(re.findall(r'property\s+color\s+(\w+)\s*:\s*"(#[0-9a-fA-F]{6})"', theme.read_text("utf-8")))
    assert {"paper", "ground", "paperDim", "gold"} <= found.keys(), f"{theme}: palette not found"
    return found


def luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour."""
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula_matches_known_values():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("fg", "bg", "minimum", "where"), PAIRS, ids=[f"{p[0]}-on-{p[1]}" for p in PAIRS])
def test_text_colour_contrast(fg, bg, minimum, where):
    colours = theme_colours()
    ratio = contrast(colours[fg], colours[bg])
    assert ratio >= minimum, f"{fg} on {bg} ({where}): {ratio:.2f}:1, needs {minimum}:1"
