"""The display-only typographic pass: fixes what the issue lists, and changes no letter, digit or other mark."""

from __future__ import annotations

import random

import pytest

from kiosk.data.text.typography import NBSP, skeleton, typeset

_ = NBSP


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        # « - » typed for a dash: a real dash, glued to the word before it
        ("рабочие с семьями - 719 тысяч", f"рабочие с{_}семьями{_}— 719{_}тысяч"),
        ("в 1943 году – медный купорос", f"в{_}1943{_}году{_}— медный купорос"),
        # a year range: an en dash, and «гг.» never stands alone on a line
        ("в 1941 — 1945 гг.", f"в{_}1941–1945{_}гг."),
        ("1941-1945 годов", f"1941–1945{_}годов"),
        ("1-3-дневный заработок", "1–3-дневный заработок"),
        # missing spaces after a comma or an abbreviation's period
        ("58 млн.руб", f"58{_}млн.{_}руб"),
        ("раненых,70% из которых", f"раненых, 70% из{_}которых"),
        # initials stay with the surname
        ("имени К.Е.Ворошилова", f"имени К.{_}Е.{_}Ворошилова"),
        ("им. К.И. Фролова", f"им.{_}К.{_}И.{_}Фролова"),
        # numbers and the numero sign
        ("завод №320 и завод № 402", f"завод №{_}320{_}и{_}завод №{_}402"),
        ("1 500 000 тонн", f"1{_}500{_}000{_}тонн"),
        # quotes
        ('заводе "Амурсталь", обеспечивавшем', "заводе «Амурсталь», обеспечивавшем"),
        ('«Завод "Красное Сормово"»', "«Завод „Красное Сормово“»"),
        # a decimal comma stays with its digits: «173, 4» is one number (issue 23), a list stays a list
        ("произведено 6 173, 4 тысячи тонн", f"произведено 6{_}173,4{_}тысячи тонн"),
        (f"8{_}215, 1 тысяча тонн", f"8{_}215,1{_}тысяча тонн"),
        ("почти 1,3 миллиона", f"почти 1,3{_}миллиона"),
        ("15,8 метра", f"15,8{_}метра"),
        ("1 000, 2 000 и 3 000", f"1{_}000, 2{_}000{_}и{_}3{_}000"),
        ("в 1941, 1942 гг.", f"в{_}1941, 1942{_}гг."),
        # what must not change
        ("Т-34 и 46-й полк, 1941-го года", f"Т-34{_}и{_}46-й полк, 1941-го года"),
        ("т.е. к середине", f"т.е. к{_}середине"),
        ("", ""),
    ],
)
def test_fixes_the_listed_typing(stored, shown):
    assert typeset(stored) == shown


def test_double_spaces_become_one():
    assert typeset("№ 402.  Объем") == f"№{_}402. Объем"


def test_a_hyphen_opening_a_line_is_a_dash():
    assert typeset("Итог:\n- танки\n- самолёты") == "Итог:\n— танки\n— самолёты"


def _assert_only_spacing_dashes_quotes(text: str) -> None:
    shown = typeset(text)
    assert skeleton(shown) == skeleton(text), (text, shown)
    assert typeset(shown) == shown, "typeset must be idempotent"
    assert shown.count("\n") == text.count("\n"), "paragraphs stay as stored"


def test_every_stored_text_keeps_its_letters_digits_and_marks(built_db):
    from kiosk.data.store.repository import Repository

    repo = Repository.open(built_db)
    texts = [t for c in repo.cities() for t in (c.text, c.headline, c.name, c.region)]
    texts += [t for c in repo.cities() if c.memorial for t in (c.memorial.title, c.memorial.address)]
    assert len(texts) > 200
    changed = 0
    for text in texts:
        _assert_only_spacing_dashes_quotes(text)
        changed += typeset(text) != text
    assert changed > 50  # the pass does something on the real texts


def test_random_text_keeps_its_letters_digits_and_marks():
    pieces = [
        "В",
        "в",
        "и",
        "на",
        "для",
        "К.",
        "Е.",
        "И",
        "г.",
        "гг.",
        "млн.",
        "руб",
        "т.е.",
        "1941",
        "45",
        "№",
        "-",
        " - ",
        " – ",
        " — ",
        "—",
        ",",
        ".",
        '"',
        "«",
        "»",
        "„",
        "“",
        "”",
        " ",
        "  ",
        NBSP,
        "\n",
        "%",
        "(",
        ")",
        "Т-34",
        "ё",
        "Z",
        "3,5",
        ":",
        ";",
        "…",
        "'",
        "/",
    ]
    rng = random.Random(11)
    for _i in range(3000):
        _assert_only_spacing_dashes_quotes("".join(rng.choice(pieces) for _j in range(rng.randint(1, 30))))


def test_skeleton_sees_a_changed_letter_or_digit():
    # The invariant itself must catch what it guards against.
    assert skeleton("1941 — 1945 гг.") == skeleton(f"1941–1945{_}гг.")
    assert skeleton("1941 — 1945") != skeleton("1941 — 1946")
    assert skeleton("млн.руб") != skeleton("млн руб")
    assert skeleton("Т-34") != skeleton("Т34")


def test_the_catalog_shows_typeset_text_and_keeps_the_stored_one(qapp, built_db):
    from kiosk.data.store.repository import Repository
    from kiosk.ui.models.catalog import Catalog

    repo = Repository.open(built_db)
    catalog = Catalog()
    catalog.load(repo)
    city = next(c for c in repo.cities() if " - " in c.text)
    shown = catalog.city(city.id)
    assert " - " not in "\n".join(shown.paragraphs)
    assert skeleton("".join(shown.paragraphs)) == skeleton(city.text)
    assert " - " in repo.city(city.id).text  # what is stored (and exported, searched) is untouched


def test_no_shown_number_is_split_at_its_decimal_comma(built_db):
    """Every text a visitor reads (cities and the Novokuznetsk section), typeset: no «6 173, 4» reads as two
    numbers, and the KMK output figures read as one number each."""
    import re

    from kiosk.data.store.repository import Repository

    repo = Repository.open(built_db)
    section = repo.section()
    texts = [c.text for c in repo.cities()] + [c.headline for c in repo.cities()]
    texts += [p.text for ch in section.chapters for p in ch.paragraphs]
    texts += [it.text for kind in (section.events, section.figures, section.awards) for it in kind]
    split = re.compile(r"\d[ \u00a0]\d{3},[ \u00a0]+\d(?!\d)")
    assert [t for t in texts if split.search(typeset(t))] == []
    shown = "\n".join(typeset(t) for t in texts).replace(NBSP, " ")
    assert "6 173,4 тысячи тонн чугуна" in shown and "8 215,1 тысяча тонн стали" in shown
