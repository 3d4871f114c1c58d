"""The QML module `Kiosk`: its qmldir declares every QML file, and its .qmltypes matches the Python classes."""

from __future__ import annotations

import re

from devtools import qmltooling


def test_qmldir_declares_every_qml_file_once():
    qmldir = (qmltooling.MODULE_DIR / "qmldir").read_text(encoding="utf-8").splitlines()
    assert qmldir[0] == "module Kiosk"
    assert "typeinfo kiosk.qmltypes" in qmldir
    declared = {}
    for line in qmldir[1:]:
        m = re.fullmatch(r"(?:singleton )?(\w+) 1\.0 (\S+\.qml)", line)
        if m:
            assert m.group(1) not in declared, f"{m.group(1)} declared twice"
            declared[m.group(1)] = m.group(2)
    on_disk = {p.relative_to(qmltooling.MODULE_DIR).as_posix() for p in qmltooling.qml_files()}
    assert set(declared.values()) == on_disk, "add the new .qml file to kiosk/ui/qml/Kiosk/qmldir"
    for name, path in declared.items():
        assert path.endswith(f"/{name}.qml") or path == f"{name}.qml", f"{name} is declared as {path}"


def test_qmltypes_is_generated_from_the_current_python(tmp_path):
    """A renamed or retyped property, signal or slot of a QML singleton must be regenerated, or qmllint would
    check QML against stale types: `python -m devtools.qmltooling qmltypes`."""
    fresh = qmltooling.generate_qmltypes(tmp_path / "kiosk.qmltypes")
    assert qmltooling.QMLTYPES.read_text(encoding="utf-8") == fresh, (
        "kiosk/ui/qml/Kiosk/kiosk.qmltypes is stale: run `python -m devtools.qmltooling qmltypes`"
    )
    for singleton in ("Catalog", "Database", "Idle", "Admin", "KioskInfo"):
        assert f'"Kiosk/{singleton} 1.0"' in fresh


def test_qmllint_is_clean_over_every_qml_file():
    """Every name QML uses resolves (typed singletons, required properties in delegates, qualified ids):
    a renamed Python property or a typo in QML is a lint warning here, not a silent `undefined` at run time."""
    result = qmltooling.lint()
    warnings = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("Warning")]
    assert result.returncode == 0 and not warnings, "\n".join(warnings) or result.stderr


def test_every_module_with_qml_types_is_imported_where_pyinstaller_sees_it():
    import ast
    import inspect
    import sys

    from kiosk.ui import engine

    tree = ast.parse(inspect.getsource(engine.register_python_types))
    imported = {
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    assert imported == set(engine.PYTHON_TYPES)
    engine.register_python_types()
    assert all(name in sys.modules for name in engine.PYTHON_TYPES)


def test_nothing_compiled_with_the_shell_imports_qtquick_controls():
    """Main.qml and every type it names (home and what home uses) are compiled before the first frame;
    importing QtQuick.Controls there cost the frozen first frame ~15 ms of CPU. Screens made later by name
    (Qt.createComponent("Kiosk", "…"), a Loader's source string) may import it: that cost comes after."""
    files = {}
    for line in (qmltooling.MODULE_DIR / "qmldir").read_text(encoding="utf-8").splitlines():
        m = re.fullmatch(r"(?:singleton )?(\w+) 1\.0 (\S+\.qml)", line)
        if m:
            files[m.group(1)] = qmltooling.MODULE_DIR / m.group(2)
    seen, todo = set(), ["Main"]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        text = files[name].read_text(encoding="utf-8")
        assert not re.search(r"^import QtQuick\.(Controls|Templates)", text, re.M), f"{name} imports Controls"
        code = re.sub(r'"[^"\n]*"|//[^\n]*', "", text)  # names in strings and comments are not compiled
        todo += [word for word in set(re.findall(r"\b[A-Z]\w+\b", code)) if word in files]
    assert {"HomeScreen", "ScreenStack", "HomeTile"} <= seen
    # The overlays and the top bar are made after the first frame, from their files: named as types in Main,
    # they (and NkPages' seven screens) were compiled with it, before the first frame.
    assert not {"TopBar", "IdleOverlay", "AttractScreen", "PinPad", "AdminPanel", "NkPages"} & seen
