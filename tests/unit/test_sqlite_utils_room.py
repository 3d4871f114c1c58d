"""sqlite-utils (and the click, dateutil and hashlib it brings) is the curators' writer: only kiosk/data/curation
imports it, so the running kiosk cannot load it by accident. Held by where the modules live, read with `ast`
(imports under `if TYPE_CHECKING:` are for the type checker and do not count)."""

from __future__ import annotations

import ast
from pathlib import Path

import kiosk

PACKAGE_DIR = Path(kiosk.__file__).parent
ROOM = PACKAGE_DIR / "data" / "curation"


def _is_type_checking(node: ast.AST) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_sqlite_utils(source: str) -> bool:
    def walk(node: ast.AST) -> bool:
        for child in ast.iter_child_nodes(node):
            if _is_type_checking(child):
                continue  # its body only; an `else:` would run, but none here has one
            if isinstance(child, ast.Import) and any(a.name.split(".")[0] == "sqlite_utils" for a in child.names):
                return True
            if isinstance(child, ast.ImportFrom) and (child.module or "").split(".")[0] == "sqlite_utils":
                return True
            if walk(child):
                return True
        return False

    return walk(ast.parse(source))


def test_only_the_curation_room_imports_sqlite_utils():
    users = [p for p in sorted(PACKAGE_DIR.rglob("*.py")) if imports_sqlite_utils(p.read_text(encoding="utf-8"))]
    assert users, "no module imports sqlite_utils: the test reads the wrong tree"
    outside = [p.relative_to(PACKAGE_DIR.parent).as_posix() for p in users if ROOM not in p.parents]
    assert not outside, f"sqlite_utils imported outside kiosk/data/curation: {', '.join(outside)}"


def test_the_reader_sees_function_local_imports_and_skips_type_checking_ones():
    assert imports_sqlite_utils("def f():\n    import sqlite_utils\n")
    assert imports_sqlite_utils("def f():\n    from sqlite_utils.db import Table\n")
    assert not imports_sqlite_utils("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import sqlite_utils\n")
