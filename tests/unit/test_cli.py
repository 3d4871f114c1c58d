"""`kiosk-db`: exact one-line messages, meaningful exit codes, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.data.curation import cli
from kiosk.data.curation.cli import main

ROOT = Path(__file__).resolve().parents[2]


def test_build_then_validate_report_search(fixture_sources, tmp_path, capsys):
    out = tmp_path / "db" / "kiosk.sqlite"
    assert main(["build", "--sources", str(fixture_sources), "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == f"{out}: built 3 cities, 4 tags from {fixture_sources}"

    assert main(["validate", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"{out}: OK (3 cities")

    assert main(["report", str(out)]) == 0
    report = capsys.readouterr().out
    assert (
        "corrections[1] Ижевск: region: seed_corrected: «Удмуртская республика » → «Удмуртская Республика»: Официально"
    ) in report
    assert "cities[3] Ижевск: memorial: no_memorial:" in report
    assert "WARNING (1):\n  cities[2] Екатеринбург: lat, lon: no_coordinates:" in report

    assert main(["search", str(out), "Ниж"]) == 0
    assert capsys.readouterr().out == "Нижний Новгород\n"
    assert main(["search", str(out), "танки", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"id": 1, "name": "Нижний Новгород"},
        {"id": 2, "name": "Екатеринбург"},
    ]
    assert main(["search", str(out), "'; DROP TABLE cities; --"]) == 0
    assert capsys.readouterr().out == ""


def test_build_failure_lists_problems_and_writes_nothing(sources_copy, tmp_path, capsys):
    f = sources_copy / "cities" / "02.toml"
    f.write_text(f.read_text(encoding="utf-8").replace("year = 2020", "year = 2019"), encoding="utf-8")
    out = tmp_path / "kiosk.sqlite"
    assert main(["build", "--sources", str(sources_copy), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{f}: year: 2019 is outside 2020..{cli_year()}",
        f"{f}: year: differs from seed.year '2020': add a note under [corrections]",
    ]
    assert captured.out == ""
    assert not out.exists()


def cli_year() -> int:
    from kiosk.data.cities.rules import current_year

    return current_year()


def test_missing_database_file(tmp_path, capsys):
    missing = tmp_path / "none.sqlite"
    for command in (["validate"], ["report"], ["export"], ["search"]):
        argv = [*command, str(missing)] + (["x"] if command == ["search"] else [])
        assert main(argv) == 1
        captured = capsys.readouterr()
        assert f"{missing}: file not found" in captured.out + captured.err
        assert not missing.exists()


@pytest.mark.parametrize("argv", [[], ["frobnicate"], ["validate"], ["export", "x.sqlite", "--format", "xml"]])
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert "usage: kiosk-db" in capsys.readouterr().err


def test_help_exits_0(capsys):
    assert main(["--help"]) == 0
    assert "build" in capsys.readouterr().out


def test_unexpected_errors_are_one_line_exit_2(monkeypatch, tmp_path, capsys):
    import kiosk.data.curation.build as build

    def explode(*_a, **_k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(build, "build_database", explode)
    assert main(["build", "--out", str(tmp_path / "k.sqlite")]) == 2
    err = capsys.readouterr().err
    assert err == "kiosk-db build: unexpected error: RuntimeError: disk on fire\n"


def test_unwritable_export_folder(fixture_db, tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["export", str(fixture_db), "--format", "csv", "--out", str(blocker / "sub")]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err


def test_the_entry_point_runs_as_a_program(fixture_db):
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from kiosk.cli import kiosk_db_main; sys.exit(kiosk_db_main())",
            "search",
            str(fixture_db),
            "Kazan",
            "--json",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []  # no Казань among the fixtures, and no crash
    assert Path("db/kiosk.sqlite") == cli.DEFAULT_DB


def test_open_questions_reach_the_report_and_the_export(sources_copy, tmp_path, capsys):
    city = sources_copy / "cities" / "02.toml"
    city.write_text(city.read_text(encoding="utf-8") + '\n[questions]\nname = "Проверить по указу"\n', encoding="utf-8")
    out = tmp_path / "kiosk.sqlite"
    assert main(["build", "--sources", str(sources_copy), "--out", str(out)]) == 0
    capsys.readouterr()
    assert main(["report", str(out)]) == 0
    assert "questions[1] Екатеринбург: name: open_question: Проверить по указу" in capsys.readouterr().out
    assert main(["export", str(out), "--format", "json"]) == 0
    exported = json.loads(capsys.readouterr().out)
    assert exported["questions"] == [{"id": 1, "city_id": 2, "field": "name", "note": "Проверить по указу"}]


def test_a_blank_question_is_a_source_problem(sources_copy, tmp_path, capsys):
    city = sources_copy / "cities" / "02.toml"
    city.write_text(city.read_text(encoding="utf-8") + '\n[questions]\nname = " "\n', encoding="utf-8")
    assert main(["build", "--sources", str(sources_copy), "--out", str(tmp_path / "x.sqlite")]) == 1
    assert "questions.name: must be a note" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite").exists()
