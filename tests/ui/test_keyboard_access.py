"""Issue 22 item 1 in-process (offscreen, windowed 1280×800): the physical keyboard on every kind of control.
The real-window run of the five everyday tasks is tests/e2e/test_keyboard_tasks.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest

from tests.helpers.kiosk import on_screen
from tests.helpers.qt import Finger, find, wait_until

K = Qt.Key


@pytest.fixture
def app(make_kiosk, shell_db):
    app = make_kiosk(shell_db, windowed=True, size=(1280, 800))
    app.window.requestActivate()
    assert wait_until(lambda: app.window.activeFocusItem() is not None)
    return app


def press(app, *keys) -> None:
    for key in keys:
        QTest.keyClick(app.window, key)
        QTest.qWait(20)
    wait_until(lambda: not app.driver.stack.property("busy"))


def type_text(app, text: str) -> None:
    """Characters as a keyboard layout gives them (Cyrillic too): key events carrying their text."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(app.window, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
        QTest.qWait(10)


def focus(app) -> str:
    item = app.window.activeFocusItem()
    return item.objectName() if item is not None else ""


def ring_shown(app) -> bool:
    item = app.window.activeFocusItem()
    return any(c.metaObject().className().startswith("FocusRing") and c.isVisible() for c in item.childItems())


def tab_to(app, predicate, most: int = 60) -> bool:
    for _ in range(most):
        press(app, K.Key_Tab)
        if predicate(focus(app)):
            return True
    return False


def test_tab_walks_home_in_reading_order_with_a_ring(app):
    seen = []
    for _ in range(8):
        press(app, K.Key_Tab)
        assert ring_shown(app), focus(app)
        seen.append(focus(app))
    assert seen == ["langRu", "langEn", "largeText", "tileCities", "tileNovokuznetsk", "tileMap", "tileQuiz", "langRu"]
    press(app, K.Key_Backtab)
    assert focus(app) == "tileQuiz"
    press(app, K.Key_Backtab)
    assert focus(app) == "tileMap"
    press(app, K.Key_Space)
    assert wait_until(lambda: on_screen(app, "mapScreen"))


def test_alphabet_strip_is_one_stop_with_arrows(app):
    assert tab_to(app, lambda f: f == "tileCities")
    press(app, K.Key_Return)
    assert wait_until(lambda: on_screen(app, "citiesScreen"))
    assert tab_to(app, lambda f: f.startswith("letter_"))
    first = focus(app)
    press(app, K.Key_Right)
    second = focus(app)
    assert second.startswith("letter_") and second != first
    press(app, K.Key_Tab)
    assert not focus(app).startswith("letter_")  # one Tab stop for the whole strip
    press(app, K.Key_Backtab)
    assert focus(app) == second  # back on the letter last used
    press(app, K.Key_Return)  # picks it: the grid's current card is that letter's first city
    press(app, K.Key_Down)
    card = app.window.activeFocusItem()
    assert card.objectName().startswith("cityCard_") and ring_shown(app)
    assert card.property("name").startswith(second.removeprefix("letter_"))


def test_typing_searches_and_the_onscreen_keys_take_arrows(app):
    assert tab_to(app, lambda f: f == "tileCities")
    press(app, K.Key_Return)
    assert wait_until(lambda: on_screen(app, "citiesScreen"))
    type_text(app, "Казань")
    assert app.catalog.property("query") == "Казань"  # as typed
    kb = find(app.window, "keyboard")
    assert wait_until(lambda: kb.isVisible())  # the visitor sees where the letters went
    press(app, K.Key_Backspace, K.Key_Backspace)
    assert app.catalog.property("query") == "Каза"
    assert tab_to(app, lambda f: f.startswith("key_"))
    assert focus(app) == "key_Й"
    press(app, K.Key_Right, K.Key_Down)
    assert focus(app) == "key_Ы"  # the row below, nearest to Ц (the rows are offset: Ы stands under Ц/У)
    typed = focus(app).removeprefix("key_").lower()
    press(app, K.Key_Return)
    assert app.catalog.property("query") == "Каза" + typed
    for _ in range(6):  # along the bottom row to «Скрыть»; pressing it hands the focus to the search field
        press(app, K.Key_Down)
    for _ in range(8):
        if focus(app) == "key_hide":
            break
        press(app, K.Key_Right)
    press(app, K.Key_Space)
    assert wait_until(lambda: not kb.isVisible() and focus(app) == "searchField" and ring_shown(app))
    for _ in range(5):
        press(app, K.Key_Backspace)
    assert app.catalog.property("query") == ""
    press(app, K.Key_Backspace)  # an empty search: Backspace goes back
    assert wait_until(lambda: on_screen(app, "homeScreen"))
    press(app, K.Key_Escape, K.Key_Backspace)  # never past home
    assert on_screen(app, "homeScreen") and app.driver.depth() == 1 and app.window.isVisible()


def test_page_keys_scroll_a_long_story(app):
    assert tab_to(app, lambda f: f == "tileCities")
    press(app, K.Key_Return)
    type_text(app, "сызрань")
    press(app, K.Key_Down, K.Key_Return)
    assert wait_until(lambda: on_screen(app, "cityScreen"))
    text = find(app.window, "cityText")
    top = text.property("contentY")
    press(app, K.Key_PageDown)
    assert wait_until(lambda: text.property("contentY") > top + 300)
    press(app, K.Key_End)
    assert wait_until(lambda: text.property("atYEnd"))
    press(app, K.Key_Home)
    assert wait_until(lambda: text.property("atYBeginning"))
    press(app, K.Key_Escape)
    assert wait_until(lambda: on_screen(app, "citiesScreen"))
    assert app.window.activeFocusItem().property("name") == "Сызрань"  # back on the card that was opened


