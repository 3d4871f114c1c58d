"""Reading and checking the curators' TOML sources (db/sources) into typed records.

Every problem is collected (a curator fixes them all in one go) as ``FILE: field: what is wrong``.
"""

from __future__ import annotations

import hashlib
import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from kiosk.data.cities import rules
from kiosk.data.attract import slides as slide_rules
from kiosk.data.text import text_fixes
from kiosk.data.errors import DataError, DataErrors
from kiosk.data.novokuznetsk.records import Section
from kiosk.data.novokuznetsk.sources import SECTION_DIR, load_section
from kiosk.data.store.records import City, CitySourceRef, Correction, Memorial, OpenQuestion, Tag
from kiosk.data.attract.slides import CuratorSlide

if TYPE_CHECKING:  # the quiz module is read only when a quiz.toml is there
    from kiosk.data.quiz.curated import CuratedQuestion

log = logging.getLogger(__name__)
_TAG_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
CITY_KEYS = {
    "id",
    "name",
    "region",
    "federal_district",
    "year",
    "headline",
    "tags",
    "name_latin",
    "summary_en",
    "location",
    "memorial",
    "seed",
    "corrections",
    "questions",
    "text_fixes",
    "editorial",
}
# Seed fields compared with the shown value: a difference needs a note in [corrections].
SEED_COMPARED = ("name", "region", "year")


@dataclass
class CitySource:
    city: City
    name_seed: str
    region_seed: str
    geonameid: int | None
    memorial_seed: str
    corrections: list[tuple[str, str, str, str]]  # (field, original, corrected, note)
    questions: list[tuple[str, str]] = field(default_factory=list)  # (field, note): open doubts for an editor


@dataclass
class Sources:
    root: Path
    files: list[Path]  # every source file, sorted by relative path
    tags: list[Tag] = field(default_factory=list)
    regions: dict[str, str] = field(default_factory=dict)
    cities: list[CitySource] = field(default_factory=list)
    section: Section = field(default_factory=Section)  # the Novokuznetsk section, empty without its folder
    slides: list[CuratorSlide] = field(default_factory=list)  # slides.toml (optional file)
    quiz: list[CuratedQuestion] = field(default_factory=list)  # quiz.toml (optional file)

    def sha256(self) -> str:
        """Hash over the source files' bytes in sorted path order: the same sources give the same hash."""
        h = hashlib.sha256()
        for f in self.files:
            h.update(f.read_bytes())
        return h.hexdigest()

    def relative_files(self) -> list[str]:
        return [f.relative_to(self.root).as_posix() for f in self.files]

    def corrections(self) -> list[Correction]:
        out, next_id = [], 1
        for cs in self.cities:
            for fld, original, corrected, note in cs.corrections:
                out.append(Correction(next_id, cs.city.id, fld, original, corrected, note))
                next_id += 1
        return out

    def questions(self) -> list[OpenQuestion]:
        flat = [(cs.city.id, fld, note) for cs in self.cities for fld, note in cs.questions]
        return [OpenQuestion(i, cid, fld, note) for i, (cid, fld, note) in enumerate(flat, start=1)]


class _Checker:
    """Collects problems for one file."""

    def __init__(self, path: Path, problems: list[DataError]) -> None:
        self.path, self.problems = path, problems

    def bad(self, fld: str | None, message: str) -> None:
        self.problems.append(DataError(self.path, message, field=fld))

    def text(self, table: dict[str, Any], key: str, prefix: str = "", required: bool = True) -> str:
        value = table.get(key)
        name = prefix + key
        if value is None:
            if required:
                self.bad(name, "missing")
            return ""
        if not isinstance(value, str):
            self.bad(name, f"must be text, got {type(value).__name__} {value!r}")
            return ""
        if required and not value.strip():
            self.bad(name, "must not be empty")
        return value

    def table(self, data: dict[str, Any], key: str, required: bool) -> dict[str, Any] | None:
        value = data.get(key)
        if value is None:
            if required:
                self.bad(key, "missing table")
            return None
        if not isinstance(value, dict):
            self.bad(key, f"must be a table [{key}], got {type(value).__name__}")
            return None
        return value


