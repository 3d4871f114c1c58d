"""Content rules shared by the build (checking sources) and `validate` (checking a database file).

Each returns None when the value is fine, else a short curator-readable reason.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import TypeGuard
from urllib.parse import urlsplit

FIRST_YEAR = 2020  # the title «Город трудовой доблести» exists since 2020
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


def is_excerpt(headline: str, text: str) -> bool:
    """True when every piece of the headline between ellipses occurs in the text, in order (spaces folded)."""
    text = _SPACE.sub(" ", text)
    pieces = [_SPACE.sub(" ", p).strip() for p in _ELLIPSIS.split(headline)]
    pieces = [p for p in pieces if p]
    if not pieces:
        return False
    at = 0
    for piece in pieces:
        at = text.find(piece, at)
        if at < 0:
            return False
        at += len(piece)
    return True


def headline_problem(headline: object, text: object) -> str | None:
    if not isinstance(headline, str) or not isinstance(text, str):
        return "headline and text must be text"
    if len(headline) > HEADLINE_MAX:
        return f"{len(headline)} characters, at most {HEADLINE_MAX}"
    if not is_excerpt(headline, text):
        return "is not an excerpt of the text (pieces between «…» must appear verbatim, in order)"
    return None


_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def oneline_problem(value: object) -> str | None:
    """Names, titles, addresses are shown on one line: no line breaks, tabs or stray surrounding spaces."""
    if not isinstance(value, str):
        return None
    if _CONTROL.search(value):
        return f"must be one line without control characters, got {value!r}"
    if value != value.strip():
        return f"has spaces at the start or end: {value!r}"
    return None
