"""«Слушать» on the real app, driven by taps: what is read, in which voice and order, spelt out, and that it stops.

Qt's `mock` speech engine (pyside6-addons) says each word in 100 ms and makes no sound. It has no Russian
voices, so its Finnish locale stands in for Russian (LOCALES is the one place that maps a language to a
locale); English stays English. One test at the end uses the real speech-dispatcher + espeak-ng where present.
"""

from __future__ import annotations

import logging
import shutil

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest

from kiosk.ui.services import speech
from tests.helpers.kiosk import current_screen, on_screen, visit_city
from tests.helpers.qt import Finger, find, wait_until

pytest.importorskip("PySide6.QtTextToSpeech", exc_type=ImportError)

RU = "fi_FI"  # the mock's stand-in for ru_RU
EN = "en_GB"


@pytest.fixture()
def mock_voices(monkeypatch):
    monkeypatch.setitem(speech.LOCALES, "ru", QLocale(QLocale.Language.Finnish, QLocale.Country.Finland))


@pytest.fixture(scope="module")
def long_db(tmp_path_factory):
    """The invented cities, the first with a long paragraph in Latin letters: the mock engine times Latin words
    (100 ms each) but passes over Cyrillic ones (its word pattern is ASCII), so only such a text outlasts the
    idle clock."""
    import dataclasses

    from tests.helpers.fake_data import LOREM, build_fake_db, fake_cities

    cities = fake_cities(empty_text=False)
    latin = " ".join(["Lorem ipsum dolor sit amet, consectetur adipiscing elit."] * 40)
    cities[0] = dataclasses.replace(cities[0], text=LOREM + "\n" + latin)
    return build_fake_db(tmp_path_factory.mktemp("long-db") / "kiosk.sqlite", cities)


def kiosk_with_speech(make_kiosk, db, **settings):
    settings.setdefault("speech_engine", "mock")
    app = make_kiosk(db, **settings)
    said: list[tuple[str, str]] = []
    app.speech.utterance.connect(lambda locale, text: said.append((locale, text)))
    assert wait_until(lambda: app.speech.property("available"), 5000), "the mock engine offers no voice"
    return app, Finger(app.window), said


def listen(app, name: str):
    button = find(app.window, name)
    assert wait_until(button.isVisible)
    return button


def speaking(app) -> bool:
    return app.speech.property("speakingToken") != 0


def test_city_page_read_in_order_spelt_out_and_stopped_by_a_second_tap(make_kiosk, fake_db, mock_voices):
    app, finger, said = kiosk_with_speech(make_kiosk, fake_db)
    visit_city(app, finger, 1)
    button = listen(app, "cityListen")
    assert button.height() >= 64 and button.width() >= 64
    assert button.property("text") == "Слушать"

    finger.tap(button)
    assert wait_until(lambda: len(said) >= 4, 5000)
    assert said[:3] == [
        (RU, "Нижний Новгород"),
        (RU, "Нижегородская область"),
        (RU, "Звание присвоено в две тысячи двадцатом году"),  # shown as «в 2020 году»
    ]
    assert said[3][0] == RU and said[3][1].startswith("В годы Великой Отечественной войны")
    assert speaking(app) and button.property("checked") and button.property("text") == "Остановить"

    finger.tap(button)  # a second tap: silence, and nothing more is said
    assert wait_until(lambda: not speaking(app))
    assert app.speech._engine is not None
    count = len(said)
    QTest.qWait(400)  # four of the mock's words: a reading that went on would have reached the next paragraph
    assert len(said) == count and button.property("text") == "Слушать"


def test_english_is_read_by_an_english_voice_and_russian_by_a_russian_one(make_kiosk, fake_db, mock_voices):
    app, finger, said = kiosk_with_speech(make_kiosk, fake_db)
    finger.tap(find(app.window, "langEn"))
    visit_city(app, finger, 1)
    finger.tap(listen(app, "cityListen"))
    assert wait_until(lambda: len(said) >= 4, 5000)
    # What is shown in English is read by the English voice; the Russian story below it by the Russian voice.
    assert said[0] == (EN, "Nizhny Novgorod")
    assert said[1] == (EN, "Nizhny Novgorod Region")
    assert said[2][0] == EN and "2020" in said[2][1]
    assert said[3][0] == RU


