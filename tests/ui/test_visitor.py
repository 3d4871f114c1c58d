"""Issue 11: what a new visitor runs into, driven on the real shell by touch, mouse drag, long press and wheel.

Each test names the defect it guards; each failed on the code before the fix.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, QRectF

from tests.helpers.kiosk import on_screen
from tests.helpers.qt import Finger, Mouse, find_all, walk, wait_until

LANDSCAPE, PORTRAIT, UHD = (1920, 1080), (1080, 1920), (3840, 2160)


# ---- finding what a visitor sees --------------------------------------------------------------------------


def shown(app, name: str):
    """The visible item with this objectName, or None (a StackView keeps hidden screens: they do not count)."""
    return (find_all(app.window, name) or [None])[0]


def need(app, name: str):
    item = shown(app, name)
    if item is None:
        pytest.fail(f"no visible QML item named {name!r}")
    return item


def rect(item) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def texts(root) -> list:
    return [i for i in walk(root) if i.inherits("QQuickText") and i.isVisible() and i.property("text")]


def settle(app, ms: int = 0):
    app.driver.settle(ms)


def top(app) -> str:
    return app.driver.current_name()


def in_view(item, view) -> bool:
    """The item lies wholly inside the (clipped) view on screen."""
    return rect(view).contains(rect(item))


# ---- getting around like a visitor ------------------------------------------------------------------------


def open_cities(app, finger):
    finger.tap(need(app, "tileCities"))
    assert wait_until(lambda: on_screen(app, "citiesScreen"))
    settle(app, 50)


def at_cities(make_kiosk, db, size=LANDSCAPE):
    """A fresh kiosk at this size, on the cities screen, reached by a tap on the home tile."""
    app = make_kiosk(db, size=size)
    finger = Finger(app.window)
    open_cities(app, finger)
    return app, finger


def keyboard_open(app) -> bool:
    kb = shown(app, "keyboard")
    return kb is not None and kb.property("y") + 1 < app.window.height() - kb.height() + 2


def tap_key(app, finger, key: str):
    finger.tap(need(app, "key_" + key))


def type_text(app, finger, text: str):
    """Type on the kiosk keyboard: letters, digits (through the digits layer), space, hyphen, №."""
    if not keyboard_open(app):
        finger.tap(need(app, "searchField"))
        assert wait_until(lambda: keyboard_open(app))
        settle(app, 300)
    for ch in text:
        name = {" ": "space", "-": "hyphen"}.get(ch, ch.upper())
        key = "key_" + name
        if shown(app, key) is None:  # on the other layer: «123» or «АБВ»
            toggle = "key_digits" if shown(app, "key_digits") is not None else "key_letters"
            finger.tap(need(app, toggle))
            assert wait_until(lambda key=key: shown(app, key) is not None), f"no key for {ch!r}"
        tap_key(app, finger, name)


def hide_keyboard(app, finger):
    finger.tap(need(app, "key_hide"))
    assert wait_until(lambda: shown(app, "keyboard") is None)
    settle(app, 300)


def city_id(app, name: str) -> int:
    return next(c.id for c in app.database.repository.cities() if c.name == name)


def open_city(app, finger, name: str):
    """Search for it on the keyboard and tap its card."""
    type_text(app, finger, name.split()[0].split("-")[0][:8])
    cid = city_id(app, name)
    assert wait_until(lambda: shown(app, f"cityCard_{cid}") is not None)
    settle(app, 50)
    finger.tap(need(app, f"cityCard_{cid}"))
    assert wait_until(lambda: top(app) == "cityScreen" and not app.driver.stack.property("busy"))
    settle(app, 100)
    return cid


def mouse_drag(window, start: QPoint, dx: int, dy: int):
    Mouse(window).drag(start, dx, dy)


# ---- 2. the city page says each sentence once ------------------------------------------------------------

_SENTENCE = re.compile(r"[^.!?…]+[.!?…]?")


def sentences(text: str) -> list[str]:
    return [s.strip(" «»\u00a0").replace("\u00a0", " ") for s in _SENTENCE.findall(text) if len(s.strip()) > 25]


@pytest.mark.parametrize("name", ["Алдан", "Нижний Тагил", "Бологое"])
def test_city_page_says_each_sentence_once(make_kiosk, shell_db, name):
    app, finger = at_cities(make_kiosk, shell_db)
    open_city(app, finger, name)
    screen = app.driver.stack.property("currentItem")
    reading = need(app, "cityText")
    seen: dict[str, int] = {}
    for t in texts(screen):
        for s in sentences(t.property("text").rstrip("…")):
            for other in seen:
                assert s not in other and other not in s, f"{name}: said twice: {s!r}"
            seen[s] = 1
    assert reading.property("count") > 0 and len(seen) > 1


# ---- 3. portrait: the keyboard makes room; the empty state overlaps nothing --------------------------------


def test_portrait_keyboard_folds_the_filters_and_results_keep_room(make_kiosk, shell_db):
    app, finger = at_cities(make_kiosk, shell_db, PORTRAIT)
    finger.tap(need(app, "filtersToggle"))
    assert wait_until(lambda: shown(app, "facetPanel") is not None and need(app, "facetPanel").height() > 300)
    finger.tap(need(app, "searchField"))
    assert wait_until(lambda: keyboard_open(app))
    settle(app, 400)
    grid = need(app, "cityGrid")
    assert grid.height() >= 2 * grid.property("cellHeight"), f"results squeezed to {grid.height()} px"
    panel = shown(app, "facetPanel")
    assert panel is None or panel.height() == 0


def test_portrait_empty_state_overlaps_nothing(make_kiosk, shell_db):
    app, finger = at_cities(make_kiosk, shell_db, PORTRAIT)
    finger.tap(need(app, "filtersToggle"))
    settle(app, 400)
    type_text(app, finger, "ЪЪЪЪ")
    assert wait_until(lambda: shown(app, "emptyState") is not None)
    for keyboard_up in (True, False):
        if not keyboard_up:
            hide_keyboard(app, finger)
            if shown(app, "facetPanel") is None or need(app, "facetPanel").height() < 100:
                finger.tap(need(app, "filtersToggle"))
            settle(app, 400)
        settle(app, 400)
        empty = need(app, "emptyState")
        parts = [i for i in walk(empty) if i.isVisible() and i is not empty and i.width() > 0 and i.height() > 0]
        others = [shown(app, n) for n in ("facetPanel", "keyboard", "resultCount", "filtersToggle", "topBar")]
        for part in parts:
            for other in [o for o in others if o is not None and o.height() > 0]:
                assert not rect(part).intersects(rect(other)), (
                    f"keyboard {'up' if keyboard_up else 'down'}: {part.objectName() or part} overlaps "
                    f"{other.objectName()}: {rect(part)} / {rect(other)}"
                )
            assert QRectF(0, 0, *PORTRAIT).contains(rect(part))
    finger.tap(need(app, "emptyReset"))
    assert wait_until(lambda: app.catalog.count == app.catalog.total)


# ---- 4. landscape facet column: it says it scrolls, «Вклад в Победу» is reachable, counts stay ------------


@pytest.mark.parametrize("how", ["touch", "mouse"])
def test_landscape_facets_show_they_scroll_and_reach_the_tags(make_kiosk, shell_db, how):
    app, finger = at_cities(make_kiosk, shell_db)
    panel = need(app, "facetPanel")
    if panel.property("contentHeight") > panel.height():
        assert need(app, "facetScrollHint").isVisible()
    more = need(app, "scrollMore")  # «Ещё фильтры»: a tap scrolls one page
    finger.tap(more)
    assert wait_until(lambda: panel.property("contentY") > panel.height() / 2)
    first_tag = sorted((i for i in walk(panel) if i.objectName().startswith("facetTag_")), key=lambda i: rect(i).y())[0]

    def reachable():
        return in_view(first_tag, panel) and rect(first_tag).bottom() < rect(more).top()

    for _ in range(10):
        if reachable():
            break
        # Drag by what is missing, up or down (a flick may overshoot), starting inside the column.
        gap = (
            rect(first_tag).bottom() - rect(panel).bottom() + 20
            if rect(first_tag).bottom() > rect(panel).bottom()
            else rect(first_tag).top() - rect(panel).top() - 20
        )
        dy = -max(-300, min(300, gap))
        start = QPoint(int(rect(panel).center().x()), int(rect(panel).center().y() - dy / 2))
        if how == "touch":
            finger.drag(start, 0, dy, steps=10, step_ms=30)
        else:
            mouse_drag(app.window, start, 0, int(dy))
        assert wait_until(lambda: not panel.property("moving"))
    assert reachable(), "the contribution facets cannot be reached"
    before = app.catalog.count
    finger.tap(first_tag)
    assert wait_until(lambda: app.catalog.count < before)


def test_long_tag_labels_keep_their_counts(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    open_cities(app, Finger(app.window))
    panel = need(app, "facetPanel")
    chips = [i for i in walk(panel) if i.objectName().startswith(("facetYear_", "facetDistrict_", "facetTag_"))]
    assert len(chips) > 20
    for chip in chips:
        count = next(i for i in walk(chip) if i.objectName() == "chipCount")
        assert count.isVisible()
        assert rect(chip).contains(rect(count)), f"{chip.objectName()}: the count is cut off"
        assert rect(chip).right() <= rect(panel).right() + 1, f"{chip.objectName()} runs past the column"


# ---- 5. mouse-like input -----------------------------------------------------------------------------------


def longest_with_memorial(app) -> str:
    return max((c for c in app.database.repository.cities() if c.memorial), key=lambda c: len(c.text)).name


def test_mouse_drag_scrolls_the_city_text_to_the_qr_code_in_portrait(make_kiosk, shell_db):
    app, finger = at_cities(make_kiosk, shell_db, PORTRAIT)
    open_city(app, finger, longest_with_memorial(app))
    assert not in_view(need(app, "memorialQr"), need(app, "cityText"))  # below the fold to begin with
    reading = need(app, "cityText")
    start_y = reading.property("contentY")
    for _ in range(12):
        qr = shown(app, "memorialQr")
        if qr is not None and in_view(qr, reading):
            break
        mouse_drag(app.window, QPoint(int(rect(reading).center().x()), int(rect(reading).bottom() - 80)), 0, -700)
        settle(app, 500)
    assert reading.property("contentY") > start_y + 300, "a mouse drag does not scroll the text"
    assert shown(app, "memorialQr") is not None and in_view(need(app, "memorialQr"), reading)


def test_mouse_wheel_scrolls_the_city_text(make_kiosk, shell_db):
    app, finger = at_cities(make_kiosk, shell_db, PORTRAIT)
    open_city(app, finger, longest_with_memorial(app))
    reading = need(app, "cityText")
    y0 = reading.property("contentY")
    Mouse(app.window).wheel(reading, -5)
    assert wait_until(lambda: reading.property("contentY") > y0 + 200)


@pytest.mark.parametrize("how", ["touch", "mouse"])
def test_a_long_press_on_a_card_still_opens_it(make_kiosk, shell_db, how):
    app, finger = at_cities(make_kiosk, shell_db)
    first = app.catalog.cities.cityIdAt(0)
    card = need(app, f"cityCard_{first}")
    if how == "touch":
        finger.long_press(card, 1000)
    else:
        Mouse(app.window).hold(card, 1000)
    assert wait_until(lambda: top(app) == "cityScreen"), f"a {how} press held 1 s did nothing"


@pytest.mark.parametrize("how", ["touch", "mouse"])
def test_a_long_press_on_a_chip_still_ticks_it(make_kiosk, shell_db, how):
    app, finger = at_cities(make_kiosk, shell_db)
    chip = need(app, f"facetYear_{min(c.year for c in app.database.repository.cities())}")
    if how == "touch":
        finger.long_press(chip, 1000)
    else:
        Mouse(app.window).hold(chip, 1000)
    assert wait_until(lambda: app.catalog.property("filtersActive")), f"a {how} press held 1 s did nothing"


# ---- 6. the А–Я strip ------------------------------------------------------------------------------------


def test_letter_scrolls_to_the_first_city_of_the_letter_and_marks_it(make_kiosk, shell_db):
    app, finger = at_cities(make_kiosk, shell_db)
    grid = need(app, "cityGrid")
    for letter in ("К", "Т", "А"):
        finger.tap(need(app, f"letter_{letter}"))
        settle(app, 400)
        cid = app.catalog.firstCityOfLetter(letter)
        card = shown(app, f"cityCard_{cid}")
        assert card is not None and in_view(card, grid), f"{letter}: the first city of the letter is not in view"
        assert card.property("marked"), f"{letter}: the first city of the letter is not marked"
        marked = [i for i in walk(grid) if i.objectName().startswith("cityCard_") and i.property("marked")]
        assert len(marked) == 1


def test_strip_is_off_while_results_are_ranked(make_kiosk, shell_db):
    app, finger = at_cities(make_kiosk, shell_db)
    type_text(app, finger, "танк")
    assert wait_until(lambda: app.catalog.property("ranked"))
    settle(app, 300)
    strip = shown(app, "alphabetStrip")
    assert strip is None or not strip.isEnabled(), "the А–Я strip jumps in a relevance-ordered list"
    finger.tap(need(app, "searchClear"))
    assert wait_until(lambda: shown(app, "alphabetStrip") is not None and need(app, "alphabetStrip").isEnabled())


# ---- 7. digits on the keyboard -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Т-34", "1943", "№ 11"])
def test_keyboard_types_digits(make_kiosk, shell_db, text):
    app, finger = at_cities(make_kiosk, shell_db)
    type_text(app, finger, text)
    assert wait_until(lambda: app.catalog.property("query") == text)  # shown as typed (test_query_as_typed.py)
    assert app.catalog.count > 0


# ---- 8. the PIN pad's ⌫ deletes one digit ------------------------------------------------------------------


def test_pin_backspace_deletes_the_last_digit_only(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    finger.long_press(need(app, "adminCorner"), 3300)
    assert wait_until(lambda: shown(app, "pinPad") is not None)
    pad = need(app, "pinPad")
    for d in "123":
        finger.tap(need(app, f"pinKey{d}"))
    finger.tap(need(app, "pinClear"))
    assert pad.property("entered") == "12"
    finger.tap(need(app, "pinClear"))
    finger.tap(need(app, "pinClear"))
    finger.tap(need(app, "pinClear"))
    assert pad.property("entered") == ""


# ---- 9. no claim the sources do not make -------------------------------------------------------------------


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT])
def test_no_memorial_says_what_the_list_says(make_kiosk, shell_db, size):
    app = make_kiosk(shell_db, size=size)
    finger = Finger(app.window)
    without = next(c for c in app.database.repository.cities() if c.memorial is None)
    open_cities(app, finger)
    open_city(app, finger, without.name)
    card = None
    reading = need(app, "cityText")
    for _ in range(10):
        card = shown(app, "noMemorial")
        if card is not None and in_view(card, app.driver.stack):
            break
        finger.drag(QPoint(int(rect(reading).center().x()), int(rect(reading).bottom() - 80)), 0, -700)
        settle(app, 500)
    said = " ".join(t.property("text") for t in texts(card))
    assert "пока" not in said and "появится" not in said and "Когда" not in said, said
    assert "перечн" in said and "«Нет»" in said, said


# ---- 10. «На главную» starts the next visit clean; «Назад» keeps the visit ------------------------------------


def test_home_starts_the_next_visit_clean_and_back_keeps_state(make_kiosk, shell_db):
    app, finger = at_cities(make_kiosk, shell_db)
    finger.tap(need(app, f"facetYear_{min(c.year for c in app.database.repository.cities())}"))
    type_text(app, finger, "")
    finger.tap(need(app, "key_latin"))
    type_text(app, finger, "perm")
    assert wait_until(lambda: app.catalog.count >= 1)
    finger.tap(need(app, f"cityCard_{app.catalog.cities.cityIdAt(0)}"))
    assert wait_until(lambda: top(app) == "cityScreen" and not app.driver.stack.property("busy"))
    finger.tap(need(app, "backButton"))  # a step back inside the visit keeps everything
    assert wait_until(lambda: top(app) == "citiesScreen" and not app.driver.stack.property("busy"))
    assert app.catalog.property("query") == "Perm" and app.catalog.property("filtersActive")

    finger.tap(need(app, "homeButton"))
    assert wait_until(lambda: top(app) == "homeScreen" and not app.driver.stack.property("busy"))
    settle(app, 100)
    open_cities(app, finger)
    assert app.catalog.property("query") == ""
    assert not app.catalog.property("filtersActive")
    assert app.catalog.count == app.catalog.total
    finger.tap(need(app, "searchField"))
    assert wait_until(lambda: keyboard_open(app))
    assert shown(app, "key_Й") is not None, "the keyboard kept the last visitor's Latin layout"


# ---- 11. typography on screen ------------------------------------------------------------------------------


def test_city_text_is_shown_with_real_dashes_and_quotes(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    city = next(c for c in app.database.repository.cities() if " - " in c.text)
    open_cities(app, finger)
    open_city(app, finger, city.name)
    body = " ".join(t.property("text") for t in texts(need(app, "cityText")))
    assert " - " in city.text and " - " not in body
    assert "\u00a0" in body


# ---- 12. smaller points ------------------------------------------------------------------------------------


def test_a_ticked_chip_does_not_widen_or_push_its_neighbours(make_kiosk, shell_db):
    app, finger = at_cities(make_kiosk, shell_db)
    years = sorted({c.year for c in app.database.repository.cities()})
    chip, neighbour = need(app, f"facetYear_{years[0]}"), need(app, f"facetYear_{years[1]}")
    w, x = chip.width(), rect(neighbour).x()
    finger.tap(chip)
    assert wait_until(lambda: chip.property("checked"))
    settle(app, 300)
    assert chip.width() == w and rect(neighbour).x() == x


def test_chip_counts_read_as_counts(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    open_cities(app, Finger(app.window))
    chip = need(app, "facetYear_2021")
    badge = next(i for i in walk(chip) if i.objectName() == "chipCountBadge")
    assert badge.isVisible() and badge.property("color") != chip.property("color")
    assert rect(badge).contains(rect(next(i for i in walk(chip) if i.objectName() == "chipCount")))


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT])
def test_every_text_is_readable_from_a_distance(make_kiosk, shell_db, size):
    app, finger = at_cities(make_kiosk, shell_db, size)
    minimum = 28 * min(size) / 1080
    small = {
        t.property("text")[:30]: t.property("font").pixelSize()
        for t in texts(app.window.contentItem())
        if t.property("font").pixelSize() < minimum - 0.5
    }
    open_city(app, finger, "Нижний Новгород")
    small |= {
        t.property("text")[:30]: t.property("font").pixelSize()
        for t in texts(app.window.contentItem())
        if t.property("font").pixelSize() < minimum - 0.5
    }
    assert not small, f"text under {minimum:.0f} px: {small}"


def test_card_icons_are_labelled(make_kiosk, shell_db):
    app, _finger = at_cities(make_kiosk, shell_db)
    first = app.catalog.cities.cityIdAt(0)
    card = need(app, f"cityCard_{first}")
    city = app.catalog.city(first)
    words = " ".join(t.property("text") for t in texts(card))
    assert city.tags and city.tags[0].label in words


def test_landscape_page_without_memorial_leaves_no_empty_column(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    without = next(c for c in app.database.repository.cities() if c.memorial is None)
    open_cities(app, finger)
    open_city(app, finger, without.name)
    side = need(app, "sideColumn")
    nav = need(app, "navRow")
    gap = rect(nav).top() - rect(side).bottom()
    assert gap < 0.25 * app.window.height(), f"an empty column {gap:.0f} px tall"


def test_portrait_keyboard_keys_keep_away_from_the_bezel(make_kiosk, shell_db):
    app, finger = at_cities(make_kiosk, shell_db, PORTRAIT)
    finger.tap(need(app, "searchField"))
    assert wait_until(lambda: keyboard_open(app))
    settle(app, 400)
    keys = [i for i in walk(need(app, "keyboard")) if i.objectName().startswith("key_") and i.isVisible()]
    left = min(rect(k).left() for k in keys)
    right = max(rect(k).right() for k in keys)
    assert left >= 40 and right <= PORTRAIT[0] - 40, (left, right)
    assert min(k.width() for k in keys) >= 64 and min(k.height() for k in keys) >= 64
