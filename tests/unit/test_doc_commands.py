"""Every command the docs show runs as written.

Each `kiosk-db …` line of a code block in README.md and docs/*.md (fenced, or indented by four spaces) is run, in
the page's order, in a scratch folder of its own: the current folder of the commands and the home folder (`~`)
at once. That folder holds what the examples name, so the lines run unchanged:

- `db/kiosk.sqlite`: a database built from the repository's `db/sources` (which are there too, as links, for
  `kiosk-db build`); a page's commands change only this copy;
- `stela.jpg`, `ceh.jpg`, `portret.jpg`: small generated photographs;
- the placeholders a page names, made only where it names them: `NEW.sqlite` and `FILE` (copies of the
  database), `EXHIBIT_DIR`, `exhibit/`, `status/`, `STATUS_DIR` (empty folders), `hall1.sqlite`, `hall2.sqlite`
  (visit statistics, as a kiosk writes them);
- the kiosk's state folder (`$XDG_STATE_HOME`) with a statistics file, for `kiosk-db stats` without files.

A line is split as the shell would (quotes, `# comments`, `~`, `*`) and handed to the same `main` the
`kiosk-db` script calls; `.venv/bin/kiosk-db` and the bundle's `dist/kiosk/kiosk db` are that command too
(packaging/kiosk_entry.py). A line must exit 0 unless EXPECTED_EXIT says why not. A line with `[`, `]` or
`A|B` is a synopsis: it is checked, not run.

Every `kiosk-db …` the docs name, in code blocks and in `inline code` alike, must use a subcommand, flags and
flag values the parser has; every `make TARGET` they name must be a target of the Makefile.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import re
import shlex
import shutil
from pathlib import Path

import pytest

from kiosk.data.curation.build import build_database
from kiosk.data.curation.cli import main, make_parser

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# How the docs spell the curators' tool; each is `kiosk.data.curation.cli.main`.
PREFIXES = (".venv/bin/kiosk-db", "kiosk-db", "dist/kiosk/kiosk db")

# (page, start of the line) -> (exit code, why it is not 0 here).
EXPECTED_EXIT = {
    ("docs/deployment.md", "kiosk-db fleet ~/status"): (1, "no kiosk has written a status file in the scratch folder"),
}

# Placeholders: created in the scratch folder when a page names them.
COPIES = ("NEW.sqlite", "FILE")
FOLDERS = ("EXHIBIT_DIR", "exhibit", "status", "STATUS_DIR")
STATS_FILES = ("hall1.sqlite", "hall2.sqlite")
PHOTOS = ("stela.jpg", "ceh.jpg", "portret.jpg")


def _code_lines(text: str):
    """(line number, line) of every line in a fenced or four-space-indented code block."""
    fenced = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced or line.startswith("    "):
            yield number, line.strip()


def _tool_args(line: str) -> list[str] | None:
    """The arguments after the tool's name, as the shell splits them; None for another command."""
    for prefix in PREFIXES:
        if line.startswith(prefix + " ") or line == prefix:
            return shlex.split(line[len(prefix) :], comments=True)
    return None


def _is_synopsis(line: str) -> bool:
    code = line.split(" #", 1)[0]
    return bool(re.search(r"[\[\]]|\S\|\S", code))


def _examples() -> list[tuple[str, int, str]]:
    found = []
    for page in DOCS:
        for number, line in _code_lines(page.read_text(encoding="utf-8")):
            if _tool_args(line) is not None:
                found.append((page.relative_to(ROOT).as_posix(), number, line))
    return found


