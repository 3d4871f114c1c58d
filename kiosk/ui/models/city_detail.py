"""What the city screen shows of one city (CityRecord's fields), built by Catalog.city() and .neighbours().

A module of its own so that these dataclasses are made on the first city page, not at start-up: a frozen
dataclass execs generated code for each method (~0.5 ms a class), and home never shows a city's details.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kiosk.ui.models.city_images import ImageRecord


@dataclass(frozen=True)
class TagLabel:
    id: str
    label: str
    icon: str


@dataclass(frozen=True)
class MemorialDetail:
    kind: str  # capitalised for display: «Стела»
    title: str
    address: str
    url: str
    has_qr_code: bool = True  # the database holds the QR code of `url` (a hand-edited address may lack one)


@dataclass(frozen=True)
class CityDetail:
    """What the city screen shows of one city (QML reads it through CityRecord's typed properties)."""

    id: int
    name: str
    region: str
    federal_district: str
    year: int
    headline: str
    paragraphs: tuple[str, ...]
    tags: tuple[TagLabel, ...]
    memorial: MemorialDetail | None
    images: tuple[ImageRecord, ...] = ()  # its photographs (city_images.py)
    name_latin: str = ""  # the Latin spelling, shown beside the Russian name in English mode
    summary_en: tuple[str, ...] = ()  # English mode: the curators' English summary, paragraph by paragraph
    source_titles: tuple[str, ...] = ()  # an editorial text's public sources (a city the list lacks), else ()


@dataclass(frozen=True)
class Neighbours:
    """Previous/next city in the current order (0 and "" at the ends), and where this one stands."""

    previous: int = 0
    next: int = 0
    previous_name: str = ""
    next_name: str = ""
    position: int = 0
    count: int = 0
