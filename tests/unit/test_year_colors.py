from kiosk.ui.models.year_colors import OKABE_ITO, year_colors


def test_every_year_in_the_data_gets_a_colour_including_a_new_one():
    colours = year_colors([2021, 2020, 2022, 2023, 2024, 2025, 2026, 2026])
    assert list(colours) == [2020, 2021, 2022, 2023, 2024, 2025, 2026]
    assert len(set(colours.values())) == 7  # seven years, seven different colours
    assert colours[2020] == "#e69f00" and colours[2025] == "#cc79a7"  # the colours the kiosk has always shown
    assert colours[2026] == "#d55e00"


def test_a_year_keeps_its_colour_whatever_other_years_the_data_has():
    assert year_colors([2025, 2026]) == {2025: "#cc79a7", 2026: "#d55e00"}


def test_the_sequence_repeats_rather_than_running_out():
    colours = year_colors(range(2020, 2020 + len(OKABE_ITO) + 1))
    assert colours[2020 + len(OKABE_ITO)] == OKABE_ITO[0]
    assert year_colors([]) == {}
