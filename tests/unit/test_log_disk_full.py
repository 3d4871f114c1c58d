"""Issue 14 fault 6: a full disk under the log gives one line on stderr, once, and the kiosk carries on."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kiosk.ui.platform.logsetup import setup_logging, shutdown_logging


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_disk_full_is_one_line_once(tmp_path, capfd):
    (tmp_path / "kiosk.log").symlink_to("/dev/full")  # every write fails with ENOSPC
    try:
        setup_logging(tmp_path, stderr=False)
        log = logging.getLogger("kiosk.test")
        for i in range(200):
            log.info("record %d", i)
        log.warning("still running")  # no exception reached the caller
    finally:
        shutdown_logging()
    err = capfd.readouterr().err
    assert "Logging error" not in err and "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, lines
    assert "cannot write the log" in lines[0] and "No space left on device" in lines[0]


def test_the_report_comes_back_after_a_recovery(tmp_path, capfd):
    from kiosk.ui.platform.logsetup import QuietRotatingFileHandler

    handler = QuietRotatingFileHandler(tmp_path / "k.log", maxBytes=10_000, backupCount=1)
    record = logging.LogRecord("kiosk", logging.INFO, __file__, 1, "x", None, None)
    real_write = handler.stream.write
    handler.stream.write = lambda text: (_ for _ in ()).throw(OSError(28, "No space left on device"))
    handler.emit(record)
    handler.emit(record)
    handler.stream.write = real_write
    handler.emit(record)  # space again: the next failure is worth a line
    handler.stream.write = lambda text: (_ for _ in ()).throw(OSError(28, "No space left on device"))
    handler.emit(record)
    handler.close()
    assert len(capfd.readouterr().err.splitlines()) == 2
