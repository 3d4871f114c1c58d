"""Developer tooling for the QML module (never imported by the kiosk at run time).

    python -m devtools.qmltooling qmltypes   # regenerate kiosk/ui/qml/Kiosk/kiosk.qmltypes from the Python sources
    python -m devtools.qmltooling lint       # pyside6-qmllint over every QML file of the module

The .qmltypes file tells qmllint and qmlls what the Python singletons offer (properties, signals, slots);
it is generated with PySide6's own tools, the way `pyside6-project` does it: metaobjectdump → qmltyperegistrar.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from kiosk.ui.platform import locations
from kiosk.ui.engine import PYTHON_TYPES
from kiosk.ui.qmlmodule import MODULE, QML_IMPORT_MAJOR_VERSION, QML_IMPORT_MINOR_VERSION

ROOT = locations.package_dir().parent
MODULE_DIR = locations.qml_dir() / MODULE
QMLTYPES = MODULE_DIR / "kiosk.qmltypes"

# The module's Python half, as files for metaobjectdump.
PYTHON_SOURCES = [name.replace(".", "/") + ".py" for name in PYTHON_TYPES]


def _tool(name: str) -> str:
    """A PySide6 tool from the same environment as this Python (the venv's bin/), else from PATH."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} not found next to {sys.executable} or on PATH")
    return found


def _qtcore_metatypes() -> str:
    """Qt's own types the Python classes build on: QtCore's, and QtQuick's for MapCanvas (a QQuickItem)."""
    import PySide6

    meta = Path(PySide6.__file__).parent / "Qt" / "metatypes"
    return ",".join(str(next(meta.glob(f"qt6{name}_*metatypes.json"))) for name in ("core", "gui", "quick"))


def _constant_properties(source: Path) -> set[tuple[str, str]]:
    """(class, property) for every `@Property(..., constant=True)`: metaobjectdump (6.11) drops that flag, and
    without it qmllint calls every read of a constant property stale."""
    found = set()
    for cls in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if not isinstance(cls, ast.ClassDef):
            continue
        for fn in cls.body:
            for deco in getattr(fn, "decorator_list", []):
                if (
                    isinstance(deco, ast.Call)
                    and getattr(deco.func, "id", "") == "Property"
                    and any(k.arg == "constant" and getattr(k.value, "value", False) for k in deco.keywords)
                ):
                    found.add((cls.name, getattr(fn, "name", "")))
    return found


def _with_constants(dump: list[dict]) -> list[dict]:
    for entry in dump:
        source = ROOT / entry["inputFile"]
        constants = _constant_properties(source)
        entry["inputFile"] = source.resolve().relative_to(ROOT).as_posix()  # the same on every machine
        for cls in entry["classes"]:
            for prop in cls.get("properties", []):
                if (cls["className"], prop["name"]) in constants:
                    prop["constant"] = True
    return dump


def generate_qmltypes(out: Path = QMLTYPES) -> str:
    """Write the module's .qmltypes to `out`; returns its text."""
    with tempfile.TemporaryDirectory() as tmp:
        json_file = Path(tmp) / "kiosk_metatypes.json"
        dump = subprocess.run(
            [_tool("pyside6-metaobjectdump"), *PYTHON_SOURCES], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout
        json_file.write_text(json.dumps(_with_constants(json.loads(dump))), encoding="utf-8")
        subprocess.run(
            [
                _tool("pyside6-qmltyperegistrar"),
                "--generate-qmltypes",
                str(out),
                "-o",
                str(Path(tmp) / "registrations.cpp"),
                "--import-name",
                MODULE,
                "--major-version",
                str(QML_IMPORT_MAJOR_VERSION),
                "--minor-version",
                str(QML_IMPORT_MINOR_VERSION),
                f"--foreign-types={_qtcore_metatypes()}",
                str(json_file),
            ],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return out.read_text(encoding="utf-8")


def qml_files() -> list[Path]:
    return sorted(MODULE_DIR.rglob("*.qml"))


def lint(extra_args: list[str] | None = None) -> subprocess.CompletedProcess:
    """pyside6-qmllint over every QML file of the module, resolving `import Kiosk` through the import path;
    any warning makes the exit code non-zero."""
    cmd = [
        _tool("pyside6-qmllint"),
        "-I",
        str(locations.qml_dir()),
        "--max-warnings",
        "0",
        *(extra_args or []),
        *[str(p) for p in qml_files()],
    ]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["qmltypes"]:
        generate_qmltypes()
        print(f"wrote {QMLTYPES.relative_to(ROOT)}")
        return 0
    if args[:1] == ["lint"]:
        result = lint(args[1:])
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        return result.returncode
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
