"""Staff exit: the hidden 3-second corner, the PIN pad, the rate limit, and the admin panel."""

from __future__ import annotations


from kiosk.ui.services.admin import RateLimiter
from tests.helpers.kiosk import enter_pin, open_admin_panel, open_pin_pad, pause_for_frames
from tests.helpers.qt import Finger, find, wait_until


def test_corner_hold_pin_and_exit(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    corner = find(app.window, "adminCorner")
    pad = find(app.window, "pinPad")

    finger.long_press(corner, 1000)  # a short hold does nothing
    assert not pad.isVisible()
    finger.long_press(corner, 3300)
    assert wait_until(pad.isVisible, 500)

    enter_pin(app, finger, "1945")  # the documented first-install PIN
    panel = find(app.window, "adminPanel")
    assert wait_until(panel.isVisible, 1000)
    assert not pad.isVisible()
    facts = " | ".join(str(find(app.window, f"adminFact{i}").property("text")) for i in range(7))
    assert str(app.database.cityCount) in facts and str(shell_db) in facts
    assert app.database.builtAt in facts and app.database.sourcesHash in facts

    finger.tap(find(app.window, "adminQuit"))
    assert app.quit_codes == [0]


def test_close_and_reload_from_the_panel(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    open_admin_panel(app, finger)
    reloads = []
    app.database.reloaded.connect(reloads.append)
    finger.tap(find(app.window, "adminReload"))
    assert wait_until(lambda: reloads == [True], 5000)  # opened and checked off the GUI thread
    assert "перезагружена" in find(app.window, "adminNote").property("text")
    finger.tap(find(app.window, "adminClose"))
    assert not find(app.window, "adminPanel").isVisible()
    assert app.quit_codes == []


def test_wrong_pins_are_rate_limited_calmly(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    finger = Finger(app.window)
    open_pin_pad(app, finger)
    message = find(app.window, "pinMessage")

    enter_pin(app, finger, "1111")
    assert "неверный" in message.property("text").lower()
    enter_pin(app, finger, "2222")
    enter_pin(app, finger, "3333")
    assert app.admin.lockedSeconds > 0
    assert "через" in message.property("text")
    assert not find(app.window, "pinKey1").isEnabled()
    # Even the right PIN is refused while locked, and the panel stays closed.
    enter_pin(app, finger, "1945")
    pause_for_frames(50)
    assert not find(app.window, "adminPanel").isVisible()
    assert app.admin.tryPin("1945") is False  # the service's own guard, beneath the pad's
    assert find(app.window, "pinPad").isVisible()
    assert app.quit_codes == []


def test_lock_grows_to_five_minutes_and_resets_on_success():
    now = [0.0]
    limiter = RateLimiter(clock=lambda: now[0])
    assert [limiter.failure() for _ in range(3)] == [0, 0, 30]
    assert limiter.locked()
    locks = []
    for _ in range(6):
        now[0] += 1000
        locks.append(limiter.failure())
    assert locks == [60, 120, 240, 300, 300, 300]
    limiter.success()
    assert not limiter.locked() and limiter.failure() == 0


def test_admin_service_unlocks_after_the_lock(qapp):
    from kiosk.ui.services.admin import AdminService
    from kiosk.ui.services.pin import hash_pin

    now = [0.0]
    service = AdminService(hash_pin("2468", iterations=1000), limiter=RateLimiter(clock=lambda: now[0]))
    for pin in ("1", "2", "3"):
        assert service.tryPin(pin) is False
    assert service.lockedSeconds == 30
    assert service.tryPin("2468") is False
    now[0] += 31
    unlocked = []
    service.unlocked.connect(lambda: unlocked.append(True))
    assert service.tryPin("2468") is True and unlocked
    assert service.message == ""
