"""Developer tooling for the interface's translations (never imported by the kiosk at run time).

    python -m kiosk.ui.translations_tool update   # lupdate over QML and Python, then lrelease: `make translations`
    python -m kiosk.ui.translations_tool check    # exit 1 when a string is unfinished or a .qm is stale

Russian is the source language. kiosk_en.ts holds the English of every string; kiosk_ru.ts only the Russian
plural forms of the %n strings (-pluralonly). After `update`, translate what it reports as unfinished (Qt
Linguist: `pyside6-linguist kiosk/ui/translations/kiosk_en.ts`, or edit the XML), then run `update` again.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from kiosk.ui import locations
from kiosk.ui.qmltooling import _tool

ROOT = locations.package_dir().parent
TS_DIR = locations.package_dir() / "ui" / "translations"
# language → extra lupdate options
CATALOGS = {"en": [], "ru": ["-pluralonly"]}


def sources() -> list[str]:
    """Every QML file of the module and every Python file of the Qt side that may call tr()."""
    ui = locations.package_dir() / "ui"
    files = sorted(ui.rglob("*.qml")) + sorted(p for p in ui.rglob("*.py") if "translations" not in p.name)
    return [str(p.relative_to(ROOT)) for p in files]


def ts_path(code: str) -> Path:
    return TS_DIR / f"kiosk_{code}.ts"


def qm_path(code: str) -> Path:
    return TS_DIR / f"kiosk_{code}.qm"


def release(code: str, out: Path) -> None:
    subprocess.run(
        [
            _tool("pyside6-lrelease"),
            "-silent",
            "-removeidentical" if code == "ru" else "-nounfinished",
            str(ts_path(code)),
            "-qm",
            str(out),
        ],
        check=True,
        cwd=ROOT,
    )


def unfinished(code: str) -> list[str]:
    """Source strings of `code`'s .ts without a finished translation (obsolete entries do not count)."""
    missing = []
    for message in ET.parse(ts_path(code)).getroot().iter("message"):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "unfinished"
        if kind in ("obsolete", "vanished"):
            continue
        forms = translation.findall("numerusform") if translation is not None else []
        empty = not forms and not (translation is not None and (translation.text or "").strip())
        if kind == "unfinished" or empty or any(not (f.text or "").strip() for f in forms):
            missing.append(message.findtext("source") or "")
    return missing


def lupdate(code: str, ts: Path) -> None:
    subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "ru_RU",
            "-target-language",
            code,
            *CATALOGS[code],
            *sources(),
            "-ts",
            str(ts),
        ],
        check=True,
        cwd=ROOT,
    )


def messages(ts: Path) -> set[tuple[str, str]]:
    """(context, source) of every current message in a .ts file."""
    found = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") not in ("obsolete", "vanished"):
                found.add((name, message.findtext("source") or ""))
    return found


def update() -> int:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for code in CATALOGS:
        lupdate(code, ts_path(code))
        release(code, qm_path(code))
    return report()


def not_in_ts() -> list[str]:
    """Strings the sources have now that a .ts lacks (someone added a qsTr and did not run `update`)."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for code in CATALOGS:
            fresh = Path(tmp) / f"kiosk_{code}.ts"
            lupdate(code, fresh)
            new = sorted(messages(fresh) - messages(ts_path(code)))
            found += [f"{ts_path(code).name}: {ctx}: {src[:80]!r}" for ctx, src in new]
    return found


def report() -> int:
    status = 0
    for code in CATALOGS:
        missing = unfinished(code)
        if missing:
            status = 1
            print(f"{ts_path(code).relative_to(ROOT)}: {len(missing)} unfinished:")
            for source in missing:
                print(f"  {source[:100]!r}")
    return status


def stale() -> list[str]:
    """The .qm files that differ from what lrelease makes of their .ts now."""
    found = []
    with tempfile.TemporaryDirectory() as tmp:
        for code in CATALOGS:
            fresh = Path(tmp) / f"kiosk_{code}.qm"
            release(code, fresh)
            if not qm_path(code).is_file() or fresh.read_bytes() != qm_path(code).read_bytes():
                found.append(str(qm_path(code).relative_to(ROOT)))
    return found


def check() -> int:
    status = report()
    for line in not_in_ts():
        print(f"{line}: not in the .ts yet, run `make translations`")
        status = 1
    for path in stale():
        print(f"{path}: stale, run `make translations`")
        status = 1
    return status


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "update"
    sys.exit({"update": update, "check": check}[command]())
