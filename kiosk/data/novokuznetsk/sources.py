"""Reading and checking the Novokuznetsk section's sources (db/sources/novokuznetsk/*.toml).

Every item quotes its seed exactly; a quote that no longer occurs in its seed file stops the build, so a
source cannot drift from the document it rests on. Problems are collected as ``FILE: field: what is wrong``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from kiosk.data.errors import DataError
from kiosk.data.novokuznetsk.records import (
    Award,
    Chapter,
    Event,
    Figure,
    Paragraph,
    Person,
    Quote,
    Section,
    SectionQuestion,
    SeedCorrection,
    SeedDoc,
    Unit,
    precision_of,
)

SECTION_DIR = "novokuznetsk"
FILES = ("seeds", "chapters", "timeline", "figures", "people", "awards", "units", "corrections", "questions")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
REF_KINDS = ("event", "figure", "person", "award", "unit")


def valid_date(value: str) -> bool:
    """ "YYYY", "YYYY-MM" or "YYYY-MM-DD", and a real calendar date."""
    if not _DATE.match(value):
        return False
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def apply_corrections(text: str, seed: str, corrections: tuple[SeedCorrection, ...] | list[Any]) -> str:
    """What visitors read: the quote with every correction recorded for its seed applied."""
    for c in corrections:
        if c.seed == seed:
            text = text.replace(c.original, c.corrected)
    return text


class _Reader:
    """One source file's entries, checked; problems go to the shared list."""

    def __init__(
        self,
        path: Path,
        data: dict[str, Any],
        problems: list[DataError],
        seeds: dict[str, SeedDoc],
        seed_texts: dict[str, str],
    ) -> None:
        self.path, self.data, self.problems = path, data, problems
        self.seeds, self.seed_texts = seeds, seed_texts

    def bad(self, where: str, message: str) -> None:
        self.problems.append(DataError(self.path, message, field=where))

    def entries(self, key: str) -> list[tuple[str, dict[str, Any]]]:
        value = self.data.get(key, [])
        if not isinstance(value, list):
            self.bad(key, f"must be [[{key}]] entries")
            return []
        out, seen = [], set()
        for i, entry in enumerate(value):
            where = f"{key}[{i}]"
            if not isinstance(entry, dict):
                self.bad(where, "must be a table")
                continue
            item_id = entry.get("id")
            if key != "correction":
                if not isinstance(item_id, str) or not _ID.match(item_id):
                    self.bad(f"{where}.id", f"must be a lower-case slug (a-z, 0-9, -), got {item_id!r}")
                    continue
                if item_id in seen:
                    self.bad(f"{where}.id", f"duplicate id {item_id!r}")
                    continue
                seen.add(item_id)
            out.append((where, entry))
        return out

    def text(self, entry: dict[str, Any], key: str, where: str, required: bool = True) -> str:
        value = entry.get(key)
        if value is None:
            if required:
                self.bad(f"{where}.{key}", "missing")
            return ""
        if not isinstance(value, str):
            self.bad(f"{where}.{key}", f"must be text, got {type(value).__name__} {value!r}")
            return ""
        if required and not value.strip():
            self.bad(f"{where}.{key}", "must not be empty")
        return value

    def seed_file(self, seed_id: object, where: str) -> str:
        doc = self.seeds.get(seed_id) if isinstance(seed_id, str) else None
        if doc is None:
            self.bad(where, f"unknown seed {seed_id!r} (not in seeds.toml)")
            return ""
        return doc.file

    def quote(self, entry: dict[str, Any], where: str) -> Quote | None:
        seed = self.seed_file(entry.get("seed"), f"{where}.seed")
        quote = self.text(entry, "quote", where)
        if not seed or not quote.strip():
            return None
        if quote not in self.seed_texts[seed]:
            self.bad(f"{where}.quote", f"does not occur in {seed}: «{quote[:60]}…»")
            return None
        return Quote(seed, quote)

    def sources(self, entry: dict[str, Any], where: str, also_key: str = "also") -> tuple[Quote, ...]:
        """The entry's own seed+quote first, then its `also` quotes."""
        quotes = []
        if "quote" in entry or "seed" in entry:
            quotes.append(self.quote(entry, where))
        also = entry.get(also_key, [])
        if not isinstance(also, list):
            self.bad(f"{where}.{also_key}", "must be a list of { seed, quote } tables")
            also = []
        for i, other in enumerate(also):
            if not isinstance(other, dict):
                self.bad(f"{where}.{also_key}[{i}]", "must be a { seed, quote } table")
                continue
            quotes.append(self.quote(other, f"{where}.{also_key}[{i}]"))
        if not quotes:
            self.bad(where, "needs a source: seed and quote")
        return tuple(q for q in quotes if q is not None)

    def date(self, entry: dict[str, Any], key: str, where: str, required: bool) -> str:
        value = self.text(entry, key, where, required=required)
        if value and not valid_date(value):
            self.bad(f"{where}.{key}", f"{value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
            return ""
        return value


def _seed_texts(seeds_dir: Path, problems: list[DataError], path: Path, data: dict[str, Any]) -> dict[str, SeedDoc]:
    docs: dict[str, SeedDoc] = {}
    entries = data.get("seed", [])
    for i, entry in enumerate(entries if isinstance(entries, list) else []):
        sid = entry.get("id") if isinstance(entry, dict) else None
        where = f"seed[{i}]"
        if not isinstance(sid, str) or not sid:
            problems.append(DataError(path, f"must name a seed file prefix, got {sid!r}", field=f"{where}.id"))
            continue
        matches = sorted(seeds_dir.glob(f"{sid}_*.txt"))
        if len(matches) != 1:
            problems.append(
                DataError(path, f"{len(matches)} files {sid}_*.txt in {seeds_dir}, expected one", field=f"{where}.id")
            )
            continue
        docs[sid] = SeedDoc(
            sid,
            matches[0].name,
            str(entry.get("title", "")),
            str(entry.get("kind", "")),
            bool(entry.get("shown", True)),
            str(entry.get("taken", "")),
            title_en=str(entry.get("title_en", "")),
            kind_en=str(entry.get("kind_en", "")),
            taken_en=str(entry.get("taken_en", "")),
        )
    if not docs:
        problems.append(DataError(path, "missing: expected [[seed]] entries", field="seed"))
    return docs


def load_section(
    section_dir: Path,
    seeds_dir: Path,
    read_toml: Callable[[Path, list[DataError]], dict[str, Any] | None],
    problems: list[DataError],
) -> Section:
    """The section under `section_dir`; an absent folder is an empty section. Problems are appended."""
    if not section_dir.is_dir():
        return Section()
    before = len(problems)
    data = {}
    for name in FILES:
        path = section_dir / f"{name}.toml"
        if not path.is_file():
            problems.append(DataError(path, "missing"))
            continue
        loaded = read_toml(path, problems)
        if loaded is not None:
            data[name] = (path, loaded)
    if "seeds" not in data:
        return Section()
    seeds = _seed_texts(seeds_dir, problems, *data["seeds"])
    try:
        seed_texts = {d.file: (seeds_dir / d.file).read_text(encoding="utf-8") for d in seeds.values()}
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(DataError(seeds_dir, f"cannot read a seed: {exc}"))
        return Section()

    def reader(name: str) -> _Reader:
        path, loaded = data.get(name, (section_dir / f"{name}.toml", {}))
        return _Reader(path, loaded, problems, seeds, seed_texts)

    r = reader("corrections")
    corrections = []
    for i, (where, e) in enumerate(r.entries("correction"), start=1):
        seed = r.seed_file(e.get("seed"), f"{where}.seed")
        original, corrected = r.text(e, "original", where), r.text(e, "corrected", where, required=False)
        if seed and original and original not in seed_texts[seed]:
            r.bad(f"{where}.original", f"does not occur in {seed}")
        corrections.append(SeedCorrection(i, seed, original, corrected, r.text(e, "note", where)))

    def shown(quotes: tuple[Quote, ...]) -> str:
        return apply_corrections(quotes[0].quote, quotes[0].seed, corrections) if quotes else ""

    # The exhibition's editorial English (label_en of every item, a chapter's summary_en): optional here, checked
    # against the item's Russian by kiosk.data.english.check in the report and the tests.
    labels_en: dict[str, str] = {}
    summaries_en: dict[str, str] = {}

    def english(r: _Reader, kind: str, e: dict[str, Any], where: str) -> None:
        if label := r.text(e, "label_en", where, required=False).strip():
            labels_en[f"{kind}:{e['id']}"] = label

    r = reader("chapters")
    chapters = []
    for where, e in r.entries("chapter"):
        english(r, "chapter", e, where)
        if summary := r.text(e, "summary_en", where, required=False).strip():
            summaries_en[e["id"]] = summary
        paragraphs = []
        for n, p in enumerate(e.get("paragraph", []) if isinstance(e.get("paragraph"), list) else [], start=1):
            pwhere = f"{where}.paragraph[{n - 1}]"
            quotes = r.sources(p, pwhere) if isinstance(p, dict) else ()
            refs = p.get("refs", []) if isinstance(p, dict) else []
            if not isinstance(refs, list) or not all(isinstance(x, str) for x in refs):
                r.bad(f"{pwhere}.refs", 'must be a list of references like "person:chalkov"')
                refs = []
            paragraphs.append(Paragraph(f"{e['id']}#{n}", shown(quotes), tuple(refs), quotes))
        if not paragraphs:
            r.bad(f"{where}.paragraph", "a chapter needs [[chapter.paragraph]] entries")
        chapters.append(
            Chapter(e["id"], r.text(e, "title", where), r.text(e, "lead", where, required=False), tuple(paragraphs))
        )

    r = reader("timeline")
    events = []
    for where, e in r.entries("event"):
        date, end = r.date(e, "date", where, True), r.date(e, "end", where, False)
        if date and end and end < date:
            r.bad(f"{where}.end", f"{end} is before {date}")
        english(r, "event", e, where)
        quotes = r.sources(e, where)
        events.append(
            Event(
                e["id"],
                date,
                end,
                precision_of(date, end),
                r.text(e, "when", where, False),
                r.text(e, "title", where),
                shown(quotes),
                quotes,
            )
        )
    events.sort(key=lambda ev: (ev.date, ev.end or ev.date))

    r = reader("figures")
    figures = []
    for where, e in r.entries("figure"):
        value = e.get("value")
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            r.bad(f"{where}.value", f"must be a number, got {value!r}")
            value = 0
        countable = e.get("count", True)
        if not isinstance(countable, bool):
            r.bad(f"{where}.count", "must be true or false")
        english(r, "figure", e, where)
        quotes = r.sources(e, where)
        figures.append(
            Figure(
                e["id"],
                float(value),
                r.text(e, "value_text", where),
                r.text(e, "unit", where),
                r.text(e, "label", where),
                bool(countable),
                shown(quotes),
                quotes,
            )
        )

    r = reader("people")
    people = []
    for where, e in r.entries("person"):
        english(r, "person", e, where)
        quotes = r.sources(e, where)
        people.append(
            Person(
                e["id"],
                r.text(e, "name", where),
                r.text(e, "role", where),
                r.text(e, "when", where, False),
                shown(quotes),
                quotes,
            )
        )

    r = reader("awards")
    awards = []
    for where, e in r.entries("award"):
        english(r, "award", e, where)
        quotes = r.sources(e, where)
        awards.append(
            Award(
                e["id"],
                r.text(e, "title", where),
                r.text(e, "recipient", where),
                r.date(e, "date", where, False),
                r.text(e, "by", where, False),
                shown(quotes),
                quotes,
            )
        )

    r = reader("units")
    units = []
    for where, e in r.entries("unit"):
        english(r, "unit", e, where)
        quotes = r.sources(e, where)
        units.append(Unit(e["id"], r.text(e, "name", where), r.text(e, "kind", where), shown(quotes), quotes))

    r = reader("questions")
    questions = []
    for where, e in r.entries("question"):
        quotes = r.sources(e, where, also_key="readings")
        shown_id = r.text(e, "shown", where, False)
        shown_file = r.seed_file(shown_id, f"{where}.shown") if shown_id else ""
        questions.append(
            SectionQuestion(e["id"], r.text(e, "topic", where), r.text(e, "note", where), shown_file, quotes)
        )

    docs = tuple(replace(d, text=seed_texts[d.file]) for d in seeds.values())
    section = Section(
        docs,
        tuple(chapters),
        tuple(events),
        tuple(figures),
        tuple(people),
        tuple(awards),
        tuple(units),
        tuple(corrections),
        tuple(questions),
        labels_en=labels_en,
        summaries_en=summaries_en,
    )
    _check_refs(section, data.get("chapters", (section_dir / "chapters.toml", None))[0], problems)
    _check_hidden_seeds(section, section_dir, problems)
    return section if len(problems) == before else Section()


def _check_refs(section: Section, path: Path, problems: list[DataError]) -> None:
    for chapter in section.chapters:
        for p in chapter.paragraphs:
            for ref in p.refs:
                kind = ref.split(":", 1)[0]
                if kind not in REF_KINDS:
                    problems.append(
                        DataError(
                            path,
                            f"{ref!r}: a reference is one of {', '.join(REF_KINDS)}",
                            field=f"paragraph {p.id}.refs",
                        )
                    )
                    continue
                try:
                    section.item(ref)
                except KeyError:
                    problems.append(DataError(path, f"{ref!r} names no item", field=f"paragraph {p.id}.refs"))


def _check_hidden_seeds(section: Section, section_dir: Path, problems: list[DataError]) -> None:
    """Items shown to visitors must rest on a seed that may be shown (002 only backs open questions)."""
    hidden = {s.file for s in section.seeds if not s.shown}
    for kind, items in (
        ("paragraph", [p for c in section.chapters for p in c.paragraphs]),
        ("event", section.events),
        ("figure", section.figures),
        ("person", section.people),
        ("award", section.awards),
        ("unit", section.units),
    ):
        for item in items:
            if any(q.seed in hidden for q in item.sources):
                problems.append(
                    DataError(
                        section_dir,
                        f"{kind} {item.id} is shown but quotes a seed that is never "
                        "shown, and its «Источник» would show that passage",
                        field=kind,
                    )
                )
