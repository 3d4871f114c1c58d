"""Invented cities for tests: every year, several districts, Ё, markup in the data, no memorial, Latin names.

`fake_cities()` are plain records (catalog and model tests use them directly); `build_fake_db()` writes them as
TOML sources in the curators' format and builds a database with the real `kiosk-db build`, so the UI tests
open them through the real repository, search engine and shell.
"""

from __future__ import annotations

import json
from pathlib import Path

from kiosk.data.store.records import City, Memorial, Tag

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
MARKUP_HEADLINE = "<b>Разметка</b> показывается как набрана"
MARKUP_TEXT = MARKUP_HEADLINE + ". <i>Жирный?</i> Нет.\n<a href='x'>ссылка</a> &amp; " + LOREM
SHORT_TEXT = "Эвакуированный завод."  # the shortest text a database may hold


def _m(kind, title, address, url="https://yandex.ru/maps/?ll=44.0%2C56.3&z=16"):
    return Memorial(kind, title, address, url)


def fake_cities(*, empty_text: bool = True) -> list[City]:
    """Fourteen cities. Ёлкинск (9) has an empty text and headline, which only the models ever see: a database
    refuses an empty text, so `empty_text=False` gives it the shortest text instead."""
    rows = [
        (
            1,
            "Нижний Новгород",
            "Нижегородская область",
            "Приволжский федеральный округ",
            2020,
            ("tanks", "aviation", "ships"),
            _m("памятник", "Горьковчанам — доблестным труженикам тыла", "Нижний Новгород, Кремль"),
            "Nizhny Novgorod",
        ),
        (
            2,
            "Екатеринбург",
            "Свердловская область",
            "Уральский федеральный округ",
            2020,
            ("tanks", "evacuation"),
            _m("сквер", "Сквер со стелой «Город трудовой доблести»", "Екатеринбург, жилой район Центральный"),
            "Yekaterinburg",
        ),
        (
            3,
            "Челябинск",
            "Челябинская область",
            "Уральский федеральный округ",
            2020,
            ("tanks", "metal"),
            _m("мемориал", "Мемориальный комплекс «Челябинск — город трудовой доблести»", "Челябинск, бульвар Славы"),
            "Chelyabinsk",
        ),
        (
            4,
            "Казань",
            "Республика Татарстан",
            "Приволжский федеральный округ",
            2020,
            ("aviation", "hospitals"),
            _m("стела", "Стела «Город трудовой доблести»", "Казань, Кремлёвская набережная"),
            "Kazan",
        ),
        (
            5,
            "Каменск-Уральский",
            "Свердловская область",
            "Уральский федеральный округ",
            2021,
            ("metal", "ammo"),
            None,
            "Kamensk-Uralsky",
        ),
        (
            6,
            "Комсомольск-на-Амуре",
            "Хабаровский край",
            "Дальневосточный федеральный округ",
            2021,
            ("aviation", "ships"),
            _m("стела", "Стела «Город трудовой доблести»", "Комсомольск-на-Амуре, проспект Мира"),
            "Komsomolsk-on-Amur",
        ),
        (
            7,
            "Киров",
            "Кировская область",
            "Приволжский федеральный округ",
            2021,
            ("ammo", "hospitals"),
            _m("стела", "Стела", "Киров, Октябрьский проспект"),
            "Kirov",
        ),
        (
            8,
            "Барнаул",
            "Алтайский край",
            "Сибирский федеральный округ",
            2021,
            ("ammo", "evacuation"),
            _m("памятный знак", "Памятный знак", "Барнаул, площадь Победы"),
            "Barnaul",
        ),
        (
            9,
            "Ёлкинск",
            "Вымышленная область",
            "Северо-Западный федеральный округ",
            2022,
            ("evacuation",),
            None,
            "Yolkinsk",
        ),
        (
            10,
            "Северодвинск",
            "Архангельская область",
            "Северо-Западный федеральный округ",
            2022,
            ("ships",),
            _m("стела", "Стела «Город трудовой доблести»", "Северодвинск, улица Ломоносова"),
            "Severodvinsk",
        ),
        (
            11,
            "Астрахань",
            "Астраханская область",
            "Южный федеральный округ",
            2023,
            ("ships", "hospitals"),
            _m("стела", "Стела «Город трудовой доблести»", "Астрахань, набережная"),
            "Astrakhan",
        ),
        (
            12,
            "Каспийск",
            "Республика Дагестан",
            "Северо-Кавказский федеральный округ",
            2023,
            ("ammo",),
            _m("стела", "Стела", "Каспийск"),
            "Kaspiysk",
        ),
        (
            13,
            "Подольск",
            "Московская область",
            "Центральный федеральный округ",
            2024,
            ("ammo",),
            _m("стела", "<b>Стела</b> & знак", "Подольск, <i>улица</i>"),
            "Podolsk",
        ),
        (
            14,
            "Курган",
            "Курганская область",
            "Уральский федеральный округ",
            2025,
            ("evacuation", "hospitals"),
            _m("аллея", "Аллея трудовой славы", "Курган, улица Ленина"),
            "Kurgan",
        ),
    ]
    out = []
    for cid, name, region, district, year, tags, memorial, latin in rows:
        text = LOREM
        headline = text.split(".")[0][:140]
        if cid == 1:
            text = "\n".join([LOREM] * 4)  # long enough to scroll
        if cid == 9:
            text = headline = "" if empty_text else SHORT_TEXT
        if cid == 13:
            text, headline = MARKUP_TEXT, MARKUP_HEADLINE
        out.append(City(cid, name, region, district, year, text, headline, 55.0, 45.0, latin, tags, memorial))
    return out