def _read_toml(path: Path, problems: list[DataError]) -> dict[str, Any] | None:
    try:
        return tomllib.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as e:
        problems.append(DataError(path, f"not UTF-8 text (byte {e.start})"))
    except tomllib.TOMLDecodeError as e:
        problems.append(DataError(path, f"invalid TOML: {e}"))
    except OSError as e:
        problems.append(DataError(path, f"cannot read: {e.strerror or e}"))
    return None


def _load_tags(path: Path, problems: list[DataError]) -> list[Tag]:
    data = _read_toml(path, problems)
    if data is None:
        return []
    check = _Checker(path, problems)
    entries = data.get("tag")
    if not isinstance(entries, list) or not entries:
        check.bad("tag", "missing: expected [[tag]] entries")
        return []
    tags, seen = [], set()
    for i, entry in enumerate(entries):
        where = f"tag[{i}]."
        if not isinstance(entry, dict):
            check.bad(f"tag[{i}]", "must be a table")
            continue
        tag_id = check.text(entry, "id", where)
        if tag_id and not _TAG_ID.match(tag_id):
            check.bad(where + "id", f"{tag_id!r} must be a lower-case slug (a-z, 0-9, -, _)")
        elif tag_id in seen:
            check.bad(where + "id", f"duplicate tag id {tag_id!r}")
        seen.add(tag_id)
        tags.append(
            Tag(
                tag_id,
                check.text(entry, "label_ru", where),
                check.text(entry, "label_en", where),
                check.text(entry, "icon", where),
            )
        )
    return tags


def _load_regions(path: Path, problems: list[DataError]) -> dict[str, str]:
    """Region name → federal district, from [[region]] name/federal_district entries ([source] is metadata).

    Plain ``"Region" = "District"`` pairs are accepted too.
    """
    data = _read_toml(path, problems)
    if data is None:
        return {}
    check = _Checker(path, problems)
    regions: dict[str, str] = {}
    entries = data.get("region", [])
    if not isinstance(entries, list):
        check.bad("region", "must be [[region]] entries")
        entries = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            check.bad(f"region[{i}]", "must be a table")
            continue
        name = check.text(entry, "name", f"region[{i}].")
        district = check.text(entry, "federal_district", f"region[{i}].")
        if name in regions:
            check.bad(f"region[{i}].name", f"duplicate region {name!r}")
        regions[name] = district
    regions.update({key: value for key, value in data.items() if isinstance(value, str)})
    return regions


def _corrected_value(data: dict[str, Any], dotted: str) -> object:
    value: object = data
    for part in dotted.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


def _seed_value(seed: dict[str, Any], dotted: str) -> object:
    """The seed's value for a corrected field; for «memorial.title» the whole seed.memorial cell."""
    value = _corrected_value(seed, dotted)
    if value is None and "." in dotted:
        value = seed.get(dotted.split(".", 1)[0])
    return value if isinstance(value, (str, int, float)) else None


def _as_text(value: object) -> str:
    return "" if value is None else str(value)


