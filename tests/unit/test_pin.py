"""Admin PIN hashes: salted PBKDF2-SHA256 in a documented format; the rate limiter's arithmetic."""

from __future__ import annotations

import io

import pytest

from kiosk.ui.services.admin import RateLimiter
from kiosk.ui.services.pin import ITERATIONS, hash_pin, parse_pin_hash, verify_pin


def test_hash_format_and_salt():
    a, b = hash_pin("1945"), hash_pin("1945")
    assert a != b  # a fresh salt every time
    algorithm, iterations, _salt, _key = a.split("$")
    assert algorithm == "pbkdf2_sha256" and int(iterations) == ITERATIONS
    assert verify_pin("1945", a) and verify_pin("1945", b)
    assert not verify_pin("1944", a) and not verify_pin("", a) and not verify_pin("19450", a)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "1945",
        "md5$1$abc$def",
        "pbkdf2_sha256$x$y$z",
        "pbkdf2_sha256$10$AAAA$AAAA",
        "pbkdf2_sha256$200000$c2FsdHNhbHQ=$c2hvcnQ=",
    ],
)
def test_foreign_hashes_never_verify(bad):
    assert parse_pin_hash(bad) is None
    assert not verify_pin("1945", bad)


@pytest.mark.parametrize("pin", ["", "12a4", "1234567890123"])
def test_only_digit_pins_are_hashed(pin):
    with pytest.raises(ValueError):
        hash_pin(pin)


def test_rate_limit_three_free_then_30s_doubling_to_5min():
    now = [100.0]
    r = RateLimiter(clock=lambda: now[0])
    assert r.failure() == 0 and r.failure() == 0 and not r.locked()
    assert r.failure() == 30 and r.locked() and r.remaining() == 30
    now[0] += 30
    assert not r.locked()
    assert [r.failure() for _ in range(5)] == [60, 120, 240, 300, 300]


def test_hash_pin_command_reads_stdin(capsys):
    from kiosk.ui.main import hash_pin_command

    assert hash_pin_command(io.StringIO("2580\n")) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith('admin_pin_hash = "pbkdf2_sha256$')
    assert verify_pin("2580", line.split('"')[1])
    assert hash_pin_command(io.StringIO("12\n")) == 2