def _inline_spans(page: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    return re.findall(r"`([^`\n]+)`", text)


# --- the parser's vocabulary ---------------------------------------------------------------------------------


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in make_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _check_names(line: str) -> list[str]:
    """What a `kiosk-db …` line names that the parser does not have: subcommand, flags, flag values."""
    words = line.replace("\\|", "|").split(" #", 1)[0].split()
    for prefix in PREFIXES:
        n = len(prefix.split())
        if words[:n] == prefix.split():
            words = words[n:]
            break
    else:
        return []
    if not words or not re.fullmatch(r"[a-z][a-z-]*", words[0]):  # `kiosk-db COMMAND --help`, `kiosk db …`
        return []
    commands = _subcommands()
    if words[0] not in commands:
        return [f"no subcommand {words[0]!r}"]
    options = commands[words[0]]._option_string_actions
    problems = []
    for i, word in enumerate(words[1:], 1):
        for flag in re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", word):
            if flag not in options:
                problems.append(f"{words[0]}: no option {flag}")
            elif (choices := list(options[flag].choices or ())) and i + 1 < len(words):
                if words[i + 1].startswith(("-", "[")):
                    continue
                values = words[i + 1].strip("[]").split("|")
                problems += [f"{words[0]} {flag}: no choice {v!r}" for v in values if v not in choices]
    return problems


def test_the_docs_show_kiosk_db_examples():
    examples = _examples()
    pages = {page for page, _, _ in examples}
    assert {"README.md", "docs/curators.md", "docs/statistics.md", "docs/fleet.md"} <= pages
    assert len(examples) >= 20


@pytest.mark.parametrize("page", DOCS, ids=lambda p: p.name)
def test_every_kiosk_db_line_names_what_exists(page):
    lines = [line for _, line in _code_lines(page.read_text(encoding="utf-8"))]
    lines += _inline_spans(page)
    problems = [f"{line!r}: {p}" for line in lines for p in _check_names(line)]
    assert not problems, f"{page.name} names what kiosk-db does not have:\n" + "\n".join(problems)


def test_the_check_sees_a_wrong_name():
    assert _check_names("kiosk-db valdiate db/kiosk.sqlite") == ["no subcommand 'valdiate'"]
    assert _check_names(".venv/bin/kiosk-db report db/kiosk.sqlite --jsn") == ["report: no option --jsn"]
    assert _check_names("`kiosk-db export --format xlsx\\|ods`") == []  # a span's backticks are gone by now
    assert _check_names("kiosk-db export --format xlsx|ods") == ["export --format: no choice 'ods'"]
    assert _check_names("kiosk-db stats [FILE ...] [--from DATE] [--format text|json]") == []


def _make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([A-Za-z0-9_.-]+)\s*:(?!=)", text, flags=re.M))


def test_every_make_target_the_docs_name_exists():
    targets = _make_targets()
    assert {"run", "test", "db", "dist"} <= targets
    problems = []
    for page in DOCS:
        text = page.read_text(encoding="utf-8")
        code = [line for _, line in _code_lines(text)] + _inline_spans(page)
        for snippet in code:
            for target in re.findall(r"(?:^|[\s(;&|])make ([a-z][a-z0-9_-]*)", snippet):
                if target not in targets:
                    problems.append(f"{page.name}: `make {target}` ({snippet!r})")
    assert not problems, "no such Makefile target:\n" + "\n".join(problems)


# --- running them ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_db(tmp_path_factory) -> Path:
    return build_database(ROOT / "db" / "sources", tmp_path_factory.mktemp("doc-db") / "kiosk.sqlite")


def _stats_file(path: Path) -> None:
    from kiosk.data.stats.store import StatsFile
    from kiosk.data.stats.visit import Visit

    store = StatsFile(path)
    store.open()
    store.add([Visit(day=dt.date.today().isoformat(), hour=11, seconds=95)])
    store.close()


def _scratch(folder: Path, page_text: str, db: Path, monkeypatch) -> None:
    from PIL import Image

    (folder / "db").mkdir(parents=True)
    shutil.copy(db, folder / "db" / "kiosk.sqlite")
    for linked in ("sources", "seeds"):
        (folder / "db" / linked).symlink_to(ROOT / "db" / linked, target_is_directory=True)
    for name in PHOTOS:
        Image.new("RGB", (320, 200), (150, 40, 30)).save(folder / name, "JPEG")
    mentioned = lambda name: re.search(rf"(?<![\w.]){re.escape(name)}(?![\w])", page_text)  # noqa: E731
    for name in COPIES:
        if mentioned(name):
            shutil.copy(db, folder / name)
    for name in FOLDERS:
        if mentioned(name):
            (folder / name).mkdir()
    for name in STATS_FILES:
        if mentioned(name):
            _stats_file(folder / name)
    state = folder / ".local" / "state"
    _stats_file(state / "labour-valour-kiosk" / "statistics.sqlite")
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_STATE_HOME", str(state))
    monkeypatch.chdir(folder)


def _shell_words(args: list[str], home: Path) -> list[str]:
    out = []
    for word in args:
        if word == "~" or word.startswith("~/"):
            word = str(home) + word[1:]
        if "*" in word:
            out += sorted(glob.glob(word)) or [word]  # noqa: PTH207 — a whole shell word, absolute or not; Path.glob takes relative patterns only
        else:
            out.append(word)
    return out


PAGES_WITH_EXAMPLES = sorted({page for page, _, line in _examples() if not _is_synopsis(line)})


@pytest.mark.parametrize("page", PAGES_WITH_EXAMPLES)
def test_the_examples_run_as_written(page, built_db, tmp_path, monkeypatch, capsys):
    text = (ROOT / page).read_text(encoding="utf-8")
    folder = tmp_path / "here"
    _scratch(folder, text, built_db, monkeypatch)
    ran = 0
    for _, number, line in (e for e in _examples() if e[0] == page):
        if _is_synopsis(line):
            continue
        args = _shell_words(_tool_args(line) or [], folder)
        want, why = next(
            (v for (p, start), v in EXPECTED_EXIT.items() if p == page and line.startswith(start)), (0, "")
        )
        code = main(args)
        out = capsys.readouterr()
        expected = f" (expected {want}: {why})" if why else ""
        assert code == want, f"{page}:{number}: {line}\nexit {code}{expected}\n{out.out[-2000:]}{out.err[-2000:]}"
        ran += 1
    assert ran, page


# --- links between the pages ----------------------------------------------------------------------------------


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[`*]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _anchors(page: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
    return {_anchor(h) for h in re.findall(r"^#+ (.+)$", text, flags=re.M)}


def test_every_link_between_the_pages_finds_its_page_and_heading():
    problems = []
    for page in DOCS:
        text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.S)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"[a-z]+:", target):
                continue
            path, _, anchor = target.partition("#")
            linked = (page.parent / path).resolve() if path else page
            if not linked.exists():
                problems.append(f"{page.name}: {target}: no such file")
            elif anchor and linked.suffix == ".md" and anchor not in _anchors(linked):
                problems.append(f"{page.name}: {target}: no such heading")
    assert not problems, "\n".join(problems)


def test_the_link_check_sees_a_moved_heading():
    assert _anchor("For curators: updating the content") == "for-curators-updating-the-content"
    assert _anchor("`kiosk-db quiz PATH --check`") == "kiosk-db-quiz-path---check"
    assert _anchor("Export, edit in a spreadsheet, import") == "export-edit-in-a-spreadsheet-import"
    assert "the-qml-module" in _anchors(ROOT / "docs" / "development.md")


def test_the_kiosk_options_table_lists_every_option_the_kiosk_has():
    from kiosk.ui.main import build_parser

    text = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    table = text.split("## Command-line options", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", table))
    actual = {flag for flag in build_parser()._option_string_actions if flag.startswith("--")} - {"--help"}
    assert documented - actual == set(), "the table names options the kiosk does not have"
    assert actual - documented == set(), "options missing from the table in docs/deployment.md"


def test_the_report_fields_table_names_every_check_the_report_makes():
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "kiosk" / "data").rglob("*.py"))
    made = set(re.findall(r'"(?:error|warning|info)",\s*"([a-z_]+)"', code)) - {"error", "warning", "info"}
    assert len(made) >= 20
    text = (ROOT / "docs" / "curators.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| `check` |"))
    assert made - set(re.findall(r"`([a-z_]+)`", row)) == set(), "checks missing from docs/curators.md's table"


def test_the_config_file_example_lists_every_setting():
    import dataclasses

    from kiosk.ui.config import Config

    text = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
    example = text.split("```toml", 1)[1].split("```", 1)[0]
    documented = set(re.findall(r"^([a-z_]+)\s*=", example, flags=re.M))
    settings = {f.name for f in dataclasses.fields(Config)} - {"source"}  # source: the file they came from
    assert documented == settings
