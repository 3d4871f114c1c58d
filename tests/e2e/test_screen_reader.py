"""Issue 22 item 2, the way a screen reader sees the kiosk: its AT-SPI tree in a real X window (Xvfb, windowed
1280×800), walked with Debian's pyatspi, and the reader's «press» on its items.

Home, the cities list, a city page (its whole story), a Novokuznetsk chapter (all its passages) and the map (its
cities): texts are exposed with their roles, every interactive item has a name and a press action, pressing does
what a tap does, toggles and filters say whether they are on, cards read as one item, and hidden overlays (the
PIN pad, the admin panel) are not in the tree.
"""

from __future__ import annotations

import re
import sqlite3

import pytest

from kiosk.data.text.typography import typeset
from kiosk.ui.models.catalog import paragraphs_of
from tests.helpers.kiosk_probe import ProbedKiosk
from tests.helpers.reader import ReaderBus, missing_parts, nodes, plain
from tests.helpers.xsession import XSession, missing_tools

_MISSING = missing_tools() + missing_parts()
pytestmark = pytest.mark.skipif(bool(_MISSING), reason=f"needs {', '.join(_MISSING)}")

INTERACTIVE = {"push button", "toggle button", "check box", "radio button", "text", "entry"}
HIDDEN_OVERLAYS = {"Служебный вход", "Войти", "Выйти из программы", "Перезагрузить базу", "Администрирование"}


class Reader:
    def __init__(self, bus: ReaderBus, kiosk: ProbedKiosk):
        self.bus, self.kiosk = bus, kiosk
        self.tree: dict = {}

    def look(self) -> list[dict]:
        """The showing part of the tree (what is on screen now), every node flat."""
        self.tree = self.bus.walk("dump")
        assert "error" not in self.tree, self.tree
        return [n for n in nodes(self.tree) if "showing" in n["states"]]

    def everything(self) -> list[dict]:
        return list(nodes(self.tree))

    def press(self, name: str, then) -> None:
        assert self.bus.walk("press", name) == {"pressed": name}
        assert self.kiosk.wait(then), (name, self.kiosk.said())

    def named(self, role: str, name: str) -> dict:
        found = [n for n in self.look() if n["role"] == role and plain(n["name"]) == plain(name)]
        assert found, f"no {role} {name!r} on screen"
        return found[0]


def assert_controls_named_and_pressable(showing: list[dict]) -> None:
    controls = [n for n in showing if n["role"] in INTERACTIVE]
    assert controls
    nameless = [n["role"] for n in controls if not n["name"].strip()]
    unpressable = [n["name"] for n in controls if "Press" not in n["actions"]]
    assert (nameless, unpressable) == ([], [])


def assert_overlays_out_of_the_tree(everything: list[dict]) -> None:
    assert {plain(n["name"]) for n in everything} & HIDDEN_OVERLAYS == set()
    assert not [n for n in everything if n["role"] == "push button" and re.fullmatch(r"\d", n["name"])]  # PIN digits


@pytest.fixture
def reader(built_db, tmp_path):
    with XSession(1280, 800) as session:
        bus = ReaderBus(tmp_path / "run", session.env)
        kiosk = None
        try:
            kiosk = ProbedKiosk(session, built_db, tmp_path, env=bus.env)
            r = Reader(bus, kiosk)
            assert kiosk.wait(lambda s: "error" not in bus.walk("dump"), 30), "the kiosk never showed on the AT-SPI bus"
            yield r
        finally:
            err = kiosk.close() if kiosk else ""
            bus.close()
        problems = [line for line in err.splitlines() if "Traceback" in line or ".qml:" in line]
        assert problems == [], err


