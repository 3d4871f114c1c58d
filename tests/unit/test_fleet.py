"""Several kiosks, one exhibit: `kiosk-db publish` places only checked files, atomically; `kiosk-db fleet` reads
the kiosks' status files into rows and an exit code a monitoring script can use."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

import pytest

from kiosk.data.curation.cli import main
from kiosk.data.curation.fleet_report import read_fleet
from kiosk.data.fleet.status import Exhibit, KioskStatus, Refusal, file_name, iso, read_status, write_atomic

NOW = dt.datetime.now(dt.UTC).replace(microsecond=0)  # the CLI reads the real clock


def _status(kiosk_id: str, built: str, age_s: float = 10, **kw) -> KioskStatus:
    return KioskStatus(
        kiosk_id=kiosk_id,
        app_version="1.0",
        written_at=iso(NOW - dt.timedelta(seconds=age_s)),
        interval_s=300,
        exhibit=Exhibit(built, "sha-" + built),
        **kw,
    )


def _write(folder: Path, status: KioskStatus) -> None:
    write_atomic(folder / file_name(status.kiosk_id), status.to_json())


# -- publish


def test_publish_places_a_checked_file_atomically(db_copy, tmp_path, capsys):
    exhibit = tmp_path / "exhibit"
    exhibit.mkdir()
    assert main(["publish", str(db_copy), str(exhibit)]) == 0
    assert capsys.readouterr().out.startswith(f"{exhibit / 'kiosk.sqlite'}: published (built ")
    assert (exhibit / "kiosk.sqlite").read_bytes() == db_copy.read_bytes()
    # Nothing else travels: no journal, no temporary file; our temporary files are kept out of Syncthing.
    assert sorted(p.name for p in exhibit.iterdir()) == [".stignore", "kiosk.sqlite"]
    assert "(?d).kiosk-publish-*" in (exhibit / ".stignore").read_text().splitlines()
    assert (exhibit / "kiosk.sqlite").stat().st_mode & 0o644 == 0o644  # readable by the kiosk's user


def test_publish_refuses_a_broken_file_and_leaves_the_published_one(db_copy, tmp_path, capsys):
    exhibit = tmp_path / "exhibit"
    exhibit.mkdir()
    assert main(["publish", str(db_copy), str(exhibit)]) == 0
    before = (exhibit / "kiosk.sqlite").read_bytes()
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(db_copy.read_bytes())
    with sqlite3.connect(broken) as conn:
        conn.execute("UPDATE cities SET year = 'x' WHERE id = (SELECT min(id) FROM cities)")
    conn.close()
    capsys.readouterr()
    assert main(["publish", str(broken), str(exhibit)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{broken}: cities[") and "year" in err
    assert (exhibit / "kiosk.sqlite").read_bytes() == before
    assert sorted(p.name for p in exhibit.iterdir()) == [".stignore", "kiosk.sqlite"]


def test_publish_keeps_a_curators_stignore_and_refuses_a_missing_folder(db_copy, tmp_path, capsys):
    exhibit = tmp_path / "exhibit"
    exhibit.mkdir()
    (exhibit / ".stignore").write_text("notes.txt")  # no newline at the end
    assert main(["publish", str(db_copy), str(exhibit)]) == 0
    assert (exhibit / ".stignore").read_text() == "notes.txt\n(?d).kiosk-publish-*\n"
    assert main(["publish", str(db_copy), str(exhibit)]) == 0  # a second time adds nothing
    assert (exhibit / ".stignore").read_text() == "notes.txt\n(?d).kiosk-publish-*\n"
    capsys.readouterr()
    assert main(["publish", str(db_copy), str(tmp_path / "nowhere")]) == 1
    assert "the exhibit folder does not exist" in capsys.readouterr().err


def test_publish_turns_a_wal_header_into_a_rollback_one_and_refuses_pending_wal(db_copy, tmp_path, capsys):
    wal_file = tmp_path / "wal.sqlite"
    wal_file.write_bytes(db_copy.read_bytes())
    conn = sqlite3.connect(wal_file)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("UPDATE meta SET value = '2026-01-01T00:00:00Z' WHERE key = 'built_at'")
    conn.commit()  # the change sits in wal.sqlite-wal until a checkpoint
    exhibit = tmp_path / "exhibit"
    exhibit.mkdir()
    assert main(["publish", str(wal_file), str(exhibit)]) == 1
    assert "wal.sqlite-wal holds changes" in capsys.readouterr().err
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert main(["publish", str(wal_file), str(exhibit)]) == 0
    conn.close()
    assert (exhibit / "kiosk.sqlite").read_bytes()[18:20] == b"\x01\x01"


# -- status records


def test_a_status_record_round_trips_and_a_foreign_file_is_a_problem_not_a_crash(tmp_path):
    status = _status("зал-2/east", "2026-12-01T10:00:00Z", last_refusal=Refusal("x.sqlite", "broken", "t"))
    path = tmp_path / file_name(status.kiosk_id)
    assert path.name == "2_east.json"  # nothing unsafe in a file name; the id itself is kept in the record
    write_atomic(path, status.to_json())
    assert read_status(path) == status
    for text in ("[]", "{", '{"kiosk_id": 3}', "x" * 70_000, "[" * 100_000):
        path.write_text(text)
        with pytest.raises(ValueError, match=str(path)):
            read_status(path)


# -- fleet


def test_fleet_all_current_exits_0(tmp_path, capsys):
    for name in ("hall-1", "hall-2"):
        _write(tmp_path, _status(name, "2026-12-01T10:00:00Z"))
    rows, newest = read_fleet(tmp_path, now=NOW)
    assert [r.kiosk_id for r in rows] == ["hall-1", "hall-2"] and all(r.ok for r in rows)
    assert newest == Exhibit("2026-12-01T10:00:00Z", "sha-2026-12-01T10:00:00Z")
    assert main(["fleet", str(tmp_path)]) == 0
    assert "2 of 2 kiosk(s) current" in capsys.readouterr().out


def test_fleet_names_stale_behind_unavailable_refusing_and_broken_kiosks(tmp_path, capsys):
    _write(tmp_path, _status("new", "2026-12-02T10:00:00Z"))
    _write(tmp_path, _status("old", "2026-12-01T10:00:00Z"))
    _write(tmp_path, _status("quiet", "2026-12-02T10:00:00Z", age_s=3 * 300 + 1))
    _write(tmp_path, _status("down", "", available=False, unavailable_reason="kiosk.sqlite: not an SQLite file"))
    _write(
        tmp_path, _status("refuser", "2026-12-02T10:00:00Z", last_refusal=Refusal("k.sqlite", "cities[3].year", "t"))
    )
    (tmp_path / "junk.json").write_text("{")
    (tmp_path / ".syncthing.new.json.tmp").write_text("{")  # a sync in progress: not a kiosk
    rows, _ = read_fleet(tmp_path, now=NOW)
    by_id = {r.kiosk_id: r for r in rows}
    assert sorted(by_id) == ["down", "junk", "new", "old", "quiet", "refuser"]
    assert by_id["new"].ok
    assert by_id["old"].problems == ("behind: shows 2026-12-01T10:00:00Z, newest 2026-12-02T10:00:00Z",)
    assert by_id["quiet"].stale and by_id["quiet"].problems[0].startswith("stale: last seen 15 min ago")
    assert by_id["down"].problems == ("unavailable: kiosk.sqlite: not an SQLite file",)
    assert by_id["refuser"].problems == ("refused k.sqlite at t: cities[3].year",)
    assert "not a JSON status file" in by_id["junk"].problems[0]
    assert main(["fleet", str(tmp_path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [k["kiosk_id"] for k in data["kiosks"] if k["current"]] == ["new"]


def test_fleet_compares_with_the_published_file(db_copy, tmp_path, capsys):
    exhibit, status = tmp_path / "exhibit", tmp_path / "status"
    exhibit.mkdir()
    status.mkdir()
    assert main(["publish", str(db_copy), str(exhibit)]) == 0
    with sqlite3.connect(db_copy) as conn:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    conn.close()
    now = dt.datetime.now(dt.UTC)
    fresh = iso(now)
    write_atomic(
        status / "a.json",
        KioskStatus("a", "1", fresh, 300, exhibit=Exhibit(meta["built_at"], meta["sources_sha256"])).to_json(),
    )
    write_atomic(
        status / "b.json", KioskStatus("b", "1", fresh, 300, exhibit=Exhibit("2099-01-01T00:00:00Z", "x")).to_json()
    )
    capsys.readouterr()
    # Without --exhibit the newest any kiosk shows wins; with it, the published file decides.
    assert main(["fleet", str(status), "--exhibit", str(exhibit), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert {k["kiosk_id"]: k["current"] for k in data["kiosks"]} == {"a": True, "b": False}


def test_fleet_with_no_folder_or_no_kiosks(tmp_path, capsys):
    assert main(["fleet", str(tmp_path / "missing")]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert main(["fleet", str(tmp_path)]) == 1
    assert "no kiosk status files yet" in capsys.readouterr().out


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any folder")
def test_fleet_unreadable_folder_exits_2(tmp_path, capsys):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0)
    try:
        assert main(["fleet", str(folder)]) == 2
    finally:
        folder.chmod(0o755)
