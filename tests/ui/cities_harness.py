"""Test harness for the city screens: fake records, a fake search engine, and a window that hosts the screens.

Used by tests/ui/test_cities.py, test_city_detail.py, test_keyboard.py and tests/unit/test_catalog_models.py.
The real app shell (kiosk/ui/app.py) is built in parallel; the window here mirrors its contract: a StackView
with a `nav` object, a top bar of the shell's height, the singleton `Catalog`, image providers `icon`/`qr`.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from kiosk.data.records import City, Memorial, Tag

ROOT = Path(__file__).resolve().parents[2]
QML_DIR = ROOT / "kiosk" / "ui" / "qml" / "Kiosk"  # the QML module `Kiosk`

TAGS = [
    Tag("tanks", "Танки", "Tanks", "mdi6.tank"),
    Tag("aviation", "Авиация", "Aviation", "mdi6.airplane"),
    Tag("metal", "Металлургия", "Metallurgy", "mdi6.anvil"),
    Tag("ammo", "Боеприпасы", "Ammunition", "mdi6.bullet"),
    Tag("evacuation", "Эвакуация", "Evacuation", "mdi6.train"),
    Tag("hospitals", "Госпитали", "Hospitals", "mdi6.hospital-box-outline"),
    Tag("ships", "Судостроение", "Shipbuilding", "mdi6.ferry"),
    Tag("unused", "Никем не используется", "Unused", "mdi6.help"),
]

LOREM = (
    "В годы Великой Отечественной войны город стал одним из главных арсеналов страны. Сюда были эвакуированы "
    "десятки предприятий вместе с рабочими и их семьями; цеха поднимали под открытым небом, и первые изделия "
    "уходили на фронт раньше, чем над станками появлялась крыша.\n"
    "Женщины и подростки заменили ушедших на фронт мужчин. Рабочий день длился по двенадцать часов и дольше, "
    "без выходных и отпусков; многие жили прямо у заводских ворот.\n\n"
    "Жители собирали средства в фонд обороны, отправляли на фронт тёплые вещи и подарки, сдавали кровь для "
    "госпиталей, которые разместились в школах и клубах."
)


def _m(kind, title, address, url="https://yandex.ru/maps/?ll=44.0%2C56.3&z=16"):
    return Memorial(kind, title, address, url)


def fake_cities() -> list[City]:
    """Fourteen cities: every year, several districts, Ё, markup, an empty text, no memorial, Latin names."""
    rows = [
        (1, "Нижний Новгород", "Нижегородская область", "Приволжский федеральный округ", 2020,
         ("tanks", "aviation", "ships"), _m("памятник", "Горьковчанам — доблестным труженикам тыла",
                                            "Нижний Новгород, Кремль"), "Nizhny Novgorod"),
        (2, "Екатеринбург", "Свердловская область", "Уральский федеральный округ", 2020,
         ("tanks", "evacuation"), _m("сквер", "Сквер со стелой «Город трудовой доблести»",
                                     "Екатеринбург, жилой район Центральный"), "Yekaterinburg"),
        (3, "Челябинск", "Челябинская область", "Уральский федеральный округ", 2020,
         ("tanks", "metal"), _m("мемориал", "Мемориальный комплекс «Челябинск — город трудовой доблести»",
                                "Челябинск, бульвар Славы"), "Chelyabinsk"),
        (4, "Казань", "Республика Татарстан", "Приволжский федеральный округ", 2020,
         ("aviation", "hospitals"), _m("стела", "Стела «Город трудовой доблести»", "Казань, Кремлёвская набережная"),
         "Kazan"),
        (5, "Каменск-Уральский", "Свердловская область", "Уральский федеральный округ", 2021,
         ("metal", "ammo"), None, "Kamensk-Uralsky"),
        (6, "Комсомольск-на-Амуре", "Хабаровский край", "Дальневосточный федеральный округ", 2021,
         ("aviation", "ships"), _m("стела", "Стела «Город трудовой доблести»", "Комсомольск-на-Амуре, проспект Мира"),
         "Komsomolsk-on-Amur"),
        (7, "Киров", "Кировская область", "Приволжский федеральный округ", 2021,
         ("ammo", "hospitals"), _m("стела", "Стела", "Киров, Октябрьский проспект"), "Kirov"),
        (8, "Барнаул", "Алтайский край", "Сибирский федеральный округ", 2021,
         ("ammo", "evacuation"), _m("памятный знак", "Памятный знак", "Барнаул, площадь Победы"), "Barnaul"),
        (9, "Ёлкинск", "Вымышленная область", "Северо-Западный федеральный округ", 2022,
         ("evacuation",), None, "Yolkinsk"),
        (10, "Северодвинск", "Архангельская область", "Северо-Западный федеральный округ", 2022,
         ("ships",), _m("стела", "Стела «Город трудовой доблести»", "Северодвинск, улица Ломоносова"), "Severodvinsk"),
        (11, "Астрахань", "Астраханская область", "Южный федеральный округ", 2023,
         ("ships", "hospitals"), _m("стела", "Стела «Город трудовой доблести»", "Астрахань, набережная"), "Astrakhan"),
        (12, "Каспийск", "Республика Дагестан", "Северо-Кавказский федеральный округ", 2023,
         ("ammo",), _m("стела", "Стела", "Каспийск"), "Kaspiysk"),
        (13, "Подольск", "Московская область", "Центральный федеральный округ", 2024,
         ("ammo",), _m("стела", "<b>Стела</b> & знак", "Подольск, <i>улица</i>"), "Podolsk"),
        (14, "Курган", "Курганская область", "Уральский федеральный округ", 2025,
         ("evacuation", "hospitals"), _m("аллея", "Аллея трудовой славы", "Курган, улица Ленина"), "Kurgan"),
    ]
    out = []
    for cid, name, region, district, year, tags, memorial, latin in rows:
        text = LOREM
        headline = text.split(".")[0][:140]
        if cid == 1:
            text = "\n".join([LOREM] * 4)  # long enough to scroll
        if cid == 9:
            text, headline = "", ""  # an empty field must not break the layout
        if cid == 13:
            text = "<b>Жирный?</b> Нет: разметка показывается как набрана.\n<a href='x'>ссылка</a> &amp; " + LOREM
            headline = "<b>Разметка</b> показывается как набрана"
        out.append(City(cid, name, region, district, year, text, headline, 55.0, 45.0, latin, tags, memorial))
    return out


def huge_city(cid: int = 99) -> City:
    """One megabyte of text: a single endless paragraph plus many short ones."""
    word = "доблесть "
    blob = word * (600_000 // len(word)) + "\n" + ("Абзац про труд в тылу.\n" * 20_000)
    return City(cid, "Мегабайтск", "Тестовая область", "Уральский федеральный округ", 2021, blob,
                blob[:140], None, None, "Megabytsk", ("tanks",), None)


class FakeRepository:
    def __init__(self, cities=None, tags=None):
        self._cities = list(cities if cities is not None else fake_cities())
        self._tags = list(tags if tags is not None else TAGS)

    def cities(self):
        return list(self._cities)

    def tags(self):
        return list(self._tags)

    def meta(self):
        return {"title": "Города трудовой доблести", "count": len(self._cities)}


def engine_for(cities):
    """The data layer's own search engine, built from the fake records (terms computed, no database)."""
    from kiosk.data.search import SearchEngine

    return SearchEngine(list(cities), TAGS)


