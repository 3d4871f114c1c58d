"""The number-and-name rule for the exhibition's own English (city summaries, the section's English labels).

Editorial English is written from a Russian source text and may say nothing that text does not: every number
in the English must be one of the Russian text's numbers (multiplied out where the Russian says «тысяч»,
«млн», «млрд», or written as the Russian writes it), and every capitalised word must be a name the Russian
text carries, romanised (kiosk.data.english.names.romanised) or given in the glossary of translated names
(kiosk/data/reference/english_names.toml, [glossary]). `problems()` returns what breaks the rule, one
message each; the report, validate's spreadsheet import and tests/unit/test_english_text.py use it.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from kiosk.data.english.names import glossary, romanised

_RU_NUMBER = re.compile(
    r"(?<!\d)(?<!\d[.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[,.](\d+))?"
    r"(?:\s*(тыс\w*|млн\.?|миллион\w*|млрд\.?|миллиард\w*))?",
    re.IGNORECASE,
)
_EN_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(thousand|million|billion))?")
_EN_MULTIPLIER = {"thousand": 1000, "million": 10**6, "billion": 10**9}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Capitalised words that are plain English, not names (sentence openings, «I. M.» initials are names).
_PLAIN = frozenset(
    """a about according after all almost among and around as at by coal during each evacuated every fish
    five for from guns holds however in it its known more most of on one other over shells still the
    their then there these thirty this three thus to trains two until when while with within yet""".split()
)


def _decimal(whole: str, frac: str | None) -> Decimal:
    digits = re.sub(r"\D", "", whole)
    try:
        return Decimal(f"{digits}.{frac}") if frac else Decimal(digits)
    except InvalidOperation:
        return Decimal(0)


def _ru_multiplier(word: str | None) -> int:
    if not word:
        return 1
    w = word.lower()
    if w.startswith("тыс"):
        return 1000
    if w.startswith("млрд") or w.startswith("миллиард"):
        return 10**9
    return 10**6


def russian_numbers(text: str) -> set[Decimal]:
    """Every number the Russian text gives, as written and multiplied out («2,7 тысячи» → 2.7 and 2700)."""
    out: set[Decimal] = set()
    for whole, frac, word in _RU_NUMBER.findall(text or ""):
        value = _decimal(whole, frac or None)
        out.add(value)
        out.add(value * _ru_multiplier(word))
        if frac is None or frac == "":
            # «1 500 000» may also be read as written in parts («1» «500» «000»): keep the groups too
            out.update(Decimal(g) for g in re.split(r"[ \u00a0\u202f]", whole) if g)
    return {v.normalize() for v in out}


def english_numbers(text: str) -> list[tuple[str, Decimal]]:
    """Each number of the English text: (as written, its value multiplied out)."""
    out = []
    for m in _EN_NUMBER.finditer(text or ""):
        whole, frac, word = m.groups()
        value = _decimal(whole, frac) * (_EN_MULTIPLIER[word] if word else 1)
        out.append((m.group(0), value.normalize()))
    return out


def _skeleton(word: str) -> str:
    """A spelling-blind key: lower case, consonants only («Yekaterinburg», «Екатеринбург» → «ktrnbrg»)."""
    return re.sub(r"[^bcdfghjklmnpqrstvwxz]", "", word.lower().replace("kh", "h").replace("ks", "x"))


def _russian_skeletons(text: str) -> set[str]:
    return {_skeleton(romanised(w)) for w in re.findall(r"[А-Яа-яЁё]+", text or "")}


def _name_found(word: str, skeletons: set[str]) -> bool:
    key = _skeleton(word)
    if not key:
        return True
    for ru in skeletons:
        if ru.startswith(key) or (len(ru) >= max(2, len(key) - 2) and key.startswith(ru)):
            return True
        common = len(_common_prefix(ru, key))
        if common >= 4 and common >= len(key) - 2:  # inflected or adjectival forms: «Белорусский» ~ Belorussian
            return True
    return False


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def problems(english: str, russian: str, known_names: str = "") -> list[str]:
    """What in `english` the Russian text does not back: numbers it lacks, names it does not carry.

    `known_names`: Latin names the English may use without the Russian spelling them out (the city's own
    name and region, shown beside the text)."""
    out: list[str] = []
    ru_numbers = russian_numbers(russian)
    for written, value in english_numbers(english):
        if value not in ru_numbers:
            out.append(f"number «{written}» is not in the Russian text")
    skeletons = _russian_skeletons(russian)
    known = {w.lower() for w in _WORD.findall(known_names)}
    lowered = (russian or "").lower()
    terms = glossary()
    for m in _WORD.finditer(english or ""):
        word = re.sub(r"['’]s?$", "", m.group(0))
        if not word[0].isupper() or word.lower() in _PLAIN or word.lower() in known:
            continue
        stems = terms.get(word) or terms.get(word.rstrip("s"))
        if stems is not None:
            if not any(stem.lower() in lowered for stem in stems):
                out.append(f"«{word}» stands for {' / '.join(stems)}, which the Russian text does not have")
            continue
        initial = len(word) == 1 or (word.isupper() and len(word) <= 2)  # initials («I. M.») and markers («X»)
        if initial and (word.lower() in romanised(lowered) or word in russian):
            continue
        if not _name_found(word, skeletons):
            out.append(f"name «{word}» is not in the Russian text")
    return out
