"""Display-only Russian typography for texts that are stored verbatim.

The sources keep the list's typing as it is («1941 — 1945 гг.» broken before «гг.», « - » for a dash,
«58 млн.руб», straight quotes). `typeset()` is applied where a text reaches the screen, never to what is
stored, exported or searched. It only changes spaces, dashes and quotes (tests/unit/test_typography.py
checks that no letter, digit or other mark moves): a grouped number's decimal comma kept with its
digits («6 173, 4» → «6 173,4»), real dashes, non-breaking spaces after numbers, short
words, abbreviations and initials, «ёлочки» for straight quotes, and a space after a comma or an
abbreviation's period that lacks one.
"""

from __future__ import annotations

import functools
import re
from typing import Any

NBSP = "\u00a0"
EM = "\u2014"
EN = "\u2013"

# Everything typeset() may add, remove or swap; every other character stays where it is, in order.
SPACES = " \t\u00a0\u2009\u202f"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015"
QUOTES = '"«»„“”'

_L = "А-Яа-яЁёA-Za-z"  # letters of the texts (Cyrillic and Latin)
_SP = f"[ {NBSP}]"
# Short words that should not end a line: prepositions, conjunctions, particles (all 1–2 letter words, plus
# the common three-letter ones; a longer word at a line end reads fine).
_SHORT3 = "для|при|под|над|без|про|что|как|или|его|где|все|так|уже|лет|тыс|млн|млрд"
# Abbreviations that stay with the word or number after them.
_ABBR = "им|г|гг|ул|пос|пр|просп|обл|т|тыс|млн|млрд|руб|коп|ст|св|ок|см"


@functools.cache
def _rules() -> tuple[tuple[re.Pattern[str], Any], ...]:
    """(pattern, replacement) in the order typeset() applies them. Compiled on first use, not at import: nothing
    is typeset before the home screen's first frame, and the compiles cost ~1.5 ms of the frozen start-up."""
    return (
        (re.compile(r"[ \u00a0]{2,}"), lambda m: NBSP if NBSP in m.group() else " "),
        # «6 173, 4 тысячи»: a space after the decimal comma of a number grouped in thousands reads as two
        # numbers. One digit after it, not a group of three: a list of grouped numbers («1 000, 2 000») stays a list.
        (re.compile(rf"(?<=\d{_SP}\d{{3}}),{_SP}+(?=\d(?![\d,]|{_SP}\d{{3}}))"), ","),
        (re.compile(rf"(?<=\d){_SP}*[-{EN}{EM}]{_SP}*(?=\d)"), EN),  # 1941-1945, 1941 — 1945: an en dash
        # « - », « – », « — » between words
        (re.compile(rf"(?<=[^\s{re.escape(DASHES)}]){_SP}+[-{EN}{EM}]{_SP}+"), f"{NBSP}{EM} "),
        (re.compile(rf"(?m)^([ {NBSP}]*)[-{EN}]{_SP}+"), rf"\1{EM} "),  # a hyphen opening a line is a dash
        (re.compile(rf"(?<=[{_L}]),(?=[{_L}\d])"), ", "),  # «раненых,70%»
        (re.compile(r"(?<=[а-яё]{2})\.(?=[а-яё]{2})"), f".{NBSP}"),  # «млн.руб» (not «т.е.», «г.г.»)
        (re.compile(rf"(?<![{_L}])([А-ЯЁ])\.{_SP}?(?=[А-ЯЁ])"), rf"\1.{NBSP}"),  # «К.Е.Ворошилова», «К.И. Фролова»
        (re.compile(rf"№{_SP}?(?=\d)"), f"№{NBSP}"),
        (re.compile(rf"(?<![{_L}])((?:{_ABBR})\.) (?=\S)", re.IGNORECASE), rf"\1{NBSP}"),
        (re.compile(r"(?<=\d) (?=[^\s\u2014\u2013-])"), NBSP),
        (re.compile(rf"(?<![{_L}\d\-])([{_L}]{{1,2}}|{_SHORT3}) (?=\S)", re.IGNORECASE), rf"\1{NBSP}"),
    )


def _quotes(text: str) -> str:
    """Straight and English curly quotes → «…»; a quote inside a quote → „…“."""
    out: list[str] = []
    depth = 0
    for i, ch in enumerate(text):
        if ch == "“" and depth:  # our own closing of a „nested“ quote
            depth -= 1
            out.append(ch)
            continue
        if ch in '"“”':
            prev = text[i - 1] if i else " "
            if prev.isspace() or prev in "([{«„/" + DASHES:
                out.append("„" if depth else "«")
                depth += 1
            else:
                depth = max(0, depth - 1)
                out.append("“" if depth else "»")
            continue
        if ch in "«„":
            depth += 1
        elif ch == "»":
            depth = max(0, depth - 1)
        out.append(ch)
    return "".join(out)


def typeset(text: str) -> str:
    """The text as it should look on screen; letters, digits and punctuation other than dashes and quotes
    are left exactly as stored. Idempotent: typeset(typeset(t)) == typeset(t)."""
    if not text:
        return text or ""
    t = text
    for pattern, replacement in _rules():
        t = pattern.sub(replacement, t)
    return _quotes(t)


def skeleton(text: str) -> str:
    """What typeset() must keep: every character except spaces, with dashes and quotes each folded to one.

    skeleton(typeset(t)) == skeleton(t) for every t is the module's promise."""
    table = {ord(c): None for c in SPACES} | {ord(c): "-" for c in DASHES} | {ord(c): '"' for c in QUOTES}
    return "".join(c for c in text.translate(table) if not c.isspace())
