"""Content rules shared by the build (checking sources) and `validate` (checking a database file).

Each returns None when the value is fine, else a short curator-readable reason.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TypeGuard
from urllib.parse import urlsplit

FIRST_YEAR = 2020  # the title «Город трудовой доблести» exists since 2020
# A 16000×16000 PNG of one colour is a few kB and 1 GB decoded: refuse before decoding (decompression bomb).
# Here, not in kiosk.data.curation.images: the kiosk checks it at every photograph, and that module's sqlite-utils
# (click, dateutil, hashlib and 190 modules in all: ~10 MiB of Python heap) is for the curators' tools.
MAX_PIXELS = 60_000_000
HEADLINE_MAX = 140
_ELLIPSIS = re.compile(r"…|\.\.\.")
_SPACE = re.compile(r"\s+")


def current_year() -> int:
    return _dt.date.today().year


def year_problem(year: object) -> str | None:
    if not isinstance(year, int) or isinstance(year, bool):
        return f"must be a whole number, got {year!r}"
    if not FIRST_YEAR <= year <= current_year():
        return f"{year} is outside {FIRST_YEAR}..{current_year()}"
    return None


def _number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def lat_problem(lat: object) -> str | None:
    if not _number(lat):
        return f"must be a number, got {lat!r}"
    if not 41.0 <= lat <= 82.0:
        return f"{lat} is outside Russia (latitude 41..82)"
    return None


def lon_problem(lon: object) -> str | None:
    if not _number(lon):
        return f"must be a number, got {lon!r}"
    # Russia crosses the antimeridian: Chukotka reaches about −169°.
    if not (19.0 <= lon <= 180.0 or -180.0 <= lon <= -168.0):
        return f"{lon} is outside Russia (longitude 19..180 or -180..-168)"
    return None


def url_problem(url: object) -> str | None:
    if not isinstance(url, str):
        return f"must be text, got {url!r}"
    if not url:
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return f"malformed link {url!r}"
    if parts.scheme not in ("http", "https") or not host or any(c.isspace() for c in url):
        return f"malformed link {url!r} (need http(s)://host/…)"
    return None


def _pieces(headline: str) -> list[str]:
    pieces = [_SPACE.sub(" ", p).strip() for p in _ELLIPSIS.split(headline)]
    return [p for p in pieces if p]


def _find(text: str, piece: str, at: int, first: bool) -> int:
    """Where `piece` occurs from `at`; the headline's first letter may be capitalised (an excerpt from mid-sentence)."""
    found = text.find(piece, at)
    if found < 0 and first:
        found = text.find(piece[:1].lower() + piece[1:], at)
    return found


def excerpt_end(headline: str, text: str) -> int | None:
    """The position in the (space-folded) text just after the headline's last piece, or None if not an excerpt:
    every piece between ellipses occurs in the text, in order."""
    text = _SPACE.sub(" ", text)
    pieces = _pieces(headline)
    if not pieces:
        return None
    at = 0
    for i, piece in enumerate(pieces):
        at = _find(text, piece, at, first=i == 0)
        if at < 0:
            return None
        at += len(piece)
    return at


def is_excerpt(headline: str, text: str) -> bool:
    """True when every piece of the headline between ellipses occurs in the text, in order (spaces folded)."""
    return excerpt_end(headline, text) is not None


def headline_problem(headline: object, text: object) -> str | None:
    if not isinstance(headline, str) or not isinstance(text, str):
        return "headline and text must be text"
    if len(headline) > HEADLINE_MAX:
        return f"{len(headline)} characters, at most {HEADLINE_MAX}"
    if not is_excerpt(headline, text):
        return "is not an excerpt of the text (pieces between «…» must appear verbatim, in order)"
    return None


