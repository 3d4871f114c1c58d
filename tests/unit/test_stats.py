"""Visit statistics without Qt: one visit's bookkeeping, the statistics file and its faults, several files added
up, and every report format."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
import subprocess
from pathlib import Path

import pytest

from kiosk.data.stats.store import FILE_NAME, KEEP_DAYS, StatsFile, StatsWriter, length_bucket
from kiosk.data.stats.summary import StatsReadError, percentile, read_files, summarise
from kiosk.data.stats.visit import MAX_VISIT_S, Visit, VisitBuilder


class Clock:
    def __init__(self, wall: dt.datetime):
        self.mono = 1000.0
        self.wall = wall

    def advance(self, seconds: float) -> None:
        self.mono += seconds
        self.wall += dt.timedelta(seconds=seconds)


def visit(clock: Clock, seconds: float = 60, **kw) -> Visit:
    b = VisitBuilder(monotonic=lambda: clock.mono, wall=lambda: clock.wall, from_slideshow=kw.pop("slideshow", False))
    for city, s in kw.pop("cities", {}).items():
        b.screen("city", city)
        clock.advance(s)
    clock.advance(seconds)
    return b.finish()


def test_a_visit_counts_what_was_opened_and_how_long():
    c = Clock(dt.datetime(2026, 3, 2, 14, 59, 50))
    b = VisitBuilder(monotonic=lambda: c.mono, wall=lambda: c.wall, from_slideshow=True)
    b.screen("cities")
    c.advance(5)
    b.screen("city", "Тула")
    c.advance(40)
    b.screen("cities")
    b.screen("city", "Омск")
    c.advance(20)
    b.search(True, True)  # typing…
    b.search(True, False)  # …until nothing is found, then the field is cleared
    b.search(False, True)
    b.search(True, False)  # a second search that ends with the visit, still finding nothing
    b.language("en")
    c.advance(90 + 10)  # the idle timeout and the question nobody answered
    v = b.finish(idle_s=100)
    assert (v.day, v.hour) == ("2026-03-02", 14)  # to the hour of the first touch, local time
    assert v.seconds == 65
    assert v.cities == {"Тула": [1, 40], "Омск": [1, 20]}
    assert v.screens == {"cities": 2, "city": 2}
    assert (v.searches, v.searches_empty) == (2, 2)
    assert v.english and v.from_slideshow and not v.large_text and not v.used_map


def test_clock_jumps_never_make_negative_or_year_long_visits():
    c = Clock(dt.datetime(1970, 1, 1, 0, 0, 5))  # a PC without a battery, booted in 1970
    b = VisitBuilder(monotonic=lambda: c.mono, wall=lambda: c.wall)
    c.wall = dt.datetime(2026, 5, 1, 12)  # NTP sets it right mid-visit: a 56-year jump forward
    c.mono += 30
    v = b.finish()
    assert v.seconds == 30 and v.day == "1970-01-01"
    b = VisitBuilder(monotonic=lambda: c.mono, wall=lambda: c.wall)
    c.wall -= dt.timedelta(days=400)  # set back a year
    c.mono += 12
    assert b.finish().seconds == 12
    b = VisitBuilder(monotonic=lambda: c.mono, wall=lambda: c.wall)
    c.mono += 5
    assert b.finish(idle_s=100).seconds == 0  # an idle allowance longer than the visit: zero, not negative
    b = VisitBuilder(monotonic=lambda: c.mono, wall=lambda: c.wall)
    c.mono += 10 * 86400  # left on a screen with the idle reset off
    assert b.finish().seconds == MAX_VISIT_S


def test_ids_only_never_free_text():
    c = Clock(dt.datetime(2026, 3, 2, 10))
    b = VisitBuilder(monotonic=lambda: c.mono, wall=lambda: c.wall)
    b.card("person:12")
    b.card("что-то набранное посетителем")  # not an id: refused
    b.event("speech")
    b.event("Free Text!")
    v = b.finish()
    assert v.cards == {"person:12": 1} and v.events == {"speech": 1}


def test_length_buckets_and_percentiles():
    assert [length_bucket(s) for s in (0, 7, 299, 300, 331, 1799, 1800, 4000)] == [
        0,
        5,
        295,
        300,
        330,
        1770,
        1800,
        3900,
    ]
    assert percentile({10: 5, 60: 4, 600: 1}, 0.5) == 10
    assert percentile({10: 5, 60: 4, 600: 1}, 0.9) == 60
    assert percentile({10: 5, 60: 4, 600: 1}, 0.91) == 600
    assert percentile({}, 0.5) == 0


def test_file_keeps_daily_counts_and_90_days_of_visits(tmp_path):
    c = Clock(dt.datetime(2026, 1, 1, 10))
    f = StatsFile(tmp_path / FILE_NAME, wall=lambda: c.wall)
    f.open()
    for _day in range(120):
        f.add([visit(c, 30, cities={"Тула": 10})], cities=["Тула", "Омск"])
        c.advance(86400)
    assert f.prune(c.wall.date()) > 0
    days = [r[0] for r in f.con.execute("SELECT DISTINCT day FROM visits ORDER BY day")]
    assert len(days) == KEEP_DAYS and days[0] == (c.wall.date() - dt.timedelta(days=KEEP_DAYS)).isoformat()
    assert f.con.execute("SELECT sum(value) FROM counts WHERE kind = 'visits'").fetchone()[0] == 120
    today, week, top = f.glance(c.wall.date() - dt.timedelta(days=1))
    assert (today, week, top) == (1, 7, [("Тула", 7)])
    f.close()
    s = summarise(read_files([tmp_path / FILE_NAME]))
    assert s.visits == 120 and s.median_s == 40 and s.top_by_opens[0].name == "Тула"
    assert [c.name for c in s.least_opened][:1] == ["Омск"]  # never opened, still listed


def _write_week(path: Path, start: dt.datetime, pattern: list[tuple[int, int, dict]]) -> None:
    c = Clock(start)
    f = StatsFile(path, wall=lambda: c.wall)
    f.open()
    for day, hour, kw in pattern:
        c.wall = start + dt.timedelta(days=day, hours=hour)
        f.add([visit(c, **kw)], cities=["Тула", "Омск", "Курск"])
    f.close()


def test_two_kiosks_add_up_and_the_same_file_counts_once(tmp_path):
    start = dt.datetime(2026, 3, 2, 0)
    a, b = tmp_path / "a" / FILE_NAME, tmp_path / "b" / FILE_NAME
    _write_week(a, start, [(0, 10, {"seconds": 30, "cities": {"Тула": 20}}), (1, 11, {"seconds": 60})])
    _write_week(b, start, [(0, 10, {"seconds": 90, "cities": {"Омск": 50}, "slideshow": True})])
    s = summarise(read_files([a, b]))
    assert s.kiosks == 2 and s.visits == 3
    assert s.per_day == [("2026-03-02", 2), ("2026-03-03", 1)]
    assert s.per_hour[10] == 2 and s.per_hour[11] == 1
    assert s.flags["from_slideshow"] == 1 and s.flags["opened_city"] == 2
    assert [c.name for c in s.top_by_reading] == ["Омск", "Тула"]
    twice = summarise(read_files([a, a]))
    assert twice.visits == 2 and twice.skipped
    only = summarise(read_files([a, b], dt.date(2026, 3, 3), dt.date(2026, 3, 3)), dt.date(2026, 3, 3))
    assert only.visits == 1


def test_corrupt_and_foreign_files_are_set_aside(tmp_path, caplog):
    path = tmp_path / FILE_NAME
    path.write_bytes(b"this is not a database at all" * 100)
    f = StatsFile(path)
    with caplog.at_level(logging.WARNING, "kiosk.statistics"):
        f.open()
    assert f.set_aside is not None and f.set_aside.read_bytes().startswith(b"this is not")
    assert len(caplog.records) == 1 and "set aside" in caplog.records[0].getMessage()
    f.close()
    foreign = tmp_path / "foreign.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE cities (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(StatsReadError, match="not a kiosk statistics file"):
        read_files([foreign])  # curators get one line naming the file
    f = StatsFile(foreign)
    f.open()  # the kiosk sets it aside and starts anew
    assert f.set_aside is not None and sqlite3.connect(f.set_aside).execute("SELECT * FROM cities").fetchall() == []
    f.close()
    assert summarise(read_files([foreign])).visits == 0


def _mount_tmpfs(where: Path, options: str) -> None:
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode().strip()})")


def _unmount(where: Path) -> None:
    # Lazy: a writer a failed assertion left running still holds its file; the mount goes when it lets go.
    subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)


def test_a_full_disk_costs_one_log_line(tmp_path, caplog):
    disk = tmp_path / "small"
    _mount_tmpfs(disk, "size=48k")
    try:
        c = Clock(dt.datetime(2026, 3, 2, 10))
        (disk / "filler").write_bytes(b"\0" * 8_000)
        w = StatsWriter(disk / FILE_NAME, wall=lambda: c.wall)
        with caplog.at_level(logging.WARNING, "kiosk.statistics"):
            for _ in range(300):  # far more than fits
                w.add(visit(c, 30, cities={f"Город{i}": 5 for i in range(20)}))
            assert w.flush()
        warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert len(warnings) == 1 and "not recorded" in warnings[0], warnings
        w.stop()
        assert summarise(read_files([disk / FILE_NAME])).visits > 0  # what fitted is intact and readable
    finally:
        _unmount(disk)


def test_a_read_only_folder_costs_one_log_line(tmp_path, caplog):
    ro = tmp_path / "ro"
    _mount_tmpfs(ro, "size=64k,ro")
    try:
        c = Clock(dt.datetime(2026, 3, 2, 10))
        w = StatsWriter(ro / "state" / FILE_NAME, wall=lambda: c.wall)
        with caplog.at_level(logging.WARNING, "kiosk.statistics"):
            for _ in range(5):
                w.add(visit(c, 30))
            w.glance()
            assert w.flush()
        warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
        assert len(warnings) == 1 and "not recorded" in warnings[0], warnings
        w.stop()
    finally:
        _unmount(ro)


def test_every_report_format(tmp_path):
    from kiosk.data.curation.cli import main

    path = tmp_path / FILE_NAME
    _write_week(
        path,
        dt.datetime(2026, 3, 2),
        [(d, 10 + d, {"seconds": 30 + 10 * d, "cities": {"Тула": 15, "Омск": d}}) for d in range(7)],
    )
    out = tmp_path / "out"
    assert main(["stats", str(path), "--format", "json", "--out", str(out / "s.json")]) == 0
    data = json.loads((out / "s.json").read_text(encoding="utf-8"))
    assert data["visits"] == 7 and data["per_hour"][13] == 1 and data["shares"]["opened_city"] == 1.0
    assert main(["stats", str(path), "--format", "text", "--out", str(out / "s.txt")]) == 0
    assert "Посещений: 7" in (out / "s.txt").read_text(encoding="utf-8")
    assert main(["stats", str(path), "--format", "html", "--out", str(out / "s.html")]) == 0
    page = (out / "s.html").read_text(encoding="utf-8")
    assert page.count("<svg") >= 5 and "<script" not in page.lower()
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing fetched
    assert main(["stats", str(path), "--format", "xlsx", "--out", str(out / "s.xlsx")]) == 0
    from openpyxl import load_workbook

    wb = load_workbook(out / "s.xlsx")
    assert wb["Сводка"]["B3"].value == 7
    assert all(len(wb[name]._charts) == 1 for name in ("Сводка", "По дням", "По часам", "Города"))
    assert main(["stats", str(tmp_path / "missing.sqlite")]) == 1
    assert main(["stats", str(path), "--format", "xlsx"]) == 2
