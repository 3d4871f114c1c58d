"""Read-aloud's plain-Python side: Russian spelt out for a voice (the issue's examples), a text's language,
and which voice reads it."""

from __future__ import annotations

import pytest

from kiosk.data.speech.language import language_of
from kiosk.data.speech.russian import normalise
from kiosk.data.speech.voices import choose_voice


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        # numbers with thousands: espeak-ng drops «тысяч» from «15 652»
        ("15 652 килограмма", "пятнадцать тысяч шестьсот пятьдесят два килограмма"),
        ("14356 новокузнечан", "четырнадцать тысяч триста пятьдесят шесть новокузнечан"),
        ("15\u00a0652 килограмма", "пятнадцать тысяч шестьсот пятьдесят два килограмма"),
        # years and dates: an ordinal in the case the sentence asks, «г.» read as «году», never «гэ»
        ("в 1941 г.", "в тысяча девятьсот сорок первом году"),
        ("В 2021 г. городу", "В две тысячи двадцать первом году городу"),
        ("к 1945 году", "к тысяча девятьсот сорок пятому году"),
        ("с 1943 года", "с тысяча девятьсот сорок третьего года"),
        ("осенью 1941 г.", "осенью тысяча девятьсот сорок первого года"),
        ("26 июля 1941", "двадцать шестое июля тысяча девятьсот сорок первого года"),
        ("с 22 июня 1941 г.", "с двадцать второго июня тысяча девятьсот сорок первого года"),
        ("в июле 1941 г.", "в июле тысяча девятьсот сорок первого года"),
        # ranges
        ("1941–1945", "тысяча девятьсот сорок первый — тысяча девятьсот сорок пятый"),
        ("в 1941–1945 гг.", "в тысяча девятьсот сорок первом — тысяча девятьсот сорок пятом годах"),
        ("с 1941 по 1945 годы", "с тысяча девятьсот сорок первого по тысяча девятьсот сорок пятый годы"),
        ("XIX–XX веков", "девятнадцатого — двадцатого веков"),
        # «№», «т.», «тыс.», «млн», «%»
        ("цех № 5", "цех номер пять"),
        ("500 т. угля", "пятьсот тонн угля"),
        ("более 1 т.", "более одной тонны"),
        ("12 тыс. человек", "двенадцать тысяч человек"),
        ("около 2 тыс. рабочих", "около двух тысяч рабочих"),
        ("15 тыс. т металла", "пятнадцать тысяч тонн металла"),
        ("75 млн. снарядов", "семьдесят пять миллионов снарядов"),
        ("3 млн", "три миллиона"),
        ("на 120 %", "на сто двадцать процентов"),
        ("75%", "семьдесят пять процентов"),
        ("1,5 млн", "одна целая пять десятых миллиона"),
        # Roman numerals: ordinals agreeing with their noun
        ("в XX веке", "в двадцатом веке"),
        ("орден Отечественной войны I степени", "орден Отечественной войны первой степени"),
        ("Пётр I", "Пётр первый"),
        # ordinals with a suffix, case and gender of a counted noun, abbreviations
        ("376-я дивизия", "триста семьдесят шестая дивизия"),
        ("с 5-го по 10-е", "с пятого по десятое"),
        ("более 500 танков", "более пятисот танков"),
        ("в 3 цехах", "в трёх цехах"),
        ("1 тонна", "одна тонна"),
        ("2 машины", "две машины"),
        ("21 завод", "двадцать один завод"),
        ("т. е. в тылу", "то есть в тылу"),
        ("г. Новокузнецк", "город Новокузнецк"),
    ],
)
def test_russian_spelt_out(text, spoken):
    assert normalise(text) == spoken


def test_text_without_numbers_is_unchanged_and_latin_is_left_alone():
    plain = "Женщины и подростки заменили ушедших на фронт мужчин."
    assert normalise(plain) == plain
    assert normalise("Кузнецкий металлургический комбинат (КМК)") == "Кузнецкий металлургический комбинат (КМК)"
    assert "Victory" in normalise("песня «Victory Day»")


def test_language_of_a_text():
    assert language_of("Нижний Новгород") == "ru"
    assert language_of("Nizhny Novgorod Region") == "en"
    assert language_of("в XX веке") == "ru"  # Roman numerals are not English
    assert language_of("Title awarded in 2020") == "en"


def test_voice_choice_prefers_rhvoice_then_a_plain_voice():
    espeak = [("English", "en_GB"), ("Russian+Adam", "ru_RU"), ("Russian", "ru_RU")]
    assert choose_voice(espeak, "ru") == 2  # the plain voice, not a variant mix
    assert choose_voice(espeak, "en") == 0
    assert choose_voice([*espeak, ("Elena", "ru_RU")], "ru") == 3  # RHVoice's LGPL voice
    assert choose_voice([("Microsoft Irina Desktop", "ru-RU")], "ru") == 0  # SAPI names its locales with a dash
    assert choose_voice([("Bob", "en_GB")], "ru") is None
    english = [("English (Caribbean)", "en_US"), ("English (Great Britain)", "en_GB")]
    assert choose_voice(english, "en", "en_GB") == 1  # the locale asked for, where there is one