# A headline stands alone on a card: it does not open with a word that points back at a sentence the card does
# not show, and it is not cut in the middle of a phrase (db/sources/SOURCES.md, «Headlines»).
LEADING_WORDS = frozenset(
    {
        "а",
        "и",
        "но",
        "же",
        "да",
        "также",
        "тоже",
        "кроме",
        "поэтому",
        "однако",
        "причём",
        "причем",
        "затем",
        "тогда",
        "так",
        "так,",
        "он",
        "она",
        "оно",
        "они",
        "его",
        "её",
        "ее",
        "их",
        "им",
        "ему",
        "ей",
        "это",
        "этот",
        "эта",
        "эти",
        "этого",
        "этой",
        "этих",
        "этом",
        "тот",
        "та",
        "те",
        "который",
        "которая",
        "которое",
        "которые",
    }
)
SECOND_WORDS = frozenset({"же", "также", "тоже", "его", "её", "ее", "их", "этого", "этой", "этих", "этом"})
DANGLING_WORDS = frozenset(
    {  # a headline never ends on these: the phrase goes on
        "в",
        "во",
        "на",
        "из",
        "от",
        "до",
        "по",
        "с",
        "со",
        "к",
        "ко",
        "у",
        "о",
        "об",
        "за",
        "под",
        "над",
        "при",
        "для",
        "без",
        "через",
        "и",
        "а",
        "но",
        "или",
        "что",
        "как",
        "чем",
        "большое",
        "более",
        "около",
        "свыше",
    }
)
_WORD = re.compile(r"[\w-]+")
_SENTENCE_END = ".!?"
_BOUNDARY = ".,;:!?—–-»)…"


def headline_shape_problem(headline: str, text: str) -> str | None:
    """None when the headline stands alone: no leading connective or pronoun, not cut mid-phrase."""
    words = [w.lower() for w in _WORD.findall(headline)]
    if not words:
        return "has no words"
    if words[0] in LEADING_WORDS:
        return f"starts with «{words[0]}», which points at a sentence the card does not show"
    if len(words) > 1 and words[1] in SECOND_WORDS:
        return f"«{words[1]}» as its second word points at a sentence the card does not show"
    if words[0] in DANGLING_WORDS and any(w in SECOND_WORDS for w in words[1:3]):  # «На базе его…»
        return f"«{' '.join(words[:3])}» points at a sentence the card does not show"
    if words[-1] in DANGLING_WORDS:
        return f"ends on «{words[-1]}», in the middle of a phrase"
    end = excerpt_end(headline, text)
    if end is None:
        return None  # headline_problem says so
    folded = _SPACE.sub(" ", text)
    rest = folded[end:].lstrip()
    body = headline.rstrip().removesuffix("…").removesuffix("...").rstrip()
    if body[-1:] in _SENTENCE_END + "»":
        return None
    if rest and rest[0] not in _BOUNDARY:
        return f"is cut before «{rest.split(' ', 1)[0]}», in the middle of a phrase"
    return None


_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
# The exhibition's English is plain text like the Russian: tags or Markdown would show as typed.
_MARKUP = re.compile(r"<[A-Za-z/!][^>]*>|\*\*|__|\[[^\]]*\]\(|^#+ |&[a-z]+;", re.MULTILINE)
ENGLISH_MAX = 1200  # characters: an English summary beside the Russian is a wall label, not a second text


def english_problem(value: object) -> str | None:
    """An editorial English text (cities.summary_en, the section's label_en): plain text of a label's length."""
    if not isinstance(value, str) or not value.strip():
        return None
    if m := _MARKUP.search(value):
        return f"plain text only: «{m.group(0)}» would show as typed"
    if len(value) > ENGLISH_MAX:
        return f"{len(value)} characters: at most {ENGLISH_MAX} (aim for 300–600)"
    return None


def oneline_problem(value: object) -> str | None:
    """Names, titles, addresses are shown on one line: no line breaks, tabs or stray surrounding spaces."""
    if not isinstance(value, str):
        return None
    if _CONTROL.search(value):
        return f"must be one line without control characters, got {value!r}"
    if value != value.strip():
        return f"has spaces at the start or end: {value!r}"
    return None
