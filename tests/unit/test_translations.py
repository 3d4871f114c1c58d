"""The interface's translations: every qsTr()/tr() string has a finished English translation (and every %n string
its Russian plural forms), the .ts files know every string in the sources, and the .qm files the kiosk and the
bundle load are what lrelease makes of the .ts files now. Fix any failure with `make translations`."""

from __future__ import annotations

from devtools import translations_tool as tt


def test_no_unfinished_translation():
    assert tt.unfinished("en") == []
    assert tt.unfinished("ru") == []


def test_every_string_in_the_sources_is_in_the_ts_files():
    assert tt.not_in_ts() == []


def test_qm_files_are_current():
    assert tt.stale() == []


def _numerus_messages(code: str) -> list[tuple[str, str]]:
    """(context, source) of every %n string in `code`'s .ts file."""
    import xml.etree.ElementTree as ET

    root = ET.parse(tt.ts_path(code)).getroot()
    return [
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
        if message.get("numerus") == "yes"
    ]


def _counted_as(code: str, context: str, source: str, n: int, qapp) -> str:
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(tt.qm_path(code)))
    QCoreApplication.installTranslator(translator)
    try:
        # The .qm carries the interface's typographic pass (non-breaking spaces): plain spaces compare the forms.
        return QCoreApplication.translate(context, source, None, n).replace("\u00a0", " ")
    finally:
        QCoreApplication.removeTranslator(translator)


def test_plural_forms_come_from_the_qm_files(qapp):
    """Qt's %n is the one plural mechanism: the forms are the .qm files', in both languages."""
    ru = [_counted_as("ru", "Catalog", "%n городов", n, qapp) for n in (1, 2, 5, 11, 21, 22, 111)]
    assert ru == ["1 город", "2 города", "5 городов", "11 городов", "21 город", "22 города", "111 городов"]
    assert _counted_as("ru", "IdleOverlay", "Через %n секунд экспозиция вернётся на главный экран.", 1, qapp) == (
        "Через 1 секунду экспозиция вернётся на главный экран."
    )
    assert _counted_as("en", "Catalog", "%n городов", 1, qapp) == "1 city"
    assert _counted_as("en", "Catalog", "Найдено %n городов из %1", 1, qapp) == "1 city found of %1"


def test_every_english_plural_has_a_singular(qapp):
    """No «1 cities»: every %n string's English reads differently for one and for many."""
    messages = _numerus_messages("en")
    assert len(messages) >= 8
    for context, source in messages:
        if source.strip() == "ещё %n":  # «+%n more»: the same word for any number
            continue
        one = _counted_as("en", context, source, 1, qapp)
        many = _counted_as("en", context, source, 5, qapp)
        assert one.replace("1", "N") != many.replace("5", "N"), (context, source, one)
        assert not any(word in one for word in ("cities", "seconds", "photos", "images")), (context, source, one)
