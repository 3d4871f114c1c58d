"""Visit statistics in the real kiosk: a simulated week of visits by touch (with a test clock), what the file
and every report format then say, that typed letters never reach the file, the admin panel's glance (reached by
its real gesture), and `statistics = false`."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from kiosk.data.stats.store import FILE_NAME
from kiosk.ui.models.catalog import name_key
from kiosk.ui.platform.locations import user_state_dir
from tests.helpers.kiosk import grab, on_screen, open_admin_panel, open_city, open_keyboard, type_keys
from tests.helpers.qt import Finger, find, wait_until


class TestClock:
    """The recorder's two clocks: a wall clock the test sets to each visit's day and hour, and a monotonic one
    that only moves when the test says time passed (so lengths are exact, however slow the machine)."""

    __test__ = False

    def __init__(self) -> None:
        self.wall = dt.datetime(2026, 3, 2, 9, 0)  # a Monday
        self.mono = 10_000.0

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += dt.timedelta(seconds=seconds)


@pytest.fixture()
def clock(monkeypatch):
    from kiosk.ui.services import statistics

    c = TestClock()
    monkeypatch.setattr(statistics, "now", lambda: c.wall)
    monkeypatch.setattr(statistics, "monotonic", lambda: c.mono)
    return c


def stats_path() -> Path:
    return user_state_dir() / FILE_NAME


class Visitor:
    def __init__(self, app, clock: TestClock):
        self.app, self.clock, self.finger = app, clock, Finger(app.window)
        self.ended = 0
        app.statistics.visitEnded.connect(self._ended)

    def _ended(self) -> None:
        self.ended += 1

    def arrive(self, day: int, hour: int, minute: int = 0) -> None:
        """Set the wall clock to this day of the week and hour; wake the slideshow if it is on."""
        self.clock.wall = dt.datetime(2026, 3, 2 + day, hour, minute)
        if self.app.attract.active:
            self.finger.tap(find(self.app.window, "homeTitle"))  # the waking touch opens nothing
            assert wait_until(lambda: not self.app.attract.active, 2000)
            assert wait_until(lambda: not find(self.app.window, "attractScreen").isVisible(), 2000)

    def tap(self, name: str, screen: str | None = None) -> None:
        self.finger.tap(find(self.app.window, name))
        if screen:
            assert wait_until(lambda: on_screen(self.app, screen)), f"on {self.app.driver.current_name()!r}"

    def read(self, seconds: float) -> None:
        self.clock.advance(seconds)

    def leave(self, *, home_first: bool) -> None:
        """Walk away: straight away (the question runs out, then the slideshow), or after «На главную» (the
        quiet reset at rest). The idle timeout is in the clock's time too, and not in the visit."""
        before = self.ended
        if home_first:
            self.tap("homeButton", "homeScreen")
        self.clock.advance(self.app.config.idle_timeout)
        assert wait_until(lambda: self.ended == before + 1, 6000)
        if not home_first and self.app.config.attract_timeout > 0:
            assert wait_until(lambda: self.app.attract.active, 3000)


def first_cards(app) -> list[int]:
    """The ids of the first cities in the grid's order (reached without scrolling far)."""
    return [c.id for c in sorted(app.database.repository.cities(), key=lambda c: name_key(c.name))]


