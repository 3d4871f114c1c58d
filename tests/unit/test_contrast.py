"""Every text colour of the theme against every background it is drawn on: WCAG contrast ratios.

The brief asks 7:1 for body text; secondary text (labels, hints, regions, headings in gold) gets at least 4.5:1.
Dimmed controls (a disabled button, a filter chip or letter with no city, a year not yet on the map) carry
information too: their text keeps 4.5:1 as Qt Quick draws it, at Theme.dimmed opacity over what lies beneath
(WCAG 2.2 1.4.3 and 1.4.11, issue 22). The colours and the opacity are read from the Theme singleton itself, so a
palette change is checked as it is made.
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
    ("redBright", "ground", SECONDARY, "«В этот день» on an attract slide, a day's date on the timeline axis"),
    ("redBright", "groundRaised", SECONDARY, "a day's date on a timeline card"),
]

# (text colour, the control's own fill or None, the ground beneath it, where): text in a dimmed control.
DIMMED = [
    ("paper", "groundRaised", "ground", "a disabled button, a filter chip with no city"),
    ("paperDim", "groundRaised", "ground", "a disabled «Предыдущий / Следующий» caption"),
    ("paper", "groundPressed", "ground", "the count pill of a dimmed chip"),
    ("paper", None, "ground", "a letter of the А–Я strip with no city"),
    ("paper", "ground", "groundRaised", "a year not yet shown on the map"),
    ("paperDim", "ground", "groundRaised", "that year's count of cities"),
]


def theme_colours() -> dict[str, str]:
    theme = next(QML.rglob("Theme.qml"))
    found = dict(re.findall(r'property\s+color\s+(\w+)\s*:\s*"(#[0-9a-fA-F]{6})"', theme.read_text("utf-8")))
    assert {"paper", "ground", "paperDim", "gold"} <= found.keys(), f"{theme}: palette not found"
    return found


def theme_dimmed() -> float:
    theme = next(QML.rglob("Theme.qml"))
    found = re.search(r"property\s+real\s+dimmed\s*:\s*([0-9.]+)", theme.read_text("utf-8"))
    assert found, f"{theme}: no dimmed opacity"
    return float(found.group(1))


def over(fg: str, bg: str, alpha: float) -> str:
    """`fg` drawn at `alpha` opacity over `bg`, as the scene graph blends it (in sRGB, per node)."""
    mix = (round(alpha * int(fg[i : i + 2], 16) + (1 - alpha) * int(bg[i : i + 2], 16)) for i in (1, 3, 5))
    return "#" + "".join(f"{c:02x}" for c in mix)


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


@pytest.mark.parametrize(("fg", "fill", "under", "where"), DIMMED, ids=[f"dimmed-{d[0]}-on-{d[1]}" for d in DIMMED])
def test_dimmed_control_text_contrast(fg, fill, under, where):
    colours, alpha = theme_colours(), theme_dimmed()
    background = colours[under] if fill is None else over(colours[fill], colours[under], alpha)
    ratio = contrast(over(colours[fg], background, alpha), background)
    assert ratio >= SECONDARY, f"{fg} dimmed on {fill or 'nothing'} over {under} ({where}): {ratio:.2f}:1"


def test_dimmed_is_distinct_from_normal():
    """Dimming must still show: a dimmed label at most ~2/3 of the contrast of a live one."""
    colours, alpha = theme_colours(), theme_dimmed()
    live = contrast(colours["paper"], colours["ground"])
    assert contrast(over(colours["paper"], colours["ground"], alpha), colours["ground"]) <= live * 0.7


def test_controls_dim_with_the_themes_opacity():
    """No control dims with an opacity of its own: `opacity: … ? 1 : 0.4` would escape the checks above."""
    literal = re.compile(r"opacity:[^\n]*\?\s*1(?:\.0)?\s*:\s*0?\.\d+")
    found = [f"{p.name}: {m.group()}" for p in QML.rglob("*.qml") for m in literal.finditer(p.read_text("utf-8"))]
    assert found == []
