"""Issue 14 fault 8: the PIN lock-out survives a restart, and the first-install PIN is flagged."""

from __future__ import annotations

import logging

from kiosk.ui.services.admin import RateLimiter
from kiosk.ui.services.pin import hash_pin
from kiosk.ui.services.pin_state import PinStateFile
from tests.helpers.kiosk import enter_pin, open_admin_panel, open_pin_pad
from tests.helpers.qt import Finger, find, wait_until


def test_the_lock_out_survives_a_restart(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    open_pin_pad(app, finger)
    for pin in ("1111", "2222", "3333"):
        enter_pin(app, finger, pin)
    assert app.admin.lockedSeconds > 0
    app.close()  # the plug is pulled; systemd starts the kiosk again

    again = make_kiosk(shell_db)
    finger = Finger(again.window)
    open_pin_pad(again, finger)
    enter_pin(again, finger, "1945")  # even the right PIN: the lock is still running
    assert not find(again.window, "adminPanel").isVisible()
    assert again.admin.lockedSeconds > 20


def test_the_count_of_wrong_pins_is_kept_too(tmp_path):
    now, wall = [0.0], [1000.0]
    state = PinStateFile(tmp_path / "pin.json", wall_clock=lambda: wall[0])
    first = RateLimiter(clock=lambda: now[0])
    first.failure()
    first.failure()
    state.save(first)
    second = RateLimiter(clock=lambda: now[0])
    state.restore(second)
    assert second.failures == 2 and not second.locked()
    assert second.failure() == 30  # the third wrong PIN locks, as without the restart


def test_a_clock_set_back_never_lengthens_the_lock(tmp_path):
    wall = [1000.0]
    state = PinStateFile(tmp_path / "pin.json", wall_clock=lambda: wall[0])
    limiter = RateLimiter(clock=lambda: 0.0)
    for _ in range(3):
        limiter.failure()
    state.save(limiter)
    wall[0] -= 10**6
    restored = RateLimiter(clock=lambda: 0.0)
    state.restore(restored)
    assert restored.remaining() <= restored.max_lock


def test_a_broken_state_file_counts_as_no_history(tmp_path):
    path = tmp_path / "pin.json"
    path.write_text("{not json")
    limiter = RateLimiter()
    PinStateFile(path).restore(limiter)
    assert limiter.failures == 0 and not limiter.locked()


def test_the_first_install_pin_is_flagged(make_kiosk, shell_db, caplog):
    with caplog.at_level(logging.WARNING, logger="kiosk"):
        app = make_kiosk(shell_db)
    assert app.admin.defaultPin
    assert any("first-install PIN" in r.getMessage() for r in caplog.records)


def test_a_changed_pin_is_not_flagged(make_kiosk, shell_db, caplog):
    with caplog.at_level(logging.WARNING, logger="kiosk"):
        app = make_kiosk(shell_db, admin_pin_hash=hash_pin("2718", iterations=1000))
    assert not app.admin.defaultPin
    assert not any("first-install PIN" in r.getMessage() for r in caplog.records)


def test_the_admin_panel_warns_about_the_first_install_pin(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    open_admin_panel(app, Finger(app.window))
    warning = find(app.window, "adminPinWarning")
    assert warning.isVisible() and "1945" in warning.property("text")


def test_no_warning_once_the_pin_is_changed(make_kiosk, shell_db):
    app = make_kiosk(shell_db, admin_pin_hash=hash_pin("2718", iterations=1000))
    open_admin_panel(app, Finger(app.window), pin="2718")
    assert not find(app.window, "adminPinWarning").isVisible()


def test_a_restored_lock_counts_down_and_then_lets_the_right_pin_in(qapp, tmp_path):
    """Issue 29: three wrong PINs, a hard kill, a restart, one attempt while the restored lock still runs: the
    countdown must keep going and end, and the right PIN must open the panel afterwards."""
    from kiosk.ui.services.admin import AdminService

    now, wall = [0.0], [1000.0]
    state = PinStateFile(tmp_path / "pin.json", wall_clock=lambda: wall[0])
    before = RateLimiter(clock=lambda: now[0])
    for _ in range(3):
        before.failure()
    state.save(before)  # then the plug is pulled
    wall[0] += 16  # the restart took 16 s: 14 s of the 30 s lock are left

    pin = hash_pin("2718", iterations=1000)
    admin = AdminService(pin, limiter=RateLimiter(clock=lambda: now[0]), state=state)
    assert not admin.tryPin("2718")  # refused: the restored lock still runs
    assert admin.lockedSeconds == 14
    now[0] += 15  # the lock ends
    assert wait_until(lambda: admin.lockedSeconds == 0, timeout_ms=3000), "the countdown stopped at its first value"
    assert admin.tryPin("2718")