def _load_city(
    path: Path, data: dict[str, Any], tag_ids: set[str] | None, regions: dict[str, str], problems: list[DataError]
) -> CitySource | None:
    check = _Checker(path, problems)
    before = len(problems)
    for key in sorted(set(data) - CITY_KEYS):  # forward-compatible, but typos should not pass silently
        log.warning("%s: %s: unknown field, ignored", path, key)

    city_id = data.get("id")
    if not isinstance(city_id, int) or isinstance(city_id, bool) or city_id < 1:
        check.bad("id", f"must be a positive whole number, got {city_id!r}")
        city_id = 0
    elif path.stem.isdigit() and int(path.stem) != city_id:
        check.bad("id", f"{city_id} does not match the file name {path.name}")
    name = check.text(data, "name")
    region = check.text(data, "region")
    district = check.text(data, "federal_district")
    if region and regions and region not in regions:
        check.bad("region", f"{region!r} is not in regions.toml")
    elif region and district and regions and regions[region] != district:
        check.bad("federal_district", f"{district!r}, but regions.toml says {regions[region]!r} for {region!r}")
    year = data.get("year")
    if (why := rules.year_problem(year)) is not None:
        check.bad("year", why)
    headline = check.text(data, "headline")
    name_latin = check.text(data, "name_latin", required=False)
    summary_en = check.text(data, "summary_en", required=False)

    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        check.bad("tags", "must be a list of tag ids")
        tags = []
    for t in tags:
        if tag_ids is not None and t not in tag_ids:
            check.bad("tags", f"unknown tag {t!r} (not in tags.toml)")
    if len(set(tags)) != len(tags):
        check.bad("tags", "lists a tag twice")

    lat = lon = geonameid = None
    if (loc := check.table(data, "location", required=False)) is not None:
        lat, lon, geonameid = loc.get("lat"), loc.get("lon"), loc.get("geonameid")
        if (lat is None) != (lon is None):
            check.bad("location", "lat and lon go together: give both or neither")
        if lat is not None and (why := rules.lat_problem(lat)):
            check.bad("location.lat", why)
        if lon is not None and (why := rules.lon_problem(lon)):
            check.bad("location.lon", why)
        if geonameid is not None and (not isinstance(geonameid, int) or isinstance(geonameid, bool)):
            check.bad("location.geonameid", f"must be a whole number, got {geonameid!r}")

    memorial = None
    if (mem := check.table(data, "memorial", required=False)) is not None:
        url = check.text(mem, "url", "memorial.", required=False)
        if (why := rules.url_problem(url)) is not None:
            check.bad("memorial.url", why)
        memorial = Memorial(
            check.text(mem, "kind", "memorial."),
            check.text(mem, "title", "memorial."),
            check.text(mem, "address", "memorial.", required=False),
            url,
        )

    one_line = {
        "name": name,
        "region": region,
        "federal_district": district,
        "headline": headline,
        "name_latin": name_latin,
    }
    if memorial is not None:
        one_line.update(
            {
                "memorial.kind": memorial.kind,
                "memorial.title": memorial.title,
                "memorial.address": memorial.address,
                "memorial.url": memorial.url,
            }
        )
    for key, value in one_line.items():
        if (why := rules.oneline_problem(value)) is not None:
            check.bad(key, why)

    # A row of the list has its [seed]; a city the list lacks (71, Вологда) has the exhibition's own [editorial]
    # text instead, every fact of it backed by a public source recorded beside it.
    editorial = check.table(data, "editorial", required=False)
    sources: tuple[CitySourceRef, ...] = ()
    if editorial is not None:
        if "seed" in data:
            check.bad("editorial", "a city has either [seed] (a row of the list) or [editorial], not both")
        seed = {}
        text = check.text(editorial, "text", "editorial.").strip()
        sources = _editorial_sources(editorial, check)
    else:
        seed = check.table(data, "seed", required=True) or {}
        text = check.text(seed, "text", "seed.").strip() if seed else ""
    text, fixed = text_fixes.apply_fixes(text, data.get("text_fixes"), check.bad)
    if headline and text and (why := rules.headline_problem(headline, text)):
        check.bad("headline", why)

    notes = check.table(data, "corrections", required=False) or {}
    for key, note in notes.items():
        if not isinstance(note, str) or not note.strip():
            check.bad(f"corrections.{key}", "must be a note (text) saying why the value differs from the seed")
    for key in SEED_COMPARED:
        differs = key in seed and key in data and _as_text(seed[key]).strip() != _as_text(data[key]).strip()
        if differs and key not in notes:
            check.bad(key, f"differs from seed.{key} {seed[key]!r}: add a note under [corrections]")
    corrections = [
        (key, _as_text(_seed_value(seed, key)), _as_text(_corrected_value(data, key)), str(note))
        for key, note in sorted(notes.items())
    ] + [(text_fixes.FIELD, original, corrected, note) for original, corrected, note in fixed]

    questions = check.table(data, "questions", required=False) or {}
    for key, note in questions.items():
        if not isinstance(note, str) or not note.strip():
            check.bad(f"questions.{key}", "must be a note (text) describing the open question")

    if len(problems) > before:
        return None
    return CitySource(
        city=City(
            id=city_id,
            name=name,
            region=region,
            federal_district=district,
            year=cast(int, year),
            text=text,
            headline=headline,
            lat=None if lat is None else float(lat),
            lon=None if lon is None else float(lon),
            name_latin=name_latin,
            tags=tuple(tags),
            memorial=memorial,
            summary_en=summary_en,
            sources=sources,
        ),
        name_seed=check.text(seed, "name", "seed.", required=False) or name,
        region_seed=check.text(seed, "region", "seed.", required=False) or region,
        geonameid=geonameid,
        memorial_seed=check.text(seed, "memorial", "seed.", required=False),
        corrections=corrections,
        questions=[(key, str(note)) for key, note in sorted(questions.items())],
    )


