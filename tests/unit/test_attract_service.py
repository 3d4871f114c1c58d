"""Attract timing without QML: config keys and options, quiet hours, the two recycled cards, clamped input."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from PySide6.QtTest import QTest

from kiosk.data.store.repository import Repository
from kiosk.ui.config import Config, ConfigError, load_config
from kiosk.ui.main import build_parser
from kiosk.ui.config import parse_quiet_hours
from kiosk.ui.services.attract import AttractService, in_quiet_hours


def test_config_keys(tmp_path):
    assert (Config().attract_timeout, Config().slide_duration, Config().quiet_hours) == (120, 8, "")
    p = tmp_path / "kiosk.toml"
    p.write_text('attract_timeout = 0\nslide_duration = 2.5\nquiet_hours = "22:00-08:00"\n', encoding="utf-8")
    c = load_config(p)
    assert (c.attract_timeout, c.slide_duration, c.quiet_hours) == (0, 2.5, "22:00-08:00")
    for bad, expected in [
        ('quiet_hours = "late"', "quiet_hours: 'late' is not HH:MM-HH:MM"),
        ('quiet_hours = "08:00-08:00"', "start and end are the same time"),
        ("attract_timeout = -1", "attract_timeout = -1 is out of range"),
    ]:
        p.write_text(bad + "\n", encoding="utf-8")
        with pytest.raises(ConfigError, match=expected):
            load_config(p)


def test_command_line_options():
    args = build_parser().parse_args(["--attract-timeout", "30", "--slide-seconds", "0.25"])
    assert (args.attract_timeout, args.slide_seconds) == (30, 0.25)
    for bad in (["--slide-seconds", "0"], ["--slide-seconds", "x"], ["--attract-timeout", "-3"]):
        with pytest.raises(SystemExit):
            build_parser().parse_args(bad)


@pytest.mark.parametrize(
    "now, expected",
    [("21:59", False), ("22:00", True), ("03:00", True), ("07:59", True), ("08:00", False), ("12:00", False)],
)
def test_quiet_hours_across_midnight(now, expected):
    hours = parse_quiet_hours("22:00-08:00")
    assert in_quiet_hours(dt.time.fromisoformat(now), hours) is expected
    assert in_quiet_hours(dt.time.fromisoformat(now), parse_quiet_hours("")) is False
    assert in_quiet_hours(dt.time(13, 0), parse_quiet_hours("12:30 - 14:00"))


@pytest.mark.parametrize(
    "now, expected", [("12:29", False), ("12:30", True), ("13:59", True), ("14:00", False), ("14:01", False)]
)
def test_quiet_hours_within_a_day_end_at_their_end(now, expected):
    """A window that does not cross midnight: the start is quiet, the end minute is not (as across midnight)."""
    assert in_quiet_hours(dt.time.fromisoformat(now), parse_quiet_hours("12:30-14:00")) is expected


class Clock:
    def __init__(self, when: dt.datetime):
        self.now = when

    def __call__(self) -> dt.datetime:
        return self.now


def make(fixture_db, qapp, at_rest=True, clock=None, **kw):
    repo = Repository.open(fixture_db)
    svc = AttractService(
        kw.pop("timeout", 0.1),
        kw.pop("slide", 0.2),
        kw.pop("quiet", ""),
        repository=lambda: repo,
        at_rest=lambda: at_rest,
        clock=clock or Clock(dt.datetime(2026, 5, 9, 12, 0)),
        rng=random.Random(4),
        **kw,
    )
    return svc, repo


def test_starts_after_the_timeout_at_rest_and_shows_every_slide(fixture_db, qapp):
    svc, repo = make(fixture_db, qapp)
    shown = []
    svc.slideShown.connect(shown.append)
    QTest.qWait(150)
    assert svc.active
    assert svc.property("crossfadeMs") == 100  # never longer than half a slide
    n = len(repo.cities()) + 1
    deadline = 0
    while len(shown) < n and deadline < 100:
        QTest.qWait(50)
        deadline += 1
    assert {k for k in shown[:n]} == {"title"} | {f"city:{c.id}" for c in repo.cities()}
    # The hidden card already holds the next slide: both cards are filled, never the same slide.
    assert svc.slideA.key and svc.slideB.key and svc.slideA.key != svc.slideB.key
    svc.stop("test")
    assert not svc.active
    svc.shutdown()


def test_not_at_rest_or_zero_timeout_means_no_slideshow(fixture_db, qapp):
    svc, _ = make(fixture_db, qapp, at_rest=False)
    never, _ = make(fixture_db, qapp, timeout=0)
    QTest.qWait(250)
    assert not svc.active and not never.active
    never.after_idle_reset()
    assert not never.active
    svc.after_idle_reset()  # the countdown ran out and the kiosk went home
    assert svc.active
    for s in (svc, never):
        s.shutdown()


def test_quiet_hours_black_screen(fixture_db, qapp):
    clock = Clock(dt.datetime(2026, 5, 9, 23, 30))
    svc, _ = make(fixture_db, qapp, clock=clock, quiet="22:00-08:00")
    shown = []
    svc.slideShown.connect(shown.append)
    svc.start()
    assert svc.active and svc.quiet
    QTest.qWait(500)
    assert len(shown) == 1  # the first slide is set up, then no changes in the dark
    clock.now = dt.datetime(2026, 5, 10, 8, 1)
    for _ in range(100):
        QTest.qWait(20)
        if len(shown) > 1:
            break
    assert not svc.quiet and len(shown) > 1
    svc.shutdown()


def test_a_new_database_or_a_new_day_rebuilds_the_deck(fixture_db, qapp):
    clock = Clock(dt.datetime(2026, 5, 9, 12, 0))
    svc, _ = make(fixture_db, qapp, clock=clock, timeout=0)
    switched = []
    svc2 = AttractService(
        0,
        1,
        repository=lambda: Repository.open(fixture_db),
        at_rest=lambda: True,
        before_session=lambda: switched.append(True),
    )
    svc.start()
    first = svc.order
    svc.stop()
    svc.start()
    assert svc.order is first  # same database, same day: the cycle goes on
    svc.stop()
    clock.now = dt.datetime(2026, 5, 10, 0, 1)
    svc.start()
    assert svc.order is not first
    svc2.start()
    assert switched == [True]
    for s in (svc, svc2):
        s.shutdown()


def test_a_lost_release_never_leaves_the_kiosk_deaf(fixture_db, qapp, monkeypatch):
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent

    from kiosk.ui.services import attract as attract_service

    svc, _ = make(fixture_db, qapp, timeout=60)
    svc.start()

    def press():
        return QMouseEvent(
            QEvent.Type.MouseButtonPress,
            QPointF(5, 5),
            QPointF(5, 5),
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )

    assert svc.eventFilter(None, press()) is True and not svc.active  # woken; the press goes to nobody
    assert svc.eventFilter(None, press()) is True  # still the same gesture (no release seen)
    later = attract_service.time.monotonic() + attract_service.SWALLOW_MAX_S + 1
    monkeypatch.setattr(attract_service.time, "monotonic", lambda: later)
    assert svc.eventFilter(None, press()) is False  # the release was lost: input flows again
    svc.shutdown()