def week_of_visits(app, clock) -> list[dict]:
    """Eight visits over a week; returns what each should have recorded."""
    v = Visitor(app, clock)
    cities = {c.id: c.name for c in app.database.repository.cities()}
    first, second = first_cards(app)[:2]
    made = []

    # Monday 10:xx: the cities, one city read for 40 s, then walks away (the question runs out → slideshow).
    v.arrive(0, 10, 15)
    v.tap("tileCities", "citiesScreen")
    open_city(app, v.finger, first)
    v.read(40)
    v.leave(home_first=False)
    made.append(dict(day="2026-03-02", hour=10, seconds=40, cities={cities[first]: [1, 40]}, slideshow=False))

    # Monday 14:xx: woken from the slideshow, the same city for 20 s, another for 10 s, «На главную», rest.
    v.arrive(0, 14, 5)
    v.tap("tileCities", "citiesScreen")
    open_city(app, v.finger, first)
    v.read(20)
    v.tap("backButton", "citiesScreen")
    open_city(app, v.finger, second)
    v.read(10)
    v.leave(home_first=True)
    made.append(
        dict(
            day="2026-03-02",
            hour=14,
            seconds=30,
            cities={cities[first]: [1, 20], cities[second]: [1, 10]},
            slideshow=True,
        )
    )

    # Tuesday 11:xx: English and «Aa» on home, the map, 25 s, then walks away.
    v.arrive(1, 11)
    v.tap("langEn")
    v.tap("largeText")
    v.tap("tileMap", "mapScreen")
    app.statistics.record("speech")  # the hook other features call (read-aloud here), counted by kind only
    app.statistics.record("speech", "any text at all")
    v.read(25)
    v.leave(home_first=False)
    made.append(dict(day="2026-03-03", hour=11, seconds=25, english=True, large=True, map=True, slideshow=False))

    # Wednesday 11:xx (from the slideshow): the Novokuznetsk section, one chapter, 60 s, home, rest.
    v.arrive(2, 11, 30)
    v.tap("tileNovokuznetsk", "nkHomeScreen")
    from tests.ui.test_novokuznetsk import card_shown, go, here, tap_on_section_home

    tap_on_section_home(app, v.finger, "nkChapter_combine")
    assert wait_until(lambda: on_screen(app, "nkChapterScreen"))
    v.read(60)
    v.tap("backButton", "nkHomeScreen")
    go(app, v.finger, "nkTool_people", "nkPeopleScreen")
    v.finger.tap(here(app, "nkPerson_chalkov"))  # a section card (QML reports it: Statistics.record)
    assert wait_until(lambda: card_shown(app))
    v.finger.tap(here(app, "nkItemClose"))
    v.leave(home_first=True)
    made.append(dict(day="2026-03-04", hour=11, seconds=60, chapter="combine", slideshow=True))

    # Thursday to Sunday 16:xx: a search that finds nothing, one that finds something; 15 s each.
    for day in range(3, 7):
        v.arrive(day, 16)
        v.tap("tileCities", "citiesScreen")
        open_keyboard(app, v.finger)
        type_keys(app, v.finger, "Ж", "Ж", "Щ")  # nothing
        v.tap("key_clear")
        type_keys(app, v.finger, "Т")  # something
        v.read(15)
        v.leave(home_first=day % 2 == 0)
        woke = day > 3 and (day - 1) % 2 == 1  # the day before, the visitor walked away: the slideshow ran
        made.append(dict(day=f"2026-03-{2 + day:02d}", hour=16, seconds=15, searches=2, empty=1, slideshow=woke))
    assert app.statistics.flush()
    return made


def test_a_week_of_visits_and_every_report(make_kiosk, shell_db, clock, tmp_path):
    app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=1, attract_timeout=600, slide_duration=30)
    made = week_of_visits(app, clock)

    from kiosk.data.curation.cli import main

    out = tmp_path / "report"
    assert main(["stats", "--format", "json", "--out", str(out / "week.json")]) == 0  # no FILE: this kiosk's
    s = json.loads((out / "week.json").read_text(encoding="utf-8"))
    assert s["visits"] == len(made) == 8
    assert s["per_day"] == [
        {"day": f"2026-03-{d:02d}", "visits": n} for d, n in zip(range(2, 9), (2, 1, 1, 1, 1, 1, 1))
    ]
    assert s["per_hour"][10] == 1 and s["per_hour"][14] == 1 and s["per_hour"][11] == 2 and s["per_hour"][16] == 4
    lengths = sorted(m["seconds"] for m in made)  # 15 15 15 15 25 30 40 60
    assert s["median_s"] == lengths[3] and s["p90_s"] == lengths[7]
    assert s["flags"]["from_slideshow"] == sum(m["slideshow"] for m in made) == 4
    assert s["flags"]["opened_city"] == 2 and s["flags"]["opened_section"] == 1 and s["flags"]["map"] == 1
    assert s["flags"]["english"] == 1 and s["flags"]["large_text"] == 1
    assert (s["searches"], s["searches_empty"]) == (8, 4)
    names = [m["cities"] for m in made if "cities" in m]
    first_name = next(iter(names[0]))
    assert s["top_by_opens"][0] == {"name": first_name, "opens": 2, "seconds": 60}
    assert s["chapters"] == [{"chapter": "combine", "opens": 1}]
    assert [c["opens"] for c in s["cards"]] == [1] and "chalkov" in s["cards"][0]["card"]
    assert len(s["least_opened"]) == 10 and all(c["opens"] == 0 for c in s["least_opened"])
    assert s["screens"]["map"] == 1 and s["screens"]["nk_chapter"] == 1 and "home" not in s["screens"]
    assert s["events"] == {"speech": 2}

    assert (
        main(["stats", "--from", "2026-03-03", "--to", "2026-03-04", "--format", "json", "--out", str(out / "2.json")])
        == 0
    )
    assert json.loads((out / "2.json").read_text(encoding="utf-8"))["visits"] == 2

    assert main(["stats", "--format", "text", "--db", str(shell_db), "--out", str(out / "week.txt")]) == 0
    text = (out / "week.txt").read_text(encoding="utf-8")
    assert "Посещений: 8" in text and first_name in text and "ничего не нашли: 4" in text
    assert "Комбинат и броневая сталь (combine)" in text and "Александр Чалков (person:chalkov)" in text

    assert main(["stats", "--format", "html", "--out", str(out / "week.html")]) == 0
    page = (out / "week.html").read_text(encoding="utf-8")
    assert "<script" not in page and page.count("<svg") >= 6 and first_name in page

    assert main(["stats", "--format", "xlsx", "--out", str(out / "week.xlsx")]) == 0
    from openpyxl import load_workbook

    wb = load_workbook(out / "week.xlsx")
    days = [[c.value for c in row] for row in wb["По дням"].iter_rows(min_row=2)]
    assert days[0] == ["2026-03-02", 2] and len(days) == 7
    assert wb["Города"]["A2"].value == first_name and wb["Города"]["B2"].value == 2
    assert wb["По часам"]._charts and wb["По дням"]._charts
    assert wb["Главы"]["A2"].value == "combine" and wb["Карточки"]["B2"].value == 1


