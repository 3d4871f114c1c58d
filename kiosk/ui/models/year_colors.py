"""Year-of-title colours: one colour-blind-safe sequence, stepped through year by year from the first year of
the title, for every year the database has. A new year (a 2026 title) gets its colour without a code change,
and a year keeps its colour whichever other years a database holds. Badges and filters read the same map
(`Catalog.yearColors`, through `Theme.yearColor` in QML)."""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.data.cities.rules import FIRST_YEAR

# Okabe & Ito, "Color Universal Design" (2008): told apart under every common colour-vision deficiency. Black
# is left out (the ground is graphite); vermillion comes last, being the nearest to the banner red.
OKABE_ITO = ("#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#cc79a7", "#d55e00")


def year_colors(years: Iterable[int]) -> dict[int, str]:
    """From the eighth year on the sequence repeats (the badge always writes the year out as well)."""
    return {year: OKABE_ITO[(year - FIRST_YEAR) % len(OKABE_ITO)] for year in sorted(set(years))}