def _editorial_sources(editorial: dict[str, Any], check: _Checker) -> tuple[CitySourceRef, ...]:
    """[[editorial.source]]: `title` (what visitors read), `url` (where it is), `facts` (what was taken from it)."""
    entries = editorial.get("source")
    if not isinstance(entries, list) or not entries:
        check.bad("editorial.source", "missing: an editorial text needs [[editorial.source]] entries")
        return ()
    out = []
    for i, entry in enumerate(entries):
        where = f"editorial.source[{i}]."
        if not isinstance(entry, dict):
            check.bad(where[:-1], "must be a table with title, url, facts")
            continue
        url = check.text(entry, "url", where)
        if url and (why := rules.url_problem(url)) is not None:
            check.bad(where + "url", why)
        out.append(CitySourceRef(check.text(entry, "title", where), url, check.text(entry, "facts", where)))
    return tuple(out)


def load_sources(root: str | Path) -> Sources:
    """Read and check everything under `root`; raises DataErrors listing every problem found."""
    root = Path(root)
    problems: list[DataError] = []
    if not root.is_dir():
        raise DataErrors([DataError(root, "sources folder not found")])
    files = sorted((p for p in root.rglob("*.toml") if p.is_file()), key=lambda p: p.relative_to(root).as_posix())
    src = Sources(root=root, files=files)

    tags_path = root / "tags.toml"
    if tags_path.is_file():
        src.tags = _load_tags(tags_path, problems)
    else:
        problems.append(DataError(tags_path, "missing"))
    regions_path = root / "regions.toml"
    if regions_path.is_file():
        src.regions = _load_regions(regions_path, problems)

    slides_path = root / "slides.toml"
    if slides_path.is_file() and (data := _read_toml(slides_path, problems)) is not None:
        src.slides = slide_rules.from_source(slides_path, data, problems)
    quiz_path = root / "quiz.toml"
    if quiz_path.is_file() and (data := _read_toml(quiz_path, problems)) is not None:
        from kiosk.data.quiz import curated

        src.quiz = curated.from_source(quiz_path, data, problems)

    city_files = sorted((root / "cities").glob("*.toml")) if (root / "cities").is_dir() else []
    if not city_files:
        problems.append(DataError(root / "cities", "no city files (cities/NN.toml)"))
    tag_ids = {t.id for t in src.tags} if src.tags else None  # no tags.toml: one problem is enough
    seen: dict[int, Path] = {}
    for path in city_files:
        data = _read_toml(path, problems)
        if data is None:
            continue
        cs = _load_city(path, data, tag_ids, src.regions, problems)
        if cs is None:
            continue
        if cs.city.id in seen:
            problems.append(DataError(path, f"{cs.city.id} is already used by {seen[cs.city.id]}", field="id"))
            continue
        seen[cs.city.id] = path
        src.cities.append(cs)
    # The section's quotes are checked against the seed documents beside the sources (db/seeds).
    src.section = load_section(root / SECTION_DIR, root.parent / "seeds", _read_toml, problems)
    if problems:
        raise DataErrors(problems)
    src.cities.sort(key=lambda cs: cs.city.id)
    return src
