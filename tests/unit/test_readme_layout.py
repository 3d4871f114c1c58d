"""The README's layout table is the tree: every folder with tracked files has its row, every row's path exists.

A folder of data only (no Python in it or between) may be covered by its nearest listed ancestor of the same kind
(tests/unit/fixtures/ for the sources and the map under it).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COVERED = ("kiosk", "devtools", "tests", "benchmarks", "packaging", "docs")


def table_paths() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Project layout\n", 1)[1].split("\n## ", 1)[0]
    return [m.group(1).rstrip("/") for m in re.finditer(r"^\| `([^`]+)` \|", section, re.MULTILINE)]


def tracked_dirs() -> dict[str, set[str]]:
    """Folder → names of the tracked files directly in it, for the folders the table must cover."""
    files = subprocess.run(["git", "ls-files", *COVERED], cwd=ROOT, capture_output=True, text=True, check=True)
    found: dict[str, set[str]] = {}
    for line in files.stdout.splitlines():
        path = Path(line)
        found.setdefault(path.parent.as_posix(), set()).add(path.name)
    return found


def _holds_python(folder: str, dirs: dict[str, set[str]]) -> bool:
    return any(name.endswith(".py") for name in dirs.get(folder, ()))


def uncovered(listed: set[str], dirs: dict[str, set[str]]) -> list[str]:
    missing = []
    for folder in sorted(dirs):
        if folder in listed:
            continue
        up, ok = Path(folder), False
        while not ok and not _holds_python(up.as_posix(), dirs) and up.parent != Path():
            up = up.parent
            ok = up.as_posix() in listed and not _holds_python(up.as_posix(), dirs)
        if not ok:
            missing.append(folder)
    return missing


def test_every_folder_with_tracked_files_has_its_row():
    missing = uncovered(set(table_paths()), tracked_dirs())
    assert not missing, f"add a row to README.md's «Project layout» for: {', '.join(missing)}"


def test_every_row_names_a_path_that_exists():
    gone = [path for path in table_paths() if not (ROOT / path).exists()]
    assert not gone, f"README.md's «Project layout» lists paths that do not exist: {', '.join(gone)}"


def test_a_new_room_without_a_row_is_found():
    dirs = tracked_dirs()
    listed = set(table_paths())
    assert uncovered(listed, {**dirs, "kiosk/data/newroom": {"__init__.py"}}) == ["kiosk/data/newroom"]
    assert uncovered(listed - {"kiosk/ui/platform"}, dirs) == ["kiosk/ui/platform"]