def reading_the_long_paragraph(app, finger, said):
    """On city 1 of `long_db`, «Слушать» tapped and the Latin paragraph (~30 s for the mock) being read."""
    visit_city(app, finger, 1)
    finger.tap(listen(app, "cityListen"))
    assert wait_until(lambda: speaking(app) and said and said[-1][1].startswith("Lorem"), 5000)


def test_leaving_the_page_stops_the_reading(make_kiosk, long_db, mock_voices):
    app, finger, said = kiosk_with_speech(make_kiosk, long_db)
    reading_the_long_paragraph(app, finger, said)
    finger.tap(find(app.window, "backButton"))
    assert wait_until(lambda: on_screen(app, "citiesScreen"))
    assert wait_until(lambda: not speaking(app))


def test_stepping_to_the_next_city_stops_the_reading(make_kiosk, long_db, mock_voices):
    app, finger, said = kiosk_with_speech(make_kiosk, long_db)
    reading_the_long_paragraph(app, finger, said)
    finger.tap(find(current_screen(app), "nextCity"))
    assert wait_until(lambda: not speaking(app))


def test_idle_reset_stops_the_reading(make_kiosk, long_db, mock_voices):
    app, finger, said = kiosk_with_speech(make_kiosk, long_db, idle_timeout=1.0, idle_countdown=1.0)
    reading_the_long_paragraph(app, finger, said)
    assert wait_until(lambda: app.idle.property("asking"), 5000)  # nobody touched: «Вы ещё здесь?»
    assert speaking(app)  # the question alone does not silence the reading
    assert wait_until(lambda: on_screen(app, "homeScreen") and not speaking(app), 5000)


def test_attract_mode_after_the_idle_reset_is_silent(make_kiosk, long_db, mock_voices):
    # Attract mode starts right after the idle reset, at home, where no page reads. Its own stop (app.py) is a
    # safety net that no touch can reach on its own; here the whole way there is checked, by the clock.
    app, finger, said = kiosk_with_speech(make_kiosk, long_db, idle_timeout=1.0, idle_countdown=1.0, attract_timeout=60)
    reading_the_long_paragraph(app, finger, said)
    assert wait_until(lambda: app.attract.property("active"), 8000)
    assert not speaking(app)
    count = len(said)
    QTest.qWait(300)
    assert len(said) == count  # nothing more is said over the slides


def test_keyboard_and_assistive_press_toggle_it(make_kiosk, fake_db, mock_voices):
    from PySide6.QtGui import QAccessible, QAccessibleActionInterface

    app, finger, _said = kiosk_with_speech(make_kiosk, fake_db, windowed=True, size=(1280, 800))
    visit_city(app, finger, 1)
    button = listen(app, "cityListen")
    button.forceActiveFocus()
    QTest.keyClick(app.window, Qt.Key.Key_Space)
    assert wait_until(lambda: speaking(app))
    QTest.keyClick(app.window, Qt.Key.Key_Return)
    assert wait_until(lambda: not speaking(app))

    iface = QAccessible.queryAccessibleInterface(button)
    assert iface is not None and iface.role() == QAccessible.Role.Button
    assert "Слушать" in iface.text(QAccessible.Text.Name)
    actions = iface.actionInterface()
    actions.doAction(QAccessibleActionInterface.pressAction())
    assert wait_until(lambda: speaking(app))
    assert iface.state().checked
    actions.doAction(QAccessibleActionInterface.pressAction())
    assert wait_until(lambda: not speaking(app))


def go_to_chapter(app, finger):
    from tests.ui.test_novokuznetsk import go, open_section

    open_section(app, finger)
    go(app, finger, "nkChapter_combine", "nkChapterScreen")


