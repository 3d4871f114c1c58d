"""Dates as visitors read them: one function (kiosk.ui.models.dates) for the attract slides and the
Novokuznetsk section, the seeds' «г.» form in Russian, the plain form in English."""

from __future__ import annotations

import pytest

from kiosk.data.attract.deck import EVENT, Slide
from kiosk.data.text.typography import typeset
from kiosk.ui.models.dates import date_label
from kiosk.ui.models.slide_record import SlideRecord

NB = "\u00a0"


@pytest.mark.parametrize(
    "date, end, when, ru, en",
    [
        ("1941-07-26", "", "", f"26{NB}июля{NB}1941{NB}г.", "26 July 1941"),
        ("1942-10", "", "", f"октябрь{NB}1942{NB}г.", "October 1942"),
        ("1942", "", "", f"1942{NB}г.", "1942"),
        ("1941", "1945", "", f"1941–1945{NB}гг.", "1941–1945"),
        (
            "1941-06-22",
            "1945-05-08",
            "",
            f"22{NB}июня{NB}1941{NB}— 8{NB}мая{NB}1945{NB}г.",
            f"22 June 1941{NB}— 8 May 1945",
        ),
        ("1941-06-22", "1941-07-22", "первый месяц", f"первый месяц, 1941{NB}г.", f"22 June 1941{NB}— 22 July 1941"),
        ("1941-06", "1943-02", "в годы войны", f"в годы войны, 1941–1943{NB}гг.", f"June 1941{NB}— February 1943"),
        ("", "", "", "", ""),
    ],
)
def test_one_form_in_each_language(qapp, date, end, when, ru, en):
    assert date_label(date, end, when, "ru") == ru
    assert date_label(date, end, when, "en") == en


def test_a_date_that_is_not_iso_is_shown_as_it_is(qapp):
    assert date_label("лето 1942") == "лето 1942"


def test_an_attract_event_card_words_its_date_and_typesets_its_text(qapp):
    card = SlideRecord()
    assert (card.kind, card.title, card.date, card.icons) == ("", "", "", [])
    card.show(Slide(key="event:x", kind=EVENT, title="Плавка - первая", text="", date="1941-07-26", today=True))
    assert card.date == f"26{NB}июля{NB}1941{NB}г." and card.today
    assert card.title == typeset("Плавка - первая") != "Плавка - первая"  # on screen only; the slide keeps it
    card.show(None)
    assert (card.key, card.date, card.today) == ("", "", False)