def test_typed_letters_never_reach_the_statistics_file(make_kiosk, shell_db, clock):
    app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=1)
    v = Visitor(app, clock)
    v.arrive(0, 12)
    v.tap("tileCities", "citiesScreen")
    open_keyboard(app, v.finger)
    letters = ("Щ", "Ю", "Ф", "Ы", "Ъ", "Э")  # a query no city name or content id contains
    type_keys(app, v.finger, *letters)
    assert app.catalog.query == "Щюфыъэ"  # as typed (tests/ui/test_query_as_typed.py)
    v.read(5)
    v.leave(home_first=False)
    assert app.statistics.flush()
    app.close()  # the writer's thread ends and the file is complete on disk
    data = stats_path().read_bytes()
    assert b"searches" in data  # the visit is there…
    query = "щюфыъэ"
    for form in {query, query.capitalize(), query.upper(), query[:3], query[3:], query[:3].upper()}:
        for encoding in ("utf-8", "utf-16-le", "cp1251", "koi8-r"):
            assert form.encode(encoding) not in data, f"{form!r} ({encoding}) in the statistics file"


def test_admin_panel_shows_today_week_and_top_cities(make_kiosk, shell_db, clock, tmp_path):
    app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=1)
    v = Visitor(app, clock)
    names = {c.id: c for c in app.database.repository.cities()}
    cities = [names[i] for i in first_cards(app)[:3]]
    # Three visits today, one three days ago; the first city opened most, then the second.
    plan = [(3, [0, 1, 2]), (5, [0, 1]), (5, [0])]
    v.arrive(2, 9)
    for day, opened in [(2, [0]), *plan]:
        v.arrive(day, 10)
        v.tap("tileCities", "citiesScreen")
        for i in opened:
            open_city(app, v.finger, cities[i].id)
            v.read(10)
            v.tap("backButton", "citiesScreen")
        v.leave(home_first=True)
    clock.wall = dt.datetime(2026, 3, 7, 18)  # Saturday evening: three visits today, four this week
    open_admin_panel(app, v.finger)  # the staff's real gesture: the corner hold, the PIN
    visits = find(app.window, "adminFact8")
    top = f"{cities[0].name} (4), {cities[1].name} (2), {cities[2].name} (1)"
    expected = f"сегодня: 2, за 7 дней: 4; чаще всего открывали: {top}"
    assert wait_until(lambda: visits.property("text").replace("\u00a0", " ") == expected, 3000), visits.property("text")
    grab(app, tmp_path / "admin.png")


