"""Russian interface strings get the content's typography: no short word or number left at a line's end."""

from kiosk.ui.services.typeset_translator import TypesetTranslator, typeset_ui

NBSP = "\u00a0"


def test_short_words_and_placeholders_keep_to_the_next_word():
    assert typeset_ui("открыть место на карте") == f"открыть место на{NBSP}карте"
    assert typeset_ui("Сортировать по дате") == f"Сортировать по{NBSP}дате"
    assert typeset_ui("Имена — так, как их пишут") == f"Имена{NBSP}— так, как{NBSP}их{NBSP}пишут"
    assert typeset_ui("Найдено %1 из %2") == "Найдено %1 из %2"  # counts break where they like


def test_the_translator_answers_every_russian_lookup_typeset(qapp):
    translator = TypesetTranslator(None)
    assert translator.translate("HomeScreen", "Коснитесь, чтобы начать") == "Коснитесь, чтобы начать"
    assert translator.translate("CityScreen", "Откройте место на карте") == f"Откройте место на{NBSP}карте"
    assert not translator.isEmpty()