def test_home_cities_city_chapter_and_map_as_a_reader_sees_them(reader, built_db):
    r = reader
    db = sqlite3.connect(built_db)

    # Home: the title is a heading, the decree's words a paragraph, the tiles buttons; РУС/ENG say which is on.
    home = r.look()
    assert r.named("heading", "Города трудовой доблести")
    assert any(n["role"] == "paragraph" and "За значительный вклад" in plain(n["name"]) for n in home)
    for tile in ("Города", "Новокузнецк", "Карта"):
        assert "Press" in r.named("push button", tile)["actions"]
    assert "checked" in r.named("push button", "Русский")["states"]
    assert "checked" not in r.named("push button", "English")["states"]
    assert_controls_named_and_pressable(home)
    assert_overlays_out_of_the_tree(r.everything())
    r.press("English", lambda s: True)
    assert r.kiosk.wait(lambda s: "checked" in r.named("push button", "English")["states"]), "ENG not checked"
    assert "checked" not in r.named("push button", "Русский")["states"]
    r.press("Русский", lambda s: True)
    assert r.kiosk.wait(lambda s: "checked" in r.named("push button", "Русский")["states"]), "РУС not checked"

    # The cities list: cards read as one item, year filters say whether they are ticked.
    r.press("Города", lambda s: s["screen"] == "citiesScreen")
    cities = r.look()
    assert_controls_named_and_pressable(cities)
    assert_overlays_out_of_the_tree(r.everything())
    year = next(n for n in r.look() if n["role"] == "check box" and n["name"].startswith("2020"))
    assert "checked" not in year["states"] and "checkable" in year["states"]
    r.press(year["name"], lambda s: s["count"].startswith("Найдено 20"))
    assert "checked" in r.named("check box", year["name"])["states"]
    r.press(year["name"], lambda s: s["count"].startswith("Всего"))
    r.press("К", lambda s: True)  # the А–Я strip: the К cities come into view
    kazan = "Казань, Республика Татарстан"
    assert r.kiosk.wait(lambda s: any(n["name"].startswith(kazan) for n in r.look()), 10), "no Kazan card"

    # A city page: its name a heading, its whole story there (every paragraph of the database's text).
    card = next(n["name"] for n in r.look() if n["name"].startswith(kazan))
    assert ", 2020, " in card  # name, region, year, contributions: one item
    r.press(card, lambda s: s["screen"] == "cityScreen" and s["city"] == "Казань")
    r.look()
    text = db.execute("SELECT text FROM cities WHERE name = 'Казань'").fetchone()[0]
    story = [plain(p) for p in paragraphs_of(typeset(text))]  # the database's text as the page sets it
    exposed = [plain(n["name"]) for n in r.everything() if n["role"] == "paragraph"]
    assert story and [p for p in story if p not in exposed] == []
    assert r.named("heading", "Казань")
    assert_controls_named_and_pressable(r.look())
    r.press("Назад", lambda s: s["screen"] == "citiesScreen")

    # A Novokuznetsk chapter: every passage of the database, and its references pressable.
    r.press("На главную", lambda s: s["screen"] == "homeScreen")
    r.press("Новокузнецк", lambda s: s["screen"] == "nkHomeScreen")
    chapter_id, title = db.execute("SELECT id, title FROM nk_chapters ORDER BY position LIMIT 1").fetchone()
    entry = next(n["name"] for n in r.look() if n["role"] == "push button" and n["name"].endswith(title))
    r.press(entry, lambda s: s["screen"] == "nkChapterScreen" and s["title"] == title)
    assert r.named("heading", title)
    rows = db.execute("SELECT text FROM nk_paragraphs WHERE chapter_id = ?", (chapter_id,))
    passages = [plain(typeset(t)) for (t,) in rows]
    exposed = [plain(n["name"]) for n in nodes(r.bus.walk("dump")) if n["role"] == "paragraph"]
    assert passages and [p for p in passages if p not in exposed] == []
    assert_controls_named_and_pressable(r.look())

    # The map: every placed city is a button named for it and its year; the years are radio buttons.
    r.press("На главную", lambda s: s["screen"] == "homeScreen")
    r.press("Карта", lambda s: s["screen"] == "mapScreen")
    counted = next(n["name"] for n in r.look() if plain(n["name"]).startswith("На карте:"))  # what the screen says
    on_map = [n for n in r.look() if n["role"] == "push button" and re.search(r", \d{4}$", n["name"])]
    assert len(on_map) == int(re.search(r"\d+", counted).group()) > 60
    assert_controls_named_and_pressable(r.look())
    first_year = db.execute("SELECT min(year) FROM cities").fetchone()[0]
    radio = next(n["name"] for n in r.look() if n["role"] == "radio button" and n["name"].startswith(str(first_year)))
    r.press(radio, lambda s: True)
    assert r.kiosk.wait(lambda s: "checked" in r.named("radio button", radio)["states"]), "year not checked"
    shown = [n for n in r.look() if n["role"] == "push button" and re.search(r", \d{4}$", n["name"])]
    assert {n["name"][-4:] for n in shown} == {str(first_year)}  # the hidden cities leave the tree
    r.press("Казань, 2020", lambda s: s["screen"] == "cityScreen" and s["city"] == "Казань")
