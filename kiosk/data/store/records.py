"""Typed, immutable records the repository hands out. No Qt, no SQL here."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Memorial:
    kind: str  # controlled: стела, памятник, сквер, мемориал, памятный знак, площадь, аллея, мемориальная доска…
    title: str
    address: str
    url: str  # map link, shown only as a QR code; the kiosk never opens it


@dataclass(frozen=True, slots=True)
class Tag:
    id: str  # slug, e.g. "tanks"
    label_ru: str
    label_en: str
    icon: str  # qtawesome name, e.g. "mdi6.tank"


@dataclass(frozen=True, slots=True)
class CitySourceRef:
    """A public source of an editorial text (a city the list lacks): visitors read the title."""

    title: str  # «Президент России: указ от 15.11.2022»
    url: str
    facts: str  # what the text took from it


@dataclass(frozen=True, slots=True)
class City:
    id: int  # the seed's row number, 1..70 (71: an editorial entry the list lacks); also the display order
    name: str  # official name (corrected where the seed differs)
    region: str  # official region name (corrected where the seed differs)
    federal_district: str
    year: int  # year the title was given
    text: str  # the seed's contribution text, verbatim, paragraphs separated by "\n"
    headline: str  # verbatim excerpt of `text`, at most 140 characters
    lat: float | None
    lon: float | None
    name_latin: str = ""  # transliteration for search («Kazan»)
    tags: tuple[str, ...] = field(default_factory=tuple)  # Tag ids
    memorial: Memorial | None = None  # None where the seed says «Нет»
    summary_en: str = ""  # optional English summary by curators, shown in the English mode beside the Russian text
    # The public sources of an editorial text: non-empty only for a city the list lacks, whose text is the
    # exhibition's own (visitors are told so); a row of the list has none.
    sources: tuple[CitySourceRef, ...] = ()

    @property
    def editorial(self) -> bool:
        return bool(self.sources)


@dataclass(frozen=True, slots=True)
class Correction:
    """Where the shown value differs from the seed, and why (the data-quality report lists these)."""

    id: int
    city_id: int
    field: str
    original: str  # the seed's value
    corrected: str  # the value shown
    note: str


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    """A doubt about a seed value that only an editor can settle; the value stays as the seed has it."""

    id: int
    city_id: int
    field: str
    note: str


@dataclass(frozen=True, slots=True)
class SearchTerms:
    """A city's precomputed search terms (normalised and stemmed at build time, see kiosk.data.search.textnorm)."""

    city_id: int
    name: tuple[str, ...]
    region: tuple[str, ...]
    text: tuple[str, ...]
    tags: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImageRef:
    """A photograph stored in the database, without its bytes (Repository.image_data reads them on demand)."""

    id: int
    owner_type: str  # a key of schema.IMAGE_OWNERS, e.g. "city"
    owner_id: str
    position: int
    caption: str
    credit: str
    width: int
    height: int
    format: str  # "jpeg" | "png"
    size: int = 0  # bytes stored (list-images); 0 where not read