def test_pin_pad_keeps_the_keyboard_and_hidden_buttons_cannot_be_pressed(app):
    from PySide6.QtQml import QQmlExpression, QQmlEngine

    quit_button = find(app.window, "adminQuit")
    expr = QQmlExpression(QQmlEngine.contextForObject(quit_button), quit_button, "Accessible.pressAction()")
    expr.evaluate()  # a reader's press on the closed panel's «Выйти из программы»
    assert app.quit_codes == [] and not expr.hasError()

    Finger(app.window).long_press(find(app.window, "adminCorner"), 3300)
    pad = find(app.window, "pinPad")
    assert wait_until(lambda: pad.isVisible() and focus(app) == "pinKey1")
    for _ in range(20):  # Tab stays on the pad: nothing behind it is reachable
        press(app, K.Key_Tab)
        item, inside = app.window.activeFocusItem(), False
        while item is not None and not inside:
            inside, item = item is pad, item.parentItem()
        assert inside, focus(app)
    assert tab_to(app, lambda f: f == "pinKey5", 20)
    type_text(app, "1945")  # digits typed go into the PIN wherever the focus is, and the focus to «Войти»
    assert focus(app) == "pinOk"
    press(app, K.Key_Return)
    panel = find(app.window, "adminPanel")
    assert wait_until(lambda: panel.isVisible() and focus(app) == "adminClose")
    press(app, K.Key_Escape)
    assert wait_until(lambda: not panel.isVisible() and focus(app) == "homeScreen")
    assert app.quit_codes == []


def test_a_reference_card_opens_and_closes_by_keys(app):
    assert tab_to(app, lambda f: f == "tileNovokuznetsk")
    press(app, K.Key_Return)
    assert wait_until(lambda: on_screen(app, "nkHomeScreen"))
    press(app, K.Key_Tab, K.Key_Return)  # the first chapter
    assert wait_until(lambda: on_screen(app, "nkChapterScreen"))
    assert tab_to(app, lambda f: f.startswith("nkRef_"))
    chip = focus(app)
    press(app, K.Key_Space)
    card = find(app.window, "nkItemCard")
    assert wait_until(lambda: card.isVisible() and focus(app) == "nkItemClose")
    press(app, K.Key_Escape)  # closes the card, not the chapter
    assert wait_until(lambda: not card.isVisible() and focus(app) == chip)
    assert on_screen(app, "nkChapterScreen")


def test_tab_scrolls_the_focused_control_into_view(app):
    from PySide6.QtCore import QPointF

    assert tab_to(app, lambda f: f == "tileNovokuznetsk")
    press(app, K.Key_Return)
    assert wait_until(lambda: on_screen(app, "nkHomeScreen"))
    page = find(app.window, "nkHomeFlick")
    assert page.property("contentHeight") > page.height()  # at 1280×800 the section's home is longer than the screen
    for _ in range(30):
        press(app, K.Key_Tab)
        item = app.window.activeFocusItem()
        if item.objectName() in ("homeButton", "backButton", "langRu", "langEn", "largeText"):
            break  # round to the top bar: every entry of the page was seen
        top = item.mapToItem(page, QPointF(0, 0)).y()
        assert top >= 0 and top + item.height() <= page.height() + 1, item.objectName()
    assert page.property("contentY") > 0


def test_arrows_move_between_controls_of_a_page(app):
    press(app, K.Key_Tab, K.Key_Tab, K.Key_Tab, K.Key_Tab)
    assert focus(app) == "tileCities"
    press(app, K.Key_Down)
    assert focus(app) == "tileNovokuznetsk"
    press(app, K.Key_Down, K.Key_Up)
    assert focus(app) == "tileNovokuznetsk"
    press(app, K.Key_Return)
    assert wait_until(lambda: on_screen(app, "nkHomeScreen"))
    assert tab_to(
        app, lambda f: f.startswith("nkPerson_") or "Люди" in str(app.window.activeFocusItem().property("title"))
    )
    press(app, K.Key_Return)  # «Люди»: a grid of cards
    assert wait_until(lambda: on_screen(app, "nkPeopleScreen"))
    press(app, K.Key_Tab)
    first = app.window.activeFocusItem()
    press(app, K.Key_Right)
    second = app.window.activeFocusItem()
    assert (
        second is not first
        and second.mapToScene(second.boundingRect().center()).x() > first.mapToScene(first.boundingRect().center()).x()
    )
    press(app, K.Key_Down)
    third = app.window.activeFocusItem()
    assert third.mapToScene(third.boundingRect().center()).y() > second.mapToScene(second.boundingRect().center()).y()


def test_arrows_step_from_city_to_city_on_the_map(app):
    """One Tab stop for the map; the arrows go through its cities in the list's order, round the end."""
    assert tab_to(app, lambda f: f == "tileMap")
    press(app, K.Key_Return)
    assert wait_until(lambda: on_screen(app, "mapScreen"))
    assert tab_to(app, lambda f: f.startswith("mapCity_"))
    order = [c.city_id for c in app.city_map.cities.rows]
    at = order.index(int(focus(app).removeprefix("mapCity_")))
    press(app, K.Key_Right)
    assert focus(app) == f"mapCity_{order[(at + 1) % len(order)]}"
    press(app, K.Key_Left, K.Key_Left)
    assert focus(app) == f"mapCity_{order[(at - 1) % len(order)]}"
