"""Cards show a passage cut from a sentence as an excerpt, and never the same words twice."""

from kiosk.ui.models.excerpt import as_excerpt, repeats, without_repeats


def test_a_fragment_reads_as_an_excerpt():
    assert as_excerpt("орденом Ленина (10 апреля 1943 г.)") == "…орденом Ленина (10 апреля 1943 г.)"
    assert as_excerpt("проводил на фронт 64 тысячи человек") == "…проводил на фронт 64 тысячи человек…"
    assert as_excerpt("пятую часть всей стали,") == "…пятую часть всей стали…"


def test_a_whole_sentence_stays_as_it_is():
    text = "По официальным данным, в городе перед войной проживало 169300 жителей."
    assert as_excerpt(text) == text
    assert as_excerpt("«Сибиряку от сталевара Чалкова»") == "«Сибиряку от сталевара Чалкова»"


def test_a_text_that_repeats_its_heading_is_not_shown_twice():
    assert repeats("…50 тысяч танков…", "50\u00a0тысяч танков")
    assert not repeats("…50 тысяч танков и 45 тысяч самолётов", "50 тысяч танков")


def test_a_paragraph_repeated_back_to_back_shows_once():
    assert without_repeats(["А б.", "В г.", "В  г.", "А б."]) == [0, 1, 3]