def huge_city(cid: int = 99) -> City:
    """The longest text the schema lets a city have (kiosk.data.store.schema.LONG_TEXT, 200 000 characters, ~0.4 MB in
    UTF-8): a single endless paragraph plus many short ones. Longer ones are refused before they are read."""
    from kiosk.data.store.schema import LONG_TEXT

    word, line = "доблесть ", "Абзац про труд в тылу.\n"
    blob = word * (LONG_TEXT // 2 // len(word)) + "\n"
    blob += line * ((LONG_TEXT - len(blob)) // len(line))
    return City(
        cid,
        "Мегабайтск",
        "Тестовая область",
        "Уральский федеральный округ",
        2021,
        blob,
        blob[:140].strip(),
        None,
        None,
        "Megabytsk",
        ("tanks",),
        None,
    )


class FakeRepository:
    """The repository's read interface over in-memory records."""

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
    """The data layer's own search engine, built from the records (terms computed, no database)."""
    from kiosk.data.search.engine import SearchEngine

    return SearchEngine(list(cities), TAGS)


# ---- the same records as a database, through the curators' sources and the real build ---------------------


def _toml(value) -> str:
    """A TOML value: JSON's string escapes are valid TOML basic strings."""
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def write_sources(root: Path, cities: list[City], tags: list[Tag] = TAGS) -> Path:
    """`cities` and `tags` as a db/sources folder (cities/NN.toml with the text in [seed], tags.toml)."""
    (root / "cities").mkdir(parents=True, exist_ok=True)
    lines = []
    for t in tags:
        lines += ["[[tag]]", *(f"{k} = {_toml(getattr(t, k))}" for k in ("id", "label_ru", "label_en", "icon")), ""]
    (root / "tags.toml").write_text("\n".join(lines), encoding="utf-8")
    for c in cities:
        rows = [
            f"{k} = {_toml(getattr(c, k))}"
            for k in ("id", "name", "region", "federal_district", "year", "headline", "tags", "name_latin")
        ]
        if c.summary_en:
            rows.append(f"summary_en = {_toml(c.summary_en)}")
        if c.lat is not None:
            rows += ["", "[location]", f"lat = {c.lat}", f"lon = {c.lon}"]
        if c.memorial is not None:
            rows += [
                "",
                "[memorial]",
                *(f"{k} = {_toml(getattr(c.memorial, k))}" for k in ("kind", "title", "address", "url")),
            ]
        rows += [
            "",
            "[seed]",
            f"name = {_toml(c.name)}",
            f"region = {_toml(c.region)}",
            f'year = "{c.year}"',
            f"text = {_toml(c.text)}",
        ]
        (root / "cities" / f"{c.id:02d}.toml").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def build_fake_db(out: Path, cities: list[City] | None = None, tags: list[Tag] = TAGS) -> Path:
    """A database built by `kiosk-db build` from the records (default: the fourteen fake cities)."""
    from kiosk.data.curation.build import build_database

    cities = fake_cities(empty_text=False) if cities is None else cities
    sources = write_sources(out.parent / f"{out.stem}-sources", cities, tags)
    return build_database(sources, out)