def test_statistics_false_records_nothing(make_kiosk, shell_db, clock):
    app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=1, statistics=False)
    v = Visitor(app, clock)
    v.arrive(0, 12)
    v.tap("tileCities", "citiesScreen")
    v.tap("homeButton", "homeScreen")
    assert not stats_path().exists()
    open_admin_panel(app, v.finger)
    assert "не записываются" in find(app.window, "adminFact8").property("text").replace("\u00a0", " ")


def test_a_clock_that_jumps_mid_visit(make_kiosk, shell_db, clock, tmp_path):
    """A PC without a battery boots in 1970, the visitor reads for 12 s, the clock is set right mid-visit; the
    next visitor's clock is set back an hour. Lengths come from the monotonic clock: never negative or decades."""
    app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=1)
    v = Visitor(app, clock)
    clock.wall = dt.datetime(1970, 1, 1, 0, 0, 12)
    v.tap("tileCities", "citiesScreen")
    v.read(12)
    clock.wall = dt.datetime(2026, 3, 2, 10, 0)  # NTP: +56 years
    v.leave(home_first=True)
    v.tap("tileCities", "citiesScreen")
    clock.wall -= dt.timedelta(hours=1)  # set back during the visit
    v.read(7)
    v.leave(home_first=True)
    assert app.statistics.flush()
    from kiosk.data.curation.cli import main

    assert main(["stats", "--format", "json", "--out", str(tmp_path / "s.json")]) == 0
    s = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert s["visits"] == 2 and s["mean_s"] == 10 and s["p90_s"] == 10  # 12 s and 7 s: buckets 10 and 5
    assert [d["day"] for d in s["per_day"]] == ["1970-01-01", "2026-03-02"]  # not 20 000 empty days between
    assert main(["stats", "--format", "html", "--out", str(tmp_path / "s.html")]) == 0


def _warnings(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "kiosk.statistics" and r.levelno >= logging.WARNING]


def test_a_corrupt_statistics_file_is_set_aside_and_the_exhibit_goes_on(make_kiosk, shell_db, clock, caplog):
    path = stats_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)  # a torn, garbled file
    with caplog.at_level(logging.INFO, "kiosk.statistics"):
        app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=1)
        v = Visitor(app, clock)
        for _ in range(2):
            v.tap("tileCities", "citiesScreen")
            v.read(9)
            v.leave(home_first=True)
        assert app.statistics.flush()
    assert len(_warnings(caplog)) == 1 and "set aside" in _warnings(caplog)[0]
    aside = list(path.parent.glob(FILE_NAME + ".corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes().endswith(b"\xff" * 100)  # kept for a look, not deleted
    from kiosk.data.stats.summary import read_files, summarise

    assert summarise(read_files([path])).visits == 2


def test_a_read_only_state_folder_costs_one_log_line(make_kiosk, shell_db, clock, caplog, tmp_path, monkeypatch):
    import subprocess

    ro = tmp_path / "ro-state"
    ro.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k,ro", "tmpfs", str(ro)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a read-only tmpfs here ({done.stderr.decode().strip()})")
    try:
        monkeypatch.setenv("XDG_STATE_HOME", str(ro))
        with caplog.at_level(logging.INFO, "kiosk.statistics"):
            app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=1)
            v = Visitor(app, clock)
            for _ in range(3):
                v.tap("tileCities", "citiesScreen")
                v.read(9)
                v.leave(home_first=True)
            assert app.statistics.flush()
            app.close()
        assert len(_warnings(caplog)) == 1 and "not recorded" in _warnings(caplog)[0], _warnings(caplog)
    finally:
        subprocess.run(["umount", "-l", str(ro)], check=False, capture_output=True)


def test_a_quiz_round_is_counted_in_its_visit(make_kiosk, shell_db, clock, tmp_path):
    """The quiz reports each round it starts («викторина» in `kiosk-db stats`)."""
    app = make_kiosk(shell_db, idle_timeout=1, idle_countdown=1, attract_timeout=0)
    visitor = Visitor(app, clock)
    visitor.arrive(0, 10)
    visitor.tap("tileQuiz", "quizScreen")
    visitor.tap("quizStart")
    assert wait_until(lambda: app.quiz.property("active"))
    visitor.leave(home_first=True)
    assert app.statistics.flush()  # the writer works off the GUI thread: the visit is on disk before it is read

    from kiosk.data.curation.cli import main

    assert main(["stats", "--format", "json", "--out", str(tmp_path / "s.json")]) == 0
    s = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    assert s["visits"] == 1 and s["events"] == {"quiz": 1}
