"""How a quoted passage is shown on a card: as an excerpt when it is one, and never twice.

Seed texts are shown verbatim (the content is never rewritten), so a passage cut from the middle of a sentence
(«орденом Ленина (10 апреля 1943 г.)») is marked as the excerpt it is, with «…» where the sentence goes on, and
reads as part of a sentence rather than as a broken one. Pure functions: no Qt.
"""

from __future__ import annotations

import re

_END = '.!?…»)"”'
_WORDS = re.compile(r"[\w]+", re.UNICODE)


def as_excerpt(text: str) -> str:
    """`text` with «…» before a lowercase start and after an open end; a whole sentence as it is."""
    body = text.strip()
    if not body:
        return text
    first = next((ch for ch in body if ch.isalpha() or ch.isdigit()), "")
    if first.isalpha() and first.islower() and not body.startswith("…"):
        body = "…" + body
    if body[-1] not in _END and body[-1] not in ",;:":
        body += "…"
    elif body[-1] in ",;:":
        body = body[:-1].rstrip() + "…"
    return body


def words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORDS.findall(text.replace("\u00a0", " ")))


def repeats(text: str, heading: str) -> bool:
    """The text says nothing the heading above it does not («50 тысяч танков» under «50 тысяч танков»)."""
    said = words(text)
    return bool(said) and said == words(heading)


def without_repeats(paragraphs: list[str]) -> list[int]:
    """Indexes of the paragraphs to show: a paragraph identical to the one before it goes."""
    keep: list[int] = []
    last: tuple[str, ...] = ()
    for i, p in enumerate(paragraphs):
        w = words(p)
        if w and w == last:
            continue
        keep.append(i)
        last = w
    return keep
