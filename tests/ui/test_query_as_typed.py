"""Issue 21 item 7: the search query is shown as the visitor typed it («Т-34», not «т-34»); matching folds case
on its own. By the kiosk's keys (the first letter a capital, as a phone starts, and the keys show it) and by a
physical keyboard (exactly as typed)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest

from tests.helpers.kiosk import open_cities, open_keyboard, type_keys
from tests.helpers.qt import Finger, find, wait_until


def shown(app) -> str:
    return find(app.window, "searchText").property("text")


def test_the_kiosk_keys_type_t34_as_written(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    open_cities(app, finger)
    open_keyboard(app, finger)
    assert find(app.window, "key_Т").property("label") == "Т"  # an empty query starts with a capital
    type_keys(app, finger, "Т", "hyphen", "digits", "3", "4")
    assert app.catalog.query == "Т-34" and shown(app) == "Т-34"
    assert app.catalog.count > 0  # the fold finds «Т-34» in the stories all the same
    type_keys(app, finger, "letters")
    assert find(app.window, "key_Т").property("label") == "т"  # then small letters, as the keys now show
    type_keys(app, finger, "clear", "К", "А", "З")
    assert shown(app) == "Каз" and app.catalog.count >= 1


def test_a_physical_keyboard_types_exactly_what_it_sends(make_kiosk, shell_db):
    app = make_kiosk(shell_db, windowed=True, size=(1280, 800))
    finger = Finger(app.window)
    open_cities(app, finger)
    for ch in "Т-34":
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(app.window, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
        QTest.qWait(10)
    assert wait_until(lambda: shown(app) == "Т-34")
    assert app.catalog.query == "Т-34" and app.catalog.count > 0