def test_chapter_and_item_card_read_aloud(make_kiosk, shell_db, mock_voices):
    from tests.helpers.kiosk import bring_into_view
    from tests.ui.test_novokuznetsk import card_shown, here

    app, finger, said = kiosk_with_speech(make_kiosk, shell_db)
    go_to_chapter(app, finger)
    finger.tap(listen(app, "nkChapterListen"))
    assert wait_until(lambda: said, 5000)
    assert said[0] == (RU, "Комбинат и броневая сталь")

    chip = here(app, "nkRef_figure_pig-iron")
    bring_into_view(finger, chip, here(app, "nkChapterText"))
    finger.tap(chip)
    assert wait_until(lambda: card_shown(app))
    # The chapter's button went out of sight under the card's scrim? No: the card covers it, the page stays. A tap
    # on the card's own button reads the card instead.
    said.clear()
    finger.tap(listen(app, "nkItemListen"))
    assert wait_until(lambda: said, 5000)
    # «6 173,4 тысячи тонн чугуна»: the grouped number and its fraction spelt out
    assert said[0] == (RU, "шесть тысяч сто семьдесят три целых четыре десятых тысячи тонн чугуна")
    finger.tap(here(app, "nkItemClose"))  # closing the card ends its reading
    assert wait_until(lambda: not speaking(app))


def test_no_voice_hides_the_button_with_one_log_line(make_kiosk, fake_db, caplog):
    caplog.set_level(logging.INFO, logger="kiosk.speech")
    app = make_kiosk(fake_db, speech_engine="no-such-engine")
    finger = Finger(app.window)
    assert wait_until(lambda: any("no voice" in r.getMessage() for r in caplog.records), 5000)
    visit_city(app, finger, 1)
    assert not find(app.window, "cityListen").isVisible()
    lines = [r for r in caplog.records if r.name == "kiosk.speech"]
    assert len(lines) == 1 and "no-such-engine: not installed" in lines[0].getMessage()


def test_config_turns_it_off(make_kiosk, fake_db, mock_voices):
    app = make_kiosk(fake_db, speech_engine="mock", read_aloud=False)
    visit_city(app, Finger(app.window), 1)
    assert app.speech._thread is None  # no engine is even started
    assert not find(app.window, "cityListen").isVisible()


def _pidfile():
    from kiosk.ui.services import speechd_probe

    return speechd_probe.socket_path().parent / "pid" / "speech-dispatcher.pid"


def _daemon_pid() -> int | None:
    import os

    try:
        pid = int(_pidfile().read_text().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        return None
    return pid


def _stop_spawned_daemon() -> None:
    import os
    import signal

    from kiosk.ui.services import speechd_probe

    pid = _daemon_pid()
    if pid is not None:
        os.kill(pid, signal.SIGKILL)
    for leftover in (_pidfile(), speechd_probe.socket_path()):
        leftover.unlink(missing_ok=True)


@pytest.mark.skipif(
    not (shutil.which("speech-dispatcher") and shutil.which("espeak-ng")),
    reason="speech-dispatcher and espeak-ng are not installed (packaging/ensure-syslibs.sh installs them)",
)
def test_real_engine_reads_russian_with_a_russian_voice(make_kiosk, fake_db, request, monkeypatch):
    from kiosk.ui.services import speechd_probe

    monkeypatch.delenv("SPEECHD_ADDRESS")  # tests/conftest.py keeps every other kiosk away from the daemon

    running = _daemon_pid() is not None
    if running and not speechd_probe.answers():
        pytest.skip("a speech-dispatcher is running here but does not answer")
    if not running:  # the daemon this test spawns goes with it (without a sound card it hangs after speaking)
        request.addfinalizer(_stop_spawned_daemon)
    app = make_kiosk(fake_db)  # the platform's engine: speechd
    said: list[tuple[str, str]] = []
    app.speech.utterance.connect(lambda locale, text: said.append((locale, text)))
    if not wait_until(lambda: app.speech.property("available"), 15000):
        pytest.skip("speech-dispatcher is installed but offers no Russian voice here")
    finger = Finger(app.window)
    visit_city(app, finger, 1)
    button = listen(app, "cityListen")
    finger.tap(button)
    assert wait_until(lambda: said, 10000)
    assert said[0] == ("ru_RU", "Нижний Новгород")
    finger.tap(button)
    assert wait_until(lambda: not speaking(app))