def _ui_conftest():
    """tests/ui/conftest.py as pytest loaded it (`import conftest` is ambiguous: tests/unit has one too)."""
    import sys

    path = Path(__file__).with_name("conftest.py").resolve()
    for mod in list(sys.modules.values()):
        if getattr(mod, "__file__", None) and Path(mod.__file__).resolve() == path:
            return mod
    spec = importlib.util.spec_from_file_location("ui_conftest_helpers", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    sys.modules["ui_conftest_helpers"] = mod
    return mod


def __getattr__(name):  # Finger, wait_until, find: the shared helpers, re-exported
    if name in ("Finger", "wait_until", "find"):
        return getattr(_ui_conftest(), name)
    raise AttributeError(name)


def real_data_available() -> bool:
    return (
        importlib.util.find_spec("kiosk.data.repository") is not None
        and importlib.util.find_spec("kiosk.data.search") is not None
    )


# ------------------------------------------------------------------------------------------------- Qt side


def register_fonts() -> None:
    from kiosk.ui.app import load_fonts

    load_fonts()


def _providers():
    """The shell's own image providers: the screens are tested with what the kiosk draws."""
    from kiosk.ui.app import IconProvider, QrProvider

    return IconProvider, QrProvider


HARNESS_QML = """
import QtQuick
import QtQuick.Controls
import Kiosk

Window {
    id: win
    visible: true
    color: Theme.ground
    property alias stack: stack
    property int startCity: 0

    Binding { target: Theme; property: "scale"; value: Math.min(win.width, win.height) / 1080 }
    Binding { target: Theme; property: "portrait"; value: win.height > win.width }

    QtObject {
        id: nav
        objectName: "nav"
        function home() { stack.pop(null) }
        function cities() {
            if (stack.depth > 0 && stack.currentItem.objectName === "citiesScreen") return
            stack.push(Qt.resolvedUrl("screens/CitiesScreen.qml"), { nav: nav })
        }
        function city(cityId) {
            stack.push(Qt.resolvedUrl("screens/CityScreen.qml"), { nav: nav, cityId: cityId })
        }
        function back() { if (stack.depth > 1) stack.pop() }
    }
    property alias nav: nav

    // Stand-in for the shell's persistent top bar (Home / Back live there).
    Rectangle {
        id: bar
        objectName: "shellBar"
        z: 10
        width: parent.width
        height: Theme.barHeight
        color: Theme.ground
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.line }
        Text {
            anchors.verticalCenter: parent.verticalCenter; x: Theme.margin
            text: "⌂  ‹"; textFormat: Text.PlainText; color: Theme.paperDim; font.pixelSize: Theme.labelSize; font.family: Theme.sans
        }
    }

    StackView {
        id: stack
        objectName: "stack"
        anchors.fill: parent
        // The shell's transitions (Main.qml): short fades with a small drift.
        pushEnter: Transition {
            ParallelAnimation {
                NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.normal; easing.type: Easing.OutCubic }
                NumberAnimation { property: "x"; from: Theme.px(48); to: 0; duration: Theme.normal; easing.type: Easing.OutCubic }
            }
        }
        pushExit: Transition {
            NumberAnimation { property: "opacity"; from: 1; to: 0; duration: Theme.fast; easing.type: Easing.OutCubic }
        }
        popEnter: Transition {
            NumberAnimation { property: "opacity"; from: 0; to: 1; duration: Theme.normal; easing.type: Easing.OutCubic }
        }
        popExit: Transition {
            NumberAnimation { property: "opacity"; from: 1; to: 0; duration: Theme.fast; easing.type: Easing.OutCubic }
        }
        Component.onCompleted: {
            if (win.startCity > 0) {
                push(Qt.resolvedUrl("screens/CitiesScreen.qml"), { nav: nav }, StackView.Immediate)
                push(Qt.resolvedUrl("screens/CityScreen.qml"), { nav: nav, cityId: win.startCity }, StackView.Immediate)
            } else {
                push(Qt.resolvedUrl("screens/CitiesScreen.qml"), { nav: nav }, StackView.Immediate)
            }
        }
    }
}
"""


class Kiosk:
    """A window at a given size with the city screens on a StackView."""

    def __init__(self, qtbot, catalog, size=(1920, 1080), start_city: int = 0):
        from PySide6.QtCore import QUrl
        from PySide6.QtQml import QQmlApplicationEngine
        from PySide6.QtQuick import QQuickWindow  # noqa: F401  (rootObjects typed as QQuickWindow)

        register_fonts()
        self.catalog = catalog
        self.engine = QQmlApplicationEngine()
        icon_cls, qr_cls = _providers()
        self.engine.addImageProvider("icon", icon_cls())
        self.engine.addImageProvider("qr", qr_cls())
        from kiosk.ui import qmlmodule

        qmlmodule.provide(self.engine, catalog)  # the screens reach it as the singleton `Catalog`
        data = HARNESS_QML.replace("property int startCity: 0", f"property int startCity: {start_city}").encode()
        self.engine.loadData(data, QUrl.fromLocalFile(str(QML_DIR / "_harness.qml")))
        roots = self.engine.rootObjects()
        assert roots, "harness QML failed to load"
        self.window = roots[0]
        self.window.resize(*size)
        self.window.show()
        qtbot.waitExposed(self.window)
        from PySide6.QtTest import QTest

        QTest.qWait(250)  # first frames: fonts, images and the scale binding settle

    @property
    def nav(self):
        from PySide6.QtCore import QObject

        return self.window.findChild(QObject, "nav")

    def stack_top(self):
        stack = self.item("stack")
        return stack.property("currentItem")

    def walk(self, root=None):
        """Every item in the visual tree (view delegates are not QObject children of the window)."""
        stack = [root or self.window.contentItem()]
        while stack:
            it = stack.pop()
            yield it
            stack.extend(reversed(it.childItems()))

    def item(self, name):
        found = self.maybe(name)
        if found is None:
            import pytest

            pytest.fail(f"no QML item named {name!r}")
        return found

    def maybe(self, name):
        """The first item with this objectName, visible ones first (a StackView keeps hidden screens)."""
        hits = [i for i in self.walk() if i.objectName() == name]
        shown = [i for i in hits if i.isVisible()]
        return (shown or hits or [None])[0]

    def items(self, name):
        return [i for i in self.walk() if i.objectName() == name and i.isVisible()]

    def grab(self, path):
        img = self.window.grabWindow()
        img.save(str(path))
        return img

    def close(self):
        """Engine first, synchronously: no binding may outlive the catalog it reads."""
        from PySide6.QtCore import QCoreApplication, QEvent

        from kiosk.ui import qmlmodule

        self.window.close()
        qmlmodule.release(self.engine)
        self.engine.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        self.engine = None


def make_catalog(cities=None, tags=None):
    from kiosk.ui.models.catalog import Catalog

    repo = FakeRepository(cities, tags)
    catalog = Catalog()
    catalog.load(repo, engine_for(repo.cities()))
    return catalog
