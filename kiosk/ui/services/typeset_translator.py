"""Interface strings through the same typographic pass as the content: a QTranslator in front of the Russian one.

Russian is the source language of every qsTr()/tr() string, so without a translation the screen would show them
as typed, with plain spaces: «открыть место на / карте», «по / дате». This translator answers every Russian
lookup with the string (or its plural form from kiosk_ru.qm) given the content's rules for words: a short word
(a preposition, a conjunction; kiosk.data.typography's list) keeps to the word after it, and a dash to the word
before it. Numbers and %1/%n are left as they are: a count («Найдено 4 города из 14») may break where it likes.
English is left as its translator gives it.
"""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QTranslator

from kiosk.data.typography import _SHORT3, EM, NBSP

_L = "А-Яа-яЁёA-Za-z"
_SHORT_WORD = re.compile(rf"(?<![{_L}\d%-])([{_L}]{{1,2}}|{_SHORT3}) (?=[{_L}«(])", re.IGNORECASE)
_DASH = re.compile(rf"(?<=\S) {EM} ")


@functools.lru_cache(maxsize=2048)  # bounded: the interface has a few hundred strings
def typeset_ui(text: str) -> str:
    return _DASH.sub(f"{NBSP}{EM} ", _SHORT_WORD.sub(rf"\1{NBSP}", text))


class TypesetTranslator(QTranslator):
    """Russian lookups, typeset; `inner` (kiosk_ru.qm, the plural forms) answers first when it can."""

    def __init__(self, inner: QTranslator | None, parent=None) -> None:
        super().__init__(parent)
        self._inner = inner

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: D102 - Qt's virtual
        found = self._inner.translate(context, source_text, disambiguation, n) if self._inner is not None else ""
        text = found or source_text
        return typeset_ui(text) if text else text

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return False
