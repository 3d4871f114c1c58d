"""Issue 29: a config file that is not a small UTF-8 TOML file never hangs the kiosk and never ends in a
traceback: a FIFO, /dev/zero, arrays nested 100 000 deep, and a byte-order mark each get one clear line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.ui.config import ConfigError, load_config
from tests.unit.test_file_faults import _in_time


def _refusal(path) -> str:
    with pytest.raises(ConfigError) as info:
        _in_time(lambda: load_config(path), seconds=10)
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    return message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_at_the_config_path_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "kiosk.toml"
    os.mkfifo(fifo)
    assert "is a FIFO (named pipe), not a config file" in _refusal(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_dev_zero_is_refused_before_it_fills_the_memory():
    assert "is a character device, not a config file" in _refusal("/dev/zero")


def test_a_huge_file_is_refused_by_its_size(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text("# " + "x" * 10_000_000)
    assert "config file too large" in _refusal(path)


@pytest.mark.parametrize("text", ["a = " + "[" * 100_000 + "]" * 100_000, "a = " + "{b = " * 20_000 + "}" * 20_000])
def test_deep_nesting_is_not_valid_toml_and_no_recursion_error(tmp_path, text):
    path = tmp_path / "kiosk.toml"
    path.write_text(text[: 60 * 1024])  # within the size limit: the parser itself must not blow its stack
    assert "not valid TOML" in _refusal(path)


def test_a_byte_order_mark_is_read_like_any_utf8_file(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_bytes("\ufeffidle_timeout = 45\n".encode())
    assert load_config(path).idle_timeout == 45


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_the_kiosk_command_says_so_in_one_line_and_exits(tmp_path):
    fifo = tmp_path / "kiosk.toml"
    os.mkfifo(fifo)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "kiosk.cli", "--config", str(fifo), "--windowed"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "is a FIFO" in done.stderr
