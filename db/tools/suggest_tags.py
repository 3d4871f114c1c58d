"""Suggest tags for a city's contribution text: a first pass that a person then reviews.

Each tag of db/sources/tags.toml has a list of keyword stems below. Words of the
text are lower-cased, «ё» folded to «е», and stemmed with the Russian Snowball
stemmer; a tag is suggested when one of its stems is a prefix of a word stem
(or of the word itself, for short technical tokens such as «т-34»). The score
is the number of matching words, so the strongest themes come first.

This is only a candidate generator: the tags stored in db/sources/cities/NN.toml
were chosen by reading each text (see db/sources/SOURCES.md).

    python db/tools/suggest_tags.py            # every city: suggested vs stored tags
    python db/tools/suggest_tags.py 13 22      # only these ids, with the matched words
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

import snowballstemmer

from kiosk.data.text.folding import folded

ROOT = Path(__file__).resolve().parents[2]
CITIES = ROOT / "db" / "sources" / "cities"

# Stems are matched as prefixes of the stemmed (or raw) lower-case word.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "tanks": ("танк", "броне", "брон", "т-34", "т-60", "т-70", "бронепоезд"),
    "aviation": (
        "самолет",
        "авиа",
        "истребител",
        "бомбардировщик",
        "штурмов",
        "ил-",
        "як-",
        "ла-5",
        "пе-2",
        "эскадрил",
        "аэрокобр",
        "моторостро",
    ),
    "ammunition": (
        "снаряд",
        "мин",
        "бомб",
        "авиабомб",
        "боеприпас",
        "патрон",
        "взрывател",
        "гранат",
        "катюш",
        "фугас",
        "каск",
    ),
    "small_arms": ("винтовк", "пулемет", "пистолет", "ппш", "автомат", "стрелков", "карабин", "ружь", "ствол"),
    "metallurgy": (
        "металлург",
        "стал",
        "прокат",
        "чугун",
        "алюмин",
        "никел",
        "медн",
        "цинк",
        "металл",
        "сплав",
        "силумин",
        "плавк",
        "выплав",
    ),
    "coal": ("угол", "угл", "уголь", "шахт", "забо", "кочегарк"),
    "oil": ("нефт", "бензин", "горюч", "топлив", "мазут"),
    "shipbuilding": ("судостро", "корабл", "корабел", "катер", "подводн", "судоремонт", "бронекатер", "суд"),
    "textiles": (
        "ткан",
        "шинел",
        "обмундир",
        "текстил",
        "сапог",
        "валенк",
        "бель",
        "полушубк",
        "одежд",
        "гимнастерк",
        "меланж",
        "брезент",
        "швейн",
        "шил",
        "пошив",
        "обув",
    ),
    "hospitals": ("госпитал", "эвакогоспитал", "ранен", "донор", "кров", "медикамент", "медицин", "хирург", "лечен"),
    "food": ("продовольств", "консерв", "рыб", "мяс", "продукт", "колхоз", "сельхоз"),
    "gold": ("золот", "олов", "слюд", "кобальт", "серебр", "хрустал", "редкоземел", "флогопит"),
    "chemistry": ("хими", "взрывчатк", "порох", "кислот", "химзавод", "химпром", "ихтиол", "кетгут"),
    "transport": (
        "железнодорож",
        "эшелон",
        "паровоз",
        "автомаш",
        "автомобил",
        "грузовик",
        "трактор",
        "пристан",
        "шин",
        "автопокрышк",
        "мотоцикл",
        "речн",
        "станци",
        "вагон",
        "ремонт",
    ),
    "evacuation": ("эваку", "реэваку"),
}

_WORD = re.compile(r"[а-яёa-z0-9]+(?:-[а-яёa-z0-9]+)*", re.IGNORECASE)
_stemmer = snowballstemmer.stemmer("russian")


def _words(text: str) -> list[str]:
    return [folded(w) for w in _WORD.findall(text)]


def matches(text: str) -> dict[str, list[str]]:
    """tag id -> the words of `text` that triggered it."""
    found: dict[str, list[str]] = {}
    for word in _words(text):
        stem = _stemmer.stemWord(word)
        for tag, stems in KEYWORDS.items():
            if any(stem.startswith(s) or word.startswith(s) for s in stems):
                found.setdefault(tag, []).append(word)
    return found


def suggest(text: str, limit: int = 5) -> list[str]:
    """Tag ids for `text`, strongest first, at most `limit`."""
    scores = Counter({tag: len(ws) for tag, ws in matches(text).items()})
    return [tag for tag, _ in scores.most_common(limit)]


def main(argv: list[str]) -> int:
    ids = {int(a) for a in argv}
    for path in sorted(CITIES.glob("*.toml")):
        city = tomllib.loads(path.read_text(encoding="utf-8"))
        if ids and city["id"] not in ids:
            continue
        text = city["seed"]["text"]
        got = suggest(text)
        stored = city.get("tags", [])
        print(f"{city['id']:2} {city['name']}: suggested {got}  stored {stored}")
        if ids:
            for tag, ws in matches(text).items():
                print(f"     {tag}: {', '.join(sorted(set(ws)))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
