"""Which voice a text needs: Russian for Cyrillic text, English for Latin text (the kiosk shows no other)."""

from __future__ import annotations

import re

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


def language_of(text: str) -> str:
    """ "ru" or "en" by the letters the text is written in; Roman numerals in Russian text stay Russian."""
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(re.sub(r"\b[IVXLCDM]+\b", "", text)))
    return "en" if latin > cyrillic else "ru"
