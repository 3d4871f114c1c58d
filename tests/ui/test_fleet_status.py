"""Issue 27: each kiosk leaves `<status_dir>/<kiosk_id>.json` when it starts, switches edition, refuses a file,
and on a clean exit; a folder it cannot write costs a log line, never the exhibit."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3

import pytest

import kiosk.ui.services.database as database_service
from kiosk.data.curation.cli import main as kiosk_db
from tests.helpers.data import stamped as _stamped
from tests.helpers.qt import Finger, find, wait_until


@pytest.fixture(autouse=True)
def fast_poll(monkeypatch):
    monkeypatch.setattr(database_service, "POLL_MS", 300, raising=False)


def _status(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def test_status_follows_start_switch_refusal_and_clean_exit(make_kiosk, shell_db, tmp_path, capsys):
    exhibit, status_dir = tmp_path / "exhibit", tmp_path / "status"
    exhibit.mkdir()
    assert (
        kiosk_db(["publish", str(_stamped(shell_db, tmp_path / "e1.sqlite", "2030-01-01T00:00:00Z")), str(exhibit)])
        == 0
    )
    app = make_kiosk(exhibit / "kiosk.sqlite", status_dir=status_dir, kiosk_id="зал 2")
    path = status_dir / "2.json"
    assert wait_until(lambda: (_status(path) or {}).get("exhibit", {}).get("built_at") == "2030-01-01T00:00:00Z")
    first = _status(path)
    assert first["kiosk_id"] == "зал 2" and first["available"] is True and first["showing_since"]
    assert first["last_restart"] == ""  # the first run on this machine

    finger = Finger(app.window)
    finger.tap(find(app.window, "tileCities"))  # a visitor is reading: the new edition waits, and so does the status
    assert wait_until(lambda: app.driver.current_name() == "citiesScreen")
    new = _stamped(shell_db, tmp_path / "e2.sqlite", "2031-01-01T00:00:00Z")
    assert kiosk_db(["publish", str(new), str(exhibit)]) == 0
    assert wait_until(lambda: app.database.pendingReload, 8000)
    assert _status(path)["exhibit"]["built_at"] == "2030-01-01T00:00:00Z"
    finger.tap(find(app.window, "homeButton"))
    assert wait_until(lambda: (_status(path) or {}).get("exhibit", {}).get("built_at") == "2031-01-01T00:00:00Z")
    assert _status(path)["showing_since"] >= first["showing_since"]

    broken = tmp_path / "broken.sqlite"  # copied in by hand, past `publish`: the kiosk refuses it and says so
    shutil.copy(new, broken)
    with sqlite3.connect(broken) as conn:
        conn.execute("UPDATE cities SET year = 'x' WHERE id = (SELECT min(id) FROM cities)")
    conn.close()
    broken.replace(exhibit / "kiosk.sqlite")
    assert wait_until(lambda: (_status(path) or {}).get("last_refusal") is not None, 8000)
    refused = _status(path)
    assert refused["last_refusal"]["file"] == str(exhibit / "kiosk.sqlite")
    assert "year" in refused["last_refusal"]["reason"]
    assert refused["exhibit"]["built_at"] == "2031-01-01T00:00:00Z"  # still showing the last good edition
    capsys.readouterr()
    assert kiosk_db(["fleet", str(status_dir), "--json"]) == 1  # a refusal is a problem to look at
    assert json.loads(capsys.readouterr().out)["kiosks"][0]["problems"][0].startswith("refused ")

    app.close()
    make_kiosk(new, status_dir=status_dir, kiosk_id="зал 2")
    assert wait_until(lambda: (_status(path) or {}).get("last_restart") == "clean exit")


def test_a_run_that_never_stopped_is_reported_as_no_clean_exit(tmp_path):
    from kiosk.ui.services.fleet_status import previous_run

    assert previous_run(tmp_path) == ""  # first run: nothing known
    assert previous_run(tmp_path) == "no clean exit (a crash, a kill or power loss)"  # the first never stopped
    (tmp_path / "last-run.json").write_text("{")
    assert previous_run(tmp_path) == "unknown"


def test_no_status_dir_writes_nothing(make_kiosk, shell_db, tmp_path):
    app = make_kiosk(shell_db)
    assert app.fleet_status is None
    assert not (tmp_path / "state" / "labour-valour-kiosk" / "last-run.json").exists()


def test_a_status_dir_that_cannot_be_written_costs_one_log_line(make_kiosk, shell_db, tmp_path, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the status folder should be")
    with caplog.at_level(logging.WARNING, logger="kiosk.fleet"):
        app = make_kiosk(shell_db, status_dir=blocker / "status")
        assert wait_until(lambda: any("cannot write the fleet status file" in r.message for r in caplog.records))
        app.fleet_status.write()
        app.fleet_status.write()
        Finger(app.window).tap(find(app.window, "tileCities"))
        assert wait_until(lambda: app.driver.current_name() == "citiesScreen")  # the exhibit goes on
    assert sum("cannot write the fleet status file" in r.message for r in caplog.records) == 1
