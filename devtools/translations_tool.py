"""Developer tooling for the interface's translations (never imported by the kiosk at run time).

    python -m devtools.translations_tool update   # lupdate over QML and Python, then lrelease: `make translations`
    python -m devtools.translations_tool check    # exit 1 when a string is unfinished or a .qm is stale

Russian is the source language. kiosk_en.ts holds the English of every string; kiosk_ru.ts only the Russian
plural forms of the %n strings (-pluralonly). After `update`, translate what it reports as unfinished (Qt
Linguist: `pyside6-linguist kiosk/ui/translations/kiosk_en.ts`, or edit the XML), then run `update` again.

The .qm files carry the interface strings typeset, as the content is (kiosk/data/text/typography.py): no «на / карте»
or «18 февраля / 1942 г.» at a line end. kiosk_ru.qm is made from every Russian string (an lupdate without
-pluralonly, plural forms from kiosk_ru.ts) passed through `typeset()`; lrelease keeps only those it changed. In
kiosk_en.qm a number keeps with its word and a month with its year. Done here, when the .qm is built, so the
kiosk pays nothing at run time (a Python QTranslator deadlocked with QML's loader thread).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from kiosk.data.text.typography import NBSP, typeset
from kiosk.ui.platform import locations
from devtools.qmltooling import _tool

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
    """lrelease of the typeset catalogue (see the module's doc): the .ts files themselves stay as written."""
    with tempfile.TemporaryDirectory() as tmp:
        typeset_ts = Path(tmp) / ts_path(code).name
        if code == "ru":
            lupdate(code, typeset_ts, extra=[])  # every string, not only the plural ones
        else:
            typeset_ts.write_bytes(ts_path(code).read_bytes())
        typeset_catalogue(code, typeset_ts)
        subprocess.run(
            [
                _tool("pyside6-lrelease"),
                "-silent",
                "-removeidentical" if code == "ru" else "-nounfinished",
                str(typeset_ts),
                "-qm",
                str(out),
            ],
            check=True,
            cwd=ROOT,
        )


_PLACEHOLDERS_GLUED = re.compile(rf"(%\d){NBSP}(?=%)")
_EN_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_EN_RULES = (
    (re.compile(r"(?:(?<=\d)|(?<=%n)) (?=[A-Za-z])"), NBSP),  # «70 cities», «%n cities», «18 February»
    (re.compile(rf"\b({_EN_MONTHS}) (?=\d)"), rf"\1{NBSP}"),  # «February 1942»
)


def typeset_interface(code: str, text: str) -> str:
    """An interface string as it should break: Russian through the content's pass; English, a number with its
    word and a month with its year. Two placeholders side by side stay breakable (names may be long)."""
    if code == "ru":
        return _PLACEHOLDERS_GLUED.sub(r"\1 ", typeset(text))
    for pattern, replacement in _EN_RULES:
        text = pattern.sub(replacement, text)
    return text


def typeset_catalogue(code: str, ts: Path) -> None:
    """Rewrite `ts` in place with typeset translations: for ru, every message's (and plural form's) Russian
    (plural forms from kiosk_ru.ts); for en, the finished English."""
    tree = ET.parse(ts)
    plurals: dict[tuple[str | None, str | None], list[str]] = {}
    if code == "ru":
        for context in ET.parse(ts_path("ru")).getroot().iter("context"):
            for message in context.iter("message"):
                given = [f.text or "" for f in message.iter("numerusform")]
                if given:
                    plurals[(context.findtext("name"), message.findtext("source"))] = given
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("obsolete", "vanished"):
                continue
            source = message.findtext("source") or ""
            if code == "ru":
                translation.attrib.pop("type", None)
                forms = translation.findall("numerusform")
                if forms:
                    given = plurals.get((context.findtext("name"), source), [])
                    for i, form in enumerate(forms):
                        form.text = typeset_interface(code, given[i] if i < len(given) else source)
                else:
                    translation.text = typeset_interface(code, source)
            elif translation.get("type") != "unfinished":
                for node in translation.findall("numerusform") or [translation]:
                    node.text = typeset_interface(code, node.text or "")
    tree.write(ts, encoding="utf-8", xml_declaration=True)


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


def lupdate(code: str, ts: Path, extra: list[str] | None = None) -> None:
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
            *(CATALOGS[code] if extra is None else extra),
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
