"""Issue 21 item 7: the interface strings go through the same typographic pass as the content, in the .qm files
the kiosk loads (devtools/translations_tool.py typesets them when it builds them): no Russian string can break a
line after a one- or two-letter word («на / карте», «по / дате»), inside a date («18 февраля / 1942 г.») or
between a number and its word; in English a number keeps with its word."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QTranslator

from devtools import translations_tool as tt

SHORT_WORD_THEN_SPACE = re.compile(r"(?<![\w-])[А-Яа-яЁё]{1,2} ")
MONTHS = "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
BROKEN_DATE = re.compile(rf"\d (?:{MONTHS})|(?:{MONTHS}) \d")
NUMBER_THEN_SPACE = re.compile(r"(?:\d|%n) (?=[А-Яа-яЁёA-Za-z])")


def every_message() -> list[tuple[str, str, bool]]:
    """(context, source, plural) of every interface string: kiosk_en.ts knows them all."""
    root = ET.parse(tt.ts_path("en")).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "", message.get("numerus") == "yes")
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def shown(code: str) -> list[str]:
    """Every interface string as the kiosk shows it in `code`: translated by the .qm file it loads (a Russian
    string that the typographic pass did not change is not in kiosk_ru.qm: then the source is shown)."""
    translator = QTranslator()
    assert translator.load(str(tt.qm_path(code)))
    texts = []
    for context, source, plural in every_message():
        for n in (1, 3, 5) if plural else (-1,):
            texts.append(translator.translate(context, source, None, n) or source)
    return texts


def test_the_check_sees_every_string():
    assert len(every_message()) > 150


@pytest.mark.parametrize(
    "pattern", [SHORT_WORD_THEN_SPACE, BROKEN_DATE, NUMBER_THEN_SPACE], ids=["short-word", "date", "number"]
)
def test_no_russian_interface_string_breaks_where_it_must_not(pattern):
    offenders = [t for t in shown("ru") if pattern.search(t)]
    assert offenders == []


def test_english_numbers_keep_with_their_words():
    offenders = [t for t in shown("en") if NUMBER_THEN_SPACE.search(t)]
    assert offenders == []


def test_the_pass_changes_only_spaces_dashes_and_quotes():
    from kiosk.data.text.typography import skeleton

    translator = QTranslator()
    assert translator.load(str(tt.qm_path("ru")))
    for context, source, plural in every_message():
        if not plural:
            assert skeleton(translator.translate(context, source) or source) == skeleton(source)


def test_two_placeholders_side_by_side_stay_breakable():
    assert tt.typeset_interface("ru", "%1 %2 в %3 году") == "%1 %2\u00a0в\u00a0%3\u00a0году"
    assert tt.typeset_interface("en", "%n cities, 18 February 1942") == "%n\u00a0cities, 18\u00a0February\u00a01942"
